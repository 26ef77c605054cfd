//! The board edition's outline: which parts, in which order, numbered how.

use super::*;
use crate::calendar::Quarter;
use crate::config::{Config, Language};
use crate::diagnostics::{Diagnostics, Sources};
use crate::fields::Ref;
use crate::frontmatter;
use crate::model::{self, Parsed};
use crate::render::labels::Labels;

const FILES: &[(&str, &str)] = &[
    ("purpose.md", "---\ntitle: Formål\n---\nTekst.\n"),
    ("narrative/a.md", "---\ntitle: Hvorfor\norder: 1\n---\n"),
    ("narrative/b.md", "---\ntitle: Hvordan\norder: 2\n---\n"),
    ("directions/cyber.md", "---\ntitle: Cyber\norder: 1\n---\n"),
    ("directions/drift.md", "---\ntitle: Drift\norder: 2\n---\n"),
    ("initiatives/soc.md", "---\ntitle: SOC\ndirections: [cyber, drift]\nowner: IT\n---\n"),
    ("initiatives/soc-udbud.md", "---\ntitle: Udbud\nparent: soc\nowner: IT\n---\n"),
    (
        "initiatives/backup.md",
        "---\ntitle: Backup\nnumber: '7'\ndirections: [drift]\nowner: IT\n---\n",
    ),
    ("analysis/survey.md", "---\ntitle: Survey\n---\n"),
    ("om.md", "---\ntitle: Om\n---\n"),
    ("ordliste.md", "---\ntitle: Ordliste\n---\n"),
];

fn publication() -> Publication {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let parsed: Vec<Parsed> = FILES
        .iter()
        .map(|(path, text)| {
            let id = sources.add(format!("content/{path}"), *text);
            let schema = crate::schema::Schema::builtin();
            let frontmatter = if schema.is(schema.kind_of_path(path), crate::schema::Role::Plain) {
                frontmatter::parse_plain(id, text, &mut diags)
            } else {
                frontmatter::parse(id, text, &mut diags)
            };
            Parsed::new(id, path, frontmatter, text)
        })
        .collect();
    let as_of = Quarter { year: 2027, quarter: 1 };
    let publication =
        model::validate(&parsed, Vec::new(), &Config::default(), false, as_of, &mut diags);
    assert!(!diags.has_errors(), "{diags:?}");
    publication
}

fn toc(print: &Print, views: PlanViews) -> Vec<(u8, String, String)> {
    let labels = Labels::new(&Config::default());
    outline(&publication(), print, &labels, Language::Da, views)
        .toc()
        .into_iter()
        .map(|e| (e.level, e.number, e.title))
        .collect()
}

fn entry(level: u8, number: &str, title: &str) -> (u8, String, String) {
    (level, number.to_owned(), title.to_owned())
}

#[test]
fn the_default_edition_numbers_parts_chapters_and_initiatives() {
    let views = PlanViews { roadmap: true, matrix: false, kpis: false, board: false };
    assert_eq!(
        toc(&Print::default_for(&crate::schema::Schema::builtin()), views),
        [
            entry(1, "1", "Formål"),
            entry(1, "2", "Fortælling"),
            entry(2, "2.1", "Hvorfor"),
            entry(2, "2.2", "Hvordan"),
            entry(1, "3", "Strategiske retninger"),
            entry(2, "3.1", "Cyber"),
            // Printed under its first direction, with its sub-initiative.
            entry(3, "3.1.1", "SOC"),
            entry(2, "3.2", "Drift"),
            // Its own `number:` wins.
            entry(3, "7", "Backup"),
            entry(1, "4", "Handlingsplan"),
            entry(2, "4.1", "Initiativer i overblik"),
            entry(2, "4.2", "Køreplan"),
            entry(1, "A", "Omverdensanalyse"),
            entry(2, "A.1", "Survey"),
            entry(1, "B", "Andre sider"),
            entry(2, "B.1", "Om"),
            entry(2, "B.2", "Ordliste"),
        ]
    );
}

#[test]
fn sub_initiatives_are_numbered_under_their_parent_and_other_directions_point_to_them() {
    let labels = Labels::new(&Config::default());
    let publication = publication();
    let print = Print::default_for(&crate::schema::Schema::builtin());
    let outline = outline(&publication, &print, &labels, Language::Da, PlanViews::default());
    let directions = &outline.parts[2];
    let cyber = &directions.chapters[0];
    let numbers: Vec<(&str, usize)> =
        cyber.sections.iter().map(|s| (s.number.as_str(), s.depth)).collect();
    assert_eq!(numbers, [("3.1.1", 0), ("3.1.1.1", 1)]);
    let drift = &directions.chapters[1];
    let also: Vec<&str> = drift.also.iter().map(|&id| publication[id].title.as_str()).collect();
    assert_eq!(also, ["SOC", "Udbud"]);
}

#[test]
fn print_orders_and_leaves_out_parts_and_places_plain_pages() {
    let page = |id: &str| {
        PrintPart::Page(Ref {
            id: id.to_owned(),
            span: crate::diagnostics::Span::new(crate::diagnostics::SourceId(0), 0..0),
        })
    };
    let schema = crate::schema::Schema::builtin();
    let part = |name: &str| PrintPart::Kind(schema.kind_of_part(name).expect("a part"));
    let print = Print {
        parts: vec![page("om"), part("action_plan")],
        appendix: vec![part("pages"), part("narrative")],
    };
    let views = PlanViews { roadmap: false, matrix: true, kpis: true, board: false };
    assert_eq!(
        toc(&print, views),
        [
            entry(1, "1", "Om"),
            entry(1, "2", "Handlingsplan"),
            entry(2, "2.1", "Initiativer i overblik"),
            // The plan views: the traceability matrix and the KPI table.
            entry(2, "2.2", "Sporbarhed"),
            entry(2, "2.3", "Succesmål"),
            // Without the directions, the initiatives are printed in the plan.
            entry(2, "2.4", "Initiativer"),
            entry(3, "2.4.1", "SOC"),
            entry(3, "7", "Backup"),
            // `om` is named on its own, so `pages` holds the rest.
            entry(1, "A", "Andre sider"),
            entry(2, "A.1", "Ordliste"),
            entry(1, "B", "Fortælling"),
            entry(2, "B.1", "Hvorfor"),
            entry(2, "B.2", "Hvordan"),
        ]
    );
}

#[test]
fn appendix_letters_go_on_past_z() {
    assert_eq!(
        [letter(0), letter(1), letter(25), letter(26), letter(27)],
        ["A", "B", "Z", "AA", "AB"]
    );
}

#[test]
fn a_named_page_that_does_not_exist_is_reported_with_a_suggestion() {
    let mut sources = Sources::default();
    let id = sources.add("stratdoc.yaml".to_owned(), "print:\n  appendix: [omm]\n");
    let span = crate::diagnostics::Span::new(id, 22..25);
    let print = Print {
        parts: Vec::new(),
        appendix: vec![PrintPart::Page(Ref { id: "omm".to_owned(), span })],
    };
    let mut diags = Diagnostics::new();
    check(&print, &publication(), &mut diags);
    let d = &diags.items()[0];
    assert_eq!(d.message, "`omm` is neither a part of the board edition nor a plain page");
    assert_eq!(d.help.as_deref(), Some("did you mean `om`?"));
}
