//! The arena of text files that [`SourceId`]s index and diagnostics point
//! into: content pages, `stratdoc.yaml`, and any other file stratdoc was
//! allowed to read.

use crate::diagnostics::SourceId;

/// One text file the diagnostics can point into.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the project root, with `/` separators (`content/purpose.md`).
    pub path: String,
    /// The text, BOM stripped and line endings normalised to `\n`.
    pub text: String,
}

/// The arena of loaded files; [`SourceId`]s index into it.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// Adds a file and returns its id.
    pub fn add(&mut self, path: impl Into<String>, text: impl Into<String>) -> SourceId {
        self.files.push(SourceFile { path: path.into(), text: text.into() });
        SourceId(self.files.len() - 1)
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
        let text = &self.get(id).text;
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
}
