//! The English fixture strategy `tests/fixtures/english/` (a regional health
//! IT partnership) built end to end: every page is English, from the `lang`
//! attribute to labels, quarters, dates, amounts and quotes. The quality
//! gates (`gates/`) also run over this site in CI.

use std::fs;

use crate::support::{Project, snapshot};

/// Words of the Danish UI that must not reach an English page.
const DANISH_LABELS: &[&str] = &[
    "Gå til indhold",
    "Forside",
    "Handlingsplan",
    "Ansvarlig",
    "Milepæle",
    "Udgangspunkt",
    "Godkendt",
    "kvt.",
    "Lavet med stratdoc",
];

#[test]
fn the_english_fixture_builds_an_english_site() {
    let project = Project::fixture("english");
    let run = project.build();
    assert!(run.stdout.contains("0 warnings"), "{}", run.stdout);
    let public = project.path().join("public");
    let pages: Vec<_> = snapshot(&public)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() >= 18, "{pages:?}");
    for page in &pages {
        let html = fs::read_to_string(public.join(page)).unwrap();
        assert!(html.contains("<html lang=\"en\">"), "{}: not lang=\"en\"", page.display());
        for danish in DANISH_LABELS {
            assert!(
                !html.contains(danish),
                "{}: Danish {danish:?} on an English page",
                page.display()
            );
        }
    }

    let front = project.page("index.html");
    for expected in
        ["Skip to content", "Home", "Action plan", "Approved: 9\u{a0}December\u{a0}2026"]
    {
        assert!(front.contains(expected), "front page lacks {expected:?}");
    }

    let record = project.page("initiatives/shared-care-record.html");
    for expected in [
        "Owner",
        "Active",
        "Q1\u{a0}2027 – Q4\u{a0}2028",
        "Q2\u{a0}2027",
        "GBP\u{a0}2.4\u{a0}million",
        "Key performance indicators",
        "Sub-initiatives",
        "href=\"../initiatives/shared-care-record-phase-1.html\"",
    ] {
        assert!(record.contains(expected), "shared-care-record.html lacks {expected:?}");
    }
    let phase = project.page("initiatives/shared-care-record-phase-1.html");
    for expected in
        ["Part of", "Required by", "href=\"../initiatives/population-health-dashboard.html\""]
    {
        assert!(phase.contains(expected), "shared-care-record-phase-1.html lacks {expected:?}");
    }

    let done = project.page("initiatives/discharge-summaries.html");
    for expected in ["Done", "Northbridge Hospitals Trust", "Vale and Eastmoor Hospitals Trust"] {
        assert!(done.contains(expected), "discharge-summaries.html lacks {expected:?}");
    }

    let survey = project.page("analysis/staff-survey.html");
    assert!(
        survey.contains("Download data (CSV)")
            && survey.contains("href=\"../analysis/staff-survey.csv\"")
    );
    assert!(public.join("analysis/staff-survey.csv").is_file());

    let about = project.page("about.html");
    assert!(about.contains("“Joined-up records, safer care”"), "English quotes in about.html");
}
