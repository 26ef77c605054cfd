//! Checks across pages: one purpose, unique ids and URLs, references that
//! resolve (and become [`PageRef`]s), no dependency cycles, data files that
//! exist. Also puts the pages in reading order.

use std::collections::{HashMap, HashSet};

use crate::calendar::When;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::read::{Draft, Refs};
use crate::model::resolve;
use crate::model::{Kind, LeftOut, Page, Publication, Relations};
use crate::source::Asset;

/// Puts `drafts` in reading order, checks them against each other, resolves
/// their references and computes the relations.
pub(super) fn all(
    mut drafts: Vec<Draft>,
    assets: Vec<Asset>,
    left_out: Vec<LeftOut>,
    diags: &mut Diagnostics,
) -> Publication {
    sort(&mut drafts);
    let (pages, refs): (Vec<Page>, Vec<Refs>) =
        drafts.into_iter().map(|d| (d.page, d.refs)).unzip();
    purpose(&pages, diags);
    unique_ids(&pages, diags);
    let mut publication = Publication::new(pages, assets, left_out);
    unique_urls(&publication, diags);
    resolve::references(&mut publication, refs, diags);
    data_files(&publication, diags);
    publication.relations = Relations::new(&publication.pages);
    publication
}

/// Reading order: by kind, then `number` (naturally: 1.9 before 1.10), then
/// `order`, then initiatives by start, then path.
fn sort(drafts: &mut [Draft]) {
    drafts.sort_by_cached_key(|d| {
        let p = &d.page;
        let start = p.initiative.as_ref().and_then(|i| i.start).map(When::first);
        // `content/purpose.md` is the purpose statement; a `kind: purpose`
        // elsewhere is the extra one.
        (
            p.kind.rank(),
            p.path != "purpose.md",
            p.number.as_deref().map_or_else(Vec::new, natural_key),
            p.number.is_none(),
            p.order.unwrap_or(i64::MAX),
            start,
            p.path.clone(),
        )
    });
}

/// A piece of a number for natural sorting: digits compare as numbers.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Piece {
    Number(u64),
    Text(String),
}

/// `"1.10a"` -> `[1, 10, "a"]`, so "1.9" sorts before "1.10".
fn natural_key(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let digit = c.is_ascii_digit();
        let end = rest.find(|c: char| c.is_ascii_digit() != digit).unwrap_or(rest.len());
        let (piece, after) = rest.split_at(end);
        if digit {
            pieces.push(Piece::Number(piece.parse().unwrap_or(u64::MAX)));
        } else if !piece.chars().all(|c| matches!(c, '.' | ' ' | '-')) {
            pieces.push(Piece::Text(piece.to_lowercase()));
        }
        rest = after;
    }
    pieces
}

fn purpose(pages: &[Page], diags: &mut Diagnostics) {
    let purposes: Vec<&Page> = pages.iter().filter(|p| p.kind == Kind::Purpose).collect();
    match purposes.as_slice() {
        [] => diags.push(
            Diagnostic::global("missing purpose statement: there is no `content/purpose.md`").help(
                "create `content/purpose.md` with a `title` and the purpose in a few paragraphs"
                    .to_owned(),
            ),
        ),
        [first, rest @ ..] => {
            for other in rest {
                diags.push(
                    Diagnostic::error(
                        other.file_span(),
                        format!("`content/{}` is a second purpose statement", other.path),
                    )
                    .also(first.file_span(), "the purpose statement")
                    .help(
                        "a strategy has one purpose; remove `kind: purpose` from one of them"
                            .to_owned(),
                    ),
                );
            }
        }
    }
}

fn unique_ids(pages: &[Page], diags: &mut Diagnostics) {
    let mut seen: HashMap<(Kind, &str), &Page> = HashMap::new();
    for page in pages {
        if let Some(first) = seen.insert((page.kind, page.id.as_str()), page) {
            diags.push(
                Diagnostic::error(
                    page.id_span.clone(),
                    format!("duplicate id `{}`: `content/{}` has it too", page.id, first.path),
                )
                .also(first.id_span.clone(), "first used here")
                .help(
                    "ids come from `id:` or the file name; give one of the pages another id"
                        .to_owned(),
                ),
            );
            seen.insert((page.kind, page.id.as_str()), first);
        }
    }
}

/// The site folder that holds theme files (style sheet, logo).
pub const THEME_DIR: &str = "theme";

/// Stratdoc's own output: the overview pages and the theme folder.
fn generated(url: &str) -> bool {
    Kind::NAMES.iter().any(|(_, kind)| kind.overview_url().as_deref() == Some(url))
        || url.strip_prefix(THEME_DIR).is_some_and(|rest| rest.starts_with('/'))
}

/// Two files may slug to the same URL (`Cyber.md` and `cyber.md`); a page
/// or file may also claim a URL stratdoc generates.
fn unique_urls(publication: &Publication, diags: &mut Diagnostics) {
    let mut seen: HashMap<String, String> = HashMap::new();
    for page in &publication.pages {
        if page.kind == Kind::Purpose && seen.contains_key("index.html") {
            continue; // a second purpose statement is reported by `purpose`
        }
        if generated(&page.url) {
            diags.push(
                Diagnostic::error(
                    page.file_span(),
                    format!(
                        "`content/{}` would be written to `{}`, which stratdoc generates",
                        page.path, page.url
                    ),
                )
                .help("rename the file".to_owned()),
            );
        } else if let Some(first) = seen.insert(page.url.clone(), format!("content/{}", page.path))
        {
            diags.push(
                Diagnostic::error(
                    page.file_span(),
                    format!(
                        "`content/{}` and `{first}` would both be written to `{}`",
                        page.path, page.url
                    ),
                )
                .help(
                    "file names are turned into lowercase web addresses; rename one of the files"
                        .to_owned(),
                ),
            );
        }
    }
    for asset in &publication.assets {
        let url = super::asset_url(&asset.rel);
        if generated(&url) {
            diags.push(Diagnostic::global(format!(
                "`content/{}` would be written to `{url}`, which stratdoc uses for its theme; rename its folder",
                asset.rel
            )));
        } else if let Some(first) = seen.insert(url.clone(), format!("content/{}", asset.rel)) {
            diags.push(Diagnostic::global(format!(
                "`content/{}` and `{first}` would both be written to `{url}`; rename one of them",
                asset.rel
            )));
        }
    }
}

fn data_files(publication: &Publication, diags: &mut Diagnostics) {
    let assets: HashSet<&str> = publication.assets.iter().map(|a| a.rel.as_str()).collect();
    for page in &publication.pages {
        let Some(data) = &page.data else { continue };
        if !assets.contains(data.path.as_str()) {
            diags.push(
                Diagnostic::error(
                    data.span.clone(),
                    format!("data file `content/{}` does not exist", data.path),
                )
                .label("named here")
                .help(format!("`data:` is relative to the folder of `content/{}`", page.path)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::natural_key;

    #[test]
    fn numbers_sort_naturally() {
        let mut numbers = vec!["1.10", "1.9", "2", "1.4a", "1.4", "10", "A.2"];
        numbers.sort_by_key(|n| natural_key(n));
        assert_eq!(numbers, ["1.4", "1.4a", "1.9", "1.10", "2", "10", "A.2"]);
    }
}
