//! The board edition, `print.html`: the whole strategy as one
//! self-contained, paged document to print or turn into a PDF. mdBook's
//! print page, with a cover, numbering and paged media:
//!
//! 1. `structure` decides the parts (from `print:`), chapters and initiative
//!    sections, and numbers them;
//! 2. each page body is written once more (in parallel), its links sent to
//!    in-document anchors (`links`), its ids scoped under its page and its
//!    headings moved under its chapter's (`ids`);
//! 3. the template `print.html` joins them after a cover and a table of
//!    contents, with `print.css` and every image inlined (`inline`);
//! 4. a link to an anchor the document lacks is unlinked, and the content
//!    security policy goes first in the head (`policy`).
//!
//! The table of contents carries an empty page number per entry
//! (`<span class="toc-page" data-anchor="…">`); `stratdoc pdf` fills them in
//! from where the headings landed (see `crate::pdf`).

mod ids;
mod inline;
mod links;
mod policy;
mod structure;

use std::collections::HashMap;
use std::fmt::Write as _;

use rayon::prelude::*;
use serde::Serialize;

pub(crate) use structure::check;

use crate::artifact::{Contents, OutputFile};
use crate::config::{Language, Status};
use crate::error::Error;
use crate::markdown::{self, HtmlOptions};
use crate::model::{Kind, PageId, Source};
use crate::render::labels::{self, Labels};
use crate::render::plan::chart;
use crate::render::plan::overviews::{GRID_DIRECTIONS, KpiEntry, Matrix};
use crate::render::plan::{roadmap, svg};
use crate::render::site::place;
use crate::render::view::{Facts, InitiativeView, SiteView, Views};
use crate::render::{Input, Templates};
use structure::{ChapterKind, Outline, PartKind, PlanViews};

/// Where the board edition is written in the output.
pub const FILE: &str = "print.html";

/// The id prefix of the roadmap's drawing in the edition.
const ROADMAP_ID: &str = "print-roadmap";

/// Renders the board edition of `input`.
pub fn print(input: &Input<'_>, templates: &Templates) -> Result<OutputFile, Error> {
    let labels = labels::labels(input.config.language, &input.config.labels);
    let views = Views {
        publication: input.publication,
        config: input.config,
        labels: &labels,
        href: ids::href,
    };
    let edition = Edition { input, templates, views: &views, labels: &labels };
    let roadmap = edition.roadmap();
    let kpis = views.kpis();
    let plan = PlanViews {
        roadmap: roadmap.is_some(),
        matrix: input.publication.count(Kind::Initiative) > 0
            // A grid, one column per direction, fits a page; beyond that the
            // directions part already lists each direction's initiatives.
            && (1..=GRID_DIRECTIONS).contains(&input.publication.count(Kind::Direction)),
        kpis: !kpis.is_empty(),
    };
    let outline = structure::outline(input.publication, &input.config.print, &labels, plan);
    let bodies = edition.bodies(&outline)?;
    let extras = Extras {
        roadmap,
        matrix: plan.matrix.then(|| views.matrix()),
        kpis,
        numbers: section_numbers(&outline),
    };
    let parts = edition.parts(&outline, &bodies, &extras);

    let mut context = tera::Context::new();
    let logo = match &input.config.logo_file {
        Some(path) => Some(inline::data_uri(
            inline::media_type(&path.to_string_lossy()),
            &inline::read_file(path)?,
        )),
        None => None,
    };
    context.insert("site", &SiteView::new(input.config, logo));
    context.insert("t", &labels);
    context.insert("draft", &(input.config.status == Status::Draft));
    context.insert("css", &inline::style_text(&stylesheet(templates)?));
    context
        .insert("page_css", &page_css(input.config.title.as_str(), &labels, input.config.status));
    context.insert("toc", &outline.toc());
    context.insert("parts", &parts);
    let html = templates.render(FILE, &context)?;
    let html = policy::protect(&ids::unlink_missing(&html), FILE)?;
    Ok(OutputFile { path: FILE.to_owned(), contents: Contents::Bytes(html.into_bytes()) })
}

