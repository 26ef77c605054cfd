//! Draws a KPI's actuals against its trajectory as a small inline SVG:
//! the trajectory a dashed line from baseline to target, the actuals a
//! solid line with a dot per quarter, so the two differ by shape as well
//! as colour. The picture has a title and a description that says what it
//! shows in words; its table beside it holds every figure.

use std::fmt::Write as _;

use crate::calendar::Quarter;
use crate::config::Language;
use crate::model::progress::Trajectory;
use crate::render::escape_html as escape;
use crate::render::format;
use crate::render::plan::chart::number;

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 150.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 44.0;

/// What one chart shows.
pub(crate) struct Progress<'a> {
    /// Prefix of the ids inside the SVG, unique in the document.
    pub(crate) id: &'a str,
    /// Its title (the KPI's name).
    pub(crate) title: &'a str,
    /// What it shows, in a sentence.
    pub(crate) description: &'a str,
    /// The line from baseline to target, when both are figures.
    pub(crate) line: Option<Trajectory>,
    /// The figures measured, in order.
    pub(crate) actual: &'a [(Quarter, f64)],
    /// The legend's words: the trajectory, the actuals.
    pub(crate) legend: (&'a str, &'a str),
    pub(crate) decimal: char,
    pub(crate) language: Language,
}

/// The chart as an `<svg>` element; `None` with no actual to show.
pub(crate) fn draw(p: &Progress<'_>) -> Option<String> {
    let (first, last) = span(p)?;
    let values = p.actual.iter().map(|a| a.1).chain(p.line.iter().flat_map(|l| [l.from.1, l.to.1]));
    let (low, high) = values.fold((0f64, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let high = if high > low { high } else { low + 1.0 };
    let steps = f64::from(first.distance(last).max(1));
    let x = |q: Quarter| LEFT + f64::from(first.distance(q)) / steps * (WIDTH - LEFT - RIGHT);
    let y = |v: f64| TOP + (high - v) / (high - low) * (HEIGHT - TOP - BOTTOM);
    let bottom = HEIGHT - BOTTOM;
    let id = p.id;
    let mut svg = String::with_capacity(2048);
    let _ = write!(
        svg,
        r#"<svg class="kpi-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(p.title),
        escape(p.description)
    );
    let _ = write!(
        svg,
        r#"<line class="kp-axis" x1="{LEFT}" x2="{}" y1="{bottom}" y2="{bottom}"/><text class="kp-tick" x="{}" y="{}" text-anchor="end">{}</text><text class="kp-tick" x="{}" y="{}" text-anchor="end">{}</text>"#,
        WIDTH - RIGHT,
        LEFT - 6.0,
        y(high) + 4.0,
        number(high, p.decimal),
        LEFT - 6.0,
        y(low) + 4.0,
        number(low, p.decimal),
    );
    for (q, anchor) in [(first, "start"), (last, "end")] {
        let _ = write!(
            svg,
            r#"<text class="kp-tick" x="{:.1}" y="{}" text-anchor="{anchor}">{}</text>"#,
            x(q),
            bottom + 14.0,
            format::quarter(q, p.language)
        );
    }
    if let Some(line) = p.line {
        let _ = write!(
            svg,
            r#"<line class="kp-line" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/><rect class="kp-target" x="{:.1}" y="{:.1}" width="8" height="8"/>"#,
            x(line.from.0),
            y(line.from.1),
            x(line.to.0),
            y(line.to.1),
            x(line.to.0) - 4.0,
            y(line.to.1) - 4.0,
        );
    }
    let points: Vec<String> =
        p.actual.iter().map(|(q, v)| format!("{:.1},{:.1}", x(*q), y(*v))).collect();
    let _ = write!(svg, r#"<polyline class="kp-actual" points="{}"/>"#, points.join(" "));
    for (q, v) in p.actual {
        let _ =
            write!(svg, r#"<circle class="kp-dot" cx="{:.1}" cy="{:.1}" r="4"/>"#, x(*q), y(*v));
    }
    legend(&mut svg, p, HEIGHT - 8.0);
    svg.push_str("</svg>");
    Some(svg)
}

/// The quarters the chart spans: the trajectory's and the actuals'.
fn span(p: &Progress<'_>) -> Option<(Quarter, Quarter)> {
    let (first, last) = (p.actual.first()?.0, p.actual.last()?.0);
    Some(match p.line {
        Some(line) => (first.min(line.from.0), last.max(line.to.0)),
        None => (first, last),
    })
}

fn legend(svg: &mut String, p: &Progress<'_>, baseline: f64) {
    let (line, actual) = p.legend;
    let mid = baseline - 4.0;
    if p.line.is_some() {
        let _ = write!(
            svg,
            r#"<line class="kp-line" x1="{LEFT}" x2="{}" y1="{mid}" y2="{mid}"/><text class="kp-legend" x="{}" y="{baseline}">{}</text>"#,
            LEFT + 22.0,
            LEFT + 28.0,
            escape(line)
        );
    }
    let at = WIDTH / 2.0 + 20.0;
    let _ = write!(
        svg,
        r#"<line class="kp-actual" x1="{at}" x2="{}" y1="{mid}" y2="{mid}"/><circle class="kp-dot" cx="{}" cy="{mid}" r="4"/><text class="kp-legend" x="{}" y="{baseline}">{}</text>"#,
        at + 22.0,
        at + 11.0,
        at + 28.0,
        escape(actual)
    );
}
