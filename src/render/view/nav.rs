//! The navigation tree and breadcrumbs as seen from one page. Both are built
//! from positions and relations, never by scanning a section, so a page's
//! navigation costs the same in a section of ten pages or ten thousand.

use serde::Serialize;

use crate::model::{KindId, PageId};
use crate::render::view::{Link, Views};
use crate::render::{escape_html, push_escaped};
use crate::schema::{Role, Schema};

/// A section's items are listed in the navigation of every page up to this
/// many; bigger sections only on their own pages, around the current item,
/// so page size does not grow with the square of the page count.
pub(crate) const NAV_ALWAYS: usize = 12;
const NAV_WINDOW: usize = 6;

/// The sections that have an entry (and an overview page) in the
/// navigation: the kinds with a folder, in the schema's order.
pub(crate) fn sections(schema: &Schema) -> impl Iterator<Item = KindId> + '_ {
    schema.kinds().filter(|(_, kind)| kind.folder().is_some()).map(|(id, _)| id)
}

/// One entry of the navigation.
#[derive(Serialize)]
pub(crate) struct NavItem {
    title: String,
    url: String,
    current: bool,
    open: bool,
    children: Vec<NavItem>,
}

/// The navigation as seen from the page at `url` (`current`, unless it is
/// an overview). `top_pages` are the plain pages listed at the end.
pub(crate) fn navigation(
    views: &Views<'_>,
    url: &str,
    current: Option<PageId>,
    top_pages: &[PageId],
) -> Vec<NavItem> {
    let publication = views.publication;
    let schema = &publication.schema;
    let current_kind = current.map(|id| publication[id].kind);
    // An item of the plan sits under its (first) direction.
    let current_direction = current.and_then(|id| {
        if current_kind == publication.served_kind() {
            Some(id)
        } else {
            publication.initiative(id)?.directions.first().map(|d| d.page)
        }
    });
    let mut nav = vec![NavItem {
        title: views.labels.home.clone(),
        url: "index.html".to_owned(),
        current: url == "index.html",
        open: false,
        children: Vec::new(),
    }];
    for kind in sections(schema) {
        let count = publication.count(kind);
        if count == 0 {
            continue;
        }
        let section_url = schema.kind(kind).overview_url().unwrap_or_default();
        let in_section = current_kind == Some(kind) || url == section_url;
        // The plan's items appear under their direction; the section link
        // is the action plan.
        let children = if schema.is(kind, Role::Plan) {
            Vec::new()
        } else {
            let at = current
                .filter(|_| current_kind == Some(kind))
                .map_or(0, |id| publication.position(id));
            let ids: Vec<PageId> = publication.ids_of(kind)[window(count, at, in_section)].to_vec();
            items(views, &ids, url, current, current_direction)
        };
        nav.push(NavItem {
            title: views.section_title(kind).to_owned(),
            url: section_url.clone(),
            current: url == section_url,
            open: in_section,
            children,
        });
    }
    nav.extend(top_pages.iter().map(|&id| folder_item(views, id, current, 0)));
    nav
}

/// A plain page at `depth` of the menu; a section's page with its pages
/// under it (a nested section's only when the current page is in it, as a
/// direction's initiatives), windowed around the current one.
fn folder_item(views: &Views<'_>, id: PageId, current: Option<PageId>, depth: usize) -> NavItem {
    let sections = &views.publication.sections;
    let pages = sections.pages_of(id);
    // The current page, or the section page on its trail, among `pages`.
    let inner = current.and_then(|c| {
        std::iter::successors(Some(c), |&p| sections.parent(p))
            .find(|&p| sections.parent(p) == Some(id))
    });
    let open = !pages.is_empty() && (current == Some(id) || inner.is_some());
    // The menu shows three levels (see `write_item`).
    let children = if depth < 2 && (depth == 0 || open) {
        // Pages are in reading order, so a binary search finds the current one.
        let at = inner.and_then(|c| pages.binary_search(&c).ok()).unwrap_or(0);
        pages[window(pages.len(), at, open)]
            .iter()
            .map(|&p| folder_item(views, p, current, depth + 1))
            .collect()
    } else {
        Vec::new()
    };
    NavItem { open, children, ..leaf(views, id, current) }
}

/// The menu's lists as HTML, links from `root` (the way back to the site's
/// root): what templates place with `{{ nav | safe }}`. Written here, like
/// mdBook's table of contents, rather than by a template: every page has
/// one, and Tera's loops over it were most of a page's rendering.
pub(crate) fn html(items: &[NavItem], root: &str) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("<ul class=\"nav-list nav-depth-0\">");
    let root = escape_html(root);
    for item in items {
        write_item(&mut out, item, &root, 0);
    }
    out.push_str("\n    </ul>");
    out
}

