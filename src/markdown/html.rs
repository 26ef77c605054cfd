//! The second pass: the page body's events again, written as HTML with the
//! outline's ids, rewritten links, footnote markup, accessible task lists and
//! tables, and quotes set for the language.

use std::collections::HashSet;
use std::slice::Iter;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};

use super::{Doc, Footnote, Heading, HtmlOptions, parser_options, raw_html};
use crate::config::Language;

/// Writes `doc` as HTML. `targets[i]` replaces the destination of
/// `doc.links[i]` when it is `Some`.
#[must_use]
pub fn to_html(
    doc: &Doc<'_>,
    targets: &[Option<String>],
    embeds: &[String],
    options: HtmlOptions,
) -> String {
    let mut writer = Writer {
        doc,
        options,
        words: Words::of(options.language),
        targets: targets.iter(),
        embeds: embeds.iter(),
        in_embed: false,
        headings: doc.headings.iter(),
        cited: HashSet::new(),
        open_footnotes: Vec::new(),
        in_code_block: false,
        html_block: None,
    };
    let events = Parser::new_ext(doc.body, parser_options()).flat_map(|event| {
        let (first, second) = writer.event(event);
        first.into_iter().chain(second)
    });
    let mut html = String::with_capacity(doc.body.len() * 5 / 4);
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
    words: Words,
    targets: Iter<'t, Option<String>>,
    /// The HTML of each embed, in [`Doc::embeds`] order.
    embeds: Iter<'t, String>,
    /// True inside an embed's block, whose text is not shown.
    in_embed: bool,
    headings: Iter<'d, Heading>,
    /// Footnotes whose first citation is written (it carries the id).
    cited: HashSet<&'d str>,
    open_footnotes: Vec<Option<&'d Footnote>>,
    in_code_block: bool,
    /// The text of the raw HTML block being read, line by line.
    html_block: Option<String>,
}

type Out<'e> = (Option<Event<'e>>, Option<Event<'e>>);

impl<'d> Writer<'d, '_> {
    fn event<'e>(&mut self, event: Event<'e>) -> Out<'e> {
        let html = |h: String| Event::Html(CowStr::from(h));
        let one = |e: Event<'e>| (Some(e), None);
        match event {
            // Footnotes get ids that cannot clash with headings (see
            // `Outline::finish`) and a link back to their first citation.
            Event::FootnoteReference(label) => {
                let Some(footnote) = self.footnote(&label) else { return one(Event::Text(label)) };
                let anchor = match &footnote.cited {
                    Some(id) if self.cited.insert(&footnote.id) => format!(" id=\"{id}\""),
                    _ => String::new(),
                };
                let (id, n) = (&footnote.id, footnote.number);
                one(Event::InlineHtml(
                    format!(
                        "<sup class=\"footnote-reference\"{anchor}><a href=\"#{id}\">{n}</a></sup>"
                    )
                    .into(),
                ))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let footnote = self.footnote(&label);
                self.open_footnotes.push(footnote);
                let (id, n) = footnote.map_or(("", 0), |f| (f.id.as_str(), f.number));
                one(html(format!(
                    "<div class=\"footnote-definition\" id=\"{id}\"><sup class=\"footnote-definition-label\">{n}</sup>\n"
                )))
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let back = self.open_footnotes.pop().flatten().and_then(|f| f.cited.as_ref());
                let link = back.map_or(String::new(), |ref_id| {
                    let label = self.words.back;
                    format!("<a class=\"footnote-backref\" href=\"#{ref_id}\" aria-label=\"{label}\">↩</a>")
                });
                one(html(format!("{link}</div>\n")))
            }
            Event::TaskListMarker(checked) => {
                let (state, label) =
                    if checked { (" checked", self.words.done) } else { ("", self.words.open) };
                one(Event::InlineHtml(
                    format!("<input type=\"checkbox\" disabled{state} aria-label=\"{label}\"> ")
                        .into(),
                ))
            }
            Event::Start(Tag::Heading { level, id: _, classes, attrs }) => {
                // `{key=value}` after a heading becomes a raw HTML attribute
                // (`onclick=…`), so with raw HTML off it goes too.
                let attrs = if self.options.allow_html { attrs } else { Vec::new() };
                let id = self.headings.next().map(|h| CowStr::from(h.id.clone()));
                one(Event::Start(Tag::Heading { level, id, classes, attrs }))
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = self.target().map_or(dest_url, CowStr::from);
                one(Event::Start(Tag::Link { link_type, dest_url, title, id }))
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let dest_url = self.target().map_or(dest_url, CowStr::from);
                one(Event::Start(Tag::Image { link_type, dest_url, title, id }))
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if super::embed(&info).is_some() =>
            {
                self.in_embed = true;
                one(html(self.embeds.next().cloned().unwrap_or_default()))
            }
            Event::End(TagEnd::CodeBlock) if self.in_embed => {
                self.in_embed = false;
                (None, None)
            }
            _ if self.in_embed => (None, None),
            Event::Start(Tag::CodeBlock(kind)) => {
                self.in_code_block = true;
                one(Event::Start(Tag::CodeBlock(kind)))
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code_block = false;
                one(Event::End(TagEnd::CodeBlock))
            }
            // Typographic quotes are for prose: code shows what was typed.
            Event::Text(text)
                if self.options.language == Language::Da
                    && !self.in_code_block
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

    fn target(&mut self) -> Option<String> {
        self.targets.next().cloned().flatten()
    }

    /// Raw HTML with its links rewritten, or as text when raw HTML is off.
    fn raw_html<'e>(&mut self, text: &str, inline: bool) -> Event<'e> {
        let found = if self.doc.raw_html_links { raw_html::links(text) } else { Vec::new() };
        let targets: Vec<Option<String>> = found.iter().map(|_| self.target()).collect();
        let text = CowStr::from(text.to_owned());
        if !self.options.allow_html {
            Event::Text(text)
        } else if targets.iter().all(Option::is_none) {
            if inline { Event::InlineHtml(text) } else { Event::Html(text) }
        } else {
            let rewritten = CowStr::from(raw_html::rewrite(&text, &found, &targets));
            if inline { Event::InlineHtml(rewritten) } else { Event::Html(rewritten) }
        }
    }
}
