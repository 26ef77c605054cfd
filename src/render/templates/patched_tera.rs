//! What stratdoc's patch to Tera (`vendor/tera/PATCHED.md`) must keep: the
//! output of the published Tera where it changed how Tera works, and the
//! one thing it adds, a render of one context over another.

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
fn a_macro_printed_as_it_is_writes_what_it_did_through_a_string() {
    // Tera is patched (vendor/tera/PATCHED.md) to write a macro called in
    // `{{ }}` without filters straight into the output; with a filter, in a
    // test or escaped, it goes through a string as before.
    let mut tera = tera::Tera::default();
    let macros = "{% macro b(x) %}<b>{{ x }}</b>{% endmacro b %}\
                  {% macro two(x) %}{{ self::b(x=x) }}&{{ self::b(x=x) }}{% endmacro two %}";
    tera.add_raw_templates([
        ("m.html", macros),
        (
            "t.html",
            "{% import \"m.html\" as m %}{{ m::two(x=v) }}|{{ m::b(x=v) | upper }}|\
             {% if m::b(x=v) %}yes{% endif %}|{{- m::b(x='') -}} |",
        ),
    ])
    .unwrap();
    let mut context = tera::Context::new();
    context.insert("v", "a<");
    assert_eq!(
        tera.render("t.html", &context).unwrap(),
        // A filter's result is escaped (Tera's own escaping, in this bare Tera).
        "<b>a&lt;</b>&<b>a&lt;</b>|&lt;B&gt;A&amp;LT;&lt;&#x2F;B&gt;|yes|<b></b>|"
    );
}

#[test]
fn a_render_finds_in_the_shared_context_what_its_own_lacks() {
    // Tera is patched (vendor/tera/PATCHED.md) to render one context over
    // another, so a build's shared values are not copied into each page's.
    let mut tera = tera::Tera::default();
    tera.add_raw_template("t", "{{ t.ok }} {{ description }} {{ site.title }}").unwrap();
    tera.add_raw_template("dump", "{{ __tera_context }}").unwrap();
    let mut shared = tera::Context::new();
    shared.insert("t", &serde_json::json!({ "ok": "Ja" }));
    shared.insert("description", "fælles");
    shared.insert("site", &serde_json::json!({ "title": "Strategi" }));
    let mut own = tera::Context::new();
    own.insert("description", "egen");
    let render = |name| {
        let mut out = Vec::new();
        tera.render_to_over(name, &shared, &own, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    assert_eq!(render("t"), "Ja egen Strategi");
    let dump = render("dump");
    assert!(
        dump.contains("Strategi") && dump.contains("egen") && !dump.contains("fælles"),
        "{dump}"
    );
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

/// `error` and the errors under it, as one line.
fn reasons(error: &tera::Error) -> String {
    std::iter::successors(Some(error as &dyn std::error::Error), |e| e.source())
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" / ")
}

#[test]
fn a_variable_printed_as_it_is_is_escaped_into_the_output() {
    // Tera is patched (vendor/tera/PATCHED.md) to write `{{ name }}` through
    // the escape function that writes, when one is set; a filter, a test or
    // a changed escape function goes through the string as before.
    fn to_upper(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(text.to_uppercase().as_bytes())
    }
    let mut tera = tera::Tera::default();
    tera.add_raw_templates([
        ("t.html", "{{ a }}|{{ a | lower }}|{{ n }}|{{ not a }}"),
        ("missing.html", "{{ missing }}"),
    ])
    .unwrap();
    let mut context = tera::Context::new();
    context.insert("a", "x<");
    context.insert("n", &1);
    tera.set_escape_fn_to(to_upper);
    assert_eq!(tera.render("t.html", &context).unwrap(), "X<|x&lt;|1|false");
    let error = tera.render("missing.html", &context).unwrap_err();
    assert!(reasons(&error).contains("Variable `missing` not found"), "{}", reasons(&error));
    tera.set_escape_fn(|text| text.replace('<', "[lt]"));
    assert_eq!(tera.render("t.html", &context).unwrap(), "x[lt]|x[lt]|1|false");
}
