//! The command line: `stratdoc build`, `stratdoc check` and `stratdoc pdf`.
//! Parses arguments, runs the pipeline, writes the output (the site, or the
//! board edition's PDF), prints diagnostics and the summary, and maps the
//! outcome to an exit code (0 ok, 1 content errors, 2 other).

use std::error::Error as _;
use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};

use crate::artifact::Contents;
use crate::calendar::Date;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::Sources;
use crate::diagnostics::report::{self, Color, Format};
use crate::error::Error;
use crate::output::{Output, Sink};
use crate::pdf::{self, Browser};
use crate::pipeline::{self, Options};
use crate::render::{Outputs, PRINT_FILE};

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
    /// Print the board edition to PDF with headless Chromium (default `PROJECT_DIR/print.pdf`).
    Pdf(PdfArgs),
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

/// `stratdoc pdf`.
#[derive(Debug, Args)]
pub struct PdfArgs {
    #[command(flatten)]
    /// The project.
    pub project: ProjectArgs,
    /// The PDF file to write (default `PROJECT_DIR/print.pdf`).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The Chromium or Chrome to print with (default: `STRATDOC_BROWSER`, else `chromium` or `google-chrome` on PATH).
    #[arg(long, value_name = "PATH")]
    pub browser: Option<PathBuf>,
}

/// What a successful run made, for its summary line.
enum Made {
    Site(PathBuf, usize),
    Checked,
    Pdf(PathBuf, pdf::Printed),
}

/// Runs the command and returns the process exit code.
///
/// # Panics
/// Never: `pdf` always prepares a browser before it builds.
#[must_use]
pub fn run(cli: &Cli) -> u8 {
    let started = Instant::now();
    let project = match &cli.command {
        Command::Build(args) => &args.project,
        Command::Check(args) => &args.project,
        Command::Pdf(args) => &args.project,
    };
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let outputs = match &cli.command {
        Command::Pdf(_) => Outputs { site: false, print: true },
        Command::Build(_) | Command::Check(_) => Outputs::ALL,
    };
    let result = prepare(&cli.command).and_then(|browser| {
        let today = build_date(std::env::var_os("SOURCE_DATE_EPOCH"))?;
        let options = Options { drafts: project.drafts, today, outputs };
        let mut make = |sink: &Sink| {
            pipeline::build(&project.project, &options, sink, &mut sources, &mut diags)
        };
        Ok(match &cli.command {
            Command::Build(args) => {
                let out = args.out.clone().unwrap_or_else(|| args.project.project.join("public"));
                let site = Output::open(&out, &project.project)?;
                let built = make(site.sink())?;
                let files = site.sink().count();
                site.publish()?;
                (built, Made::Site(out, files))
            }
            Command::Check(_) => (make(&Sink::nowhere())?, Made::Checked),
            Command::Pdf(args) => {
                let out = pdf_out(args);
                let browser = browser.expect("prepared for pdf");
                let memory = Sink::memory();
                let built = make(&memory)?;
                let html = memory
                    .into_files()
                    .into_iter()
                    .find(|f| f.path == PRINT_FILE)
                    .and_then(|f| match f.contents {
                        Contents::Bytes(bytes) => String::from_utf8(bytes).ok(),
                        Contents::Copy(_) => None,
                    })
                    .ok_or_else(|| Error::Pdf {
                        reason: format!("the build made no `{PRINT_FILE}`"),
                    })?;
                let printed = pdf::print(&html, &built.config, &browser, &out)?;
                (built, Made::Pdf(out, printed))
            }
        })
    });
    report::emit(&diags, &sources, project.message_format.into(), project.color.into());
    match result {
        Ok((site, made)) => {
            let ms = started.elapsed().as_millis();
            let warnings = diags.count_warnings();
            match made {
                Made::Site(out, files) => say(format_args!(
                    "stratdoc: built {} pages ({files} files), {warnings} in {ms} ms → {}",
                    site.pages,
                    out.display()
                )),
                Made::Checked => say(format_args!(
                    "stratdoc: checked {} pages, {warnings}, no errors, in {ms} ms",
                    site.pages
                )),
                Made::Pdf(out, printed) => say(format_args!(
                    "stratdoc: printed {} PDF pages ({} passes for the contents' page numbers), {warnings} in {ms} ms → {}",
                    printed.pages,
                    printed.passes,
                    out.display()
                )),
            }
            0
        }
        Err(Error::Content(diags)) => {
            let verb = match cli.command {
                Command::Build(_) => "build",
                Command::Check(_) => "check",
                Command::Pdf(_) => "pdf",
            };
            complain(format_args!("error: {verb} failed: {diags}"));
            1
        }
        Err(err) => {
            print_error(&err);
            if let Error::Interrupted { signal } = err {
                pdf::end_as(signal);
            }
            err.exit_code()
        }
    }
}

/// What a command needs before the build: `pdf` a browser and a place for
/// the PDF, so a missing browser is said before seconds of building.
fn prepare(command: &Command) -> Result<Option<Browser>, Error> {
    let Command::Pdf(args) = command else { return Ok(None) };
    pdf::check_out(&pdf_out(args), &args.project.project)?;
    let browser = Browser::find(
        args.browser.as_deref(),
        std::env::var_os(pdf::BROWSER_ENV),
        std::env::var_os("PATH").as_ref(),
    )?
    .with_timeout(std::env::var_os(pdf::TIMEOUT_ENV))?;
    Ok(Some(browser))
}

fn pdf_out(args: &PdfArgs) -> PathBuf {
    args.out.clone().unwrap_or_else(|| pdf::default_out(&args.project.project))
}

/// The build date: `SOURCE_DATE_EPOCH` when set (reproducible builds, as
/// <https://reproducible-builds.org/specs/source-date-epoch/> defines it),
/// else the system clock. Set but not a date is an error, never the clock:
/// a build meant to be reproducible would silently not be.
fn build_date(epoch: Option<std::ffi::OsString>) -> Result<Date, Error> {
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

    #[test]
    fn parses_pdf_flags() {
        let cli = Cli::try_parse_from([
            "stratdoc",
            "pdf",
            "proj",
            "--out",
            "board.pdf",
            "--browser",
            "/opt/chrome",
        ])
        .unwrap();
        let Command::Pdf(args) = cli.command else { panic!() };
        assert_eq!(
            (args.project.project, args.out, args.browser),
            (
                PathBuf::from("proj"),
                Some(PathBuf::from("board.pdf")),
                Some(PathBuf::from("/opt/chrome"))
            )
        );
    }
}
