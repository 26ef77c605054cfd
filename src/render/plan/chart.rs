//! Draws a [`Chart`] from an analysis page's data file: horizontal bars, one
//! per row of the data, stacked by series (a survey's answers), with the
//! values on the bars, an axis with its unit, and a legend. The data table
//! is the text alternative: it follows the picture and the picture points to
//! it (`aria-describedby`), so screen readers and print read the numbers.

use std::fmt::Write as _;

use serde::Serialize;

use crate::config::Language;
use crate::data::Chart;
use crate::error::Error;
use crate::render::Templates;
use crate::render::escape_html as escape;

/// Sizes in SVG user units.
const LABEL_WIDTH: usize = 330;
const PLOT_WIDTH: usize = 430;
const ROW_HEIGHT: usize = 40;
const BAR_HEIGHT: usize = 22;
const TOP: usize = 12;
const AXIS_HEIGHT: usize = 44;
const LEGEND_LINE: usize = 22;
/// Characters per line of a bar's label: a long label wraps onto as many
/// lines as it needs, and its row grows with it.
const LABEL_LINE: usize = 44;
/// The distance between the lines of a label.
const LABEL_LEADING: usize = 16;

/// How the text on a bar is inked: light on the dark fills, dark on the
/// light ones (a class, so the theme's `.chart text` rule cannot override it).
#[derive(Clone, Copy)]
enum Ink {
    Light,
    Dark,
}

impl Ink {
    fn class(self) -> &'static str {
        match self {
            Ink::Light => "ch-on-dark",
            Ink::Dark => "ch-on-light",
        }
    }
}

/// Fills for the series: a diverging blue-orange scale, readable with every
/// common colour-vision deficiency, whose ends are dark and middle light (a
/// survey's answers from "agree" to "disagree" read as one scale), then a
/// dark grey (for "don't know"). Each fill has its own lightness (relative
/// luminance 0.03, 0.26, 0.75, 0.56, 0.17, 0.07), so the series stay apart
/// on a black-and-white printer; the text on each has a contrast of at
/// least 4.5:1 (12.8, 5.8, 14.8, 11.4, 4.9, 8.5).
const PALETTE: [(&str, Ink); 6] = [
    ("#08306b", Ink::Light),
    ("#4393c3", Ink::Dark),
    ("#e0e0e0", Ink::Dark),
    ("#fdb863", Ink::Dark),
    ("#b35806", Ink::Light),
    ("#4d4d4d", Ink::Light),
];

/// A chart ready for a template: the picture and its table.
#[derive(Serialize)]
pub(crate) struct ChartView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) svg: String,
    pub(crate) table: ChartTable,
}

/// The figures as a table: the picture's text alternative.
#[derive(Serialize)]
pub(crate) struct ChartTable {
    pub(crate) id: String,
    pub(crate) caption: String,
    pub(crate) label_header: String,
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<(String, Vec<String>)>,
    pub(crate) file: String,
}

/// The view of `chart`; `prefix` makes its ids unique in the page.
/// The charts of one page, each rendered with the theme's `chart.html`
/// (given the words and the like in `shared`), by id; element ids start
/// with `prefix`. Both outputs draw their charts here, each with its own
/// prefix.
pub(crate) fn render(
    templates: &Templates,
    shared: &tera::Context,
    charts: &[Chart],
    prefix: &str,
    language: Language,
) -> Result<Vec<(String, String)>, Error> {
    let decimal = if language == Language::Da { ',' } else { '.' };
    charts
        .iter()
        .map(|c| {
            let mut context = tera::Context::new();
            context.insert("c", &view(c, prefix, decimal));
            Ok((c.id.clone(), templates.render("chart.html", shared, &context)?))
        })
        .collect()
}

pub(crate) fn view(chart: &Chart, prefix: &str, decimal: char) -> ChartView {
    let id = format!("{prefix}-{}", crate::slug::slugify(&chart.id));
    let table_id = format!("{id}-table");
    let format = |v: f64| number(v, decimal);
    ChartView {
        id: id.clone(),
        title: chart.title.clone(),
        svg: draw(chart, &id, &table_id, decimal),
        table: ChartTable {
            id: table_id,
            caption: chart.title.clone(),
            label_header: chart.label_header.clone(),
            columns: chart.series.iter().map(|s| s.name.clone()).collect(),
            rows: chart
                .categories
                .iter()
                .enumerate()
                .map(|(k, category)| {
                    (category.clone(), chart.series.iter().map(|s| format(s.values[k])).collect())
                })
                .collect(),
            file: chart.file.clone(),
        },
    }
}

