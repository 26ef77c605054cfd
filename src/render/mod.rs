//! Stage 6, RENDER: every output of the checked model, in memory. Tera
//! stays in here.
//!
//! - [`Input`] is what every output renders from: the publication, each
//!   page's Markdown outline and its resolved links;
//! - `view` builds the view models all outputs share (facts, navigation);
//! - `site` renders the multi-page site; `labels` holds the UI words;
//! - `export` writes the strategy for spreadsheets, calendars and scripts.
//!
//! Templates come from, in rising priority: the built-in default theme
//! (embedded, so the binary works anywhere), a project theme folder
//! `themes/<theme>/`, and the project's own `templates/`, by file name.

mod export;
mod labels;
mod site;
mod view;

use std::path::{Path, PathBuf};

pub use export::exports;
pub use labels::{date, quarter, quarter_range};
pub use site::{Site, site};

use crate::artifact::{Contents, OutputFile};
use crate::config::Config;
use crate::error::Error;
use crate::markdown::Doc;
use crate::model::{Publication, THEME_DIR};
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
}

/// The templates the default theme defines; a project may override any of them.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../themes/default/templates/base.html")),
    ("macros.html", include_str!("../../themes/default/templates/macros.html")),
    ("index.html", include_str!("../../themes/default/templates/index.html")),
    ("page.html", include_str!("../../themes/default/templates/page.html")),
    ("narrative.html", include_str!("../../themes/default/templates/narrative.html")),
    ("direction.html", include_str!("../../themes/default/templates/direction.html")),
    ("initiative.html", include_str!("../../themes/default/templates/initiative.html")),
    ("analysis.html", include_str!("../../themes/default/templates/analysis.html")),
    ("list.html", include_str!("../../themes/default/templates/list.html")),
];

/// Static theme files, written under `theme/` in the site.
const STATIC: &[(&str, &[u8])] =
    &[("style.css", include_bytes!("../../themes/default/static/style.css"))];

/// Loaded templates and theme files.
pub struct Templates {
    tera: tera::Tera,
    pub(crate) statics: Vec<OutputFile>,
}

impl Templates {
    /// Loads the default theme, then the project's theme folder and
    /// `templates/` over it.
    pub fn load(root: &Path, config: &Config) -> Result<Templates, Error> {
        let mut sources = default_templates();
        let mut statics = default_statics();
        let theme_dir = root.join("themes").join(&config.theme);
        if theme_dir.is_dir() {
            override_from(&theme_dir.join("templates"), &mut sources)?;
            for (name, path) in files_in(&theme_dir.join("static"), |_| true)? {
                statics.retain(|s| s.path != format!("{THEME_DIR}/{name}"));
                statics.push(OutputFile {
                    path: format!("{THEME_DIR}/{name}"),
                    contents: Contents::Copy(path),
                });
            }
        } else if config.theme != "default" {
            return Err(Error::Project {
                path: root.to_path_buf(),
                reason: format!(
                    "the theme `{}` needs a folder `themes/{}/`",
                    config.theme, config.theme
                ),
            });
        }
        override_from(&root.join("templates"), &mut sources)?;
        Templates::from_sources(sources, statics)
    }

    /// The built-in default theme alone (no project overrides).
    pub fn embedded() -> Result<Templates, Error> {
        Templates::from_sources(default_templates(), default_statics())
    }

    fn from_sources(
        sources: Vec<(String, String)>,
        statics: Vec<OutputFile>,
    ) -> Result<Templates, Error> {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape_html);
        tera.add_raw_templates(sources)
            .map_err(|source| Error::Template { name: template_in_error(&source), source })?;
        Ok(Templates { tera, statics })
    }

    /// Renders template `name` with `context`.
    pub(crate) fn render(&self, name: &str, context: &tera::Context) -> Result<String, Error> {
        self.tera
            .render(name, context)
            .map_err(|source| Error::Template { name: name.to_owned(), source })
    }
}

/// Escapes text for HTML text and quoted attributes. Unlike Tera's default it
/// leaves `/` alone: escaping it protects nothing in quoted attributes and
/// turns every relative URL into `..&#x2F;`.
fn escape_html(text: &str) -> String {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn default_templates() -> Vec<(String, String)> {
    TEMPLATES.iter().map(|(n, t)| ((*n).to_owned(), (*t).to_owned())).collect()
}

fn default_statics() -> Vec<OutputFile> {
    STATIC
        .iter()
        .map(|(n, b)| OutputFile {
            path: format!("{THEME_DIR}/{n}"),
            contents: Contents::Bytes(b.to_vec()),
        })
        .collect()
}

/// Tera names the failing template only inside its message.
fn template_in_error(err: &tera::Error) -> String {
    let text = err.to_string();
    text.split('\'').nth(1).unwrap_or("?").to_owned()
}

fn override_from(dir: &Path, sources: &mut Vec<(String, String)>) -> Result<(), Error> {
    for (name, path) in
        files_in(dir, |n| Path::new(n).extension().is_some_and(|e| e.eq_ignore_ascii_case("html")))?
    {
        let text = std::fs::read_to_string(&path).map_err(Error::io("read", &path))?;
        sources.retain(|(n, _)| *n != name);
        sources.push((name, text));
    }
    Ok(())
}

/// Plain files directly in `dir` (none if it does not exist), by name.
fn files_in(dir: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<(String, PathBuf)>, Error> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(Error::io("read", dir))? {
        let entry = entry.map_err(Error::io("read", dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().is_ok_and(|t| t.is_file()) && !name.starts_with('.') && keep(&name) {
            files.push((name, entry.path()));
        }
    }
    files.sort();
    Ok(files)
}
