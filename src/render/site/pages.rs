//! A content page of the site: its body and what its kind adds around it.

use crate::artifact::OutputFile;
use crate::error::Error;
use crate::markdown;
use crate::markdown::{Doc, Embed};
use crate::model::{PageId, asset_url};
use crate::render::plan::chart;
use crate::render::site::Site;
use crate::render::view::{self, Link, PageView};
use crate::schema::Role;
use crate::xref::Target;

impl Site<'_> {
    /// Renders page `id` of the site on its own, from its parsed body `doc`
    /// whose links go to `targets`.
    pub fn page(&self, id: PageId, doc: &Doc<'_>, targets: &[Target]) -> Result<OutputFile, Error> {
        let publication = self.input.publication;
        let page = &publication[id];
        let kind = publication.schema.kind(page.kind);
        let charts = self.charts(id)?;
        let (embeds, unplaced) = place(&doc.embeds, &charts);
        let html = markdown::to_html(doc, &self.hrefs(id, targets), &embeds, self.html_options());
        let mut context = self.context(&page.url, &page.heading(), Some(id));
        let view = PageView::new(&publication.schema, page, &html, &doc.headings);
        context.insert("page", &PageView { fields: self.views.fields(id), ..view });
        if let Some(summary) = &page.summary {
            context.insert("description", summary);
        }
        context.insert("breadcrumbs", &view::breadcrumbs(&self.views, id));
        let changed = self.input.history.changed.get(&page.path);
        let language = self.input.config.language;
        let changed = changed.map(|d| (d.to_string(), crate::render::format::date(*d, language)));
        context.insert("last_changed", &changed);
        // What the kind's roles add around the page's own content.
        if kind.has(Role::Front) {
            self.front_page(&mut context);
        }
        if kind.has(Role::Sequence) {
            // Pages are in reading order, so the neighbours of a chapter
            // are the chapters before and after it.
            let chapter = |index: Option<usize>| {
                let neighbour = PageId::new(index?);
                (publication.pages.get(neighbour.index())?.kind == page.kind)
                    .then(|| self.views.link(neighbour))
            };
            context.insert("previous", &chapter(id.index().checked_sub(1)));
            context.insert("next", &chapter(Some(id.index() + 1)));
        }
        if kind.has(Role::Served) {
            let initiatives = publication.initiatives_of(id);
            context.insert("initiatives", &self.views.initiative_tree(initiatives));
            context.insert("initiative_count", &initiatives.len());
            let budget = publication.plan.budget_of(id);
            context.insert("budget", &(budget != 0).then(|| self.views.money(budget)));
        }
        if kind.has(Role::Plan) {
            context.insert("facts", &self.views.facts(id));
        }
        if kind.has(Role::Charts) {
            let data = publication.data_file(id).map(|d| Link {
                title: d.path.rsplit('/').next().unwrap_or(&d.path).to_owned(),
                url: asset_url(&d.path),
            });
            context.insert("data", &data);
            context.insert("charts", &unplaced);
        }
        self.render(&kind.template, &context, page.url.clone())
    }

    /// The charts of page `id`, each rendered with the `chart.html` template.
    fn charts(&self, id: PageId) -> Result<Vec<(String, String)>, Error> {
        let (charts, language) = (self.input.charts.of(id), self.input.config.language);
        chart::render(self.templates, &self.shared, charts, "sd-chart", language)
    }
}

/// The HTML of each embed of the text (`charts`' by id, the first for a
/// block that names none), and the charts no block placed, which follow the
/// text. Ids are checked in the data stage.
pub(crate) fn place(embeds: &[Embed], charts: &[(String, String)]) -> (Vec<String>, Vec<String>) {
    let mut placed = vec![false; charts.len()];
    let html = embeds
        .iter()
        .map(|e| {
            let at = charts.iter().position(|(id, _)| e.arg.is_empty() || *id == e.arg);
            at.map_or_else(String::new, |k| {
                placed[k] = true;
                charts[k].1.clone()
            })
        })
        .collect();
    let rest = charts.iter().zip(&placed).filter(|(_, p)| !**p).map(|(c, _)| c.1.clone()).collect();
    (html, rest)
}
