//! The arena of text files that [`SourceId`]s index and diagnostics point
//! into: content pages, `stratdoc.yaml`, and any other file stratdoc was
//! allowed to read.
//!
//! A content page's text is not held: a large strategy's pages would take
//! more memory than everything else a build holds. It is read when a stage
//! needs it ([`Sources::read`]) and let go after; a page a diagnostic
//! points into is read once more when the diagnostic is shown, and kept
//! ([`SourceFile::text`]). The path it is read from was checked by the load
//! stage, which named it.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diagnostics::{Code, Diagnostic, SourceId, Span};

/// One text file the diagnostics can point into.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the project root, with `/` separators (`content/purpose.md`).
    pub path: String,
    /// The text, BOM stripped and line endings normalised to `\n`, once read.
    text: OnceLock<String>,
    /// Where to read it from when it is not held.
    origin: Option<PathBuf>,
    /// What is wrong with a held text as text, for the parse stage.
    problem: Option<Problem>,
    /// A hash of the text as the parse stage read it, so that a later read
    /// can tell the file was changed in between.
    parsed: OnceLock<u64>,
}

impl SourceFile {
    fn new(path: String, text: OnceLock<String>, origin: Option<PathBuf>) -> SourceFile {
        SourceFile { path, text, origin, problem: None, parsed: OnceLock::new() }
    }

    /// The text, read now if it is not held (the file unreadable: empty).
    #[must_use]
    pub fn text(&self) -> &str {
        self.text.get_or_init(|| self.origin.as_ref().map_or_else(String::new, |o| read(o).text))
    }
}

/// A file's bytes read as text: BOM stripped, line ends normalised to `\n`,
/// and what is wrong with them as text, if anything.
#[derive(Debug)]
pub struct Decoded {
    /// The text (lossy where the bytes are not UTF-8).
    pub text: String,
    /// What is wrong with the bytes as text.
    pub problem: Option<Problem>,
}

/// Why a file's bytes are not text, and where.
#[derive(Debug, Clone, Copy)]
pub struct Problem {
    message: &'static str,
    help: &'static str,
    /// The offset in the file, as a hex editor shows it.
    byte: usize,
    /// The same place in the decoded text.
    at: usize,
}

impl Problem {
    /// The error, pointed into file `id`.
    #[must_use]
    pub fn at(self, id: SourceId) -> Diagnostic {
        let span = Span::new(id, self.at..self.at);
        Diagnostic::error(span, format!("{} (byte offset {})", self.message, self.byte))
            .code(Code::NotUtf8)
            .help(self.help.to_owned())
    }
}

/// Reads `bytes` as a text file. Valid UTF-8, the common case, becomes the
/// text without a copy.
#[must_use]
pub fn decode(mut bytes: Vec<u8>) -> Decoded {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    // Like git, a NUL byte near the start means binary, whatever else follows.
    let head = &bytes[bom..bytes.len().min(bom + 8000)];
    let nul = memchr::memchr(0, head);
    let problem = |body: &[u8], message, at, help| {
        Some(Problem { message, help, byte: at + bom, at: lossy_offset(body, at) })
    };
    let (mut text, problem) = match nul {
        None => utf8(&bytes[bom..]).map_or_else(
            || {
                let body = bytes.split_off(bom);
                let valid = std::str::from_utf8(&body).map_or_else(|e| e.valid_up_to(), str::len);
                let problem = problem(
                    &body,
                    "the file is not valid UTF-8",
                    valid,
                    "save the file as UTF-8 text",
                );
                (String::from_utf8_lossy(&body).into_owned(), problem)
            },
            |text| (text, None),
        ),
        Some(at) => {
            let body = &bytes[bom..];
            (
                String::from_utf8_lossy(body).replace('\0', " "),
                problem(
                    body,
                    "this looks like a binary file, not Markdown text",
                    at,
                    "only `.md` text files belong here; rename or remove it",
                ),
            )
        }
    };
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text = text.replace("\r\n", "\n");
    }
    Decoded { text, problem }
}

/// `bytes` as text, when they are UTF-8: checked with SIMD (`simdutf8`), as
/// every page is read twice and Danish prose, with a non-ASCII letter every
/// few words, kept std's check off its ASCII fast path: it was about 1 %
/// of a 10,000-page build's time (perf). The copy costs less than std's
/// check did, and safe code cannot make a `String` of bytes checked
/// elsewhere.
fn utf8(bytes: &[u8]) -> Option<String> {
    simdutf8::basic::from_utf8(bytes).ok().map(str::to_owned)
}

/// Where raw byte `byte` lands in the normalised lossy text (same prefix, minus CRs).
fn lossy_offset(bytes: &[u8], byte: usize) -> usize {
    let prefix = String::from_utf8_lossy(&bytes[..byte]);
    prefix.len() - prefix.matches("\r\n").count()
}

/// A hash of `text`: equal for the same text, and different, all but
/// certainly, for a text saved again with any change.
/// A text's fingerprint: two texts with the same one are taken to be the
/// same (a changed file is told from the one parsed; `serve` reuses a parse).
#[must_use]
pub fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The file at `origin` read as text; a file that cannot be read now reads
/// as empty (it was read before, by the stage that found it).
fn read(origin: &Path) -> Decoded {
    decode(std::fs::read(origin).unwrap_or_default())
}

