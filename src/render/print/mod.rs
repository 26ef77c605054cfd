//! The board edition, `print.html`: the whole strategy as one
//! self-contained, paged document to print or turn into a PDF. mdBook's
//! print page, with a cover, numbering and paged media, assembled as the
//! pages are rendered rather than from finished HTML:
//!
//! 1. `structure` decides the parts (from `print:`), chapters and initiative
//!    sections, and numbers them;
//! 2. [`Edition::pieces`] renders what no page carries (the frame with its
//!    cover and contents, in `frame`; the plan views; the parts' headers)
//!    and leaves a place for each printed page;
//! 3. [`Edition::page`] writes a page's element (its part, chapter or
//!    section, with its body) from the events its site page is written
//!    from: its links pointed inside the document (`links`), its ids under
//!    its anchor and its headings under its chapter's (see
//!    `markdown::PrintScope`);
//! 4. [`Assembly`] writes the pieces and the pages' elements in document
//!    order as they come, so the file is never whole in memory; the content
//!    security policy goes first in the head (`policy`).
//!
//! The table of contents carries an empty page number per entry
//! (`<span class="toc-page" data-anchor="…">`); `stratdoc pdf` fills them in
//! from where the headings landed (see `crate::pdf`).

mod assembly;
mod frame;
mod ids;
mod inline;
mod links;
mod policy;
mod structure;
mod summary;
mod views;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

pub(crate) use assembly::{Ahead, Assembly};
pub(crate) use structure::check;

use crate::error::Error;
use crate::markdown::{self, Doc, HtmlOptions, PrintScope};
use crate::model::PageId;
use crate::render::labels::Labels;
use crate::render::plan::chart;
use crate::render::plan::overviews::GRID_DIRECTIONS;
use crate::render::site::place;
use crate::render::view::Views;
use crate::render::{Input, Templates};
use crate::xref::Target;
use structure::{Chapter, ChapterKind, Outline, Part, PlanViews};
use views::Body;

/// Where the board edition is written in the output.
pub const FILE: &str = "print.html";

/// Where a template's children go: rendered with this in their place, the
/// template is split around it (at its last occurrence, after any text
/// from the content). A character for private use, which no text needs.
const CHILDREN: &str = "\u{E000}stratdoc-children\u{E000}";

/// Where a printed page's body goes: its element is rendered with this in
/// place of the body's HTML, which is put in afterwards, so that neither
/// Tera nor the checks of the templates' output copy or read the largest
/// part of the edition again. The body needs neither: the HTML writer
/// checked its raw HTML and pointed its links inside the document as it
/// wrote it, and it begins with a tag, so no markup can be made by the text
/// that comes before it.
const BODY: &str = "\u{E000}stratdoc-body\u{E000}";

/// One piece of the edition in document order: rendered text, or the place
/// of an element (its start, and its end after its children). A page's
/// element comes from the pass over the pages; a part's header is rendered
/// when the assembly reaches it; the plan views are rendered when the
/// assembly reaches them or, in a build of the site, ahead of it (see
/// `Assembly::render_ahead`).
#[derive(Debug)]
pub(crate) enum Piece {
    Text(String),
    Open(Element),
    Close(Element),
}

/// An element of the edition that has children.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Element {
    /// A printed page's (a part, a chapter or a section).
    Page(PageId),
    /// A part with no page of its own (by its index in the outline).
    Part(usize),
    /// A chapter with no page of its own: a plan view.
    Chapter(usize, usize),
}

/// Which element of the edition a printed page is, by its indexes in the
/// outline.
#[derive(Clone, Copy, Debug)]
enum Role {
    Part(usize),
    Chapter(usize, usize),
    Section(usize, usize, usize),
}

/// The board edition of one build, prepared.
pub(crate) struct Edition<'a> {
    input: &'a Input<'a>,
    templates: &'a Templates,
    labels: &'a Labels,
    views: Views<'a>,
    outline: Outline,
    roles: HashMap<PageId, Role>,
    /// The anchors of the printed pages: links to any other page are text.
    printed: HashSet<String>,
    resolver: links::Resolver<'a>,
    /// What every element's context holds alike (the words, the place of
    /// the children), serialised once: Tera turns what it is given into
    /// its own values on every insert.
    shared: tera::Context,
}

