//! Progress and health as the outputs show them: a KPI's actuals against
//! its trajectory (a chart and its table), and the summary for the board
//! that opens the action plan: how many initiatives are on track, at risk
//! and off track, those at risk and off track with their notes, and the
//! KPIs behind their trajectory (see `model::progress` for "behind").

use std::fmt::Write as _;

use serde::Serialize;

use crate::calendar::Quarter;
use crate::model::progress::{self, Trajectory};
use crate::model::{Health, Initiative, Kpi, PageId};
use crate::render::format;
use crate::render::plan::chart::number;
use crate::render::plan::progress::{Progress, draw};
use crate::render::view::{Link, Views};

/// A KPI's actuals: the chart, and the same figures in a table.
#[derive(Serialize)]
pub(crate) struct ProgressView {
    /// The chart (`None` never reaches a template: no actuals, no view).
    chart: String,
    rows: Vec<ActualRow>,
    /// Whether the latest actual up to now is behind the trajectory.
    behind: bool,
    /// Whether the table has an "expected" column.
    expected: bool,
}

#[derive(Serialize)]
struct ActualRow {
    quarter: String,
    actual: String,
    expected: Option<String>,
}

/// The summary for the board.
#[derive(Serialize)]
pub(crate) struct BoardView {
    counts: Vec<HealthCount>,
    /// Initiatives with no `health:`.
    unreported: usize,
    /// Off track, then at risk, each in reading order.
    exceptions: Vec<Exception>,
    behind: Vec<Behind>,
}

#[derive(Serialize)]
struct HealthCount {
    health: Health,
    label: String,
    symbol: String,
    count: usize,
}

#[derive(Serialize)]
struct Exception {
    initiative: Link,
    health: Health,
    label: String,
    symbol: String,
    note: Option<String>,
    owner: String,
}

#[derive(Serialize)]
struct Behind {
    initiative: Link,
    kpi: String,
    quarter: String,
    actual: String,
    expected: String,
    target: Option<String>,
}

