use super::{Href, decode, for_print, links, rewrite};

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
    assert_eq!((found[0].value.clone(), found[0].attribute.clone()), (9..13, 2..14));
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
fn rewrite_replaces_only_new_destinations_and_unlinks_what_it_is_told() {
    let html = "<a  href='a.md' title=\"t\">A</a><img src=b.png><a href=\"c\">";
    let found = links(html);
    let out =
        rewrite(html, &found, &[Href::To("a.html".into()), Href::To("b&c.png".into()), Href::Keep]);
    assert_eq!(out, "<a  href=\"a.html\" title=\"t\">A</a><img src=\"b&amp;c.png\"><a href=\"c\">");
    assert_eq!(rewrite(html, &found, &[Href::Keep, Href::Keep, Href::Keep]), html);
    let unlinked = rewrite(html, &found, &[Href::Unlink, Href::Keep, Href::Keep]);
    assert_eq!(unlinked, "<a title=\"t\">A</a><img src=b.png><a href=\"c\">");
}

#[test]
fn print_scopes_ids_and_what_names_them() {
    let html = "<figure id=\"x\"><table aria-labelledby=\"cap x\"><caption id=\"cap\">C</caption></table><label for=\"f\">L</label></figure>";
    assert_eq!(
        for_print(html, "p-a", 0),
        "<figure id=\"p-a--x\"><table aria-labelledby=\"p-a--cap p-a--x\"><caption id=\"p-a--cap\">C</caption></table><label for=\"p-a--f\">L</label></figure>"
    );
}

#[test]
fn print_moves_headings_deeper_but_never_past_h6() {
    assert_eq!(for_print("<h5>a</h5><H2>b</H2>", "p", 2), "<h6>a</h6><H4>b</H4>");
    assert_eq!(
        for_print("<h1>a</h1><hr><header>x</header>", "p", 0),
        "<h1>a</h1><hr><header>x</header>"
    );
}

#[test]
fn print_reads_attributes_with_their_quotes() {
    let html = "<p title='a > b' id=x data-x=\"<h2>\">t</p><!-- <h2 id=\"c\"> -->";
    assert_eq!(
        for_print(html, "p", 1),
        "<p title='a > b' id=p--x data-x=\"<h2>\">t</p><!-- <h2 id=\"c\"> -->"
    );
}

#[test]
fn print_shows_images_on_the_web_as_links_and_marks_bare_links() {
    let html = "<p><img src=\"https://x.dk/a.png\" alt=\"Kort\" /> <a href=\"https://x.dk\">https://x.dk</a> <a href=\"https://y.dk\">Y</a> <img src=\"data:image/png;base64,AA\" alt=\"\" /></p>";
    assert_eq!(
        for_print(html, "p", 0),
        "<p><a href=\"https://x.dk/a.png\">Kort</a> <a href=\"https://x.dk\" class=\"bare\">https://x.dk</a> <a href=\"https://y.dk\">Y</a> <img src=\"data:image/png;base64,AA\" alt=\"\" /></p>"
    );
}
