//! Reference resolution: the ids a page names become [`PageRef`]s, and what
//! cannot be resolved is reported once, with the closest id. Then the graphs
//! they form are checked: no `depends_on` or `parent` cycle, a sub-initiative
//! inside its parent's period and nested no deeper than the outputs show it,
//! and a sub-initiative without `directions` serving its parent's. Chains of
//! parents are walked with loops, each once, never by recursion.

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::fields::Ref;
use crate::model::read::Refs;
use crate::model::{Kind, PageId, PageRef, Publication, SHOWN_DEPTH};

/// Turns the ids each initiative names into [`PageRef`]s, reporting the
/// ones that name no page.
pub(super) fn references(publication: &mut Publication, refs: Vec<Refs>, diags: &mut Diagnostics) {
    for (i, Refs { directions, depends_on, parent }) in refs.into_iter().enumerate() {
        let page = &publication.pages[i];
        let directions: Vec<PageRef> = directions
            .into_iter()
            .filter_map(|r| resolve(r, Kind::Direction, publication, diags))
            .collect();
        let mut resolved = Vec::with_capacity(depends_on.len());
        for r in depends_on {
            if r.id == page.id {
                diags.push(
                    Diagnostic::error(r.span.clone(), format!("`{}` depends on itself", r.id))
                        .help("remove it from `depends_on`".to_owned()),
                );
            } else {
                resolved.extend(resolve(r, Kind::Initiative, publication, diags));
            }
        }
        let depends_on = resolved;
        let parent = parent.and_then(|r| {
            if r.id == page.id {
                diags.push(
                    Diagnostic::error(r.span.clone(), format!("`{}` is its own parent", r.id))
                        .help("`parent` names the initiative this one is part of".to_owned()),
                );
                return None;
            }
            resolve(r, Kind::Initiative, publication, diags)
        });
        if let Some(initiative) = &mut publication.pages[i].initiative {
            initiative.directions = directions;
            initiative.depends_on = depends_on;
            initiative.parent = parent;
        }
    }
    cycles(
        publication,
        "dependency cycle",
        |i| i.depends_on.iter().map(|r| r.page).collect(),
        diags,
    );
    let parent_cycles =
        cycles(publication, "parent cycle", |i| i.parent.iter().map(|r| r.page).collect(), diags);
    if !parent_cycles {
        let depths = depths(publication);
        inherit_directions(publication, &depths);
        children_inside_parents(publication, diags);
        deeper_than_shown(publication, &depths, diags);
    }
}

/// How many parents each initiative has above it, by page index. Runs after
/// parent cycles are ruled out. A walk up a chain stops at the first
/// initiative whose depth is known, so every chain is walked once.
fn depths(publication: &Publication) -> Vec<usize> {
    let mut depths: Vec<Option<usize>> = vec![None; publication.pages.len()];
    let mut unknown = Vec::new();
    for &id in publication.ids_of(Kind::Initiative) {
        let mut at = id;
        let mut depth = loop {
            if let Some(known) = depths[at.index()] {
                break known + 1;
            }
            unknown.push(at);
            match publication.parent_of(at) {
                Some(parent) => at = parent,
                None => break 0,
            }
        };
        for page in unknown.drain(..).rev() {
            depths[page.index()] = Some(depth);
            depth += 1;
        }
    }
    depths.into_iter().map(Option::unwrap_or_default).collect()
}

/// A sub-initiative nested deeper than [`SHOWN_DEPTH`] is shown at that
/// depth, beside its parent: a warning at the first such one of a chain.
fn deeper_than_shown(publication: &Publication, depths: &[usize], diags: &mut Diagnostics) {
    for (id, page) in publication.of_kind(Kind::Initiative) {
        if depths[id.index()] != SHOWN_DEPTH + 1 {
            continue;
        }
        let Some(parent) = page.initiative.as_ref().and_then(|i| i.parent.as_ref()) else {
            continue;
        };
        diags.push(
            Diagnostic::warning(
                parent.span.clone(),
                format!(
                    "`{}` is nested {} levels under other initiatives; lists show {SHOWN_DEPTH}",
                    page.id,
                    SHOWN_DEPTH + 1
                ),
            )
            .help(format!(
                "lists, the roadmap and the board edition show it and the initiatives under it at level {SHOWN_DEPTH}, after `{}`; to show the nesting, name a parent higher up",
                publication[parent.page].id
            )),
        );
    }
}

/// A sub-initiative without `directions` serves its parent's (which may in
/// turn come from its parent). Runs after parent cycles are ruled out;
/// parents go first, so each takes its parent's settled directions.
fn inherit_directions(publication: &mut Publication, depths: &[usize]) {
    let mut ids: Vec<PageId> = publication.ids_of(Kind::Initiative).to_vec();
    ids.sort_by_key(|id| depths[id.index()]);
    for id in ids {
        let Some(parent) = publication.parent_of(id) else { continue };
        if publication[id].initiative.as_ref().is_none_or(|i| !i.directions.is_empty()) {
            continue;
        }
        let directions = publication[parent]
            .initiative
            .as_ref()
            .map(|p| p.directions.clone())
            .unwrap_or_default();
        if let Some(initiative) = publication.pages[id.index()].initiative.as_mut() {
            initiative.directions = directions;
        }
    }
}