/// One entry at `depth` (0 to 2) and its children, indented as the theme
/// wrote them when its template made the list; `root` is escaped already.
fn write_item(out: &mut String, item: &NavItem, root: &str, depth: usize) {
    // Pieces pushed one by one: every page writes some forty of these.
    let indent = &"        "[..4 * depth.min(2)];
    let current = if item.current { " is-current" } else { "" };
    let open = if item.open && depth < 2 { " is-open" } else { "" };
    let aria = if item.current { " aria-current=\"page\"" } else { "" };
    let push = |out: &mut String, pieces: &[&str]| pieces.iter().for_each(|p| out.push_str(p));
    push(out, &["\n      ", indent, "<li class=\"nav-item", current, open, "\">\n        "]);
    push(out, &[indent, "<a href=\"", root]);
    push_escaped(out, &item.url);
    push(out, &["\"", aria, ">"]);
    push_escaped(out, &item.title);
    out.push_str("</a>");
    if !item.children.is_empty() && depth < 2 {
        let list = ["nav-depth-1", "nav-depth-2"][depth];
        push(out, &["\n        ", indent, "<ul class=\"nav-list ", list, "\">"]);
        for child in &item.children {
            write_item(out, child, root, depth + 1);
        }
        push(out, &["\n        ", indent, "</ul>"]);
    }
    push(out, &["\n      ", indent, "</li>"]);
}

/// The part of a list of `len` items shown when the current one is at `at`.
fn window(len: usize, at: usize, in_section: bool) -> std::ops::Range<usize> {
    if len <= NAV_ALWAYS {
        0..len
    } else if in_section {
        at.saturating_sub(NAV_WINDOW)..(at + NAV_WINDOW + 1).min(len)
    } else {
        0..0
    }
}

/// Entries for `ids`; the current direction opens to list its initiatives.
fn items(
    views: &Views<'_>,
    ids: &[PageId],
    url: &str,
    current: Option<PageId>,
    current_direction: Option<PageId>,
) -> Vec<NavItem> {
    ids.iter()
        .map(|&id| {
            let page = &views.publication[id];
            let open =
                Some(page.kind) == views.publication.served_kind() && current_direction == Some(id);
            let children = if open {
                let initiatives = views.publication.initiatives_of(id);
                // Relations list pages in reading order, so a binary search finds the current one.
                let at = current.and_then(|c| initiatives.binary_search(&c).ok()).unwrap_or(0);
                initiatives[window(initiatives.len(), at, true)]
                    .iter()
                    .map(|&i| leaf(views, i, current))
                    .collect()
            } else {
                Vec::new()
            };
            NavItem {
                title: page.heading(),
                url: page.url.clone(),
                current: page.url == url,
                open,
                children,
            }
        })
        .collect()
}

fn leaf(views: &Views<'_>, id: PageId, current: Option<PageId>) -> NavItem {
    let page = &views.publication[id];
    NavItem {
        title: page.heading(),
        url: page.url.clone(),
        current: current == Some(id),
        open: false,
        children: Vec::new(),
    }
}

/// The plain pages at the top of the site that the navigation lists (the
/// first [`NAV_ALWAYS`] of them): those at the top of `content/` and the
/// sections in no other section; computed once per build.
pub(crate) fn top_pages(views: &Views<'_>) -> Vec<PageId> {
    let Some(plain) = views.publication.schema.with_role(Role::Plain) else { return Vec::new() };
    let sections = &views.publication.sections;
    views
        .publication
        .of_kind(plain)
        .filter(|&(id, p)| {
            sections.parent(id).is_none()
                && (!p.url.contains('/') || !sections.pages_of(id).is_empty())
        })
        .map(|(id, _)| id)
        .take(NAV_ALWAYS)
        .collect()
}

/// The trail from the front page to page `id` (empty on the front page).
pub(crate) fn breadcrumbs(views: &Views<'_>, id: PageId) -> Vec<Link> {
    let publication = views.publication;
    let page = &publication[id];
    if publication.schema.is(page.kind, Role::Front) {
        return Vec::new();
    }
    let mut crumbs = vec![home(views)];
    let section = |kind: KindId| {
        let url = publication.schema.kind(kind).overview_url()?;
        Some(Link { title: views.section_title(kind).to_owned(), url })
    };
    // An item of the plan sits under its (first) direction; other pages
    // under their section.
    let direction = publication.initiative(id).and_then(|i| i.directions.first());
    match direction {
        Some(d) => {
            let served = publication[d.page].kind;
            crumbs.extend(section(served).into_iter().chain([views.link(d.page)]));
        }
        None => crumbs.extend(section(page.kind)),
    }
    // A page in a folder's section: the sections it is in, outermost first.
    crumbs.extend(publication.sections.trail(id).into_iter().map(|s| views.link(s)));
    crumbs
}

/// The first crumb of every trail.
pub(crate) fn home(views: &Views<'_>) -> Link {
    Link { title: views.labels.home.clone(), url: "index.html".to_owned() }
}
