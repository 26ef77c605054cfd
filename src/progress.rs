//! A status line on the terminal for work that takes a while: once a run
//! has taken a second, what it is doing (`rendering pages 4000/10008`,
//! `printing the board edition (print 2)…`), one line rewritten in place
//! with `\r` and cleared before diagnostics and the summary are printed.
//!
//! It is shown only when the command line turns it on ([`start`]): stderr a
//! terminal, no `--quiet`, not under CI. So a pipe, a log file, a test's
//! captured output and a CI log never see it.
//!
//! The work only records where it is ([`expect`], [`pages`], [`step`]: an
//! atomic store, or nothing while the line is off). One thread, asleep
//! but for a redraw every [`EVERY`], draws it, so a long step that reports
//! nothing (the search index, a print by the browser) still shows, and a
//! run under a second shows nothing. The line is process-wide, as the
//! terminal is: stages far from the command line (the sink every page
//! passes through, the printer) report to it without being handed anything.

use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a run goes before the line shows.
pub const AFTER: Duration = Duration::from_secs(1);

/// The time between two redraws of the line.
pub const EVERY: Duration = Duration::from_millis(200);

static STATUS: OnceLock<Arc<Status>> = OnceLock::new();
static DRAWER: Mutex<Option<Drawer>> = Mutex::new(None);

/// Whether a run shows the line: stderr is a terminal, the user did not
/// ask for `--quiet`, and no CI runner is reading (`CI` set, as GitHub
/// Actions, GitLab CI and most others set it).
#[must_use]
pub fn wanted(terminal: bool, quiet: bool, ci: bool) -> bool {
    terminal && !quiet && !ci
}

/// Turns the line on for this run when `on` (see [`wanted`]).
pub fn start(on: bool) {
    if !on {
        return;
    }
    let status = STATUS.get_or_init(|| Arc::new(Status::default()));
    let drawer = Drawer::start(Arc::clone(status), io::stderr(), AFTER, EVERY);
    *DRAWER.lock().unwrap_or_else(PoisonError::into_inner) = Some(drawer);
}

/// Stops the line and clears it, so what is printed next starts on a
/// clean line.
pub fn clear() {
    if let Some(drawer) = DRAWER.lock().unwrap_or_else(PoisonError::into_inner).take() {
        drawer.stop();
    }
}

/// The run will render `total` pages.
pub fn expect(total: usize) {
    if let Some(status) = STATUS.get() {
        status.total.store(total, Ordering::Relaxed);
    }
}

/// `done` pages are rendered.
pub fn pages(done: usize) {
    if let Some(status) = STATUS.get() {
        status.done.fetch_max(done, Ordering::Relaxed);
    }
}

/// A step has started that reports nothing until it ends (`printing the
/// board edition (print 1)…`); it is shown until the next step.
pub fn step(what: &str) {
    if let Some(status) = STATUS.get() {
        *status.step.lock().unwrap_or_else(PoisonError::into_inner) = Some(what.to_owned());
    }
}

/// Where the run is.
#[derive(Debug, Default)]
struct Status {
    total: AtomicUsize,
    done: AtomicUsize,
    step: Mutex<Option<String>>,
}

impl Status {
    /// The line for where the run is now.
    fn text(&self) -> String {
        if let Some(step) = self.step.lock().unwrap_or_else(PoisonError::into_inner).clone() {
            return format!("stratdoc: {step}");
        }
        let (done, total) = (self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed));
        match (done, total) {
            (0, _) => "stratdoc: reading the project…".to_owned(),
            (done, 0) => format!("stratdoc: rendering pages {done}"),
            (done, total) if done < total => format!("stratdoc: rendering pages {done}/{total}"),
            (_, total) => {
                format!(
                    "stratdoc: rendered {total} pages; the overviews, search index and exports…"
                )
            }
        }
    }
}

/// The thread that draws the line, and how to stop it.
struct Drawer {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: JoinHandle<()>,
}

