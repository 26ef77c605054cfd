//! Relations between pages, computed once after references are checked, so
//! every output (site, plan views, board edition, exports) reads the same
//! answers in constant time instead of scanning pages.

use std::collections::{BTreeMap, HashSet};

use crate::calendar::Quarter;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Budget, Page, PageId, Status};
use crate::money;

/// The deepest level at which lists, tables, the roadmap and the board
/// edition show a sub-initiative (a top initiative is at 0). The theme
/// indents three levels, and a card or section heading that starts at `h3`
/// reaches `h6`, the last there is, at the third. Deeper ones are shown at
/// this level, after their parent (with a warning: see `model::resolve`).
pub const SHOWN_DEPTH: usize = 3;

/// Who serves, needs, owns and runs what.
#[derive(Debug, Default)]
pub struct Relations {
    /// Initiatives serving each direction, in reading order (by page index).
    initiatives: Vec<Vec<PageId>>,
    /// Initiatives depending on each initiative, in reading order (by page index).
    dependents: Vec<Vec<PageId>>,
    /// Sub-initiatives of each initiative, in reading order (by page index).
    children: Vec<Vec<PageId>>,
    /// Budgets summed per direction, in hundredths (by page index).
    direction_budgets: Vec<i64>,
    /// All budgets summed, in hundredths, and how many initiatives have one.
    total_budget: (i64, usize),
    /// Initiatives by owner (joint owners and later owners too), owners sorted.
    owners: BTreeMap<String, Vec<PageId>>,
    /// Initiatives by status, in life-cycle order.
    statuses: BTreeMap<Status, Vec<PageId>>,
    /// What happens in each quarter that anything happens in.
    quarters: BTreeMap<Quarter, QuarterPlan>,
}

/// Adds `budget` to `sum`, exactly. A sum that would hold more than
/// [`money::MAX_CENTS`] is an error at the budget that tips it, reported
/// once: the sum becomes `None`.
fn add(
    sum: &mut Option<i64>,
    budget: &Budget,
    whose: impl Fn() -> String,
    diags: &mut Diagnostics,
) {
    let Some(before) = *sum else { return };
    *sum = before.checked_add(budget.cents);
    if sum.is_none() {
        diags.push(
            Diagnostic::error(
                budget.at.clone(),
                format!("{} add up to more than stratdoc can hold ({})", whose(), money::Max),
            )
            .label("this budget makes the sum too large")
            .help("an amount is in whole currency units; check for extra digits".to_owned()),
        );
    }
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
    pub(super) fn new(pages: &[Page], diags: &mut Diagnostics) -> Relations {
        let mut relations = Relations {
            initiatives: vec![Vec::new(); pages.len()],
            dependents: vec![Vec::new(); pages.len()],
            children: vec![Vec::new(); pages.len()],
            ..Relations::default()
        };
        let mut direction_budgets = vec![Some(0); pages.len()];
        let mut total_budget = Some(0);
        for (i, page) in pages.iter().enumerate() {
            let Some(initiative) = &page.initiative else { continue };
            let id = PageId::new(i);
            for direction in &initiative.directions {
                relations.initiatives[direction.page.index()].push(id);
            }
            for needed in &initiative.depends_on {
                relations.dependents[needed.page.index()].push(id);
            }
            if let Some(parent) = &initiative.parent {
                relations.children[parent.page.index()].push(id);
            }
            let mut owners: Vec<&str> = initiative.all_owners().collect();
            owners.sort_unstable();
            owners.dedup();
            for owner in owners {
                relations.owners.entry(owner.to_owned()).or_default().push(id);
            }
            relations.statuses.entry(initiative.status).or_default().push(id);
            // An approximate time starts with its first quarter and ends with its last.
            if let Some(start) = initiative.start {
                relations.quarters.entry(start.first()).or_default().starts.push(id);
            }
            if let Some(end) = initiative.end {
                relations.quarters.entry(end.last()).or_default().ends.push(id);
            }
            for (k, milestone) in initiative.milestones.iter().enumerate() {
                let quarter = milestone.quarter.first();
                relations.quarters.entry(quarter).or_default().milestones.push((id, k));
            }
            if let Some(budget) = &initiative.budget {
                // An initiative serving two directions counts in both
                // directions' sums, and once in the total.
                for direction in &initiative.directions {
                    let sum = &mut direction_budgets[direction.page.index()];
                    let whose = || format!("the budgets of `{}`", pages[direction.page.index()].id);
                    add(sum, budget, whose, diags);
                }
                add(&mut total_budget, budget, || "all budgets".to_owned(), diags);
                relations.total_budget.1 += 1;
            }
        }
        // A sum too large is reported; the build stops before it is shown.
        relations.direction_budgets =
            direction_budgets.into_iter().map(|sum| sum.unwrap_or(money::MAX_CENTS)).collect();
        relations.total_budget.0 = total_budget.unwrap_or(money::MAX_CENTS);
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

    /// The sub-initiatives of `initiative`, in reading order.
    #[must_use]
    pub fn children_of(&self, initiative: PageId) -> &[PageId] {
        self.children.get(initiative.index()).map_or(&[], Vec::as_slice)
    }

    /// `ids` (initiatives in reading order) in tree order: each sub-initiative
    /// right after its parent when the parent is among `ids`, with its depth
    /// in the list, at most [`SHOWN_DEPTH`]. Nothing here recurses, so a
    /// chain of any length costs its length.
    #[must_use]
    pub fn tree_order(
        &self,
        ids: &[PageId],
        parent_of: impl Fn(PageId) -> Option<PageId>,
    ) -> Vec<(PageId, usize)> {
        let among: HashSet<PageId> = ids.iter().copied().collect();
        let mut out = Vec::with_capacity(ids.len());
        let mut placed: HashSet<PageId> = HashSet::with_capacity(ids.len());
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
                let children = self.children_of(id).iter().rev().filter(|c| among.contains(c));
                stack.extend(children.map(|&c| (c, depth + 1)));
            }
        }
        // Parent cycles are errors already; never drop a page all the same.
        out.extend(ids.iter().filter(|id| !placed.contains(id)).map(|&id| (id, 0)));
        out
    }

    /// The budgets of the initiatives serving `direction`, summed, in hundredths.
    #[must_use]
    pub fn budget_of(&self, direction: PageId) -> i64 {
        self.direction_budgets.get(direction.index()).copied().unwrap_or(0)
    }

    /// Every initiative's budget summed, in hundredths, and how many have one.
    #[must_use]
    pub fn total_budget(&self) -> (i64, usize) {
        self.total_budget
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
