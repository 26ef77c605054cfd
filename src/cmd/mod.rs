//! What each command does, one file each, and what they share: a run's
//! sources and diagnostics, printed once at the end; its summary line; the
//! exit code (0 ok, 1 content errors, 2 other).
//!
//! - `build`: the site into its output folder, swapped in whole;
//! - `check`: every check, nothing written;
//! - `pdf`: the board edition printed to PDF;
//! - `serve`: the site while it is written (see `crate::serve`);
//! - `init`: a new project from the starter;
//! - `new`: a new page of a kind, its fields to fill in;
//! - `completions`, `man`: the command line described for shells and `man`.

mod build;
mod check;
mod init;
mod manual;
mod new;
mod pdf;
mod serve;

use std::error::Error as _;
use std::ffi::OsString;
use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::path::{Component, Path};
use std::time::Instant;

use crate::calendar::Date;
use crate::cli::{Cli, ColorChoice, Command, GitArgs, MessageFormat, NewArgs, ProjectArgs};
use crate::diagnostics::report::{self, Style};
use crate::diagnostics::{Diagnostic, Diagnostics, Sources};
use crate::error::Error;
use crate::output::Sink;
use crate::pipeline::{self, Built, Options};
use crate::progress;
use crate::render::Outputs;

/// One run of a command: what it read and what it found.
pub(crate) struct Session {
    pub(crate) sources: Sources,
    pub(crate) diags: Diagnostics,
    started: Instant,
}

impl Session {
    /// Builds the project `args` name into `sink`, making `outputs`. With
    /// `--deny-warnings`, a warning fails the build before anything of it
    /// is published or printed.
    pub(crate) fn build(
        &mut self,
        args: &ProjectArgs,
        git: &GitArgs,
        outputs: Outputs,
        sink: &Sink,
    ) -> Result<Built, Error> {
        let today = build_date(std::env::var_os("SOURCE_DATE_EPOCH"))?;
        let options = Options {
            drafts: args.drafts,
            today,
            outputs,
            git: !git.no_git,
            compare_to: git.compare_to.clone(),
        };
        let built =
            pipeline::build(&args.project, &options, sink, &mut self.sources, &mut self.diags)?;
        match self.diags.warnings() {
            n if n > 0 && args.deny_warnings => Err(Error::Warnings(n)),
            _ => Ok(built),
        }
    }

    /// `N warnings`, for the summary line.
    pub(crate) fn warnings(&self) -> String {
        self.diags.count_warnings()
    }

    /// Milliseconds since the run started.
    pub(crate) fn ms(&self) -> u128 {
        self.started.elapsed().as_millis()
    }
}

/// Runs the command and returns the process exit code.
#[must_use]
pub(crate) fn run(cli: &Cli) -> u8 {
    match &cli.command {
        Command::Build(args) => project("build", &args.project, |s| build::run(args, s)),
        Command::Check(args) => project("check", &args.project, |s| check::run(args, s)),
        Command::Pdf(args) => project("pdf", &args.project, |s| pdf::run(args, s)),
        Command::Serve(args) => project("serve", &args.project, |s| serve::run(args, s)),
        Command::Init(args) => finish(init::run(args), args.quiet, &Style::default()),
        Command::New(args) => project("new", &as_project(args), |s| new::run(args, s)),
        Command::Completions(args) => manual::completions(args.shell),
        // Printed to stdout, the page is all there is to say.
        Command::Man(args) => finish(manual::man(args), args.out.is_none(), &Style::default()),
    }
}

/// What `new` shares with the commands that read a project: the folder
/// and `--quiet`; its diagnostics (the new page's) are for people.
fn as_project(args: &NewArgs) -> ProjectArgs {
    ProjectArgs {
        project: args.project.clone(),
        drafts: false,
        message_format: MessageFormat::Human,
        color: ColorChoice::Auto,
        deny_warnings: false,
        quiet: args.quiet,
    }
}

/// Runs a command that reads the project `args` name: its diagnostics,
/// then its summary or why it failed.
fn project(
    name: &str,
    args: &ProjectArgs,
    command: impl FnOnce(&mut Session) -> Result<String, Error>,
) -> u8 {
    let terminal = io::stderr().is_terminal();
    progress::start(progress::wanted(terminal, args.quiet, std::env::var_os("CI").is_some()));
    let mut session =
        Session { sources: Sources::default(), diags: Diagnostics::new(), started: Instant::now() };
    let result = command(&mut session);
    progress::clear();
    let style = style(args);
    report::emit(&session.diags, &session.sources, &style);
    match result {
        Err(Error::Content(_)) => {
            complain(format_args!("error: {name} failed: {}", session.diags));
            1
        }
        Err(Error::Warnings(_)) => {
            complain(format_args!(
                "error: {name} failed: {}, denied by `--deny-warnings`",
                session.diags
            ));
            1
        }
        other => finish(other, args.quiet, &style),
    }
}

/// How diagnostics are printed for `args`, with paths from where the
/// command was run.
pub(crate) fn style(args: &ProjectArgs) -> Style {
    Style {
        format: args.message_format.into(),
        color: args.color.into(),
        prefix: std::env::current_dir().map(|cwd| prefix(&args.project, &cwd)).unwrap_or_default(),
    }
}

