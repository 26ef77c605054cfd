//! `stratdoc serve`: the site while it is written. It builds into memory
//! (never into the project or its `public/`), serves that on 127.0.0.1,
//! watches the project and, on every save, re-renders what the change
//! touches and tells the open pages to reload; a change that does not build
//! shows its problems over the page, while the last good build is still
//! served.
//!
//! - `rebuild`: one build, whole or in part, into memory;
//! - `watch`: what a batch of changed paths means;
//! - `http`: the server (axum on a thread of its own);
//! - `path`: which file a request names, refusing what could leave the site.

mod http;
mod path;
mod rebuild;
mod watch;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::broadcast;

use crate::artifact::Contents;
use crate::diagnostics::report::Style;
use crate::error::Error;
use crate::pipeline::Options;
use crate::source::Project;
use rebuild::{Builder, Built};
use watch::Changes;

/// How long a burst of changes may go quiet before it is built: an
/// editor's save is often several writes and a rename.
const QUIET: Duration = Duration::from_millis(15);

/// What the server shows: the last good build's files, by path, and the
/// problems of the last build if it failed (as JSON for the page).
#[derive(Default)]
pub(crate) struct Site {
    files: HashMap<String, Contents>,
    problems: Option<String>,
}

/// What the builder and the server share.
pub(crate) struct Shared {
    site: RwLock<Site>,
    /// The project, whose rule every file read from it obeys.
    project: Project,
    signals: broadcast::Sender<Signal>,
}

impl Shared {
    /// Whether the site has a file at `path` (under `content/`), or files
    /// under it: a folder moved away is reported as the folder alone.
    fn has(&self, path: &str) -> bool {
        let site = self.site.read().unwrap_or_else(std::sync::PoisonError::into_inner);
        let url = crate::model::asset_url(path);
        let folder = format!("{url}/");
        site.files.contains_key(&url) || site.files.keys().any(|file| file.starts_with(&folder))
    }
}

/// What open pages are told.
#[derive(Clone, Debug)]
pub(crate) enum Signal {
    /// These pages changed (a JSON list of paths, or `"*"` for all).
    Reload(String),
    /// The last build's problems (a JSON list; empty when it worked).
    Problems(String),
}

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct Serving {
    /// The project folder.
    pub root: PathBuf,
    /// The address to listen on.
    pub address: SocketAddr,
    /// Open the site in the system's browser.
    pub open: bool,
    /// What to build.
    pub options: Options,
    /// How the terminal is told: the diagnostics' format, `--quiet` (no
    /// line per build) and `--deny-warnings` (a warning fails a build).
    pub terminal: Terminal,
}

/// What `serve` says in the terminal, and how.
#[derive(Debug, Clone, Default)]
pub struct Terminal {
    /// How diagnostics are printed (tools' formats on stdout, and then the
    /// lines for people on stderr).
    pub style: Style,
    /// No line per build; problems still.
    pub quiet: bool,
    /// A build with a warning fails as one with an error does.
    pub deny_warnings: bool,
}

impl Terminal {
    /// A line for people: on stdout, or on stderr when stdout is for tools.
    fn tell(&self, line: std::fmt::Arguments<'_>) {
        if self.style.format.is_for_tools() {
            crate::cmd::complain(line);
        } else {
            crate::cmd::say(line);
        }
    }

    /// A line for people that `--quiet` leaves out.
    fn say(&self, line: std::fmt::Arguments<'_>) {
        if !self.quiet {
            self.tell(line);
        }
    }

    /// A report of diagnostics, in the format asked for.
    fn report(&self, report: &str) {
        if report.is_empty() {
            return;
        }
        let report = report.trim_end_matches('\n');
        if self.style.format.is_for_tools() {
            crate::cmd::say(format_args!("{report}"));
        } else {
            crate::cmd::complain(format_args!("{report}"));
        }
    }
}

