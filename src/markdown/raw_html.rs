//! Raw HTML in a page whose raw HTML is allowed: one small scanner reads its
//! tags, so links in it (`<a href="x.md">`, `<img src="x.png">`) are checked
//! and rewritten like Markdown links, and the board edition scopes its ids
//! and moves its headings as it does the Markdown's. Every other byte of the
//! HTML stays as written. Only raw HTML is scanned: Markdown is written from
//! its parsed events.
//!
//! The scanner follows the shape of an HTML tag in `CommonMark` (name, then
//! attributes `name`, `name=value`, `name="value"`, `name='value'`), skips
//! comments, declarations and the text of `<script>`, `<style>`,
//! `<textarea>` and `<title>`, and runs in one pass over the text.

use std::ops::Range;

use super::Href;
use super::html::is_external;

/// A link destination found in raw HTML.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct HtmlLink {
    /// The value's bytes in the scanned text, quotes excluded.
    pub(super) value: Range<usize>,
    /// The whole attribute, from the space before its name to the end of
    /// its value (closing quote included): what an unlinked link loses.
    pub(super) attribute: Range<usize>,
    /// The value with character references (`&amp;`) decoded.
    pub(super) dest: String,
    /// True for `<img src>`.
    pub(super) image: bool,
}

/// One tag of an HTML text.
struct Tag {
    /// From its `<` to just after its `>`.
    range: Range<usize>,
    /// The tag's name, lowercased.
    name: String,
    /// Where the name is.
    name_at: Range<usize>,
    /// True for an end tag (`</h2>`).
    end: bool,
    attrs: Vec<Attr>,
}

/// One attribute of a tag.
struct Attr {
    /// Its name, lowercased.
    name: String,
    /// From the space before its name to the end of its value.
    whole: Range<usize>,
    /// Its value, quotes excluded (`None` for a bare `disabled`).
    value: Option<Range<usize>>,
}

/// Elements whose content is text, not tags.
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

/// Every tag of `html`, in order.
fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &bytes[i..]) {
        i += lt + 1;
        let rest = &html[i..];
        if let Some(comment) = rest.strip_prefix("!--") {
            i += 3 + comment.find("-->").map_or(comment.len(), |e| e + 3);
        } else if rest.starts_with("![CDATA[") {
            i += rest.find("]]>").map_or(rest.len(), |e| e + 3);
        } else if let Some(name) = rest.strip_prefix('/') {
            let len = run(name.as_bytes(), |b| b.is_ascii_alphanumeric() || b == b'-');
            let start = i - 1;
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
            if len > 0 {
                let name_at = start + 2..start + 2 + len;
                let name = html[name_at.clone()].to_ascii_lowercase();
                found.push(Tag { range: start..i, name, name_at, end: true, attrs: Vec::new() });
            }
        } else if rest.starts_with(['!', '?']) {
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (end, tag) = start_tag(html, i);
            i = end;
            if RAW_TEXT.contains(&tag.name.as_str()) {
                i += close_tag(&html[i..], &tag.name).unwrap_or(html.len() - i);
            }
            found.push(tag);
        }
    }
    found
}

/// Reads the start tag whose name begins at `at`. Returns where scanning
/// goes on and the tag.
fn start_tag(html: &str, at: usize) -> (usize, Tag) {
    let (end, mut tag) = start_tag_parts(html, at);
    tag.range.end = end;
    (end, tag)
}

fn start_tag_parts(html: &str, at: usize) -> (usize, Tag) {
    let bytes = html.as_bytes();
    let mut i = at + run(&bytes[at..], |b| b.is_ascii_alphanumeric() || b == b'-');
    let name = html[at..i].to_ascii_lowercase();
    let mut tag = Tag { range: at - 1..at, name, name_at: at..i, end: false, attrs: Vec::new() };
    loop {
        let space = run(&bytes[i..], |b| b.is_ascii_whitespace());
        let attr_start = i;
        i += space;
        match bytes.get(i) {
            None => return (i, tag),
            Some(b'>') => return (i + 1, tag),
            Some(b'/') if bytes.get(i + 1) == Some(&b'>') => return (i + 2, tag),
            _ => {}
        }
        let attr_len = attribute_name(&bytes[i..]);
        if attr_len == 0 || space == 0 {
            // Not a tag after all (`a <b` in text, `<a/x>`): read on from here.
            return (i, tag);
        }
        let name = html[i..i + attr_len].to_ascii_lowercase();
        i += attr_len;
        let before_eq = run(&bytes[i..], |b| b.is_ascii_whitespace());
        if bytes.get(i + before_eq) != Some(&b'=') {
            tag.attrs.push(Attr { name, whole: attr_start..i, value: None });
            continue;
        }
        i += before_eq + 1;
        i += run(&bytes[i..], |b| b.is_ascii_whitespace());
        let value = if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
            let Some(close) = memchr(quote, &bytes[i + 1..]) else { return (i, tag) };
            let value = i + 1..i + 1 + close;
            i = value.end + 1;
            value
        } else {
            let len = run(&bytes[i..], |b| !b.is_ascii_whitespace() && !b"\"'=<>`".contains(&b));
            let value = i..i + len;
            i += len;
            value
        };
        tag.attrs.push(Attr { name, whole: attr_start..i, value: Some(value) });
    }
}

/// Every `href` of `<a>`/`<area>` and `src` of `<img>` in `html`, in order.
pub(super) fn links(html: &str) -> Vec<HtmlLink> {
    let mut found = Vec::new();
    for tag in tags(html).into_iter().filter(|t| !t.end) {
        for attr in tag.attrs {
            let image = match (tag.name.as_str(), attr.name.as_str()) {
                ("a" | "area", "href") => false,
                ("img", "src") => true,
                _ => continue,
            };
            let Some(value) = attr.value else { continue };
            found.push(HtmlLink {
                dest: decode(&html[value.clone()]),
                value,
                attribute: attr.whole,
                image,
            });
        }
    }
    found
}

