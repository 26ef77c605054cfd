//! Stage 1, LOAD: the only place content is read from disk. Walks `content/`,
//! reads every Markdown file into [`Sources`] (BOM stripped, CRLF normalised,
//! invalid UTF-8 reported with its byte offset) and lists the other files as
//! assets to copy.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, SourceId, Sources, Span};
use crate::error::Error;

/// A non-Markdown file under `content/`, copied as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to `content/`, `/`-separated.
    pub rel: String,
    /// Where to copy it from.
    pub abs: PathBuf,
}

/// A Markdown file under `content/`.
#[derive(Debug, Clone)]
pub struct PageSource {
    /// Its text in [`Sources`].
    pub id: SourceId,
    /// Path relative to `content/`, `/`-separated.
    pub path: String,
    /// False when it is not UTF-8 text (already reported): parse nothing of it.
    pub readable: bool,
}

/// What [`load`] found under `content/`.
#[derive(Debug, Default)]
pub struct Content {
    /// The Markdown files.
    pub pages: Vec<PageSource>,
    /// Everything else.
    pub assets: Vec<Asset>,
}

/// Reads `root/content` into `sources`. Unreadable or non-text Markdown files
/// become diagnostics; a missing `content/` folder is an operational error.
pub fn load(root: &Path, sources: &mut Sources, diags: &mut Diagnostics) -> Result<Content, Error> {
    let dir = root.join("content");
    if !dir.is_dir() {
        return Err(Error::Project {
            path: root.to_path_buf(),
            reason: "it has no `content/` folder".into(),
        });
    }
    let canonical_root = root.canonicalize().map_err(Error::io("read", root))?;
    let mut content = Content::default();
    let mut outside = Vec::new();
    let walker = walkdir::WalkDir::new(&dir).follow_links(true).sort_by_file_name();
    // A symbolic link (to a file or a folder) is followed only when it stays
    // inside the project: content must never pull in files from elsewhere.
    let walker = walker.into_iter().filter_entry(|e| {
        if e.depth() > 0 && is_hidden(e.file_name()) {
            return false;
        }
        if e.path_is_symlink() && !points_inside(e.path(), &canonical_root) {
            outside.push(display_path(root, e.path()));
            return false;
        }
        true
    });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| display_path(root, p)).unwrap_or_default();
                let message = if err.loop_ancestor().is_some() {
                    format!("`{path}` is a symbolic link that loops back to a parent folder")
                } else {
                    format!(
                        "cannot read `{path}`: {}",
                        err.io_error().map_or(String::new(), ToString::to_string)
                    )
                };
                diags.push(Diagnostic::global(message));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(rel) = relative_content_path(&dir, entry.path()) else {
            diags.push(Diagnostic::global(format!(
                "`{}` has a name that is not valid UTF-8; rename it",
                entry.path().display()
            )));
            continue;
        };
        if is_markdown(&rel) {
            let bytes = fs::read(entry.path()).map_err(Error::io("read", entry.path()))?;
            let errors = diags.errors();
            let id = add_text(sources, format!("content/{rel}"), &bytes, diags);
            content.pages.push(PageSource { id, path: rel, readable: diags.errors() == errors });
        } else {
            content.assets.push(Asset { rel, abs: entry.path().to_path_buf() });
        }
    }
    for path in outside {
        diags.push(
            Diagnostic::global(format!(
                "`{path}` is a symbolic link to a place outside the project"
            ))
            .help(
                "stratdoc reads only files inside the project; copy the file in instead".to_owned(),
            ),
        );
    }
    Ok(content)
}

/// Adds a file's bytes as text: strips a UTF-8 BOM, normalises CRLF, and
/// reports invalid UTF-8 or binary content (the text then holds a lossy copy
/// so the diagnostic can still show the line).
pub fn add_text(
    sources: &mut Sources,
    path: String,
    bytes: &[u8],
    diags: &mut Diagnostics,
) -> SourceId {
    let raw = bytes;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Like git, a NUL byte near the start means binary, whatever else follows.
    let head = &bytes[..bytes.len().min(8000)];
    let nul = if head.contains(&0) { head.iter().position(|&b| b == 0) } else { None };
    let (mut text, problem) = match (nul, String::from_utf8(bytes.to_vec())) {
        (None, Ok(text)) => (text, None),
        (Some(at), _) => (
            String::from_utf8_lossy(bytes).replace('\0', " "),
            Some((
                "this looks like a binary file, not Markdown text",
                at,
                "only `.md` text files belong here; rename or remove it",
            )),
        ),
        (None, Err(err)) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some((
                "the file is not valid UTF-8",
                err.utf8_error().valid_up_to(),
                "save the file as UTF-8 text",
            )),
        ),
    };
    if text.contains('\r') {
        text = text.replace("\r\n", "\n");
    }
    let id = sources.add(path, text);
    if let Some((message, at, help)) = problem {
        let byte = at + (raw.len() - bytes.len());
        let at = lossy_offset(bytes, at);
        diags.push(
            Diagnostic::error(Span::new(id, at..at), format!("{message} (byte offset {byte})"))
                .help(help.to_owned()),
        );
    }
    id
}

/// Where raw byte `byte` lands in the normalised lossy text (same prefix, minus CRs).
fn lossy_offset(bytes: &[u8], byte: usize) -> usize {
    let prefix = String::from_utf8_lossy(&bytes[..byte]);
    prefix.len() - prefix.matches("\r\n").count()
}

/// `.md` in any case: `Intro.MD` written on Windows is a page too.
#[must_use]
pub fn is_markdown(path: &str) -> bool {
    Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
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
    Some(parts?.join("/"))
}

fn points_inside(path: &Path, canonical_root: &Path) -> bool {
    path.canonicalize().is_ok_and(|target| target.starts_with(canonical_root))
}

/// `path` relative to `root` for messages, or as given when outside it.
#[must_use]
pub fn display_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
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
            b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n",
            &mut diags,
        );
        assert_eq!(sources.get(id).text, "---\ntitle: x\n---\n");
        assert!(!diags.has_errors());
    }

    #[test]
    fn invalid_utf8_reports_byte_offset_and_line() {
        let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
        let id = add_text(&mut sources, "a.md".into(), b"ok\r\nbad \xFF here", &mut diags);
        let d = &diags.items()[0];
        assert_eq!(d.message, "the file is not valid UTF-8 (byte offset 8)");
        let at = d.primary.as_ref().unwrap().span.range.start;
        assert_eq!(sources.line_col(id, at), (2, 5));
    }

    #[test]
    fn nul_bytes_are_binary() {
        let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
        add_text(&mut sources, "a.md".into(), b"PNG\0\0\x01", &mut diags);
        assert!(diags.items()[0].message.starts_with("this looks like a binary file"));
    }
}
