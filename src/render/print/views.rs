//! What the edition's templates see of each element: a part, a chapter, an
//! initiative's section, with the body of its page and the plan views.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use crate::model::{PageId, Publication, Source};
use crate::render::Input;
use crate::render::plan::overviews::{KpiEntry, Matrix};
use crate::render::plan::{roadmap, svg};
use crate::render::print::structure::{ChapterKind, Outline};
use crate::render::print::{Edition, ids};
use crate::render::view::{BoardView, Facts, FieldView, InitiativeView, Views};

/// The id prefix of the roadmap's drawing in the edition.
const ROADMAP_ID: &str = "print-roadmap";

/// A page's own content in the edition.
#[derive(Serialize)]
pub(super) struct Body<'a> {
    /// The page's summary, its words hyphenated as the body's are.
    pub(super) summary: Option<Cow<'a, str>>,
    pub(super) html: &'a str,
    pub(super) sources: &'a [Source],
    /// The name of an analysis page's data file (not carried by the edition).
    pub(super) data: Option<&'a str>,
    /// An analysis page's charts its text does not place, each with its table.
    pub(super) charts: Vec<String>,
    /// Its declared fields that its kind's roles do not show (its facts box).
    pub(super) fields: Vec<FieldView>,
}

#[derive(Serialize)]
pub(super) struct PartView<'a> {
    kind: &'a str,
    number: &'a str,
    title: &'a str,
    anchor: &'a str,
    appendix: bool,
    body: Option<Body<'a>>,
}

#[derive(Serialize)]
pub(super) struct ChapterView<'a> {
    /// `page`, `board`, `roadmap`, `plan_table`, `initiatives`, `matrix` or `kpis`.
    kind: &'static str,
    /// The page's kind (its id), for a page.
    page_kind: Option<&'a str>,
    number: &'a str,
    title: &'a str,
    anchor: &'a str,
    body: Option<Body<'a>>,
    also: Vec<Reference>,
    budget: Option<String>,
    /// The roadmap's pictures, a landscape page each.
    roadmaps: Vec<String>,
    rows: Vec<Row>,
    budget_total: Option<String>,
    matrix: Option<Matrix>,
    kpis: Vec<KpiEntry>,
    board: Option<BoardView>,
}

/// An initiative as a compact section.
#[derive(Serialize)]
pub(super) struct SectionView<'a> {
    number: &'a str,
    title: &'a str,
    anchor: &'a str,
    depth: usize,
    /// Its heading level: 3 under a chapter, one deeper per level of
    /// nesting, never past 6.
    level: u8,
    body: Body<'a>,
    facts: Option<Facts>,
}

/// A pointer to an initiative printed elsewhere.
#[derive(Serialize)]
struct Reference {
    number: String,
    title: String,
    anchor: String,
}

/// A row of the plan's table: the initiative and its section number.
#[derive(Serialize)]
struct Row {
    #[serde(flatten)]
    initiative: InitiativeView,
    section: Option<String>,
}

/// The heading level of an initiative's section at `depth`.
pub(super) fn section_level(depth: usize) -> u8 {
    u8::try_from(3 + depth).unwrap_or(6).min(6)
}

/// The number of every printed chapter's page and initiative's section,
/// as the edition cites them.
pub(super) fn cited_numbers(outline: &Outline) -> HashMap<PageId, String> {
    let chapters = outline.parts.iter().flat_map(|p| &p.chapters);
    let pages = chapters.clone().filter_map(|c| match c.content {
        ChapterKind::Page(id) => Some((id, c.number.clone())),
        _ => None,
    });
    let sections = chapters.flat_map(|c| &c.sections).map(|s| (s.page, s.number.clone()));
    pages.chain(sections).collect()
}

/// Whether the plan has a roadmap to draw.
pub(super) fn has_roadmap(input: &Input<'_>) -> bool {
    let period = input.config.period.map(|p| (p.start, p.end));
    roadmap::layout(input.publication, period, input.as_of).is_some()
}

/// Whether any initiative has a KPI.
pub(super) fn has_kpis(publication: &Publication) -> bool {
    publication.initiatives().any(|(_, i)| !i.kpis.is_empty())
}

/// The tallest roadmap picture on a landscape page, in the drawing's units
/// (px): 140 mm of the page's height, where its width (at most 960 units
/// over 255 mm) draws the names at 13 units, about 9.5 pt.
const ROADMAP_PAGE_HEIGHT: usize = 520;

