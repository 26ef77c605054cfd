//! A page body's events written as HTML, with the outline's ids, rewritten
//! links, footnote markup, accessible task lists and tables, and quotes set
//! for the language. The site and the board edition write the same events;
//! the edition's [`PrintScope`] puts every id under the page's anchor,
//! moves headings deeper and shows links out as paper shows them, as the
//! events are written, so its HTML is never scanned again.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::slice::Iter;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

use super::{Doc, Footnote, Heading, Href, HtmlOptions, raw_html};
use crate::config::Language;

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
    let mut writer = Writer {
        doc,
        options,
        scope,
        words: Words::of(options.language),
        targets: targets.iter(),
        embeds: embeds.iter(),
        inside: Inside::Prose,
        headings: doc.headings.iter(),
        cited: HashSet::new(),
        open_footnotes: Vec::new(),
        html_block: None,
        title_dropped: false,
        closing: Vec::new(),
    };
    let events = doc.events.iter().enumerate().flat_map(|(i, event)| {
        let (first, second) = writer.event(event.clone(), &doc.events[i + 1..]);
        first.into_iter().chain(second)
    });
    let mut html = String::with_capacity(doc.events.len() * 24);
    pulldown_cmark::html::push_html(&mut html, events);
    html
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
    cited: HashSet<&'d str>,
    open_footnotes: Vec<Option<&'d Footnote>>,
    /// The text of the raw HTML block being read, line by line.
    html_block: Option<String>,
    title_dropped: bool,
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

