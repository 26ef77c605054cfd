//! A project's own kinds, declared in `stratdoc.yaml` under `kinds:` and
//! `extend:` and built as a new user builds them, with no template of
//! their own: validated pages with a facts box, an overview in the menu,
//! backlinks at both ends of a relation, a traceability view, a part in the
//! board edition in the order `print:` gives, `strategy.json` under its
//! schema, the search index and the calendar.

use serde_json::Value;

use crate::exports::validator_of;
use crate::search::Index;
use crate::support::Project;

/// The minimal project's settings with a `megatrend` kind of three fields,
/// and directions that name the megatrends they are informed by.
const CONFIG: &str = "title: Teststrategi
language: da
period:
  start: 2027-Q1
  end: 2028-Q2
kinds:
  megatrend:
    folder: megatrends
    label: {da: Megatrend, en: Megatrend}
    plural: {da: Megatrends, en: Megatrends}
    fields:
      horizon: {type: integer, required: true, label: {da: Horisont, en: Horizon}}
      certainty:
        type: enum
        label: {da: Sikkerhed, en: Certainty}
        values:
          low: {da: Lav, en: Low}
          medium: {da: Mellem, en: Medium}
          high: {da: Høj, en: High}
      references: {type: list, of: url, label: {da: Referencer, en: References}}
extend:
  direction:
    informed_by: {type: refs, kind: megatrend, label: {da: Informeret af, en: Informed by}}
print:
  parts: [purpose, megatrends, directions, action_plan]
";

/// The minimal project with the megatrends declared, two of them, and the
/// direction naming one.
fn megatrends() -> Project {
    let project = Project::minimal();
    project.file("stratdoc.yaml", CONFIG);
    project.file(
        "content/megatrends/ai.md",
        "---\ntitle: Kunstig intelligens\nhorizon: 2035\ncertainty: high\nreferences: [https://example.dk/ai]\n---\nSprogmodeller ændrer sagsbehandlingen.\n",
    );
    project.file(
        "content/megatrends/klima.md",
        "---\ntitle: Klimaforandringer\nhorizon: 2040\ncertainty: medium\n---\nSkybrud rammer driften.\n",
    );
    project.file(
        "content/directions/cyber.md",
        "---\ntitle: Cyberrobusthed\norder: 1\nsummary: Robust drift.\ninformed_by: [ai]\n---\n## Ambition\n\nSe [SOC](../initiatives/soc.md#indsats).\n",
    );
    project
}

/// The facts box entry of `label` with the HTML of its value.
fn fact(label: &str, value: &str) -> String {
    format!("<dt>{label}</dt><dd>{value}</dd>")
}

