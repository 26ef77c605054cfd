//! Stage 7, WRITE: puts the files on disk as they are made, without ever
//! losing anything. The site is written into a fresh folder beside the
//! output ([`Output`], through its [`Sink`]) and swapped in only when every
//! file is there (see [`publish`] for how); the old output is replaced only
//! if stratdoc made it (it carries a marker file). Folders that hold the
//! project or its sources are refused outright.

mod publish;
mod sink;

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::artifact::OutputFile;
use crate::error::Error;
use publish::Staging;

pub use sink::{Sink, Stream};

pub use crate::artifact::MARKER;
const MARKER_TEXT: &str = "This folder is written by stratdoc. The next build replaces it as a whole: keep nothing of your own here.\n";

/// Source folders of a project that output may never touch.
const SOURCE_DIRS: [&str; 3] = ["content", "templates", "themes"];

/// A build's output while it is written: a staging folder beside `out`
/// that [`Output::publish`] swaps into place. Dropped unpublished (a failed
/// or interrupted build), it is removed and the old output stays as it was.
#[derive(Debug)]
pub struct Output {
    out: PathBuf,
    root: PathBuf,
    staging: Staging,
    sink: Sink,
}

impl Output {
    /// Prepares to replace `out`, refusing a folder stratdoc must not
    /// touch. `root` is the project folder.
    pub fn open(out: &Path, root: &Path) -> Result<Output, Error> {
        let out = absolute(out)?;
        guard(&out, root)?;
        let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
            return Err(refuse(&out, "it is the file-system root"));
        };
        fs::create_dir_all(parent).map_err(Error::io("create", parent))?;
        publish::remove_stale(parent, name);
        let staging = Staging::create(parent, name)?;
        let sink = Sink::folder(staging.path());
        Ok(Output { out, root: root.to_path_buf(), staging, sink })
    }

    /// Where the build's files go.
    #[must_use]
    pub fn sink(&self) -> &Sink {
        &self.sink
    }

    /// Swaps the finished site in at the output path.
    pub fn publish(self) -> Result<(), Error> {
        let parent = self.out.parent().unwrap_or(&self.out);
        let _lock = publish::lock_parent(parent);
        // Writing took a while: look again, now that no other build can swap,
        // in case someone put a folder of their own at `out` meanwhile.
        guard(&self.out, &self.root)?;
        self.staging.publish(&self.out)
    }
}

/// Writes `files` to `out` atomically. `root` is the project folder.
pub fn write(files: &[OutputFile], out: &Path, root: &Path) -> Result<(), Error> {
    let output = Output::open(out, root)?;
    for file in files {
        output.sink().put(file.clone())?;
    }
    output.publish()
}

/// Refuses an output folder stratdoc must not replace.
pub fn guard(out: &Path, root: &Path) -> Result<(), Error> {
    let out = absolute(out)?;
    let root = root.canonicalize().map_err(Error::io("read", root))?;
    if out == root {
        return Err(refuse(&out, "it is the project folder"));
    }
    if root.starts_with(&out) {
        return Err(refuse(&out, "it contains the project"));
    }
    for dir in SOURCE_DIRS {
        let source = root.join(dir);
        if out.starts_with(&source) || source.starts_with(&out) {
            return Err(refuse(
                &out,
                &format!("it is inside or contains the project's `{dir}/` folder"),
            ));
        }
    }
    match fs::symlink_metadata(&out) {
        Err(_) => Ok(()),
        Ok(meta) if !meta.is_dir() => Err(refuse(&out, "it is a file, not a folder")),
        Ok(_) if out.join(MARKER).is_file() => Ok(()),
        Ok(_) => {
            let empty = fs::read_dir(&out).map_err(Error::io("read", &out))?.next().is_none();
            if empty {
                Ok(())
            } else {
                Err(refuse(
                    &out,
                    "it is not empty and was not made by stratdoc; choose another folder with --out, or empty this one",
                ))
            }
        }
    }
}

fn refuse(path: &Path, reason: &str) -> Error {
    Error::UnsafeOutput { path: path.to_path_buf(), reason: reason.to_owned() }
}

