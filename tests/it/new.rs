//! `stratdoc new KIND "Title"`: a page of every kind that builds as it is
//! written, named from its title, numbered on from the kind's pages, its
//! title kept exactly; never an overwrite, an unknown kind or a page that
//! would not build.

use std::fs;

use stratdoc::schema::{Home, Schema};

use crate::support::{Project, main_of, snapshot};

const TITLE: &str = "Æblegrød på første år";
const SLUG: &str = "aeblegroed-paa-foerste-aar";

/// The page of `path` (under `content/`) in the built `strategy.json`.
fn built_page(project: &Project, path: &str) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(&project.page("strategy.json")).unwrap();
    let pages = json["pages"].as_array().unwrap();
    let page = pages.iter().find(|p| p["path"] == path);
    page.unwrap_or_else(|| panic!("no page {path} in strategy.json")).clone()
}

/// `text` escaped as the pages show it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn a_new_page_of_every_kind_builds_and_shows_its_title() {
    for language in ["da", "en"] {
        let project = Project::empty();
        project.run(&["init", ".", "--language", language, "--quiet"]).success();
        project.remove("content/purpose.md");
        let mut made = Vec::new();
        for (_, kind) in Schema::builtin().kinds() {
            let run = project.run(&["new", &kind.id, TITLE]).success();
            let path = match &kind.home {
                Home::File(file) => file.clone(),
                Home::Folder(folder) if folder == "narrative" => format!("{folder}/02-{SLUG}.md"),
                Home::Folder(folder) => format!("{folder}/{SLUG}.md"),
                Home::Anywhere => format!("{SLUG}.md"),
            };
            assert_eq!(
                run.stdout,
                format!(
                    "stratdoc: made content/{path}; next: fill it in, and see it with `stratdoc serve --open`\n"
                ),
                "{language} {}",
                kind.id
            );
            assert_eq!(run.stderr, "");
            made.push((kind.id.clone(), path));
        }
        // The only warning is the one a new direction has until an
        // initiative serves it.
        let run = project.run(&["build", "--message-format", "short"]).success();
        let warnings: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(
            warnings,
            [format!(
                "content/directions/{SLUG}.md:1:1: warning: no initiative serves the direction `{SLUG}` (help: name it in an initiative's `directions`, e.g. `directions: [{SLUG}]`)"
            )],
            "{language}"
        );
        for (kind, path) in &made {
            let page = built_page(&project, path);
            assert_eq!(
                (page["kind"].as_str(), page["title"].as_str()),
                (Some(kind.as_str()), Some(TITLE))
            );
            let url = page["url"].as_str().unwrap();
            let html =
                if kind == "purpose" { project.page("print.html") } else { project.page(url) };
            assert!(html.contains(TITLE), "{language} {kind}: {url} lacks the title");
        }
    }
}

#[test]
fn numbered_kinds_get_the_next_free_number() {
    let project = Project::example();
    project.run(&["new", "narrative", TITLE]).success();
    let chapter =
        fs::read_to_string(project.path().join(format!("content/narrative/05-{SLUG}.md"))).unwrap();
    assert!(chapter.contains("\norder: 5 "), "{chapter}");
    project.run(&["new", "sigtelinje", TITLE]).success();
    let direction =
        fs::read_to_string(project.path().join(format!("content/directions/{SLUG}.md"))).unwrap();
    assert!(direction.contains("\norder: 6 "), "{direction}");
    project.build();
    let fourth = project.page("narrative/04-fra-retning-til-handling.html");
    assert!(fourth.contains(&format!("05-{SLUG}.html")), "the new chapter comes after the fourth");
    // Initiatives numbered `number: "1.9"` go on at 1.10.
    let project = Project::minimal();
    for (id, number) in [("a", "1.9"), ("b", "1.2")] {
        project.file(
            &format!("content/initiatives/{id}.md"),
            format!("---\ntitle: {id}\nnumber: \"{number}\"\ndirections: [cyber]\nowner: X\n---\n"),
        );
    }
    project.run(&["new", "initiative", TITLE]).success();
    let made =
        fs::read_to_string(project.path().join(format!("content/initiatives/{SLUG}.md"))).unwrap();
    assert!(made.contains("\nnumber: \"1.10\" "), "{made}");
    assert!(made.contains("\ndirections: [cyber] "), "{made}");
    let run = project.run(&["check", "--deny-warnings"]).success();
    assert_eq!(run.stderr, "");
}

