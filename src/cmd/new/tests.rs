//! A new page's template from the schema, the title's quoting and file
//! name, the kind by any of its names, and the numbers a page continues.

use super::place::{self, Existing, Numbers};
use super::template::{self, Context, Unfillable};
use crate::calendar::{Date, Quarter};
use crate::config::Language;
use crate::diagnostics::{Diagnostics, Sources};
use crate::frontmatter::{self, Value};
use crate::schema::{self, Schema};

/// The built-in kinds with `kinds` declared and `extend` added, as a
/// project's `stratdoc.yaml` will give them.
fn schema_with(kinds: &str, extend: &str) -> Schema {
    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let mut read = |text: &str| {
        let id = sources.add("stratdoc.yaml", text);
        frontmatter::parse_yaml(id, text, 0..text.len(), &mut diags).unwrap_or_default()
    };
    let (kinds, extend) = (read(kinds), read(extend));
    let mut schema = schema::declare(&Schema::builtin(), &kinds, &mut diags);
    schema::extend(&mut schema, &extend, &mut diags);
    assert!(diags.items().is_empty(), "{:#?}", diags.items());
    schema
}

fn context<'a>(schema: &'a Schema, language: Language, ids: &'a [Vec<String>]) -> Context<'a> {
    Context {
        schema,
        language,
        currency: "EUR",
        quarter: Quarter { year: 2028, quarter: 2 },
        today: Date { year: 2028, month: 5, day: 17 },
        ids,
        tables: &[],
    }
}

/// Every kind but the one named `empty` has a page `KIND-1`.
fn pages(schema: &Schema, empty: &str) -> Vec<Vec<String>> {
    let ids = schema.kinds().map(|(_, k)| vec![format!("{}-1", k.id), format!("{}-2", k.id)]);
    ids.zip(schema.kinds())
        .map(|(ids, (_, k))| if k.id == empty { Vec::new() } else { ids })
        .collect()
}

/// The frontmatter of `text` as (key, value) pairs, checked to parse.
fn fields(text: &str) -> Vec<(String, Value)> {
    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let id = sources.add("new.md", text);
    let fm = frontmatter::parse(id, text, &mut diags).expect("frontmatter");
    assert!(diags.items().is_empty(), "{text}\n{:#?}", diags.items());
    fm.fields.into_iter().map(|f| (f.key, f.value.value)).collect()
}

#[test]
fn a_declared_kind_and_an_added_field_are_in_the_template() {
    let schema = schema_with(
        "megatrend:\n  folder: megatrends\n  fields:\n    horizon: {type: integer, required: true, label: {da: Horisont, en: Horizon}}\n    impact: {type: enum, values: [low, high], default: high}\n    trends: {type: refs, kind: direction, required: true}\n    seen: {type: date, required: true}\n    window: {type: time, required: true}\n",
        "initiative:\n  risk: {type: text}\n",
    );
    let ids = pages(&schema, "");
    let ctx = context(&schema, Language::En, &ids);
    let megatrend = schema.find("megatrend").unwrap();
    let text = template::page(megatrend, "Ageing", &Numbers::default(), &ctx).unwrap();
    for line in [
        "horizon: 1  ",
        "# Horizon, required: a whole number",
        "# impact: high  ",
        "# one of low, high; default high",
        "trends: [direction-1]  ",
        "# required: ids among the strategic directions: direction-1, direction-2",
        "seen: 2028-05-17  ",
        "window: 2028-Q2  ",
        "# required: a quarter (2028-Q1), half year (2028-H1) or year (2028)",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    let read = fields(&text);
    let keys: Vec<&str> = read.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["title", "horizon", "trends", "seen", "window"], "the required ones, set");
    assert_eq!(read[0].1, Value::Str("Ageing".to_owned()));
    let initiative = schema.find("initiative").unwrap();
    let text = template::page(initiative, "X", &Numbers::default(), &ctx).unwrap();
    assert!(text.contains("\n# risk: \"…\" "), "{text}");
    assert!(text.contains("# budget: 100000 ") && text.contains("an amount in EUR"), "{text}");
}

#[test]
fn every_field_of_the_kind_is_listed_in_schema_order_in_the_projects_language() {
    let schema = Schema::builtin();
    let ids = pages(&schema, "");
    let initiative = schema.find("initiative").unwrap();
    let numbers = Numbers { prefix: None, order: Some(4), number: Some("1.5".to_owned()) };
    let da =
        template::page(initiative, "Fælles SOC", &numbers, &context(&schema, Language::Da, &ids))
            .unwrap();
    let keys: Vec<&str> = da
        .lines()
        .filter_map(|l| l.trim_start_matches("# ").split_once(':').map(|(k, _)| k))
        .filter(|k| !k.contains(' '))
        .collect();
    let mut want = vec!["title", "number", "order", "summary"];
    want.extend(schema.kind(initiative).fields.iter().map(|f| f.name.as_str()));
    want.extend(["draft", "sources"]);
    assert_eq!(keys, want);
    for line in [
        "number: \"1.5\" ",
        "order: 4 ",
        "directions: [direction-1] ",
        "owner: \"…\" ",
        "# status: planned ",
        "én af planned (Planlagt), active (I gang)",
        "standard planned",
        "Skriv teksten her",
    ] {
        assert!(da.contains(line), "{line:?} in\n{da}");
    }
    let en = template::page(
        initiative,
        "Shared SOC",
        &Numbers::default(),
        &context(&schema, Language::En, &ids),
    )
    .unwrap();
    assert!(en.contains("# order: 1 ") && en.contains("one of planned (Planned)"), "{en}");
    assert!(en.contains("Write the text here"), "{en}");
}

