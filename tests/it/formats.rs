//! Diagnostics for CI and editors: `--message-format json` (an object per
//! line on stdout) and `github` (workflow annotations), paths relative to
//! where the command ran in every format, `--deny-warnings`, `--quiet`.
//! The golden files per format are in `diagnostics.rs`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

use crate::support::{MINIMAL, Project, snapshot};

/// The minimal project in `proj/` of a temporary folder, with an
/// initiative that has two errors and a direction with a warning.
fn nested() -> Project {
    let project = Project::empty();
    for (path, text) in MINIMAL {
        project.file(&format!("proj/{path}"), text);
    }
    project.file(
        "proj/content/initiatives/x.md",
        "---\ntitle: X\ndirections: [cybr]\nowner: IT\nstatus: done!\n---\n",
    );
    project
}

#[test]
fn json_lines_parse_and_carry_every_field() {
    let project = nested();
    let run = project.run(&["check", "proj", "--message-format", "json"]).code(1);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert_eq!(
        lines[1],
        serde_json::json!({
            "path": "proj/content/initiatives/x.md",
            "line": 5, "column": 9, "end_line": 5, "end_column": 14,
            "severity": "error", "code": "SD0204", "kind": "invalid-value",
            "message": "`done!` is not a valid `status`",
            "hint": "did you mean `done`? allowed values: planned, active, done, paused, cancelled",
        })
    );
    assert_eq!(lines[0]["code"], "SD0305");
    assert_eq!(lines[0]["column"], 14);
    assert_eq!(run.stderr, "error: check failed: 2 errors, 0 warnings\n", "stdout is the tools'");
}

#[test]
fn paths_are_relative_to_where_the_command_was_run_in_every_format() {
    let project = nested();
    for (format, shown) in [
        ("human", "┌─ proj/content/initiatives/x.md:3:14"),
        ("short", "proj/content/initiatives/x.md:3:14: error: unknown direction `cybr`"),
        ("json", "\"path\":\"proj/content/initiatives/x.md\",\"line\":3,\"column\":14"),
        ("github", "::error file=proj/content/initiatives/x.md,line=3,col=14,"),
    ] {
        let run = project.run(&["check", "proj", "--message-format", format]).code(1);
        let out = format!("{}{}", run.stdout, run.stderr);
        assert!(out.contains(shown), "{format}: {out}");
    }
    let absolute = project.path().join("proj");
    let run =
        project.run(&["check", absolute.to_str().unwrap(), "--message-format", "short"]).code(1);
    assert!(run.stderr.starts_with("proj/content/initiatives/x.md:3:14:"), "{}", run.stderr);
}

#[test]
fn github_annotations_escape_what_the_runner_would_read_as_syntax() {
    let project = Project::minimal();
    project.file(
        "content/initiatives/a,b:c.md",
        "---\ntitle: A\ndirections: [\"50%,x:y\"]\nowner: IT\n---\n",
    );
    let run = project.run(&["check", "--message-format", "github"]).code(1);
    assert_eq!(
        run.stdout,
        "::error file=content/initiatives/a%2Cb%3Ac.md,line=3,col=14,endLine=3,endColumn=23,title=SD0305 unknown-reference::unknown direction `50%25,x:y`%0Ahelp: known direction ids: cyber\n"
    );
}

#[test]
fn an_error_that_stops_the_run_is_a_record_too() {
    let project = Project::empty();
    let run = project.run(&["check", "missing", "--message-format", "json"]).code(2);
    let record: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(record["code"], "SD0901");
    assert_eq!(record["path"], serde_json::Value::Null);
    assert!(run.stderr.contains("error: `missing` is not a stratdoc project"), "{}", run.stderr);
    let run = project.run(&["check", "missing", "--message-format", "github"]).code(2);
    assert!(run.stdout.starts_with("::error title=SD0901 not-a-project::"), "{}", run.stdout);
}

