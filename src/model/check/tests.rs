//! The checks across pages: the names of output files, and how numbers sort.

use std::path::PathBuf;

use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::model::validate;
use crate::source::Asset;

use super::natural_key;

fn messages(assets: &[&str]) -> Vec<String> {
    let assets = assets
        .iter()
        .map(|rel| Asset { rel: (*rel).to_owned(), abs: PathBuf::from(rel) })
        .collect();
    let mut diags = Diagnostics::new();
    validate(
        &[],
        assets,
        &Config::default(),
        false,
        crate::calendar::Quarter { year: 2027, quarter: 1 },
        &mut diags,
    );
    diags
        .items()
        .iter()
        .map(|d| d.message.clone())
        .filter(|m| !m.starts_with("missing purpose"))
        .collect()
}

#[test]
fn names_longer_than_the_file_system_takes_are_reported() {
    let long = format!("{}.png", "a".repeat(252));
    assert_eq!(
        messages(&[&long, &format!("{}.png", "a".repeat(251))]),
        [format!("a name of 256 bytes, more than the 255 file systems take, for `content/{long}`")]
    );
}

#[test]
fn a_file_in_the_way_of_a_folder_is_reported_once() {
    assert_eq!(
        messages(&["notes", "Notes/a.png", "Notes/b.png", "other/notes"]),
        [
            "`content/notes` would be written to the file `notes`, but `content/Notes/a.png` needs a folder of that name for `notes/a.png`"
        ]
    );
}

#[test]
fn content_files_may_not_take_the_names_of_the_exports() {
    assert_eq!(
        messages(&["Strategy.JSON", "milestones.ics/a.png", "data/initiatives.csv"]),
        [
            "`content/Strategy.JSON` would be written to `strategy.json`, where stratdoc writes an export of the strategy; rename it",
        ]
    );
}

#[test]
fn content_files_may_not_take_the_names_of_the_files_for_servers_and_crawlers() {
    assert_eq!(
        messages(&["Robots.txt", "sitemap.xml", "404.html", "om/robots.txt"]),
        [
            "`content/Robots.txt` would be written to `robots.txt`, which stratdoc generates; rename it",
            "`content/sitemap.xml` would be written to `sitemap.xml`, which stratdoc generates; rename it",
            "`content/404.html` would be written to `404.html`, which stratdoc generates; rename it",
        ]
    );
}

#[test]
fn numbers_sort_naturally() {
    let mut numbers = vec!["1.10", "1.9", "2", "1.4a", "1.4", "10", "A.2"];
    numbers.sort_by_key(|n| natural_key(n));
    assert_eq!(numbers, ["1.4", "1.4a", "1.9", "1.10", "2", "10", "A.2"]);
}