/// The theme's `figures.css` (the look of the roadmap and the charts, shared
/// with the site) and `print.css`, in that order; a project theme may
/// replace either.
fn stylesheet(templates: &Templates) -> Result<String, Error> {
    let mut css = String::new();
    for name in ["figures.css", "print.css"] {
        let file = templates.statics.iter().find(|f| f.path.rsplit('/').next() == Some(name));
        if let Some(file) = file {
            css.push_str(&String::from_utf8_lossy(&inline::read(&file.contents)?));
            css.push('\n');
        }
    }
    Ok(css)
}

/// The page rules that carry words: the running title in the header, "Side
/// 3 af 24" in the footer and, in a draft, the draft mark on every page.
fn page_css(title: &str, labels: &Labels, status: Status) -> String {
    let counter = format!(
        "{} counter(page) {} counter(pages)",
        inline::css_string(&format!("{} ", labels["page_word"])),
        inline::css_string(&format!(" {} ", labels["page_of_word"])),
    );
    let mut css = format!(
        "@page {{ @top-center {{ content: {}; }} @bottom-right {{ content: {counter}; }} }}\n",
        inline::css_string(title),
    );
    if status == Status::Draft {
        let mark = inline::css_string(&labels["draft_mark"]);
        let _ = writeln!(css, "@page {{ @top-left {{ content: {mark}; }} }}");
    }
    css
}

/// The number of every initiative's section, for the plan's tables.
fn section_numbers(outline: &Outline) -> HashMap<PageId, (String, String)> {
    outline
        .parts
        .iter()
        .flat_map(|p| &p.chapters)
        .flat_map(|c| &c.sections)
        .map(|s| (s.page, (s.number.clone(), s.anchor.clone())))
        .collect()
}

/// One build of the edition.
struct Edition<'a> {
    input: &'a Input<'a>,
    templates: &'a Templates,
    views: &'a Views<'a>,
    labels: &'a Labels,
}

/// The plan views the action plan shows.
struct Extras {
    roadmap: Option<String>,
    matrix: Option<Matrix>,
    kpis: Vec<KpiEntry>,
    /// Section number and anchor of each printed initiative.
    numbers: HashMap<PageId, (String, String)>,
}

/// A page's own content in the edition.
#[derive(Serialize)]
struct Body<'a> {
    summary: Option<&'a str>,
    html: &'a str,
    sources: &'a [Source],
    /// The name of an analysis page's data file (not carried by the edition).
    data: Option<&'a str>,
    /// An analysis page's charts its text does not place, each with its table.
    charts: Vec<String>,
}

#[derive(Serialize)]
struct PartView<'a> {
    kind: PartKind,
    number: &'a str,
    title: &'a str,
    anchor: &'a str,
    appendix: bool,
    body: Option<Body<'a>>,
    chapters: Vec<ChapterView<'a>>,
}

#[derive(Serialize)]
struct ChapterView<'a> {
    /// `page`, `roadmap`, `plan_table`, `initiatives`, `matrix` or `kpis`.
    kind: &'static str,
    /// The page's kind, for a page.
    page_kind: Option<Kind>,
    number: &'a str,
    title: &'a str,
    anchor: &'a str,
    body: Option<Body<'a>>,
    sections: Vec<SectionView<'a>>,
    also: Vec<Reference>,
    budget: Option<String>,
    roadmap: Option<&'a str>,
    rows: Vec<Row>,
    budget_total: Option<String>,
    matrix: Option<&'a Matrix>,
    kpis: &'a [KpiEntry],
}

/// An initiative as a compact section.
#[derive(Serialize)]
struct SectionView<'a> {
    number: &'a str,
    title: &'a str,
    anchor: &'a str,
    depth: usize,
    /// Its heading level: 3 under a chapter, one deeper per level of nesting.
    level: usize,
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

