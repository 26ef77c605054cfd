//! Script in HTML and SVG files under `content/`. With `allow_html: false`
//! the project asked for no raw HTML, yet such a file is published as it is
//! and runs its script when a reader opens it from the site. So it is
//! reported as an error (the safe reading of the config) rather than copied.
//!
//! A scan, not a parser, tuned to miss nothing a browser would run: it finds
//! `script` elements (with any namespace prefix), `on…` event-handler
//! attributes and animations of them, and `javascript:` URLs even when
//! spelled with character references, tabs or line breaks. A comment that
//! merely shows such markup is reported too; that errs on the safe side.

use std::ops::Range;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Sources, Span};
use crate::markup;

/// Whether a content file of this name is HTML or SVG, which browsers run
/// script in.
pub(super) fn may_carry(rel: &str) -> bool {
    let ext = rel.rsplit_once('.').map_or("", |(_, ext)| ext).to_ascii_lowercase();
    matches!(ext.as_str(), "html" | "htm" | "xhtml" | "svg")
}

/// Reports script in `content/{rel}`, located at the first place it occurs.
pub(super) fn report(rel: &str, bytes: &[u8], sources: &mut Sources, diags: &mut Diagnostics) {
    let text = String::from_utf8_lossy(bytes);
    let Some(found) = find(&text) else { return };
    let id = sources.add(format!("content/{rel}"), text.into_owned());
    diags.push(
        Diagnostic::error(Span::new(id, found.at), format!("this file carries script ({})", found.what)).code(Code::ScriptInFile)
            .help(
                "with `allow_html: false` the site publishes no raw HTML; remove the script, or set `allow_html: true` if you trust this file"
                    .to_owned(),
            ),
    );
}

/// Where script was found, and what kind.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Found {
    /// Byte range in the text.
    pub(super) at: Range<usize>,
    /// What it is, for the message.
    pub(super) what: String,
}

/// The first piece of script in `text`, if any.
pub(super) fn find(text: &str) -> Option<Found> {
    let mut found = Vec::new();
    scan_tags(text, &mut found);
    let (plain, places) = decoded(text);
    for (needle, what) in
        [("javascript:", "a `javascript:` URL"), ("<script", "a `<script>` element")]
    {
        if let Some(k) = plain.find(needle) {
            let at = places[k].start..places[k + needle.len() - 1].end;
            found.push(Found { at, what: what.to_owned() });
        }
    }
    found.into_iter().min_by_key(|f| f.at.start)
}

/// Walks the tags as a browser tokenises them (see [`markup`]): each tag's
/// name, then its attributes.
fn scan_tags(text: &str, found: &mut Vec<Found>) {
    let mut from = 0;
    for (lt, name_end) in markup::tag_starts(text) {
        // A tag inside the one just read (`<a title="<b>">`) is a value, not a tag.
        if lt < from {
            continue;
        }
        if local_name(&text[lt + 1..name_end]) == "script" {
            found.push(Found { at: lt..name_end, what: "a `<script>` element".to_owned() });
        }
        let (attributes, end) = markup::attributes(text, name_end);
        from = end;
        for markup::Attribute { name, at, value } in attributes {
            let local = local_name(name);
            if local.len() > 2 && local.starts_with("on") {
                found.push(Found {
                    at: at..at + name.len(),
                    what: format!("the event handler `{name}`"),
                });
            } else if local == "attributename"
                && value.trim().to_ascii_lowercase().starts_with("on")
            {
                found.push(Found {
                    at: at..at + name.len(),
                    what: "an animation of an event handler".to_owned(),
                });
            }
        }
    }
}

/// `svg:Script` -> `script`.
fn local_name(name: &str) -> String {
    markup::local_name(name).to_ascii_lowercase()
}

/// The text as a URL parser sees an attribute value: character references
/// decoded, ASCII lowercased, white space and control characters dropped
/// (browsers strip tabs and line breaks inside `java\tscript:`). Each output
/// byte keeps the range of the text it came from.
fn decoded(text: &str) -> (String, Vec<Range<usize>>) {
    let mut plain = String::with_capacity(text.len());
    let mut places = Vec::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let (c, end) = match c {
            '&' => match reference(&text[at..]) {
                Some((decoded, len)) => {
                    while chars.peek().is_some_and(|&(i, _)| i < at + len) {
                        chars.next();
                    }
                    (decoded, at + len)
                }
                None => (c, at + 1),
            },
            c => (c, at + c.len_utf8()),
        };
        if c <= ' ' || c == '\u{7F}' {
            continue;
        }
        let c = c.to_ascii_lowercase();
        plain.push(c);
        places.extend(std::iter::repeat_n(at..end, c.len_utf8()));
    }
    (plain, places)
}

