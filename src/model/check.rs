//! Checks across pages: one purpose, unique ids and URLs, references that
//! resolve (and become [`PageRef`]s), no dependency cycles, data files that
//! exist. Also puts the pages in reading order.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::read::Draft;
use crate::model::resolve;
use crate::model::url::{EXPORT_FILES, PLAN_VIEWS, SITE_FILES, THEME_DIR, plan_view_url};
use crate::model::{KindId, LeftOut, Page, Plan, PlanFields, Publication, Relations, Value};
use crate::schema::{Home, Role, Schema, Type};
use crate::source::{Asset, hidden_named, is_hidden_path};

/// Puts `drafts` in reading order, checks them against each other, resolves
/// their references and computes the relations and the plan.
pub(super) fn all(
    config: &Config,
    mut drafts: Vec<Draft>,
    assets: Vec<Asset>,
    left_out: Vec<LeftOut>,
    diags: &mut Diagnostics,
) -> Publication {
    let schema = &config.schema;
    sort(&mut drafts, schema);
    unique_numbers(&drafts, diags);
    let pages: Vec<Page> = drafts.into_iter().map(|d| d.page).collect();
    purpose(schema, &pages, diags);
    unique_ids(&pages, diags);
    let mut publication = Publication::new(Arc::clone(schema), pages, assets, left_out);
    unique_urls(&publication, diags);
    writable_paths(&publication, diags);
    let cyclic = resolve::references(&mut publication, diags);
    data_files(&publication, diags);
    publication.relations = Relations::new(schema, &publication.pages);
    let plan = PlanFields::of(schema);
    let parents = plan.is_some_and(|p| !cyclic.contains(&p.parent));
    publication.plan = Plan::new(&publication.pages, plan, parents, diags);
    publication
}

/// Reading order: by kind, then `number` (naturally: 1.9 before 1.10), then
/// `order`, then by the kind's `sort_by` field (initiatives by start), then
/// path.
fn sort(drafts: &mut [Draft], schema: &Schema) {
    drafts.sort_by_cached_key(|d| {
        let p = &d.page;
        let kind = schema.kind(p.kind);
        let sorted_by = kind.sort_by.and_then(|i| p.values.get(i)?.as_ref()?.value.sort_key());
        // `content/purpose.md` is the purpose statement; a `kind: purpose`
        // elsewhere is the extra one.
        let elsewhere = matches!(&kind.home, Home::File(file) if p.path != *file);
        (
            p.kind,
            elsewhere,
            p.number.as_deref().map_or_else(Vec::new, natural_key),
            p.number.is_none(),
            p.order.unwrap_or(i64::MAX),
            // Dated pages first, earliest first; then the undated.
            sorted_by.is_none(),
            sorted_by,
            p.path.clone(),
        )
    });
}

/// A piece of a number for natural sorting: digits compare as numbers.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Piece {
    Number(u64),
    Text(String),
}

/// `"1.10a"` -> `[1, 10, "a"]`, so "1.9" sorts before "1.10".
fn natural_key(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let digit = c.is_ascii_digit();
        let end = rest.find(|c: char| c.is_ascii_digit() != digit).unwrap_or(rest.len());
        let (piece, after) = rest.split_at(end);
        if digit {
            pieces.push(Piece::Number(piece.parse().unwrap_or(u64::MAX)));
        } else if !piece.chars().all(|c| matches!(c, '.' | ' ' | '-')) {
            pieces.push(Piece::Text(piece.to_lowercase()));
        }
        rest = after;
    }
    pieces
}

