//! Reference resolution, for every `ref` and `refs` field the schema
//! declares: the ids a page names become [`PageRef`]s, and what cannot be
//! resolved is reported once, with the closest id. Then the graphs that
//! `acyclic` fields form are checked for cycles, and a field that
//! `inherit`s takes, where a page leaves it out, the value of the page it
//! names (a sub-initiative serves its parent's directions). Chains are
//! walked with loops, each page once, never by recursion; a tree nested
//! deeper than the outputs show it is warned about.

use std::collections::HashSet;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::fields::Ref;
use crate::model::{PageId, PageRef, PlanFields, Publication, SHOWN_DEPTH, Slot, Value};
use crate::schema::{FieldId, KindId, Schema};

/// Resolves every reference of every page, checks the cycles and fills
/// inherited values. Returns the fields that form a cycle.
pub(super) fn references(
    publication: &mut Publication,
    diags: &mut Diagnostics,
) -> HashSet<FieldId> {
    let schema = publication.schema.clone();
    let words = Words::new(PlanFields::of(&schema));
    for i in 0..publication.pages.len() {
        let kind = publication.pages[i].kind;
        for (field, declared) in schema.fields(kind) {
            let Some(target) = declared.ty.target() else { continue };
            let slot = publication.pages[i].values.get_mut(field.index()).and_then(Option::take);
            let Some(Slot { value: Value::Ids(ids), span, .. }) = slot else { continue };
            let own = &publication.pages[i].id;
            let mut resolved = Vec::with_capacity(ids.len());
            for r in ids {
                if declared.acyclic && r.id == *own {
                    diags.push(words.itself(field, &declared.name, &r));
                } else {
                    resolved.extend(resolve(r, target, &schema, publication, diags));
                }
            }
            publication.pages[i].values[field.index()] =
                Some(Slot::new(Value::Refs(resolved), span));
        }
    }
    let mut cyclic = HashSet::new();
    for (kind, _) in schema.kinds() {
        for (field, _) in schema.fields(kind).filter(|(_, f)| f.acyclic) {
            if cycles(publication, kind, field, &words, diags) {
                cyclic.insert(field);
            }
        }
    }
    for (kind, _) in schema.kinds() {
        for (field, declared) in schema.fields(kind) {
            let Some(source) = declared.inherit else { continue };
            let Some(source) = schema.fields(kind).nth(source).map(|(id, _)| id) else { continue };
            if !cyclic.contains(&source) {
                let depths = depths(publication, kind, source);
                inherit(publication, kind, field, source, &depths);
            }
        }
    }
    if let Some(plan) = PlanFields::of(&schema).filter(|p| !cyclic.contains(&p.parent)) {
        deeper_than_shown(publication, plan.kind, plan.parent, diags);
    }
    cyclic
}

