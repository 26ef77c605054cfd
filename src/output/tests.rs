//! Writing the output: only into folders stratdoc made, never outside the
//! output, and a failed build leaves the old output as it was.

use super::sink::{copy, safe_relative};
use super::*;
use crate::artifact::Contents;

fn file(path: &str, text: &str) -> OutputFile {
    OutputFile { path: path.to_owned(), contents: Contents::Bytes(text.as_bytes().to_vec()) }
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for d in SOURCE_DIRS {
        fs::create_dir(dir.path().join(d)).unwrap();
    }
    dir
}

#[test]
fn writes_and_replaces_its_own_output() {
    let root = project();
    let out = root.path().join("public");
    write(&[file("index.html", "one"), file("a/b.html", "b")], &out, root.path()).unwrap();
    assert_eq!(fs::read_to_string(out.join("a/b.html")).unwrap(), "b");
    write(&[file("index.html", "two")], &out, root.path()).unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
    assert!(!out.join("a").exists(), "stale files go");
    let leftovers: Vec<_> = fs::read_dir(root.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("stratdoc-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn refuses_folders_it_did_not_make() {
    let root = project();
    let docs = root.path().join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("mine.txt"), "keep").unwrap();
    let err = write(&[file("index.html", "x")], &docs, root.path()).unwrap_err();
    assert!(err.to_string().contains("not made by stratdoc"), "{err}");
    assert_eq!(fs::read_to_string(docs.join("mine.txt")).unwrap(), "keep");
    for bad in [
        root.path().to_path_buf(),
        root.path().join("content"),
        root.path().join("themes/x"),
        root.path().join(".."),
    ] {
        assert!(
            matches!(guard(&bad, root.path()), Err(Error::UnsafeOutput { .. })),
            "{}",
            bad.display()
        );
    }
    assert!(guard(&root.path().join("public"), root.path()).is_ok());
}

#[test]
fn a_failed_write_leaves_the_old_output() {
    let root = project();
    let out = root.path().join("public");
    write(&[file("index.html", "old")], &out, root.path()).unwrap();
    let missing =
        OutputFile { path: "x.png".into(), contents: Contents::Copy(root.path().join("nope.png")) };
    assert!(write(&[file("index.html", "new"), missing], &out, root.path()).is_err());
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    let names: Vec<_> =
        fs::read_dir(root.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(names.len(), SOURCE_DIRS.len() + 1, "the staging folder is gone: {names:?}");
}

#[cfg(unix)]
#[test]
fn a_dead_builds_leftover_goes_and_a_foreign_folder_of_that_name_stays() {
    let root = project();
    let out = root.path().join("public");
    let dead = root.path().join(".public.stratdoc-new-1-0");
    fs::create_dir(&dead).unwrap();
    fs::write(dead.join(MARKER), "").unwrap();
    let foreign = root.path().join(format!(".public.stratdoc-new-{}-0", std::process::id()));
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("mine.txt"), "keep").unwrap();
    write(&[file("index.html", "x")], &out, root.path()).unwrap();
    assert!(!dead.exists(), "a dead build's staging folder goes");
    assert_eq!(fs::read_to_string(foreign.join("mine.txt")).unwrap(), "keep");
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "x");
}

#[test]
fn dot_dot_is_read_as_the_system_reads_it() {
    let root = project();
    let proj = root.path().canonicalize().unwrap();
    // `public` need not exist for `public/..` to be the project.
    for out in [proj.join("public/.."), proj.join("content/../public/..")] {
        assert!(
            matches!(guard(&out, root.path()), Err(Error::UnsafeOutput { .. })),
            "{}",
            out.display()
        );
    }
    assert_eq!(absolute(&proj.join("missing/../site")).unwrap(), proj.join("site"));
    assert_eq!(absolute(&proj.join("./a/./b/")).unwrap(), proj.join("a/b"));
}

#[cfg(unix)]
#[test]
fn dot_dot_after_a_symbolic_link_leaves_the_link_target() {
    let root = project();
    let proj = root.path().canonicalize().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let deep = elsewhere.path().canonicalize().unwrap().join("x/y");
    fs::create_dir_all(&deep).unwrap();
    std::os::unix::fs::symlink(&deep, proj.join("link")).unwrap();
    assert_eq!(absolute(&proj.join("link/../site")).unwrap(), deep.parent().unwrap().join("site"));
    // Through a link into the project, `..` still finds the project.
    std::os::unix::fs::symlink(proj.join("content"), deep.join("c")).unwrap();
    assert!(guard(&deep.join("c/.."), root.path()).is_err());
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_names_the_output_file_not_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("logo.png");
    fs::write(&source, vec![7u8; 100_000]).unwrap();
    let err = copy(&source, Path::new("/dev/full")).unwrap_err();
    assert!(
        matches!(&err, Error::Io { action: "write", path, .. } if path == Path::new("/dev/full")),
        "{err:?}"
    );
    let err = copy(&dir.path().join("nope.png"), &dir.path().join("x.png")).unwrap_err();
    assert!(
        matches!(&err, Error::Io { action: "read", path, .. } if path.ends_with("nope.png")),
        "{err:?}"
    );
}

#[test]
fn output_paths_cannot_escape() {
    assert!(safe_relative("a/b.html").is_some());
    for bad in ["../x", "/etc/x", "a/../../x", "", "a\\..\\x", "./a"] {
        assert!(safe_relative(bad).is_none(), "{bad}");
    }
}

#[test]
fn a_page_written_as_it_is_rendered_is_counted_and_lands_whole() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::folder(dir.path(), None);
    let mut page = sink.stream_page("initiatives/index.html").unwrap();
    // As Tera writes: many small pieces through `io::Write`.
    for piece in ["<!DOCTYPE html>", "<p>", "én", "</p>"] {
        page.write_all(piece.as_bytes()).unwrap();
    }
    page.take_error().unwrap();
    page.finish().unwrap();
    let mut edition = sink.stream("print.html").unwrap();
    edition.push("<html>").unwrap();
    edition.finish().unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("initiatives/index.html")).unwrap(),
        "<!DOCTYPE html><p>én</p>"
    );
    // Both are files of the build; only the site's page is one of its pages.
    assert_eq!((sink.count(), sink.pages()), (2, 1));
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_of_a_streamed_page_is_the_files_error() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/full", dir.path().join("full.html")).unwrap();
    let sink = Sink::folder(dir.path(), None);
    let mut page = sink.stream_page("full.html").unwrap();
    // Past the buffer, the write reaches the full device and fails.
    let failed = page.write_all(&vec![b'x'; 4 << 20]).is_err();
    let error = page.take_error().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(failed && error.contains("full.html"), "{error}");
}
