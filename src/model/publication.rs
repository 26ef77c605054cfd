//! The checked strategy as a whole: its pages in reading order, addressed by
//! [`PageId`], with constant-time look-ups by kind, id and path, and the
//! relations between pages (see [`Relations`]).

use std::collections::HashMap;
use std::ops::{Index, Range};

use crate::calendar::{Quarter, When};
use crate::diagnostics::Span;
use crate::model::{Kind, Page, Relations};
use crate::source::Asset;

/// A page's place in [`Publication::pages`]: how pages refer to each other
/// once references are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageId(u32);

impl PageId {
    /// The page at `index` in [`Publication::pages`].
    ///
    /// # Panics
    /// With more than four billion pages.
    #[must_use]
    pub fn new(index: usize) -> PageId {
        PageId(u32::try_from(index).expect("fewer than 2^32 pages"))
    }

    /// Its index in [`Publication::pages`].
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The whole checked strategy: the input of every output.
#[derive(Debug, Default)]
pub struct Publication {
    /// Pages in reading order: purpose, narrative, directions, initiatives,
    /// analysis, other pages; by `order`, then start quarter, then path.
    pub pages: Vec<Page>,
    /// Files copied as they are.
    pub assets: Vec<Asset>,
    /// Pages not in this build: drafts, and pages whose frontmatter could not
    /// be read (already reported; references to them are not reported again).
    pub left_out: Vec<LeftOut>,
    /// Who serves whom: filled once, after references are checked.
    pub relations: Relations,
    /// Where each kind's pages are in `pages`, by [`Kind::rank`].
    ranges: [Range<usize>; Kind::NAMES.len()],
    /// The ids of each kind's pages, by [`Kind::rank`].
    kind_ids: [Vec<PageId>; Kind::NAMES.len()],
    /// Page by id, per kind (by [`Kind::rank`]).
    ids: [HashMap<String, PageId>; Kind::NAMES.len()],
    /// Page by path relative to `content/`.
    paths: HashMap<String, PageId>,
    /// Left-out page by kind and id, and by path.
    left_out_ids: [HashMap<String, usize>; Kind::NAMES.len()],
    left_out_paths: HashMap<String, usize>,
}

/// A page that is not part of the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// Path relative to `content/`.
    pub path: String,
    /// Its kind.
    pub kind: Kind,
    /// Its id (the file stem when the frontmatter could not be read).
    pub id: String,
    /// True for drafts; false for pages with unreadable frontmatter.
    pub draft: bool,
}

impl Publication {
    /// A publication of `pages`, which must be in reading order (sorted by kind).
    pub(super) fn new(pages: Vec<Page>, assets: Vec<Asset>, left_out: Vec<LeftOut>) -> Self {
        let mut publication = Publication { pages, assets, left_out, ..Publication::default() };
        let mut start = 0;
        for (rank, range) in publication.ranges.iter_mut().enumerate() {
            let len =
                publication.pages[start..].iter().take_while(|p| p.kind.rank() == rank).count();
            *range = start..start + len;
            start += len;
        }
        debug_assert_eq!(start, publication.pages.len(), "pages are sorted by kind");
        for (i, page) in publication.pages.iter().enumerate() {
            let id = PageId::new(i);
            publication.ids[page.kind.rank()].entry(page.id.clone()).or_insert(id);
            publication.kind_ids[page.kind.rank()].push(id);
            publication.paths.insert(page.path.clone(), id);
        }
        for (i, left) in publication.left_out.iter().enumerate() {
            publication.left_out_ids[left.kind.rank()].entry(left.id.clone()).or_insert(i);
            publication.left_out_paths.entry(left.path.clone()).or_insert(i);
        }
        publication
    }

    /// The page behind `id`.
    #[must_use]
    pub fn page(&self, id: PageId) -> &Page {
        &self.pages[id.index()]
    }

    /// Every page with its id, in reading order.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (PageId, &Page)> {
        self.pages.iter().enumerate().map(|(i, p)| (PageId::new(i), p))
    }

    /// Pages of one kind, in reading order.
    #[must_use]
    pub fn of_kind(&self, kind: Kind) -> impl ExactSizeIterator<Item = (PageId, &Page)> {
        let range = self.ranges[kind.rank()].clone();
        self.pages[range.clone()]
            .iter()
            .enumerate()
            .map(move |(k, p)| (PageId::new(range.start + k), p))
    }

    /// The ids of every page of `kind`, in reading order.
    #[must_use]
    pub fn ids_of(&self, kind: Kind) -> &[PageId] {
        &self.kind_ids[kind.rank()]
    }

    /// How many pages of `kind` there are.
    #[must_use]
    pub fn count(&self, kind: Kind) -> usize {
        self.ranges[kind.rank()].len()
    }

    /// The position of `id` among the pages of its kind (0 for the first).
    #[must_use]
    pub fn position(&self, id: PageId) -> usize {
        id.index() - self.ranges[self.page(id).kind.rank()].start
    }

    /// The initiative `id` is part of, if any.
    #[must_use]
    pub fn parent_of(&self, id: PageId) -> Option<PageId> {
        self.page(id).initiative.as_ref()?.parent.as_ref().map(|p| p.page)
    }

    /// The page of `kind` with `id`.
    #[must_use]
    pub fn find(&self, kind: Kind, id: &str) -> Option<PageId> {
        self.ids[kind.rank()].get(id).copied()
    }

    /// The page at `path` (relative to `content/`).
    #[must_use]
    pub fn by_path(&self, path: &str) -> Option<PageId> {
        self.paths.get(path).copied()
    }

    /// Every page path with its id (for suggestions).
    pub fn paths(&self) -> impl Iterator<Item = (&str, PageId)> {
        self.paths.iter().map(|(path, id)| (path.as_str(), *id))
    }

    /// The left-out page with `kind` and `id`, if any.
    #[must_use]
    pub fn left_out_id(&self, kind: Kind, id: &str) -> Option<&LeftOut> {
        self.left_out_ids[kind.rank()].get(id).map(|&i| &self.left_out[i])
    }

    /// Every time the action plan names (initiatives' starts, ends and
    /// milestones) with where it is written.
    pub fn plan_times(&self) -> impl Iterator<Item = (When, Span)> {
        self.of_kind(Kind::Initiative).filter_map(|(_, page)| page.initiative.as_ref()).flat_map(
            |i| {
                let start = i.start.map(|s| (s, i.spans.start.clone()));
                let end = i.end.map(|e| (e, i.spans.end.clone()));
                let milestones = i.milestones.iter().map(|m| (m.quarter, m.at.clone()));
                start.into_iter().chain(end).chain(milestones)
            },
        )
    }

    /// The quarters the plan's times span, from the first to the last.
    #[must_use]
    pub fn plan_span(&self) -> Option<(Quarter, Quarter)> {
        self.plan_times().fold(None, |span, (when, _)| {
            let (first, last) = span.unwrap_or((when.first(), when.last()));
            Some((first.min(when.first()), last.max(when.last())))
        })
    }

    /// The left-out page at `path`, if any.
    #[must_use]
    pub fn left_out_path(&self, path: &str) -> Option<&LeftOut> {
        self.left_out_paths.get(path).map(|&i| &self.left_out[i])
    }
}

impl Index<PageId> for Publication {
    type Output = Page;

    fn index(&self, id: PageId) -> &Page {
        self.page(id)
    }
}
