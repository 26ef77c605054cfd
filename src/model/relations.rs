//! Relations between pages, computed once after references are checked, so
//! every output (site, plan views, board edition, exports) reads the same
//! answers in constant time instead of scanning pages.

use std::collections::BTreeMap;

use crate::calendar::Quarter;
use crate::model::{Page, PageId, Status};

/// Who serves, needs, owns and runs what.
#[derive(Debug, Default)]
pub struct Relations {
    /// Initiatives serving each direction, in reading order (by page index).
    initiatives: Vec<Vec<PageId>>,
    /// Initiatives depending on each initiative, in reading order (by page index).
    dependents: Vec<Vec<PageId>>,
    /// Initiatives by owner, owners sorted.
    owners: BTreeMap<String, Vec<PageId>>,
    /// Initiatives by status, in life-cycle order.
    statuses: BTreeMap<Status, Vec<PageId>>,
    /// What happens in each quarter that anything happens in.
    quarters: BTreeMap<Quarter, QuarterPlan>,
}

/// What the action plan does in one quarter.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct QuarterPlan {
    /// Initiatives starting in it.
    pub starts: Vec<PageId>,
    /// Initiatives ending in it.
    pub ends: Vec<PageId>,
    /// Milestones falling in it: the initiative and the milestone's index.
    pub milestones: Vec<(PageId, usize)>,
}

impl Relations {
    /// The relations of `pages`, whose references are resolved.
    pub(super) fn new(pages: &[Page]) -> Relations {
        let mut relations = Relations {
            initiatives: vec![Vec::new(); pages.len()],
            dependents: vec![Vec::new(); pages.len()],
            ..Relations::default()
        };
        for (i, page) in pages.iter().enumerate() {
            let Some(initiative) = &page.initiative else { continue };
            let id = PageId::new(i);
            for direction in &initiative.directions {
                relations.initiatives[direction.page.index()].push(id);
            }
            for needed in &initiative.depends_on {
                relations.dependents[needed.page.index()].push(id);
            }
            relations.owners.entry(initiative.owner.clone()).or_default().push(id);
            relations.statuses.entry(initiative.status).or_default().push(id);
            if let Some(start) = initiative.start {
                relations.quarters.entry(start).or_default().starts.push(id);
            }
            if let Some(end) = initiative.end {
                relations.quarters.entry(end).or_default().ends.push(id);
            }
            for (k, milestone) in initiative.milestones.iter().enumerate() {
                relations.quarters.entry(milestone.quarter).or_default().milestones.push((id, k));
            }
        }
        relations
    }

    /// The initiatives serving `direction`, in reading order.
    #[must_use]
    pub fn initiatives_of(&self, direction: PageId) -> &[PageId] {
        self.initiatives.get(direction.index()).map_or(&[], Vec::as_slice)
    }

    /// The initiatives that depend on `initiative`, in reading order.
    #[must_use]
    pub fn dependents_of(&self, initiative: PageId) -> &[PageId] {
        self.dependents.get(initiative.index()).map_or(&[], Vec::as_slice)
    }

    /// Owners (sorted) with their initiatives in reading order.
    pub fn by_owner(&self) -> impl Iterator<Item = (&str, &[PageId])> {
        self.owners.iter().map(|(owner, ids)| (owner.as_str(), ids.as_slice()))
    }

    /// Statuses in life-cycle order with their initiatives; statuses no
    /// initiative has are left out.
    pub fn by_status(&self) -> impl Iterator<Item = (Status, &[PageId])> {
        self.statuses.iter().map(|(status, ids)| (*status, ids.as_slice()))
    }

    /// Quarters in order with what starts, ends and falls due in them.
    pub fn by_quarter(&self) -> impl Iterator<Item = (Quarter, &QuarterPlan)> {
        self.quarters.iter().map(|(q, plan)| (*q, plan))
    }
}
