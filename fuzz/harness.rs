//! The fuzz harnesses, shared by the cargo-fuzz targets in `fuzz/fuzz_targets/`
//! and by the regression test `tests/it/fuzz_corpus.rs`, which replays
//! `fuzz/regressions/<target>/` through the same functions. Only the public
//! API of `stratdoc` is used, so this file compiles in both crates.
//!
//! Besides "does not panic", each harness checks invariants the rest of the
//! program relies on: every span a diagnostic (or a parsed field) points at
//! lies inside its file and on `char` boundaries, diagnostics render, and
//! HTML written with raw HTML off runs nothing.
#![allow(
    dead_code,
    reason = "each fuzz target includes this file but calls only one of its entry points"
)]
#![allow(
    unreachable_pub,
    reason = "`pub` entry points in a private module; the main crate warns on that lint"
)]

use std::fmt::Write as _;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use stratdoc::artifact::{Contents, OutputFile};
use stratdoc::config::{Config, Language, Period};
use stratdoc::diagnostics::report::{Format, to_string};
use stratdoc::diagnostics::{Diagnostics, Span};
use stratdoc::diagnostics::{Sources, decode};
use stratdoc::error::Error;
use stratdoc::frontmatter::{self, Field, Frontmatter, Node, Value};
use stratdoc::markdown::{self, HtmlOptions};
use stratdoc::model::{self, Parsed, Quarter};
use stratdoc::output::Sink;
use stratdoc::pipeline::{self, Options};
use stratdoc::render::Templates;
use stratdoc::source::{self, Asset, Content, PageSource, TableSource};
use stratdoc::xref;

/// A valid purpose statement that links to the other fixed pages.
const PURPOSE: &str = "---\ntitle: Formål\nsummary: Hvorfor vi findes.\n---\n\n\
    Vi arbejder i [retningen](directions/cyber.md#ambition) og fortæller om det i \
    [kapitlet](narrative/a.md).\n";

/// A valid direction with a heading to link to, linking back.
const DIRECTION: &str = "---\ntitle: Cyberrobusthed\norder: 1\nsummary: Robust drift.\n---\n\n\
    ## Ambition\n\nSe [formålet](../purpose.md) og [kapitlet](../narrative/a.md#top).\n";

/// The chapter the purpose and the direction link to, with the anchor they name.
const NARRATIVE: &str = "---\ntitle: A\n---\n\n## Top {#top}\n\nTekst.\n";

/// A second initiative that depends on the fuzzed one (id `x`), so reference
/// and cycle checks have something to chew on.
const OTHER_INITIATIVE: &str = "---\ntitle: Y\ndirections: [cyber]\nowner: Driftsudvalget\n\
    start: 2027-Q1\nend: 2027-Q4\nstatus: active\ndepends_on: [x]\n---\n\nY.\n";

/// What frontmatter the fuzzed body of the `markdown` target is given.
const BODY_PAGE: &str = "---\ntitle: T\n---\n";
/// The plan's "now" in every fuzz run.
const AS_OF: Quarter = Quarter { year: 2027, quarter: 1 };

