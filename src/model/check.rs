//! Checks across pages: one purpose, unique ids and URLs, references that
//! resolve (and become [`PageRef`]s), no dependency cycles, data files that
//! exist. Also puts the pages in reading order.

use std::collections::{HashMap, HashSet};

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::fields::Ref;
use crate::model::read::{Draft, Refs};
use crate::model::{Kind, LeftOut, Page, PageId, PageRef, Publication, Relations};
use crate::source::Asset;

/// Puts `drafts` in reading order, checks them against each other, resolves
/// their references and computes the relations.
pub(super) fn all(
    mut drafts: Vec<Draft>,
    assets: Vec<Asset>,
    left_out: Vec<LeftOut>,
    diags: &mut Diagnostics,
) -> Publication {
    sort(&mut drafts);
    let (pages, refs): (Vec<Page>, Vec<Refs>) =
        drafts.into_iter().map(|d| (d.page, d.refs)).unzip();
    purpose(&pages, diags);
    unique_ids(&pages, diags);
    let mut publication = Publication::new(pages, assets, left_out);
    unique_urls(&publication, diags);
    references(&mut publication, refs, diags);
    cycles(&publication, diags);
    data_files(&publication, diags);
    publication.relations = Relations::new(&publication.pages);
    publication
}

/// Reading order: by kind, then `order`, then initiatives by start, then path.
fn sort(drafts: &mut [Draft]) {
    drafts.sort_by(|a, b| {
        let key = |p: &Page| {
            let start = p.initiative.as_ref().and_then(|i| i.start);
            // `content/purpose.md` is the purpose statement; a `kind: purpose`
            // elsewhere is the extra one.
            (p.kind.rank(), p.path != "purpose.md", p.order.unwrap_or(i64::MAX), start)
        };
        (key(&a.page), &a.page.path).cmp(&(key(&b.page), &b.page.path))
    });
}

fn purpose(pages: &[Page], diags: &mut Diagnostics) {
    let purposes: Vec<&Page> = pages.iter().filter(|p| p.kind == Kind::Purpose).collect();
    match purposes.as_slice() {
        [] => diags.push(
            Diagnostic::global("missing purpose statement: there is no `content/purpose.md`").help(
                "create `content/purpose.md` with a `title` and the purpose in a few paragraphs"
                    .to_owned(),
            ),
        ),
        [first, rest @ ..] => {
            for other in rest {
                diags.push(
                    Diagnostic::error(
                        other.file_span(),
                        format!("`content/{}` is a second purpose statement", other.path),
                    )
                    .also(first.file_span(), "the purpose statement")
                    .help(
                        "a strategy has one purpose; remove `kind: purpose` from one of them"
                            .to_owned(),
                    ),
                );
            }
        }
    }
}

fn unique_ids(pages: &[Page], diags: &mut Diagnostics) {
    let mut seen: HashMap<(Kind, &str), &Page> = HashMap::new();
    for page in pages {
        if let Some(first) = seen.insert((page.kind, page.id.as_str()), page) {
            diags.push(
                Diagnostic::error(
                    page.id_span.clone(),
                    format!("duplicate id `{}`: `content/{}` has it too", page.id, first.path),
                )
                .also(first.id_span.clone(), "first used here")
                .help(
                    "ids come from `id:` or the file name; give one of the pages another id"
                        .to_owned(),
                ),
            );
            seen.insert((page.kind, page.id.as_str()), first);
        }
    }
}

/// The site folder that holds theme files (style sheet, logo).
pub const THEME_DIR: &str = "theme";

/// Stratdoc's own output: the overview pages and the theme folder.
fn generated(url: &str) -> bool {
    Kind::NAMES.iter().any(|(_, kind)| kind.overview_url().as_deref() == Some(url))
        || url.strip_prefix(THEME_DIR).is_some_and(|rest| rest.starts_with('/'))
}

