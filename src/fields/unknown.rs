//! What a reader reports when it is done: the required keys it found
//! missing, and the keys no getter asked for. A key close to a missing
//! required one is that key misspelt: one error at the key, so the writer
//! fixes the typo instead of adding a second line. A key close to one the
//! reader knows is an error too, as its value would be lost without a
//! word (on plain pages, whose keys often come from another tool, a
//! warning); a key close to none is a warning.

use super::Reader;
use crate::diagnostics::{Code, Diagnostic, Span, closest_value};
use crate::frontmatter::Field;

impl Reader<'_> {
    /// Reports the required keys found missing and every key that no
    /// getter asked for and `known` does not name (keys read elsewhere).
    pub(crate) fn finish(mut self, known: &[&str]) {
        let mut missing = std::mem::take(&mut self.missing);
        let mut candidates: Vec<&str> = known.iter().chain(&self.used).copied().collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut unknown = Vec::new();
        for field in self.fields {
            let key = field.key.as_str();
            let ignored = self.ignored.is_some_and(|keys| keys.iter().any(|k| k == key));
            if self.used.contains(key) || known.contains(&key) || ignored {
                continue;
            }
            let meant = closest_value(key, missing.iter().map(|(k, _)| (k.as_str(), k.as_str())))
                .map(str::to_owned);
            unknown.push(match meant {
                Some(meant) => {
                    missing.retain(|(k, _)| *k != meant);
                    misspelt(field, &meant)
                }
                None => self.unknown(field, &candidates),
            });
        }
        for (key, example) in missing {
            self.diags.push(missing_field(&self.owner, &key, &example));
        }
        self.diags.extend(unknown);
    }

    /// The diagnostic for `field`, a key close to no missing one.
    fn unknown(&self, field: &Field, candidates: &[&str]) -> Diagnostic {
        let message = format!("unknown field `{}`", field.key);
        let span = field.key_span.clone();
        let close = closest_value(&field.key, candidates.iter().map(|c| (*c, *c)));
        let diagnostic = match close {
            Some(close) if !self.lenient => Diagnostic::error(span, message)
                .label("stratdoc does not use this field: its value would be lost")
                .help(format!("did you mean `{close}`?")),
            Some(close) => Diagnostic::warning(span, message)
                .label("stratdoc does not use this field")
                .help(format!("did you mean `{close}`?")),
            None => {
                let mut help = format!("known fields here: {}", candidates.join(", "));
                if self.ignored.is_some() {
                    help.push_str("; for another tool's key, see `ignore_fields`");
                }
                Diagnostic::warning(span, message)
                    .label("stratdoc does not use this field")
                    .help(help)
            }
        };
        diagnostic.code(Code::UnknownField)
    }
}

impl Drop for Reader<'_> {
    /// A reader dropped without [`Reader::finish`] still reports the
    /// required keys it found missing.
    fn drop(&mut self) {
        for (key, example) in std::mem::take(&mut self.missing) {
            self.diags.push(missing_field(&self.owner, &key, &example));
        }
    }
}

/// `field`, whose key is the required key `meant` misspelt.
fn misspelt(field: &Field, meant: &str) -> Diagnostic {
    Diagnostic::error(field.key_span.clone(), format!("unknown field `{}`", field.key))
        .code(Code::UnknownField)
        .label(format!("`{meant}` is required, and missing"))
        .help(format!("did you mean `{meant}`?"))
}

/// The required `key`, missing from the mapping at `owner`.
fn missing_field(owner: &Span, key: &str, example: &str) -> Diagnostic {
    Diagnostic::error(owner.clone(), format!("missing required field `{key}`"))
        .code(Code::MissingField)
        .label("in this frontmatter")
        .help(format!("add a line such as `{key}: {example}`"))
}