/// Splits and parses the input as one page (`content/x.md`).
pub fn frontmatter(data: &[u8]) {
    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let id = source::add_text(&mut sources, "content/x.md".to_owned(), data.to_vec(), &mut diags);
    let text = sources.get(id).text();
    if let Some(fm) = frontmatter::parse(id, text, &mut diags) {
        check_frontmatter(&sources, &fm);
        check_numbers(&sources, &fm.fields, diags.has_errors());
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
    let id = source::add_text(&mut sources, format!("content/{path}"), page.to_vec(), &mut diags);
    pages.push((id, &path, diags.errors() == errors));

    let mut parsed = Vec::new();
    for (id, path, readable) in pages {
        let text = sources.get(id).text();
        let frontmatter = if readable { frontmatter::parse(id, text, &mut diags) } else { None };
        if let Some(fm) = &frontmatter {
            check_frontmatter(&sources, fm);
            check_numbers(&sources, &fm.fields, diags.has_errors());
        }
        parsed.push(Parsed::new(id, path, frontmatter, text));
    }
    let publication = model::validate(&parsed, assets(), &config, drafts, AS_OF, &mut diags);
    for (id, page) in publication.iter() {
        check_span(&sources, &page.id_span, "page id");
        check_range(sources.get(page.source).text(), &page.body, "page body");
        if let Some(data) = publication.data_file(id) {
            check_span(&sources, &data.span, "data file");
        }
    }
    check_diagnostics(&diags, &sources);
}

/// Builds a small site in memory whose page `narrative/a.md` has the input as
/// its Markdown body: markdown parsing, link checks and rewriting, HTML and
/// templates. Then runs the same stages by hand with raw HTML off, writing
/// the HTML even when links are broken, and checks that nothing active
/// (scripts, event handlers, `javascript:` URLs) reaches it.
pub fn markdown(data: &[u8]) {
    // Bytes that are not text stop a page before Markdown (the other targets
    // cover that); here they become text, so every input reaches the parser.
    let body = String::from_utf8_lossy(data).replace('\0', "\u{FFFD}");
    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let page = source::add_text(
        &mut sources,
        "content/narrative/a.md".to_owned(),
        format!("{BODY_PAGE}{body}").into_bytes(),
        &mut diags,
    );
    assert!(diags.items().is_empty(), "text was not taken as text: {:?}", diags.items());
    let text = sources.get(page).text();
    assert!(text.starts_with(BODY_PAGE), "the page's frontmatter changed: {text:?}");
    let page_source = |id, path: &str| PageSource { id, path: path.to_owned() };
    let pages = vec![
        page_source(sources.add("content/purpose.md", PURPOSE), "purpose.md"),
        page_source(sources.add("content/directions/cyber.md", DIRECTION), "directions/cyber.md"),
        page_source(page, "narrative/a.md"),
    ];
    let config = Config { title: "T".into(), ..Config::default() };

    let content = Content { pages: pages.clone(), assets: assets(), tables: Vec::new() };
    if let Ok(files) = render(&config, &content, &sources, &Options::default(), &mut diags) {
        assert!(
            files.iter().any(|f| f.path == "narrative/a.html"),
            "a clean build has no narrative/a.html: {:?}",
            files.iter().map(|f| &f.path).collect::<Vec<_>>()
        );
    }
    check_diagnostics(&diags, &sources);

    // The stages by hand; the diagnostics are the same as above.
    let mut diags = Diagnostics::new();
    let parsed: Vec<Parsed> = pages
        .iter()
        .map(|p| {
            let text = sources.get(p.id).text();
            Parsed::new(p.id, &p.path, frontmatter::parse(p.id, text, &mut diags), text)
        })
        .collect();
    let publication = model::validate(&parsed, assets(), &config, false, AS_OF, &mut diags);
    let options = HtmlOptions { language: Language::En, allow_html: false };
    let docs: Vec<markdown::Doc<'_>> = publication
        .pages
        .iter()
        .map(|p| markdown::parse(p.source, sources.get(p.source).text(), p.body.clone(), options))
        .collect();
    let index = xref::Index::new(&publication);
    let mut pending = Vec::new();
    for ((id, page), doc) in publication.iter().zip(&docs) {
        let targets = index.links(id, doc, &mut pending, &mut diags);
        let hrefs: Vec<_> = targets.iter().map(|t| t.site_href(page, &publication)).collect();
        assert_eq!(doc.links.len(), hrefs.len(), "one target per link");
        for link in &doc.links {
            check_span(&sources, &link.span, "markdown link");
        }
        check_inert(&markdown::to_html(doc, &hrefs, &[], options));
    }
}

/// An initiative that depends on the fuzzed one, for the `plan` target: valid
/// on its own (unlike [`OTHER_INITIATIVE`], whose title YAML tools read as
/// `false`), so a build can be clean.
const DEPENDENT: &str = "---\ntitle: Afhængig\ndirections: [cyber]\nowner: Driftsudvalget\n\
    start: 2029-Q1\nend: 2029-Q4\ndepends_on: [x]\nbudget: 1000\n---\n\nY.\n";

/// A sub-initiative of the fuzzed one, with figures and times of its own,
/// for the sums and the nesting.
const SUB_INITIATIVE: &str = "---\ntitle: Z\nparent: x\nowner: [IT, KL]\nstart: 2027-H2\n\
    end: 2028\nbudget: {amount: 2500000.5, note: Drift}\nkpis:\n  - {name: Andel, unit: \"%\", \
    baseline: 0, target: 75, by: 2028-Q2}\nmilestones:\n  - {quarter: 2027-Q4, title: Start}\n---\n\nZ.\n";

/// Builds a whole site in memory whose initiative `content/initiatives/x.md`
/// is the input after its first byte: the plan's numbers and times (budgets,
/// KPI figures, quarters, half years and years, milestones, hand-overs)
/// through validation and every output that shows them: the roadmap, the
/// overviews and their sums, the board edition and the exports.
///
/// The first byte: bit 0 sets the plan's period, bit 1 English, bit 2 adds
/// a sub-initiative of `x` with a budget, a KPI and a milestone, bit 3
/// builds drafts. A clean build writes a `strategy.json` that parses.
pub fn plan(data: &[u8]) {
    let Some((&setting, page)) = data.split_first() else { return };
    let language = if setting & 2 != 0 { Language::En } else { Language::Da };
    let mut config = Config { title: "T".into(), language, ..Config::default() };
    if setting & 1 != 0 {
        config.period = Some(Period {
            start: Quarter { year: 2027, quarter: 1 },
            end: Quarter { year: 2028, quarter: 2 },
        });
    }
    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let page_source = |id, path: &str| PageSource { id, path: path.to_owned() };
    let mut pages = vec![
        page_source(sources.add("content/purpose.md", PURPOSE), "purpose.md"),
        page_source(sources.add("content/directions/cyber.md", DIRECTION), "directions/cyber.md"),
        page_source(sources.add("content/narrative/a.md", NARRATIVE), "narrative/a.md"),
        page_source(sources.add("content/initiatives/y.md", DEPENDENT), "initiatives/y.md"),
    ];
    if setting & 4 != 0 {
        pages.push(page_source(
            sources.add("content/initiatives/z.md", SUB_INITIATIVE),
            "initiatives/z.md",
        ));
    }
    // Read as the parse stage reads a file: a page whose bytes are not text
    // is reported there and not parsed.
    let id = sources.add_decoded("content/initiatives/x.md", decode(page.to_vec()));
    pages.push(page_source(id, "initiatives/x.md"));
    let content = Content { pages, assets: assets(), tables: Vec::new() };
    let options = Options { drafts: setting & 8 != 0, ..Options::default() };
    let result = render(&config, &content, &sources, &options, &mut diags);
    check_diagnostics(&diags, &sources);
    let files = match result {
        Ok(files) => files,
        Err(Error::Content(_)) => return,
        Err(other) => panic!("a plan failed the build with more than a content error: {other}"),
    };
    let json = generated(&files, "strategy.json");
    if let Err(err) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("strategy.json does not parse: {err}\n{json}");
    }
    for path in ["initiatives/index.html", "initiatives.csv", "print.html"] {
        generated(&files, path);
    }
}

