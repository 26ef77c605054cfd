//! Validation of single pages and of references between them, asserted as
//! `(path, line, column, message)` so the spans are pinned as well as the wording.

use super::*;
use crate::diagnostics::Sources;
use crate::frontmatter;
use crate::schema::Schema;

const DIRECTION: (&str, &str) = ("directions/cyber.md", "---\ntitle: Cyber\n---\n");
const PURPOSE: (&str, &str) = ("purpose.md", "---\ntitle: Formål\n---\n");
/// The plan's "now" in these tests.
const AS_OF: Quarter = Quarter { year: 2027, quarter: 1 };

/// The built-in kind `name`.
fn kind(name: &str) -> KindId {
    Schema::builtin().find(name).expect("a built-in kind")
}

fn initiative(extra: &str) -> String {
    format!("---\ntitle: I\ndirections: [cyber]\nowner: IT\n{extra}---\n")
}

fn run(files: &[(&str, &str)], drafts: bool) -> (Publication, Vec<(String, usize, usize, String)>) {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let mut parsed = Vec::new();
    for (path, text) in files {
        let id = sources.add(format!("content/{path}"), *text);
        let frontmatter = frontmatter::parse(id, text, &mut diags);
        parsed.push(Parsed::new(id, path, frontmatter, text));
    }
    let config = Config { period: None, ..Config::default() };
    let publication = validate(&parsed, Vec::new(), &config, drafts, AS_OF, &mut diags);
    diags.sort();
    let found = diags
        .items()
        .iter()
        // Most cases have a direction no initiative serves; that warning has its own test.
        .filter(|d| !d.message.starts_with("no initiative serves"))
        .map(|d| match &d.primary {
            Some(label) => {
                let (line, col) = sources.line_col(label.span.source, label.span.range.start);
                (sources.get(label.span.source).path.clone(), line, col, d.message.clone())
            }
            None => (String::new(), 0, 0, d.message.clone()),
        })
        .collect();
    (publication, found)
}

fn one(files: &[(&str, &str)]) -> (String, usize, usize, String) {
    let (_, found) = run(files, false);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().unwrap()
}

fn at(path: &str, line: usize, col: usize, message: &str) -> (String, usize, usize, String) {
    (format!("content/{path}"), line, col, message.to_owned())
}

#[test]
fn a_valid_initiative_is_read_in_full() {
    let text = initiative(
        "start: 2027-Q1\nend: 2027-Q4\nstatus: active\npriority: high\nkpis:\n  - name: Dækning\n    baseline: 40 %\n    target: 90\nmilestones:\n  - quarter: 2027-Q2\n    title: Pilot\n",
    );
    let (publication, found) = run(&[PURPOSE, DIRECTION, ("initiatives/i.md", &text)], false);
    assert!(found.is_empty(), "{found:#?}");
    let page = &publication.pages[2];
    assert_eq!(
        (page.kind, page.id.as_str(), page.url.as_str()),
        (kind("initiative"), "i", "initiatives/i.html")
    );
    let i = publication.initiative(PageId::new(2)).unwrap();
    assert_eq!(
        (i.status, i.priority, i.start.map(|q| q.to_string())),
        (Status::Active, Some(Priority::High), Some("2027-Q1".into()))
    );
    assert_eq!(
        i.kpis[0],
        Kpi {
            name: "Dækning".into(),
            unit: None,
            baseline: Some("40 %".into()),
            target: Some("90".into()),
            by: None,
            actual: Vec::new(),
        }
    );
    assert_eq!(i.milestones[0].title, "Pilot");
}

#[test]
fn missing_required_fields_point_at_the_frontmatter() {
    let (_, found) =
        run(&[PURPOSE, DIRECTION, ("initiatives/i.md", "---\ntitle: I\n---\n")], false);
    assert_eq!(
        found,
        [
            at("initiatives/i.md", 1, 1, "missing required field `directions`"),
            at("initiatives/i.md", 1, 1, "missing required field `owner`")
        ]
    );
}

#[test]
fn wrong_types_and_enum_values() {
    let text = initiative("status: actve\npriority: 1\norder: first\n");
    let (_, found) = run(&[PURPOSE, DIRECTION, ("initiatives/i.md", &text)], false);
    assert_eq!(
        found,
        [
            at("initiatives/i.md", 5, 9, "`actve` is not a valid `status`"),
            at("initiatives/i.md", 6, 11, "`1` is not a valid `priority`"),
            at("initiatives/i.md", 7, 8, "`order` must be a whole number, not text"),
        ]
    );
    let (_, _, _, message) = one(&[("purpose.md", "---\ntitle: 2025\n---\n")]);
    assert_eq!(message, "`title` must be text, not a number");
}

