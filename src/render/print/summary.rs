//! The edition's summary: one page after the contents with what a board
//! member reads first — the purpose, the directions and the plan's key
//! figures (initiatives, total budget, period) — generated from the same
//! pages and frontmatter as the rest, never written by hand.

use serde::Serialize;

use super::Edition;
use crate::render::view::DirectionView;
use crate::schema::Role;

/// What the summary page shows.
#[derive(Serialize)]
pub(super) struct Summary {
    /// The purpose page's title and summary (`Formål`, its lead).
    purpose: Option<(String, String)>,
    /// Each direction with its summary, its initiatives and their budget.
    directions: Vec<DirectionView>,
    /// How many initiatives the plan has.
    initiatives: usize,
    /// Their budgets summed, when any has one.
    budget_total: Option<String>,
}

impl Edition<'_> {
    /// The summary, or `None` for a strategy with nothing to sum up (no
    /// purpose summary, no direction and no initiative).
    pub(super) fn summary(&self) -> Option<Summary> {
        let publication = self.input.publication;
        let purpose = publication
            .schema
            .with_role(Role::Front)
            .and_then(|kind| publication.of_kind(kind).next())
            .and_then(|(_, page)| Some((page.heading(), page.summary.clone()?)));
        let directions = publication.served_kind().map(|kind| self.views.cards(kind));
        let (budget, budgeted) = publication.plan.total_budget();
        let summary = Summary {
            purpose,
            directions: directions.unwrap_or_default(),
            initiatives: publication.initiative_ids().len(),
            budget_total: (budgeted > 0).then(|| self.views.money(budget)),
        };
        let empty =
            summary.purpose.is_none() && summary.directions.is_empty() && summary.initiatives == 0;
        (!empty).then_some(summary)
    }
}
