use super::*;
use crate::diagnostics::Sources;

fn parse_ok(text: &str) -> (Frontmatter, Sources) {
    let mut sources = Sources::default();
    let id = sources.add("t.md", text);
    let mut diags = Diagnostics::new();
    let fm = parse(id, text, &mut diags).expect("parses");
    assert!(!diags.has_errors(), "{diags:?}");
    (fm, sources)
}

fn parse_err(text: &str) -> (String, (usize, usize)) {
    let mut sources = Sources::default();
    let id = sources.add("t.md", text);
    let mut diags = Diagnostics::new();
    assert!(parse(id, text, &mut diags).is_none());
    let d = &diags.items()[0];
    let at = d.primary.as_ref().unwrap().span.range.start;
    (d.message.clone(), sources.line_col(id, at))
}

fn at(sources: &Sources, span: &Span) -> (usize, usize, String) {
    let (l, c) = sources.line_col(span.source, span.range.start);
    (l, c, sources.get(span.source).text()[span.range.clone()].to_owned())
}

#[test]
fn splits_frontmatter_and_body() {
    assert_eq!(split("---\ntitle: x\n---\nbody"), Ok(Split { yaml: 4..13, body: 17..21 }));
    assert_eq!(split("---\n---\n"), Ok(Split { yaml: 4..4, body: 8..8 }));
    assert_eq!(split("---\na: 1\n...\nrest\n---\n").map(|s| s.body), Ok(13..22));
}

#[test]
fn split_problems() {
    assert_eq!(split(""), Err(SplitError::Empty));
    assert_eq!(split("  \n\n"), Err(SplitError::Empty));
    assert_eq!(split("# Title\n"), Err(SplitError::Missing));
    assert_eq!(split("----\n"), Err(SplitError::Missing));
    assert_eq!(split("---\ntitle: x\n"), Err(SplitError::Unclosed));
    assert_eq!(split("---"), Err(SplitError::Unclosed));
    assert_eq!(split("+++\r\ntitle = \"x\"\r\n+++\r\n"), Err(SplitError::Toml));
    assert_eq!(split("+++ x\n"), Err(SplitError::Missing));
}

#[test]
fn toml_frontmatter_is_reported_not_shown_as_text() {
    // A plain page may go without frontmatter, but not with one it cannot
    // read: its text would show `title = …` and hide `draft = true`.
    let text = "+++\ntitle = \"Go\"\ndraft = true\n+++\n\nText.\n";
    let mut sources = Sources::default();
    let id = sources.add("t.md", text);
    for parse in [parse, parse_plain] {
        let mut diags = Diagnostics::new();
        assert!(parse(id, text, &mut diags).is_none());
        let d = &diags.items()[0];
        assert_eq!(d.message, "TOML frontmatter (`+++`) is not read");
        assert_eq!(d.primary.as_ref().unwrap().span.range, 0..3);
    }
    let mut diags = Diagnostics::new();
    assert!(parse_plain(id, "# Go\n\n+++\n", &mut diags).is_some());
    assert!(diags.items().is_empty());
}

#[test]
fn a_thematic_break_in_the_body_is_not_frontmatter() {
    let (fm, sources) = parse_ok("---\ntitle: A\n---\ntext\n\n---\n\nmore\n");
    assert_eq!(
        &sources.get(fm.fields[0].key_span.source).text()[fm.body.clone()],
        "text\n\n---\n\nmore\n"
    );
}

#[test]
fn locates_top_level_keys_and_values() {
    let (fm, sources) = parse_ok("---\ntitle: Cyber  # a comment\nowner: \"IT\"\norder: 3\n---\n");
    let title = fm.get("title").unwrap();
    assert_eq!(at(&sources, &title.key_span), (2, 1, "title".into()));
    assert_eq!(at(&sources, &title.value.span), (2, 8, "Cyber".into()));
    assert_eq!(title.value.value, Value::Str("Cyber".into()));
    assert_eq!(at(&sources, &fm.get("owner").unwrap().value.span), (3, 8, "\"IT\"".into()));
    assert_eq!(fm.get("order").unwrap().value.value, Value::Number("3".into()));
}

#[test]
fn locates_flow_list_items() {
    let (fm, sources) = parse_ok("---\ndirections: [drift, cyber]\n---\n");
    let Value::Seq(items) = &fm.get("directions").unwrap().value.value else { panic!() };
    assert_eq!(at(&sources, &items[1].span), (2, 21, "cyber".into()));
}

#[test]
fn locates_block_lists_of_mappings() {
    let text = "---\ntitle: T\nkpis:\n  - name: A\n    target: 1\n  - name: B\n    target: 2\nmilestones:\n- quarter: 2025-Q1\n  title: M\n---\n";
    let (fm, sources) = parse_ok(text);
    let Value::Seq(kpis) = &fm.get("kpis").unwrap().value.value else { panic!() };
    let Value::Map(second) = &kpis[1].value else { panic!() };
    assert_eq!(at(&sources, &second[1].key_span), (7, 5, "target".into()));
    assert_eq!(at(&sources, &second[1].value.span), (7, 13, "2".into()));
    let Value::Seq(ms) = &fm.get("milestones").unwrap().value.value else { panic!() };
    let Value::Map(m) = &ms[0].value else { panic!() };
    assert_eq!(at(&sources, &m[0].value.span), (9, 12, "2025-Q1".into()));
    assert_eq!(at(&sources, &m[1].key_span), (10, 3, "title".into()));
}

