//! `stratdoc pdf`: the board edition alone (no site, no search index),
//! built in memory and printed to PDF by headless Chromium.

use crate::artifact::Contents;
use crate::cli::PdfArgs;
use crate::cmd::Session;
use crate::error::Error;
use crate::output::Sink;
use crate::pdf::{self, Browser};
use crate::render::{Outputs, PRINT_FILE};

/// Prints the board edition; returns the summary line.
pub(super) fn run(args: &PdfArgs, session: &mut Session) -> Result<String, Error> {
    // A missing browser is said before seconds of building.
    let out = args.out.clone().unwrap_or_else(|| pdf::default_out(&args.project.project));
    pdf::check_out(&out, &args.project.project)?;
    let browser = Browser::find(
        args.browser.as_deref(),
        std::env::var_os(pdf::BROWSER_ENV),
        std::env::var_os("PATH").as_ref(),
    )?
    .with_timeout(std::env::var_os(pdf::TIMEOUT_ENV))?;
    crate::progress::step("making the board edition…");
    let memory = Sink::memory();
    let built = session.build(
        &args.project,
        &args.git,
        Outputs { site: false, print: true, only: None },
        &memory,
    )?;
    let html = edition(memory)?;
    let printed = pdf::print(&html, &built.config, &browser, &out)?;
    Ok(format!(
        "printed {} PDF pages ({} passes for the contents' page numbers), {} in {} ms → {}",
        printed.pages,
        printed.passes,
        session.warnings(),
        session.ms(),
        out.display()
    ))
}

/// The board edition among the files of `memory`.
fn edition(memory: Sink) -> Result<String, Error> {
    memory
        .into_files()
        .into_iter()
        .find(|f| f.path == PRINT_FILE)
        .and_then(|f| match f.contents {
            Contents::Bytes(bytes) => String::from_utf8(bytes).ok(),
            Contents::Copy(_) => None,
        })
        .ok_or_else(|| Error::Pdf { reason: format!("the build made no `{PRINT_FILE}`") })
}
