//! `stratdoc serve` end to end: the real binary on a free port, read over
//! HTTP and through the event stream open pages listen to, while the test
//! edits the project as a writer would.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::serve::{Events, Server};
use crate::support::{MINIMAL, Project, browser_ready, snapshot};

/// The initiative's file, its page, and a word its text gets.
const SOC: &str = "content/initiatives/soc.md";
const SOC_PAGE: &str = "initiatives/soc.html";

/// The initiative, with a milestone (so the site has a calendar); its
/// `status` is on line 7.
const SOC_TEXT: &str = "---\ntitle: Fælles SOC\ndirections: [cyber]\nowner: Driftsudvalget\nstart: 2027-Q1\nend: 2027-Q4\nstatus: active\nmilestones:\n  - quarter: 2027-Q3\n    title: SOC i drift\n---\n## Indsats\n\nVi bygger et SOC.\n";

/// What no answer may ever carry: the text of a file outside the project.
const SECRET: &str = "TOPSECRET-outside-the-project";

/// A small project in `site/` of a temporary folder, beside a file that is
/// outside it (`secret.txt`), so `..` from the project's root reaches it.
struct Site {
    dir: Project,
}

impl Site {
    fn new() -> Site {
        let dir = Project::empty();
        for (path, text) in MINIMAL {
            dir.file(&format!("site/{path}"), text);
        }
        dir.file(&format!("site/{SOC}"), SOC_TEXT)
            .file("site/content/guides/howto.md", "# Vejledning\n\nSådan gør du.\n")
            .file("site/content/data.csv", "a,b\n1,2\n")
            .file(
                "site/content/kort.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n",
            )
            .file("secret.txt", SECRET);
        Site { dir }
    }

    /// The project folder.
    fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    /// The file outside the project.
    fn secret(&self) -> PathBuf {
        self.dir.path().join("secret.txt")
    }

    /// Writes `text` to the project's file `path`.
    fn write(&self, path: &str, text: &str) {
        fs::write(self.root().join(path), text).unwrap();
    }

    /// `stratdoc serve site ARGS`, run from the folder around the project.
    fn serve(&self, args: &[&str]) -> Server {
        let mut all = vec!["site"];
        all.extend(args);
        Server::start(self.dir.path(), &all)
    }
}

/// `SOC_TEXT` with `words` added to its text.
fn soc_with(words: &str) -> String {
    format!("{SOC_TEXT}\n{words}\n")
}

/// A served page as it was built: without the script `serve` adds.
fn shown(page: &str) -> &str {
    page.rfind("<script>").map_or(page, |at| &page[..at])
}

/// Waits until the server has sent every event of the builds under way, so
/// the next edit's events are its own.
fn settle(events: &Events) {
    events.settle(Duration::from_millis(400));
}

#[test]
fn an_edit_reloads_the_page_and_an_error_shows_over_the_last_good_one() {
    let site = Site::new();
    let before = snapshot(&site.root());
    let mut server = site.serve(&[]);
    let page = server.get(&format!("/{SOC_PAGE}"));
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Vi bygger et SOC."), "{}", page.text());
    let events = server.events();

    site.write(SOC, &soc_with("Nu med blåbærgrød."));
    events.reload_of(SOC_PAGE);
    assert!(server.get(&format!("/{SOC_PAGE}")).text().contains("Nu med blåbærgrød."));
    settle(&events);

    // A frontmatter error: named with its file and line, over the page,
    // which still shows the last build that worked.
    site.write(SOC, &soc_with("Nu med blåbærgrød.").replace("status: active", "status: actve"));
    let problems: serde_json::Value =
        serde_json::from_str(&events.problems_naming("actve")).unwrap();
    let first = &problems[0];
    assert_eq!(first["file"], SOC, "{problems}");
    assert_eq!(first["line"], 7, "{problems}");
    assert!(first["message"].as_str().is_some_and(|m| m.contains("actve")), "{problems}");
    let page = server.get(&format!("/{SOC_PAGE}")).text();
    assert!(page.contains("Nu med blåbærgrød."), "the last good page is still served");
    assert!(page.contains("window.stratdocProblems=") && page.contains(SOC), "{}", shown(&page));
    // The terminal says it too (after the event: wait for it).
    server.wait_for_log("content/initiatives/soc.md:7");

    // The next good save clears it.
    site.write(SOC, &soc_with("Nu med tyttebær."));
    events.cleared();
    events.reload_of(SOC_PAGE);
    let page = server.get(&format!("/{SOC_PAGE}")).text();
    assert!(page.contains("Nu med tyttebær."), "{}", shown(&page));
    assert!(!page.contains("window.stratdocProblems="), "{}", shown(&page));

    // Nothing was written into the project: no `public/`, no new file,
    // no file changed but the one edited.
    drop(server);
    let (mut before, mut after) = (before, snapshot(&site.root()));
    assert!(!site.root().join("public").exists());
    before.remove(&PathBuf::from(SOC));
    after.remove(&PathBuf::from(SOC));
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>());
    assert!(before == after, "a file of the project changed");
}

