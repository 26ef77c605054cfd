//! The templates, ready to render: built from the [`Theme`] the load stage
//! read (no file access here), with three guards tera lacks. A ring of
//! templates that extend, include or import each other is refused before
//! anything renders, since tera would recurse until the stack overflows; and
//! `get_env`, the one tera built-in that reaches the machine, is replaced,
//! so a template cannot copy an environment variable (a CI secret) into the
//! site or the log. No other built-in reads the environment or a file, and
//! `include` only finds templates given here. And a template that writes
//! markup bringing in another document (an `<iframe>`) is refused, as raw
//! HTML in a page is (see [`crate::framing`]).

use std::collections::HashMap;
use std::ops::Range;

use tera::ast::Node;

use crate::artifact::OutputFile;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use crate::error::Error;
use crate::framing;
use crate::model::THEME_DIR;
use crate::source::{Origin, TemplateFile, Theme};

/// Parsed templates and the theme's static files.
pub struct Templates {
    tera: tera::Tera,
    /// Static theme files, at their place in the site (`theme/style.css`).
    pub(crate) statics: Vec<OutputFile>,
}

impl Templates {
    /// Parses and checks every template of `theme`. A template cycle is
    /// reported in `diags` at the reference that closes it.
    pub fn new(theme: &Theme, diags: &mut Diagnostics) -> Result<Templates, Error> {
        let mut parsed = Vec::with_capacity(theme.templates.len());
        for file in &theme.templates {
            // Checked before tera parses, which recurses per level too.
            if let Some(at) = too_deep(&file.text) {
                diags.push(too_deep_diagnostic(file, at));
                return Err(Error::Theme(theme.name.clone()));
            }
            let template = tera::Template::new(&file.name, None, &file.text).map_err(|e| {
                let source = tera::Error::chain(format!("Failed to parse '{}'", file.name), e);
                Error::Template { name: file.name.clone(), source }
            })?;
            parsed.push(template);
        }
        let errors = diags.errors();
        diags.extend(framing::in_templates(&theme.templates));
        report_cycles(&theme.templates, &parsed, diags);
        if diags.errors() > errors {
            return Err(Error::Theme(theme.name.clone()));
        }
        let mut tera = tera::Tera::default();
        tera.register_function("get_env", no_env);
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape_html);
        tera.templates = parsed.into_iter().map(|t| (t.name.clone(), t)).collect();
        tera.build_inheritance_chains()
            .and_then(|()| tera.check_macro_files())
            .map_err(|source| Error::Template { name: template_in_error(&source), source })?;
        let statics = theme
            .statics
            .iter()
            .map(|s| OutputFile {
                path: format!("{THEME_DIR}/{}", s.name),
                contents: s.contents.clone(),
            })
            .collect();
        Ok(Templates { tera, statics })
    }

    /// The built-in default theme alone (no project overrides).
    pub fn embedded() -> Result<Templates, Error> {
        Templates::new(&Theme::built_in(), &mut Diagnostics::new())
    }

    /// Renders template `name` with `context`.
    pub(crate) fn render(&self, name: &str, context: &tera::Context) -> Result<String, Error> {
        self.tera
            .render(name, context)
            .map_err(|source| Error::Template { name: name.to_owned(), source })
    }
}

/// Stands in for tera's `get_env`: templates never read the environment.
fn no_env(_: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    Err(tera::Error::msg(
        "`get_env` is not available: stratdoc's templates cannot read environment variables",
    ))
}

