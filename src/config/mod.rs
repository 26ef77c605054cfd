//! The project file `stratdoc.yaml`, in two steps as the pipeline takes it:
//! `parse` reads what it says into a [`RawConfig`] (each setting as
//! written, with the same located field checks as pages, so a typo in the
//! config is reported with its line like any content error; a setting
//! written wrong is left out, its default standing in, so the content is
//! still checked, and the run exits 2: nothing is built); the load stage
//! checks the files it names (logo, theme) against the disk;
//! [`RawConfig::resolve`] then gives the [`Config`] every later stage
//! reads, defaults applied. Pure: no I/O in here.

use std::path::PathBuf;

use serde::Serialize;

use crate::calendar::Quarter;
use crate::diagnostics::{Diagnostics, Span};
use crate::diagnostics::{SourceId, Sources};
use crate::error::Error;
use crate::frontmatter;

mod brand;
mod kinds;
mod labels;
mod print;
mod raw;
mod resolved;
mod web;

pub use brand::{Brand, Colour, Font};
pub use labels::{PARTS, Words};
pub(crate) use print::names as print_part_names;
pub use print::{Print, PrintPart};
pub use raw::RawConfig;
pub use resolved::{Config, Logo};

/// The name of the project file.
pub const FILE: &str = "stratdoc.yaml";

/// UI language: labels, dates, quarters and typographic quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Danish.
    #[default]
    Da,
    /// English.
    En,
}

impl Language {
    /// The BCP 47 tag for `<html lang>`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::En => "en",
        }
    }
}

/// Whether the strategy is a draft or the approved version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Work in progress.
    #[default]
    Draft,
    /// Approved by the board.
    Approved,
}

/// The action plan's horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First quarter.
    pub start: Quarter,
    /// Last quarter.
    pub end: Quarter,
}

impl Period {
    /// The most quarters the roadmap shows, as columns: ten years. Beyond
    /// that its columns are too narrow to read on the board's landscape
    /// page, so a longer period is refused rather than cut.
    pub const MAX_QUARTERS: i32 = 40;

    /// How many quarters `start` to `end` holds, both included.
    #[must_use]
    pub fn quarters(start: Quarter, end: Quarter) -> i32 {
        start.distance(end) + 1
    }
}

/// A setting's text as written, and where: what the load stage checks
/// against the disk and points at when it is wrong.
#[derive(Clone, Debug)]
pub struct Written {
    /// The text.
    pub text: String,
    /// Where it is written.
    pub at: Span,
}

/// `stratdoc.yaml`, read into [`Sources`] and ready for `config::parse`.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// Its text in [`Sources`].
    pub id: SourceId,
    /// Its path, for the final "invalid configuration" line.
    pub path: PathBuf,
}

/// Parses the text of `stratdoc.yaml` into what it says. A setting
/// written wrong is reported in `diags` at its line and left out, so its
/// default stands in and the content can still be checked against the
/// rest: the run reports every problem, then ends as a configuration error
/// ([`crate::pipeline::Loaded`]). Only a file that cannot be read as YAML
/// fails here, with [`Error::Config`]: nothing in it can be relied on.
pub fn parse(
    file: &ConfigFile,
    sources: &Sources,
    diags: &mut Diagnostics,
) -> Result<RawConfig, Error> {
    let text = sources.get(file.id).text();
    let Some(fields) = frontmatter::parse_yaml(file.id, text, 0..text.len(), diags) else {
        return Err(Error::Config(file.path.clone()));
    };
    let whole = Span::new(file.id, 0..text.find('\n').unwrap_or(text.len()));
    Ok(raw::read(&fields, whole, diags))
}

#[cfg(test)]
mod tests;
