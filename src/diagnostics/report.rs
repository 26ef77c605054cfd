//! Renders diagnostics for people (rustc-like snippets) or tools
//! (`file:line:col: error: message`). codespan-reporting stays in here.

use std::io::{self, IsTerminal, Write};

use codespan_reporting::diagnostic::{
    Diagnostic as Report, Label as ReportLabel, Severity as ReportSeverity,
};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, DisplayStyle, termcolor};

use crate::diagnostics::{Diagnostic, Diagnostics, Severity, Sources};

/// How diagnostics are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Message, source line and hint.
    #[default]
    Human,
    /// One line each: `path:line:col: severity: message`.
    Short,
}

/// When to use colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Color {
    /// When stderr is a terminal and `NO_COLOR` is unset.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Writes every diagnostic to stderr.
pub fn emit(diagnostics: &Diagnostics, sources: &Sources, format: Format, color: Color) {
    let choice = match color {
        Color::Always => termcolor::ColorChoice::Always,
        Color::Auto if io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() => {
            termcolor::ColorChoice::Auto
        }
        Color::Auto | Color::Never => termcolor::ColorChoice::Never,
    };
    let mut out = termcolor::BufferedStandardStream::stderr(choice);
    let (files, config) = setup(sources, format);
    for diagnostic in diagnostics.items() {
        // A failed write to stderr leaves nothing better to do than go on.
        let _ = term::emit_to_write_style(&mut out, &config, &files, &to_report(diagnostic));
    }
    let _ = out.flush();
}

/// The diagnostics as plain text, as [`emit`] prints them without colour.
#[must_use]
pub fn to_string(diagnostics: &Diagnostics, sources: &Sources, format: Format) -> String {
    let (files, config) = setup(sources, format);
    diagnostics
        .items()
        .iter()
        .filter_map(|d| term::emit_into_string(&config, &files, &to_report(d)).ok())
        .collect()
}

fn setup(sources: &Sources, format: Format) -> (SimpleFiles<&str, &str>, Config) {
    let mut files = SimpleFiles::new();
    for (_, file) in sources.iter() {
        files.add(file.path.as_str(), file.text.as_str());
    }
    let style = match format {
        Format::Human => DisplayStyle::Rich,
        Format::Short => DisplayStyle::Short,
    };
    (files, Config { display_style: style, ..Config::default() })
}

fn to_report(d: &Diagnostic) -> Report<usize> {
    let severity = match d.severity {
        Severity::Error => ReportSeverity::Error,
        Severity::Warning => ReportSeverity::Warning,
    };
    let mut labels: Vec<ReportLabel<usize>> = d
        .primary
        .iter()
        .map(|l| {
            ReportLabel::primary(l.span.source.0, l.span.range.clone()).with_message(&l.message)
        })
        .collect();
    labels.extend(d.secondary.iter().map(|l| {
        ReportLabel::secondary(l.span.source.0, l.span.range.clone()).with_message(&l.message)
    }));
    let notes = d.help.iter().map(|h| format!("help: {h}")).collect();
    Report::new(severity).with_message(&d.message).with_labels(labels).with_notes(notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Span;

    #[test]
    fn short_and_human_formats() {
        let mut sources = Sources::default();
        let id = sources.add("content/a.md", "---\ntitle: x\nstatus: actve\n---\n");
        let mut diags = Diagnostics::new();
        diags.push(
            Diagnostic::error(Span::new(id, 21..26), "`actve` is not a valid `status`")
                .help("did you mean `active`?".to_owned()),
        );
        diags.push(Diagnostic::global("missing purpose statement"));
        let short = to_string(&diags, &sources, Format::Short);
        assert!(
            short.starts_with("content/a.md:3:9: error: `actve` is not a valid `status`"),
            "{short}"
        );
        assert!(short.contains("error: missing purpose statement"), "{short}");
        let human = to_string(&diags, &sources, Format::Human);
        assert!(human.contains("┌─ content/a.md:3:9"), "{human}");
        assert!(human.contains("3 │ status: actve"), "{human}");
        assert!(human.contains("= help: did you mean `active`?"), "{human}");
    }
}
