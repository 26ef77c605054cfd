//! How the board edition writes each link's [`Target`]: a page is its
//! section (`#p-initiatives.soc`), a heading in it that heading's scoped id,
//! a section's overview its part; an image becomes a `data:` URI; a link to
//! another file (a CSV), or to a page or part the edition leaves out, stays
//! as text, since one mailed file cannot carry it; links out are kept as
//! written.

use std::collections::{HashMap, HashSet};

use crate::error::Error;
use crate::markdown::{self, Href, Link};
use crate::model::{Page, Publication, asset_url};
use crate::render::print::ids;
use crate::render::print::inline;
use crate::render::print::structure::Outline;
use crate::source::Asset;
use crate::xref::Target;

/// Finds the files behind site addresses and what the edition prints.
pub(super) struct Resolver<'a> {
    publication: &'a Publication,
    assets: HashMap<String, &'a Asset>,
    /// The anchors of the printed pages.
    printed: HashSet<String>,
    /// The anchors of the parts printed, so a link to a kind's overview
    /// lands on its part.
    parts: HashSet<String>,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(
        publication: &'a Publication,
        printed: HashSet<String>,
        outline: &Outline,
    ) -> Self {
        let assets = publication.assets.iter().map(|a| (asset_url(&a.rel), a)).collect();
        let parts = outline.parts.iter().map(|p| p.anchor.clone()).collect();
        Resolver { publication, assets, printed, parts }
    }

    /// The edition's destination for each link of `page` (`links[i]`, whose
    /// target is `targets[i]`).
    pub(super) fn hrefs(
        &self,
        page: &Page,
        links: &[Link],
        targets: &[Target],
    ) -> Result<Vec<Href>, Error> {
        let anchor = ids::anchor(page);
        links.iter().zip(targets).map(|(link, target)| self.href(&anchor, link, target)).collect()
    }

    fn href(&self, from: &str, link: &Link, target: &Target) -> Result<Href, Error> {
        Ok(match target {
            Target::Page { page, fragment } => {
                let anchor = ids::anchor(&self.publication[*page]);
                if self.printed.contains(&anchor) {
                    Href::To(fragment_href(&anchor, fragment.as_deref()))
                } else {
                    Href::Unlink
                }
            }
            Target::Here(fragment) => Href::To(fragment_href(from, Some(fragment))),
            Target::Section { kind, .. } => {
                let anchor = self.publication.schema.kind(*kind).part_anchor();
                if self.parts.contains(&anchor) {
                    Href::To(format!("#{anchor}"))
                } else {
                    Href::Unlink
                }
            }
            Target::File { url, .. } => match self.assets.get(url) {
                Some(asset) if link.image => Href::To(inline::data_uri(
                    inline::media_type(&asset.rel),
                    &inline::read_file(&asset.abs)?,
                )),
                _ => Href::Unlink,
            },
            // Root-relative: a file of some web server, not in this file.
            Target::AsWritten if link.dest.trim_start().starts_with('/') => Href::Unlink,
            Target::AsWritten => Href::Keep,
            Target::Refused => Href::Unlink,
        })
    }
}

/// `#fragment` of the page at `anchor`; the page itself for none and `#top`.
fn fragment_href(anchor: &str, fragment: Option<&str>) -> String {
    match fragment {
        None | Some("" | "top") => ["#", anchor].concat(),
        Some(fragment) => ["#", &markdown::scoped(anchor, fragment)].concat(),
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
