//! Stage 4, RESOLVE: checks every link and image in every page and decides
//! what it points at: a page (at a heading), a file, a section's overview, a
//! place in the same page, or the web. Writers link with relative paths to
//! `.md` files (so links also work on a git host); each output then writes a
//! [`Target`] its own way: the site as relative links between pages, which
//! work at any base path and from disk; the board edition as in-document
//! anchors.
//!
//! - this file: [`Target`], the [`Index`] links are resolved against; a
//!   `#fragment` into another page is checked once every page is read
//!   ([`Pending`], [`Anchors`]);
//! - `resolve`: where one link leads, or why it cannot be followed;
//! - `diagnose`: why a link cannot be followed, with bounded suggestions;
//! - `path`: relative URLs, the way to the root, schemes, decoding.

mod diagnose;
mod path;
mod resolve;

use std::collections::{HashMap, HashSet};

pub use path::{relative_url, root_of};

use crate::diagnostics::{Diagnostics, Nearby, PathIndex};
use crate::markdown::{Doc, Href, Link};
use crate::model::{KindId, Page, PageId, Publication, asset_url};
use crate::nfc::into_nfc;
use path::{folders_of, percent_decode};

/// What a link points at, decided once for every output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A page of the publication, at a heading or footnote when the link
    /// names one (`#ambition`, in NFC as ids are).
    Page {
        /// The page.
        page: PageId,
        /// The id in it, if any.
        fragment: Option<String>,
    },
    /// A file copied from `content/`, by its place in the site.
    File {
        /// Its path in the site (`analysis/svar.csv`).
        url: String,
        /// A fragment, if the link has one.
        fragment: Option<String>,
    },
    /// A section's overview page (a link to `../initiatives/`).
    Section {
        /// Whose overview.
        kind: KindId,
        /// A fragment, if the link has one.
        fragment: Option<String>,
    },
    /// A place in the same page (`#ambition`).
    Here(String),
    /// Left as written: web addresses, `mailto:`, and links already reported.
    AsWritten,
    /// Refused (`javascript:`, `data:`): written as `#`.
    Refused,
}

impl Target {
    /// How the site writes it from `from`: a relative link, which works at
    /// any base path and from disk.
    #[must_use]
    pub fn site_href(&self, from: &Page, publication: &Publication) -> Href {
        let with = |url: &str, fragment: &Option<String>| {
            let mut href = relative_url(&from.url, url);
            if let Some(fragment) = fragment {
                href.extend(["#", fragment]);
            }
            Href::To(href)
        };
        match self {
            Target::Page { page, fragment } => with(&publication[*page].url, fragment),
            Target::File { url, fragment } => with(url, fragment),
            Target::Section { kind, fragment } => publication
                .schema
                .kind(*kind)
                .overview_url()
                .map_or(Href::Keep, |url| with(&url, fragment)),
            Target::Here(_) | Target::AsWritten => Href::Keep,
            Target::Refused => Href::To("#".to_owned()),
        }
    }
}

/// Headings a broken `#anchor`'s help lists before "and N more".
const LISTED_HEADINGS: usize = 5;

/// Longest destination quoted whole in a message.
const SHOWN_CHARS: usize = 80;

/// What links into a page can name: its ids, and its first headings for
/// messages. Kept per page after the page is written, so links into it can
/// be checked once every page has been read.
#[derive(Debug, Default)]
pub struct Anchors {
    /// Every fragment id in the page.
    pub ids: rustc_hash::FxHashSet<String>,
    /// The ids of its first [`LISTED_HEADINGS`] headings.
    pub first_headings: Vec<String>,
    /// How many headings it has.
    pub headings: usize,
}

impl Anchors {
    /// What links into the page of `doc` can name.
    #[must_use]
    pub fn of(doc: &Doc<'_>) -> Anchors {
        Anchors {
            ids: doc.ids.clone(),
            first_headings: doc
                .headings
                .iter()
                .take(LISTED_HEADINGS)
                .map(|h| h.id.clone())
                .collect(),
            headings: doc.headings.len(),
        }
    }
}

