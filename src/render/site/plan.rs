//! The plan views of the site: the roadmap on the action-plan page, and the
//! pages beside it in `initiatives/` (traceability matrix, by status, by
//! owner, by quarter, KPIs), each reachable from the others.

use serde::Serialize;

use crate::error::Error;
use crate::model::{PLAN_VIEWS, PageId, plan_view_url};
use crate::output::Sink;
use crate::render::plan::{roadmap, svg};
use crate::render::site::Site;
use crate::render::view::{self, Link};

/// A plan view's entry in the plan's own navigation.
#[derive(Serialize)]
pub(super) struct PlanLink {
    title: String,
    url: String,
    current: bool,
}

impl Site<'_> {
    /// The roadmap as inline SVG for a page of the site's `initiatives/`
    /// folder (its links are relative to it), or `None` without a plan.
    /// `id` prefixes the ids inside it; `table` is the table of the same facts.
    pub(super) fn roadmap(&self, id: &str, table: &str) -> Option<String> {
        let config = self.input.config;
        let layout = roadmap::layout(self.input.publication, self.period(), self.input.as_of)?;
        let publication = self.input.publication;
        let overview = format!("{}/index.html", self.plan_folder());
        let href = |page: PageId| crate::xref::relative_url(&overview, &publication[page].url);
        let heading = |page: PageId| self.views.heading(page);
        let drawing = svg::Drawing {
            publication,
            labels: self.views.labels,
            heading: &heading,
            language: config.language,
            href: &href,
            id,
            table,
            changes: self.input.changes,
        };
        Some(format!(
            r#"<div class="roadmap-stack">{}{}</div>"#,
            svg::draw(&layout, &drawing),
            svg::links(&layout, &drawing)
        ))
    }

    /// The plan's period: the config's, else what the initiatives span.
    fn period(&self) -> Option<(crate::calendar::Quarter, crate::calendar::Quarter)> {
        self.input.config.period.map(|p| (p.start, p.end))
    }

    /// The quarters the plan views show: the roadmap's columns.
    pub(super) fn plan_quarters(&self) -> Vec<crate::calendar::Quarter> {
        roadmap::layout(self.input.publication, self.period(), self.input.as_of)
            .map(|r| r.quarters)
            .unwrap_or_default()
    }

    /// The folder of the plan's kind (`initiatives`), where its views are.
    fn plan_folder(&self) -> &str {
        let publication = self.input.publication;
        let kind = publication.plan_kind().map(|kind| publication.schema.kind(kind));
        kind.and_then(|kind| kind.folder()).unwrap_or_default()
    }

    /// Links between the action plan and its views; `current` is the URL shown.
    pub(super) fn plan_nav(&self, current: &str) -> Vec<PlanLink> {
        let folder = self.plan_folder();
        let overview = format!("{folder}/index.html");
        std::iter::once((self.views.labels.roadmap.clone(), overview))
            .chain(
                PLAN_VIEWS
                    .iter()
                    .map(|&view| (self.plan_title(view).to_owned(), plan_view_url(folder, view))),
            )
            .map(|(title, url)| PlanLink { title, current: url == current, url })
            .collect()
    }

    fn plan_title(&self, view: &str) -> &str {
        let labels = self.views.labels;
        match view {
            "matrix" => &labels.matrix,
            "status" => &labels.by_status,
            "owners" => &labels.by_owner,
            "quarters" => &labels.by_quarter,
            _ => &labels.kpi_overview,
        }
    }

    /// The addresses of the plan views (none when there are no initiatives).
    pub(super) fn plan_urls(&self) -> Vec<String> {
        if self.input.publication.initiative_ids().is_empty() {
            return Vec::new();
        }
        let folder = self.plan_folder();
        PLAN_VIEWS.iter().map(|view| plan_view_url(folder, view)).collect()
    }

    /// Writes every plan view page (none when there are no initiatives),
    /// one at a time: a large plan's views are large.
    pub(super) fn plan_pages(&self, sink: &Sink) -> Result<(), Error> {
        if self.input.publication.initiative_ids().is_empty() {
            return Ok(());
        }
        for view in PLAN_VIEWS {
            self.plan_page(view, sink)?;
        }
        Ok(())
    }

    fn plan_page(&self, view: &str, sink: &Sink) -> Result<(), Error> {
        let folder = self.plan_folder();
        let url = plan_view_url(folder, view);
        let title = self.plan_title(view);
        let mut context = self.context(&url, title, None);
        let plan = Link {
            title: self
                .input
                .publication
                .plan_kind()
                .map_or("", |k| self.views.section_title(k))
                .to_owned(),
            url: format!("{folder}/index.html"),
        };
        context.insert("breadcrumbs", &[view::home(&self.views), plan]);
        context.insert("heading", title);
        context.insert("view", view);
        context.insert("plan_nav", &self.plan_nav(&url));
        match view {
            "matrix" => context.insert("matrix", &self.views.matrix()),
            "status" => context.insert("statuses", &self.views.by_status()),
            "owners" => context.insert("owners", &self.views.by_owner()),
            "quarters" => {
                let quarters =
                    roadmap::layout(self.input.publication, self.period(), self.input.as_of)
                        .map(|r| r.quarters)
                        .unwrap_or_default();
                context.insert("quarters", &self.views.by_quarter(&quarters, self.input.as_of));
            }
            _ => context.insert("kpis", &self.views.kpis()),
        }
        self.render_into("plan.html", &context, &url, sink)
    }
}
