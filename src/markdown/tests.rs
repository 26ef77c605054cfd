use super::*;
use crate::diagnostics::Sources;

const DA: HtmlOptions = HtmlOptions { language: Language::Da, allow_html: true };

fn html(text: &str, options: HtmlOptions) -> String {
    let doc = parse(SourceId(0), text, 0..text.len());
    to_html(&doc, &[], options)
}

#[test]
fn extensions_writers_expect() {
    let out = html(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n- [ ] todo\n\nNote[^1].\n\n[^1]: A footnote.\n",
        DA,
    );
    assert!(out.contains("<table>"), "{out}");
    assert!(out.contains("<del>old</del>"), "{out}");
    assert!(
        out.contains("<input type=\"checkbox\" disabled checked aria-label=\"Udført\"> done"),
        "{out}"
    );
    assert!(
        out.contains("<input type=\"checkbox\" disabled aria-label=\"Ikke udført\"> todo"),
        "{out}"
    );
    assert!(out.contains("class=\"footnote-definition\""), "{out}");
    assert!(out.contains("<div class=\"table-wrap\""), "{out}");
}

#[test]
fn quotes_and_dashes_follow_the_language() {
    assert_eq!(html("\"Sammen\" -- 2027--2030 --- nu", DA), "<p>»Sammen« – 2027–2030 — nu</p>\n");
    let en = HtmlOptions { language: Language::En, ..DA };
    assert_eq!(html("\"Together\" -- it's", en), "<p>“Together” – it’s</p>\n");
}

#[test]
fn heading_ids_are_slugs_unique_in_the_page() {
    let doc =
        parse(SourceId(0), "# Grøn IT\n## KPI'er\n## KPI'er\n## Egen {#mit-id}\n## !!!\n", 0..50);
    let ids: Vec<&str> = doc.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["groen-it", "kpier", "kpier-1", "mit-id", "afsnit"]);
    let out = to_html(&doc, &[], DA);
    assert!(out.contains("<h2 id=\"kpier-1\">"), "{out}");
}

#[test]
fn links_are_collected_with_spans_and_rewritten_in_order() {
    let mut sources = Sources::default();
    let text = "---\ntitle: x\n---\nSe [cyber](../directions/cyber.md#mål) og ![kort](kort.png).\n";
    let id = sources.add("a.md", text);
    let doc = parse(id, text, 17..text.len());
    assert_eq!(doc.links.len(), 2);
    assert_eq!(doc.links[0].dest, "../directions/cyber.md#mål");
    assert_eq!(sources.line_col(id, doc.links[0].span.range.start), (4, 4));
    assert!(doc.links[1].image);
    let out = to_html(&doc, &[Some("../directions/cyber.html#maal".into()), None], DA);
    assert!(out.contains("href=\"../directions/cyber.html#maal\""), "{out}");
    assert!(out.contains("src=\"kort.png\""), "{out}");
}

#[test]
fn raw_html_is_commonmark_by_default_and_escaped_when_disallowed() {
    let text = "<div class=\"x\">hej</div>\n\nA <b>bold</b> word.\n";
    assert!(html(text, DA).contains("<div class=\"x\">"));
    let out = html(text, HtmlOptions { allow_html: false, ..DA });
    assert!(
        out.contains("&lt;div class=&quot;x&quot;&gt;") || out.contains("&lt;div class=\"x\"&gt;"),
        "{out}"
    );
    assert!(out.contains("&lt;b&gt;bold&lt;/b&gt;"), "{out}");
    // Found by the markdown fuzzer: heading attributes are raw HTML too.
    let heading = "# Hi {#x .note onclick=alert(1)}\n";
    assert_eq!(
        html(heading, HtmlOptions { allow_html: false, ..DA }),
        "<h1 id=\"x\" class=\"note\">Hi</h1>\n"
    );
    assert!(html(heading, DA).contains("onclick"), "CommonMark with attributes by default");
}

#[test]
fn footnote_labels_are_anchors() {
    let doc = parse(SourceId(0), "a[^kilde]\n\n[^kilde]: b\n", 0..22);
    assert!(doc.ids.contains("fn-kilde"));
    let out = to_html(&doc, &[], DA);
    assert_eq!(
        out,
        "<p>a<sup class=\"footnote-reference\" id=\"ref-fn-kilde\"><a href=\"#fn-kilde\">1</a></sup></p>\n<div class=\"footnote-definition\" id=\"fn-kilde\"><sup class=\"footnote-definition-label\">1</sup>\n<p>b</p>\n<a class=\"footnote-backref\" href=\"#ref-fn-kilde\" aria-label=\"Tilbage til teksten\">↩</a></div>\n"
    );
}
