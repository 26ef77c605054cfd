//! How deep a template may nest, checked before tera parses it: tera parses
//! and renders nesting by recursion, so a deep enough template would
//! overflow the stack instead of being reported.

use crate::diagnostics::{Code, Diagnostic, Span};
use crate::source::TemplateFile;

/// How deep a template may nest block tags and brackets. Tera parses and
/// renders nesting by recursion and overflows the stack a few hundred
/// levels down; no real template comes near this bound.
pub(super) const MAX_NESTING: usize = 100;

/// Where `text` first nests deeper than [`MAX_NESTING`]: block tags (`if`,
/// `for`, `block`, `macro`, `filter`) and, within a tag, brackets.
pub(super) fn too_deep(text: &str) -> Option<usize> {
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

pub(super) fn too_deep_diagnostic(file: &TemplateFile, at: usize) -> Diagnostic {
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