/// The roadmap as the site draws it, without its links (the table of the
/// initiatives beside it has them), in as many pictures as it takes pages.
pub(super) fn roadmap(input: &Input<'_>, views: &Views<'_>) -> Vec<String> {
    let period = input.config.period.map(|p| (p.start, p.end));
    let Some(layout) = roadmap::layout(input.publication, period, input.as_of) else {
        return Vec::new();
    };
    let href = |id: PageId| ids::href(&input.publication[id]);
    let heading = |id: PageId| views.heading(id);
    let drawing = svg::Drawing {
        publication: input.publication,
        labels: views.labels,
        heading: &heading,
        language: input.config.language,
        href: &href,
        id: ROADMAP_ID,
        table: "plan-table",
        changes: input.changes,
    };
    svg::draw_in_parts(layout, &drawing, ROADMAP_PAGE_HEIGHT)
}

impl Edition<'_> {
    /// Part `p` as its template sees it.
    pub(super) fn part<'b>(&'b self, p: usize, body: Option<Body<'b>>) -> PartView<'b> {
        let part = &self.outline.parts[p];
        PartView {
            kind: &part.kind,
            number: &part.number,
            title: &part.title,
            anchor: &part.anchor,
            appendix: part.appendix,
            body,
        }
    }

    /// Chapter `c` of part `p` as its template sees it.
    pub(super) fn chapter<'b>(
        &'b self,
        p: usize,
        c: usize,
        body: Option<Body<'b>>,
    ) -> ChapterView<'b> {
        let publication = self.input.publication;
        let chapter = &self.outline.parts[p].chapters[c];
        let page = match chapter.content {
            ChapterKind::Page(id) => Some(id),
            _ => None,
        };
        let rows = if chapter.content == ChapterKind::PlanTable { self.rows() } else { Vec::new() };
        let (total, budgeted) = publication.plan.total_budget();
        ChapterView {
            kind: match chapter.content {
                ChapterKind::Page(_) => "page",
                ChapterKind::Roadmap => "roadmap",
                ChapterKind::PlanTable => "plan_table",
                ChapterKind::Initiatives => "initiatives",
                ChapterKind::Matrix => "matrix",
                ChapterKind::Kpis => "kpis",
                ChapterKind::Board => "board",
            },
            page_kind: page.map(|id| publication.schema.kind(publication[id].kind).id.as_str()),
            number: &chapter.number,
            title: &chapter.title,
            anchor: &chapter.anchor,
            body,
            also: chapter
                .also
                .iter()
                .map(|&id| Reference {
                    number: self.views.numbers.get(&id).cloned().unwrap_or_default(),
                    title: publication[id].title.clone(),
                    anchor: ids::anchor(&publication[id]),
                })
                .collect(),
            budget: page
                .map(|id| publication.plan.budget_of(id))
                .filter(|&b| b != 0)
                .map(|b| self.views.money(b)),
            roadmaps: if chapter.content == ChapterKind::Roadmap {
                roadmap(self.input, &self.views)
            } else {
                Vec::new()
            },
            rows,
            budget_total: (chapter.content == ChapterKind::PlanTable && budgeted > 0)
                .then(|| self.views.money(total)),
            matrix: (chapter.content == ChapterKind::Matrix).then(|| self.views.matrix()),
            kpis: if chapter.content == ChapterKind::Kpis { self.views.kpis() } else { Vec::new() },
            board: (chapter.content == ChapterKind::Board).then(|| self.views.board()).flatten(),
        }
    }

    /// Section `s` of chapter `c` of part `p` as its template sees it.
    pub(super) fn section<'b>(
        &'b self,
        p: usize,
        c: usize,
        s: usize,
        body: Body<'b>,
    ) -> SectionView<'b> {
        let section = &self.outline.parts[p].chapters[c].sections[s];
        SectionView {
            number: &section.number,
            title: &section.title,
            anchor: &section.anchor,
            depth: section.depth,
            level: section_level(section.depth),
            body,
            facts: self.views.facts(section.page),
        }
    }

    /// Every initiative in tree order, with its section number.
    fn rows(&self) -> Vec<Row> {
        let publication = self.input.publication;
        publication
            .tree_order(publication.initiative_ids())
            .into_iter()
            .map(|(id, _)| Row {
                initiative: self.views.initiative(id),
                section: self.views.numbers.get(&id).cloned(),
            })
            .collect()
    }
}
