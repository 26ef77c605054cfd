//! `stratdoc init`: a new project that builds with no warning in either
//! language, made only in an empty folder (or with `--force`), never
//! overwriting a file; its `.gitignore` and CI workflow.

use std::fs;
use std::process::Command;

use crate::support::{Project, snapshot};

#[test]
fn init_then_build_has_no_warning_in_either_language() {
    for (language, lang, initiative) in [
        ("da", "lang=\"da\"", "Beredskabsplan for IT"),
        ("en", "lang=\"en\"", "IT continuity plan"),
    ] {
        let project = Project::empty();
        let run = project.run(&["init", "demo", "--language", language]).success();
        assert!(
            run.stdout
                .starts_with("stratdoc: made 10 files of a new strategy in demo; next: `cd demo`"),
            "{}",
            run.stdout
        );
        assert_eq!(run.stderr, "", "{language}");
        let run = project.run(&["build", "demo", "--deny-warnings"]).success();
        assert_eq!(run.stderr, "", "{language}: no diagnostics");
        assert!(run.stdout.contains(", 0 warnings in "), "{}", run.stdout);
        let plan =
            fs::read_to_string(project.path().join("demo/public/initiatives/index.html")).unwrap();
        assert!(plan.contains(lang) && plan.contains(initiative), "{language}");
        let run = project.run(&["check", "demo", "--message-format", "json"]).success();
        assert_eq!(run.stdout, "", "{language}: no problem for tools either");
    }
}

#[test]
fn init_makes_the_current_folder_a_project() {
    let project = Project::empty();
    let run = project.run(&["init", "--quiet"]).success();
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""), "--quiet says nothing");
    assert!(project.path().join("stratdoc.yaml").is_file());
    project.run(&["check"]).success();
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let project = Project::empty();
    project.file("demo/notes.txt", "mine");
    let run = project.run(&["init", "demo"]).code(2);
    assert!(
        run.stderr.contains("error: refusing to write to `demo`: the folder is not empty"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(&project.path().join("demo")).len(), 1, "nothing was added");
    // A fresh clone or `git init` is a place to start.
    project.file("clone/.git/HEAD", "ref: refs/heads/main\n");
    project.run(&["init", "clone"]).success();
    assert!(project.path().join("clone/content/purpose.md").is_file());
}

#[test]
fn init_never_overwrites_a_file_even_with_force() {
    let project = Project::empty();
    project.file("demo/stratdoc.yaml", "title: Min egen\n");
    project.file("demo/content/purpose.md", "---\ntitle: Mit formål\n---\n");
    let run = project.run(&["init", "demo", "--force"]).success();
    assert!(run.stdout.contains("made 8 files"), "{}", run.stdout);
    for kept in ["demo/stratdoc.yaml", "demo/content/purpose.md"] {
        assert!(
            run.stderr.contains(&format!("warning: `{kept}` exists; left as it is")),
            "{}",
            run.stderr
        );
    }
    let config = fs::read_to_string(project.path().join("demo/stratdoc.yaml")).unwrap();
    assert_eq!(config, "title: Min egen\n");
    assert!(project.path().join("demo/content/initiatives/datakatalog.md").is_file());
    // Again: every file is there, and none changes.
    let before = snapshot(&project.path().join("demo"));
    let run = project.run(&["init", "demo", "--force"]).success();
    assert!(run.stdout.contains("made 0 files"), "{}", run.stdout);
    assert!(before == snapshot(&project.path().join("demo")), "a file changed");
}

#[cfg(unix)]
#[test]
fn init_writes_through_no_symbolic_link() {
    let project = Project::empty();
    project.file("elsewhere/keep.txt", "x");
    fs::create_dir_all(project.path().join("demo")).unwrap();
    let target = project.path().join("elsewhere/stratdoc.yaml");
    std::os::unix::fs::symlink(&target, project.path().join("demo/stratdoc.yaml")).unwrap();
    let run = project.run(&["init", "demo", "--force"]).success();
    assert!(run.stderr.contains("`demo/stratdoc.yaml` exists"), "{}", run.stderr);
    assert!(!target.exists(), "written through the link");
}

#[test]
fn the_starter_keeps_its_outputs_out_of_git() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("SKIPPED: no git");
        return;
    }
    let project = Project::empty();
    project.run(&["init", "."]).success();
    project.build();
    fs::write(project.path().join("print.pdf"), b"%PDF").unwrap();
    let git = |args: &[&str]| {
        let out = Command::new("git").args(args).current_dir(project.path()).output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    git(&["init", "-q"]);
    let status = git(&["status", "--porcelain", "--untracked-files=all"]);
    assert!(!status.contains("public/") && !status.contains("print.pdf"), "{status}");
    assert!(status.contains(".github/workflows/stratdoc.yml"), "{status}");
}

#[test]
fn the_starter_workflow_checks_for_annotations_and_publishes_with_pages() {
    let project = Project::empty();
    project.run(&["init", "."]).success();
    let text = fs::read_to_string(project.path().join(".github/workflows/stratdoc.yml")).unwrap();
    let workflow: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let steps = |job: &str| -> Vec<String> {
        workflow["jobs"][job]["steps"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|s| {
                format!("{} {}", s["uses"].as_str().unwrap_or(""), s["run"].as_str().unwrap_or(""))
            })
            .collect()
    };
    let check = steps("check");
    for want in [
        "cargo install --git",
        "--locked",
        "stratdoc check --message-format github",
        "stratdoc build",
        "actions/upload-pages-artifact",
    ] {
        assert!(check.iter().any(|s| s.contains(want)), "{want} in {check:?}");
    }
    assert!(steps("deploy").iter().any(|s| s.contains("actions/deploy-pages")));
    assert_eq!(workflow["jobs"]["deploy"]["permissions"]["pages"].as_str(), Some("write"));
}
