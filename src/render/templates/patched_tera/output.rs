//! How what is found is written: macros, contexts over contexts, escaping.

use super::reasons;

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