impl<'a> Edition<'a> {
    /// The edition of `input`.
    pub(crate) fn new(input: &'a Input<'a>, templates: &'a Templates, labels: &'a Labels) -> Self {
        let mut views = Views {
            publication: input.publication,
            config: input.config,
            labels,
            href: ids::href,
            as_of: input.as_of,
            changes: input.changes,
            numbers: HashMap::new(),
        };
        let plan = PlanViews {
            roadmap: views::has_roadmap(input),
            matrix: !input.publication.initiative_ids().is_empty()
                // A grid, one column per direction, fits a page; beyond that the
                // directions part already lists each direction's initiatives.
                && (1..=GRID_DIRECTIONS).contains(&input.publication.direction_ids().len()),
            kpis: views::has_kpis(input.publication),
            board: views.board().is_some(),
        };
        let language = input.config.language;
        let outline =
            structure::outline(input.publication, &input.config.print, labels, language, plan);
        views.numbers = views::cited_numbers(&outline);
        let roles = roles(&outline);
        let printed: HashSet<String> =
            roles.keys().map(|&id| ids::anchor(&input.publication[id])).collect();
        let resolver = links::Resolver::new(input.publication, printed.clone(), &outline);
        let mut shared = tera::Context::new();
        shared.insert("t", labels);
        shared.insert("children", CHILDREN);
        Edition { input, templates, labels, views, outline, roles, printed, resolver, shared }
    }

    /// The printed pages, in document order.
    pub(crate) fn order(&self) -> Vec<PageId> {
        let mut order: Vec<(Role, PageId)> =
            self.roles.iter().map(|(&id, &role)| (role, id)).collect();
        order.sort_by_key(|(role, _)| match *role {
            Role::Part(p) => (p, 0, 0, 0),
            Role::Chapter(p, c) => (p, c + 1, 0, 0),
            Role::Section(p, c, s) => (p, c + 1, 1, s),
        });
        order.into_iter().map(|(_, id)| id).collect()
    }

    /// Whether page `id` is printed.
    pub(crate) fn prints(&self, id: PageId) -> bool {
        self.roles.contains_key(&id)
    }

    /// The whole edition as pieces: the rendered frame, with a place for
    /// every element.
    pub(crate) fn pieces(&self) -> Result<Vec<Piece>, Error> {
        let (head, tail) = self.split(FILE, &self.frame()?)?;
        let mut pieces = vec![Piece::Text(head)];
        for (p, part) in self.outline.parts.iter().enumerate() {
            let part_element = part.page.map_or(Element::Part(p), Element::Page);
            pieces.push(Piece::Open(part_element));
            for (element, chapter) in chapters(p, part) {
                pieces.push(Piece::Open(element));
                pieces.extend(chapter.sections.iter().map(|s| Piece::Open(Element::Page(s.page))));
                pieces.push(Piece::Close(element));
            }
            pieces.push(Piece::Close(part_element));
        }
        pieces.push(Piece::Text(tail));
        Ok(pieces)
    }

