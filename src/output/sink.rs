//! Where a build's files go as they are made: renderers hand each finished
//! file to a [`Sink`] and forget it, and write the largest (the board
//! edition, the overviews and plan views) into a [`Stream`] as they render
//! them, so a build holds only the work in flight, never the whole site.
//! `build` writes into a staging folder that is swapped into place when
//! every file is there (see [`super::Output`]); `serve` and the tests keep
//! the files in memory; `check` drops them.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::artifact::{Contents, OutputFile};
use crate::error::Error;

/// Where the files of one build go.
#[derive(Debug)]
pub struct Sink {
    to: To,
    /// How many files were written.
    written: AtomicUsize,
    /// How many of them are web pages.
    pages: AtomicUsize,
}

#[derive(Debug)]
enum To {
    /// A folder on disk, with the sub-folders made so far, and the last
    /// build's output, from which files that come out the same are linked.
    Folder(PathBuf, Mutex<HashSet<PathBuf>>, Option<PathBuf>),
    /// Memory.
    Memory(Mutex<Vec<OutputFile>>),
    /// Nowhere: the build is only checked.
    Nowhere,
}

impl Sink {
    /// Files written into the folder `dir`, which exists; those that hold
    /// what they held in `previous` (the last build's output, which stratdoc
    /// made) are linked from there (see `link`).
    #[must_use]
    pub fn folder(dir: &Path, previous: Option<&Path>) -> Sink {
        let previous = previous.map(Path::to_path_buf);
        Sink::new(To::Folder(dir.to_path_buf(), Mutex::new(HashSet::new()), previous))
    }

    /// Files kept in memory ([`Sink::into_files`]).
    #[must_use]
    pub fn memory() -> Sink {
        Sink::new(To::Memory(Mutex::new(Vec::new())))
    }

    /// Files dropped as they are made.
    #[must_use]
    pub fn nowhere() -> Sink {
        Sink::new(To::Nowhere)
    }

    fn new(to: To) -> Sink {
        Sink { to, written: AtomicUsize::new(0), pages: AtomicUsize::new(0) }
    }

    /// How many files were written so far.
    #[must_use]
    pub fn count(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// How many web pages (`.html` files) were written so far with
    /// [`Sink::put`]: the site's pages, not the board edition.
    #[must_use]
    pub fn pages(&self) -> usize {
        self.pages.load(Ordering::Relaxed)
    }

    /// The files kept in memory, in the order they were written (none for
    /// other sinks).
    #[must_use]
    pub fn into_files(self) -> Vec<OutputFile> {
        match self.to {
            To::Memory(files) => {
                files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)
            }
            To::Folder(..) | To::Nowhere => Vec::new(),
        }
    }

    /// Writes `file`.
    pub fn put(&self, file: OutputFile) -> Result<(), Error> {
        let page =
            Path::new(&file.path).extension().is_some_and(|e| e.eq_ignore_ascii_case("html"));
        self.note(page);
        match &self.to {
            To::Folder(dir, made, previous) => {
                let path = Self::place(dir, made, &file.path)?;
                let old = previous.as_ref().map(|previous| previous.join(&file.path));
                let linked = old.is_some_and(|old| match &file.contents {
                    Contents::Bytes(bytes) => super::link::if_same(&old, &path, bytes),
                    Contents::Copy(from) => super::link::if_same_as(&old, &path, from),
                });
                match &file.contents {
                    _ if linked => Ok(()),
                    Contents::Bytes(bytes) => {
                        fs::write(&path, bytes).map_err(Error::io("write", &path))
                    }
                    Contents::Copy(from) => copy(from, &path),
                }
            }
            To::Memory(files) => {
                files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(file);
                Ok(())
            }
            To::Nowhere => Ok(()),
        }
    }

    /// Notes a file written, and a web page when it is one.
    fn note(&self, page: bool) {
        self.written.fetch_add(1, Ordering::Relaxed);
        if page {
            crate::progress::pages(self.pages.fetch_add(1, Ordering::Relaxed) + 1);
        }
    }

    /// Writes the file at `path` (relative to the output) with `bytes`.
    pub fn write(&self, path: String, bytes: Vec<u8>) -> Result<(), Error> {
        self.put(OutputFile { path, contents: Contents::Bytes(bytes) })
    }

