use super::*;
use crate::diagnostics::Sources;

const DA: HtmlOptions = HtmlOptions { language: Language::Da, allow_html: true };

const EN: HtmlOptions = HtmlOptions { language: Language::En, allow_html: true };

fn outline(text: &str, options: HtmlOptions) -> Doc<'_> {
    parse(SourceId(0), text, 0..text.len(), options)
}

fn html(text: &str, options: HtmlOptions) -> String {
    to_html(&outline(text, options), &[], &[], options)
}

fn ids(doc: &Doc<'_>) -> Vec<String> {
    doc.headings.iter().map(|h| h.id.clone()).collect()
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
    let doc = outline("# Grøn IT\n## KPI'er\n## KPI'er\n## Egen {#mit-id}\n## !!!\n", DA);
    let ids: Vec<&str> = doc.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["groen-it", "kpier", "kpier-1", "mit-id", "afsnit"]);
    let out = to_html(&doc, &[], &[], DA);
    assert!(out.contains("<h2 id=\"kpier-1\">"), "{out}");
}

#[test]
fn links_are_collected_with_spans_and_rewritten_in_order() {
    let mut sources = Sources::default();
    let text = "---\ntitle: x\n---\nSe [cyber](../directions/cyber.md#mål) og ![kort](kort.png).\n";
    let id = sources.add("a.md", text);
    let doc = parse(id, text, 17..text.len(), DA);
    assert_eq!(doc.links.len(), 2);
    assert_eq!(doc.links[0].dest, "../directions/cyber.md#mål");
    assert_eq!(sources.line_col(id, doc.links[0].span.range.start), (4, 4));
    assert!(doc.links[1].image);
    let out =
        to_html(&doc, &[Href::To("../directions/cyber.html#maal".into()), Href::Keep], &[], DA);
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
    let doc = outline("a[^kilde]\n\n[^kilde]: b\n", DA);
    assert!(doc.ids.contains("fn-kilde"));
    let out = to_html(&doc, &[], &[], DA);
    assert_eq!(
        out,
        "<p>a<sup class=\"footnote-reference\" id=\"ref-fn-kilde\"><a href=\"#fn-kilde\">1</a></sup></p>\n<div class=\"footnote-definition\" id=\"fn-kilde\"><sup class=\"footnote-definition-label\">1</sup>\n<p>b</p>\n<a class=\"footnote-backref\" href=\"#ref-fn-kilde\" aria-label=\"Tilbage til teksten\">↩</a></div>\n"
    );
}

#[test]
fn explicit_ids_and_footnotes_keep_their_ids_whatever_the_order() {
    // `## A` comes first but may not take `a-1` (written below) nor
    // `fn-kilde` / `ref-fn-kilde` (the footnote's ids).
    let doc = outline(
        "## A\n## A\n## B {#a-1}\n## Fn kilde\n## Ref fn kilde\n\nx[^kilde]\n\n[^kilde]: y\n",
        DA,
    );
    assert_eq!(ids(&doc), ["a", "a-2", "a-1", "fn-kilde-1", "ref-fn-kilde-1"]);
    for id in ["fn-kilde", "ref-fn-kilde", "a", "a-1", "a-2"] {
        assert!(doc.ids.contains(id), "{id}");
    }
    // The same explicit id twice: the second is numbered, as a repeat is.
    assert_eq!(ids(&outline("## X {#same}\n## Y {#same}\n", DA)), ["same", "same-1"]);
}

#[test]
fn many_identical_headings_get_consecutive_numbers() {
    let text = "## Mål\n".repeat(1000);
    let doc = outline(&text, DA);
    assert_eq!(doc.headings[0].id, "maal");
    assert_eq!(doc.headings[999].id, "maal-999");
    assert_eq!(doc.ids.len(), 1000);
}

#[test]
fn a_heading_without_letters_gets_an_id_in_the_sites_language() {
    assert_eq!(ids(&outline("## !!!\n## ***\n", DA)), ["afsnit", "afsnit-1"]);
    assert_eq!(ids(&outline("## !!!\n", EN)), ["section"]);
}

#[test]
fn decomposed_and_composed_headings_get_the_same_id() {
    // `å` typed as `a` + combining ring (NFD) and as one letter (NFC).
    let doc = outline("## Ga\u{030a}rd\n\n## Gård\n\n## X {#ga\u{030a}rd}\n", DA);
    assert_eq!(ids(&doc), ["gaard", "gaard-1", "gård"]);
}

