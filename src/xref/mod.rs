//! Stage 4, RESOLVE: checks every link and image in every page and decides
//! what it points at: a page (at a heading), a file, a section's overview, a
//! place in the same page, or the web. Writers link with relative paths to
//! `.md` files (so links also work on a git host); each output then writes a
//! [`Target`] its own way: the site as relative links between pages, which
//! work at any base path and from disk; the board edition as in-document
//! anchors.
//!
//! - this file: [`Target`], the [`Index`] links are resolved against, and
//!   the resolution itself; a `#fragment` into another page is checked once
//!   every page is read ([`Pending`], [`Anchors`]);
//! - `diagnose`: why a link cannot be followed, with bounded suggestions;
//! - `path`: relative URLs, the way to the root, schemes, decoding.

mod diagnose;
mod path;

use std::collections::{HashMap, HashSet};

pub use path::{relative_url, root_of};

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Nearby, PathIndex};
use crate::markdown::{Doc, Href, Link};
use crate::model::{Kind, Page, PageId, Publication, asset_url, join_relative};
use crate::source::{hidden_named, is_hidden_path};
use path::{clip, folders_of, nfc, percent_decode, scheme, section_kind};

/// What a link points at, decided once for every output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A page of the publication, at a heading or footnote when the link
    /// names one (`#ambition`, in NFC as ids are).
    Page {
        /// The page.
        page: PageId,
        /// The id in it, if any.
        fragment: Option<String>,
    },
    /// A file copied from `content/`, by its place in the site.
    File {
        /// Its path in the site (`analysis/svar.csv`).
        url: String,
        /// A fragment, if the link has one.
        fragment: Option<String>,
    },
    /// A section's overview page (a link to `../initiatives/`).
    Section {
        /// Whose overview.
        kind: Kind,
        /// A fragment, if the link has one.
        fragment: Option<String>,
    },
    /// A place in the same page (`#ambition`).
    Here(String),
    /// Left as written: web addresses, `mailto:`, and links already reported.
    AsWritten,
    /// Refused (`javascript:`, `data:`): written as `#`.
    Refused,
}

impl Target {
    /// How the site writes it from `from`: a relative link, which works at
    /// any base path and from disk.
    #[must_use]
    pub fn site_href(&self, from: &Page, publication: &Publication) -> Href {
        let with = |url: &str, fragment: &Option<String>| {
            let fragment = fragment.as_ref().map(|f| format!("#{f}")).unwrap_or_default();
            Href::To(format!("{}{fragment}", relative_url(&from.url, url)))
        };
        match self {
            Target::Page { page, fragment } => with(&publication[*page].url, fragment),
            Target::File { url, fragment } => with(url, fragment),
            Target::Section { kind, fragment } => {
                kind.overview_url().map_or(Href::Keep, |url| with(&url, fragment))
            }
            Target::Here(_) | Target::AsWritten => Href::Keep,
            Target::Refused => Href::To("#".to_owned()),
        }
    }
}

/// Headings a broken `#anchor`'s help lists before "and N more".
const LISTED_HEADINGS: usize = 5;

/// Longest destination quoted whole in a message.
const SHOWN_CHARS: usize = 80;

/// What links into a page can name: its ids, and its first headings for
/// messages. Kept per page after the page is written, so links into it can
/// be checked once every page has been read.
#[derive(Debug, Default)]
pub struct Anchors {
    /// Every fragment id in the page.
    pub ids: HashSet<String>,
    /// The ids of its first [`LISTED_HEADINGS`] headings.
    pub first_headings: Vec<String>,
    /// How many headings it has.
    pub headings: usize,
}

impl Anchors {
    /// What links into the page of `doc` can name.
    #[must_use]
    pub fn of(doc: &Doc<'_>) -> Anchors {
        Anchors {
            ids: doc.ids.clone(),
            first_headings: doc
                .headings
                .iter()
                .take(LISTED_HEADINGS)
                .map(|h| h.id.clone())
                .collect(),
            headings: doc.headings.len(),
        }
    }
}

/// A `#fragment` into another page, checked once that page is read.
#[derive(Debug)]
pub struct Pending {
    from: PageId,
    to: PageId,
    fragment: String,
    link: Link,
}

/// Everything links are resolved against, built once per run so each link
/// costs O(1) lookups plus bounded suggestion work.
pub struct Index<'a> {
    publication: &'a Publication,
    assets: HashMap<&'a str, String>,
    suggest: PathIndex<'a>,
    /// Every folder that holds a page or file (`""` is `content/` itself).
    folders: HashSet<&'a str>,
    /// Every page and file by its path in lowercase (the first of any that
    /// differ only in case), for links written as another site's addresses.
    lowercase: HashMap<String, &'a str>,
}

