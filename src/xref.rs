//! Stage 4, RESOLVE: checks every link and image in every page and works out
//! what it becomes in the site. Writers link with relative paths to `.md`
//! files (so links also work on a git host); here they turn into relative
//! links between pages, which work at any base path and from disk.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use unicode_normalization::{UnicodeNormalization, is_nfc};

use crate::diagnostics::{Diagnostic, Diagnostics, Nearby, PathIndex};
use crate::markdown::{Doc, Link};
use crate::model::{Kind, Publication, asset_url, join_relative};
use crate::slug::slugify;

/// The new destination of each link, per page, in [`Doc::links`] order
/// (`None` keeps the link as written).
pub type Links = Vec<Vec<Option<String>>>;

/// Headings a broken `#anchor`'s help lists before "and N more".
const LISTED_HEADINGS: usize = 5;

/// Longest destination quoted whole in a message.
const SHOWN_CHARS: usize = 80;

/// Resolves the links of `docs` (one per page of `publication`, same order).
pub fn resolve(publication: &Publication, docs: &[Doc<'_>], diags: &mut Diagnostics) -> Links {
    let by_path: HashMap<&str, usize> =
        publication.pages.iter().enumerate().map(|(i, p)| (p.path.as_str(), i)).collect();
    let assets: HashMap<&str, String> =
        publication.assets.iter().map(|a| (a.rel.as_str(), asset_url(&a.rel))).collect();
    let paths = by_path.keys().copied().chain(assets.keys().copied());
    let folders = paths.clone().flat_map(folders_of).collect();
    let index = Index {
        publication,
        docs,
        suggest: PathIndex::new(paths),
        folders,
        anchors: docs.iter().map(|_| OnceCell::new()).collect(),
        by_path,
        assets,
    };
    publication
        .pages
        .iter()
        .enumerate()
        .map(|(i, _)| docs[i].links.iter().map(|link| index.resolve(i, link, diags)).collect())
        .collect()
}

/// Everything a link is resolved against, built once per run so each link
/// costs O(1) lookups plus bounded suggestion work.
struct Index<'a> {
    publication: &'a Publication,
    docs: &'a [Doc<'a>],
    by_path: HashMap<&'a str, usize>,
    assets: HashMap<&'a str, String>,
    suggest: PathIndex<'a>,
    /// Every folder that holds a page or file (`""` is `content/` itself).
    folders: HashSet<&'a str>,
    /// Per page, its ids by length, made the first time an anchor into it is broken.
    anchors: Vec<OnceCell<Nearby<'a>>>,
}

