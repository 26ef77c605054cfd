//! Links written in raw HTML: `<a href="x.md">` and `<img src="x.png">` in
//! a page whose raw HTML is allowed. A small scanner finds those attribute
//! values so they are checked and rewritten like Markdown links, and leaves
//! every other byte of the HTML as written.
//!
//! It follows the shape of an HTML start tag in `CommonMark` (name, then
//! attributes `name`, `name=value`, `name="value"`, `name='value'`), skips
//! comments, declarations, end tags and the text of `<script>`, `<style>`,
//! `<textarea>` and `<title>`, and runs in one pass over the text.

use std::ops::Range;

/// A link destination found in raw HTML.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct HtmlLink {
    /// The value's bytes in the scanned text, quotes excluded.
    pub(super) value: Range<usize>,
    /// The value with character references (`&amp;`) decoded.
    pub(super) dest: String,
    /// True for `<img src>`.
    pub(super) image: bool,
}

/// Elements whose content is text, not tags.
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

/// Every `href` of `<a>`/`<area>` and `src` of `<img>` in `html`, in order.
pub(super) fn links(html: &str) -> Vec<HtmlLink> {
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
        } else if rest.starts_with(['!', '?', '/']) {
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (end, name) = start_tag(html, i, &mut found);
            i = end;
            if RAW_TEXT.contains(&name.as_str()) {
                i += close_tag(&html[i..], &name).unwrap_or(html.len() - i);
            }
        }
    }
    found
}

/// Reads the start tag whose name begins at `at`; records its link
/// attributes in `found`. Returns where scanning goes on and the tag's name,
/// lowercased.
fn start_tag(html: &str, at: usize, found: &mut Vec<HtmlLink>) -> (usize, String) {
    let bytes = html.as_bytes();
    let mut i = at + run(&bytes[at..], |b| b.is_ascii_alphanumeric() || b == b'-');
    let name = html[at..i].to_ascii_lowercase();
    loop {
        let space = run(&bytes[i..], |b| b.is_ascii_whitespace());
        i += space;
        match bytes.get(i) {
            None => return (i, name),
            Some(b'>') => return (i + 1, name),
            Some(b'/') if bytes.get(i + 1) == Some(&b'>') => return (i + 2, name),
            _ => {}
        }
        let attr_len = attribute_name(&bytes[i..]);
        if attr_len == 0 || space == 0 {
            // Not a tag after all (`a <b` in text, `<a/x>`): read on from here.
            return (i, name);
        }
        let attr = html[i..i + attr_len].to_ascii_lowercase();
        i += attr_len;
        let before_eq = run(&bytes[i..], |b| b.is_ascii_whitespace());
        if bytes.get(i + before_eq) != Some(&b'=') {
            continue;
        }
        i += before_eq + 1;
        i += run(&bytes[i..], |b| b.is_ascii_whitespace());
        let value = if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
            let Some(close) = memchr(quote, &bytes[i + 1..]) else { return (i, name) };
            let value = i + 1..i + 1 + close;
            i = value.end + 1;
            value
        } else {
            let len = run(&bytes[i..], |b| !b.is_ascii_whitespace() && !b"\"'=<>`".contains(&b));
            let value = i..i + len;
            i += len;
            value
        };
        let wanted = match (name.as_str(), attr.as_str()) {
            ("a" | "area", "href") => Some(false),
            ("img", "src") => Some(true),
            _ => None,
        };
        if let Some(image) = wanted {
            found.push(HtmlLink { dest: decode(&html[value.clone()]), value, image });
        }
    }
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
/// in `targets` (same order) replaced, quoted and escaped; all else as written.
pub(super) fn rewrite(html: &str, found: &[HtmlLink], targets: &[Option<String>]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (link, target) in found.iter().zip(targets) {
        let Some(target) = target else { continue };
        let (mut start, mut end) = (link.value.start, link.value.end);
        // A quoted value is replaced with its quotes, so one style is written.
        if start > 0 && matches!(html.as_bytes()[start - 1], b'"' | b'\'') {
            start -= 1;
            end += 1;
        }
        out.push_str(&html[copied..start]);
        out.push('"');
        out.push_str(&escape(target));
        out.push('"');
        copied = end;
    }
    out.push_str(&html[copied..]);
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
mod tests {
    use super::{HtmlLink, decode, links, rewrite};

    fn dests(html: &str) -> Vec<(String, bool)> {
        links(html).into_iter().map(|l| (l.dest, l.image)).collect()
    }

    #[test]
    fn finds_href_and_src_in_any_quoting() {
        let html = "<p><a class=x href=\"a.md\">A</a> <A HREF='b.md#c'>B</A> \
                    <img alt=\"k\" src=kort.png /> <a\n  href = \"d.md\">D</a></p>";
        assert_eq!(
            dests(html),
            [
                ("a.md".into(), false),
                ("b.md#c".into(), false),
                ("kort.png".into(), true),
                ("d.md".into(), false)
            ]
        );
        let found = links("<a href=\"a.md\">");
        assert_eq!(found[0], HtmlLink { value: 9..13, dest: "a.md".into(), image: false });
    }

    #[test]
    fn skips_what_is_not_a_start_tag() {
        let html = "<!-- <a href=\"x.md\"> --><?php <a href=\"y\"> ?><!DOCTYPE html>\
                    </a href=\"z\"><script>var a = '<a href=\"s.md\">';</script>\
                    <img data-src=\"no.png\"><link href=\"style.css\"><a href>x</a>\
                    a < b <a/href=\"q\"><a href=\"ok.md\">";
        assert_eq!(dests(html), [("ok.md".into(), false)]);
    }

    #[test]
    fn unclosed_constructs_end_the_scan() {
        assert!(dests("<!-- <a href=\"x\">").is_empty());
        assert!(dests("<a href=\"x").is_empty());
        assert!(dests("<script><a href=\"x\">").is_empty());
        assert!(dests("<").is_empty());
        assert_eq!(dests("<a href=x"), [("x".into(), false)]);
    }

    #[test]
    fn character_references_are_decoded() {
        assert_eq!(decode("a&amp;b&#x41;&#66;&quot;&unknown;&"), "a&bAB\"&unknown;&");
        assert_eq!(dests("<a href=\"Kort&#32;1.png\">"), [("Kort 1.png".into(), false)]);
    }

    #[test]
    fn rewrite_replaces_only_new_destinations() {
        let html = "<a  href='a.md' title=\"t\">A</a><img src=b.png><a href=\"c\">";
        let found = links(html);
        let out = rewrite(html, &found, &[Some("a.html".into()), Some("b&c.png".into()), None]);
        assert_eq!(
            out,
            "<a  href=\"a.html\" title=\"t\">A</a><img src=\"b&amp;c.png\"><a href=\"c\">"
        );
        assert_eq!(rewrite(html, &found, &[None, None, None]), html);
    }
}
