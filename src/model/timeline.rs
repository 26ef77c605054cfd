//! The plan against its own "now" (`as_of`): facts that contradict it are
//! warnings, so a board never reads a plan whose statuses and dates disagree.
//! Also the plan's shape: a direction no initiative serves, and an
//! initiative that starts before something it depends on ends.

use crate::calendar::{Quarter, When};
use crate::config::Period;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span, article};
use crate::model::{Initiative, Publication, Status};

/// Warns about every fact that contradicts `as_of` or the plan's order.
pub(super) fn check(publication: &Publication, as_of: Quarter, diags: &mut Diagnostics) {
    for (id, i) in publication.initiatives() {
        let page = &publication[id];
        let start = i.start.map(When::first);
        // A status written wrong has its own error: nothing to compare.
        if let Some(status_at) = &i.spans.status {
            if let Some((span, message, help)) = against_now(i, &page.id, status_at, as_of) {
                diags.push(
                    Diagnostic::warning(span, message)
                        .code(Code::ContradictsNow)
                        .label(format!(
                            "now is {as_of} (`as_of` in stratdoc.yaml, else the build date)"
                        ))
                        .help(help.to_owned()),
                );
            }
        }
        for needed in &i.depends_on {
            let other = &publication[needed.page];
            let needed_end = publication.initiative(needed.page).and_then(|o| o.end);
            if let (Some(start), Some(needed_end)) = (start, needed_end) {
                if start < needed_end.last() {
                    diags.push(
                        Diagnostic::warning(
                            needed.span.clone(),
                            format!(
                                "`{}` starts ({}) before `{}`, which it depends on, ends ({needed_end})",
                                page.id,
                                fmt(i.start),
                                other.id
                            ),
                        )
                        .code(Code::Timing)
                        .help("move `start` after the dependency's end, or remove the dependency".to_owned()),
                    );
                }
            }
        }
    }
    unserved(publication, diags);
}

/// What the status of `i` (page `id`, its status written at `status_at`)
/// contradicts of now: where to point, what to say and how to fix it.
fn against_now(
    i: &Initiative,
    id: &str,
    status_at: &Span,
    as_of: Quarter,
) -> Option<(Span, String, &'static str)> {
    let (start, end) = (i.start.map(When::first), i.end.map(When::last));
    match i.status {
        Status::Done if end.is_some_and(|end| end > as_of) => Some((
            i.spans.end.clone(),
            format!("`{id}` is done, but its end ({}) is after now ({as_of})", fmt(i.end)),
            "set `end` to when it was finished, or correct `status`",
        )),
        Status::Planned if start.is_some_and(|start| start < as_of) => Some((
            status_at.clone(),
            format!("`{id}` is planned, but it starts ({}) before now ({as_of})", fmt(i.start)),
            "set `status: active` if it has started, or move `start`",
        )),
        Status::Active if end.is_some_and(|end| end < as_of) => Some((
            status_at.clone(),
            format!("`{id}` is active, but it ended ({}) before now ({as_of})", fmt(i.end)),
            "set `status: done` if it is finished, or move `end`",
        )),
        _ => None,
    }
}

/// Warns about each page the plan serves (each direction) that no item of
/// the plan serves.
fn unserved(publication: &Publication, diags: &mut Diagnostics) {
    let (Some(plan), Some(served)) = (publication.plan_kind(), publication.served_kind()) else {
        return;
    };
    // An initiative whose frontmatter could not be read may serve any
    // direction: its own error is reported, so say nothing of the directions.
    let unreadable = publication.left_out.iter().any(|l| !l.draft && l.kind == plan);
    let schema = &publication.schema;
    let (item, what) = (&schema.kind(plan).id, &schema.kind(served).id);
    for (id, page) in publication.of_kind(served).filter(|_| !unreadable) {
        // A page with a duplicate id is reported as such; references go to the first.
        let duplicate = publication.find(served, &page.id) != Some(id);
        if !duplicate && publication.initiatives_of(id).is_empty() {
            diags.push(
                Diagnostic::warning(
                    page.file_span(),
                    format!("no {item} serves the {what} `{}`", page.id),
                )
                .code(Code::UnservedDirection)
                .label(format!("this {what}"))
                .help(format!(
                    "name it in {} {item}'s `directions`, e.g. `directions: [{}]`",
                    article(item),
                    page.id
                )),
            );
        }
    }
}

/// Without a `period`, the roadmap's columns are the quarters the plan's
/// times span: more than it shows is an error at the last time (and the
/// first), never a roadmap cut short.
pub(super) fn horizon(publication: &Publication, period: Option<Period>, diags: &mut Diagnostics) {
    let (Some((first, last)), None) = (publication.plan_span(), period) else { return };
    let quarters = Period::quarters(first, last);
    if quarters <= Period::MAX_QUARTERS {
        return;
    }
    let at = |quarter: Quarter, edge: fn(When) -> Quarter| {
        publication.plan_times().find(|(when, _)| edge(*when) == quarter).map(|(_, span)| span)
    };
    let (Some(first_at), Some(last_at)) = (at(first, When::first), at(last, When::last)) else {
        return;
    };
    diags.push(
        Diagnostic::error(
            last_at,
            format!(
                "the plan runs {quarters} quarters, from {first} to {last}: more than the {} the roadmap shows",
                Period::MAX_QUARTERS
            ),
        )
        .code(Code::PlanTooLong)
        .label(format!("the plan ends here ({last})"))
        .also(first_at, format!("it starts here ({first})"))
        .help("set `period` in stratdoc.yaml to the action plan's horizon, ten years at most (initiatives outside it are shown at its edges, marked), or correct a time written wrong".to_owned()),
    );
}

/// A time as written, or `?`.
fn fmt(when: Option<When>) -> String {
    when.map_or_else(|| "?".to_owned(), |w| w.to_string())
}
