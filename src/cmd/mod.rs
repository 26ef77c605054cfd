//! What each command does, one file each, and what they share: a run's
//! sources and diagnostics, printed once at the end; its summary line; the
//! exit code (0 ok, 1 content errors, 2 other).
//!
//! - `build`: the site into its output folder, swapped in whole;
//! - `check`: every check, nothing written;
//! - `pdf`: the board edition printed to PDF;
//! - `serve`: the site while it is written (see `crate::serve`).

mod build;
mod check;
mod pdf;
mod serve;

use std::error::Error as _;
use std::ffi::OsString;
use std::fmt;
use std::io::{self, Write};
use std::time::Instant;

use crate::calendar::Date;
use crate::cli::{Cli, Command, ProjectArgs};
use crate::diagnostics::report;
use crate::diagnostics::{Diagnostics, Sources};
use crate::error::Error;
use crate::output::Sink;
use crate::pipeline::{self, Built, Options};
use crate::render::Outputs;

/// One run of a command: what it read and what it found.
pub(crate) struct Session {
    pub(crate) sources: Sources,
    pub(crate) diags: Diagnostics,
    started: Instant,
}

impl Session {
    /// Builds the project `args` name into `sink`, making `outputs`.
    pub(crate) fn build(
        &mut self,
        args: &ProjectArgs,
        outputs: Outputs,
        sink: &Sink,
    ) -> Result<Built, Error> {
        let today = build_date(std::env::var_os("SOURCE_DATE_EPOCH"))?;
        let options = Options { drafts: args.drafts, today, outputs };
        pipeline::build(&args.project, &options, sink, &mut self.sources, &mut self.diags)
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
    let mut session =
        Session { sources: Sources::default(), diags: Diagnostics::new(), started: Instant::now() };
    let result = match &cli.command {
        Command::Build(args) => build::run(args, &mut session),
        Command::Check(args) => check::run(args, &mut session),
        Command::Pdf(args) => pdf::run(args, &mut session),
        Command::Serve(args) => serve::run(args, &mut session),
    };
    let project = cli.command.project();
    report::emit(
        &session.diags,
        &session.sources,
        project.message_format.into(),
        project.color.into(),
    );
    match result {
        Ok(summary) => {
            say(format_args!("stratdoc: {summary}"));
            0
        }
        Err(Error::Content(diags)) => {
            complain(format_args!("error: {} failed: {diags}", cli.command.name()));
            1
        }
        Err(err) => {
            print_error(&err);
            if let Error::Interrupted { signal } = err {
                crate::pdf::end_as(signal);
            }
            err.exit_code()
        }
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

/// Prints an error and its causes (`caused by: …`), once, at the edge.
fn print_error(err: &Error) {
    complain(format_args!("error: {err}"));
    let mut source = err.source();
    while let Some(cause) = source {
        complain(format_args!("  caused by: {cause}"));
        source = cause.source();
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
