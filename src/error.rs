//! Operational errors: what went wrong around the content (a path that cannot
//! be read, a template that does not render, a bad command line). Content
//! mistakes are not here: they are [`Diagnostics`], collected, not thrown.

use std::io;
use std::path::PathBuf;

use crate::diagnostics::{Code, Diagnostics};

/// Every way a run can fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The content has errors; they have been collected in the run's diagnostics.
    #[error("content errors: {0}")]
    Content(Diagnostics),
    /// `--deny-warnings`, and the content has this many warnings (reported
    /// in the run's diagnostics); nothing is written.
    #[error("{} denied by `--deny-warnings`", crate::diagnostics::plural(*.0, "warning"))]
    Warnings(usize),
    /// `stratdoc.yaml` is missing or wrong (its diagnostics are in the run's collector).
    #[error("invalid configuration in `{}`", .0.display())]
    Config(PathBuf),
    /// A file or folder could not be read or written.
    #[error("cannot {action} `{}`", .path.display())]
    Io {
        /// "read", "write", "create", …
        action: &'static str,
        /// The path it was about.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The theme or the project's templates cannot be used: a file refused or
    /// unreadable, a missing theme folder, a template cycle (the reasons are
    /// in the run's diagnostics).
    #[error("the templates cannot be used (theme `{0}` and the project's `templates/`)")]
    Theme(String),
    /// A template failed to load or render.
    #[error("template `{name}` failed")]
    Template {
        /// The template's name (`initiative.html`).
        name: String,
        /// The cause, with tera's own chain.
        #[source]
        source: tera::Error,
    },
    /// The output folder is not one stratdoc may write to.
    #[error("refusing to write to `{}`: {reason}", .path.display())]
    UnsafeOutput {
        /// The output folder asked for.
        path: PathBuf,
        /// Why it is refused.
        reason: String,
    },
    /// No browser to print the board edition with.
    #[error("cannot print the board edition: {reason}")]
    Browser {
        /// What was looked for, and what to install.
        reason: String,
    },
    /// The browser ran but did not print.
    #[error("`{}` could not print the board edition: {reason}", .browser.display())]
    BrowserFailed {
        /// The browser.
        browser: PathBuf,
        /// What happened.
        reason: String,
    },
    /// A signal (Ctrl-C, SIGTERM) stopped the print; its work folder is removed.
    #[error("stopped by {} while printing; nothing was written", crate::pdf::signal_name(*.signal))]
    Interrupted {
        /// The signal.
        signal: i32,
    },
    /// The printed PDF could not be read or finished.
    #[error("{reason}")]
    Pdf {
        /// What went wrong.
        reason: String,
    },
    /// `SOURCE_DATE_EPOCH` is set, but not to a build date: a reproducible
    /// build must not fall back to the clock.
    #[error("`SOURCE_DATE_EPOCH` is not a build date: {reason}")]
    BuildDate {
        /// What is wrong with it, and what to set it to.
        reason: &'static str,
    },
    /// `--compare-to` names a revision that cannot be compared with: no
    /// repository, no such revision, no project in it, or errors in it
    /// (then shown in the run's diagnostics, at `REV:content/…`).
    #[error("cannot compare with `{rev}`: {reason}")]
    Revision {
        /// The revision as given.
        rev: String,
        /// What is wrong, and what to do.
        reason: String,
    },
    /// An argument of the command cannot be used: an unknown kind, a title
    /// that names no file (`stratdoc new`).
    #[error("{0}")]
    Usage(String),
    /// The project folder is not usable.
    #[error("`{}` is not a stratdoc project: {reason}", .path.display())]
    Project {
        /// The folder given.
        path: PathBuf,
        /// What is missing.
        reason: String,
    },
}

impl Error {
    /// Wraps an I/O error with what was being done and to which path.
    pub fn io<P: Into<PathBuf>>(action: &'static str, path: P) -> impl FnOnce(io::Error) -> Error {
        // The path is copied only when there is an error: a stream's file
        // asks for this on every write (200,000 paths for 1,000 pages).
        move |source| Error::Io { action, path: path.into(), source }
    }

    /// The process exit code: 1 for content errors (and warnings denied),
    /// 2 for everything else.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Content(_) | Error::Warnings(_) => 1,
            _ => 2,
        }
    }

    /// The code tools see this error under; `None` for the errors whose
    /// problems are diagnostics of their own (content, configuration,
    /// theme, warnings denied).
    #[must_use]
    pub fn code(&self) -> Option<Code> {
        Some(match self {
            Error::Content(_) | Error::Warnings(_) | Error::Config(_) | Error::Theme(_) => {
                return None;
            }
            Error::Project { .. } => Code::NotAProject,
            Error::Io { .. } => Code::Io,
            Error::Template { .. } => Code::TemplateFailed,
            Error::UnsafeOutput { .. } => Code::RefusedOutput,
            Error::Browser { .. } | Error::BrowserFailed { .. } | Error::Pdf { .. } => Code::Print,
            Error::BuildDate { .. } => Code::BuildDate,
            Error::Interrupted { .. } => Code::Interrupted,
            Error::Revision { .. } => Code::Git,
            Error::Usage(_) => Code::Usage,
        })
    }
}
