//! Stage 5, DATA: reads the CSV files that analysis pages chart, and turns
//! each chart asked for in `charts:` into its figures. The `csv` crate stays
//! in here. Every problem points into the CSV file (a ragged row, a value
//! that is not a number) or at the chart's own setting (a missing column).
//!
//! Two shapes of survey data are understood:
//! - wide: one row per question, one numeric column per answer
//!   (`spoergsmaal,helt_enig,delvist_enig,…`): each column that holds
//!   numbers is a series (text columns such as a theme are left out);
//! - long: one row per question and answer (`question,answer,count`):
//!   `series:` names the answer column (found by itself when the file has
//!   exactly these three columns).
//!
//! `figures` turns the rows into bars and series, and checks every number.

mod figures;

use std::collections::HashMap;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Sources, Span};
use crate::markdown::Embed;
use crate::model::{ChartSpec, PageId, Publication};
use crate::source::TableSource;

/// A chart's figures.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Chart {
    /// What the text names it by.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The header of the labels' column (`Spørgsmål`).
    pub label_header: String,
    /// The bars' labels, one per bar, in file order.
    pub categories: Vec<String>,
    /// The stacked parts of each bar (one series: plain bars).
    pub series: Vec<Series>,
    /// What the figures count: the axis label.
    pub unit: Option<String>,
    /// The data file's name, for the caption.
    pub file: String,
}

/// One part of every bar.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Series {
    /// Its name (the column, or the answer in long data).
    pub name: String,
    /// One value per category.
    pub values: Vec<f64>,
}

/// The charts of each page, by page index.
#[derive(Debug, Default)]
pub struct Charts(HashMap<PageId, Vec<Chart>>);

impl Charts {
    /// The charts of page `id`, in the order `charts:` gives them.
    #[must_use]
    pub fn of(&self, id: PageId) -> &[Chart] {
        self.0.get(&id).map_or(&[], Vec::as_slice)
    }
}

/// Reads the figures of every chart of every analysis page.
pub fn read(
    publication: &Publication,
    tables: &[TableSource],
    sources: &Sources,
    diags: &mut Diagnostics,
) -> Charts {
    let by_path: HashMap<&str, &TableSource> = tables.iter().map(|t| (t.rel.as_str(), t)).collect();
    let mut charts = Charts::default();
    for (id, _) in publication.iter() {
        let Some(data) = publication.data_file(id) else { continue };
        let specs = publication.chart_specs(id);
        if specs.is_empty() {
            continue;
        }
        let Some(table) = by_path.get(data.path.as_str()) else {
            if std::path::Path::new(&data.path)
                .extension()
                .is_some_and(|e| !e.eq_ignore_ascii_case("csv"))
            {
                diags.push(
                    Diagnostic::error(
                        data.span.clone(),
                        format!("`{}` is not a CSV file, so it cannot be charted", data.path),
                    )
                    .code(Code::NotCsv)
                    .help("charts plot a `.csv` file; give `data:` a CSV file".to_owned()),
                );
            }
            continue; // a missing file is reported by the model's checks
        };
        if !table.utf8 {
            diags.push(
                Diagnostic::error(
                    data.span.clone(),
                    format!("`content/{}` is not UTF-8 text", data.path),
                )
                .code(Code::NotUtf8)
                .help("save it as UTF-8 (in Excel: \"CSV UTF-8\")".to_owned()),
            );
            continue;
        }
        let Some(parsed) = parse(table, sources, diags) else { continue };
        let mut seen: HashMap<&str, &ChartSpec> = HashMap::new();
        let mut page_charts = Vec::new();
        for spec in specs {
            if let Some(first) = seen.insert(&spec.id, spec) {
                diags.push(
                    Diagnostic::error(
                        spec.span.clone(),
                        format!("two charts have the id `{}`", spec.id),
                    )
                    .code(Code::ChartId)
                    .also(first.span.clone(), "the first")
                    .help("give each chart its own `id`".to_owned()),
                );
                continue;
            }
            page_charts.extend(figures::figures(spec, &parsed, &data.path, diags));
        }
        charts.0.insert(id, page_charts);
    }
    charts
}

/// Every `chart` block of a page's text names one of its charts, `specs`
/// (by `id`; a block with no id takes the first).
pub fn check_blocks(specs: &[ChartSpec], embeds: &[Embed], diags: &mut Diagnostics) {
    for embed in embeds.iter().filter(|e| e.kind == "chart") {
        let ids: Vec<&str> = specs.iter().map(|c| c.id.as_str()).collect();
        let known = embed.arg.is_empty() && !ids.is_empty() || ids.contains(&embed.arg.as_str());
        if known {
            continue;
        }
        let (message, help) = if ids.is_empty() {
            (
                "this page has no charts to place".to_owned(),
                "charts belong to analysis pages with `data:` and `charts:` in their frontmatter"
                    .to_owned(),
            )
        } else {
            (
                format!("no chart `{}` on this page", embed.arg),
                format!("this page's charts: {}", ids.join(", ")),
            )
        };
        diags.push(Diagnostic::error(embed.span.clone(), message).code(Code::ChartId).help(help));
    }
}

/// A parsed CSV file: its header and rows, each row with where it is.
struct Table {
    header: Vec<String>,
    rows: Vec<(Vec<String>, Span)>,
}

/// Parses a CSV file; `;` is the separator when the header has `;` and no
/// `,` (as Danish Excel writes them), else `,`.
fn parse(table: &TableSource, sources: &Sources, diags: &mut Diagnostics) -> Option<Table> {
    let text = sources.get(table.id).text();
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.contains(';') && !first_line.contains(',') { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(false).from_reader(text.as_bytes());
    let line_at = |byte: u64| -> Span {
        let start = usize::try_from(byte).unwrap_or(0).min(text.len());
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        Span::new(table.id, start..end)
    };
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_owned()).collect(),
        Err(err) => {
            diags.push(csv_error(&err, &line_at, table));
            return None;
        }
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let span = line_at(record.position().map_or(0, csv::Position::byte));
                rows.push((record.iter().map(|c| c.trim().to_owned()).collect(), span));
            }
            Err(err) => {
                diags.push(csv_error(&err, &line_at, table));
                return None;
            }
        }
    }
    Some(Table { header, rows })
}

fn csv_error(err: &csv::Error, line_at: &impl Fn(u64) -> Span, table: &TableSource) -> Diagnostic {
    let at = err.position().map_or(0, csv::Position::byte);
    match err.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => Diagnostic::error(
            line_at(at),
            format!("this row has {len} values, but the header has {expected_len}"),
        ).code(Code::CsvSyntax)
        .help("every row of a CSV file has as many values as its first line; quote values that contain the separator".to_owned()),
        _ => Diagnostic::error(line_at(at), format!("`content/{}` cannot be read as CSV: {err}", table.rel)).code(Code::CsvSyntax),
    }
}
