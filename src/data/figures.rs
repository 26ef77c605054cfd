//! One chart's figures from the rows of its CSV file: the columns it reads,
//! the bars and series they make, and the checks that keep every number
//! drawable. Rows are grouped in one pass with a map per key, so long data
//! costs the same per row however many questions it has. Every value is a
//! number from 0 to [`MAX_VALUE`], every bar adds up to no more, and a chart
//! stacks at most [`MAX_SERIES`] series; what breaks a rule is reported at
//! its row or at the chart's setting.

use std::collections::HashMap;

use crate::data::{Chart, Series, Table};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use crate::model::ChartSpec;

/// The largest value, and bar, a chart draws. Sums of figures stay exact
/// below it (binary floating point counts whole numbers exactly up to 2^53,
/// about 9·10^15), so its axis, ticks and totals are plain numbers.
pub(crate) const MAX_VALUE: f64 = 1e15;

/// How [`MAX_VALUE`] reads in a diagnostic.
const MAX_VALUE_TEXT: &str = "1000000000000000 (10^15)";

/// The most series a chart stacks. The table holds a value for every bar
/// and series, so this keeps it in proportion to the data (long data with
/// a new answer on every row would otherwise square it); no picture tells
/// more apart.
pub(crate) const MAX_SERIES: usize = 30;

type Row = (Vec<String>, Span);

/// The figures of one chart of `table`.
pub(super) fn figures(
    spec: &ChartSpec,
    table: &Table,
    file: &str,
    diags: &mut Diagnostics,
) -> Option<Chart> {
    let column = |name: &str, span: &Span, diags: &mut Diagnostics| -> Option<usize> {
        let found = table.header.iter().position(|h| h == name);
        if found.is_none() {
            diags.push(
                Diagnostic::error(span.clone(), format!("`content/{file}` has no column `{name}`"))
                    .code(Code::ChartColumn)
                    .help(format!("its columns: {}", table.header.join(", "))),
            );
        }
        found
    };
    let label = match &spec.label {
        Some((name, span)) => column(name, span, diags)?,
        None => 0,
    };
    let mut keep = Vec::new();
    for (name, value, span) in &spec.filter {
        keep.push((column(name, span, diags)?, value.as_str()));
    }
    let rows: Vec<&Row> = table
        .rows
        .iter()
        .filter(|(row, _)| keep.iter().all(|(c, v)| row.get(*c).map(String::as_str) == Some(*v)))
        .collect();
    // A column holds figures when any of its values is a number: one that
    // is a number but for a typo is plotted, and the typo reported.
    let numeric =
        |c: usize| rows.iter().any(|(row, _)| !row[c].is_empty() && number(&row[c]).is_some());
    let long = spec.series.is_some()
        || (spec.values.is_empty()
            && table.header.len() == 3
            && label == 0
            && !numeric(1)
            && numeric(2));
    let mut values = Vec::new();
    for (name, span) in &spec.values {
        values.push(column(name, span, diags)?);
    }
    if values.is_empty() {
        values = if long {
            // The last column; a file with no header has none.
            table.header.len().checked_sub(1).into_iter().collect()
        } else {
            (0..table.header.len()).filter(|&c| c != label && numeric(c)).collect()
        };
    }
    if values.is_empty() {
        diags.push(
            Diagnostic::error(
                spec.span.clone(),
                format!("`content/{file}` has no numeric column to chart"),
            )
            .code(Code::ChartColumn)
            .help("name the columns to plot in `values:`".to_owned()),
        );
        return None;
    }
    let grid = if long {
        let series = match &spec.series {
            Some((name, span)) => column(name, span, diags)?,
            None => 1,
        };
        long_form(spec, table, &rows, [label, series, values[0]], diags)?
    } else {
        wide_form(spec, table, &rows, label, &values, diags)?
    };
    grid.ok.then(|| Chart {
        id: spec.id.clone(),
        title: spec.title.clone(),
        label_header: table.header[label].clone(),
        series: grid.series(),
        categories: grid.categories,
        unit: spec.unit.clone(),
        file: file.rsplit('/').next().unwrap_or(file).to_owned(),
    })
}

/// Wide data: a bar per row, a series per column in `values`.
fn wide_form(
    spec: &ChartSpec,
    table: &Table,
    rows: &[&Row],
    label: usize,
    values: &[usize],
    diags: &mut Diagnostics,
) -> Option<Grid> {
    if values.len() > MAX_SERIES {
        let at = spec.values.first().map_or(&spec.span, |(_, span)| span);
        diags.push(
            Diagnostic::error(
                at.clone(),
                format!(
                    "this chart would stack {} series; a chart stacks at most {MAX_SERIES}",
                    values.len()
                ),
            )
            .code(Code::TooManySeries)
            .help("name the columns to plot in `values:`, or make several charts".to_owned()),
        );
        return None;
    }
    let mut grid = Grid::new(values.iter().map(|&c| table.header[c].clone()).collect());
    for &(row, span) in rows {
        let bar = grid.bar(&row[label]);
        for (series, &c) in values.iter().enumerate() {
            let value = value(table, row, span, c, diags);
            grid.add(bar, series, value, span, diags);
        }
    }
    Some(grid)
}

