//! An initiative as lists and tables show it (nested under its parent), its
//! full facts as its own page shows them, and a direction as a card.

use serde::Serialize;

use crate::calendar::When;
use crate::model::{KindId, Kpi, PageId, Status};
use crate::render::format;
use crate::render::view::{Link, ProgressView, Views};

/// An initiative in a list or table.
#[derive(Serialize)]
pub(crate) struct InitiativeView {
    title: String,
    number: Option<String>,
    url: String,
    summary: Option<String>,
    owner: String,
    period: Option<String>,
    /// True when start or end is a half year or a year.
    approximate: bool,
    /// Its period at the revision compared with, when it has moved since
    /// ("var 2027-Q1 – 2027-Q4").
    was_period: Option<String>,
    status: Status,
    status_label: String,
    priority: Option<String>,
    budget: Option<String>,
    directions: Vec<Link>,
    /// How deep it is nested under other initiatives in this list (0 at the
    /// top, at most `model::SHOWN_DEPTH`).
    depth: usize,
    /// In a tree: the rows after it are its sub-initiatives, so a nested
    /// list opens in its entry.
    opens: bool,
    /// In a tree: how many nested lists end after it.
    closes: usize,
}

/// An initiative's page facts: its summary view plus what only its own page shows.
#[derive(Serialize)]
pub(crate) struct Facts {
    #[serde(flatten)]
    initiative: InitiativeView,
    handovers: Vec<HandoverView>,
    deadline: Option<String>,
    budget_note: Option<String>,
    kpis: Vec<KpiView>,
    /// Whether any KPI has a baseline / a target / a target quarter: the
    /// table shows only the columns something was given for.
    kpi_columns: KpiColumns,
    depends_on: Vec<InitiativeView>,
    dependents: Vec<InitiativeView>,
    external_dependencies: Vec<String>,
    parent: Option<Link>,
    sub_initiatives: Vec<InitiativeView>,
    milestones: Vec<MilestoneView>,
}

#[derive(Serialize)]
struct HandoverView {
    owner: String,
    from: String,
}

/// A KPI as read: values with their unit, the target time as written.
#[derive(Serialize)]
pub(crate) struct KpiView {
    name: String,
    baseline: Option<String>,
    target: Option<String>,
    by: Option<String>,
    /// Its actuals against its trajectory, when it has actuals.
    progress: Option<ProgressView>,
}

#[derive(Serialize, Default)]
struct KpiColumns {
    baseline: bool,
    target: bool,
    by: bool,
}

#[derive(Serialize)]
struct MilestoneView {
    quarter: String,
    approximate: bool,
    title: String,
}

/// A direction as a card: its summary, how many initiatives serve it and
/// their budgets summed.
#[derive(Serialize)]
pub(crate) struct DirectionView {
    title: String,
    url: String,
    summary: Option<String>,
    initiatives: usize,
    budget: Option<String>,
}

