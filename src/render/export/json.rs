//! `strategy.json`: the whole checked strategy as data, for scripts,
//! Power Query and anything else that reads JSON.
//!
//! The format is a contract of its own, written out in
//! `strategy.schema.json` (shipped beside it): these structs are that
//! contract, not the model's types, so the model can change without
//! changing what scripts read. Every key is always present (`null` when not
//! given, `[]` when empty); keys are in a fixed order and lists in reading
//! order, so two builds of the same content give the same bytes. Raise
//! [`VERSION`] whenever a change could break a reader.

use serde::Serialize;
use serde_json::value::RawValue;

use crate::calendar::{Quarter, When};
use crate::config::{Config, Language, Status as PublicationStatus};
use crate::model::{Initiative, Page, PageId, Priority, Publication, Status};
use crate::render::export::fields::Fields;

/// What `format` says: which contract the file follows.
pub(crate) const FORMAT: &str = "stratdoc-strategy";

/// The version of the contract. Adding a key is a change a strict reader
/// notices (the schema forbids unknown keys), so it raises the version too.
pub(crate) const VERSION: u32 = 1;

/// The whole file.
#[derive(Serialize)]
pub(crate) struct Strategy<'a> {
    format: &'static str,
    version: u32,
    publication: PublicationOut<'a>,
    pages: Vec<PageOut<'a>>,
    directions: Vec<DirectionOut<'a>>,
    initiatives: Vec<InitiativeOut<'a>>,
    owners: Vec<OwnerOut<'a>>,
    totals: Totals<'a>,
}

#[derive(Serialize)]
struct PublicationOut<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    organisation: Option<&'a str>,
    language: Language,
    version: Option<&'a str>,
    status: PublicationStatus,
    approved: Option<String>,
    period: Option<PeriodOut>,
    /// The plan's "now": statuses are as of this quarter.
    as_of: Quarter,
    currency: &'a str,
}

#[derive(Serialize)]
struct PeriodOut {
    start: Quarter,
    end: Quarter,
}

#[derive(Serialize)]
struct PageOut<'a> {
    id: &'a str,
    kind: &'a str,
    path: &'a str,
    url: &'a str,
    title: &'a str,
    number: Option<&'a str>,
    summary: Option<&'a str>,
    draft: bool,
    sources: Vec<SourceOut<'a>>,
    /// The kind's declared fields that no role exports in a table.
    #[serde(flatten)]
    fields: Fields<'a>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    title: &'a str,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct DirectionOut<'a> {
    id: &'a str,
    title: &'a str,
    initiatives: Vec<&'a str>,
    budget: Option<Box<RawValue>>,
}

#[derive(Serialize)]
struct InitiativeOut<'a> {
    id: &'a str,
    number: Option<&'a str>,
    title: &'a str,
    url: &'a str,
    directions: Vec<&'a str>,
    parent: Option<&'a str>,
    children: Vec<&'a str>,
    owners: &'a [String],
    handovers: Vec<HandoverOut<'a>>,
    start: Option<When>,
    end: Option<When>,
    deadline: Option<When>,
    first_quarter: Option<Quarter>,
    last_quarter: Option<Quarter>,
    status: Status,
    priority: Option<Priority>,
    budget: Option<BudgetOut<'a>>,
    kpis: Vec<KpiOut<'a>>,
    depends_on: Vec<&'a str>,
    dependents: Vec<&'a str>,
    external_dependencies: &'a [String],
    milestones: Vec<MilestoneOut<'a>>,
}

#[derive(Serialize)]
struct HandoverOut<'a> {
    owners: &'a [String],
    from: When,
}

#[derive(Serialize)]
struct BudgetOut<'a> {
    amount: Box<RawValue>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct KpiOut<'a> {
    name: &'a str,
    unit: Option<&'a str>,
    baseline: Option<&'a str>,
    target: Option<&'a str>,
    by: Option<When>,
}

#[derive(Serialize)]
struct MilestoneOut<'a> {
    quarter: When,
    first_quarter: Quarter,
    title: &'a str,
}

#[derive(Serialize)]
struct OwnerOut<'a> {
    name: &'a str,
    initiatives: Vec<&'a str>,
}

#[derive(Serialize)]
struct Totals<'a> {
    initiatives: usize,
    milestones: usize,
    budget: Option<Box<RawValue>>,
    budgeted_initiatives: usize,
    by_status: ByStatus<'a>,
}

/// Every status, always present, so a reader never checks for a key.
#[derive(Serialize, Default)]
struct ByStatus<'a> {
    planned: Vec<&'a str>,
    active: Vec<&'a str>,
    done: Vec<&'a str>,
    paused: Vec<&'a str>,
    cancelled: Vec<&'a str>,
}

