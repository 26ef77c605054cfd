//! The theme, loaded: the built-in default theme (compiled into the binary,
//! so stratdoc works anywhere), a theme folder `themes/NAME/` over it, and
//! the project's own `templates/` over both, by file name. Every file on disk
//! passes the inside-the-project rule before it is read. The result is plain
//! data (names, texts, static files) that `render::Templates` is built from.

use std::fs;
use std::path::Path;

use crate::artifact::Contents;
use crate::config::RawConfig;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, SourceId, Sources, Span};
use crate::error::Error;
use crate::source::Project;
use crate::source::confine::{Place, is_hidden, refusal};

/// The templates of the built-in default theme.
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
    ("plan.html", include_str!("../../themes/default/templates/plan.html")),
    ("chart.html", include_str!("../../themes/default/templates/chart.html")),
    ("print.html", include_str!("../../themes/default/templates/print.html")),
    ("print-part.html", include_str!("../../themes/default/templates/print-part.html")),
    ("print-chapter.html", include_str!("../../themes/default/templates/print-chapter.html")),
    ("print-section.html", include_str!("../../themes/default/templates/print-section.html")),
    ("search.html", include_str!("../../themes/default/templates/search.html")),
    ("404.html", include_str!("../../themes/default/templates/404.html")),
    ("changes.html", include_str!("../../themes/default/templates/changes.html")),
];

/// The static files of the built-in default theme: the stylesheets, and the
/// site search's script with the stemmers it loads (vendored, each with its
/// licence: lunr-languages 1.22.0, MPL 1.1, unchanged and kept in source
/// form; porter2 1.1.0, MIT, wrapped to load as a script).
const STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../themes/default/static/style.css")),
    ("print.css", include_bytes!("../../themes/default/static/print.css")),
    ("figures.css", include_bytes!("../../themes/default/static/figures.css")),
    ("search.js", include_bytes!("../../themes/default/static/search.js")),
    (
        "lunr.stemmer.support.js",
        include_bytes!("../../themes/default/static/lunr.stemmer.support.js"),
    ),
    ("lunr.da.js", include_bytes!("../../themes/default/static/lunr.da.js")),
    (
        "lunr-languages.LICENSE.txt",
        include_bytes!("../../themes/default/static/lunr-languages.LICENSE.txt"),
    ),
    ("porter2.js", include_bytes!("../../themes/default/static/porter2.js")),
    ("porter2.LICENSE.txt", include_bytes!("../../themes/default/static/porter2.LICENSE.txt")),
];

/// Where a template comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The default theme compiled into stratdoc.
    BuiltIn,
    /// The theme folder `themes/NAME/templates/`.
    Theme,
    /// The project's `templates/`.
    Project,
}

/// One template, by the name other templates use for it.
#[derive(Clone, Debug)]
pub struct TemplateFile {
    /// File name, which is also its name in `extends` and `include` (`base.html`).
    pub name: String,
    /// Its text.
    pub text: String,
    /// Where it comes from.
    pub origin: Origin,
    /// Its text in [`Sources`], when it was read from the project.
    pub source: Option<SourceId>,
}

/// One static theme file, written under the site's `theme/` folder.
#[derive(Clone, Debug)]
pub struct StaticFile {
    /// File name (`style.css`).
    pub name: String,
    /// Its bytes, or the checked file to copy them from.
    pub contents: Contents,
}

/// Every template and static file a build uses, overrides applied.
#[derive(Clone, Debug)]
pub struct Theme {
    /// The theme's name, from `theme:` in the config.
    pub name: String,
    /// One template per name.
    pub templates: Vec<TemplateFile>,
    /// One static file per name.
    pub statics: Vec<StaticFile>,
}

impl Theme {
    /// The built-in default theme alone.
    #[must_use]
    pub fn built_in() -> Theme {
        Theme {
            name: "default".to_owned(),
            templates: TEMPLATES
                .iter()
                .map(|(name, text)| TemplateFile {
                    name: (*name).to_owned(),
                    text: (*text).to_owned(),
                    origin: Origin::BuiltIn,
                    source: None,
                })
                .collect(),
            statics: STATIC
                .iter()
                .map(|(name, bytes)| StaticFile {
                    name: (*name).to_owned(),
                    contents: Contents::Bytes(bytes.to_vec()),
                })
                .collect(),
        }
    }

    fn put_template(&mut self, template: TemplateFile) {
        self.templates.retain(|t| t.name != template.name);
        self.templates.push(template);
    }

    fn put_static(&mut self, file: StaticFile) {
        self.statics.retain(|s| s.name != file.name);
        self.statics.push(file);
    }
}

