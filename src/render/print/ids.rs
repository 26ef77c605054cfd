//! Ids and anchors of the board edition, which joins every page into one
//! HTML file: each page gets an anchor made from its web address, and every
//! id in its body (headings, footnotes, ids in raw HTML) is put under that
//! anchor, so two pages' `#baggrund` or `fn-1` never collide (mdBook's
//! `make_ids_unique`, done on our own HTML). Also the other small rewrites
//! of a page body for print: heading levels one part deeper, the body's own
//! title dropped, links to missing anchors unlinked.
//!
//! The HTML comes from pulldown-cmark (text escaped, so every `<` opens a
//! tag) or from the writer's raw HTML; a small tag scanner that respects
//! quoted attributes is all either needs.

use std::collections::HashSet;
use std::ops::Range;

use crate::model::Page;

/// Joins a page's anchor and an id inside the page. Page anchors are made of
/// URL slugs, which never hold `--`, so the result is unique in the document.
const SEPARATOR: &str = "--";

/// The anchor of `page` in the board edition: `p-` and its web address
/// without `.html`, `/` read as `.` (`p-initiatives.faelles-soc`). Web
/// addresses are unique, so anchors are; the `p-` keeps them apart from the
/// ids the template writes (`toc`, `part-…`, `plan-…`).
#[must_use]
pub(crate) fn anchor(page: &Page) -> String {
    anchor_of(&page.url)
}

/// The anchor of the page at web address `url`.
fn anchor_of(url: &str) -> String {
    let url = url.strip_suffix(".html").unwrap_or(url);
    format!("p-{}", url.replace('/', "."))
}

/// `#anchor` of `page`: how the board edition links to a page.
pub(crate) fn href(page: &Page) -> String {
    format!("#{}", anchor(page))
}

/// The id that `id` in the body of the page at `anchor` gets.
#[must_use]
pub(crate) fn scoped(anchor: &str, id: &str) -> String {
    format!("{anchor}{SEPARATOR}{id}")
}

/// One tag of an HTML text: where it is and what it is.
struct Tag {
    /// The whole tag, `<` to `>`.
    range: Range<usize>,
    /// Where its name is (after `<` or `</`).
    name: Range<usize>,
    /// Attribute names and the ranges of their (unquoted) values.
    attrs: Vec<(Range<usize>, Option<Range<usize>>)>,
}

/// Every tag of `html` in order, read as they are asked for (the whole
/// document is large); comments and `<!DOCTYPE>` are skipped.
fn tags(html: &str) -> impl Iterator<Item = Tag> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (tag, end) = next_tag(html, at)?;
        at = end;
        Some(tag)
    })
}

/// The first tag of `html` at or after byte `at`, and where it ends.
fn next_tag(html: &str, mut at: usize) -> Option<(Tag, usize)> {
    let bytes = html.as_bytes();
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        if html[start..].starts_with("<!--") {
            at = html[start..].find("-->").map_or(html.len(), |end| start + end + 3);
            continue;
        }
        let mut i = start + 1;
        if bytes.get(i) == Some(&b'/') {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i == name_start {
            at = start + 1;
            continue;
        }
        let name = name_start..i;
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let attr_start = i;
            while i < bytes.len()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            let attr_name = attr_start..i;
            let mut value = None;
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
                    let value_start = i + 1;
                    let end = html[value_start..]
                        .find(char::from(quote))
                        .map_or(html.len(), |e| value_start + e);
                    value = Some(value_start..end);
                    i = (end + 1).min(html.len());
                } else {
                    let value_start = i;
                    while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = Some(value_start..i);
                }
            }
            if attr_name.is_empty() {
                i += 1;
                continue;
            }
            attrs.push((attr_name, value));
        }
        let end = (i + 1).min(html.len());
        return Some((Tag { range: start..end, name, attrs }, end));
    }
    None
}

/// `html` with each replacement `(range, text)` made; ranges in order, apart.
fn splice(html: &str, edits: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(html.len() + edits.len() * 24);
    let mut at = 0;
    for (range, text) in edits {
        out.push_str(&html[at..range.start]);
        out.push_str(text);
        at = range.end;
    }
    out.push_str(&html[at..]);
    out
}

/// The value of attribute `name` of `tag`, with its range.
fn attr<'h>(html: &'h str, tag: &Tag, name: &str) -> Option<(Range<usize>, &'h str)> {
    tag.attrs.iter().find_map(|(n, v)| {
        let v = v.clone()?;
        html[n.clone()].eq_ignore_ascii_case(name).then(|| (v.clone(), &html[v]))
    })
}

/// The heading level of a tag named `h1`…`h6`.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h' | b'H', digit @ b'1'..=b'6'] => Some(digit - b'0'),
        _ => None,
    }
}

/// Attributes that name other elements by id, space-separated.
const ID_REFERENCES: [&str; 5] =
    ["aria-labelledby", "aria-describedby", "aria-controls", "for", "headers"];

