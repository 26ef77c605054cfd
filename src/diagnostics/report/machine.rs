//! The formats tools read, one line per problem, every problem listed:
//!
//! - `json`: an object per line with `path`, `line`, `column`, `end_line`,
//!   `end_column` (1-based; `null` for a problem in no file), `severity`,
//!   `code` (`SD0204`), `kind` (`invalid-value`), `message` and `hint`;
//! - `github`: a GitHub Actions workflow command per problem
//!   (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`),
//!   which the runner shows as an annotation on the line in the pull
//!   request. Values are escaped as the runner unescapes them (actions/
//!   toolkit's `command.ts`): `%`, CR and LF in the message, and also `:`
//!   and `,` in properties.
//!
//! Positions come from the file's [`FileIndex`], made once per file, so
//! thousands of problems in one long line cost no more than their count.

use std::io::{self, Write};

use serde::Serialize;

use super::{Renderer, clip, one_line};
use crate::diagnostics::{Diagnostic, Severity};

/// Where a problem is, as tools count: 1-based lines and columns (chars).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Place {
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

/// One line of `--message-format json`, its fields in this order.
#[derive(Serialize)]
struct Record<'a> {
    path: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    severity: &'static str,
    code: &'static str,
    kind: &'static str,
    message: String,
    hint: Option<String>,
}

impl Renderer<'_> {
    /// Writes one line per diagnostic in the renderer's format.
    pub(super) fn write_lines(&self, out: &mut dyn Write, items: &[Diagnostic]) -> io::Result<()> {
        for d in items {
            let place = self.place(d);
            let line = if self.format == super::Format::Json {
                json(d, place.as_ref())
            } else {
                github(d, place.as_ref())
            };
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    fn place(&self, d: &Diagnostic) -> Option<Place> {
        let span = &d.primary.as_ref()?.span;
        let text = self.sources.get(span.source).text();
        let index = self.index(span.source);
        let (line, column) = index.position(text, span.range.start);
        let (end_line, end_column) = index.position(text, span.range.end.max(span.range.start));
        Some(Place { path: self.path(span.source), line, column, end_line, end_column })
    }
}

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn json(d: &Diagnostic, place: Option<&Place>) -> String {
    let record = Record {
        path: place.map(|p| p.path.as_str()),
        line: place.map(|p| p.line),
        column: place.map(|p| p.column),
        end_line: place.map(|p| p.end_line),
        end_column: place.map(|p| p.end_column),
        severity: severity(d),
        code: d.code.id(),
        kind: d.code.name(),
        message: clip(&d.message),
        hint: d.help.as_deref().map(clip),
    };
    serde_json::to_string(&record).unwrap_or_default()
}

fn github(d: &Diagnostic, place: Option<&Place>) -> String {
    let mut properties = Vec::new();
    if let Some(p) = place {
        properties.push(format!("file={}", property(&p.path)));
        properties.push(format!("line={}", p.line));
        // The runner takes columns only on one line.
        if p.line == p.end_line {
            properties.push(format!("col={}", p.column));
        }
        properties.push(format!("endLine={}", p.end_line));
        if p.line == p.end_line {
            properties.push(format!("endColumn={}", p.end_column));
        }
    }
    properties.push(format!("title={}", property(&d.code.to_string())));
    let mut message = clip(&d.message);
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(&one_line(&clip(help)));
    }
    format!("::{} {}::{}", severity(d), properties.join(","), data(&message))
}

/// A workflow command's message, escaped.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A workflow command's property value, escaped.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::report::{Format, to_string};
    use crate::diagnostics::{Code, Diagnostics, Sources, Span};

    fn one(diagnostic: Diagnostic) -> Diagnostics {
        let mut diags = Diagnostics::new();
        diags.push(diagnostic);
        diags
    }

    #[test]
    fn json_lines_carry_place_code_message_and_hint() {
        let mut sources = Sources::default();
        let text = "---\ntitle: æøå\nstatus: actve\n---\n";
        let id = sources.add("content/a.md", text);
        let at = text.find("actve").unwrap();
        let mut diags =
            one(Diagnostic::error(Span::new(id, at..at + 5), "`actve` is not a valid `status`")
                .code(Code::InvalidValue)
                .help("did you mean `active`?".to_owned()));
        diags.push(Diagnostic::global("missing purpose statement").code(Code::MissingPurpose));
        let out = to_string(&diags, &sources, Format::Json);
        let lines: Vec<serde_json::Value> =
            out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(
            lines[0],
            serde_json::json!({
                "path": "content/a.md", "line": 3, "column": 9, "end_line": 3, "end_column": 14,
                "severity": "error", "code": "SD0204", "kind": "invalid-value",
                "message": "`actve` is not a valid `status`", "hint": "did you mean `active`?"
            })
        );
        assert_eq!(lines[1]["path"], serde_json::Value::Null);
        assert_eq!(lines[1]["code"], "SD0301");
        assert!(out.starts_with("{\"path\":"), "fields in the documented order: {out}");
    }

    #[test]
    fn github_commands_escape_what_the_runner_unescapes() {
        assert_eq!(data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(property("a:b,c%d\n"), "a%3Ab%2Cc%25d%0A");
        let mut sources = Sources::default();
        let text = "---\ntitle: x\n---\nSee [a](b,c:d.md) and 50%\n";
        let id = sources.add("content/x, y: z.md", text);
        let at = text.find("[a]").unwrap();
        let diags =
            one(Diagnostic::warning(Span::new(id, at..at + 14), "50% of `b,c:d.md`\nis gone")
                .code(Code::BrokenLink)
                .help("did you mean\n`e.md`?".to_owned()));
        let out = to_string(&diags, &sources, Format::Github);
        assert_eq!(
            out,
            "::warning file=content/x%2C y%3A z.md,line=4,col=5,endLine=4,endColumn=19,title=SD0401 broken-link::50%25 of `b,c:d.md`%0Ais gone%0Ahelp: did you mean `e.md`?\n"
        );
    }

    #[test]
    fn github_columns_only_on_one_line() {
        let mut sources = Sources::default();
        let id = sources.add("a.md", "one\ntwo\n");
        let diags = one(Diagnostic::error(Span::new(id, 1..6), "x"));
        let out = to_string(&diags, &sources, Format::Github);
        assert_eq!(out, "::error file=a.md,line=1,endLine=2,title=SD0000 other::x\n");
        let diags = one(Diagnostic::global("no file").code(Code::MissingPurpose));
        let out = to_string(&diags, &sources, Format::Github);
        assert_eq!(out, "::error title=SD0301 missing-purpose::no file\n");
    }
}