/// Charts a CSV file: the input's first byte chooses the chart's settings,
/// the rest is `content/analysis/data.csv`, charted by `content/analysis/x.md`
/// and built into a whole site in memory (the data stage, the SVG, the
/// table, the board edition).
///
/// Settings, from the CSV's own header so they name real columns: bit 0
/// `series:` the second column (long data), bit 1 `values:` the last, bit 2
/// `label:` the second, bit 3 `where:` the first column equal to the first
/// row's value, bit 4 `values:` a column the file lacks, bit 5 English (a
/// `.` decimal), bit 6 a second chart, placed by no block.
///
/// Besides the usual checks: a clean build draws the chart in the page and
/// the board edition, with finite coordinates, at most six ticks, and a
/// page in proportion to the input.
pub fn chart(data: &[u8]) {
    let Some((&setting, csv)) = data.split_first() else { return };
    // A charted CSV must be UTF-8 (a test covers the other case); here the
    // bytes become text, so every input reaches the chart.
    let csv = String::from_utf8_lossy(csv).replace('\0', "\u{FFFD}");
    let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
    let page = chart_page(setting, &csv);
    let language = if setting & 32 != 0 { Language::En } else { Language::Da };
    let config = Config { title: "T".into(), language, ..Config::default() };
    let page_source = |id, path: &str| PageSource { id, path: path.to_owned() };
    let pages = vec![
        page_source(sources.add("content/purpose.md", PURPOSE), "purpose.md"),
        page_source(sources.add("content/directions/cyber.md", DIRECTION), "directions/cyber.md"),
        page_source(sources.add("content/narrative/a.md", NARRATIVE), "narrative/a.md"),
        page_source(sources.add("content/analysis/x.md", page), "analysis/x.md"),
    ];
    let table = sources.add("content/analysis/data.csv", csv.clone());
    let tables = vec![TableSource { rel: "analysis/data.csv".to_owned(), id: table, utf8: true }];
    let content = Content { pages, assets: assets(), tables };
    let result = render(&config, &content, &sources, &Options::default(), &mut diags);
    check_diagnostics(&diags, &sources);
    let files = match result {
        Ok(files) => files,
        Err(Error::Content(_)) => return,
        Err(other) => panic!("a chart failed the build with more than a content error: {other}"),
    };
    for path in ["analysis/x.html", "print.html"] {
        check_chart(&generated(&files, path), data.len(), path);
    }
}