impl<'d> Writer<'d, '_> {
    /// The HTML of `event`; `rest` are the events after it.
    fn event<'e>(&mut self, event: Event<'e>, rest: &[Event<'e>]) -> Out<'e> {
        if self.inside == Inside::DroppedTitle {
            if let Event::End(TagEnd::Heading(_)) = event {
                self.inside = Inside::Prose;
            }
            return (None, None);
        }
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
                one(Event::Start(Tag::Heading { level: self.level(level), id, classes, attrs }))
            }
            Event::End(TagEnd::Heading(level)) => {
                one(Event::End(TagEnd::Heading(self.level(level))))
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. })
            | Event::End(TagEnd::Link | TagEnd::Image) => self.link_event(event, rest),
            event => self.block_event(event),
        }
    }

    /// Footnotes get ids that cannot clash with headings (see
    /// `Outline::finish`) and a link back to their first citation.
    fn footnote_event<'e>(&mut self, event: Event<'e>) -> Event<'e> {
        match event {
            Event::FootnoteReference(label) => {
                let Some(footnote) = self.footnote(&label) else { return Event::Text(label) };
                let anchor = match &footnote.cited {
                    Some(id) if self.cited.insert(&footnote.id) => {
                        format!(" id=\"{}\"", self.id(id))
                    }
                    _ => String::new(),
                };
                let (id, n) = (self.id(&footnote.id), footnote.number);
                inline(format!(
                    "<sup class=\"footnote-reference\"{anchor}><a href=\"#{id}\">{n}</a></sup>"
                ))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let footnote = self.footnote(&label);
                self.open_footnotes.push(footnote);
                let (id, n) = footnote.map_or((String::new(), 0), |f| (self.id(&f.id), f.number));
                html(format!(
                    "<div class=\"footnote-definition\" id=\"{id}\"><sup class=\"footnote-definition-label\">{n}</sup>\n"
                ))
            }
            _ => {
                let back = self.open_footnotes.pop().flatten().and_then(|f| f.cited.as_ref());
                let link = back.map_or(String::new(), |ref_id| {
                    let (label, ref_id) = (self.words.back, self.id(ref_id));
                    format!("<a class=\"footnote-backref\" href=\"#{ref_id}\" aria-label=\"{label}\">↩</a>")
                });
                html(format!("{link}</div>\n"))
            }
        }
    }

    /// A link's or an image's start, with its new destination, or its end.
    fn link_event<'e>(&mut self, event: Event<'e>, rest: &[Event<'e>]) -> Out<'e> {
        match event {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let href = self.targets.next().cloned().unwrap_or(Href::Keep);
                self.link(link_type, dest_url, title, id, href, rest)
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let href = self.targets.next().cloned().unwrap_or(Href::Keep);
                self.image(link_type, dest_url, title, id, href, rest)
            }
            Event::End(end) => match self.closing.pop() {
                Some(Close::Html(close)) => one(inline(close.to_owned())),
                Some(Close::Nothing) => (None, None),
                Some(Close::AsIs) | None => one(Event::End(end)),
            },
            event => one(event),
        }
    }

    /// Code blocks and embeds, text, raw HTML and tables.
    fn block_event<'e>(&mut self, event: Event<'e>) -> Out<'e> {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if super::embed(&info).is_some() =>
            {
                self.inside = Inside::Embed;
                one(html(self.embeds.next().cloned().unwrap_or_default()))
            }
            Event::End(TagEnd::CodeBlock) if self.inside == Inside::Embed => {
                self.inside = Inside::Prose;
                (None, None)
            }
            _ if self.inside == Inside::Embed => (None, None),
            Event::Start(Tag::CodeBlock(kind)) => {
                self.inside = Inside::Code;
                one(Event::Start(Tag::CodeBlock(kind)))
            }
            Event::End(TagEnd::CodeBlock) => {
                self.inside = Inside::Prose;
                one(Event::End(TagEnd::CodeBlock))
            }
            // Typographic quotes are for prose: code shows what was typed.
            Event::Text(text)
                if self.options.language == Language::Da
                    && self.inside == Inside::Prose
                    && text.contains(['“', '”']) =>
            {
                one(Event::Text(CowStr::from(text.replace('“', "»").replace('”', "«"))))
            }
            Event::Start(Tag::HtmlBlock) => {
                self.html_block = Some(String::new());
                one(Event::Start(Tag::HtmlBlock))
            }
            Event::Html(text) => match &mut self.html_block {
                Some(block) => {
                    block.push_str(&text);
                    (None, None)
                }
                None => one(self.raw_html(&text, false)),
            },
            Event::End(TagEnd::HtmlBlock) => {
                let block = self.html_block.take().unwrap_or_default();
                (Some(self.raw_html(&block, false)), Some(Event::End(TagEnd::HtmlBlock)))
            }
            Event::InlineHtml(text) => one(self.raw_html(&text, true)),
            // Wide tables scroll inside their own box instead of the page.
            Event::Start(Tag::Table(alignment)) => {
                let table = self.words.table;
                (
                    Some(html(format!(
                        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{table}\">\n"
                    ))),
                    Some(Event::Start(Tag::Table(alignment))),
                )
            }
            Event::End(TagEnd::Table) => {
                (Some(Event::End(TagEnd::Table)), Some(html("</div>\n".to_owned())))
            }
            event => one(event),
        }
    }

    fn footnote(&self, label: &str) -> Option<&'d Footnote> {
        self.doc.footnotes.get(&label.to_lowercase())
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

    fn link<'e>(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'e>,
        title: CowStr<'e>,
        id: CowStr<'e>,
        href: Href,
        rest: &[Event<'e>],
    ) -> Out<'e> {
        let dest = match (href, self.scope) {
            (Href::Unlink, _) => {
                self.closing.push(Close::Nothing);
                return (None, None);
            }
            (Href::To(to), _) => CowStr::from(to),
            (Href::Keep, _) => dest_url,
        };
        if self.scope.is_some() && is_external(&dest) && shows_its_address(&dest, rest) {
            // The stylesheet prints each link's address after it; a link
            // whose text is its address is marked, so it is not printed twice.
            self.closing.push(Close::Html("</a>"));
            return one(inline(format!(
                "<a href=\"{}\"{} class=\"bare\">",
                href_attr(&dest),
                title_attr(&title)
            )));
        }
        self.closing.push(Close::AsIs);
        one(Event::Start(Tag::Link { link_type, dest_url: dest, title, id }))
    }

    fn image<'e>(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'e>,
        title: CowStr<'e>,
        id: CowStr<'e>,
        href: Href,
        rest: &[Event<'e>],
    ) -> Out<'e> {
        let dest = match href {
            Href::To(to) => CowStr::from(to),
            Href::Keep | Href::Unlink => dest_url,
        };
        if self.scope.is_some() && is_external(&dest) {
            // The edition makes no request: an image on the web becomes a
            // link to it, with its description (or its address) as text.
            self.closing.push(Close::Html("</a>"));
            let text = if matches!(rest.first(), Some(Event::End(TagEnd::Image))) {
                let mut escaped = String::new();
                let _ = escape_html(&mut escaped, &dest);
                escaped
            } else {
                String::new()
            };
            return one(inline(format!("<a href=\"{}\">{text}", href_attr(&dest))));
        }
        self.closing.push(Close::AsIs);
        one(Event::Start(Tag::Image { link_type, dest_url: dest, title, id }))
    }

    /// Raw HTML with its links rewritten (and, in the edition, its ids
    /// scoped and its headings moved), or as text when raw HTML is off.
    fn raw_html<'e>(&mut self, text: &str, inline: bool) -> Event<'e> {
        if !self.options.allow_html {
            return Event::Text(CowStr::from(text.to_owned()));
        }
        let found = raw_html::links(text);
        let targets: Vec<Href> =
            found.iter().map(|_| self.targets.next().cloned().unwrap_or(Href::Keep)).collect();
        let mut out = if targets.iter().all(|t| *t == Href::Keep) {
            text.to_owned()
        } else {
            raw_html::rewrite(text, &found, &targets)
        };
        if let Some(scope) = self.scope {
            out = raw_html::for_print(&out, scope.anchor, scope.shift);
        }
        if inline { Event::InlineHtml(CowStr::from(out)) } else { Event::Html(CowStr::from(out)) }
    }
}

/// A destination on the web (or a mail address), not in the document.
pub(super) fn is_external(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "//", "mailto:"].iter().any(|p| lower.starts_with(p))
}

/// True when the link whose events follow is just its own address.
fn shows_its_address(dest: &str, rest: &[Event<'_>]) -> bool {
    match rest {
        [Event::Text(text), Event::End(TagEnd::Link), ..] => {
            text.as_ref() == dest
                || text.trim_start_matches("mailto:") == dest.trim_start_matches("mailto:")
        }
        _ => false,
    }
}

fn href_attr(dest: &str) -> String {
    let mut out = String::new();
    let _ = escape_href(&mut out, dest);
    out
}

fn title_attr(title: &str) -> String {
    if title.is_empty() {
        return String::new();
    }
    let mut out = String::from(" title=\"");
    let _ = escape_html(&mut out, title);
    let _ = write!(out, "\"");
    out
}