/// The same in a real browser, as a writer sees it (`gates/live.mjs`, which
/// says each step when it holds): the open page shows the problems over
/// itself when a save does not build (a modal dialog naming the file and
/// line, focus on its Close button, Escape closes it and gives focus back;
/// the page opened again shows it at once), and reloads by itself to the
/// new text when the next save builds.
#[test]
fn in_a_browser_a_failed_save_shows_its_problems_and_a_fix_reloads_the_page() {
    if !browser_ready("the live preview's browser test") {
        return;
    }
    let site = Site::new();
    let server = site.serve(&[]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("gates/live.mjs");
    let mut live = Command::new("node")
        .arg(script)
        .args([server.url(SOC_PAGE), format!("{SOC}:7")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs node");
    let mut steps = BufReader::new(live.stdout.take().unwrap()).lines();
    let mut step = |name: &str| {
        if steps.next().and_then(Result::ok).as_deref() != Some(name) {
            // The script has said why on stderr, and ended.
            let mut why = String::new();
            let _ = live.stderr.take().unwrap().read_to_string(&mut why);
            panic!("the browser never saw `{name}`: {why}\nserve:\n{}", server.log());
        }
    };
    step("opened");
    site.write(SOC, &soc_with("Nu med blåbærgrød.").replace("status: active", "status: actve"));
    step("problems");
    site.write(SOC, &soc_with("Nu med tyttebær."));
    writeln!(live.stdin.as_mut().unwrap(), "Nu med tyttebær.").unwrap();
    step("reloaded");
    assert!(live.wait().unwrap().success());
}

#[test]
fn what_is_not_in_the_site_is_refused_or_not_found() {
    let site = Site::new();
    let server = site.serve(&[]);
    let not_found = server.get("/404.html");
    assert_eq!(not_found.status, 200);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/a/../../secret.txt",
    ] {
        let got = server.get(path);
        assert_eq!(got.status, 400, "{path}");
        assert!(!got.text().contains(SECRET), "{path}");
    }
    for path in ["/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/missing.html", "/nope/"]
    {
        let got = server.get(path);
        assert_eq!(got.status, 404, "{path}");
        assert_eq!(shown(&got.text()), shown(&not_found.text()), "{path}: the theme's 404 page");
    }
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_project_is_never_followed() {
    let site = Site::new();
    let server = site.serve(&[]);
    assert_eq!(server.get("/data.csv").text(), "a,b\n1,2\n");
    let not_found = server.get("/404.html").text();
    let events = server.events();
    // A new link, and a file the last good build served turned into one:
    // the build refuses both, and the server must not read through them.
    std::os::unix::fs::symlink(site.secret(), site.root().join("content/leak.txt")).unwrap();
    fs::remove_file(site.root().join("content/data.csv")).unwrap();
    std::os::unix::fs::symlink(site.secret(), site.root().join("content/data.csv")).unwrap();
    let problems = events.problems();
    assert!(problems.contains("outside the project"), "{problems}");
    settle(&events);
    for path in ["/leak.txt", "/data.csv"] {
        let got = server.get(path);
        assert!(!got.text().contains(SECRET), "{path}");
        assert_eq!(got.status, 404, "{path}");
        assert_eq!(shown(&got.text()), shown(&not_found), "{path}: the theme's 404 page");
    }
    assert!(!server.log().contains(SECRET));
}

#[test]
fn each_file_is_served_with_its_media_type() {
    let site = Site::new();
    let server = site.serve(&[]);
    for (path, media) in [
        ("/", "text/html; charset=utf-8"),
        ("/initiatives/soc.html", "text/html; charset=utf-8"),
        ("/theme/style.css", "text/css; charset=utf-8"),
        ("/theme/search.js", "text/javascript; charset=utf-8"),
        ("/kort.svg", "image/svg+xml"),
        ("/data.csv", "text/csv; charset=utf-8"),
        ("/initiatives.csv", "text/csv; charset=utf-8"),
        ("/milestones.ics", "text/calendar; charset=utf-8"),
        ("/strategy.json", "application/json"),
    ] {
        let got = server.get(path);
        assert_eq!((got.status, got.content_type.as_str()), (200, media), "{path}");
    }
}

#[test]
fn served_pages_carry_the_live_script_and_built_pages_never_do() {
    let site = Site::new();
    let server = site.serve(&[]);
    for path in ["/", "/initiatives/soc.html", "/missing.html"] {
        let page = server.get(path).text();
        assert!(page.contains("/__stratdoc/events"), "{path}");
        let script = page.rfind("<script>").unwrap();
        assert!(script < page.rfind("</body>").unwrap(), "{path}: inside the body");
    }
    let print = server.get("/print.html").text();
    assert!(!print.contains("__stratdoc"), "the board edition runs no script");
    drop(server);

    let built = site.dir.run(&["build", "site"]).success();
    let public = snapshot(&site.root().join("public"));
    assert!(public.len() > 10, "{}", built.stdout);
    for (path, bytes) in public {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__stratdoc") && !text.contains("stratdocProblems"), "{path:?}");
    }
}

#[test]
fn another_interface_only_when_asked_and_with_a_warning() {
    let site = Site::new();
    let mut local = site.serve(&[]);
    let line = local.wait_for_log("http://");
    assert!(line.contains("http://127.0.0.1:"), "{line}");
    assert!(!local.log().contains("warning"), "{}", local.log());
    drop(local);

    let mut everywhere = site.serve(&["--bind", "0.0.0.0"]);
    let warning = everywhere.wait_for_log("warning:");
    assert!(warning.contains("anyone who can reach this machine"), "{warning}");
    assert_eq!(everywhere.get("/").status, 200);
}

#[test]
fn edits_saved_while_the_site_does_not_build_are_in_the_next_good_build() {
    let site = Site::new();
    let server = site.serve(&[]);
    let events = server.events();
    site.write(SOC, &SOC_TEXT.replace("status: active", "status: actve"));
    events.problems();
    let cyber = fs::read_to_string(site.root().join("content/directions/cyber.md")).unwrap();
    site.write("content/directions/cyber.md", &format!("{cyber}\nRobusthed for alle.\n"));
    events.problems();
    site.write(SOC, SOC_TEXT);
    events.reload_of(SOC_PAGE);
    settle(&events);
    let page = server.get("/directions/cyber.html").text();
    assert!(page.contains("Robusthed for alle."), "{}", shown(&page));
}

#[test]
fn a_logo_written_with_a_leading_dot_is_watched() {
    let site = Site::new();
    let svg = |name: &str| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"><title>{name}</title></svg>\n"
        )
    };
    site.write("logo.svg", &svg("Gammelt"));
    let config = fs::read_to_string(site.root().join("stratdoc.yaml")).unwrap();
    site.write("stratdoc.yaml", &format!("{config}logo: ./logo.svg\n"));
    let server = site.serve(&[]);
    assert!(server.get("/theme/logo.svg").text().contains("Gammelt"));
    let events = server.events();
    site.write("logo.svg", &svg("Nyt"));
    events.reload_of("theme/logo.svg");
    assert!(server.get("/theme/logo.svg").text().contains("Nyt"));
}

#[test]
fn a_page_whose_file_or_folder_is_gone_is_gone() {
    let site = Site::new();
    let server = site.serve(&[]);
    let events = server.events();
    assert_eq!(server.get("/guides/howto.html").status, 200);
    fs::remove_file(site.root().join("content/guides/howto.md")).unwrap();
    events.reload_of("guides/howto.html");
    assert_eq!(server.get("/guides/howto.html").status, 404);
    settle(&events);

    // A folder moved out of the project: the watcher sees only the folder.
    site.dir.file("site/content/referater/maj.md", "# Maj\n\nReferat.\n");
    events.reload_of("referater/maj.html");
    assert_eq!(server.get("/referater/maj.html").status, 200);
    settle(&events);
    fs::rename(site.root().join("content/referater"), site.dir.path().join("referater")).unwrap();
    events.reload_of("referater/maj.html");
    assert_eq!(server.get("/referater/maj.html").status, 404);
}

#[test]
fn a_project_that_has_never_built_shows_why_and_reloads_when_it_does() {
    let site = Site::new();
    site.write(SOC, &SOC_TEXT.replace("status: active", "status: actve"));
    let mut server = site.serve(&[]);
    server.wait_for_log("content/initiatives/soc.md:7");
    let page = server.get(&format!("/{SOC_PAGE}"));
    assert_eq!(page.status, 503);
    assert!(page.content_type.starts_with("text/html"), "{}", page.content_type);
    let text = page.text();
    assert!(text.contains("does not build yet"), "{text}");
    assert!(text.contains("window.stratdocProblems=") && text.contains("actve"), "{text}");

    let events = server.events();
    site.write(SOC, SOC_TEXT);
    events.cleared();
    events.reload_of(SOC_PAGE);
    let page = server.get(&format!("/{SOC_PAGE}"));
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Vi bygger et SOC."), "{}", shown(&page.text()));
}

#[test]
fn warnings_are_said_in_the_terminal_when_they_change() {
    let site = Site::new();
    let howto = "content/guides/howto.md";
    site.write(howto, "---\ntitle: Vejledning\nweigth: 3\n---\nSådan gør du.\n");
    let mut server = site.serve(&[]);
    let warning = server.wait_for_log("weigth");
    assert!(server.log().contains("content/guides/howto.md:3"), "{warning}\n{}", server.log());
    let said = server.log().matches("weigth").count();

    let events = server.events();
    site.write(howto, "---\ntitle: Vejledning\n---\nSådan gør du.\n");
    events.reload_of("guides/howto.html");
    server.wait_for_log("no warnings left");
    assert_eq!(server.log().matches("weigth").count(), said, "said once:\n{}", server.log());
}

/// The first session, as a new user has it: `init`, then `serve`
/// on the starter; a typo in a key shows in the browser and the terminal
/// at its file and line, and the next save clears it.
#[test]
fn init_then_serve_shows_the_starter_and_a_misspelt_key_at_its_line() {
    let dir = crate::support::Project::empty();
    dir.run(&["init", "demo"]).success();
    let mut server = Server::start(dir.path(), &["demo"]);
    let front = server.get("/");
    assert_eq!(front.status, 200);
    assert!(front.text().contains("new EventSource("), "the page listens for changes");
    let file = "content/initiatives/beredskabsplan.md";
    let path = dir.path().join("demo").join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().nth(4), Some("owner: \"IT-chefen\""), "the owner is on line 5");
    let events = server.events();
    fs::write(&path, text.replace("owner: ", "ower: ")).unwrap();
    let problems: serde_json::Value =
        serde_json::from_str(&events.problems_naming("ower")).unwrap();
    assert_eq!(problems.as_array().map(Vec::len), Some(1), "one error, at the key: {problems}");
    assert_eq!(problems[0]["file"], file, "{problems}");
    assert_eq!(problems[0]["line"], 5, "{problems}");
    assert!(problems[0]["hint"].as_str().is_some_and(|h| h.contains("owner")), "{problems}");
    server.wait_for_log(&format!("{file}:5"));
    fs::write(&path, text).unwrap();
    events.cleared();
}

