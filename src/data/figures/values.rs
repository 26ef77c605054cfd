//! The values of a chart: each a number from 0 to [`MAX_VALUE`] as people
//! type numbers in CSV files, gathered into bars and series with each
//! bar's total kept under the same bound, so the axis, its ticks and the
//! totals stay plain, exact numbers.

use crate::data::{Series, Table};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};

/// The largest value, and bar, a chart draws. Sums of figures stay exact
/// below it (binary floating point counts whole numbers exactly up to 2^53,
/// about 9·10^15), so its axis, ticks and totals are plain numbers.
pub(crate) const MAX_VALUE: f64 = 1e15;

/// How [`MAX_VALUE`] reads in a diagnostic.
const MAX_VALUE_TEXT: &str = "1000000000000000 (10^15)";

/// The values read so far: a cell per row and series, with each bar's total.
pub(super) struct Grid {
    pub(super) categories: Vec<String>,
    pub(super) names: Vec<String>,
    cells: Vec<(usize, usize, f64)>,
    totals: Vec<f64>,
    /// False once a value was refused.
    pub(super) ok: bool,
}

impl Grid {
    pub(super) fn new(names: Vec<String>) -> Grid {
        Grid { categories: Vec::new(), names, cells: Vec::new(), totals: Vec::new(), ok: true }
    }

    /// A new bar labelled `label`; its index.
    pub(super) fn bar(&mut self, label: &str) -> usize {
        self.categories.push(label.to_owned());
        self.totals.push(0.0);
        self.categories.len() - 1
    }

    /// Adds `value` (`None`: refused) to bar `bar` in series `series`,
    /// reporting at `span` the row at which the bar grows past [`MAX_VALUE`].
    pub(super) fn add(
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
    pub(super) fn series(&self) -> Vec<Series> {
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
pub(super) fn value(
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
pub(super) fn number(text: &str) -> Option<f64> {
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
mod tests;