impl<'a> Index<'a> {
    /// The index of `publication`'s pages and files.
    #[must_use]
    pub fn new(publication: &'a Publication) -> Index<'a> {
        let assets: HashMap<&str, String> =
            publication.assets.iter().map(|a| (a.rel.as_str(), asset_url(&a.rel))).collect();
        let paths: Vec<&str> = publication
            .pages
            .iter()
            .map(|p| p.path.as_str())
            .chain(assets.keys().copied())
            .collect();
        Index {
            publication,
            suggest: PathIndex::new(paths.iter().copied()),
            folders: paths.iter().copied().flat_map(folders_of).collect(),
            lowercase: paths.iter().rev().map(|p| (p.to_lowercase(), *p)).collect(),
            assets,
        }
    }

    /// The targets of `doc`'s links (the body of page `from`), in order. A
    /// `#fragment` into the page itself is checked here; one into another
    /// page goes to `pending`, for [`Index::check`] once every page is read.
    pub fn links(
        &self,
        from: PageId,
        doc: &Doc<'_>,
        pending: &mut Vec<Pending>,
        diags: &mut Diagnostics,
    ) -> Vec<Target> {
        let here = Anchors::of(doc);
        doc.links
            .iter()
            .map(|link| {
                let target = self.resolve(from, link, diags);
                match &target {
                    Target::Here(_) | Target::Page { .. } => {
                        self.fragment(from, link, &target, &here, pending, diags);
                    }
                    _ => {}
                }
                target
            })
            .collect()
    }

    /// Checks the `#fragment`s of `pending` against the pages' `anchors`
    /// (by page index).
    pub fn check(&self, pending: &[Pending], anchors: &[Anchors], diags: &mut Diagnostics) {
        let mut nearby: HashMap<PageId, Nearby<'_>> = HashMap::new();
        for p in pending {
            let target = &anchors[p.to.index()];
            if target.ids.contains(&p.fragment) {
                continue;
            }
            let nearby = nearby
                .entry(p.to)
                .or_insert_with(|| Nearby::new(target.ids.iter().map(String::as_str)));
            diags.push(self.broken_fragment(p.from, p.to, &p.fragment, target, nearby, &p.link));
        }
    }

    /// Checks the fragment of a link to a page: now when it is this page,
    /// later (in `pending`) when it is another.
    fn fragment(
        &self,
        from: PageId,
        link: &Link,
        target: &Target,
        here: &Anchors,
        pending: &mut Vec<Pending>,
        diags: &mut Diagnostics,
    ) {
        let Some((_, fragment)) = link.dest.trim().split_once('#') else { return };
        let fragment = nfc(&percent_decode(fragment));
        if fragment.is_empty() || fragment == "top" {
            return;
        }
        let to = match target {
            Target::Page { page, .. } => *page,
            _ => from,
        };
        if to != from {
            pending.push(Pending { from, to, fragment, link: link.clone() });
        } else if !here.ids.contains(&fragment) {
            let nearby = Nearby::new(here.ids.iter().map(String::as_str));
            diags.push(self.broken_fragment(from, to, &fragment, here, &nearby, link));
        }
    }

    fn resolve(&self, from: PageId, link: &Link, diags: &mut Diagnostics) -> Target {
        let page = &self.publication[from];
        let dest = link.dest.trim();
        let shown = clip(dest);
        let error = |message: String| Diagnostic::error(link.span.clone(), message);
        if let Some(host) = dest.strip_prefix("//") {
            let host = clip(host);
            diags.push(
                Diagnostic::warning(link.span.clone(), format!("`{shown}` has no `https:`"))
                    .code(Code::SiteRootLink)
                    .label("opened from disk, this looks for a file on the computer")
                    .help(format!("write the whole address: `https://{host}`")),
            );
            return Target::AsWritten;
        }
        if let Some(scheme) = scheme(dest) {
            if ["javascript", "vbscript", "data"].contains(&scheme.as_str()) {
                diags.push(
                    error(format!("`{scheme}:` links are not allowed"))
                        .code(Code::RefusedLink)
                        .help("link to a page or to an `https:` address".to_owned()),
                );
                return Target::Refused;
            }
            if scheme == "file" {
                diags.push(
                    error(format!("`{shown}` is a file on one computer"))
                        .code(Code::RefusedLink)
                        .label("readers of the site cannot open it")
                        .help("copy the file into `content/` and link to it relative to this page, e.g. `../billeder/kort.png`".to_owned()),
                );
            }
            return Target::AsWritten;
        }
        self.resolve_path(page, dest, link, diags)
    }

    /// A link that is a path (`../initiatives/soc.md#mål`, `/docs/x/`,
    /// `#here`): to a page, a file, a section, or nowhere, with why.
    fn resolve_path(
        &self,
        page: &Page,
        dest: &str,
        link: &Link,
        diags: &mut Diagnostics,
    ) -> Target {
        let shown = clip(dest);
        let error = |message: String| Diagnostic::error(link.span.clone(), message);
        let (path, fragment) = dest.split_once('#').map_or((dest, None), |(p, f)| (p, Some(f)));
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        if path.is_empty() {
            return match fragment {
                Some(fragment) => Target::Here(nfc(&percent_decode(fragment))),
                None => Target::AsWritten,
            };
        }
        if path.starts_with('/') {
            // Documents brought in from a site generator link this way by the
            // thousand: name the file each one means, so it can be rewritten.
            let help = self.at_site_root(path).map_or_else(
                || "link relative to this file, e.g. `../initiatives/x.md`".to_owned(),
                |file| {
                    let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
                    format!(
                        "link relative to this file: `{}{fragment}`",
                        relative_url(&page.path, file)
                    )
                },
            );
            diags.push(
                Diagnostic::warning(
                    link.span.clone(),
                    format!("`{shown}` starts at the web server's root"),
                )
                .code(Code::SiteRootLink)
                .label("breaks when the site is opened from disk or served under a base path")
                .help(help),
            );
            return Target::AsWritten;
        }
        let decoded = nfc(&percent_decode(path));
        let Some(target) = join_relative(&page.path, &decoded) else {
            diags.push(self.outside(&page.path, link, &shown, &decoded));
            return Target::AsWritten;
        };
        let target = target.trim_end_matches('/');
        // Ids are NFC, so a fragment typed decomposed is written composed.
        let fragment_id = fragment.map(|f| nfc(&percent_decode(f)));
        // A folder's page is its `index.md` or `_index.md`.
        let page_at = |path: &str| self.publication.by_path(path);
        let to = page_at(target)
            .or_else(|| page_at(&format!("{target}/index.md")))
            .or_else(|| page_at(&format!("{target}/_index.md")));
        if let Some(to) = to {
            return Target::Page { page: to, fragment: fragment_id };
        }
        if let Some(url) = self.assets.get(target) {
            return Target::File { url: url.clone(), fragment: fragment_id };
        }
        if let Some(kind) = section_kind(self.publication, target) {
            return Target::Section { kind, fragment: fragment_id };
        }
        if let Some(left_out) = self.publication.left_out_path(target) {
            if left_out.draft {
                diags.push(
                    error(format!("`{shown}` links to a draft page")).code(Code::DraftLink).help(
                        "build with `--drafts`, or remove `draft: true` from the target".to_owned(),
                    ),
                );
            }
            return Target::AsWritten; // a page with broken frontmatter has its own error
        }
        if self.folders.contains(target) || path.ends_with('/') {
            diags.push(self.folder(&page.path, link, &shown, target));
            return Target::AsWritten;
        }
        if is_hidden_path(target) {
            diags.push(hidden_named(link.span.clone(), &format!("`{shown}`")));
            return Target::AsWritten;
        }
        diags.push(self.missing(&page.path, link, &shown, target, &decoded));
        Target::AsWritten
    }

    /// The page or file that root-relative `path` (`/functions/len/`) names
    /// in the site it was written for: `functions/len.md`, or the folder's
    /// `index.md` or `_index.md`, in any case, since such sites serve
    /// lowercase addresses for `Len.md`. `/` is the front page.
    fn at_site_root(&self, path: &str) -> Option<&'a str> {
        let rel = nfc(&percent_decode(path));
        let rel = rel.trim_matches('/');
        let candidates = if rel.is_empty() {
            vec!["purpose.md".to_owned()]
        } else {
            ["", ".md", "/index.md", "/_index.md"].iter().map(|end| format!("{rel}{end}")).collect()
        };
        candidates.iter().find_map(|c| self.lowercase.get(&c.to_lowercase()).copied())
    }

