//! One checked page and the action-plan facts an initiative carries.

use std::ops::Range;

use crate::calendar::Quarter;
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
}

impl Page {
    /// The opening `---` of the page: where problems of the file as a whole point.
    #[must_use]
    pub fn file_span(&self) -> Span {
        Span::new(self.source, 0..3)
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
    /// Directions it serves (at least one).
    pub directions: Vec<PageRef>,
    /// Who is responsible.
    pub owner: String,
    /// First quarter.
    pub start: Option<Quarter>,
    /// Last quarter.
    pub end: Option<Quarter>,
    /// Life-cycle status.
    pub status: Status,
    /// Priority, if set.
    pub priority: Option<Priority>,
    /// Indicators.
    pub kpis: Vec<Kpi>,
    /// Initiatives that must come first.
    pub depends_on: Vec<PageRef>,
    /// Dated steps.
    pub milestones: Vec<Milestone>,
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

/// A key performance indicator.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Kpi {
    /// What is measured.
    pub name: String,
    /// Where we start.
    pub baseline: Option<String>,
    /// Where we aim.
    pub target: Option<String>,
}

/// A dated step of an initiative.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Milestone {
    /// When.
    pub quarter: Quarter,
    /// What.
    pub title: String,
}

/// A data file named by `data:`.
#[derive(Clone, Debug)]
pub struct DataFile {
    /// Path relative to `content/`.
    pub path: String,
    /// Where `data:` names it.
    pub span: Span,
}
