//! Reads one page's frontmatter into a [`Draft`]: kind, id, URL and the
//! fields its kind allows, with a diagnostic for every field that is wrong.
//! References to other pages stay as written here; `check` resolves them.

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::fields::{Reader, Ref};
use crate::model::url::{join_relative, stem, url_of, without_md};
use crate::model::{ChartSpec, DataFile, Kind, Page, Parsed, Source};

mod initiative;

const COMMON: [&str; 8] = ["title", "summary", "order", "draft", "kind", "id", "number", "sources"];

/// A page as read from its own file, before references to other pages are
/// checked: the page (with its reference lists still empty) and the ids it
/// names, with where they are written.
#[derive(Debug)]
pub(super) struct Draft {
    pub(super) page: Page,
    pub(super) refs: Refs,
    /// Where `number:` is written.
    pub(super) number_at: Option<Span>,
}

/// The ids a page names, as written.
#[derive(Debug, Default)]
pub(in crate::model) struct Refs {
    pub(in crate::model) directions: Vec<Ref>,
    pub(in crate::model) depends_on: Vec<Ref>,
    pub(in crate::model) parent: Option<Ref>,
}

/// Reads `parsed` into a draft page. Always returns one when there is
/// frontmatter, with fallbacks where fields are wrong, so the cross-page
/// checks can still run on it.
pub(super) fn read(parsed: &Parsed, config: &Config, diags: &mut Diagnostics) -> Option<Draft> {
    let fm = parsed.frontmatter.as_ref()?;
    let mut r = Reader::new(&fm.fields, fm.open.clone(), diags);
    let kind = r.choice("kind", &Kind::NAMES).unwrap_or_else(|| Kind::from_path(&parsed.path));
    let (title, title_in_body) = if kind == Kind::Page {
        plain_title(&mut r, parsed)
    } else {
        let stem = stem(&parsed.path);
        (r.required_text("title", "Cyberrobusthed").unwrap_or_else(|| stem.to_owned()), false)
    };
    let summary = r.text("summary");
    let number = r.text_or_number("number");
    let number_at = r.node("number").map(|n| n.span.clone());
    let order = r.integer("order");
    let draft = r.boolean("draft").unwrap_or(false);
    // A plain page is known by its path, so `a/index.md` and `b/index.md`
    // (or two `notes.md` in different folders) live side by side.
    let default_id = if kind == Kind::Page { without_md(&parsed.path) } else { stem(&parsed.path) };
    let (id, id_span) = read_id(&mut r, default_id, &fm.open);
    let (initiative, refs) = if kind == Kind::Initiative {
        let (initiative, refs) = initiative::read(&mut r, config);
        (Some(initiative), refs)
    } else {
        (None, Refs::default())
    };
    let data = if kind == Kind::Analysis {
        r.text("data").map(|d| (d, r.node("data").map(|n| n.span.clone())))
    } else {
        None
    };
    let charts = if kind == Kind::Analysis { read_charts(&mut r) } else { Vec::new() };
    let sources = read_sources(&mut r);
    let mut known: Vec<&str> = COMMON.to_vec();
    match kind {
        Kind::Initiative => known.extend(initiative::FIELDS),
        Kind::Analysis => known.extend(["data", "charts"]),
        _ => {}
    }
    r.finish(&known);
    let data = data.and_then(|(data, span)| resolve_data(&parsed.path, &data, span, diags));
    let page = Page {
        source: parsed.source,
        path: parsed.path.clone(),
        kind,
        id,
        id_span,
        url: url_of(&parsed.path, kind),
        title,
        number,
        title_in_body,
        summary,
        order,
        draft,
        body: fm.body.clone(),
        initiative,
        data,
        sources,
        charts,
    };
    Some(Draft { page, refs, number_at })
}

