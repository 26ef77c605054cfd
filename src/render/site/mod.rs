//! The multi-page site: a page per content page, an overview per section, the
//! front page, and the theme's files. [`Site::page`] renders one page on its
//! own, so a server can re-render just the pages a change touches.
//!
//! - `pages`: a content page, with what its kind adds (facts, pager, …);
//! - `front`: the purpose statement as the front page;
//! - `overview`: each section's overview page;
//! - `plan`: the plan views (roadmap, …);
//! - `search`: the search index of the content pages;
//! - `not_found`: the 404 page;
//! - `finding`: descriptions, canonical addresses, `robots.txt`, `sitemap.xml`;
//! - `files`: theme files, the logo and content assets, copied as they are.

mod files;
mod finding;
mod front;
mod not_found;
mod overview;
mod pages;

/// Where a text's chart blocks put its charts; the board edition places them alike.
pub(crate) use not_found::NOT_FOUND;
pub(crate) use pages::place;
mod plan;
pub(crate) mod search;

use crate::artifact::{Contents, OutputFile};
use crate::deps::Output;
use crate::error::Error;
use crate::markdown::{Href, HtmlOptions};
use crate::model::{Page, PageId};
use crate::output::Sink;
use crate::render::changes::{self, Writer};
use crate::render::labels::Labels;
use crate::render::view::{self, NavItem, SiteView, Views};
use crate::render::{Input, Templates};
use crate::xref::{Target, root_of};

/// Room made for a rendered page before it is rendered: a page of the site
/// is some 10 to 30 KB (the menu and the body), so most take one allocation,
/// where Tera's own `render` starts at 2 KB and copies as it doubles.
const PAGE_BYTES: usize = 32 * 1024;

/// The site's files besides its content pages, which the pass over the
/// pages writes: the overviews, the plan views, the 404 page, the files for
/// crawlers, the theme's files and the content's assets.
pub(crate) fn rest(
    site: &Site<'_>,
    sink: &Sink,
    wants: &(dyn Fn(&Output) -> bool + Sync),
) -> Result<(), Error> {
    let publication = site.input.publication;
    let mut urls: Vec<String> = publication.pages.iter().map(|p| p.url.clone()).collect();
    for kind in view::sections(&publication.schema) {
        let overview = publication.schema.kind(kind).overview_url();
        let Some(url) = overview.filter(|_| publication.count(kind) > 0) else { continue };
        if wants(&Output::Overview(url.clone())) {
            site.overview(kind, sink)?;
        }
        urls.push(url);
    }
    let plan = site.plan_urls();
    if wants(&Output::PlanViews) {
        site.plan_pages(sink)?;
    }
    urls.extend(plan);
    // The rest changes only with the structure: a run of some outputs
    // leaves it as it was.
    if !wants(&Output::SiteFiles) {
        return Ok(());
    }
    if site.input.changes.is_some() {
        urls.push(CHANGES.to_owned());
    }
    // Every page, and only pages, goes into the sitemap.
    urls.sort_unstable();
    let pages: Vec<&str> = urls.iter().map(String::as_str).collect();
    for file in site.crawler_files(&pages) {
        sink.put(file)?;
    }
    sink.put(site.not_found()?)?;
    if let Some(file) = site.changes()? {
        sink.put(file)?;
    }
    for file in site.files() {
        sink.put(file)?;
    }
    Ok(())
}

pub(crate) use crate::model::CHANGES;

impl Site<'_> {
    /// The page of what changed, when the build compares with a revision.
    fn changes(&self) -> Result<Option<OutputFile>, Error> {
        let Some(comparison) = self.input.changes else { return Ok(None) };
        let title = changes::title(comparison, self.views.labels);
        let publication = self.input.publication;
        let href = |id: PageId| Some(publication[id].url.clone());
        let writer = Writer { input: self.input, labels: self.views.labels, href: &href, level: 2 };
        let mut context = self.context(CHANGES, &title, None);
        context.insert("heading", &title);
        context.insert("changes", &writer.html(comparison));
        context.insert("breadcrumbs", &[view::home(&self.views)]);
        self.render("changes.html", &context, CHANGES.to_owned()).map(Some)
    }
}