    /// The plan views, in document order: the elements with no page of
    /// their own that are large (a part's header is not).
    pub(crate) fn plan_views(&self) -> impl Iterator<Item = Element> + '_ {
        let parts = self.outline.parts.iter().enumerate();
        let elements = parts.flat_map(|(p, part)| chapters(p, part).map(|(element, _)| element));
        elements.filter(|element| matches!(element, Element::Chapter(..)))
    }

    /// An element with no page of its own, split where its children go.
    pub(crate) fn element(&self, element: Element) -> Result<(String, String), Error> {
        match element {
            Element::Part(p) => self.split_element("print-part.html", "part", self.part(p, None)),
            Element::Chapter(p, c) => {
                self.split_element("print-chapter.html", "c", self.chapter(p, c, None))
            }
            Element::Page(_) => Ok((String::new(), String::new())),
        }
    }

    /// Page `id`'s element, split where its children go, from its parsed
    /// body `doc` whose links go to `targets`.
    pub(crate) fn page(
        &self,
        id: PageId,
        doc: &Doc<'_>,
        targets: &[Target],
    ) -> Result<(String, String), Error> {
        let Some(&role) = self.roles.get(&id) else { return Ok((String::new(), String::new())) };
        let (shift, template, name) = match role {
            Role::Part(_) => (0, "print-part.html", "part"),
            Role::Chapter(..) => (1, "print-chapter.html", "c"),
            Role::Section(p, c, s) => {
                let depth = self.outline.parts[p].chapters[c].sections[s].depth;
                (views::section_level(depth) - 1, "print-section.html", "s")
            }
        };
        // The charts its text places go into the body, the others after it.
        let (embeds, unplaced) = place(&doc.embeds, &self.charts(id)?);
        let html = self.body_html(id, doc, targets, &embeds, shift)?;
        let body = self.body(id, unplaced);
        let (head, tail) = match role {
            Role::Part(p) => self.split_element(template, name, self.part(p, Some(body))),
            Role::Chapter(p, c) => {
                self.split_element(template, name, self.chapter(p, c, Some(body)))
            }
            Role::Section(p, c, s) => {
                self.split_element(template, name, self.section(p, c, s, body))
            }
        }?;
        Ok((with_body(head, &html), with_body(tail, &html)))
    }

    /// The body of page `id` written for the edition with `embeds` in its
    /// charts' places, its `##` headings `shift` levels deeper.
    fn body_html(
        &self,
        id: PageId,
        doc: &Doc<'_>,
        targets: &[Target],
        embeds: &[String],
        shift: u8,
    ) -> Result<String, Error> {
        let input = self.input;
        let page = &input.publication[id];
        let hrefs = self.resolver.hrefs(page, &doc.links, targets)?;
        let options =
            HtmlOptions { language: input.config.language, allow_html: input.config.allow_html };
        let anchor = ids::anchor(page);
        let scope = PrintScope { anchor: &anchor, shift, drop_title: page.title_in_body };
        Ok(markdown::to_print_html(doc, &hrefs, embeds, options, scope))
    }

    /// A page's own content in the edition around its body's place, with
    /// the `charts` its text does not place.
    fn body(&self, id: PageId, charts: Vec<String>) -> Body<'_> {
        let page = &self.input.publication[id];
        Body {
            summary: page.summary.as_deref().map(|summary| {
                markdown::soft_hyphens(summary, self.input.config.language)
                    .map_or(Cow::Borrowed(summary), Cow::Owned)
            }),
            html: BODY,
            sources: &page.sources,
            data: self
                .input
                .publication
                .data_file(id)
                .map(|d| d.path.rsplit('/').next().unwrap_or(&d.path)),
            charts,
            fields: self.views.fields(id),
        }
    }

    /// The charts of page `id` by their ids, each rendered with the theme's
    /// `chart.html`, their element ids under the page's anchor.
    fn charts(&self, id: PageId) -> Result<Vec<(String, String)>, Error> {
        let input = self.input;
        let prefix = markdown::scoped(&ids::anchor(&input.publication[id]), "chart");
        let charts = input.charts.of(id);
        chart::render(self.templates, &self.shared, charts, &prefix, input.config.language)
    }

    /// Renders `template` with `view` as `name`, split where its children go.
    fn split_element(
        &self,
        template: &str,
        name: &str,
        view: impl serde::Serialize,
    ) -> Result<(String, String), Error> {
        let mut context = tera::Context::new();
        context.insert(name, &view);
        // Tera renders from its own copy: a plan view of a large plan is
        // megabytes, and this one goes before the render.
        drop(view);
        self.split(template, &context)
    }

    /// Renders `template` with `context` and splits it at its children, with
    /// links to pages the edition does not print made text; the document's
    /// frame gets the edition's content security policy.
    fn split(&self, template: &str, context: &tera::Context) -> Result<(String, String), Error> {
        let html = self.templates.render(template, &self.shared, context)?;
        let html = if template == FILE {
            policy::protect(&html, template)?
        } else {
            policy::check(&html, template)?;
            html
        };
        let mut html = ids::unlink_unprinted(html, &self.printed);
        Ok(match memchr::memmem::rfind(html.as_bytes(), CHILDREN.as_bytes()) {
            Some(at) => {
                let tail = html[at + CHILDREN.len()..].to_owned();
                html.truncate(at);
                (html, tail)
            }
            None => (html, String::new()),
        })
    }
}

/// The chapters of part `p` with their elements: a page's, or, for a
/// chapter with no page of its own (a plan view), its own.
fn chapters(p: usize, part: &Part) -> impl Iterator<Item = (Element, &Chapter)> {
    part.chapters.iter().enumerate().map(move |(c, chapter)| match chapter.content {
        ChapterKind::Page(id) => (Element::Page(id), chapter),
        _ => (Element::Chapter(p, c), chapter),
    })
}

/// `rendered` with the body `html` wherever the template placed it.
fn with_body(rendered: String, html: &str) -> String {
    let places = || memchr::memmem::find_iter(rendered.as_bytes(), BODY);
    let count = places().count();
    if count == 0 {
        return rendered;
    }
    // Made at its length: `str::replace` grew it from nothing, copying
    // each page's body as it went.
    let mut out = String::with_capacity(rendered.len() + count * html.len());
    let mut copied = 0;
    for at in places() {
        out.push_str(&rendered[copied..at]);
        out.push_str(html);
        copied = at + BODY.len();
    }
    out.push_str(&rendered[copied..]);
    out
}

/// The element each printed page is.
fn roles(outline: &Outline) -> HashMap<PageId, Role> {
    let mut roles = HashMap::new();
    for (p, part) in outline.parts.iter().enumerate() {
        if let Some(id) = part.page {
            roles.insert(id, Role::Part(p));
        }
        for (c, chapter) in part.chapters.iter().enumerate() {
            if let ChapterKind::Page(id) = chapter.content {
                roles.insert(id, Role::Chapter(p, c));
            }
            for (s, section) in chapter.sections.iter().enumerate() {
                roles.insert(section.page, Role::Section(p, c, s));
            }
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::{BODY, with_body};

    #[test]
    fn the_body_goes_wherever_the_template_placed_it() {
        let once = format!("<section>{BODY}</section>");
        assert_eq!(with_body(once, "<p>x</p>"), "<section><p>x</p></section>");
        let twice = format!("{BODY}|{BODY}");
        assert_eq!(with_body(twice, "b"), "b|b");
        assert_eq!(with_body("<section></section>".to_owned(), "b"), "<section></section>");
    }
}
