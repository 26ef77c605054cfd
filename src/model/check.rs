//! Checks across pages: one purpose, unique ids and URLs, references that
//! resolve, no dependency cycles, data files that exist. Also puts the pages
//! in reading order.

use std::collections::{HashMap, HashSet};

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{Kind, Page, Publication, Ref};

pub(super) fn all(publication: &mut Publication, diags: &mut Diagnostics) {
    sort(&mut publication.pages);
    purpose(&publication.pages, diags);
    unique_ids(&publication.pages, diags);
    unique_urls(publication, diags);
    writable_paths(publication, diags);
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

/// The longest name of one file or folder, in bytes, that the common file
/// systems take (`NAME_MAX` on Linux and macOS).
const NAME_MAX: usize = 255;

/// What puts a file at an output path.
#[derive(Clone, Copy)]
enum Writer<'a> {
    Page(&'a Page),
    /// An asset, by its path under `content/`.
    Asset(&'a str),
    /// The theme and the overview pages.
    Stratdoc,
}

impl Writer<'_> {
    fn name(self) -> String {
        match self {
            Writer::Page(page) => format!("`content/{}`", page.path),
            Writer::Asset(rel) => format!("`content/{rel}`"),
            Writer::Stratdoc => "stratdoc".to_owned(),
        }
    }

    /// An error about this writer's file: at the page when it is one.
    fn error(self, message: String) -> Diagnostic {
        match self {
            Writer::Page(page) => Diagnostic::error(page.file_span(), message),
            Writer::Asset(_) | Writer::Stratdoc => Diagnostic::global(message),
        }
    }
}

/// Every output path must be one the file system can write, or `build` fails
/// with an I/O error that names no source, and `check` does not see it: no
/// file or folder name over [`NAME_MAX`] bytes, and no file where another
/// output needs a folder (an asset `content/notes` and a page
/// `content/Notes/a.md` both want `notes`). Linear: each path's folders are
/// looked up in the set of output files.
fn writable_paths(publication: &Publication, diags: &mut Diagnostics) {
    let asset_urls: Vec<String> =
        publication.assets.iter().map(|a| super::page::asset_url(&a.rel)).collect();
    let overviews: Vec<String> = Kind::NAMES
        .iter()
        .filter(|(_, kind)| publication.pages.iter().any(|p| p.kind == *kind))
        .filter_map(|(_, kind)| kind.overview_url())
        .collect();
    let theme = format!("{THEME_DIR}/");
    let outputs: Vec<(&str, Writer<'_>)> = publication
        .pages
        .iter()
        .map(|page| (page.url.as_str(), Writer::Page(page)))
        .chain(
            asset_urls
                .iter()
                .zip(&publication.assets)
                .map(|(url, a)| (url.as_str(), Writer::Asset(&a.rel))),
        )
        .chain(overviews.iter().map(|url| (url.as_str(), Writer::Stratdoc)))
        .chain([(theme.as_str(), Writer::Stratdoc)])
        .collect();

    let mut files: HashMap<&str, Writer<'_>> = HashMap::new();
    for &(url, writer) in &outputs {
        if let Some(name) = url.split('/').find(|name| name.len() > NAME_MAX) {
            diags.push(
                writer
                    .error(format!(
                        "{} would be written under a name of {} bytes; file systems take at most {NAME_MAX}",
                        writer.name(),
                        name.len()
                    ))
                    .help("shorten the name of the file or of its folder".to_owned()),
            );
        } else if !url.ends_with('/') {
            files.entry(url).or_insert(writer);
        }
    }
    let mut reported: HashSet<&str> = HashSet::new();
    for &(url, writer) in &outputs {
        let folders = url.match_indices('/').map(|(i, _)| &url[..i]);
        for folder in folders {
            let Some(file) = files.get(folder) else { continue };
            if !reported.insert(folder) {
                continue;
            }
            let message = format!(
                "{} would be written to the file `{folder}`, but {} needs a folder of that name for `{url}`",
                file.name(),
                writer.name()
            );
            // Located at a page where either side is one (in practice the
            // one needing the folder: a page's own file always ends `.html`,
            // and folder names never have a dot).
            let diagnostic = match (writer, *file) {
                (Writer::Page(_), Writer::Page(page)) => {
                    writer.error(message).also(page.file_span(), "this page")
                }
                (Writer::Page(_), _) => writer.error(message),
                (_, file) => file.error(message),
            };
            diags.push(diagnostic.help(
                "a web address is a file or a folder, not both; rename one of them".to_owned(),
            ));
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::config::Config;
    use crate::diagnostics::Diagnostics;
    use crate::model::validate;
    use crate::source::Asset;

    fn messages(assets: &[&str]) -> Vec<String> {
        let assets = assets
            .iter()
            .map(|rel| Asset { rel: (*rel).to_owned(), abs: PathBuf::from(rel) })
            .collect();
        let mut diags = Diagnostics::new();
        validate(&[], assets, &Config::default(), false, &mut diags);
        diags
            .items()
            .iter()
            .map(|d| d.message.clone())
            .filter(|m| !m.starts_with("missing purpose"))
            .collect()
    }

    #[test]
    fn names_longer_than_the_file_system_takes_are_reported() {
        let long = format!("{}.png", "a".repeat(252));
        assert_eq!(
            messages(&[&long, &format!("{}.png", "a".repeat(251))]),
            [format!(
                "`content/{long}` would be written under a name of 256 bytes; file systems take at most 255"
            )]
        );
    }

    #[test]
    fn a_file_in_the_way_of_a_folder_is_reported_once() {
        assert_eq!(
            messages(&["notes", "Notes/a.png", "Notes/b.png", "other/notes"]),
            [
                "`content/notes` would be written to the file `notes`, but `content/Notes/a.png` needs a folder of that name for `notes/a.png`"
            ]
        );
    }
}
