//! The templates' guards: rings, the environment, nesting, framing; and the
//! built-in theme builds.

use super::nesting::MAX_NESTING;
use super::*;
use crate::diagnostics::Sources;
use crate::source::{Origin, TemplateFile};

fn check(templates: &[(&str, &str)]) -> (Result<Templates, Error>, Diagnostics, Sources) {
    let mut sources = Sources::default();
    let mut theme = Theme::built_in();
    for (name, text) in templates {
        let source = Some(sources.add(format!("templates/{name}"), *text));
        theme.templates.retain(|t| t.name != *name);
        theme.templates.push(TemplateFile {
            name: (*name).to_owned(),
            text: (*text).to_owned(),
            origin: Origin::Project,
            source,
        });
    }
    let mut diags = Diagnostics::new();
    let result = Templates::new(&theme, &mut diags);
    (result, diags, sources)
}

fn reported(diags: &Diagnostics, sources: &Sources) -> Vec<(String, Option<(usize, usize)>)> {
    diags
        .items()
        .iter()
        .map(|d| {
            let at =
                d.primary.as_ref().map(|l| sources.line_col(l.span.source, l.span.range.start));
            (d.message.clone(), at)
        })
        .collect()
}

#[test]
fn a_project_base_extending_base_is_a_cycle_with_advice() {
    let (result, diags, sources) =
        check(&[("base.html", "{% extends \"base.html\" %}\n{% block main %}{% endblock %}")]);
    assert!(matches!(result, Err(Error::Theme(_))));
    assert_eq!(
        reported(&diags, &sources),
        [("template cycle: base.html → base.html".to_owned(), Some((1, 12)))]
    );
    assert!(diags.items()[0].help.as_deref().unwrap().contains("copy the theme's `base.html`"));
}

#[test]
fn include_and_import_rings_are_found_wherever_the_reference_hides() {
    let (_, diags, sources) = check(&[
        ("page.html", "{% if x %}{% for a in b %}{% include 'page.html' %}{% endfor %}{% endif %}"),
        (
            "a.html",
            "{% block b %}{%- include [\"missing.html\", \"b.html\"] ignore missing %}{% endblock %}",
        ),
        ("b.html", "{% macro m() %}{% include \"a.html\" %}{% endmacro %}"),
        ("m.html", "{% import \"m.html\" as m %}"),
    ]);
    assert_eq!(
        reported(&diags, &sources),
        [
            ("template cycle: a.html → b.html → a.html".to_owned(), Some((1, 27))),
            ("template cycle: m.html → m.html".to_owned(), Some((1, 11))),
            ("template cycle: page.html → page.html".to_owned(), Some((1, 38))),
        ]
    );
}

#[test]
fn get_env_is_unavailable() {
    let secret = std::env::var("PATH").unwrap_or_default();
    let (result, _, _) = check(&[("page.html", "{{ get_env(name=\"PATH\") }}")]);
    let err = result
        .unwrap()
        .render("page.html", &tera::Context::new(), &tera::Context::new())
        .unwrap_err();
    let mut chain = format!("{err}");
    let mut source = std::error::Error::source(&err);
    while let Some(cause) = source {
        chain = format!("{chain} / {cause}");
        source = cause.source();
    }
    assert!(chain.contains("`get_env` is not available"), "{chain}");
    assert!(secret.is_empty() || !chain.contains(&secret));
}

#[test]
fn nesting_is_bounded_before_tera_recurses() {
    let deep = |n: usize| format!("<p>\n{}x{}", "{% if a %}".repeat(n), "{% endif %}".repeat(n));
    assert_eq!(too_deep(&deep(MAX_NESTING)), None);
    assert_eq!(too_deep(&deep(MAX_NESTING + 1)), Some(4 + MAX_NESTING * 10));
    let (result, diags, sources) = check(&[("page.html", &deep(5000))]);
    assert!(matches!(result, Err(Error::Theme(_))));
    assert_eq!(
        reported(&diags, &sources),
        [("`page.html` nests more than 100 levels deep".to_owned(), Some((2, 1001)))]
    );
    let brackets = |n: usize| format!("{{{{ {}1{} }}}}", "(".repeat(n), ")".repeat(n));
    assert_eq!(too_deep(&brackets(MAX_NESTING)), None);
    assert!(too_deep(&brackets(MAX_NESTING + 1)).is_some());
    assert_eq!(too_deep(&format!("{{{{ \"{}\" }}}}", "(".repeat(500))), None);
    assert_eq!(too_deep(&format!("{{% raw %}}{}{{% endraw %}}", "{% if a %}".repeat(500))), None);
    for (name, text) in &Theme::built_in()
        .templates
        .iter()
        .map(|t| (t.name.clone(), t.text.clone()))
        .collect::<Vec<_>>()
    {
        assert_eq!(too_deep(text), None, "{name}");
    }
}

#[test]
fn a_template_that_brings_in_another_document_is_refused() {
    let (result, diags, sources) = check(&[(
        "page.html",
        "{% extends \"base.html\" %}\n{% block main %}<Embed\n src=\"file:///etc/passwd\">{% endblock %}",
    )]);
    assert!(matches!(result, Err(Error::Theme(_))));
    assert_eq!(
        reported(&diags, &sources),
        [(
            "template `page.html`: `<embed>` embeds another document in the page".to_owned(),
            Some((2, 17))
        )]
    );
}

#[test]
fn the_built_in_theme_builds() {
    assert!(Templates::embedded().is_ok());
}

#[test]
fn a_page_prints_its_variables_escaped_through_the_writer_as_through_a_string() {
    // `{{ x }}` goes through `write_escaped`; with a filter, through
    // `escape_html`: the page is the same either way.
    let (result, _, _) = check(&[(
        "t.html",
        "{{ a }}|{{ a | upper }}|{{ n }}|{{ not a }}|{{ a | safe }}|{% set b = a %}{{ b }}",
    )]);
    let templates = result.unwrap();
    let mut context = tera::Context::new();
    context.insert("a", "Æ & <b>");
    context.insert("n", &3);
    let html = templates.render("t.html", &tera::Context::new(), &context).unwrap();
    assert_eq!(html, "Æ &amp; &lt;b&gt;|Æ &amp; &lt;B&gt;|3|false|Æ & <b>|Æ &amp; &lt;b&gt;");
}
