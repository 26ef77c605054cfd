//! Markdown, in two cheap passes over one parse: [`parse`] reads a page body
//! once into events and collects its outline (heading ids, links, anchors) so
//! cross-references can be checked before any HTML exists; [`to_html`] then
//! writes the same events with links rewritten. pulldown-cmark stays in here.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::config::Language;
use crate::diagnostics::{SourceId, Span};
use crate::slug::slugify;

/// The one place parser options are chosen: `CommonMark` plus what writers
/// expect from git hosts. No metadata blocks: frontmatter is split before.
fn options() -> Options {
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

/// A parsed page body.
#[derive(Debug)]
pub struct Doc<'a> {
    events: Vec<Event<'a>>,
    /// Headings, in order.
    pub headings: Vec<Heading>,
    /// Links and images, in order; [`to_html`] takes their new targets in the same order.
    pub links: Vec<Link>,
    /// Every fragment id in the page: headings and footnotes.
    pub ids: HashSet<String>,
}

/// Parses `text[body]` (the body of file `source`).
#[must_use]
pub fn parse(source: SourceId, text: &str, body: Range<usize>) -> Doc<'_> {
    let mut doc =
        Doc { events: Vec::new(), headings: Vec::new(), links: Vec::new(), ids: HashSet::new() };
    let mut heading: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(&text[body.clone()], options()).into_offset_iter() {
        let span = || Span::new(source, body.start + range.start..body.start + range.end);
        match &event {
            Event::Start(Tag::Heading { .. }) => heading = Some((doc.events.len(), String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut heading {
                    text.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((at, text)) = heading.take() {
                    let id = doc.heading_id(at, &text);
                    doc.headings.push(Heading { level: level_number(*level), text, id });
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                doc.links.push(Link { dest: dest_url.to_string(), span: span(), image: false });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                doc.links.push(Link { dest: dest_url.to_string(), span: span(), image: true });
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                doc.ids.insert(label.to_string());
            }
            _ => {}
        }
        doc.events.push(event);
    }
    doc
}

impl Doc<'_> {
    /// Sets and returns the unique id of the heading starting at event `at`:
    /// `{#custom}` if written, else the slug of its text, numbered on repeats.
    fn heading_id(&mut self, at: usize, text: &str) -> String {
        let Event::Start(Tag::Heading { id, .. }) = &mut self.events[at] else {
            unreachable!("`at` is a heading start")
        };
        let base = match id {
            Some(custom) => custom.to_string(),
            None => {
                Some(slugify(text)).filter(|s| !s.is_empty()).unwrap_or_else(|| "afsnit".to_owned())
            }
        };
        let mut unique = base.clone();
        let mut n = 1;
        while self.ids.contains(&unique) {
            unique = format!("{base}-{n}");
            n += 1;
        }
        *id = Some(CowStr::from(unique.clone()));
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
pub fn to_html(doc: Doc<'_>, targets: &[Option<String>], options: HtmlOptions) -> String {
    let mut links = targets.iter();
    let events = doc.events.into_iter().flat_map(|event| {
        let event = match event {
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
        };
        // Wide tables scroll inside their own box instead of the page.
        match event {
            Event::Start(Tag::Table(_)) => {
                vec![Event::Html(CowStr::Borrowed("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"table\">\n")), event]
            }
            Event::End(TagEnd::Table) => vec![event, Event::Html(CowStr::Borrowed("</div>\n"))],
            event => vec![event],
        }
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

#[cfg(test)]
mod tests;
