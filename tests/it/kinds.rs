//! Kinds as data: adding a field to a built-in kind is one entry in the
//! schema's declarations (`src/schema/builtin.yaml`), and the field is then
//! read, checked, shown in the page's facts box on the site and in the board
//! edition, and written to `strategy.json` and its JSON Schema, with no
//! other change. The pipeline runs here as a library, with the built-in
//! declarations and one line more.

use std::sync::Arc;

use serde_json::Value;
use stratdoc::artifact::{Contents, OutputFile};
use stratdoc::diagnostics::{Diagnostics, Sources};
use stratdoc::output::Sink;
use stratdoc::pipeline::{self, Options};
use stratdoc::render::Templates;
use stratdoc::schema::{self, Schema};

use crate::exports::validator_of;
use crate::support::Project;

/// The built-in declarations as shipped.
const BUILTIN: &str = include_str!("../../src/schema/builtin.yaml");

/// The one entry: a whole number on initiatives, with its label.
const ENTRY: &str =
    "    municipalities: {type: integer, label: {da: Antal kommuner, en: Municipalities}}\n";

/// The built-in declarations with `ENTRY` added to the initiative's fields.
fn with_entry() -> Arc<Schema> {
    let anchor = "    milestones: {type: milestones}\n";
    assert!(BUILTIN.contains(anchor), "the initiative's last field");
    let text = BUILTIN.replacen(anchor, &format!("{anchor}{ENTRY}"), 1);
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let id = sources.add("builtin.yaml", text.as_str());
    let entries = stratdoc::frontmatter::parse_yaml(id, &text, 0..text.len(), &mut diags)
        .expect("the declarations are YAML");
    let schema = schema::declare(&Schema::default(), &entries, &mut diags);
    assert!(diags.items().is_empty(), "{:?}", diags.items());
    Arc::new(schema)
}

/// The files of `project` built with `schema`, and every problem as
/// `path:line:col: message`.
fn build(project: &Project, schema: Arc<Schema>) -> (Vec<OutputFile>, Vec<String>) {
    build_with(project, schema, false)
}

/// Like [`build`], with the board edition's default parts of `schema`.
fn build_all(project: &Project, schema: Arc<Schema>) -> (Vec<OutputFile>, Vec<String>) {
    build_with(project, schema, true)
}

fn build_with(
    project: &Project,
    schema: Arc<Schema>,
    parts: bool,
) -> (Vec<OutputFile>, Vec<String>) {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let opened = stratdoc::source::Project::open(project.path()).expect("the project");
    let file = opened.load_config(&mut sources, &mut diags).expect("stratdoc.yaml");
    let raw = stratdoc::config::parse(&file, &sources, &mut diags).expect("config");
    let mut config = raw.resolve(opened.load_logo(&raw, &mut diags).expect("the logo"));
    if parts {
        config.print = stratdoc::config::Print::default_for(&schema);
    }
    config.schema = schema;
    let content = opened.load_content(&config, &mut sources, &mut diags).expect("content");
    let theme = opened.load_theme(&raw, &mut sources, &mut diags).expect("theme");
    let templates = Templates::new(&theme, &mut diags).expect("templates");
    let sink = Sink::memory();
    let options = Options::default();
    let _ = pipeline::render(&config, &content, &templates, &sources, &options, &sink, &mut diags);
    let problems = diags
        .items()
        .iter()
        .map(|d| match &d.primary {
            Some(label) => {
                let (line, col) = sources.line_col(label.span.source, label.span.range.start);
                let path = &sources.get(label.span.source).path;
                format!("{path}:{line}:{col}: {}", d.message)
            }
            None => d.message.clone(),
        })
        .collect();
    (sink.into_files(), problems)
}

fn text<'f>(files: &'f [OutputFile], path: &str) -> &'f str {
    let file = files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}"));
    match &file.contents {
        Contents::Bytes(bytes) => std::str::from_utf8(bytes).expect("UTF-8"),
        Contents::Copy(_) => panic!("{path} is copied"),
    }
}