/// The chart as an `<svg>` element.
fn draw(chart: &Chart, id: &str, table: &str, decimal: char) -> String {
    let totals: Vec<f64> = (0..chart.categories.len())
        .map(|k| chart.series.iter().map(|s| s.values[k].max(0.0)).sum())
        .collect();
    let max = nice_ceiling(totals.iter().copied().fold(0.0, f64::max));
    let width = LABEL_WIDTH + PLOT_WIDTH + 20;
    let labels: Vec<Vec<String>> = chart.categories.iter().map(|c| wrap(c, LABEL_LINE)).collect();
    let plot_bottom = TOP + labels.iter().map(|l| row_height(l.len())).sum::<usize>();
    let legend_lines = if chart.series.len() > 1 { legend_lines(chart, width) } else { 0 };
    let height = plot_bottom + AXIS_HEIGHT + legend_lines * LEGEND_LINE + 6;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{id}-title" aria-describedby="{table}"><title id="{id}-title">{}</title>"#,
        escape(&chart.title)
    );
    let x_of = |value: f64| -> f64 { px(LABEL_WIDTH) + value / max * px(PLOT_WIDTH) };
    // Grid lines and ticks.
    let (ticks, decimals) = ticks(max);
    for tick in ticks {
        let x = x_of(tick);
        let _ = write!(
            svg,
            r#"<line class="ch-grid" x1="{x:.1}" x2="{x:.1}" y1="{TOP}" y2="{plot_bottom}"/><text class="ch-tick" x="{x:.1}" y="{}" text-anchor="middle">{}</text>"#,
            plot_bottom + 16,
            figure(tick, decimals, decimal)
        );
    }
    if let Some(unit) = &chart.unit {
        let _ = write!(
            svg,
            r#"<text class="ch-axis" x="{}" y="{}" text-anchor="middle">{}</text>"#,
            LABEL_WIDTH + PLOT_WIDTH / 2,
            plot_bottom + 36,
            escape(unit)
        );
    }
    let mut y = TOP;
    for (k, lines) in labels.iter().enumerate() {
        bar(&mut svg, chart, k, (y, lines), &x_of, decimal);
        y += row_height(lines.len());
    }
    if chart.series.len() > 1 {
        legend(&mut svg, chart, plot_bottom + AXIS_HEIGHT, width);
    }
    svg.push_str("</svg>");
    svg
}

/// The height of a row whose label has `lines` lines.
fn row_height(lines: usize) -> usize {
    ROW_HEIGHT.max(lines * LABEL_LEADING + 8)
}

