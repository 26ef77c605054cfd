//! Plan data at its limits: whatever numbers a charted CSV holds and however
//! deep sub-initiatives nest, a build finishes in time, with a diagnostic at
//! the row or setting that goes too far, or with a readable result (no hang,
//! no stack overflow, no heading past `h6`).

use std::fmt::Write as _;

use crate::plan::{chart_project, text};
use crate::support::element;

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
