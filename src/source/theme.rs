//! The theme, loaded: the built-in default theme (compiled into the binary,
//! so stratdoc works anywhere), a theme folder `themes/NAME/` over it, and
//! the project's own `templates/` over both, by file name. Every file on disk
//! passes the inside-the-project rule before it is read. The result is plain
//! data (names, texts, static files) that `render::Templates` is built from.

use std::fs;
use std::path::Path;

use crate::artifact::Contents;
use crate::config::{self, RawConfig};
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
/// form; porter2 1.1.0, MIT, wrapped to load as a script), and the
/// typeface the site and the board edition share (Noto Sans, OFL 1.1,
/// subset to Latin as `fonts/OFL.txt` says, so the three faces together
/// stay under 75 kB).
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
    (
        "fonts/NotoSans-Regular.woff2",
        include_bytes!("../../themes/default/static/fonts/NotoSans-Regular.woff2"),
    ),
    (
        "fonts/NotoSans-Italic.woff2",
        include_bytes!("../../themes/default/static/fonts/NotoSans-Italic.woff2"),
    ),
    (
        "fonts/NotoSans-Bold.woff2",
        include_bytes!("../../themes/default/static/fonts/NotoSans-Bold.woff2"),
    ),
    ("fonts/OFL.txt", include_bytes!("../../themes/default/static/fonts/OFL.txt")),
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
                for (name, real) in self.static_files(&dir.join("static"), diags)? {
                    if let Some(warning) = replaces(&name, &real, chosen) {
                        diags.push(warning);
                    }
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
        if diags.errors() > errors {
            return Err(Error::Theme(chosen.to_owned()));
        }
        for (name, contents) in self.load_brand(config, diags)? {
            theme.put_static(StaticFile { name, contents });
        }
        Ok(theme)
    }

    /// The files in a theme's `static/` and every folder in it (`fonts/`,
    /// `img/`), by their path inside it (`fonts/x.woff2`).
    fn static_files(
        &self,
        dir: &Path,
        diags: &mut Diagnostics,
    ) -> Result<Vec<(String, std::path::PathBuf)>, Error> {
        let mut files = Vec::new();
        let mut folders = vec![(dir.to_path_buf(), String::new())];
        while let Some((folder, prefix)) = folders.pop() {
            for (name, real) in self.files_in(&folder, |_| true, diags)? {
                files.push((format!("{prefix}{name}"), real));
            }
            for (name, sub) in self.folders_in(&folder, diags)? {
                folders.push((sub, format!("{prefix}{name}/")));
            }
        }
        files.sort();
        Ok(files)
    }

    /// The folders directly in `dir` that are inside the project and not
    /// hidden, by name.
    fn folders_in(
        &self,
        dir: &Path,
        diags: &mut Diagnostics,
    ) -> Result<Vec<(String, std::path::PathBuf)>, Error> {
        if !matches!(self.locate(dir), Place::Inside(ref real) if real.is_dir()) {
            return Ok(Vec::new());
        }
        let mut folders = Vec::new();
        for entry in fs::read_dir(dir).map_err(Error::io("read", dir))? {
            let entry = entry.map_err(Error::io("read", dir))?;
            if is_hidden(&entry.file_name()) {
                continue;
            }
            match self.locate(&entry.path()) {
                Place::Inside(real) if real.is_dir() => {
                    folders.push((entry.file_name().to_string_lossy().into_owned(), entry.path()));
                }
                Place::Inside(_) | Place::Missing => {}
                refused => diags.extend(refusal(&self.display(&entry.path()), &refused)),
            }
        }
        folders.sort();
        Ok(folders)
    }

    /// The files `brand:` and `extra_css:` name, to publish under the site's
    /// `theme/`: `brand.css` (made from `brand:`), the font files as
    /// `fonts/NAME`, and the organisation's stylesheet as `extra.css`.
    pub fn load_brand(
        &self,
        config: &RawConfig,
        diags: &mut Diagnostics,
    ) -> Result<Vec<(String, Contents)>, Error> {
        let errors = diags.errors();
        let mut files = Vec::new();
        if let Some(brand) = &config.brand {
            let mut names = Vec::new();
            for file in brand.font.iter().flat_map(|f| &f.files) {
                let example = "files: [fonts/SourceSans3-Regular.woff2]";
                let Some(real) = self.named_file(file, "the font file", example, diags) else {
                    continue;
                };
                let name = Path::new(&file.text)
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                names.push(name.clone());
                files.push((format!("fonts/{name}"), Contents::Copy(real)));
            }
            files.push(("brand.css".to_owned(), Contents::Bytes(brand.css(&names).into_bytes())));
        }
        if let Some(extra) = &config.extra_css {
            let example = "extra_css: css/organisation.css";
            if let Some(real) = self.named_file(extra, "the stylesheet", example, diags) {
                files.push(("extra.css".to_owned(), Contents::Copy(real)));
            }
        }
        if diags.errors() > errors {
            return Err(Error::Config(self.root().join(config::FILE)));
        }
        Ok(files)
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

/// A warning when a theme's static file `name` (read from `real`) takes the place of one of
/// the default theme's stylesheets: a `style.css` with only the brand's
/// colours leaves the site without the rest of its rules.
fn replaces(name: &str, real: &Path, theme: &str) -> Option<Diagnostic> {
    let (_, bytes) = STATIC
        .iter()
        .find(|(n, _)| *n == name && matches!(*n, "style.css" | "print.css" | "figures.css"))?;
    // A copy of the default's own file (this repository's example) replaces nothing.
    if fs::read(real).is_ok_and(|own| own == *bytes) {
        return None;
    }
    let lines = String::from_utf8_lossy(bytes).lines().count();
    Some(
        Diagnostic::global_warning(format!(
            "`themes/{theme}/static/{name}` replaces the default theme's `{name}` ({lines} lines) as a whole: none of its rules apply"
        ))
        .help(
            "to add to the default look rather than replace it, name the file in `extra_css:`; for colours and a typeface, use `brand:`"
                .to_owned(),
        ),
    )
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
