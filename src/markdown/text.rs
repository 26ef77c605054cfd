//! A page body as plain text, for the search index: the words a reader sees,
//! without markup.

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use crate::markdown::chars::{Class, class_at, run};
use crate::markdown::{Doc, embed};

/// The words of `doc`'s body as a reader sees them, separated by single
/// spaces: paragraphs, headings, lists, tables, footnotes, image
/// descriptions, code and the text between raw HTML tags; no markup, no
/// tags, no chart blocks (their block holds an id, not words). At most
/// `max_words` words: reading stops there, so a long page costs no more
/// than a short one.
#[must_use]
pub fn plain_text(doc: &Doc<'_>, max_words: usize) -> String {
    let mut text = Words { out: String::new(), count: 0, max: max_words, space: false };
    let mut in_embed = false;
    for event in &doc.events {
        match event {
            Event::Text(t) | Event::Code(t) if !in_embed => text.push(t),
            Event::Html(t) | Event::InlineHtml(t) => text.push(&strip_tags(t)),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                in_embed = embed(info).is_some();
            }
            Event::End(TagEnd::CodeBlock) => {
                in_embed = false;
                text.gap();
            }
            // Where blocks and cells end, words end: `a` and `b` in two
            // table cells are two words, not `ab`.
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            )
            | Event::Rule
            | Event::FootnoteReference(_) => text.gap(),
            _ => {}
        }
        if text.full() {
            break;
        }
    }
    text.out
}

/// Words collected up to a limit, with one space between them.
struct Words {
    out: String,
    count: usize,
    max: usize,
    /// A word boundary is pending: the next word starts after a space.
    space: bool,
}

impl Words {
    /// Appends `chunk`: text that may start or end inside a word
    /// (`**fed**tekst` arrives as `fed`, `tekst`). Its white space is found
    /// from its bytes ([`class_at`]): this reads every page's words.
    fn push(&mut self, chunk: &str) {
        let mut at = 0;
        while !self.full() && at < chunk.len() {
            let (len, class) = class_at(chunk, at);
            if class == Class::Space {
                self.gap();
                at += len;
                continue;
            }
            let start = at;
            at = run(chunk, at, |class| class != Class::Space).0;
            if self.space || self.out.is_empty() {
                if self.count == self.max {
                    self.space = true;
                    return;
                }
                if !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.count += 1;
                self.space = false;
            }
            self.out.push_str(&chunk[start..at]);
        }
    }

    fn gap(&mut self) {
        self.space = true;
    }

    fn full(&self) -> bool {
        self.count == self.max && self.space
    }
}

/// The text between the tags of raw HTML (`<b>fed</b>` is `fed`); a tag is a
/// word boundary.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
