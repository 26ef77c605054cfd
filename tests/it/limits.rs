//! Plan data at its limits: whatever numbers a charted CSV holds and however
//! deep sub-initiatives nest, a build finishes in time, with a diagnostic at
//! the row or setting that goes too far, or with a readable result (no hang,
//! no stack overflow, no heading past `h6`).

use std::fmt::Write as _;

use crate::plan::{chart_project, text};
use crate::support::{Project, element};

/// Seconds a run on a small project may take before it counts as a hang.
const HANG: u64 = 60;

const CHART: &str = "  - title: Svar\n";

#[test]
fn numbers_a_chart_cannot_draw_are_errors_at_their_row_not_a_hang() {
    let too_large = "  = help: a chart shows values and bars up to 1000000000000000 (10^15); give the figures in a larger unit (thousands, millions) and name it in `unit:`";
    let cases: [(&str, String); 6] = [
        // Each value is finite, their sum is not: the axis once looped on it.
        (
            "Udsagn,Enig,Uenig\nSOC,2,3\nData,1e308,1e308\n",
            format!(
                "error: `1e308` in column `Enig` is more than a chart can show\n  ┌─ content/analysis/svar.csv:3:1\n{too_large}"
            ),
        ),
        (
            "Udsagn,Enig,Uenig\nSOC,900000000000000,900000000000000\n",
            format!(
                "error: the bar `SOC` adds up to more than a chart can show\n  ┌─ content/analysis/svar.csv:2:1\n  │ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ its values reach 1800000000000000 with this row\n{too_large}"
            ),
        ),
        // In long data a bar's total grows over rows; the row that tips it is named.
        (
            "question,answer,count\nSOC,Enig,600000000000000\nData,Enig,1\nSOC,Uenig,600000000000000\n",
            "error: the bar `SOC` adds up to more than a chart can show\n  ┌─ content/analysis/svar.csv:4:1"
                .to_owned(),
        ),
        (
            "Udsagn,Enig\nSOC,NaN\nData,inf\nDrift,4\n",
            "error: `NaN` in column `Enig` is not a number\n  ┌─ content/analysis/svar.csv:2:1\nerror: `inf` in column `Enig` is not a number\n  ┌─ content/analysis/svar.csv:3:1"
                .to_owned(),
        ),
        // Bars stack from 0: a negative value would silently vanish from the picture.
        (
            "Udsagn,Enig,Uenig\nSOC,-3,5\n",
            "error: `-3` in column `Enig` is below 0\n  ┌─ content/analysis/svar.csv:2:1"
                .to_owned(),
        ),
        (
            &many_answers(31),
            "error: `Svar 30` would be series 31 of this chart; a chart stacks at most 30\n   ┌─ content/analysis/svar.csv:32:1"
                .to_owned(),
        ),
    ];
    for (csv, expected) in &cases {
        chart_project(csv.as_bytes(), CHART)
            .run_within(&["check"], HANG)
            .code(1)
            .stderr_has(expected);
    }
}

/// Long data with one question and `n` answers.
fn many_answers(n: usize) -> String {
    let mut csv = String::from("question,answer,count\n");
    for i in 0..n {
        let _ = writeln!(csv, "SOC,Svar {i},1");
    }
    csv
}

#[test]
fn long_data_is_grouped_in_the_order_first_seen_and_small_figures_keep_their_decimals() {
    let csv = "question,answer,count\nSOC,Enig,1\nData,Uenig,0.02\nSOC,Enig,3\nDrift,Enig,0\n";
    let project = chart_project(csv.as_bytes(), CHART);
    project.run_within(&["build"], HANG).success();
    let page = project.page("analysis/survey.html");
    let table = text(element(&page, "<table class=\"data-table chart-table\"").unwrap());
    assert_eq!(
        table,
        "Svar (Datagrundlag: svar.csv) question Enig Uenig SOC 4 0 Data 0 0,02 Drift 0 0"
    );
    // Small figures keep their decimals, in the table and on the axis.
    let project = chart_project(b"Udsagn,Andel\nSOC,0.09\nData,0.04\n", CHART);
    project.run_within(&["build"], HANG).success();
    let svg = project.page("analysis/survey.html");
    let ticks: Vec<&str> = svg
        .split("class=\"ch-tick\"")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1)?.split('<').next())
        .collect();
    assert_eq!(ticks, ["0", "0,02", "0,04", "0,06", "0,08", "0,1"]);
}

