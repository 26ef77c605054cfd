//! Where one link or image written in a page leads: the web, a place in
//! the same page, another page (its `#fragment` checked once every page
//! is read), a file, a section's overview; or why it cannot be followed,
//! with a suggestion where one is close.

use super::path::{clip, percent_decode, scheme, section_kind};
use super::{Index, Target, relative_url};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::markdown::Link;
use crate::model::{Page, PageId, join_relative};
use crate::nfc::into_nfc;
use crate::source::{hidden_named, is_hidden_path};

impl<'a> Index<'a> {
    pub(super) fn resolve(&self, from: PageId, link: &Link, diags: &mut Diagnostics) -> Target {
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
                Some(fragment) => Target::Here(into_nfc(percent_decode(fragment))),
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
        let decoded = into_nfc(percent_decode(path));
        let Some(target) = join_relative(&page.path, &decoded) else {
            diags.push(self.outside(&page.path, link, &shown, &decoded));
            return Target::AsWritten;
        };
        let target = target.trim_end_matches('/');
        // Ids are NFC, so a fragment typed decomposed is written composed.
        let fragment_id = fragment.map(|f| into_nfc(percent_decode(f)));
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
        let rel = into_nfc(percent_decode(path));
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
    pub(super) fn closest(&self, target: &str) -> Option<&'a str> {
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