#[test]
fn quarters_are_checked() {
    let (_, found) = run(
        &[PURPOSE, DIRECTION, ("initiatives/i.md", &initiative("start: 2027-Q5\nend: 2026-Q1\n"))],
        false,
    );
    assert_eq!(
        found,
        [at("initiatives/i.md", 5, 8, "`2027-Q5` is not a quarter, half year or year in `start`")]
    );
    let found = one(&[
        PURPOSE,
        DIRECTION,
        ("initiatives/i.md", &initiative("start: 2027-Q3\nend: 2027-Q1\n")),
    ]);
    assert_eq!(
        found,
        at("initiatives/i.md", 6, 6, "the initiative ends (2027-Q1) before it starts (2027-Q3)")
    );
}

#[test]
fn unknown_keys_are_warnings_with_a_suggestion() {
    let (publication, found) =
        run(&[PURPOSE, DIRECTION, ("initiatives/i.md", &initiative("direction: x\n"))], false);
    assert_eq!(found, [at("initiatives/i.md", 5, 1, "unknown field `direction`")]);
    assert_eq!(publication.pages.len(), 3);
}

#[test]
fn unknown_ids_get_a_did_you_mean() {
    let text = "---\ntitle: I\ndirections: [cyber, cybr]\nowner: IT\ndepends_on: [nope]\n---\n";
    let (_, found) = run(&[PURPOSE, DIRECTION, ("initiatives/i.md", text)], false);
    assert_eq!(
        found,
        [
            at("initiatives/i.md", 3, 21, "unknown direction `cybr`"),
            at("initiatives/i.md", 5, 14, "unknown initiative `nope`")
        ]
    );
}

#[test]
fn dependency_cycles_are_named() {
    let a = "---\ntitle: A\ndirections: [cyber]\nowner: IT\ndepends_on: [b]\n---\n";
    let b = "---\ntitle: B\ndirections: [cyber]\nowner: IT\ndepends_on: [c]\n---\n";
    let c = "---\ntitle: C\ndirections: [cyber]\nowner: IT\ndepends_on: [a]\n---\n";
    let (_, _, _, message) = one(&[
        PURPOSE,
        DIRECTION,
        ("initiatives/a.md", a),
        ("initiatives/b.md", b),
        ("initiatives/c.md", c),
    ]);
    assert_eq!(message, "dependency cycle: a → b → c → a");
}

#[test]
fn duplicate_ids_and_urls() {
    let d2 = ("directions/other.md", "---\ntitle: Other\nid: cyber\n---\n");
    let (path, line, _, message) = one(&[PURPOSE, DIRECTION, d2]);
    assert_eq!(
        (path.as_str(), line, message.as_str()),
        (
            "content/directions/other.md",
            3,
            "duplicate id `cyber`: `content/directions/cyber.md` has it too"
        )
    );
    let clash = ("directions/Cyber.md", "---\ntitle: C\nid: c2\n---\n");
    let (_, _, _, message) = one(&[PURPOSE, DIRECTION, clash]);
    assert!(message.ends_with("would both be written to `directions/cyber.html`"), "{message}");
}

#[test]
fn missing_purpose_and_second_purpose() {
    let (_, found) = run(&[DIRECTION], false);
    assert_eq!(found[0].3, "missing purpose statement: there is no `content/purpose.md`");
    let (_, _, _, message) = one(&[PURPOSE, ("other.md", "---\ntitle: X\nkind: purpose\n---\n")]);
    assert_eq!(message, "`content/other.md` is a second purpose statement");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let draft =
        ("initiatives/i.md", "---\ntitle: I\ndirections: [cyber]\nowner: IT\ndraft: true\n---\n");
    let (publication, found) = run(&[PURPOSE, DIRECTION, draft], false);
    assert!(found.is_empty());
    assert_eq!(publication.pages.len(), 2);
    let left_out = LeftOut {
        path: "initiatives/i.md".into(),
        kind: kind("initiative"),
        id: "i".into(),
        draft: true,
    };
    assert_eq!(publication.left_out, [left_out]);
    let (publication, _) = run(&[PURPOSE, DIRECTION, draft], true);
    assert_eq!(publication.pages.len(), 3);
    let depends = (
        "initiatives/j.md",
        "---\ntitle: J\ndirections: [cyber]\nowner: IT\ndepends_on: [i]\n---\n",
    );
    let (_, found) = run(&[PURPOSE, DIRECTION, draft, depends], false);
    assert_eq!(found, [at("initiatives/j.md", 5, 14, "unknown initiative `i`")]);
}