/// How many pages `field` (a single `ref` to the same kind, such as
/// `parent`) climbs above each page of `kind`, by page index. Runs after
/// its cycles are ruled out. A walk up a chain stops at the first page
/// whose depth is known, so every chain is walked once.
fn depths(publication: &Publication, kind: KindId, field: FieldId) -> Vec<usize> {
    let up =
        |id: PageId| publication[id].value(field).and_then(|v| v.refs().first()).map(|r| r.page);
    let mut depths: Vec<Option<usize>> = vec![None; publication.pages.len()];
    let mut unknown = Vec::new();
    for &id in publication.ids_of(kind) {
        let mut at = id;
        let mut depth = loop {
            if let Some(known) = depths[at.index()] {
                break known + 1;
            }
            unknown.push(at);
            match up(at) {
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

/// A page nested by `parent` deeper than [`SHOWN_DEPTH`] is shown at that
/// depth, beside its parent: a warning at the first such one of a chain.
fn deeper_than_shown(
    publication: &Publication,
    kind: KindId,
    parent: FieldId,
    diags: &mut Diagnostics,
) {
    let depths = depths(publication, kind, parent);
    for &id in publication.ids_of(kind) {
        if depths[id.index()] != SHOWN_DEPTH + 1 {
            continue;
        }
        let page = &publication[id];
        let Some(up) = page.value(parent).and_then(|v| v.refs().first()) else { continue };
        diags.push(
            Diagnostic::warning(
                up.span.clone(),
                format!(
                    "`{}` is nested {} levels under other initiatives; lists show {SHOWN_DEPTH}",
                    page.id,
                    SHOWN_DEPTH + 1
                ),
            )
            .code(Code::NestedTooDeep)
            .help(format!(
                "lists, the roadmap and the board edition show it and the initiatives under it at level {SHOWN_DEPTH}, after `{}`; to show the nesting, name a parent higher up",
                publication[up.page].id
            )),
        );
    }
}

/// Where a page leaves `field` without references, it takes those of the
/// page its `source` names (which may in turn take its own from further
/// up). Runs after cycles through `source` are ruled out; pages go in order
/// of their `depths`, parents first, so each takes its parent's settled
/// value and no chain is walked more than once.
fn inherit(
    publication: &mut Publication,
    kind: KindId,
    field: FieldId,
    source: FieldId,
    depths: &[usize],
) {
    let mut ids: Vec<PageId> = publication.ids_of(kind).to_vec();
    ids.sort_by_key(|id| depths[id.index()]);
    for id in ids {
        if !publication[id].value(field).is_none_or(|v| v.refs().is_empty()) {
            continue;
        }
        let mut at = id;
        let inherited = loop {
            let page = &publication[at];
            let own = page.value(field).map_or(&[][..], Value::refs);
            if !own.is_empty() {
                break own.to_vec();
            }
            match page.value(source).and_then(|v| v.refs().first()) {
                Some(up) => at = up.page,
                None => break Vec::new(),
            }
        };
        if inherited.is_empty() {
            continue;
        }
        let page = &mut publication.pages[id.index()];
        let span = page.file_span();
        page.values[field.index()] = Some(Slot::new(Value::Refs(inherited), span));
    }
}

/// The page `r` names among the pages of `kind`, or a diagnostic saying
/// why there is none.
fn resolve(
    r: Ref,
    kind: KindId,
    schema: &Schema,
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
    let noun = &schema.kind(kind).id;
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
            .code(Code::UnknownReference)
            .label(format!("no {noun} has this id"))
            .help(help),
    );
    None
}

/// How many ids a "known ids" hint lists: enough to spot a pattern, bounded
/// so one mistake in a big plan does not print the whole plan.
const KNOWN_SHOWN: usize = 10;

/// Reports each cycle that `field` forms over the pages of `kind` once,
/// naming it in order. Returns whether there was one.
fn cycles(
    publication: &Publication,
    kind: KindId,
    field: FieldId,
    words: &Words,
    diags: &mut Diagnostics,
) -> bool {
    let edges = |id: PageId| -> Vec<PageId> {
        publication[id]
            .value(field)
            .map_or_else(Vec::new, |v| v.refs().iter().map(|r| r.page).collect())
    };
    let mut found = false;
    // 0 = unvisited, 1 = on the stack, 2 = done.
    let mut state = vec![0u8; publication.pages.len()];
    for (start, _) in publication.of_kind(kind) {
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
                    diags.push(words.cycle(publication, field, &cycle));
                    found = true;
                }
                _ => {}
            }
        }
    }
    found
}

/// How a self-reference and a cycle are told: in the plan's own words for
/// its `depends_on` and `parent`, else in the field's name.
struct Words {
    plan: Option<PlanFields>,
}

impl Words {
    fn new(plan: Option<PlanFields>) -> Words {
        Words { plan }
    }

    /// (the cycle's name, what a self-reference does, its help, the cycle's help).
    fn of(&self, field: FieldId, name: &str) -> [String; 4] {
        let plan = self.plan.as_ref();
        if plan.is_some_and(|p| p.depends_on == field) {
            return [
                "dependency cycle".to_owned(),
                "depends on itself".to_owned(),
                "remove it from `depends_on`".to_owned(),
                "an initiative cannot, through others, depend on itself; remove one of these `depends_on` entries".to_owned(),
            ];
        }
        if plan.is_some_and(|p| p.parent == field) {
            return [
                "parent cycle".to_owned(),
                "is its own parent".to_owned(),
                "`parent` names the initiative this one is part of".to_owned(),
                "an initiative cannot, through others, be part of itself; remove one of these `parent` entries".to_owned(),
            ];
        }
        [
            format!("`{name}` cycle"),
            format!("names itself in `{name}`"),
            format!("remove it from `{name}`"),
            format!(
                "a page cannot, through others, name itself in `{name}`; remove one of these `{name}` entries"
            ),
        ]
    }

    /// The error for a page that names itself, `r`, in `field`.
    fn itself(&self, field: FieldId, name: &str, r: &Ref) -> Diagnostic {
        let [_, does, help, _] = self.of(field, name);
        Diagnostic::error(r.span.clone(), format!("`{}` {does}", r.id))
            .code(Code::ReferenceCycle)
            .help(help)
    }

    /// The error for `cycle`, at the reference that closes it.
    fn cycle(&self, publication: &Publication, field: FieldId, cycle: &[PageId]) -> Diagnostic {
        let name = &publication.schema.field(field).name;
        let [what, _, _, help] = self.of(field, name);
        let mut names: Vec<&str> = cycle.iter().map(|&id| publication[id].id.as_str()).collect();
        names.push(names[0]);
        let last = &publication[*cycle.last().unwrap_or(&cycle[0])];
        let span = last
            .value(field)
            .and_then(|v| v.refs().iter().find(|r| r.page == cycle[0]))
            .map_or(last.id_span.clone(), |r| r.span.clone());
        Diagnostic::error(span, format!("{what}: {}", names.join(" → ")))
            .code(Code::ReferenceCycle)
            .label("this closes the cycle")
            .help(help)
    }
}
