//! Plan values are kept exactly as written, or refused with a diagnostic:
//! numbers as text, budgets summed exactly, periods shown whole, years of
//! four digits in every output, and the build date of `SOURCE_DATE_EPOCH`.

use std::fs;

use serde_json::Value;

use crate::support::{Project, element};

fn strategy_json(project: &Project) -> Value {
    let bytes = fs::read(project.path().join("public/strategy.json")).expect("strategy.json");
    serde_json::from_slice(&bytes).expect("valid JSON")
}

fn initiative(project: &Project, id: &str, extra: &str) {
    project.file(
        &format!("content/initiatives/{id}.md"),
        format!(
            "---\ntitle: Initiativ {id}\ndirections: [cyber]\nowner: Udvalget\n{extra}---\n## Indsats\n\nTekst.\n"
        ),
    );
}

#[test]
fn a_number_is_text_as_written_quoted_or_not() {
    let project = Project::minimal();
    initiative(
        &project,
        "ti",
        "number: 1.10\nkpis:\n  - {name: Andel, baseline: 1.10, target: 1e3}\n",
    );
    initiative(&project, "ni", "number: 1.9\n");
    initiative(&project, "en", "number: \"1.1\"\n");
    let run = project.build();

    let page = project.page("initiatives/ti.html");
    assert!(page.contains("<h1>1.10 Initiativ ti</h1>"), "{}", element(&page, "<h1").unwrap());
    let kpis = element(&page, "<table").expect("the KPI table");
    assert!(kpis.contains("<td>1.10</td>") && kpis.contains("<td>1e3</td>"), "{kpis}");

    let json = strategy_json(&project);
    let numbers: Vec<&str> = json["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["number"].as_str())
        .collect();
    assert_eq!(numbers, ["1.1", "1.9", "1.10"], "natural order, each as written");
    let ti = json["initiatives"].as_array().unwrap().iter().find(|i| i["id"] == "ti").unwrap();
    let kpi = &ti["kpis"][0];
    assert_eq!((kpi["baseline"].as_str(), kpi["target"].as_str()), (Some("1.10"), Some("1e3")));
    assert!(!run.stderr.contains("number"), "1.10 and 1.1 are two numbers:\n{}", run.stderr);

    // The same number twice is a warning at the second in reading order.
    initiative(&project, "andet", "number: 1.10\n");
    project.build().stderr_has(
        "warning: `content/initiatives/andet.md` has the number 1.10 too\n  ┌─ content/initiatives/ti.md:5:9",
    );
}

#[test]
fn budgets_are_summed_exactly_and_written_exactly_everywhere() {
    let project = Project::minimal();
    initiative(&project, "a", "budget: 46116860184273879.03\n");
    initiative(&project, "b", "budget: {amount: 46116860184273879.04, note: Finansloven}\n");
    project.build();

    // The largest sum there is, to the øre: a float would write 9.223372036854776e16.
    let json = fs::read_to_string(project.path().join("public/strategy.json")).unwrap();
    assert!(json.contains("\"amount\": 46116860184273879.03,"), "{json}");
    assert_eq!(json.matches("\"budget\": 92233720368547758.07").count(), 2, "direction, total");
    let csv = fs::read(project.path().join("public/initiatives.csv")).unwrap();
    let csv = String::from_utf8_lossy(&csv);
    assert!(csv.contains(";46116860184273879,04;Finansloven;"), "{csv}");
    let plan = project.page("initiatives/index.html");
    assert!(plan.contains("92.233.720.368.547.758,07\u{a0}kr."), "the total, exactly");
    let direction = project.page("directions/cyber.html");
    assert!(direction.contains("92.233.720.368.547.758,07\u{a0}kr."), "the direction's sum");

    // One øre more is an error at the budget that tips the sum, not a
    // sum stuck at the largest number.
    initiative(&project, "c", "budget: 0.01\n");
    let run = project.run(&["build"]).code(1);
    assert_eq!(run.stderr.matches("add up to more than").count(), 2, "{}", run.stderr);
    run.stderr_has(
        "error: all budgets add up to more than stratdoc can hold (92233720368547758.07)\n  ┌─ content/initiatives/c.md:5:9",
    );

    // An amount too large to hold, or finer than øre, is an error at itself.
    initiative(&project, "c", "budget: 92233720368547758.08\n");
    project.run(&["check"]).code(1).stderr_has(
        "error: `92233720368547758.08` is more than stratdoc can hold\n  ┌─ content/initiatives/c.md:5:9",
    );
    initiative(&project, "c", "budget: 2500000.505\n");
    project.run(&["check"]).code(1).stderr_has(
        "error: `2500000.505` has decimals below hundredths\n  ┌─ content/initiatives/c.md:5:9",
    );
}

#[test]
fn years_are_four_digits_in_every_output_and_earlier_ones_are_refused() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: Tusindår\nlanguage: da\nstatus: approved\napproved: 1000-01-15\nas_of: 1000-Q2\nperiod:\n  start: 1000-Q1\n  end: 1001-Q2\n",
    );
    initiative(
        &project,
        "soc",
        "start: 1000-Q1\nend: 1001-H1\nstatus: active\nmilestones:\n  - {quarter: 1000-Q3, title: Pilot}\n",
    );
    project.build();
    let json = strategy_json(&project);
    crate::exports::shipped_validator(&project)(&json).expect("strategy.json follows its schema");
    let soc = &json["initiatives"][0];
    assert_eq!((soc["start"].as_str(), soc["end"].as_str()), (Some("1000-Q1"), Some("1001-H1")));
    assert_eq!(json["publication"]["approved"], "1000-01-15");
    let csv = String::from_utf8(fs::read(project.path().join("public/initiatives.csv")).unwrap())
        .unwrap();
    assert!(csv.contains(";1000-Q1;1001-H1;"), "{csv}");
    let ics = fs::read_to_string(project.path().join("public/milestones.ics")).unwrap();
    assert!(ics.contains("DTSTART;VALUE=DATE:10000701\r\n"), "{ics}");
    assert!(project.page("initiatives/soc.html").contains("3.\u{a0}kvt.\u{a0}1000"));
    assert!(project.page("print.html").contains("1.\u{a0}kvt.\u{a0}1000"));

    // A year before 1000 would lose its zero (999-Q1) and break the schema.
    initiative(&project, "soc", "start: 0999-Q1\nend: 0050\n");
    project.run(&["check"]).code(1).stderr_has(
        "error: `0999-Q1` in `start` is before the year 1000\n  ┌─ content/initiatives/soc.md:5:8\n\
         error: `0050` in `end` is before the year 1000\n  ┌─ content/initiatives/soc.md:6:6",
    );
    project.file("stratdoc.yaml", "title: T\nas_of: 0999-Q4\napproved: 0999-12-31\n");
    project.run(&["check"]).code(2).stderr_has(
        "error: `0999-Q4` in `as_of` is before the year 1000\n\
         error: `0999-12-31` in `approved` is before the year 1000",
    );
}