impl Project {
    /// Loads the theme `config` names over the built-in one, then the
    /// project's `templates/` over both. Refused or unreadable files are
    /// reported in `diags` and fail the load as a whole (exit 2), as a theme
    /// with holes would render a site with holes.
    pub fn load_theme(
        &self,
        config: &RawConfig,
        sources: &mut Sources,
        diags: &mut Diagnostics,
    ) -> Result<Theme, Error> {
        let errors = diags.errors();
        let chosen = config.theme.as_ref().map_or("default", |t| t.text.as_str());
        let at = config.theme.as_ref().map(|t| &t.at);
        let mut theme = Theme { name: chosen.to_owned(), ..Theme::built_in() };
        let dir = self.root().join("themes").join(chosen);
        match self.locate(&dir) {
            Place::Inside(real) if real.is_dir() => {
                for template in self.read_templates(&dir.join("templates"), Origin::Theme, sources, diags)? {
                    theme.put_template(template);
                }
                for (name, real) in self.files_in(&dir.join("static"), |_| true, diags)? {
                    theme.put_static(StaticFile { name, contents: Contents::Copy(real) });
                }
            }
            Place::Inside(_) | Place::Missing if chosen == "default" => {}
            Place::Inside(_) | Place::Missing => diags.push(at_theme(
                at,
                Diagnostic::global(format!(
                    "the theme `{chosen}` needs a folder `themes/{chosen}/`"
                )).code(Code::MissingTheme)
                .help("`default` is built in; any other theme is a folder under `themes/` with `templates/` and `static/`".to_owned()),
            )),
            refused => {
                let shown = format!("themes/{chosen}");
                diags.extend(refusal(&shown, &refused).map(|d| at_theme(at, d)));
            }
        }
        for template in
            self.read_templates(&self.root().join("templates"), Origin::Project, sources, diags)?
        {
            theme.put_template(template);
        }
        if diags.errors() > errors { Err(Error::Theme(chosen.to_owned())) } else { Ok(theme) }
    }

    /// The `.html` files directly in `dir`, read as text.
    fn read_templates(
        &self,
        dir: &Path,
        origin: Origin,
        sources: &mut Sources,
        diags: &mut Diagnostics,
    ) -> Result<Vec<TemplateFile>, Error> {
        let is_html =
            |n: &str| Path::new(n).extension().is_some_and(|e| e.eq_ignore_ascii_case("html"));
        let mut templates = Vec::new();
        for (name, real) in self.files_in(dir, is_html, diags)? {
            let shown = self.display(&dir.join(&name));
            let bytes = fs::read(&real).map_err(Error::io("read", dir.join(&name)))?;
            let Ok(text) = String::from_utf8(bytes) else {
                diags.push(
                    Diagnostic::global(format!("`{shown}` is not UTF-8 text"))
                        .code(Code::NotUtf8)
                        .code(Code::NotUtf8)
                        .help("save the template as UTF-8".to_owned()),
                );
                continue;
            };
            let source = Some(sources.add(shown, text.clone()));
            templates.push(TemplateFile { name, text, origin, source });
        }
        Ok(templates)
    }

    /// The plain files directly in `dir` that `keep` accepts, by name, each
    /// with the real path to read; none when `dir` does not exist. Subfolders
    /// and hidden files are left out, as before any of this was checked.
    fn files_in(
        &self,
        dir: &Path,
        keep: impl Fn(&str) -> bool,
        diags: &mut Diagnostics,
    ) -> Result<Vec<(String, std::path::PathBuf)>, Error> {
        match self.locate(dir) {
            Place::Inside(real) if real.is_dir() => {}
            Place::Inside(_) | Place::Missing => return Ok(Vec::new()),
            refused => {
                diags.extend(refusal(&self.display(dir), &refused));
                return Ok(Vec::new());
            }
        }
        let mut files = Vec::new();
        for entry in fs::read_dir(dir).map_err(Error::io("read", dir))? {
            let entry = entry.map_err(Error::io("read", dir))?;
            if is_hidden(&entry.file_name()) {
                continue;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            if !keep(&name) {
                continue;
            }
            match self.locate(&entry.path()) {
                Place::Inside(real) if real.is_file() => files.push((name, real)),
                Place::Inside(_) | Place::Missing => {}
                refused => diags.extend(refusal(&self.display(&entry.path()), &refused)),
            }
        }
        files.sort();
        Ok(files)
    }
}

/// `diagnostic` pointed at the `theme:` value, when the config has one.
fn at_theme(at: Option<&Span>, diagnostic: Diagnostic) -> Diagnostic {
    match at {
        Some(span) => Diagnostic::error(span.clone(), diagnostic.message)
            .code(diagnostic.code)
            .help(diagnostic.help),
        None => diagnostic,
    }
}