/// Serves the project until the process is stopped. Prints the address
/// first, then a line per build.
pub fn run(serving: &Serving) -> Result<(), Error> {
    let root = serving.root.canonicalize().map_err(Error::io("read", &serving.root))?;
    let project = Project::open(&root)?;
    let terminal = &serving.terminal;
    let (style, deny) = (terminal.style.clone(), terminal.deny_warnings);
    // Watching starts before the first build, so that nothing saved while
    // it runs, or just after the server answers, goes unseen.
    let (_watcher, bursts) = start_watching(&root)?;
    let mut builder = Builder::new(&root, serving.options.clone(), style, deny);
    let (signals, _) = broadcast::channel(64);
    let shared = Arc::new(Shared { site: RwLock::new(Site::default()), project, signals });
    builder.build(&Changes { pages: Vec::new(), everything: true }, &mut |built| {
        publish(&shared, terminal, built, &[]);
    });
    let listener = std::net::TcpListener::bind(serving.address)
        .map_err(Error::io("listen on", serving.address.to_string()))?;
    let address =
        listener.local_addr().map_err(Error::io("listen on", serving.address.to_string()))?;
    if !address.ip().is_loopback() {
        crate::cmd::complain(format_args!(
            "warning: serving on {address}: anyone who can reach this machine can read the site"
        ));
    }
    let url = format!("http://{address}/");
    terminal.tell(format_args!("stratdoc: serving {} at {url} (Ctrl+C to stop)", root.display()));
    start_server(listener, Arc::clone(&shared))?;
    if serving.open {
        open(&url);
    }
    watch(&root, &bursts, &mut builder, &shared, terminal);
    Ok(())
}

/// Runs the HTTP server on a thread of its own.
fn start_server(listener: std::net::TcpListener, shared: Arc<Shared>) -> Result<(), Error> {
    listener.set_nonblocking(true).map_err(Error::io("listen on", "the server's socket"))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(Error::io("start", "the server"))?;
    std::thread::spawn(move || {
        runtime.block_on(async move {
            if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                let _ = http::serve(listener, shared).await;
            }
        });
    });
    Ok(())
}

/// Starts watching the project: the changes come through the receiver for
/// as long as the watcher lives.
fn start_watching(root: &Path) -> Result<(RecommendedWatcher, Receiver<Vec<PathBuf>>), Error> {
    let (events, bursts) = channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading a file is an event too (the build reads every file):
        // only what writes, makes, moves or removes files counts.
        if let Ok(event) = event {
            if !matches!(event.kind, notify::EventKind::Access(_)) {
                let _ = events.send(event.paths);
            }
        }
    })
    .map_err(|e| Error::io("watch", root)(std::io::Error::other(e)))?;
    watcher
        .watch(root, RecursiveMode::Recursive)
        .map_err(|e| Error::io("watch", root)(std::io::Error::other(e)))?;
    Ok((watcher, bursts))
}

/// Builds after each burst of changes in `bursts`, until the watcher is gone.
fn watch(
    root: &Path,
    bursts: &Receiver<Vec<PathBuf>>,
    builder: &mut Builder,
    shared: &Shared,
    terminal: &Terminal,
) {
    while let Some(paths) = burst(bursts) {
        let known = |rel: &str| shared.has(rel.strip_prefix("content/").unwrap_or(rel));
        let changes =
            watch::changes(root, builder.logo(), &known, paths.iter().map(PathBuf::as_path));
        if changes.is_empty() {
            continue;
        }
        builder.build(&changes, &mut |built| publish(shared, terminal, built, &changes.pages));
    }
}

/// The paths of the next burst of changes: the first change, and every one
/// after it until the project has been quiet for [`QUIET`]. `None` when the
/// watcher is gone.
fn burst(changed: &Receiver<Vec<PathBuf>>) -> Option<Vec<PathBuf>> {
    let mut paths = changed.recv().ok()?;
    let until = Instant::now() + Duration::from_millis(500);
    loop {
        match changed.recv_timeout(QUIET) {
            Ok(more) => paths.extend(more),
            Err(RecvTimeoutError::Timeout) => return Some(paths),
            Err(RecvTimeoutError::Disconnected) => return None,
        }
        if Instant::now() > until {
            return Some(paths);
        }
    }
}