/// `path` made absolute and free of `.` and `..`, as the system would read
/// it: each `..` leaves the folder that the path so far really names, with
/// symbolic links resolved (`link/..` is the link target's parent). Parts that
/// do not exist yet are taken as written, so `missing/../site` is `site`.
pub(crate) fn absolute(path: &Path) -> Result<PathBuf, Error> {
    let mut out = if path.is_absolute() {
        PathBuf::new()
    } else {
        let cwd = std::env::current_dir().map_err(Error::io("read", "."))?;
        cwd.canonicalize().unwrap_or(cwd)
    };
    for component in path.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => out.push(component),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => {
                out.push(name);
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::sink::{copy, safe_relative};
    use super::*;
    use crate::artifact::Contents;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile { path: path.to_owned(), contents: Contents::Bytes(text.as_bytes().to_vec()) }
    }

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for d in SOURCE_DIRS {
            fs::create_dir(dir.path().join(d)).unwrap();
        }
        dir
    }

    #[test]
    fn writes_and_replaces_its_own_output() {
        let root = project();
        let out = root.path().join("public");
        write(&[file("index.html", "one"), file("a/b.html", "b")], &out, root.path()).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/b.html")).unwrap(), "b");
        write(&[file("index.html", "two")], &out, root.path()).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
        assert!(!out.join("a").exists(), "stale files go");
        let leftovers: Vec<_> = fs::read_dir(root.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("stratdoc-"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn refuses_folders_it_did_not_make() {
        let root = project();
        let docs = root.path().join("docs");
        fs::create_dir(&docs).unwrap();
        fs::write(docs.join("mine.txt"), "keep").unwrap();
        let err = write(&[file("index.html", "x")], &docs, root.path()).unwrap_err();
        assert!(err.to_string().contains("not made by stratdoc"), "{err}");
        assert_eq!(fs::read_to_string(docs.join("mine.txt")).unwrap(), "keep");
        for bad in [
            root.path().to_path_buf(),
            root.path().join("content"),
            root.path().join("themes/x"),
            root.path().join(".."),
        ] {
            assert!(
                matches!(guard(&bad, root.path()), Err(Error::UnsafeOutput { .. })),
                "{}",
                bad.display()
            );
        }
        assert!(guard(&root.path().join("public"), root.path()).is_ok());
    }

    #[test]
    fn a_failed_write_leaves_the_old_output() {
        let root = project();
        let out = root.path().join("public");
        write(&[file("index.html", "old")], &out, root.path()).unwrap();
        let missing = OutputFile {
            path: "x.png".into(),
            contents: Contents::Copy(root.path().join("nope.png")),
        };
        assert!(write(&[file("index.html", "new"), missing], &out, root.path()).is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        let names: Vec<_> =
            fs::read_dir(root.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), SOURCE_DIRS.len() + 1, "the staging folder is gone: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_dead_builds_leftover_goes_and_a_foreign_folder_of_that_name_stays() {
        let root = project();
        let out = root.path().join("public");
        let dead = root.path().join(".public.stratdoc-new-1-0");
        fs::create_dir(&dead).unwrap();
        fs::write(dead.join(MARKER), "").unwrap();
        let foreign = root.path().join(format!(".public.stratdoc-new-{}-0", std::process::id()));
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("mine.txt"), "keep").unwrap();
        write(&[file("index.html", "x")], &out, root.path()).unwrap();
        assert!(!dead.exists(), "a dead build's staging folder goes");
        assert_eq!(fs::read_to_string(foreign.join("mine.txt")).unwrap(), "keep");
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "x");
    }

    #[test]
    fn dot_dot_is_read_as_the_system_reads_it() {
        let root = project();
        let proj = root.path().canonicalize().unwrap();
        // `public` need not exist for `public/..` to be the project.
        for out in [proj.join("public/.."), proj.join("content/../public/..")] {
            assert!(
                matches!(guard(&out, root.path()), Err(Error::UnsafeOutput { .. })),
                "{}",
                out.display()
            );
        }
        assert_eq!(absolute(&proj.join("missing/../site")).unwrap(), proj.join("site"));
        assert_eq!(absolute(&proj.join("./a/./b/")).unwrap(), proj.join("a/b"));
    }

    #[cfg(unix)]
    #[test]
    fn dot_dot_after_a_symbolic_link_leaves_the_link_target() {
        let root = project();
        let proj = root.path().canonicalize().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let deep = elsewhere.path().canonicalize().unwrap().join("x/y");
        fs::create_dir_all(&deep).unwrap();
        std::os::unix::fs::symlink(&deep, proj.join("link")).unwrap();
        assert_eq!(
            absolute(&proj.join("link/../site")).unwrap(),
            deep.parent().unwrap().join("site")
        );
        // Through a link into the project, `..` still finds the project.
        std::os::unix::fs::symlink(proj.join("content"), deep.join("c")).unwrap();
        assert!(guard(&deep.join("c/.."), root.path()).is_err());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_failed_write_names_the_output_file_not_the_source() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("logo.png");
        fs::write(&source, vec![7u8; 100_000]).unwrap();
        let err = copy(&source, Path::new("/dev/full")).unwrap_err();
        assert!(
            matches!(&err, Error::Io { action: "write", path, .. } if path == Path::new("/dev/full")),
            "{err:?}"
        );
        let err = copy(&dir.path().join("nope.png"), &dir.path().join("x.png")).unwrap_err();
        assert!(
            matches!(&err, Error::Io { action: "read", path, .. } if path.ends_with("nope.png")),
            "{err:?}"
        );
    }

    #[test]
    fn output_paths_cannot_escape() {
        assert!(safe_relative("a/b.html").is_some());
        for bad in ["../x", "/etc/x", "a/../../x", "", "a\\..\\x", "./a"] {
            assert!(safe_relative(bad).is_none(), "{bad}");
        }
    }
}
