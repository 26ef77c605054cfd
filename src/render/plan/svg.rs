//! Draws a [`Roadmap`] as inline SVG: no script, no external file, so it
//! works in the site, from disk and in the self-contained board edition.
//!
//! Status is shown by colour and by pattern (outline, solid, stripes, a
//! strike), and the legend names each, so nothing relies on colour alone
//! (both in `legend`).
//! The picture is `role="img"` with a title and a description; the same facts
//! are in the accessible table it points to (`aria-describedby`), which is
//! also where keyboard users follow the links (bars are links for the mouse).

use std::fmt::Write as _;

use crate::compare::Comparison;
use crate::config::Language;
use crate::model::{Publication, Status};
use crate::render::escape_html as escape;
use crate::render::format;
use crate::render::labels::Labels;
use crate::render::plan::roadmap::{self, Bar, Edge, Group, Roadmap, Row};

mod legend;
mod scale;

use legend::{defs, legend, status_rect};
use scale::{LINE_HEIGHT, Scale, row_height, wrap};

/// Sizes in SVG user units (px at 100 %).
const LABEL_WIDTH: usize = 280;
const HEADER_HEIGHT: usize = 46;
const GROUP_HEIGHT: usize = 30;
const ROW_HEIGHT: usize = 26;
const BAR_HEIGHT: usize = 14;
/// Height of one line of the legend.
const LEGEND_LINE: usize = 24;

/// What the drawing needs besides the layout.
#[derive(Clone, Copy)]
pub(crate) struct Drawing<'a> {
    pub(crate) publication: &'a Publication,
    pub(crate) labels: &'a Labels,
    pub(crate) language: Language,
    /// How this output links to a page.
    pub(crate) href: &'a dyn Fn(crate::model::PageId) -> String,
    /// How this output names a page, with its number.
    pub(crate) heading: &'a dyn Fn(crate::model::PageId) -> String,
    /// Prefix of the ids inside the SVG (patterns, title), unique in the page.
    pub(crate) id: &'a str,
    /// The id of the table holding the same facts.
    pub(crate) table: &'a str,
    /// What changed since a revision: a moved initiative's period there is
    /// drawn behind its bar.
    pub(crate) changes: Option<&'a Comparison>,
}