/// A plain page's title: `title:`, else its first `#` heading, else its file
/// name (with a warning): documents brought in from elsewhere often carry
/// their title as a heading, or none at all.
fn plain_title(r: &mut Reader<'_>, parsed: &Parsed) -> (String, bool) {
    if r.node("title").is_some() {
        return (r.text("title").unwrap_or_else(|| stem(&parsed.path).to_owned()), false);
    }
    if let Some(heading) = &parsed.heading {
        return (heading.clone(), true);
    }
    let name = title_from_file_name(stem(&parsed.path));
    let span = Span::new(parsed.source, 0..0);
    r.diags.push(
        Diagnostic::warning(span, format!("`content/{}` has no title", parsed.path))
            .label(format!("shown as “{name}”"))
            .help(
                "add `title: …` to the frontmatter, or start the text with a `# Heading`"
                    .to_owned(),
            ),
    );
    (name, false)
}

/// `getting-started` -> `Getting started`.
fn title_from_file_name(stem: &str) -> String {
    let words = stem.replace(['-', '_'], " ");
    let words = words.trim();
    let mut chars = words.chars();
    chars.next().map_or_else(
        || stem.to_owned(),
        |first| first.to_uppercase().chain(chars).collect::<String>(),
    )
}

fn read_id(r: &mut Reader<'_>, stem: &str, open: &Span) -> (String, Span) {
    let span = r.node("id").map(|n| n.span.clone());
    match (r.text("id"), span) {
        (Some(id), Some(span)) if valid_id(&id) => (id, span),
        (Some(id), Some(span)) => {
            r.diags.push(
                Diagnostic::error(span.clone(), format!("`{id}` is not a usable id")).help(
                    "use letters, digits, `-` and `_` only, e.g. `cyberrobusthed`".to_owned(),
                ),
            );
            (id, span)
        }
        _ => (stem.to_owned(), open.clone()),
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// `sources: [{title, url}]`: what the text rests on. A URL must be a web
/// address, so a source list never links into the build machine.
fn read_sources(r: &mut Reader<'_>) -> Vec<Source> {
    r.list_of("sources", |s| {
        let title = s.required_text("title", "Sundhedsstyrelsen: Rapport 2024");
        let url = s.text("url");
        let span = s.node("url").map(|n| n.span.clone());
        if let (Some(url), Some(span)) = (&url, span) {
            let scheme = url.split_once(':').map(|(scheme, _)| scheme.to_ascii_lowercase());
            if !matches!(scheme.as_deref(), Some("https" | "http")) {
                s.diags.push(
                    Diagnostic::error(span, format!("`{url}` is not a web address"))
                        .help("give the source's address starting with `https://`".to_owned()),
                );
                return Some(Source { title: title?, url: None });
            }
        }
        Some(Source { title: title?, url })
    })
}

/// `charts:`: what to plot of the data file. Ids default to `1`, `2`, ….
fn read_charts(r: &mut Reader<'_>) -> Vec<ChartSpec> {
    let mut n = 0;
    let charts = r.list_of("charts", |c| {
        n += 1;
        let span = c.owner_span();
        let title = c.required_text("title", "Svar om sikkerhed");
        let id = c.text("id").unwrap_or_else(|| n.to_string());
        Some(ChartSpec {
            id,
            title: title?,
            label: c.spanned_text("label"),
            values: c.spanned_texts("values"),
            series: c.spanned_text("series"),
            filter: c.text_map("where"),
            unit: c.text("unit"),
            span,
        })
    });
    if !charts.is_empty() && r.node("data").is_none() {
        let span = r.node("charts").map(|n| n.span.clone());
        r.diags.extend(span.map(|s| {
            Diagnostic::error(s, "`charts` plot the page's data file, but it has no `data:`")
                .help("add `data: svar.csv` naming a CSV file beside the page".to_owned())
        }));
    }
    charts
}

/// `data:` is relative to the page's folder and must stay inside `content/`.
fn resolve_data(
    page: &str,
    data: &str,
    span: Option<Span>,
    diags: &mut Diagnostics,
) -> Option<DataFile> {
    let span = span?;
    if let Some(path) = join_relative(page, data) {
        Some(DataFile { path, span })
    } else {
        diags.push(
            Diagnostic::error(span, format!("`{data}` points outside `content/`"))
                .help("put the data file in the same folder as the page and name it without `..` or `/` at the start".to_owned()),
        );
        None
    }
}
