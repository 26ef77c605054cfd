//! The checked strategy as a whole: its pages in reading order, addressed by
//! [`PageId`], with constant-time look-ups by kind, id and path, the
//! relations between pages (see [`Relations`]) and the action plan (see
//! [`Plan`]).

use std::collections::HashMap;
use std::ops::{Index, Range};
use std::sync::Arc;

use crate::model::{ChartSpec, DataFile, Page, Plan, Relations, Sections, Value};
use crate::schema::{KindId, Schema, Type};
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
#[derive(Debug)]
pub struct Publication {
    /// The kinds its pages are of.
    pub schema: Arc<Schema>,
    /// Pages in reading order: by kind in the schema's order; within a
    /// kind by `number`, `order`, the kind's `sort_by` field, then path.
    pub pages: Vec<Page>,
    /// Files copied as they are.
    pub assets: Vec<Asset>,
    /// Pages not in this build: drafts, and pages whose frontmatter could not
    /// be read (already reported; references to them are not reported again).
    pub left_out: Vec<LeftOut>,
    /// Who names whom: filled once, after references are checked.
    pub relations: Relations,
    /// Which plain pages are in which folder's section: filled once.
    pub sections: Sections,
    /// The action plan's facts: filled once, after references are checked.
    pub plan: Plan,
    /// Where each kind's pages are in `pages`, by kind.
    ranges: Vec<Range<usize>>,
    /// The ids of each kind's pages, by kind.
    kind_ids: Vec<Vec<PageId>>,
    /// Page by id, per kind.
    ids: Vec<HashMap<String, PageId>>,
    /// Page by path relative to `content/`.
    paths: HashMap<String, PageId>,
    /// Left-out page by kind and id, and by path.
    left_out_ids: Vec<HashMap<String, usize>>,
    left_out_paths: HashMap<String, usize>,
}

impl Default for Publication {
    fn default() -> Self {
        Publication::new(Schema::builtin(), Vec::new(), Vec::new(), Vec::new())
    }
}

/// A page that is not part of the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// Path relative to `content/`.
    pub path: String,
    /// Its kind.
    pub kind: KindId,
    /// Its id (the file stem when the frontmatter could not be read).
    pub id: String,
    /// True for drafts; false for pages with unreadable frontmatter.
    pub draft: bool,
}

impl Publication {
    /// A publication of `pages`, which must be in reading order (sorted by kind).
    pub(super) fn new(
        schema: Arc<Schema>,
        pages: Vec<Page>,
        assets: Vec<Asset>,
        left_out: Vec<LeftOut>,
    ) -> Self {
        let kinds = schema.len();
        let mut publication = Publication {
            schema,
            pages,
            assets,
            left_out,
            relations: Relations::default(),
            sections: Sections::default(),
            plan: Plan::default(),
            ranges: vec![0..0; kinds],
            kind_ids: vec![Vec::new(); kinds],
            ids: vec![HashMap::new(); kinds],
            paths: HashMap::new(),
            left_out_ids: vec![HashMap::new(); kinds],
            left_out_paths: HashMap::new(),
        };
        let mut start = 0;
        for (rank, range) in publication.ranges.iter_mut().enumerate() {
            let len =
                publication.pages[start..].iter().take_while(|p| p.kind.index() == rank).count();
            *range = start..start + len;
            start += len;
        }
        debug_assert_eq!(start, publication.pages.len(), "pages are sorted by kind");
        for (i, page) in publication.pages.iter().enumerate() {
            let id = PageId::new(i);
            let kind = page.kind.index();
            publication.ids[kind].entry(page.id.clone()).or_insert(id);
            publication.kind_ids[kind].push(id);
            publication.paths.insert(page.path.clone(), id);
        }
        for (i, left) in publication.left_out.iter().enumerate() {
            if let Some(ids) = publication.left_out_ids.get_mut(left.kind.index()) {
                ids.entry(left.id.clone()).or_insert(i);
            }
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
    pub fn of_kind(&self, kind: KindId) -> impl ExactSizeIterator<Item = (PageId, &Page)> {
        let range = self.ranges.get(kind.index()).cloned().unwrap_or(0..0);
        self.pages[range.clone()]
            .iter()
            .enumerate()
            .map(move |(k, p)| (PageId::new(range.start + k), p))
    }

    /// The ids of every page of `kind`, in reading order.
    #[must_use]
    pub fn ids_of(&self, kind: KindId) -> &[PageId] {
        self.kind_ids.get(kind.index()).map_or(&[], Vec::as_slice)
    }

    /// How many pages of `kind` there are.
    #[must_use]
    pub fn count(&self, kind: KindId) -> usize {
        self.ranges.get(kind.index()).map_or(0, ExactSizeIterator::len)
    }

    /// The position of `id` among the pages of its kind (0 for the first).
    #[must_use]
    pub fn position(&self, id: PageId) -> usize {
        id.index() - self.ranges[self.page(id).kind.index()].start
    }

    /// The page of `kind` with `id`.
    #[must_use]
    pub fn find(&self, kind: KindId, id: &str) -> Option<PageId> {
        self.ids.get(kind.index())?.get(id).copied()
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
    pub fn left_out_id(&self, kind: KindId, id: &str) -> Option<&LeftOut> {
        self.left_out_ids.get(kind.index())?.get(id).map(|&i| &self.left_out[i])
    }

    /// The left-out page at `path`, if any.
    #[must_use]
    pub fn left_out_path(&self, path: &str) -> Option<&LeftOut> {
        self.left_out_paths.get(path).map(|&i| &self.left_out[i])
    }
}

impl Publication {
    /// The data file page `id` names (its field of type `data`), if any.
    #[must_use]
    pub fn data_file(&self, id: PageId) -> Option<&DataFile> {
        let page = &self.pages[id.index()];
        self.schema.fields(page.kind).find_map(|(field, declared)| match page.value(field) {
            Some(Value::Data(data)) if declared.ty == Type::Data => Some(data),
            _ => None,
        })
    }

    /// The charts page `id` asks for (its field of type `charts`).
    #[must_use]
    pub fn chart_specs(&self, id: PageId) -> &[ChartSpec] {
        let page = &self.pages[id.index()];
        self.schema
            .fields(page.kind)
            .find_map(|(field, _)| match page.value(field) {
                Some(Value::Charts(charts)) => Some(charts.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }
}

impl Index<PageId> for Publication {
    type Output = Page;

    fn index(&self, id: PageId) -> &Page {
        self.page(id)
    }
}
