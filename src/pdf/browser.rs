//! Headless Chromium, driven through its own command line: `--print-to-pdf`
//! gives paged media with `@page` margin boxes (Chromium 131 and later),
//! a tagged PDF, and with `--generate-pdf-document-outline` bookmarks from
//! the headings. That is all the board edition needs, so no
//! `DevTools` protocol client: one process per print, nothing to keep in step with
//! Chromium's releases.
//!
//! The browser reads the edition and nothing else, however the edition is
//! written (its content security policy is a second, separate guard): it
//! loads it from this print's own server (`serve`), which is also its proxy
//! for every other address, so `file:` and the network are out of reach;
//! no host name resolves; WebRTC may send nothing outside the proxy; and
//! the profile switches JavaScript off.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::process::{self, Ended};
use super::serve::Server;
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

/// The environment variable that allows a print more (or less) time, in seconds.
pub const TIMEOUT_ENV: &str = "STRATDOC_PDF_TIMEOUT";

/// A browser to print with.
#[derive(Debug, Clone)]
pub struct Browser {
    path: PathBuf,
    timeout: Duration,
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
                Some(found) => Ok(Browser { path: found, timeout: TIMEOUT }),
                None => Err(Error::Browser {
                    reason: format!("`{}` (from {source}) is not a program", given.display()),
                }),
            };
        }
        NAMES
            .iter()
            .find_map(|name| resolve(Path::new(name), path))
            .or_else(|| INSTALLED.iter().map(PathBuf::from).find(|p| p.is_file()))
            .map(|path| Browser { path, timeout: TIMEOUT })
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

    /// Allows `seconds` (a whole number, from [`TIMEOUT_ENV`]) per print
    /// instead of [`TIMEOUT`].
    pub fn with_timeout(mut self, seconds: Option<OsString>) -> Result<Browser, Error> {
        let Some(seconds) = seconds else { return Ok(self) };
        let text = seconds.to_string_lossy();
        match text.trim().parse::<u64>() {
            Ok(n) if n > 0 => {
                self.timeout = Duration::from_secs(n);
                Ok(self)
            }
            _ => Err(Error::Browser {
                reason: format!(
                    "{TIMEOUT_ENV} must be a whole number of seconds above 0, not `{text}`"
                ),
            }),
        }
    }

    /// Prints the edition `server` serves to `pdf`, with `work` (a private
    /// folder the caller removes) for the browser's profile and output.
    /// `interrupted` stops the browser when it says so.
    pub(super) fn print(
        &self,
        server: &Server,
        pdf: &Path,
        work: &Path,
        interrupted: &dyn Fn() -> Option<i32>,
    ) -> Result<(), Error> {
        let failed = |reason: String| Error::BrowserFailed { browser: self.path.clone(), reason };
        let profile = work.join("profile");
        locked_profile(&profile).map_err(Error::io("write", &profile))?;
        let mut command = Command::new(&self.path);
        command.args(args(&server.url(), &server.proxy(), pdf, &profile));
        let log = work.join("browser.log");
        let ended = process::run(&mut command, &log, self.timeout, interrupted)
            .map_err(|e| failed(e.to_string()))?;
        match ended {
            Ended::Exited(status) => {
                if status.success() && fs::metadata(pdf).is_ok_and(|m| m.len() > 0) {
                    Ok(())
                } else {
                    Err(failed(format!("{status}, no PDF written{}", process::last_lines(&log))))
                }
            }
            Ended::TimedOut => Err(failed(format!(
                "it did not finish within {} s (set {TIMEOUT_ENV} to allow more)",
                self.timeout.as_secs()
            ))),
            Ended::Interrupted(signal) => Err(Error::Interrupted { signal }),
        }
    }
}

/// The command line of one print: headless, with the network shut but for
/// this edition's server, which is also the proxy of every other address.
/// Each setting holds on its own, whatever the edition says.
pub(super) fn args(url: &str, proxy: &str, pdf: &Path, profile: &Path) -> Vec<OsString> {
    let mut args: Vec<OsString> = [
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
        // No host name resolves; the proxy's own address is the one exception.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        // Without it loopback would bypass the proxy.
        "--proxy-bypass-list=<-loopback>",
        // WebRTC would send UDP to any address, outside the proxy.
        "--webrtc-ip-handling-policy=disable_non_proxied_udp",
        "--no-pdf-header-footer",
        "--generate-pdf-document-outline",
    ]
    .into_iter()
    .map(OsString::from)
    .collect();
    args.push(format!("--proxy-server={proxy}").into());
    args.push(format!("--user-data-dir={}", profile.display()).into());
    args.push(format!("--print-to-pdf={}", pdf.display()).into());
    args.push(url.into());
    args
}

/// What the profile's preferences say. JavaScript is switched off here: the
/// command line's `--blink-settings=scriptEnabled=false` makes Chromium's
/// headless `--print-to-pdf` write nothing (seen with Chromium 156), while a
/// blocked content setting turns off the page's script alone. WebRTC's
/// policy is repeated here.
const PREFERENCES: &str = r#"{"profile":{"default_content_setting_values":{"javascript":2}},"webrtc":{"ip_handling_policy":"disable_non_proxied_udp"}}"#;

/// A fresh profile folder at `profile` whose preferences lock the page down.
fn locked_profile(profile: &Path) -> std::io::Result<()> {
    let default = profile.join("Default");
    fs::create_dir_all(&default)?;
    fs::write(default.join("Preferences"), PREFERENCES)
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

#[cfg(test)]
mod tests {
    use super::*;

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