    /// A file written piece by piece (the board edition, which is large);
    /// it is there once [`Stream::finish`] returns. Unlike [`Sink::put`], it
    /// is written anew even when the last build's is the same.
    pub fn stream(&self, path: &str) -> Result<Stream<'_>, Error> {
        self.open_stream(path, false)
    }

    /// [`Sink::stream`] for a web page of the site (it is counted as one).
    pub fn stream_page(&self, path: &str) -> Result<Stream<'_>, Error> {
        self.open_stream(path, true)
    }

    fn open_stream(&self, path: &str, page: bool) -> Result<Stream<'_>, Error> {
        let to = match &self.to {
            To::Folder(dir, made, _) => {
                let full = Self::place(dir, made, path)?;
                let file = File::create(&full).map_err(Error::io("write", &full))?;
                StreamTo::File(BufWriter::with_capacity(1 << 20, file), full)
            }
            To::Memory(_) => StreamTo::Memory(Vec::new()),
            To::Nowhere => StreamTo::Nowhere,
        };
        Ok(Stream { sink: self, path: path.to_owned(), to, page, failed: None })
    }

    /// The full path of output file `rel` in `dir`, its folder made.
    fn place(dir: &Path, made: &Mutex<HashSet<PathBuf>>, rel: &str) -> Result<PathBuf, Error> {
        let Some(rel) = safe_relative(rel) else {
            return Err(Error::UnsafeOutput {
                path: dir.to_path_buf(),
                reason: format!("output path `{rel}` would leave the output folder"),
            });
        };
        let path = dir.join(rel);
        if let Some(parent) = rel.parent().filter(|p| !p.as_os_str().is_empty()) {
            let mut made = made.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if !made.contains(parent) {
                let folder = dir.join(parent);
                fs::create_dir_all(&folder).map_err(Error::io("create", &folder))?;
                made.insert(parent.to_path_buf());
            }
        }
        Ok(path)
    }
}

/// A file being written piece by piece.
pub struct Stream<'a> {
    sink: &'a Sink,
    path: String,
    to: StreamTo,
    /// Counted as a web page.
    page: bool,
    /// The first write that failed while a writer that only knows
    /// [`io::Write`] (Tera) wrote into it.
    failed: Option<Error>,
}

enum StreamTo {
    File(BufWriter<File>, PathBuf),
    Memory(Vec<u8>),
    Nowhere,
}

impl Stream<'_> {
    /// Appends `text`.
    pub fn push(&mut self, text: &str) -> Result<(), Error> {
        match Write::write_all(self, text.as_bytes()) {
            Ok(()) => Ok(()),
            Err(_) => self.take_error(),
        }
    }

    /// The error of a write made through [`io::Write`], if one failed.
    pub fn take_error(&mut self) -> Result<(), Error> {
        self.failed.take().map_or(Ok(()), Err)
    }

    /// Ends the file.
    pub fn finish(self) -> Result<(), Error> {
        self.sink.note(self.page);
        match (self.to, &self.sink.to) {
            (StreamTo::File(mut out, path), _) => out.flush().map_err(Error::io("write", path)),
            (StreamTo::Memory(bytes), To::Memory(files)) => {
                let file = OutputFile { path: self.path, contents: Contents::Bytes(bytes) };
                files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(file);
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// For writers that write into any [`io::Write`] (Tera's `render_to`): a
/// failed write is kept as the file's error, for [`Stream::take_error`].
impl Write for Stream<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let written = match &mut self.to {
            StreamTo::File(out, path) => {
                out.write_all(buf).map_err(Error::io("write", path.as_path()))
            }
            StreamTo::Memory(bytes) => {
                bytes.extend_from_slice(buf);
                Ok(())
            }
            StreamTo::Nowhere => Ok(()),
        };
        written.map_err(|err| {
            let message = err.to_string();
            self.failed.get_or_insert(err);
            io::Error::other(message)
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Copies an asset, blaming the right file: a source that cannot be read is
/// named as such, and a write that fails (a full disk) names the output file.
/// `fs::copy` reports both as one error, which used to name the source.
pub(super) fn copy(from: &Path, to: &Path) -> Result<(), Error> {
    let mut source = File::open(from).map_err(Error::io("read", from))?;
    let mut target = File::create(to).map_err(Error::io("write", to))?;
    let mut buf = vec![0; 64 * 1024];
    loop {
        let n = match source.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(source) => return Err(Error::Io { action: "read", path: from.into(), source }),
        };
        target.write_all(&buf[..n]).map_err(Error::io("write", to))?;
    }
}

/// A path that stays inside the folder it is joined to.
pub(super) fn safe_relative(path: &str) -> Option<&Path> {
    let p = Path::new(path);
    let ok = !path.is_empty()
        && !path.contains('\\')
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    ok.then_some(p)
}
