//! Conformance over the `CommonMark` spec's own examples
//! (`tests/fixtures/commonmark/spec.txt`, 652 examples): link checking, link
//! rewriting and typographic quotes must never change what the spec says a
//! document means.
//!
//! Each example is the body of a page in a small publication and goes
//! through stratdoc's Markdown path: outline (`markdown::parse`), link
//! resolution (`xref::resolve`) and `markdown::to_html`, in English and in
//! Danish. It is compared with plain pulldown-cmark's HTML for the same text
//! and parser options. The only differences allowed are stratdoc's own
//! markup, each checked on its own:
//!
//! 1. heading ids (stratdoc gives every heading one);
//! 2. the scrolling wrapper around tables (no spec example has a table);
//! 3. link destinations stratdoc rewrote: with the resolved targets the
//!    HTML may differ from the one written with every link as written only
//!    in `href`/`src` values, and in no more of them than links it rewrote;
//! 4. Danish quotes: the Danish HTML is the English one with `“”` as `»«`
//!    outside `<code>`, and equal inside it.
//!
//! Any other difference fails (footnotes and task lists are not
//! `CommonMark`; their markup is tested in `src/markdown/tests.rs`). With
//! spec 0.31.2: 612 examples unchanged, 40 differ only in heading ids; links
//! are rewritten in 10 and Danish quotes set in 17, each only as allowed.
//! Run with `--nocapture` to see the counts.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use pulldown_cmark::{Parser, html};
use stratdoc::config::{Config, Language};
use stratdoc::diagnostics::{Diagnostics, Sources};
use stratdoc::frontmatter;
use stratdoc::markdown::{self, Href, HtmlOptions};
use stratdoc::model::{self, Parsed};
use stratdoc::source::Asset;
use stratdoc::xref;

use crate::support::fixtures;

/// One example of the spec.
struct Example {
    number: usize,
    section: String,
    markdown: String,
}

/// The examples of `spec.txt`, read as the package's `index.js` reads them.
fn examples() -> Vec<Example> {
    let spec = fs::read_to_string(fixtures().join("commonmark/spec.txt")).expect("the spec");
    let fence = "`".repeat(32);
    let mut examples = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line == "<!-- END TESTS -->" {
            break;
        }
        if line.starts_with('#') {
            line.trim_start_matches('#').trim().clone_into(&mut section);
        } else if line == format!("{fence} example") {
            let mut markdown = String::new();
            for line in lines.by_ref().take_while(|l| *l != ".") {
                markdown.push_str(line);
                markdown.push('\n');
            }
            lines.by_ref().take_while(|l| *l != fence).for_each(drop);
            examples.push(Example {
                number: examples.len() + 1,
                section: section.clone(),
                markdown: markdown.replace('→', "\t"),
            });
        }
    }
    examples
}

/// What stratdoc writes for one example.
struct Html {
    /// With every link as written.
    links_as_written: String,
    /// With the links xref resolved.
    resolved: String,
    /// Links xref gave a new destination.
    rewritten: usize,
}

const FRONTMATTER: &str = "---\ntitle: T\n---\n";

fn write(markdown: &str, language: Language) -> Html {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let purpose = sources.add("content/purpose.md", "---\ntitle: Formål\n---\nx\n");
    let target = sources.add("content/target.md", "---\ntitle: Target\n---\nx\n");
    let page = sources.add("content/page.md", format!("{FRONTMATTER}{markdown}"));
    let parsed: Vec<Parsed> = [(purpose, "purpose.md"), (target, "target.md"), (page, "page.md")]
        .into_iter()
        .map(|(id, path)| {
            let text = sources.get(id).text();
            Parsed::new(id, path, frontmatter::parse(id, text, &mut diags), text)
        })
        .collect();
    // Files named like the spec's relative destinations, so links resolve
    // (most get a new, slugged address: `my url` -> `my-url`).
    let assets = ["url", "first", "train.jpg", "moon.jpg", "foo bä", "b)c", "my url", "my_(url)"]
        .into_iter()
        .chain(["(foo)", "foo(and(bar))", "foo(and(bar)", "baz*"])
        .map(|rel| Asset { rel: rel.to_owned(), abs: PathBuf::from("/nonexistent").join(rel) })
        .collect();
    let config = Config { title: "T".into(), language, ..Config::default() };
    let as_of = stratdoc::calendar::Quarter { year: 2027, quarter: 1 };
    let publication = model::validate(&parsed, assets, &config, false, as_of, &mut diags);
    let options = HtmlOptions { language, allow_html: true };
    let docs: Vec<markdown::Doc<'_>> = publication
        .pages
        .iter()
        .map(|p| markdown::parse(p.source, sources.get(p.source).text(), p.body.clone(), options))
        .collect();
    let at = publication.by_path("page.md").expect("the page");
    let doc = &docs[at.index()];
    let found = xref::Index::new(&publication).links(at, doc, &mut Vec::new(), &mut diags);
    let targets: Vec<Href> =
        found.iter().map(|t| t.site_href(&publication[at], &publication)).collect();
    assert_eq!(doc.links.len(), targets.len(), "one target per link");
    Html {
        links_as_written: markdown::to_html(doc, &vec![Href::Keep; targets.len()], &[], options),
        resolved: markdown::to_html(doc, &targets, &[], options),
        rewritten: targets.iter().filter(|t| **t != Href::Keep).count(),
    }
}

