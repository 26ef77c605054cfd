//! The `print:` key of `stratdoc.yaml`: which parts the board edition has,
//! in which order, and which are appendices. Part names are checked here;
//! plain pages named by id are checked against the publication when the
//! board edition is put together, since the config is read before content.

use crate::diagnostics::{Code, Diagnostic, Span};
use crate::fields::{Reader, Ref};

/// A part of the board edition, as `print:` names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintPart {
    /// `purpose`: the purpose statement.
    Purpose,
    /// `narrative`: the chapters of the core narrative.
    Narrative,
    /// `directions`: each direction followed by its initiatives.
    Directions,
    /// `action_plan`: the roadmap and the plan's tables.
    ActionPlan,
    /// `analysis`: the environment analysis.
    Analysis,
    /// `pages`: every plain page not named on its own.
    Pages,
    /// One plain page by its id (`om`, `bilag/ordliste`).
    Page(Ref),
}

/// The names of the parts, as written in `print:`.
const NAMES: [(&str, PrintPart); 6] = [
    ("purpose", PrintPart::Purpose),
    ("narrative", PrintPart::Narrative),
    ("directions", PrintPart::Directions),
    ("action_plan", PrintPart::ActionPlan),
    ("analysis", PrintPart::Analysis),
    ("pages", PrintPart::Pages),
];

/// What the board edition holds: numbered parts, then lettered appendices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Print {
    /// The body, numbered 1, 2, 3 …
    pub parts: Vec<PrintPart>,
    /// The appendices, lettered A, B, C …
    pub appendix: Vec<PrintPart>,
}

impl Default for Print {
    /// Purpose, narrative, directions with their initiatives and the action
    /// plan; the analysis and the plain pages as appendices.
    fn default() -> Self {
        Print {
            parts: vec![
                PrintPart::Purpose,
                PrintPart::Narrative,
                PrintPart::Directions,
                PrintPart::ActionPlan,
            ],
            appendix: vec![PrintPart::Analysis, PrintPart::Pages],
        }
    }
}

/// Reads `print:`; a list left out keeps its default, an empty list leaves
/// every part of it out.
pub(super) fn read(r: &mut Reader<'_>) -> Option<Print> {
    r.mapping("print", |p| {
        let defaults = Print::default();
        let mut seen: Vec<(PrintPart, Span)> = Vec::new();
        let mut list = |p: &mut Reader<'_>, key: &'static str, default: Vec<PrintPart>| {
            if p.node(key).is_none() {
                return default;
            }
            let mut parts = Vec::new();
            for entry in p.refs(key) {
                let part = part(&entry);
                if let Some((_, first)) = seen.iter().find(|(s, _)| same(s, &part)) {
                    p.diags.push(
                        Diagnostic::error(
                            entry.span.clone(),
                            format!("`{}` is listed twice in `print:`", entry.id),
                        )
                        .code(Code::PrintEntry)
                        .also(first.clone(), "first listed here"),
                    );
                    continue;
                }
                seen.push((part.clone(), entry.span.clone()));
                parts.push(part);
            }
            parts
        };
        let parts = list(p, "parts", defaults.parts);
        let appendix = list(p, "appendix", defaults.appendix);
        Print { parts, appendix }
    })
}

/// The part `entry` names: a part name, else a plain page's id.
fn part(entry: &Ref) -> PrintPart {
    NAMES
        .iter()
        .find(|(name, _)| *name == entry.id)
        .map_or_else(|| PrintPart::Page(entry.clone()), |(_, part)| part.clone())
}

/// Two entries for the same part (pages compare by id, not by where written).
fn same(a: &PrintPart, b: &PrintPart) -> bool {
    match (a, b) {
        (PrintPart::Page(a), PrintPart::Page(b)) => a.id == b.id,
        _ => a == b,
    }
}

/// The part names, for help texts and suggestions.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    NAMES.iter().map(|(n, _)| *n)
}