#[test]
fn a_declared_kind_gets_pages_facts_an_overview_backlinks_traceability_and_a_part() {
    let project = megatrends();
    let run = project.build();
    let said = format!("{}{}", run.stdout, run.stderr);
    assert!(said.contains(", 0 warnings"), "{said}");
    assert!(!project.path().join("templates").exists(), "no template of the project's own");

    // A page per item, with a facts box: an enum in the site's language,
    // web addresses as links.
    let ai = project.page("megatrends/ai.html");
    for expected in [
        fact("Horisont", "2035"),
        fact("Sikkerhed", "Høj"),
        fact("Referencer", r#"<a href="https://example.dk/ai">https://example.dk/ai</a>"#),
    ] {
        assert!(ai.contains(&expected), "{expected}\n{ai}");
    }
    // The direction names it, and it lists the direction: both ends.
    let cyber = project.page("directions/cyber.html");
    assert!(cyber.contains(&fact(
        "Informeret af",
        r#"<a href="../megatrends/ai.html">Kunstig intelligens</a>"#
    )));
    let backlink =
        fact("Strategiske retninger", r#"<a href="../directions/cyber.html">Cyberrobusthed</a>"#);
    assert!(ai.contains(&backlink), "the backlink\n{ai}");
    assert!(!project.page("megatrends/klima.html").contains(&backlink), "only where named");

    // An overview page in the menu of every page, listing both.
    let overview = project.page("megatrends/index.html");
    assert!(overview.contains("<h1>Megatrends</h1>"));
    assert!(overview.contains("Kunstig intelligens") && overview.contains("Klimaforandringer"));
    for page in ["index.html", "initiatives/soc.html", "megatrends/klima.html"] {
        let html = project.page(page);
        let nav = &html[html.find("<nav").unwrap()..];
        assert!(nav.contains("megatrends/index.html\""), "{page}: the menu");
    }

    // The traceability view, on both kinds' overviews: a mark where the
    // direction names the megatrend, none where it does not.
    for page in ["megatrends/index.html", "directions/index.html"] {
        let html = project.page(page);
        let at =
            html.find("Strategiske retninger × Megatrends").unwrap_or_else(|| panic!("{page}"));
        let table = &html[at..html[at..].find("</table>").unwrap() + at];
        let row = &table[table.find("../directions/cyber.html").unwrap()..];
        let cells: Vec<bool> = row
            .split("<td class=\"matrix-cell")
            .skip(1)
            .map(|cell| {
                cell[cell.find('>').unwrap() + 1..]
                    .starts_with("<span aria-hidden=\"true\">●</span>")
            })
            .collect();
        assert_eq!(cells, [true, false], "{page}: ai, klima\n{table}");
    }

    // A part of the board edition, where `print:` puts it, with its facts.
    let print = project.page("print.html");
    let part =
        |name: &str| print.find(&format!("id=\"part-{name}\"")).unwrap_or_else(|| panic!("{name}"));
    assert!(part("megatrends") < part("directions"), "in the order print: gives");
    let section = &print[part("megatrends")..part("directions")];
    assert!(section.contains("Kunstig intelligens") && section.contains(&fact("Sikkerhed", "Høj")));
}

#[test]
fn declared_kinds_are_exported_under_their_schema_and_searchable() {
    let project = megatrends();
    project.build();
    let json: Value = serde_json::from_str(&project.page("strategy.json")).expect("JSON");
    let pages = json["pages"].as_array().unwrap();
    let ai = pages.iter().find(|p| p["id"] == "ai").expect("the megatrend");
    assert_eq!(
        (&ai["kind"], &ai["horizon"], &ai["certainty"]),
        (&Value::from("megatrend"), &Value::from(2035), &Value::from("high"))
    );
    assert_eq!(ai["references"], serde_json::json!(["https://example.dk/ai"]));
    let cyber = pages.iter().find(|p| p["id"] == "cyber").unwrap();
    assert_eq!(cyber["informed_by"], serde_json::json!(["ai"]));
    let schema: Value = serde_json::from_str(&project.page("strategy.schema.json")).unwrap();
    let validate = validator_of(schema);
    validate(&json).expect("strategy.json follows its schema");
    let mut wrong = json.clone();
    let at = pages.iter().position(|p| p["id"] == "ai").unwrap();
    wrong["pages"][at]["certainty"] = Value::from("certain");
    assert!(validate(&wrong).is_err(), "the schema holds the declared enum");

    let index = Index::of(&project);
    assert_eq!(index.pages_with("sprogmodel"), ["megatrends/ai.html"]);
}

#[test]
fn a_wrong_value_in_a_declared_field_is_an_error_at_its_line() {
    let project = megatrends();
    project.file(
        "content/megatrends/klima.md",
        "---\ntitle: Klimaforandringer\nhorizon: snart\ncertainty: medium\n---\nTekst.\n",
    );
    project.file(
        "content/directions/cyber.md",
        "---\ntitle: Cyberrobusthed\ninformed_by: [klimaa]\n---\nTekst.\n",
    );
    project.run(&["build"]).code(1).stderr_has(
        "error: `horizon` must be a whole number, not text
  ┌─ content/megatrends/klima.md:3:10
error: unknown megatrend `klimaa`
  ┌─ content/directions/cyber.md:3:15
  = help: did you mean `klima`?",
    );
    assert!(!project.path().join("public").exists(), "nothing published");
}

#[test]
fn a_declared_date_is_shown_per_language_and_in_the_calendar() {
    let project = Project::minimal();
    let workshops = "kinds:\n  workshop:\n    folder: workshops\n    fields:\n      date: {type: date, required: true, label: {da: Dato, en: Date}}\n      phase: {type: enum, values: [framing, scanning, scenarios]}\n";
    let config = format!("{}{workshops}", crate::support::MINIMAL[0].1);
    project.file("stratdoc.yaml", &config);
    project.file(
        "content/workshops/scenarier.md",
        "---\ntitle: Scenarieværksted\ndate: 2027-03-31\nphase: scenarios\n---\nTekst.\n",
    );
    project.build();
    let page = project.page("workshops/scenarier.html");
    assert!(page.contains(&fact("Dato", "31.\u{a0}marts\u{a0}2027")), "{page}");
    // An enum declared without words shows its value.
    assert!(page.contains(&fact("phase", "scenarios")), "{page}");
    let ics = project.page("milestones.ics");
    for line in [
        "UID:workshop.scenarier.date@teststrategi.stratdoc\r\n",
        "DTSTART;VALUE=DATE:20270331\r\n",
        "DTEND;VALUE=DATE:20270401\r\n",
        "SUMMARY:Workshop: Scenarieværksted\r\n",
    ] {
        assert!(ics.contains(line), "{line}\n{ics}");
    }

    project.file("stratdoc.yaml", config.replace("language: da", "language: en"));
    project.build();
    let page = project.page("workshops/scenarier.html");
    assert!(page.contains(&fact("Date", "31\u{a0}March\u{a0}2027")), "{page}");
}

#[test]
fn new_makes_a_page_of_a_declared_kind_that_builds() {
    let project = megatrends();
    let run = project.run(&["new", "megatrend", "Grøn omstilling"]).success();
    assert!(run.stdout.contains("made content/megatrends/groen-omstilling.md"), "{}", run.stdout);
    let text =
        std::fs::read_to_string(project.path().join("content/megatrends/groen-omstilling.md"))
            .expect("the new page");
    // Its fields come from the declaration: the required one to fill in.
    assert!(text.contains("\nhorizon: "), "{text}");
    assert!(text.contains("certainty"), "{text}");
    // Named by its folder too.
    project.run(&["new", "megatrends", "Urbanisering"]).success();
    project.build();
    let page = project.page("megatrends/groen-omstilling.html");
    assert!(page.contains("<h1>Grøn omstilling</h1>"), "{page}");
    assert!(project.page("megatrends/index.html").contains("Urbanisering"));
}
