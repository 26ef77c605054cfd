//! The board edition reads nothing but itself, and printing it is bounded:
//! `print.html`'s content security policy holds by itself in an ordinary
//! browser (the printing browser's own lock is tested in `src/pdf/tests.rs`);
//! a browser that leaves a helper behind, runs out of time or is stopped by
//! a signal neither hangs `stratdoc pdf` nor leaves its private work folder.
//!
//! Fake browsers (shell scripts named by `STRATDOC_BROWSER`) stand in for
//! Chromium where its behaviour is the point; the policy tests need
//! Chromium and poppler (SKIPPED without them, failing under `CI=true`).

use std::fs;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::print::{print_from_disk, tool, tools_or_skip};
use crate::support::Project;

/// What `print.html` may load: itself, inline style and `data:` images.
const POLICY: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">";

#[test]
fn print_html_opens_with_a_policy_that_allows_only_itself() {
    let project = Project::minimal();
    project.build();
    let html = project.page("print.html");
    let head = html.split("<head>").nth(1).unwrap();
    assert!(head.trim_start().starts_with(POLICY), "the policy is not first in the head:\n{head}");
}

/// A web service on loopback that counts the requests it gets.
fn counting_service() -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let count = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&count);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            counted.fetch_add(1, Ordering::SeqCst);
            drop(stream);
        }
    });
    (port, count)
}

/// Markup no content may carry, as if it had got into the edition: frames
/// and objects of a file, a script, an image from a local service.
fn attack(secret: &Path, port: u16) -> String {
    let file = format!("file://{}", secret.display());
    format!(
        "<p>ATTACK-IN-PLACE</p><iframe src=\"{file}\"></iframe>\
         <object data=\"{file}\" type=\"text/plain\"></object><embed src=\"{file}\" type=\"text/plain\">\
         <img alt=\"\" src=\"http://127.0.0.1:{port}/pixel.png\">\
         <p id=\"probe\">NO-SCRIPT</p><script>document.getElementById('probe').textContent = 'SCRIPT-RAN'</script>"
    )
}

#[test]
fn the_policy_alone_keeps_an_ordinary_browser_from_loading_or_running_anything() {
    if !tools_or_skip("the_policy_alone_keeps_an_ordinary_browser_from_loading_or_running_anything")
    {
        return;
    }
    let project = Project::minimal();
    project.build();
    let secret = project.path().join("secret.txt");
    fs::write(&secret, "FILE-ON-THE-MACHINE").unwrap();
    let (port, requests) = counting_service();
    let html = project.page("print.html");
    let body = html.find("<main").unwrap();
    let attacked = format!("{}{}{}", &html[..body], attack(&secret, port), &html[body..]);
    // Printed from disk by a browser with script on and no lock of its own.
    let print = |html: &str, name: &str| {
        let (page, pdf) = (
            project.path().join(format!("{name}.html")),
            project.path().join(format!("{name}.pdf")),
        );
        fs::write(&page, html).unwrap();
        print_from_disk(&page, &pdf);
        tool("pdftotext", &[pdf.to_str().unwrap(), "-"])
    };
    let text = print(&attacked, "with-policy");
    assert!(text.contains("ATTACK-IN-PLACE") && text.contains("NO-SCRIPT"), "{text}");
    assert!(!text.contains("FILE-ON-THE-MACHINE"), "a file was shown:\n{text}");
    assert!(!text.contains("SCRIPT-RAN"), "script ran:\n{text}");
    assert_eq!(requests.load(Ordering::SeqCst), 0, "the image was fetched");
    // The same page without the policy loads and runs all of it: the test can tell.
    let text = print(&attacked.replacen(POLICY, "", 1), "without-policy");
    assert!(text.contains("FILE-ON-THE-MACHINE") && text.contains("SCRIPT-RAN"), "{text}");
    assert!(requests.load(Ordering::SeqCst) > 0);
}

#[test]
fn an_svg_image_in_the_edition_can_neither_fetch_nor_run() {
    if !tools_or_skip("an_svg_image_in_the_edition_can_neither_fetch_nor_run") {
        return;
    }
    let project = Project::minimal();
    let (port, requests) = counting_service();
    project.file("content/narrative/intro.md", "---\ntitle: Intro\n---\n![Kort](kort.svg)\n");
    project.file(
        "content/narrative/kort.svg",
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"100\">\
             <text x=\"5\" y=\"20\" id=\"t\">SVG-TEXT</text>\
             <script>document.getElementById('t').textContent = 'SCRIPT-RAN'</script>\
             <image href=\"http://127.0.0.1:{port}/x.png\" width=\"10\" height=\"10\"/>\
             <foreignObject y=\"30\" width=\"300\" height=\"60\"><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"http://127.0.0.1:{port}/frame\"></iframe></foreignObject>\
             </svg>"
        ),
    );
    project.build();
    // Inlined as an image, which no browser lets run script or fetch, under
    // a policy that allows images from `data:` alone.
    let html = project.page("print.html");
    assert!(html.contains("<img src=\"data:image/svg+xml;base64,"), "{html}");
    assert!(html.contains(POLICY));
    let run = project.run(&["pdf"]).success();
    assert!(run.stdout.starts_with("stratdoc: printed "), "{}", run.stdout);
    let pdf = project.path().join("print.pdf");
    print_from_disk(&project.path().join("public/print.html"), &project.path().join("disk.pdf"));
    for pdf in [pdf, project.path().join("disk.pdf")] {
        let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        assert!(!text.contains("SCRIPT-RAN"), "{text}");
    }
    assert_eq!(requests.load(Ordering::SeqCst), 0, "the SVG fetched something");
}

