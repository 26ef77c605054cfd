//! The facts of one item compared: for an item of the plan, its typed
//! facts (status, period in quarters, owners, directions, priority,
//! budget, KPIs, milestones); for every kind, its title and each field no
//! role reads, by name, as text.

use crate::calendar::{Quarter, When};
use crate::model::{Initiative, PageId, PageRef, Priority, Publication, Status, Value};
use crate::schema::Type;

/// Which end of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// `start`.
    Start,
    /// `end`.
    End,
}

/// What of a KPI changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiPart {
    /// A new indicator.
    Added,
    /// An indicator gone.
    Removed,
    /// Its baseline.
    Baseline,
    /// Its target.
    Target,
}

/// One changed fact of an item: what it was at the revision, what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    /// Its title (as cited, with its number).
    Title {
        /// Then.
        from: String,
        /// Now.
        to: String,
    },
    /// Its status.
    Status {
        /// Then.
        from: Status,
        /// Now.
        to: Status,
    },
    /// Its start or end moved.
    Moved {
        /// Which.
        edge: Edge,
        /// Then.
        from: Option<When>,
        /// Now.
        to: Option<When>,
        /// By how many quarters (later is positive), when both are given.
        quarters: Option<i32>,
    },
    /// Who is responsible.
    Owners {
        /// Then.
        from: Vec<String>,
        /// Now.
        to: Vec<String>,
    },
    /// The directions it serves, by title.
    Directions {
        /// Served now, not then.
        added: Vec<String>,
        /// Served then, not now.
        removed: Vec<String>,
    },
    /// Its priority.
    Priority {
        /// Then.
        from: Option<Priority>,
        /// Now.
        to: Option<Priority>,
    },
    /// Its budget, in hundredths.
    Budget {
        /// Then.
        from: Option<i64>,
        /// Now.
        to: Option<i64>,
    },
    /// A KPI, by name.
    Kpi {
        /// Its name.
        name: String,
        /// What of it.
        part: KpiPart,
        /// Then.
        from: Option<String>,
        /// Now.
        to: Option<String>,
    },
    /// A milestone, by title: added (`from` none), removed (`to` none) or moved.
    Milestone {
        /// Its title.
        title: String,
        /// Then.
        from: Option<When>,
        /// Now.
        to: Option<When>,
    },
    /// Any other field, by its label, as text.
    Field {
        /// The field's key.
        name: String,
        /// Then.
        from: Option<String>,
        /// Now.
        to: Option<String>,
    },
}

/// The facts of `was` (in `before`) that page `id` of `now` holds otherwise.
pub(super) fn changes(
    before: &Publication,
    was_id: PageId,
    now: &Publication,
    id: PageId,
) -> Vec<Fact> {
    let (was, page) = (&before[was_id], &now[id]);
    let mut facts = Vec::new();
    if was.heading() != page.heading() {
        facts.push(Fact::Title { from: was.heading(), to: page.heading() });
    }
    if let (Some(then), Some(now_facts)) = (before.plan.get(was_id), now.plan.get(id)) {
        plan(before, then, now, now_facts, &mut facts);
    }
    for (field, declared) in now.schema.fields(page.kind).filter(|(_, f)| !f.role) {
        let old = before.schema.field_id(was.kind, &declared.name).and_then(|f| was.value(f));
        let (from, to) = (
            old.map(|v| text(before, &declared.ty, v)),
            page.value(field).map(|v| text(now, &declared.ty, v)),
        );
        if from != to {
            facts.push(Fact::Field { name: declared.name.clone(), from, to });
        }
    }
    facts
}

/// The plan's facts of an item compared.
fn plan(
    before: &Publication,
    then: &Initiative,
    now: &Publication,
    it: &Initiative,
    facts: &mut Vec<Fact>,
) {
    if then.status != it.status {
        facts.push(Fact::Status { from: then.status, to: it.status });
    }
    for (edge, from, to) in [(Edge::Start, then.start, it.start), (Edge::End, then.end, it.end)] {
        if from != to {
            let pick = |w: When| if edge == Edge::Start { w.first() } else { w.last() };
            let quarters = from.zip(to).map(|(f, t)| index(pick(t)) - index(pick(f)));
            facts.push(Fact::Moved { edge, from, to, quarters });
        }
    }
    if then.owners != it.owners {
        facts.push(Fact::Owners { from: then.owners.clone(), to: it.owners.clone() });
    }
    let (old, new) = (ids(before, &then.directions), ids(now, &it.directions));
    let added: Vec<String> = new.iter().filter(|d| !old.contains(d)).map(|d| d.1.clone()).collect();
    let removed: Vec<String> =
        old.iter().filter(|d| !new.contains(d)).map(|d| d.1.clone()).collect();
    if !added.is_empty() || !removed.is_empty() {
        facts.push(Fact::Directions { added, removed });
    }
    if then.priority != it.priority {
        facts.push(Fact::Priority { from: then.priority, to: it.priority });
    }
    let cents = |i: &Initiative| i.budget.as_ref().map(|b| b.cents);
    if cents(then) != cents(it) {
        facts.push(Fact::Budget { from: cents(then), to: cents(it) });
    }
    kpis(then, it, facts);
    milestones(then, it, facts);
}

