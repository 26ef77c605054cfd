//! The site's pages as a reader gets them. Golden files pin the `<main>` of
//! one page of every kind, the front page and each overview of the fixture
//! project `tests/fixtures/site/project` (`expected/` beside it; set
//! `UPDATE_EXPECTED=1` to rewrite them after a deliberate change, then read
//! the diff). Only `<main>` is pinned, so a change to the header or footer
//! does not rewrite every file; the navigation and pager have their own tests.

use std::fs;

use crate::support::{Project, element, fixtures, main_of};

/// The pages whose `<main>` is pinned: every kind, the front page, every overview.
const PINNED: &[&str] = &[
    "index.html",
    "narrative/index.html",
    "narrative/01-hvorfor.html",
    "directions/index.html",
    "directions/sikkerhed.html",
    "directions/klima.html",
    "initiatives/index.html",
    "initiatives/soc.html",
    "initiatives/beredskab.html",
    "analysis/index.html",
    "analysis/survey.html",
    "om.html",
    "guides/index.html",
    "noter/notes.html",
];

#[test]
fn main_of_every_kind_matches_its_golden_file() {
    let project = Project::fixture("site/project");
    project.build();
    let expected_dir = fixtures().join("site/expected");
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut failures = Vec::new();
    for page in PINNED {
        let got = format!("{}\n", main_of(&project.page(page)));
        let path = expected_dir.join(page);
        if update {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &got).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&path).unwrap_or_default();
        if got != expected {
            failures.push(format!("{page}:\n--- expected\n{expected}\n--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{} pages differ:\n{}", failures.len(), failures.join("\n"));
}

/// The `href` of the link with `rel` in `html`, if any.
fn rel_href<'a>(html: &'a str, rel: &str) -> Option<&'a str> {
    let at = html.find(&format!("rel=\"{rel}\""))?;
    let tag_start = html[..at].rfind("<a ")?;
    let href = &html[tag_start..at];
    let start = href.find("href=\"")? + "href=\"".len();
    Some(&href[start..start + href[start..].find('"')?])
}

#[test]
fn narrative_chapters_link_to_the_chapters_before_and_after_in_order() {
    let project = Project::minimal();
    for (file, title, order) in [("b.md", "Anden", 2), ("a.md", "Tredje", 3), ("c.md", "Første", 1)]
    {
        project.file(
            &format!("content/narrative/{file}"),
            format!("---\ntitle: {title}\norder: {order}\n---\nTekst.\n"),
        );
    }
    project.build();
    let pager = |page: &str| {
        let html = project.page(page);
        let pager = element(&html, "<nav class=\"pager\"").map(str::to_owned);
        (
            pager.as_deref().and_then(|p| rel_href(p, "prev")).map(str::to_owned),
            pager.as_deref().and_then(|p| rel_href(p, "next")).map(str::to_owned),
        )
    };
    assert_eq!(pager("narrative/c.html"), (None, Some("../narrative/b.html".to_owned())));
    assert_eq!(
        pager("narrative/b.html"),
        (Some("../narrative/c.html".to_owned()), Some("../narrative/a.html".to_owned()))
    );
    assert_eq!(pager("narrative/a.html"), (Some("../narrative/b.html".to_owned()), None));
    let chapters =
        element(&project.page("index.html"), "<ol class=\"chapter-list\"").unwrap().to_owned();
    let at = |title: &str| chapters.find(title).unwrap();
    assert!(at("Første") < at("Anden") && at("Anden") < at("Tredje"), "{chapters}");
}

#[test]
fn plain_pages_are_known_by_their_path_and_need_no_title() {
    let project = Project::minimal();
    project.file("content/docs/_index.md", "---\n---\n# Dokumentation\n\nForside.\n");
    project.file("content/docs/a/index.md", "# Del A\n");
    project.file("content/docs/b/index.md", "# Del B\n");
    project.file("content/x/notes.md", "---\ntitle: X-noter\n---\nx\n");
    project.file("content/y/notes.md", "Bare tekst.\n");
    let run = project.run(&["build"]).success();
    assert!(!run.stderr.contains("duplicate id"), "{}", run.stderr);
    assert!(!run.stderr.contains("missing required field"), "{}", run.stderr);
    assert!(run.stdout.contains("1 warning"), "{}", run.stdout);
    run.stderr_has("warning: `content/y/notes.md` has no title");
    // `_index.md` is its folder's page; a page's title is its first `#` heading.
    let docs = project.page("docs/index.html");
    assert!(docs.contains("<title>Dokumentation – Teststrategi</title>"), "{docs}");
    assert_eq!(main_of(&docs).matches("<h1").count(), 1, "one h1: {docs}");
    assert!(project.page("docs/a/index.html").contains("<h1 id=\"del-a\">Del A</h1>"));
    assert!(project.page("docs/b/index.html").contains("<h1 id=\"del-b\">Del B</h1>"));
    assert!(project.page("x/notes.html").contains("<h1>X-noter</h1>"));
    // No title and no heading: the file name.
    assert!(project.page("y/notes.html").contains("<h1>Notes</h1>"));
}

#[test]
fn typed_pages_keep_their_rules() {
    let project = Project::minimal();
    project.file("content/directions/untitled.md", "# Overskrift\n");
    project.file("content/directions/sub/cyber.md", "---\ntitle: Igen\n---\n");
    project
        .run(&["check"])
        .code(1)
        .stderr_has("error: missing frontmatter\n  ┌─ content/directions/untitled.md:1:1\nerror: duplicate id `cyber`");
}