/// The files of a whole build of `content` in memory.
fn render(
    config: &Config,
    content: &Content,
    sources: &Sources,
    options: &Options,
    diags: &mut Diagnostics,
) -> Result<Vec<OutputFile>, Error> {
    let sink = Sink::memory();
    pipeline::render(config, content, templates(), sources, options, &sink, diags)?;
    Ok(sink.into_files())
}

/// The text of the generated file `path` among `files`.
fn generated(files: &[OutputFile], path: &str) -> String {
    match files.iter().find(|f| f.path == path).map(|f| &f.contents) {
        Some(Contents::Bytes(bytes)) => String::from_utf8_lossy(bytes).into_owned(),
        _ => panic!("no {path} was generated"),
    }
}

/// The analysis page charting `data.csv` as `setting` asks.
fn chart_page(setting: u8, csv: &str) -> String {
    let first_line = csv.lines().next().unwrap_or("");
    let separator = if first_line.contains(';') && !first_line.contains(',') { ';' } else { ',' };
    let header: Vec<&str> = first_line.split(separator).map(str::trim).collect();
    let first_cell = csv.lines().nth(1).and_then(|row| row.split(separator).next()).unwrap_or("");
    let column = |k: usize| yaml_quote(header.get(k).copied().unwrap_or(""));
    let mut chart = String::from("  - id: a\n    title: Svar\n    unit: \"%\"\n");
    if setting & 1 != 0 {
        let _ = writeln!(chart, "    series: {}", column(1));
    }
    if setting & 2 != 0 {
        let _ = writeln!(chart, "    values: [{}]", column(header.len().saturating_sub(1)));
    } else if setting & 16 != 0 {
        chart.push_str("    values: [mangler]\n");
    }
    if setting & 4 != 0 {
        let _ = writeln!(chart, "    label: {}", column(1));
    }
    if setting & 8 != 0 {
        let _ = writeln!(chart, "    where: {{{}: {}}}", column(0), yaml_quote(first_cell.trim()));
    }
    if setting & 64 != 0 {
        chart.push_str("  - id: b\n    title: Alle\n");
    }
    format!(
        "---\ntitle: Analyse\ndata: data.csv\ncharts:\n{chart}---\nFør.\n\n```chart a\n```\n\nEfter.\n"
    )
}

/// `text` as a YAML double-quoted string.
fn yaml_quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every chart picture in `html` has finite coordinates and at most six
/// ticks, and the page stays in proportion to the `input` bytes.
fn check_chart(html: &str, input: usize, path: &str) {
    assert!(html.contains("<svg class=\"chart\""), "{path}: a clean build without its chart");
    assert!(html.len() < 200_000 + 2_000 * input, "{path}: {} bytes from {input}", html.len());
    for svg in html.split("<svg class=\"chart\"").skip(1) {
        let svg = &svg[..svg.find("</svg>").expect("the picture ends")];
        let ticks = svg.matches("class=\"ch-tick\"").count();
        assert!((1..=6).contains(&ticks), "{path}: {ticks} ticks");
        for attribute in ["x=\"", "x1=\"", "x2=\"", "y=\"", "width=\"", "height=\""] {
            for value in svg.split(&format!(" {attribute}")).skip(1) {
                let value = &value[..value.find('"').expect("a quoted value")];
                let number: f64 =
                    value.parse().unwrap_or_else(|_| panic!("{path}: {attribute}{value}"));
                assert!(number.is_finite() && number >= 0.0, "{path}: {attribute}{value}");
            }
        }
    }
}

