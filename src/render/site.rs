//! The multi-page site: one template per page kind, overview pages per
//! section, a front page; navigation, breadcrumbs and previous/next built
//! here as plain data so templates stay simple.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::artifact::{Contents, OutputFile};
use crate::config::{Config, Language, Status as PublicationStatus};
use crate::error::Error;
use crate::markdown::Heading;
use crate::model::{Kind, Page, Publication, THEME_DIR, asset_url};
use crate::render::Templates;
use crate::render::labels::{self, labels};
use crate::xref::root_of;

/// A section's items are listed in the navigation of every page up to this
/// many; bigger sections only on their own pages, around the current item,
/// so page size does not grow with the square of the page count.
const NAV_ALWAYS: usize = 12;
const NAV_WINDOW: usize = 6;

/// A page's Markdown, rendered.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Body HTML.
    pub html: String,
    /// Its headings.
    pub headings: Vec<Heading>,
}

/// Publication-wide values every template sees as `site`.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    organisation: Option<&'a str>,
    language: &'static str,
    version: Option<&'a str>,
    status: PublicationStatus,
    approved: Option<String>,
    period: Option<String>,
    base_path: &'a str,
    logo: Option<String>,
}

#[derive(Serialize, Clone)]
struct Link {
    title: String,
    url: String,
}

#[derive(Serialize)]
struct NavItem {
    title: String,
    url: String,
    current: bool,
    open: bool,
    children: Vec<NavItem>,
}

#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    summary: Option<&'a str>,
    kind: Kind,
    id: &'a str,
    url: &'a str,
    content: &'a str,
    toc: Vec<&'a Heading>,
}

#[derive(Serialize)]
struct InitiativeView {
    title: String,
    url: String,
    summary: Option<String>,
    owner: String,
    period: Option<String>,
    status: crate::model::Status,
    status_label: &'static str,
    priority: Option<&'static str>,
    directions: Vec<Link>,
}

/// An initiative's page facts: its summary view plus what only its own page shows.
#[derive(Serialize)]
struct Facts {
    #[serde(flatten)]
    initiative: InitiativeView,
    kpis: Vec<crate::model::Kpi>,
    depends_on: Vec<InitiativeView>,
    dependents: Vec<InitiativeView>,
    milestones: Vec<MilestoneView>,
}

#[derive(Serialize)]
struct MilestoneView {
    quarter: String,
    title: String,
}

#[derive(Serialize)]
struct DirectionView {
    title: String,
    url: String,
    summary: Option<String>,
    initiatives: usize,
}

/// Everything shared by the pages of one build.
struct Site<'a> {
    publication: &'a Publication,
    rendered: &'a [Rendered],
    config: &'a Config,
    templates: &'a Templates,
    labels: std::collections::BTreeMap<&'static str, &'static str>,
    view: SiteView<'a>,
    /// Initiative indexes per direction id.
    by_direction: HashMap<&'a str, Vec<usize>>,
    /// Initiative indexes that depend on each initiative id.
    dependents: HashMap<&'a str, Vec<usize>>,
}

