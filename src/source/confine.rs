//! The one rule every input obeys: a path, after following symbolic links,
//! must lead inside the project, and never into stratdoc's own output.
//! `stratdoc.yaml`, `content/`, the theme folder and its files, `templates/`
//! and the logo are all checked here *before* they are read, so no byte from
//! elsewhere on the machine can reach the site, the terminal or a CI log.

use std::path::{Path, PathBuf};

use crate::artifact::MARKER;
use crate::diagnostics::Diagnostic;
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

    /// Where `path` leads. Every folder from the project root down to the
    /// real path is checked for the output marker, so a link to any part of
    /// an output folder (`public/theme/`) is caught, not only to its top.
    pub(crate) fn locate(&self, path: &Path) -> Place {
        let Ok(real) = path.canonicalize() else { return Place::Missing };
        let Ok(below_root) = real.strip_prefix(&self.canonical) else { return Place::Outside };
        let mut dir = self.canonical.clone();
        for part in below_root.components() {
            dir.push(part);
            if dir.join(MARKER).is_file() {
                return Place::Output(self.display(&dir));
            }
        }
        Place::Inside(real)
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
            .help(
                "stratdoc reads only files inside the project; copy what you need into it instead"
                    .to_owned(),
            ),
        ),
        Place::Output(out) => {
            let message = if out == path {
                format!("`{path}` is a folder stratdoc wrote (it has `{MARKER}`)")
            } else {
                format!("`{path}` leads into `{out}`, a folder stratdoc wrote (it has `{MARKER}`)")
            };
            Some(Diagnostic::global(message).help(
                "the site would publish itself again, one level deeper on every build; remove it"
                    .to_owned(),
            ))
        }
    }
}

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
}
