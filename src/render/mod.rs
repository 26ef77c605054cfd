//! Stage 6, RENDER: every output of the checked model, each file handed to
//! the output's [`Sink`] as it is made. Tera stays in here.
//!
//! - [`Input`] is what every output renders from: the publication, its
//!   settings, the charts' figures;
//! - `run`: one run of the outputs, in chunks of pages, and what a server
//!   keeps between runs; `pass`: one page's part, its body parsed once and
//!   written for every output that shows it;
//! - `view` builds the view models all outputs share (facts, navigation);
//! - `plan` lays out and draws the plan views (the roadmap);
//! - `site` renders the multi-page site; `print` the board edition;
//! - `labels` holds the UI words; `format` writes times, dates and money;
//! - `templates` builds Tera from the theme's templates, safely.
//! - `export` writes the strategy for spreadsheets, calendars and scripts.
//!
//! Templates come from, in rising priority: the built-in default theme
//! (embedded, so the binary works anywhere), a project theme folder
//! `themes/<theme>/`, and the project's own `templates/`, by file name.

mod changes;
mod export;
mod format;
mod labels;
mod pass;
mod plan;
mod print;
mod run;
mod site;
mod templates;
mod view;

pub use export::exports;
pub use format::{date, quarter, quarter_range};
pub use print::FILE as PRINT_FILE;
pub(crate) use print::check as check_print;
pub use run::{Memory, Outputs, run};
pub(crate) use site::NOT_FOUND;
pub use site::Site;
pub use templates::Templates;
pub(crate) use templates::{escape_html, push_escaped};
pub(crate) use view::NAV_ALWAYS;

use crate::calendar::Quarter;
use crate::compare::Comparison;
use crate::config::Config;
use crate::data::Charts;
use crate::diagnostics::Sources;
use crate::markdown;
use crate::model::Publication;
use crate::source::git::History;

/// What every output renders from.
pub struct Input<'a> {
    /// The project's settings.
    pub config: &'a Config,
    /// The checked strategy.
    pub publication: &'a Publication,
    /// The pages' text.
    pub sources: &'a Sources,
    /// Bodies parsed before the render pass (plain pages whose title is
    /// their first heading), by their file: the pass writes them from these.
    pub early: &'a markdown::Parsed<'a>,
    /// The charts of analysis pages, with their figures.
    pub charts: &'a Charts,
    /// The plan's "now": `as_of` in the config, else the build date's quarter.
    pub as_of: Quarter,
    /// What git says of the files: the commit, each page's last change.
    pub history: &'a History,
    /// What changed since the revision compared with, if any.
    pub changes: Option<&'a Comparison>,
}