/// Long data: a bar per distinct label, a series per distinct value of the
/// series column; rows naming the same bar and series add up.
fn long_form(
    spec: &ChartSpec,
    table: &Table,
    rows: &[&Row],
    [label, series_column, value_column]: [usize; 3],
    diags: &mut Diagnostics,
) -> Option<Grid> {
    let mut grid = Grid::new(Vec::new());
    let mut bars: HashMap<&str, usize> = HashMap::new();
    let mut series: HashMap<&str, usize> = HashMap::new();
    for &(row, span) in rows {
        let bar = *bars.entry(&row[label]).or_insert_with(|| grid.bar(&row[label]));
        let name = row[series_column].as_str();
        let s = match series.get(name) {
            Some(&s) => s,
            None if series.len() == MAX_SERIES => {
                let mut diag = Diagnostic::error(
                    span.clone(),
                    format!(
                        "`{name}` would be series {} of this chart; a chart stacks at most {MAX_SERIES}",
                        MAX_SERIES + 1
                    ),
                ).code(Code::TooManySeries)
                .label("in this row");
                if let Some((_, at)) = &spec.series {
                    diag = diag.also(at.clone(), "the series column");
                }
                let help = format!(
                    "the series are the values of column `{}`; name the column of the answers in `series:`, or keep fewer rows with `where:`",
                    table.header[series_column]
                );
                diags.push(diag.help(help));
                return None;
            }
            None => {
                grid.names.push(name.to_owned());
                series.insert(name, grid.names.len() - 1);
                grid.names.len() - 1
            }
        };
        let value = value(table, row, span, value_column, diags);
        grid.add(bar, s, value, span, diags);
    }
    Some(grid)
}

/// The values read so far: a cell per row and series, with each bar's total.
struct Grid {
    categories: Vec<String>,
    names: Vec<String>,
    cells: Vec<(usize, usize, f64)>,
    totals: Vec<f64>,
    /// False once a value was refused.
    ok: bool,
}

impl Grid {
    fn new(names: Vec<String>) -> Grid {
        Grid { categories: Vec::new(), names, cells: Vec::new(), totals: Vec::new(), ok: true }
    }

    /// A new bar labelled `label`; its index.
    fn bar(&mut self, label: &str) -> usize {
        self.categories.push(label.to_owned());
        self.totals.push(0.0);
        self.categories.len() - 1
    }

    /// Adds `value` (`None`: refused) to bar `bar` in series `series`,
    /// reporting at `span` the row at which the bar grows past [`MAX_VALUE`].
    fn add(
        &mut self,
        bar: usize,
        series: usize,
        value: Option<f64>,
        span: &Span,
        diags: &mut Diagnostics,
    ) {
        let Some(value) = value else {
            self.ok = false;
            return;
        };
        self.cells.push((bar, series, value));
        let total = &mut self.totals[bar];
        let before = *total;
        *total += value;
        if before <= MAX_VALUE && *total > MAX_VALUE {
            diags.push(
                Diagnostic::error(
                    span.clone(),
                    format!(
                        "the bar `{}` adds up to more than a chart can show",
                        self.categories[bar]
                    ),
                )
                .code(Code::ChartValue)
                .label(format!("its values reach {total:.0} with this row"))
                .help(too_large_help()),
            );
            self.ok = false;
        }
    }

    /// The series, each with a value per bar (0 where no row gave one).
    fn series(&self) -> Vec<Series> {
        let mut series: Vec<Series> = self
            .names
            .iter()
            .map(|name| Series { name: name.clone(), values: vec![0.0; self.categories.len()] })
            .collect();
        for &(bar, s, value) in &self.cells {
            series[s].values[bar] += value;
        }
        series
    }
}

/// The value in column `c` of `row`, or `None` with a diagnostic at its row
/// when it is not a number a chart can draw.
fn value(
    table: &Table,
    row: &[String],
    span: &Span,
    c: usize,
    diags: &mut Diagnostics,
) -> Option<f64> {
    let (text, column) = (&row[c], &table.header[c]);
    let (message, help) = match number(text) {
        None => (
            "is not a number",
            "write plain numbers (`21`, `8.5` or `8,5`); put a unit such as `%` in the chart's `unit:`"
                .to_owned(),
        ),
        Some(v) if v < 0.0 => (
            "is below 0",
            "a chart stacks its values from 0 and cannot draw a negative one; chart a change as its two values, before and after"
                .to_owned(),
        ),
        Some(v) if v > MAX_VALUE => ("is more than a chart can show", too_large_help()),
        // `+ 0.0` makes `-0` a plain 0.
        Some(v) => return Some(v + 0.0),
    };
    diags.push(
        Diagnostic::error(span.clone(), format!("`{text}` in column `{column}` {message}"))
            .code(Code::ChartValue)
            .label("in this row")
            .help(help),
    );
    None
}

fn too_large_help() -> String {
    format!(
        "a chart shows values and bars up to {MAX_VALUE_TEXT}; give the figures in a larger unit (thousands, millions) and name it in `unit:`"
    )
}

/// A number as people type them in CSV files: `21`, `-3`, `8.5`, `8,5`,
/// `1e6` (too large ones read as infinite, for the caller to refuse); an
/// empty cell is 0. Words such as `inf` and `NaN` are not numbers.
fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return Some(0.0);
    }
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    text.replace(',', ".").parse::<f64>().ok().filter(|f| !f.is_nan())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::float_cmp, reason = "these numbers are exact in binary floating point")]
    fn numbers_as_typed() {
        assert_eq!(number("8,5"), Some(8.5));
        assert_eq!(number(" 21 "), Some(21.0));
        assert_eq!(number(""), Some(0.0));
        assert_eq!(number("1e400"), Some(f64::INFINITY), "too large, refused by the caller");
        for word in ["inf", "-Infinity", "NaN", "nan", "x"] {
            assert_eq!(number(word), None, "{word}");
        }
    }
}
