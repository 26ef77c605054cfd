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
            by: None
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
fn owners_may_be_joint_and_change_hands() {
    let text = "---\ntitle: I\ndirections: [cyber]\nowner: [Ministeriet, KL]\nowner_from:\n  - owner: Sundhedsdatastyrelsen\n    from: 2022-Q4\n---\n";
    let (publication, found) = run(&[PURPOSE, DIRECTION, ("initiatives/i.md", text)], false);
    assert!(found.is_empty(), "{found:#?}");
    let i = publication.initiative(PageId::new(2)).unwrap();
    assert_eq!(i.owners, ["Ministeriet", "KL"]);
    assert_eq!(i.handovers[0].owners, ["Sundhedsdatastyrelsen"]);
    assert_eq!(i.handovers[0].from.to_string(), "2022-Q4");
    let owners: Vec<&str> = publication.plan.by_owner().map(|(o, _)| o).collect();
    assert_eq!(owners, ["KL", "Ministeriet", "Sundhedsdatastyrelsen"]);
    let (_, found) = run(
        &[PURPOSE, DIRECTION, ("initiatives/i.md", &initiative("owner_from:\n  - from: 2022\n"))],
        false,
    );
    assert_eq!(found, [at("initiatives/i.md", 6, 5, "missing required field `owner`")]);
}

#[test]
fn sub_initiatives_nest_inherit_directions_and_sort_by_number() {
    let parent = "---\ntitle: P\nnumber: \"1.10\"\ndirections: [cyber]\nowner: IT\nstart: 2027-Q1\nend: 2027-Q4\n---\n";
    let child = "---\ntitle: C\nnumber: \"1.10.1\"\nparent: p\nowner: IT\nstart: 2027-Q2\nend: 2028-Q1\n---\n";
    let other = "---\ntitle: O\nnumber: \"1.9\"\ndirections: [cyber]\nowner: IT\n---\n";
    let (publication, found) = run(
        &[
            PURPOSE,
            DIRECTION,
            ("initiatives/p.md", parent),
            ("initiatives/c.md", child),
            ("initiatives/o.md", other),
        ],
        false,
    );
    // The child ends after its parent: a warning at `parent`.
    assert_eq!(
        found,
        [at("initiatives/c.md", 4, 9, "`c` runs outside its parent `p` (2027-Q1 to 2027-Q4)")]
    );
    let order: Vec<&str> =
        publication.of_kind(kind("initiative")).map(|(_, p)| p.id.as_str()).collect();
    assert_eq!(order, ["o", "p", "c"], "1.9 before 1.10 before 1.10.1");
    let p = publication.find(kind("initiative"), "p").unwrap();
    let c = publication.find(kind("initiative"), "c").unwrap();
    assert_eq!(publication.children_of(p), [c]);
    let child = publication.initiative(c).unwrap();
    assert_eq!(child.parent.as_ref().map(|r| r.page), Some(p));
    let cyber = publication.find(kind("direction"), "cyber").unwrap();
    assert_eq!(child.directions.iter().map(|d| d.page).collect::<Vec<_>>(), [cyber]);
    assert_eq!(publication[c].heading(), "1.10.1 C");
}

#[test]
fn parent_cycles_and_unknown_parents_are_errors() {
    let a = "---\ntitle: A\ndirections: [cyber]\nowner: IT\nparent: b\n---\n";
    let b = "---\ntitle: B\ndirections: [cyber]\nowner: IT\nparent: a\n---\n";
    let (_, _, _, message) =
        one(&[PURPOSE, DIRECTION, ("initiatives/a.md", a), ("initiatives/b.md", b)]);
    assert_eq!(message, "parent cycle: a → b → a");
    let found = one(&[PURPOSE, DIRECTION, ("initiatives/a.md", &initiative("parent: nope\n"))]);
    assert_eq!(found, at("initiatives/a.md", 5, 9, "unknown initiative `nope`"));
    let found = one(&[PURPOSE, DIRECTION, ("initiatives/a.md", &initiative("parent: a\n"))]);
    assert_eq!(found, at("initiatives/a.md", 5, 9, "`a` is its own parent"));
}

#[test]
fn times_may_be_years_or_halves_and_deadlines() {
    let text = initiative(
        "status: done\nstart: 2018\nend: 2022-H1\ndeadline: 2022\nmilestones:\n  - quarter: 2019-H2\n    title: M\n",
    );
    let (publication, found) = run(&[PURPOSE, DIRECTION, ("initiatives/i.md", &text)], false);
    assert!(found.is_empty(), "{found:#?}");
    let i = publication.initiative(PageId::new(2)).unwrap();
    let shown: Vec<String> = [i.start, i.end, i.deadline, Some(i.milestones[0].quarter)]
        .iter()
        .map(|w| w.unwrap().to_string())
        .collect();
    assert_eq!(shown, ["2018", "2022-H1", "2022", "2019-H2"]);
    let found = one(&[PURPOSE, DIRECTION, ("initiatives/i.md", &initiative("start: 2022-H3\n"))]);
    assert_eq!(
        found,
        at("initiatives/i.md", 5, 8, "`2022-H3` is not a quarter, half year or year in `start`")
    );
}

