//! The command line: `stratdoc build` and `stratdoc check`. Parses arguments,
//! runs the pipeline, writes the output, prints diagnostics and the summary,
//! and maps the outcome to an exit code (0 ok, 1 content errors, 2 other).

use std::error::Error as _;
use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};

use crate::calendar::Date;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::Sources;
use crate::diagnostics::report::{self, Color, Format};
use crate::error::Error;
use crate::output;
use crate::pipeline::{self, Options};

/// Turns a strategy kept as Markdown files with YAML frontmatter into a linked static site.
#[derive(Debug, Parser)]
#[command(name = "stratdoc", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (default `PROJECT_DIR/public`).
    Build(BuildArgs),
    /// Validate the project and report every problem; write nothing.
    Check(CheckArgs),
}

/// Options shared by every command that reads a project.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// The project folder (holding `stratdoc.yaml` and `content/`).
    #[arg(value_name = "PROJECT_DIR", default_value = ".")]
    pub project: PathBuf,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// How diagnostics are printed: `human` (with source lines) or `short` (one line each).
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `--message-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    /// Message, source line and hint.
    Human,
    /// One line each: `path:line:col: severity: message`.
    Short,
}

impl From<MessageFormat> for Format {
    fn from(format: MessageFormat) -> Format {
        match format {
            MessageFormat::Human => Format::Human,
            MessageFormat::Short => Format::Short,
        }
    }
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When stderr is a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl From<ColorChoice> for Color {
    fn from(color: ColorChoice) -> Color {
        match color {
            ColorChoice::Auto => Color::Auto,
            ColorChoice::Always => Color::Always,
            ColorChoice::Never => Color::Never,
        }
    }
}

/// `stratdoc build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    /// The project.
    pub project: ProjectArgs,
    /// Output folder (default `PROJECT_DIR/public`). Only a folder stratdoc made, or an empty or new one, is written.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `stratdoc check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    /// The project.
    pub project: ProjectArgs,
}

/// Runs the command and returns the process exit code.
#[must_use]
pub fn run(cli: &Cli) -> u8 {
    let started = Instant::now();
    let (project, out) = match &cli.command {
        Command::Build(args) => (
            &args.project,
            Some(args.out.clone().unwrap_or_else(|| args.project.project.join("public"))),
        ),
        Command::Check(args) => (&args.project, None),
    };
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let options = Options { drafts: project.drafts, today: today() };
    let result =
        pipeline::build(&project.project, &options, &mut sources, &mut diags).and_then(|site| {
            if let Some(out) = &out {
                output::write(&site.files, out, &project.project)?;
            }
            Ok(site)
        });
    report::emit(&diags, &sources, project.message_format.into(), project.color.into());
    match result {
        Ok(site) => {
            let elapsed = started.elapsed();
            match out {
                Some(out) => say(format_args!(
                    "stratdoc: built {} pages ({} files), {} in {} ms → {}",
                    site.pages,
                    site.files.len(),
                    diags.count_warnings(),
                    elapsed.as_millis(),
                    out.display()
                )),
                None => say(format_args!(
                    "stratdoc: checked {} pages, {}, no errors, in {} ms",
                    site.pages,
                    diags.count_warnings(),
                    elapsed.as_millis()
                )),
            }
            0
        }
        Err(Error::Content(diags)) => {
            let verb = if out.is_some() { "build" } else { "check" };
            complain(format_args!("error: {verb} failed: {diags}"));
            1
        }
        Err(err) => {
            print_error(&err);
            err.exit_code()
        }
    }
}

/// The build date: `SOURCE_DATE_EPOCH` when set (reproducible builds, as
/// <https://reproducible-builds.org/specs/source-date-epoch/> defines it),
/// else the system clock.
fn today() -> Date {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    Date::from_unix_seconds(seconds)
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
fn say(line: fmt::Arguments<'_>) {
    let _ = writeln!(io::stdout().lock(), "{line}");
}

/// A line on stderr, with the same tolerance as [`say`]: there is nowhere
/// left to report a failure to write to stderr.
fn complain(line: fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_build_flags() {
        let cli = Cli::try_parse_from(["stratdoc", "build", "proj", "--out", "site", "--drafts"])
            .unwrap();
        let Command::Build(args) = cli.command else { panic!() };
        assert_eq!(
            (args.project.project, args.out, args.project.drafts),
            (PathBuf::from("proj"), Some(PathBuf::from("site")), true)
        );
    }
}