/// Escapes text for HTML text and quoted attributes. Unlike Tera's default it
/// leaves `/` alone: escaping it protects nothing in quoted attributes and
/// turns every relative URL into `..&#x2F;`.
pub(crate) fn escape_html(text: &str) -> String {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Tera names the failing template only inside its message.
fn template_in_error(err: &tera::Error) -> String {
    let text = err.to_string();
    text.split('\'').nth(1).unwrap_or("?").to_owned()
}

/// How deep a template may nest block tags and brackets. Tera parses and
/// renders nesting by recursion and overflows the stack a few hundred
/// levels down; no real template comes near this bound.
const MAX_NESTING: usize = 100;

/// Where `text` first nests deeper than [`MAX_NESTING`]: block tags (`if`,
/// `for`, `block`, `macro`, `filter`) and, within a tag, brackets.
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|at| at + from) {
        from = open + 1;
        let close = match bytes.get(open + 1) {
            Some(b'%') => "%}",
            Some(b'{') => "}}",
            _ => continue,
        };
        let start = open + 2;
        if close == "%}" {
            let word: String = text[start..]
                .trim_start_matches(['-', ' ', '\t', '\n', '\r'])
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            match word.as_str() {
                "if" | "for" | "block" | "macro" | "filter" => depth += 1,
                "endif" | "endfor" | "endblock" | "endmacro" | "endfilter" => {
                    depth = depth.saturating_sub(1);
                }
                "raw" => {
                    // Literal text up to `endraw`: nothing in it nests.
                    from = text[start..].find("endraw").map_or(bytes.len(), |at| at + start);
                    continue;
                }
                _ => {}
            }
            if depth > MAX_NESTING {
                return Some(open);
            }
        }
        let (mut inner, mut quote, mut at) = (depth, None, start);
        while at < bytes.len() && !(quote.is_none() && text[at..].starts_with(close)) {
            match (quote, bytes[at]) {
                (Some(q), c) if c == q => quote = None,
                (None, c @ (b'"' | b'\'' | b'`')) => quote = Some(c),
                (None, b'(' | b'[' | b'{') => {
                    inner += 1;
                    if inner > MAX_NESTING {
                        return Some(at);
                    }
                }
                (None, b')' | b']' | b'}') => inner = inner.saturating_sub(1),
                _ => {}
            }
            at += 1;
        }
        from = at.max(from);
    }
    None
}

fn too_deep_diagnostic(file: &TemplateFile, at: usize) -> Diagnostic {
    let message = format!("`{}` nests more than {MAX_NESTING} levels deep", file.name);
    let diagnostic = match file.source {
        Some(source) => {
            Diagnostic::error(Span::new(source, at..at + 2), message).code(Code::TemplateCycle)
        }
        None => Diagnostic::global(message).code(Code::TemplateCycle),
    };
    diagnostic.help(format!(
        "stratdoc stops at {MAX_NESTING} levels of tags and brackets, so that no template can exhaust the stack; flatten this one"
    ))
}

/// How one template uses another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    Extends,
    Includes,
    Imports,
}

impl Use {
    fn keyword(self) -> &'static str {
        match self {
            Use::Extends => "extends",
            Use::Includes => "include",
            Use::Imports => "import",
        }
    }
}

/// Every template `template` uses, in the order written (names that are
/// not templates are left to tera, which reports them as missing).
fn uses(template: &tera::Template) -> Vec<(String, Use)> {
    let mut out: Vec<(String, Use)> =
        template.parent.iter().map(|p| (p.clone(), Use::Extends)).collect();
    out.extend(template.imported_macro_files.iter().map(|(f, _)| (f.clone(), Use::Imports)));
    includes(&template.ast, &mut out);
    for definition in template.macros.values() {
        includes(&definition.body, &mut out);
    }
    out.dedup();
    out
}

fn includes(nodes: &[Node], out: &mut Vec<(String, Use)>) {
    for node in nodes {
        match node {
            Node::Include(_, names, _) => {
                out.extend(names.iter().map(|n| (n.clone(), Use::Includes)));
            }
            Node::Block(_, block, _) => includes(&block.body, out),
            Node::MacroDefinition(_, definition, _) => includes(&definition.body, out),
            Node::FilterSection(_, section, _) => includes(&section.body, out),
            Node::Forloop(_, for_loop, _) => {
                includes(&for_loop.body, out);
                includes(for_loop.empty_body.as_deref().unwrap_or_default(), out);
            }
            Node::If(branches, _) => {
                for (_, _, body) in &branches.conditions {
                    includes(body, out);
                }
                if let Some((_, body)) = &branches.otherwise {
                    includes(body, out);
                }
            }
            _ => {}
        }
    }
}

