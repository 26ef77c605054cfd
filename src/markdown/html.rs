//! A page body's events written as HTML, with the outline's ids, rewritten
//! links, footnote markup, accessible task lists and tables, and quotes set
//! for the language. The site and the board edition write the same events;
//! the edition's [`PrintScope`] puts every id under the page's anchor,
//! moves headings deeper and shows links out as paper shows them, as the
//! events are written, so its HTML is never scanned again.
//!
//! Here: the writer and where each event goes; `blocks` writes footnotes,
//! code, embeds, raw HTML blocks and tables, `links` links, images and raw
//! HTML with their new destinations.

use rustc_hash::FxHashSet;
use std::slice::Iter;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::{Doc, Footnote, Heading, Href, HtmlOptions};
use crate::config::Language;

mod blocks;
mod links;

pub(super) use links::is_external;

/// How the board edition writes one page's body: every id under `anchor`
/// (`p-initiatives.soc--baggrund`), so the bodies of two pages never share
/// one; every heading `shift` levels deeper (never past `h6`), so a page's
/// `##` sits under its chapter's heading; and, when `drop_title`, without
/// its first `#` heading, which the edition replaces by a numbered one.
#[derive(Clone, Copy, Debug)]
pub struct PrintScope<'a> {
    /// The page's anchor in the edition.
    pub anchor: &'a str,
    /// How many levels deeper headings go.
    pub shift: u8,
    /// Leave out the body's first `#` heading (its title).
    pub drop_title: bool,
}

/// Writes `doc` as HTML for the site. `targets[i]` says how to write the
/// destination of `doc.links[i]`; `embeds[i]` is the HTML of `doc.embeds[i]`.
#[must_use]
pub fn to_html(doc: &Doc<'_>, targets: &[Href], embeds: &[String], options: HtmlOptions) -> String {
    write(doc, targets, embeds, options, None)
}

/// Writes `doc` as HTML for the board edition, scoped by `scope`.
#[must_use]
pub fn to_print_html(
    doc: &Doc<'_>,
    targets: &[Href],
    embeds: &[String],
    options: HtmlOptions,
    scope: PrintScope<'_>,
) -> String {
    write(doc, targets, embeds, options, Some(scope))
}

fn write(
    doc: &Doc<'_>,
    targets: &[Href],
    embeds: &[String],
    options: HtmlOptions,
    scope: Option<PrintScope<'_>>,
) -> String {
    let writer = Writer {
        doc,
        options,
        scope,
        words: Words::of(options.language),
        targets: targets.iter(),
        embeds: embeds.iter(),
        inside: Inside::Prose,
        headings: doc.headings.iter(),
        cited: FxHashSet::default(),
        open_footnotes: Vec::new(),
        html_block: None,
        title_dropped: false,
        in_heading: false,
        closing: Vec::new(),
    };
    let mut html = String::with_capacity(doc.events.len() * 24);
    pulldown_cmark::html::push_html(
        &mut html,
        Written { writer, rest: &doc.events, pending: None },
    );
    html
}

/// The events `writer` makes of `rest`, one at a time. (A `flat_map` over
/// each event's pair of [`Out`] moved every event through layers of
/// adapters, copying it at each: 2 % of a build's instructions.)
struct Written<'d, 't, 'e> {
    writer: Writer<'d, 't>,
    rest: &'e [Event<'e>],
    /// The second event the last one became.
    pending: Option<Event<'e>>,
}

impl<'e> Iterator for Written<'_, '_, 'e> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        if let Some(event) = self.pending.take() {
            return Some(event);
        }
        while let Some((event, rest)) = self.rest.split_first() {
            self.rest = rest;
            // Most events are written as they are: cloned once, not moved
            // through the writer's pairs (an event is 80 bytes; the moves
            // were a third of the writer's instructions).
            if self.writer.keeps(event) {
                return Some(event.clone());
            }
            match self.writer.event(event.clone(), rest) {
                (Some(first), second) => {
                    self.pending = second;
                    return Some(first);
                }
                (None, Some(only)) => return Some(only),
                (None, None) => {}
            }
        }
        None
    }
}

/// True for the tags the writer writes as pulldown-cmark does, with no
/// markup or state of its own (see [`Writer::keeps`]).
fn plain(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
    )
}

/// Words the markup needs, in the site's language.
struct Words {
    done: &'static str,
    open: &'static str,
    back: &'static str,
    table: &'static str,
}

impl Words {
    fn of(language: Language) -> Words {
        match language {
            Language::Da => Words {
                done: "Udført",
                open: "Ikke udført",
                back: "Tilbage til teksten",
                table: "Tabel",
            },
            Language::En => {
                Words { done: "Done", open: "Not done", back: "Back to the text", table: "Table" }
            }
        }
    }
}

struct Writer<'d, 't> {
    doc: &'d Doc<'d>,
    options: HtmlOptions,
    scope: Option<PrintScope<'t>>,
    words: Words,
    targets: Iter<'t, Href>,
    /// The HTML of each embed, in [`Doc::embeds`] order.
    embeds: Iter<'t, String>,
    /// What the events being written are in.
    inside: Inside,
    headings: Iter<'d, Heading>,
    /// Footnotes whose first citation is written (it carries the id).
    cited: FxHashSet<&'d str>,
    open_footnotes: Vec<Option<&'d Footnote>>,
    /// The text of the raw HTML block being read, line by line.
    html_block: Option<String>,
    title_dropped: bool,
    /// In a heading: its text is an id's source and a bookmark's title,
    /// and is not hyphenated.
    in_heading: bool,
    /// How each open link or image closes (links and images nest: an image
    /// may be a link's text).
    closing: Vec<Close>,
}

