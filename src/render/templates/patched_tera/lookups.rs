//! How names are found: dotted paths, indexes, macros and their arguments.

use super::reasons;

#[test]
fn a_dotted_variable_and_an_escaped_key_are_found() {
    // Tera's lookup of `a.b` is patched (vendor/tera/PATCHED.md) to undo a
    // part's pointer escapes only when it has any.
    let mut tera = tera::Tera::default();
    tera.add_raw_template("t", "{{ site.title }}|{{ site['a/b'] }}|{{ n }}").unwrap();
    let mut context = tera::Context::new();
    context.insert("site", &serde_json::json!({ "title": "Strategi", "a/b": "skråstreg" }));
    context.insert("n", &3);
    assert_eq!(tera.render("t", &context).unwrap(), "Strategi|skråstreg|3");
}

#[test]
fn a_plain_dotted_path_finds_what_the_bracketed_path_finds() {
    // Tera is patched (vendor/tera/PATCHED.md) to read a path of names and
    // numbers between dots in one pass, and any other through its machine.
    let mut tera = tera::Tera::default();
    let plain = "{{ p.rows.1.cells.0 }}|{% for r in p.rows %}{{ r.name }}{{ r.cells.1 }};{% endfor %}\
                 |{{ p.rows.0.name }}{% if p.none.x %}!{% endif %}{% if p.rows.7.name %}!{% endif %}";
    let bracketed = "{{ p['rows'][1][\"cells\"][0] }}|{% for r in p.rows %}{{ r['name'] }}{{ r.cells[1] }};{% endfor %}\
                     |{{ p[\"rows\"].0[\"name\"] }}{% if p['none'].x %}!{% endif %}{% if p.rows[7].name %}!{% endif %}";
    tera.add_raw_templates([("plain", plain), ("bracketed", bracketed)]).unwrap();
    let mut context = tera::Context::new();
    let rows =
        serde_json::json!([{ "name": "a", "cells": [1, 2] }, { "name": "b", "cells": [3, 4] }]);
    context.insert("p", &serde_json::json!({ "rows": rows, "none": {} }));
    let expected = "3|a2;b4;|a";
    assert_eq!(tera.render("plain", &context).unwrap(), expected);
    assert_eq!(tera.render("bracketed", &context).unwrap(), expected);
}

#[test]
fn an_index_a_variable_gives_finds_what_the_written_index_finds() {
    // Tera is patched (vendor/tera/PATCHED.md) to put a number a variable
    // gives into a path with one new string; other indexes go as before.
    let mut tera = tera::Tera::default();
    tera.add_raw_templates([
        (
            "t",
            "{% for s in row %}{{ cols[loop.index0].title }}={{ s }};{% endfor %}\
             |{{ cols[n].title }}{{ cols[1].title }}|{{ by[key].title }}|{{ by[cols[n].key].title }}",
        ),
        ("out", "{% for s in row %}{{ cols[loop.index].title }}{% endfor %}"),
    ])
    .unwrap();
    let mut context = tera::Context::new();
    context.insert("cols", &serde_json::json!([{ "title": "A", "key": "b/c" }, { "title": "B" }]));
    context.insert("row", &[true, false]);
    context.insert("n", &0);
    context.insert("key", "b/c");
    context.insert("by", &serde_json::json!({ "b/c": { "title": "skråstreg" } }));
    assert_eq!(tera.render("t", &context).unwrap(), "A=true;B=false;|AB|skråstreg|skråstreg");
    let error = tera.render("out", &context).unwrap_err();
    let reasons = reasons(&error);
    assert!(reasons.contains("the evaluated version was `cols.2.title`"), "{reasons}");
}

#[test]
fn macros_find_their_arguments_defaults_and_variables_in_the_fast_maps() {
    // Tera is patched (vendor/tera/PATCHED.md) to keep a frame's variables,
    // the macros and a call's arguments in maps with a fast hash: every name
    // is still found, in macros that call macros across namespaces, and a
    // missing argument is still named.
    let mut tera = tera::Tera::default();
    let macros = "{% macro item(label, mark='*', n=1) %}{% set twice = n * 2 %}\
                  {{ mark }}{{ label }}:{{ twice }}{% endmacro item %}\
                  {% macro list(items) %}{% for i in items %}\
                  {{ self::item(label=i.name, n=loop.index) }}{% endfor %}{% endmacro list %}";
    tera.add_raw_templates([
        ("m.html", macros),
        (
            "t.html",
            "{% import \"m.html\" as m %}{{ m::list(items=xs) }}|{{ m::item(label='a', mark='-') }}",
        ),
        ("bad.html", "{% import \"m.html\" as m %}{{ m::item(mark='-') }}"),
    ])
    .unwrap();
    let mut context = tera::Context::new();
    context.insert("xs", &serde_json::json!([{ "name": "x" }, { "name": "y" }]));
    assert_eq!(tera.render("t.html", &context).unwrap(), "*x:2*y:4|-a:2");
    let error = tera.render("bad.html", &context).unwrap_err();
    let reasons = reasons(&error);
    assert!(reasons.contains("missing the argument `label`"), "{reasons}");
}
