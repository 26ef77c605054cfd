//! What changed since the revision compared with, in `strategy.json`
//! (`changes`): the summary's counts, each item added, removed or changed
//! with its facts as they were and are, and each page whose text changed.
//! Facts are given as text, as the changes page words them in neither
//! language: a value as written (`2027-Q4`, `active`, an amount in whole
//! units).

use serde::Serialize;

use crate::calendar::When;
use crate::compare::{Change, Comparison, Edge, Fact, KpiPart, TextChange};
use crate::render::export::json::amount;

#[derive(Serialize)]
pub(crate) struct ChangesOut<'a> {
    since: &'a str,
    commit: &'a str,
    summary: SummaryOut,
    items: Vec<ItemOut<'a>>,
    pages: Vec<PageChangeOut<'a>>,
}

#[derive(Serialize)]
struct SummaryOut {
    added: usize,
    removed: usize,
    delayed: usize,
    advanced: usize,
    completed: usize,
    status: usize,
    other: usize,
    pages: usize,
}

#[derive(Serialize)]
struct ItemOut<'a> {
    id: &'a str,
    kind: &'a str,
    change: &'static str,
    facts: Vec<FactOut>,
}

#[derive(Serialize)]
struct FactOut {
    /// The field (`status`, `start`, `kpis`, …).
    field: String,
    /// For a KPI or a milestone, which (its name or title) and, for a KPI,
    /// what of it (`baseline`, `target`, `added`, `removed`).
    name: Option<String>,
    part: Option<&'static str>,
    from: Option<String>,
    to: Option<String>,
    /// For `start` and `end`: by how many quarters it moved (later positive).
    quarters: Option<i32>,
}

#[derive(Serialize)]
struct PageChangeOut<'a> {
    path: &'a str,
    change: &'static str,
}

/// `comparison` as the contract gives it.
pub(crate) fn changes(comparison: &Comparison) -> ChangesOut<'_> {
    let s = comparison.summary();
    ChangesOut {
        since: &comparison.rev,
        commit: &comparison.commit,
        summary: SummaryOut {
            added: s.added,
            removed: s.removed,
            delayed: s.delayed,
            advanced: s.advanced,
            completed: s.completed,
            status: s.status,
            other: s.other,
            pages: s.pages,
        },
        items: comparison
            .items
            .iter()
            .map(|item| {
                let (change, facts) = match &item.change {
                    Change::Added => ("added", Vec::new()),
                    Change::Removed => ("removed", Vec::new()),
                    Change::Changed(facts) => ("changed", facts.iter().map(fact).collect()),
                };
                ItemOut { id: &item.id, kind: &item.kind, change, facts }
            })
            .collect(),
        pages: comparison
            .pages
            .iter()
            .map(|p| PageChangeOut {
                path: &p.path,
                change: match p.text {
                    TextChange::Added => "added",
                    TextChange::Removed => "removed",
                    TextChange::Changed(_) => "changed",
                },
            })
            .collect(),
    }
}

fn fact(fact: &Fact) -> FactOut {
    let out = |field: &str, from: Option<String>, to: Option<String>| FactOut {
        field: field.to_owned(),
        name: None,
        part: None,
        from,
        to,
        quarters: None,
    };
    let when = |w: &Option<When>| w.map(|w| w.to_string());
    let cents = |c: &Option<i64>| c.map(|c| amount(c).get().to_owned());
    match fact {
        Fact::Title { from, to } => out("title", Some(from.clone()), Some(to.clone())),
        Fact::Status { from, to } => out("status", Some(name(from)), Some(name(to))),
        Fact::Moved { edge, from, to, quarters } => {
            let field = match edge {
                Edge::Start => "start",
                Edge::End => "end",
            };
            FactOut { quarters: *quarters, ..out(field, when(from), when(to)) }
        }
        Fact::Owners { from, to } => out("owner", Some(from.join("; ")), Some(to.join("; "))),
        Fact::Directions { added, removed } => {
            out("directions", Some(removed.join("; ")), Some(added.join("; ")))
        }
        Fact::Priority { from, to } => {
            out("priority", from.as_ref().map(name), to.as_ref().map(name))
        }
        Fact::Budget { from, to } => out("budget", cents(from), cents(to)),
        Fact::Kpi { name, part, from, to } => FactOut {
            name: Some(name.clone()),
            part: Some(match part {
                KpiPart::Added => "added",
                KpiPart::Removed => "removed",
                KpiPart::Baseline => "baseline",
                KpiPart::Target => "target",
            }),
            ..out("kpis", from.clone(), to.clone())
        },
        Fact::Milestone { title, from, to } => {
            FactOut { name: Some(title.clone()), ..out("milestones", when(from), when(to)) }
        }
        Fact::Field { name, from, to } => out(name, from.clone(), to.clone()),
    }
}

/// A status or priority as written in frontmatter.
fn name(value: &impl Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}
