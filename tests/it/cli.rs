//! The command line as users and scripts meet it: commands, flags, help,
//! exit codes (0 ok, 1 content errors, 2 usage/config/IO) and output.

use crate::support::Project;

#[test]
fn every_command_has_help() {
    let project = Project::empty();
    for args in [&["--help"][..], &["build", "--help"], &["check", "--help"]] {
        let run = project.run(args).success();
        assert!(run.stdout.contains("Usage: stratdoc"), "{args:?}: {}", run.stdout);
    }
    let run = project.run(&["build", "--help"]).success();
    for flag in ["[PROJECT_DIR]", "--out <DIR>", "--drafts"] {
        assert!(run.stdout.contains(flag), "{flag}: {}", run.stdout);
    }
}

#[test]
fn usage_errors_exit_2() {
    let project = Project::empty();
    project.run(&["build", "--no-such-flag"]).code(2);
    project.run(&["publish"]).code(2);
    project.run(&[]).code(2);
}

#[test]
fn a_folder_that_is_not_a_project_exits_2_with_a_reason() {
    let project = Project::empty();
    project
        .run(&["build"])
        .code(2)
        .stderr_has("error: `.` is not a stratdoc project: it has no `stratdoc.yaml`");
    project.file("stratdoc.yaml", "title: T\n");
    project.run(&["check"]).code(2).stderr_has("it has no `content/` folder");
    project
        .run(&["check", "missing-dir"])
        .code(2)
        .stderr_has("`missing-dir` is not a stratdoc project");
}

#[test]
fn config_errors_exit_2_with_their_line() {
    let project = Project::minimal();
    project.file("stratdoc.yaml", "title: T\nlanguage: dansk\n");
    project.run(&["build"]).code(2).stderr_has("┌─ stratdoc.yaml:2:11\nhelp: allowed values: da, en\nerror: invalid configuration in `./stratdoc.yaml`");
    assert!(!project.path().join("public").exists());
}

#[test]
fn a_logo_outside_the_project_is_a_config_error() {
    let project = Project::minimal();
    project.file("stratdoc.yaml", "title: T\nlogo: ../../etc/hostname\n");
    project.run(&["build"]).code(2).stderr_has("error: the logo `../../etc/hostname` is not a file inside the project\n┌─ stratdoc.yaml:2:7");
    project.file("stratdoc.yaml", "title: T\nlogo: mangler.svg\n");
    project
        .run(&["build"])
        .code(2)
        .stderr_has("error: the logo `mangler.svg` is not a file inside the project");
    project.file("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    project.file("stratdoc.yaml", "title: T\nlogo: logo.svg\n");
    project.build();
    assert!(project.path().join("public/theme/logo.svg").is_file());
}

#[test]
fn build_ends_with_one_summary_line() {
    let project = Project::minimal();
    let run = project.run(&["build", ".", "--out", "site"]).success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(
        lines[0].starts_with("stratdoc: built 11 pages (32 files), 0 warnings in "),
        "{}",
        lines[0]
    );
    assert!(lines[0].ends_with(" ms → site"), "{}", lines[0]);
    assert!(project.path().join("site/index.html").is_file());
}

#[test]
fn check_writes_nothing_and_counts_warnings() {
    let project = Project::minimal();
    project.file("content/om.md", "---\ntitle: Om\nfarve: blå\n---\n");
    let run = project.run(&["check"]).success();
    assert!(
        run.stdout.starts_with("stratdoc: checked 12 pages, 1 warning, no errors"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("warning: unknown field `farve`"), "{}", run.stderr);
    assert!(!project.path().join("public").exists());
}

#[test]
fn content_errors_exit_1_and_name_the_command() {
    let project = Project::minimal();
    project.file("content/om.md", "---\ntitle: Om\n");
    project.run(&["check"]).code(1).stderr_has("error: check failed: 1 error, 0 warnings");
    project.run(&["build"]).code(1).stderr_has("error: build failed: 1 error, 0 warnings");
}

#[test]
fn short_message_format_is_one_line_per_problem_with_its_hint() {
    let project = Project::minimal();
    project.file(
        "content/initiatives/x.md",
        "---\ntitle: X\ndirections: [cybr]\nowner: IT\nstatus: done!\n---\n",
    );
    let run = project.run(&["check", "--message-format", "short"]).code(1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "content/initiatives/x.md:3:14: error: unknown direction `cybr` (help: did you mean `cyber`?)",
            "content/initiatives/x.md:5:9: error: `done!` is not a valid `status` (help: did you mean `done`? allowed values: planned, active, done, paused, cancelled)",
            "error: check failed: 2 errors, 0 warnings",
        ]
    );
}

#[test]
fn the_project_dir_argument_works_from_anywhere() {
    let project = Project::minimal();
    let elsewhere = Project::empty();
    let path = project.path().to_str().unwrap();
    let out = elsewhere.path().join("out");
    elsewhere.run(&["build", path, "--out", out.to_str().unwrap()]).success();
    assert!(out.join("index.html").is_file());
}
