//! The plan views, generated from the initiatives' frontmatter so they can
//! never drift from the text: the roadmap over quarters (`roadmap` lays it
//! out, `svg` draws it) and the overviews (`overviews`: traceability matrix,
//! by status, by owner, by quarter, KPIs) and the charts of analysis data
//! (`chart`), and a KPI's actuals against its trajectory (`progress`).
//! Every output shows the same data.

pub(crate) mod chart;
pub(crate) mod overviews;
pub(crate) mod progress;
pub(crate) mod roadmap;
pub(crate) mod svg;
pub(crate) mod trace;
