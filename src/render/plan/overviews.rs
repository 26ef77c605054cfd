//! The plan's overviews as data: the traceability matrix (directions ×
//! initiatives), initiatives by status and by owner, what happens in each
//! quarter, and every KPI. Built from the model's relations; every output
//! (the site's plan pages, the board edition) shows the same data.

use serde::Serialize;

use crate::calendar::{Quarter, When};
use crate::model::{PageId, Status};
use crate::render::format;
use crate::render::view::{InitiativeView, KpiView, Link, Views};

/// Beyond this many directions the matrix is no longer a grid (its cells
/// would grow with initiatives × directions, and no one reads a grid that
/// wide) but a list of each direction's initiatives, linear in the plan.
pub(crate) const GRID_DIRECTIONS: usize = 12;

/// Directions as columns, initiatives as rows (in tree order); with more
/// than [`GRID_DIRECTIONS`] directions, each direction with its initiatives.
/// The names keep the plan's words (`directions` for the columns,
/// `initiative` for a row's page) for the themes that read them; the
/// traceability of a project's own kinds fills them with its pages.
#[derive(Serialize)]
pub(crate) struct Matrix {
    pub(crate) grid: bool,
    pub(crate) directions: Vec<MatrixColumn>,
    /// The grid's rows (empty when it is not a grid).
    pub(crate) rows: Vec<MatrixRow>,
    #[serde(flatten)]
    pub(crate) words: MatrixWords,
}

/// What a matrix's table says besides its pages.
#[derive(Serialize)]
pub(crate) struct MatrixWords {
    /// The rows' heading (`Initiativ`).
    pub(crate) corner: String,
    /// What a mark says to a screen reader (`bidrager`).
    pub(crate) mark: String,
    /// The flag on a column no row names (`Ingen initiativer`), if any.
    pub(crate) empty: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct MatrixColumn {
    direction: Link,
    /// How many initiatives serve it; 0 is flagged on the page.
    initiatives: usize,
    /// Its initiatives, when the matrix is a list.
    list: Vec<Link>,
}

#[derive(Serialize)]
pub(crate) struct MatrixRow {
    initiative: Link,
    depth: usize,
    /// One per direction column: does it serve that direction?
    serves: Vec<bool>,
}

/// The initiatives of one status, with their count.
#[derive(Serialize)]
pub(crate) struct StatusGroup {
    status: Status,
    label: String,
    count: usize,
    initiatives: Vec<InitiativeView>,
}

/// One owner's initiatives; a note says when a hand-over limits their part.
#[derive(Serialize)]
pub(crate) struct OwnerGroup {
    owner: String,
    initiatives: Vec<OwnedInitiative>,
}

#[derive(Serialize)]
pub(crate) struct OwnedInitiative {
    #[serde(flatten)]
    initiative: InitiativeView,
    /// "fra 4. kvt. 2022" for a later owner, "til 3. kvt. 2022" for an
    /// earlier one; empty for an owner throughout.
    note: Option<String>,
}

/// What happens in one quarter of the plan.
#[derive(Serialize)]
pub(crate) struct QuarterRow {
    quarter: String,
    now: bool,
    starts: Vec<Link>,
    runs: Vec<Link>,
    ends: Vec<Link>,
    milestones: Vec<MilestoneEntry>,
}

#[derive(Serialize)]
pub(crate) struct MilestoneEntry {
    initiative: Link,
    title: String,
    approximate: bool,
}

/// A quarter in the front page's strip: how much runs, what falls due.
#[derive(Serialize)]
pub(crate) struct StripQuarter {
    quarter: String,
    now: bool,
    running: usize,
    milestones: usize,
}

/// The plan in figures, for the front page.
#[derive(Serialize)]
pub(crate) struct KeyFigures {
    directions: usize,
    initiatives: usize,
    /// Counts per status that any initiative has, in life-cycle order.
    statuses: Vec<(String, Status, usize)>,
    as_of: String,
}

/// One KPI with the initiative it measures.
#[derive(Serialize)]
pub(crate) struct KpiEntry {
    initiative: Link,
    #[serde(flatten)]
    kpi: KpiView,
}

impl Views<'_> {
    /// The traceability matrix: directions × initiatives.
    pub(crate) fn matrix(&self) -> Matrix {
        let publication = self.publication;
        let rows = publication.tree_order(publication.initiative_ids());
        let names = |id: PageId| -> Vec<PageId> {
            let initiative = publication.initiative(id);
            initiative.iter().flat_map(|i| i.directions.iter().map(|d| d.page)).collect()
        };
        let words = MatrixWords {
            corner: self.labels.initiative.clone(),
            mark: self.labels.serves.clone(),
            empty: Some(self.labels.no_initiatives_short.clone()),
        };
        self.grid(
            &rows,
            publication.direction_ids(),
            names,
            |d| publication.initiatives_of(d),
            words,
        )
    }