/// HTML written with raw HTML off runs nothing: no `<script>`, no `on…`
/// event attributes, no `javascript:`/`vbscript:`/`data:` in `href`/`src`.
/// Every `<` in it starts a tag the writer made (text is escaped), and every
/// attribute value is double-quoted and escaped.
fn check_inert(html: &str) {
    assert!(!html.to_ascii_lowercase().contains("<script"), "a script with raw HTML off:\n{html}");
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let end = tag.find('>').unwrap_or(tag.len());
        let (tag, after) = (&tag[..end], &tag[end..]);
        // Skip the element name, then read `name` or `name="value"` pairs.
        let mut attrs = tag.trim_start_matches(|c: char| !c.is_whitespace());
        loop {
            attrs = attrs.trim_start();
            let name_end = attrs.find(['=', ' ', '\t', '\n', '/']).unwrap_or(attrs.len());
            let name = attrs[..name_end].to_ascii_lowercase();
            attrs = &attrs[name_end..];
            let mut value = "";
            if let Some(quoted) = attrs.strip_prefix("=\"") {
                let close = quoted.find('"').unwrap_or(quoted.len());
                value = &quoted[..close];
                attrs = quoted.get(close + 1..).unwrap_or("");
            }
            let handler = name.strip_prefix("on").is_some_and(|event| {
                !event.is_empty() && event.bytes().all(|b| b.is_ascii_alphabetic())
            });
            assert!(!handler, "an event handler `{name}` with raw HTML off:\n{html}");
            if name == "href" || name == "src" {
                let url: String = value
                    .replace("&amp;", "&")
                    .replace("&#x27;", "'")
                    .chars()
                    .filter(|c| !c.is_control() && !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                assert!(
                    !["javascript:", "vbscript:", "data:"].iter().any(|s| url.starts_with(s)),
                    "an unsafe URL `{value}` reached the HTML:\n{html}"
                );
            }
            if name.is_empty() {
                attrs = attrs.get(1..).unwrap_or("");
            }
            if attrs.is_empty() {
                break;
            }
        }
        rest = after;
    }
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
    sources.get(span.source).text()
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

/// Every number is its text as written (`1.10`, never 1.1): its span's text
/// ends with it (after any anchor or tag). Only a whole number whose text
/// could not be found (an alias) is as printed; a decimal there is an error.
fn check_numbers(sources: &Sources, fields: &[Field], has_errors: bool) {
    for field in fields {
        check_number(sources, &field.value, has_errors);
    }
}

fn check_number(sources: &Sources, node: &Node, has_errors: bool) {
    match &node.value {
        Value::Number(n) => {
            let written = &id_text(sources, &node.span)[node.span.range.clone()];
            let whole = n.bytes().all(|b| b.is_ascii_digit() || b == b'-');
            assert!(
                written.ends_with(n.as_str()) || whole || has_errors,
                "the number {n:?} is not as written: {written:?}"
            );
        }
        Value::Seq(items) => items.iter().for_each(|item| check_number(sources, item, has_errors)),
        Value::Map(fields) => check_numbers(sources, fields, has_errors),
        _ => {}
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
    // Each diagnostic renders (none is dropped by a codespan error): in
    // the short format every one; in the human format a file shows ten of a
    // kind and counts the rest. Long messages are cut, so their start is checked.
    let counted = human.contains("more errors like") || human.contains("more warnings like");
    for diag in diags.items() {
        let start: String = diag.message.chars().take(100).collect();
        assert!(short.contains(&start), "`{}` did not render:\n{short}", diag.message);
        assert!(counted || human.contains(&start), "`{}` did not render:\n{human}", diag.message);
    }
    // Output stays in proportion to the number of problems, not to the
    // length of the lines they are on.
    let bound = 2_000 * (diags.items().len() + 1);
    assert!(human.len() < bound, "{} bytes of human diagnostics", human.len());
    assert!(short.len() < bound, "{} bytes of short diagnostics", short.len());
}