/// A project whose initiatives `i0` … `i{n-1}` each have the one before as
/// `parent`; only `i0` names a direction.
fn chain(n: usize) -> Project {
    let project = Project::minimal();
    project.file("content/directions/cyber.md", "---\ntitle: Cyberrobusthed\n---\n");
    project.remove("content/initiatives/soc.md");
    for i in 0..n {
        let up =
            if i == 0 { "directions: [cyber]".to_owned() } else { format!("parent: i{}", i - 1) };
        project.file(
            &format!("content/initiatives/i{i}.md"),
            format!("---\ntitle: Indsats {i}\n{up}\nowner: IT\nstart: 2027-Q1\nend: 2027-Q4\n---\nTekst.\n"),
        );
    }
    project
}

/// Each initiative's link in `html` with how many lists are open around it,
/// in order, checking the lists close as they open.
fn list_depths(html: &str) -> Vec<(String, usize)> {
    let mut depths = Vec::new();
    let mut open = 0usize;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if rest.starts_with("<ul") {
            open += 1;
        } else if rest.starts_with("</ul>") {
            open = open.checked_sub(1).expect("a list closed that was not open");
        } else if let Some(link) = rest.strip_prefix("<a href=\"../initiatives/") {
            let page = &link[..link.find(".html").unwrap()];
            depths.push((page.to_owned(), open));
        }
        rest = &rest[1..];
    }
    assert_eq!(open, 0, "every list closes");
    depths
}

fn nests_as_shown(n: usize) {
    let project = chain(n);
    // In a debug build a 5,000-page site takes seconds; a stack overflow
    // aborts at once, a walk per ancestor takes minutes.
    let run = project.run_within(&["build"], 300).success();
    // One warning for the chain, where it passes the depth lists show.
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains(
        "warning: `i4` is nested 4 levels under other initiatives; lists show 3\n  ┌─ content/initiatives/i4.md:3:9"
    ), "{}", run.stderr);
    // The direction lists the chain as nested cards: three levels under i0,
    // the rest at the third, in order.
    let direction = project.page("directions/cyber.html");
    let depths = list_depths(element(&direction, "<ul class=\"initiative-list\"").unwrap());
    let expected: Vec<(String, usize)> = (0..n).map(|i| (format!("i{i}"), 1 + i.min(3))).collect();
    assert_eq!(depths, expected);
    for h in ["<h7", "<h8"] {
        assert!(!direction.contains(h) && !project.page("print.html").contains(h), "{h}");
    }
    // The board edition numbers the deep ones as siblings at the third level.
    let print = project.page("print.html");
    let last = format!("2.1.1.1.1.{}", n - 3);
    assert!(print.contains(&format!("<span class=\"number\">{last}</span> Indsats {}", n - 1)));
    // Every initiative is in the exports, parents first.
    let csv = project.page("initiatives.csv");
    assert_eq!(csv.lines().count(), n + 1);
}

#[test]
fn a_chain_of_600_parents_builds_and_nests_as_shown() {
    nests_as_shown(600);
}

#[test]
fn a_chain_of_5000_parents_builds_and_nests_as_shown() {
    nests_as_shown(5_000);
}

#[test]
fn sub_initiatives_four_deep_keep_headings_within_h6_on_every_page() {
    let project = chain(6);
    project.run_within(&["build"], HANG).success();
    for entry in walkdir::WalkDir::new(project.path().join("public")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&path).unwrap();
            assert!(!html.contains("<h7") && !html.contains("<h8"), "{}", path.display());
        }
    }
    let direction = project.page("directions/cyber.html");
    let titles: Vec<&str> = direction
        .split("class=\"initiative-card-title\"")
        .skip(1)
        .map(|after| &after[after.find("Indsats").unwrap()..][..9])
        .collect();
    assert_eq!(titles.len(), 6);
    for (level, title) in ["h3", "h4", "h5", "h6", "h6", "h6"].iter().zip(&titles) {
        let at = direction.find(&format!("{title}</a></{level}>"));
        assert!(at.is_some(), "{title} is not an {level}:\n{direction}");
    }
}
