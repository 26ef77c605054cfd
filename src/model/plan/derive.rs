//! The plan's items read from their pages' values, then what every output
//! shows of them: budgets summed exactly per page served and in total,
//! owners, statuses and quarters.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::plan::{FactSpans, Initiative, Plan, PlanFields, Priority, Status};
use crate::model::{Budget, Page, PageId, Value};
use crate::money;
use crate::schema::FieldId;

impl Plan {
    /// The plan of `pages`, whose references are checked. A sub-initiative
    /// outside its parent's period is a warning, looked for when `parents`
    /// form no cycle.
    pub(in crate::model) fn new(
        pages: &[Page],
        fields: Option<PlanFields>,
        parents: bool,
        diags: &mut Diagnostics,
    ) -> Plan {
        let Some(fields) = fields else { return Plan::default() };
        let items = pages
            .iter()
            .map(|page| (page.kind == fields.kind).then(|| initiative(page, &fields)))
            .collect();
        let mut plan = Plan { fields: Some(fields), items, ..Plan::default() };
        if parents {
            plan.children_inside_parents(pages, diags);
        }
        plan.group(pages, diags);
        plan
    }

    /// A sub-initiative runs within its parent's period (a warning: the plan
    /// still builds, but one of the two dates is likely wrong).
    fn children_inside_parents(&self, pages: &[Page], diags: &mut Diagnostics) {
        for (page, child) in pages.iter().zip(&self.items) {
            let Some(child) = child else { continue };
            let Some(parent_ref) = &child.parent else { continue };
            let Some(parent) = self.get(parent_ref.page) else { continue };
            let (Some(start), Some(end)) = (parent.start, parent.end) else { continue };
            let outside = child.start.is_some_and(|s| s.first() < start.first())
                || child.end.is_some_and(|e| e.last() > end.last());
            if outside {
                diags.push(
                    Diagnostic::warning(
                        parent_ref.span.clone(),
                        format!(
                            "`{}` runs outside its parent `{}` ({start} to {end})",
                            page.id,
                            pages[parent_ref.page.index()].id
                        ),
                    )
                    .help(
                        "move `start`/`end` inside the parent's, or widen the parent's".to_owned(),
                    ),
                );
            }
        }
    }

    /// The sums and groupings, in one pass over the items.
    fn group(&mut self, pages: &[Page], diags: &mut Diagnostics) {
        let mut budgets = vec![Some(0); pages.len()];
        let mut total = Some(0);
        for (i, item) in self.items.iter().enumerate() {
            let Some(initiative) = item else { continue };
            let id = PageId::new(i);
            let mut owners: Vec<&str> = initiative.all_owners().collect();
            owners.sort_unstable();
            owners.dedup();
            for owner in owners {
                self.owners.entry(owner.to_owned()).or_default().push(id);
            }
            self.statuses.entry(initiative.status).or_default().push(id);
            // An approximate time starts with its first quarter and ends with its last.
            if let Some(start) = initiative.start {
                self.quarters.entry(start.first()).or_default().starts.push(id);
            }
            if let Some(end) = initiative.end {
                self.quarters.entry(end.last()).or_default().ends.push(id);
            }
            for (k, milestone) in initiative.milestones.iter().enumerate() {
                let quarter = milestone.quarter.first();
                self.quarters.entry(quarter).or_default().milestones.push((id, k));
            }
            if let Some(budget) = &initiative.budget {
                // An initiative serving two directions counts in both
                // directions' sums, and once in the total.
                for direction in &initiative.directions {
                    let sum = &mut budgets[direction.page.index()];
                    let whose = || format!("the budgets of `{}`", pages[direction.page.index()].id);
                    add(sum, budget, whose, diags);
                }
                add(&mut total, budget, || "all budgets".to_owned(), diags);
                self.total_budget.1 += 1;
            }
        }
        // A sum too large is reported; the build stops before it is shown.
        self.budgets = budgets.into_iter().map(|sum| sum.unwrap_or(money::MAX_CENTS)).collect();
        self.total_budget.0 = total.unwrap_or(money::MAX_CENTS);
    }
}

/// The facts of `page`, an item of the plan.
fn initiative(page: &Page, fields: &PlanFields) -> Initiative {
    let value = |field: FieldId| page.value(field);
    let span =
        |field: FieldId| page.slot(field).map_or_else(|| page.file_span(), |s| s.span.clone());
    let time = |field: FieldId| value(field).and_then(Value::time);
    let refs = |field: FieldId| value(field).map_or_else(Vec::new, |v| v.refs().to_vec());
    let choice = |field: FieldId| match value(field) {
        Some(Value::Choice(i)) => Some(*i),
        _ => None,
    };
    Initiative {
        directions: refs(fields.directions),
        parent: refs(fields.parent).into_iter().next(),
        owners: value(fields.owner).map_or_else(Vec::new, Value::texts),
        handovers: match value(fields.owner_from) {
            Some(Value::Handovers(handovers)) => handovers.clone(),
            _ => Vec::new(),
        },
        start: time(fields.start),
        end: time(fields.end),
        deadline: time(fields.deadline),
        status: choice(fields.status).map_or(Status::Planned, Status::of),
        priority: choice(fields.priority).and_then(|i| Priority::ALL.get(i).copied()),
        budget: match value(fields.budget) {
            Some(Value::Budget(budget)) => Some(budget.clone()),
            _ => None,
        },
        kpis: match value(fields.kpis) {
            Some(Value::Kpis(kpis)) => kpis.clone(),
            _ => Vec::new(),
        },
        depends_on: refs(fields.depends_on),
        external_dependencies: value(fields.external_dependencies)
            .map_or_else(Vec::new, Value::texts),
        milestones: match value(fields.milestones) {
            Some(Value::Milestones(milestones)) => milestones.clone(),
            _ => Vec::new(),
        },
        spans: FactSpans {
            status: span(fields.status),
            start: span(fields.start),
            end: span(fields.end),
        },
    }
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
