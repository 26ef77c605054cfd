//! The roadmap's layout: which quarters are columns, which initiatives are
//! rows under which direction, and where each bar and marker goes. Pure data,
//! drawn by `svg`; every output (site, board edition) draws the same layout.

use crate::calendar::{Quarter, When};
use crate::model::{PageId, Publication, Status};

/// The whole picture.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Roadmap {
    /// The columns, in order.
    pub(crate) quarters: Vec<Quarter>,
    /// The column of "now", if it falls inside.
    pub(crate) now: Option<usize>,
    /// "Now" itself, for the label when it falls outside the columns.
    pub(crate) as_of: Quarter,
    /// Initiatives grouped under their (first) direction, in reading order.
    pub(crate) groups: Vec<Group>,
}

/// A direction and its initiatives.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Group {
    pub(crate) direction: PageId,
    pub(crate) rows: Vec<Row>,
}

/// One initiative.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) initiative: PageId,
    /// How deep it is nested under a parent in this group (0 at the top).
    pub(crate) depth: usize,
    pub(crate) status: Status,
    /// Where its bar goes; `None` when it has no dates at all.
    pub(crate) bar: Option<Bar>,
    pub(crate) milestones: Vec<Marker>,
}

/// A bar over columns `from..=to`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Bar {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) start: Edge,
    pub(crate) end: Edge,
    /// It lies wholly before or after the columns: drawn as a mark at that edge.
    pub(crate) outside: bool,
}

/// How a bar's end is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    /// At its quarter.
    Exact,
    /// A half year or a year, spread over its quarters and marked.
    Approximate,
    /// Beyond the columns: cut at the edge with a mark, never dropped.
    Clipped,
}

impl Edge {
    fn of(when: Option<When>, clipped: bool) -> Edge {
        if clipped {
            Edge::Clipped
        } else if when.is_some_and(When::is_approximate) {
            Edge::Approximate
        } else {
            Edge::Exact
        }
    }
}

/// A milestone over columns `from..=to` (one column for a quarter).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) approximate: bool,
    /// Its index in the initiative's milestones.
    pub(crate) index: usize,
}

/// The roadmap of `publication`, or `None` when no initiative has a date and
/// no period is set. Every quarter of the period (else of the plan's times)
/// is a column: one longer than the roadmap shows is refused before this
/// (`config::Period::MAX_QUARTERS`), never cut here.
pub(crate) fn layout(
    publication: &Publication,
    period: Option<(Quarter, Quarter)>,
    as_of: Quarter,
) -> Option<Roadmap> {
    let (first, last) = period.or_else(|| publication.plan_span())?;
    let quarters: Vec<Quarter> = first.through(last);
    let column = |q: Quarter| -> usize {
        usize::try_from(first.distance(q).clamp(0, i32::try_from(quarters.len()).unwrap_or(0) - 1))
            .unwrap_or(0)
    };
    let mut groups: Vec<Group> = publication
        .direction_ids()
        .iter()
        .map(|&direction| Group { direction, rows: Vec::new() })
        .collect();
    let group_of: std::collections::HashMap<PageId, usize> =
        groups.iter().enumerate().map(|(k, g)| (g.direction, k)).collect();
    for (id, i) in publication.initiatives() {
        let Some(&group) = i.directions.first().and_then(|d| group_of.get(&d.page)) else {
            continue;
        };
        let bar = bar(i.start, i.end, first, last, &column);
        let milestones = i
            .milestones
            .iter()
            .enumerate()
            .filter(|(_, m)| m.quarter.last() >= first && m.quarter.first() <= last)
            .map(|(index, m)| Marker {
                from: column(m.quarter.first()),
                to: column(m.quarter.last()),
                approximate: m.quarter.is_approximate(),
                index,
            })
            .collect();
        groups[group].rows.push(Row {
            initiative: id,
            depth: 0,
            status: i.status,
            bar,
            milestones,
        });
    }
    for group in &mut groups {
        nest(publication, &mut group.rows);
    }
    let now = (as_of >= first && as_of <= last).then(|| column(as_of));
    Some(Roadmap { quarters, now, as_of, groups })
}

/// The bar `roadmap` draws for a period from `start` to `end` (a moved
/// initiative's approved period, behind its current bar).
pub(crate) fn bar_in(roadmap: &Roadmap, start: Option<When>, end: Option<When>) -> Option<Bar> {
    let (&first, &last) = (roadmap.quarters.first()?, roadmap.quarters.last()?);
    let columns = i32::try_from(roadmap.quarters.len()).unwrap_or(0);
    let column = |q: Quarter| usize::try_from(first.distance(q).clamp(0, columns - 1)).unwrap_or(0);
    bar(start, end, first, last, &column)
}

/// The bar of an initiative running from `start` to `end` over the columns
/// `first..=last`. A missing start or end makes a one-quarter bar at the other.
fn bar(
    start: Option<When>,
    end: Option<When>,
    first: Quarter,
    last: Quarter,
    column: &impl Fn(Quarter) -> usize,
) -> Option<Bar> {
    let (from, to) = match (start, end) {
        (Some(s), Some(e)) => (s.first(), e.last()),
        (Some(s), None) => (s.first(), s.last()),
        (None, Some(e)) => (e.first(), e.last()),
        (None, None) => return None,
    };
    Some(Bar {
        from: column(from),
        to: column(to),
        start: Edge::of(start, from < first),
        end: Edge::of(end, to > last),
        outside: to < first || from > last,
    })
}

/// Puts each sub-initiative right after its parent (when the parent is in
/// the same group), with its depth; keeps reading order otherwise.
fn nest(publication: &Publication, rows: &mut Vec<Row>) {
    let ids: Vec<PageId> = rows.iter().map(|r| r.initiative).collect();
    let order = publication.tree_order(&ids);
    let mut by_id: std::collections::HashMap<PageId, Row> =
        std::mem::take(rows).into_iter().map(|r| (r.initiative, r)).collect();
    rows.extend(
        order
            .into_iter()
            .filter_map(|(id, depth)| by_id.remove(&id).map(|row| Row { depth, ..row })),
    );
}
