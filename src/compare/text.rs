//! Pages' texts compared: the Markdown bodies (frontmatter left out, its
//! facts are compared as facts), paragraph by paragraph, and a changed
//! paragraph word by word, so a reader sees the words that changed in
//! their sentence.
//!
//! The alignment is a longest common subsequence after the common start
//! and end are set aside, which is what an edit leaves in the middle; past
//! [`MAX_CELLS`] (a page rewritten whole), the middle is shown as deleted
//! and inserted, so a large rewrite costs no more than reading it.

use crate::compare::{PageChange, TextChange, is_plain};
use crate::diagnostics::Sources;
use crate::model::{Page, Publication};

/// The most cells an alignment may fill (its two lengths multiplied).
const MAX_CELLS: usize = 250_000;

/// What a run of words is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// In both.
    Kept,
    /// New.
    Inserted,
    /// Gone.
    Deleted,
}

/// Words of one piece, with the spaces between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Kept, inserted or deleted.
    pub piece: Piece,
    /// The words, as written in Markdown.
    pub text: String,
}

/// Every page of `now` whose text differs from the same file in
/// `before`, and the plain pages of either that the other lacks.
pub(super) fn pages(
    before: &Publication,
    old: &Sources,
    now: &Publication,
    new: &Sources,
) -> Vec<PageChange> {
    let mut changes = Vec::new();
    for (id, page) in now.iter() {
        let text = match before.by_path(&page.path) {
            None if is_plain(now, page) => TextChange::Added,
            None => continue,
            Some(was) => {
                let (a, b) = (body(old, &before[was]), body(new, page));
                if a == b {
                    continue;
                }
                TextChange::Changed(paragraphs(&a, &b))
            }
        };
        changes.push(PageChange {
            path: page.path.clone(),
            title: page.heading(),
            page: Some(id),
            text,
        });
    }
    for (_, page) in before.iter().filter(|(_, p)| is_plain(before, p)) {
        if now.by_path(&page.path).is_none() {
            let text = TextChange::Removed;
            changes.push(PageChange {
                path: page.path.clone(),
                title: page.heading(),
                page: None,
                text,
            });
        }
    }
    changes
}

/// The Markdown body of `page`, its ends trimmed.
fn body(sources: &Sources, page: &Page) -> String {
    let text = sources.read(page.source).unwrap_or_default();
    text.get(page.body.clone()).unwrap_or_default().trim().to_owned()
}

/// The paragraphs that differ between `old` and `new`, each as runs.
fn paragraphs(old: &str, new: &str) -> Vec<Vec<Run>> {
    let (a, b) = (split(old), split(new));
    let mut changed = Vec::new();
    for (dels, ins) in blocks(&a, &b) {
        let pairs = dels.len().min(ins.len());
        for (x, y) in dels.iter().zip(&ins) {
            changed.push(words(x, y));
        }
        for x in &dels[pairs..] {
            changed.push(vec![Run { piece: Piece::Deleted, text: (*x).to_owned() }]);
        }
        for y in &ins[pairs..] {
            changed.push(vec![Run { piece: Piece::Inserted, text: (*y).to_owned() }]);
        }
    }
    changed
}

/// Paragraphs: text between blank lines.
fn split(text: &str) -> Vec<&str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
}

/// The runs of `a` and `b` that do not align, as (deleted, inserted).
fn blocks<'t>(a: &[&'t str], b: &[&'t str]) -> Vec<(Vec<&'t str>, Vec<&'t str>)> {
    let mut out = Vec::new();
    let mut block = (Vec::new(), Vec::new());
    for (piece, text) in align(a, b) {
        match piece {
            Piece::Kept => {
                if !block.0.is_empty() || !block.1.is_empty() {
                    out.push(std::mem::take(&mut block));
                }
            }
            Piece::Deleted => block.0.push(text),
            Piece::Inserted => block.1.push(text),
        }
    }
    if !block.0.is_empty() || !block.1.is_empty() {
        out.push(block);
    }
    out
}

