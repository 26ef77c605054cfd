//! The outline of the board edition: which parts it has (from `print:`),
//! what each holds, and the number and anchor of every part, chapter and
//! initiative section. Pure: it decides the shape; `mod.rs` fills it in.
//!
//! Parts are numbered 1, 2, 3 …, appendices A, B, C …; chapters `2.1`,
//! initiatives under their direction `3.1.2`. A page's own `number:` (the
//! number everyone cites) wins over the counted one. Each initiative is
//! printed once, under its first direction that is printed; the other
//! directions it serves point to it.

use std::collections::HashSet;

use crate::config::{Language, Print, PrintPart};
use crate::model::{KindId, PageId, Publication};
use crate::render::labels::Labels;
use crate::render::print::ids;
use crate::schema::Role;

pub(crate) use entries::check;

/// The board edition's parts in order.
#[derive(Debug)]
pub(crate) struct Outline {
    pub(crate) parts: Vec<Part>,
}

/// A part: a page of its own (the purpose, a plain page) or a section of
/// the strategy with its chapters.
#[derive(Debug)]
pub(crate) struct Part {
    /// What the template tells it by: the kind's part name (`directions`,
    /// `action_plan`), or `page` for a plain page printed on its own.
    pub(crate) kind: String,
    /// `1`, `2` … or `A`, `B` … for appendices.
    pub(crate) number: String,
    pub(crate) title: String,
    pub(crate) anchor: String,
    pub(crate) appendix: bool,
    /// The page whose body is the part's own text (purpose, a plain page).
    pub(crate) page: Option<PageId>,
    pub(crate) chapters: Vec<Chapter>,
}

/// A chapter: a page, or one of the action plan's views.
#[derive(Debug)]
pub(crate) struct Chapter {
    pub(crate) content: ChapterKind,
    pub(crate) number: String,
    pub(crate) title: String,
    pub(crate) anchor: String,
    /// Initiatives printed in this chapter, in tree order.
    pub(crate) sections: Vec<Section>,
    /// Initiatives that serve this direction but are printed under another.
    pub(crate) also: Vec<PageId>,
}

/// What a chapter shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ChapterKind {
    /// A content page (a narrative chapter, a direction, an analysis page, …).
    Page(#[serde(skip)] PageId),
    /// The roadmap, on its own landscape page.
    Roadmap,
    /// Every initiative in one table.
    PlanTable,
    /// Initiatives no printed direction holds (when `directions` is left out).
    Initiatives,
    /// The traceability matrix (a plan view; present when the plan views give one).
    Matrix,
    /// The KPI table (a plan view; present when the plan views give one).
    Kpis,
    /// The summary for the board: health and KPIs behind their trajectory.
    Board,
}

/// An initiative printed as a compact section with its facts.
#[derive(Debug)]
pub(crate) struct Section {
    pub(crate) page: PageId,
    pub(crate) number: String,
    pub(crate) title: String,
    pub(crate) anchor: String,
    /// 0 for an initiative, 1 for a sub-initiative under it, …
    pub(crate) depth: usize,
}

/// Which of the plan views exist, so the action plan gets a chapter for
/// each: the roadmap, the traceability matrix, the KPI table.
// Each flag is one chapter, there or not, independent of the others.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PlanViews {
    pub(crate) roadmap: bool,
    pub(crate) matrix: bool,
    pub(crate) kpis: bool,
    /// The summary for the board (health, KPIs behind), which opens it.
    pub(crate) board: bool,
}

/// One line of the table of contents.
#[derive(Debug, PartialEq, Eq, serde::Serialize)]
pub(crate) struct TocEntry {
    /// 1 part, 2 chapter, 3 initiative.
    pub(crate) level: u8,
    pub(crate) number: String,
    pub(crate) title: String,
    pub(crate) anchor: String,
}

/// The letter(s) of appendix `index` (0 → `A`, 25 → `Z`, 26 → `AA`).
#[must_use]
pub(crate) fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let digit = u8::try_from((n - 1) % 26).expect("below 26");
        out.push(char::from(b'A' + digit));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The outline of `publication` as `print` orders it.
pub(crate) fn outline(
    publication: &Publication,
    print: &Print,
    labels: &Labels,
    language: Language,
    views: PlanViews,
) -> Outline {
    let plain = publication.schema.with_role(Role::Plain);
    let named: HashSet<PageId> = print
        .parts
        .iter()
        .chain(&print.appendix)
        .filter_map(|part| match part {
            PrintPart::Page(entry) => entries::find(publication, plain?, &entry.id),
            PrintPart::Kind(_) => None,
        })
        .collect();
    let claimed = named.iter().flat_map(|&id| descendants(publication, id, &named)).collect();
    let directions_printed = publication.served_kind().is_some_and(|served| {
        print.parts.iter().chain(&print.appendix).any(|p| *p == PrintPart::Kind(served))
    });
    let builder =
        Builder { publication, labels, language, named, claimed, directions_printed, views };
    let mut parts = Vec::new();
    for (list, appendix) in [(&print.parts, false), (&print.appendix, true)] {
        let mut count = 0;
        for entry in list {
            let number = if appendix { letter(count) } else { (count + 1).to_string() };
            if let Some(part) = builder.part(entry, &number, appendix) {
                parts.push(part);
                count += 1;
            }
        }
    }
    Outline { parts }
}