/// What the writer is in: text is written differently in each.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inside {
    Prose,
    /// A code block: text as typed.
    Code,
    /// An embed's block, whose text is not shown.
    Embed,
    /// The title heading the edition leaves out.
    DroppedTitle,
}

/// How an open link or image ends.
#[derive(Clone, Copy)]
enum Close {
    /// With its own end event.
    AsIs,
    /// With this tag: its start was written as HTML.
    Html(&'static str),
    /// With nothing: it was unlinked.
    Nothing,
}

type Out<'e> = (Option<Event<'e>>, Option<Event<'e>>);

fn html<'e>(h: String) -> Event<'e> {
    Event::Html(CowStr::from(h))
}

fn inline<'e>(h: String) -> Event<'e> {
    Event::InlineHtml(CowStr::from(h))
}

fn one(e: Event<'_>) -> Out<'_> {
    (Some(e), None)
}

impl Writer<'_, '_> {
    /// The HTML of `event`; `rest` are the events after it.
    fn event<'e>(&mut self, event: Event<'e>, rest: &[Event<'e>]) -> Out<'e> {
        if self.inside == Inside::DroppedTitle {
            if let Event::End(TagEnd::Heading(_)) = event {
                self.inside = Inside::Prose;
            }
            return (None, None);
        }
        let event = match event {
            Event::Text(text) if self.hyphenates() => {
                match super::hyphenate::soft_hyphens(&text, self.options.language) {
                    Some(hyphenated) => Event::Text(CowStr::from(hyphenated)),
                    None => Event::Text(text),
                }
            }
            event => event,
        };
        match event {
            Event::FootnoteReference(_)
            | Event::Start(Tag::FootnoteDefinition(_))
            | Event::End(TagEnd::FootnoteDefinition) => one(self.footnote_event(event)),
            Event::TaskListMarker(checked) => {
                let (state, label) =
                    if checked { (" checked", self.words.done) } else { ("", self.words.open) };
                one(inline(format!(
                    "<input type=\"checkbox\" disabled{state} aria-label=\"{label}\"> "
                )))
            }
            Event::Start(Tag::Heading { level, id: _, classes, attrs }) => {
                let heading = self.headings.next();
                if self.drops_title(level) {
                    self.inside = Inside::DroppedTitle;
                    return (None, None);
                }
                // `{key=value}` after a heading becomes a raw HTML attribute
                // (`onclick=…`), so with raw HTML off it goes too.
                let attrs = if self.options.allow_html { attrs } else { Vec::new() };
                let id = heading.map(|h| CowStr::from(self.id(&h.id)));
                self.in_heading = true;
                one(Event::Start(Tag::Heading { level: self.level(level), id, classes, attrs }))
            }
            Event::End(TagEnd::Heading(level)) => {
                self.in_heading = false;
                one(Event::End(TagEnd::Heading(self.level(level))))
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. })
            | Event::End(TagEnd::Link | TagEnd::Image) => self.link_event(event, rest),
            event => self.block_event(event),
        }
    }

    /// True for an event [`Writer::event`] would write as it is, which
    /// changes nothing in the writer's state: prose and code, and the tags
    /// around them that have no markup or state of their own.
    fn keeps(&self, event: &Event<'_>) -> bool {
        if !matches!(self.inside, Inside::Prose | Inside::Code) {
            return false;
        }
        match event {
            Event::Text(text) => {
                self.inside == Inside::Code || !(self.hyphenates() || self.quotes(text))
            }
            Event::Start(tag) => plain(tag.to_end()),
            Event::End(end) => plain(*end),
            Event::Code(_) | Event::SoftBreak | Event::HardBreak | Event::Rule => true,
            _ => false,
        }
    }

    /// True for prose text whose quotes the language sets (Danish »…«).
    fn quotes(&self, text: &str) -> bool {
        // Both quotes begin with the byte E2, which one `memchr` finds in
        // the few texts that have it (a dash, `…`); a search for either
        // char went through every text twice.
        self.options.language == Language::Da
            && self.inside == Inside::Prose
            && memchr::memchr(0xE2, text.as_bytes()).is_some()
            && (text.contains('“') || text.contains('”'))
    }

    /// True where text gets soft hyphens: the board edition's prose, which
    /// Chromium cannot hyphenate in Danish (see [`super::hyphenate`]); not
    /// code, headings, or the site, where each browser hyphenates with its
    /// own dictionary and a copied word must stay whole.
    fn hyphenates(&self) -> bool {
        self.scope.is_some() && self.inside == Inside::Prose && !self.in_heading
    }

    /// The id `id` of the body gets in this output.
    fn id(&self, id: &str) -> String {
        match self.scope {
            Some(scope) => super::scoped(scope.anchor, id),
            None => id.to_owned(),
        }
    }

    /// The level a heading of `level` gets in this output.
    fn level(&self, level: HeadingLevel) -> HeadingLevel {
        let shift = self.scope.map_or(0, |s| usize::from(s.shift));
        let deeper = (level as usize + shift).min(HeadingLevel::H6 as usize);
        HeadingLevel::try_from(deeper).unwrap_or(HeadingLevel::H6)
    }

    /// True for the first `#` heading when the edition leaves it out.
    fn drops_title(&mut self, level: HeadingLevel) -> bool {
        let drop = level == HeadingLevel::H1
            && !self.title_dropped
            && self.scope.is_some_and(|s| s.drop_title);
        self.title_dropped |= drop;
        drop
    }
}
