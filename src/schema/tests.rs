//! The built-in schema as declared, and the parser's located diagnostics
//! for mistakes in declarations.

use super::*;
use crate::config::Language;
use crate::diagnostics::{Diagnostics, Sources};
use crate::frontmatter;

/// `text` declared on top of the built-in kinds: the schema and each
/// diagnostic as (line, column, message).
fn declared(text: &str) -> (Schema, Vec<(usize, usize, String)>) {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let id = sources.add("stratdoc.yaml", text);
    let entries = frontmatter::parse_yaml(id, text, 0..text.len(), &mut diags).unwrap_or_default();
    let schema = declare(&Schema::builtin(), &entries, &mut diags);
    let found = diags
        .items()
        .iter()
        .map(|d| {
            let span = &d.primary.as_ref().expect("located").span;
            let (line, col) = sources.line_col(span.source, span.range.start);
            (line, col, d.message.clone())
        })
        .collect();
    (schema, found)
}

#[test]
fn the_builtin_declarations_read_without_a_problem() {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let schema = parse::builtin(&mut sources, BUILTIN, &mut diags);
    assert!(diags.items().is_empty(), "{:#?}", diags.items());
    assert_eq!(schema, *Schema::builtin());
    let ids: Vec<&str> = schema.kinds().map(|(_, k)| k.id.as_str()).collect();
    assert_eq!(ids, ["purpose", "narrative", "direction", "initiative", "analysis", "page"]);
}

#[test]
fn builtin_kinds_have_their_places_words_and_roles() {
    let schema = Schema::builtin();
    let initiative = schema.find("initiative").unwrap();
    let kind = schema.kind(initiative);
    assert_eq!(kind.folder(), Some("initiatives"));
    assert_eq!(kind.section_title(Language::Da), "Handlingsplan");
    assert_eq!(kind.plural(Language::En), "Initiatives");
    assert_eq!(kind.part_anchor(), "part-action-plan");
    assert_eq!(schema.with_role(Role::Plan), Some(initiative));
    assert_eq!(schema.kind_of_path("initiatives/a/b.md"), initiative);
    assert_eq!(Some(schema.kind_of_path("purpose.md")), schema.with_role(Role::Front));
    assert_eq!(Some(schema.kind_of_path("om/purpose.md")), schema.with_role(Role::Plain));
    assert_eq!(Some(schema.kind_of_path("initiatives.md")), schema.with_role(Role::Plain));
    let status = schema.field(schema.field_id(initiative, "status").unwrap());
    assert_eq!(status.default, Some(Scalar::Choice(0)));
    assert!(status.role, "the plan reads `status`");
    let Type::Enum(choices) = &status.ty else { panic!("{status:?}") };
    assert_eq!(choices[1].label.as_ref().unwrap().get(Language::Da), "I gang");
    let directions = schema.field(schema.field_id(initiative, "directions").unwrap());
    assert_eq!(directions.ty, Type::Refs(schema.find("direction").unwrap()));
    assert_eq!(directions.inherit, kind.field_index("parent"));
    assert_eq!(kind.sort_by, kind.field_index("start"));
    assert_eq!(schema.kind(schema.find("narrative").unwrap()).plural(Language::Da), "Fortælling");
}

#[test]
fn a_declared_kind_goes_before_plain_pages_and_references_follow_it() {
    let (schema, found) = declared(
        "megatrend:\n  folder: megatrends\n  label: {da: Megatrend, en: Megatrend}\n  fields:\n    horizon: {type: integer, required: true}\n    certainty: {type: enum, values: [low, medium, high]}\n    sources_list: {type: list, of: url}\n    informs: {type: refs, kind: direction}\n",
    );
    assert!(found.is_empty(), "{found:#?}");
    let ids: Vec<&str> = schema.kinds().map(|(_, k)| k.id.as_str()).collect();
    assert_eq!(ids[5..], ["megatrend", "page"]);
    let megatrend = schema.find("megatrend").unwrap();
    let kind = schema.kind(megatrend);
    assert_eq!(kind.plural(Language::Da), "Megatrend");
    assert_eq!(kind.fields[3].ty, Type::Refs(schema.find("direction").unwrap()));
    assert_eq!(kind.fields[2].ty, Type::List(Box::new(Type::Url)));
    assert_eq!(schema.kind_of_path("megatrends/ai.md"), megatrend);
}

#[test]
fn mistakes_in_declarations_are_located() {
    let (_, found) = declared(
        "scenario:\n  folder: directions\n  roles: [plann]\n  fields:\n    builds_on: {type: refs, kind: megatrnd}\n    title: {type: text}\n    score: {type: intger}\n    desirable: {type: boolean, default: maybe}\n",
    );
    let messages: Vec<(usize, usize, &str)> =
        found.iter().map(|(l, c, m)| (*l, *c, m.as_str())).collect();
    assert_eq!(
        messages,
        [
            (3, 11, "`plann` is not a role"),
            (5, 35, "no kind `megatrnd` is declared"),
            (6, 5, "`title` is a field every page has"),
            (7, 19, "`intger` is not a valid `type`"),
            (8, 41, "this `default` is not a `boolean`"),
            (2, 11, "`scenario` and `direction` would both live in `content/directions`"),
        ]
    );
}

#[test]
fn a_role_without_its_fields_is_refused_at_the_role() {
    let (_, found) = declared("board:\n  folder: board\n  roles: [charts]\n");
    let messages: Vec<(usize, &str)> = found.iter().map(|(l, _, m)| (*l, m.as_str())).collect();
    assert_eq!(
        messages,
        [
            (3, "`analysis` has the role `charts` already"),
            (3, "the role `charts` needs a field `data`, of type `data`"),
            (3, "the role `charts` needs a field `charts`, of type `charts`"),
        ]
    );
}

#[test]
fn built_in_kinds_are_extended_with_fields_of_their_own() {
    let text = "direction:\n  informed_by: {type: refs, kind: scenario}\n  status: {type: text}\n";
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let id = sources.add("stratdoc.yaml", text);
    let entries = frontmatter::parse_yaml(id, text, 0..text.len(), &mut diags).unwrap_or_default();
    let mut schema = (*Schema::builtin()).clone();
    extend(&mut schema, &entries, &mut diags);
    let messages: Vec<&str> = diags.items().iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, ["no kind `scenario` is declared"]);
    let direction = schema.find("direction").unwrap();
    let names: Vec<&str> = schema.kind(direction).fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["informed_by", "status"]);
}