/// Length of an attribute name at the start of `bytes` (0 if there is none).
fn attribute_name(bytes: &[u8]) -> usize {
    match bytes.first() {
        Some(b) if b.is_ascii_alphabetic() || *b == b'_' || *b == b':' => {
            1 + run(&bytes[1..], |b| b.is_ascii_alphanumeric() || b"_.:-".contains(&b))
        }
        _ => 0,
    }
}

/// Offset just past `</name…>` in `text`, matching the name in any case.
fn close_tag(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &bytes[i..]) {
        i += lt;
        let candidate = &bytes[i + 1..];
        if candidate.first() == Some(&b'/')
            && candidate.len() > name.len()
            && candidate[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(i + memchr(b'>', &bytes[i..]).map_or(bytes.len() - i, |e| e + 1));
        }
        i += 1;
    }
    None
}

/// Decodes the character references a URL in an attribute may hold.
fn decode(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        if let Some(c) = decoded {
            out.push(c);
            rest = &rest[semi + 1..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// `html` with the value of each link in `found` that has a new destination
/// in `targets` (same order) replaced, quoted and escaped, and the attribute
/// of each unlinked one left out; all else as written.
pub(super) fn rewrite(html: &str, found: &[HtmlLink], targets: &[Href]) -> String {
    let edits = found.iter().zip(targets).filter_map(|(link, target)| match target {
        Href::Keep => None,
        Href::Unlink => Some((link.attribute.clone(), String::new())),
        Href::To(to) => {
            let (mut start, mut end) = (link.value.start, link.value.end);
            // A quoted value is replaced with its quotes, so one style is written.
            if start > 0 && matches!(html.as_bytes()[start - 1], b'"' | b'\'') {
                start -= 1;
                end += 1;
            }
            Some((start..end, format!("\"{}\"", escape(to))))
        }
    });
    splice(html, edits)
}

/// Attributes that name other elements by id, space-separated.
const ID_REFERENCES: [&str; 5] =
    ["aria-labelledby", "aria-describedby", "aria-controls", "for", "headers"];

/// Raw HTML of the page at `anchor` as the board edition writes it: every
/// `id` scoped under the anchor, and with it what refers to ids (`#…`
/// links within the page, `aria-labelledby` and the like); every heading
/// `shift` levels deeper (at most `h6`); an image on the web a link to it
/// (the edition makes no request); a link whose text is its own address
/// marked `bare`, so print does not show the address twice. A tag only
/// partly written (`<a href=x` at the end of a fragment) is left as it is.
pub(super) fn for_print(html: &str, anchor: &str, shift: u8) -> String {
    let scope = |id: &str| super::scoped(anchor, id);
    let mut edits = Vec::new();
    let all = tags(html);
    for (k, tag) in all.iter().enumerate() {
        if let Some(level) = heading_level(&tag.name) {
            let deeper = (level + shift).min(6);
            let digit = tag.name_at.start + 1;
            edits.push((digit..digit + 1, deeper.to_string()));
        }
        if tag.end {
            continue;
        }
        let value =
            |name: &str| tag.attrs.iter().find(|a| a.name == name).and_then(|a| a.value.clone());
        let external = |name: &str| value(name).filter(|v| is_external(&html[v.clone()]));
        if let Some(src) = external("src").filter(|_| tag.name == "img") {
            let src = &html[src];
            let alt = value("alt").map(|alt| &html[alt]).filter(|alt| !alt.is_empty());
            edits
                .push((tag.range.clone(), format!("<a href=\"{src}\">{}</a>", alt.unwrap_or(src))));
            continue;
        }
        if let (Some(href), Some(next)) =
            (external("href").filter(|_| tag.name == "a"), all.get(k + 1))
        {
            let (href, text) = (&html[href], &html[tag.range.end..next.range.start]);
            let closed = html.as_bytes()[tag.range.end - 1] == b'>';
            if closed
                && (text == href
                    || text.trim_start_matches("mailto:") == href.trim_start_matches("mailto:"))
            {
                let at = tag.range.end - 1 - usize::from(html[..tag.range.end].ends_with("/>"));
                edits.push((at..at, " class=\"bare\"".to_owned()));
            }
        }
        // Links are already written with the edition's anchors (every
        // `href` here is one of [`links`]); ids and what names them are not.
        for attr in &tag.attrs {
            let Some(value) = attr.value.clone() else { continue };
            let text = &html[value.clone()];
            match attr.name.as_str() {
                "id" if !text.is_empty() => edits.push((value, scope(text))),
                name if ID_REFERENCES.contains(&name) && !text.trim().is_empty() => {
                    let ids: Vec<String> = text.split_whitespace().map(scope).collect();
                    edits.push((value, ids.join(" ")));
                }
                _ => {}
            }
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    splice(html, edits)
}

/// The heading level of a tag named `h1`…`h6`.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', digit @ b'1'..=b'6'] => Some(digit - b'0'),
        _ => None,
    }
}

/// `html` with each replacement `(range, text)` made; ranges in order, apart.
fn splice(html: &str, edits: impl IntoIterator<Item = (Range<usize>, String)>) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut at = 0;
    for (range, text) in edits {
        out.push_str(&html[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&html[at..]);
    out
}

fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

fn run(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    bytes.iter().position(|&b| !pred(b)).unwrap_or(bytes.len())
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests;
