//! Stage 4, RESOLVE: checks every link and image in every page and works out
//! what it becomes in the site. Writers link with relative paths to `.md`
//! files (so links also work on a git host); here they turn into relative
//! links between pages, which work at any base path and from disk.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::markdown::{Doc, Link};
use crate::model::{Kind, Publication, asset_url, join_relative};

/// The new destination of each link, per page, in [`Doc::links`] order
/// (`None` keeps the link as written).
pub type Links = Vec<Vec<Option<String>>>;

/// Resolves the links of `docs` (one per page of `publication`, same order).
pub fn resolve(publication: &Publication, docs: &[Doc<'_>], diags: &mut Diagnostics) -> Links {
    let by_path: HashMap<&str, usize> =
        publication.pages.iter().enumerate().map(|(i, p)| (p.path.as_str(), i)).collect();
    let assets: HashMap<&str, String> =
        publication.assets.iter().map(|a| (a.rel.as_str(), asset_url(&a.rel))).collect();
    let index = Index { publication, docs, by_path, assets };
    publication
        .pages
        .iter()
        .enumerate()
        .map(|(i, _)| docs[i].links.iter().map(|link| index.resolve(i, link, diags)).collect())
        .collect()
}

struct Index<'a> {
    publication: &'a Publication,
    docs: &'a [Doc<'a>],
    by_path: HashMap<&'a str, usize>,
    assets: HashMap<&'a str, String>,
}

impl Index<'_> {
    fn resolve(&self, from: usize, link: &Link, diags: &mut Diagnostics) -> Option<String> {
        let page = &self.publication.pages[from];
        let dest = link.dest.trim();
        let error = |message: String| Diagnostic::error(link.span.clone(), message);
        if let Some(scheme) = scheme(dest) {
            if ["javascript", "vbscript", "data"].contains(&scheme.as_str()) {
                diags.push(
                    error(format!("`{scheme}:` links are not allowed"))
                        .help("link to a page or to an `https:` address".to_owned()),
                );
                return Some("#".to_owned());
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
                    format!("`{dest}` starts at the web server's root"),
                )
                .label("breaks when the site is opened from disk or served under a base path")
                .help("link relative to this file, e.g. `../initiatives/x.md`".to_owned()),
            );
            return None;
        }
        let decoded = percent_decode(path);
        let Some(target) = join_relative(&page.path, &decoded) else {
            diags.push(outside(link, dest, &decoded));
            return None;
        };
        let target = target.trim_end_matches('/');
        let fragment_suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
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
        let message =
            if let Some(left_out) = self.publication.left_out_path(target) {
                if !left_out.draft {
                    return None; // its own file has the error
                }
                diags.push(error(format!("`{dest}` links to a draft page")).help(
                    "build with `--drafts`, or remove `draft: true` from the target".to_owned(),
                ));
                return None;
            } else if link.image {
                format!("image `{dest}` not found")
            } else {
                format!("broken link: `{dest}` does not exist")
            };
        let candidates = self.by_path.keys().copied().chain(self.assets.keys().copied());
        let help = did_you_mean(target, candidates)
            .map(|close| format!("did you mean `{}`?", relative_url(&page.path, close)));
        diags.push(error(message).label(format!("no file `content/{target}`")).help(help));
        None
    }

    fn check_fragment(
        &self,
        from: usize,
        to: usize,
        fragment: &str,
        link: &Link,
        diags: &mut Diagnostics,
    ) {
        let fragment = percent_decode(fragment);
        let ids = &self.docs[to].ids;
        if fragment.is_empty() || fragment == "top" || ids.contains(&fragment) {
            return;
        }
        let target = &self.publication.pages[to];
        let place =
            if from == to { "this page".to_owned() } else { format!("`content/{}`", target.path) };
        let help = did_you_mean(&fragment, ids.iter().map(String::as_str))
            .map(|close| format!("did you mean `#{close}`?"))
            .or_else(|| (!ids.is_empty()).then(|| format!("headings there: {}", sorted_ids(ids))));
        diags.push(
            Diagnostic::error(
                link.span.clone(),
                format!("broken anchor: `#{fragment}` is not a heading in {place}"),
            )
            .help(help.unwrap_or_else(|| "the page has no headings to link to".to_owned())),
        );
    }
}

/// Why a path cannot be followed, in the words a writer needs.
fn outside(link: &Link, dest: &str, path: &str) -> Diagnostic {
    let error =
        |message: String, help: String| Diagnostic::error(link.span.clone(), message).help(help);
    if path.contains('\\') {
        error(
            format!("`{dest}` uses `\\` between folders"),
            format!("links use `/`, as on the web: `{}`", path.replace('\\', "/")),
        )
    } else if path.as_bytes().get(1) == Some(&b':') {
        error(
            format!("`{dest}` is a path on one computer"),
            "link relative to this file, e.g. `../initiatives/x.md`".to_owned(),
        )
    } else {
        error(
            format!("`{dest}` points outside `content/`"),
            "link only to files inside the project's `content/` folder".to_owned(),
        )
    }
}

fn sorted_ids(ids: &std::collections::HashSet<String>) -> String {
    let mut ids: Vec<String> = ids.iter().map(|id| format!("#{id}")).collect();
    ids.sort();
    ids.join(", ")
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
