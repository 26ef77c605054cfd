//! Markdown, parsed once per page: [`parse`] reads a body into its events
//! and, from them, its outline (heading ids, footnotes, links, anchors), so
//! cross-references are known before any HTML exists. Every output then
//! writes from the same events: [`to_html`] the site's HTML,
//! [`to_print_html`] the board edition's (ids scoped, headings deeper),
//! [`plain_text`] the words for the search index, [`first_heading`] a plain
//! page's title. pulldown-cmark stays in here.

mod chars;
mod html;
mod hyphenate;
mod ids;
mod levels;
mod outline;
mod raw_html;
mod text;
mod title;

use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser};

use crate::config::Language;
use crate::diagnostics::{SourceId, Span};
use crate::framing;

pub use html::{PrintScope, to_html, to_print_html};
pub(crate) use hyphenate::soft_hyphens;
pub use levels::{Under, check_levels};
use outline::Outline;
pub use text::plain_text;
pub use title::first_heading;

/// The one place parser options are chosen: `CommonMark` plus what writers
/// expect from git hosts. No metadata blocks: frontmatter is split before.
#[must_use]
pub fn parser_options() -> Options {
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
    /// Where it is written: its first line.
    #[serde(skip)]
    pub span: Span,
}

/// A link or image destination written in the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The destination as written (an email autolink `<a@b.dk>` as
    /// `mailto:a@b.dk`, a raw HTML attribute with `&amp;` decoded).
    pub dest: String,
    /// Where the link is, in the file (for raw HTML, the attribute's value).
    pub span: Span,
    /// True for `![…](…)` and `<img src>`.
    pub image: bool,
}

/// How an output writes the destination of one link or image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Href {
    /// As written (a web address).
    Keep,
    /// To this address.
    To(String),
    /// Not as a link at all: its text stays, as text (a link the board
    /// edition cannot follow).
    Unlink,
}

/// Joins a page's anchor in the board edition and an id inside the page.
/// Page anchors are made of URL slugs, which never hold `--`, so the result
/// is unique in the document.
#[must_use]
pub fn scoped(anchor: &str, id: &str) -> String {
    [anchor, "--", id].concat()
}

/// A block the output fills in: a fenced code block whose info string is
/// `chart ID` (```` ```chart alle-udsagn ````) places a chart there. On a git
/// host it shows as a small code block naming the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    /// What it embeds: `chart`.
    pub kind: String,
    /// Which one: the rest of the info string (may be empty).
    pub arg: String,
    /// Where the block is.
    pub span: Span,
}

/// The kinds of embed a fenced block can name.
const EMBEDS: [&str; 1] = ["chart"];

/// A page body, parsed: its events and its outline. It borrows the source
/// text, so it lives while its page is rendered; the outputs are written
/// from its events, never by parsing the text again.
#[derive(Debug)]
pub struct Doc<'a> {
    /// The body's events, in order.
    events: Vec<Event<'a>>,
    /// Headings, in order.
    pub headings: Vec<Heading>,
    /// Links and images, in order; [`to_html`] takes their new targets in the same order.
    pub links: Vec<Link>,
    /// Every fragment id in the page: headings, footnotes and their citations.
    pub ids: FxHashSet<String>,
    /// Blocks the output fills in, in order; [`to_html`] takes their HTML in
    /// the same order.
    pub embeds: Vec<Embed>,
    /// Raw HTML that brings in or leads to another document, refused (see
    /// [`crate::framing`]), with where it is.
    pub framing: Vec<(framing::Found, Span)>,
    /// Footnotes by label, case-folded as pulldown-cmark matches them.
    footnotes: FxHashMap<String, Footnote>,
}

/// Bodies parsed before the render pass, by their file: plain pages whose
/// title is their first heading are parsed to find it, and the pass writes
/// them from that parse rather than parse them again.
#[derive(Debug, Default)]
pub struct Parsed<'a>(FxHashMap<SourceId, Doc<'a>>);

impl<'a> Parsed<'a> {
    /// Keeps `doc`, the body of file `source`.
    pub fn insert(&mut self, source: SourceId, doc: Doc<'a>) {
        self.0.insert(source, doc);
    }

    /// The body of file `source`, if it was parsed already.
    #[must_use]
    pub fn get(&self, source: SourceId) -> Option<&Doc<'a>> {
        self.0.get(&source)
    }
}

/// A footnote as the HTML shows it.
#[derive(Debug, Default)]
struct Footnote {
    /// The definition's element id.
    id: String,
    /// The number shown: order of first citation, then uncited ones.
    number: usize,
    /// The id of its first citation, the target of the link back.
    cited: Option<String>,
}

/// What parsing needs of the site's settings.
#[derive(Clone, Copy, Debug)]
pub struct HtmlOptions {
    /// Quotes follow the language (Danish »…«), and so does the id of a
    /// heading with no text (`#afsnit`, `#section`).
    pub language: Language,
    /// Pass raw HTML through (`CommonMark`), its links checked and rewritten,
    /// or show it as text.
    pub allow_html: bool,
}

/// Parses `text[body]` (the body of file `source`): its events and outline.
#[must_use]
pub fn parse(source: SourceId, text: &str, body: Range<usize>, options: HtmlOptions) -> Doc<'_> {
    let mut outline = Outline::default();
    let at =
        |range: Range<usize>| Span::new(source, body.start + range.start..body.start + range.end);
    let body_text = &text[body.clone()];
    let mut events = Vec::with_capacity(body_text.len() / 16);
    for (event, range) in Parser::new_ext(body_text, parser_options()).into_offset_iter() {
        outline.read(&event, range, body_text, &at, options);
        events.push(event);
    }
    outline.finish(events, options)
}

/// The kind and argument of a fenced block's info string that names an
/// embed (`chart alle-udsagn`), if it does.
pub(crate) fn embed(info: &str) -> Option<(String, String)> {
    let info = info.trim();
    let (kind, arg) = info.split_once(char::is_whitespace).unwrap_or((info, ""));
    EMBEDS.contains(&kind).then(|| (kind.to_owned(), arg.trim().to_owned()))
}

#[cfg(test)]
mod tests;
