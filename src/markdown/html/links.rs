//! Links, images and raw HTML as the writer writes them: each with the
//! destination the cross-references gave it, and in the board edition a
//! link out shown as paper shows it and an image on the web made a link,
//! since the edition makes no request.

use std::fmt::Write as _;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

use super::{Close, Out, Writer, inline, one};
use crate::markdown::{Href, raw_html};

impl Writer<'_, '_> {
    /// A link's or an image's start, with its new destination, or its end.
    pub(super) fn link_event<'e>(&mut self, event: Event<'e>, rest: &[Event<'e>]) -> Out<'e> {
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

    pub(super) fn link<'e>(
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

    pub(super) fn image<'e>(
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
    pub(super) fn raw_html<'e>(&mut self, text: &str, inline: bool) -> Event<'e> {
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
pub(in crate::markdown) fn is_external(url: &str) -> bool {
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
