//! Markdown, in two cheap passes over one parse: [`parse`] reads a page body
//! once into events and collects its outline (heading ids, links, anchors) so
//! cross-references can be checked before any HTML exists; [`to_html`] then
//! writes the same events with links rewritten. pulldown-cmark stays in here.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::config::Language;
use crate::diagnostics::{SourceId, Span};
use crate::slug::slugify;

mod title;

pub use title::first_heading;

/// The one place parser options are chosen: `CommonMark` plus what writers
/// expect from git hosts. No metadata blocks: frontmatter is split before.
fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A heading of a page, for its table of contents and for `#anchor` checks.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// Plain text.
    pub text: String,
    /// The `id` it gets (unique in the page).
    pub id: String,
}

/// A link or image destination written in the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The destination as written.
    pub dest: String,
    /// Where the link is, in the file.
    pub span: Span,
    /// True for `![…](…)`.
    pub image: bool,
}

/// The outline of a page body: what cross-references need, without HTML.
/// Holding the outline rather than the events keeps memory to a fraction of
/// the text; [`to_html`] parses the body a second time, which costs less.
#[derive(Debug)]
pub struct Doc<'a> {
    body: &'a str,
    /// Headings, in order.
    pub headings: Vec<Heading>,
    /// Links and images, in order; [`to_html`] takes their new targets in the same order.
    pub links: Vec<Link>,
    /// Every fragment id in the page: headings and footnotes.
    pub ids: HashSet<String>,
}