#[test]
fn block_list_of_scalars() {
    let (fm, sources) = parse_ok("---\ndepends_on:\n  - a\n  - bee # why\n---\n");
    let Value::Seq(items) = &fm.get("depends_on").unwrap().value.value else { panic!() };
    assert_eq!(at(&sources, &items[1].span), (4, 5, "bee".into()));
}

#[test]
fn yaml_errors_point_at_the_line_in_the_file() {
    let (message, place) = parse_err("---\ntitle: A\nowner: [a\nstatus: x\n---\n");
    assert!(message.starts_with("invalid YAML"), "{message}");
    assert!(place.0 >= 3, "{place:?}");
    let (message, place) = parse_err("---\ntitle: A: B\n---\n");
    assert!(message.contains("mapping values are not allowed"), "{message}");
    assert_eq!(place, (2, 9));
}

#[test]
fn tabs_duplicates_and_bombs_are_diagnostics() {
    let (message, place) = parse_err("---\ntitle: A\nkpis:\n\t- name: x\n---\n");
    assert!(message.starts_with("invalid YAML"), "{message}");
    assert_eq!(place.0, 4);
    let (message, place) = parse_err("---\ntitle: A\ntitle: B\n---\n");
    assert!(message.contains("duplicate entry"), "{message}");
    assert_eq!(place, (3, 1));
    let (_, place) =
        parse_err("---\ntitle: A\nkpis:\n  - name: a\n    target: 1\n    name: b\n---\n");
    assert_eq!(place, (6, 5));
    let mut bomb = String::from("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for (n, prev) in ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        bomb.push_str(&format!("{n}: &{n} [{refs}]\n").replace("&&", "&"));
    }
    bomb.push_str("---\n");
    let (message, _) = parse_err(&bomb);
    assert!(message.contains("repetition limit"), "{message}");
    let deep = format!("---\na: {}{}\n---\n", "[".repeat(500), "]".repeat(500));
    let (message, _) = parse_err(&deep);
    assert!(message.contains("recursion limit"), "{message}");
}

#[test]
fn frontmatter_must_be_a_mapping() {
    let (message, place) = parse_err("---\n- a\n- b\n---\n");
    assert_eq!(message, "expected `key: value` lines, not a list");
    assert_eq!(place, (2, 1));
}

#[test]
fn empty_frontmatter_has_no_fields() {
    let (fm, _) = parse_ok("---\n---\nbody");
    assert!(fm.fields.is_empty());
}

#[test]
fn positions_leave_the_message() {
    assert_eq!(
        strip_positions(
            "did not find expected ',' at line 4 column 6, while parsing a flow sequence at line 2 column 13"
        ),
        (
            "did not find expected ',', while parsing a flow sequence".to_owned(),
            vec![(4, 6), (2, 13)]
        )
    );
    assert_eq!(strip_positions("x at line y"), ("x at line y".to_owned(), vec![]));
}

#[test]
fn quoted_keys_are_found_by_their_decoded_text() {
    let text = "---\ntitle: T\n\"ti\\u0074el\": x\n'it''s': y\n\"a\\\"b\": z\n\"\\x41\\t\": w\nowner: IT\n---\n";
    let (fm, sources) = parse_ok(text);
    let keys: Vec<(usize, usize, String)> =
        fm.fields.iter().map(|f| at(&sources, &f.key_span)).collect();
    assert_eq!(
        keys,
        [
            (2, 1, "title".into()),
            (3, 1, "\"ti\\u0074el\"".into()),
            (4, 1, "'it''s'".into()),
            (5, 1, "\"a\\\"b\"".into()),
            (6, 1, "\"\\x41\\t\"".into()),
            (7, 1, "owner".into())
        ]
    );
    assert_eq!(fm.fields[1].key, "titel");
    assert_eq!(fm.fields[2].key, "it's");
    assert_eq!(at(&sources, &fm.fields[2].value.span), (4, 10, "y".into()));
    assert_eq!(at(&sources, &fm.get("owner").unwrap().value.span), (7, 8, "IT".into()));
}

#[test]
fn keys_written_unlike_their_value_are_found_by_place() {
    // serde_yaml reads `0x1F` as 31 and `True` as true.
    let (fm, sources) = parse_ok("---\ntitle: T\n0x1F: a\nTrue: b\n---\n");
    assert_eq!(fm.fields[1].key, "31");
    assert_eq!(at(&sources, &fm.fields[1].key_span), (3, 1, "0x1F".into()));
    assert_eq!(at(&sources, &fm.fields[2].key_span), (4, 1, "True".into()));
    assert_eq!(at(&sources, &fm.fields[2].value.span), (4, 7, "b".into()));
}