#[test]
fn footnote_ids_differ_for_labels_that_slug_alike() {
    let doc = outline(
        "a[^日本] b[^中国] c[^A b] d[^a-b]\n\n[^日本]: x\n[^中国]: y\n[^A b]: z\n[^a-b]: w\n",
        DA,
    );
    let out = to_html(&doc, &[], &[], DA);
    for id in ["fn-note", "fn-note-1", "fn-a-b", "fn-a-b-1"] {
        assert!(out.contains(&format!("id=\"{id}\"")), "{id} missing:\n{out}");
        assert!(out.contains(&format!("href=\"#{id}\"")), "no citation of {id}:\n{out}");
        assert!(out.contains(&format!("href=\"#ref-{id}\"")), "no link back from {id}:\n{out}");
    }
}

#[test]
fn footnote_defined_before_its_citation_links_back_to_it() {
    let doc = outline(
        "[^b]: Først defineret.\n\nTekst[^a] og tekst[^B] og igen[^b].\n\n[^a]: Anden.\n",
        DA,
    );
    let out = to_html(&doc, &[], &[], DA);
    // Numbers follow the citations in the text; labels match in any case.
    assert!(
        out.contains(
            "<sup class=\"footnote-reference\" id=\"ref-fn-a\"><a href=\"#fn-a\">1</a></sup>"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "<sup class=\"footnote-reference\" id=\"ref-fn-b\"><a href=\"#fn-b\">2</a></sup>"
        ),
        "{out}"
    );
    assert!(
        out.contains("igen<sup class=\"footnote-reference\"><a href=\"#fn-b\">2</a></sup>"),
        "{out}"
    );
    assert!(out.contains("id=\"fn-b\"><sup class=\"footnote-definition-label\">2</sup>"), "{out}");
    assert!(
        out.contains("href=\"#ref-fn-b\""),
        "the backlink of a definition written first:\n{out}"
    );
    // A footnote never cited has no link back to a citation that is not there.
    let out = html("Tekst.\n\n[^x]: Aldrig citeret.\n", DA);
    assert!(!out.contains("footnote-backref"), "{out}");
}

#[test]
fn typographic_quotes_never_change_code() {
    let text =
        "\"Citat\" og `\"kode\" “x”`\n\n```\nprint(\"hej\") # “uændret”\n```\n\n    “indrykket”\n";
    let out = html(text, DA);
    assert!(out.contains("<p>»Citat« og <code>\"kode\" “x”</code></p>"), "{out}");
    assert!(out.contains("print(\"hej\") # “uændret”"), "{out}");
    assert!(out.contains("<pre><code>“indrykket”"), "{out}");
}

#[test]
fn email_autolinks_are_mailto_links() {
    let doc = outline("Skriv til <kontakt@example.dk>.\n", DA);
    assert_eq!(doc.links[0].dest, "mailto:kontakt@example.dk");
    let out = to_html(&doc, &[Href::Keep], &[], DA);
    assert!(out.contains("<a href=\"mailto:kontakt@example.dk\">kontakt@example.dk</a>"), "{out}");
}

#[test]
fn links_in_raw_html_are_collected_and_rewritten() {
    let mut sources = Sources::default();
    let text = "---\ntitle: x\n---\nSe <a href=\"b.md#x\">b</a>.\n\n> <div><img alt=\"k\"\n> src='kort.png'></div>\n\n[c](c.md)\n";
    let id = sources.add("a.md", text);
    let doc = parse(id, text, 17..text.len(), DA);
    let found: Vec<(&str, bool, &str)> =
        doc.links.iter().map(|l| (l.dest.as_str(), l.image, &text[l.span.range.clone()])).collect();
    assert_eq!(
        found,
        [("b.md#x", false, "b.md#x"), ("kort.png", true, "kort.png"), ("c.md", false, "[c](c.md)")]
    );
    assert_eq!(sources.line_col(id, doc.links[1].span.range.start), (7, 8));
    let targets = [
        Href::To("b.html#x".to_owned()),
        Href::To("kort.png".to_owned()),
        Href::To("c.html".to_owned()),
    ];
    let out = to_html(&doc, &targets, &[], DA);
    assert!(out.contains("<a href=\"b.html#x\">b</a>"), "{out}");
    assert!(out.contains("<div><img alt=\"k\"\nsrc=\"kort.png\"></div>"), "{out}");
    assert!(out.contains("<a href=\"c.html\">c</a>"), "{out}");
    // Without raw HTML it is text: nothing to check or rewrite.
    let off = HtmlOptions { allow_html: false, ..DA };
    let doc = parse(id, text, 17..text.len(), off);
    assert_eq!(doc.links.len(), 1);
    assert!(to_html(&doc, &[Href::Keep], &[], off).contains("&lt;a href=\"b.md#x\"&gt;"));
}