/// A character reference at the start of `text` (`&#106;`, `&#x6A`, `&colon;`):
/// the character and the reference's length in bytes.
fn reference(text: &str) -> Option<(char, usize)> {
    let rest = text.strip_prefix('&')?;
    if let Some(num) = rest.strip_prefix('#') {
        let (radix, digits_at) = if num.starts_with(['x', 'X']) { (16, 2) } else { (10, 1) };
        let digits: String =
            num[digits_at - 1..].chars().take_while(|c| c.is_digit(radix)).collect();
        if digits.is_empty() {
            return None;
        }
        let value = u32::from_str_radix(&digits, radix).unwrap_or(0xFFFD);
        let mut len = 1 + digits_at + digits.len();
        if text[len..].starts_with(';') {
            len += 1;
        }
        return Some((char::from_u32(value).unwrap_or('\u{FFFD}'), len));
    }
    let name: String = rest.chars().take_while(char::is_ascii_alphanumeric).collect();
    let c = match name.to_ascii_lowercase().as_str() {
        "colon" => ':',
        "tab" => '\t',
        "newline" => '\n',
        "lt" => '<',
        "gt" => '>',
        "sol" => '/',
        _ => return None,
    };
    let len = 1 + name.len() + usize::from(rest[name.len()..].starts_with(';'));
    Some((c, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(text: &str) -> Option<(String, &str)> {
        find(text).map(|f| (f.what, &text[f.at]))
    }

    #[test]
    fn finds_script_elements_in_any_case_and_namespace() {
        assert_eq!(
            what("<p>hej</p><SCRIPT>alert(1)</SCRIPT>"),
            Some(("a `<script>` element".into(), "<SCRIPT"))
        );
        assert_eq!(
            what("<svg><svg:script>x</svg:script></svg>"),
            Some(("a `<script>` element".into(), "<svg:script"))
        );
        assert_eq!(
            what("<iframe srcdoc=\"&lt;script&gt;x\">").map(|w| w.0),
            Some("a `<script>` element".into())
        );
    }

    #[test]
    fn finds_event_handlers_however_the_tag_is_written() {
        let handler = |name: &'static str| Some((format!("the event handler `{name}`"), name));
        assert_eq!(what("<svg onload=\"alert(1)\"/>"), handler("onload"));
        assert_eq!(what("<svg/OnLoad=alert(1)>"), handler("OnLoad"));
        assert_eq!(what("<a title=\">\" onclick=x>"), handler("onclick"));
        assert_eq!(what("<a title=x\"y onclick=x>"), handler("onclick"));
        assert_eq!(what("<a\n\tonmouseover\n=\nx>"), handler("onmouseover"));
        assert_eq!(
            what("<set attributeName=\"onclick\" to=\"alert(1)\"/>").map(|w| w.0),
            Some("an animation of an event handler".into())
        );
    }

    #[test]
    fn finds_javascript_urls_through_references_and_white_space() {
        for text in [
            "<a href=\"javascript:alert(1)\">",
            "<a href=\"JaVaScRiPt:alert(1)\">",
            "<a href=\"java\tscript:alert(1)\">",
            "<a href=\"&#106;avascript&colon;alert(1)\">",
            "<a href=\"&#x6A;ava&#x09;script&#58alert(1)\">",
            "<a xlink:href=\" javascript:x\">",
        ] {
            assert_eq!(find(text).map(|f| f.what), Some("a `javascript:` URL".into()), "{text}");
        }
        let text = "<a href=\"&#106;avascript:x\">";
        assert_eq!(&text[find(text).unwrap().at], "&#106;avascript:");
    }

    #[test]
    fn plain_markup_passes() {
        for text in [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle r=\"5\" fill=\"#0a0\"/><text>one = two; on</text></svg>",
            "<p class=\"note\">Script og javascript nævnes her uden kolon, &amp; &lt;b&gt;.</p>",
            "<a href=\"https://example.org/?on=1\">x</a> <img src=x alt=\"onclick\">",
            "a < b and c<",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }

    #[test]
    fn only_html_and_svg_are_scanned() {
        assert!(may_carry("x/Tegning.SVG") && may_carry("a.html") && may_carry("a.htm"));
        assert!(!may_carry("data.csv") && !may_carry("logo.png") && !may_carry("svg"));
    }
}
