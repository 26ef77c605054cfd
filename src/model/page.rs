//! One checked page and the action-plan facts an initiative carries.

use std::ops::Range;

use crate::calendar::When;
use crate::diagnostics::{SourceId, Span};
use crate::model::{Kind, PageId};

/// One validated page.
#[derive(Clone, Debug)]
pub struct Page {
    /// Its file.
    pub source: SourceId,
    /// Path relative to `content/` (`initiatives/soc.md`).
    pub path: String,
    /// What it is.
    pub kind: Kind,
    /// Its id: `id:`, else the file stem for typed kinds and the path
    /// without `.md` for plain pages (`om/kontakt`).
    pub id: String,
    /// Where the id comes from (the `id:` value or the frontmatter start).
    pub id_span: Span,
    /// Output path relative to the site root (`initiatives/soc.html`).
    pub url: String,
    /// Title.
    pub title: String,
    /// The number everyone cites (`1.4`), shown before the title.
    pub number: Option<String>,
    /// True when the title is the body's first `#` heading (plain pages
    /// without `title:`): the page shows that heading, not a second one.
    pub title_in_body: bool,
    /// One-sentence summary.
    pub summary: Option<String>,
    /// Sort key within its kind.
    pub order: Option<i64>,
    /// Kept out of the build unless `--drafts`.
    pub draft: bool,
    /// Markdown body: byte range into the source file.
    pub body: Range<usize>,
    /// Action-plan facts, for initiatives.
    pub initiative: Option<Initiative>,
    /// The data file of an analysis page.
    pub data: Option<DataFile>,
    /// What the text rests on.
    pub sources: Vec<Source>,
    /// Charts of the page's data file (analysis pages).
    pub charts: Vec<ChartSpec>,
}

impl Page {
    /// The title as readers cite it: `1.4 Fælles SOC` when numbered.
    #[must_use]
    pub fn heading(&self) -> String {
        match &self.number {
            Some(number) => format!("{number} {}", self.title),
            None => self.title.clone(),
        }
    }

    /// The opening `---` of the page: where problems of the file as a whole
    /// point. A plain page without frontmatter has its body from byte 0 and
    /// no `---`: there, the start of the file.
    #[must_use]
    pub fn file_span(&self) -> Span {
        let end = if self.body.start == 0 { 0 } else { 3 };
        Span::new(self.source, 0..end)
    }
}

/// A checked reference to another page, with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageRef {
    /// The page it names.
    pub page: PageId,
    /// Where.
    pub span: Span,
}

/// The action-plan facts of an initiative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Initiative {
    /// Directions it serves (at least one; a sub-initiative may take its parent's).
    pub directions: Vec<PageRef>,
    /// The initiative it is part of.
    pub parent: Option<PageRef>,
    /// Who is responsible: one or more (joint responsibility).
    pub owners: Vec<String>,
    /// Hand-overs: who is responsible from when, in order.
    pub handovers: Vec<Handover>,
    /// When it starts.
    pub start: Option<When>,
    /// When it ends.
    pub end: Option<When>,
    /// When it must be done at the latest.
    pub deadline: Option<When>,
    /// Life-cycle status.
    pub status: Status,
    /// Priority, if set.
    pub priority: Option<Priority>,
    /// Money set aside for it.
    pub budget: Option<Budget>,
    /// Indicators.
    pub kpis: Vec<Kpi>,
    /// Initiatives that must come first.
    pub depends_on: Vec<PageRef>,
    /// What it needs from outside the plan (national infrastructure, law).
    pub external_dependencies: Vec<String>,
    /// Dated steps.
    pub milestones: Vec<Milestone>,
    /// Where `status`, `start` and `end` are written, for the checks of the
    /// plan against its "now".
    pub spans: FactSpans,
}

/// Where an initiative's dated facts are written (the frontmatter's start
/// when a field is absent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactSpans {
    /// `status:`.
    pub status: Span,
    /// `start:`.
    pub start: Span,
    /// `end:`.
    pub end: Span,
}

impl Initiative {
    /// Everyone who is or will be responsible, in order of appearance.
    pub fn all_owners(&self) -> impl Iterator<Item = &str> {
        self.owners.iter().chain(self.handovers.iter().flat_map(|h| &h.owners)).map(String::as_str)
    }
}

/// A change of responsibility.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Handover {
    /// Who takes over.
    pub owners: Vec<String>,
    /// From when.
    pub from: When,
}

/// Money, in the currency set in `stratdoc.yaml`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Budget {
    /// The amount in hundredths (øre, cents), so sums are exact.
    pub cents: i64,
    /// Where the money comes from (`Finansloven 2018`).
    pub note: Option<String>,
    /// Where the amount is written.
    #[serde(skip)]
    pub at: Span,
}

/// Where an initiative is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not started.
    Planned,
    /// Under way.
    Active,
    /// Finished.
    Done,
    /// Stopped for now.
    Paused,
    /// Stopped for good.
    Cancelled,
}

impl Status {
    /// Every status, in life-cycle order, with its name in frontmatter.
    pub const ALL: [(&'static str, Status); 5] = [
        ("planned", Status::Planned),
        ("active", Status::Active),
        ("done", Status::Done),
        ("paused", Status::Paused),
        ("cancelled", Status::Cancelled),
    ];
}

/// How much an initiative matters relative to the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// First.
    High,
    /// Normal.
    Medium,
    /// When there is room.
    Low,
}

/// A key performance indicator: a figure with a baseline and a target, or a
/// qualitative goal (a target text alone).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Kpi {
    /// What is measured.
    pub name: String,
    /// The unit of baseline and target (`%`, `kommuner`).
    pub unit: Option<String>,
    /// Where we start.
    pub baseline: Option<String>,
    /// Where we aim.
    pub target: Option<String>,
    /// When the target is for.
    pub by: Option<When>,
}

/// A dated step of an initiative.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Milestone {
    /// When (a quarter, or a half year or year where the source gives one).
    pub quarter: When,
    /// What.
    pub title: String,
    /// Where its time is written.
    #[serde(skip)]
    pub at: Span,
}

/// A source the text rests on.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Source {
    /// Its title.
    pub title: String,
    /// Where to find it, if online.
    pub url: Option<String>,
}

/// A data file named by `data:`.
#[derive(Clone, Debug)]
pub struct DataFile {
    /// Path relative to `content/`.
    pub path: String,
    /// Where `data:` names it.
    pub span: Span,
}

/// A chart of an analysis page's data file, as `charts:` asks for it; the
/// `data` stage reads the figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartSpec {
    /// What a ```` ```chart ID ```` block in the text names it by.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The column whose values label the bars (default: the first).
    pub label: Option<(String, Span)>,
    /// The columns plotted (default: every numeric column but the label's).
    pub values: Vec<(String, Span)>,
    /// For data in long form (question, answer, count): the column whose
    /// values become the series.
    pub series: Option<(String, Span)>,
    /// Rows to keep: column = value, all of them.
    pub filter: Vec<(String, String, Span)>,
    /// What the figures count (`kommuner`, `%`): the axis label.
    pub unit: Option<String>,
    /// Where it is defined.
    pub span: Span,
}