/// Exactly one page of the front kind, at its file.
fn purpose(schema: &Schema, pages: &[Page], diags: &mut Diagnostics) {
    let Some(front) = schema.with_role(Role::Front) else { return };
    let file = match &schema.kind(front).home {
        Home::File(file) => file.as_str(),
        Home::Folder(_) | Home::Anywhere => "purpose.md",
    };
    let purposes: Vec<&Page> = pages.iter().filter(|p| p.kind == front).collect();
    match purposes.as_slice() {
        [] => {
            // Hugo, Jekyll and MkDocs make the top folder's index page the
            // home page; here the front page is the purpose statement.
            let home = pages.iter().find(|p| p.url == "index.html");
            let help = home.map_or_else(
                || format!("create `content/{file}` with a `title` and the purpose in a few paragraphs"),
                |home| format!(
                    "the front page is `content/{file}`; to make `content/{}` the front page, rename it to `content/{file}`",
                    home.path
                ),
            );
            diags.push(
                Diagnostic::global(format!(
                    "missing purpose statement: there is no `content/{file}`"
                ))
                .help(help),
            );
        }
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

/// Warns where two pages of a kind share a `number`: readers cite a page
/// by it, so a number names one page. `1.10` and `1.1` are two numbers.
fn unique_numbers(drafts: &[Draft], diags: &mut Diagnostics) {
    let mut seen: HashMap<(KindId, &str), &Draft> = HashMap::new();
    for draft in drafts {
        let (Some(number), Some(at)) = (&draft.page.number, &draft.number_at) else { continue };
        let Some(first) = seen.get(&(draft.page.kind, number.as_str())) else {
            seen.insert((draft.page.kind, number), draft);
            continue;
        };
        let mut diagnostic = Diagnostic::warning(
            at.clone(),
            format!("`content/{}` has the number {number} too", first.page.path),
        )
        .help("readers cite a page by its number; give each page its own".to_owned());
        if let Some(first_at) = &first.number_at {
            diagnostic = diagnostic.also(first_at.clone(), "first used here");
        }
        diags.push(diagnostic);
    }
}

fn unique_ids(pages: &[Page], diags: &mut Diagnostics) {
    let mut seen: HashMap<(KindId, &str), &Page> = HashMap::new();
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

/// Stratdoc's own output: the overview pages, the plan views, the exports,
/// the files for web servers and search engines, and the theme folder.
fn generated(schema: &Schema, url: &str) -> bool {
    let plan = schema.with_role(Role::Plan).and_then(|kind| schema.kind(kind).folder());
    schema.kinds().any(|(_, kind)| kind.overview_url().as_deref() == Some(url))
        || plan
            .is_some_and(|folder| PLAN_VIEWS.iter().any(|view| plan_view_url(folder, view) == url))
        || EXPORT_FILES.contains(&url)
        || SITE_FILES.contains(&url)
        || url.strip_prefix(THEME_DIR).is_some_and(|rest| rest.starts_with('/'))
}

/// Two files may slug to the same URL (`Cyber.md` and `cyber.md`); a page
/// or file may also claim a URL stratdoc generates.
fn unique_urls(publication: &Publication, diags: &mut Diagnostics) {
    let schema = &publication.schema;
    let mut seen: HashMap<String, &Page> = HashMap::new();
    for page in &publication.pages {
        if schema.is(page.kind, Role::Front) && seen.contains_key("index.html") {
            continue; // a second purpose statement is reported by `purpose`
        }
        if generated(schema, &page.url) {
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
        } else if let Some(first) = seen.insert(page.url.clone(), page) {
            diags.push(
                Diagnostic::error(
                    page.file_span(),
                    format!(
                        "`content/{}` and `content/{}` would both be written to `{}`",
                        page.path, first.path, page.url
                    ),
                )
                .help(same_url_help(schema, first, page)),
            );
        }
    }
    let mut assets: HashMap<String, &str> = HashMap::new();
    for asset in &publication.assets {
        let url = super::asset_url(&asset.rel);
        if generated(schema, &url) {
            diags.push(Diagnostic::global(format!(
                "`content/{}` would be written to `{url}`, which stratdoc generates; rename it",
                asset.rel
            )));
        } else if EXPORT_FILES.contains(&url.as_str()) {
            diags.push(Diagnostic::global(format!(
                "`content/{}` would be written to `{url}`, where stratdoc writes an export of the strategy; rename it",
                asset.rel
            )));
        } else if let Some(first) = seen.get(&url) {
            diags.push(Diagnostic::global(format!(
                "`content/{}` and `content/{}` would both be written to `{url}`; rename one of them",
                asset.rel, first.path
            )));
        } else if let Some(first) = assets.insert(url.clone(), asset.rel.as_str()) {
            diags.push(Diagnostic::global(format!(
                "`content/{}` and `content/{first}` would both be written to `{url}`; rename one of them",
                asset.rel
            )));
        }
    }
}

/// Why two pages land on one web address, and what to do about it. Pages
/// brought in from elsewhere meet the first two: a top `_index.md` is the
/// home page in Hugo, and some folders have both `index.md` and `_index.md`.
fn same_url_help(schema: &Schema, first: &Page, page: &Page) -> String {
    if schema.is(first.kind, Role::Front) {
        format!(
            "the front page is the purpose statement `content/{}`; move this page's text there, or rename this file to give it a page of its own",
            first.path
        )
    } else if is_folder_page(&first.path) && is_folder_page(&page.path) {
        "`index.md` and `_index.md` are both the page of their folder; keep one".to_owned()
    } else {
        "file names are turned into lowercase web addresses; rename one of the files".to_owned()
    }
}

/// `index.md` or `_index.md` (in any case): the page of its folder.
fn is_folder_page(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_lowercase();
    name == "index.md" || name == "_index.md"
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
        publication.assets.iter().map(|a| super::asset_url(&a.rel)).collect();
    let overviews: Vec<String> = publication
        .schema
        .kinds()
        .filter(|(id, _)| publication.count(*id) > 0)
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
                        "a name of {} bytes, more than the {NAME_MAX} file systems take, for {}",
                        name.len(),
                        writer.name()
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

/// Every data file a page names (a field of type `data`) is a file under
/// `content/` that is not hidden.
fn data_files(publication: &Publication, diags: &mut Diagnostics) {
    let schema = &publication.schema;
    let assets: HashSet<&str> = publication.assets.iter().map(|a| a.rel.as_str()).collect();
    let named = publication.pages.iter().flat_map(|page| {
        let fields = schema.fields(page.kind).filter(|(_, f)| f.ty == Type::Data);
        fields.filter_map(move |(field, _)| match page.value(field) {
            Some(Value::Data(data)) => Some((page, data)),
            _ => None,
        })
    });
    for (page, data) in named {
        if is_hidden_path(&data.path) {
            diags.push(hidden_named(
                data.span.clone(),
                &format!("data file `content/{}`", data.path),
            ));
        } else if !assets.contains(data.path.as_str()) {
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

    use super::natural_key;

    fn messages(assets: &[&str]) -> Vec<String> {
        let assets = assets
            .iter()
            .map(|rel| Asset { rel: (*rel).to_owned(), abs: PathBuf::from(rel) })
            .collect();
        let mut diags = Diagnostics::new();
        validate(
            &[],
            assets,
            &Config::default(),
            false,
            crate::calendar::Quarter { year: 2027, quarter: 1 },
            &mut diags,
        );
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
                "a name of 256 bytes, more than the 255 file systems take, for `content/{long}`"
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

    #[test]
    fn content_files_may_not_take_the_names_of_the_exports() {
        assert_eq!(
            messages(&["Strategy.JSON", "milestones.ics/a.png", "data/initiatives.csv"]),
            [
                "`content/Strategy.JSON` would be written to `strategy.json`, which stratdoc generates; rename it",
            ]
        );
    }

    #[test]
    fn content_files_may_not_take_the_names_of_the_files_for_servers_and_crawlers() {
        assert_eq!(
            messages(&["Robots.txt", "sitemap.xml", "404.html", "om/robots.txt"]),
            [
                "`content/Robots.txt` would be written to `robots.txt`, which stratdoc generates; rename it",
                "`content/sitemap.xml` would be written to `sitemap.xml`, which stratdoc generates; rename it",
                "`content/404.html` would be written to `404.html`, which stratdoc generates; rename it",
            ]
        );
    }

    #[test]
    fn numbers_sort_naturally() {
        let mut numbers = vec!["1.10", "1.9", "2", "1.4a", "1.4", "10", "A.2"];
        numbers.sort_by_key(|n| natural_key(n));
        assert_eq!(numbers, ["1.4", "1.4a", "1.9", "1.10", "2", "10", "A.2"]);
    }
}
