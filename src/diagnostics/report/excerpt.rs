//! The source lines one diagnostic shows, each cut to a window around its
//! labels. codespan-reporting prints whole lines; a 1 MB line with 8,000
//! broken links would be printed 8,000 times. So each diagnostic gets its own
//! small "file" ([`Excerpts`], a codespan [`Files`]) holding only the windows
//! it shows, `…` where a line goes on, with the real line and column numbers
//! mapped back, so the header's `file:line:col` stays exact.
//!
//! Work per diagnostic is bounded by the window sizes, given a [`FileIndex`]
//! (line starts and char counts) made once per file.

use std::ops::Range;

use codespan_reporting::files::{Error, Files};

use crate::diagnostics::{SourceId, Sources, Span};

/// Lines up to this many chars are shown whole.
const WHOLE: usize = 120;

/// Chars shown before a label and after it, on longer lines.
const PAD: usize = 50;

/// Chars of a long label shown before `…`.
const LABEL: usize = 80;

/// Bytes per block of [`FileIndex`]'s char counts.
const BLOCK: usize = 4096;

/// Where lines start in a file, and how many chars come before each block of
/// [`BLOCK`] bytes, so a column is counted in at most one block.
#[derive(Debug)]
pub(super) struct FileIndex {
    line_starts: Vec<usize>,
    block_chars: Vec<usize>,
}

impl FileIndex {
    pub(super) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(bytes.iter().enumerate().filter(|&(_, &b)| b == b'\n').map(|(i, _)| i + 1))
            .collect();
        let mut block_chars = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for block in bytes.chunks(BLOCK) {
            block_chars.push(count);
            count += chars_in(block);
        }
        block_chars.push(count);
        FileIndex { line_starts, block_chars }
    }

    /// 1-based line and column (in chars) of byte `offset` of `text`,
    /// which this indexes; an offset inside a char counts as its start.
    pub(super) fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let at = snap(text, &(offset..offset)).start;
        let line = self.line(at);
        let column = self.chars_before(text, at) - self.chars_before(text, self.line_starts[line]);
        (line + 1, column + 1)
    }

    /// 0-based line of byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// Bytes of `line`, without its `\n`.
    fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.line_starts[line];
        let end = self.line_starts.get(line + 1).map_or(text.len(), |next| next - 1);
        start..end
    }

    /// Chars in `text[..offset]`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.block_chars[block] + chars_in(&text.as_bytes()[block * BLOCK..offset])
    }
}

/// Chars in UTF-8 `bytes` (any slice: continuation bytes are not counted).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The excerpts of one diagnostic, one per file it points into.
#[derive(Debug, Default)]
pub(super) struct Excerpts {
    files: Vec<Excerpt>,
}

#[derive(Debug)]
struct Excerpt {
    source: SourceId,
    name: String,
    text: String,
    lines: Vec<Line>,
}

/// One shown window of a line (or an empty filler line between windows of
/// lines that are not neighbours, so codespan shows a `·` break there).
#[derive(Debug)]
struct Line {
    /// Bytes of the excerpt's text: start, start of the real text (after a
    /// leading `…`), end (before the `\n`).
    start: usize,
    content: usize,
    end: usize,
    /// 1-based number of the real line.
    number: usize,
    /// 1-based column of the window's first char in the real line.
    first_col: usize,
    /// The window's bytes in the real file.
    real: Range<usize>,
}

impl Excerpts {
    /// Adds excerpts for `spans` and returns, for each span, its file and
    /// byte range in this excerpt set.
    pub(super) fn place<'i>(
        &mut self,
        sources: &Sources,
        spans: &[&Span],
        index: impl Fn(SourceId) -> &'i FileIndex,
        prefix: &str,
    ) -> Vec<(usize, Range<usize>)> {
        let mut files: Vec<SourceId> = Vec::new();
        for span in spans {
            if !files.contains(&span.source) {
                files.push(span.source);
            }
        }
        for &source in &files {
            let file = sources.get(source);
            let ranges: Vec<Range<usize>> = spans
                .iter()
                .filter(|s| s.source == source)
                .map(|s| snap(file.text(), &s.range))
                .collect();
            let name = format!("{prefix}{}", file.path);
            self.files.push(Excerpt::new(source, &name, file.text(), &ranges, index(source)));
        }
        spans
            .iter()
            .map(|span| {
                let at = self.files.iter().position(|f| f.source == span.source).unwrap_or(0);
                let file = &self.files[at];
                let index = index(span.source);
                let range = snap(sources.get(span.source).text(), &span.range);
                let start = file.map(index.line(range.start), range.start);
                let end = file.map(index.line(range.end), range.end).max(start);
                (at, start..end)
            })
            .collect()
    }
}