/// Prepares the body of the page at `anchor` for the board edition: every
/// `id` is scoped under the anchor, and with it what refers to ids (links to
/// footnotes, `#fn-…` and `#ref-fn-…`, which the Markdown writer makes
/// page-relative; `aria-labelledby` and the like); every heading goes
/// `shift` levels deeper (at most `h6`), so a page's `##` sits under its
/// chapter's heading. Ids already under the anchor (charts rendered for the
/// edition) are left as they are.
#[must_use]
pub(crate) fn scope_body(html: &str, anchor: &str, shift: u8) -> String {
    let own = format!("{anchor}{SEPARATOR}");
    let scope = |id: &str| if id.starts_with(&own) { id.to_owned() } else { scoped(anchor, id) };
    let mut edits = Vec::new();
    for tag in tags(html) {
        if let Some(level) = heading_level(&html[tag.name.clone()]) {
            let deeper = (level + shift).min(6);
            let digit = tag.name.start + 1;
            edits.push((digit..digit + 1, deeper.to_string()));
        }
        for (name, value) in &tag.attrs {
            let Some(value) = value.clone() else { continue };
            let text = &html[value.clone()];
            let name = html[name.clone()].to_ascii_lowercase();
            match name.as_str() {
                "id" if !text.is_empty() => edits.push((value, scope(text))),
                "href" if text.starts_with("#fn-") || text.starts_with("#ref-fn-") => {
                    edits.push((value, format!("#{}", scope(&text[1..]))));
                }
                _ if ID_REFERENCES.contains(&name.as_str()) && !text.trim().is_empty() => {
                    let ids: Vec<String> = text.split_whitespace().map(scope).collect();
                    edits.push((value, ids.join(" ")));
                }
                _ => {}
            }
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    splice(html, &edits)
}

/// `html` without its first `<h1>` element: a plain page whose title is its
/// first heading gets its numbered heading from the edition instead.
#[must_use]
pub(crate) fn drop_first_h1(html: &str) -> String {
    let all: Vec<Tag> = tags(html).collect();
    let Some(open) = all.iter().position(|t| html[t.range.clone()].starts_with("<h1")) else {
        return html.to_owned();
    };
    let Some(close) = all[open..].iter().find(|t| html[t.range.clone()].starts_with("</h1")) else {
        return html.to_owned();
    };
    let end = close.range.end + usize::from(html[close.range.end..].starts_with('\n'));
    splice(html, &[(all[open].range.start..end, String::new())])
}

/// Links out as print shows them: an image on the web is not fetched (the
/// edition makes no request) but becomes a link with its text, and a link
/// whose text is its own address is marked `bare`, so the stylesheet, which
/// prints each external link's address after it, does not print it twice.
#[must_use]
pub(crate) fn links_out(html: &str) -> String {
    let all: Vec<Tag> = tags(html).collect();
    let mut edits = Vec::new();
    for (k, tag) in all.iter().enumerate() {
        let name = &html[tag.name.clone()];
        if name.eq_ignore_ascii_case("img") {
            let Some((_, src)) = attr(html, tag, "src") else { continue };
            if is_external(src) {
                let alt = attr(html, tag, "alt").map_or(src, |(_, alt)| alt);
                let text = if alt.is_empty() { src } else { alt };
                edits.push((tag.range.clone(), format!("<a href=\"{src}\">{text}</a>")));
            }
        } else if name.eq_ignore_ascii_case("a") {
            let Some((_, href)) = attr(html, tag, "href") else { continue };
            let Some(close) = all.get(k + 1) else { continue };
            let text = &html[tag.range.end..close.range.start];
            if is_external(href)
                && (text == href
                    || text.trim_start_matches("mailto:") == href.trim_start_matches("mailto:"))
            {
                edits.push((tag.range.end - 1..tag.range.end - 1, " class=\"bare\"".to_owned()));
            }
        }
    }
    splice(html, &edits)
}

/// A destination on the web (or a mail address), not in the document.
fn is_external(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "//", "mailto:"].iter().any(|p| lower.starts_with(p))
}

#[cfg(test)]
/// Every `id` in `html`, in order, repeats included.
#[must_use]
pub(crate) fn ids(html: &str) -> Vec<&str> {
    tags(html).filter_map(|tag| attr(html, &tag, "id").map(|(_, v)| v)).collect()
}

/// The whole document, last: a link to an anchor the document does not have
/// (a page the `print:` key leaves out) loses its `href` and stays as text,
/// so no link in the edition leads nowhere.
#[must_use]
pub(crate) fn unlink_missing(html: &str) -> String {
    let known: HashSet<&str> =
        tags(html).filter_map(|tag| attr(html, &tag, "id").map(|(_, v)| v)).collect();
    let mut edits = Vec::new();
    for tag in tags(html) {
        if !html[tag.name.clone()].eq_ignore_ascii_case("a") {
            continue;
        }
        let Some((value, href)) = attr(html, &tag, "href") else { continue };
        let Some(fragment) = href.strip_prefix('#') else { continue };
        if fragment.is_empty() || known.contains(fragment) {
            continue;
        }
        // From the space before `href` to the end of its closing quote.
        let start = html[..value.start].rfind("href").unwrap_or(value.start);
        let start = html[..start].trim_end().len();
        let end =
            value.end + usize::from(matches!(html.as_bytes().get(value.end), Some(b'"' | b'\'')));
        edits.push((start..end, String::new()));
    }
    splice(html, &edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_footnote_links_are_scoped_under_the_page() {
        let html = "<h2 id=\"baggrund\">Baggrund</h2>\n<p>x<sup class=\"footnote-reference\" id=\"ref-fn-1\"><a href=\"#fn-1\">1</a></sup> <a href=\"#p-other--x\">y</a></p>\n<div class=\"footnote-definition\" id=\"fn-1\"><a href=\"#ref-fn-1\">↩</a></div>";
        let scoped = scope_body(html, "p-a", 1);
        assert_eq!(
            scoped,
            "<h3 id=\"p-a--baggrund\">Baggrund</h3>\n<p>x<sup class=\"footnote-reference\" id=\"p-a--ref-fn-1\"><a href=\"#p-a--fn-1\">1</a></sup> <a href=\"#p-other--x\">y</a></p>\n<div class=\"footnote-definition\" id=\"p-a--fn-1\"><a href=\"#p-a--ref-fn-1\">↩</a></div>"
        );
    }

    #[test]
    fn references_to_ids_follow_them_and_scoped_ids_stay() {
        let html = "<figure id=\"p-a--chart-x\"><table aria-labelledby=\"cap p-a--chart-x\"><caption id=\"cap\">C</caption></table><label for=\"f\">L</label></figure>";
        assert_eq!(
            scope_body(html, "p-a", 0),
            "<figure id=\"p-a--chart-x\"><table aria-labelledby=\"p-a--cap p-a--chart-x\"><caption id=\"p-a--cap\">C</caption></table><label for=\"p-a--f\">L</label></figure>"
        );
    }

    #[test]
    fn headings_go_deeper_but_never_past_h6() {
        assert_eq!(scope_body("<h5>a</h5><H2>b</H2>", "p", 2), "<h6>a</h6><H4>b</H4>");
        assert_eq!(
            scope_body("<h1>a</h1><hr><header>x</header>", "p", 0),
            "<h1>a</h1><hr><header>x</header>"
        );
    }

    #[test]
    fn raw_html_attributes_are_read_with_their_quotes() {
        let html = "<p title='a > b' id=x data-x=\"<h2>\">t</p><!-- <h2 id=\"c\"> -->";
        assert_eq!(
            scope_body(html, "p", 1),
            "<p title='a > b' id=p--x data-x=\"<h2>\">t</p><!-- <h2 id=\"c\"> -->"
        );
    }

    #[test]
    fn anchors_come_from_web_addresses() {
        assert_eq!(anchor_of("initiatives/faelles-soc.html"), "p-initiatives.faelles-soc");
        assert_eq!(anchor_of("om/kontakt.html"), "p-om.kontakt");
        assert_ne!(anchor_of("om-kontakt.html"), anchor_of("om/kontakt.html"));
        assert_eq!(anchor_of("index.html"), "p-index");
    }

    #[test]
    fn the_body_title_is_dropped_once() {
        assert_eq!(drop_first_h1("<h1 id=\"t\">T</h1>\n<p>x</p><h1>U</h1>"), "<p>x</p><h1>U</h1>");
        assert_eq!(drop_first_h1("<p>x</p>"), "<p>x</p>");
    }

    #[test]
    fn images_on_the_web_become_links_and_bare_links_are_marked() {
        let html = "<p><img src=\"https://x.dk/a.png\" alt=\"Kort\" /> <a href=\"https://x.dk\">https://x.dk</a> <a href=\"https://y.dk\">Y</a> <img src=\"data:image/png;base64,AA\" alt=\"\" /></p>";
        assert_eq!(
            links_out(html),
            "<p><a href=\"https://x.dk/a.png\">Kort</a> <a href=\"https://x.dk\" class=\"bare\">https://x.dk</a> <a href=\"https://y.dk\">Y</a> <img src=\"data:image/png;base64,AA\" alt=\"\" /></p>"
        );
    }

    #[test]
    fn links_to_missing_anchors_become_text() {
        let html = "<h1 id=\"a\">A</h1><a href=\"#a\">in</a> <a href=\"#gone\" title=\"t\">out</a> <a href=\"https://x.dk\">ext</a>";
        assert_eq!(
            unlink_missing(html),
            "<h1 id=\"a\">A</h1><a href=\"#a\">in</a> <a title=\"t\">out</a> <a href=\"https://x.dk\">ext</a>"
        );
        assert_eq!(ids(html), ["a"]);
    }
}
