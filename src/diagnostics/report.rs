//! Renders diagnostics for people (rustc-like snippets), for editors and
//! logs (`file:line:col: error: message`), and for tools: JSON lines and
//! GitHub workflow annotations (see [`machine`]). codespan-reporting stays
//! in here.
//!
//! Output stays small whatever the input: each source line is shown only
//! around its labels (see [`excerpt`]), long messages are cut, and in the
//! human format a file shows at most [`SHOWN_PER_KIND`] problems of one kind
//! before a note says how many more there are. The other formats list every
//! problem, one line each.

mod excerpt;
mod machine;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

use codespan_reporting::diagnostic::{
    Diagnostic as Report, Label as ReportLabel, LabelStyle, Severity as ReportSeverity,
};
use codespan_reporting::term::{self, Config, DisplayStyle, termcolor};

use crate::diagnostics::{Diagnostic, Diagnostics, Label, Severity, SourceId, Sources, Span};
use excerpt::{Excerpts, FileIndex};

/// Problems of one kind shown per file in the human format.
pub const SHOWN_PER_KIND: usize = 10;

/// Longest message, label or hint printed whole (in chars).
const MAX_TEXT: usize = 300;

/// How diagnostics are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Message, source line and hint.
    #[default]
    Human,
    /// One line each: `path:line:col: severity: message (help: hint)`.
    Short,
    /// One JSON object per line, on stdout.
    Json,
    /// GitHub Actions workflow commands (`::error file=…::message`), on stdout.
    Github,
}

impl Format {
    /// The formats tools read: printed on stdout, where a pipe or the CI
    /// runner takes them, never coloured, every problem listed.
    #[must_use]
    pub fn is_for_tools(self) -> bool {
        matches!(self, Format::Json | Format::Github)
    }
}

/// When to use colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Color {
    /// When stderr is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// How diagnostics are printed, and the folder their paths start from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// The format.
    pub format: Format,
    /// Colour (human and short formats only).
    pub color: Color,
    /// Put before every path (which is relative to the project), so that
    /// paths are relative to where the command was run: empty when run in
    /// the project, `strategi/` for `stratdoc check strategi`.
    pub prefix: String,
}

impl From<Format> for Style {
    fn from(format: Format) -> Style {
        Style { format, ..Style::default() }
    }
}

/// Writes every diagnostic: to stderr for people, to stdout for tools.
pub fn emit(diagnostics: &Diagnostics, sources: &Sources, style: &Style) {
    let renderer = Renderer::new(sources, style);
    if style.format.is_for_tools() {
        let mut out = io::BufWriter::new(io::stdout().lock());
        // A closed or full stdout must not change how the run ends.
        let _ = renderer.write_lines(&mut out, diagnostics.items());
        let _ = out.flush();
        return;
    }
    let terminal = io::stderr().is_terminal();
    let env = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    let choice = if colour(style.color, terminal, env("NO_COLOR").is_some(), env("TERM")) {
        termcolor::ColorChoice::Always
    } else {
        termcolor::ColorChoice::Never
    };
    let mut out = termcolor::BufferedStandardStream::stderr(choice);
    for report in reports(diagnostics, style.format) {
        // A failed write to stderr leaves nothing better to do than go on.
        let _ = renderer.write(&mut out, &report);
    }
    let _ = out.flush();
}

/// Whether to colour: `--color always`, or `auto` on a terminal that is not
/// `TERM=dumb`, without `NO_COLOR` (set and not empty, as
/// <https://no-color.org> says; the command line overrides it).
fn colour(color: Color, terminal: bool, no_color: bool, term: Option<OsString>) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => terminal && !no_color && term.is_none_or(|t| t != "dumb"),
    }
}

/// The diagnostics as [`emit`] prints them in `style` (a format alone:
/// with paths relative to the project), without colour.
#[must_use]
pub fn to_string(diagnostics: &Diagnostics, sources: &Sources, style: impl Into<Style>) -> String {
    let style = style.into();
    let format = style.format;
    let renderer = Renderer::new(sources, &style);
    let mut out = termcolor::NoColor::new(Vec::new());
    if format.is_for_tools() {
        let _ = renderer.write_lines(&mut out, diagnostics.items());
    } else {
        for report in reports(diagnostics, format) {
            let _ = renderer.write(&mut out, &report);
        }
    }
    String::from_utf8_lossy(&out.into_inner()).into_owned()
}

/// What is printed: a diagnostic, or a note standing for those left out.
enum Shown<'d> {
    One(&'d Diagnostic),
    More { file: SourceId, error: bool, kind: String, count: usize },
}

/// The diagnostics to print, in order: all of them in the short format; in
/// the human format the first [`SHOWN_PER_KIND`] of each kind per file, then
/// a note per kind with the number of the rest (never a note for just one).
/// A file, error or not, and a message's [`kind`].
type Key = (SourceId, bool, String);

