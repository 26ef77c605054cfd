//! The plan views of the site: the roadmap on the action-plan page.

use crate::model::PageId;
use crate::render::plan::{roadmap, svg};
use crate::render::site::Site;

impl Site<'_> {
    /// The roadmap as inline SVG for a page of the site's `initiatives/`
    /// folder (its links are relative to it), or `None` without a plan.
    /// `id` prefixes the ids inside it; `table` is the table of the same facts.
    pub(super) fn roadmap(&self, id: &str, table: &str) -> Option<String> {
        let config = self.input.config;
        let period = config.period.map(|p| (p.start, p.end));
        let layout = roadmap::layout(self.input.publication, period, self.input.as_of)?;
        let publication = self.input.publication;
        let href = |page: PageId| {
            crate::xref::relative_url("initiatives/index.html", &publication[page].url)
        };
        let drawing = svg::Drawing {
            publication,
            labels: self.views.labels,
            language: config.language,
            href: &href,
            id,
            table,
        };
        Some(svg::draw(&layout, &drawing))
    }
}
