//! `--compare-to REV`: the project read from a git revision and compared
//! with the working tree, on the changes page and in the board edition;
//! the errors when it cannot be (exit 2); and each page's last change from
//! git, with the commit on the cover.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use crate::support::{Project, main_of};

/// Runs `git ARGS` in `dir` with a fixed author and date.
fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.invalid"])
        .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", "2027-03-04T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2027-03-04T12:00:00Z")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn commit(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

const REMOVED: &str = "---\ntitle: \"Retire paper referral forms\"\ndirections: [resilient-services]\nowner: Partnership Office\nstart: 2027-Q1\nend: 2027-Q4\nstatus: active\n---\nNo more paper.\n";
const ADDED: &str = "---\ntitle: \"Virtual wards\"\ndirections: [shared-care-record]\nowner: Partnership Office\nstart: 2028-Q1\nend: 2028-Q4\nstatus: planned\n---\nCare at home.\n";

/// The English fixture in a repository: tagged `approved` with one more
/// initiative, then changed and committed.
fn compared() -> Project {
    let project = Project::fixture("english");
    let dir = project.path();
    git(dir, &["init", "-q"]);
    project.file("content/initiatives/paper-forms.md", REMOVED);
    commit(dir, "approved");
    git(dir, &["tag", "approved"]);
    project.remove("content/initiatives/paper-forms.md");
    project.file("content/initiatives/virtual-wards.md", ADDED);
    let path = dir.join("content/initiatives/recovery-testing.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace("end: 2028-Q2\nstatus: planned", "end: 2028-Q4\nstatus: active");
    project.file("content/initiatives/recovery-testing.md", text);
    let path = dir.join("content/narrative/01-why-now.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace("That work is finished", "That work is largely finished");
    project.file("content/narrative/01-why-now.md", text);
    commit(dir, "revised");
    project
}

#[test]
fn the_changes_page_states_what_changed_since_the_revision_and_nothing_else() {
    let project = compared();
    project.run(&["build", "--compare-to", "approved"]).success();
    let page = project.page("changes.html");
    let main = main_of(&page);
    assert!(main.contains("<h1>Changes since approved</h1>"), "{main}");
    assert!(
        main.contains("1 initiative added, 1 removed, 1 delayed, 1 with a new status, 1 page with changed text."),
        "{main}"
    );
    assert!(
        main.contains(
            r#"<span class="change-tag">New</span> <a href="initiatives/virtual-wards.html">"#
        ),
        "{main}"
    );
    assert!(
        main.contains(r#"<span class="change-tag">Removed</span> Retire paper referral forms"#),
        "{main}"
    );
    assert!(main.contains(r#"Status: <del><span class="visually-hidden">deleted: </span>Planned</del> → <ins><span class="visually-hidden">inserted: </span>Active</ins>"#), "{main}");
    assert!(main.contains("(2 quarters later)"), "{main}");
    assert!(main.contains(r#"That work is <ins><span class="visually-hidden">inserted: </span>largely </ins>finished"#), "{main}");
    // Nothing else: one changed item, and one text.
    assert_eq!(main.matches(r#"class="change-tag""#).count(), 3, "{main}");
    assert_eq!(main.matches(r#"class="change-text""#).count(), 1, "{main}");
    assert!(
        project.page("index.html").contains(r#"<a href="changes.html">Changes since approved</a>"#)
    );
}

#[test]
fn the_board_edition_has_the_changes_as_an_appendix() {
    let project = compared();
    project.run(&["build", "--compare-to", "approved"]).success();
    let print = project.page("print.html");
    let appendix = &print[print.find(r#"id="changes""#).expect("an appendix")..];
    assert!(appendix.contains("Changes since approved"));
    assert!(appendix.contains("1 initiative added, 1 removed, 1 delayed"), "{appendix}");
    assert!(appendix.contains(r##"<a href="#"##), "items link to their pages in the edition");
    assert!(appendix.contains("Tested recovery for critical systems"));
    assert!(
        appendix.contains("<ins><span class=\"visually-hidden\">inserted: </span>largely </ins>")
    );
    assert!(print.contains(r##"<a href="#changes">"##), "listed in the contents");
}

#[test]
fn compare_to_in_the_config_compares_and_no_git_does_not() {
    let project = compared();
    let config = std::fs::read_to_string(project.path().join("stratdoc.yaml")).unwrap();
    project.file("stratdoc.yaml", format!("{config}compare_to: approved\n"));
    project.run(&["build"]).success();
    assert!(project.page("changes.html").contains("1 initiative added"));
    project.run(&["build", "--no-git"]).success();
    assert!(!project.path().join("public/changes.html").exists());
}

#[test]
fn a_revision_that_cannot_be_compared_with_is_exit_2_with_the_reason() {
    let outside = Project::fixture("english");
    outside
        .run(&["check", "--compare-to", "v1"])
        .code(2)
        .stderr_has("cannot compare with `v1`: `.` is not in a git repository");
    let project = compared();
    project
        .run(&["build", "--compare-to", "no-such-tag"])
        .code(2)
        .stderr_has("cannot compare with `no-such-tag`: no such revision");
    assert!(!project.path().join("public").exists(), "nothing written");
}

#[test]
fn a_project_in_a_subfolder_that_did_not_exist_at_the_revision_is_exit_2() {
    let repo = Project::empty();
    repo.file("README.md", "hello\n");
    git(repo.path(), &["init", "-q"]);
    commit(repo.path(), "first");
    git(repo.path(), &["tag", "before"]);
    let strategy = Project::fixture("english");
    copy(strategy.path(), &repo.path().join("strategy"));
    commit(repo.path(), "the strategy");
    let run = repo.run(&["check", "strategy", "--compare-to", "before"]).code(2);
    assert!(
        run.stderr.contains(
            "the project did not exist there: no `stratdoc.yaml` and `content/` in `strategy/`"
        ),
        "{}",
        run.stderr
    );
    repo.run(&["check", "strategy", "--compare-to", "HEAD"]).success();
}

#[test]
fn errors_at_the_revision_are_shown_at_their_file_and_line_there() {
    let project = Project::fixture("english");
    let dir = project.path();
    git(dir, &["init", "-q"]);
    let path = dir.join("content/initiatives/recovery-testing.md");
    let good = std::fs::read_to_string(&path).unwrap();
    project.file(
        "content/initiatives/recovery-testing.md",
        good.replace("status: planned", "status: planed"),
    );
    commit(dir, "broken");
    git(dir, &["tag", "broken"]);
    project.file("content/initiatives/recovery-testing.md", &good);
    commit(dir, "fixed");
    let run = project.run(&["build", "--compare-to", "broken"]).code(2);
    assert!(
        run.stderr.contains("broken:content/initiatives/recovery-testing.md:8:9"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("cannot compare with `broken`: the project there has 1 error"),
        "{}",
        run.stderr
    );
}

#[test]
fn pages_show_their_last_change_and_the_cover_its_commit() {
    let project = compared();
    project.run(&["build"]).success();
    let page = project.page("narrative/01-why-now.html");
    assert!(page.contains(r#"Last changed: <time datetime="2027-03-04">"#), "{page}");
    let print = project.page("print.html");
    assert!(print.contains("<dt>Built from commit</dt><dd><code>"), "the cover names the commit");
    // A page not yet committed has no last change (and is not looked for
    // back to the first commit); the committed ones keep theirs.
    let why = std::fs::read_to_string(project.path().join("content/narrative/01-why-now.md"));
    project.file(
        "content/narrative/04-next.md",
        why.unwrap().replace("Why a new strategy now", "What comes next"),
    );
    project.run(&["build"]).success();
    assert!(!project.page("narrative/04-next.html").contains("Last changed"));
    let page = project.page("narrative/01-why-now.html");
    assert!(page.contains(r#"Last changed: <time datetime="2027-03-04">"#), "{page}");
    project.run(&["build", "--no-git"]).success();
    assert!(!project.page("narrative/01-why-now.html").contains("Last changed"));
    assert!(!project.page("print.html").contains("Built from commit"));
    let outside = Project::fixture("english");
    outside.run_with_env(&["build"], &HashMap::new()).success();
    assert!(!outside.page("narrative/01-why-now.html").contains("Last changed"));
}

fn copy(from: &Path, to: &Path) {
    for entry in walk(from) {
        let rel = entry.strip_prefix(from).unwrap();
        let target = to.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_roadmap_shows_a_moved_initiatives_approved_period_behind_its_bar() {
    let project = compared();
    project.run(&["build", "--compare-to", "approved"]).success();
    let plan = project.page("initiatives/index.html");
    // The picture: one dashed outline (the one initiative moved), its
    // period in words, and the description says so.
    assert_eq!(plan.matches(r#"<rect class="rm-was""#).count(), 1, "{plan}");
    assert!(plan.contains("<title>was Q3 2027 – Q2 2028</title></rect>"), "{plan}");
    assert!(plan.contains("1 moved since approved: a dashed outline shows the period then."));
    // The table beside it, for every reader.
    let row = &plan[plan
        .find(r#"<th scope="row"><a href="../initiatives/recovery-testing.html""#)
        .expect("its row")..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(r#"<span class="was-period">(was Q3 2027 – Q2 2028)</span>"#), "{row}");
    assert_eq!(plan.matches(r#"class="was-period""#).count(), 1, "{plan}");
    // The board edition: the same outline and words.
    let print = project.page("print.html");
    assert_eq!(print.matches(r#"<rect class="rm-was""#).count(), 1);
    assert!(print.contains(r#"<span class="was-period">(was Q3 2027 – Q2 2028)</span>"#));
    // Without a comparison, none.
    project.run(&["build"]).success();
    assert!(!project.page("initiatives/index.html").contains("rm-was"));
}

#[test]
fn strategy_json_carries_the_comparison_and_follows_its_schema() {
    let project = compared();
    project.run(&["build", "--compare-to", "approved"]).success();
    let json: serde_json::Value =
        serde_json::from_slice(&crate::exports::read(&project, "strategy.json")).unwrap();
    crate::exports::shipped_validator(&project)(&json).expect("valid against its schema");
    let changes = &json["changes"];
    assert_eq!(changes["since"], "approved");
    assert_eq!(changes["summary"]["added"], 1);
    assert_eq!(changes["summary"]["delayed"], 1);
    let items = changes["items"].as_array().unwrap();
    let moved = items.iter().find(|i| i["id"] == "recovery-testing").expect("the moved one");
    assert_eq!(moved["change"], "changed");
    let end = moved["facts"].as_array().unwrap().iter().find(|f| f["field"] == "end").unwrap();
    assert_eq!(
        (&end["from"], &end["to"], &end["quarters"]),
        (&"2028-Q2".into(), &"2028-Q4".into(), &2.into())
    );
    assert!(items.iter().any(|i| i["id"] == "virtual-wards" && i["change"] == "added"));
    assert!(items.iter().any(|i| i["id"] == "paper-forms" && i["change"] == "removed"));
    assert_eq!(changes["pages"][0]["path"], "narrative/01-why-now.md");
    // Without a comparison the key is there, null.
    project.run(&["build"]).success();
    let json: serde_json::Value =
        serde_json::from_slice(&crate::exports::read(&project, "strategy.json")).unwrap();
    assert!(json["changes"].is_null());
}

/// The issue's own trial, on the example: tag it, change one initiative's
/// status and end quarter and one paragraph of a chapter, commit, and
/// compare: the changes page and the board edition state exactly those
/// changes and nothing else.
#[test]
fn the_example_compared_with_its_tag_states_exactly_what_was_changed() {
    let project = Project::example();
    let dir = project.path();
    git(dir, &["init", "-q"]);
    commit(dir, "approved");
    git(dir, &["tag", "bestyrelse-2027"]);
    let edit = |path: &str, from: &str, to: &str| {
        let text = std::fs::read_to_string(dir.join(path)).unwrap();
        assert!(text.contains(from), "{path} has {from:?}");
        project.file(path, text.replacen(from, to, 1));
    };
    let soc = "content/initiatives/faelles-soc.md";
    edit(soc, "end: 2028-Q2\nstatus: active", "end: 2028-Q4\nstatus: paused");
    let why = "content/narrative/01-hvorfor-nu.md";
    edit(why, "Det arbejde har givet resultater", "Det arbejde har givet gode resultater");
    commit(dir, "revised");
    project.run(&["build", "--compare-to", "bestyrelse-2027"]).success();

    let changes = project.page("changes.html");
    let print = project.page("print.html");
    let appendix = &print[print.find(r#"id="changes""#).expect("an appendix")..];
    for (output, text) in [("changes.html", main_of(&changes)), ("print.html", appendix)] {
        for fact in [
            "1 initiativ forsinket, 1 med ny status, 1 side med ændret tekst.",
            "Fælles sikkerhedsovervågningscenter (SOC)",
            r#"Status: <del><span class="visually-hidden">slettet: </span>I gang</del> → <ins><span class="visually-hidden">indsat: </span>Sat på pause</ins>"#,
            "(2 kvartaler senere)",
            r#"Det arbejde har givet <ins><span class="visually-hidden">indsat: </span>gode </ins>resultater"#,
        ] {
            assert!(text.contains(fact), "{output}: {fact}\n{text}");
        }
        // Nothing else: one item changed in two facts, one text.
        assert_eq!(text.matches(r#"class="change-tag""#).count(), 1, "{output}: {text}");
        let items = &text[text.find(r#"class="changes-items""#).expect("the items")..];
        let items = &items[..items.find("</ul></li></ul>").expect("their end")];
        assert_eq!(items.matches("<li>").count(), 3, "{output}: the item and its two facts");
        assert_eq!(text.matches(r#"class="change-paragraph""#).count(), 1, "{output}");
    }
}