fn reports(diagnostics: &Diagnostics, format: Format) -> Vec<Shown<'_>> {
    let items = diagnostics.items();
    if format != Format::Human {
        return items.iter().map(Shown::One).collect();
    }
    let key = |d: &Diagnostic| {
        d.primary.as_ref().map(|l| (l.span.source, d.is_error(), kind(&d.message)))
    };
    let mut totals: HashMap<Key, usize> = HashMap::new();
    for key in items.iter().filter_map(key) {
        *totals.entry(key).or_insert(0) += 1;
    }
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut notes: Vec<(Key, usize)> = Vec::new();
    let mut shown = Vec::new();
    for d in items {
        let Some(key) = key(d) else {
            shown.push(Shown::One(d));
            continue;
        };
        if notes.last().is_some_and(|((file, _, _), _)| *file != key.0) {
            shown.extend(notes.drain(..).map(more));
        }
        let total = totals[&key];
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        if total <= SHOWN_PER_KIND + 1 || *n <= SHOWN_PER_KIND {
            shown.push(Shown::One(d));
        } else if *n == SHOWN_PER_KIND + 1 {
            notes.push((key, total - SHOWN_PER_KIND));
        }
    }
    shown.extend(notes.drain(..).map(more));
    shown
}

fn more<'d>(((file, error, kind), count): (Key, usize)) -> Shown<'d> {
    Shown::More { file, error, kind, count }
}

/// A message with what it quotes left out: `broken link: `…` does not exist`.
fn kind(message: &str) -> String {
    let mut out = String::new();
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        out.push_str(if i % 2 == 1 { "…" } else { part });
    }
    clip(&out)
}

/// `text`, cut to [`MAX_TEXT`] chars with `…` when longer.
fn clip(text: &str) -> String {
    match text.char_indices().nth(MAX_TEXT) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// `text` with its line breaks made spaces.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r']).filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Renders reports against the run's sources, indexing each file (line
/// starts, char counts) once, the first time a diagnostic points into it.
struct Renderer<'s> {
    sources: &'s Sources,
    indexes: Vec<OnceCell<FileIndex>>,
    config: Config,
    format: Format,
    prefix: &'s str,
}

impl<'s> Renderer<'s> {
    fn new(sources: &'s Sources, style: &'s Style) -> Self {
        let display_style =
            if style.format == Format::Human { DisplayStyle::Rich } else { DisplayStyle::Short };
        Renderer {
            sources,
            indexes: sources.iter().map(|_| OnceCell::new()).collect(),
            config: Config { display_style, ..Config::default() },
            format: style.format,
            prefix: &style.prefix,
        }
    }

    /// The path of `id` as printed: relative to where the command was run.
    fn path(&self, id: SourceId) -> String {
        format!("{}{}", self.prefix, self.sources.get(id).path)
    }

    fn index(&self, id: SourceId) -> &FileIndex {
        self.indexes[id.0].get_or_init(|| FileIndex::new(self.sources.get(id).text()))
    }

    fn write(
        &self,
        out: &mut dyn termcolor::WriteColor,
        shown: &Shown<'_>,
    ) -> Result<(), codespan_reporting::files::Error> {
        match shown {
            Shown::One(d) => {
                let mut excerpts = Excerpts::default();
                let report = self.to_report(d, &mut excerpts);
                term::emit_to_write_style(out, &self.config, &excerpts, &report)
            }
            Shown::More { file, error, kind, count } => {
                let (word, plural) =
                    if *error { ("error", "errors") } else { ("warning", "warnings") };
                let noun = if *count == 1 { word } else { plural };
                let path = self.path(*file);
                let note = Report::note()
                    .with_message(format!("{path} has {count} more {noun} like \"{kind}\""))
                    .with_notes(vec!["help: `--message-format short` lists every one".to_owned()]);
                term::emit_to_write_style(out, &self.config, &Excerpts::default(), &note)
            }
        }
    }

    fn to_report(&self, d: &Diagnostic, excerpts: &mut Excerpts) -> Report<usize> {
        let severity = match d.severity {
            Severity::Error => ReportSeverity::Error,
            Severity::Warning => ReportSeverity::Warning,
        };
        let labels: Vec<(&Label, LabelStyle)> = d
            .primary
            .iter()
            .map(|l| (l, LabelStyle::Primary))
            .chain(d.secondary.iter().map(|l| (l, LabelStyle::Secondary)))
            .collect();
        let spans: Vec<&Span> = labels.iter().map(|(l, _)| &l.span).collect();
        let placed = excerpts.place(self.sources, &spans, |id| self.index(id), self.prefix);
        let labels = labels
            .iter()
            .zip(placed)
            .map(|((label, style), (file, range))| {
                ReportLabel::new(*style, file, range).with_message(clip(&label.message))
            })
            .collect();
        if self.format == Format::Short {
            // One line per problem, the hint kept: codespan's short style
            // prints no notes.
            let message = match &d.help {
                Some(help) => format!("{} (help: {})", clip(&d.message), one_line(&clip(help))),
                None => clip(&d.message),
            };
            return Report::new(severity).with_message(message).with_labels(labels);
        }
        let notes = d.help.iter().map(|h| format!("help: {}", clip(h))).collect();
        Report::new(severity).with_message(clip(&d.message)).with_labels(labels).with_notes(notes)
    }
}

#[cfg(test)]
mod tests;
