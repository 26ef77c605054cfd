//! Every output path must be one the file system can write: no name too
//! long, no file where another output needs a folder.

use std::collections::{HashMap, HashSet};

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::url::THEME_DIR;
use crate::model::{Page, Publication};

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
        .code(Code::AddressClash)
    }
}

/// Every output path must be one the file system can write, or `build` fails
/// with an I/O error that names no source, and `check` does not see it: no
/// file or folder name over [`NAME_MAX`] bytes, and no file where another
/// output needs a folder (an asset `content/notes` and a page
/// `content/Notes/a.md` both want `notes`). Linear: each path's folders are
/// looked up in the set of output files.
pub(super) fn writable(publication: &Publication, diags: &mut Diagnostics) {
    let asset_urls: Vec<String> =
        publication.assets.iter().map(|a| crate::model::asset_url(&a.rel)).collect();
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
