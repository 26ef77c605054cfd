//! Stage 6, RENDER: every output of the checked model, in memory. Tera
//! stays in here.
//!
//! - [`Input`] is what every output renders from: the publication, each
//!   page's Markdown outline and its resolved links;
//! - `view` builds the view models all outputs share (facts, navigation);
//! - `plan` lays out and draws the plan views (the roadmap);
//! - `site` renders the multi-page site; `print` the board edition;
//! - `labels` holds the UI words;
//! - `templates` builds Tera from the theme's templates, safely.
//! - `export` writes the strategy for spreadsheets, calendars and scripts.
//!
//! Templates come from, in rising priority: the built-in default theme
//! (embedded, so the binary works anywhere), a project theme folder
//! `themes/<theme>/`, and the project's own `templates/`, by file name.

mod export;
mod labels;
mod plan;
mod print;
mod site;
mod templates;
mod view;

pub use export::exports;
pub use labels::{date, quarter, quarter_range};
pub(crate) use print::check as check_print;
pub use print::{FILE as PRINT_FILE, print};
pub use site::{Site, site};
pub use templates::Templates;
pub(crate) use templates::escape_html;

use crate::calendar::Quarter;
use crate::config::Config;
use crate::data::Charts;
use crate::markdown::Doc;
use crate::model::Publication;
use crate::xref::Links;

/// What every output renders from.
pub struct Input<'a> {
    /// The project's settings.
    pub config: &'a Config,
    /// The checked strategy.
    pub publication: &'a Publication,
    /// Each page's Markdown, by page index.
    pub docs: &'a [Doc<'a>],
    /// Each page's resolved links, by page index.
    pub links: &'a Links,
    /// The charts of analysis pages, with their figures.
    pub charts: &'a Charts,
    /// The plan's "now": `as_of` in the config, else the build date's quarter.
    pub as_of: Quarter,
}
