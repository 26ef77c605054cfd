//! `stratdoc completions` and `stratdoc man`: the command line, as clap
//! defines it, described for shells and for `man`, so neither can drift
//! from the commands themselves.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell as Target;

use crate::cli::{Cli, ManArgs, Shell};
use crate::error::Error;

/// Prints the completion script for `shell`; returns the exit code.
pub(super) fn completions(shell: Shell) -> u8 {
    let target = match shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
        Shell::Powershell => Target::PowerShell,
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    clap_complete::generate(target, &mut Cli::command(), "stratdoc", &mut out);
    // A closed stdout (`| head`) is the reader's choice, not a failure.
    let _ = out.flush();
    0
}

/// Prints `stratdoc.1`, or writes it and a page per command into
/// `--out`; returns the summary line.
pub(super) fn man(args: &ManArgs) -> Result<String, Error> {
    let mut command = Cli::command();
    // Built, it has the `help` command its page lists, as every page does.
    command.build();
    let Some(dir) = &args.out else {
        let page = render(&command)?;
        let _ = io::stdout().lock().write_all(&page);
        return Ok(String::new());
    };
    fs::create_dir_all(dir).map_err(Error::io("create", dir))?;
    let mut written = vec![write(dir, "stratdoc", &command)?];
    for sub in command.get_subcommands() {
        // Named as git and cargo name theirs: `man stratdoc-build`.
        let name = format!("stratdoc-{}", sub.get_name());
        let sub =
            sub.clone().display_name(name.clone()).bin_name(format!("stratdoc {}", sub.get_name()));
        written.push(write(dir, &name, &sub)?);
    }
    Ok(format!("wrote {} manual pages into {}", written.len(), dir.display()))
}

fn write(dir: &Path, name: &str, command: &clap::Command) -> Result<String, Error> {
    let path = dir.join(format!("{name}.1"));
    fs::write(&path, render(command)?).map_err(Error::io("write", &path))?;
    Ok(name.to_owned())
}

fn render(command: &clap::Command) -> Result<Vec<u8>, Error> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .map_err(Error::io("write", "the manual page"))?;
    Ok(page)
}
