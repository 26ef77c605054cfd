//! A national strategy as its source is written (`tests/fixtures/health/`,
//! modelled on the Danish health sector's digital strategy 2018–2022):
//! its own words for the parts, joint and changing owners, numbered
//! initiatives with sub-initiatives, years and halves where the source gives
//! no quarter, budgets summed per area, KPIs with units and qualitative
//! goals, dependencies outside the plan and sources. Each fact is asserted
//! where a reader meets it.

use crate::support::{Project, main_of};

/// The text of a page's `<main>`, tags dropped and spaces collapsed.
fn main_text(project: &Project, path: &str) -> String {
    let page = project.page(path);
    let mut out = String::new();
    let mut in_tag = false;
    for c in main_of(&page).chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace('\u{a0}', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_has(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "missing {e:?} in\n{text}");
    }
}

#[test]
fn a_national_strategy_is_written_as_its_source_gives_it() {
    let project = Project::fixture("health");
    let run = project.build();
    assert!(run.stdout.contains(" 0 warnings"), "{}{}", run.stdout, run.stderr);

    // Its own words: areas and "indsatser", in navigation, headings and views.
    let front = project.page("index.html");
    assert!(front.contains(">Indsatsområder<"), "the menu says Indsatsområder");
    assert!(front.contains(">Indsatser i overblik<"), "the plan is named as the source names it");
    assert!(!front.contains("Strategiske retninger"), "the theme's own word is gone");

    // Joint owners, a hand-over, a year-to-year period marked approximate,
    // a budget with its note, KPIs with a unit and a target year, a goal
    // without figures, a dependency outside the plan and a source.
    let monitoring = main_text(&project, "initiatives/hjemmemonitorering.html");
    assert_has(
        &monitoring,
        &[
            "1.4 Hjemmemonitorering af kronisk syge",
            "Ansvarlig Sundheds- og Ældreministeriet og Danske Regioner",
            "Ansvarlig fra 4. kvt. 2022: Sundhedsdatastyrelsen",
            "Periode 2018 – 2022 (≈",
            "Budget 34 mio. kr. (Finansloven 2018)",
            "Patienter der måler hjemme 1000 patienter 10000 patienter 2022",
            "Patientens oplevelse Patienterne oplever tryghed ved at måle hjemme",
            "Eksterne afhængigheder Den nationale infrastruktur for telemedicin",
            "Aftale om regionernes økonomi for 2018",
        ],
    );
    assert!(!monitoring.contains("Patientens oplevelse –"), "no dash for a missing baseline");
    // Halves and a "no later than" year, as written.
    assert_has(
        &main_text(&project, "initiatives/medicin.html"),
        &["Periode 2. halvår 2018 – 1. halvår 2020", "Ansvarlig KL og Danske Regioner"],
    );
    assert_has(&main_text(&project, "initiatives/overblik.html"), &["Frist 2018"]);

    // Numbers sort naturally and budgets are summed per area.
    let area = main_text(&project, "directions/patienten.html");
    assert_has(&area, &["Budget i alt: 52 mio. kr."]);
    let (a, b, c) = (
        area.find("1.4 Hjemmemonitorering").unwrap(),
        area.find("1.9 Overblik").unwrap(),
        area.find("1.10 Patientrapporterede").unwrap(),
    );
    assert!(a < b && b < c, "1.4, 1.9, 1.10 in that order:\n{area}");

    // Four sub-projects under 5.1, listed on it and nested in the plan.
    let security = main_text(&project, "initiatives/sikkerhed.html");
    assert_has(
        &security,
        &[
            "Delindsatser 5.1.1 Fælles beredskab",
            "5.1.2 Sektorovervågning",
            "5.1.3 Uddannelse af medarbejdere",
            "5.1.4 Krav til leverandører",
        ],
    );
    let child = main_text(&project, "initiatives/sikkerhed-beredskab.html");
    assert!(child.contains("5.1 Styrket informationssikkerhed"), "the parent is in its facts");
    let plan = project.page("initiatives/index.html");
    let nested = plan.matches("class=\"sub-initiative depth-1\"").count();
    assert_eq!(nested, 4, "the four sub-projects are nested in the plan's table");

    // The owners' view knows the hand-over from both sides.
    let owners = main_text(&project, "initiatives/owners.html");
    assert_has(
        &owners,
        &[
            "1.4 Hjemmemonitorering af kronisk syge I gang (til 4. kvt. 2022)",
            "1.4 Hjemmemonitorering af kronisk syge I gang (fra 4. kvt. 2022)",
        ],
    );

    // The plan's total, in the plan's table.
    assert_has(
        &main_text(&project, "initiatives/index.html"),
        &["Budget i alt 80 mio. kr.", "Indsatser som regneark (CSV)"],
    );
}
