//! An initiative as lists and tables show it, its full facts as its own page
//! shows them, and a direction as a card.

use serde::Serialize;

use crate::model::{Kind, Kpi, PageId, Status};
use crate::render::labels;
use crate::render::view::{Link, Views};

/// An initiative in a list or table.
#[derive(Serialize)]
pub(crate) struct InitiativeView {
    title: String,
    url: String,
    summary: Option<String>,
    owner: String,
    period: Option<String>,
    status: Status,
    status_label: &'static str,
    priority: Option<&'static str>,
    directions: Vec<Link>,
}

/// An initiative's page facts: its summary view plus what only its own page shows.
#[derive(Serialize)]
pub(crate) struct Facts {
    #[serde(flatten)]
    initiative: InitiativeView,
    kpis: Vec<Kpi>,
    depends_on: Vec<InitiativeView>,
    dependents: Vec<InitiativeView>,
    milestones: Vec<MilestoneView>,
}

#[derive(Serialize)]
struct MilestoneView {
    quarter: String,
    title: String,
}

/// A direction as a card: its summary and how many initiatives serve it.
#[derive(Serialize)]
pub(crate) struct DirectionView {
    title: String,
    url: String,
    summary: Option<String>,
    initiatives: usize,
}

impl Views<'_> {
    /// Initiative `id` as a list entry.
    ///
    /// # Panics
    /// If `id` is not an initiative.
    pub(crate) fn initiative(&self, id: PageId) -> InitiativeView {
        let page = &self.publication[id];
        let lang = self.config.language;
        let i = page.initiative.as_ref().expect("initiative pages carry initiative facts");
        InitiativeView {
            title: page.title.clone(),
            url: (self.href)(page),
            summary: page.summary.clone(),
            owner: i.owner.clone(),
            period: labels::quarter_range(i.start, i.end, lang),
            status: i.status,
            status_label: labels::status(i.status, lang),
            priority: i.priority.map(|p| labels::priority(p, lang)),
            directions: i.directions.iter().map(|d| self.link(d.page)).collect(),
        }
    }

    /// Initiatives `ids` as list entries.
    pub(crate) fn initiatives(&self, ids: &[PageId]) -> Vec<InitiativeView> {
        ids.iter().map(|&id| self.initiative(id)).collect()
    }

    /// The facts of page `id`, if it is an initiative.
    pub(crate) fn facts(&self, id: PageId) -> Option<Facts> {
        let i = self.publication[id].initiative.as_ref()?;
        let lang = self.config.language;
        let depends_on: Vec<PageId> = i.depends_on.iter().map(|r| r.page).collect();
        Some(Facts {
            initiative: self.initiative(id),
            kpis: i.kpis.clone(),
            depends_on: self.initiatives(&depends_on),
            dependents: self.initiatives(self.publication.relations.dependents_of(id)),
            milestones: i
                .milestones
                .iter()
                .map(|m| MilestoneView {
                    quarter: labels::quarter(m.quarter, lang),
                    title: m.title.clone(),
                })
                .collect(),
        })
    }

    /// Every page of `kind` as a card; `initiatives` counts only for directions.
    pub(crate) fn cards(&self, kind: Kind) -> Vec<DirectionView> {
        self.publication
            .of_kind(kind)
            .map(|(id, page)| DirectionView {
                title: page.title.clone(),
                url: (self.href)(page),
                summary: page.summary.clone(),
                initiatives: if kind == Kind::Direction {
                    self.publication.relations.initiatives_of(id).len()
                } else {
                    0
                },
            })
            .collect()
    }
}
