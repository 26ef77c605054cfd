//! Why a link cannot be followed, in the words a writer needs: a folder
//! with no page, a path that leaves `content/` or names one computer's disk,
//! a `#fragment` that is not a heading of the page. Suggestions are bounded
//! (see `diagnostics::suggest`), so a thousand broken links cost a thousand
//! look-ups, not a thousand scans.

use crate::diagnostics::{Code, Diagnostic, Nearby};
use crate::markdown::Link;
use crate::model::PageId;
use crate::slug::slugify;
use crate::xref::path::{clip, lands_at_root, relative_url};
use crate::xref::{Anchors, Index};

impl Index<'_> {
    /// A link to a folder that has no page of its own.
    pub(super) fn folder(&self, from: &str, link: &Link, shown: &str, target: &str) -> Diagnostic {
        let place = if target.is_empty() {
            "content/".to_owned()
        } else {
            format!("content/{}/", clip(target))
        };
        if !target.is_empty() && !self.folders.contains(target) {
            // `../len/`, as a site generator's address, means the page `len.md`.
            let help = self
                .closest(target)
                .map(|close| format!("did you mean `{}`?", relative_url(from, close)));
            return Diagnostic::error(
                link.span.clone(),
                format!("broken link: `{shown}` does not exist"),
            )
            .code(Code::BrokenLink)
            .label(format!("no folder `{place}`"))
            .help(help);
        }
        let example = if target.is_empty() {
            Some("purpose.md")
        } else {
            self.suggest.in_folder(target).find(|p| self.publication.by_path(p).is_some())
        };
        let help = match example {
            Some(page) if target.is_empty() => format!("link to the front page: `{}`", relative_url(from, page)),
            Some(page) => format!("link to a page in it, e.g. `{}`", relative_url(from, page)),
            None => "link to a page instead; only folders of a kind with pages (`../initiatives/`) have an overview".to_owned(),
        };
        Diagnostic::error(link.span.clone(), format!("`{shown}` is a folder, not a page"))
            .code(Code::FolderLink)
            .label(format!("`{place}` has no page of its own"))
            .help(help)
    }

    /// A link or image to `target`, which is no file (`decoded` is the
    /// path as written, decoded), with the file it most likely meant.
    pub(super) fn missing(
        &self,
        from: &str,
        link: &Link,
        shown: &str,
        target: &str,
        decoded: &str,
    ) -> Diagnostic {
        let message = if link.image {
            format!("image `{shown}` not found")
        } else {
            format!("broken link: `{shown}` does not exist")
        };
        let help = if !decoded.contains('/') && decoded.contains('@') && !link.image {
            Some(format!("for an email address write `<{shown}>` or `mailto:{shown}`"))
        } else {
            self.closest(target)
                .map(|close| format!("did you mean `{}`?", relative_url(from, close)))
        };
        Diagnostic::error(link.span.clone(), message)
            .code(Code::BrokenLink)
            .label(format!("no file `content/{}`", clip(target)))
            .help(help)
    }

    /// Why a path cannot be followed, in the words a writer needs.
    pub(super) fn outside(&self, from: &str, link: &Link, shown: &str, path: &str) -> Diagnostic {
        let error = |message: String, help: String| {
            Diagnostic::error(link.span.clone(), message).code(Code::LinkOutside).help(help)
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

    /// A `#fragment` that is not an id of page `to` (whose ids are
    /// `anchors`, indexed in `nearby`).
    pub(super) fn broken_fragment(
        &self,
        from: PageId,
        to: PageId,
        fragment: &str,
        anchors: &Anchors,
        nearby: &Nearby<'_>,
        link: &Link,
    ) -> Diagnostic {
        let target = &self.publication[to];
        let place =
            if from == to { "this page".to_owned() } else { format!("`content/{}`", target.path) };
        // `#mål` for a heading `Mål`: the id is its slug, `#maal`.
        let slug = Some(slugify(fragment)).filter(|s| anchors.ids.contains(s));
        let help = slug
            .as_deref()
            .or_else(|| nearby.closest(fragment))
            .map(|close| format!("did you mean `#{close}`?"))
            .or_else(|| listed_headings(anchors))
            .unwrap_or_else(|| "the page has no headings to link to".to_owned());
        Diagnostic::error(
            link.span.clone(),
            format!("broken anchor: `#{}` is not a heading in {place}", clip(fragment)),
        )
        .code(Code::BrokenAnchor)
        .help(help)
    }
}

/// "headings there: #a, #b … and 12 more", in page order.
fn listed_headings(anchors: &Anchors) -> Option<String> {
    let first: Vec<String> =
        anchors.first_headings.iter().map(|id| format!("`#{}`", clip(id))).collect();
    if first.is_empty() {
        return None;
    }
    let more = anchors.headings - first.len();
    let more = if more > 0 { format!(" and {more} more") } else { String::new() };
    Some(format!("headings there: {}{more}", first.join(", ")))
}
