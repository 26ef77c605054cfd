//! How the roadmap shows a status, by colour and by pattern (outline,
//! solid, stripes, dots, a strike), and the legend that names each status
//! and mark present, so nothing relies on colour alone.

use std::fmt::Write as _;

use super::{Drawing, LEGEND_LINE};
use crate::model::Status;
use crate::render::escape_html as escape;
use crate::render::format;
use crate::render::plan::roadmap::{Edge, Roadmap};

/// Patterns for the statuses that are not a plain fill.
pub(super) fn defs(svg: &mut String, id: &str) {
    let _ = write!(
        svg,
        r#"<defs><pattern id="{id}-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="rm-paused-bg" width="8" height="8"/><rect class="rm-paused-stripe" width="3" height="8"/></pattern><pattern id="{id}-dots" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="rm-planned-bg" width="6" height="6"/><circle class="rm-planned-dot" cx="3" cy="3" r="1.2"/></pattern></defs>"#
    );
}

/// The legend: each status present with its pattern and name; milestone,
/// now, approximate and beyond-the-period marks. Returns its number of lines.
pub(super) fn legend(
    svg: &mut String,
    roadmap: &Roadmap,
    y: usize,
    width: usize,
    d: &Drawing<'_>,
) -> usize {
    let mut statuses: Vec<Status> =
        roadmap.groups.iter().flat_map(|g| g.rows.iter().map(|r| r.status)).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let mut entries: Vec<(String, String)> = statuses
        .into_iter()
        .map(|status| {
            let swatch =
                status_rect(status, d.id, "x=\"0\" y=\"2\" width=\"20\" height=\"12\"", 0, 20, 8);
            (swatch, d.publication.status_label(status, d.language).to_owned())
        })
        .collect();
    let rows = || roadmap.groups.iter().flat_map(|g| g.rows.iter());
    if rows().any(|r| !r.milestones.is_empty()) {
        let swatch = r#"<g class="rm-milestone"><path d="M10 2l6 6-6 6-6-6z"/></g>"#;
        entries.push((swatch.to_owned(), d.labels.milestone.clone()));
    }
    let now = format::quarter(roadmap.as_of, d.language);
    let now = match roadmap.now {
        Some(_) => format!("{} ({now})", d.labels.now),
        None => format!("{}: {now} ({})", d.labels.now, d.labels.outside_period),
    };
    let key = r#"<rect class="rm-now rm-key" x="0" y="0" width="20" height="16"/>"#;
    entries.push((key.to_owned(), now));
    let edges: Vec<Edge> =
        rows().filter_map(|r| r.bar.as_ref()).flat_map(|b| [b.start, b.end]).collect();
    for (edge, class, glyph, label) in [
        (Edge::Approximate, "rm-approx", "≈", &d.labels.approximate),
        (Edge::Clipped, "rm-clip", "▶", &d.labels.beyond_period),
    ] {
        if edges.contains(&edge) {
            let swatch = format!(r#"<text class="{class}" x="4" y="12">{glyph}</text>"#);
            entries.push((swatch, label.clone()));
        }
    }
    // Laid out left to right, wrapping at the picture's width.
    let (mut x, mut line) = (4, 0);
    for (swatch, text) in entries {
        let w = 26 + text.chars().count() * 7 + 18;
        if x + w > width {
            x = 4;
            line += 1;
        }
        let _ = write!(
            svg,
            r#"<g transform="translate({x} {})">{swatch}<text class="rm-legend" x="26" y="12">{}</text></g>"#,
            y + line * LEGEND_LINE,
            escape(&text)
        );
        x += w;
    }
    line + 1
}

/// A status's bar shape at `geometry`: its class, its pattern where it has
/// one, and a strike through it (from `x0` to `x1` at `mid`) when cancelled.
pub(super) fn status_rect(
    status: Status,
    id: &str,
    geometry: &str,
    x0: usize,
    x1: usize,
    mid: usize,
) -> String {
    let class = status_class(status);
    let fill = match status {
        Status::Paused => format!(r#" fill="url(#{id}-stripes)""#),
        Status::Planned => format!(r#" fill="url(#{id}-dots)""#),
        _ => String::new(),
    };
    let mut shape = format!(r#"<rect class="rm-bar rm-{class}" {geometry} rx="3"{fill}/>"#);
    if status == Status::Cancelled {
        let _ =
            write!(shape, r#"<line class="rm-strike" x1="{x0}" x2="{x1}" y1="{mid}" y2="{mid}"/>"#);
    }
    shape
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Planned => "planned",
        Status::Active => "active",
        Status::Done => "done",
        Status::Paused => "paused",
        Status::Cancelled => "cancelled",
    }
}
