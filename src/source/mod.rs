//! Stage 1, LOAD: the only place stratdoc reads its inputs, each held to
//! one rule ([`confine`]): after following symbolic links it must lie inside
//! the project, under no hidden name, and outside stratdoc's own output. In
//! pipeline order:
//!
//! - [`Project::load_config`]: the text of `stratdoc.yaml`, for `config::parse`;
//! - [`Project::load_logo`]: the logo file the config names;
//! - [`Project::load_content`]: every Markdown file under `content/` into
//!   [`Sources`] (BOM stripped, CRLF normalised, invalid UTF-8 reported with
//!   its byte offset, paths in Unicode NFC), the other files as assets;
//! - [`Project::load_theme`]: the theme's and the project's templates and
//!   static files, for `render::Templates`.

mod confine;
pub mod git;
mod script;
mod theme;

use std::fs;
use std::path::{Component, Path, PathBuf};

pub use confine::Project;
pub use theme::{Origin, StaticFile, TemplateFile, Theme};

use crate::artifact::MARKER;
use crate::config::{self, Config, ConfigFile, RawConfig, Written};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, SourceId, Sources, Span, decode};
use crate::error::Error;
use confine::{Place, is_hidden, refusal};

/// A non-Markdown file under `content/`, copied as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to `content/`, `/`-separated, in Unicode NFC.
    pub rel: String,
    /// Where to copy it from.
    pub abs: PathBuf,
}

/// A Markdown file under `content/`.
#[derive(Debug, Clone)]
pub struct PageSource {
    /// Its text in [`Sources`].
    pub id: SourceId,
    /// Path relative to `content/`, `/`-separated, in Unicode NFC.
    pub path: String,
}

/// What [`Project::load_content`] found under `content/`.
#[derive(Debug, Default)]
pub struct Content {
    /// The Markdown files.
    pub pages: Vec<PageSource>,
    /// Everything else.
    pub assets: Vec<Asset>,
    /// The CSV files among the assets, read as text for charts.
    pub tables: Vec<TableSource>,
}

/// A CSV file under `content/`, read at load so charts can plot it and
/// diagnostics can point into it.
#[derive(Debug, Clone)]
pub struct TableSource {
    /// Path relative to `content/`, as for its [`Asset`].
    pub rel: String,
    /// Its text in [`Sources`].
    pub id: SourceId,
    /// False when it is not UTF-8 text (reported only if a chart plots it:
    /// a CSV that is only offered for download may be in any encoding).
    pub utf8: bool,
}

impl Project {
    /// Reads `stratdoc.yaml`. A link that leads out of the project is
    /// refused before a byte of it is read, so no YAML error can quote
    /// another file's line.
    pub fn load_config(
        &self,
        sources: &mut Sources,
        diags: &mut Diagnostics,
    ) -> Result<ConfigFile, Error> {
        let path = self.root().join(config::FILE);
        let real = match self.locate(&path) {
            Place::Missing => {
                return Err(self.not_a_project(format!("it has no `{}`", config::FILE)));
            }
            Place::Inside(real) if !real.is_file() => {
                return Err(self.not_a_project(format!("its `{}` is not a file", config::FILE)));
            }
            Place::Inside(real) => real,
            refused => {
                diags.extend(refusal(config::FILE, &refused));
                return Err(Error::Config(path));
            }
        };
        let bytes = fs::read(&real).map_err(Error::io("read", &path))?;
        let errors = diags.errors();
        let id = add_text(sources, config::FILE.to_owned(), bytes, diags);
        if diags.errors() > errors {
            return Err(Error::Config(path));
        }
        Ok(ConfigFile { id, path })
    }

    /// The logo file `config` names, checked to be a file inside the project
    /// and not hidden; else a config error at the `logo:` value, and no
    /// logo, so the content is still checked.
    pub fn load_logo(
        &self,
        config: &RawConfig,
        diags: &mut Diagnostics,
    ) -> Result<Option<PathBuf>, Error> {
        let Some(logo) = &config.logo else { return Ok(None) };
        Ok(self.named_file(logo, "the logo", "logo: content/billeder/logo.svg", diags))
    }

