//! What changed between two publications of one strategy: the project as
//! it was at a revision (`--compare-to REV`, typically the version the
//! board approved) and as it is now. Pure: it takes two checked models and
//! the texts of their pages and returns a [`Comparison`], which the site's
//! changes page, the board edition's appendix, the roadmap's ghost bars and
//! `strategy.json` show.
//!
//! - items (a page of any kind but plain pages, matched by kind and id)
//!   added, removed, or with facts changed (see `facts`);
//! - pages whose text changed, as a word-level diff (see `text`), and
//!   plain pages added or removed;
//! - a summary counted from them.

mod facts;
mod text;

pub use facts::{Edge, Fact, KpiPart};
pub use text::{Piece, Run};

use crate::calendar::When;
use crate::diagnostics::Sources;
use crate::model::{Page, PageId, Publication, Status};
use crate::schema::Role;

/// Everything that changed since a revision.
#[derive(Debug, Default)]
pub struct Comparison {
    /// The revision as given (`bestyrelse-2026-12`).
    pub rev: String,
    /// Its commit's short hash.
    pub commit: String,
    /// Items added, removed or changed: the current ones in reading order,
    /// then those removed, in theirs.
    pub items: Vec<Item>,
    /// Pages whose text changed, and plain pages added or removed.
    pub pages: Vec<PageChange>,
}

/// What happened to an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// New since the revision.
    Added,
    /// Gone since the revision.
    Removed,
    /// There then and now, with these facts changed.
    Changed(Vec<Fact>),
}

/// One item that changed.
#[derive(Debug, Clone)]
pub struct Item {
    /// Its kind's name in the schema (`initiative`).
    pub kind: String,
    /// Whether it is an item of the plan (an initiative).
    pub plan: bool,
    /// Its id.
    pub id: String,
    /// Its title as cited (`1.4 Fælles SOC`), as it is now or was last.
    pub title: String,
    /// The page now (`None` when removed).
    pub page: Option<PageId>,
    /// What happened.
    pub change: Change,
}

/// A page whose text changed, or a plain page added or removed.
#[derive(Debug, Clone)]
pub struct PageChange {
    /// Its path under `content/`.
    pub path: String,
    /// Its title as cited.
    pub title: String,
    /// The page now (`None` when removed).
    pub page: Option<PageId>,
    /// Added, removed, or the changed paragraphs.
    pub text: TextChange,
}

/// How a page's text changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextChange {
    /// A new page.
    Added,
    /// A page gone.
    Removed,
    /// The paragraphs that changed, each as runs of kept, inserted and
    /// deleted words.
    Changed(Vec<Vec<Run>>),
}

/// The counts a board member reads first.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Plan items added.
    pub added: usize,
    /// Plan items removed.
    pub removed: usize,
    /// Plan items whose end moved later.
    pub delayed: usize,
    /// Plan items whose end moved earlier.
    pub advanced: usize,
    /// Plan items now done that were not.
    pub completed: usize,
    /// Plan items with another status (besides completed).
    pub status: usize,
    /// Other items added, removed or changed.
    pub other: usize,
    /// Pages whose text changed, added or removed.
    pub pages: usize,
}

/// Compares `before` (with its files in `old`) with `now` (in `new`).
#[must_use]
pub fn compare(
    before: &Publication,
    old: &Sources,
    now: &Publication,
    new: &Sources,
    rev: &str,
    commit: &str,
) -> Comparison {
    let mut items = Vec::new();
    for (id, page) in now.iter().filter(|(_, p)| !is_plain(now, p)) {
        let was = find(before, now, page);
        let change = match was {
            None => Change::Added,
            Some(was) => match facts::changes(before, was, now, id) {
                facts if facts.is_empty() => continue,
                facts => Change::Changed(facts),
            },
        };
        items.push(item(now, page, Some(id), change));
    }
    for (_, page) in before.iter().filter(|(_, p)| !is_plain(before, p)) {
        if find(now, before, page).is_none() {
            items.push(item(before, page, None, Change::Removed));
        }
    }
    let pages = text::pages(before, old, now, new);
    Comparison { rev: rev.to_owned(), commit: commit.to_owned(), items, pages }
}

impl Comparison {
    /// Whether nothing changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.pages.is_empty()
    }

    /// The counts of the summary.
    #[must_use]
    pub fn summary(&self) -> Summary {
        let mut summary = Summary { pages: self.pages.len(), ..Summary::default() };
        for item in &self.items {
            match (&item.change, item.plan) {
                (_, false) => summary.other += 1,
                (Change::Added, true) => summary.added += 1,
                (Change::Removed, true) => summary.removed += 1,
                (Change::Changed(facts), true) => summary.count(facts),
            }
        }
        summary
    }

    /// The period page `id` had at the revision, when it has moved since:
    /// what the roadmap draws as a ghost bar.
    #[must_use]
    pub fn was_period(&self, id: PageId) -> Option<(Option<When>, Option<When>)> {
        let item = self.items.iter().find(|i| i.page == Some(id))?;
        let Change::Changed(facts) = &item.change else { return None };
        let moved = |edge| {
            facts.iter().find_map(|f| match f {
                Fact::Moved { edge: e, from, .. } if *e == edge => Some(*from),
                _ => None,
            })
        };
        let (start, end) = (moved(Edge::Start), moved(Edge::End));
        (start.is_some() || end.is_some()).then_some((start.flatten(), end.flatten()))
    }
}

impl Summary {
    fn count(&mut self, facts: &[Fact]) {
        for fact in facts {
            match fact {
                Fact::Moved { edge: Edge::End, quarters: Some(q), .. } if *q > 0 => {
                    self.delayed += 1;
                }
                Fact::Moved { edge: Edge::End, quarters: Some(q), .. } if *q < 0 => {
                    self.advanced += 1;
                }
                Fact::Status { to: Status::Done, .. } => self.completed += 1,
                Fact::Status { .. } => self.status += 1,
                _ => {}
            }
        }
    }
}

/// Whether `page` is a plain page (compared by its text alone).
fn is_plain(publication: &Publication, page: &Page) -> bool {
    publication.schema.is(page.kind, Role::Plain)
}

/// The page of `other` that is `page` of `publication`: same kind (by
/// name) and id.
fn find(other: &Publication, publication: &Publication, page: &Page) -> Option<PageId> {
    let name = &publication.schema.kind(page.kind).id;
    let kind = other.schema.find(name)?;
    other.find(kind, &page.id)
}

fn item(publication: &Publication, page: &Page, now: Option<PageId>, change: Change) -> Item {
    let kind = publication.schema.kind(page.kind);
    Item {
        kind: kind.id.clone(),
        plan: publication.schema.is(page.kind, Role::Plan),
        id: page.id.clone(),
        title: page.heading(),
        page: now,
        change,
    }
}