struct Builder<'a> {
    publication: &'a Publication,
    labels: &'a Labels,
    language: Language,
    /// Plain pages `print:` names on their own (left out of `pages`).
    named: HashSet<PageId>,
    /// The pages of the sections `print:` names, printed in their part
    /// (left out of `pages` too).
    claimed: HashSet<PageId>,
    /// Whether initiatives are printed under their directions.
    directions_printed: bool,
    views: PlanViews,
}

impl Builder<'_> {
    /// The part `entry` names, numbered `number`; `None` when it would be empty.
    fn part(&self, entry: &PrintPart, number: &str, appendix: bool) -> Option<Part> {
        let publication = self.publication;
        let own_page = |kind: &str, id: PageId| {
            let page = &publication[id];
            let number = page.number.clone().unwrap_or_else(|| number.to_owned());
            // A section's page brings its section's pages as chapters.
            let chapters = self.folders(&descendants(publication, id, &self.named), &number);
            Some(Part {
                kind: kind.to_owned(),
                number,
                title: page.title.clone(),
                anchor: ids::anchor(page),
                appendix,
                page: Some(id),
                chapters,
            })
        };
        let kind = match entry {
            PrintPart::Page(entry) => {
                let plain = publication.schema.with_role(Role::Plain)?;
                return own_page("page", entries::find(publication, plain, &entry.id)?);
            }
            PrintPart::Kind(kind) => *kind,
        };
        let declared = publication.schema.kind(kind);
        if declared.has(Role::Front) {
            return own_page(&declared.part, *publication.ids_of(kind).first()?);
        }
        let chapters = if declared.has(Role::Served) {
            self.directions(kind, number)
        } else if declared.has(Role::Plan) {
            self.action_plan(number)
        } else if declared.has(Role::Plain) {
            let ids: Vec<PageId> = publication
                .ids_of(kind)
                .iter()
                .copied()
                .filter(|id| !self.named.contains(id) && !self.claimed.contains(id))
                .collect();
            self.folders(&ids, number)
        } else {
            self.pages(publication.ids_of(kind), number)
        };
        (!chapters.is_empty()).then(|| Part {
            kind: declared.part.clone(),
            title: declared.section_title(self.language).to_owned(),
            anchor: declared.part_anchor(),
            appendix,
            page: None,
            chapters,
            number: number.to_owned(),
        })
    }

    /// A chapter per page of `ids`, numbered under `part`.
    fn pages(&self, ids: &[PageId], part: &str) -> Vec<Chapter> {
        ids.iter().enumerate().map(|(k, &id)| self.chapter(id, part, k)).collect()
    }

    /// The chapter of page `id`, the `k`th of `part` (0 for the first).
    fn chapter(&self, id: PageId, part: &str, k: usize) -> Chapter {
        let page = &self.publication[id];
        Chapter {
            content: ChapterKind::Page(id),
            number: page.number.clone().unwrap_or_else(|| format!("{part}.{}", k + 1)),
            title: page.title.clone(),
            anchor: ids::anchor(page),
            sections: Vec::new(),
            also: Vec::new(),
        }
    }

    /// A chapter per direction, each with the initiatives whose first
    /// direction it is, and pointers to the others serving it.
    fn directions(&self, kind: KindId, part: &str) -> Vec<Chapter> {
        let publication = self.publication;
        let mut chapters = self.pages(publication.ids_of(kind), part);
        for chapter in &mut chapters {
            let ChapterKind::Page(direction) = chapter.content else { continue };
            let serving = publication.initiatives_of(direction);
            let (own, also): (Vec<PageId>, Vec<PageId>) =
                serving.iter().partition(|&&i| self.home_direction(i) == Some(direction));
            chapter.sections = self.sections(&own, &chapter.number);
            chapter.also = publication.tree_order(&also).into_iter().map(|(id, _)| id).collect();
        }
        chapters
    }

    /// The direction initiative `id` is printed under: its first one.
    fn home_direction(&self, id: PageId) -> Option<PageId> {
        self.publication.initiative(id)?.directions.first().map(|d| d.page)
    }

    /// Plain pages `ids` as chapters numbered under `part`, each section's
    /// pages under its page as sections (`3.2.1`), as their folders nest.
    fn folders(&self, ids: &[PageId], part: &str) -> Vec<Chapter> {
        let mut chapters: Vec<Chapter> = Vec::new();
        let mut inner: Vec<Vec<(PageId, usize)>> = Vec::new();
        for (id, depth) in self.publication.sections.tree_order(ids) {
            if let (Some(depth), Some(pages)) = (depth.checked_sub(1), inner.last_mut()) {
                pages.push((id, depth));
            } else {
                chapters.push(self.chapter(id, part, chapters.len()));
                inner.push(Vec::new());
            }
        }
        for (chapter, pages) in chapters.iter_mut().zip(inner) {
            chapter.sections = self.numbered(pages, &chapter.number);
        }
        chapters
    }

    /// Initiatives `ids` as sections in tree order, numbered under `chapter`.
    fn sections(&self, ids: &[PageId], chapter: &str) -> Vec<Section> {
        self.numbered(self.publication.tree_order(ids), chapter)
    }

    /// Pages in tree `order` (with their depths) as sections, numbered
    /// under `chapter`.
    fn numbered(&self, order: Vec<(PageId, usize)>, chapter: &str) -> Vec<Section> {
        let publication = self.publication;
        // The number of the last section at each depth, and how many
        // sections each open level has had.
        let mut path: Vec<String> = Vec::new();
        let mut counts: Vec<usize> = vec![0];
        let mut sections = Vec::with_capacity(order.len());
        for (id, depth) in order {
            path.truncate(depth);
            counts.truncate(depth + 1);
            counts.resize(depth + 1, 0);
            counts[depth] += 1;
            let parent = if depth == 0 { chapter } else { path[depth - 1].as_str() };
            let counted = format!("{parent}.{}", counts[depth]);
            let page = &publication[id];
            let number = page.number.clone().unwrap_or(counted);
            path.push(number.clone());
            counts.push(0);
            sections.push(Section {
                page: id,
                number,
                title: page.title.clone(),
                anchor: ids::anchor(page),
                depth,
            });
        }
        sections
    }

    /// The table of every initiative, the plan views that exist, and the
    /// initiatives no printed direction holds.
    fn action_plan(&self, part: &str) -> Vec<Chapter> {
        let publication = self.publication;
        if publication.initiative_ids().is_empty() {
            return Vec::new();
        }
        let mut chapters = Vec::new();
        let mut add = |content: ChapterKind, title: &str, anchor: &str| {
            let number = format!("{part}.{}", chapters.len() + 1);
            chapters.push(Chapter {
                content,
                number,
                title: title.to_owned(),
                anchor: anchor.to_owned(),
                sections: Vec::new(),
                also: Vec::new(),
            });
        };
        if self.views.board {
            add(ChapterKind::Board, &self.labels.for_the_board, "plan-board");
        }
        // The table first: the roadmap takes a landscape page of its own,
        // which would leave the part's heading alone on a page.
        add(ChapterKind::PlanTable, &self.labels.plan_overview, "plan-overview");
        if self.views.roadmap {
            add(ChapterKind::Roadmap, &self.labels.roadmap, "plan-roadmap");
        }
        if self.views.matrix {
            add(ChapterKind::Matrix, &self.labels.matrix, "plan-matrix");
        }
        if self.views.kpis {
            add(ChapterKind::Kpis, &self.labels.kpi_overview, "plan-kpis");
        }
        if !self.directions_printed {
            add(ChapterKind::Initiatives, &self.labels.initiatives, "plan-initiatives");
            let chapter = chapters.last_mut().expect("just added");
            chapter.sections = self.sections(publication.initiative_ids(), &chapter.number);
        }
        chapters
    }
}