impl Edition<'_> {
    /// The roadmap as the site draws it, without its links (the table of
    /// the initiatives beside it has them).
    fn roadmap(&self) -> Option<String> {
        let input = self.input;
        let period = input.config.period.map(|p| (p.start, p.end));
        let layout = roadmap::layout(input.publication, period, input.as_of)?;
        let href = |id: PageId| ids::href(&input.publication[id]);
        let drawing = svg::Drawing {
            publication: input.publication,
            labels: self.labels,
            language: input.config.language,
            href: &href,
            id: ROADMAP_ID,
            table: "plan-table",
        };
        Some(svg::draw(&layout, &drawing))
    }

    /// Every body the outline prints, written for the edition, by page.
    fn bodies(&self, outline: &Outline) -> Result<HashMap<PageId, String>, Error> {
        let mut wanted: Vec<(PageId, u8)> = Vec::new();
        for part in &outline.parts {
            wanted.extend(part.page.map(|id| (id, 0)));
            for chapter in &part.chapters {
                if let ChapterKind::Page(id) = chapter.content {
                    wanted.push((id, 1));
                }
                for section in &chapter.sections {
                    let level = u8::try_from(3 + section.depth).unwrap_or(6).min(6);
                    wanted.push((section.page, level - 1));
                }
            }
        }
        let resolver = links::Resolver::new(self.input.publication);
        wanted
            .into_par_iter()
            .map(|(id, shift)| Ok((id, self.body(&resolver, id, shift)?)))
            .collect()
    }

    /// The body of page `id`, its `##` headings `shift` levels deeper.
    fn body(&self, resolver: &links::Resolver<'_>, id: PageId, shift: u8) -> Result<String, Error> {
        let input = self.input;
        let page = &input.publication[id];
        let doc = &input.docs[id.index()];
        let hrefs = resolver.hrefs(page, &doc.links, input.links.of(id))?;
        let options =
            HtmlOptions { language: input.config.language, allow_html: input.config.allow_html };
        let charts = self.charts(id)?;
        let (embeds, _) = place(&doc.embeds, &charts);
        let html = markdown::to_html(doc, &hrefs, &embeds, options);
        let html = if page.title_in_body { ids::drop_first_h1(&html) } else { html };
        Ok(ids::links_out(&ids::scope_body(&html, &ids::anchor(page), shift)))
    }

    fn page_body<'b>(&self, id: PageId, bodies: &'b HashMap<PageId, String>) -> Body<'b>
    where
        Self: 'b,
    {
        let page = &self.input.publication[id];
        Body {
            summary: page.summary.as_deref(),
            html: bodies.get(&id).map_or("", String::as_str),
            sources: &page.sources,
            data: page.data.as_ref().map(|d| d.path.rsplit('/').next().unwrap_or(&d.path)),
            charts: self
                .charts(id)
                .map(|charts| place(&self.input.docs[id.index()].embeds, &charts).1)
                .unwrap_or_default(),
        }
    }

    /// The parts as the template shows them.
    fn parts<'b>(
        &'b self,
        outline: &'b Outline,
        bodies: &'b HashMap<PageId, String>,
        extras: &'b Extras,
    ) -> Vec<PartView<'b>> {
        let publication = self.input.publication;
        outline
            .parts
            .iter()
            .map(|part| PartView {
                kind: part.kind,
                number: &part.number,
                title: &part.title,
                anchor: &part.anchor,
                appendix: part.appendix,
                body: part.page.map(|id| self.page_body(id, bodies)),
                chapters: part
                    .chapters
                    .iter()
                    .map(|chapter| {
                        let page = match chapter.content {
                            ChapterKind::Page(id) => Some(id),
                            _ => None,
                        };
                        let rows = if chapter.content == ChapterKind::PlanTable {
                            self.rows(&extras.numbers)
                        } else {
                            Vec::new()
                        };
                        let (total, budgeted) = publication.relations.total_budget();
                        ChapterView {
                            kind: match chapter.content {
                                ChapterKind::Page(_) => "page",
                                ChapterKind::Roadmap => "roadmap",
                                ChapterKind::PlanTable => "plan_table",
                                ChapterKind::Initiatives => "initiatives",
                                ChapterKind::Matrix => "matrix",
                                ChapterKind::Kpis => "kpis",
                            },
                            page_kind: page.map(|id| publication[id].kind),
                            number: &chapter.number,
                            title: &chapter.title,
                            anchor: &chapter.anchor,
                            body: page.map(|id| self.page_body(id, bodies)),
                            sections: chapter
                                .sections
                                .iter()
                                .map(|s| SectionView {
                                    number: &s.number,
                                    title: &s.title,
                                    anchor: &s.anchor,
                                    depth: s.depth,
                                    level: (3 + s.depth).min(6),
                                    body: self.page_body(s.page, bodies),
                                    facts: self.views.facts(s.page),
                                })
                                .collect(),
                            also: chapter
                                .also
                                .iter()
                                .map(|&id| Reference {
                                    number: extras
                                        .numbers
                                        .get(&id)
                                        .map(|(n, _)| n.clone())
                                        .unwrap_or_default(),
                                    title: publication[id].title.clone(),
                                    anchor: ids::anchor(&publication[id]),
                                })
                                .collect(),
                            budget: page
                                .map(|id| publication.relations.budget_of(id))
                                .filter(|&b| b != 0)
                                .map(|b| self.views.money(b)),
                            roadmap: (chapter.content == ChapterKind::Roadmap)
                                .then_some(extras.roadmap.as_deref())
                                .flatten(),
                            rows,
                            budget_total: (chapter.content == ChapterKind::PlanTable
                                && budgeted > 0)
                                .then(|| self.views.money(total)),
                            matrix: (chapter.content == ChapterKind::Matrix)
                                .then_some(extras.matrix.as_ref())
                                .flatten(),
                            kpis: if chapter.content == ChapterKind::Kpis {
                                &extras.kpis
                            } else {
                                &[]
                            },
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    /// The charts of page `id` by their ids, each rendered with the theme's
    /// `chart.html`, their element ids under the page's anchor.
    fn charts(&self, id: PageId) -> Result<Vec<(String, String)>, Error> {
        let input = self.input;
        let decimal = if input.config.language == Language::Da { ',' } else { '.' };
        let prefix = ids::scoped(&ids::anchor(&input.publication[id]), "chart");
        input
            .charts
            .of(id)
            .iter()
            .map(|c| {
                let mut context = tera::Context::new();
                context.insert("c", &chart::view(c, &prefix, decimal));
                context.insert("t", self.labels);
                Ok((c.id.clone(), self.templates.render("chart.html", &context)?))
            })
            .collect()
    }

    /// Every initiative in tree order, with its section number.
    fn rows(&self, numbers: &HashMap<PageId, (String, String)>) -> Vec<Row> {
        let publication = self.input.publication;
        publication
            .relations
            .tree_order(publication.ids_of(Kind::Initiative), |id| publication.parent_of(id))
            .into_iter()
            .map(|(id, _)| Row {
                initiative: self.views.initiative(id),
                section: numbers.get(&id).map(|(n, _)| n.clone()),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_rules_carry_the_title_the_page_numbers_and_the_draft_mark() {
        let da = labels::labels(crate::config::Language::Da, &std::collections::BTreeMap::new());
        let css = page_css("Sammen \"om\" det", &da, Status::Draft);
        assert!(css.contains("@top-center { content: \"Sammen \\\"om\\\" det\"; }"), "{css}");
        assert!(
            css.contains(
                "@bottom-right { content: \"Side \" counter(page) \" af \" counter(pages); }"
            ),
            "{css}"
        );
        assert!(css.contains("@top-left { content: \"UDKAST\"; }"), "{css}");
        let en = labels::labels(crate::config::Language::En, &std::collections::BTreeMap::new());
        let css = page_css("T", &en, Status::Approved);
        assert!(css.contains("\"Page \" counter(page) \" of \" counter(pages)"), "{css}");
        assert!(!css.contains("DRAFT"), "{css}");
    }
}