/// `range` inside `text` and on char boundaries.
fn snap(text: &str, range: &Range<usize>) -> Range<usize> {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

impl Excerpt {
    fn new(
        source: SourceId,
        name: &str,
        text: &str,
        ranges: &[Range<usize>],
        index: &FileIndex,
    ) -> Excerpt {
        // What each line must show: (line, from, to) in real bytes.
        let mut focus: Vec<(usize, usize, usize)> = Vec::new();
        for range in ranges {
            let (first, last) = (index.line(range.start), index.line(range.end));
            if first == last {
                focus.push((first, range.start, range.end));
                continue;
            }
            // A label over several lines: its start, the lines codespan
            // shows after it (3) and before its end (1), and its end.
            focus.push((first, range.start, range.start));
            let middle = (first + 1..last).filter(|&l| l <= first + 3 || l + 1 == last);
            focus.extend(middle.map(|l| (l, index.line_starts[l], index.line_starts[l])));
            focus.push((last, range.end, range.end));
        }
        focus.sort_unstable();
        let mut excerpt =
            Excerpt { source, name: name.to_owned(), text: String::new(), lines: Vec::new() };
        let mut windows: Vec<(usize, Range<usize>)> = Vec::new();
        for (line, from, to) in focus {
            let bounds = index.line_range(text, line);
            let chars =
                index.chars_before(text, bounds.end) - index.chars_before(text, bounds.start);
            let (start, end) = if chars <= WHOLE {
                (bounds.start, bounds.end)
            } else {
                let long_end = forward(text, bounds.end, from, LABEL);
                let end =
                    if to <= long_end { forward(text, bounds.end, to, PAD) } else { long_end };
                (back(text, bounds.start, from, PAD), end)
            };
            match windows.last_mut() {
                Some((l, w)) if *l == line && start <= w.end => {
                    w.start = w.start.min(start);
                    w.end = w.end.max(end);
                }
                _ => windows.push((line, start..end)),
            }
        }
        let mut previous: Option<usize> = None;
        for (line, window) in windows {
            if previous.is_some_and(|p| line > p + 1) {
                for _ in 0..2 {
                    excerpt.filler(line);
                }
            }
            previous = Some(line);
            excerpt.window(text, index, line, window);
        }
        excerpt
    }

    fn filler(&mut self, number: usize) {
        let at = self.text.len();
        self.lines.push(Line { start: at, content: at, end: at, number, first_col: 1, real: 0..0 });
        self.text.push('\n');
    }

    fn window(&mut self, text: &str, index: &FileIndex, line: usize, window: Range<usize>) {
        let bounds = index.line_range(text, line);
        let start = self.text.len();
        if window.start > bounds.start {
            self.text.push('…');
        }
        let content = self.text.len();
        self.text.push_str(&text[window.clone()]);
        if window.end < bounds.end {
            self.text.push('…');
        }
        let end = self.text.len();
        self.text.push('\n');
        let first_col =
            index.chars_before(text, window.start) - index.chars_before(text, bounds.start) + 1;
        self.lines.push(Line { start, content, end, number: line + 1, first_col, real: window });
    }

    /// Where real byte `offset` (on 0-based real `line`) is in the excerpt.
    fn map(&self, line: usize, offset: usize) -> usize {
        let mut shown =
            self.lines.iter().filter(|l| l.number == line + 1 && l.real.start <= offset);
        shown.next_back().map_or(0, |l| l.content + offset.min(l.real.end) - l.real.start)
    }

    fn line(&self, index: usize) -> Result<&Line, Error> {
        self.lines
            .get(index)
            .ok_or(Error::LineTooLarge { given: index, max: self.lines.len().saturating_sub(1) })
    }
}

/// The start of the `n`th char before `at`, not before `floor`.
fn back(text: &str, floor: usize, at: usize, n: usize) -> usize {
    text[floor..at].char_indices().rev().nth(n.saturating_sub(1)).map_or(floor, |(i, _)| floor + i)
}

/// The byte `n` chars after `at`, not after `ceiling`.
fn forward(text: &str, ceiling: usize, at: usize, n: usize) -> usize {
    let at = at.min(ceiling);
    text[at..ceiling].char_indices().nth(n).map_or(ceiling, |(i, _)| at + i)
}

impl<'a> Files<'a> for Excerpts {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.files.get(id).ok_or(Error::FileMissing)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.files.get(id).ok_or(Error::FileMissing)?.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let file = self.files.get(id).ok_or(Error::FileMissing)?;
        Ok(file.lines.partition_point(|l| l.start <= byte_index).saturating_sub(1))
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, Error> {
        let file = self.files.get(id).ok_or(Error::FileMissing)?;
        Ok(file.line(line_index).map_or(line_index + 1, |l| l.number))
    }

    fn column_number(&'a self, id: usize, line_index: usize, byte: usize) -> Result<usize, Error> {
        let file = self.files.get(id).ok_or(Error::FileMissing)?;
        let line = file.line(line_index)?;
        let mut byte = byte.clamp(line.content, line.end);
        while !file.text.is_char_boundary(byte) {
            byte -= 1;
        }
        Ok(line.first_col + file.text[line.content..byte].chars().count())
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let file = self.files.get(id).ok_or(Error::FileMissing)?;
        let line = file.line(line_index)?;
        Ok(line.start..line.end + 1)
    }
}