/// The pages in the section whose page is `id`, and in its sections, in
/// reading order; a page `print:` names on its own is printed there, with
/// its section's pages.
fn descendants(publication: &Publication, id: PageId, named: &HashSet<PageId>) -> Vec<PageId> {
    let sections = &publication.sections;
    let mut found = Vec::new();
    let mut stack = vec![id];
    while let Some(page) = stack.pop() {
        let inner = sections.pages_of(page).iter().filter(|p| !named.contains(p));
        found.extend(inner.clone());
        stack.extend(inner);
    }
    found.sort_unstable();
    found
}

impl Outline {
    /// The table of contents: parts, chapters and initiatives (not their
    /// sub-initiatives), in order.
    pub(crate) fn toc(&self) -> Vec<TocEntry> {
        let mut toc = Vec::new();
        let entry = |level: u8, number: &str, title: &str, anchor: &str| TocEntry {
            level,
            number: number.to_owned(),
            title: title.to_owned(),
            anchor: anchor.to_owned(),
        };
        for part in &self.parts {
            toc.push(entry(1, &part.number, &part.title, &part.anchor));
            for chapter in &part.chapters {
                toc.push(entry(2, &chapter.number, &chapter.title, &chapter.anchor));
                toc.extend(
                    chapter
                        .sections
                        .iter()
                        .filter(|s| s.depth == 0)
                        .map(|s| entry(3, &s.number, &s.title, &s.anchor)),
                );
            }
        }
        toc
    }
}

mod entries;
#[cfg(test)]
mod tests;
