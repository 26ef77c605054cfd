//! Which outputs a change to one page invalidates (`stratdoc::deps`): what a
//! server re-renders after an edit, computed from the model before and after.

use std::collections::{BTreeMap, BTreeSet};

use stratdoc::artifact::Contents;
use stratdoc::deps::{self, Affected, Output};
use stratdoc::diagnostics::{Diagnostics, Sources};
use stratdoc::model::Publication;
use stratdoc::output::Sink;
use stratdoc::pipeline::{self, Options};

use crate::support::Project;

/// The checked model of `project` as it is now.
fn model(project: &Project) -> Publication {
    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let loaded = pipeline::load(project.path(), &mut sources, &mut diags, None).expect("loads");
    let options = Options::default();
    let (publication, _) =
        pipeline::model(&loaded.config, &loaded.content, &sources, &options, &mut diags, None);
    assert!(!diags.has_errors(), "{:?}", diags.items());
    publication
}

/// Every file a build of `project` writes, by its path.
fn files(project: &Project) -> BTreeMap<String, Vec<u8>> {
    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let sink = Sink::memory();
    pipeline::build(project.path(), &Options::default(), &sink, &mut sources, &mut diags)
        .expect("builds");
    sink.into_files()
        .into_iter()
        .map(|f| match f.contents {
            Contents::Bytes(bytes) => (f.path, bytes),
            Contents::Copy(from) => (f.path, std::fs::read(from).unwrap()),
        })
        .collect()
}

/// The output a file of the site belongs to; `None` for what no page
/// change can touch (the theme, the 404 page, the files for crawlers).
fn output_of(path: &str, publication: &Publication) -> Option<Output> {
    let plan_views = ["matrix", "status", "owners", "quarters", "kpis"];
    match path {
        "print.html" => Some(Output::Print),
        "strategy.json" | "initiatives.csv" | "milestones.ics" => Some(Output::Exports),
        _ if path.starts_with("theme/search") => Some(Output::Search),
        _ if plan_views.iter().any(|v| path == format!("initiatives/{v}.html")) => {
            Some(Output::PlanViews)
        }
        _ if path.ends_with("/index.html") => Some(Output::Overview(path.to_owned())),
        _ => publication.pages.iter().find(|p| p.url == path).map(|p| page(&p.path)),
    }
}

/// What changing `path` from its text in the example by `edit` invalidates,
/// checked against the files two whole builds write: every output whose
/// files differ is among those it names.
fn affected(path: &str, edit: impl Fn(&str) -> String) -> Affected {
    affected_in(&Project::example(), path, edit)
}

/// As [`affected`], in `project`.
fn affected_in(project: &Project, path: &str, edit: impl Fn(&str) -> String) -> Affected {
    let (before, built_before) = (model(project), files(project));
    let file = project.path().join("content").join(path);
    let text = std::fs::read_to_string(&file).unwrap();
    let changed = edit(&text);
    assert_ne!(changed, text, "the edit changes the file");
    std::fs::write(&file, changed).unwrap();
    let after = model(project);
    let affected = deps::affected(&before, &after, &[path]);
    if let Affected::Only(outputs) = &affected {
        let built_after = files(project);
        for (file, bytes) in &built_after {
            if built_before.get(file) != Some(bytes) {
                let output = output_of(file, &after);
                assert!(
                    output.as_ref().is_some_and(|o| outputs.contains(o)),
                    "{file} changed, but {output:?} is not among {outputs:?}"
                );
            }
        }
    }
    affected
}

fn page(path: &str) -> Output {
    Output::Page(path.to_owned())
}

#[test]
fn a_status_change_re_renders_the_initiative_its_directions_and_the_plan_and_nothing_else() {
    let got =
        affected("initiatives/faelles-soc.md", |t| t.replace("status: active", "status: paused"));
    let want: BTreeSet<Output> = [
        page("initiatives/faelles-soc.md"),
        // Its directions list it with its status.
        page("directions/cyberrobusthed.md"),
        page("directions/sikker-drift.md"),
        // The action plan and the plan views show every initiative's status.
        Output::Overview("initiatives/index.html".to_owned()),
        Output::PlanViews,
        // The front page counts initiatives by status.
        page("purpose.md"),
        Output::Print,
        // The index finds an initiative by its status word.
        Output::Search,
        Output::Exports,
    ]
    .into();
    assert_eq!(got, Affected::Only(want));
}

#[test]
fn a_change_to_the_text_alone_re_renders_its_page_the_edition_and_the_index() {
    let got = affected("narrative/02-det-har-vi-hoert.md", |t| format!("{t}\nEn ny sætning.\n"));
    let want: BTreeSet<Output> =
        [page("narrative/02-det-har-vi-hoert.md"), Output::Print, Output::Search].into();
    assert_eq!(got, Affected::Only(want));
}

#[test]
fn a_new_title_for_a_page_every_menu_lists_re_renders_everything() {
    let got = affected("directions/groen-it.md", |t| t.replacen("title:", "title: Ny", 1));
    assert_eq!(got, Affected::All);
}

#[test]
fn a_page_added_or_removed_re_renders_everything() {
    let project = Project::example();
    let before = model(&project);
    project.file(
        "content/initiatives/ny.md",
        "---\ntitle: Ny\ndirections: [groen-it]\nowner: X\n---\n",
    );
    let after = model(&project);
    assert_eq!(deps::affected(&before, &after, &["initiatives/ny.md"]), Affected::All);
    assert_eq!(deps::affected(&after, &before, &["initiatives/ny.md"]), Affected::All);
}

#[test]
fn a_new_title_for_an_initiative_re_renders_what_names_it_and_no_other_initiative_page() {
    let got = affected("initiatives/faelles-soc.md", |t| {
        t.replacen("title: \"Fælles", "title: \"Det fælles", 1)
    });
    let Affected::Only(outputs) = got else { panic!("not everything: {got:?}") };
    assert!(outputs.contains(&page("initiatives/faelles-soc.md")));
    assert!(outputs.contains(&page("directions/sikker-drift.md")), "{outputs:?}");
    // An initiative of another direction neither names it nor is its neighbour.
    assert!(!outputs.contains(&page("initiatives/groent-indkoeb.md")), "{outputs:?}");
}

#[test]
fn a_new_title_for_a_section_re_renders_what_its_menu_and_trail_show() {
    // Checked against two whole builds: every page whose menu or
    // breadcrumbs name the section must be among the outputs named.
    let project = Project::fixture("sections");
    affected_in(&project, "scenarier/_index.md", |t| {
        t.replace("# Scenarier", "# Fremtidsbilleder")
    });
}

#[test]
fn a_changed_reference_between_declared_kinds_re_renders_both_ends_and_their_overviews() {
    let project = Project::example_named("fremtid");
    affected_in(&project, "scenarios/kludetaeppet.md", |t| {
        t.replace(
            "builds_on: [sammenhaengende-service, klima-og-ressourcer]",
            "builds_on: [sammenhaengende-service]",
        )
    });
}

#[test]
fn a_new_budget_re_renders_what_sums_it() {
    // Checked against two whole builds: the directions' sums and the plan's
    // total are among the outputs named.
    affected("initiatives/faelles-soc.md", |t| t.replace("amount: 14500000", "amount: 15000000"));
}

#[test]
fn a_new_title_for_a_referenced_page_re_renders_the_tables_that_trace_it() {
    let project = Project::example_named("fremtid");
    affected_in(&project, "megatrends/flere-aeldre.md", |t| {
        t.replacen("title: ", "title: Endnu ", 1)
    });
}