    /// The file a broken link most likely meant. A link written as a web
    /// address (`../len/`, `len`) means the page `len.md`.
    fn closest(&self, target: &str) -> Option<&'a str> {
        let name = target.rsplit('/').next().unwrap_or(target);
        if name.contains('.') {
            return self.suggest.closest(target);
        }
        let page = format!("{target}.md");
        self.lowercase
            .get(&page.to_lowercase())
            .copied()
            .or_else(|| self.suggest.closest(target))
            .or_else(|| self.suggest.closest(&page))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Quarter;
    use crate::config::{Config, Language};
    use crate::diagnostics::Sources;
    use crate::frontmatter;
    use crate::markdown::{self, HtmlOptions};
    use crate::model::{self, Parsed};
    use crate::source::Asset;

    /// The targets of the links of `body`, written in `from` of a small
    /// publication, with the messages they drew.
    fn targets(from: &str, body: &str) -> (Vec<Target>, Publication, Vec<String>) {
        let mut sources = Sources::default();
        let mut diags = Diagnostics::new();
        let pages = [
            ("purpose.md", "---\ntitle: Formål\n---\n".to_owned()),
            ("directions/cyber.md", "---\ntitle: Cyber\n---\n## Ambition\n".to_owned()),
            ("docs/index.md", "# Vejledninger\n".to_owned()),
            (from, format!("---\ntitle: Fra\n---\n## Her\n\n{body}\n")),
        ];
        let parsed: Vec<Parsed> = pages
            .iter()
            .map(|(path, text)| {
                let id = sources.add(format!("content/{path}"), text.as_str());
                let frontmatter = if path.starts_with("docs/") {
                    frontmatter::parse_plain(id, text, &mut diags)
                } else {
                    frontmatter::parse(id, text, &mut diags)
                };
                Parsed::new(id, path, frontmatter, text)
            })
            .collect();
        let assets = vec![Asset { rel: "billeder/Kort 1.PNG".into(), abs: "/x".into() }];
        let config = Config { language: Language::Da, ..Config::default() };
        let as_of = Quarter { year: 2027, quarter: 1 };
        let publication = model::validate(&parsed, assets, &config, false, as_of, &mut diags);
        let options = HtmlOptions { language: Language::Da, allow_html: true };
        let docs: Vec<Doc<'_>> = publication
            .pages
            .iter()
            .map(|p| {
                markdown::parse(p.source, &sources.get(p.source).text, p.body.clone(), options)
            })
            .collect();
        let index = Index::new(&publication);
        let page = publication.by_path(from).expect("the page");
        let mut pending = Vec::new();
        let found = index.links(page, &docs[page.index()], &mut pending, &mut diags);
        let anchors: Vec<Anchors> = docs.iter().map(Anchors::of).collect();
        index.check(&pending, &anchors, &mut diags);
        let messages =
            diags.items().iter().filter(|d| d.is_error()).map(|d| d.message.clone()).collect();
        (found, publication, messages)
    }