/// A `#fragment` into another page, checked once that page is read.
#[derive(Debug)]
pub struct Pending {
    from: PageId,
    to: PageId,
    fragment: String,
    link: Link,
}

/// Everything links are resolved against, built once per run so each link
/// costs O(1) lookups plus bounded suggestion work.
pub struct Index<'a> {
    publication: &'a Publication,
    assets: HashMap<&'a str, String>,
    suggest: PathIndex<'a>,
    /// Every folder that holds a page or file (`""` is `content/` itself).
    folders: HashSet<&'a str>,
    /// Every page and file by its path in lowercase (the first of any that
    /// differ only in case), for links written as another site's addresses.
    lowercase: HashMap<String, &'a str>,
}

impl<'a> Index<'a> {
    /// The index of `publication`'s pages and files.
    #[must_use]
    pub fn new(publication: &'a Publication) -> Index<'a> {
        let assets: HashMap<&str, String> =
            publication.assets.iter().map(|a| (a.rel.as_str(), asset_url(&a.rel))).collect();
        let paths: Vec<&str> = publication
            .pages
            .iter()
            .map(|p| p.path.as_str())
            .chain(assets.keys().copied())
            .collect();
        Index {
            publication,
            suggest: PathIndex::new(paths.iter().copied()),
            folders: paths.iter().copied().flat_map(folders_of).collect(),
            lowercase: paths.iter().rev().map(|p| (p.to_lowercase(), *p)).collect(),
            assets,
        }
    }

    /// The targets of `doc`'s links (the body of page `from`), in order. A
    /// `#fragment` into the page itself is checked here; one into another
    /// page goes to `pending`, for [`Index::check`] once every page is read.
    pub fn links(
        &self,
        from: PageId,
        doc: &Doc<'_>,
        pending: &mut Vec<Pending>,
        diags: &mut Diagnostics,
    ) -> Vec<Target> {
        let here = Anchors::of(doc);
        doc.links
            .iter()
            .map(|link| {
                let target = self.resolve(from, link, diags);
                match &target {
                    Target::Here(_) | Target::Page { .. } => {
                        self.fragment(from, link, &target, &here, pending, diags);
                    }
                    _ => {}
                }
                target
            })
            .collect()
    }

    /// Checks the `#fragment`s of `pending` against what each page's
    /// `anchors` are (a page whose are unknown has none).
    pub fn check<'x>(
        &self,
        pending: &[Pending],
        anchors: &dyn Fn(PageId) -> Option<&'x Anchors>,
        diags: &mut Diagnostics,
    ) {
        let none = Anchors::default();
        let mut nearby: HashMap<PageId, Nearby<'_>> = HashMap::new();
        for p in pending {
            let target = anchors(p.to).unwrap_or(&none);
            if target.ids.contains(&p.fragment) {
                continue;
            }
            let nearby = nearby
                .entry(p.to)
                .or_insert_with(|| Nearby::new(target.ids.iter().map(String::as_str)));
            diags.push(self.broken_fragment(p.from, p.to, &p.fragment, target, nearby, &p.link));
        }
    }

    /// Checks the fragment of a link to a page: now when it is this page,
    /// later (in `pending`) when it is another.
    fn fragment(
        &self,
        from: PageId,
        link: &Link,
        target: &Target,
        here: &Anchors,
        pending: &mut Vec<Pending>,
        diags: &mut Diagnostics,
    ) {
        let Some((_, fragment)) = link.dest.trim().split_once('#') else { return };
        let fragment = into_nfc(percent_decode(fragment));
        if fragment.is_empty() || fragment == "top" {
            return;
        }
        let to = match target {
            Target::Page { page, .. } => *page,
            _ => from,
        };
        if to != from {
            pending.push(Pending { from, to, fragment, link: link.clone() });
        } else if !here.ids.contains(&fragment) {
            let nearby = Nearby::new(here.ids.iter().map(String::as_str));
            diags.push(self.broken_fragment(from, to, &fragment, here, &nearby, link));
        }
    }
}

#[cfg(test)]
mod tests;
