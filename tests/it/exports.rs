//! The exports, parsed back as their readers would: `strategy.json` against
//! the schema shipped beside it, `initiatives.csv` as Excel splits it, and
//! `milestones.ics` unfolded as a calendar does. The fixture
//! `tests/fixtures/exports/full` fills every field an initiative can have.

use std::collections::BTreeMap;
use std::fs;

use serde_json::{Value, json};

use crate::support::{Project, element};

/// The UTF-8 byte order mark Excel needs to read æøå.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(crate) fn read(project: &Project, path: &str) -> Vec<u8> {
    fs::read(project.path().join("public").join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(project: &Project, path: &str) -> Value {
    serde_json::from_slice(&read(project, path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The schema as shipped, compiled, and a check of `instance` against it.
pub(crate) fn validator_of(schema: Value) -> impl Fn(&Value) -> Result<(), String> {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("file:///strategy.schema.json", schema).expect("the schema loads");
    let index = compiler
        .compile("file:///strategy.schema.json", &mut schemas)
        .unwrap_or_else(|e| panic!("the schema compiles: {e:#}"));
    move |instance| schemas.validate(instance, index).map_err(|e| format!("{e}"))
}

pub(crate) fn shipped_validator(project: &Project) -> impl Fn(&Value) -> Result<(), String> {
    validator_of(json(project, "strategy.schema.json"))
}

#[test]
fn strategy_json_of_the_example_and_of_every_field_follows_its_schema() {
    for project in [Project::example(), Project::fixture("exports/full")] {
        project.build();
        let strategy = json(&project, "strategy.json");
        shipped_validator(&project)(&strategy).unwrap();
        assert_eq!(
            (&strategy["format"], &strategy["version"]),
            (&json!("stratdoc-strategy"), &json!(2))
        );
        let bytes = read(&project, "strategy.json");
        assert!(
            bytes.ends_with(b"}\n") && bytes.starts_with(b"{\n  \""),
            "pretty, with a final newline"
        );
    }
}

/// A change that breaks a document.
type Breaker = fn(&mut Value);

#[test]
fn the_schema_rejects_what_breaks_the_contract() {
    let project = Project::fixture("exports/full");
    project.build();
    let validate = shipped_validator(&project);
    let good = json(&project, "strategy.json");
    let broken: [(&str, Breaker); 7] = [
        ("a missing key", |v| drop(v["initiatives"][0].as_object_mut().unwrap().remove("owners"))),
        ("an unknown key", |v| v["publication"]["colour"] = json!("blue")),
        ("a malformed quarter", |v| v["initiatives"][0]["first_quarter"] = json!("2018-Q5")),
        ("a malformed time", |v| v["initiatives"][0]["start"] = json!("2018-H3")),
        ("an unknown status", |v| v["initiatives"][0]["status"] = json!("actve")),
        ("an amount as text", |v| v["initiatives"][0]["budget"]["amount"] = json!("34 mio.")),
        ("another version", |v| v["version"] = json!(1)),
    ];
    for (what, break_it) in broken {
        let mut bad = good.clone();
        break_it(&mut bad);
        assert!(validate(&bad).is_err(), "the schema accepts {what}");
    }
}

#[test]
#[allow(clippy::too_many_lines, reason = "one assertion per field of the contract")]
fn strategy_json_holds_every_field_of_an_initiative() {
    let project = Project::fixture("exports/full");
    project.build();
    let s = json(&project, "strategy.json");
    assert_eq!(
        s["publication"],
        json!({
            "title": "Digital sundhed, sammen",
            "as_of": "2021-Q1",
            "subtitle": "Strategi for digital sundhed 2018–2022",
            "organisation": "Sundhedsdatastyrelsen, Danske Regioner & KL",
            "language": "da",
            "version": "2.1",
            "status": "approved",
            "approved": "2018-01-15",
            "approved_version": null,
            "revised": false,
            "period": { "start": "2018-Q1", "end": "2022-Q4" },
            "currency": "DKK"
        })
    );
    let ids: Vec<&str> =
        s["initiatives"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["infrastruktur", "aftaler", "medicin"], "reading order");
    let first = &s["initiatives"][0];
    assert_eq!(first["owners"], json!(["Sundhedsministeriet", "KL"]));
    assert_eq!(
        first["handovers"],
        json!([{ "owners": ["Sundhedsdatastyrelsen"], "from": "2020-H1" }])
    );
    let times = ["start", "end", "deadline", "first_quarter", "last_quarter"].map(|k| &first[k]);
    assert_eq!(
        times,
        [
            &json!("2018"),
            &json!("2022-H1"),
            &json!("2022-Q2"),
            &json!("2018-Q1"),
            &json!("2022-Q2")
        ]
    );
    assert_eq!(first["budget"], json!({ "amount": 34_000_000.5, "note": "Finansloven 2018" }));
    assert_eq!(
        first["kpis"],
        json!([
            { "name": "Dækning", "unit": "%", "baseline": "40", "target": "90", "by": "2022-Q2",
              "actual": [{ "quarter": "2019-Q1", "value": 45 }, { "quarter": "2020-Q1", "value": 52.5 }] },
            { "name": "Tillid", "unit": null, "baseline": null, "target": "Borgerne oplever sikker deling", "by": null, "actual": [] }
        ])
    );
    assert_eq!(first["external_dependencies"], json!(["MitID", "NSP"]));
    assert_eq!(first["milestones"][0]["quarter"], json!("2018-H2"));
    assert_eq!(first["milestones"][0]["first_quarter"], json!("2018-Q3"));
    assert_eq!((&first["children"], &first["priority"]), (&json!(["aftaler"]), &json!("high")));
    let child = &s["initiatives"][1];
    assert_eq!((&child["number"], &child["parent"]), (&json!("1.1"), &json!("infrastruktur")));
    assert_eq!(
        child["directions"],
        json!(["data", "borger"]),
        "a child serves its parent's directions"
    );
    assert_eq!(
        (&child["dependents"], &s["initiatives"][2]["depends_on"]),
        (&json!(["medicin"]), &json!(["aftaler"]))
    );
    assert_eq!(child["budget"], json!({ "amount": 850_000, "note": null }));
    let purpose = &s["pages"][0];
    assert_eq!(
        purpose["sources"],
        json!([
            { "title": "Aftale om økonomi for 2018, kapitel 4", "url": "https://example.dk/aftale-2018.pdf" },
            { "title": "Interviews med almen praksis", "url": null }
        ])
    );
    assert_eq!(s["initiatives"][0]["url"], json!("initiatives/infrastruktur.html"));
    let page = s["pages"].as_array().unwrap().iter().find(|p| p["id"] == "infrastruktur").unwrap();
    assert_eq!(
        (&page["health"], &page["health_note"], &page["status_note"]),
        (&json!("at-risk"), &json!("Regionerne er forsinket."), &json!("Anden fase er i gang."))
    );
    assert!(s["changes"].is_null(), "no comparison");
    assert_eq!(
        s["directions"][1],
        json!({ "id": "borger", "title": "Borgernær sundhed", "initiatives": ["infrastruktur", "aftaler", "medicin"], "budget": 34_850_000.5 })
    );
    assert_eq!(s["totals"]["budget"], json!(34_850_000.5));
    assert_eq!((&s["totals"]["initiatives"], &s["totals"]["milestones"]), (&json!(3), &json!(4)));
    assert_eq!(s["totals"]["by_status"]["done"], json!(["aftaler"]));
    let owners: Vec<&str> =
        s["owners"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect();
    assert_eq!(
        owners,
        ["KL", "Region Midtjylland", "Sundhedsdatastyrelsen", "Sundhedsministeriet"],
        "sorted, later owners too"
    );
}

/// The CSV as Excel reads it: the BOM tells the encoding, `separator` splits.
pub(crate) fn csv_rows(bytes: &[u8], separator: u8) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix(BOM).expect("starts with a UTF-8 BOM");
    csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn initiatives_csv_opens_in_danish_excel() {
    let project = Project::fixture("exports/full");
    project.build();
    let bytes = read(&project, "initiatives.csv");
    let text = std::str::from_utf8(&bytes).unwrap();
    assert_eq!(text.matches("\r\n").count(), text.matches('\n').count(), "CRLF line ends");
    let rows = csv_rows(&bytes, b';');
    let header = &rows[0];
    assert_eq!(
        header,
        &[
            "Nr.",
            "Id",
            "Initiativ",
            "Strategiske retninger",
            "Ansvarlig",
            "Ansvarlig fra",
            "Start",
            "Slut",
            "Frist",
            "Status",
            "Prioritet",
            "Budget (DKK)",
            "Finansiering",
            "Del af",
            "Side"
        ]
    );
    assert_eq!(rows.len() - 1, 3, "one row per initiative");
    let row = |id: &str| -> BTreeMap<&str, &str> {
        let row = rows.iter().find(|r| r[1] == id).unwrap();
        header.iter().map(String::as_str).zip(row.iter().map(String::as_str)).collect()
    };
    let first = row("infrastruktur");
    assert_eq!(
        first["Initiativ"],
        "Fælles infrastruktur for sundhedsdata på tværs af regioner, kommuner og almen praksis"
    );
    assert_eq!(first["Strategiske retninger"], "Data, der deles trygt; Borgernær sundhed");
    assert_eq!(first["Ansvarlig"], "Sundhedsministeriet; KL");
    assert_eq!(first["Ansvarlig fra"], "Sundhedsdatastyrelsen (2020-H1)");
    assert_eq!((first["Start"], first["Slut"], first["Frist"]), ("2018", "2022-H1", "2022-Q2"));
    assert_eq!((first["Status"], first["Prioritet"]), ("I gang", "Høj"));
    assert_eq!((first["Budget (DKK)"], first["Finansiering"]), ("34000000,50", "Finansloven 2018"));
    assert_eq!(first["Side"], "initiatives/infrastruktur.html");
    let child = row("aftaler");
    assert_eq!(
        child["Initiativ"], "Deling af aftaler; \"kalender\" og tider",
        "separator and quotes survive"
    );
    assert_eq!(child["Budget (DKK)"], "850000", "whole amounts are plain integers");
    assert_eq!(child["Del af"], first["Nr."].to_owned() + " " + first["Initiativ"]);
    let order: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(order, ["1", "1.1", "2"], "sub-initiatives right after their parent");
}

#[test]
fn english_csv_uses_commas_and_decimal_points() {
    let project = Project::fixture("exports/full");
    let config = fs::read_to_string(project.path().join("stratdoc.yaml")).unwrap();
    project.file("stratdoc.yaml", config.replace("language: da", "language: en"));
    project.build();
    let rows = csv_rows(&read(&project, "initiatives.csv"), b',');
    assert_eq!(rows[0][..4], ["No.", "Id", "Initiative", "Strategic directions"]);
    assert_eq!((rows[1][9].as_str(), rows[1][11].as_str()), ("Active", "34000000.50"));
    assert_eq!(
        rows[1][2],
        "Fælles infrastruktur for sundhedsdata på tværs af regioner, kommuner og almen praksis"
    );
}

/// The calendar's content lines, unfolded as RFC 5545 3.1 says.
pub(crate) fn unfold(text: &str) -> Vec<String> {
    text.split("\r\n").filter(|l| !l.is_empty()).fold(Vec::new(), |mut lines, line| {
        match line.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("no continuation first").push_str(rest),
            None => lines.push(line.to_owned()),
        }
        lines
    })
}

/// Each event's properties, by name (parameters dropped).
pub(crate) fn events(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut events = Vec::new();
    let mut current: Option<BTreeMap<String, String>> = None;
    for line in unfold(text) {
        let (name, value) = line.split_once(':').unwrap();
        match (name, value) {
            ("BEGIN", "VEVENT") => current = Some(BTreeMap::new()),
            ("END", "VEVENT") => events.push(current.take().unwrap()),
            _ => {
                if let Some(event) = current.as_mut() {
                    let name = name.split(';').next().unwrap();
                    event.insert(name.to_owned(), value.to_owned());
                }
            }
        }
    }
    events
}

/// A TEXT value unescaped.
pub(crate) fn text_value(escaped: &str) -> String {
    escaped.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
}

#[test]
fn milestones_ics_is_a_calendar_of_all_day_events() {
    let project = Project::fixture("exports/full");
    project.build();
    let bytes = read(&project, "milestones.ics");
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), "{text}");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("\r\n").count(), text.matches('\n').count(), "CRLF line ends");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let events = events(&text);
    assert_eq!(events.len(), 4, "one event per milestone");
    let long = &events[0];
    assert_eq!(
        text_value(&long["SUMMARY"]),
        "1 Fælles infrastruktur for sundhedsdata på tværs af regioner, kommuner og almen praksis: \
         Fælles løsning for deling af aftaler, medicin og måledata på tværs af kommuner og regioner i drift \
         (2.\u{a0}halvår\u{a0}2018)",
        "a folded long Danish title unfolds to the original, and an approximate time says so"
    );
    assert!(text.contains("\r\n "), "long lines are folded");
    assert_eq!((long["DTSTART"].as_str(), long["DTEND"].as_str()), ("20180701", "20180702"));
    assert!(text.contains("DTSTART;VALUE=DATE:20180701\r\n"));
    assert!(text_value(&long["DESCRIPTION"]).contains("omtrentligt tidspunkt"));
    let pilot = &events[1];
    assert_eq!(
        text_value(&pilot["SUMMARY"]),
        "1 Fælles infrastruktur for sundhedsdata på tværs af regioner, kommuner og almen praksis: \
         Pilot, første del; \"test\" i tre kommuner"
    );
    assert!(pilot["SUMMARY"].contains("Pilot\\, første del\\; "), "escaped");
    assert_eq!(pilot["DTSTART"], "20190701");
    assert!(events.iter().all(|e| e["DTSTAMP"] == "20180115T000000Z"), "stamped with `approved`");
    let uids: Vec<&str> = events.iter().map(|e| e["UID"].as_str()).collect();
    let unique: std::collections::BTreeSet<&&str> = uids.iter().collect();
    assert_eq!(unique.len(), uids.len(), "{uids:?}");
    assert_eq!(uids[2], "aftaler.pilot@sundhedsdatastyrelsen-danske-regioner-kl.stratdoc");
    assert_eq!(uids[3], "aftaler.pilot-2@sundhedsdatastyrelsen-danske-regioner-kl.stratdoc");
}

#[test]
fn milestone_uids_stay_when_the_plan_around_them_changes() {
    let project = Project::fixture("exports/full");
    project.build();
    let uids = |project: &Project| -> Vec<(String, String)> {
        events(&String::from_utf8(read(project, "milestones.ics")).unwrap())
            .into_iter()
            .map(|e| (text_value(&e["SUMMARY"]), e["UID"].clone()))
            .collect()
    };
    let before = uids(&project);
    project.build();
    assert_eq!(uids(&project), before, "the same content gives the same UIDs");
    // A new milestone first and a new initiative: the others keep their UIDs.
    let path = project.path().join("content/initiatives/infrastruktur.md");
    let page = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        page.replace("milestones:\n", "milestones:\n  - quarter: 2018-Q1\n    title: Start\n"),
    )
    .unwrap();
    project.file(
        "content/initiatives/nyt.md",
        "---\ntitle: Nyt\ndirections: [data]\nowner: KL\nmilestones:\n  - quarter: 2019-Q1\n    title: Pilot\n---\n",
    );
    project.build();
    let after = uids(&project);
    assert_eq!(after.len(), before.len() + 2);
    for event in &before {
        assert!(after.contains(event), "{event:?} changed UID");
    }
}

