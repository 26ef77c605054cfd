//! Publishing the site: `--out` paths with `..`, output names the file
//! system cannot take, and a stdout or stderr that is closed or full.

use std::fs;
use std::process::{Child, Command, Stdio};

use crate::support::{Project, snapshot};

/// Starts `stratdoc ARGS` in `project` without waiting for it.
fn spawn(project: &Project, args: &[&str], stdout: Stdio, stderr: Stdio) -> Child {
    Command::new(env!("CARGO_BIN_EXE_stratdoc"))
        .args(args)
        .current_dir(project.path())
        .env("NO_COLOR", "1")
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("runs stratdoc")
}

#[test]
fn out_paths_with_dot_dot_are_read_as_the_system_reads_them() {
    let project = Project::minimal();
    // Refused as the project whether or not `public` exists.
    for _ in 0..2 {
        let before = snapshot(project.path());
        project
            .run(&["build", "--out", "public/.."])
            .code(2)
            .stderr_has("it is the project folder");
        assert!(before == snapshot(project.path()));
        project.build();
    }
    project.run(&["build", "--out", "missing/../site"]).success();
    assert!(project.path().join("site/index.html").is_file());
    assert!(!project.path().join("missing").exists(), "nothing is made on the way");
    project.run(&["build", "--out", "content/../site2"]).success();
    assert!(project.path().join("site2/index.html").is_file());
}

#[cfg(unix)]
#[test]
fn dot_dot_after_a_symbolic_link_leaves_the_folder_the_link_points_to() {
    let project = Project::minimal();
    fs::create_dir(project.path().join("content/billeder")).unwrap();
    std::os::unix::fs::symlink(project.path().join("content/billeder"), project.path().join("lnk"))
        .unwrap();
    // `lnk/..` is `content/`, not the project: the guard must see that.
    project
        .run(&["build", "--out", "lnk/../site"])
        .code(2)
        .stderr_has("inside or contains the project's `content/` folder");
    assert!(!project.path().join("content/site").exists());
}

#[test]
fn an_output_name_too_long_for_the_file_system_is_a_located_error_in_check_and_build() {
    let project = Project::minimal();
    project.build();
    let before = snapshot(&project.path().join("public"));
    // 255 bytes is the longest name Linux and macOS take; `.md` becomes
    // `.html`, so this file's page would be 257.
    let name = format!("{}.md", "a".repeat(252));
    project.file(&format!("content/{name}"), "---\ntitle: Lang\n---\n");
    for command in ["check", "build"] {
        project.run(&[command, "--message-format", "short"]).code(1).stderr_has(&format!(
            "content/{name}:1:1: error: `content/{name}` would be written under a name of 257 bytes; file systems take at most 255"
        ));
    }
    assert!(before == snapshot(&project.path().join("public")));
}

#[test]
fn a_file_where_a_folder_is_needed_is_a_located_content_error() {
    let project = Project::minimal();
    project.file("content/notes", "en fil uden endelse");
    project.file("content/Notes/a.md", "---\ntitle: A\n---\n");
    for command in ["check", "build"] {
        project.run(&[command, "--message-format", "short"]).code(1).stderr_has(
            "content/Notes/a.md:1:1: error: `content/notes` would be written to the file `notes`, but `content/Notes/a.md` needs a folder of that name for `notes/a.html`",
        );
    }
    project.remove("content/Notes/a.md");
    project.file("content/theme", "");
    project.run(&["check"]).code(1).stderr_has(
        "error: `content/theme` would be written to the file `theme`, but stratdoc needs a folder of that name for `theme/`",
    );
    assert!(!project.path().join("public").exists());
}

#[test]
fn a_closed_stdout_or_stderr_leaves_the_exit_code_truthful() {
    let project = Project::minimal();
    for (broken, code) in [(false, 0), (true, 1)] {
        if broken {
            project.file("content/initiatives/soc.md", "---\ntitle: SOC\nstatus: [\n---\n");
        }
        // `stratdoc build | head -0`: the reader is gone before anything is written.
        let mut build = spawn(&project, &["build"], Stdio::piped(), Stdio::piped());
        drop(build.stdout.take());
        drop(build.stderr.take());
        let status = build.wait().unwrap();
        assert_eq!(status.code(), Some(code), "a panic exits 101");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_or_stderr_leaves_the_exit_code_truthful() {
    let full = || Stdio::from(fs::OpenOptions::new().write(true).open("/dev/full").unwrap());
    let project = Project::minimal();
    let build = spawn(&project, &["build"], full(), Stdio::piped()).wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert_eq!(build.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(project.path().join("public/index.html").is_file());

    project.file("content/initiatives/soc.md", "---\ntitle: SOC\nstatus: [\n---\n");
    let build = spawn(&project, &["check"], Stdio::piped(), full()).wait_with_output().unwrap();
    assert_eq!(build.status.code(), Some(1), "a panic exits 101");
}
