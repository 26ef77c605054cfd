//! The command line as clap reads it: the commands, their arguments and
//! options. What each command does is in `cmd`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diagnostics::report::{Color, Format};

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
    /// Serve the site while you write: rebuild and reload on every save.
    Serve(ServeArgs),
    /// Start a new strategy in DIR: settings, a starter strategy, a `.gitignore` and a CI workflow.
    Init(InitArgs),
    /// Write a new page of a kind: its file, named from the title, with every field of the kind to fill in.
    New(NewArgs),
    /// Print a completion script for a shell.
    Completions(CompletionsArgs),
    /// Print the manual page, or write one for each command into a folder.
    Man(ManArgs),
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
    /// How diagnostics are printed: for people (`human`, `short`) on stderr, for tools (`json`, `github`) on stdout.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Fail (exit 1, nothing written) when there is any warning.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Print only errors and warnings: no summary line, no progress.
    #[arg(long, short)]
    pub quiet: bool,
}

/// What a command that renders the strategy reads from git.
#[derive(Debug, Args, Default)]
pub struct GitArgs {
    /// Compare with the project as it was at REV (a tag, branch or commit), read from git: adds a page of what changed, and an appendix to the board edition (default: `compare_to:` in `stratdoc.yaml`).
    #[arg(long, value_name = "REV", conflicts_with = "no_git")]
    pub compare_to: Option<String>,
    /// Read nothing from git: no page history, no commit on the cover, no comparison.
    #[arg(long)]
    pub no_git: bool,
}

/// `--message-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    /// Message, source line and hint.
    Human,
    /// One line each: `path:line:col: severity: message (help: hint)`.
    Short,
    /// One JSON object per line, on stdout.
    Json,
    /// GitHub Actions annotations (`::error file=…::message`), on stdout.
    Github,
}

impl From<MessageFormat> for Format {
    fn from(format: MessageFormat) -> Format {
        match format {
            MessageFormat::Human => Format::Human,
            MessageFormat::Short => Format::Short,
            MessageFormat::Json => Format::Json,
            MessageFormat::Github => Format::Github,
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
    #[command(flatten)]
    /// What is read from git.
    pub git: GitArgs,
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
    #[command(flatten)]
    /// What is read from git.
    pub git: GitArgs,
}

/// `stratdoc pdf`.
#[derive(Debug, Args)]
pub struct PdfArgs {
    #[command(flatten)]
    /// The project.
    pub project: ProjectArgs,
    #[command(flatten)]
    /// What is read from git.
    pub git: GitArgs,
    /// The PDF file to write (default `PROJECT_DIR/print.pdf`).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The Chromium or Chrome to print with (default: `STRATDOC_BROWSER`, else `chromium` or `google-chrome` on PATH).
    #[arg(long, value_name = "PATH")]
    pub browser: Option<PathBuf>,
}

/// `stratdoc serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    /// The project.
    pub project: ProjectArgs,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
    /// The address to listen on (default 127.0.0.1, this machine only).
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,
    /// Open the site in the system's browser.
    #[arg(long)]
    pub open: bool,
}

/// `stratdoc init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to make the project in; made if missing. It must be empty (a `.git` aside) unless `--force`.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// The language of the starter strategy and the site.
    #[arg(long, value_enum, default_value_t = StarterLanguage::Da)]
    pub language: StarterLanguage,
    /// Add the starter's files to a folder that is not empty; files that exist are kept as they are.
    #[arg(long)]
    pub force: bool,
    /// Print only warnings and errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `stratdoc new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The kind of page: its id (`initiative`), its folder (`initiatives`) or its name in the project's language (`initiativ`).
    #[arg(value_name = "KIND")]
    pub kind: String,
    /// The page's title, which names its file (`Grøn IT` → `groen-it.md`).
    // A title may start with `-` (`- og så?`); flags go before it or after `--`.
    #[arg(value_name = "TITLE", allow_hyphen_values = true)]
    pub title: String,
    /// The project folder (holding `stratdoc.yaml` and `content/`).
    #[arg(value_name = "PROJECT_DIR", default_value = ".")]
    pub project: PathBuf,
    /// Print only warnings and errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `init --language`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StarterLanguage {
    /// Danish.
    Da,
    /// English.
    En,
}

/// `stratdoc completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell, e.g. `stratdoc completions bash > ~/.local/share/bash-completion/completions/stratdoc`.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The shells `completions` writes for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
}

/// `stratdoc man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `stratdoc.1` and a page per command (`stratdoc-build.1`, …) into DIR instead of printing `stratdoc.1`.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

impl Command {
    /// The project options of the commands that read a project.
    #[must_use]
    pub fn project(&self) -> Option<&ProjectArgs> {
        match self {
            Command::Build(args) => Some(&args.project),
            Command::Check(args) => Some(&args.project),
            Command::Pdf(args) => Some(&args.project),
            Command::Serve(args) => Some(&args.project),
            Command::Init(_) | Command::New(_) | Command::Completions(_) | Command::Man(_) => None,
        }
    }

    /// The command's name, as typed.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Command::Build(_) => "build",
            Command::Check(_) => "check",
            Command::Pdf(_) => "pdf",
            Command::Serve(_) => "serve",
            Command::Init(_) => "init",
            Command::New(_) => "new",
            Command::Completions(_) => "completions",
            Command::Man(_) => "man",
        }
    }
}

/// Runs the command and returns the process exit code.
#[must_use]
pub fn run(cli: &Cli) -> u8 {
    crate::cmd::run(cli)
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
