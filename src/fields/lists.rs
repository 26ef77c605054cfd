//! Fields that hold more than one value: a text or a list of texts, a list
//! of ids, a mapping of names to texts, and nested mappings and lists of
//! them, each read by a reader of its own that reports its unknown keys.

use super::time::quarter_of;
use super::{Reader, Ref};
use crate::calendar::Quarter;
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::frontmatter::{Field, Node, Value};

impl<'a> Reader<'a> {
    /// One text or a list of texts (`owner: A` or `owner: [A, B]`).
    pub(crate) fn texts(&mut self, key: &'a str) -> Vec<String> {
        let Some(node) = self.node(key) else { return Vec::new() };
        let items = one_or_many(node);
        let mut texts = Vec::new();
        for item in items {
            if let Value::Seq(_) | Value::Map(_) = item.value {
                let example = Some(format!("for example `{key}: [Første, Anden]`"));
                self.wrong_type(key, item, "text or a list of texts", example);
            } else {
                texts.extend(self.text_of(key, item).filter(|t| !t.trim().is_empty()));
            }
        }
        texts
    }

    /// A mapping of names to texts (`where: {tema: Cyberrobusthed}`), each
    /// pair with where its value is written. Numbers count as text here.
    pub(crate) fn text_map(&mut self, key: &'a str) -> Vec<(String, String, Span)> {
        let Some(node) = self.node(key) else { return Vec::new() };
        let Value::Map(fields) = &node.value else {
            self.wrong_type(
                key,
                node,
                "a mapping",
                Some(format!("for example `{key}: {{tema: Cyberrobusthed}}`")),
            );
            return Vec::new();
        };
        let mut pairs = Vec::new();
        for field in fields {
            match &field.value.value {
                Value::Str(v) | Value::Number(v) | Value::YesNo(v) => {
                    pairs.push((field.key.clone(), v.clone(), field.value.span.clone()));
                }
                _ => self.wrong_type(&field.key, &field.value, "text", None),
            }
        }
        pairs
    }

    /// A mapping of quarters to numbers (`actual: {2027-Q1: 12}`), each
    /// with where its quarter is written, in the order of the quarters.
    /// A key that is not a quarter, or a value that is not a number, is an
    /// error at it.
    pub(crate) fn quarter_numbers(&mut self, key: &'a str) -> Vec<(Quarter, String, Span)> {
        let Some(node) = self.node(key) else { return Vec::new() };
        let Value::Map(fields) = &node.value else {
            let example = Some(format!("for example `{key}: {{2027-Q1: 12, 2027-Q2: 15}}`"));
            self.wrong_type(key, node, "a mapping of quarters to numbers", example);
            return Vec::new();
        };
        let mut pairs = Vec::new();
        for field in fields {
            let written =
                Node { value: Value::Str(field.key.clone()), span: field.key_span.clone() };
            let quarter = quarter_of(&written, key, self.diags);
            let value = match &field.value.value {
                Value::Number(n) if super::is_plain_number(n) => Some(n.clone()),
                Value::Number(n) => {
                    // `.5`, `+5`, `0x1f`, `1e400`: YAML reads them as
                    // numbers, but JSON and the chart would change or drop
                    // them.
                    self.diags.push(
                        Diagnostic::error(
                            field.value.span.clone(),
                            format!("the figure `{n}` in `{key}` is not a plain decimal number"),
                        )
                        .code(Code::WrongType)
                        .help(Some("write it as digits with a decimal point, such as `12`, `0.5` or `1000`".to_owned())),
                    );
                    None
                }
                _ => {
                    let help = Some(
                        "write the figure as a number, without its unit: `12` or `0.75`".to_owned(),
                    );
                    self.wrong_type(&field.key, &field.value, "a number", help);
                    None
                }
            };
            if let (Some((quarter, at)), Some(value)) = (quarter, value) {
                pairs.push((quarter, value, at));
            }
        }
        pairs.sort_by_key(|(quarter, _, _)| *quarter);
        pairs
    }

    /// A list of texts, each with where it is written.
    pub(crate) fn spanned_texts(&mut self, key: &'a str) -> Vec<(String, Span)> {
        self.refs(key).into_iter().map(|r| (r.id, r.span)).collect()
    }

    /// A list of ids; a single id is accepted as a list of one.
    pub(crate) fn refs(&mut self, key: &'a str) -> Vec<Ref> {
        let Some(node) = self.node(key) else { return Vec::new() };
        let items = one_or_many(node);
        let mut refs = Vec::new();
        for item in items {
            match &item.value {
                Value::Str(id) | Value::YesNo(id) | Value::Number(id) => {
                    refs.push(Ref { id: id.clone(), span: item.span.clone() });
                }
                _ => self.wrong_type(
                    key,
                    item,
                    "a list of ids",
                    Some(format!("for example `{key}: [first-id, second-id]`")),
                ),
            }
        }
        refs
    }

    /// A list of mappings, each read by `read`.
    pub(crate) fn list_of<T>(
        &mut self,
        key: &'a str,
        mut read: impl FnMut(&mut Reader<'_>) -> Option<T>,
    ) -> Vec<T> {
        let Some(node) = self.node(key) else { return Vec::new() };
        let Value::Seq(items) = &node.value else {
            self.wrong_type(
                key,
                node,
                "a list",
                Some(format!("write each item on its own line starting with `- ` under `{key}:`")),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let Value::Map(fields) = &item.value else {
                self.wrong_type(key, item, "a list of `key: value` items", None);
                continue;
            };
            out.extend(self.nested(fields, &item.span, &mut read));
        }
        out
    }

    /// Nested mapping under `key`, read by `read`.
    pub(crate) fn mapping<T>(
        &mut self,
        key: &'a str,
        read: impl FnOnce(&mut Reader<'_>) -> T,
    ) -> Option<T> {
        let node = self.node(key)?;
        let Value::Map(fields) = &node.value else {
            self.wrong_type(key, node, "a mapping", None);
            return None;
        };
        Some(self.nested(fields, &node.span, read))
    }

    /// `fields` read by `read` with a reader of their own (owned by `span`,
    /// as lenient as this one), which then reports the keys `read` did not
    /// ask for.
    fn nested<T>(
        &mut self,
        fields: &[Field],
        span: &Span,
        read: impl FnOnce(&mut Reader<'_>) -> T,
    ) -> T {
        let mut reader = Reader::new(fields, span.clone(), self.diags);
        reader.lenient = self.lenient;
        let value = read(&mut reader);
        let keys: Vec<&str> = reader.used.iter().copied().collect();
        reader.finish(&keys);
        value
    }
}

/// The items of a list, or the one value written instead of a list.
fn one_or_many(node: &Node) -> Vec<&Node> {
    match &node.value {
        Value::Seq(items) => items.iter().collect(),
        _ => vec![node],
    }
}