#[test]
fn every_commented_field_builds_when_its_hash_is_removed() {
    let project = Project::example();
    for kind in ["narrative", "direction", "initiative", "analysis", "page"] {
        project.run(&["new", kind, TITLE, "--quiet"]).success();
    }
    for entry in walkdir::WalkDir::new(project.path().join("content")) {
        let path = entry.unwrap().into_path();
        if path.to_string_lossy().contains(SLUG) {
            let text = fs::read_to_string(&path).unwrap();
            let open: Vec<String> = text
                .lines()
                .map(|l| match l.strip_prefix("# ") {
                    Some(rest) if !rest.starts_with("draft:") => rest.to_owned(),
                    _ => l.to_owned(),
                })
                .collect();
            fs::write(&path, open.join("\n")).unwrap();
        }
    }
    let run = project.run(&["check", "--message-format", "short"]).success();
    assert!(!run.stderr.contains(": error:"), "{}", run.stderr);
    assert!(run.stderr.contains("warning: no initiative serves"), "it was read: {}", run.stderr);
}

#[test]
fn a_kind_is_named_by_its_id_folder_or_words() {
    let project = Project::minimal();
    for (asked, title) in [("initiativer", "En"), ("INITIATIV", "To"), ("Handlingsplan", "Tre")] {
        project.run(&["new", asked, title, "--quiet"]).success();
    }
    for name in ["en", "to", "tre"] {
        assert!(project.path().join(format!("content/initiatives/{name}.md")).is_file(), "{name}");
    }
    let before = snapshot(project.path());
    let run = project.run(&["new", "inititive", TITLE]).code(2);
    assert_eq!(
        run.stderr,
        "error: there is no kind `inititive`; did you mean `initiative`? the kinds are purpose, narrative, direction, initiative, analysis, page (or their folders, or their names in the site's language)\n"
    );
    assert_eq!(run.stdout, "");
    assert!(before == snapshot(project.path()), "nothing was written");
}

#[test]
fn titles_round_trip_exactly() {
    let project = Project::minimal();
    let titles = [
        ("Mål: 100 %", "maal-100"),
        ("- dash", "dash"),
        ("# hash", "hash"),
        ("\"quoted\" and 'single'", "quoted-and-single"),
        ("back\\slash: {curly} [square] &anchor *alias", "backslash-curly-square-anchor-alias"),
        ("yes", "yes"),
        ("2027", "2027"),
        ("<b>bold</b>", "bbold-b"),
    ];
    for (title, slug) in titles {
        project.run(&["new", "page", title]).success();
        assert!(project.path().join(format!("content/{slug}.md")).is_file(), "{title}");
    }
    project.run(&["new", "initiative", "  Mål:\n100 %  "]).success();
    project.build();
    for (title, slug) in titles {
        assert_eq!(built_page(&project, &format!("{slug}.md"))["title"], title);
        let html = project.page(&format!("{slug}.html"));
        assert!(main_of(&html).contains(&format!(">{}<", escaped(title))), "{title}");
    }
    let initiative = built_page(&project, "initiatives/maal-100.md");
    assert_eq!(initiative["title"], "Mål: 100 %", "white space tidied");
}

#[test]
fn a_title_that_names_no_file_is_refused() {
    let project = Project::minimal();
    let before = snapshot(project.path());
    for (title, says) in [
        ("", "error: the title is empty"),
        ("  \n ", "error: the title is empty"),
        ("?!…", "error: the title `?!…` has no letter a–z or digit to name its file with"),
    ] {
        let run = project.run(&["new", "page", title]).code(2);
        assert!(run.stderr.starts_with(says), "{title:?}: {}", run.stderr);
    }
    assert!(before == snapshot(project.path()), "nothing was written");
}

