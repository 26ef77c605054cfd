//! `stratdoc check`: every check a build makes, rendering included (a
//! template that fails is found), with nothing written.

use crate::cli::CheckArgs;
use crate::cmd::Session;
use crate::error::Error;
use crate::output::Sink;
use crate::render::Outputs;

/// Checks the project; returns the summary line.
pub(super) fn run(args: &CheckArgs, session: &mut Session) -> Result<String, Error> {
    let built = session.build(&args.project, &args.git, Outputs::ALL, &Sink::nowhere())?;
    Ok(format!(
        "checked {} pages, {}, no errors, in {} ms",
        built.pages,
        session.warnings(),
        session.ms()
    ))
}