/// Bar `k`, its row at `y` with its label's `lines`: the label and the
/// stacked parts, placed by `x_of`.
fn bar(
    svg: &mut String,
    chart: &Chart,
    k: usize,
    (y, lines): (usize, &[String]),
    x_of: &dyn Fn(f64) -> f64,
    decimal: char,
) {
    let height = row_height(lines.len());
    let first = y + height / 2 + 4 - (lines.len() - 1) * LABEL_LEADING / 2;
    let _ = write!(
        svg,
        r#"<text class="ch-label" x="{}" y="{first}" text-anchor="end">"#,
        LABEL_WIDTH - 10
    );
    for (n, line) in lines.iter().enumerate() {
        let dy = if n == 0 { 0 } else { LABEL_LEADING };
        let _ =
            write!(svg, r#"<tspan x="{}" dy="{dy}">{}</tspan>"#, LABEL_WIDTH - 10, escape(line));
    }
    svg.push_str("</text>");
    let top = y + (height - BAR_HEIGHT) / 2;
    let mut at = 0.0;
    for (s, series) in chart.series.iter().enumerate() {
        let value = series.values[k].max(0.0);
        if value == 0.0 {
            continue;
        }
        let (fill, ink) = PALETTE[s % PALETTE.len()];
        let ink = ink.class();
        let (x0, x1) = (x_of(at), x_of(at + value));
        let _ = write!(
            svg,
            r#"<rect class="ch-bar" x="{x0:.1}" y="{top}" width="{:.1}" height="{BAR_HEIGHT}" fill="{fill}"><title>{}: {}</title></rect>"#,
            x1 - x0,
            escape(&series.name),
            number(value, decimal)
        );
        // The value on its bar, where it fits; the table has them all.
        let text = number(value, decimal);
        if x1 - x0 >= 8.0 * px(text.chars().count()) + 6.0 {
            let _ = write!(
                svg,
                r#"<text class="ch-value {ink}" x="{:.1}" y="{}" text-anchor="middle">{text}</text>"#,
                f64::midpoint(x0, x1),
                top + BAR_HEIGHT / 2 + 5
            );
        }
        at += value;
    }
}

/// Lines the legend needs at `width`.
fn legend_lines(chart: &Chart, width: usize) -> usize {
    let mut svg = String::new();
    legend(&mut svg, chart, 0, width)
}

/// The series' swatches and names, in stacking order. Returns its lines.
fn legend(svg: &mut String, chart: &Chart, y: usize, width: usize) -> usize {
    let (mut x, mut line) = (LABEL_WIDTH, 0);
    for (s, series) in chart.series.iter().enumerate() {
        let w = 22 + series.name.chars().count() * 7 + 16;
        if x + w > width && x > LABEL_WIDTH {
            x = LABEL_WIDTH;
            line += 1;
        }
        let (fill, _) = PALETTE[s % PALETTE.len()];
        let _ = write!(
            svg,
            r#"<g transform="translate({x} {})"><rect class="ch-swatch" width="14" height="14" fill="{fill}"/><text class="ch-legend" x="20" y="12">{}</text></g>"#,
            y + line * LEGEND_LINE,
            escape(&series.name)
        );
        x += w;
    }
    line + 1
}

/// `text` in lines of at most about `width` characters (a longer word has
/// a line of its own), never cut: the label is the reader's question.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// The smallest "round" number at or above `max` (1, 2, 2.5 or 5 times a
/// power of ten), so the axis ends on a tick. Always finite and above 0:
/// 1 for an empty chart (or a `max` that is not a positive number), `max`
/// itself where no round number above it is finite.
fn nice_ceiling(max: f64) -> f64 {
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|&v| v >= max && v.is_finite())
        .unwrap_or(max)
}

/// The most steps an axis has: its step is at least a fifth of its end.
const TICK_STEPS: u32 = 5;

/// Ticks from 0 to `max` at a round step, at most [`TICK_STEPS`] + 1 of
/// them whatever `max` is, with the decimals the step needs.
fn ticks(max: f64) -> (Vec<f64>, usize) {
    let step = nice_ceiling(max / 5.0);
    let ticks = (0..=TICK_STEPS)
        .map(|k| f64::from(k) * step)
        .take_while(|t| t.is_finite() && *t - step / 2.0 <= max)
        .collect();
    (ticks, decimals(step))
}

/// The decimals that show multiples of `step` (0.25: 2), at most 6.
fn decimals(step: f64) -> usize {
    (0..6u8)
        .find(|&d| {
            let scaled = step * 10f64.powi(i32::from(d));
            (scaled - scaled.round()).abs() <= 1e-9 * scaled.max(1.0)
        })
        .map_or(6, usize::from)
}

/// `value` with at most `decimals` decimals, none trailing: `12`, `8,5`.
fn figure(value: f64, decimals: usize, decimal: char) -> String {
    let text = format!("{value:.decimals$}");
    let text =
        if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    text.replace('.', &decimal.to_string())
}

/// A size in user units as a coordinate.
fn px(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// A value as the bars and the table show it, with the decimals it has, up
/// to 6 (the text alternative must not round `0,02` to `0`): `12`, `8,5`,
/// `0.02`.
pub(crate) fn number(value: f64, decimal: char) -> String {
    figure(value, 6, decimal)
}

#[cfg(test)]
mod tests;
