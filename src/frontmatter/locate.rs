//! The locator: finds where each key and value of a parsed YAML tree is
//! written, so diagnostics can point into the file. It needs to be exact only
//! for the block style frontmatter is written in; for flow style (`{a: 1}`)
//! it falls back to the enclosing line, which is still right.
//!
//! Block style is located here, flow style in `flow`; `scan` reads lines.

use std::collections::HashMap;
use std::ops::Range;

use serde_yaml::Value as Yaml;

use super::{Field, Node, Value, convert_scalar};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, SourceId, Span};

mod flow;
mod scan;

pub(super) use scan::key_at;
use scan::{is_yes_no, plain_len, strip_comment, without_properties, written_key};

/// Finds keys and values of a parsed YAML tree in its text.
pub(super) struct Locator<'a> {
    source: SourceId,
    text: &'a str,
    /// Byte ranges (in the whole file) of the YAML lines, without `\n`.
    pub(super) lines: Vec<Range<usize>>,
    /// Where the YAML ends: a flow collection runs at most to here.
    end: usize,
}

impl<'a> Locator<'a> {
    pub(super) fn new(source: SourceId, text: &'a str, yaml: Range<usize>) -> Self {
        let mut lines = Vec::new();
        let mut start = yaml.start;
        let end = yaml.end;
        for line in text[yaml].split_inclusive('\n') {
            lines.push(start..start + line.trim_end_matches('\n').len());
            start += line.len();
        }
        Locator { source, text, lines, end }
    }

    fn line(&self, i: usize) -> &'a str {
        &self.text[self.lines[i].clone()]
    }

    fn span(&self, range: Range<usize>) -> Span {
        Span::new(self.source, range)
    }

    /// Column where a line's content starts, treating `- ` list markers as indentation.
    fn content_col(&self, i: usize) -> Option<usize> {
        let line = self.line(i);
        let mut col = line.len() - line.trim_start_matches(' ').len();
        loop {
            let rest = &line[col..];
            if let Some(item) = rest.strip_prefix("- ") {
                col += 2 + item.len() - item.trim_start_matches(' ').len();
            } else if rest.is_empty() || rest.starts_with('#') || rest == "-" {
                return None;
            } else {
                return Some(col);
            }
        }
    }

    /// The fields of a block mapping written on `lines`. Keys are matched to
    /// the lines at the mapping's column in order, by their decoded text
    /// (`"ti\u0074le"` is `title`): each key costs O(1), and a key that is
    /// still not found points at its mapping, never at another line.
    pub(super) fn map(
        &self,
        map: &serde_yaml::Mapping,
        lines: Range<usize>,
        parent: &Span,
        diags: &mut Diagnostics,
    ) -> Vec<Field> {
        let key_col = lines.clone().find_map(|i| self.content_col(i));
        let keys: Vec<(usize, Option<(String, usize)>)> = key_col.map_or_else(Vec::new, |col| {
            lines
                .clone()
                .filter(|&i| self.content_col(i) == Some(col))
                .map(|i| (i, written_key(&self.line(i)[col..])))
                .collect()
        });
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        for (k, (_, written)) in keys.iter().enumerate() {
            if let Some((name, _)) = written {
                by_name.entry(name.as_str()).or_insert(k);
            }
        }
        // When there are as many key lines as keys, the n-th line holds the
        // n-th key even if it is written unlike serde_yaml prints it (`0x1F`, `True`).
        let positional = keys.len() == map.len();
        let mut cursor = 0;
        let mut found: Vec<(String, Option<KeyPlace>, &Yaml)> = Vec::new();
        for (n, (key, value)) in map.iter().enumerate() {
            let Some(name) = plain_key(key) else {
                let at = if positional { Some(n) } else { Some(cursor) }.filter(|&k| {
                    keys.get(k).is_some_and(|&(i, _)| self.line(i).trim_start().starts_with('?'))
                });
                if let Some(k) = at {
                    cursor = k + 1;
                }
                let span =
                    at.map_or_else(|| parent.clone(), |k| self.span(self.lines[keys[k].0].clone()));
                diags.push(not_plain_key(span));
                continue;
            };
            let named = |k: usize| {
                keys.get(k).and_then(|(_, w)| w.as_ref()).is_some_and(|(w, _)| *w == name)
            };
            let at = if named(cursor) {
                Some(cursor)
            } else if let Some(&k) = by_name.get(name.as_str()).filter(|&&k| k >= cursor) {
                Some(k)
            } else if positional && n >= cursor {
                Some(n)
            } else {
                None
            };
            let place = at.map(|k| {
                cursor = k + 1;
                let (line, written) = &keys[k];
                let len = written.as_ref().map_or_else(
                    || plain_len(&self.line(*line)[key_col.unwrap_or(0)..]),
                    |(_, len)| *len,
                );
                (*line, len)
            });
            found.push((name, place, value));
        }
        // Where each found key's block ends: at the next found key's line.
        let mut ends = vec![lines.end; found.len()];
        let mut next = lines.end;
        for (n, (_, place, _)) in found.iter().enumerate().rev() {
            ends[n] = next;
            if let Some((line, _)) = place {
                next = *line;
            }
        }
        let mut fields = Vec::with_capacity(found.len());
        for ((name, place, value), block_end) in found.into_iter().zip(ends) {
            let Some((line, key_len)) = place else {
                let value = self.node(value, None, 0..0, parent, diags);
                fields.push(Field { key: name, key_span: parent.clone(), value });
                continue;
            };
            let col = key_col.unwrap_or(0);
            let line_range = self.lines[line].clone();
            let key_span = self.span(line_range.start + col..line_range.start + col + key_len);
            let inline = self.inline_value(line, col + key_len);
            let value = self.node(value, inline, line + 1..block_end, &key_span, diags);
            fields.push(Field { key: name, key_span, value });
        }
        fields
    }

    /// The text after `key:` on the same line, without a trailing comment.
    fn inline_value(&self, line: usize, after_key: usize) -> Option<Range<usize>> {
        let start = self.lines[line].start;
        let rest = &self.line(line)[after_key..];
        let colon = rest.find(':')?;
        let value = &rest[colon + 1..];
        let value_start = after_key + colon + 1 + (value.len() - value.trim_start().len());
        let text = strip_comment(value.trim_start()).trim_end();
        (!text.is_empty()).then(|| start + value_start..start + value_start + text.len())
    }

    /// A value node. `inline` is its text on the key's line, if any; `block`
    /// the lines below the key that belong to it.
    fn node(
        &self,
        yaml: &Yaml,
        inline: Option<Range<usize>>,
        block: Range<usize>,
        key: &Span,
        diags: &mut Diagnostics,
    ) -> Node {
        let span = inline.clone().map_or_else(|| key.clone(), |r| self.span(r));
        let written = inline.clone().map(|r| &self.text[r]);
        let value = match yaml {
            Yaml::Tagged(tagged) => return self.node(&tagged.value, inline, block, key, diags),
            Yaml::Sequence(items) if written.is_some() => {
                Value::Seq(self.flow_items(items, &span, diags))
            }
            Yaml::Sequence(items) => Value::Seq(self.block_items(items, block, &span, diags)),
            Yaml::Mapping(map) if written.is_some() => Value::Map(self.flow_map(map, &span, diags)),
            Yaml::Mapping(map) => Value::Map(self.map(map, block, &span, diags)),
            Yaml::String(text) if written.is_some_and(|raw| is_yes_no(text, raw)) => {
                Value::YesNo(text.clone())
            }
            Yaml::Number(n) => number(n, written, &span, diags),
            scalar => convert_scalar(scalar),
        };
        Node { value, span }
    }

    /// Items of a block list: one `- ` line each, at the list's own column.
    fn block_items(
        &self,
        items: &[Yaml],
        block: Range<usize>,
        span: &Span,
        diags: &mut Diagnostics,
    ) -> Vec<Node> {
        let dash = |i: usize| {
            let line = self.line(i);
            let col = line.len() - line.trim_start_matches(' ').len();
            let rest = &line[col..];
            (rest.starts_with("- ") || rest == "-").then_some(col)
        };
        let dash_col = block.clone().find_map(dash);
        let starts: Vec<usize> =
            block.clone().filter(|&i| dash_col.is_some() && dash(i) == dash_col).collect();
        items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let Some(&line) = starts.get(n) else {
                    return self.node(item, None, 0..0, span, diags);
                };
                let end = starts.get(n + 1).copied().unwrap_or(block.end);
                let range = self.lines[line].clone();
                let col = dash_col.unwrap_or(0) + 2;
                let item_span = self.span((range.start + col).min(range.end)..range.end);
                let rest = &self.text[item_span.range.clone()];
                let text_start = item_span.range.start + (rest.len() - rest.trim_start().len());
                let text = strip_comment(rest.trim_start()).trim_end();
                let flow = text.starts_with(['[', '{']);
                match item {
                    Yaml::Mapping(map) if !flow => Node {
                        value: Value::Map(self.map(map, line..end, &item_span, diags)),
                        span: item_span,
                    },
                    Yaml::Sequence(_) if !flow => {
                        self.node(item, None, line + 1..end, &item_span, diags)
                    }
                    _ => {
                        let inline =
                            (!text.is_empty()).then_some(text_start..text_start + text.len());
                        self.node(item, inline, line + 1..end, &item_span, diags)
                    }
                }
            })
            .collect()
    }
}

