//! Relations between pages, computed once after references are checked:
//! for every `ref`/`refs` field, which pages name each page (its
//! backlinks), so every output reads the answers in constant time instead
//! of scanning pages. The plan's own groupings are in `plan`.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Page, PageId, Value};
use crate::schema::{FieldId, Schema};

/// The deepest level at which lists, tables, the roadmap and the board
/// edition show a part of a page in its tree (a sub-initiative: a top
/// initiative is at 0). The theme indents three levels, and a card or
/// section heading that starts at `h3` reaches `h6`, the last there is, at
/// the third. Deeper ones are shown at this level, after their parent (with
/// a warning: see `model::resolve`).
pub const SHOWN_DEPTH: usize = 3;

/// Who names whom.
#[derive(Debug, Default)]
pub struct Relations {
    /// For each reference field, the pages naming each page in it, in
    /// reading order (by the named page's index).
    backlinks: FxHashMap<FieldId, Vec<Vec<PageId>>>,
}

impl Relations {
    /// The relations of `pages`, whose references are resolved.
    pub(super) fn new(schema: &Schema, pages: &[Page]) -> Relations {
        let mut backlinks: FxHashMap<FieldId, Vec<Vec<PageId>>> = FxHashMap::default();
        for (kind, _) in schema.kinds() {
            for (field, declared) in schema.fields(kind) {
                if declared.ty.target().is_some() {
                    backlinks.insert(field, vec![Vec::new(); pages.len()]);
                }
            }
        }
        for (i, page) in pages.iter().enumerate() {
            for ((field, _), slot) in schema.fields(page.kind).zip(&page.values) {
                let Some(Value::Refs(refs)) = slot.as_ref().map(|s| &s.value) else { continue };
                let Some(lists) = backlinks.get_mut(&field) else { continue };
                for r in refs {
                    lists[r.page.index()].push(PageId::new(i));
                }
            }
        }
        Relations { backlinks }
    }

    /// The pages whose `field` names `page`, in reading order.
    #[must_use]
    pub fn backlinks(&self, field: FieldId, page: PageId) -> &[PageId] {
        self.backlinks
            .get(&field)
            .and_then(|lists| lists.get(page.index()))
            .map_or(&[], Vec::as_slice)
    }

    /// `ids` (pages in reading order) in tree order: each page right after
    /// the page `parent_of` says it is part of, when that is among `ids`,
    /// with its depth in the list, at most [`SHOWN_DEPTH`]. `children_of`
    /// lists a page's parts in reading order. Nothing here recurses, so a
    /// chain of any length costs its length.
    #[must_use]
    pub fn tree_order<'s>(
        ids: &[PageId],
        parent_of: impl Fn(PageId) -> Option<PageId>,
        children_of: impl Fn(PageId) -> &'s [PageId],
    ) -> Vec<(PageId, usize)> {
        let among: FxHashSet<PageId> = ids.iter().copied().collect();
        let mut out = Vec::with_capacity(ids.len());
        let mut placed: FxHashSet<PageId> =
            FxHashSet::with_capacity_and_hasher(ids.len(), rustc_hash::FxBuildHasher);
        // Depth-first from each root, with an explicit stack (children in
        // reverse so they come out in reading order).
        for &root in ids {
            if parent_of(root).is_some_and(|p| among.contains(&p)) {
                continue;
            }
            let mut stack = vec![(root, 0)];
            while let Some((id, depth)) = stack.pop() {
                if !placed.insert(id) {
                    continue;
                }
                out.push((id, depth.min(SHOWN_DEPTH)));
                let children = children_of(id).iter().rev().filter(|c| among.contains(c));
                stack.extend(children.map(|&c| (c, depth + 1)));
            }
        }
        // Parent cycles are errors already; never drop a page all the same.
        out.extend(ids.iter().filter(|id| !placed.contains(id)).map(|&id| (id, 0)));
        out
    }
}