impl Drawer {
    fn start<W: Write + Send + 'static>(
        status: Arc<Status>,
        mut out: W,
        after: Duration,
        every: Duration,
    ) -> Drawer {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let (mut width, mut shown) = (0, String::new());
            let mut wait = after;
            loop {
                let (flag, wake) = &*stopped;
                let guard = flag.lock().unwrap_or_else(PoisonError::into_inner);
                let (guard, _) = wake
                    .wait_timeout_while(guard, wait, |stop| !*stop)
                    .unwrap_or_else(PoisonError::into_inner);
                if *guard {
                    break;
                }
                drop(guard);
                let text = status.text();
                if text != shown {
                    width = draw(&mut out, &text, width);
                    shown = text;
                }
                wait = every;
            }
            if width > 0 {
                let _ = write!(out, "\r{}\r", " ".repeat(width));
                let _ = out.flush();
            }
        });
        Drawer { stop, thread }
    }

    /// Stops the thread once it has cleared the line.
    fn stop(self) {
        let (flag, wake) = &*self.stop;
        *flag.lock().unwrap_or_else(PoisonError::into_inner) = true;
        wake.notify_all();
        let _ = self.thread.join();
    }
}

/// Writes `text` over a line `width` chars wide (padding a shorter text
/// with spaces: no escape codes, so any terminal shows it); returns the
/// new width.
fn draw(out: &mut impl Write, text: &str, width: usize) -> usize {
    let chars = text.chars().count();
    let _ = write!(out, "\r{text}{}", " ".repeat(width.saturating_sub(chars)));
    let _ = out.flush();
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer the test can read while the drawer holds it.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    #[test]
    fn the_line_says_where_the_run_is() {
        let status = Status::default();
        assert_eq!(status.text(), "stratdoc: reading the project…");
        status.total.store(10_000, Ordering::Relaxed);
        status.done.store(4_000, Ordering::Relaxed);
        assert_eq!(status.text(), "stratdoc: rendering pages 4000/10000");
        status.done.store(10_000, Ordering::Relaxed);
        assert!(status.text().starts_with("stratdoc: rendered 10000 pages; the overviews"));
        *status.step.lock().unwrap() = Some("printing the board edition (print 1)…".to_owned());
        assert_eq!(status.text(), "stratdoc: printing the board edition (print 1)…");
    }

    #[test]
    fn a_shorter_text_overwrites_a_longer_one_whole() {
        let mut out = Vec::new();
        let width = draw(&mut out, "stratdoc: rendering pages 4000/10000", 0);
        draw(&mut out, "stratdoc: ok", width);
        let last = String::from_utf8(out).unwrap().rsplit('\r').next().unwrap().to_owned();
        assert_eq!(last.trim_end(), "stratdoc: ok");
        assert_eq!(last.chars().count(), width);
    }

    #[test]
    fn it_draws_after_its_delay_and_clears_when_stopped() {
        let (status, out) = (Arc::new(Status::default()), Shared::default());
        status.total.store(10, Ordering::Relaxed);
        status.done.store(4, Ordering::Relaxed);
        let drawer = Drawer::start(
            Arc::clone(&status),
            out.clone(),
            Duration::from_millis(20),
            Duration::from_millis(10),
        );
        std::thread::sleep(Duration::from_millis(300));
        drawer.stop();
        let text = out.text();
        assert!(text.starts_with("\rstratdoc: rendering pages 4/10"), "{text:?}");
        let tail = text.rsplit("4/10").next().unwrap();
        assert!(tail.ends_with('\r') && tail.trim().is_empty(), "cleared: {tail:?}");
        let before = out.text();
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(out.text(), before, "nothing after it stopped");
    }

    #[test]
    fn a_run_shorter_than_the_delay_shows_nothing() {
        let out = Shared::default();
        let drawer = Drawer::start(
            Arc::new(Status::default()),
            out.clone(),
            Duration::from_secs(60),
            Duration::from_millis(10),
        );
        drawer.stop();
        assert_eq!(out.text(), "");
    }

    #[test]
    fn only_a_terminal_outside_ci_and_without_quiet_gets_it() {
        assert!(wanted(true, false, false));
        assert!(!wanted(false, false, false), "a pipe or file");
        assert!(!wanted(true, true, false), "--quiet");
        assert!(!wanted(true, false, true), "CI");
    }
}