/// A save that leaves the file's size and modification time as they were
/// (a word swapped for one as long, within the clock's tick, or the time
/// set back by a tool) is still seen: the watcher's word is enough.
#[test]
fn an_edit_that_keeps_the_files_size_and_time_is_seen() {
    let site = Site::new();
    let server = site.serve(&[]);
    assert!(server.get(&format!("/{SOC_PAGE}")).text().contains("Vi bygger et SOC."));
    let events = server.events();
    let path = site.root().join(SOC);
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let same_length = SOC_TEXT.replace("Vi bygger et SOC.", "Vi drifter et SOC");
    assert_eq!(same_length.len(), SOC_TEXT.len());
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut &file, same_length.as_bytes()).unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    events.reload_of(SOC_PAGE);
    let page = server.get(&format!("/{SOC_PAGE}")).text();
    assert!(page.contains("Vi drifter et SOC"), "{}", shown(&page));
}

/// Pages unchanged since the last build are read again when the settings
/// change how they are read: here a key the settings now accept quietly.
#[test]
fn a_change_of_settings_reads_every_page_again() {
    let site = Site::new();
    let howto = "content/guides/howto.md";
    site.write(howto, "---\ntitle: Vejledning\nweight: 3\n---\nSådan gør du.\n");
    let mut server = site.serve(&[]);
    server.wait_for_log("weight");
    let events = server.events();
    let config = fs::read_to_string(site.root().join("stratdoc.yaml")).unwrap();
    site.write("stratdoc.yaml", &format!("{config}ignore_fields: [weight]\n"));
    events.reload_of("guides/howto.html");
    server.wait_for_log("no warnings left");
}

