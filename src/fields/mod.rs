//! Typed reading of YAML fields with located diagnostics: each getter
//! checks one field's type and value, records what is wrong, and returns what
//! it could read, so one page yields all its problems. Shared by pages and
//! `stratdoc.yaml`. Fields of one value are read here, fields of many
//! (lists, mappings) in `lists`.

mod lists;
mod number;
mod time;
mod unknown;

use rustc_hash::FxHashSet;

pub(crate) use number::{exponent, is_plain_number};
use time::date_of;
pub(crate) use time::{quarter_of, when_of};

use crate::calendar::{Date, Quarter, When};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span, closest_value};
use crate::frontmatter::{Field, Node, Value};

/// A reference to another page by id, with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ref {
    /// The id as written.
    pub id: String,
    /// Where.
    pub span: Span,
}

/// Reads fields of one mapping, remembering which keys were used.
pub(crate) struct Reader<'a> {
    fields: &'a [Field],
    /// Where "missing field" errors point.
    owner: Span,
    used: FxHashSet<&'a str>,
    /// Required keys found missing, with what to write: reported by
    /// [`Self::finish`], unless a misspelt key there is one of them.
    missing: Vec<(String, String)>,
    /// Whether an unknown key close to a known one is only a warning.
    lenient: bool,
    /// On a page, the keys to leave alone, unreported (`ignore_fields` in
    /// the config); `None` elsewhere.
    ignored: Option<&'a [String]>,
    pub(crate) diags: &'a mut Diagnostics,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(fields: &'a [Field], owner: Span, diags: &'a mut Diagnostics) -> Self {
        Reader {
            fields,
            owner,
            used: FxHashSet::default(),
            missing: Vec::new(),
            lenient: false,
            ignored: None,
            diags,
        }
    }

    /// Reports every unknown key as a warning, even one close to a known
    /// key: for plain pages, whose frontmatter often comes from another
    /// tool with keys of its own.
    pub(crate) fn lenient(&mut self) {
        self.lenient = true;
    }

    /// Reads a page, leaving `keys` alone: neither read nor reported.
    pub(crate) fn ignore(&mut self, keys: &'a [String]) {
        self.ignored = Some(keys);
    }

    /// Where problems of the mapping as a whole point.
    pub(crate) fn owner_span(&self) -> Span {
        self.owner.clone()
    }

    /// The keys of the mapping, in file order (for mappings whose keys are
    /// names the reader does not know beforehand, such as an enum's values).
    pub(crate) fn keys(&self) -> Vec<&'a str> {
        self.fields.iter().map(|f| f.key.as_str()).collect()
    }

    /// The raw node of `key`, marking it used. A `null` value counts as absent.
    pub(crate) fn node(&mut self, key: &'a str) -> Option<&'a Node> {
        self.used.insert(key);
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| &f.value)
            .filter(|n| n.value != Value::Null)
    }

    /// Notes that the required `key` is missing; see [`Self::finish`].
    fn missing(&mut self, key: &str, example: &str) {
        if !self.missing.iter().any(|(k, _)| k == key) {
            self.missing.push((key.to_owned(), example.to_owned()));
        }
    }

    fn wrong_type(&mut self, key: &str, node: &Node, expected: &str, help: Option<String>) {
        self.diags.push(
            Diagnostic::error(
                node.span.clone(),
                format!("`{key}` must be {expected}, not {}", node.value.describe()),
            )
            .code(Code::WrongType)
            .help(help),
        );
    }

    /// A text field. Numbers and booleans are refused with a hint to quote them,
    /// so `title: 2025` does not silently become something else.
    pub(crate) fn text(&mut self, key: &'a str) -> Option<String> {
        let node = self.node(key)?;
        self.text_of(key, node)
    }

    /// The text of `node` (the value of `key`, or an item of its list).
    fn text_of(&mut self, key: &str, node: &Node) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            Value::YesNo(word) => {
                let diagnostic = Diagnostic::error(
                    node.span.clone(),
                    format!("`{word}` in `{key}` means false to some YAML tools"),
                )
                .code(Code::UnquotedBoolean)
                .help(format!("put it in quotes: `{key}: \"{word}\"`"));
                self.diags.push(diagnostic);
                None
            }
            other => {
                let written = match other {
                    Value::Number(n) => Some(n.clone()),
                    Value::Bool(b) => Some(b.to_string()),
                    _ => None,
                };
                let help = written.map(|w| format!("put it in quotes: `{key}: \"{w}\"`"));
                self.wrong_type(key, node, "text", help);
                None
            }
        }
    }

    /// Like [`Self::text`], but numbers are accepted as written (KPI figures).
    pub(crate) fn text_or_number(&mut self, key: &'a str) -> Option<String> {
        match self.node(key).map(|n| &n.value) {
            Some(Value::Number(n)) => Some(n.clone()),
            _ => self.text(key),
        }
    }

    pub(crate) fn required_text(&mut self, key: &'a str, example: &str) -> Option<String> {
        if self.node(key).is_none() {
            self.missing(key, example);
            return None;
        }
        self.text(key)
    }

    /// Text that is shown as a heading or a link (a label, the title):
    /// like [`Self::text`], or [`Self::required_text`] with `example`, but
    /// blank text is an error, as it would publish an empty heading.
    pub(crate) fn visible_text(&mut self, key: &'a str, example: Option<&str>) -> Option<String> {
        let text = match example {
            Some(example) => self.required_text(key, example),
            None => self.text(key),
        }?;
        if !text.trim().is_empty() {
            return Some(text);
        }
        let span = self.node(key).map_or_else(|| self.owner.clone(), |n| n.span.clone());
        let help = example.map_or_else(
            || format!("write the words for `{key}`, or leave the line out"),
            |example| format!("write it, e.g. `{key}: {example}`"),
        );
        self.diags.push(
            Diagnostic::error(span, format!("`{key}` is blank"))
                .code(Code::BlankField)
                .label("it would show as an empty heading and empty links")
                .help(help),
        );
        None
    }

    pub(crate) fn integer(&mut self, key: &'a str) -> Option<i64> {
        let node = self.node(key)?;
        match &node.value {
            Value::Number(n) if n.parse::<i64>().is_ok() => n.parse().ok(),
            _ => {
                self.wrong_type(
                    key,
                    node,
                    "a whole number",
                    Some(format!("for example `{key}: 1`")),
                );
                None
            }
        }
    }

    /// A number, kept as written (`1.10` stays `1.10`).
    pub(crate) fn number(&mut self, key: &'a str) -> Option<String> {
        let node = self.node(key)?;
        if let Value::Number(n) = &node.value {
            return Some(n.clone());
        }
        self.wrong_type(key, node, "a number", Some(format!("for example `{key}: 1.5`")));
        None
    }

    /// A day written `YYYY-MM-DD`.
    pub(crate) fn date(&mut self, key: &'a str) -> Option<Date> {
        let node = self.node(key)?;
        date_of(node, key, self.diags)
    }

    pub(crate) fn boolean(&mut self, key: &'a str) -> Option<bool> {
        let node = self.node(key)?;
        if let Value::Bool(b) = &node.value {
            Some(*b)
        } else {
            self.wrong_type(key, node, "`true` or `false`", None);
            None
        }
    }

    /// One of `allowed`; a wrong value lists them and suggests the closest.
    pub(crate) fn choice<T: Copy>(&mut self, key: &'a str, allowed: &[(&str, T)]) -> Option<T> {
        self.choice_or_word(key, allowed, &[])
    }

    /// One of `allowed`, whose values go by other `words` too (`(word,
    /// value)`: the words the site shows for them, in each language). A
    /// wrong value lists the allowed ones and suggests the one it is
    /// closest to, by value or word, in any case and with or without
    /// accents (`i gang`, `Høj`, `hoj`): the value to write.
    pub(crate) fn choice_or_word<T: Copy>(
        &mut self,
        key: &'a str,
        allowed: &[(&str, T)],
        words: &[(&str, &str)],
    ) -> Option<T> {
        let node = self.node(key)?;
        let text = match &node.value {
            Value::Str(s) | Value::YesNo(s) | Value::Number(s) => s.as_str(),
            Value::Bool(b) => {
                if *b {
                    "true"
                } else {
                    "false"
                }
            }
            _ => "",
        };
        if let Some((_, value)) = allowed.iter().find(|(name, _)| *name == text) {
            return Some(*value);
        }
        let names: Vec<&str> = allowed.iter().map(|(name, _)| *name).collect();
        let mut help = format!("allowed values: {}", names.join(", "));
        let by_name = names.iter().map(|name| (*name, *name));
        if let Some(close) = closest_value(text, by_name.chain(words.iter().copied())) {
            help = format!("did you mean `{close}`? {help}");
        }
        self.diags.push(
            Diagnostic::error(node.span.clone(), format!("`{text}` is not a valid `{key}`"))
                .code(Code::InvalidValue)
                .help(help),
        );
        None
    }

    pub(crate) fn quarter(&mut self, key: &'a str) -> Option<(Quarter, Span)> {
        let node = self.node(key)?;
        quarter_of(node, key, self.diags)
    }

    /// A time as a source gives it: a quarter, a half year or a year.
    pub(crate) fn when(&mut self, key: &'a str) -> Option<(When, Span)> {
        let node = self.node(key)?;
        when_of(node, key, self.diags)
    }

    /// Like [`Self::when`], reporting a missing field.
    pub(crate) fn required_when(&mut self, key: &'a str, example: &str) -> Option<(When, Span)> {
        if self.node(key).is_none() {
            self.missing(key, example);
            return None;
        }
        self.when(key)
    }

    /// A text with where it is written.
    pub(crate) fn spanned_text(&mut self, key: &'a str) -> Option<(String, Span)> {
        let span = self.node(key)?.span.clone();
        self.text(key).map(|t| (t, span))
    }
}
