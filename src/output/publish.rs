//! How a finished site replaces the old one: a staging folder beside the
//! output, locks that tell a running build from a dead one, and the swap.
//!
//! - **Staging.** Each build makes a new folder `.NAME.stratdoc-new-PID-N`
//!   with `create_dir`, so it never reuses (or later deletes) a folder that
//!   was already there, and locks it before writing the marker into it.
//! - **Running or dead.** The lock (`flock`) is held as long as the build
//!   runs and released by the system however the process ends, even by
//!   `kill -9`. A staging folder with a marker whose lock can be taken is a
//!   dead build's leftover; no process ids (which get reused) and no `/proc`
//!   (which macOS lacks) are needed.
//! - **Swap.** Under a lock on the output's parent folder, so two builds into
//!   one output swap one after the other; the last to finish wins, and each
//!   swap is whole. On Linux and macOS the new folder and the old one trade
//!   places in one step (`renameat2(RENAME_EXCHANGE)`, `RENAME_SWAP`): the
//!   output path never goes missing. Where the file system refuses that, and
//!   on other systems, the old folder is moved aside and the new one moved in:
//!   two renames, with a moment between them in which the output is missing.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::output::{MARKER, MARKER_TEXT};

/// How many names a build tries before giving up; each taken name means a
/// folder of that name is already there (a leftover, or somebody's own).
const TRIES: u32 = 1000;

/// A build's staging folder: made by this process, locked while it lives,
/// removed when dropped unless it was published.
#[derive(Debug)]
pub(super) struct Staging {
    path: PathBuf,
    /// Held until the build ends; see the module docs.
    _lock: Option<File>,
    published: bool,
}

impl Staging {
    /// Makes a new, locked staging folder for output `name` in `parent`.
    pub(super) fn create(parent: &Path, name: &OsStr) -> Result<Staging, Error> {
        for n in 0..TRIES {
            let path = parent.join(staged_name(name, "new", n));
            match fs::create_dir(&path) {
                Ok(()) => {
                    // Lock before the marker exists: a folder that has a
                    // marker and no lock holder is then always a dead build's.
                    let lock = lock(&path, true).ok();
                    let staging = Staging { path, _lock: lock, published: false };
                    let marker = staging.path.join(MARKER);
                    fs::write(&marker, MARKER_TEXT).map_err(Error::io("write", marker))?;
                    return Ok(staging);
                }
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
                Err(source) => return Err(Error::Io { action: "create", path, source }),
            }
        }
        Err(Error::Io {
            action: "create",
            path: parent.join(staged_name(name, "new", 0)),
            source: io::ErrorKind::AlreadyExists.into(),
        })
    }

    /// The folder to write the site into.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// Swaps the finished folder in at `out`. The caller holds the parent's
    /// lock and has checked that `out` may be replaced.
    pub(super) fn publish(mut self, out: &Path) -> Result<(), Error> {
        swap(&self.path, out)?;
        self.published = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            // This process made it with `create_dir`: it is ours to remove.
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// `.NAME.stratdoc-KIND-PID-N`: hidden, beside the output, and telling whose it is.
fn staged_name(name: &OsStr, kind: &str, n: u32) -> OsString {
    let mut staged = OsString::from(".");
    staged.push(name);
    staged.push(format!(".stratdoc-{kind}-{}-{n}", std::process::id()));
    staged
}

/// Whether `file_name` is one of the names [`staged_name`] gives for `name`.
fn is_staged(file_name: &OsStr, name: &OsStr) -> bool {
    ["new", "old"].iter().any(|kind| {
        let mut prefix = OsString::from(".");
        prefix.push(name);
        prefix.push(format!(".stratdoc-{kind}-"));
        file_name.as_encoded_bytes().starts_with(prefix.as_encoded_bytes())
    })
}

/// Removes the leftovers of dead builds into output `name` in `parent`:
/// folders with a staging name that are provably stratdoc's and abandoned
/// (see [`claim_abandoned`]). Anything else with such a name is kept.
pub(super) fn remove_stale(parent: &Path, name: &OsStr) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        if !is_staged(&entry.file_name(), name) {
            continue;
        }
        let path = entry.path();
        if let Some(_lock) = claim_abandoned(&path) {
            let _ = fs::remove_dir_all(&path);
        } else if empty_for_a_while(&path) {
            // A build stopped between making its folder and marking it: an
            // empty folder is nobody's work, and `remove_dir` removes only
            // an empty one. The age keeps a build that is setting up safe.
            let _ = fs::remove_dir(&path);
        }
    }
}

