//! The second example, `examples/fremtid`: a futures-led strategy process
//! with its own kinds (megatrends, technology trends, stakeholder groups,
//! scenarios, workshops) and a section of plain pages. It builds with no
//! warning, shows what its declarations promise, and prints.

use crate::plan::text;
use crate::print::{
    Pdf, check_edition, check_nothing_overflows, elements_wider_than_the_page, tools_or_skip,
};
use crate::support::{Project, element};

#[test]
fn the_futures_example_builds_with_no_warning() {
    let project = Project::example_named("fremtid");
    let run = project.run(&["build", "--deny-warnings"]).success();
    assert!(run.stdout.contains(", 0 warnings"), "{}", run.stdout);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);

    // The desirable scenario says so, and the agendas name the scenarios
    // that informed them.
    let scenario = text(&project.page("scenarios/det-faelles-fundament.html"));
    assert!(scenario.contains("Ønskeligt Ja"), "{scenario}");
    let agenda = text(&project.page("directions/faelles-fundament.html"));
    assert!(agenda.contains("Formet af Det fælles fundament , Den lokale borg"), "{agenda}");
    // The process's section holds its pages in the menu and the trail.
    let method = project.page("om-processen/metode.html");
    let nav = element(&method, "<nav class=\"site-nav\"").unwrap();
    assert!(nav.contains("<li class=\"nav-item is-open\">\n        <a href=\"../om-processen/index.html\">Om processen</a>"), "{nav}");
    let crumbs = text(element(&method, "<nav class=\"breadcrumbs\"").unwrap());
    assert_eq!(crumbs, "Forside Om processen Metoden");
    // Every workshop is a dated event of the calendar.
    let calendar = std::fs::read_to_string(project.path().join("public/milestones.ics")).unwrap();
    for day in ["20270204", "20270311", "20270415", "20270527", "20270826", "20270930", "20271104"]
    {
        assert!(calendar.contains(&format!("DTSTART;VALUE=DATE:{day}")), "{day}:\n{calendar}");
    }
}

#[test]
fn the_futures_example_prints_as_a_board_edition() {
    if !tools_or_skip("the_futures_example_prints_as_a_board_edition") {
        return;
    }
    let project = Project::example_named("fremtid");
    let pdf = Pdf::of(&project);
    let pages = check_edition(&pdf, "Side", "af", "DEL 1");
    check_nothing_overflows(&pdf);
    // The scenarios have a part of their own, and the process's section
    // is an appendix with its pages numbered under it.
    let all = pages.join("\n");
    for heading in
        ["5 Scenarier", "5.1 Det fælles fundament", "C Om processen", "C.1 Metoden", "C.2 Ordliste"]
    {
        assert!(all.contains(heading), "no `{heading}` in the edition");
    }
    // A reference's address is its link's text: printed once (and broken
    // to fit its column, which `check_nothing_overflows` holds).
    assert_eq!(all.matches("https://www.dst.dk").count(), 1, "{all}");
    project.build();
    let wide = elements_wider_than_the_page(&project.path().join("public/print.html"));
    assert!(wide.is_empty(), "wider than the page in print: {wide:?}");
}
