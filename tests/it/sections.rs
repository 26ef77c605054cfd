//! Folders as teams write them (`tests/fixtures/sections`): `scenarier/`,
//! whose `_index.md` is its page, is a section with four scenarios and a
//! nested section `metode/` (its `index.md`). Each is asserted where a
//! reader meets it: in the menu, in the breadcrumbs and in the board
//! edition's numbering.

use crate::plan::text;
use crate::support::{Project, element};

/// The menu's entries as (depth, title, open or current) in document
/// order, read from the lists stratdoc writes.
fn menu(html: &str) -> Vec<(usize, String, &'static str)> {
    let nav = element(html, "<nav class=\"site-nav\"").expect("a menu");
    let mut entries = Vec::new();
    let mut depth = 0_usize;
    let mut state = "";
    for piece in nav.split('<').skip(1) {
        if let Some(rest) = piece.strip_prefix("ul class=\"nav-list nav-depth-") {
            depth = rest[..1].parse().unwrap();
        } else if piece.starts_with("/ul>") {
            depth = depth.saturating_sub(1);
        } else if let Some(class) = piece.strip_prefix("li class=\"") {
            state = if class.starts_with("nav-item is-current") {
                "current"
            } else if class.starts_with("nav-item is-open") {
                "open"
            } else {
                ""
            };
        } else if piece.starts_with("a href=") {
            let title = piece[piece.find('>').unwrap() + 1..].to_owned();
            entries.push((depth, title, state));
        }
    }
    entries
}

fn entry(depth: usize, title: &str, state: &'static str) -> (usize, String, &'static str) {
    (depth, title.to_owned(), state)
}

fn crumbs(html: &str) -> String {
    text(element(html, "<nav class=\"breadcrumbs\"").expect("breadcrumbs"))
}

const SCENARIOS: [&str; 4] = ["Kludetæppet", "Fælles platform", "Markedet råder", "Stilstand"];

#[test]
fn a_folder_is_a_section_in_the_menu_with_its_pages_under_it() {
    let project = Project::fixture("sections");
    project.build();
    let in_section = menu(&project.page("scenarier/kludetaeppet.html"));
    let mut expected = vec![
        entry(0, "Forside", ""),
        entry(0, "Strategiske retninger", ""),
        entry(1, "Robust drift", ""),
        entry(0, "Handlingsplan", ""),
        entry(0, "Om strategien", ""),
        // Open on its pages, so a phone unfolds it.
        entry(0, "Scenarier", "open"),
        entry(1, "Kludetæppet", "current"),
    ];
    expected.extend(SCENARIOS[1..].iter().map(|s| entry(1, s, "")));
    // The nested section, folded while the reader is elsewhere.
    expected.push(entry(1, "Metode", ""));
    assert_eq!(in_section, expected);

    // From a page outside, the section lists its pages (the sidebar), closed.
    let outside = menu(&project.page("om.html"));
    assert!(outside.contains(&entry(0, "Scenarier", "")), "{outside:?}");
    assert!(outside.contains(&entry(1, "Stilstand", "")), "{outside:?}");
    assert!(!outside.iter().any(|(_, title, _)| title == "Workshop"), "{outside:?}");

    // In the nested section, both levels open down to the page.
    let nested = menu(&project.page("scenarier/metode/workshop.html"));
    assert!(nested.contains(&entry(0, "Scenarier", "open")), "{nested:?}");
    assert!(nested.contains(&entry(1, "Metode", "open")), "{nested:?}");
    assert!(nested.contains(&entry(2, "Workshop", "current")), "{nested:?}");
}

#[test]
fn breadcrumbs_run_through_the_sections_a_page_is_in() {
    let project = Project::fixture("sections");
    project.build();
    for (page, trail) in [
        ("scenarier/kludetaeppet.html", "Forside Scenarier Kludetæppet"),
        ("scenarier/index.html", "Forside Scenarier"),
        ("scenarier/metode/workshop.html", "Forside Scenarier Metode Workshop"),
        ("scenarier/metode/index.html", "Forside Scenarier Metode"),
        ("om.html", "Forside Om strategien"),
    ] {
        assert_eq!(crumbs(&project.page(page)), trail, "{page}");
    }
    let html = project.page("scenarier/metode/workshop.html");
    let nav = element(&html, "<nav class=\"breadcrumbs\"").unwrap();
    assert!(nav.contains("<a href=\"../../scenarier/index.html\">Scenarier</a>"), "{nav}");
}

/// The board edition's table of contents as "number title" lines.
fn toc(project: &Project) -> Vec<String> {
    let html = project.page("print.html");
    let toc = element(&html, "<nav class=\"toc\"").expect("a table of contents");
    toc.split("<li class=\"toc-entry")
        .skip(1)
        .map(text)
        .map(|t| t.trim_start_matches(|c| c != ' ').trim().to_owned())
        .collect()
}

#[test]
fn the_board_edition_numbers_a_section_s_pages_under_it() {
    let project = Project::fixture("sections");
    project.build();
    // `print:` names the section by its folder: a part, its pages 3.1 ….
    let mut expected: Vec<String> =
        ["1 Formål", "2 Strategiske retninger", "2.1 Robust drift", "2.1.1 Fælles beredskab"]
            .map(str::to_owned)
            .to_vec();
    expected.push("3 Scenarier".to_owned());
    expected.extend(SCENARIOS.iter().enumerate().map(|(k, s)| format!("3.{} {s}", k + 1)));
    expected.extend(["3.5 Metode", "3.5.1 Workshop", "4 Handlingsplan"].map(str::to_owned));
    let got = toc(&project);
    assert_eq!(got[..expected.len()], expected[..], "{got:#?}");
    assert_eq!(got[got.len() - 2..], ["A Andre sider", "A.1 Om strategien"], "{got:#?}");

    // Without `print:`, the section is a chapter of the other pages.
    project.file(
        "stratdoc.yaml",
        "title: Fremtidsbilleder\nlanguage: da\nas_of: 2027-Q1\nperiod:\n  start: 2027-Q1\n  end: 2027-Q4\n",
    );
    project.build();
    let got = toc(&project);
    let at = got.iter().position(|t| t == "A Andre sider").expect("the other pages");
    let mut expected = vec!["A Andre sider".to_owned(), "A.1 Om strategien".to_owned()];
    expected.push("A.2 Scenarier".to_owned());
    expected.extend(SCENARIOS.iter().enumerate().map(|(k, s)| format!("A.2.{} {s}", k + 1)));
    expected.extend(["A.2.5 Metode".to_owned()]);
    assert_eq!(got[at..], expected[..], "{got:#?}");
}
