//! One chart's figures from the rows of its CSV file: the columns it reads,
//! the bars and series they make, and the checks that keep every number
//! drawable. Rows are grouped in one pass with a map per key, so long data
//! costs the same per row however many questions it has. Every value is a
//! number from 0 to [`MAX_VALUE`](values::MAX_VALUE), every bar adds up to no more, and a chart
//! stacks at most [`MAX_SERIES`] series; what breaks a rule is reported at
//! its row or at the chart's setting.

use std::collections::HashMap;

use crate::data::{Chart, Table};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use crate::model::ChartSpec;

mod values;

use values::{Grid, number, value};

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
