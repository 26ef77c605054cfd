//! The `stratdoc` binary: parse the command line, run, exit with its code.

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ExitCode::from(stratdoc::cli::run(&stratdoc::cli::Cli::parse()))
}
