//! A section's overview page (`initiatives/index.html`, …).

use crate::error::Error;
use crate::model::KindId;
use crate::output::Sink;
use crate::render::export;
use crate::render::site::Site;
use crate::render::view;
use crate::schema::Role;

impl Site<'_> {
    /// Renders the overview page of `kind`'s section; the plan's is the
    /// action plan, with the roadmap and every item in a table.
    pub fn overview(&self, kind: KindId, sink: &Sink) -> Result<(), Error> {
        let schema = &self.input.publication.schema;
        let declared = schema.kind(kind);
        let url = declared.overview_url().unwrap_or_else(|| "pages/index.html".to_owned());
        let title = self.views.section_title(kind);
        let mut context = self.context(&url, title, None);
        context.insert("kind", &declared.id);
        context.insert("heading", title);
        context.insert("breadcrumbs", &[view::home(&self.views)]);
        let initiatives = if declared.has(Role::Plan) {
            context.insert("roadmap", &self.roadmap("sd-roadmap", "sd-plan-table"));
            context.insert("plan_nav", &self.plan_nav(&url));
            context.insert("board", &self.views.board());
            self.views.initiative_rows(self.input.publication.ids_of(kind))
        } else {
            Vec::new()
        };
        context.insert("initiatives", &initiatives);
        // Tera renders from its own copy; this one goes before the render.
        drop(initiatives);
        let (budget, budgeted) = self.input.publication.plan.total_budget();
        context.insert("budget_total", &(budgeted > 0).then(|| self.views.money(budget)));
        context.insert("pages", &self.views.cards(kind));
        context.insert("traces", &self.views.traces(kind));
        context.insert("downloads", &export::downloads(self.input.publication, self.views.labels));
        self.render_into("list.html", &context, &url, sink)
    }
}