impl Views<'_> {
    /// Initiative `id` as a list entry, not nested.
    ///
    /// # Panics
    /// If `id` is not an initiative.
    pub(crate) fn initiative(&self, id: PageId) -> InitiativeView {
        let page = &self.publication[id];
        let lang = self.config.language;
        let i = self.publication.initiative(id).expect("ids of the plan's items");
        InitiativeView {
            title: self.heading(id),
            number: page.number.clone(),
            url: (self.href)(page),
            summary: page.summary.clone(),
            owner: format::join_names(&i.owners, lang),
            period: format::when_range(i.start, i.end, lang),
            approximate: i.start.is_some_and(When::is_approximate)
                || i.end.is_some_and(When::is_approximate),
            was_period: self.was_period(id, i),
            status: i.status,
            status_label: self.publication.status_label(i.status, lang).to_owned(),
            priority: i.priority.map(|p| self.publication.priority_label(p, lang).to_owned()),
            budget: i.budget.as_ref().map(|b| self.money(b.cents)),
            directions: i.directions.iter().map(|d| self.link(d.page)).collect(),
            depth: 0,
            opens: false,
            closes: 0,
        }
    }

    /// "var 2027-Q1 – 2027-Q4": the period of initiative `id` (facts `i`)
    /// at the revision compared with, when it has moved since.
    fn was_period(&self, id: PageId, i: &crate::model::Initiative) -> Option<String> {
        let (start, end) = self.changes?.was_period(id)?;
        let period = format::when_range(start.or(i.start), end.or(i.end), self.config.language)?;
        Some(self.labels.was_period.replace('#', &period))
    }

    /// Initiatives `ids` as flat list entries.
    pub(crate) fn initiatives(&self, ids: &[PageId]) -> Vec<InitiativeView> {
        ids.iter().map(|&id| self.initiative(id)).collect()
    }

    /// Initiatives `ids` (in reading order) as a tree, written flat so that
    /// templates nest lists without recursion however deep it is: in tree
    /// order, each row saying whether a list of its sub-initiatives opens in
    /// its entry, and how many such lists end after it.
    pub(crate) fn initiative_tree(&self, ids: &[PageId]) -> Vec<InitiativeView> {
        let mut rows = self.initiative_rows(ids);
        let next: Vec<usize> = rows.iter().skip(1).map(|r| r.depth).chain([0]).collect();
        for (row, next) in rows.iter_mut().zip(next) {
            row.opens = next > row.depth;
            row.closes = row.depth.saturating_sub(next);
        }
        rows
    }

    /// Initiatives `ids` in tree order, flattened for a table: each
    /// sub-initiative right after its parent, with its `depth`.
    pub(crate) fn initiative_rows(&self, ids: &[PageId]) -> Vec<InitiativeView> {
        self.publication
            .tree_order(ids)
            .into_iter()
            .map(|(id, depth)| InitiativeView { depth, ..self.initiative(id) })
            .collect()
    }

    /// The facts of page `id`, if it is an initiative.
    pub(crate) fn facts(&self, id: PageId) -> Option<Facts> {
        let i = self.publication.initiative(id)?;
        let lang = self.config.language;
        let kpis: Vec<KpiView> =
            i.kpis.iter().enumerate().map(|(k, kpi)| self.kpi(kpi, (id, k), "kpi")).collect();
        let kpi_columns = KpiColumns {
            baseline: kpis.iter().any(|k| k.baseline.is_some()),
            target: kpis.iter().any(|k| k.target.is_some()),
            by: kpis.iter().any(|k| k.by.is_some()),
        };
        let depends_on: Vec<PageId> = i.depends_on.iter().map(|r| r.page).collect();
        Some(Facts {
            initiative: self.initiative(id),
            handovers: i
                .handovers
                .iter()
                .map(|h| HandoverView {
                    owner: format::join_names(&h.owners, lang),
                    from: format::when(h.from, lang),
                })
                .collect(),
            deadline: i.deadline.map(|d| format::when(d, lang)),
            budget_note: i.budget.as_ref().and_then(|b| b.note.clone()),
            kpis,
            kpi_columns,
            depends_on: self.initiatives(&depends_on),
            dependents: self.initiatives(self.publication.dependents_of(id)),
            external_dependencies: i.external_dependencies.clone(),
            parent: i.parent.as_ref().map(|p| self.link(p.page)),
            sub_initiatives: self.initiatives(self.publication.children_of(id)),
            milestones: i
                .milestones
                .iter()
                .map(|m| MilestoneView {
                    quarter: format::when(m.quarter, lang),
                    approximate: m.quarter.is_approximate(),
                    title: m.title.clone(),
                })
                .collect(),
        })
    }

    /// KPI number `k` of initiative `id`, with its unit after its figures;
    /// `prefix` the ids of its chart begin with.
    pub(crate) fn kpi(&self, kpi: &Kpi, at: (PageId, usize), prefix: &str) -> KpiView {
        let with_unit = |value: &Option<String>| {
            value.as_ref().map(|v| match &kpi.unit {
                Some(unit) => [v, " ", unit].concat(),
                None => v.clone(),
            })
        };
        KpiView {
            name: kpi.name.clone(),
            baseline: with_unit(&kpi.baseline),
            target: with_unit(&kpi.target),
            by: kpi.by.map(|b| format::when(b, self.config.language)),
            progress: self.progress(kpi, at, prefix),
        }
    }

    /// Every page of `kind` as a card; counts and budgets only for the
    /// pages the plan serves (directions).
    pub(crate) fn cards(&self, kind: KindId) -> Vec<DirectionView> {
        let publication = self.publication;
        let served = publication.served_kind() == Some(kind);
        publication
            .of_kind(kind)
            .map(|(id, page)| DirectionView {
                title: self.heading(id),
                url: (self.href)(page),
                summary: page.summary.clone(),
                initiatives: if served { publication.initiatives_of(id).len() } else { 0 },
                budget: (served && publication.plan.budget_of(id) != 0)
                    .then(|| self.money(publication.plan.budget_of(id))),
            })
            .collect()
    }

    /// An amount in the publication's currency and language.
    pub(crate) fn money(&self, cents: i64) -> String {
        format::money(cents, &self.config.currency, self.config.language)
    }
}
