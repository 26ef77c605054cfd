//! Checks across pages: one purpose, unique ids and URLs, references that
//! resolve, no dependency cycles, data files that exist. Also puts the pages
//! in reading order.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{Kind, Page, Publication, Ref};

pub(super) fn all(publication: &mut Publication, diags: &mut Diagnostics) {
    sort(&mut publication.pages);
    purpose(&publication.pages, diags);
    unique_ids(&publication.pages, diags);
    unique_urls(publication, diags);
    references(publication, diags);
    cycles(&publication.pages, diags);
    data_files(publication, diags);
}

/// Reading order: by kind, then `order`, then initiatives by start, then path.
fn sort(pages: &mut [Page]) {
    pages.sort_by(|a, b| {
        let start = |p: &Page| p.initiative.as_ref().and_then(|i| i.start);
        // `content/purpose.md` is the purpose statement; a `kind: purpose` elsewhere is the extra one.
        let key = |p: &Page| (p.kind.rank(), p.path != "purpose.md");
        (key(a), a.order.unwrap_or(i64::MAX), start(a), &a.path).cmp(&(
            key(b),
            b.order.unwrap_or(i64::MAX),
            start(b),
            &b.path,
        ))
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
        let url = super::page::asset_url(&asset.rel);
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

fn references(publication: &Publication, diags: &mut Diagnostics) {
    let pages = &publication.pages;
    let ids = |kind: Kind| -> Vec<&str> {
        pages.iter().filter(|p| p.kind == kind).map(|p| p.id.as_str()).collect()
    };
    let (directions, initiatives) = (ids(Kind::Direction), ids(Kind::Initiative));
    for page in pages {
        let Some(initiative) = &page.initiative else { continue };
        for r in &initiative.directions {
            check_ref(r, Kind::Direction, &directions, publication, diags);
        }
        for r in &initiative.depends_on {
            if r.id == page.id {
                diags.push(
                    Diagnostic::error(r.span.clone(), format!("`{}` depends on itself", r.id))
                        .help("remove it from `depends_on`".to_owned()),
                );
            } else {
                check_ref(r, Kind::Initiative, &initiatives, publication, diags);
            }
        }
    }
}

fn check_ref(
    r: &Ref,
    kind: Kind,
    known: &[&str],
    publication: &Publication,
    diags: &mut Diagnostics,
) {
    if known.contains(&r.id.as_str()) {
        return;
    }
    let left_out = publication.left_out(Some(kind), &r.id);
    if left_out.is_some_and(|l| !l.draft) {
        return; // its own file has the error
    }
    let noun = if kind == Kind::Direction { "direction" } else { "initiative" };
    let help = if left_out.is_some() {
        format!("`{}` is a draft; build with `--drafts` or remove the reference", r.id)
    } else if let Some(close) = did_you_mean(&r.id, known.iter().copied()) {
        format!("did you mean `{close}`?")
    } else {
        format!("known {noun} ids: {}", known.join(", "))
    };
    diags.push(
        Diagnostic::error(r.span.clone(), format!("unknown {noun} `{}`", r.id))
            .label(format!("no {noun} has this id"))
            .help(help),
    );
}

/// Reports each `depends_on` cycle once, naming it in order.
fn cycles(pages: &[Page], diags: &mut Diagnostics) {
    let index: HashMap<&str, usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == Kind::Initiative)
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let edges = |i: usize| -> Vec<usize> {
        pages[i]
            .initiative
            .iter()
            .flat_map(|init| &init.depends_on)
            .filter_map(|r| index.get(r.id.as_str()).copied())
            .filter(|&j| j != i)
            .collect()
    };
    // 0 = unvisited, 1 = on the stack, 2 = done.
    let mut state = vec![0u8; pages.len()];
    let mut starts: Vec<usize> = index.values().copied().collect();
    starts.sort_unstable();
    for start in starts {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(start, edges(start))];
        state[start] = 1;
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            let Some(to) = next.pop() else {
                state[node] = 2;
                stack.pop();
                continue;
            };
            match state[to] {
                0 => {
                    state[to] = 1;
                    let e = edges(to);
                    stack.push((to, e));
                }
                1 => {
                    let from = stack.iter().position(|(n, _)| *n == to).unwrap_or(0);
                    let cycle: Vec<usize> = stack[from..].iter().map(|(n, _)| *n).collect();
                    report_cycle(pages, &cycle, diags);
                }
                _ => {}
            }
        }
    }
}

fn report_cycle(pages: &[Page], cycle: &[usize], diags: &mut Diagnostics) {
    let mut names: Vec<&str> = cycle.iter().map(|&i| pages[i].id.as_str()).collect();
    names.push(names[0]);
    let last = &pages[*cycle.last().unwrap_or(&cycle[0])];
    let span = last
        .initiative
        .iter()
        .flat_map(|i| &i.depends_on)
        .find(|r| r.id == names[0])
        .map_or(last.id_span.clone(), |r| r.span.clone());
    diags.push(
        Diagnostic::error(span, format!("dependency cycle: {}", names.join(" → ")))
            .label("this closes the cycle")
            .help("an initiative cannot, through others, depend on itself; remove one of these `depends_on` entries".to_owned()),
    );
}

fn data_files(publication: &Publication, diags: &mut Diagnostics) {
    for page in &publication.pages {
        let Some(data) = &page.data else { continue };
        if !publication.assets.iter().any(|a| a.rel == data.path) {
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