fn kpis(then: &Initiative, it: &Initiative, facts: &mut Vec<Fact>) {
    let kpi = |name: String, part, from, to| Fact::Kpi { name, part, from, to };
    for new in &it.kpis {
        let Some(old) = then.kpis.iter().find(|k| k.name == new.name) else {
            facts.push(kpi(new.name.clone(), KpiPart::Added, None, new.target.clone()));
            continue;
        };
        if old.baseline != new.baseline {
            facts.push(kpi(
                new.name.clone(),
                KpiPart::Baseline,
                old.baseline.clone(),
                new.baseline.clone(),
            ));
        }
        if old.target != new.target {
            facts.push(kpi(
                new.name.clone(),
                KpiPart::Target,
                old.target.clone(),
                new.target.clone(),
            ));
        }
    }
    for old in then.kpis.iter().filter(|o| !it.kpis.iter().any(|k| k.name == o.name)) {
        facts.push(kpi(old.name.clone(), KpiPart::Removed, old.target.clone(), None));
    }
}

fn milestones(then: &Initiative, it: &Initiative, facts: &mut Vec<Fact>) {
    for new in &it.milestones {
        let old = then.milestones.iter().find(|m| m.title == new.title).map(|m| m.quarter);
        if old != Some(new.quarter) {
            facts.push(Fact::Milestone {
                title: new.title.clone(),
                from: old,
                to: Some(new.quarter),
            });
        }
    }
    for old in then.milestones.iter().filter(|o| !it.milestones.iter().any(|m| m.title == o.title))
    {
        facts.push(Fact::Milestone { title: old.title.clone(), from: Some(old.quarter), to: None });
    }
}

/// Quarters since year 0: differences are quarters moved.
fn index(q: Quarter) -> i32 {
    i32::from(q.year) * 4 + i32::from(q.quarter)
}

/// The ids and titles of `refs`.
fn ids(publication: &Publication, refs: &[PageRef]) -> Vec<(String, String)> {
    refs.iter().map(|r| (publication[r.page].id.clone(), publication[r.page].heading())).collect()
}

/// A value of type `ty` as text, for a field compared by name.
fn text(publication: &Publication, ty: &Type, value: &Value) -> String {
    match value {
        Value::Text(t) | Value::Number(t) => t.clone(),
        Value::Integer(n) => n.to_string(),
        Value::Boolean(b) => b.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Time(w) => w.to_string(),
        Value::Choice(i) => ty.choice_name(*i).unwrap_or_default().to_owned(),
        Value::Amount(cents) => format!("{}.{:02}", cents / 100, (cents % 100).abs()),
        Value::List(items) => {
            let of = match ty {
                Type::List(of) => of.as_ref(),
                _ => ty,
            };
            join(items.iter().map(|v| text(publication, of, v)))
        }
        Value::Refs(refs) => join(ids(publication, refs).into_iter().map(|(_, t)| t)),
        Value::Budget(b) => text(publication, ty, &Value::Amount(b.cents)),
        Value::Kpis(list) => join(list.iter().map(|k| {
            format!(
                "{}: {} → {}",
                k.name,
                k.baseline.as_deref().unwrap_or("–"),
                k.target.as_deref().unwrap_or("–")
            )
        })),
        Value::Milestones(list) => join(list.iter().map(|m| format!("{} {}", m.quarter, m.title))),
        Value::Handovers(list) => {
            join(list.iter().map(|h| format!("{} {}", h.owners.join(", "), h.from)))
        }
        Value::Charts(list) => join(list.iter().map(|c| c.id.clone())),
        Value::Data(data) => data.path.clone(),
        Value::Ids(ids) => join(ids.iter().map(|r| r.id.clone())),
    }
}

fn join(parts: impl Iterator<Item = String>) -> String {
    parts.collect::<Vec<_>>().join(", ")
}