#[test]
fn a_required_reference_with_nothing_to_name_is_unfillable() {
    let schema = Schema::builtin();
    let ids = pages(&schema, "direction");
    let initiative = schema.find("initiative").unwrap();
    let made =
        template::page(initiative, "X", &Numbers::default(), &context(&schema, Language::Da, &ids));
    let missing =
        Unfillable { field: "directions".to_owned(), target: schema.find("direction").unwrap() };
    assert_eq!(made, Err(missing));
    // An optional one is left empty, commented out.
    let ids = pages(&schema, "initiative");
    let text =
        template::page(initiative, "X", &Numbers::default(), &context(&schema, Language::En, &ids))
            .unwrap();
    assert!(text.contains("# parent:  ") && text.contains("(none yet)"), "{text}");
}

#[test]
fn quoted_titles_read_back_as_they_were() {
    for title in [
        "Mål: 100 %",
        "- dash",
        "# hash",
        "\"quoted\" and 'single'",
        "back\\slash",
        "key: value # no comment",
        "{curly} [square], &anchor *alias | > !tag @at `tick`",
        "yes",
        "null",
        "2027",
        "1.10",
        "~",
        "tab\there\u{7}bell\u{2028}line",
    ] {
        let text = format!("---\ntitle: {}\n---\n", template::quote(title));
        assert_eq!(fields(&text), [("title".to_owned(), Value::Str(title.to_owned()))], "{text}");
    }
}

#[test]
fn titles_are_tidied_and_name_files() {
    assert_eq!(place::title("  Æblegrød \n på\tførste   år ").unwrap(), "Æblegrød på første år");
    assert_eq!(place::slug("Æblegrød på første år").unwrap(), "aeblegroed-paa-foerste-aar");
    // Written decomposed (NFD, as macOS may), read composed.
    assert_eq!(place::title("A\u{30a}r").unwrap(), "År");
    for empty in ["", "   ", "\n\t"] {
        let err = place::title(empty).unwrap_err();
        assert!(err.to_string().starts_with("the title is empty"), "{err}");
        assert_eq!(err.exit_code(), 2);
    }
    for nameless in ["!!!", "—", "日本"] {
        let err = place::slug(nameless).unwrap_err();
        assert!(err.to_string().contains("has no letter a–z or digit"), "{err}");
    }
}

#[test]
fn a_kind_is_found_by_its_id_folder_or_words() {
    let mut schema = (*Schema::builtin()).clone();
    let initiative = schema.find("initiative").unwrap();
    let direction = schema.find("direction").unwrap();
    let purpose = schema.find("purpose").unwrap();
    for asked in ["initiative", "Initiatives", "initiativ", "INITIATIVER", "handlingsplan"] {
        assert_eq!(place::kind(&schema, Language::Da, asked).unwrap(), initiative, "{asked}");
    }
    assert_eq!(place::kind(&schema, Language::Da, "strategisk retning").unwrap(), direction);
    assert_eq!(place::kind(&schema, Language::Da, "formål").unwrap(), purpose);
    assert_eq!(place::kind(&schema, Language::En, "action plan").unwrap(), initiative);
    // The organisation's own words (`labels:`).
    schema.set_words(direction, Language::Da, "Sigtelinje", Some("Sigtelinjer"));
    assert_eq!(place::kind(&schema, Language::Da, "sigtelinjer").unwrap(), direction);
    let err = place::kind(&schema, Language::Da, "inititive").unwrap_err();
    let message = err.to_string();
    assert!(message.contains("did you mean `initiative`?"), "{message}");
    assert!(
        message.contains("the kinds are purpose, narrative, direction, initiative, analysis, page"),
        "{message}"
    );
    assert_eq!(err.exit_code(), 2);
    assert!(place::kind(&schema, Language::En, "!!!").is_err(), "no slug matches nothing");
}

#[test]
fn numbers_continue_from_the_kinds_pages() {
    let existing = Existing {
        names: vec!["01-hvorfor.md", "02-hvad.md", "9-sidst.md", "2030-vision.md", "noter.md"],
        tables: Vec::new(),
        orders: vec![3, 1, 2],
        numbers: vec!["1.2", "1.9"],
    };
    let numbers = place::numbers(&existing, false);
    assert_eq!(
        numbers,
        Numbers { prefix: Some("10".to_owned()), order: Some(4), number: Some("1.10".to_owned()) }
    );
    let home = crate::schema::Home::Folder("narrative".to_owned());
    assert_eq!(place::file(&home, "nyt", &numbers), "narrative/10-nyt.md");
    // Nothing numbered: nothing continued, unless the kind is read in
    // sequence and has no page yet.
    let plain = Existing { names: vec!["a.md"], ..Existing::default() };
    assert_eq!(place::numbers(&plain, true), Numbers::default());
    let first = place::numbers(&Existing::default(), true);
    assert_eq!((first.prefix.as_deref(), first.order), (Some("01"), Some(1)));
    // A number keeps its width and skips those taken; one that ends in no
    // digit is not continued.
    let taken = Existing { numbers: vec!["08", "A1", "07"], ..Existing::default() };
    assert_eq!(place::numbers(&taken, false).number.as_deref(), Some("09"));
    let skip = Existing { numbers: vec!["2.4", "2.3"], ..Existing::default() };
    assert_eq!(place::numbers(&skip, false).number.as_deref(), Some("2.5"));
    let letters = Existing { numbers: vec!["A"], ..Existing::default() };
    assert_eq!(place::numbers(&letters, false).number, None);
}