#[test]
fn the_action_plan_links_to_every_export() {
    let project = Project::fixture("exports/full");
    project.build();
    let plan = project.page("initiatives/index.html");
    let downloads = element(&plan, "<section class=\"downloads\"").expect("a download list");
    assert!(downloads.contains("Hent planen"), "{downloads}");
    for (file, text) in [
        ("initiatives.csv", "Initiativer som regneark (CSV)"),
        ("milestones.ics", "Milepælene som kalender (iCalendar)"),
        ("strategy.json", "Hele strategien som data (JSON)"),
    ] {
        let link = format!("href=\"../{file}\"");
        assert!(
            downloads.contains(&link) && downloads.contains(text),
            "no {link} ({text}) in {downloads}"
        );
        assert!(project.path().join("public/initiatives/../").join(file).is_file(), "{file}");
    }
}

#[test]
fn a_plan_without_milestones_has_no_calendar_and_no_link_to_one() {
    let project = Project::minimal();
    project.build();
    assert!(!project.path().join("public/milestones.ics").exists());
    assert!(!project.page("initiatives/index.html").contains("milestones.ics"));
    assert_eq!(csv_rows(&read(&project, "initiatives.csv"), b';').len(), 2);
    shipped_validator(&project)(&json(&project, "strategy.json")).unwrap();
}

#[test]
fn a_content_file_with_the_name_of_an_export_is_an_error() {
    let project = Project::minimal();
    project.file("content/strategy.json", "{}");
    project.run(&["check"]).code(1).stderr_has(
        "`content/strategy.json` would be written to `strategy.json`, where stratdoc writes an export of the strategy; rename it",
    );
}