    /// The file a setting names (`what`, as in "the logo"), checked to be a
    /// file inside the project and not hidden; else a diagnostic at the
    /// setting, with an `example` of one that is.
    pub(crate) fn named_file(
        &self,
        written: &Written,
        what: &str,
        example: &str,
        diags: &mut Diagnostics,
    ) -> Option<PathBuf> {
        let Written { text: name, at } = written;
        // An absolute path, or a backslash (a folder separator on Windows
        // only), would build differently on another machine: refuse both.
        let portable = !name.contains('\\') && Path::new(name).is_relative();
        let place = if portable { self.locate(&self.root().join(name)) } else { Place::Missing };
        let diagnostic = match place {
            Place::Inside(real) if real.is_file() => return Some(real),
            // Named as hidden, or a link to a hidden file: published, it
            // would put a private file on the site under another name.
            Place::Hidden(real) => {
                let refused = confine::hidden(name, &real);
                Diagnostic::error(at.clone(), format!("{what} {}", refused.message))
                    .code(Code::HiddenFile)
                    .help(refused.help)
            }
            _ => Diagnostic::error(
                at.clone(),
                format!("{what} `{name}` is not a file inside the project"),
            )
            .code(Code::OutsideProject)
            .help(format!("give a path relative to this file, e.g. `{example}`")),
        };
        diags.push(diagnostic);
        None
    }

    /// Finds `content/` for `sources`: Markdown files are named, to be read
    /// by the parse stage; data files are read, and non-text ones become
    /// diagnostics, as do links out of the project, to a hidden file or
    /// folder, or into the output; hidden files are left out;
    /// a missing `content/` folder is an operational error.
    pub fn load_content(
        &self,
        config: &Config,
        sources: &mut Sources,
        diags: &mut Diagnostics,
    ) -> Result<Content, Error> {
        let dir = self.content_dir()?;
        let mut content = Content::default();
        let mut refused = Vec::new();
        let walker = walkdir::WalkDir::new(&dir).follow_links(true).sort_by_file_name();
        let walker = walker.into_iter().filter_entry(|e| self.admit(e, &mut refused));
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().map(|p| self.display(p)).unwrap_or_default();
                    let message = if err.loop_ancestor().is_some() {
                        format!("`{path}` is a symbolic link that loops back to a parent folder")
                    } else {
                        format!(
                            "cannot read `{path}`: {}",
                            err.io_error().map_or(String::new(), ToString::to_string)
                        )
                    };
                    diags.push(Diagnostic::global(message).code(Code::UnreadableFile));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Some(rel) = relative_content_path(&dir, entry.path()) else {
                diags.push(
                    Diagnostic::global(format!(
                        "`{}` has a name that is not valid UTF-8; rename it",
                        self.display(entry.path())
                    ))
                    .code(Code::UnreadableFile),
                );
                continue;
            };
            if is_markdown(&rel) {
                // Read when parsed, in parallel, and not held after: see
                // `Sources`.
                let id = sources.add_unread(format!("content/{rel}"), entry.path().to_path_buf());
                content.pages.push(PageSource { id, path: rel });
            } else {
                if !config.allow_html && script::may_carry(&rel) {
                    let bytes = fs::read(entry.path()).map_err(Error::io("read", entry.path()))?;
                    script::report(&rel, &bytes, sources, diags);
                }
                if Path::new(&rel).extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
                    let bytes = fs::read(entry.path()).map_err(Error::io("read", entry.path()))?;
                    let mut quiet = Diagnostics::new();
                    let id = add_text(sources, format!("content/{rel}"), bytes, &mut quiet);
                    content.tables.push(TableSource {
                        rel: rel.clone(),
                        id,
                        utf8: !quiet.has_errors(),
                    });
                }
                content.assets.push(Asset { rel, abs: entry.path().to_path_buf() });
            }
        }
        diags.extend(refused);
        Ok(content)
    }

    /// `content/`, checked to be a folder that the rule admits.
    fn content_dir(&self) -> Result<PathBuf, Error> {
        let dir = self.root().join("content");
        let reason = match self.locate(&dir) {
            Place::Inside(real) if real.is_dir() => return Ok(dir),
            Place::Inside(_) | Place::Missing => "it has no `content/` folder".to_owned(),
            Place::Outside => {
                "its `content/` folder is a symbolic link to a place outside the project".to_owned()
            }
            Place::Output(out) => {
                format!("its `content/` folder leads into `{out}`, a folder stratdoc wrote")
            }
            Place::Hidden(real) => {
                format!("its `content/` folder leads to `{real}`, which is hidden")
            }
        };
        Err(self.not_a_project(reason))
    }

    /// Whether the walk of `content/` takes `entry` (and, for a folder,
    /// what is in it); a refused link or output folder goes to `refused`.
    ///
    /// A hidden name (`.DS_Store`, `.git/`) is skipped without a word: such
    /// files lie about in every working copy and were never meant for the
    /// site. A symbolic link (to a file or a folder) is followed only when
    /// the path it leads to stays inside the project, passes through no
    /// hidden name and stays out of stratdoc's output; else it is an error
    /// at the link, as its writer clearly meant to publish it. A real folder
    /// carrying the output marker (a site copied in, or reached through a
    /// link to the project root) is reported too, or the site would publish
    /// itself again on every build.
    fn admit(&self, entry: &walkdir::DirEntry, refused: &mut Vec<Diagnostic>) -> bool {
        if entry.depth() == 0 {
            return true;
        }
        if is_hidden(entry.file_name()) {
            return false;
        }
        if entry.path_is_symlink() {
            let place = self.locate(entry.path());
            if let Some(diagnostic) = refusal(&self.display(entry.path()), &place) {
                refused.push(diagnostic);
                return false;
            }
        }
        if entry.file_type().is_dir() && entry.path().join(MARKER).is_file() {
            let shown = self.display(entry.path());
            refused.extend(refusal(&shown, &Place::Output(shown.clone())));
            return false;
        }
        true
    }

    fn not_a_project(&self, reason: String) -> Error {
        Error::Project { path: self.root().to_path_buf(), reason }
    }
}