/// True for a real, empty folder last changed over a minute ago.
fn empty_for_a_while(dir: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(dir) else { return false };
    let old = meta
        .modified()
        .ok()
        .and_then(|m| m.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(60));
    meta.is_dir() && old && fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

/// The lock of `dir` if it is a dead build's staging folder: a real folder
/// (not a link), whose lock nobody holds, with stratdoc's marker in it. The
/// marker is written only after its build took the lock, so a folder that is
/// still being set up is never taken for a dead one. `None` whenever that
/// cannot be shown, including where locks are not available.
pub(super) fn claim_abandoned(dir: &Path) -> Option<File> {
    if !fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        return None;
    }
    let lock = lock(dir, false).ok()?;
    let marker = fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file());
    marker.then_some(lock)
}

/// Locks the output's parent folder for the swap, waiting for another build's
/// swap to end. `None` where the system or file system has no locks: the
/// build then goes on unlocked, as before there were locks.
pub(super) fn lock_parent(parent: &Path) -> Option<File> {
    lock(parent, true).ok()
}

/// An exclusive advisory lock on a folder (or file), held while the returned
/// handle lives and released by the system when the process ends.
#[cfg(unix)]
fn lock(path: &Path, wait: bool) -> io::Result<File> {
    use rustix::fs::{FlockOperation, flock};
    // A folder opens read-only on Unix; `flock` works on any open file.
    let file = File::open(path)?;
    let op =
        if wait { FlockOperation::LockExclusive } else { FlockOperation::NonBlockingLockExclusive };
    flock(&file, op)?;
    Ok(file)
}

#[cfg(not(unix))]
fn lock(_path: &Path, _wait: bool) -> io::Result<File> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Puts `staging` at `out`; afterwards the old output is gone (if it was
/// stratdoc's or empty) and `staging` no longer exists.
fn swap(staging: &Path, out: &Path) -> Result<(), Error> {
    let replace = |source| Error::Io { action: "replace", path: out.to_path_buf(), source };
    match fs::symlink_metadata(out) {
        // The first build: nothing to swap with.
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            fs::rename(staging, out).map_err(replace)
        }
        Err(source) => Err(Error::Io { action: "read", path: out.to_path_buf(), source }),
        Ok(_) => match exchange(staging, out) {
            Ok(()) => {
                // The old output now sits at the staging path.
                discard_old(staging);
                Ok(())
            }
            Err(err) if unsupported(&err) => move_aside_and_in(staging, out).map_err(replace),
            Err(err) => Err(replace(err)),
        },
    }
}

/// The swap where the system cannot exchange: the old output is moved aside,
/// locked so no other build takes it for a leftover, and moved back if the
/// new one cannot be moved in.
fn move_aside_and_in(staging: &Path, out: &Path) -> io::Result<()> {
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return Err(io::ErrorKind::InvalidInput.into());
    };
    let old = (0..TRIES)
        .map(|n| parent.join(staged_name(name, "old", n)))
        .find(|p| fs::symlink_metadata(p).is_err_and(|e| e.kind() == io::ErrorKind::NotFound))
        .ok_or(io::ErrorKind::AlreadyExists)?;
    let _old_lock = lock(out, false).ok();
    fs::rename(out, &old)?;
    if let Err(err) = fs::rename(staging, out) {
        let _ = fs::rename(&old, out);
        return Err(err);
    }
    discard_old(&old);
    Ok(())
}

/// Removes a replaced output: all of it if it carries the marker (the guard
/// let it be replaced for that reason), else only if it is an empty folder.
/// A failure here is not worth failing a build that is already published.
fn discard_old(old: &Path) {
    if fs::symlink_metadata(old.join(MARKER)).is_ok_and(|m| m.is_file()) {
        let _ = fs::remove_dir_all(old);
    } else {
        let _ = fs::remove_dir(old);
    }
}

/// Trades the places of two folders in one step.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Errors that mean "this system or file system cannot exchange", as opposed
/// to "these folders cannot be renamed" (which the fallback would hit too).
fn unsupported(err: &io::Error) -> bool {
    #[cfg(unix)]
    {
        use rustix::io::Errno;
        let refused = [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP, Errno::NOTSUP];
        if refused.iter().any(|e| err.raw_os_error() == Some(e.raw_os_error())) {
            return true;
        }
    }
    err.kind() == io::ErrorKind::Unsupported
}

#[cfg(test)]
mod tests;