/// Everything shared by the pages of one build of the site.
pub struct Site<'a> {
    pub(crate) input: &'a Input<'a>,
    templates: &'a Templates,
    views: Views<'a>,
    header: SiteView<'a>,
    /// The plain pages the navigation lists, found once.
    top_pages: Vec<PageId>,
    /// What every page's context holds alike: the site's header, the
    /// words, the default description. Serialised once, since Tera turns
    /// what it is given into its own values on every insert, and rendered
    /// under each page's own context (see [`Templates::render_to`]).
    shared: tera::Context,
}

/// How the site links to a page: its URL from the site root (templates put
/// `root`, the way back to the root, in front).
fn site_href(page: &Page) -> String {
    page.url.clone()
}

impl<'a> Site<'a> {
    /// Prepares the site of `input`.
    #[must_use]
    pub(crate) fn new(input: &'a Input<'a>, templates: &'a Templates, labels: &'a Labels) -> Self {
        let views = Views {
            publication: input.publication,
            config: input.config,
            labels,
            href: site_href,
            as_of: input.as_of,
            changes: input.changes,
            numbers: std::collections::HashMap::new(),
        };
        let mut header = SiteView::new(input.config, labels, files::logo_url(input.config));
        header.changes = input.changes.map(|c| changes::title(c, labels));
        let top_pages = view::top_pages(&views);
        let mut site =
            Site { input, templates, views, header, top_pages, shared: tera::Context::new() };
        let mut shared = tera::Context::new();
        shared.insert("site", &site.header);
        shared.insert("t", site.views.labels);
        shared.insert("description", &site.default_description());
        site.shared = shared;
        site
    }

    /// The context every template of the site gets: the site header, labels,
    /// the way back to the root, the navigation as seen from `url`, and what
    /// search engines and shared links show: `description` (a page with a
    /// summary replaces it) and, with `base_url`, the `canonical` address.
    fn context(&self, url: &str, title: &str, current: Option<PageId>) -> tera::Context {
        self.context_at(url, &root_of(url), title, current)
    }

    /// [`Site::context`] for a page whose links start from `root`.
    fn context_at(
        &self,
        url: &str,
        root: &str,
        title: &str,
        current: Option<PageId>,
    ) -> tera::Context {
        let mut context = tera::Context::new();
        context.insert("root", root);
        context.insert("current_url", url);
        context.insert("page_title", title);
        let canonical =
            self.input.config.base_url.as_deref().map(|b| finding::absolute_url(b, url));
        context.insert("canonical", &canonical);
        context.insert("nav", &view::nav_html(&self.navigation(url, current), root));
        context
    }

    fn navigation(&self, url: &str, current: Option<PageId>) -> Vec<NavItem> {
        view::navigation(&self.views, url, current, &self.top_pages)
    }

    fn render(
        &self,
        template: &str,
        context: &tera::Context,
        path: String,
    ) -> Result<OutputFile, Error> {
        // Into bytes, as the file is written: a template writes nothing but
        // text, so the UTF-8 check a `String` would need is left out.
        let mut html = Vec::with_capacity(PAGE_BYTES);
        self.templates.render_to(template, &self.shared, context, &mut html)?;
        Ok(OutputFile { path, contents: Contents::Bytes(html) })
    }

    /// Renders a page that shows the whole plan straight into `sink`: on a
    /// large plan it is megabytes, which are then never held whole.
    fn render_into(
        &self,
        template: &str,
        context: &tera::Context,
        path: &str,
        sink: &Sink,
    ) -> Result<(), Error> {
        let mut page = sink.stream_page(path)?;
        let rendered = self.templates.render_to(template, &self.shared, context, &mut page);
        page.take_error()?;
        rendered?;
        page.finish()
    }

    /// How the site writes the links of page `id`'s body, whose targets
    /// are `targets`.
    fn hrefs(&self, id: PageId, targets: &[Target]) -> Vec<Href> {
        let (publication, from) = (self.input.publication, &self.input.publication[id]);
        targets.iter().map(|t| t.site_href(from, publication)).collect()
    }

    /// How page bodies are written in this site.
    fn html_options(&self) -> HtmlOptions {
        HtmlOptions {
            language: self.input.config.language,
            allow_html: self.input.config.allow_html,
        }
    }
}
