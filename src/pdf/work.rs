//! Where a print works, and its ways out. The work folder (the browser's
//! profile, its output, the passes' PDFs) is private to the user and is
//! removed however the print ends: done, failed, out of time, or stopped by
//! a signal. For the last, [`Interrupts`] catches SIGINT, SIGTERM and SIGHUP
//! while a print runs, so it can stop the browser and remove the folder
//! first; the command line then ends as the signal asked ([`end_as`]).
//!
//! Signals are caught with `signal-hook`: it is small and well kept (tokio
//! builds on it), needs no unsafe code here, and, unlike a plain Ctrl-C
//! handler, lets the default action stand outside a print.

use std::fs;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

use crate::error::Error;

/// A folder of this run's own under the system's temporary folder, readable
/// by the user alone, removed when dropped.
pub(super) struct WorkDir {
    pub(super) path: PathBuf,
}

impl WorkDir {
    pub(super) fn new() -> Result<WorkDir, Error> {
        let base = std::env::temp_dir();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        for attempt in 0..100 {
            let path = base.join(format!("stratdoc-pdf-{}-{nanos}-{attempt}", std::process::id()));
            match create_private(&path) {
                Ok(()) => return Ok(WorkDir { path }),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io("create", path)(e)),
            }
        }
        Err(Error::io("create", base)(io::Error::other("no free name")))
    }
}

/// Makes a new folder (never an existing one, nor through a link) that only
/// its owner may enter.
fn create_private(path: &std::path::Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path)
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        // Made by this run (`create` refuses an existing folder), so it is
        // ours to remove. A browser process killed a moment ago may still
        // be closing a file in it: try again briefly.
        for _ in 0..20 {
            if fs::remove_dir_all(&self.path).is_ok() || !self.path.exists() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// While alive, SIGINT, SIGTERM and SIGHUP are caught rather than ending
/// the process; [`Interrupts::caught`] says which came.
pub(super) struct Interrupts {
    flags: Option<&'static signals::Flags>,
}

impl Interrupts {
    /// Starts catching.
    pub(super) fn catch() -> Interrupts {
        let flags = signals::flags();
        if let Some(flags) = flags {
            flags.start();
        }
        Interrupts { flags }
    }

    /// The signal caught since [`Interrupts::catch`], if one was.
    pub(super) fn caught(&self) -> Option<i32> {
        self.flags.and_then(signals::Flags::caught)
    }

    /// `Err` once a signal was caught.
    pub(super) fn check(&self) -> Result<(), Error> {
        self.caught().map_or(Ok(()), |signal| Err(Error::Interrupted { signal }))
    }
}

impl Drop for Interrupts {
    fn drop(&mut self) {
        if let Some(flags) = self.flags {
            flags.stop();
        }
    }
}

/// Ends the process as `signal` would have, had it not been caught (a
/// shell then sees `stratdoc` killed by it). Returns where that cannot be.
pub fn end_as(signal: i32) {
    #[cfg(unix)]
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    #[cfg(not(unix))]
    let _ = signal;
}

/// The name of `signal`, for messages (`SIGTERM`).
#[must_use]
pub fn signal_name(signal: i32) -> String {
    #[cfg(unix)]
    if let Some(name) = signal_hook::low_level::signal_name(signal) {
        return name.to_owned();
    }
    format!("signal {signal}")
}

#[cfg(unix)]
mod signals {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::flag;

    /// Set once per process: handlers cannot be removed without leaving
    /// the signals ignored, so they stay, switched between catching and
    /// the default action.
    pub(super) struct Flags {
        caught: AtomicUsize,
        idle: AtomicBool,
    }

    static FLAGS: OnceLock<Option<&'static Flags>> = OnceLock::new();

    /// The process's flags, with the handlers installed (`None` if they
    /// could not be, and the signals keep their default action).
    pub(super) fn flags() -> Option<&'static Flags> {
        *FLAGS.get_or_init(|| {
            let flags: &'static Flags = Box::leak(Box::new(Flags {
                caught: AtomicUsize::new(0),
                idle: AtomicBool::new(true),
            }));
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                // The default action first: while idle, it ends the process
                // before the flag is set (signal-hook runs them in order).
                flag::register_conditional_default(signal, &flags.idle).ok()?;
                let value = usize::try_from(signal).ok()?;
                flag::register_usize(signal, &flags.caught, value).ok()?;
            }
            Some(flags)
        })
    }

    impl Flags {
        pub(super) fn start(&self) {
            self.caught.store(0, Ordering::SeqCst);
            self.idle.store(false, Ordering::SeqCst);
        }

        pub(super) fn stop(&self) {
            self.idle.store(true, Ordering::SeqCst);
        }

        pub(super) fn caught(&self) -> Option<i32> {
            match self.caught.load(Ordering::SeqCst) {
                0 => None,
                signal => i32::try_from(signal).ok(),
            }
        }
    }
}

/// Elsewhere nothing is caught.
#[cfg(not(unix))]
mod signals {
    pub(super) struct Flags;

    pub(super) fn flags() -> Option<&'static Flags> {
        None
    }

    impl Flags {
        pub(super) fn start(&self) {}
        pub(super) fn stop(&self) {}
        pub(super) fn caught(&self) -> Option<i32> {
            None
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_work_folder_is_private_and_removed() {
        let work = WorkDir::new().unwrap();
        let mode = fs::metadata(&work.path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        fs::create_dir_all(work.path.join("profile/Default")).unwrap();
        fs::write(work.path.join("profile/Default/x"), "x").unwrap();
        let path = work.path.clone();
        drop(work);
        assert!(!path.exists());
    }
}