/// A number as written in the file: `1.10` stays `1.10`, where
/// `serde_yaml` would print 1.1. Where its text cannot be found (an
/// alias), a whole number is exact as printed; a decimal is reported.
fn number(
    number: &serde_yaml::Number,
    written: Option<&str>,
    span: &Span,
    diags: &mut Diagnostics,
) -> Value {
    let written = written.map(without_properties).filter(
        |text| matches!(serde_yaml::from_str::<Yaml>(text), Ok(Yaml::Number(n)) if n == *number),
    );
    if let Some(text) = written {
        return Value::Number(text.to_owned());
    }
    if number.is_f64() {
        diags.push(
            Diagnostic::error(span.clone(), "stratdoc cannot find how this number is written")
                .code(Code::UnreadableNumber)
                .help("write the number itself here, or put it in quotes: `\"1.10\"`".to_owned()),
        );
    }
    Value::Number(number.to_string())
}

/// The name of a mapping key written as a scalar; `None` for a list or
/// mapping as a key.
fn plain_key(key: &Yaml) -> Option<String> {
    match key {
        Yaml::String(s) => Some(s.clone()),
        Yaml::Number(n) => Some(n.to_string()),
        Yaml::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn not_plain_key(span: Span) -> Diagnostic {
    Diagnostic::error(span, "a key must be a plain word, not a list or mapping")
        .code(Code::NotKeyValue)
        .help("write keys as `name: value`".to_owned())
}

/// A key's line and its length as written.
type KeyPlace = (usize, usize);
