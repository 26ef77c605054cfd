//! Footnotes, code blocks and embeds, text, raw HTML blocks and tables as
//! the writer writes them: footnotes with ids that cannot clash and a link
//! back, embeds replaced by their HTML, Danish quotes in prose, and wide
//! tables in a box of their own.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

use super::{Inside, Out, Writer, html, inline, one};
use crate::markdown::Footnote;

impl<'d> Writer<'d, '_> {
    /// Footnotes get ids that cannot clash with headings (see
    /// `Outline::finish`) and a link back to their first citation.
    pub(super) fn footnote_event<'e>(&mut self, event: Event<'e>) -> Event<'e> {
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

    /// Code blocks and embeds, text, raw HTML and tables.
    pub(super) fn block_event<'e>(&mut self, event: Event<'e>) -> Out<'e> {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if crate::markdown::embed(&info).is_some() =>
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
            Event::Text(text) if self.quotes(&text) => {
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

    pub(super) fn footnote(&self, label: &str) -> Option<&'d Footnote> {
        self.doc.footnotes.get(&label.to_lowercase())
    }
}