/// A sub-initiative runs within its parent's period (a warning: the plan
/// still builds, but one of the two dates is likely wrong).
fn children_inside_parents(publication: &Publication, diags: &mut Diagnostics) {
    for (_, page) in publication.of_kind(Kind::Initiative) {
        let Some(child) = &page.initiative else { continue };
        let Some(parent_ref) = &child.parent else { continue };
        let parent_page = &publication[parent_ref.page];
        let Some(parent) = &parent_page.initiative else { continue };
        let (Some(start), Some(end)) = (parent.start, parent.end) else { continue };
        let outside = child.start.is_some_and(|s| s.first() < start.first())
            || child.end.is_some_and(|e| e.last() > end.last());
        if outside {
            diags.push(
                Diagnostic::warning(
                    parent_ref.span.clone(),
                    format!(
                        "`{}` runs outside its parent `{}` ({start} to {end})",
                        page.id, parent_page.id
                    ),
                )
                .help("move `start`/`end` inside the parent's, or widen the parent's".to_owned()),
            );
        }
    }
}

/// The page `r` names, or a diagnostic saying why there is none.
fn resolve(
    r: Ref,
    kind: Kind,
    publication: &Publication,
    diags: &mut Diagnostics,
) -> Option<PageRef> {
    if let Some(page) = publication.find(kind, &r.id) {
        return Some(PageRef { page, span: r.span });
    }
    let left_out = publication.left_out_id(kind, &r.id);
    if left_out.is_some_and(|l| !l.draft) {
        return None; // its own file has the error
    }
    let noun = if kind == Kind::Direction { "direction" } else { "initiative" };
    let known = || publication.of_kind(kind).map(|(_, p)| p.id.as_str());
    let help = if left_out.is_some() {
        format!("`{}` is a draft; build with `--drafts` or remove the reference", r.id)
    } else if let Some(close) = did_you_mean(&r.id, known()) {
        format!("did you mean `{close}`?")
    } else {
        let shown: Vec<&str> = known().take(KNOWN_SHOWN).collect();
        let more = publication.count(kind).saturating_sub(KNOWN_SHOWN);
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        format!("known {noun} ids: {}{more}", shown.join(", "))
    };
    diags.push(
        Diagnostic::error(r.span, format!("unknown {noun} `{}`", r.id))
            .label(format!("no {noun} has this id"))
            .help(help),
    );
    None
}

/// How many ids a "known ids" hint lists: enough to spot a pattern, bounded
/// so one mistake in a big plan does not print the whole plan.
const KNOWN_SHOWN: usize = 10;

/// Reports each cycle of the graph `edges` forms over initiatives once,
/// naming it in order. Returns whether there was one.
fn cycles(
    publication: &Publication,
    what: &str,
    edges: impl Fn(&crate::model::Initiative) -> Vec<PageId>,
    diags: &mut Diagnostics,
) -> bool {
    let edges = |id: PageId| publication[id].initiative.as_ref().map_or_else(Vec::new, &edges);
    let mut found = false;
    // 0 = unvisited, 1 = on the stack, 2 = done.
    let mut state = vec![0u8; publication.pages.len()];
    for (start, _) in publication.of_kind(Kind::Initiative) {
        if state[start.index()] != 0 {
            continue;
        }
        let mut stack: Vec<(PageId, Vec<PageId>)> = vec![(start, edges(start))];
        state[start.index()] = 1;
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            let Some(to) = next.pop() else {
                state[node.index()] = 2;
                stack.pop();
                continue;
            };
            match state[to.index()] {
                0 => {
                    state[to.index()] = 1;
                    let e = edges(to);
                    stack.push((to, e));
                }
                1 => {
                    let from = stack.iter().position(|(n, _)| *n == to).unwrap_or(0);
                    let cycle: Vec<PageId> = stack[from..].iter().map(|(n, _)| *n).collect();
                    report_cycle(publication, what, &cycle, diags);
                    found = true;
                }
                _ => {}
            }
        }
    }
    found
}

fn report_cycle(publication: &Publication, what: &str, cycle: &[PageId], diags: &mut Diagnostics) {
    let mut names: Vec<&str> = cycle.iter().map(|&id| publication[id].id.as_str()).collect();
    names.push(names[0]);
    let last = &publication[*cycle.last().unwrap_or(&cycle[0])];
    let span = last
        .initiative
        .iter()
        .flat_map(|i| i.depends_on.iter().chain(&i.parent))
        .find(|r| r.page == cycle[0])
        .map_or(last.id_span.clone(), |r| r.span.clone());
    let help = if what == "parent cycle" {
        "an initiative cannot, through others, be part of itself; remove one of these `parent` entries"
    } else {
        "an initiative cannot, through others, depend on itself; remove one of these `depends_on` entries"
    };
    diags.push(
        Diagnostic::error(span, format!("{what}: {}", names.join(" → ")))
            .label("this closes the cycle")
            .help(help.to_owned()),
    );
}