/// Puts a build's outcome where the server shows it, tells the open pages,
/// and says it in the terminal.
fn publish(shared: &Shared, terminal: &Terminal, built: Built, changed: &[String]) {
    match built {
        Built::Files { files, all, ms } => {
            let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
            let mut site = shared.site.write().unwrap_or_else(std::sync::PoisonError::into_inner);
            if all {
                site.files.clear();
            }
            site.files.extend(files.into_iter().map(|f| (f.path, f.contents)));
            let had_problems = site.problems.take().is_some();
            drop(site);
            if had_problems {
                let _ = shared.signals.send(Signal::Problems("[]".to_owned()));
            }
            let reload = if all { "\"*\"".to_owned() } else { json(&paths) };
            let _ = shared.signals.send(Signal::Reload(reload));
            let what = match changed {
                [] => "everything".to_owned(),
                [one] => one.clone(),
                [first, rest @ ..] => format!("{first} and {} more", rest.len()),
            };
            let files = if paths.len() == 1 { "file" } else { "files" };
            terminal
                .say(format_args!("stratdoc: built {} {files} in {ms} ms ({what})", paths.len()));
        }
        Built::Warnings(report) if report.is_empty() => {
            terminal.say(format_args!("stratdoc: no warnings left"));
        }
        Built::Warnings(report) => terminal.report(&report),
        Built::Failed { problems, report, error } => {
            let json = json(&problems);
            shared.site.write().unwrap_or_else(std::sync::PoisonError::into_inner).problems =
                Some(json.clone());
            let _ = shared.signals.send(Signal::Problems(json));
            terminal.report(&report);
            if let Some(error) = error {
                crate::cmd::complain(format_args!("error: {error}"));
            }
            crate::cmd::complain(format_args!(
                "error: the change does not build; the last good build is still served"
            ));
        }
    }
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}

/// Opens `url` in the system's browser, if it has a way to.
fn open(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener).arg(url).spawn();
}

/// The address for `--bind` and `--port`.
#[must_use]
pub fn address(bind: Option<IpAddr>, port: u16) -> SocketAddr {
    SocketAddr::new(bind.unwrap_or(IpAddr::from([127, 0, 0, 1])), port)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::mpsc::channel;
    use std::time::{Duration, Instant};

    use super::burst;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn an_editors_save_is_one_burst_and_a_later_save_the_next() {
        let (send, changes) = channel();
        // A save: the editor's temporary file, its rename over the page,
        // and a second page saved with it (as »save all« does).
        for batch in [&["a.md.swp"][..], &["a.md.swp", "a.md"], &["b.md"]] {
            send.send(paths(batch)).unwrap();
        }
        assert_eq!(burst(&changes), Some(paths(&["a.md.swp", "a.md.swp", "a.md", "b.md"])));
        send.send(paths(&["c.md"])).unwrap();
        assert_eq!(burst(&changes), Some(paths(&["c.md"])));
        drop(send);
        assert_eq!(burst(&changes), None, "no watcher, no more bursts");
    }

    #[test]
    fn changes_that_never_stop_are_built_at_least_twice_a_second() {
        let (send, changes) = channel();
        let writer = std::thread::spawn(move || {
            let end = Instant::now() + Duration::from_secs(3);
            while Instant::now() < end && send.send(paths(&["log.md"])).is_ok() {
                std::thread::sleep(Duration::from_millis(1));
            }
        });
        let started = Instant::now();
        assert!(burst(&changes).is_some());
        // Not waiting for the writer to stop (3 s): cut after 500 ms.
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
        drop(changes);
        writer.join().unwrap();
    }
}
