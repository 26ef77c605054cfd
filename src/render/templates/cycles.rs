//! Rings of templates that extend, include or import each other, found
//! before anything renders (tera would recurse until the stack overflows)
//! and reported at the reference that closes each ring.

use std::collections::HashMap;
use std::ops::Range;

use tera::ast::Node;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use crate::source::{Origin, TemplateFile};

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
pub(super) fn report_cycles(
    files: &[TemplateFile],
    parsed: &[tera::Template],
    diags: &mut Diagnostics,
) {
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
