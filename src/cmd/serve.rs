//! `stratdoc serve`: see `crate::serve`.

use crate::cli::ServeArgs;
use crate::cmd::{Session, build_date};
use crate::error::Error;
use crate::pipeline::Options;
use crate::render::Outputs;
use crate::serve::{self, Serving, Terminal};

/// Serves the project until stopped; returns only on an error.
pub(super) fn run(args: &ServeArgs, _session: &mut Session) -> Result<String, Error> {
    // Serving reports each rebuild on a line of its own; a progress line
    // redrawn over them would garble both.
    crate::progress::clear();
    let today = build_date(std::env::var_os("SOURCE_DATE_EPOCH"))?;
    let options = Options {
        drafts: args.project.drafts,
        today,
        outputs: Outputs::ALL,
        git: false,
        compare_to: None,
    };
    serve::run(&Serving {
        root: args.project.project.clone(),
        address: serve::address(args.bind, args.port),
        open: args.open,
        options,
        terminal: Terminal {
            style: crate::cmd::style(&args.project),
            quiet: args.project.quiet,
            deny_warnings: args.project.deny_warnings,
        },
    })?;
    Ok("stopped serving".to_owned())
}
