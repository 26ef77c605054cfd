//! Staging folders, their locks and the swap: never a reused folder, never
//! another build's, and the old output replaced in one step or not at all.

use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn staging_never_reuses_a_folder_that_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let taken = dir.path().join(staged_name(OsStr::new("public"), "new", 0));
    fs::create_dir(&taken).unwrap();
    fs::write(taken.join("mine.txt"), "keep").unwrap();
    let staging = Staging::create(dir.path(), OsStr::new("public")).unwrap();
    assert_ne!(staging.path(), taken);
    assert!(staging.path().join(MARKER).is_file());
    drop(staging);
    assert_eq!(fs::read_to_string(taken.join("mine.txt")).unwrap(), "keep");
    assert_eq!(names(dir.path()).len(), 1, "the unpublished staging folder is removed");
}

#[cfg(unix)]
#[test]
fn a_staging_folder_is_abandoned_only_when_unlocked_and_marked() {
    let dir = tempfile::tempdir().unwrap();
    let staging = Staging::create(dir.path(), OsStr::new("public")).unwrap();
    assert!(claim_abandoned(staging.path()).is_none(), "a live build's folder is held");

    let dead = dir.path().join(".public.stratdoc-new-1-0");
    fs::create_dir(&dead).unwrap();
    assert!(claim_abandoned(&dead).is_none(), "no marker, no proof it is ours");
    fs::write(dead.join(MARKER), "").unwrap();
    assert!(claim_abandoned(&dead).is_some(), "marked and unlocked: a dead build's");

    let held = lock(&dead, false).unwrap();
    assert!(claim_abandoned(&dead).is_none(), "locked by somebody: still running");
    drop(held);
    assert!(claim_abandoned(&dead).is_some(), "the lock goes with its holder");
}

#[cfg(unix)]
#[test]
fn remove_stale_takes_only_dead_builds_folders_of_this_output() {
    let dir = tempfile::tempdir().unwrap();
    let live = Staging::create(dir.path(), OsStr::new("public")).unwrap();
    let mut dead = Vec::new();
    for name in [".public.stratdoc-new-7-0", ".public.stratdoc-old-7-0"] {
        let path = dir.path().join(name);
        fs::create_dir(&path).unwrap();
        fs::write(path.join(MARKER), "").unwrap();
        dead.push(path);
    }
    let foreign = dir.path().join(".public.stratdoc-new-8-0");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("mine.txt"), "keep").unwrap();
    let other = dir.path().join(".site.stratdoc-new-9-0");
    fs::create_dir(&other).unwrap();
    fs::write(other.join(MARKER), "").unwrap();

    remove_stale(dir.path(), OsStr::new("public"));
    assert!(dead.iter().all(|d| !d.exists()), "{:?}", names(dir.path()));
    assert!(live.path().join(MARKER).is_file(), "a running build's folder stays");
    assert!(foreign.join("mine.txt").is_file(), "a folder without the marker stays");
    assert!(other.exists(), "another output's leftovers are not this build's business");
}

#[cfg(unix)]
#[test]
fn an_empty_staging_folder_is_removed_once_it_is_a_minute_old() {
    use rustix::fs::{AtFlags, CWD, Timespec, Timestamps, utimensat};
    let dir = tempfile::tempdir().unwrap();
    let (old, fresh) =
        (dir.path().join(".public.stratdoc-new-7-0"), dir.path().join(".public.stratdoc-new-8-0"));
    fs::create_dir(&old).unwrap();
    fs::create_dir(&fresh).unwrap();
    let an_hour_ago = Timespec {
        tv_sec: i64::try_from(
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs(),
        )
        .unwrap()
            - 3600,
        tv_nsec: 0,
    };
    let times = Timestamps { last_access: an_hour_ago, last_modification: an_hour_ago };
    utimensat(CWD, &old, &times, AtFlags::empty()).unwrap();
    remove_stale(dir.path(), OsStr::new("public"));
    assert!(!old.exists(), "an empty folder left by a build stopped while setting up goes");
    assert!(fresh.exists(), "a build may be setting this one up right now");
}

#[test]
fn the_swap_replaces_the_old_output_and_leaves_nothing_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    for text in ["one", "two"] {
        let staging = Staging::create(dir.path(), OsStr::new("public")).unwrap();
        fs::write(staging.path().join("index.html"), text).unwrap();
        staging.publish(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), text);
        assert_eq!(names(dir.path()), ["public"]);
    }
}

/// The atomic path must really be taken where it exists, not silently
/// replaced by the fallback.
#[cfg(any(target_os = "linux", target_vendor = "apple"))]
#[test]
fn folders_trade_places_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    fs::create_dir(&a).unwrap();
    fs::create_dir(&b).unwrap();
    fs::write(a.join("from-a"), "").unwrap();
    exchange(&a, &b).unwrap();
    assert!(b.join("from-a").is_file() && !a.join("from-a").exists());
}

#[test]
fn the_fallback_swap_replaces_the_old_output_too() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    fs::create_dir(&out).unwrap();
    fs::write(out.join(MARKER), "").unwrap();
    fs::write(out.join("old.html"), "old").unwrap();
    let staging = Staging::create(dir.path(), OsStr::new("public")).unwrap();
    fs::write(staging.path().join("index.html"), "new").unwrap();
    move_aside_and_in(staging.path(), &out).unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
    assert!(!out.join("old.html").exists());
    std::mem::forget(staging); // its folder is now the output
    assert_eq!(names(dir.path()), ["public"]);
}

#[test]
fn an_empty_folder_that_is_replaced_is_removed_but_a_filled_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    fs::create_dir(&old).unwrap();
    fs::write(old.join("mine.txt"), "keep").unwrap();
    discard_old(&old);
    assert!(old.join("mine.txt").is_file());
    fs::remove_file(old.join("mine.txt")).unwrap();
    discard_old(&old);
    assert!(!old.exists());
}