impl Index<'_> {
    fn resolve(&self, from: usize, link: &Link, diags: &mut Diagnostics) -> Option<String> {
        let page = &self.publication.pages[from];
        let dest = link.dest.trim();
        let shown = clip(dest);
        let error = |message: String| Diagnostic::error(link.span.clone(), message);
        if let Some(host) = dest.strip_prefix("//") {
            let host = clip(host);
            diags.push(
                Diagnostic::warning(link.span.clone(), format!("`{shown}` has no `https:`"))
                    .label("opened from disk, this looks for a file on the computer")
                    .help(format!("write the whole address: `https://{host}`")),
            );
            return None;
        }
        if let Some(scheme) = scheme(dest) {
            if ["javascript", "vbscript", "data"].contains(&scheme.as_str()) {
                diags.push(
                    error(format!("`{scheme}:` links are not allowed"))
                        .help("link to a page or to an `https:` address".to_owned()),
                );
                return Some("#".to_owned());
            }
            if scheme == "file" {
                diags.push(
                    error(format!("`{shown}` is a file on one computer"))
                        .label("readers of the site cannot open it")
                        .help("copy the file into `content/` and link to it relative to this page, e.g. `../billeder/kort.png`".to_owned()),
                );
            }
            return None;
        }
        let (path, fragment) = dest.split_once('#').map_or((dest, None), |(p, f)| (p, Some(f)));
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        if path.is_empty() {
            if let Some(fragment) = fragment {
                self.check_fragment(from, from, fragment, link, diags);
            }
            return None;
        }
        if path.starts_with('/') {
            diags.push(
                Diagnostic::warning(
                    link.span.clone(),
                    format!("`{shown}` starts at the web server's root"),
                )
                .label("breaks when the site is opened from disk or served under a base path")
                .help("link relative to this file, e.g. `../initiatives/x.md`".to_owned()),
            );
            return None;
        }
        let decoded = nfc(&percent_decode(path));
        let Some(target) = join_relative(&page.path, &decoded) else {
            diags.push(self.outside(&page.path, link, &shown, &decoded));
            return None;
        };
        let target = target.trim_end_matches('/');
        // Ids are NFC, so a fragment typed decomposed is written composed.
        let fragment_suffix = fragment.map(|f| format!("#{}", nfc(f))).unwrap_or_default();
        if let Some(&to) = self.by_path.get(target) {
            if let Some(fragment) = fragment {
                self.check_fragment(from, to, fragment, link, diags);
            }
            return Some(format!(
                "{}{fragment_suffix}",
                relative_url(&page.url, &self.publication.pages[to].url)
            ));
        }
        if let Some(url) = self.assets.get(target) {
            return Some(format!("{}{fragment_suffix}", relative_url(&page.url, url)));
        }
        if let Some(section) = section_url(self.publication, target) {
            return Some(format!("{}{fragment_suffix}", relative_url(&page.url, &section)));
        }
        if let Some(left_out) = self.publication.left_out_path(target) {
            if left_out.draft {
                diags.push(error(format!("`{shown}` links to a draft page")).help(
                    "build with `--drafts`, or remove `draft: true` from the target".to_owned(),
                ));
            }
            return None; // a page with broken frontmatter has its own error
        }
        if self.folders.contains(target) || path.ends_with('/') {
            diags.push(self.folder(&page.path, link, &shown, target));
            return None;
        }
        let message = if link.image {
            format!("image `{shown}` not found")
        } else {
            format!("broken link: `{shown}` does not exist")
        };
        let help = if !decoded.contains('/') && decoded.contains('@') && !link.image {
            Some(format!("for an email address write `<{shown}>` or `mailto:{shown}`"))
        } else {
            self.suggest
                .closest(target)
                .map(|close| format!("did you mean `{}`?", relative_url(&page.path, close)))
        };
        diags.push(error(message).label(format!("no file `content/{}`", clip(target))).help(help));
        None
    }

    /// A link to a folder that has no page of its own.
    fn folder(&self, from: &str, link: &Link, shown: &str, target: &str) -> Diagnostic {
        let place = if target.is_empty() {
            "content/".to_owned()
        } else {
            format!("content/{}/", clip(target))
        };
        if !target.is_empty() && !self.folders.contains(target) {
            return Diagnostic::error(
                link.span.clone(),
                format!("broken link: `{shown}` does not exist"),
            )
            .label(format!("no folder `{place}`"));
        }
        let example = if target.is_empty() {
            Some("purpose.md")
        } else {
            self.suggest.in_folder(target).find(|p| self.by_path.contains_key(p))
        };
        let help = match example {
            Some(page) if target.is_empty() => format!("link to the front page: `{}`", relative_url(from, page)),
            Some(page) => format!("link to a page in it, e.g. `{}`", relative_url(from, page)),
            None => "link to a page instead; only folders of a kind with pages (`../initiatives/`) have an overview".to_owned(),
        };
        Diagnostic::error(link.span.clone(), format!("`{shown}` is a folder, not a page"))
            .label(format!("`{place}` has no page of its own"))
            .help(help)
    }

    /// Why a path cannot be followed, in the words a writer needs.
    fn outside(&self, from: &str, link: &Link, shown: &str, path: &str) -> Diagnostic {
        let error = |message: String, help: String| {
            Diagnostic::error(link.span.clone(), message).help(help)
        };
        let drive =
            path.as_bytes().get(1) == Some(&b':') && path.as_bytes()[0].is_ascii_alphabetic();
        if path.contains('\\') {
            error(
                format!("`{shown}` uses `\\` between folders"),
                format!("links use `/`, as on the web: `{}`", clip(&path.replace('\\', "/"))),
            )
        } else if drive {
            error(
                format!("`{shown}` is a path on one computer"),
                "link relative to this file, e.g. `../initiatives/x.md`".to_owned(),
            )
        } else if path.contains(':') {
            error(
                format!("`{shown}` has a `:` in its path"),
                "a `:` cannot be in a file name on Windows, and on the web `x:` starts an address; rename the file without it".to_owned(),
            )
        } else if lands_at_root(from, path) {
            self.folder(from, link, shown, "")
        } else {
            error(
                format!("`{shown}` points outside `content/`"),
                "link only to files inside the project's `content/` folder".to_owned(),
            )
        }
    }

    fn check_fragment(
        &self,
        from: usize,
        to: usize,
        fragment: &str,
        link: &Link,
        diags: &mut Diagnostics,
    ) {
        let fragment = nfc(&percent_decode(fragment));
        let doc = &self.docs[to];
        if fragment.is_empty() || fragment == "top" || doc.ids.contains(&fragment) {
            return;
        }
        let target = &self.publication.pages[to];
        let place =
            if from == to { "this page".to_owned() } else { format!("`content/{}`", target.path) };
        let nearby =
            self.anchors[to].get_or_init(|| Nearby::new(doc.ids.iter().map(String::as_str)));
        // `#mål` for a heading `Mål`: the id is its slug, `#maal`.
        let slug = Some(slugify(&fragment)).filter(|s| doc.ids.contains(s));
        let help = slug
            .as_deref()
            .or_else(|| nearby.closest(&fragment))
            .map(|close| format!("did you mean `#{close}`?"))
            .or_else(|| listed_headings(doc))
            .unwrap_or_else(|| "the page has no headings to link to".to_owned());
        diags.push(
            Diagnostic::error(
                link.span.clone(),
                format!("broken anchor: `#{}` is not a heading in {place}", clip(&fragment)),
            )
            .help(help),
        );
    }
}

