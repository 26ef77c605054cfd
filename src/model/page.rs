//! Reads one page's frontmatter into a [`Page`]: kind, id, URL and the fields
//! its kind allows, with a diagnostic for every field that is wrong.

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::fields::{Reader, quarter_of};
use crate::model::{DataFile, Initiative, Kind, Kpi, Milestone, Page, Parsed, Priority, Status};
use crate::slug::slugify;
use crate::source::is_markdown;

const COMMON: [&str; 6] = ["title", "summary", "order", "draft", "kind", "id"];
const INITIATIVE: [&str; 9] = [
    "directions",
    "owner",
    "start",
    "end",
    "status",
    "priority",
    "kpis",
    "depends_on",
    "milestones",
];
const STATUSES: [(&str, Status); 5] = [
    ("planned", Status::Planned),
    ("active", Status::Active),
    ("done", Status::Done),
    ("paused", Status::Paused),
    ("cancelled", Status::Cancelled),
];
const PRIORITIES: [(&str, Priority); 3] =
    [("high", Priority::High), ("medium", Priority::Medium), ("low", Priority::Low)];

/// Reads `parsed` into a page. Always returns one, with fallbacks where fields
/// are wrong, so the cross-page checks can still run on it.
pub(super) fn read(parsed: &Parsed, config: &Config, diags: &mut Diagnostics) -> Option<Page> {
    let fm = parsed.frontmatter.as_ref()?;
    let mut r = Reader::new(&fm.fields, fm.open.clone(), diags);
    let kind = r.choice("kind", &Kind::NAMES).unwrap_or_else(|| Kind::from_path(&parsed.path));
    let stem = stem(&parsed.path);
    let title = r.required_text("title", "Cyberrobusthed").unwrap_or_else(|| stem.to_owned());
    let summary = r.text("summary");
    let order = r.integer("order");
    let draft = r.boolean("draft").unwrap_or(false);
    let (id, id_span) = read_id(&mut r, stem, &fm.open);
    let initiative = (kind == Kind::Initiative).then(|| read_initiative(&mut r, config));
    let data = if kind == Kind::Analysis {
        r.text("data").map(|d| (d, r.node("data").map(|n| n.span.clone())))
    } else {
        None
    };
    let mut known: Vec<&str> = COMMON.to_vec();
    match kind {
        Kind::Initiative => known.extend(INITIATIVE),
        Kind::Analysis => known.push("data"),
        _ => {}
    }
    r.finish(&known);
    let data = data.and_then(|(data, span)| resolve_data(&parsed.path, &data, span, diags));
    Some(Page {
        source: parsed.source,
        path: parsed.path.clone(),
        kind,
        id,
        id_span,
        url: url_of(&parsed.path, kind),
        title,
        summary,
        order,
        draft,
        body: fm.body.clone(),
        initiative,
        data,
    })
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

fn read_initiative(r: &mut Reader<'_>, config: &Config) -> Initiative {
    let directions = r.refs("directions");
    if directions.is_empty() && r.node("directions").is_none() {
        r.required_text("directions", "[cyberrobusthed]");
    } else if directions.is_empty() {
        let span = r.node("directions").map(|n| n.span.clone());
        r.diags.extend(span.map(|s| {
            Diagnostic::error(s, "an initiative must serve at least one direction")
                .help("list direction ids, e.g. `directions: [cyberrobusthed]`".to_owned())
        }));
    }
    let owner = r.required_text("owner", "Driftsudvalget").unwrap_or_default();
    let start = r.quarter("start");
    let end = r.quarter("end");
    if let (Some((start, start_span)), Some((end, end_span))) = (&start, &end) {
        if end < start {
            r.diags.push(
                Diagnostic::error(
                    end_span.clone(),
                    format!("the initiative ends ({end}) before it starts ({start})"),
                )
                .also(start_span.clone(), "starts here")
                .help("`end` must be the same quarter as `start` or later".to_owned()),
            );
        }
    }
    for (q, span) in [&start, &end].into_iter().flatten() {
        if let Some(period) = &config.period {
            if *q < period.start || *q > period.end {
                r.diags.push(
                    Diagnostic::warning(
                        span.clone(),
                        format!("{q} is outside the action plan's period"),
                    )
                    .help(format!(
                        "`period` in stratdoc.yaml runs from {} to {}",
                        period.start, period.end
                    )),
                );
            }
        }
    }
    let status = r.choice("status", &STATUSES).unwrap_or(Status::Planned);
    let priority = r.choice("priority", &PRIORITIES);
    let kpis = r.list_of("kpis", |k| {
        let name = k.required_text("name", "Andel kommuner med beredskabsplan");
        let baseline = k.text_or_number("baseline");
        let target = k.text_or_number("target");
        Some(Kpi { name: name?, baseline, target })
    });
    let range = start.as_ref().map(|s| s.0).zip(end.as_ref().map(|e| e.0));
    let milestones = r.list_of("milestones", |m| {
        let title = m.required_text("title", "Første version klar");
        let quarter = if let Some(node) = m.node("quarter") {
            quarter_of(node, "quarter", m.diags)
        } else {
            m.required_text("quarter", "2027-Q2");
            None
        };
        if let (Some((q, span)), Some((start, end))) = (&quarter, range) {
            if *q < start || *q > end {
                m.diags.push(
                    Diagnostic::warning(
                        span.clone(),
                        format!("milestone in {q} lies outside the initiative ({start} to {end})"),
                    )
                    .help("move the milestone or widen `start`/`end`".to_owned()),
                );
            }
        }
        Some(Milestone { quarter: quarter?.0, title: title? })
    });
    let depends_on = r.refs("depends_on");
    Initiative {
        directions,
        owner,
        start: start.map(|s| s.0),
        end: end.map(|e| e.0),
        status,
        priority,
        kpis,
        depends_on,
        milestones,
    }
}

/// The file name of `path` without its `.md` extension (in any case).
pub(super) fn stem(path: &str) -> &str {
    without_md(path.rsplit('/').next().unwrap_or(path))
}

fn without_md(path: &str) -> &str {
    if is_markdown(path) { &path[..path.len() - ".md".len()] } else { path }
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

/// Resolves `target` relative to the folder of `from` (both relative to
/// `content/`). `None` when it is absolute or climbs out of `content/`.
#[must_use]
pub fn join_relative(from: &str, target: &str) -> Option<String> {
    if target.starts_with('/')
        || target.starts_with('\\')
        || target.contains(':')
        || target.contains('\\')
    {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The output path of a page: each folder and the stem slugified, `.html`.
/// The purpose statement is the front page.
#[must_use]
pub fn url_of(path: &str, kind: Kind) -> String {
    if kind == Kind::Purpose {
        return "index.html".to_owned();
    }
    let stem = without_md(path);
    let mut slugged: Vec<String> = stem.split('/').map(|part| non_empty(slugify(part))).collect();
    if let Some(last) = slugged.last_mut() {
        last.push_str(".html");
    }
    slugged.join("/")
}

/// The output path of an asset: folders slugified, the file name's stem too, extension lowercased.
#[must_use]
pub fn asset_url(path: &str) -> String {
    let (dirs, file) = path.rsplit_once('/').map_or(("", path), |(d, f)| (d, f));
    let (stem, ext) = file
        .rsplit_once('.')
        .filter(|(s, _)| !s.is_empty())
        .map_or((file, None), |(s, e)| (s, Some(e)));
    let mut out: Vec<String> = if dirs.is_empty() {
        Vec::new()
    } else {
        dirs.split('/').map(|d| non_empty(slugify(d))).collect()
    };
    let ext = ext.map(|e| format!(".{}", slugify(e))).unwrap_or_default();
    out.push(format!("{}{ext}", non_empty(slugify(stem))));
    out.join("/")
}

fn non_empty(slug: String) -> String {
    if slug.is_empty() { "side".to_owned() } else { slug }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_slugged_paths() {
        assert_eq!(
            url_of("initiatives/Fælles SOC.md", Kind::Initiative),
            "initiatives/faelles-soc.html"
        );
        assert_eq!(url_of("purpose.md", Kind::Purpose), "index.html");
        assert_eq!(url_of("om/Kontakt os.md", Kind::Page), "om/kontakt-os.html");
        assert_eq!(url_of("Om/Intro.MD", Kind::Page), "om/intro.html");
        assert_eq!(stem("a/b.Md"), "b");
        assert_eq!(stem("æ.md"), "æ");
        assert_eq!(asset_url("analysis/Spørgeskema 2026.CSV"), "analysis/spoergeskema-2026.csv");
        assert_eq!(asset_url("billeder/logo.svg"), "billeder/logo.svg");
    }

    #[test]
    fn relative_paths_stay_inside_content() {
        assert_eq!(
            join_relative("analysis/a.md", "data.csv").as_deref(),
            Some("analysis/data.csv")
        );
        assert_eq!(join_relative("analysis/a.md", "../x/./d.csv").as_deref(), Some("x/d.csv"));
        assert_eq!(join_relative("analysis/a.md", "../../etc/passwd"), None);
        assert_eq!(join_relative("a.md", "/etc/passwd"), None);
        assert_eq!(join_relative("a.md", "C:\\x.csv"), None);
        assert_eq!(join_relative("a.md", "..\\x.csv"), None);
    }
}