#[test]
fn a_malformed_source_date_epoch_is_an_error_not_the_clock() {
    let project = Project::minimal();
    let env = |value| std::collections::HashMap::from([("SOURCE_DATE_EPOCH", value)]);
    project.run_with_env(&["build"], &env("1795478400")).success();
    assert_eq!(strategy_json(&project)["publication"]["as_of"], "2026-Q4", "the epoch's quarter");

    fs::remove_dir_all(project.path().join("public")).unwrap();
    for (value, reason) in [
        (
            "yesterday",
            "it must be a whole number of seconds since 1970-01-01 UTC, digits only (`git log -1 --format=%ct` prints one)",
        ),
        (
            "-86400",
            "it must be a whole number of seconds since 1970-01-01 UTC, digits only (`git log -1 --format=%ct` prints one)",
        ),
        (
            "",
            "it is empty; set it to the seconds since 1970-01-01 UTC (`git log -1 --format=%ct` prints them), or unset it to use the clock",
        ),
        ("253402300800", "it is after the year 9999"),
    ] {
        let run = project.run_with_env(&["build"], &env(value)).code(2);
        assert_eq!(
            run.stderr,
            format!("error: `SOURCE_DATE_EPOCH` is not a build date: {reason}\n"),
            "{value:?}"
        );
        assert!(!project.path().join("public").exists(), "{value:?}: nothing is built");
    }
}

#[test]
fn a_period_is_shown_whole_or_refused_never_cut() {
    let project = Project::minimal();
    let config = |end: &str| {
        format!("title: T\nlanguage: da\nas_of: 2027-Q1\nperiod:\n  start: 2027-Q1\n  end: {end}\n")
    };
    project.file("stratdoc.yaml", config("2036-Q4"));
    initiative(&project, "soc", "start: 2036-Q1\nend: 2036-Q4\nstatus: planned\n");
    project.build();
    let page = project.page("initiatives/index.html");
    let svg = element(&page, "<svg class=\"roadmap\"").expect("a roadmap");
    // Forty quarters fit the width as ten years, every one of them drawn.
    assert_eq!(svg.matches("class=\"rm-quarter\"").count(), 10, "every year a column");
    assert!(
        svg.contains(">2036</text>") && !svg.contains("rm-clip"),
        "the last one drawn, unclipped"
    );

    // One quarter more than the roadmap shows is refused where it is written.
    project.file("stratdoc.yaml", config("2037-Q1"));
    project.run(&["build"]).code(2).stderr_has(
        "error: the period runs 41 quarters, from 2027-Q1 to 2037-Q1: more than the 40 the roadmap shows\n  ┌─ stratdoc.yaml:6:8",
    );
    // Without a period, the plan's own times are the columns: the same holds.
    project.file("stratdoc.yaml", "title: T\nlanguage: da\nas_of: 2027-Q1\n");
    initiative(
        &project,
        "soc",
        "start: 2027-Q1\nend: 2036-Q4\nstatus: active\nmilestones:\n  - {quarter: 2037-Q1, title: Evaluering}\n",
    );
    project.run(&["build"]).code(1).stderr_has(
        "error: the plan runs 41 quarters, from 2027-Q1 to 2037-Q1: more than the 40 the roadmap shows\n  ┌─ content/initiatives/soc.md:9:15",
    );
}
