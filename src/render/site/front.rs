//! The front page: the purpose statement, the narrative's introduction and
//! the directions.

use crate::render::site::Site;
use crate::render::view::PageView;
use crate::schema::Role;

impl Site<'_> {
    /// Adds what the front page shows besides the purpose statement.
    pub(super) fn front_page(&self, context: &mut tera::Context) {
        let publication = self.input.publication;
        let schema = &publication.schema;
        let sequence = schema.with_role(Role::Sequence);
        // The introduction shows its title, summary and a link: not its text.
        let intro = sequence
            .and_then(|kind| publication.of_kind(kind).next())
            .map(|(_, page)| PageView { toc: Vec::new(), ..PageView::new(schema, page, "", &[]) });
        context.insert("intro", &intro);
        let cards = publication.served_kind().map(|kind| self.views.cards(kind));
        context.insert("directions", &cards.unwrap_or_default());
        context.insert(
            "chapters",
            &sequence.map(|kind| self.views.links_of(kind)).unwrap_or_default(),
        );
        let initiatives = publication.initiative_ids().len();
        context.insert("initiative_count", &initiatives);
        let plan = publication.plan_kind().and_then(|kind| schema.kind(kind).overview_url());
        context.insert("plan_url", &plan.unwrap_or_default());
        if initiatives > 0 {
            let quarters = self.plan_quarters();
            context.insert("figures", &self.views.key_figures(self.input.as_of));
            context.insert("strip", &self.views.strip(&quarters, self.input.as_of));
            // A plan whose period is over says so, rather than still
            // counting what was planned as if it lay ahead.
            let ended = quarters.last().filter(|&&last| last < self.input.as_of);
            context.insert(
                "period_ended",
                &ended
                    .map(|&last| crate::render::format::quarter(last, self.input.config.language)),
            );
        }
    }
}
