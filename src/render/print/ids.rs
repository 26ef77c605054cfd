//! Anchors of the board edition, which joins every page into one HTML
//! file: each page gets an anchor made from its web address, and every id
//! in its body is put under that anchor as the body is written (see
//! `markdown::PrintScope`), so two pages' `#baggrund` or `fn-1` never
//! collide (mdBook's `make_ids_unique`).

use std::collections::HashSet;

use crate::model::Page;

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
    let mut anchor = String::with_capacity(url.len() + 2);
    push_anchor(&mut anchor, url);
    anchor
}

/// Appends the anchor of the page at `url`: `p-` and its path with dots
/// for slashes. (Every printed page's ids and links are made with it.)
fn push_anchor(out: &mut String, url: &str) {
    let url = url.strip_suffix(".html").unwrap_or(url);
    out.push_str("p-");
    for (i, part) in url.split('/').enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(part);
    }
}

/// `#anchor` of `page`: how the board edition links to a page.
pub(crate) fn href(page: &Page) -> String {
    let mut href = String::with_capacity(page.url.len() + 3);
    href.push('#');
    push_anchor(&mut href, &page.url);
    href
}

/// The edition's rendered `html` with every link to a page it does not
/// print (an initiative under a part `print:` leaves out) made text: its
/// `href` goes, so no link in the edition leads nowhere. Only the
/// templates' output is read here, where every `href="#p-` is a link the
/// template wrote (text is escaped); page bodies never link to an
/// unprinted page (see `links`).
///
/// A plan view of a large plan is megabytes of such links, nearly all to
/// printed pages: `html` is copied only from the first link it removes.
#[must_use]
pub(crate) fn unlink_unprinted(html: String, printed: &HashSet<String>) -> String {
    const LINK: &str = " href=\"#p-";
    let mut out: Option<String> = None;
    // `rest` starts at `from` in `html`; what comes before it is in `out`
    // (when there is an `out`) up to `kept`.
    let (mut from, mut kept) = (0, 0);
    let link = memchr::memmem::Finder::new(LINK);
    while let Some(at) = link.find(&html.as_bytes()[from..]).map(|at| from + at) {
        let value = at + LINK.len() - 2;
        let Some(end) = memchr::memchr(b'"', &html.as_bytes()[value..]).map(|end| value + end)
        else {
            break;
        };
        let anchor = &html[value..end];
        let page = anchor.split_once("--").map_or(anchor, |(page, _)| page);
        if !printed.contains(page) {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[kept..at]);
            kept = end + 1;
        }
        from = end + 1;
    }
    match out {
        Some(mut out) => {
            out.push_str(&html[kept..]);
            out
        }
        None => html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_come_from_web_addresses() {
        assert_eq!(anchor_of("initiatives/faelles-soc.html"), "p-initiatives.faelles-soc");
        assert_eq!(anchor_of("om/kontakt.html"), "p-om.kontakt");
        assert_ne!(anchor_of("om-kontakt.html"), anchor_of("om/kontakt.html"));
        assert_eq!(anchor_of("index.html"), "p-index");
    }

    #[test]
    fn links_to_pages_not_printed_become_text() {
        let printed: HashSet<String> = ["p-a".to_owned()].into();
        let html = "<a href=\"#p-a\">in</a> <a href=\"#p-gone--x\" title=\"t\">out</a> <a href=\"#toc\">c</a>";
        assert_eq!(
            unlink_unprinted(html.to_owned(), &printed),
            "<a href=\"#p-a\">in</a> <a title=\"t\">out</a> <a href=\"#toc\">c</a>"
        );
        // Each link to a page not printed loses its address, whatever is
        // printed between them; with none, the text is as it was.
        let html = "<a href=\"#p-x\">1</a><a href=\"#p-a\">2</a><a href=\"#p-y--h\">3</a> end";
        assert_eq!(
            unlink_unprinted(html.to_owned(), &printed),
            "<a>1</a><a href=\"#p-a\">2</a><a>3</a> end"
        );
        let html = "<a href=\"#p-a--h\">in</a> <a href=\"#p-a\">";
        assert_eq!(unlink_unprinted(html.to_owned(), &printed), html);
    }
}
