//! The one rule every input obeys: a path, after following symbolic links,
//! must lead inside the project, never through a hidden name (`.git`,
//! `.env`, any name starting with `.`), and never into stratdoc's own output.
//! `stratdoc.yaml`, `content/`, the theme folder and its files, `templates/`
//! and the logo are all checked here *before* they are read, so no byte from
//! elsewhere on the machine, and no private file of the project, can reach
//! the site, the terminal or a CI log.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::artifact::MARKER;
use crate::diagnostics::{Code, Diagnostic};
use crate::error::Error;

/// An opened project folder: the path as given (for messages) and where it
/// really is (for the inside-the-project rule).
#[derive(Debug, Clone)]
pub struct Project {
    root: PathBuf,
    canonical: PathBuf,
}

/// Where a path leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Place {
    /// Inside the project: the real path, which is what gets read.
    Inside(PathBuf),
    /// Nothing is there (or it cannot be resolved).
    Missing,
    /// Out of the project.
    Outside,
    /// Through a hidden name: the real path, relative to the project
    /// (`.git/config`). The rule reads the path links lead to, not the name
    /// as written, as a link's own name says nothing of what it reaches.
    Hidden(String),
    /// Into a folder stratdoc wrote (it carries the marker file), named
    /// relative to the project: publishing it would publish the site again.
    Output(String),
}

impl Project {
    /// Opens the project folder `root`.
    pub fn open(root: &Path) -> Result<Project, Error> {
        if !root.is_dir() {
            return Err(Error::Project {
                path: root.to_path_buf(),
                reason: "it is not a folder".into(),
            });
        }
        let canonical = root.canonicalize().map_err(Error::io("read", root))?;
        Ok(Project { root: root.to_path_buf(), canonical })
    }

    /// The project folder as given.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where `path` leads. Every name from the project root down to the
    /// real path is checked, so a link to any part of a hidden folder
    /// (`.git/config`) or of an output folder (`public/theme/`) is caught,
    /// not only to its top. The names above the project root are the
    /// machine's business: a project may live in `~/.work/`.
    pub(crate) fn locate(&self, path: &Path) -> Place {
        let Ok(real) = path.canonicalize() else { return Place::Missing };
        let Ok(below_root) = real.strip_prefix(&self.canonical) else { return Place::Outside };
        if below_root.components().any(|part| is_hidden(part.as_os_str())) {
            return Place::Hidden(below_root.to_string_lossy().replace('\\', "/"));
        }
        let mut dir = self.canonical.clone();
        for part in below_root.components() {
            dir.push(part);
            if dir.join(MARKER).is_file() {
                return Place::Output(self.display(&dir));
            }
        }
        Place::Inside(real)
    }

    /// Why nothing may be written into `path` (a folder of the project), if
    /// the rule refuses it: a symbolic link out of the project, to a hidden
    /// name or into stratdoc's output. What is written there would land
    /// where the project cannot read it, or publish itself.
    #[must_use]
    pub fn refusal(&self, path: &Path) -> Option<Diagnostic> {
        refusal(&self.display(path), &self.locate(path))
    }

    /// The real path of `path` when the rule lets it be read: inside the
    /// project, through no hidden name, outside stratdoc's output. For a
    /// file found earlier and read now (`serve` answers from the last good
    /// build): it may since have become a link that leads out.
    pub(crate) fn readable(&self, path: &Path) -> Option<PathBuf> {
        match self.locate(path) {
            Place::Inside(real) => Some(real),
            _ => None,
        }
    }

    /// `path` relative to the project for messages, `/`-separated. A real
    /// path (from [`Self::locate`]) is shown relative to the real root.
    #[must_use]
    pub fn display(&self, path: &Path) -> String {
        let rel = path
            .strip_prefix(&self.root)
            .or_else(|_| path.strip_prefix(&self.canonical))
            .unwrap_or(path);
        rel.to_string_lossy().replace('\\', "/")
    }
}

