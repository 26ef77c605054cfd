//! What each output reads, and so which outputs a change invalidates: the
//! basis of re-rendering only what an edit touches. Pages are compared by
//! their key (their path under `content/`), which does not move when other
//! pages come and go; [`PageId`]s are only the current build's handles.
//!
//! A changed page is classed by what changed ([`Change`]): only its text,
//! what other pages show of it (title, number, summary: [`Change::Meta`]),
//! or its facts (any other field: [`Change::Facts`]). Each class maps to
//! the outputs that show that part of the page:
//!
//! | what changed | re-rendered |
//! |---|---|
//! | text | its page, the board edition, the search index |
//! | title, number, summary | its page and every page that names it (navigation, breadcrumbs, facts, lists) with their kinds' overviews, its kind's overview, the plan views and front page where it appears, the board edition, the search index, the exports |
//! | facts | its page, the pages that list it with its facts (its directions, its parent, what it depends on, what its reference fields name), the overviews that trace its references, the plan views, the front page's key figures, the board edition, the search index, the exports |
//! | a page added, removed or renamed; the title of a page in every menu (a top page, a section); the settings; a template | everything |

use std::collections::BTreeSet;

use crate::model::{Page, PageId, Publication, Value};
use crate::render::NAV_ALWAYS;
use crate::schema::Role;

/// One output of a build that can be rendered on its own.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Output {
    /// A content page's site page, by its key (path under `content/`). The
    /// purpose's is the front page.
    Page(String),
    /// A kind's overview page, by its address (`directions/index.html`).
    Overview(String),
    /// The plan views (`initiatives/matrix.html` and the others).
    PlanViews,
    /// The board edition.
    Print,
    /// The search index.
    Search,
    /// `strategy.json`, `initiatives.csv`, `milestones.ics`.
    Exports,
    /// What changes only with the site's structure or settings: the 404
    /// page, `robots.txt`, `sitemap.xml`, the theme's files, the content's
    /// other files.
    SiteFiles,
}

impl Output {
    /// Whether this is a web page of the site (a page, an overview, the
    /// plan views): what a reader has open while writing.
    #[must_use]
    pub fn is_page(&self) -> bool {
        matches!(self, Output::Page(_) | Output::Overview(_) | Output::PlanViews)
    }
}

/// What a rebuild must render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Affected {
    /// Everything: the structure changed.
    All,
    /// These outputs, and nothing else.
    Only(BTreeSet<Output>),
}

/// What changed in one page, from least to most far-reaching.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// Its text only.
    Text,
    /// Its facts: any field other pages do not show by name.
    Facts,
    /// What other pages show of it: title, number, summary.
    Meta,
}

/// What re-rendering `changed` (keys of pages whose files changed) takes,
/// from the build before (`old`) to the one after (`new`).
#[must_use]
pub fn affected(old: &Publication, new: &Publication, changed: &[&str]) -> Affected {
    let mut outputs = BTreeSet::new();
    for &key in changed {
        let (Some(before), Some(after)) = (old.by_path(key), new.by_path(key)) else {
            return Affected::All; // added, removed, renamed, or left out
        };
        let (before, after) = (&old[before], &new[after]);
        if before.kind != after.kind || before.url != after.url || before.id != after.id {
            return Affected::All;
        }
        let (Some(was), Some(id)) = (old.by_path(key), new.by_path(key)) else {
            return Affected::All;
        };
        match change(old, was, new, id) {
            Change::Text => {
                outputs.extend([Output::Page(key.to_owned()), Output::Print, Output::Search]);
                continue;
            }
            Change::Facts => shown_with_facts(new, id, &mut outputs),
            Change::Meta => {
                // A page shown in every page's navigation changes them all.
                if in_every_navigation(new, id) {
                    return Affected::All;
                }
                shown_by_name(new, id, &mut outputs);
            }
        }
        // What the page named before lists it no longer.
        outputs.extend(named_by(old, was).map(|page| Output::Page(page.path.clone())));
        // The traceability tables of its declared references, before and after.
        outputs.extend(tracing(old, was).chain(tracing(new, id)));
    }
    Affected::Only(outputs)
}

/// The overviews whose traceability tables show page `id`'s declared
/// references: its own kind's and each referenced page's kind's (a table
/// of two kinds is on both their overviews).
fn tracing(publication: &Publication, id: PageId) -> impl Iterator<Item = Output> + '_ {
    let referenced: Vec<&Page> = declared_refs(publication, id).collect();
    let own = (!referenced.is_empty()).then(|| section_overview(publication, &publication[id]));
    let theirs = referenced.into_iter().map(|page| section_overview(publication, page));
    own.into_iter().chain(theirs).flatten()
}

/// The pages page `id` names in its own reference fields (the plan's are
/// held apart, in its initiative).
fn declared_refs(publication: &Publication, id: PageId) -> impl Iterator<Item = &Page> {
    let own = publication[id].values.iter().flatten().flat_map(|slot| match &slot.value {
        Value::Refs(refs) => refs.as_slice(),
        _ => &[],
    });
    own.map(move |r| &publication[r.page])
}