#[test]
fn deny_warnings_fails_with_warnings_and_writes_nothing() {
    let project = Project::minimal();
    project.build();
    let before = snapshot(&project.path().join("public"));
    project.file("content/om.md", "---\ntitle: Om\nweight: 3\n---\nTekst.\n");
    project.run(&["check"]).success();
    for command in ["check", "build"] {
        let run = project.run(&[command, "--deny-warnings"]).code(1);
        assert!(run.stderr.contains("warning: unknown field `weight`"), "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "error: {command} failed: 0 errors, 1 warning, denied by `--deny-warnings`"
            )),
            "{}",
            run.stderr
        );
        assert_eq!(run.stdout, "");
    }
    assert!(before == snapshot(&project.path().join("public")), "the old site was replaced");
    // `pdf` stops before it prints: the browser is never started.
    let browser = executable(&project, "no-browser.sh", "echo started > started.txt\nexit 1\n");
    let run = project.run(&["pdf", "--deny-warnings", "--browser", browser.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        !project.path().join("started.txt").exists() && !project.path().join("print.pdf").exists()
    );
}

#[test]
fn quiet_prints_only_problems_and_no_progress() {
    let project = Project::minimal();
    let run = project.run(&["build", "--quiet"]).success();
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    project.file("content/om.md", "---\ntitle: Om\nweight: 3\n---\nTekst.\n");
    let run = project.run(&["check", "-q", "--message-format", "short"]).success();
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with("content/om.md:3:1: warning: unknown field `weight`"),
        "{}",
        run.stderr
    );
    let run = project.run(&["check", "-q"]).success();
    assert!(run.stderr.contains("warning: unknown field `weight`"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn no_progress_line_and_no_colour_reach_a_pipe() {
    let project = Project::minimal();
    project.file("content/om.md", "---\ntitle: Om\nweight: 3\n---\nTekst.\n");
    let env = HashMap::from([("NO_COLOR", ""), ("TERM", "xterm-256color")]);
    let run = project.run_with_env(&["build"], &env).success();
    assert!(!run.stderr.contains('\r') && !run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    let run = project.run_with_env(&["build", "--color", "always"], &env).success();
    assert!(run.stderr.contains('\u{1b}'), "--color always colours a pipe: {:?}", run.stderr);
}

/// An executable shell script `name` in `project` running `body`.
fn executable(project: &Project, name: &str, body: &str) -> PathBuf {
    let path = project.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

/// On a terminal (util-linux's `script` gives the run one), a step over a
/// second shows on one line, rewritten with `\r` and cleared before the
/// next output; with `--quiet` or under CI it does not.
#[cfg(unix)]
#[test]
fn progress_shows_on_a_terminal_and_is_cleared() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("SKIPPED: no `script` to give the run a terminal");
        return;
    }
    let project = Project::minimal();
    let browser = executable(&project, "slow-browser.sh", "sleep 2\nexit 1\n");
    let on_a_terminal = |extra: &str, ci: bool| {
        let line = format!(
            "{} pdf --browser {} {extra}",
            env!("CARGO_BIN_EXE_stratdoc"),
            browser.display()
        );
        let mut command = Command::new("script");
        command
            .args(["-q", "-e", "-c", &line, "/dev/null"])
            .current_dir(project.path())
            .env("NO_COLOR", "1")
            .env_remove("CI");
        if ci {
            command.env("CI", "true");
        }
        let out = command.output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = on_a_terminal("", false);
    let step = "\rstratdoc: printing the board edition (print 1)…";
    let at = shown.find(step).unwrap_or_else(|| panic!("no progress line in {shown:?}"));
    let cleared = format!("\r{}\r", " ".repeat(step.chars().count() - 1));
    assert!(shown[at + step.len()..].starts_with(&cleared), "not cleared: {shown:?}");
    assert!(shown.contains(&format!("{cleared}error: ")), "{shown:?}");
    for (extra, ci) in [("--quiet", false), ("", true)] {
        let shown = on_a_terminal(extra, ci);
        assert!(!shown.contains("stratdoc: printing"), "{extra} CI={ci}: {shown:?}");
        assert!(shown.contains("error:"), "{shown:?}");
    }
}
