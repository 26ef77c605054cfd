//! Publishing the site: what a build says on a stdout or stderr that is
//! closed or full.

use std::fs;
use std::process::{Child, Command, Stdio};

use crate::support::Project;

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
