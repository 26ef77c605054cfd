//! The contract filled from the checked model: the publication, every
//! page in reading order, the directions and initiatives with their
//! relations as ids, the owners and the totals.

use super::{
    ActualOut, BudgetOut, ByStatus, DirectionOut, FORMAT, HandoverOut, InitiativeOut, KpiOut,
    MilestoneOut, OwnerOut, PageOut, PeriodOut, PublicationOut, SourceOut, Strategy, Totals,
    VERSION, amount,
};
use crate::calendar::{Quarter, When};
use crate::compare::Comparison;
use crate::config::Config;
use crate::model::{Initiative, Page, PageId, Publication, Status};
use crate::render::export::fields::Fields;

/// The strategy of `config` and `publication` as the JSON contract.
pub(crate) fn strategy<'a>(
    config: &'a Config,
    publication: &'a Publication,
    as_of: Quarter,
    comparison: Option<&'a Comparison>,
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
            approved_version: config.approved_version.as_deref(),
            revised: config.revised_from().is_some(),
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
        changes: comparison.map(super::changes::changes),
    }
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
                actual: k
                    .actual
                    .iter()
                    .filter_map(|a| {
                        let value = serde_json::value::RawValue::from_string(a.value.clone());
                        Some(ActualOut { quarter: a.quarter, value: value.ok()? })
                    })
                    .collect(),
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
