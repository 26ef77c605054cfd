//! Markdown, parsed once per page: [`parse`] reads a body into its events
//! and, from them, its outline (heading ids, footnotes, links, anchors), so
//! cross-references are known before any HTML exists. Every output then
//! writes from the same events: [`to_html`] the site's HTML,
//! [`to_print_html`] the board edition's (ids scoped, headings deeper),
//! [`plain_text`] the words for the search index, [`first_heading`] a plain
//! page's title. pulldown-cmark stays in here.

mod html;
mod ids;
mod levels;
mod raw_html;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use unicode_normalization::UnicodeNormalization;

use crate::config::Language;
use crate::diagnostics::{SourceId, Span};
use crate::framing;
use crate::slug::slugify;

pub use html::{PrintScope, to_html, to_print_html};
use ids::Ids;
mod text;
pub use levels::{Under, check_levels};
mod title;

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
    format!("{anchor}--{id}")
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
    pub ids: HashSet<String>,
    /// Blocks the output fills in, in order; [`to_html`] takes their HTML in
    /// the same order.
    pub embeds: Vec<Embed>,
    /// Raw HTML that brings in or leads to another document, refused (see
    /// [`crate::framing`]), with where it is.
    pub framing: Vec<(framing::Found, Span)>,
    /// Footnotes by label, case-folded as pulldown-cmark matches them.
    footnotes: HashMap<String, Footnote>,
}

/// Bodies parsed before the render pass, by their file: plain pages whose
/// title is their first heading are parsed to find it, and the pass writes
/// them from that parse rather than parse them again.
#[derive(Debug, Default)]
pub struct Parsed<'a>(HashMap<SourceId, Doc<'a>>);

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

impl Outline {
    /// Takes in what `event` (at `range` of `body`) adds to the outline.
    fn read(
        &mut self,
        event: &Event<'_>,
        range: Range<usize>,
        body: &str,
        at: &impl Fn(Range<usize>) -> Span,
        options: HtmlOptions,
    ) {
        let outline = self;
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                let line = body[range.clone()].lines().next().unwrap_or_default().trim_end();
                let span = at(range.start..range.start + line.len());
                let custom = id.as_ref().map(|id| id.nfc().collect());
                outline.heading = Some((custom, String::new(), span));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text, _)) = &mut outline.heading {
                    text.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((custom, text, span)) = outline.heading.take() {
                    outline.headings.push((level_number(*level), custom, text, span));
                }
            }
            Event::Start(Tag::Link { link_type, dest_url, .. }) => {
                let dest = if *link_type == LinkType::Email {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                outline.links.push(Link { dest, span: at(range), image: false });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                outline.links.push(Link {
                    dest: dest_url.to_string(),
                    span: at(range),
                    image: true,
                });
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                if let Some((kind, arg)) = embed(info) {
                    outline.embeds.push(Embed { kind, arg, span: at(range) });
                }
            }
            Event::FootnoteReference(label) => outline.footnote(label, true),
            Event::Start(Tag::FootnoteDefinition(label)) => outline.footnote(label, false),
            Event::Start(Tag::HtmlBlock) if options.allow_html => {
                outline.html_block = Some(HtmlChunk::default());
            }
            Event::Html(html) | Event::InlineHtml(html) if options.allow_html => {
                match &mut outline.html_block {
                    Some(block) => block.push(html, range.start),
                    None => HtmlChunk::one(html, range.start).scan(outline, at),
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = outline.html_block.take() {
                    block.scan(outline, at);
                }
            }
            _ => {}
        }
    }
}

/// What [`parse`] gathers before ids are given out.
#[derive(Default)]
struct Outline {
    heading: Option<(Option<String>, String, Span)>,
    headings: Vec<(u8, Option<String>, String, Span)>,
    links: Vec<Link>,
    embeds: Vec<Embed>,
    framing: Vec<(framing::Found, Span)>,
    html_block: Option<HtmlChunk>,
    /// Footnote keys in order of first mention; whether each was cited.
    footnotes: Vec<(String, String)>,
    footnote_index: HashMap<String, usize>,
    citations: Vec<usize>,
}

impl Outline {
    fn footnote(&mut self, label: &str, citation: bool) {
        let key = label.to_lowercase();
        let next = self.footnotes.len();
        let index = *self.footnote_index.entry(key.clone()).or_insert_with(|| {
            self.footnotes.push((key, label.to_owned()));
            next
        });
        if citation {
            self.citations.push(index);
        }
    }