/// Renders every page, overview and static file of the site.
pub fn site(
    publication: &Publication,
    rendered: &[Rendered],
    config: &Config,
    templates: &Templates,
) -> Result<Vec<OutputFile>, Error> {
    let logo = config.logo_file.as_deref();
    let logo_url = logo.map(|p| {
        format!(
            "{THEME_DIR}/logo{}",
            p.extension()
                .map(|e| format!(".{}", e.to_string_lossy().to_lowercase()))
                .unwrap_or_default()
        )
    });
    let mut by_direction: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut dependents: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, page) in publication.of_kind(Kind::Initiative) {
        for r in page.initiative.iter().flat_map(|init| &init.directions) {
            by_direction.entry(&r.id).or_default().push(i);
        }
        for r in page.initiative.iter().flat_map(|init| &init.depends_on) {
            dependents.entry(&r.id).or_default().push(i);
        }
    }
    let site = Site {
        by_direction,
        dependents,
        publication,
        rendered,
        config,
        templates,
        labels: labels(config.language),
        view: SiteView {
            title: &config.title,
            subtitle: config.subtitle.as_deref(),
            organisation: config.organisation.as_deref(),
            language: config.language.tag(),
            version: config.version.as_deref(),
            status: config.status,
            approved: config.approved.map(|d| labels::date(d, config.language)),
            period: config
                .period
                .and_then(|p| labels::quarter_range(Some(p.start), Some(p.end), config.language)),
            base_path: &config.base_path,
            logo: logo_url.clone(),
        },
    };
    let mut files: Vec<OutputFile> = publication
        .pages
        .par_iter()
        .enumerate()
        .map(|(i, page)| site.page(i, page))
        .collect::<Result<_, _>>()?;
    for kind in [Kind::Narrative, Kind::Direction, Kind::Initiative, Kind::Analysis] {
        if publication.of_kind(kind).next().is_some() {
            files.push(site.overview(kind)?);
        }
    }
    files.extend(templates.statics.iter().cloned());
    if let (Some(path), Some(url)) = (logo, logo_url) {
        files.push(OutputFile { path: url, contents: Contents::Copy(path.to_path_buf()) });
    }
    files.extend(
        publication.assets.iter().map(|a| OutputFile {
            path: asset_url(&a.rel),
            contents: Contents::Copy(a.abs.clone()),
        }),
    );
    Ok(files)
}