// ---------- Fake browsers: the process tree and the work folder ----------

/// An executable shell script `name` in `dir`.
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, format!("#!/bin/sh\n{body}")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// A browser that notes its work folder's mode, starts a helper that keeps
/// writing into its profile, says it started, and then prints for 30 s.
const SLOW: &str = r#"for a in "$@"; do case "$a" in --user-data-dir=*) profile="${a#--user-data-dir=}";; esac; done
stat -c %a "$(dirname "$profile")" > "$MARKS/mode"
(i=0; while [ $i -lt 300 ]; do mkdir -p "$profile/Cache" 2>/dev/null; : > "$profile/Cache/f$i" 2>/dev/null; i=$((i+1)); sleep 0.05; done) &
echo $! > "$MARKS/helper"
: > "$MARKS/started"
sleep 30
"#;

/// A run of `stratdoc pdf` on `project` with `browser`, its temporary folder
/// `tmp` and marks folder `marks`.
fn spawn_pdf(project: &Project, browser: &Path, tmp: &Path, marks: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stratdoc"));
    command
        .arg("pdf")
        .current_dir(project.path())
        .env("STRATDOC_BROWSER", browser)
        .env("TMPDIR", tmp)
        .env("MARKS", marks)
        .env_remove("STRATDOC_PDF_TIMEOUT")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Waits for `child` at most `limit`; kills it (and fails) after that.
fn finish(mut child: Child, limit: Duration) -> (ExitStatus, String) {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("`stratdoc pdf` still ran after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    (output.status, String::from_utf8_lossy(&output.stderr).into_owned())
}

/// What is left in `tmp` a moment after the run (a helper still writing
/// would show up here).
fn leftovers(tmp: &Path) -> Vec<String> {
    std::thread::sleep(Duration::from_millis(500));
    fs::read_dir(tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Whether the process whose id is in `file` has ended.
fn ended(file: &Path) -> bool {
    let pid = fs::read_to_string(file).unwrap().trim().to_owned();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if stat.is_empty() || stat.rsplit(')').next().is_some_and(|s| s.starts_with(" Z")) {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn folders() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (tmp, marks) = (dir.path().join("tmp"), dir.path().join("marks"));
    fs::create_dir(&tmp).unwrap();
    fs::create_dir(&marks).unwrap();
    (dir, tmp, marks)
}

#[test]
fn a_helper_that_keeps_the_browsers_output_open_does_not_hang_pdf() {
    let project = Project::minimal();
    let (dir, tmp, marks) = folders();
    let browser = script(
        dir.path(),
        "browser",
        "sleep 30 &\necho $! > \"$MARKS/helper\"\necho printing >&2\nexit 0\n",
    );
    let started = Instant::now();
    let child = spawn_pdf(&project, &browser, &tmp, &marks).spawn().unwrap();
    let (status, stderr) = finish(child, Duration::from_secs(20));
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("exit status: 0, no PDF written: printing"), "{stderr}");
    assert!(ended(&marks.join("helper")), "the browser's helper outlived the print");
    assert_eq!(leftovers(&tmp), Vec::<String>::new());
}

#[test]
fn the_work_folder_is_private_and_goes_when_the_print_runs_out_of_time() {
    let project = Project::minimal();
    let (dir, tmp, marks) = folders();
    let browser = script(dir.path(), "browser", SLOW);
    let started = Instant::now();
    let child = spawn_pdf(&project, &browser, &tmp, &marks)
        .env("STRATDOC_PDF_TIMEOUT", "1")
        .spawn()
        .unwrap();
    let (status, stderr) = finish(child, Duration::from_secs(20));
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("it did not finish within 1 s"), "{stderr}");
    assert_eq!(fs::read_to_string(marks.join("mode")).unwrap().trim(), "700");
    assert!(ended(&marks.join("helper")), "the browser's helper outlived the print");
    assert_eq!(leftovers(&tmp), Vec::<String>::new());
}

#[test]
fn a_signal_while_printing_removes_the_work_folder_and_ends_stratdoc_as_it_asks() {
    use rustix::process::{Pid, Signal, kill_process};
    for signal in [Signal::TERM, Signal::INT] {
        let project = Project::minimal();
        let (dir, tmp, marks) = folders();
        let browser = script(dir.path(), "browser", SLOW);
        let child = spawn_pdf(&project, &browser, &tmp, &marks).spawn().unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        while !marks.join("started").exists() {
            assert!(Instant::now() < deadline, "the fake browser never started");
            std::thread::sleep(Duration::from_millis(20));
        }
        let pid = Pid::from_raw(i32::try_from(child.id()).unwrap()).unwrap();
        kill_process(pid, signal).unwrap();
        let (status, stderr) = finish(child, Duration::from_secs(10));
        assert_eq!(status.signal(), Some(signal.as_raw()), "{signal:?}: {status:?} {stderr}");
        assert!(stderr.contains("while printing; nothing was written"), "{stderr}");
        assert!(ended(&marks.join("helper")), "the browser's helper outlived the print");
        assert_eq!(leftovers(&tmp), Vec::<String>::new(), "{signal:?}");
        assert!(!project.path().join("print.pdf").exists());
    }
}

#[test]
fn a_print_timeout_that_is_not_a_number_is_a_usage_error() {
    let project = Project::minimal();
    let mut command = Command::new(env!("CARGO_BIN_EXE_stratdoc"));
    let output = command
        .args(["pdf", "--browser", "/bin/false"])
        .current_dir(project.path())
        .env("STRATDOC_PDF_TIMEOUT", "2m")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("STRATDOC_PDF_TIMEOUT must be a whole number of seconds above 0, not `2m`"),
        "{stderr}"
    );
}
