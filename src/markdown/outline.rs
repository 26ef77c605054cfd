//! The outline of a body, gathered from its events as they are parsed:
//! headings, links and images, embeds, footnotes and raw HTML's links and
//! framing, with where each is written; then ids given out so none
//! clashes, into the [`Doc`] every output writes from.

use rustc_hash::FxHashMap;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::ids::Ids;
use super::{Doc, Embed, Footnote, Heading, HtmlOptions, Link, embed, raw_html};
use crate::config::Language;
use crate::diagnostics::Span;
use crate::framing;
use crate::slug::slugify;

impl Outline {
    /// Takes in what `event` (at `range` of `body`) adds to the outline.
    pub(super) fn read(
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
                let custom = id.as_ref().map(|id| crate::nfc::nfc(id).into_owned());
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
pub(super) struct Outline {
    heading: Option<(Option<String>, String, Span)>,
    headings: Vec<(u8, Option<String>, String, Span)>,
    links: Vec<Link>,
    embeds: Vec<Embed>,
    framing: Vec<(framing::Found, Span)>,
    html_block: Option<HtmlChunk>,
    /// Footnote keys in order of first mention; whether each was cited.
    footnotes: Vec<(String, String)>,
    footnote_index: FxHashMap<String, usize>,
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
    pub(super) fn finish(self, events: Vec<Event<'_>>, options: HtmlOptions) -> Doc<'_> {
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