/// Ends a run: its summary line (on stdout, or on stderr where stdout is
/// for tools; none with `--quiet`), or its error; returns the exit code.
fn finish(result: Result<String, Error>, quiet: bool, style: &Style) -> u8 {
    match result {
        Ok(_) if quiet => 0,
        Ok(summary) if style.format.is_for_tools() => {
            complain(format_args!("stratdoc: {summary}"));
            0
        }
        Ok(summary) => {
            say(format_args!("stratdoc: {summary}"));
            0
        }
        Err(err) => {
            print_error(&err, style);
            if let Error::Interrupted { signal } = err {
                crate::pdf::end_as(signal);
            }
            err.exit_code()
        }
    }
}

/// What to put before a path relative to `project` to make it relative to
/// `cwd`, where the command was run: nothing for `.`, `strategi/` for
/// `strategi` or `./strategi/`, an absolute path when `project` lies
/// outside `cwd`.
fn prefix(project: &Path, cwd: &Path) -> String {
    let shown =
        if project.is_absolute() { project.strip_prefix(cwd).unwrap_or(project) } else { project };
    let parts: Vec<String> = shown
        .components()
        .filter_map(|c| match c {
            Component::CurDir => None,
            Component::RootDir => Some(String::new()),
            other => Some(other.as_os_str().to_string_lossy().into_owned()),
        })
        .collect();
    match parts.join("/") {
        joined if joined.is_empty() => joined,
        joined => format!("{}/", joined.trim_end_matches('/')),
    }
}

/// The build date: `SOURCE_DATE_EPOCH` when set (reproducible builds, as
/// <https://reproducible-builds.org/specs/source-date-epoch/> defines it),
/// else the system clock. Set but not a date is an error, never the clock:
/// a build meant to be reproducible would silently not be.
pub(crate) fn build_date(epoch: Option<OsString>) -> Result<Date, Error> {
    let Some(epoch) = epoch else {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        return Ok(Date::from_unix_seconds(now).unwrap_or(Date { year: 9999, month: 12, day: 31 }));
    };
    // The value itself is not repeated: it comes from outside the project.
    let text = epoch.to_str().unwrap_or("?").trim();
    let reason = if text.is_empty() {
        "it is empty; set it to the seconds since 1970-01-01 UTC (`git log -1 --format=%ct` prints them), or unset it to use the clock"
    } else if !text.bytes().all(|b| b.is_ascii_digit()) {
        "it must be a whole number of seconds since 1970-01-01 UTC, digits only (`git log -1 --format=%ct` prints one)"
    } else if let Some(date) = text.parse().ok().and_then(Date::from_unix_seconds) {
        return Ok(date);
    } else {
        "it is after the year 9999"
    };
    Err(Error::BuildDate { reason })
}

/// Prints an error and its causes (`caused by: …`), once, at the edge;
/// for tools, also as a diagnostic in their format.
fn print_error(err: &Error, style: &Style) {
    complain(format_args!("error: {err}"));
    let mut whole = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        complain(format_args!("  caused by: {cause}"));
        whole = format!("{whole}: {cause}");
        source = cause.source();
    }
    if let (true, Some(code)) = (style.format.is_for_tools(), err.code()) {
        let mut diags = Diagnostics::new();
        diags.push(Diagnostic::global(whole).code(code));
        report::emit(&diags, &Sources::default(), style);
    }
}

/// A line on stdout. `println!` panics when stdout is closed (`| head`) or
/// full (`> /dev/full`); the summary is not worth a panic, and the exit code
/// must say how the build went, not how the terminal did.
pub(crate) fn say(line: fmt::Arguments<'_>) {
    let _ = writeln!(io::stdout().lock(), "{line}");
}

/// A line on stderr, with the same tolerance as [`say`]: there is nowhere
/// left to report a failure to write to stderr.
pub(crate) fn complain(line: fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_from_where_the_command_was_run() {
        let cwd = Path::new("/home/a/work");
        for (project, shown) in [
            (".", ""),
            ("./", ""),
            ("strategi", "strategi/"),
            ("./strategi/", "strategi/"),
            ("../other", "../other/"),
            ("/home/a/work", ""),
            ("/home/a/work/strategi", "strategi/"),
            ("/srv/strategi", "/srv/strategi/"),
        ] {
            assert_eq!(prefix(Path::new(project), cwd), shown, "{project}");
        }
    }

    #[test]
    fn the_build_date_is_source_date_epoch_or_an_error_never_the_clock() {
        let date = |value: &str| build_date(Some(value.into())).map(|d| d.to_string());
        assert_eq!(date("1795478400").unwrap(), "2026-11-24");
        assert_eq!(date(" 0\n").unwrap(), "1970-01-01");
        for (bad, why) in [
            ("", "it is empty"),
            ("abc", "it must be a whole number"),
            ("-1", "it must be a whole number"),
            ("1.5", "it must be a whole number"),
            ("+5", "it must be a whole number"),
            ("253402300800", "it is after the year 9999"),
            ("99999999999999999999999", "it is after the year 9999"),
        ] {
            let Err(err) = date(bad) else { panic!("{bad:?} was taken as a date") };
            assert!(
                err.to_string()
                    .starts_with(&format!("`SOURCE_DATE_EPOCH` is not a build date: {why}")),
                "{bad:?}: {err}"
            );
            assert_eq!(err.exit_code(), 2);
        }
        assert!(build_date(None).is_ok(), "unset: the clock");
    }
}
