//! Stage 7, WRITE: puts the files on disk as they are made, without ever
//! losing anything. The site is written into a fresh folder beside the
//! output ([`Output`], through its [`Sink`]) and swapped in only when every
//! file is there (see [`publish`] for how); the old output is replaced only
//! if stratdoc made it (it carries a marker file). Folders that hold the
//! project or its sources are refused outright.

mod link;
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
        // `guard` let `out` through: it is stratdoc's, or empty, or not there.
        let previous = out.join(MARKER).is_file().then_some(out.as_path());
        let sink = Sink::folder(staging.path(), previous);
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
mod tests;
