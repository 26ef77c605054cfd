//! Stage 3, VALIDATE: from parsed frontmatter to the typed [`Publication`].
//! Later stages only ever see checked data: every page has a kind, an id, a
//! URL and valid fields; every reference points at a page that exists.

mod check;
mod page;

use std::collections::HashMap;
use std::ops::Range;

pub use check::THEME_DIR;
pub use page::{asset_url, join_relative, url_of};

pub use crate::calendar::Quarter;
use crate::config::Config;
use crate::diagnostics::{Diagnostics, SourceId, Span};
pub use crate::fields::Ref;
use crate::frontmatter::Frontmatter;
use crate::source::Asset;

/// What a page is; decided by its top folder under `content/` or by `kind:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// `content/purpose.md`: the purpose statement, shown on the front page.
    Purpose,
    /// `content/narrative/`: a chapter of the core narrative.
    Narrative,
    /// `content/directions/`: a strategic direction.
    Direction,
    /// `content/initiatives/`: an initiative of the action plan.
    Initiative,
    /// `content/analysis/`: part of the environment analysis.
    Analysis,
    /// Anything else.
    Page,
}

impl Kind {
    /// The names accepted by `kind:`.
    pub const NAMES: [(&'static str, Kind); 6] = [
        ("purpose", Kind::Purpose),
        ("narrative", Kind::Narrative),
        ("direction", Kind::Direction),
        ("initiative", Kind::Initiative),
        ("analysis", Kind::Analysis),
        ("page", Kind::Page),
    ];

    /// The kind implied by a path relative to `content/`.
    #[must_use]
    pub fn from_path(rel: &str) -> Kind {
        match rel.split_once('/') {
            None if rel == "purpose.md" => Kind::Purpose,
            Some(("narrative", _)) => Kind::Narrative,
            Some(("directions", _)) => Kind::Direction,
            Some(("initiatives", _)) => Kind::Initiative,
            Some(("analysis", _)) => Kind::Analysis,
            _ => Kind::Page,
        }
    }

    /// Position in reading order: purpose, narrative, directions, initiatives, analysis, pages.
    #[must_use]
    pub fn rank(self) -> usize {
        Kind::NAMES.iter().position(|(_, k)| *k == self).unwrap_or(Kind::NAMES.len())
    }

    /// The folder of the kind's overview page (`directions`), if it has one.
    #[must_use]
    pub fn section(self) -> Option<&'static str> {
        match self {
            Kind::Narrative => Some("narrative"),
            Kind::Direction => Some("directions"),
            Kind::Initiative => Some("initiatives"),
            Kind::Analysis => Some("analysis"),
            Kind::Purpose | Kind::Page => None,
        }
    }

    /// The URL of the kind's overview page (`directions/index.html`), if it has one.
    #[must_use]
    pub fn overview_url(self) -> Option<String> {
        self.section().map(|section| format!("{section}/index.html"))
    }
}

/// Where an initiative is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
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

/// The action-plan facts of an initiative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Initiative {
    /// Directions it serves (at least one).
    pub directions: Vec<Ref>,
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
    pub depends_on: Vec<Ref>,
    /// Dated steps.
    pub milestones: Vec<Milestone>,
}

/// One validated page.
#[derive(Clone, Debug)]
pub struct Page {
    /// Its file.
    pub source: SourceId,
    /// Path relative to `content/` (`initiatives/soc.md`).
    pub path: String,
    /// What it is.
    pub kind: Kind,
    /// Its id: `id:` or the file stem.
    pub id: String,
    /// Where the id comes from (the `id:` value or the frontmatter start).
    pub id_span: Span,
    /// Output path relative to the site root (`initiatives/soc.html`).
    pub url: String,
    /// Title.
    pub title: String,
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

/// A data file named by `data:`.
#[derive(Clone, Debug)]
pub struct DataFile {
    /// Path relative to `content/`.
    pub path: String,
    /// Where `data:` names it.
    pub span: Span,
}

/// The whole checked strategy: the input of every later stage.
#[derive(Debug)]
pub struct Publication {
    /// Pages in reading order: purpose, narrative, directions, initiatives, analysis, other pages.
    pub pages: Vec<Page>,
    /// Files copied as they are.
    pub assets: Vec<Asset>,
    /// Pages not in this build: drafts, and pages whose frontmatter could not
    /// be read (already reported; references to them are not reported again).
    pub left_out: Vec<LeftOut>,
    /// Where each kind's pages are in `pages` (they are sorted by kind), by [`Kind::rank`].
    ranges: [Range<usize>; 6],
    /// Page index by kind and id.
    ids: HashMap<(Kind, String), usize>,
}

/// A page that is not part of the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// Path relative to `content/`.
    pub path: String,
    /// Its kind.
    pub kind: Kind,
    /// Its id (the file stem when the frontmatter could not be read).
    pub id: String,
    /// True for drafts; false for pages with unreadable frontmatter.
    pub draft: bool,
}

