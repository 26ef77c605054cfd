//! The plan views, generated from the initiatives' frontmatter so they can
//! never drift from the text: the roadmap over quarters (`roadmap` lays it
//! out, `svg` draws it). Every output draws the same layout.

pub(crate) mod roadmap;
pub(crate) mod svg;
