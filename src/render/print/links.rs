//! Where each link of a page body goes in the board edition: a link to a
//! page jumps to its section (`#p-initiatives.soc`), with a heading to the
//! heading's scoped id; a link to a section's overview to its part; an
//! image becomes a `data:` URI; a link to another file (a CSV) stays as
//! text, since one mailed file cannot carry it; links out are kept.
//!
//! `xref::resolve` has checked every link and written where it goes in the
//! site, relative to the page; this reads that back into the edition's terms.

use std::collections::HashMap;

use crate::error::Error;
use crate::markdown::Link;
use crate::model::{Kind, Page, PageId, Publication, join_relative};
use crate::render::print::ids;
use crate::render::print::inline;
use crate::render::print::structure::part_anchor;
use crate::source::Asset;

/// A link target no element has: the whole-document pass unlinks it, so
/// the link stays as text.
pub(super) const TEXT_ONLY: &str = "#-";

/// Finds what site addresses stand for.
pub(super) struct Resolver<'a> {
    publication: &'a Publication,
    pages: HashMap<&'a str, PageId>,
    assets: HashMap<String, &'a Asset>,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(publication: &'a Publication) -> Self {
        let pages = publication.iter().map(|(id, page)| (page.url.as_str(), id)).collect();
        let assets =
            publication.assets.iter().map(|a| (crate::model::asset_url(&a.rel), a)).collect();
        Resolver { publication, pages, assets }
    }

    /// The edition's destination for each link of `page` (`links[i]`, which
    /// the site resolved to `resolved[i]`), in [`crate::markdown::Doc::links`]
    /// order; `None` keeps the link as written.
    pub(super) fn targets(
        &self,
        page: &Page,
        links: &[Link],
        resolved: &[Option<String>],
    ) -> Result<Vec<Option<String>>, Error> {
        links
            .iter()
            .enumerate()
            .map(|(i, link)| self.target(page, link, resolved.get(i).cloned().flatten()))
            .collect()
    }

    fn target(
        &self,
        page: &Page,
        link: &Link,
        resolved: Option<String>,
    ) -> Result<Option<String>, Error> {
        let anchor = ids::anchor(page);
        let Some(url) = resolved else {
            let dest = link.dest.trim();
            return Ok(if let Some(fragment) = dest.strip_prefix('#') {
                Some(fragment_href(&anchor, fragment))
            } else if dest.starts_with('/') {
                // Root-relative: a file of the web server, not in this file.
                Some(TEXT_ONLY.to_owned())
            } else {
                None
            });
        };
        let (path, fragment) =
            url.split_once('#').map_or((url.as_str(), None), |(p, f)| (p, Some(f)));
        let Some(site_path) = join_relative(&page.url, path) else { return Ok(None) };
        if let Some(&to) = self.pages.get(site_path.as_str()) {
            let to_anchor = ids::anchor(&self.publication[to]);
            return Ok(Some(match fragment {
                Some(fragment) => fragment_href(&to_anchor, fragment),
                None => format!("#{to_anchor}"),
            }));
        }
        if let Some(asset) = self.assets.get(&site_path) {
            let media_type = inline::media_type(&asset.rel);
            return Ok(Some(if link.image {
                inline::data_uri(media_type, &inline::read_file(&asset.abs)?)
            } else {
                TEXT_ONLY.to_owned()
            }));
        }
        let section = Kind::NAMES
            .iter()
            .find(|(_, kind)| kind.overview_url().as_deref() == Some(site_path.as_str()))
            .and_then(|(_, kind)| part_anchor(*kind));
        Ok(Some(section.map_or_else(|| TEXT_ONLY.to_owned(), |a| format!("#{a}"))))
    }
}

/// `#fragment` of the page at `anchor`: the page itself for `#` and `#top`.
fn fragment_href(anchor: &str, fragment: &str) -> String {
    let fragment = percent_decode(fragment);
    if fragment.is_empty() || fragment == "top" {
        format!("#{anchor}")
    } else {
        format!("#{}", ids::scoped(anchor, &fragment))
    }
}

/// `%C3%B8` → `ø`, as the fragment check reads fragments.
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
    fn fragments_are_scoped_under_their_page() {
        assert_eq!(fragment_href("p-a", "indsats"), "#p-a--indsats");
        assert_eq!(fragment_href("p-a", "gr%C3%B8n"), "#p-a--grøn");
        assert_eq!(fragment_href("p-a", "top"), "#p-a");
        assert_eq!(fragment_href("p-a", ""), "#p-a");
    }
}
