//! The page numbers of the table of contents, in the HTML: each entry ends
//! in `<span class="toc-page" data-anchor="ANCHOR"></span>`, which `print.html`
//! leaves empty and a print fills in.

use std::collections::BTreeMap;

/// What opens an entry's page number; the anchor follows, then `">`.
const OPEN: &str = "class=\"toc-page\" data-anchor=\"";

/// The anchors of the table of contents, in order.
#[must_use]
pub(crate) fn anchors(html: &str) -> Vec<String> {
    html.match_indices(OPEN)
        .filter_map(|(at, _)| {
            let rest = &html[at + OPEN.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

/// `html` with each entry's page number from `numbers` (left empty when it
/// has none).
#[must_use]
pub(crate) fn fill(html: &str, numbers: &BTreeMap<String, u32>) -> String {
    let mut out = String::with_capacity(html.len() + numbers.len() * 3);
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let after = &rest[at + OPEN.len()..];
        let (Some(quote), Some(close)) = (after.find('"'), after.find("</span>")) else { break };
        let anchor = &after[..quote];
        let Some(open_end) = after[quote..].find('>').map(|i| quote + i + 1) else { break };
        out.push_str(&rest[..at + OPEN.len()]);
        out.push_str(&after[..open_end]);
        if let Some(page) = numbers.get(anchor) {
            out.push_str(&page.to_string());
        }
        out.push_str("</span>");
        rest = &after[close + "</span>".len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = "<li><a href=\"#a\">A <span class=\"toc-page\" data-anchor=\"a\"></span></a></li><li><a href=\"#b\">B <span class=\"toc-page\" data-anchor=\"b\">9</span></a></li>";

    #[test]
    fn anchors_are_read_in_order() {
        assert_eq!(anchors(HTML), ["a", "b"]);
    }

    #[test]
    fn numbers_are_filled_in_and_replaced() {
        let numbers = BTreeMap::from([("a".to_owned(), 3), ("b".to_owned(), 12)]);
        assert_eq!(
            fill(HTML, &numbers),
            "<li><a href=\"#a\">A <span class=\"toc-page\" data-anchor=\"a\">3</span></a></li><li><a href=\"#b\">B <span class=\"toc-page\" data-anchor=\"b\">12</span></a></li>"
        );
        assert_eq!(fill(HTML, &BTreeMap::new()), HTML.replace(">9<", "><"));
    }
}