impl Site<'_> {
    fn lang(&self) -> Language {
        self.config.language
    }

    fn base_context(&self, url: &str, title: &str, current: Option<&Page>) -> tera::Context {
        let mut context = tera::Context::new();
        context.insert("site", &self.view);
        context.insert("t", &self.labels);
        context.insert("root", &root_of(url));
        context.insert("current_url", url);
        context.insert("page_title", title);
        context.insert("nav", &self.nav(url, current));
        context
    }

    fn page(&self, i: usize, page: &Page) -> Result<OutputFile, Error> {
        let rendered = &self.rendered[i];
        let mut context = self.base_context(&page.url, &page.title, Some(page));
        let view = PageView {
            title: &page.title,
            summary: page.summary.as_deref(),
            kind: page.kind,
            id: &page.id,
            url: &page.url,
            content: &rendered.html,
            toc: rendered.headings.iter().filter(|h| (2..=3).contains(&h.level)).collect(),
        };
        context.insert("page", &view);
        context.insert("breadcrumbs", &self.breadcrumbs(page));
        let template = match page.kind {
            Kind::Purpose => {
                self.front_page(&mut context);
                "index.html"
            }
            Kind::Narrative => {
                // Pages are in reading order, so the neighbours of a chapter
                // are the chapters before and after it.
                let chapter = |j: Option<usize>| {
                    j.and_then(|j| self.publication.pages.get(j))
                        .filter(|p| p.kind == Kind::Narrative)
                        .map(link)
                };
                context.insert("previous", &chapter(i.checked_sub(1)));
                context.insert("next", &chapter(Some(i + 1)));
                "narrative.html"
            }
            Kind::Direction => {
                let initiatives: Vec<InitiativeView> =
                    self.initiatives_of(&page.id).map(|p| self.initiative_view(p)).collect();
                context.insert("initiatives", &initiatives);
                "direction.html"
            }
            Kind::Initiative => {
                context.insert("facts", &self.facts(page));
                "initiative.html"
            }
            Kind::Analysis => {
                context.insert(
                    "data",
                    &page.data.as_ref().map(|d| Link {
                        title: d.path.rsplit('/').next().unwrap_or(&d.path).to_owned(),
                        url: asset_url(&d.path),
                    }),
                );
                "analysis.html"
            }
            Kind::Page => "page.html",
        };
        let html = self.templates.render(template, &context)?;
        Ok(OutputFile { path: page.url.clone(), contents: Contents::Bytes(html.into_bytes()) })
    }

    fn front_page(&self, context: &mut tera::Context) {
        let intro = self.publication.of_kind(Kind::Narrative).next().map(|(j, p)| PageView {
            title: &p.title,
            summary: p.summary.as_deref(),
            kind: p.kind,
            id: &p.id,
            url: &p.url,
            content: &self.rendered[j].html,
            toc: Vec::new(),
        });
        context.insert("intro", &intro);
        let directions: Vec<DirectionView> = self
            .publication
            .of_kind(Kind::Direction)
            .map(|(_, d)| DirectionView {
                title: d.title.clone(),
                url: d.url.clone(),
                summary: d.summary.clone(),
                initiatives: self.initiatives_of(&d.id).count(),
            })
            .collect();
        context.insert("directions", &directions);
        context.insert("chapters", &self.links_of(Kind::Narrative));
        context.insert("initiative_count", &self.publication.of_kind(Kind::Initiative).count());
    }

    /// The overview page of a section (`initiatives/index.html`).
    fn overview(&self, kind: Kind) -> Result<OutputFile, Error> {
        let url = kind.overview_url().unwrap_or_else(|| "pages/index.html".to_owned());
        let title = self.section_title(kind);
        let mut context = self.base_context(&url, title, None);
        context.insert("kind", &kind);
        context.insert("heading", title);
        context.insert(
            "breadcrumbs",
            &vec![Link { title: self.labels["home"].to_owned(), url: "index.html".to_owned() }],
        );
        let items: Vec<InitiativeView> = match kind {
            Kind::Initiative => {
                self.publication.of_kind(kind).map(|(_, p)| self.initiative_view(p)).collect()
            }
            _ => Vec::new(),
        };
        context.insert("initiatives", &items);
        let pages: Vec<DirectionView> = self
            .publication
            .of_kind(kind)
            .map(|(_, p)| DirectionView {
                title: p.title.clone(),
                url: p.url.clone(),
                summary: p.summary.clone(),
                initiatives: 0,
            })
            .collect();
        context.insert("pages", &pages);
        let html = self.templates.render("list.html", &context)?;
        Ok(OutputFile { path: url, contents: Contents::Bytes(html.into_bytes()) })
    }

    fn section_title(&self, kind: Kind) -> &'static str {
        self.labels[match kind {
            Kind::Narrative => "narrative",
            Kind::Direction => "directions",
            Kind::Initiative => "action_plan",
            Kind::Analysis => "analysis",
            Kind::Purpose => "purpose",
            Kind::Page => "pages",
        }]
    }

    /// The initiatives serving direction `id`, in order.
    fn initiatives_of<'s>(&'s self, id: &str) -> impl Iterator<Item = &'s Page> + 's {
        self.by_direction.get(id).into_iter().flatten().map(|&i| &self.publication.pages[i])
    }

    fn links_of(&self, kind: Kind) -> Vec<Link> {
        self.publication.of_kind(kind).map(|(_, p)| link(p)).collect()
    }

    fn breadcrumbs(&self, page: &Page) -> Vec<Link> {
        let mut crumbs = Vec::new();
        if page.kind == Kind::Purpose {
            return crumbs;
        }
        crumbs.push(Link { title: self.labels["home"].to_owned(), url: "index.html".to_owned() });
        let section = |kind: Kind| {
            kind.overview_url().map(|url| Link { title: self.section_title(kind).to_owned(), url })
        };
        // An initiative sits under its (first) direction; other pages under their section.
        let direction = page
            .initiative
            .as_ref()
            .and_then(|i| i.directions.first())
            .and_then(|d| self.publication.find(Kind::Direction, &d.id));
        match direction {
            Some(d) => crumbs.extend(
                section(Kind::Direction).into_iter().chain([link(&self.publication.pages[d])]),
            ),
            None => crumbs.extend(section(page.kind)),
        }
        crumbs
    }

    fn initiative_view(&self, page: &Page) -> InitiativeView {
        let lang = self.lang();
        let Some(i) = &page.initiative else {
            unreachable!("initiative pages carry initiative facts");
        };
        InitiativeView {
            title: page.title.clone(),
            url: page.url.clone(),
            summary: page.summary.clone(),
            owner: i.owner.clone(),
            period: labels::quarter_range(i.start, i.end, lang),
            status: i.status,
            status_label: labels::status(i.status, lang),
            priority: i.priority.map(|p| labels::priority(p, lang)),
            directions: i
                .directions
                .iter()
                .filter_map(|d| self.publication.find(Kind::Direction, &d.id))
                .map(|d| link(&self.publication.pages[d]))
                .collect(),
        }
    }

    fn facts(&self, page: &Page) -> Option<Facts> {
        let i = page.initiative.as_ref()?;
        let lang = self.lang();
        let by_id = |id: &str| {
            self.publication
                .find(Kind::Initiative, id)
                .map(|j| self.initiative_view(&self.publication.pages[j]))
        };
        Some(Facts {
            initiative: self.initiative_view(page),
            kpis: i.kpis.clone(),
            depends_on: i.depends_on.iter().filter_map(|r| by_id(&r.id)).collect(),
            dependents: self
                .dependents
                .get(page.id.as_str())
                .into_iter()
                .flatten()
                .map(|&j| self.initiative_view(&self.publication.pages[j]))
                .collect(),
            milestones: i
                .milestones
                .iter()
                .map(|m| MilestoneView {
                    quarter: labels::quarter(m.quarter, lang),
                    title: m.title.clone(),
                })
                .collect(),
        })
    }

    /// The navigation as seen from page `url`.
    fn nav(&self, url: &str, current_page: Option<&Page>) -> Vec<NavItem> {
        let current_direction = current_page.and_then(|p| match p.kind {
            Kind::Direction => Some(p.id.as_str()),
            Kind::Initiative => {
                p.initiative.as_ref().and_then(|i| i.directions.first()).map(|d| d.id.as_str())
            }
            _ => None,
        });
        let mut nav = vec![NavItem {
            title: self.labels["home"].to_owned(),
            url: "index.html".to_owned(),
            current: url == "index.html",
            open: false,
            children: Vec::new(),
        }];
        for kind in [Kind::Narrative, Kind::Direction, Kind::Initiative, Kind::Analysis] {
            let section_url = kind.overview_url().unwrap_or_default();
            let in_section = current_page.is_some_and(|p| p.kind == kind) || url == section_url;
            let pages: Vec<&Page> = self.publication.of_kind(kind).map(|(_, p)| p).collect();
            if pages.is_empty() {
                continue;
            }
            // Initiatives appear under their direction; the section link is the action plan.
            let children = if kind == Kind::Initiative {
                Vec::new()
            } else {
                self.nav_items(&pages, url, in_section, current_direction)
            };
            nav.push(NavItem {
                title: self.section_title(kind).to_owned(),
                url: section_url.clone(),
                current: url == section_url,
                open: in_section,
                children,
            });
        }
        let plain: Vec<&Page> = self
            .publication
            .of_kind(Kind::Page)
            .map(|(_, p)| p)
            .filter(|p| !p.url.contains('/'))
            .collect();
        nav.extend(plain.into_iter().take(NAV_ALWAYS).map(|p| NavItem {
            title: p.title.clone(),
            url: p.url.clone(),
            current: p.url == url,
            open: false,
            children: Vec::new(),
        }));
        nav
    }

    fn nav_items(
        &self,
        pages: &[&Page],
        url: &str,
        in_section: bool,
        current_direction: Option<&str>,
    ) -> Vec<NavItem> {
        let window = if pages.len() <= NAV_ALWAYS {
            0..pages.len()
        } else if in_section {
            let at = pages.iter().position(|p| p.url == url).unwrap_or(0);
            at.saturating_sub(NAV_WINDOW)..(at + NAV_WINDOW + 1).min(pages.len())
        } else {
            0..0
        };
        pages[window]
            .iter()
            .map(|p| {
                let open = p.kind == Kind::Direction && current_direction == Some(p.id.as_str());
                let children = if open {
                    let initiatives: Vec<&Page> = self.initiatives_of(&p.id).collect();
                    self.nav_items(&initiatives, url, true, None)
                } else {
                    Vec::new()
                };
                NavItem {
                    title: p.title.clone(),
                    url: p.url.clone(),
                    current: p.url == url,
                    open,
                    children,
                }
            })
            .collect()
    }
}

fn link(page: &Page) -> Link {
    Link { title: page.title.clone(), url: page.url.clone() }
}
