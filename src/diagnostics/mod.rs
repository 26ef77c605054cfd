//! Diagnostics as data: every content problem the pipeline finds becomes a
//! [`Diagnostic`] with a [`Span`] into the file it came from. Stages collect
//! them in [`Diagnostics`] and keep going, so one run reports every problem;
//! [`report`] renders them once, at the edge.

mod code;
pub mod report;
mod sources;
mod suggest;

use std::ops::Range;

pub use code::Code;
pub use sources::{Decoded, Problem, SourceFile, Sources, decode, fingerprint};
pub use suggest::{Nearby, PathIndex, closest_value, did_you_mean};

/// `a` or `an`, as English writes it before `word` (a kind's id in a
/// message: "an initiative", "a direction").
#[must_use]
pub fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
}

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(pub(crate) usize);

/// A byte range in one source file. Line and column are computed only when a
/// diagnostic is rendered, so spans stay exact however the text is split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The file.
    pub source: SourceId,
    /// Byte range into the whole file (not into a frontmatter or body slice).
    pub range: Range<usize>,
}

impl Span {
    /// A span of `range` in `source`.
    #[must_use]
    pub fn new(source: SourceId, range: Range<usize>) -> Self {
        Span { source, range }
    }
}

/// How bad a diagnostic is: errors stop the build (exit 1), warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Stops the build.
    Error,
    /// Reported; the build goes on.
    Warning,
}

/// A place in a file with a short explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is wrong there (may be empty).
    pub message: String,
}

/// One problem found in the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The class of problem, stable across versions (`SD0401 broken-link`).
    pub code: Code,
    /// One line: what is wrong.
    pub message: String,
    /// Where it is; `None` for problems with no file (a missing `purpose.md`).
    pub primary: Option<Label>,
    /// Related places ("first defined here").
    pub secondary: Vec<Label>,
    /// How to fix it: allowed values, a likely spelling.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, Some(span), message)
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, Some(span), message)
    }

    /// An error that belongs to no file.
    pub fn global(message: impl Into<String>) -> Self {
        Self::new(Severity::Error, None, message)
    }

    /// A warning that belongs to no file.
    pub fn global_warning(message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, None, message)
    }

    fn new(severity: Severity, span: Option<Span>, message: impl Into<String>) -> Self {
        let message = message.into();
        Diagnostic {
            severity,
            code: Code::Other,
            message,
            primary: span.map(|span| Label { span, message: String::new() }),
            secondary: Vec::new(),
            help: None,
        }
    }

    /// Sets the class of problem; every diagnostic stratdoc makes has one
    /// (`Other` is for none yet, and the tests see that none is left so).
    #[must_use]
    pub fn code(mut self, code: Code) -> Self {
        self.code = code;
        self
    }

    /// Sets the label text under the primary span.
    #[must_use]
    pub fn label(mut self, message: impl Into<String>) -> Self {
        if let Some(primary) = &mut self.primary {
            primary.message = message.into();
        }
        self
    }

    /// Adds a related place.
    #[must_use]
    pub fn also(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label { span, message: message.into() });
        self
    }

    /// Adds a hint; `None` leaves the diagnostic as it is.
    #[must_use]
    pub fn help(mut self, help: impl Into<Option<String>>) -> Self {
        self.help = help.into();
        self
    }

    /// True for errors.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The collector every stage writes into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collector.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records many, in order (used to merge per-page results from parallel stages).
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    /// Number of errors.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    #[must_use]
    pub fn warnings(&self) -> usize {
        self.items.len() - self.errors()
    }

    /// True when at least one error was recorded.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// All diagnostics, in the order they were recorded.
    #[must_use]
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Sorts by file and position, so output is stable whatever order the
    /// (parallel) stages found things in.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            let key =
                |d: &Diagnostic| d.primary.as_ref().map(|l| (l.span.source, l.span.range.start));
            key(a).cmp(&key(b))
        });
    }
}

impl Diagnostics {
    /// "1 warning", "3 warnings": for summary lines.
    #[must_use]
    pub fn count_warnings(&self) -> String {
        plural(self.warnings(), "warning")
    }
}

/// The diagnostics, moved out in order: how a stage's own are merged into
/// the run's (`diags.extend(found)`).
impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl std::fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, {}", plural(self.errors(), "error"), self.count_warnings())
    }
}

/// "1 warning", "3 warnings".
pub(crate) fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
