//! `labels:`: the organisation's own words for the parts of a strategy
//! ("Sigtelinjer" for directions, "Indsatser" for initiatives), for the
//! configured language or per language:
//!
//! ```yaml
//! labels:
//!   direction: {singular: Sigtelinje, plural: Sigtelinjer}
//!   plan: Handlingsplan 2027–28
//! # or, for a strategy that may be built in either language:
//! labels:
//!   da:
//!     initiative: {singular: Indsats, plural: Indsatser}
//!   en:
//!     initiative: {singular: Action, plural: Actions}
//! ```

use std::collections::BTreeMap;

use crate::config::Language;
use crate::diagnostics::{Code, Diagnostic};
use crate::fields::Reader;
use crate::frontmatter::Value;

/// The parts whose names an organisation may change, and whether the UI
/// needs their plural too (a part with a plural must give both forms).
pub const PARTS: [(&str, bool); 12] = [
    ("purpose", false),
    ("narrative", false),
    ("direction", true),
    ("initiative", true),
    ("analysis", false),
    ("plan", false),
    ("roadmap", false),
    ("matrix", false),
    ("status", false),
    ("owners", false),
    ("quarters", false),
    ("kpis", false),
];

/// A part's name in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// One of them: "Sigtelinje".
    pub singular: String,
    /// Several: "Sigtelinjer" (for parts that have a plural).
    pub plural: Option<String>,
}

/// Reads `labels:` for `language`: part name -> words.
pub(super) fn read(r: &mut Reader<'_>, language: Language) -> BTreeMap<&'static str, Words> {
    r.mapping("labels", |l| {
        // Parts at the top are the configured language's; a `da:` or `en:`
        // block names that language's (and wins for it).
        let mut chosen = parts(l);
        for (tag, lang) in [("da", Language::Da), ("en", Language::En)] {
            // The other language's words are checked too, then set aside.
            let words = l.mapping(tag, parts).unwrap_or_default();
            if lang == language {
                chosen.extend(words);
            }
        }
        chosen
    })
    .unwrap_or_default()
}

/// The parts named in one mapping.
fn parts(l: &mut Reader<'_>) -> BTreeMap<&'static str, Words> {
    let mut out = BTreeMap::new();
    for &(part, has_plural) in &PARTS {
        let Some(node) = l.node(part) else { continue };
        let words = match &node.value {
            Value::Map(_) => l
                .mapping(part, |w| {
                    let singular = w.visible_text("singular", Some("Sigtelinje"));
                    let plural = w.visible_text("plural", has_plural.then_some("Sigtelinjer"));
                    Some(Words { singular: singular?, plural })
                })
                .flatten(),
            _ if has_plural => {
                l.diags.push(
                    Diagnostic::error(
                        node.span.clone(),
                        format!("`{part}` needs its singular and its plural"),
                    )
                    .code(Code::InvalidSetting)
                    .help(format!(
                        "write e.g. `{part}: {{singular: Sigtelinje, plural: Sigtelinjer}}`"
                    )),
                );
                None
            }
            _ => l.visible_text(part, None).map(|singular| Words { singular, plural: None }),
        };
        out.extend(words.map(|w| (part, w)));
    }
    out
}
