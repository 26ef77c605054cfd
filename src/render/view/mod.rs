//! View models: the plain, serialisable data templates read, built from the
//! checked publication. Every output (the site, the plan views, the board
//! edition) builds the same views; only how a link is written differs, so
//! each output passes its own [`Views::href`].
//!
//! - this file: the publication-wide header ([`SiteView`]) and links;
//! - `initiative`: an initiative's summary and facts, directions as cards;
//! - `fields`: the declared fields of any page, for its facts box;
//! - `nav`: the navigation tree and breadcrumbs.

mod fields;
mod initiative;
mod nav;
mod progress;

use serde::Serialize;
use std::collections::HashMap;

pub(crate) use fields::FieldView;
pub(crate) use initiative::{DirectionView, Facts, InitiativeView, KpiView};
pub(crate) use nav::html as nav_html;
pub(crate) use nav::{NAV_ALWAYS, NavItem, breadcrumbs, home, navigation, sections, top_pages};
pub(crate) use progress::{BoardView, ProgressView};

use crate::config::{Config, Language, Status as PublicationStatus};
use crate::markdown::Heading;
use crate::media;
use crate::model::{KindId, Page, PageId, Publication, Source};
use crate::render::format;
use crate::render::labels::Labels;
use crate::schema::Schema;

/// Builds views of one publication for one output.
pub(crate) struct Views<'a> {
    /// The checked strategy.
    pub(crate) publication: &'a Publication,
    /// Its settings.
    pub(crate) config: &'a Config,
    /// UI words in its language.
    pub(crate) labels: &'a Labels,
    /// How this output links to a page (the site: its URL from the root).
    pub(crate) href: fn(&Page) -> String,
    /// The plan's "now": progress is measured up to it.
    pub(crate) as_of: crate::calendar::Quarter,
    /// What changed since a revision, if the build compares with one.
    pub(crate) changes: Option<&'a crate::compare::Comparison>,
    /// The number this output cites a page by, where it numbers the page
    /// itself: the board edition's chapters and sections (`3.2.2`), so that
    /// its plan views name initiatives as its headings do. Empty on the
    /// site, where a page's own `number:` is its number.
    pub(crate) numbers: HashMap<PageId, String>,
}

impl Views<'_> {
    /// A link to page `id`.
    pub(crate) fn link(&self, id: PageId) -> Link {
        Link { title: self.heading(id), url: (self.href)(&self.publication[id]) }
    }

    /// Page `id`'s title as this output cites it, with its number.
    pub(crate) fn heading(&self, id: PageId) -> String {
        let page = &self.publication[id];
        match self.numbers.get(&id) {
            Some(number) => [number, " ", &page.title].concat(),
            None => page.heading(),
        }
    }

    /// Links to every page of `kind`, in reading order.
    pub(crate) fn links_of(&self, kind: KindId) -> Vec<Link> {
        self.publication.of_kind(kind).map(|(id, _)| self.link(id)).collect()
    }

    /// The UI name of a kind's section (`Handlingsplan` for initiatives),
    /// as the schema and the organisation's `labels:` give it.
    pub(crate) fn section_title(&self, kind: KindId) -> &str {
        self.publication.schema.kind(kind).section_title(self.config.language)
    }
}

/// Publication-wide values every template sees as `site`.
#[derive(Serialize)]
pub(crate) struct SiteView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    organisation: Option<&'a str>,
    language: &'static str,
    version: Option<&'a str>,
    status: PublicationStatus,
    approved: Option<String>,
    /// When the strategy is a revision of the version the board approved:
    /// which version that was and when, said in full ("Approved version
    /// 1.0 (8 December 2026), revised since"), in place of "Approved".
    revision: Option<String>,
    period: Option<String>,
    base_path: &'a str,
    base_url: Option<&'a str>,
    accessibility_statement: Option<&'a str>,
    /// The Open Graph locale (`da_DK`, `en_GB`).
    locale: &'static str,
    logo: Option<String>,
    /// The logo's media type, for the favicon link.
    logo_type: Option<&'static str>,
    /// Whether `theme/brand.css` applies `brand:` after the theme's stylesheet.
    brand: bool,
    /// Whether `theme/extra.css`, the organisation's stylesheet, follows.
    extra_css: bool,
    /// The logo's absolute address when sharing services can show it (a
    /// raster image and a `base_url`); they do not show SVG.
    share_image: Option<String>,
    /// The title of the page of what changed since a revision, when the
    /// build compares with one.
    pub(crate) changes: Option<String>,
}