/// The arena of loaded files; [`SourceId`]s index into it.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// Adds a file and returns its id.
    pub fn add(&mut self, path: impl Into<String>, text: impl Into<String>) -> SourceId {
        self.push(SourceFile::new(path.into(), OnceLock::from(text.into()), None))
    }

    /// Adds a file read as `decoded`, what is wrong with it kept for
    /// [`Sources::decode`].
    pub fn add_decoded(&mut self, path: impl Into<String>, decoded: Decoded) -> SourceId {
        let file = SourceFile::new(path.into(), OnceLock::from(decoded.text), None);
        self.push(SourceFile { problem: decoded.problem, ..file })
    }

    /// Adds a file whose text is read from `origin` when it is needed.
    pub fn add_unread(&mut self, path: impl Into<String>, origin: PathBuf) -> SourceId {
        self.push(SourceFile::new(path.into(), OnceLock::new(), Some(origin)))
    }

    fn push(&mut self, file: SourceFile) -> SourceId {
        self.files.push(file);
        SourceId(self.files.len() - 1)
    }

    /// The text of `id` as the parse stage read it: borrowed when it is
    /// held, else read again (and not kept); `None` when it can no longer
    /// be read or is not what was parsed (saved again since).
    #[must_use]
    pub fn read(&self, id: SourceId) -> Option<Cow<'_, str>> {
        let file = self.get(id);
        if let Some(text) = file.text.get() {
            return Some(Cow::Borrowed(text));
        }
        let text = decode(std::fs::read(file.origin.as_ref()?).ok()?).text;
        (file.parsed.get() == Some(&fingerprint(&text))).then_some(Cow::Owned(text))
    }

    /// The text of `id` read as a file, with what is wrong with it as text;
    /// an error when it cannot be read at all. What is read here is what
    /// [`Sources::read`] gives later.
    pub fn decode(&self, id: SourceId) -> std::io::Result<Decoded> {
        let file = self.get(id);
        let decoded = match (&file.origin, file.text.get()) {
            (Some(origin), _) => decode(std::fs::read(origin)?),
            (None, text) => {
                Decoded { text: text.cloned().unwrap_or_default(), problem: file.problem }
            }
        };
        file.parsed.get_or_init(|| fingerprint(&decoded.text));
        Ok(decoded)
    }

    /// The [`fingerprint`] of `id`'s text as [`Sources::decode`] read it.
    #[must_use]
    pub fn fingerprint(&self, id: SourceId) -> Option<u64> {
        self.get(id).parsed.get().copied()
    }

    /// Where `id` is read from, when it is a file not held in memory.
    #[must_use]
    pub fn origin(&self, id: SourceId) -> Option<&Path> {
        let file = self.get(id);
        file.origin.as_deref().filter(|_| file.text.get().is_none())
    }

    /// Notes that `id` was read by an earlier build as a text with this
    /// fingerprint: what a later [`Sources::read`] must find.
    pub fn read_before(&self, id: SourceId, fingerprint: u64) {
        self.get(id).parsed.get_or_init(|| fingerprint);
    }

    /// Keeps `text` as the text of `id` (it was read already) and lends it
    /// for as long as these sources live: a body parsed before the render
    /// pass borrows its text.
    #[must_use]
    pub fn keep(&self, id: SourceId, text: String) -> &str {
        self.get(id).text.get_or_init(|| text)
    }

    /// The file behind `id`.
    #[must_use]
    pub fn get(&self, id: SourceId) -> &SourceFile {
        &self.files[id.0]
    }

    /// All files with their ids.
    pub fn iter(&self) -> impl Iterator<Item = (SourceId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (SourceId(i), f))
    }

    /// 1-based line and column (in characters) of byte `offset` in `id`.
    #[must_use]
    pub fn line_col(&self, id: SourceId, offset: usize) -> (usize, usize) {
        let text = self.get(id).text();
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_is_one_based_in_chars() {
        let mut sources = Sources::default();
        let id = sources.add("a", "æø\nåx");
        assert_eq!(sources.line_col(id, 0), (1, 1));
        assert_eq!(sources.line_col(id, 4), (1, 3));
        assert_eq!(sources.line_col(id, 7), (2, 2));
    }

    #[test]
    fn text_is_read_as_std_reads_it_at_every_length_and_every_broken_byte() {
        // Long enough for several of the SIMD check's 64-byte blocks, with
        // characters of two, three and four bytes across their edges.
        let text = "Kommunerne øger sikkerheden – »fælles« drift; 数据 🙂 é ".repeat(6);
        let bytes = text.as_bytes();
        for end in 0..=bytes.len() {
            let piece = &bytes[..end];
            let decoded = decode(piece.to_vec());
            match std::str::from_utf8(piece) {
                Ok(expected) => {
                    assert_eq!(decoded.text, expected);
                    assert!(decoded.problem.is_none());
                }
                Err(err) => {
                    let problem = decoded.problem.expect("a cut character is a problem");
                    assert_eq!(problem.byte, err.valid_up_to());
                }
            }
        }
        for at in 0..bytes.len() {
            let mut broken = bytes.to_vec();
            broken[at] = 0xFF;
            let problem = decode(broken).problem.expect("0xFF is never UTF-8");
            let start = (0..=at).rev().find(|&i| text.is_char_boundary(i));
            assert_eq!(Some(problem.byte), start);
        }
    }
}
