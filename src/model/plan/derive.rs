//! The plan's items read from their pages' values, then what every output
//! shows of them: budgets summed exactly per page served and in total,
//! owners, statuses and quarters.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use crate::model::plan::{FactSpans, Initiative, Plan, PlanFields, Priority, Status};
use crate::model::{Budget, Page, PageId, Value};
use crate::money;
use crate::schema::FieldId;

impl Plan {
    /// The plan of `pages`, whose references are checked. A sub-initiative
    /// outside its parent's period is a warning, looked for when `parents`
    /// form no cycle.
    pub(in crate::model) fn new(
        pages: &mut [Page],
        fields: Option<PlanFields>,
        parents: bool,
        diags: &mut Diagnostics,
    ) -> Plan {
        let Some(fields) = fields else { return Plan::default() };
        let items = pages
            .iter_mut()
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
                    .code(Code::Timing)
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

/// The facts of `page`, an item of the plan, moved out of its values (so
/// the plan's facts are held once, here).
fn initiative(page: &mut Page, fields: &PlanFields) -> Initiative {
    let file = page.file_span();
    let kind = page.kind;
    let mut take_slot =
        |field: FieldId| page.values.get_mut(field.index()).filter(|_| field.kind == kind)?.take();
    let status = take_slot(fields.status);
    // A status written wrong is reported as such; the default in its
    // place is not checked against now.
    let status_at = match &status {
        Some(slot) if slot.stand_in => None,
        Some(slot) => Some(slot.span.clone()),
        None => Some(file.clone()),
    };
    let status = status.map(|slot| (slot.value, slot.span));
    let mut take = |field: FieldId| take_slot(field).map(|slot| (slot.value, slot.span));
    let spans = |slot: &Option<(Value, Span)>| slot.as_ref().map_or(file.clone(), |s| s.1.clone());
    let (start, end) = (take(fields.start), take(fields.end));
    let facts = FactSpans { status: status_at, start: spans(&start), end: spans(&end) };
    let time = |slot: Option<(Value, Span)>| slot.and_then(|(v, _)| v.time());
    let refs = |slot: Option<(Value, Span)>| match slot {
        Some((Value::Refs(refs), _)) => refs,
        _ => Vec::new(),
    };
    let choice = |slot: Option<(Value, Span)>| match slot {
        Some((Value::Choice(i), _)) => Some(i),
        _ => None,
    };
    let texts = |slot: Option<(Value, Span)>| slot.map_or_else(Vec::new, |(v, _)| v.texts());
    let initiative = Initiative {
        directions: refs(take(fields.directions)),
        parent: refs(take(fields.parent)).into_iter().next(),
        owners: texts(take(fields.owner)),
        handovers: match take(fields.owner_from) {
            Some((Value::Handovers(handovers), _)) => handovers,
            _ => Vec::new(),
        },
        start: time(start),
        end: time(end),
        deadline: time(take(fields.deadline)),
        status: choice(status).map_or(Status::Planned, Status::of),
        priority: choice(take(fields.priority)).and_then(|i| Priority::ALL.get(i).copied()),
        budget: match take(fields.budget) {
            Some((Value::Budget(budget), _)) => Some(budget),
            _ => None,
        },
        kpis: match take(fields.kpis) {
            Some((Value::Kpis(kpis), _)) => kpis,
            _ => Vec::new(),
        },
        depends_on: refs(take(fields.depends_on)),
        external_dependencies: texts(take(fields.external_dependencies)),
        milestones: match take(fields.milestones) {
            Some((Value::Milestones(milestones), _)) => milestones,
            _ => Vec::new(),
        },
        spans: facts,
    };
    // Nothing left (no field of its own besides the plan's): no room kept.
    if page.values.iter().all(Option::is_none) {
        page.values = Vec::new();
    }
    initiative
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
            .code(Code::SumTooLarge)
            .label("this budget makes the sum too large")
            .help("an amount is in whole currency units; check for extra digits".to_owned()),
        );
    }
}
