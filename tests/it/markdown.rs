//! Markdown as writers write it, built end to end: email autolinks, links in
//! raw HTML, decomposed (NFD) text, anchors and suggestions, and output that
//! stays small however many problems a file has.

use crate::support::Project;

#[test]
fn an_email_autolink_builds_as_a_mailto_link() {
    let project = Project::minimal();
    project.file("content/purpose.md", "---\ntitle: Formål\n---\nKontakt: <kontakt@example.dk>\n");
    project.build();
    let page = project.page("index.html");
    assert!(
        page.contains("<a href=\"mailto:kontakt@example.dk\">kontakt@example.dk</a>"),
        "{page}"
    );
}

#[test]
fn links_in_raw_html_are_checked_and_rewritten() {
    let project = Project::minimal();
    project.file(
        "content/purpose.md",
        "---\ntitle: Formål\n---\n<div class=\"kort\">\n<a href=\"initiatives/soc.md#indsats\">SOC</a>\n</div>\n\nSe <a title='x' href=directions/cyber.md>cyber</a>.\n",
    );
    project.build();
    let page = project.page("index.html");
    assert!(page.contains("<a href=\"initiatives/soc.html#indsats\">SOC</a>"), "{page}");
    assert!(page.contains("<a title='x' href=\"directions/cyber.html\">cyber</a>"), "{page}");

    project.file(
        "content/purpose.md",
        "---\ntitle: Formål\n---\n<a href=\"initiatives/soc.md#indsatz\">SOC</a>\n",
    );
    project.run(&["check"]).code(1).stderr_has(
        "error: broken anchor: `#indsatz` is not a heading in `content/initiatives/soc.md`\n\
         ┌─ content/purpose.md:4:10\n\
         = help: did you mean `#indsats`?",
    );

    // With raw HTML off it is text, so there is nothing to check.
    project.file(
        "stratdoc.yaml",
        "title: Teststrategi\nallow_html: false\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\n",
    );
    project.build();
    assert!(project.page("index.html").contains("&lt;a href=\"initiatives/soc.md#indsatz\"&gt;"));
}

#[test]
fn a_decomposed_link_reaches_a_composed_file_name() {
    // `å` typed as `a` + combining ring (NFD), as macOS writes names.
    let project = Project::minimal();
    project.file("content/directions/gård.md", "---\ntitle: Gård\n---\n## Mål\n");
    project.file(
        "content/purpose.md",
        "---\ntitle: Formål\n---\nSe [gården](directions/ga\u{30a}rd.md#maal).\n",
    );
    project.build();
    assert!(project.page("index.html").contains("href=\"directions/gaard.html#maal\""));
    // An anchor written as the heading reads is shown the id it has.
    project.file(
        "content/purpose.md",
        "---\ntitle: Formål\n---\nSe [gården](directions/gård.md#ma\u{30a}l).\n",
    );
    project.run(&["check"]).code(1).stderr_has("= help: did you mean `#maal`?");
    // A chosen id with `å`, linked to decomposed, is written composed
    // (percent-encoded, as browsers match it; decomposed is `ma%CC%8Al`).
    project.file("content/directions/gård.md", "---\ntitle: Gård\n---\n## Mål {#mål}\n");
    project.file(
        "content/purpose.md",
        "---\ntitle: Formål\n---\nSe [gården](directions/gård.md#ma\u{30a}l).\n",
    );
    project.build();
    let page = project.page("index.html");
    assert!(page.contains("href=\"directions/gaard.html#m%C3%A5l\""), "{page}");
}

#[test]
fn an_empty_heading_gets_an_id_in_the_sites_language() {
    let project = Project::minimal();
    project.file("content/purpose.md", "---\ntitle: Formål\n---\n## ***\n");
    project.build();
    assert!(project.page("index.html").contains("<h2 id=\"afsnit\">"));
    project.file("stratdoc.yaml", "title: Strategy\nlanguage: en\n");
    project.build();
    assert!(project.page("index.html").contains("<h2 id=\"section\">"));
}

#[test]
fn a_broken_anchor_lists_a_handful_of_the_headings() {
    let project = Project::minimal();
    let headings: Vec<String> = (1..=300).map(|i| format!("## Punkt {i}\n")).collect();
    let headings = headings.join("\n");
    project.file("content/directions/lang.md", format!("---\ntitle: Lang\n---\n{headings}"));
    project.file(
        "content/purpose.md",
        "---\ntitle: Formål\n---\nSe [den](directions/lang.md#noget-helt-andet).\n",
    );
    project.run(&["check"]).code(1).stderr_has(
        "= help: headings there: `#punkt-1`, `#punkt-2`, `#punkt-3`, `#punkt-4`, `#punkt-5` and 295 more",
    );
}

#[test]
fn links_into_a_renamed_folder_suggest_where_the_file_went() {
    let project = Project::minimal();
    project.file(
        "content/purpose.md",
        "---\ntitle: Formål\n---\nSe [SOC](tiltag/soc.md) og [cyber](retninger/cyber.md).\n",
    );
    project.run(&["check"]).code(1).stderr_has(
        "= help: did you mean `initiatives/soc.md`?\n= help: did you mean `directions/cyber.md`?",
    );
}

#[test]
fn thousands_of_broken_links_on_one_line_print_a_little() {
    // About 1 MB on one line: 8,000 broken links with long names.
    let link = format!("[x](mangler-{}.md) ", "x".repeat(110));
    let body = link.repeat(8_000);
    assert!(body.len() > 1_000_000);
    let project = Project::minimal();
    project.file("content/purpose.md", format!("---\ntitle: Formål\n---\n{body}\n"));
    let run = project.run(&["check"]).code(1);
    assert!(run.stderr.len() < 50_000, "{} bytes of diagnostics", run.stderr.len());
    assert_eq!(run.stderr.matches("error: broken link").count(), 10);
    let run = run.stderr_has(
        "note: content/purpose.md has 7990 more errors like \"broken link: `…` does not exist\"\n\
         = help: `--message-format short` lists every one\n\
         error: check failed: 8000 errors, 0 warnings",
    );
    drop(run);
    let short = project.run(&["check", "--message-format", "short"]).code(1);
    assert_eq!(short.stderr.lines().filter(|l| l.contains(": error: broken link")).count(), 8_000);
    assert!(short.stderr.len() < 3_000_000, "{} bytes of diagnostics", short.stderr.len());
}