#[test]
fn kind_comes_from_the_folder_or_the_field() {
    let (publication, _) = run(
        &[
            PURPOSE,
            ("narrative/sub/c.md", "---\ntitle: C\norder: 2\n---\n"),
            ("x/y.md", "---\ntitle: Y\nkind: analysis\n---\n"),
        ],
        false,
    );
    let kinds: Vec<KindId> = publication.pages.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [kind("purpose"), kind("narrative"), kind("analysis")]);
}

#[test]
fn data_files_must_stay_inside_content() {
    let found = one(&[PURPOSE, ("analysis/a.md", "---\ntitle: A\ndata: ../../secret.csv\n---\n")]);
    assert_eq!(found, at("analysis/a.md", 3, 7, "`../../secret.csv` points outside `content/`"));
    let found = one(&[PURPOSE, ("analysis/a.md", "---\ntitle: A\ndata: missing.csv\n---\n")]);
    assert_eq!(
        found,
        at("analysis/a.md", 3, 7, "data file `content/analysis/missing.csv` does not exist")
    );
}

#[test]
fn references_to_an_unreadable_page_are_not_reported_twice() {
    let broken = ("initiatives/i.md", "---\ntitle: [I\n---\n");
    let depends = (
        "initiatives/j.md",
        "---\ntitle: J\ndirections: [cyber]\nowner: IT\ndepends_on: [i]\n---\n",
    );
    let (_, found) = run(&[PURPOSE, DIRECTION, broken, depends], false);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].3.starts_with("invalid YAML"), "{found:#?}");
}

#[test]
fn the_theme_folder_is_reserved() {
    let (_, _, _, message) = one(&[PURPOSE, ("theme/style.md", "---\ntitle: S\n---\n")]);
    assert_eq!(
        message,
        "`content/theme/style.md` would be written to `theme/style.html`, which stratdoc generates"
    );
}

#[test]
fn the_changes_page_is_reserved_whether_or_not_the_build_compares() {
    let (_, _, _, message) = one(&[PURPOSE, ("changes.md", "---\ntitle: Ændringer\n---\n")]);
    assert_eq!(
        message,
        "`content/changes.md` would be written to `changes.html`, which stratdoc generates"
    );
}

#[test]
fn any_page_may_name_its_sources_with_web_addresses() {
    let text = "---\ntitle: Formål\nsources:\n  - title: Rapport\n    url: https://example.dk/r.pdf\n  - title: Bog\n---\n";
    let (publication, found) = run(&[("purpose.md", text)], false);
    assert!(found.is_empty(), "{found:#?}");
    let sources = &publication.pages[0].sources;
    assert_eq!(
        (sources[0].url.as_deref(), sources[1].url.as_deref()),
        (Some("https://example.dk/r.pdf"), None)
    );
    let bad = "---\ntitle: Formål\nsources:\n  - title: X\n    url: file:///etc/passwd\n---\n";
    let found = one(&[("purpose.md", bad)]);
    assert_eq!(found, at("purpose.md", 5, 10, "`file:///etc/passwd` is not a web address"));
}

mod plan;

#[test]
fn a_folder_with_a_folder_page_is_a_section_of_the_pages_in_it() {
    let page = "---\ntitle: P\n---\n";
    let (publication, found) = run(
        &[
            PURPOSE,
            DIRECTION,
            ("scenarier/_index.md", page),
            ("scenarier/a.md", page),
            // No page of its own: its pages belong to the folder above.
            ("scenarier/udkast/b.md", page),
            ("scenarier/metode/index.md", page),
            ("scenarier/metode/c.md", page),
            // A top `index.md` is a page at the top, not a section of everything.
            ("index.md", page),
            ("om.md", page),
            ("bilag/d.md", page),
        ],
        false,
    );
    assert!(found.iter().all(|f| !f.3.contains("error")), "{found:#?}");
    let id = |path: &str| publication.by_path(path).unwrap();
    let sections = &publication.sections;
    let titles =
        |ids: &[PageId]| ids.iter().map(|&i| publication[i].path.clone()).collect::<Vec<_>>();
    assert_eq!(
        titles(sections.pages_of(id("scenarier/_index.md"))),
        ["scenarier/a.md", "scenarier/metode/index.md", "scenarier/udkast/b.md"]
    );
    assert_eq!(
        titles(sections.pages_of(id("scenarier/metode/index.md"))),
        ["scenarier/metode/c.md"]
    );
    assert_eq!(
        titles(&sections.trail(id("scenarier/metode/c.md"))),
        ["scenarier/_index.md", "scenarier/metode/index.md"]
    );
    for top in ["index.md", "om.md", "bilag/d.md", "scenarier/_index.md"] {
        assert_eq!(sections.parent(id(top)), None, "{top}");
    }
    assert!(sections.pages_of(id("index.md")).is_empty());
}