#[test]
fn many_escaped_keys_each_on_its_own_line() {
    let mut text = String::from("---\ntitle: T\n");
    for i in 0..2_000 {
        text.push_str("\"k\\u0030");
        text.push_str(&i.to_string());
        text.push_str("\": v");
        text.push_str(&i.to_string());
        text.push('\n');
    }
    text.push_str("---\n");
    let (fm, sources) = parse_ok(&text);
    assert_eq!(fm.fields.len(), 2_001);
    let last = &fm.fields[2_000];
    assert_eq!(last.key, "k01999");
    assert_eq!(at(&sources, &last.key_span).0, 2_002);
    assert_eq!(at(&sources, &last.value.span), (2_002, 16, "v1999".into()));
}

#[test]
fn flow_items_are_split_outside_quotes_and_brackets() {
    let (fm, sources) = parse_ok("---\ndirections: [\"a, b\", 'c''d' , [e, f], g]\n---\n");
    let Value::Seq(items) = &fm.get("directions").unwrap().value.value else { panic!() };
    let found: Vec<(usize, usize, String)> = items.iter().map(|i| at(&sources, &i.span)).collect();
    assert_eq!(
        found,
        [
            (2, 14, "\"a, b\"".into()),
            (2, 22, "'c''d'".into()),
            (2, 31, "[e, f]".into()),
            (2, 39, "g".into())
        ]
    );
    assert_eq!(items[1].value, Value::Str("c'd".into()));
}

#[test]
fn plain_keys_may_hold_colons() {
    let (fm, sources) = parse_ok("---\ntitle: T\nurl:x: y\n---\n");
    assert_eq!(fm.fields[1].key, "url:x");
    assert_eq!(at(&sources, &fm.fields[1].key_span), (3, 1, "url:x".into()));
}

/// Every number in `fm` (any depth) as its text, with where it is written.
fn numbers(fm: &Frontmatter, sources: &Sources) -> Vec<(String, (usize, usize, String))> {
    fn walk(node: &Node, sources: &Sources, out: &mut Vec<(String, (usize, usize, String))>) {
        match &node.value {
            Value::Number(n) => out.push((n.clone(), at(sources, &node.span))),
            Value::Seq(items) => items.iter().for_each(|i| walk(i, sources, out)),
            Value::Map(fields) => fields.iter().for_each(|f| walk(&f.value, sources, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    fm.fields.iter().for_each(|f| walk(&f.value, sources, &mut out));
    out
}

#[test]
fn numbers_are_read_as_written_wherever_they_are() {
    let text = "---\nnumber: 1.10\nbig: 1e3 # a comment\nlist: [1.20, \"x, y\", 2.50]\nblock:\n  - 3.00\n  - {name: \"a, b\", target: 1.30}\nkpis: {baseline: 0.50,\n  target: 7.0e1}\nanchored: &a 4.40\nflow: [{name: x, target: 5.50}]\n---\n";
    let (fm, sources) = parse_ok(text);
    let found = numbers(&fm, &sources);
    let expected = [
        ("1.10", (2, 9)),
        ("1e3", (3, 6)),
        ("1.20", (4, 8)),
        ("2.50", (4, 22)),
        ("3.00", (6, 5)),
        ("1.30", (7, 28)),
        ("0.50", (8, 18)),
        ("7.0e1", (9, 11)),
        ("4.40", (10, 11)),
        ("5.50", (11, 26)),
    ];
    let found: Vec<(&str, (usize, usize))> =
        found.iter().map(|(n, (l, c, _))| (n.as_str(), (*l, *c))).collect();
    assert_eq!(found, expected);
    let Value::Seq(block) = &fm.get("block").unwrap().value.value else { panic!() };
    let Value::Map(kpi) = &block[1].value else { panic!() };
    assert_eq!(kpi[0].value.value, Value::Str("a, b".into()));
    assert_eq!(at(&sources, &kpi[1].key_span), (7, 20, "target".into()));
}

#[test]
fn a_decimal_whose_text_cannot_be_found_is_reported() {
    let text = "---\nfirst: &a 1.10\nsecond: *a\nwhole: &b 7\nagain: *b\n---\n";
    let mut sources = Sources::default();
    let id = sources.add("t.md", text);
    let mut diags = Diagnostics::new();
    let fm = parse(id, text, &mut diags).expect("parses");
    let messages: Vec<(usize, &str)> = diags
        .items()
        .iter()
        .map(|d| {
            (
                sources.line_col(id, d.primary.as_ref().unwrap().span.range.start).0,
                d.message.as_str(),
            )
        })
        .collect();
    assert_eq!(messages, [(3, "stratdoc cannot find how this number is written")]);
    assert_eq!(fm.get("again").unwrap().value.value, Value::Number("7".into()));
}
