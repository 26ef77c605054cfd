//! The `stratdoc` binary: parse the command line, run, exit with its code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    ExitCode::from(stratdoc::cli::run(&stratdoc::cli::Cli::parse()))
}
