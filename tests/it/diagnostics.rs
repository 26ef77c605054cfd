//! Golden tests for diagnostics: every folder in `tests/fixtures/diagnostics/`
//! is laid over the minimal valid project (`support::MINIMAL`; a `remove.txt`
//! lists files to delete) and checked. Its `expected.stderr` pins the exact
//! output (file, line, column, message, source line, hint); `exit.txt` holds
//! the exit code when it is not 1. Set `UPDATE_EXPECTED=1` to rewrite the
//! expected files after a deliberate wording change, then review the diff.
//!
//! Cases with an `expected.json` or `expected.github` pin what the tools'
//! formats print on stdout for them too (`UPDATE_EXPECTED=1` rewrites
//! those; make an empty one to add a case).
//!
//! The same fixtures also prove that a failing build leaves the previous
//! output exactly as it was.

use std::fs;
use std::path::Path;

use crate::support::{Project, fixtures, snapshot};

const META: [&str; 5] =
    ["expected.stderr", "expected.json", "expected.github", "exit.txt", "remove.txt"];

fn cases() -> Vec<String> {
    let mut cases: Vec<String> = fs::read_dir(fixtures().join("diagnostics"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "fixtures missing: {cases:?}");
    cases
}

/// The minimal project with fixture `name` laid over it.
fn project(name: &str) -> Project {
    let project = Project::minimal();
    overlay(&fixtures().join("diagnostics").join(name), &project);
    project
}

fn overlay(dir: &Path, project: &Project) {
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        if entry.file_type().is_file() && !META.contains(&rel.as_str()) {
            project.file(&rel, fs::read(entry.path()).unwrap());
        }
    }
    if let Ok(list) = fs::read_to_string(dir.join("remove.txt")) {
        for path in list.lines().filter(|l| !l.is_empty()) {
            project.remove(path);
        }
    }
}

fn expected_code(name: &str) -> i32 {
    fs::read_to_string(fixtures().join("diagnostics").join(name).join("exit.txt"))
        .map_or(1, |s| s.trim().parse().unwrap())
}

#[test]
fn every_fixture_reports_what_expected_stderr_says() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut failures = Vec::new();
    for name in cases() {
        let run = project(&name).run(&["check", "--color", "never"]);
        assert!(!run.stderr.contains("panicked"), "{name} panicked:\n{}", run.stderr);
        let actual = run.stderr_redacted();
        let path = fixtures().join("diagnostics").join(&name).join("expected.stderr");
        if update {
            fs::write(&path, &actual).unwrap();
        }
        let expected = fs::read_to_string(&path).unwrap_or_default();
        if actual != expected || run.code != expected_code(&name) {
            failures.push(format!(
                "── {name}: exit {} (expected {})\n{actual}",
                run.code,
                expected_code(&name)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixtures differ (UPDATE_EXPECTED=1 rewrites them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn tools_formats_match_their_expected_files() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let (mut checked, mut failures) = (Vec::new(), Vec::new());
    for name in cases() {
        for format in ["json", "github"] {
            let path =
                fixtures().join("diagnostics").join(&name).join(format!("expected.{format}"));
            if !path.exists() {
                continue;
            }
            let run = project(&name).run(&["check", "--message-format", format]);
            assert!(!run.stderr.contains("panicked"), "{name} panicked:\n{}", run.stderr);
            let actual = run.stdout_redacted();
            if format == "json" {
                for line in actual.lines() {
                    let _: serde_json::Value = serde_json::from_str(line)
                        .unwrap_or_else(|e| panic!("{name}: {e} in {line}"));
                }
            }
            if update {
                fs::write(&path, &actual).unwrap();
            }
            if actual != fs::read_to_string(&path).unwrap() || run.code != expected_code(&name) {
                failures.push(format!("── {name} ({format}): exit {}\n{actual}", run.code));
            }
            checked.push(format!("{name}.{format}"));
        }
    }
    assert!(checked.len() >= 12, "golden files missing: {checked:?}");
    assert!(
        failures.is_empty(),
        "{} differ (UPDATE_EXPECTED=1 rewrites them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every problem the fixtures provoke has a code of its own, not `SD0000`.
#[test]
fn every_fixture_problem_has_a_code() {
    for name in cases() {
        let run = project(&name).run(&["check", "--message-format", "json"]);
        for line in run.stdout.lines() {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_ne!(record["code"], "SD0000", "{name}: {line}");
        }
    }
}

#[test]
fn a_failing_build_leaves_the_previous_output_untouched() {
    for name in cases() {
        let project = Project::minimal();
        project.build();
        let before = snapshot(&project.path().join("public"));
        overlay(&fixtures().join("diagnostics").join(&name), &project);
        let run = project.run(&["build"]);
        assert_eq!(run.code, expected_code(&name), "{name}: {}", run.stderr);
        if run.code != 0 {
            assert!(
                before == snapshot(&project.path().join("public")),
                "{name}: the old output changed"
            );
            assert!(run.stderr.contains("error"), "{name}: {}", run.stderr);
        }
        let leftovers: Vec<_> = fs::read_dir(project.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".stratdoc-"))
            .map(|e| e.file_name())
            .collect();
        assert!(leftovers.is_empty(), "{name}: {leftovers:?}");
    }
}

#[test]
fn ten_defects_are_all_reported_with_file_and_line() {
    let run = project("ten-defects").run(&["check", "--message-format", "short"]).code(1);
    let errors: Vec<&str> = run.stderr.lines().filter(|l| l.contains(": error: ")).collect();
    let expected = [
        "content/narrative/01-intro.md:5:4: error: broken link: `../initiatives/socc.md` does not exist",
        "content/narrative/02-kapitel.md:7:4: error: broken anchor: `#maal-1` is not a heading in this page",
        "content/directions/andet.md:3:1: error: invalid YAML",
        "content/initiatives/a.md:3:21: error: unknown direction `klima`",
        "content/initiatives/a.md:5:9: error: `actve` is not a valid `status`",
        "content/initiatives/a.md:7:6: error: `2027-Q5` is not a quarter, half year or year in `end`",
        "content/initiatives/b.md:1:1: error: missing required field `owner`",
        "content/initiatives/b.md:5:6: error: the initiative ends (2027-Q1) before it starts (2028-Q2)",
        "content/initiatives/c.md:5:14: error: dependency cycle: b → c → b",
        "content/analysis/data.md:3:7: error: data file `content/analysis/mangler.csv` does not exist",
    ];
    for want in expected {
        assert!(errors.iter().any(|e| e.contains(want)), "missing {want:?} in\n{}", run.stderr);
    }
    assert_eq!(errors.len(), 10, "{}", run.stderr);
    assert!(run.stderr.contains("error: check failed: 10 errors"), "{}", run.stderr);
}