    /// A matrix of `rows` (pages with their depth) × `columns` (pages),
    /// marked where `names` of a row holds the column; `named_by` of a
    /// column lists its rows, for the list a matrix too wide for a grid is.
    pub(crate) fn grid<'p>(
        &self,
        rows: &[(PageId, usize)],
        columns: &[PageId],
        names: impl Fn(PageId) -> Vec<PageId>,
        named_by: impl Fn(PageId) -> &'p [PageId],
        words: MatrixWords,
    ) -> Matrix {
        let grid = columns.len() <= GRID_DIRECTIONS;
        let link_all = |ids: &[PageId]| ids.iter().map(|&i| self.link(i)).collect();
        let columns_out = columns
            .iter()
            .map(|&c| {
                let rows_of = named_by(c);
                MatrixColumn {
                    direction: self.link(c),
                    initiatives: rows_of.len(),
                    list: if grid { Vec::new() } else { link_all(rows_of) },
                }
            })
            .collect();
        let rows = if grid {
            let row = |&(id, depth): &(PageId, usize)| {
                let marked = names(id);
                MatrixRow {
                    initiative: self.link(id),
                    depth,
                    serves: columns.iter().map(|c| marked.contains(c)).collect(),
                }
            };
            rows.iter().map(row).collect()
        } else {
            Vec::new()
        };
        Matrix { grid, directions: columns_out, rows, words }
    }

    /// Every status in life-cycle order with its initiatives (empty ones too,
    /// so the counts add up to the plan).
    pub(crate) fn by_status(&self) -> Vec<StatusGroup> {
        let plan = &self.publication.plan;
        Status::ALL
            .iter()
            .map(|&(_, status)| {
                let ids =
                    plan.by_status().find(|(s, _)| *s == status).map_or(&[][..], |(_, ids)| ids);
                StatusGroup {
                    status,
                    label: self.publication.status_label(status, self.config.language).to_owned(),
                    count: ids.len(),
                    initiatives: self.initiatives(ids),
                }
            })
            .collect()
    }

    /// Owners in order with their initiatives; hand-overs noted.
    pub(crate) fn by_owner(&self) -> Vec<OwnerGroup> {
        let lang = self.config.language;
        self.publication
            .plan
            .by_owner()
            .map(|(owner, ids)| OwnerGroup {
                owner: owner.to_owned(),
                initiatives: ids
                    .iter()
                    .map(|&id| {
                        let i = self.publication.initiative(id);
                        let from = i.and_then(|i| {
                            i.handovers.iter().find(|h| h.owners.iter().any(|o| o == owner))
                        });
                        let until = i
                            .filter(|i| i.owners.iter().any(|o| o == owner))
                            .and_then(|i| i.handovers.first());
                        let note = match (from, until) {
                            (Some(h), _) => {
                                Some(format!("{} {}", self.labels.from, format::when(h.from, lang)))
                            }
                            (None, Some(h)) => Some(format!(
                                "{} {}",
                                self.labels.until,
                                format::when(h.from, lang)
                            )),
                            (None, None) => None,
                        };
                        OwnedInitiative { initiative: self.initiative(id), note }
                    })
                    .collect(),
            })
            .collect()
    }

    /// Each quarter of `quarters`: what starts, runs, ends and falls due.
    pub(crate) fn by_quarter(&self, quarters: &[Quarter], as_of: Quarter) -> Vec<QuarterRow> {
        let publication = self.publication;
        let initiatives = publication.initiative_ids();
        quarters
            .iter()
            .map(|&q| {
                let plan = publication.plan.by_quarter().find(|(k, _)| *k == q).map(|(_, p)| p);
                let links = |ids: &[PageId]| ids.iter().map(|&id| self.link(id)).collect();
                let runs = initiatives
                    .iter()
                    .copied()
                    .filter(|&id| {
                        publication.initiative(id).is_some_and(|i| {
                            let start = i.start.map(When::first);
                            let end = i.end.map(When::last);
                            start.is_some_and(|s| s < q) && end.is_some_and(|e| e > q)
                        })
                    })
                    .map(|id| self.link(id))
                    .collect();
                QuarterRow {
                    quarter: format::quarter(q, self.config.language),
                    now: q == as_of,
                    starts: plan.map_or_else(Vec::new, |p| links(&p.starts)),
                    runs,
                    ends: plan.map_or_else(Vec::new, |p| links(&p.ends)),
                    milestones: plan.map_or_else(Vec::new, |p| {
                        p.milestones
                            .iter()
                            .filter_map(|&(id, k)| {
                                let m = publication.initiative(id)?.milestones.get(k)?;
                                Some(MilestoneEntry {
                                    initiative: self.link(id),
                                    title: m.title.clone(),
                                    approximate: m.quarter.is_approximate(),
                                })
                            })
                            .collect()
                    }),
                }
            })
            .collect()
    }

    /// Each quarter of `quarters` with how many initiatives run in it and how
    /// many milestones fall due: the plan at a glance.
    pub(crate) fn strip(&self, quarters: &[Quarter], as_of: Quarter) -> Vec<StripQuarter> {
        let publication = self.publication;
        let spans: Vec<(Quarter, Quarter)> = publication
            .initiatives()
            .filter_map(|(_, i)| {
                let start = i.start.or(i.end)?.first();
                let end = i.end.or(i.start)?.last();
                Some((start, end))
            })
            .collect();
        quarters
            .iter()
            .map(|&q| StripQuarter {
                quarter: format::quarter(q, self.config.language),
                now: q == as_of,
                running: spans.iter().filter(|(s, e)| *s <= q && q <= *e).count(),
                milestones: publication
                    .plan
                    .by_quarter()
                    .find(|(k, _)| *k == q)
                    .map_or(0, |(_, p)| p.milestones.len()),
            })
            .collect()
    }

    /// The plan in figures.
    pub(crate) fn key_figures(&self, as_of: Quarter) -> KeyFigures {
        KeyFigures {
            directions: self.publication.direction_ids().len(),
            initiatives: self.publication.initiative_ids().len(),
            statuses: self
                .publication
                .plan
                .by_status()
                .map(|(status, ids)| {
                    let label = self.publication.status_label(status, self.config.language);
                    (label.to_owned(), status, ids.len())
                })
                .collect(),
            as_of: format::quarter(as_of, self.config.language),
        }
    }

    /// Every KPI of every initiative, in reading order.
    pub(crate) fn kpis(&self) -> Vec<KpiEntry> {
        self.publication
            .initiatives()
            .flat_map(|(id, i)| {
                i.kpis.iter().enumerate().map(move |(k, kpi)| KpiEntry {
                    initiative: self.link(id),
                    kpi: self.kpi(kpi, (id, k), "kpis"),
                })
            })
            .collect()
    }
}