/// The minimal project with `municipalities: VALUE` on its initiative.
fn project(value: &str) -> Project {
    let project = Project::minimal();
    project.file(
        "content/initiatives/soc.md",
        format!(
            "---\ntitle: Fælles SOC\ndirections: [cyber]\nowner: Driftsudvalget\nstatus: active\nmunicipalities: {value}\n---\n## Indsats\n\nVi bygger et SOC.\n"
        ),
    );
    project
}

#[test]
fn a_field_added_to_a_built_in_kind_is_one_entry_in_the_schema() {
    // Without the entry the field is unknown.
    let (_, problems) = build(&project("12"), Schema::builtin());
    assert_eq!(
        problems,
        ["content/initiatives/soc.md:6:1: unknown field `municipalities`"],
        "before the entry"
    );

    let (files, problems) = build(&project("12"), with_entry());
    assert_eq!(problems, Vec::<String>::new());
    // Shown in the facts box of the initiative's page, and of its section
    // in the board edition, with its label.
    let fact = r#"<div class="fact fact-municipalities"><dt>Antal kommuner</dt><dd>12</dd></div>"#;
    assert!(text(&files, "initiatives/soc.html").contains(fact), "the site's facts box");
    assert!(text(&files, "print.html").contains(fact), "the board edition's facts box");
    // Written to strategy.json under its name, and declared in its schema.
    let json: Value = serde_json::from_str(text(&files, "strategy.json")).expect("JSON");
    let soc = json["pages"].as_array().unwrap().iter().find(|p| p["id"] == "soc").unwrap();
    assert_eq!(soc["municipalities"], 12);
    let cyber = json["pages"].as_array().unwrap().iter().find(|p| p["id"] == "cyber").unwrap();
    assert!(cyber.get("municipalities").is_none(), "only initiatives have it");
    let schema: Value =
        serde_json::from_str(text(&files, "strategy.schema.json")).expect("the schema is JSON");
    let shapes =
        schema["properties"]["pages"]["items"]["oneOf"].as_array().expect("a shape per kind");
    let initiative = shapes.iter().find(|s| s["properties"]["kind"]["const"] == "initiative");
    let declared = &initiative.expect("the initiative's shape")["properties"]["municipalities"];
    assert_eq!(declared["oneOf"][0]["type"], "integer", "{declared}");
    validator_of(schema.clone())(&json).expect("strategy.json follows its schema");
    let mut wrong = json.clone();
    let at = json["pages"].as_array().unwrap().iter().position(|p| p["id"] == "soc").unwrap();
    wrong["pages"][at]["municipalities"] = Value::from("mange");
    assert!(validator_of(schema)(&wrong).is_err(), "the schema holds the field's type");

    // Checked: a value of the wrong type is an error at its place.
    let (_, problems) = build(&project("mange"), with_entry());
    assert_eq!(
        problems,
        ["content/initiatives/soc.md:6:17: `municipalities` must be a whole number, not text"]
    );
}

/// The built-in kinds and a `megatrend` kind declared as a project will
/// declare its own, with a field of each plain type.
fn with_megatrends() -> Arc<Schema> {
    let text = "megatrend:\n  folder: megatrends\n  label: {da: Megatrend, en: Megatrend}\n  plural: {da: Megatrends, en: Megatrends}\n  fields:\n    horizon: {type: integer, required: true, label: {da: Horisont, en: Horizon}}\n    certainty: {type: enum, values: {low: {da: Lav, en: Low}, high: {da: Høj, en: High}}, label: {da: Sikkerhed, en: Certainty}}\n    drives: {type: refs, kind: direction, label: {da: Driver, en: Drives}}\n    seen: {type: date}\n    peak: {type: time}\n    cost: {type: amount}\n    source: {type: url}\n    global: {type: boolean, default: false}\n    notes: {type: markdown}\n";
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let id = sources.add("stratdoc.yaml", text);
    let entries = stratdoc::frontmatter::parse_yaml(id, text, 0..text.len(), &mut diags)
        .expect("the declarations are YAML");
    let schema = schema::declare(&Schema::builtin(), &entries, &mut diags);
    assert!(diags.items().is_empty(), "{:?}", diags.items());
    Arc::new(schema)
}

