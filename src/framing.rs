//! Markup that brings another document into a page or sends the reader to
//! one: frames (`iframe`, `frame`, `frameset`, `portal`, `fencedframe`),
//! embedded objects (`object`, `embed`, `applet`), `base` (which moves every
//! relative address of the page) and `meta http-equiv` (`refresh` loads
//! another address). The browser that prints the board edition would print
//! whatever they point to — with `file:` or `../`, a file of the machine
//! that builds — so they are refused wherever the output gets its markup
//! from: raw HTML in the pages and the project's templates.
//!
//! The scan reads every `<` followed by a letter, whatever surrounds it. In
//! a comment, an attribute value or `<textarea>` such a tag is inert, but
//! what counts as "in" depends on the parser's state (`<svg><style>` holds
//! markup, not text; `<noscript>` is markup when script is off), and a scan
//! that guessed it wrong would let one through. So a tag merely shown in a
//! comment is reported too: that errs on the safe side.

use std::ops::Range;

use crate::diagnostics::{Code, Diagnostic, Span};
use crate::markup;
use crate::source::{Origin, TemplateFile};

/// Elements that show, embed or redirect to another document.
const ELEMENTS: [&str; 9] =
    ["iframe", "frame", "frameset", "portal", "fencedframe", "object", "embed", "applet", "base"];

/// One such tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// From its `<` to the end of its name (for `meta`, of the `http-equiv` attribute).
    pub at: Range<usize>,
    /// The element, lowercased: `iframe`, or `meta` for `<meta http-equiv>`.
    pub element: &'static str,
}

/// Every tag in `text` that brings in or leads to another document, in order.
#[must_use]
pub fn find(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    for (lt, name_end) in markup::tag_starts(text) {
        let name = markup::local_name(&text[lt + 1..name_end]);
        if let Some(element) = ELEMENTS.iter().find(|e| e.eq_ignore_ascii_case(name)) {
            found.push(Found { at: lt..name_end, element });
        } else if name.eq_ignore_ascii_case("meta") {
            let (attributes, _) = markup::attributes(text, name_end);
            if let Some(a) = attributes.iter().find(|a| a.name.eq_ignore_ascii_case("http-equiv")) {
                found.push(Found { at: lt..a.at + a.name.len(), element: "meta" });
            }
        }
    }
    found
}

/// What `found` does, for a message.
fn what(found: &Found) -> String {
    match found.element {
        "meta" => "`<meta http-equiv>` can reload the page or send the reader to another address"
            .to_owned(),
        "base" => "`<base>` changes where every relative address of the page leads".to_owned(),
        "object" | "embed" | "applet" => {
            format!("`<{}>` embeds another document in the page", found.element)
        }
        element => format!("`<{element}>` shows another document inside the page"),
    }
}

const HELP: &str = "stratdoc refuses markup that brings in or leads to another document: in the board edition it could show a file of the machine that prints it. Link to the document instead: `[title](https://…)`";

/// The error for `found` in a page, at `span`.
#[must_use]
pub fn in_page(found: &Found, span: Span) -> Diagnostic {
    Diagnostic::error(span, what(found)).code(Code::FramingHtml).help(HELP.to_owned())
}

/// An error for each such tag in the project's and the theme's templates
/// (the built-in ones have none): they would bring it into every page.
#[must_use]
pub fn in_templates(templates: &[TemplateFile]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for file in templates.iter().filter(|t| t.origin != Origin::BuiltIn) {
        for found in find(&file.text) {
            let message = format!("template `{}`: {}", file.name, what(&found));
            let diagnostic = match file.source {
                Some(source) => Diagnostic::error(Span::new(source, found.at.clone()), message)
                    .code(Code::FramingHtml),
                None => Diagnostic::global(message).code(Code::FramingHtml),
            };
            out.push(diagnostic.help(HELP.to_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elements(text: &str) -> Vec<(&'static str, &str)> {
        find(text).into_iter().map(|f| (f.element, &text[f.at])).collect()
    }

    #[test]
    fn finds_frames_and_objects_however_they_are_written() {
        assert_eq!(
            elements(
                "<IFRAME/src=file:///etc/passwd><p title=\"a > b\"><Object data=x>\
                 <embed\tsrc=../x><frameset><frame src=x><portal src=x><FencedFrame>\
                 <applet code=x><svg:iframe><base href=\"file:///\">"
            ),
            [
                ("iframe", "<IFRAME"),
                ("object", "<Object"),
                ("embed", "<embed"),
                ("frameset", "<frameset"),
                ("frame", "<frame"),
                ("portal", "<portal"),
                ("fencedframe", "<FencedFrame"),
                ("applet", "<applet"),
                ("iframe", "<svg:iframe"),
                ("base", "<base"),
            ]
        );
    }

    #[test]
    fn finds_meta_http_equiv_in_any_attribute_order_and_case() {
        assert_eq!(
            elements("<meta content=\"0;url=file:///etc/passwd\" HTTP-EQUIV=Refresh>"),
            [("meta", "<meta content=\"0;url=file:///etc/passwd\" HTTP-EQUIV")]
        );
        assert_eq!(elements("<META\nhttp-equiv\n=\n'refresh' content=0>")[0].0, "meta");
        // A `>` in a quoted value does not end the tag.
        assert_eq!(elements("<meta name=\">\" http-equiv=refresh>")[0].0, "meta");
        assert!(elements("<meta name=\"viewport\" content=\"x\"><meta charset=utf-8>").is_empty());
    }

    #[test]
    fn reports_what_a_browser_might_read_as_a_tag_wherever_it_stands() {
        // In raw text, comments and values they are inert, but the parser's
        // state decides that (`<svg><style>` holds markup): they count.
        for text in [
            "<!-- <iframe src=x> -->",
            "<svg><style><embed src=x></style></svg>",
            "<p title=\"<object>\">",
            "<noscript><iframe src=x></noscript>",
        ] {
            assert_eq!(find(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn ordinary_markup_passes() {
        for text in [
            "<p>iframe, object and embed named in text</p><img src=x alt=\"frame\">",
            "<a href=\"base.md\">base</a> <baseline> <iframes> <objects> <embedded> <framed>",
            "a < iframe and a <3 b",
            "<details><summary>x</summary></details>",
        ] {
            assert_eq!(find(text), [], "{text}");
        }
    }
}