fn reference(markdown: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, markdown::parser_options()));
    out
}

/// `html` without heading ids.
fn without_heading_ids(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        let (before, tag) = rest.split_at(at);
        out.push_str(before);
        let is_heading = tag.as_bytes().get(2).is_some_and(|b| (b'1'..=b'6').contains(b))
            && tag.as_bytes().get(3).is_some_and(|b| matches!(b, b' ' | b'>'));
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        if is_heading {
            out.push_str(&drop_attribute(&tag[..end], "id"));
        } else {
            out.push_str(&tag[..end]);
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// A tag without its `name="…"` attribute.
fn drop_attribute(tag: &str, name: &str) -> String {
    let needle = format!(" {name}=\"");
    match tag.find(&needle) {
        Some(start) => {
            let value = start + needle.len();
            let end = tag[value..].find('"').map_or(tag.len(), |e| value + e + 1);
            format!("{}{}", &tag[..start], &tag[end..])
        }
        None => tag.to_owned(),
    }
}

/// `html` without the table wrapper stratdoc adds.
fn without_table_wrapper(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for line in html.split_inclusive('\n') {
        if line.starts_with("<div class=\"table-wrap\"") {
            continue;
        }
        out.push_str(line);
    }
    out.replace("</table>\n</div>\n", "</table>\n")
}

/// `html` with every `href`/`src` value replaced by `…`, and the values.
fn mask_destinations(html: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(html.len());
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(at) =
        ["href=", "src="].iter().filter_map(|a| rest.find(a).map(|i| i + a.len())).min()
    {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let len = match rest.as_bytes().first() {
            Some(&q @ (b'"' | b'\'')) => {
                rest[1..].find(char::from(q)).map_or(rest.len(), |e| e + 2)
            }
            _ => rest.find([' ', '>', '\n']).unwrap_or(rest.len()),
        };
        values.push(rest[..len].trim_matches(['"', '\'']).to_owned());
        out.push('…');
        rest = &rest[len..];
    }
    out.push_str(rest);
    (out, values)
}

/// Splits `html` into (outside code, inside `<code>…</code>`) pieces.
fn code_pieces(html: &str) -> Vec<(bool, &str)> {
    let mut pieces = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<code") {
        let close = rest[open..].find("</code>").map_or(rest.len(), |c| open + c + 7);
        pieces.push((false, &rest[..open]));
        pieces.push((true, &rest[open..close]));
        rest = &rest[close..];
    }
    pieces.push((false, rest));
    pieces
}

#[test]
fn stratdoc_keeps_what_every_commonmark_example_means() {
    let examples = examples();
    assert_eq!(examples.len(), 652, "the spec's examples");
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for example in &examples {
        let expected = reference(&example.markdown);
        let en = write(&example.markdown, Language::En);
        let da = write(&example.markdown, Language::Da);
        let mut fail = |what: &str, got: &str, want: &str| {
            failures.push(format!(
                "example {} ({}): {what}\n--- markdown\n{}--- stratdoc\n{got}--- pulldown-cmark\n{want}",
                example.number, example.section, example.markdown
            ));
        };

        // 1–2: with links as written, only stratdoc's own markup differs.
        let mut category = "unchanged";
        if en.links_as_written != expected {
            let no_ids = without_heading_ids(&en.links_as_written);
            let normalised = without_table_wrapper(&no_ids);
            category = if no_ids == without_heading_ids(&expected) {
                "heading ids"
            } else if normalised == without_heading_ids(&expected) {
                "table wrapper"
            } else {
                fail("HTML differs", &en.links_as_written, &expected);
                "failed"
            };
        }
        *counts.entry(category).or_default() += 1;

        // 3: resolving links changes only link destinations.
        let (resolved, new) = mask_destinations(&en.resolved);
        let (written, old) = mask_destinations(&en.links_as_written);
        if resolved != written {
            fail(
                "rewriting links changed more than destinations",
                &en.resolved,
                &en.links_as_written,
            );
        }
        let changed = new.iter().zip(&old).filter(|(a, b)| a != b).count();
        if changed > en.rewritten {
            fail(
                "more destinations changed than links rewritten",
                &en.resolved,
                &en.links_as_written,
            );
        }
        if changed > 0 {
            *counts.entry("link destinations rewritten").or_default() += 1;
        }

        // 4: Danish differs from English only in quotes outside code.
        let danish = |en: &str| {
            code_pieces(en)
                .into_iter()
                .map(|(code, piece)| {
                    if code {
                        piece.to_owned()
                    } else {
                        piece.replace('“', "»").replace('”', "«")
                    }
                })
                .collect::<String>()
        };
        // Ids of empty headings follow the language (`#afsnit`, `#section`).
        let (da_html, en_html) =
            (without_heading_ids(&da.resolved), without_heading_ids(&en.resolved));
        if da_html != danish(&en_html) {
            fail(
                "Danish differs from English beyond quotes outside code",
                &da.resolved,
                &en.resolved,
            );
        } else if da_html != en_html {
            *counts.entry("Danish quotes").or_default() += 1;
        }
    }
    eprintln!("CommonMark {} examples:", examples.len());
    for (category, count) in &counts {
        eprintln!("  {count:4} {category}");
    }
    assert!(failures.is_empty(), "{} failures:\n\n{}", failures.len(), failures.join("\n\n"));
}
