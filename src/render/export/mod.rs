//! The exports: the strategy for people who live in spreadsheets, calendars
//! and scripts, written at the site's root beside the pages and linked from
//! the action plan.
//!
//! - `json`: `strategy.json`, the whole checked strategy, with the declared
//!   fields of every page (`fields`); `json_schema`: its JSON Schema
//!   `strategy.schema.json`, generated from the content model's schema
//!   into the template beside this file, shipped beside it;
//! - `csv`: `initiatives.csv`, one row per initiative, for Excel;
//! - `ics`: `milestones.ics`, each milestone and each page's declared date
//!   an all-day event (RFC 5545).
//!
//! Each is a pure function of the publication and the config: the same
//! content gives the same bytes, so a rebuild changes nothing a calendar or
//! a diff would notice.

mod csv;
mod fields;
mod ics;
mod json;
mod json_schema;

use serde::Serialize;

use crate::artifact::{Contents, OutputFile};
use crate::media;
use crate::model::{EXPORT_FILES, PageId, Publication};
use crate::render::Input;
use crate::render::labels::Labels;

// The names, from the list the model reserves so no content file takes them.
const JSON: &str = EXPORT_FILES[0];
const SCHEMA_FILE: &str = EXPORT_FILES[1];
const CSV: &str = EXPORT_FILES[2];
const ICS: &str = EXPORT_FILES[3];

/// A file to download, as the action-plan page lists it.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Download {
    /// The link's text, in the site's language.
    pub(crate) title: String,
    /// From the site's root.
    pub(crate) url: &'static str,
    /// Its media type, as a hint for the browser.
    pub(crate) media_type: &'static str,
}

/// Every export of `input`: the JSON and its schema always; the CSV when
/// there is an initiative, the calendar when there is a milestone or a
/// declared date (a calendar must hold at least one event).
#[must_use]
pub fn exports(input: &Input<'_>) -> Vec<OutputFile> {
    let labels = Labels::new(input.config);
    let publication = input.publication;
    let order = tree_order(publication);
    let mut files = vec![
        file(
            JSON,
            json::to_bytes(&json::strategy(input.config, publication, input.as_of, input.changes)),
        ),
        file(SCHEMA_FILE, json_schema::generate(&publication.schema).into_bytes()),
    ];
    if has_initiatives(publication) {
        files.push(file(CSV, csv::initiatives(input.config, publication, &labels, &order)));
    }
    if has_milestones(publication) {
        files.push(file(ICS, ics::milestones(input.config, publication, &labels, &order)));
    }
    files
}

/// The exports the action-plan page links to, in the order it lists them:
/// the files [`exports`] writes, but the schema.
pub(crate) fn downloads(publication: &Publication, labels: &Labels) -> Vec<Download> {
    let download = |title: &String, url: &'static str| Download {
        title: title.clone(),
        url,
        media_type: media::essence(media::of(url)),
    };
    let mut downloads = Vec::new();
    if has_initiatives(publication) {
        downloads.push(download(&labels.download_csv, CSV));
    }
    if has_milestones(publication) {
        downloads.push(download(&labels.download_ics, ICS));
    }
    downloads.push(download(&labels.download_json, JSON));
    downloads
}

fn has_initiatives(publication: &Publication) -> bool {
    !publication.initiative_ids().is_empty()
}

/// Whether the calendar has an event: a milestone, or a date in a
/// declared `date` field.
fn has_milestones(publication: &Publication) -> bool {
    publication.initiatives().any(|(_, i)| !i.milestones.is_empty()) || ics::has_dates(publication)
}

fn file(path: &str, bytes: Vec<u8>) -> OutputFile {
    OutputFile { path: path.to_owned(), contents: Contents::Bytes(bytes) }
}

/// The initiatives as the action-plan table lists them: in reading order,
/// each sub-initiative right after its parent.
fn tree_order(publication: &Publication) -> Vec<PageId> {
    let order = publication.tree_order(publication.initiative_ids());
    order.into_iter().map(|(id, _)| id).collect()
}

/// Hundredths as a decimal with two places: `123456` -> `1234.56`.
fn decimal(cents: i64, separator: char) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}{separator}{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimals_keep_their_sign_and_two_places() {
        assert_eq!(decimal(123_456, ','), "1234,56");
        assert_eq!(decimal(-5, '.'), "-0.05");
        assert_eq!(decimal(100, '.'), "1.00");
    }
}
