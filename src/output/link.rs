//! Files that come out of a build as they were in the last one (rendered,
//! or copied from the project) are linked from the last build's output into
//! the new one (a hard link: the same file under a second name) instead of
//! written again. Nothing is written and no new file is made, which on a
//! rebuild is most of the file system's work (on ext4, making thousands of
//! files right after the last build deleted as many is a fifth of a
//! 10,000-page build); a web server or a sync to a host sees the file
//! unchanged. The old output is removed after the swap as before: the
//! linked files live on under their new name.
//!
//! A file is linked only when the old one is a plain file (not a symbolic
//! link, not a pipe) with the very same bytes, and the name linked is
//! checked to be that file afterwards; anything else is written anew.

use std::fs::{self, File};
use std::io::{BufRead, Read};
use std::path::Path;

/// Links `new` to `old`, the last build's file, when `old` holds exactly
/// `bytes`; false when it was not (the caller writes the file).
pub(super) fn if_same(old: &Path, new: &Path, bytes: &[u8]) -> bool {
    link_if(old, new, bytes.len() as u64, |mut file| {
        let mut rest = bytes;
        same(&mut file, |piece| match rest.strip_prefix(piece) {
            Some(after) => {
                rest = after;
                true
            }
            None => false,
        }) && rest.is_empty()
    })
}

/// Links `new` to `old` when `old` holds what the file `source` (an asset
/// of the project, copied to `new`) holds.
pub(super) fn if_same_as(old: &Path, new: &Path, source: &Path) -> bool {
    let Ok(source) = File::open(source) else { return false };
    let Ok(len) = source.metadata().map(|m| m.len()) else { return false };
    let mut source = std::io::BufReader::with_capacity(64 * 1024, source);
    // One buffer for the source's pieces, as long as the longest `same` reads.
    let mut theirs = Vec::new();
    link_if(old, new, len, |mut file| {
        same(&mut file, |piece| {
            theirs.resize(piece.len(), 0);
            source.read_exact(&mut theirs).is_ok_and(|()| theirs == piece)
        }) && source.fill_buf().is_ok_and(<[u8]>::is_empty)
    })
}

/// Links `new` to `old` when `old` is a plain file of `len` bytes for which
/// `holds` says yes, read from its start.
#[cfg(unix)]
fn link_if(old: &Path, new: &Path, len: u64, holds: impl FnOnce(&File) -> bool) -> bool {
    use rustix::fs::{Mode, OFlags};
    use std::os::unix::fs::MetadataExt;
    // Neither a link followed nor a pipe waited on.
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let Ok(fd) = rustix::fs::open(old, flags, Mode::empty()) else { return false };
    let file = File::from(fd);
    let Ok(meta) = file.metadata() else { return false };
    if !meta.is_file() || meta.len() != len || !holds(&file) {
        return false;
    }
    if fs::hard_link(old, new).is_err() {
        return false;
    }
    // The old name may have been given to another file meanwhile.
    let linked = fs::symlink_metadata(new)
        .is_ok_and(|m| m.is_file() && (m.dev(), m.ino()) == (meta.dev(), meta.ino()));
    if !linked {
        let _ = fs::remove_file(new);
    }
    linked
}

/// Elsewhere files are always written.
#[cfg(not(unix))]
fn link_if(_old: &Path, _new: &Path, _len: u64, _holds: impl FnOnce(&File) -> bool) -> bool {
    false
}

/// Reads `file` to its end in pieces, each given to `matches`: true when
/// every piece matched.
fn same(file: &mut impl Read, mut matches: impl FnMut(&[u8]) -> bool) -> bool {
    let mut buf = [0; 16 * 1024];
    loop {
        match file.read(&mut buf) {
            Ok(0) => return true,
            Ok(n) if matches(&buf[..n]) => {}
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            _ => return false,
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    fn dirs() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
        fs::create_dir(&old).unwrap();
        fs::create_dir(&new).unwrap();
        (tmp, old, new)
    }

    #[test]
    fn the_same_bytes_are_linked_and_others_are_not() {
        let (_tmp, old, new) = dirs();
        fs::write(old.join("a.html"), "<p>Samme</p>").unwrap();
        assert!(if_same(&old.join("a.html"), &new.join("a.html"), b"<p>Samme</p>"));
        let (a, b) =
            (fs::metadata(old.join("a.html")).unwrap(), fs::metadata(new.join("a.html")).unwrap());
        assert_eq!(a.ino(), b.ino(), "one file under two names");
        for other in [&b"<p>Andet</p>"[..], b"<p>Samme</p> ", b"<p>Samm"] {
            assert!(!if_same(&old.join("a.html"), &new.join("b.html"), other));
            assert!(!new.join("b.html").exists());
        }
        assert!(!if_same(&old.join("missing.html"), &new.join("c.html"), b""));
    }

    #[test]
    fn a_copied_file_is_linked_when_its_source_holds_the_same() {
        let (tmp, old, new) = dirs();
        let source = tmp.path().join("kort.png");
        let image: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        fs::write(&source, &image).unwrap();
        fs::write(old.join("kort.png"), &image).unwrap();
        assert!(if_same_as(&old.join("kort.png"), &new.join("kort.png"), &source));
        let mut other = image.clone();
        other[99_999] ^= 1;
        fs::write(&source, &other).unwrap();
        assert!(!if_same_as(&old.join("kort.png"), &new.join("b.png"), &source), "last byte");
        fs::write(&source, &image[..99_999]).unwrap();
        assert!(!if_same_as(&old.join("kort.png"), &new.join("c.png"), &source), "shorter");
        assert!(!if_same_as(&old.join("kort.png"), &new.join("d.png"), &tmp.path().join("x")));
    }

    #[test]
    fn a_symbolic_link_or_a_pipe_is_never_linked_nor_waited_on() {
        let (tmp, old, new) = dirs();
        let outside = tmp.path().join("secret.txt");
        fs::write(&outside, "hemmeligt").unwrap();
        std::os::unix::fs::symlink(&outside, old.join("link.html")).unwrap();
        assert!(!if_same(&old.join("link.html"), &new.join("link.html"), b"hemmeligt"));
        assert!(fs::symlink_metadata(new.join("link.html")).is_err());
        rustix::fs::mknodat(
            rustix::fs::CWD,
            old.join("pipe.html"),
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .unwrap();
        assert!(!if_same(&old.join("pipe.html"), &new.join("pipe.html"), b""));
    }
}