/// The strategy of `config` and `publication` as the JSON contract.
pub(crate) fn strategy<'a>(
    config: &'a Config,
    publication: &'a Publication,
    as_of: Quarter,
) -> Strategy<'a> {
    let plan = &publication.plan;
    let ids = |list: &[PageId]| -> Vec<&'a str> {
        list.iter().map(|&id| publication[id].id.as_str()).collect()
    };
    let initiatives: Vec<InitiativeOut<'a>> = publication
        .initiatives()
        .map(|(id, i)| initiative(publication, id, &publication[id], i))
        .collect();
    let directions = publication
        .direction_ids()
        .iter()
        .map(|&id| {
            let page = &publication[id];
            let serving = publication.initiatives_of(id);
            let budgeted = serving
                .iter()
                .any(|&i| publication.initiative(i).is_some_and(|i| i.budget.is_some()));
            DirectionOut {
                id: &page.id,
                title: &page.title,
                initiatives: ids(serving),
                budget: budgeted.then(|| amount(plan.budget_of(id))),
            }
        })
        .collect();
    let mut by_status = ByStatus::default();
    for (status, list) in plan.by_status() {
        let slot = match status {
            Status::Planned => &mut by_status.planned,
            Status::Active => &mut by_status.active,
            Status::Done => &mut by_status.done,
            Status::Paused => &mut by_status.paused,
            Status::Cancelled => &mut by_status.cancelled,
        };
        *slot = ids(list);
    }
    let (budget, budgeted_initiatives) = plan.total_budget();
    Strategy {
        format: FORMAT,
        version: VERSION,
        publication: PublicationOut {
            title: &config.title,
            subtitle: config.subtitle.as_deref(),
            organisation: config.organisation.as_deref(),
            language: config.language,
            version: config.version.as_deref(),
            status: config.status,
            approved: config.approved.map(|d| d.to_string()),
            period: config.period.map(|p| PeriodOut { start: p.start, end: p.end }),
            as_of,
            currency: &config.currency,
        },
        pages: publication.pages.iter().map(|p| page(publication, p)).collect(),
        directions,
        totals: Totals {
            initiatives: initiatives.len(),
            milestones: initiatives.iter().map(|i| i.milestones.len()).sum(),
            budget: (budgeted_initiatives > 0).then(|| amount(budget)),
            budgeted_initiatives,
            by_status,
        },
        initiatives,
        owners: plan
            .by_owner()
            .map(|(name, list)| OwnerOut { name, initiatives: ids(list) })
            .collect(),
    }
}

/// `strategy` as pretty-printed JSON with a final newline.
pub(crate) fn to_bytes(strategy: &Strategy<'_>) -> Vec<u8> {
    let mut bytes =
        serde_json::to_vec_pretty(strategy).expect("plain structs with string keys serialise");
    bytes.push(b'\n');
    bytes
}

fn page<'a>(publication: &'a Publication, page: &'a Page) -> PageOut<'a> {
    PageOut {
        id: &page.id,
        kind: &publication.schema.kind(page.kind).id,
        path: &page.path,
        url: &page.url,
        title: &page.title,
        number: page.number.as_deref(),
        summary: page.summary.as_deref(),
        draft: page.draft,
        sources: page
            .sources
            .iter()
            .map(|s| SourceOut { title: &s.title, url: s.url.as_deref() })
            .collect(),
        fields: Fields { publication, page },
    }
}

fn initiative<'a>(
    publication: &'a Publication,
    id: PageId,
    page: &'a Page,
    i: &'a Initiative,
) -> InitiativeOut<'a> {
    let id_of = |page: PageId| publication[page].id.as_str();
    InitiativeOut {
        id: &page.id,
        number: page.number.as_deref(),
        title: &page.title,
        url: &page.url,
        directions: i.directions.iter().map(|r| id_of(r.page)).collect(),
        parent: i.parent.as_ref().map(|r| id_of(r.page)),
        children: publication.children_of(id).iter().map(|&c| id_of(c)).collect(),
        owners: &i.owners,
        handovers: i
            .handovers
            .iter()
            .map(|h| HandoverOut { owners: &h.owners, from: h.from })
            .collect(),
        start: i.start,
        end: i.end,
        deadline: i.deadline,
        first_quarter: i.start.map(When::first),
        last_quarter: i.end.map(When::last),
        status: i.status,
        priority: i.priority,
        budget: i
            .budget
            .as_ref()
            .map(|b| BudgetOut { amount: amount(b.cents), note: b.note.as_deref() }),
        kpis: i
            .kpis
            .iter()
            .map(|k| KpiOut {
                name: &k.name,
                unit: k.unit.as_deref(),
                baseline: k.baseline.as_deref(),
                target: k.target.as_deref(),
                by: k.by,
            })
            .collect(),
        depends_on: i.depends_on.iter().map(|r| id_of(r.page)).collect(),
        dependents: publication.dependents_of(id).iter().map(|&d| id_of(d)).collect(),
        external_dependencies: &i.external_dependencies,
        milestones: i
            .milestones
            .iter()
            .map(|m| MilestoneOut {
                quarter: m.quarter,
                first_quarter: m.quarter.first(),
                title: &m.title,
            })
            .collect(),
    }
}

/// An amount in hundredths as a JSON number in whole currency units,
/// written as its exact decimal text: an integer when it has no fraction
/// (`34000000`), else with two decimals (`1234.50`). Never through a float,
/// which would round a large amount (`92233720368547758.07`).
pub(crate) fn amount(cents: i64) -> Box<RawValue> {
    let text =
        if cents % 100 == 0 { (cents / 100).to_string() } else { super::decimal(cents, '.') };
    RawValue::from_string(text).expect("a decimal number is valid JSON")
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn amounts_are_whole_units_or_exact_decimals() {
        assert_eq!(amount(3_400_000_000).get(), "34000000");
        assert_eq!(amount(123_450).get(), "1234.50");
        assert_eq!(amount(-5).get(), "-0.05");
        assert_eq!(amount(0).get(), "0");
        assert_eq!(amount(i64::MAX).get(), "92233720368547758.07");
    }
}
