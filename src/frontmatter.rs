//! Stage 2, PARSE: splits a page into its YAML frontmatter and Markdown body
//! and turns the YAML into a tree of [`Node`]s that know where they are in the
//! file. The only module that names `serde_yaml` (deprecated upstream; a fork
//! such as `serde_norway` drops in here and nowhere else).
//!
//! `serde_yaml`'s `Value` carries no positions, so after parsing we find each
//! key and value in the text with a small indentation-aware locator (`locate`).

use std::ops::Range;

use serde_yaml::Value as Yaml;

use locate::{Locator, key_at};

use crate::diagnostics::{Code, Diagnostic, Diagnostics, SourceId, Span};

/// A page split into parsed frontmatter and the body's byte range.
#[derive(Debug, Clone)]
pub struct Frontmatter {
    /// Top-level `key: value` pairs, in file order.
    pub fields: Vec<Field>,
    /// The opening `---` line: where "missing field" errors point.
    pub open: Span,
    /// Byte range of the Markdown body in the file.
    pub body: Range<usize>,
}

impl Frontmatter {
    /// The field named `key`, if present.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

/// One `key: value` pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key's text.
    pub key: String,
    /// Where the key is written.
    pub key_span: Span,
    /// The value.
    pub value: Node,
}

/// A YAML value with the place it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// The value's text, or its key when the value is a block below it.
    pub span: Span,
}

/// The YAML data model, reduced to what frontmatter needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Any number, as written in the file (`1.10`, `1e3`), so a value is
    /// never changed on its way: `serde_yaml` would print 1.1 and 1000.0.
    Number(String),
    /// A string.
    Str(String),
    /// An unquoted `yes`, `no`, `on`, `off`, `y` or `n`: text to `serde_yaml`
    /// (YAML 1.2) but true/false to YAML 1.1 tools, so its meaning depends on
    /// who reads the file.
    YesNo(String),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping.
    Map(Vec<Field>),
}

impl Value {
    /// A short noun for messages: "a number", "a list".
    #[must_use]
    pub fn describe(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::Str(_) => "text",
            Value::YesNo(_) => "a yes/no word",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Splits and parses `text` (the whole file behind `source`). Returns `None`
/// after recording a diagnostic when there is no usable frontmatter.
pub fn parse(source: SourceId, text: &str, diags: &mut Diagnostics) -> Option<Frontmatter> {
    let split = match split(text) {
        Ok(split) => split,
        Err(problem) => {
            diags.push(problem.diagnostic(source, text));
            return None;
        }
    };
    let open = Span::new(source, 0..3);
    let fields = parse_yaml(source, text, split.yaml, diags)?;
    Some(Frontmatter { fields, open, body: split.body })
}

/// Like [`parse`], for a file that may be a plain page: with no frontmatter
/// at all it is a page with an empty one, whose body is the whole file.
/// Documents teams bring in from elsewhere often have none.
pub fn parse_plain(source: SourceId, text: &str, diags: &mut Diagnostics) -> Option<Frontmatter> {
    if split(text) == Err(SplitError::Missing) {
        return Some(Frontmatter {
            fields: Vec::new(),
            open: Span::new(source, 0..0),
            body: 0..text.len(),
        });
    }
    parse(source, text, diags)
}

/// Parses `text[range]` as a YAML mapping (a frontmatter block or a whole
/// config file) into located fields.
pub fn parse_yaml(
    source: SourceId,
    text: &str,
    range: Range<usize>,
    diags: &mut Diagnostics,
) -> Option<Vec<Field>> {
    let yaml: Yaml = match serde_yaml::from_str(&text[range.clone()]) {
        Ok(yaml) => yaml,
        Err(err) => {
            diags.push(yaml_error(source, text, range.start, &err));
            return None;
        }
    };
    let whole =
        Span::new(source, range.start..range.start + text[range.clone()].find('\n').unwrap_or(0));
    let locator = Locator::new(source, text, range.clone());
    match yaml {
        Yaml::Null => Some(Vec::new()),
        Yaml::Mapping(map) => Some(locator.map(&map, 0..locator.lines.len(), &whole, diags)),
        other => {
            diags.push(
                Diagnostic::error(
                    whole,
                    format!(
                        "expected `key: value` lines, not {}",
                        convert_scalar(&other).describe()
                    ),
                )
                .code(Code::NotKeyValue)
                .help("write e.g. `title: Our strategy`".to_owned()),
            );
            None
        }
    }
}

/// Byte ranges of the YAML text and the body.
#[derive(Debug, PartialEq)]
struct Split {
    yaml: Range<usize>,
    body: Range<usize>,
}

#[derive(Debug, PartialEq)]
enum SplitError {
    Empty,
    Missing,
    Unclosed,
    /// `+++` on the first line: Hugo's TOML frontmatter.
    Toml,
}

impl SplitError {
    fn diagnostic(&self, source: SourceId, text: &str) -> Diagnostic {
        let first_line = 0..text.find('\n').unwrap_or(text.len());
        match self {
            SplitError::Empty => Diagnostic::error(Span::new(source, 0..0), "the file is empty").code(Code::EmptyFile)
                .help(
                    "a page starts with frontmatter: `---`, `title: …`, `---`, then the text"
                        .to_owned(),
                ),
            SplitError::Missing => {
                Diagnostic::error(Span::new(source, first_line), "missing frontmatter").code(Code::MissingFrontmatter)
                    .label("expected `---` on the first line")
                    .help("start the file with\n---\ntitle: …\n---".to_owned())
            }
            // Hugo writes new pages with TOML frontmatter. Read as text, it
            // would show on the page and its `draft = true` would be lost.
            SplitError::Toml => Diagnostic::error(
                Span::new(source, first_line),
                "TOML frontmatter (`+++`) is not read",
            ).code(Code::TomlFrontmatter)
            .label("stratdoc reads YAML frontmatter, between `---` lines")
            .help(
                "write it as YAML: `---`, `title: …`, `---` (`hugo convert toYAML` converts a whole Hugo site)"
                    .to_owned(),
            ),
            SplitError::Unclosed => {
                Diagnostic::error(Span::new(source, 0..3), "frontmatter is not closed").code(Code::UnclosedFrontmatter)
                    .label("opened here")
                    .help("end the frontmatter with a line holding only `---`".to_owned())
            }
        }
    }
}

/// Frontmatter starts at byte 0 with a `---` line and ends at the next line
/// that is exactly `---` (or YAML's `...`). We split ourselves rather than use
/// pulldown-cmark's metadata blocks, which can take a `---` rule for one.
fn split(text: &str) -> Result<Split, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    if text.split('\n').next().is_some_and(|line| line.trim_end() == "+++") {
        return Err(SplitError::Toml);
    }
    let Some(rest) = text.strip_prefix("---") else { return Err(SplitError::Missing) };
    let Some(first_newline) = rest.find('\n') else { return Err(SplitError::Unclosed) };
    if !rest[..first_newline].trim().is_empty() {
        return Err(SplitError::Missing);
    }
    let yaml_start = 3 + first_newline + 1;
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', ' ', '\t']);
        if bare == "---" || bare == "..." {
            return Ok(Split { yaml: yaml_start..offset, body: offset + line.len()..text.len() });
        }
        offset += line.len();
    }
    Err(SplitError::Unclosed)
}

