//! A page body as plain text, for the search index: the words a reader sees,
//! without markup.

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use crate::byteset::byte_set;
use crate::markdown::chars::{Class, class_at};
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
    /// (`**fed**tekst` arrives as `fed`, `tekst`). Words already one space
    /// apart, as most of a text's are, are copied as one piece.
    fn push(&mut self, chunk: &str) {
        let mut at = 0;
        while !self.full() && at < chunk.len() {
            let (mut space, mut len) = next_space(chunk, at);
            if space > at {
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
                let start = at;
                while len == 1 && chunk.as_bytes()[space] == b' ' && self.count < self.max {
                    let next = next_space(chunk, space + 1);
                    if next.0 == space + 1 {
                        break;
                    }
                    self.count += 1;
                    (space, len) = next;
                }
                self.out.push_str(&chunk[start..space]);
            }
            if len > 0 {
                self.gap();
            }
            at = space + len;
        }
    }

    fn gap(&mut self) {
        self.space = true;
    }

    fn full(&self) -> bool {
        self.count == self.max && self.space
    }
}

/// Where the first white space ([`char::is_whitespace`]) at or after byte
/// `at` of `text` begins, and its length; the end of `text` and 0 when
/// there is none. A byte at a time through a table, as this reads every
/// page's words.
fn next_space(text: &str, mut at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    while let Some(found) = bytes[at..].iter().position(|&byte| MAY_BEGIN_SPACE[usize::from(byte)])
    {
        at += found;
        if bytes[at].is_ascii() {
            return (at, 1);
        }
        match class_at(text, at) {
            (len, Class::Space) => return (at, len),
            (len, _) => at += len,
        }
    }
    (bytes.len(), 0)
}

/// The bytes white space may begin with: ASCII's, and the first bytes of
/// the others (U+0085 and U+00A0: C2; U+1680: E1; U+2000–U+205F: E2;
/// U+3000: E3). No other byte, lead or continuation, begins one.
const MAY_BEGIN_SPACE: [bool; 256] = byte_set(b"\t\n\x0B\x0C\r \xC2\xE1\xE2\xE3");

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

#[cfg(test)]
mod tests {
    use super::{Words, next_space};

    /// What `Words` must make of `pieces`: their words, one space apart,
    /// the first `max`, where a piece may end inside a word.
    fn reference(pieces: &[&str], max: usize) -> String {
        let joined: String = pieces.concat();
        joined.split_whitespace().take(max).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn words_are_one_space_apart_up_to_the_limit_however_the_text_comes() {
        let text = "Fælles  SOC\ten fed\u{a0}tekst med et link og kode.\n Mål år  ";
        for max in [0, 1, 2, 3, 5, 8, 100] {
            for cut in 0..=text.len() {
                for second in cut..=text.len() {
                    if !(text.is_char_boundary(cut) && text.is_char_boundary(second)) {
                        continue;
                    }
                    let pieces = [&text[..cut], &text[cut..second], &text[second..]];
                    let mut words = Words { out: String::new(), count: 0, max, space: false };
                    for piece in pieces {
                        words.push(piece);
                    }
                    assert_eq!(words.out, reference(&pieces, max), "{pieces:?} {max}");
                }
            }
        }
    }

    #[test]
    fn white_space_is_found_where_char_finds_it() {
        let planes = (0..=0x3100).chain(0xFE00..=0xFFFF).chain([0x1_F600, 0x10_FFFF]);
        for c in planes.filter_map(char::from_u32) {
            let text = format!("æ{c}x");
            let expected = if c.is_whitespace() { (2, c.len_utf8()) } else { (text.len(), 0) };
            assert_eq!(next_space(&text, 0), expected, "{c:?}");
        }
        assert_eq!(next_space("ab\u{a0}c d", 3), (5, 1));
    }
}
