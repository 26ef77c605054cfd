//! The fuzz harnesses, shared by the cargo-fuzz targets in `fuzz/fuzz_targets/`
//! and by the regression test `tests/it/fuzz_corpus.rs`, which replays
//! `fuzz/regressions/<target>/` through the same functions. Only the public
//! API of `stratdoc` is used, so this file compiles in both crates.
//!
//! Besides "does not panic", each harness checks invariants the rest of the
//! program relies on: every span a diagnostic (or a parsed field) points at
//! lies inside its file and on `char` boundaries, and diagnostics render.
#![allow(
    dead_code,
    reason = "each fuzz target includes this file but calls only one of its entry points"
)]
#![allow(
    unreachable_pub,
    reason = "`pub` entry points in a private module; the main crate warns on that lint"
)]

use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use stratdoc::config::{Config, Language, Period};
use stratdoc::diagnostics::report::{Format, to_string};
use stratdoc::diagnostics::{Diagnostics, Span};
use stratdoc::frontmatter::{self, Field, Frontmatter, Node, Value};
use stratdoc::markdown::{self, HtmlOptions};
use stratdoc::model::{self, Parsed, Quarter};
use stratdoc::pipeline::{self, Options};
use stratdoc::render::Templates;
use stratdoc::source::{self, Asset, Content, PageSource, Sources};

/// A valid purpose statement that links to the other fixed pages.
const PURPOSE: &str = "---\ntitle: Formål\nsummary: Hvorfor vi findes.\n---\n\n\
    Vi arbejder i [retningen](directions/cyber.md#ambition) og fortæller om det i \
    [kapitlet](narrative/a.md).\n";

/// A valid direction with a heading to link to, linking back.
const DIRECTION: &str = "---\ntitle: Cyberrobusthed\norder: 1\nsummary: Robust drift.\n---\n\n\
    ## Ambition\n\nSe [formålet](../purpose.md) og [kapitlet](../narrative/a.md#top).\n";

/// A second initiative that depends on the fuzzed one (id `x`), so reference
/// and cycle checks have something to chew on.
const OTHER_INITIATIVE: &str = "---\ntitle: Y\ndirections: [cyber]\nowner: Driftsudvalget\n\
    start: 2027-Q1\nend: 2027-Q4\nstatus: active\ndepends_on: [x]\n---\n\nY.\n";

/// What frontmatter the fuzzed body of the `markdown` target is given.
const BODY_PAGE: &str = "---\ntitle: T\n---\n";

/// Splits and parses the input as one page (`content/x.md`).
pub fn frontmatter(data: &[u8]) {
    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let id = source::add_text(&mut sources, "content/x.md".to_owned(), data, &mut diags);
    let text = sources.get(id).text.as_str();
    if let Some(fm) = frontmatter::parse(id, text, &mut diags) {
        check_frontmatter(&sources, &fm);
    }
    check_diagnostics(&diags, &sources);
}

/// Parses and validates the input as one page of a small fixed project.
///
/// The first byte chooses the setting and is not part of the page:
/// bits 0–1 pick the folder (`initiatives/` twice as often as `analysis/` or
/// `narrative/`), bit 2 builds drafts, bit 3 sets the action plan's period.
pub fn validate(data: &[u8]) {
    let Some((&setting, page)) = data.split_first() else { return };
    let folder = match setting & 3 {
        2 => "analysis",
        3 => "narrative",
        _ => "initiatives",
    };
    let drafts = setting & 4 != 0;
    let mut config = Config { title: "T".into(), ..Config::default() };
    if setting & 8 != 0 {
        config.period = Some(Period {
            start: Quarter { year: 2027, quarter: 1 },
            end: Quarter { year: 2028, quarter: 2 },
        });
    }

    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let mut pages = vec![
        (sources.add("content/purpose.md", PURPOSE), "purpose.md", true),
        (sources.add("content/directions/cyber.md", DIRECTION), "directions/cyber.md", true),
        (sources.add("content/initiatives/y.md", OTHER_INITIATIVE), "initiatives/y.md", true),
    ];
    let path = format!("{folder}/x.md");
    // As `source::load` does: a page whose bytes are not text is not parsed.
    let errors = diags.errors();
    let id = source::add_text(&mut sources, format!("content/{path}"), page, &mut diags);
    pages.push((id, &path, diags.errors() == errors));

    let mut parsed = Vec::new();
    for (id, path, readable) in pages {
        let text = sources.get(id).text.as_str();
        let frontmatter = if readable { frontmatter::parse(id, text, &mut diags) } else { None };
        if let Some(fm) = &frontmatter {
            check_frontmatter(&sources, fm);
        }
        parsed.push(Parsed { source: id, path: path.to_owned(), frontmatter });
    }
    let publication = model::validate(&parsed, assets(), &config, drafts, &mut diags);
    for page in &publication.pages {
        check_span(&sources, &page.id_span, "page id");
        check_range(&sources.get(page.source).text, &page.body, "page body");
        if let Some(data) = &page.data {
            check_span(&sources, &data.span, "data file");
        }
    }
    check_diagnostics(&diags, &sources);
}