#[test]
fn raw_html_that_brings_in_another_document_is_found_where_it_is() {
    let mut sources = Sources::default();
    let text = "---\ntitle: x\n---\nSe <iframe src=\"file:///etc/passwd\"></iframe> her.\n\n> <div><object\n> data='../x'></div>\n\n<meta content=0 http-equiv=refresh>\n\n`<embed src=x>` og\n\n    <base href=x>\n\n<div>\n<IFRAME/src=x>\n\nOg <IFRAME/src=y>\n";
    let id = sources.add("a.md", text);
    let doc = parse(id, text, 17..text.len(), DA);
    let found: Vec<(&str, &str, (usize, usize))> = doc
        .framing
        .iter()
        .map(|(f, span)| {
            (f.element, &text[span.range.clone()], sources.line_col(id, span.range.start))
        })
        .collect();
    // Code is text, shown as written: only raw HTML counts.
    assert_eq!(
        found,
        [
            ("iframe", "<iframe", (4, 4)),
            ("object", "<object", (6, 8)),
            ("meta", "<meta content=0 http-equiv", (9, 1)),
            ("iframe", "<IFRAME", (16, 1)),
        ]
    );
    // Not a tag to CommonMark, so text, escaped: the browser sees no element.
    assert!(to_html(&doc, &[], &[], DA).contains("<p>Og &lt;IFRAME/src=y&gt;</p>"));
    let off = HtmlOptions { allow_html: false, ..DA };
    assert!(parse(id, text, 17..text.len(), off).framing.is_empty());
}

#[test]
fn chart_blocks_are_embeds_the_output_fills_in() {
    let text =
        "---\n---\nFør.\n\n```chart alle-udsagn\n```\n\n```rust\nlet chart = 1;\n```\n\nEfter.\n";
    let mut sources = Sources::default();
    let id = sources.add("content/a.md", text);
    let doc = parse(id, text, 8..text.len(), DA);
    assert_eq!(doc.embeds.len(), 1, "only a block whose info string is `chart …`");
    assert_eq!((doc.embeds[0].kind.as_str(), doc.embeds[0].arg.as_str()), ("chart", "alle-udsagn"));
    assert_eq!(sources.line_col(id, doc.embeds[0].span.range.start), (5, 1));
    let out = to_html(&doc, &[], &["<figure>diagram</figure>".to_owned()], DA);
    assert!(
        out.contains("<p>Før.</p>\n<figure>diagram</figure>\n<pre><code class=\"language-rust\">"),
        "{out}"
    );
    assert!(!out.contains("alle-udsagn"), "the block's own text is not shown: {out}");
}

fn words(text: &str, max: usize) -> String {
    plain_text(&outline(text, DA), max)
}

#[test]
fn plain_text_keeps_the_words_a_reader_sees() {
    let text = "# Fælles *SOC*\n\nEn **fed**tekst med [et link](a.md) og `kode`.\n\n\
        | Mål | År |\n|---|---|\n| Tillid | 2027 |\n\n- punkt\n- andet\n\n\
        ![Kort over regionen](kort.png)\n\nNote[^1].\n\n[^1]: Kilden.\n\n\
        <div class=\"boks\"><b>Rå</b> HTML</div>\n";
    assert_eq!(
        words(text, 100),
        "Fælles SOC En fedtekst med et link og kode. Mål År Tillid 2027 punkt andet \
         Kort over regionen Note . Kilden. Rå HTML"
    );
}

#[test]
fn plain_text_leaves_out_chart_blocks_but_keeps_code() {
    let text = "Før\n\n```chart alle-udsagn\n```\n\n```yaml\nowner: SOC\n```\n\nEfter\n";
    assert_eq!(words(text, 100), "Før owner: SOC Efter");
}

#[test]
fn plain_text_stops_at_the_word_limit() {
    assert_eq!(words("en to tre fire fem", 3), "en to tre");
    assert_eq!(words("en **to**tre fire", 2), "en totre");
    assert_eq!(words("en to", 0), "");
    // Any white space parts words: a no-break space, an em space.
    assert_eq!(words("en\u{a0}to\u{2003}tre fire", 3), "en to tre");
}