/// `serve` reports as `check` does with the same flags: JSON lines alone on
/// stdout (the lines for people on stderr), paths from where it was run,
/// and no line per build with `--quiet`.
#[test]
fn problems_are_printed_in_the_format_asked_for() {
    let site = Site::new();
    let howto = "content/guides/howto.md";
    site.write(howto, "---\ntitle: Vejledning\nweigth: 3\n---\nSådan gør du.\n");
    let mut server = site.serve(&["--message-format", "json", "--quiet"]);
    server.wait_for_log("weigth");
    let events = server.events();
    site.write(SOC, &soc_with("Nu med blåbærgrød."));
    events.reload_of(SOC_PAGE);
    let stdout = server.stdout();
    let records: Vec<serde_json::Value> =
        stdout.lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect();
    assert_eq!(records.len(), 1, "said once, on stdout:\n{}", server.log());
    assert_eq!(records[0]["path"], format!("site/{howto}"), "{stdout}");
    assert_eq!(records[0]["line"], 3, "{stdout}");
    assert_eq!(records[0]["severity"], "warning", "{stdout}");
    assert!(server.log().contains("serving "), "where it serves, on stderr");
    assert!(!server.log().contains("built "), "{}", server.log());
}

/// With `--deny-warnings`, a change with a warning does not build, as with
/// `build`: the warning shows over the last good page.
#[test]
fn with_deny_warnings_a_warning_shows_over_the_last_good_page() {
    let site = Site::new();
    let mut server = site.serve(&["--deny-warnings"]);
    let events = server.events();
    let howto = "content/guides/howto.md";
    site.write(howto, "---\ntitle: Vejledning\nweigth: 3\n---\nSådan gør vi nu.\n");
    let said = events.problems_naming("weigth");
    let problems: serde_json::Value = serde_json::from_str(&said).unwrap();
    assert!(problems.as_array().unwrap().iter().any(|p| p["severity"] == "warning"), "{said}");
    server.wait_for_log("denied by `--deny-warnings`");
    let page = server.get("/guides/howto.html").text();
    assert!(page.contains("Sådan gør du."), "the last good page: {}", shown(&page));
}
