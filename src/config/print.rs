//! The `print:` key of `stratdoc.yaml`: which parts the board edition has,
//! in which order, and which are appendices. A part is a kind's, by the
//! name the schema gives it (`directions`, `action_plan`); any other name
//! is a plain page's id, checked against the publication when the board
//! edition is put together, since the config is read before content.

use crate::diagnostics::{Code, Diagnostic, Span};
use crate::fields::{Reader, Ref};
use crate::schema::{KindId, Schema};

/// A part of the board edition, as `print:` names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintPart {
    /// The part of a kind: its pages (the purpose statement, the
    /// narrative's chapters, …), or for the plan the roadmap and tables.
    Kind(KindId),
    /// One plain page by its id (`om`, `bilag/ordliste`).
    Page(Ref),
}

/// What the board edition holds: numbered parts, then lettered appendices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Print {
    /// The body, numbered 1, 2, 3 …
    pub parts: Vec<PrintPart>,
    /// The appendices, lettered A, B, C …
    pub appendix: Vec<PrintPart>,
}

impl Print {
    /// Every kind's part, in the schema's order: the appendices (`appendix:
    /// true`: the analysis and the plain pages) after the body.
    #[must_use]
    pub fn default_for(schema: &Schema) -> Print {
        let (appendix, parts): (Vec<_>, Vec<_>) = schema.kinds().partition(|(_, k)| k.appendix);
        let kinds =
            |list: Vec<(KindId, _)>| list.into_iter().map(|(id, _)| PrintPart::Kind(id)).collect();
        Print { parts: kinds(parts), appendix: kinds(appendix) }
    }
}

/// Reads `print:`; a list left out keeps its default, an empty list leaves
/// every part of it out.
pub(super) fn read(r: &mut Reader<'_>, schema: &Schema) -> Option<Print> {
    r.mapping("print", |p| {
        let defaults = Print::default_for(schema);
        let mut seen: Vec<(PrintPart, Span)> = Vec::new();
        let mut list = |p: &mut Reader<'_>, key: &'static str, default: Vec<PrintPart>| {
            if p.node(key).is_none() {
                return default;
            }
            let mut parts = Vec::new();
            for entry in p.refs(key) {
                let part = part(schema, &entry);
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

/// The part `entry` names: a kind's part, else a plain page's id.
fn part(schema: &Schema, entry: &Ref) -> PrintPart {
    schema.kind_of_part(&entry.id).map_or_else(|| PrintPart::Page(entry.clone()), PrintPart::Kind)
}

/// Two entries for the same part (pages compare by id, not by where written).
fn same(a: &PrintPart, b: &PrintPart) -> bool {
    match (a, b) {
        (PrintPart::Page(a), PrintPart::Page(b)) => a.id == b.id,
        _ => a == b,
    }
}

/// The part names, for help texts and suggestions.
pub(crate) fn names(schema: &Schema) -> impl Iterator<Item = &str> {
    schema.kinds().map(|(_, kind)| kind.part.as_str())
}