/// Finds every ring of templates (depth-first, in name order, so the report
/// is the same on every run) and reports each at the reference closing it.
fn report_cycles(files: &[TemplateFile], parsed: &[tera::Template], diags: &mut Diagnostics) {
    let index: HashMap<&str, usize> =
        parsed.iter().enumerate().map(|(i, t)| (t.name.as_str(), i)).collect();
    let edges: Vec<Vec<(usize, Use)>> = parsed
        .iter()
        .map(|t| {
            uses(t).into_iter().filter_map(|(n, u)| Some((*index.get(n.as_str())?, u))).collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..parsed.len()).collect();
    order.sort_by_key(|&i| &parsed[i].name);
    // 0 = not seen, 1 = on the current path, 2 = done. Iterative, so a long
    // chain of templates cannot overflow the stack either.
    let mut state = vec![0u8; parsed.len()];
    for start in order {
        if state[start] != 0 {
            continue;
        }
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(top) = path.last_mut() {
            let node = top.0;
            let Some(&(to, how)) = edges[node].get(top.1) else {
                state[node] = 2;
                path.pop();
                continue;
            };
            top.1 += 1;
            match state[to] {
                0 => {
                    state[to] = 1;
                    path.push((to, 0));
                }
                1 => {
                    let from = path.iter().position(|&(n, _)| n == to).unwrap_or(0);
                    let ring: Vec<usize> = path[from..].iter().map(|&(n, _)| n).collect();
                    diags.push(cycle(files, parsed, &ring, to, how));
                }
                _ => {}
            }
        }
    }
}

/// The diagnostic for `ring` (template indices), closed by the last one
/// using `to` in the way `how`.
fn cycle(
    files: &[TemplateFile],
    parsed: &[tera::Template],
    ring: &[usize],
    to: usize,
    how: Use,
) -> Diagnostic {
    let names: Vec<&str> = ring.iter().chain([&to]).map(|&i| parsed[i].name.as_str()).collect();
    let message = format!("template cycle: {}", names.join(" → "));
    let last = ring.last().copied().unwrap_or(to);
    let file = files.iter().find(|f| f.name == parsed[last].name);
    let name = &parsed[to].name;
    let help = match (how, file.map(|f| f.origin)) {
        (Use::Extends, Some(Origin::Project)) if last == to => format!(
            "a template in `templates/` replaces the theme's `{name}` of the same name, so it cannot extend it; copy the theme's `{name}` into `templates/` and edit the copy instead"
        ),
        (Use::Extends, Some(Origin::Theme)) if last == to => format!(
            "a theme's template replaces the built-in `{name}` of the same name, so it cannot extend it; copy the built-in `{name}` (in stratdoc's `themes/default/templates/`) into the theme and edit the copy instead"
        ),
        _ => "templates that extend, include or import each other in a ring never finish rendering; break the ring".to_owned(),
    };
    let at = file.and_then(|f| Some((f.source?, reference_at(&f.text, how.keyword(), name)?)));
    let diagnostic = match at {
        Some((source, range)) => {
            Diagnostic::error(Span::new(source, range), message).code(Code::TemplateCycle)
        }
        None => Diagnostic::global(message).code(Code::TemplateCycle),
    };
    diagnostic.help(help)
}

/// Where `{% keyword "name" %}` names `name` in `text`.
fn reference_at(text: &str, keyword: &str, name: &str) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(open) = text[from..].find("{%").map(|at| at + from + 2) {
        let close = text[open..].find("%}").map_or(text.len(), |at| at + open);
        let tag = &text[open..close];
        if tag.trim_start_matches(['-', ' ', '\t', '\n']).starts_with(keyword) {
            for quote in ['"', '\'', '`'] {
                let quoted = format!("{quote}{name}{quote}");
                if let Some(at) = tag.find(&quoted) {
                    return Some(open + at..open + at + quoted.len());
                }
            }
        }
        from = close;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Sources;

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
            (
                "page.html",
                "{% if x %}{% for a in b %}{% include 'page.html' %}{% endfor %}{% endif %}",
            ),
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
        let err = result.unwrap().render("page.html", &tera::Context::new()).unwrap_err();
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
        let deep =
            |n: usize| format!("<p>\n{}x{}", "{% if a %}".repeat(n), "{% endif %}".repeat(n));
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
        assert_eq!(
            too_deep(&format!("{{% raw %}}{}{{% endraw %}}", "{% if a %}".repeat(500))),
            None
        );
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
}