/// Reads the outline of `text[body]` (the body of file `source`).
#[must_use]
pub fn parse(source: SourceId, text: &str, body: Range<usize>) -> Doc<'_> {
    let mut doc = Doc {
        body: &text[body.clone()],
        headings: Vec::new(),
        links: Vec::new(),
        ids: HashSet::new(),
    };
    let mut heading: Option<(Option<String>, String)> = None;
    for (event, range) in Parser::new_ext(doc.body, parser_options()).into_offset_iter() {
        let span = || Span::new(source, body.start + range.start..body.start + range.end);
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                heading = Some((id.map(|id| id.to_string()), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut heading {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((custom, text)) = heading.take() {
                    let id = doc.unique_id(custom, &text);
                    doc.headings.push(Heading { level: level_number(level), text, id });
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                doc.links.push(Link { dest: dest_url.to_string(), span: span(), image: false });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                doc.links.push(Link { dest: dest_url.to_string(), span: span(), image: true });
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                doc.ids.insert(footnote_id(&label));
            }
            _ => {}
        }
    }
    doc
}

impl Doc<'_> {
    /// The unique id of a heading: `{#custom}` if written, else the slug of
    /// its text, numbered on repeats.
    fn unique_id(&mut self, custom: Option<String>, text: &str) -> String {
        let base = custom.unwrap_or_else(|| {
            Some(slugify(text)).filter(|s| !s.is_empty()).unwrap_or_else(|| "afsnit".to_owned())
        });
        let mut unique = base.clone();
        let mut n = 1;
        while self.ids.contains(&unique) {
            unique = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(unique.clone());
        unique
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// How to write the HTML.
#[derive(Clone, Copy, Debug)]
pub struct HtmlOptions {
    /// Quotes follow the language (Danish »…«).
    pub language: Language,
    /// Pass raw HTML through (`CommonMark`) or show it as text.
    pub allow_html: bool,
}

/// Writes `doc` as HTML. `targets[i]` replaces the destination of
/// `doc.links[i]` when it is `Some`.
#[must_use]
pub fn to_html(doc: &Doc<'_>, targets: &[Option<String>], options: HtmlOptions) -> String {
    let mut links = targets.iter();
    let mut ids = doc.headings.iter().map(|h| CowStr::from(h.id.clone()));
    let mut footnotes = Footnotes::default();
    let (done, open, back, table) = match options.language {
        Language::Da => ("Udført", "Ikke udført", "Tilbage til teksten", "Tabel"),
        Language::En => ("Done", "Not done", "Back to the text", "Table"),
    };
    let events = Parser::new_ext(doc.body, parser_options()).map(|event| match event {
        // Footnotes get ids that cannot clash with headings (`fn-…`) and a
        // link back to where they are cited.
        Event::FootnoteReference(label) => {
            let (n, first) = footnotes.cite(&label);
            let id = footnote_id(&label);
            let anchor = if first { format!(" id=\"ref-{id}\"") } else { String::new() };
            Event::InlineHtml(format!("<sup class=\"footnote-reference\"{anchor}><a href=\"#{id}\">{n}</a></sup>").into())
        }
        Event::Start(Tag::FootnoteDefinition(label)) => {
            let (n, _) = footnotes.cite(&label);
            let id = footnote_id(&label);
            footnotes.open = Some(id.clone());
            Event::Html(format!("<div class=\"footnote-definition\" id=\"{id}\"><sup class=\"footnote-definition-label\">{n}</sup>\n").into())
        }
        Event::End(TagEnd::FootnoteDefinition) => {
            let id = footnotes.open.take().unwrap_or_default();
            Event::Html(format!("<a class=\"footnote-backref\" href=\"#ref-{id}\" aria-label=\"{back}\">↩</a></div>\n").into())
        }
        Event::TaskListMarker(checked) => {
            let (state, label) = if checked { (" checked", done) } else { ("", open) };
            Event::InlineHtml(format!("<input type=\"checkbox\" disabled{state} aria-label=\"{label}\"> ").into())
        }
        Event::Start(Tag::Heading { level, id: _, classes, attrs }) => {
            // `{key=value}` after a heading becomes a raw HTML attribute
            // (`onclick=…`), so with raw HTML off it goes too.
            let attrs = if options.allow_html { attrs } else { Vec::new() };
            Event::Start(Tag::Heading { level, id: ids.next(), classes, attrs })
        }
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let dest_url = links.next().cloned().flatten().map_or(dest_url, CowStr::from);
            Event::Start(Tag::Link { link_type, dest_url, title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            let dest_url = links.next().cloned().flatten().map_or(dest_url, CowStr::from);
            Event::Start(Tag::Image { link_type, dest_url, title, id })
        }
        Event::Text(text) if options.language == Language::Da && text.contains(['“', '”']) => {
            Event::Text(CowStr::from(text.replace('“', "»").replace('”', "«")))
        }
        Event::Html(html) | Event::InlineHtml(html) if !options.allow_html => Event::Text(html),
        event => event,
    });
    // Wide tables scroll inside their own box instead of the page.
    let events = events.flat_map(|event| {
        let (before, after) = match event {
            Event::Start(Tag::Table(_)) => (Some(format!("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{table}\">\n")), None),
            Event::End(TagEnd::Table) => (None, Some("</div>\n".to_owned())),
            _ => (None, None),
        };
        let html = |h: String| Event::Html(CowStr::from(h));
        before.map(html).into_iter().chain(std::iter::once(event)).chain(after.map(html))
    });
    let mut html = String::with_capacity(doc.body.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Footnote numbers in order of first citation, as pulldown-cmark numbers them.
#[derive(Default)]
struct Footnotes {
    numbers: HashMap<String, usize>,
    open: Option<String>,
}

impl Footnotes {
    /// The number of footnote `label`, and whether this is its first citation.
    fn cite(&mut self, label: &str) -> (usize, bool) {
        let next = self.numbers.len() + 1;
        match self.numbers.entry(label.to_owned()) {
            std::collections::hash_map::Entry::Occupied(e) => (*e.get(), false),
            std::collections::hash_map::Entry::Vacant(e) => (*e.insert(next), true),
        }
    }
}

/// The element id of footnote `label`.
fn footnote_id(label: &str) -> String {
    let slug = slugify(label);
    format!("fn-{}", if slug.is_empty() { "note" } else { &slug })
}

#[cfg(test)]
mod tests;