/// Builds a small site in memory whose page `narrative/a.md` has the input as
/// its Markdown body: markdown parsing, link checks and rewriting, HTML and
/// templates. Also writes the body alone as HTML with raw HTML off, which
/// must then hold no `<script`.
pub fn markdown(data: &[u8]) {
    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let mut bytes = BODY_PAGE.as_bytes().to_vec();
    bytes.extend_from_slice(data);
    let fixed = |id, path: &str| PageSource { id, path: path.to_owned(), readable: true };
    let purpose = fixed(sources.add("content/purpose.md", PURPOSE), "purpose.md");
    let direction =
        fixed(sources.add("content/directions/cyber.md", DIRECTION), "directions/cyber.md");
    // As `source::load` does: a page whose bytes are not text is not parsed.
    let errors = diags.errors();
    let page =
        source::add_text(&mut sources, "content/narrative/a.md".to_owned(), &bytes, &mut diags);
    let fuzzed = PageSource {
        id: page,
        path: "narrative/a.md".to_owned(),
        readable: diags.errors() == errors,
    };
    let content = Content { pages: vec![purpose, direction, fuzzed], assets: assets() };
    let config = Config { title: "T".into(), ..Config::default() };
    let result =
        pipeline::render(&config, content, &sources, templates(), &Options::default(), &mut diags);
    if let Ok((files, _)) = &result {
        assert!(
            files.iter().any(|f| f.path == "narrative/a.html"),
            "a clean build has no narrative/a.html: {:?}",
            files.iter().map(|f| &f.path).collect::<Vec<_>>()
        );
    }
    check_diagnostics(&diags, &sources);

    // The body alone, whatever the links: escaped raw HTML, English quotes.
    // `add_text` only changes the input's own bytes, so the prefix is intact.
    let text = sources.get(page).text.as_str();
    assert!(text.starts_with(BODY_PAGE), "the page's frontmatter changed: {text:?}");
    let doc = markdown::parse(page, text, BODY_PAGE.len()..text.len());
    for link in &doc.links {
        check_span(&sources, &link.span, "markdown link");
    }
    let options = HtmlOptions { language: Language::En, allow_html: false };
    let html = markdown::to_html(&doc, &[], options);
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "raw HTML came through with allow_html off:\n{html}"
    );
}

/// The theme, parsed once per process (parsing it per input would dominate).
fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::embedded().expect("the embedded theme parses"))
}

/// Files a page may link to or name as `data:`; never read by these stages.
fn assets() -> Vec<Asset> {
    ["analysis/data.csv", "billeder/logo.svg"]
        .into_iter()
        .map(|rel| Asset { rel: rel.to_owned(), abs: PathBuf::from("/nonexistent").join(rel) })
        .collect()
}

/// The text of the file `span` points into (checking the file exists).
fn id_text<'a>(sources: &'a Sources, span: &Span) -> &'a str {
    assert!(sources.iter().any(|(id, _)| id == span.source), "span into an unknown file: {span:?}");
    sources.get(span.source).text.as_str()
}

fn check_range(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what}: range {range:?} is not inside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: range {range:?} splits a character in {text:?}"
    );
}

fn check_span(sources: &Sources, span: &Span, what: &str) {
    check_range(id_text(sources, span), &span.range, what);
}

/// Every located piece of a parsed frontmatter lies inside its file.
fn check_frontmatter(sources: &Sources, fm: &Frontmatter) {
    check_span(sources, &fm.open, "frontmatter opening");
    check_range(id_text(sources, &fm.open), &fm.body, "frontmatter body");
    check_fields(sources, &fm.fields);
}

fn check_fields(sources: &Sources, fields: &[Field]) {
    for field in fields {
        check_span(sources, &field.key_span, &format!("key `{}`", field.key));
        check_node(sources, &field.value);
    }
}

fn check_node(sources: &Sources, node: &Node) {
    check_span(sources, &node.span, "value");
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|item| check_node(sources, item)),
        Value::Map(fields) => check_fields(sources, fields),
        _ => {}
    }
}

/// Every diagnostic points inside its file, and all of them render.
fn check_diagnostics(diags: &Diagnostics, sources: &Sources) {
    for diag in diags.items() {
        for label in diag.primary.iter().chain(&diag.secondary) {
            check_span(sources, &label.span, &format!("diagnostic `{}`", diag.message));
        }
    }
    let human = to_string(diags, sources, Format::Human);
    let short = to_string(diags, sources, Format::Short);
    // Each diagnostic renders (none is dropped by a codespan error).
    for diag in diags.items() {
        assert!(human.contains(&diag.message), "`{}` did not render:\n{human}", diag.message);
        assert!(short.contains(&diag.message), "`{}` did not render:\n{short}", diag.message);
    }
}
