//! The locator: finds where each key and value of a parsed YAML tree is
//! written, so diagnostics can point into the file. It needs to be exact only
//! for the block style frontmatter is written in; for flow style (`{a: 1}`)
//! it falls back to the enclosing line, which is still right.

use std::collections::HashMap;
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
            let name = match key {
                Yaml::String(s) => s.clone(),
                Yaml::Number(n) => n.to_string(),
                Yaml::Bool(b) => b.to_string(),
                _ => {
                    let at = if positional { Some(n) } else { Some(cursor) }.filter(|&k| {
                        keys.get(k)
                            .is_some_and(|&(i, _)| self.line(i).trim_start().starts_with('?'))
                    });
                    if let Some(k) = at {
                        cursor = k + 1;
                    }
                    let span = at.map_or_else(
                        || parent.clone(),
                        |k| self.span(self.lines[keys[k].0].clone()),
                    );
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

    /// Items of `[a, b]`: each item is the text between top-level commas
    /// (found in one pass); when that does not give one piece per item (a
    /// list over several lines), each points at the whole list.
    fn flow_items(&self, items: &[Yaml], span: &Span) -> Vec<Node> {
        let pieces = flow_pieces(&self.text[span.range.clone()])
            .filter(|pieces| pieces.len() == items.len());
        items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let item_span = pieces.as_ref().map_or_else(
                    || span.clone(),
                    |pieces| {
                        let piece = &pieces[n];
                        self.span(span.range.start + piece.start..span.range.start + piece.end)
                    },
                );
                Node { value: convert_scalar(item), span: item_span }
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

/// A key's line and its length as written.
type KeyPlace = (usize, usize);

/// Length of `key` (possibly quoted) at the start of `line` when a `:` follows.
pub(super) fn key_at(line: &str, key: &str) -> Option<usize> {
    written_key(line).filter(|(name, _)| name == key).map(|(_, len)| len)
}

/// The key written at the start of `line` (decoded: quotes and escapes
/// undone) and its length as written, when a `:` follows it.
fn written_key(line: &str) -> Option<(String, usize)> {
    let (name, len) = match line.as_bytes().first()? {
        b'"' => double_quoted(line)?,
        b'\'' => single_quoted(line)?,
        b'?' | b':' | b'-' | b'[' | b'{' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%'
        | b'@' | b'`' => {
            return None;
        }
        _ => {
            let len = plain_len(line);
            (line[..len].to_owned(), len)
        }
    };
    line[len..].trim_start_matches([' ', '\t']).starts_with(':').then_some((name, len))
}

/// Length of a plain key: up to `: `, a `:` at the end, or ` #`, without trailing blanks.
fn plain_len(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut end = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1);
        if (b == b':' && next.is_none_or(|n| *n == b' ' || *n == b'\t'))
            || (b == b'#' && i > 0 && matches!(bytes[i - 1], b' ' | b'\t'))
        {
            end = i;
            break;
        }
    }
    line[..end].trim_end_matches([' ', '\t']).len()
}

/// `'it''s'` -> (`it's`, 7).
fn single_quoted(line: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = line.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
            } else {
                return Some((out, i + 1));
            }
        }
        out.push(c);
    }
    None
}

/// `"ti\u0074le"` -> (`title`, 12): YAML's escapes in double quotes.
fn double_quoted(line: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = line.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => {
                let (_, escape) = chars.next()?;
                let simple = match escape {
                    '0' => Some('\0'),
                    'a' => Some('\u{7}'),
                    'b' => Some('\u{8}'),
                    't' | '\t' => Some('\t'),
                    'n' => Some('\n'),
                    'v' => Some('\u{b}'),
                    'f' => Some('\u{c}'),
                    'r' => Some('\r'),
                    'e' => Some('\u{1b}'),
                    ' ' => Some(' '),
                    '"' => Some('"'),
                    '/' => Some('/'),
                    '\\' => Some('\\'),
                    'N' => Some('\u{85}'),
                    '_' => Some('\u{a0}'),
                    'L' => Some('\u{2028}'),
                    'P' => Some('\u{2029}'),
                    _ => None,
                };
                if let Some(c) = simple {
                    out.push(c);
                    continue;
                }
                let digits = match escape {
                    'x' => 2,
                    'u' => 4,
                    'U' => 8,
                    _ => return None,
                };
                let hex: String =
                    (0..digits).filter_map(|_| chars.next().map(|(_, c)| c)).collect();
                out.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)?);
            }
            c => out.push(c),
        }
    }
    None
}

/// The items of a one-line flow sequence `[a, "b, c", [d]]`: the byte range
/// of each, trimmed, split at commas outside quotes and brackets.
fn flow_pieces(text: &str) -> Option<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'[') {
        return None;
    }
    let mut pieces = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 1, 1);
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' if text[start..i].trim().is_empty() => {
                let quote = bytes[i];
                i += 1;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' if quote == b'"' => i += 1,
                        b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
                        b if b == quote => break,
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => depth -= 1,
            b',' | b']' if depth == 0 => {
                let piece = trimmed(text, start..i);
                if !piece.is_empty() || bytes[i] == b',' {
                    pieces.push(piece);
                }
                if bytes[i] == b']' {
                    return Some(pieces);
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// `range` of `text` without the blanks at its ends.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    start..start + piece.trim().len()
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