/// The widest class of change between two versions of one page: `was` in
/// `old`, `id` in `new`.
#[must_use]
pub fn change(old: &Publication, was: PageId, new: &Publication, id: PageId) -> Change {
    let (before, after) = (&old[was], &new[id]);
    if before.title != after.title
        || before.number != after.number
        || before.summary != after.summary
    {
        Change::Meta
    } else if before.values != after.values
        || before.sources != after.sources
        || before.order != after.order
        || old.initiative(was) != new.initiative(id)
    {
        Change::Facts
    } else {
        Change::Text
    }
}

/// A page whose facts changed: itself, the pages that list it with its
/// facts, and every output that sums or draws the plan.
fn shown_with_facts(publication: &Publication, id: PageId, outputs: &mut BTreeSet<Output>) {
    let page = &publication[id];
    outputs.insert(Output::Page(page.path.clone()));
    outputs.extend(named_by(publication, id).map(|p| Output::Page(p.path.clone())));
    outputs.extend([Output::Print, Output::Search, Output::Exports]);
    if publication.schema.is(page.kind, Role::Plan) {
        outputs.insert(Output::PlanViews);
        outputs.extend(section_overview(publication, page));
        // The front page shows the plan's key figures and its quarters.
        outputs.extend(front(publication));
    }
}

/// A page whose title, number or summary changed: every output that names it.
fn shown_by_name(publication: &Publication, id: PageId, outputs: &mut BTreeSet<Output>) {
    shown_with_facts(publication, id, outputs);
    let page = &publication[id];
    outputs.extend(section_overview(publication, page));
    // Pages that name it in their facts (and so in their breadcrumbs), and
    // their kinds' overviews, whose traceability tables name it too.
    for naming in naming(publication, id) {
        outputs.insert(Output::Page(naming.path.clone()));
        outputs.extend(section_overview(publication, naming));
    }
    // Its neighbours in the navigation and, for a chapter, the pager: an
    // initiative is listed under each direction it serves.
    let neighbours: Vec<PageId> = match publication.initiative(id) {
        Some(facts) => facts
            .directions
            .iter()
            .flat_map(|d| publication.initiatives_of(d.page))
            .copied()
            .collect(),
        None => publication.ids_of(page.kind).to_vec(),
    };
    outputs.extend(neighbours.into_iter().map(|i| Output::Page(publication[i].path.clone())));
    let schema = &publication.schema;
    if [Role::Served, Role::Sequence, Role::Front].iter().any(|&r| schema.is(page.kind, r)) {
        outputs.extend(front(publication));
        outputs.insert(Output::PlanViews);
    }
}

/// The pages a page's own facts name: through any reference field, and
/// the plan's (its directions, its parent, what it depends on). They list
/// it, with its facts.
fn named_by(publication: &Publication, id: PageId) -> impl Iterator<Item = &Page> {
    let plan = publication
        .initiative(id)
        .into_iter()
        .flat_map(|i| i.directions.iter().chain(&i.parent).chain(&i.depends_on));
    declared_refs(publication, id).chain(plan.map(move |r| &publication[r.page]))
}

/// The pages that name page `id` in a reference field (the plan's too).
fn naming(publication: &Publication, id: PageId) -> impl Iterator<Item = &Page> {
    let schema = &publication.schema;
    let fields = schema.kinds().flat_map(move |(kind, _)| {
        schema.fields(kind).filter(|(_, f)| f.ty.target().is_some()).map(|(field, _)| field)
    });
    let backlinks = fields.flat_map(move |field| publication.relations.backlinks(field, id));
    let plan = publication
        .initiatives_of(id)
        .iter()
        .chain(publication.dependents_of(id))
        .chain(publication.children_of(id));
    backlinks.chain(plan).map(move |&p| &publication[p])
}

/// The front page: the page with the front role.
fn front(publication: &Publication) -> Option<Output> {
    let kind = publication.schema.with_role(Role::Front)?;
    publication.of_kind(kind).next().map(|(_, p)| Output::Page(p.path.clone()))
}

/// The overview of `page`'s kind, if it has one.
fn section_overview(publication: &Publication, page: &Page) -> Option<Output> {
    publication.schema.kind(page.kind).overview_url().map(Output::Overview)
}

/// Whether page `id` is in the navigation of every page: a section small
/// enough to be listed whole, or a plain page at the top.
fn in_every_navigation(publication: &Publication, id: PageId) -> bool {
    let (page, schema) = (&publication[id], &publication.schema);
    if schema.is(page.kind, Role::Plain) {
        // The top pages, and any section: the menu lists the sections it
        // holds (folded), and the trail of every page in it names it.
        !page.url.contains('/') || !publication.sections.pages_of(id).is_empty()
    } else if schema.is(page.kind, Role::Front) || schema.is(page.kind, Role::Plan) {
        false
    } else {
        publication.count(page.kind) <= NAV_ALWAYS
    }
}