    /// Gives out ids: footnotes first (from their labels alone), then the
    /// headings' own `{#ids}`, then the rest, so a heading never takes an id
    /// a footnote or an explicit id needs. Each id costs O(1) (see [`Ids`]).
    fn finish(self, events: Vec<Event<'_>>, options: HtmlOptions) -> Doc<'_> {
        let mut ids = Ids::default();
        let mut footnotes: Vec<Footnote> = self
            .footnotes
            .iter()
            .map(|(_, label)| {
                let slug = slugify(label);
                let slug = if slug.is_empty() { "note" } else { &slug };
                Footnote { id: ids.claim(format!("fn-{slug}")), ..Footnote::default() }
            })
            .collect();
        let mut number = 0;
        for &index in &self.citations {
            let footnote = &mut footnotes[index];
            if footnote.cited.is_none() {
                number += 1;
                footnote.number = number;
                footnote.cited = Some(ids.claim(format!("ref-{}", footnote.id)));
            }
        }
        for footnote in footnotes.iter_mut().filter(|f| f.cited.is_none()) {
            number += 1;
            footnote.number = number;
        }
        let mut heading_ids: Vec<Option<String>> = self
            .headings
            .iter()
            .map(|(_, custom, _, _)| custom.clone().map(|c| ids.claim(c)))
            .collect();
        let empty = match options.language {
            Language::Da => "afsnit",
            Language::En => "section",
        };
        let headings = self
            .headings
            .into_iter()
            .zip(&mut heading_ids)
            .map(|((level, _, text, span), id)| {
                let id = id.take().unwrap_or_else(|| {
                    let slug = slugify(&text);
                    ids.claim(if slug.is_empty() { empty.to_owned() } else { slug })
                });
                Heading { level, text, id, span }
            })
            .collect();
        Doc {
            events,
            headings,
            links: self.links,
            ids: ids.into_set(),
            embeds: self.embeds,
            framing: self.framing,
            footnotes: self.footnotes.into_iter().map(|(key, _)| key).zip(footnotes).collect(),
        }
    }
}

/// The kind and argument of a fenced block's info string that names an
/// embed (`chart alle-udsagn`), if it does.
pub(crate) fn embed(info: &str) -> Option<(String, String)> {
    let info = info.trim();
    let (kind, arg) = info.split_once(char::is_whitespace).unwrap_or((info, ""));
    EMBEDS.contains(&kind).then(|| (kind.to_owned(), arg.trim().to_owned()))
}

/// Raw HTML as pulldown-cmark hands it over: a block comes line by line (a
/// tag may span lines), so its pieces are joined before scanning, each
/// remembering where it starts in the body.
#[derive(Default)]
struct HtmlChunk {
    text: String,
    /// (offset in `text`, offset in the body) of each piece.
    pieces: Vec<(usize, usize)>,
}

impl HtmlChunk {
    fn one(html: &str, at: usize) -> HtmlChunk {
        let mut chunk = HtmlChunk::default();
        chunk.push(html, at);
        chunk
    }

    fn push(&mut self, html: &str, at: usize) {
        self.pieces.push((self.text.len(), at));
        self.text.push_str(html);
    }

    /// Body offset of byte `i` of the joined text.
    fn body_offset(&self, i: usize) -> usize {
        let piece = self.pieces.partition_point(|&(start, _)| start <= i).saturating_sub(1);
        let (start, at) = self.pieces[piece];
        at + (i - start)
    }

    /// Body range of `range` in the joined text. Each end is mapped on its
    /// own: a value may cross a line of a block quote, whose `> ` is not in
    /// the joined text.
    fn body_range(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.body_offset(range.start);
        let end = if range.is_empty() { start } else { self.body_offset(range.end - 1) + 1 };
        start..end
    }

    /// Collects the links and the refused tags of the HTML into `outline`.
    fn scan(&self, outline: &mut Outline, at: &impl Fn(Range<usize>) -> Span) {
        for link in raw_html::links(&self.text) {
            let span = at(self.body_range(&link.value));
            outline.links.push(Link { dest: link.dest, span, image: link.image });
        }
        for found in framing::find(&self.text) {
            let span = at(self.body_range(&found.at));
            outline.framing.push((found, span));
        }
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

#[cfg(test)]
mod tests;