/// Adds a file's bytes as text: strips a UTF-8 BOM, normalises CRLF, and
/// reports invalid UTF-8 or binary content (the text then holds a lossy copy
/// so the diagnostic can still show the line).
pub fn add_text(
    sources: &mut Sources,
    path: String,
    bytes: Vec<u8>,
    diags: &mut Diagnostics,
) -> SourceId {
    let decoded = decode(bytes);
    let id = sources.add(path, decoded.text);
    diags.extend(decoded.problem.map(|p| p.at(id)));
    id
}

/// Whether `rel`, a `/`-separated path inside `content/` with no `.` or
/// `..` parts, names a hidden file or a file in a hidden folder: one the
/// load stage leaves out, so a link or `data:` naming it can say why.
#[must_use]
pub fn is_hidden_path(rel: &str) -> bool {
    rel.split('/').any(|part| is_hidden(std::ffi::OsStr::new(part)))
}

/// The error at `span` where a link or `data:` names `what`
/// (``data file `content/.svar.csv` ``), which is hidden: it may well exist,
/// but never for the site.
#[must_use]
pub fn hidden_named(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(span, format!("{what} is hidden (a name in its path starts with `.`)"))
        .code(Code::HiddenFile)
        .help(confine::HIDDEN_HELP.to_owned())
}

/// `.md` in any case: `Intro.MD` written on Windows is a page too.
#[must_use]
pub fn is_markdown(path: &str) -> bool {
    Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

fn relative_content_path(dir: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(dir).ok()?;
    let parts: Option<Vec<&str>> = rel
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    let rel = parts?.join("/");
    // macOS writes file names decomposed (NFD); links and ids are typed
    // composed (NFC). One form for both keeps `å` one letter everywhere.
    Some(crate::nfc::into_nfc(rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
        let id = add_text(
            &mut sources,
            "a.md".into(),
            b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n".to_vec(),
            &mut diags,
        );
        assert_eq!(sources.get(id).text(), "---\ntitle: x\n---\n");
        assert!(!diags.has_errors());
    }

    #[test]
    fn invalid_utf8_reports_byte_offset_and_line() {
        let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
        let id = add_text(&mut sources, "a.md".into(), b"ok\r\nbad \xFF here".to_vec(), &mut diags);
        let d = &diags.items()[0];
        assert_eq!(d.message, "the file is not valid UTF-8 (byte offset 8)");
        let at = d.primary.as_ref().unwrap().span.range.start;
        assert_eq!(sources.line_col(id, at), (2, 5));
        // The offset counts in the file, its byte order mark included.
        let mut diags = Diagnostics::new();
        add_text(&mut sources, "b.md".into(), b"\xEF\xBB\xBFok \xFF".to_vec(), &mut diags);
        assert_eq!(diags.items()[0].message, "the file is not valid UTF-8 (byte offset 6)");
    }

    #[test]
    fn nul_bytes_are_binary() {
        let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
        add_text(&mut sources, "a.md".into(), b"PNG\0\0\x01".to_vec(), &mut diags);
        assert!(diags.items()[0].message.starts_with("this looks like a binary file"));
    }
}