    #[test]
    fn each_link_says_what_it_points_at() {
        let (found, publication, messages) = targets(
            "narrative/a.md",
            "[c](../directions/cyber.md#ambition) [k](../billeder/Kort%201.PNG) [d](../directions/) [v](../docs/) [h](#her) [w](https://example.dk) [j](javascript:alert(1))",
        );
        let cyber = publication.find(Kind::Direction, "cyber").unwrap();
        let docs = publication.by_path("docs/index.md").unwrap();
        assert_eq!(
            found,
            [
                Target::Page { page: cyber, fragment: Some("ambition".into()) },
                Target::File { url: "billeder/kort-1.png".into(), fragment: None },
                Target::Section { kind: Kind::Direction, fragment: None },
                Target::Page { page: docs, fragment: None },
                Target::Here("her".into()),
                Target::AsWritten,
                Target::Refused,
            ]
        );
        assert_eq!(messages, ["`javascript:` links are not allowed"]);
    }

    #[test]
    fn the_site_writes_targets_as_relative_links() {
        let (found, publication, _) = targets(
            "narrative/a.md",
            "[c](../directions/cyber.md#ambition) [d](../directions/) [v](../docs/)",
        );
        let from = &publication[publication.by_path("narrative/a.md").unwrap()];
        let hrefs: Vec<Href> = found.iter().map(|t| t.site_href(from, &publication)).collect();
        assert_eq!(
            hrefs,
            [
                Href::To("../directions/cyber.html#ambition".to_owned()),
                Href::To("../directions/index.html".to_owned()),
                Href::To("../docs/index.html".to_owned()),
            ]
        );
    }
}