impl Publication {
    /// The left-out page a reference or link names, if any.
    #[must_use]
    pub fn left_out(&self, kind: Option<Kind>, id_or_path: &str) -> Option<&LeftOut> {
        self.left_out.iter().find(|l| match kind {
            Some(kind) => l.kind == kind && l.id == id_or_path,
            None => l.path == id_or_path,
        })
    }
}

impl Page {
    /// The opening `---` of the page: where problems of the file as a whole point.
    #[must_use]
    pub fn file_span(&self) -> Span {
        Span::new(self.source, 0..3)
    }
}

impl Publication {
    /// Pages of one kind, in order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = (usize, &Page)> {
        let range = self.ranges[kind.rank()].clone();
        self.pages[range.clone()].iter().enumerate().map(move |(k, p)| (range.start + k, p))
    }

    /// Index of the page with `kind` and `id`.
    #[must_use]
    pub fn find(&self, kind: Kind, id: &str) -> Option<usize> {
        self.ids.get(&(kind, id.to_owned())).copied()
    }

    /// Builds the kind ranges and id index; `pages` must be sorted by kind.
    fn index(&mut self) {
        let mut start = 0;
        for (rank, range) in self.ranges.iter_mut().enumerate() {
            let len = self.pages[start..].iter().take_while(|p| p.kind.rank() == rank).count();
            *range = start..start + len;
            start += len;
        }
        debug_assert_eq!(start, self.pages.len(), "pages are sorted by kind");
        for (i, page) in self.pages.iter().enumerate() {
            self.ids.entry((page.kind, page.id.clone())).or_insert(i);
        }
    }
}

/// Input to [`validate`]: one parsed Markdown file.
#[derive(Debug)]
pub struct Parsed {
    /// Its file.
    pub source: SourceId,
    /// Path relative to `content/`.
    pub path: String,
    /// Its frontmatter; `None` when it could not be read (already reported).
    pub frontmatter: Option<Frontmatter>,
}

/// Checks every page and the references between them. Drafts are dropped
/// unless `drafts` is set. Pages with errors are left out of the result; the
/// errors are in `diags`.
pub fn validate(
    parsed: &[Parsed],
    assets: Vec<Asset>,
    config: &Config,
    drafts: bool,
    diags: &mut Diagnostics,
) -> Publication {
    let mut left_out: Vec<LeftOut> = parsed
        .iter()
        .filter(|p| p.frontmatter.is_none())
        .map(|p| {
            let stem = page::stem(&p.path);
            LeftOut {
                path: p.path.clone(),
                kind: Kind::from_path(&p.path),
                id: stem.to_owned(),
                draft: false,
            }
        })
        .collect();
    let (pages, drafts_out): (Vec<Page>, Vec<Page>) = parsed
        .iter()
        .filter_map(|p| page::read(p, config, diags))
        .partition(|p| drafts || !p.draft);
    left_out.extend(drafts_out.into_iter().map(|p| LeftOut {
        path: p.path,
        kind: p.kind,
        id: p.id,
        draft: true,
    }));
    let mut publication =
        Publication { pages, assets, left_out, ranges: Default::default(), ids: HashMap::new() };
    check::all(&mut publication, diags);
    publication.index();
    publication
}

#[cfg(test)]
mod tests;