impl Views<'_> {
    /// The actuals of `kpi` (number `k` of initiative `id`), if it has any;
    /// `prefix` keeps the ids of its chart unique where the same KPI is
    /// shown twice in one document (its initiative, the KPI overview).
    pub(crate) fn progress(
        &self,
        kpi: &Kpi,
        (id, k): (PageId, usize),
        prefix: &str,
    ) -> Option<ProgressView> {
        let i = self.publication.initiative(id)?;
        let actual: Vec<(Quarter, f64)> =
            kpi.actual.iter().filter_map(|a| Some((a.quarter, a.value.parse().ok()?))).collect();
        let line = self.trajectory(kpi, i);
        let language = self.config.language;
        let rows = actual
            .iter()
            .map(|(q, v)| ActualRow {
                quarter: format::quarter(*q, language),
                actual: self.figure(*v, kpi),
                expected: line.map(|l| self.figure(l.at(*q), kpi)),
            })
            .collect();
        let behind = self.behind(kpi, i).is_some();
        let id = format!("{prefix}-{}-{}", self.publication[id].id, k + 1);
        let description = self.describe(kpi, line, behind);
        let legend = (self.labels.kpi_trajectory.as_str(), self.labels.kpi_actual.as_str());
        let decimal = self.decimal();
        let drawing = Progress {
            id: &id,
            title: &kpi.name,
            description: &description,
            line,
            actual: &actual,
            legend,
            decimal,
            language,
        };
        Some(ProgressView { chart: draw(&drawing)?, rows, behind, expected: line.is_some() })
    }

    /// The summary for the board, when an initiative has a health or a KPI
    /// an actual.
    pub(crate) fn board(&self) -> Option<BoardView> {
        let publication = self.publication;
        let language = self.config.language;
        let healths: Vec<(PageId, Option<Health>)> =
            publication.initiatives().map(|(id, _)| (id, publication.health(id))).collect();
        let measured =
            publication.initiatives().any(|(_, i)| i.kpis.iter().any(|k| !k.actual.is_empty()));
        if !measured && healths.iter().all(|(_, h)| h.is_none()) {
            return None;
        }
        let counts = Health::ALL
            .iter()
            .map(|&health| {
                let (label, symbol) = publication.health_label(health, language);
                let count = healths.iter().filter(|(_, h)| *h == Some(health)).count();
                HealthCount { health, label: label.to_owned(), symbol: symbol.to_owned(), count }
            })
            .collect();
        let exceptions: Vec<Exception> = [Health::OffTrack, Health::AtRisk]
            .iter()
            .flat_map(|&health| healths.iter().filter(move |(_, h)| *h == Some(health)))
            .filter_map(|&(id, health)| self.exception(id, health?))
            .collect();
        let behind = publication
            .initiatives()
            .flat_map(|(id, i)| i.kpis.iter().filter_map(move |k| self.behind_entry(id, i, k)))
            .collect();
        Some(BoardView {
            counts,
            unreported: healths.iter().filter(|(_, h)| h.is_none()).count(),
            exceptions,
            behind,
        })
    }

    fn exception(&self, id: PageId, health: Health) -> Option<Exception> {
        let i = self.publication.initiative(id)?;
        let (label, symbol) = self.publication.health_label(health, self.config.language);
        Some(Exception {
            initiative: self.link(id),
            health,
            label: label.to_owned(),
            symbol: symbol.to_owned(),
            note: self.publication.health_note(id).map(str::to_owned),
            owner: format::join_names(&i.owners, self.config.language),
        })
    }

    fn behind_entry(&self, id: PageId, i: &Initiative, kpi: &Kpi) -> Option<Behind> {
        let (quarter, actual, expected) = self.behind(kpi, i)?;
        Some(Behind {
            initiative: self.link(id),
            kpi: kpi.name.clone(),
            quarter: format::quarter(quarter, self.config.language),
            actual: self.figure(actual, kpi),
            expected: self.figure(expected, kpi),
            target: kpi.target.clone(),
        })
    }

    /// The latest actual of `kpi` up to now, with its quarter and where the
    /// trajectory is then, when it is behind.
    fn behind(&self, kpi: &Kpi, i: &Initiative) -> Option<(Quarter, f64, f64)> {
        let line = self.trajectory(kpi, i)?;
        let (actual, value) = progress::latest(kpi, self.as_of)?;
        line.is_behind(actual.quarter, value)
            .then(|| (actual.quarter, value, line.at(actual.quarter)))
    }

    fn trajectory(&self, kpi: &Kpi, i: &Initiative) -> Option<Trajectory> {
        let period = progress::period(kpi, i, self.config.period);
        Trajectory::of(kpi, period, self.config.language)
    }

    /// What the chart of `kpi` shows, in a sentence or two.
    fn describe(&self, kpi: &Kpi, line: Option<Trajectory>, behind: bool) -> String {
        let t = self.labels;
        let language = self.config.language;
        let Some((actual, value)) = progress::latest(kpi, self.as_of) else {
            return kpi.name.clone();
        };
        let quarter = format::quarter(actual.quarter, language);
        let mut text =
            format!("{}: {} {} ({quarter})", kpi.name, t.kpi_actual, self.figure(value, kpi));
        if let Some(line) = line {
            let expected = self.figure(line.at(actual.quarter), kpi);
            let verdict = if behind { &t.kpi_behind } else { &t.kpi_on_course };
            let _ = write!(text, "; {} {expected}. {verdict}.", t.kpi_expected.to_lowercase());
        } else {
            text.push('.');
        }
        text
    }

    /// `value` as the language writes it, with the KPI's unit.
    fn figure(&self, value: f64, kpi: &Kpi) -> String {
        Self::with_unit(&number((value * 100.0).round() / 100.0, self.decimal()), kpi)
    }

    fn with_unit(value: &str, kpi: &Kpi) -> String {
        let written =
            kpi.target.as_deref().or(kpi.baseline.as_deref()).and_then(progress::written_unit);
        match kpi.unit.as_deref().or(written) {
            Some(unit) => format!("{value} {unit}"),
            None => value.to_owned(),
        }
    }

    fn decimal(&self) -> char {
        match self.config.language {
            crate::config::Language::Da => ',',
            crate::config::Language::En => '.',
        }
    }
}
