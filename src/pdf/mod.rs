//! `stratdoc pdf`: the board edition printed to PDF by headless Chromium,
//! with a table of contents whose page numbers are right.
//!
//! Chromium has no `target-counter()`, so the numbers are found by
//! printing: print `print.html` once with the numbers empty (their width
//! is fixed, so filling them in moves nothing), read on which page each
//! heading's anchor landed, fill the numbers in, print again, and check
//! that every heading is still where its number says; if one moved, fill
//! in and print once more. Then the metadata Chromium leaves out is added
//! and the file is written in one step.
//!
//! The browser is locked down (`browser`, `serve`), bounded in time as a
//! whole (`process`), and works in a private folder that goes however the
//! print ends, Ctrl-C and SIGTERM included (`work`).

mod browser;
mod process;
mod read;
mod serve;
mod toc;
mod work;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use browser::{Browser, ENV as BROWSER_ENV, TIMEOUT_ENV};
pub use work::{end_as, signal_name};

use crate::config::Config;
use crate::error::Error;
use crate::output;

/// How many times at most the edition is printed.
const MAX_PASSES: usize = 3;

/// A printed board edition.
#[derive(Debug)]
pub struct Printed {
    /// Its pages.
    pub pages: usize,
    /// How many times it was printed to get the page numbers right.
    pub passes: usize,
}

/// Prints the board edition `html` of a project with settings `config`
/// with `browser` to `out`.
pub fn print(html: &str, config: &Config, browser: &Browser, out: &Path) -> Result<Printed, Error> {
    // Dropped in reverse: the server stops, the folder goes, and only then
    // do signals end the process again.
    let interrupts = work::Interrupts::catch();
    let work = work::WorkDir::new()?;
    let server = serve::Server::start().map_err(|e| Error::Pdf {
        reason: format!("cannot serve the board edition to the browser on 127.0.0.1: {e}"),
    })?;
    let anchors = toc::anchors(html);
    let mut numbers: BTreeMap<String, u32> = BTreeMap::new();
    let mut passes = 0;
    let pdf = loop {
        passes += 1;
        crate::progress::step(&format!("printing the board edition (print {passes})…"));
        interrupts.check()?;
        server.serve(toc::fill(html, &numbers).into_bytes());
        let pdf_path = work.path.join(format!("pass-{passes}.pdf"));
        browser.print(&server, &pdf_path, &work.path, &|| interrupts.caught())?;
        let pdf = fs::read(&pdf_path).map_err(Error::io("read", &pdf_path))?;
        let landed =
            read::numbers_of(&anchors, &read::destinations(&pdf).map_err(|e| pdf_error(&e))?);
        if let Some(missing) = anchors.iter().find(|a| !landed.contains_key(*a)) {
            return Err(Error::Pdf {
                reason: format!(
                    "the heading `#{missing}` of the table of contents is not in the PDF"
                ),
            });
        }
        // The first pass only measures; later ones are right when nothing moved.
        if passes > 1 && landed == numbers {
            break pdf;
        }
        if passes == MAX_PASSES {
            return Err(Error::Pdf {
                reason: format!(
                    "the table of contents' page numbers still moved after {MAX_PASSES} prints"
                ),
            });
        }
        numbers = landed;
    };
    let metadata = read::Metadata {
        author: config.organisation.as_deref(),
        subject: config.subtitle.as_deref(),
    };
    let finished = read::finish(&pdf, &metadata).map_err(|e| pdf_error(&e))?;
    let pages = read::page_count(&finished).map_err(|e| pdf_error(&e))?;
    // A signal during the write itself waits for it: the write is one step.
    interrupts.check()?;
    write_atomically(out, &finished)?;
    Ok(Printed { pages, passes })
}

fn pdf_error(reason: &str) -> Error {
    Error::Pdf { reason: format!("cannot read the PDF the browser printed: {reason}") }
}

/// Where the PDF goes by default: `print.pdf` in the project folder.
#[must_use]
pub fn default_out(project: &Path) -> PathBuf {
    project.join("print.pdf")
}

/// Refuses an output file where the next build would take it for content
/// or a template (`content/`, `templates/`, `themes/`), or that is a folder.
pub fn check_out(out: &Path, project: &Path) -> Result<(), Error> {
    let refuse = |reason: &str| {
        Err(Error::UnsafeOutput { path: out.to_path_buf(), reason: reason.to_owned() })
    };
    if out.is_dir() {
        return refuse("it is a folder; name the PDF file");
    }
    // Read as the system reads them, symbolic links included: a link to
    // `content/` is `content/`.
    let (out_abs, project_abs) = (output::absolute(out)?, output::absolute(project)?);
    for folder in ["content", "templates", "themes"] {
        if out_abs.starts_with(project_abs.join(folder)) {
            return refuse(&format!("it is inside `{folder}/`, which the next build reads"));
        }
    }
    Ok(())
}

/// Writes `bytes` to `out` through a file beside it that is renamed over
/// it: a reader never sees half a PDF, and a failed print leaves the old one.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), Error> {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = out.with_file_name(format!(".{name}.stratdoc-new-{}", std::process::id()));
    if let Err(err) = fs::write(&temp, bytes) {
        let _ = fs::remove_file(&temp);
        return Err(Error::io("write", out)(err));
    }
    fs::rename(&temp, out).map_err(|err| {
        let _ = fs::remove_file(&temp);
        Error::io("write", out)(err)
    })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod out_tests {
    use super::*;

    #[test]
    fn a_pdf_inside_what_the_build_reads_is_refused() {
        let project = Path::new("/tmp/proj");
        for bad in [
            "/tmp/proj/content/x.pdf",
            "/tmp/proj/themes/a/../b/x.pdf",
            "/tmp/proj/templates/x.pdf",
        ] {
            assert!(check_out(Path::new(bad), project).is_err(), "{bad}");
        }
        assert!(check_out(Path::new("/tmp/proj/print.pdf"), project).is_ok());
        assert!(check_out(Path::new("/tmp/proj/content/../print.pdf"), project).is_ok());
    }
}