#[test]
fn a_declared_kind_is_read_shown_navigated_printed_and_exported() {
    let project = Project::minimal();
    project.file(
        "content/megatrends/ai.md",
        "---\ntitle: Kunstig intelligens\nhorizon: 2035\ncertainty: high\ndrives: [cyber]\nseen: 2026-03-01\npeak: 2030-H1\ncost: 2500000\nsource: https://example.dk/ai\nnotes: \"Se *især* [rapporten](https://example.dk/r) <b>nu</b>\"\n---\nTekst.\n",
    );
    let (files, problems) = build_all(&project, with_megatrends());
    assert_eq!(problems, Vec::<String>::new());
    let page = text(&files, "megatrends/ai.html");
    for fact in [
        "<dt>Horisont</dt><dd>2035</dd>",
        // An enum by its words in the site's language.
        "<dt>Sikkerhed</dt><dd>Høj</dd>",
        // A reference as a link to its page, from the page's root.
        r#"<dt>Driver</dt><dd><a href="../directions/cyber.html">Cyberrobusthed</a></dd>"#,
        "<dt>seen</dt><dd>1.\u{a0}marts\u{a0}2026</dd>",
        "<dt>peak</dt><dd>1.\u{a0}halvår\u{a0}2030</dd>",
        "<dt>cost</dt><dd>2,5\u{a0}mio.\u{a0}kr.</dd>",
        r#"<dt>source</dt><dd><a href="https://example.dk/ai">https://example.dk/ai</a></dd>"#,
        // A default, and a boolean in words.
        "<dt>global</dt><dd>Nej</dd>",
        // Markdown, its raw HTML as text.
        r#"<dt>notes</dt><dd><p>Se <em>især</em> <a href="https://example.dk/r">rapporten</a> &lt;b&gt;nu&lt;/b&gt;</p>"#,
    ] {
        assert!(page.contains(fact), "{fact}\n{page}");
    }
    // Its section: in the navigation of every page, with an overview.
    assert!(text(&files, "index.html").contains(r#"href="megatrends/index.html""#));
    assert!(text(&files, "megatrends/index.html").contains("Kunstig intelligens"));
    // A part of the board edition, with the facts box.
    let print = text(&files, "print.html");
    assert!(print.contains(r#"id="part-megatrends""#), "the part");
    // A reference is cited by the number the direction has in the edition.
    let driver = r##"<dt>Driver</dt><dd><a href="#p-directions.cyber">"##;
    let cited = &print[print.find(driver).expect("the facts box") + driver.len()..];
    let cited = &cited[..cited.find("</a>").unwrap()];
    let (number, title) = cited.split_once(' ').unwrap();
    assert!(number.starts_with(|c: char| c.is_ascii_digit()), "{cited}");
    assert_eq!(title, "Cyberrobusthed");
    // In strategy.json, under its schema.
    let json: Value = serde_json::from_str(text(&files, "strategy.json")).expect("JSON");
    let ai = json["pages"].as_array().unwrap().iter().find(|p| p["id"] == "ai").unwrap();
    assert_eq!(ai["kind"], "megatrend");
    assert_eq!(ai["certainty"], "high");
    assert_eq!(ai["drives"], serde_json::json!(["cyber"]));
    assert_eq!(ai["seen"], "2026-03-01");
    assert_eq!(ai["peak"], "2030-H1");
    assert_eq!(ai["cost"], 2_500_000);
    assert_eq!(ai["global"], false);
    let schema: Value = serde_json::from_str(text(&files, "strategy.schema.json")).unwrap();
    validator_of(schema)(&json).expect("strategy.json follows its schema");
}