/// The roadmap as an `<svg>` element.
pub(crate) fn draw(roadmap: &Roadmap, d: &Drawing<'_>) -> String {
    let scale = Scale::of(&roadmap.quarters);
    let rows = rows(roadmap, d);
    let (width, height) = size(roadmap, &scale, &rows, d);
    let chart_bottom = chart_bottom(&rows);
    let mut key = String::new();
    legend(&mut key, roadmap, chart_bottom + 12, width, d);
    let title = &d.labels.roadmap;
    let mut svg = String::with_capacity(4096 + rows.len() * 400);
    let id = d.id;
    let _ = write!(
        svg,
        r#"<svg class="roadmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{id}-title {id}-desc" aria-describedby="{table}" style="min-width:{width}px">"#,
        table = d.table,
    );
    let _ = write!(svg, r#"<title id="{id}-title">{}</title>"#, escape(title));
    let _ = write!(svg, r#"<desc id="{id}-desc">{}</desc>"#, escape(&description(roadmap, d)));
    defs(&mut svg, id);
    columns(&mut svg, roadmap, &scale, chart_bottom, d.language);
    for (y, item) in &rows {
        match item {
            Item::Group(direction) => {
                let _ = write!(
                    svg,
                    r#"<text class="rm-group" x="4" y="{ty}">{}</text><line class="rm-rule" x1="0" x2="{width}" y1="{y}" y2="{y}"/>"#,
                    escape(&(d.heading)(*direction)),
                    ty = y + 20,
                );
            }
            Item::Empty => note(&mut svg, *y, &d.labels.no_initiatives_short),
            Item::Row(row, lines) => {
                let top = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
                draw_was(&mut svg, roadmap, row, top, &scale, d);
                draw_row(&mut svg, row, lines, *y, &scale, d);
            }
        }
    }
    svg.push_str(&key);
    svg.push_str("</svg>");
    svg
}

/// The columns in the period's unit with their heads, and the band of "now".
fn columns(svg: &mut String, roadmap: &Roadmap, scale: &Scale, bottom: usize, language: Language) {
    let column = scale.column_width();
    for c in 0..scale.columns {
        let x = LABEL_WIDTH + c * column;
        let class = if c % 2 == 0 { "rm-col rm-even" } else { "rm-col" };
        let _ = write!(
            svg,
            r#"<rect class="{class}" x="{x}" y="0" width="{column}" height="{bottom}"/>"#
        );
    }
    if let Some(now) = roadmap.now {
        let _ = write!(
            svg,
            r#"<rect class="rm-col rm-now" x="{x}" y="0" width="{w}" height="{bottom}"/>"#,
            x = LABEL_WIDTH + scale.x(now),
            w = scale.quarter,
        );
    }
    for c in 0..scale.columns {
        let (top, bottom) = scale.head(c, language);
        let cx = LABEL_WIDTH + c * column + column / 2;
        let _ = write!(
            svg,
            r#"<text class="rm-quarter" x="{cx}" y="18" text-anchor="middle">{}</text>"#,
            escape(&top)
        );
        if !bottom.is_empty() {
            let _ = write!(
                svg,
                r#"<text class="rm-year" x="{cx}" y="34" text-anchor="middle">{bottom}</text>"#
            );
        }
    }
}

/// One initiative: its name (in full, over as many lines as it takes), its
/// bar and its milestones.
fn draw_row(
    svg: &mut String,
    row: &Row,
    lines: &[String],
    y: usize,
    scale: &Scale,
    d: &Drawing<'_>,
) {
    let indent = 6 + row.depth * 14;
    let _ = write!(
        svg,
        r#"<text class="rm-label{sub}" x="{indent}" y="{ty}">"#,
        sub = if row.depth > 0 { " rm-sub" } else { "" },
        ty = y + 17,
    );
    for (k, line) in lines.iter().enumerate() {
        let dy = if k == 0 { 0 } else { LINE_HEIGHT };
        let _ = write!(svg, r#"<tspan x="{indent}" dy="{dy}">{}</tspan>"#, escape(line));
    }
    svg.push_str("</text>");
    let top = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    match &row.bar {
        Some(bar) => draw_bar(svg, bar, row.status, top, scale, d),
        None => note(svg, y, &d.labels.no_period),
    }
    for marker in &row.milestones {
        let x0 = LABEL_WIDTH + scale.x(marker.from);
        let x1 = LABEL_WIDTH + scale.x(marker.to + 1);
        let cx = usize::midpoint(x0, x1);
        let cy = y + ROW_HEIGHT / 2;
        let title = d
            .publication
            .initiative(row.initiative)
            .and_then(|i| i.milestones.get(marker.index))
            .map(|m| format!("{}: {}", format::when(m.quarter, d.language), m.title))
            .unwrap_or_default();
        let _ = write!(
            svg,
            r#"<g class="rm-milestone{approx}"><title>{}</title><path d="M{cx} {t}l6 6-6 6-6-6z"/></g>"#,
            escape(&title),
            approx = if marker.approximate { " rm-approximate" } else { "" },
            t = cy - 6,
        );
    }
}

/// The period a moved initiative had at the revision compared with, as
/// a dashed outline behind its bar, its words in its tooltip (the table
/// and the description say it for every reader).
fn draw_was(
    svg: &mut String,
    roadmap: &Roadmap,
    row: &Row,
    top: usize,
    scale: &Scale,
    d: &Drawing<'_>,
) {
    let Some((start, end)) = d.changes.and_then(|c| c.was_period(row.initiative)) else { return };
    let Some(i) = d.publication.initiative(row.initiative) else { return };
    let (start, end) = (start.or(i.start), end.or(i.end));
    let Some(bar) = roadmap::bar_in(roadmap, start, end) else { return };
    let x = LABEL_WIDTH + scale.x(bar.from) + 1;
    let width = (scale.x(bar.to + 1) - scale.x(bar.from)).saturating_sub(2);
    let period = format::when_range(start, end, d.language).unwrap_or_default();
    let _ = write!(
        svg,
        r#"<rect class="rm-was" x="{x}" y="{}" width="{width}" height="{}"><title>{}</title></rect>"#,
        top - 3,
        BAR_HEIGHT + 6,
        escape(&d.labels.was_period.replace('#', &period)),
    );
}

/// A word where a row at `y` has no bar (no initiatives, no period).
fn note(svg: &mut String, y: usize, text: &str) {
    let _ = write!(
        svg,
        r#"<text class="rm-empty" x="{x}" y="{ty}">{}</text>"#,
        escape(text),
        x = LABEL_WIDTH + 6,
        ty = y + 17
    );
}

/// A bar with its status pattern, and marks for clipped and approximate ends.
fn draw_bar(
    svg: &mut String,
    bar: &Bar,
    status: Status,
    top: usize,
    scale: &Scale,
    d: &Drawing<'_>,
) {
    // Bars in neighbouring quarters keep a gap, however narrow the quarters.
    let gap = (scale.quarter / 10).clamp(1, 4);
    let x = LABEL_WIDTH + scale.x(bar.from) + gap;
    let width = scale.x(bar.to + 1) - scale.x(bar.from) - 2 * gap;
    // Wholly before or after the columns: a stub at that edge, in the
    // status's pattern, with an arrow pointing out.
    let (x, width) = match (bar.outside, bar.start) {
        (true, Edge::Clipped) => (LABEL_WIDTH + scale.x(0) + gap, 28),
        (true, _) => ((x + width).saturating_sub(28), 28),
        (false, _) => (x, width),
    };
    let geometry = format!(r#"x="{x}" y="{top}" width="{width}" height="{BAR_HEIGHT}""#);
    svg.push_str(&status_rect(status, d.id, &geometry, x, x + width, top + BAR_HEIGHT / 2));
    let text_y = top + 12;
    let (left, right) = (x + 2, (x + width).saturating_sub(12));
    // The marks sit on the bar: light ink on the dark fills.
    let ink = if matches!(status, Status::Active | Status::Done) { " rm-on-dark" } else { "" };
    for (edge, at) in [(bar.start, left), (bar.end, right)] {
        let (class, glyph) = match edge {
            Edge::Exact => continue,
            // A stub, or a bar too short for two marks, has room for its arrow only.
            Edge::Approximate if bar.outside || width < 28 => continue,
            Edge::Approximate => ("rm-approx", "≈"),
            Edge::Clipped if at == left => ("rm-clip", "◀"),
            Edge::Clipped => ("rm-clip", "▶"),
        };
        let _ = write!(svg, r#"<text class="{class}{ink}" x="{at}" y="{text_y}">{glyph}</text>"#);
    }
}

/// The roadmap as pictures of at most `height` units each, for paper: a
/// plan too tall for one page continues on the next, split between
/// directions, each picture with the quarters, its names and the legend, so
/// nothing is shrunk below a readable size. A direction taller than a page
/// stays whole (and is scaled down by the page's rules).
pub(crate) fn draw_in_parts(roadmap: Roadmap, d: &Drawing<'_>, height: usize) -> Vec<String> {
    let legend = {
        let drawn = rows(&roadmap, d);
        let (_, whole) = size(&roadmap, &Scale::of(&roadmap.quarters), &drawn, d);
        whole - chart_bottom(&drawn)
    };
    let room = height.saturating_sub(HEADER_HEIGHT + legend);
    let Roadmap { quarters, now, as_of, groups } = roadmap;
    let mut parts: Vec<Vec<Group>> = Vec::new();
    let mut used = 0;
    for group in groups {
        let tall = group_height(&group, d);
        match parts.last_mut() {
            Some(part) if used + tall <= room => part.push(group),
            _ => {
                parts.push(vec![group]);
                used = 0;
            }
        }
        used += tall;
    }
    let count = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(k, groups)| {
            let part = Roadmap { quarters: quarters.clone(), now, as_of, groups };
            let id = if count == 1 { d.id.to_owned() } else { format!("{}-{}", d.id, k + 1) };
            draw(&part, &Drawing { id: &id, ..*d })
        })
        .collect()
}

/// The height of a direction's heading and its rows.
fn group_height(group: &Group, d: &Drawing<'_>) -> usize {
    let rows = group
        .rows
        .iter()
        .map(|row| row_height(wrap(&(d.heading)(row.initiative), row.depth).len(), ROW_HEIGHT));
    GROUP_HEIGHT + if group.rows.is_empty() { ROW_HEIGHT } else { rows.sum() }
}

/// The links of the roadmap's rows, as a transparent layer laid over the
/// picture: a mouse click on a bar or its label opens the initiative. The
/// layer is hidden from assistive technology and out of the tab order, and
/// the picture keeps `role="img"` with no control inside it: keyboard and
/// screen-reader users follow the same links in the table of the same facts.
pub(crate) fn links(roadmap: &Roadmap, d: &Drawing<'_>) -> String {
    let rows = rows(roadmap, d);
    let (width, height) = size(roadmap, &Scale::of(&roadmap.quarters), &rows, d);
    let mut svg = String::with_capacity(256 + rows.len() * 200);
    let _ = write!(
        svg,
        r#"<svg class="roadmap-links" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" aria-hidden="true" focusable="false" style="min-width:{width}px">"#
    );
    for (y, item) in &rows {
        let Item::Row(row, lines) = item else { continue };
        let period = d
            .publication
            .initiative(row.initiative)
            .and_then(|i| format::when_range(i.start, i.end, d.language))
            .unwrap_or_else(|| d.labels.no_period.clone());
        let status = d.publication.status_label(row.status, d.language);
        let _ = write!(
            svg,
            r#"<a href="{}" tabindex="-1"><title>{}</title><rect x="0" y="{y}" width="{width}" height="{h}"/></a>"#,
            escape(&(d.href)(row.initiative)),
            escape(&format!("{}: {period}, {status}", (d.heading)(row.initiative))),
            h = row_height(lines.len(), ROW_HEIGHT),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// What goes down the picture, each with the y where it starts.
enum Item<'r> {
    /// A direction's heading.
    Group(crate::model::PageId),
    /// A direction no initiative serves.
    Empty,
    /// An initiative with its name in lines.
    Row(&'r Row, Vec<String>),
}

impl Item<'_> {
    fn height(&self) -> usize {
        match self {
            Item::Group(_) => GROUP_HEIGHT,
            Item::Empty => ROW_HEIGHT,
            Item::Row(_, lines) => row_height(lines.len(), ROW_HEIGHT),
        }
    }
}

/// Every direction and initiative down the picture, with the y of each.
fn rows<'r>(roadmap: &'r Roadmap, d: &Drawing<'_>) -> Vec<(usize, Item<'r>)> {
    let mut y = HEADER_HEIGHT;
    let mut out = Vec::new();
    let mut push = |item: Item<'r>| {
        let height = item.height();
        out.push((y, item));
        y += height;
    };
    for group in &roadmap.groups {
        push(Item::Group(group.direction));
        if group.rows.is_empty() {
            push(Item::Empty);
        }
        for row in &group.rows {
            push(Item::Row(row, wrap(&(d.heading)(row.initiative), row.depth)));
        }
    }
    out
}

/// Where the rows end and the legend begins.
fn chart_bottom(rows: &[(usize, Item<'_>)]) -> usize {
    rows.last().map_or(HEADER_HEIGHT, |(y, item)| y + item.height())
}

/// The picture's width and height: the rows and the legend below them.
fn size(
    roadmap: &Roadmap,
    scale: &Scale,
    rows: &[(usize, Item<'_>)],
    d: &Drawing<'_>,
) -> (usize, usize) {
    let width = LABEL_WIDTH + scale.width() + 8;
    let lines = legend(&mut String::new(), roadmap, 0, width, d);
    (width, chart_bottom(rows) + 12 + lines * LEGEND_LINE)
}

/// One sentence a screen reader reads for the picture; the table has the facts.
fn description(roadmap: &Roadmap, d: &Drawing<'_>) -> String {
    let initiatives: usize = roadmap.groups.iter().map(|g| g.rows.len()).sum();
    let quarter = |q: Option<&crate::calendar::Quarter>| {
        q.map(|q| format::quarter(*q, d.language)).unwrap_or_default()
    };
    let moved = roadmap
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .filter(|r| d.changes.is_some_and(|c| c.was_period(r.initiative).is_some()))
        .count();
    let moved = d.changes.filter(|_| moved > 0).map_or(String::new(), |c| {
        format!(" {}", d.labels.roadmap_moved.replace('#', &moved.to_string()).replace('%', &c.rev))
    });
    format!(
        "{} – {}: {initiatives} {}, {} {}.{moved} {}",
        quarter(roadmap.quarters.first()),
        quarter(roadmap.quarters.last()),
        d.labels.initiatives.to_lowercase(),
        roadmap.groups.len(),
        d.labels.directions.to_lowercase(),
        d.labels.same_facts_in_table,
    )
}
