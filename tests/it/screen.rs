//! The plan views as a reader sees them on a screen of any size: a roadmap
//! whose time unit follows the period, names in full, tables whose cells
//! carry their column's name (the phone's cards), empty columns left out,
//! long views with contents, and a front page that says when its period
//! has ended. How they lay out in a browser is held by gates/phone.mjs.

use crate::plan::text;
use crate::support::{Project, element};

/// A project whose plan runs over `start..=end`, with `as_of`.
fn period_project(start: &str, end: &str, as_of: &str) -> Project {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        format!(
            "title: Teststrategi\nlanguage: da\nas_of: {as_of}\nperiod:\n  start: {start}\n  end: {end}\n"
        ),
    );
    project
}

fn roadmap(project: &Project) -> String {
    let page = project.page("initiatives/index.html");
    element(&page, "<svg class=\"roadmap\"").expect("a roadmap").to_owned()
}

/// The `width="…"` of an `<svg>`.
fn width(svg: &str) -> usize {
    let at = svg.find(" width=\"").expect("a width") + 8;
    svg[at..svg[at..].find('"').unwrap() + at].parse().unwrap()
}

#[test]
fn a_five_year_period_is_drawn_in_years_and_fits_the_width() {
    let project = period_project("2026-Q1", "2030-Q4", "2027-Q2");
    project.build().success();
    let svg = roadmap(&project);
    assert_eq!(svg.matches("class=\"rm-quarter\"").count(), 5, "a column a year: {svg}");
    for year in 2026..=2030 {
        assert!(svg.contains(&format!(">{year}</text>")), "{year} in {svg}");
    }
    assert!(width(&svg) <= 960, "fits 1280 px beside the menu: {}", width(&svg));
}

#[test]
fn a_three_year_period_is_drawn_in_halves() {
    let project = period_project("2027-Q1", "2029-Q4", "2027-Q2");
    project.build().success();
    let svg = roadmap(&project);
    assert_eq!(svg.matches("class=\"rm-quarter\"").count(), 6, "{svg}");
    assert!(svg.contains(">2. halvår</text>"), "{svg}");
    assert!(width(&svg) <= 960);
}

#[test]
fn roadmap_names_are_whole_and_carry_their_number() {
    let project = Project::minimal();
    let title = "Fælles sikkerhedsovervågningscenter for alle kommuner og regioner i landet";
    project.file(
        "content/initiatives/soc.md",
        format!(
            "---\ntitle: {title}\nnumber: \"3.2.2\"\ndirections: [cyber]\nowner: Driftsudvalget\nstart: 2027-Q1\nend: 2027-Q4\nstatus: active\nkpis:\n  - name: Dækning\n---\n## Indsats\n\nTekst.\n"
        ),
    );
    project.build().success();
    let svg = roadmap(&project);
    assert!(!svg.contains('…'), "no name is cut: {svg}");
    let label = element(&svg, "<text class=\"rm-label\"").expect("a label");
    assert_eq!(text(label), format!("3.2.2 {title}"), "wrapped over lines, whole");
    assert!(label.matches("<tspan").count() > 1, "{label}");
    for page in ["initiatives/matrix.html", "initiatives/kpis.html", "initiatives/owners.html"] {
        assert!(text(&project.page(page)).contains("3.2.2 Fælles"), "the number in {page}");
    }
}

#[test]
fn every_plan_table_cell_names_its_column_for_the_phone_cards() {
    let project = Project::minimal();
    project.file(
        "content/initiatives/soc.md",
        "---\ntitle: Fælles SOC\ndirections: [cyber]\nowner: Driftsudvalget\nstart: 2027-Q1\nend: 2027-Q4\nstatus: active\nkpis:\n  - name: Dækning\n    baseline: 10 %\n    target: 90 %\n---\n## Indsats\n\nTekst.\n",
    );
    project.build().success();
    for page in ["initiatives/index.html", "initiatives/matrix.html", "initiatives/kpis.html"] {
        let html = project.page(page);
        let table = element(&html, "<table").expect("a table");
        let cells = table.matches("<td").count();
        assert!(cells > 0, "{page}");
        assert_eq!(
            table.matches("<td").count(),
            table.matches(" data-label=\"").count(),
            "{page}: {table}"
        );
    }
    let matrix = project.page("initiatives/matrix.html");
    assert!(matrix.contains("data-label=\"Cyberrobusthed\""), "{matrix}");
}

#[test]
fn the_kpi_overview_leaves_out_a_column_no_kpi_fills() {
    let kpi = |by: &str| {
        format!(
            "---\ntitle: Fælles SOC\ndirections: [cyber]\nowner: Driftsudvalget\nstatus: active\nkpis:\n  - name: Dækning\n    target: 90 %\n{by}---\n## Indsats\n\nTekst.\n"
        )
    };
    let project = Project::minimal();
    project.file("content/initiatives/soc.md", kpi(""));
    project.build().success();
    let html = project.page("initiatives/kpis.html");
    assert!(!html.contains("Mål for"), "an empty column is left out: {html}");
    project.file("content/initiatives/soc.md", kpi("    by: 2028\n"));
    project.build().success();
    assert!(project.page("initiatives/kpis.html").contains("Mål for"));
}

#[test]
fn long_views_have_contents_and_fold_what_runs_on() {
    let project = period_project("2027-Q1", "2029-Q4", "2027-Q2");
    for n in 1..=8 {
        project.file(
            &format!("content/initiatives/i{n}.md"),
            format!(
                "---\ntitle: Initiativ {n}\ndirections: [cyber]\nowner: \"Ejer nummer {n} med et meget langt navn\"\nstart: 2027-Q1\nend: 2029-Q4\nstatus: active\n---\nTekst.\n"
            ),
        );
    }
    project.build().success();
    let owners = project.page("initiatives/owners.html");
    let contents = element(&owners, "<nav class=\"view-contents\"").expect("owners' contents");
    assert!(contents.contains("href=\"#sd-owner-1\""), "{contents}");
    assert!(owners.contains("<h2 id=\"sd-owner-1\" class=\"owner-name\">"), "{owners}");
    let quarters = project.page("initiatives/quarters.html");
    assert!(element(&quarters, "<nav class=\"view-contents\"").is_some(), "quarters' contents");
    let runs = element(&quarters, "<details class=\"quarter-runs\"").expect("folded");
    assert!(text(runs).starts_with("9 initiativer"), "{runs}");
}

#[test]
fn the_front_page_says_when_the_period_has_ended() {
    let project = period_project("2027-Q1", "2028-Q2", "2029-Q1");
    project.build().success();
    let front = text(&project.page("index.html"));
    assert!(front.contains("Perioden sluttede 2. kvt. 2028."), "{front}");
    let running = period_project("2027-Q1", "2028-Q2", "2027-Q3");
    running.build().success();
    let front = text(&running.page("index.html"));
    assert!(!front.contains("Perioden sluttede"), "{front}");
    assert!(front.contains("Initiativer i gang og milepæle pr. kvartal"), "the strip's caption");
}