impl<'a> SiteView<'a> {
    /// The header of `config` in the words of `labels`; `logo` is where
    /// the output put the logo.
    pub(crate) fn new(config: &'a Config, labels: &Labels, logo: Option<String>) -> Self {
        let language = config.language;
        SiteView {
            title: &config.title,
            subtitle: config.subtitle.as_deref(),
            organisation: config.organisation.as_deref(),
            language: language.tag(),
            version: config.version.as_deref(),
            status: config.status,
            approved: config.approved.map(|d| format::date(d, language)),
            revision: revision(config, labels),
            period: config
                .period
                .and_then(|p| format::quarter_range(Some(p.start), Some(p.end), language)),
            base_path: &config.base_path,
            base_url: config.base_url.as_deref(),
            accessibility_statement: config.accessibility_statement.as_deref(),
            locale: match language {
                Language::Da => "da_DK",
                Language::En => "en_GB",
            },
            logo_type: logo.as_deref().and_then(media::image),
            brand: config.brand.is_some(),
            extra_css: config.extra_css,
            share_image: logo
                .as_deref()
                .filter(|l| {
                    matches!(
                        media::image(l),
                        Some("image/png" | "image/jpeg" | "image/gif" | "image/webp")
                    )
                })
                .zip(config.base_url.as_deref())
                .map(|(logo, base)| format!("{base}{logo}")),
            logo,
            changes: None,
        }
    }
}

/// "Godkendt version 1.0 (8. december 2026), revideret siden", when
/// `config` is a revision of the version approved.
fn revision(config: &Config, labels: &Labels) -> Option<String> {
    let version = config.revised_from()?;
    let approved = labels.approved_version.replace('#', version);
    Some(match config.approved {
        Some(date) => {
            format!(
                "{approved} ({}), {}",
                format::date(date, config.language),
                labels.revised_since
            )
        }
        None => format!("{approved}, {}", labels.revised_since),
    })
}

/// A link with its text.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Link {
    pub(crate) title: String,
    pub(crate) url: String,
}

/// A page's own content, as templates see it as `page`.
#[derive(Serialize)]
pub(crate) struct PageView<'a> {
    /// The title with its number, as cited (`1.4 Fælles SOC`).
    pub(crate) title: String,
    pub(crate) number: Option<&'a str>,
    pub(crate) title_in_body: bool,
    pub(crate) summary: Option<&'a str>,
    /// The kind's id (`initiative`).
    pub(crate) kind: &'a str,
    pub(crate) id: &'a str,
    pub(crate) url: &'a str,
    pub(crate) content: &'a str,
    pub(crate) toc: Vec<&'a Heading>,
    pub(crate) sources: &'a [Source],
    /// Its declared fields that its kind's roles do not show (its facts box).
    pub(crate) fields: Vec<FieldView>,
}

impl<'a> PageView<'a> {
    /// The view of `page`, of a kind of `schema`, with its body `html` and
    /// `headings`.
    pub(crate) fn new(
        schema: &'a Schema,
        page: &'a Page,
        html: &'a str,
        headings: &'a [Heading],
    ) -> Self {
        PageView {
            title: page.heading(),
            number: page.number.as_deref(),
            title_in_body: page.title_in_body,
            summary: page.summary.as_deref(),
            kind: &schema.kind(page.kind).id,
            id: &page.id,
            url: &page.url,
            content: html,
            toc: headings.iter().filter(|h| (2..=3).contains(&h.level)).collect(),
            sources: &page.sources,
            fields: Vec::new(),
        }
    }
}
