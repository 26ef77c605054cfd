//! How the board edition writes each link's [`Target`]: a page is its
//! section (`#p-initiatives.soc`), a heading in it that heading's scoped id,
//! a section's overview its part; an image becomes a `data:` URI; a link to
//! another file (a CSV) stays as text, since one mailed file cannot carry
//! it; links out are kept as written.

use std::collections::HashMap;

use crate::error::Error;
use crate::markdown::Link;
use crate::model::{Page, Publication, asset_url};
use crate::render::print::ids;
use crate::render::print::inline;
use crate::render::print::structure::part_anchor;
use crate::source::Asset;
use crate::xref::Target;

/// A link target no element has: the whole-document pass unlinks it, so
/// the link stays as text.
pub(super) const TEXT_ONLY: &str = "#-";

/// Finds the files behind site addresses.
pub(super) struct Resolver<'a> {
    publication: &'a Publication,
    assets: HashMap<String, &'a Asset>,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(publication: &'a Publication) -> Self {
        let assets = publication.assets.iter().map(|a| (asset_url(&a.rel), a)).collect();
        Resolver { publication, assets }
    }

    /// The edition's destination for each link of `page` (`links[i]`, whose
    /// target is `targets[i]`); `None` keeps the link as written.
    pub(super) fn hrefs(
        &self,
        page: &Page,
        links: &[Link],
        targets: &[Target],
    ) -> Result<Vec<Option<String>>, Error> {
        let anchor = ids::anchor(page);
        links.iter().zip(targets).map(|(link, target)| self.href(&anchor, link, target)).collect()
    }

    fn href(&self, from: &str, link: &Link, target: &Target) -> Result<Option<String>, Error> {
        Ok(Some(match target {
            Target::Page { page, fragment } => {
                fragment_href(&ids::anchor(&self.publication[*page]), fragment.as_deref())
            }
            Target::Here(fragment) => fragment_href(from, Some(fragment)),
            Target::Section { kind, .. } => {
                part_anchor(*kind).map_or_else(|| TEXT_ONLY.to_owned(), |a| format!("#{a}"))
            }
            Target::File { url, .. } => match self.assets.get(url) {
                Some(asset) if link.image => inline::data_uri(
                    inline::media_type(&asset.rel),
                    &inline::read_file(&asset.abs)?,
                ),
                _ => TEXT_ONLY.to_owned(),
            },
            // Root-relative: a file of some web server, not in this file.
            Target::AsWritten if link.dest.trim_start().starts_with('/') => TEXT_ONLY.to_owned(),
            Target::AsWritten => return Ok(None),
            Target::Refused => TEXT_ONLY.to_owned(),
        }))
    }
}

/// `#fragment` of the page at `anchor`; the page itself for none and `#top`.
fn fragment_href(anchor: &str, fragment: Option<&str>) -> String {
    match fragment {
        None | Some("" | "top") => format!("#{anchor}"),
        Some(fragment) => format!("#{}", ids::scoped(anchor, fragment)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_are_scoped_under_their_page() {
        assert_eq!(fragment_href("p-a", Some("indsats")), "#p-a--indsats");
        assert_eq!(fragment_href("p-a", Some("grøn")), "#p-a--grøn");
        assert_eq!(fragment_href("p-a", Some("top")), "#p-a");
        assert_eq!(fragment_href("p-a", None), "#p-a");
    }
}
