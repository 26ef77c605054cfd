//! Nothing private is published: a file or folder with a hidden name
//! (`.git`, `.env`, any name starting with `.`) never reaches the site,
//! whether it is named directly or reached through a symbolic link that
//! stays inside the project. Each private file holds a unique string that
//! must appear in no output, nor on stdout or stderr.

use std::fs;
use std::os::unix::fs::symlink;

use crate::support::{Project, snapshot};

const PRIVATE: &str = "PRIVATE-4b1e9d-not-for-the-site";

/// The minimal project with the private files a working copy has.
fn with_private_files() -> Project {
    let project = Project::minimal();
    project.file(".git/config", format!("[remote \"origin\"]\n\turl = https://{PRIVATE}@git\n"));
    project.file(".git/HEAD", format!("ref: refs/heads/{PRIVATE}\n"));
    project.file(".env", format!("DEPLOY_TOKEN={PRIVATE}\n"));
    project.file(".private/svar/svar.csv", format!("spørgsmål,antal\n{PRIVATE},1\n"));
    project
}

/// `build` and `check` exit with `code` and every line of `message`, and
/// the private string is in no output.
fn refused(project: &Project, code: i32, message: &str) {
    for args in [&["build"][..], &["check"][..]] {
        let run = project.run(args).code(code).stderr_has(message);
        assert!(!run.stdout.contains(PRIVATE) && !run.stderr.contains(PRIVATE), "{run:?}");
        published_nowhere(project);
    }
}

fn published_nowhere(project: &Project) {
    for (path, bytes) in snapshot(&project.path().join("public")) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(PRIVATE),
            "public/{} is private",
            path.display()
        );
    }
}

#[test]
fn a_link_in_content_to_a_hidden_file_or_folder_is_an_error_at_the_link() {
    let project = with_private_files();
    let cases = [
        ("content/git-config", "../.git/config", "`content/git-config` leads to `.git/config`"),
        ("content/repo", "../.git", "`content/repo` leads to `.git`, which is hidden"),
        ("content/bilag/miljø.txt", "../../.env", "`content/bilag/miljø.txt` leads to `.env`"),
        // A folder linked in, whose real path passes through a dot-folder.
        (
            "content/analysis/svar",
            "../../.private/svar",
            "`content/analysis/svar` leads to `.private/svar`",
        ),
    ];
    fs::create_dir_all(project.path().join("content/bilag")).unwrap();
    fs::create_dir_all(project.path().join("content/analysis")).unwrap();
    for (link, target, message) in cases {
        symlink(target, project.path().join(link)).unwrap();
        refused(
            &project,
            1,
            &format!(
                "error: {message}\nstratdoc never publishes or reads hidden files and folders"
            ),
        );
        fs::remove_file(project.path().join(link)).unwrap();
    }
    // A chain of links: each is judged by where the last one leads.
    symlink("../.env", project.path().join("content/b.txt")).unwrap();
    symlink("b.txt", project.path().join("content/a.txt")).unwrap();
    refused(
        &project,
        1,
        "error: `content/a.txt` leads to `.env`, which is hidden\nerror: `content/b.txt` leads to `.env`",
    );
}

#[test]
fn a_hidden_logo_is_a_config_error_at_the_logo_line() {
    let project = with_private_files();
    project.file("content/.hemmelig.png", PRIVATE);
    symlink(".env", project.path().join("logo.png")).unwrap();
    for (logo, message) in [
        (".git/config", "error: the logo `.git/config` is hidden"),
        ("content/.hemmelig.png", "error: the logo `content/.hemmelig.png` is hidden"),
        ("logo.png", "error: the logo `logo.png` leads to `.env`, which is hidden"),
    ] {
        project.file("stratdoc.yaml", format!("title: T\nlogo: {logo}\n"));
        refused(&project, 2, &format!("{message}\n┌─ stratdoc.yaml:2:7"));
    }
}

#[test]
fn theme_files_and_templates_linked_to_hidden_files_are_refused() {
    let project = with_private_files();
    project.file("stratdoc.yaml", "title: T\ntheme: mine\n");
    project.file("themes/mine/static/own.css", "p {}");
    symlink("../../../.env", project.path().join("themes/mine/static/env.css")).unwrap();
    project.file("templates/list.html", "{% extends \"base.html\" %}");
    symlink("../.git/config", project.path().join("templates/page.html")).unwrap();
    refused(
        &project,
        2,
        "error: `themes/mine/static/env.css` leads to `.env`, which is hidden\nerror: `templates/page.html` leads to `.git/config`",
    );
}

/// The other choice, kept: a hidden file that simply lies in `content/`
/// (`.DS_Store`, an editor's backup, `.well-known/`) is left out without a
/// word, as every working copy has them and no writer meant to publish them.
#[test]
fn hidden_files_lying_in_content_are_left_out_without_a_word() {
    let project = with_private_files();
    project.file("content/.DS_Store", PRIVATE);
    project.file("content/initiatives/.soc.md.swp", PRIVATE);
    project.file("content/.well-known/security.txt", PRIVATE);
    project.file("content/billeder/.udkast/kort.png", PRIVATE);
    let run = project.build();
    assert!(!run.stderr.contains("hidden") && !run.stderr.contains("warning"), "{run:?}");
    published_nowhere(&project);
    assert!(!project.path().join("public/.well-known").exists());
}

#[test]
fn a_link_or_data_naming_a_hidden_file_says_it_is_hidden_where_it_is_named() {
    let project = with_private_files();
    project.file("content/analysis/.svar.csv", format!("spørgsmål,antal\n{PRIVATE},1\n"));
    project.file(
        "content/analysis/svar.md",
        "---\ntitle: Svar\ndata: .svar.csv\n---\nSe [svarene](.svar.csv) og ![kort](../.udkast/kort.png).\n",
    );
    refused(
        &project,
        1,
        "error: data file `content/analysis/.svar.csv` is hidden (a name in its path starts with `.`)\n┌─ content/analysis/svar.md:3:7\nerror: `.svar.csv` is hidden\n┌─ content/analysis/svar.md:5:4\nerror: `../.udkast/kort.png` is hidden\n┌─ content/analysis/svar.md:5:28",
    );
}