/// A name that starts with `.`: private to the project (`.git`, `.env`,
/// `.DS_Store`), never published nor read. Read from the bytes, so a name
/// that is not UTF-8 is judged too.
pub(crate) fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// The diagnostic for an input that `place` refuses, or `None` when it may
/// be read (or is simply missing, which each caller words for itself).
/// `path` is the input as the project names it (`themes/mine/static/a.css`).
pub(crate) fn refusal(path: &str, place: &Place) -> Option<Diagnostic> {
    match place {
        Place::Inside(_) | Place::Missing => None,
        Place::Outside => Some(
            Diagnostic::global(format!(
                "`{path}` is a symbolic link to a place outside the project"
            ))
            .code(Code::OutsideProject)
            .help(
                "stratdoc reads only files inside the project; copy what you need into it instead"
                    .to_owned(),
            ),
        ),
        Place::Hidden(real) => Some(hidden(path, real)),
        Place::Output(out) => {
            let message = if out == path {
                format!("`{path}` is a folder stratdoc wrote (it has `{MARKER}`)")
            } else {
                format!("`{path}` leads into `{out}`, a folder stratdoc wrote (it has `{MARKER}`)")
            };
            Some(Diagnostic::global(message).code(Code::OwnOutput).help(
                "the site would publish itself again, one level deeper on every build; remove it"
                    .to_owned(),
            ))
        }
    }
}

/// The refusal of `path`, which leads to the hidden `real` (both relative
/// to the project; the same when `path` is hidden as written).
pub(crate) fn hidden(path: &str, real: &str) -> Diagnostic {
    let message = if real == path {
        format!("`{path}` is hidden (a name in its path starts with `.`)")
    } else {
        format!("`{path}` leads to `{real}`, which is hidden (a name in its path starts with `.`)")
    };
    Diagnostic::global(message).code(Code::HiddenFile).help(HIDDEN_HELP.to_owned())
}

/// How to publish what a hidden name keeps out.
pub(crate) const HIDDEN_HELP: &str = "stratdoc never publishes or reads hidden files and folders, such as `.git` or `.env`; copy what you mean to publish to a name without a leading `.`";

#[cfg(all(test, unix))]
mod tests {
    use std::fs;
    use std::os::unix::fs::symlink;

    use super::*;

    #[test]
    fn every_place_a_link_can_lead() {
        let (dir, outside) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let root = dir.path();
        fs::create_dir_all(root.join("public/theme")).unwrap();
        fs::write(root.join("public").join(MARKER), "").unwrap();
        fs::write(root.join("a.md"), "").unwrap();
        fs::write(outside.path().join("secret"), "").unwrap();
        symlink(root.join("a.md"), root.join("in")).unwrap();
        symlink(outside.path().join("secret"), root.join("out")).unwrap();
        symlink(root.join("public/theme"), root.join("site")).unwrap();
        symlink(root.join("nothing"), root.join("dangling")).unwrap();
        let project = Project::open(root).unwrap();
        let real = root.canonicalize().unwrap();
        assert_eq!(project.locate(&root.join("in")), Place::Inside(real.join("a.md")));
        assert_eq!(project.locate(&root.join("out")), Place::Outside);
        assert_eq!(project.locate(&root.join("..")), Place::Outside);
        assert_eq!(project.locate(&root.join("site")), Place::Output("public".into()));
        assert_eq!(project.locate(&root.join("dangling")), Place::Missing);
    }

    #[test]
    fn the_path_a_link_leads_to_is_judged_not_its_name() {
        let outer = tempfile::tempdir().unwrap();
        // The project itself may live under a hidden folder: only names
        // below its root count.
        let root = outer.path().join(".work/strategi");
        fs::create_dir_all(root.join(".git/objects")).unwrap();
        fs::create_dir_all(root.join("docs")).unwrap();
        fs::write(root.join(".git/config"), "").unwrap();
        fs::write(root.join(".env"), "").unwrap();
        fs::write(root.join("docs/a.md"), "").unwrap();
        symlink("../.git/config", root.join("docs/config")).unwrap();
        symlink("docs/config", root.join("chain")).unwrap();
        symlink(".git", root.join("repo")).unwrap();
        symlink("repo/objects", root.join("objects")).unwrap();
        symlink(".env", root.join("env")).unwrap();
        let project = Project::open(&root).unwrap();
        let real = root.canonicalize().unwrap();
        let hidden = |path: &str| Place::Hidden(path.to_owned());
        assert_eq!(project.locate(&root.join("docs/a.md")), Place::Inside(real.join("docs/a.md")));
        assert_eq!(project.locate(&root.join("docs/config")), hidden(".git/config"));
        assert_eq!(project.locate(&root.join("chain")), hidden(".git/config"));
        assert_eq!(project.locate(&root.join("repo")), hidden(".git"));
        assert_eq!(project.locate(&root.join("objects")), hidden(".git/objects"));
        assert_eq!(project.locate(&root.join("env")), hidden(".env"));
        assert_eq!(project.locate(&root.join(".git/config")), hidden(".git/config"));
    }
}
