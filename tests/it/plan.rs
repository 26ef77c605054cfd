//! The plan views, generated from frontmatter: the roadmap's SVG is pinned
//! for fixture plans in `tests/fixtures/roadmap/*.svg` (set
//! `UPDATE_EXPECTED=1` to rewrite them, then look at them in a browser), and
//! what it shows is asserted on its own.

use std::fs;

use crate::support::{Project, element, fixtures};

/// The roadmap of the action-plan page of `project`'s last build.
fn roadmap(project: &Project) -> String {
    let page = project.page("initiatives/index.html");
    element(&page, "<svg class=\"roadmap\"")
        .unwrap_or_else(|| panic!("no roadmap in\n{page}"))
        .to_owned()
}

fn matches_golden(name: &str, svg: &str) {
    let path = fixtures().join("roadmap").join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        fs::write(&path, format!("{svg}\n")).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        format!("{svg}\n"),
        expected,
        "{name}: the roadmap changed (UPDATE_EXPECTED=1 rewrites it)"
    );
}

fn initiative(id: &str, direction: &str, extra: &str) -> (String, String) {
    (
        format!("content/initiatives/{id}.md"),
        format!(
            "---\ntitle: Initiativ {id}\ndirections: [{direction}]\nowner: Udvalget\n{extra}---\n## Indsats\n\nTekst.\n"
        ),
    )
}

#[test]
fn a_plan_of_one_quarter() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: Kvartal\nlanguage: da\nas_of: 2027-Q1\nperiod:\n  start: 2027-Q1\n  end: 2027-Q1\n",
    );
    project.file(
        "content/initiatives/soc.md",
        "---\ntitle: Fælles SOC\ndirections: [cyber]\nowner: Driftsudvalget\nstart: 2027-Q1\nend: 2027-Q1\nstatus: active\nmilestones:\n  - quarter: 2027-Q1\n    title: I drift\n---\n## Indsats\n\nTekst.\n",
    );
    project.build();
    let svg = roadmap(&project);
    assert_eq!(svg.matches("class=\"rm-quarter\"").count(), 1, "one column");
    assert!(svg.contains("href=\"soc.html\""), "the bar links to its initiative: {svg}");
    matches_golden("one-quarter", &svg);
}

#[test]
fn initiatives_beyond_the_period_are_clipped_and_marked_never_dropped() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: Beyond\nlanguage: en\nas_of: 2026-Q4\nperiod:\n  start: 2027-Q1\n  end: 2027-Q4\n",
    );
    project.file(
        "content/directions/empty.md",
        "---\ntitle: A direction without initiatives\norder: 2\n---\n",
    );
    for (path, text) in [
        initiative("soc", "cyber", "start: 2026-Q3\nend: 2028-Q2\nstatus: active\n"),
        initiative("before", "cyber", "start: 2025\nend: 2026-H1\nstatus: done\n"),
        initiative("after", "cyber", "start: 2028-H1\nend: 2028\n"),
        initiative(
            "approx",
            "cyber",
            "start: 2027-H1\nend: 2027\nstatus: paused\nmilestones:\n  - quarter: 2027-H2\n    title: Halfway\n",
        ),
        initiative("undated", "cyber", "status: cancelled\n"),
    ] {
        project.file(&path, text);
    }
    project.build();
    let svg = roadmap(&project);
    for id in ["soc", "before", "after", "approx", "undated"] {
        assert!(svg.contains(&format!("href=\"{id}.html\"")), "{id} is on the roadmap");
    }
    assert!(svg.contains("◀") && svg.contains("▶"), "clipped ends are marked");
    assert!(svg.contains("≈"), "approximate ends are marked");
    assert!(svg.contains("no initiatives"), "the empty direction says so");
    assert!(
        svg.contains("Now: Q4\u{a0}2026 (outside the period)"),
        "now outside the period is named"
    );
    assert!(!svg.contains("class=\"rm-col rm-now\""), "no column is marked as now");
    matches_golden("beyond-the-period", &svg);
}

#[test]
fn forty_initiatives_with_sub_initiatives() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: Fyrre\nlanguage: da\nas_of: 2027-Q3\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\n",
    );
    for d in 1..=4 {
        project.file(
            &format!("content/directions/d{d}.md"),
            format!("---\ntitle: Retning {d}\norder: {d}\n---\n"),
        );
    }
    project.remove("content/initiatives/soc.md");
    project.remove("content/directions/cyber.md");
    project.file(
        "content/directions/cyber.md",
        "---\ntitle: Cyber\norder: 5\n---\nSe [SOC](../initiatives/i1.md#indsats).\n",
    );
    for n in 1..=40 {
        let direction = format!("d{}", (n - 1) % 4 + 1);
        let start = 1 + (n % 6);
        let (year, quarter) = (2027 + (start - 1) / 4, (start - 1) % 4 + 1);
        let parent = if n % 10 == 0 { format!("parent: i{}\n", n - 4) } else { String::new() };
        let status = ["planned", "active", "done", "paused"][n % 4];
        let extra = format!(
            "number: \"{}.{}\"\nstart: {year}-Q{quarter}\nend: 2028-Q2\nstatus: {status}\n{parent}milestones:\n  - quarter: 2028-Q1\n    title: Milepæl {n}\n",
            (n - 1) % 4 + 1,
            n
        );
        let (path, mut text) = initiative(&format!("i{n}"), &direction, &extra);
        if n == 1 {
            text = text.replace("directions: [d1]", "directions: [d1, cyber]");
        }
        project.file(&path, text);
    }
    let run = project.run(&["build"]).success();
    let svg = roadmap(&project);
    assert_eq!(svg.matches("<a href=").count(), 40, "every initiative has a bar");
    assert!(svg.contains("rm-sub"), "sub-initiatives are nested: {}", run.stderr);
    matches_golden("forty", &svg);
}