/// Two files may slug to the same URL (`Cyber.md` and `cyber.md`); a page
/// or file may also claim a URL stratdoc generates.
fn unique_urls(publication: &Publication, diags: &mut Diagnostics) {
    let mut seen: HashMap<String, String> = HashMap::new();
    for page in &publication.pages {
        if page.kind == Kind::Purpose && seen.contains_key("index.html") {
            continue; // a second purpose statement is reported by `purpose`
        }
        if generated(&page.url) {
            diags.push(
                Diagnostic::error(
                    page.file_span(),
                    format!(
                        "`content/{}` would be written to `{}`, which stratdoc generates",
                        page.path, page.url
                    ),
                )
                .help("rename the file".to_owned()),
            );
        } else if let Some(first) = seen.insert(page.url.clone(), format!("content/{}", page.path))
        {
            diags.push(
                Diagnostic::error(
                    page.file_span(),
                    format!(
                        "`content/{}` and `{first}` would both be written to `{}`",
                        page.path, page.url
                    ),
                )
                .help(
                    "file names are turned into lowercase web addresses; rename one of the files"
                        .to_owned(),
                ),
            );
        }
    }
    for asset in &publication.assets {
        let url = super::asset_url(&asset.rel);
        if generated(&url) {
            diags.push(Diagnostic::global(format!(
                "`content/{}` would be written to `{url}`, which stratdoc uses for its theme; rename its folder",
                asset.rel
            )));
        } else if let Some(first) = seen.insert(url.clone(), format!("content/{}", asset.rel)) {
            diags.push(Diagnostic::global(format!(
                "`content/{}` and `{first}` would both be written to `{url}`; rename one of them",
                asset.rel
            )));
        }
    }
}

/// Turns the ids each initiative names into [`PageRef`]s, reporting the
/// ones that name no page.
fn references(publication: &mut Publication, refs: Vec<Refs>, diags: &mut Diagnostics) {
    for (i, Refs { directions, depends_on }) in refs.into_iter().enumerate() {
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
        if let Some(initiative) = &mut publication.pages[i].initiative {
            initiative.directions = directions;
            initiative.depends_on = depends_on;
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

/// Reports each `depends_on` cycle once, naming it in order.
fn cycles(publication: &Publication, diags: &mut Diagnostics) {
    let edges = |id: PageId| -> Vec<PageId> {
        publication[id].initiative.iter().flat_map(|i| &i.depends_on).map(|r| r.page).collect()
    };
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
                    report_cycle(publication, &cycle, diags);
                }
                _ => {}
            }
        }
    }
}

fn report_cycle(publication: &Publication, cycle: &[PageId], diags: &mut Diagnostics) {
    let mut names: Vec<&str> = cycle.iter().map(|&id| publication[id].id.as_str()).collect();
    names.push(names[0]);
    let last = &publication[*cycle.last().unwrap_or(&cycle[0])];
    let span = last
        .initiative
        .iter()
        .flat_map(|i| &i.depends_on)
        .find(|r| r.page == cycle[0])
        .map_or(last.id_span.clone(), |r| r.span.clone());
    diags.push(
        Diagnostic::error(span, format!("dependency cycle: {}", names.join(" → ")))
            .label("this closes the cycle")
            .help("an initiative cannot, through others, depend on itself; remove one of these `depends_on` entries".to_owned()),
    );
}

fn data_files(publication: &Publication, diags: &mut Diagnostics) {
    let assets: HashSet<&str> = publication.assets.iter().map(|a| a.rel.as_str()).collect();
    for page in &publication.pages {
        let Some(data) = &page.data else { continue };
        if !assets.contains(data.path.as_str()) {
            diags.push(
                Diagnostic::error(
                    data.span.clone(),
                    format!("data file `content/{}` does not exist", data.path),
                )
                .label("named here")
                .help(format!("`data:` is relative to the folder of `content/{}`", page.path)),
            );
        }
    }
}
