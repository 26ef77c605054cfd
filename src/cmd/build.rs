//! `stratdoc build`: the site, written into a staging folder beside the
//! output as it is made and swapped in whole when every file is there.

use crate::cli::BuildArgs;
use crate::cmd::Session;
use crate::error::Error;
use crate::output::Output;
use crate::render::Outputs;

/// Builds the site; returns the summary line.
pub(super) fn run(args: &BuildArgs, session: &mut Session) -> Result<String, Error> {
    let project = &args.project.project;
    let out = args.out.clone().unwrap_or_else(|| project.join("public"));
    let site = Output::open(&out, project)?;
    let built = session.build(&args.project, &args.git, Outputs::ALL, site.sink())?;
    let files = site.sink().count();
    site.publish()?;
    Ok(format!(
        "built {} pages ({files} files), {} in {} ms → {}",
        built.pages,
        session.warnings(),
        session.ms(),
        out.display()
    ))
}
