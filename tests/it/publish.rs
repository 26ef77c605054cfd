//! Publishing the site: the swap that never leaves the output missing, the
//! locks between builds, interrupted builds, `--out` paths with `..`, output
//! names the file system cannot take, and a stdout or stderr that is closed
//! or full.

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

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

/// The staging folders of builds into `public/` in `dir`.
fn staging_folders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".public.stratdoc-"))
        .collect();
    names.sort();
    names
}

/// Waits until `count` staging folders exist and carry stratdoc's marker:
/// the builds have locked and marked them and are writing. Fails if a build
/// ends first or nothing happens for a minute.
#[cfg(unix)]
fn wait_for_staging(dir: &Path, count: usize, builds: &mut [&mut Child]) {
    let started = Instant::now();
    let marked = || {
        staging_folders(dir)
            .iter()
            .filter(|name| dir.join(name).join(".stratdoc-output").is_file())
            .count()
    };
    while marked() < count {
        for build in builds.iter_mut() {
            assert!(build.try_wait().unwrap().is_none(), "a build ended before it could swap");
        }
        assert!(started.elapsed() < Duration::from_secs(60), "no staging folder appeared");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Takes the lock every build takes to swap its output into `dir`, so a
/// build started now stops right before its swap, with its new site
/// written: the write stage, caught without guessing at timings.
#[cfg(unix)]
fn hold_swap_lock(dir: &Path) -> fs::File {
    use rustix::fs::{FlockOperation, flock};
    let lock = fs::File::open(dir).unwrap();
    flock(&lock, FlockOperation::NonBlockingLockExclusive).unwrap();
    lock
}

#[test]
fn a_web_server_never_misses_a_file_while_builds_run_in_a_loop() {
    let project = Project::minimal();
    project.build();
    let public = project.path().join("public");
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // What a static web server does for each request: open the file by
        // its path, read it whole.
        let server = scope.spawn(|| {
            let mut reads = 0;
            while !done.load(Ordering::Relaxed) {
                for (page, end) in [
                    ("index.html", "</html>"),
                    ("initiatives/soc.html", "</html>"),
                    ("theme/style.css", "}"),
                ] {
                    let text = fs::read_to_string(public.join(page))
                        .unwrap_or_else(|e| panic!("read {page} #{reads}: {e}"));
                    assert!(text.trim_end().ends_with(end), "{page} is cut short: {text}");
                    reads += 1;
                }
            }
            reads
        });
        for _ in 0..20 {
            project.build();
        }
        done.store(true, Ordering::Relaxed);
        let reads = server.join().expect("every read found a whole file");
        assert!(reads > 20, "the reader kept up with the builds: {reads} reads");
    });
    assert!(staging_folders(project.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn an_interrupted_build_leaves_the_previous_output_and_is_cleaned_up_next_time() {
    let project = Project::minimal();
    project.build();
    let public = project.path().join("public");
    let before = snapshot(&public);
    project.file("content/ny.md", "---\ntitle: Ny\n---\nNy side.\n");

    let lock = hold_swap_lock(project.path());
    let mut build = spawn(&project, &["build"], Stdio::null(), Stdio::null());
    wait_for_staging(project.path(), 1, &mut [&mut build]);
    Command::new("kill").args(["-INT", &build.id().to_string()]).status().unwrap();
    let status = build.wait().unwrap();
    drop(lock);

    assert!(!status.success(), "the build was interrupted");
    assert!(before == snapshot(&public), "the previous output changed");
    assert_eq!(staging_folders(project.path()).len(), 1, "the interrupted build left its folder");
    project.build();
    assert!(staging_folders(project.path()).is_empty(), "the next build removes it");
    assert!(public.join("ny.html").is_file());
}

#[cfg(unix)]
#[test]
fn two_builds_into_one_output_keep_each_others_folders_and_swap_in_turn() {
    let project = Project::minimal();
    project.build();
    let lock = hold_swap_lock(project.path());
    let mut first = spawn(&project, &["build"], Stdio::null(), Stdio::piped());
    wait_for_staging(project.path(), 1, &mut [&mut first]);
    // The second build clears leftovers before it stages: the first build's
    // folder is there, and must be left alone because that build runs.
    let mut second = spawn(&project, &["build"], Stdio::null(), Stdio::piped());
    wait_for_staging(project.path(), 2, &mut [&mut first, &mut second]);
    drop(lock);
    for build in [first, second] {
        let output = build.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
    }
    assert!(staging_folders(project.path()).is_empty());
    assert!(project.page("index.html").trim_end().ends_with("</html>"));
    assert!(project.path().join("public/initiatives/soc.html").is_file());
}

#[test]
fn a_folder_with_the_staging_name_that_stratdoc_did_not_make_is_kept() {
    let project = Project::minimal();
    for name in [".public.stratdoc-new-1-0", ".public.stratdoc-old-1-0"] {
        project.file(&format!("{name}/mine.txt"), "keep");
    }
    let before = snapshot(project.path());
    project.build();
    project.build();
    let after = snapshot(project.path());
    for (path, bytes) in &before {
        assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
    }
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
            "content/{name}:1:1: error: a name of 257 bytes, more than the 255 file systems take, for `content/"
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

/// A rebuild takes the files that come out as they were from the last
/// build, rendered or copied (the same file: its time unchanged for a web
/// server or a sync), and writes the changed ones anew.
#[cfg(unix)]
#[test]
fn a_rebuild_keeps_the_files_that_did_not_change() {
    use std::os::unix::fs::MetadataExt;
    let project = Project::minimal();
    project.file("content/kort.png", [0x89, b'P', b'N', b'G', 0, 1, 2, 3]);
    project.run(&["build"]).success();
    let public = project.path().join("public");
    let inode = |page: &str| fs::metadata(public.join(page)).unwrap().ino();
    let (purpose, soc) = (inode("index.html"), inode("initiatives/soc.html"));
    let image = inode("kort.png");
    let text = fs::read_to_string(project.path().join("content/initiatives/soc.md")).unwrap();
    project.file("content/initiatives/soc.md", format!("{text}\nOg nu mere.\n"));
    project.run(&["build"]).success();
    assert_eq!(inode("index.html"), purpose, "unchanged: the same file");
    assert_eq!(inode("kort.png"), image, "an unchanged image: the same file");
    assert_ne!(inode("initiatives/soc.html"), soc, "changed: written anew");
    assert!(project.page("initiatives/soc.html").contains("Og nu mere."));
}

/// A symbolic link planted in the output, even to a file that holds what
/// the page would, is never carried into the next build.
#[cfg(unix)]
#[test]
fn a_link_planted_in_the_output_is_not_carried_over() {
    let project = Project::minimal();
    project.run(&["build"]).success();
    let page = project.path().join("public/index.html");
    let outside = project
        .path()
        .parent()
        .unwrap()
        .join(format!("{}-index.html", project.path().file_name().unwrap().to_string_lossy()));
    fs::write(&outside, fs::read(&page).unwrap()).unwrap();
    fs::remove_file(&page).unwrap();
    std::os::unix::fs::symlink(&outside, &page).unwrap();
    project.run(&["build"]).success();
    let _ = fs::remove_file(&outside);
    assert!(fs::symlink_metadata(&page).unwrap().is_file(), "a file of its own, not the link");
}