fn yaml_error(
    source: SourceId,
    text: &str,
    yaml_start: usize,
    err: &serde_yaml::Error,
) -> Diagnostic {
    // serde_yaml writes positions into the message (" at line L column C"),
    // relative to the YAML snippet; we show them as places in the file instead.
    let (message, places) = strip_positions(&err.to_string());
    let mut at = err.location().map_or(yaml_start, |loc| {
        yaml_start + offset_of(&text[yaml_start..], loc.line(), loc.column())
    });
    if let Some(key) =
        message.split("duplicate entry with key \"").nth(1).and_then(|k| k.split('"').next())
    {
        at = second_key(text, at, key).unwrap_or(at);
    }
    let line_text = text[at..].split('\n').next().unwrap_or("");
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let help = if text[line_start..at].contains('\t') || line_text.starts_with('\t') {
        Some("YAML does not allow tabs for indentation; use spaces".to_owned())
    } else if message.contains("duplicate entry") {
        Some("each key may appear only once; remove one of them".to_owned())
    } else if message.contains("recursion limit") || message.contains("repetition limit") {
        Some("frontmatter holds plain fields; this is nested or repeated far too deeply".to_owned())
    } else {
        Some("check the indentation and quote values that contain `:` or start with a special character".to_owned())
    };
    let mut diagnostic =
        Diagnostic::error(Span::new(source, at..at), format!("invalid YAML: {message}"))
            .code(Code::YamlSyntax)
            .help(help);
    for (line, column) in places.into_iter().skip(1) {
        let place = yaml_start + offset_of(&text[yaml_start..], line, column);
        if text[place.min(at)..place.max(at)].contains('\n') {
            diagnostic = diagnostic.also(Span::new(source, place..place), "started here");
        }
    }
    diagnostic
}

/// `"x at line 2 column 3, while y at line 1 column 1"` ->
/// `("x, while y", [(2, 3), (1, 1)])`.
fn strip_positions(message: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut places = Vec::new();
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        text.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let mut numbers = after.splitn(3, ' ');
        let line = numbers.next().and_then(|n| n.parse().ok());
        let column = numbers
            .nth(1)
            .map(|c| &c[..c.find(|ch: char| !ch.is_ascii_digit()).unwrap_or(c.len())])
            .and_then(|c| c.parse().ok());
        let (Some(line), Some(column)) = (line, column) else {
            text.push_str(" at line ");
            rest = after;
            continue;
        };
        places.push((line, column));
        let consumed = format!("{line} column {column}").len();
        rest = &after[consumed.min(after.len())..];
    }
    text.push_str(rest);
    (text, places)
}

/// `serde_yaml` places a duplicate key at the start of its mapping; find the
/// second `key:` at the mapping's column instead.
fn second_key(text: &str, mapping: usize, key: &str) -> Option<usize> {
    let line_start = text[..mapping].rfind('\n').map_or(0, |i| i + 1);
    let col = mapping - line_start;
    let mut offset = line_start;
    let mut seen = 0;
    for line in text[line_start..].split_inclusive('\n') {
        let indent_ok = line.get(..col).is_some_and(|p| p.chars().all(|c| c == ' ' || c == '-'));
        if indent_ok && line.get(col..).and_then(|rest| key_at(rest, key)).is_some() {
            seen += 1;
            if seen == 2 {
                return Some(offset + col);
            }
        }
        offset += line.len();
    }
    None
}

/// Byte offset of 1-based `line` and `column` (in chars) in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize =
        text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let line_text = text[line_start..].split('\n').next().unwrap_or("");
    line_start
        + line_text.char_indices().nth(column.saturating_sub(1)).map_or(line_text.len(), |(i, _)| i)
}

fn convert_scalar(yaml: &Yaml) -> Value {
    match yaml {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(*b),
        Yaml::Number(n) => Value::Number(n.to_string()),
        Yaml::String(s) => Value::Str(s.clone()),
        Yaml::Sequence(_) => Value::Seq(Vec::new()),
        Yaml::Mapping(_) => Value::Map(Vec::new()),
        Yaml::Tagged(tagged) => convert_scalar(&tagged.value),
    }
}

mod locate;

#[cfg(test)]
mod tests;