#[test]
fn a_file_is_never_overwritten() {
    let project = Project::minimal();
    project.run(&["new", "initiative", TITLE]).success();
    let path = format!("content/initiatives/{SLUG}.md");
    project.file(&path, "---\ntitle: Mine\ndirections: [cyber]\nowner: Me\n---\nMy words.\n");
    let before = fs::read(project.path().join(&path)).unwrap();
    let run = project.run(&["new", "initiativer", TITLE]).code(2);
    assert_eq!(
        run.stderr,
        format!(
            "error: refusing to write to `{path}`: it exists; `stratdoc new` never overwrites a file\n"
        )
    );
    assert_eq!(fs::read(project.path().join(&path)).unwrap(), before, "byte for byte");
    // The purpose is one file, there already.
    let run = project.run(&["new", "purpose", "Et andet formål"]).code(2);
    assert!(run.stderr.contains("`content/purpose.md`: it exists"), "{}", run.stderr);
    // A plain page named as the purpose's file would be the purpose.
    project.remove("content/purpose.md");
    let run = project.run(&["new", "page", "Purpose"]).code(2);
    assert!(run.stderr.contains("a file there is a `purpose`, not a `page`"), "{}", run.stderr);
}

#[test]
fn a_page_that_would_not_build_is_not_written() {
    let project = Project::minimal();
    let before = snapshot(project.path());
    // A direction called "Index" would take the overview's address.
    let run = project.run(&["new", "direction", "Index"]).code(2);
    assert!(
        run.stderr
            .contains("`content/directions/index.md` would be written to `directions/index.html`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("┌─ content/directions/index.md:1:1"), "{}", run.stderr);
    assert!(
        run.stderr.ends_with(
            "error: refusing to write to `content/directions/index.md`: the project would not build with it (see above)\n"
        ),
        "{}",
        run.stderr
    );
    assert!(before == snapshot(project.path()), "nothing was written");
    // Nor one that would clash with a page there: `Æblegrød.md` has the
    // address `aeblegroed.html` too.
    project.file(
        "content/initiatives/Æblegrød.md",
        "---\ntitle: X\ndirections: [cyber]\nowner: Y\n---\n",
    );
    let run = project.run(&["new", "initiative", "Æblegrød"]).code(2);
    assert!(
        run.stderr.contains("would both be written to `initiatives/aeblegroed.html`"),
        "{}",
        run.stderr
    );
    assert!(!project.path().join("content/initiatives/aeblegroed.md").exists());
    // The project's own errors (`owner: Y`) are `check`'s to report: they
    // neither show here nor stop a page that clashes with nothing.
    assert!(!run.stderr.contains("means false"), "{}", run.stderr);
    let run = project.run(&["new", "initiative", "Æblegrød II"]).success();
    assert_eq!(run.stderr, "");
    project.remove("content/initiatives/aeblegroed-ii.md");
    project.remove("content/initiatives/Æblegrød.md");
    // An initiative must serve a direction: without one, make one first.
    project.remove("content/directions/cyber.md");
    let before = snapshot(project.path());
    let run = project.run(&["new", "initiative", TITLE]).code(2);
    assert_eq!(
        run.stderr,
        "error: an `initiative` must name a `direction` in `directions`, and there is none yet; make one first: `stratdoc new direction \"…\"`\n"
    );
    assert!(before == snapshot(project.path()), "nothing was written");
}

#[test]
fn new_makes_the_kinds_folder_and_speaks_from_where_it_was_run() {
    let project = Project::empty();
    project.run(&["init", "demo", "--language", "en", "--quiet"]).success();
    assert!(!project.path().join("demo/content/analysis").exists());
    let run = project.run(&["new", "analysis", "Survey", "demo"]).success();
    assert_eq!(
        run.stdout,
        "stratdoc: made demo/content/analysis/survey.md; next: fill it in, and see it with `stratdoc serve demo --open`\n"
    );
    assert!(project.path().join("demo/content/analysis/survey.md").is_file());
    let run = project.run(&["new", "analysis", "Interviews", "demo", "--quiet"]).success();
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""), "--quiet says nothing");
    let run = project.run(&["new", "page", "X", "nowhere"]).code(2);
    assert!(run.stderr.contains("`nowhere` is not a stratdoc project"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn new_writes_into_no_folder_outside_the_project() {
    let project = Project::minimal();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), project.path().join("content/analysis")).unwrap();
    let run = project.run(&["new", "analysis", TITLE]).code(2);
    assert!(
        run.stderr.contains(&format!(
            "refusing to write to `content/analysis/{SLUG}.md`: `content/analysis` is a symbolic link to a place outside the project"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 0, "nothing written outside");
}
