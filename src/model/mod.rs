//! Stage 3, VALIDATE: from parsed frontmatter to the typed [`Publication`],
//! as the schema (`crate::schema`, carried by the config) describes the
//! kinds. Later stages only ever see checked data: every page has a kind,
//! an id, a URL and valid field values; every reference is a [`PageId`] of
//! a page that exists; the relations between pages and the action plan's
//! facts are computed once ([`Relations`], [`Plan`]).
//!
//! - `page`: the checked page and its fields' values;
//! - `read`: one page's frontmatter into a draft page, by the schema;
//! - `check`: the checks across pages;
//! - `resolve`: references become [`PageRef`]s; cycles; inherited values;
//! - `publication`: the pages in reading order with their look-ups;
//! - `relations`: every page's backlinks, per reference field;
//! - `sections`: folders of plain pages with a folder page, as a tree;
//! - `plan`: the action plan's typed view, its sums and groupings;
//! - `timeline`: the plan's facts against its own "now" (`as_of`);
//! - `progress`: KPIs' actuals against their trajectory, and against now;
//! - `url`: where pages and files end up in the site.

mod check;
mod page;
mod plan;
pub mod progress;
mod publication;
mod read;
mod relations;
mod resolve;
mod sections;
mod timeline;
mod url;

pub use crate::schema::{FieldId, KindId};
pub use page::{
    Actual, Budget, ChartSpec, DataFile, Handover, Kpi, Milestone, Page, PageRef, Slot, Source,
    Value,
};
pub use plan::{FactSpans, Health, Initiative, Plan, PlanFields, Priority, QuarterPlan, Status};
pub use publication::{LeftOut, PageId, Publication};
pub use relations::{Relations, SHOWN_DEPTH};
pub use sections::Sections;
pub use url::{
    CHANGES, EXPORT_FILES, PLAN_VIEWS, SITE_FILES, THEME_DIR, asset_url, join_relative,
    plan_view_url, url_of,
};

pub use crate::calendar::Quarter;
use rayon::prelude::*;

use crate::config::{Config, Language};
use crate::diagnostics::{Diagnostics, SourceId};
use crate::frontmatter::Frontmatter;
use crate::markdown::{self, HtmlOptions};
use crate::schema::{Role, Schema};
use crate::source::Asset;

/// Input to [`validate`]: one parsed Markdown file.
#[derive(Debug)]
pub struct Parsed {
    /// Its file.
    pub source: SourceId,
    /// Path relative to `content/`.
    pub path: String,
    /// Its frontmatter; `None` when it could not be read (already reported).
    pub frontmatter: Option<Frontmatter>,
    /// For a plain page with no `title:`, the text of its first `#`
    /// heading, which is then its title.
    pub heading: Option<String>,
}

impl Parsed {
    /// `text` (the file `source` at `path`, with `frontmatter`) ready to be
    /// validated against the built-in kinds. The pipeline reads plain pages'
    /// headings from the bodies it parses anyway; this reads them itself.
    #[must_use]
    pub fn new(
        source: SourceId,
        path: &str,
        frontmatter: Option<Frontmatter>,
        text: &str,
    ) -> Parsed {
        let schema = Schema::builtin();
        let plain = schema.is(schema.kind_of_path(path), Role::Plain);
        let heading =
            frontmatter.as_ref().filter(|fm| plain && fm.get("title").is_none()).and_then(|fm| {
                let options = HtmlOptions { language: Language::Da, allow_html: true };
                markdown::first_heading(&markdown::parse(source, text, fm.body.clone(), options))
            });
        Parsed { source, path: path.to_owned(), frontmatter, heading }
    }
}

/// Reads every page (see [`read_page`]), in parallel, then checks them and
/// the references between them (see [`check_read`]).
pub fn validate(
    parsed: &[Parsed],
    assets: Vec<Asset>,
    config: &Config,
    drafts: bool,
    as_of: Quarter,
    diags: &mut Diagnostics,
) -> Publication {
    let read: Vec<(Read, Diagnostics)> = parsed
        .par_iter()
        .map(|p| {
            let mut found = Diagnostics::new();
            (read_page(p, config, &mut found), found)
        })
        .collect();
    // What is wrong is reported in the pages' order.
    let read = read
        .into_iter()
        .map(|(read, found)| {
            diags.extend(found);
            read
        })
        .collect();
    check_read(read, assets, config, drafts, as_of, diags)
}

/// A page read from its own file alone, before anything is checked across
/// pages: a function of its frontmatter and the settings, which `serve`
/// keeps from one build to the next.
#[derive(Clone, Debug)]
pub struct Read {
    path: String,
    /// `None` when its frontmatter could not be read (already reported).
    draft: Option<read::Draft>,
}

impl Read {
    /// Its path relative to `content/`.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// Reads one parsed page's fields, each written wrong reported in `diags`.
pub fn read_page(parsed: &Parsed, config: &Config, diags: &mut Diagnostics) -> Read {
    Read { path: parsed.path.clone(), draft: read::read(parsed, config, diags) }
}

/// Checks the pages as read and the references between them. Drafts are
/// dropped unless `drafts` is set. Pages with errors are left out of the
/// result; the errors are in `diags`.
pub fn check_read(
    read: Vec<Read>,
    assets: Vec<Asset>,
    config: &Config,
    drafts: bool,
    as_of: Quarter,
    diags: &mut Diagnostics,
) -> Publication {
    let (unread, read): (Vec<Read>, Vec<Read>) = read.into_iter().partition(|r| r.draft.is_none());
    let mut left_out: Vec<LeftOut> = unread
        .into_iter()
        .map(|r| LeftOut {
            kind: config.schema.kind_of_path(&r.path),
            id: url::stem(&r.path).to_owned(),
            path: r.path,
            draft: false,
        })
        .collect();
    let (pages, drafts_out): (Vec<read::Draft>, Vec<read::Draft>) =
        read.into_iter().filter_map(|r| r.draft).partition(|d| drafts || !d.page.draft);
    left_out.extend(drafts_out.into_iter().map(|d| LeftOut {
        path: d.page.path,
        kind: d.page.kind,
        id: d.page.id,
        draft: true,
    }));
    let publication = check::all(config, pages, assets, left_out, diags);
    timeline::check(&publication, as_of, diags);
    progress::check(&publication, as_of, config.period, diags);
    timeline::horizon(&publication, config.period, diags);
    publication
}

#[cfg(test)]
mod tests;