/// "headings there: #a, #b … and 12 more", in page order.
fn listed_headings(doc: &Doc<'_>) -> Option<String> {
    let first: Vec<String> =
        doc.headings.iter().take(LISTED_HEADINGS).map(|h| format!("`#{}`", clip(&h.id))).collect();
    if first.is_empty() {
        return None;
    }
    let more = doc.headings.len() - first.len();
    let more = if more > 0 { format!(" and {more} more") } else { String::new() };
    Some(format!("headings there: {}{more}", first.join(", ")))
}

/// The folders that hold `path`: `a/b/c.md` -> `a/b`, `a` and the empty
/// path, which stands for `content/` itself.
fn folders_of(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(|(i, _)| &path[..i]).chain(std::iter::once(""))
}

/// True when `target`, relative to the folder of `from`, is `content/` itself.
fn lands_at_root(from: &str, target: &str) -> bool {
    let mut depth = from.matches('/').count();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." if depth == 0 => return false,
            ".." => depth -= 1,
            _ => depth += 1,
        }
    }
    depth == 0
}

/// `text` in NFC, as file paths and ids are compared.
fn nfc(text: &str) -> String {
    if is_nfc(text) { text.to_owned() } else { text.nfc().collect() }
}

/// `text`, cut to [`SHOWN_CHARS`] with `…` when longer, for messages.
fn clip(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// `initiatives` (a folder link) -> its overview page, when stratdoc makes one
/// (a kind with pages).
fn section_url(publication: &Publication, target: &str) -> Option<String> {
    let (_, kind) = Kind::NAMES.iter().find(|(_, k)| k.section() == Some(target))?;
    publication.of_kind(*kind).next().and_then(|_| kind.overview_url())
}

/// The URL scheme (`https`, `mailto`), lowercased, if the destination has one.
/// Control characters and spaces are ignored the way browsers ignore them.
fn scheme(dest: &str) -> Option<String> {
    let cleaned: String = dest.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let valid = scheme.len() > 1
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic());
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Relative URL from page `from` to `to`, both relative to the site root.
#[must_use]
pub fn relative_url(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> =
        from.split('/').collect::<Vec<_>>().split_last().map_or(Vec::new(), |(_, d)| d.to_vec());
    let to_parts: Vec<&str> = to.split('/').collect();
    let common =
        from_dirs.iter().zip(&to_parts).take_while(|(a, b)| a == b).count().min(to_parts.len() - 1);
    let mut out = "../".repeat(from_dirs.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    out
}

/// The prefix that leads from page `url` back to the site root (`../../`).
#[must_use]
pub fn root_of(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls() {
        assert_eq!(relative_url("initiatives/a.html", "directions/b.html"), "../directions/b.html");
        assert_eq!(relative_url("initiatives/a.html", "initiatives/c.html"), "c.html");
        assert_eq!(relative_url("index.html", "initiatives/c.html"), "initiatives/c.html");
        assert_eq!(relative_url("a/b/c.html", "index.html"), "../../index.html");
        assert_eq!(relative_url("a/b.html", "a/b/c.html"), "b/c.html");
        assert_eq!(root_of("a/b/c.html"), "../../");
        assert_eq!(root_of("index.html"), "");
    }

    #[test]
    fn schemes() {
        assert_eq!(scheme("https://x").as_deref(), Some("https"));
        assert_eq!(scheme(" JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("java\tscript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("../a.md"), None);
        assert_eq!(scheme("C:\\x"), None);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("Kort%201.png"), "Kort 1.png");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%aæ%"), "%aæ%");
        assert_eq!(percent_decode("%C3%A6"), "æ");
    }
}