/// `old` and `new` word by word, adjacent pieces of a kind joined.
fn words(old: &str, new: &str) -> Vec<Run> {
    let (a, b) = (tokens(old), tokens(new));
    let mut runs: Vec<Run> = Vec::new();
    for (piece, text) in align(&a, &b) {
        match runs.last_mut() {
            Some(last) if last.piece == piece => last.text.push_str(text),
            _ => runs.push(Run { piece, text: text.to_owned() }),
        }
    }
    runs
}

/// Words and the spaces between them, each a token of its own.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        let is_space = c.is_whitespace();
        if space.is_some_and(|s| s != is_space) {
            out.push(&text[start..i]);
            start = i;
        }
        space = Some(is_space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// `a` and `b` aligned: the common start and end kept, the middle by a
/// longest common subsequence (or deleted and inserted whole, when large).
fn align<'t>(a: &[&'t str], b: &[&'t str]) -> Vec<(Piece, &'t str)> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail =
        a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut out: Vec<(Piece, &str)> = a[..head].iter().map(|t| (Piece::Kept, *t)).collect();
    if ma.len() * mb.len() > MAX_CELLS {
        out.extend(ma.iter().map(|t| (Piece::Deleted, *t)));
        out.extend(mb.iter().map(|t| (Piece::Inserted, *t)));
    } else {
        out.extend(lcs(ma, mb));
    }
    out.extend(a[a.len() - tail..].iter().map(|t| (Piece::Kept, *t)));
    out
}

/// The classic dynamic programme: `len[i][j]` is the longest common
/// subsequence of `a[i..]` and `b[j..]`; deletions come before insertions.
#[expect(
    clippy::many_single_char_names,
    reason = "the textbook's names: lengths n, m, indices i, j"
)]
fn lcs<'t>(a: &[&'t str], b: &[&'t str]) -> Vec<(Piece, &'t str)> {
    let (n, m) = (a.len(), b.len());
    let mut len = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[at(i, j)] = if a[i] == b[j] {
                len[at(i + 1, j + 1)] + 1
            } else {
                len[at(i + 1, j)].max(len[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::with_capacity(n + m));
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push((Piece::Kept, a[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || len[at(i + 1, j)] >= len[at(i, j + 1)]) {
            out.push((Piece::Deleted, a[i]));
            i += 1;
        } else {
            out.push((Piece::Inserted, b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(runs: &[Run]) -> String {
        runs.iter()
            .map(|r| match r.piece {
                Piece::Kept => r.text.clone(),
                Piece::Inserted => format!("[+{}]", r.text),
                Piece::Deleted => format!("[-{}]", r.text),
            })
            .collect()
    }

    #[test]
    fn a_changed_word_is_shown_in_its_sentence() {
        let runs = words("Vi samler driften i 2027.", "Vi samler hele driften i 2028.");
        assert_eq!(shown(&runs), "Vi samler [+hele ]driften i [-2027.][+2028.]");
    }

    #[test]
    fn only_changed_paragraphs_are_kept() {
        let old = "Første afsnit.\n\nAndet afsnit her.\n\nTredje.";
        let new = "Første afsnit.\n\nAndet afsnit der.\n\nTredje.\n\nFjerde.";
        let changed = paragraphs(old, new);
        assert_eq!(changed.len(), 2);
        assert_eq!(shown(&changed[0]), "Andet afsnit [-her.][+der.]");
        assert_eq!(shown(&changed[1]), "[+Fjerde.]");
    }

    #[test]
    fn a_rewrite_too_large_to_align_is_deleted_and_inserted() {
        let a: Vec<String> = (0..600).map(|i| format!("a{i}")).collect();
        let b: Vec<String> = (0..600).map(|i| format!("b{i}")).collect();
        let (a, b) = (a.join(" "), b.join(" "));
        let runs = words(&a, &b);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].piece, Piece::Deleted);
    }
}
