//! The action plan as its pages state it: owners, sub-initiatives, times,
//! budgets, KPIs, and facts against the plan's now.

use super::*;

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

#[test]
fn an_initiative_that_names_no_direction_is_told_in_the_plans_words() {
    let text = "---\ntitle: I\ndirections: []\nowner: IT\n---\n";
    let found = one(&[PURPOSE, DIRECTION, ("initiatives/i.md", text)]);
    assert_eq!(
        found,
        at("initiatives/i.md", 3, 13, "an initiative must serve at least one direction")
    );
}
