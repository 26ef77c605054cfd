//! Checks across pages: one purpose, unique ids and URLs, references that
//! resolve (and become [`PageRef`]s), no dependency cycles, data files that
//! exist. Also puts the pages in reading order.

mod paths;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::read::Draft;
use crate::model::resolve;
use crate::model::sections::is_folder_page;
use crate::model::url::{EXPORT_FILES, PLAN_VIEWS, SITE_FILES, THEME_DIR, plan_view_url};
use crate::model::{
    KindId, LeftOut, Page, Plan, PlanFields, Publication, Relations, Sections, Value,
};
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
    paths::writable(&publication, diags);
    let cyclic = resolve::references(&mut publication, diags);
    data_files(&publication, diags);
    publication.relations = Relations::new(schema, &publication.pages);
    publication.sections = Sections::new(schema, &publication.pages);
    let plan = PlanFields::of(schema);
    let parents = plan.is_some_and(|p| !cyclic.contains(&p.parent));
    publication.plan = Plan::new(&mut publication.pages, plan, parents, diags);
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
                .code(Code::MissingPurpose)
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
                    .code(Code::MissingPurpose)
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
        .code(Code::DuplicateNumber)
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
                .code(Code::DuplicateId)
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
struct Generated(HashSet<String>);

impl Generated {
    /// Made once per check: every page's and file's URL is looked up in
    /// it, where each look-up made the overview and plan-view URLs anew
    /// (nine strings a page, on one core while the other waits).
    fn new(schema: &Schema) -> Self {
        let plan = schema.with_role(Role::Plan).and_then(|kind| schema.kind(kind).folder());
        let overviews = schema.kinds().filter_map(|(_, kind)| kind.overview_url());
        let views = plan.into_iter().flat_map(|f| PLAN_VIEWS.iter().map(|v| plan_view_url(f, v)));
        let files = EXPORT_FILES.iter().chain(&SITE_FILES).map(|&url| url.to_owned());
        Generated(overviews.chain(views).chain(files).collect())
    }

    fn has(&self, url: &str) -> bool {
        self.0.contains(url)
            || url.strip_prefix(THEME_DIR).is_some_and(|rest| rest.starts_with('/'))
    }
}

/// Two files may slug to the same URL (`Cyber.md` and `cyber.md`); a page
/// or file may also claim a URL stratdoc generates.
fn unique_urls(publication: &Publication, diags: &mut Diagnostics) {
    let schema = &publication.schema;
    let generated = Generated::new(schema);
    let mut seen: HashMap<String, &Page> = HashMap::new();
    for page in &publication.pages {
        if schema.is(page.kind, Role::Front) && seen.contains_key("index.html") {
            continue; // a second purpose statement is reported by `purpose`
        }
        if generated.has(&page.url) {
            diags.push(
                Diagnostic::error(
                    page.file_span(),
                    format!(
                        "`content/{}` would be written to `{}`, which stratdoc generates",
                        page.path, page.url
                    ),
                )
                .code(Code::AddressClash)
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
                .code(Code::AddressClash)
                .help(same_url_help(schema, first, page)),
            );
        }
    }
    let mut assets: HashMap<String, &str> = HashMap::new();
    for asset in &publication.assets {
        let url = super::asset_url(&asset.rel);
        // The exports first: they are generated too, and the writer should
        // learn which file it is in the way of.
        if EXPORT_FILES.contains(&url.as_str()) {
            diags.push(clash(format!(
                "`content/{}` would be written to `{url}`, where stratdoc writes an export of the strategy; rename it",
                asset.rel
            )));
        } else if generated.has(&url) {
            diags.push(clash(format!(
                "`content/{}` would be written to `{url}`, which stratdoc generates; rename it",
                asset.rel
            )));
        } else if let Some(first) = seen.get(&url) {
            diags.push(clash(format!(
                "`content/{}` and `content/{}` would both be written to `{url}`; rename one of them",
                asset.rel, first.path
            )));
        } else if let Some(first) = assets.insert(url.clone(), asset.rel.as_str()) {
            diags.push(clash(format!(
                "`content/{}` and `content/{first}` would both be written to `{url}`; rename one of them",
                asset.rel
            )));
        }
    }
}

/// An error about a file (not a page) that would be written where another
/// file is.
fn clash(message: String) -> Diagnostic {
    Diagnostic::global(message).code(Code::AddressClash)
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
                .code(Code::MissingDataFile)
                .label("named here")
                .help(format!("`data:` is relative to the folder of `content/{}`", page.path)),
            );
        }
    }
}

#[cfg(test)]
mod tests;
