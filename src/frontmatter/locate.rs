//! The locator: finds where each key and value of a parsed YAML tree is
//! written, so diagnostics can point into the file. It needs to be exact only
//! for the block style frontmatter is written in; for flow style (`{a: 1}`)
//! it falls back to the enclosing line, which is still right.

use std::ops::Range;

use serde_yaml::Value as Yaml;

use super::{Field, Node, Value, convert_scalar};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceId, Span};

/// Finds keys and values of a parsed YAML tree in its text.
pub(super) struct Locator<'a> {
    source: SourceId,
    text: &'a str,
    /// Byte ranges (in the whole file) of the YAML lines, without `\n`.
    pub(super) lines: Vec<Range<usize>>,
}

impl<'a> Locator<'a> {
    pub(super) fn new(source: SourceId, text: &'a str, yaml: Range<usize>) -> Self {
        let mut lines = Vec::new();
        let mut start = yaml.start;
        for line in text[yaml].split_inclusive('\n') {
            lines.push(start..start + line.trim_end_matches('\n').len());
            start += line.len();
        }
        Locator { source, text, lines }
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

    pub(super) fn map(
        &self,
        map: &serde_yaml::Mapping,
        lines: Range<usize>,
        parent: &Span,
        diags: &mut Diagnostics,
    ) -> Vec<Field> {
        let key_col = lines.clone().find_map(|i| self.content_col(i));
        let mut found: Vec<(String, Option<usize>, &Yaml)> = Vec::new();
        let mut search_from = lines.start;
        for (key, value) in map {
            let name = match key {
                Yaml::String(s) => s.clone(),
                Yaml::Number(n) => n.to_string(),
                Yaml::Bool(b) => b.to_string(),
                _ => {
                    let at = (lines.clone()).find(|&i| self.line(i).trim_start().starts_with('?'));
                    let span =
                        at.map_or_else(|| parent.clone(), |i| self.span(self.lines[i].clone()));
                    diags.push(
                        Diagnostic::error(
                            span,
                            "a key must be a plain word, not a list or mapping",
                        )
                        .help("write keys as `name: value`".to_owned()),
                    );
                    continue;
                }
            };
            let line = (search_from..lines.end).find(|&i| {
                key_col.is_some()
                    && self.content_col(i) == key_col
                    && key_at(&self.line(i)[key_col.unwrap_or(0)..], &name).is_some()
            });
            if let Some(line) = line {
                search_from = line + 1;
            }
            found.push((name, line, value));
        }
        let mut fields = Vec::with_capacity(found.len());
        for (n, (name, line, value)) in found.iter().enumerate() {
            let Some(line) = *line else {
                let value = self.node(value, None, lines.clone(), parent, diags);
                fields.push(Field { key: name.clone(), key_span: parent.clone(), value });
                continue;
            };
            let col = key_col.unwrap_or(0);
            let line_range = self.lines[line].clone();
            let key_len = key_at(&self.line(line)[col..], name).unwrap_or(name.len());
            let key_span = self.span(line_range.start + col..line_range.start + col + key_len);
            let block_end = found[n + 1..].iter().find_map(|(_, l, _)| *l).unwrap_or(lines.end);
            let inline = self.inline_value(line, col + key_len);
            let value = self.node(value, inline, line + 1..block_end, &key_span, diags);
            fields.push(Field { key: name.clone(), key_span, value });
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
        let value = match yaml {
            Yaml::Tagged(tagged) => return self.node(&tagged.value, inline, block, key, diags),
            Yaml::Sequence(items) if inline.is_some() => Value::Seq(self.flow_items(items, &span)),
            Yaml::Sequence(items) => Value::Seq(self.block_items(items, block, &span, diags)),
            Yaml::Mapping(map) if inline.is_some() => Value::Map(self.map(map, 0..0, &span, diags)),
            Yaml::Mapping(map) => Value::Map(self.map(map, block, &span, diags)),
            Yaml::String(text)
                if inline.is_some() && is_yes_no(text, &self.text[span.range.clone()]) =>
            {
                Value::YesNo(text.clone())
            }
            scalar => convert_scalar(scalar),
        };
        Node { value, span }
    }

    /// Items of `[a, b]`: each scalar found by its text inside the brackets.
    fn flow_items(&self, items: &[Yaml], span: &Span) -> Vec<Node> {
        let mut from = span.range.start;
        items
            .iter()
            .map(|item| {
                let value = convert_scalar(item);
                let needle = match &value {
                    Value::Str(s) | Value::Number(s) => Some(s.as_str()),
                    _ => None,
                };
                let found = needle.filter(|n| !n.is_empty()).and_then(|n| {
                    self.text[from..span.range.end].find(n).map(|i| from + i..from + i + n.len())
                });
                let item_span = match found {
                    Some(range) => {
                        from = range.end;
                        self.span(range)
                    }
                    None => span.clone(),
                };
                Node { value, span: item_span }
            })
            .collect()
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
                match item {
                    Yaml::Mapping(map) => Node {
                        value: Value::Map(self.map(map, line..end, &item_span, diags)),
                        span: item_span,
                    },
                    Yaml::Sequence(_) => self.node(item, None, line + 1..end, &item_span, diags),
                    scalar => {
                        let text = strip_comment(&self.text[item_span.range.clone()]).trim_end();
                        Node {
                            value: convert_scalar(scalar),
                            span: self
                                .span(item_span.range.start..item_span.range.start + text.len()),
                        }
                    }
                }
            })
            .collect()
    }
}

/// Length of `key` (possibly quoted) at the start of `line` when a `:` follows.
pub(super) fn key_at(line: &str, key: &str) -> Option<usize> {
    for quote in ["", "\"", "'"] {
        let written = format!("{quote}{key}{quote}");
        if let Some(rest) = line.strip_prefix(&written) {
            if rest.trim_start_matches(' ').starts_with(':') {
                return Some(written.len());
            }
        }
    }
    None
}

/// True for an unquoted YAML 1.1 boolean word written as `raw`.
fn is_yes_no(value: &str, raw: &str) -> bool {
    raw == value
        && ["yes", "no", "on", "off", "y", "n"].contains(&value.to_ascii_lowercase().as_str())
}

/// `value # comment` -> `value` (a `#` starts a comment only after a space).
fn strip_comment(text: &str) -> &str {
    if text.starts_with('"') || text.starts_with('\'') {
        return text;
    }
    text.find(" #").map_or(text, |i| &text[..i])
}
