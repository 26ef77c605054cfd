//! Folders of plain pages as teams write them: a folder under `content/`
//! with an `index.md` or `_index.md` is a section, that file its page, and
//! the plain pages in the folder (and the sections of its subfolders) its
//! pages. Computed once from the pages' paths, so the navigation,
//! breadcrumbs and the board edition read the same tree in constant time.

use std::collections::HashMap;

use crate::model::{Page, PageId, Relations};
use crate::schema::{Role, Schema};

/// The tree of sections: who is in which section.
#[derive(Debug, Default)]
pub struct Sections {
    /// Per page, the section page it is in.
    parents: Vec<Option<PageId>>,
    /// Per page, the pages in its section (empty unless it is a section's
    /// page), in reading order.
    children: Vec<Vec<PageId>>,
}

impl Sections {
    /// The sections of `pages` (in reading order).
    pub(super) fn new(schema: &Schema, pages: &[Page]) -> Sections {
        let plain = |page: &Page| schema.is(page.kind, Role::Plain);
        // A folder's page, by the folder's path as written (`scenarier`);
        // a top `index.md` is no section: its folder is `content/` itself.
        let folder_pages: HashMap<&str, PageId> = pages
            .iter()
            .enumerate()
            .filter(|(_, page)| plain(page) && is_folder_page(&page.path))
            .filter_map(|(i, page)| Some((folder_of(&page.path)?, PageId::new(i))))
            .collect();
        let mut parents = vec![None; pages.len()];
        let mut children = vec![Vec::new(); pages.len()];
        for (i, page) in pages.iter().enumerate().filter(|(_, page)| plain(page)) {
            // A section's own page belongs to the folder above it.
            let mut folder = folder_of(&page.path);
            if is_folder_page(&page.path) {
                folder = folder.and_then(folder_of);
            }
            // The nearest folder up the path that has a page: a folder
            // without one does not break the trail.
            let parent = std::iter::successors(folder, |f| folder_of(f))
                .find_map(|f| folder_pages.get(f).copied());
            if let Some(parent) = parent {
                parents[i] = Some(parent);
                children[parent.index()].push(PageId::new(i));
            }
        }
        Sections { parents, children }
    }

    /// The section page `id` is in, if any.
    #[must_use]
    pub fn parent(&self, id: PageId) -> Option<PageId> {
        self.parents.get(id.index()).copied().flatten()
    }

    /// The pages in the section whose page is `id`, in reading order
    /// (empty when `id` is not a section's page, or its folder holds no
    /// other page).
    #[must_use]
    pub fn pages_of(&self, id: PageId) -> &[PageId] {
        self.children.get(id.index()).map_or(&[], Vec::as_slice)
    }

    /// The section pages around `id`, outermost first (empty for a page
    /// in no section). As deep as the folders are, so never a loop.
    #[must_use]
    pub fn trail(&self, id: PageId) -> Vec<PageId> {
        let mut trail: Vec<PageId> =
            std::iter::successors(self.parent(id), |&p| self.parent(p)).collect();
        trail.reverse();
        trail
    }

    /// `ids` in tree order: each section's pages right after its page,
    /// with their depth among `ids`.
    #[must_use]
    pub fn tree_order(&self, ids: &[PageId]) -> Vec<(PageId, usize)> {
        Relations::tree_order(ids, |id| self.parent(id), |id| self.pages_of(id))
    }
}

/// `index.md` or `_index.md` (in any case): the page of its folder.
pub(super) fn is_folder_page(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_lowercase();
    name == "index.md" || name == "_index.md"
}

/// The folder `path` is in (`None` at the top of `content/`).
fn folder_of(path: &str) -> Option<&str> {
    path.rsplit_once('/').map(|(folder, _)| folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_pages_and_folders() {
        assert!(is_folder_page("scenarier/index.md"));
        assert!(is_folder_page("scenarier/_INDEX.md"));
        assert!(!is_folder_page("scenarier/indeks.md"));
        assert_eq!(folder_of("a/b/c.md"), Some("a/b"));
        assert_eq!(folder_of("c.md"), None);
    }
}
