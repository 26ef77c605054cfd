//! Headless Chromium, driven through its own command line: `--print-to-pdf`
//! gives paged media with `@page` margin boxes (Chromium 131 and later),
//! a tagged PDF, and with `--generate-pdf-document-outline` bookmarks from
//! the headings. That is all the board edition needs, so no
//! `DevTools` protocol client: one process per print, nothing to keep in step with
//! Chromium's releases.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::Error;

/// The environment variable that names the browser.
pub const ENV: &str = "STRATDOC_BROWSER";

/// Names of Chromium-based browsers, looked for on `PATH` in this order.
const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "msedge",
];

/// Where macOS and Windows install Chrome, which is not on `PATH` there.
const INSTALLED: &[&str] = &[
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

/// How long one print may take before the browser is stopped.
const TIMEOUT: Duration = Duration::from_secs(120);

/// A browser to print with.
#[derive(Debug, Clone)]
pub struct Browser {
    path: PathBuf,
}

impl Browser {
    /// The browser `--browser` names, else `STRATDOC_BROWSER`, else the
    /// first Chromium on `PATH` (or where Chrome installs itself).
    pub fn find(
        flag: Option<&Path>,
        env: Option<OsString>,
        path: Option<&OsString>,
    ) -> Result<Browser, Error> {
        let named = flag
            .map(|p| (p.to_path_buf(), "--browser"))
            .or_else(|| env.filter(|e| !e.is_empty()).map(|e| (PathBuf::from(e), ENV)));
        if let Some((given, source)) = named {
            return match resolve(&given, path) {
                Some(found) => Ok(Browser { path: found }),
                None => Err(Error::Browser {
                    reason: format!("`{}` (from {source}) is not a program", given.display()),
                }),
            };
        }
        NAMES
            .iter()
            .find_map(|name| resolve(Path::new(name), path))
            .or_else(|| INSTALLED.iter().map(PathBuf::from).find(|p| p.is_file()))
            .map(|path| Browser { path })
            .ok_or_else(|| Error::Browser {
                reason: format!(
                    "no Chromium or Chrome found on PATH; install the `chromium` package (Debian and Ubuntu: `apt-get install chromium`), or name the browser with --browser PATH or {ENV}"
                ),
            })
    }

    /// Where it is.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Prints `html` (a file) to `pdf`, in a profile folder of its own
    /// (`profile`, which the caller removes).
    pub(crate) fn print(&self, html: &Path, pdf: &Path, profile: &Path) -> Result<(), Error> {
        let url = file_url(html);
        let mut command = Command::new(&self.path);
        command
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--mute-audio",
                // The edition is self-contained: nothing may be fetched.
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--no-pdf-header-footer",
                "--generate-pdf-document-outline",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = command.spawn().map_err(|source| Error::BrowserFailed {
            browser: self.path.clone(),
            reason: source.to_string(),
        })?;
        // Read stderr on its own thread, so a chatty browser never blocks on a full pipe.
        let mut stderr = child.stderr.take();
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(stderr) = stderr.as_mut() {
                let _ = stderr.read_to_string(&mut text);
            }
            text
        });
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().map_err(Error::io("wait for", &self.path))? {
                break status;
            }
            if started.elapsed() > TIMEOUT {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::BrowserFailed {
                    browser: self.path.clone(),
                    reason: format!("it did not finish within {} s", TIMEOUT.as_secs()),
                });
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stderr = reader.join().unwrap_or_default();
        let written = fs::metadata(pdf).is_ok_and(|m| m.len() > 0);
        if !status.success() || !written {
            return Err(Error::BrowserFailed {
                browser: self.path.clone(),
                reason: format!("{status}, no PDF written{}", last_lines(&stderr)),
            });
        }
        Ok(())
    }
}

/// `name` as a program: a path to a file, or a name found on `path`.
fn resolve(name: &Path, path: Option<&OsString>) -> Option<PathBuf> {
    if name.components().count() > 1 || name.is_absolute() {
        return name.is_file().then(|| name.to_path_buf());
    }
    std::env::split_paths(path?).map(|dir| dir.join(name)).find(|p| is_program(p))
}

fn is_program(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file() || path.with_extension("exe").is_file()
    }
}

/// A `file://` URL for an absolute path, percent-encoding what URLs cannot hold.
fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from(if text.starts_with('/') { "file://" } else { "file:///" });
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~:".contains(&byte) {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    url
}

/// The browser's last words, for an error message (its stderr is noisy).
fn last_lines(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.contains("dbus")).collect();
    let tail = &lines[lines.len().saturating_sub(3)..];
    if tail.is_empty() { String::new() } else { format!(": {}", tail.join(" | ")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_encode_what_urls_cannot_hold() {
        assert_eq!(file_url(Path::new("/tmp/a b/æ.html")), "file:///tmp/a%20b/%C3%A6.html");
    }

    #[test]
    fn a_missing_browser_names_the_package_to_install() {
        let err = Browser::find(None, None, Some(&OsString::from("/nonexistent"))).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("install the `chromium` package"), "{text}");
        let err = Browser::find(Some(Path::new("/no/such/chrome")), None, None).unwrap_err();
        assert!(
            err.to_string().contains("`/no/such/chrome` (from --browser) is not a program"),
            "{err}"
        );
        let err = Browser::find(
            None,
            Some(OsString::from("nochrome")),
            Some(&OsString::from("/nonexistent")),
        )
        .unwrap_err();
        assert!(err.to_string().contains(ENV), "{err}");
    }
}