#[test]
fn budgets_are_numbers_summed_per_direction() {
    let a = initiative("budget: 34000000\n");
    let b = initiative("budget:\n  amount: 2500000.50\n  note: Finansloven 2018\n");
    let (publication, found) =
        run(&[PURPOSE, DIRECTION, ("initiatives/a.md", &a), ("initiatives/b.md", &b)], false);
    assert!(found.is_empty(), "{found:#?}");
    let cyber = publication.find(kind("direction"), "cyber").unwrap();
    assert_eq!(publication.plan.budget_of(cyber), 3_650_000_050);
    assert_eq!(publication.plan.total_budget(), (3_650_000_050, 2));
    let b = publication.find(kind("initiative"), "b").unwrap();
    assert_eq!(
        publication.initiative(b).unwrap().budget.as_ref().unwrap().note.as_deref(),
        Some("Finansloven 2018")
    );
    let found = one(&[PURPOSE, DIRECTION, ("initiatives/a.md", &initiative("budget: 34 mio.\n"))]);
    assert_eq!(found, at("initiatives/a.md", 5, 9, "`34 mio.` is not an amount of money"));
    let found =
        one(&[PURPOSE, DIRECTION, ("initiatives/a.md", &initiative("budget:\n  note: x\n"))]);
    assert_eq!(found, at("initiatives/a.md", 5, 1, "missing required field `amount`"));
}

#[test]
fn kpis_have_units_target_times_or_only_a_goal() {
    let text = initiative(
        "kpis:\n  - name: Dækning\n    unit: \"%\"\n    baseline: 40\n    target: 90\n    by: 2028-Q2\n  - name: Tillid\n    target: Borgerne oplever sikker deling\nexternal_dependencies: [MitID, NSP]\n",
    );
    let (publication, found) = run(&[PURPOSE, DIRECTION, ("initiatives/i.md", &text)], false);
    assert!(found.is_empty(), "{found:#?}");
    let i = publication.initiative(PageId::new(2)).unwrap();
    assert_eq!(i.kpis[0].unit.as_deref(), Some("%"));
    assert_eq!(i.kpis[0].by.map(|b| b.to_string()).as_deref(), Some("2028-Q2"));
    assert_eq!(
        (i.kpis[1].baseline.as_deref(), i.kpis[1].target.as_deref()),
        (None, Some("Borgerne oplever sikker deling"))
    );
    assert_eq!(i.external_dependencies, ["MitID", "NSP"]);
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

#[test]
fn facts_that_contradict_now_are_warnings_at_the_field() {
    let done = initiative("start: 2026-Q1\nend: 2027-Q3\nstatus: done\n");
    let planned = initiative("start: 2026-Q3\nend: 2027-Q3\n");
    let active = initiative("start: 2026-Q1\nend: 2026-H2\nstatus: active\n");
    let early = initiative("start: 2027-Q1\nend: 2027-Q4\nstatus: active\ndepends_on: [planned]\n");
    let (_, found) = run(
        &[
            PURPOSE,
            DIRECTION,
            ("initiatives/done.md", &done),
            ("initiatives/planned.md", &planned),
            ("initiatives/active.md", &active),
            ("initiatives/early.md", &early),
        ],
        false,
    );
    let messages: Vec<(&str, usize)> =
        found.iter().map(|(path, line, _, _)| (path.as_str(), *line)).collect();
    assert_eq!(
        messages,
        [
            ("content/initiatives/done.md", 6),
            ("content/initiatives/planned.md", 1),
            ("content/initiatives/active.md", 7),
            ("content/initiatives/early.md", 8),
        ]
    );
    assert_eq!(found[0].3, "`done` is done, but its end (2027-Q3) is after now (2027-Q1)");
    assert_eq!(found[1].3, "`planned` is planned, but it starts (2026-Q3) before now (2027-Q1)");
    assert_eq!(found[2].3, "`active` is active, but it ended (2026-H2) before now (2027-Q1)");
    assert_eq!(
        found[3].3,
        "`early` starts (2027-Q1) before `planned`, which it depends on, ends (2027-Q3)"
    );
}

#[test]
fn a_direction_no_initiative_serves_is_a_warning() {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let parsed: Vec<Parsed> = [PURPOSE, DIRECTION]
        .iter()
        .map(|(path, text)| {
            let id = sources.add(format!("content/{path}"), *text);
            let frontmatter = frontmatter::parse(id, text, &mut diags);
            Parsed::new(id, path, frontmatter, text)
        })
        .collect();
    validate(&parsed, Vec::new(), &Config::default(), false, AS_OF, &mut diags);
    let messages: Vec<&str> = diags.items().iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, ["no initiative serves the direction `cyber`"]);
    assert!(!diags.has_errors());
}
