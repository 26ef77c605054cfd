//! "Did you mean …?" for misspelt keys, ids, values, paths and anchors.
//!
//! Every search here has a fixed bound on its work, so a run with thousands
//! of broken references stays linear in their number:
//!
//! - a word longer than [`MAX_CHARS`] gets no suggestion;
//! - only candidates whose length and letters (a bag-distance lower bound,
//!   O(length)) are within the allowed edit distance are compared, and at
//!   most [`MAX_COMPARISONS`] of them per word, or
//!   [`MAX_NEARBY`] from a [`Nearby`] index (those nearest in length first:
//!   a heading or file with a typo mostly keeps its length);
//! - paths ([`PathIndex`], built once per run) are looked up first by file
//!   name in any folder (the fix after a folder is renamed), in O(1), and only
//!   then compared with files of similar length in the same folder.

use std::collections::HashMap;

use crate::slug::slugify;

/// Longest word (in chars) worth an edit-distance search.
const MAX_CHARS: usize = 128;

/// Most edit distances computed for one word.
const MAX_COMPARISONS: usize = 256;

/// Most edit distances computed for one word against a [`Nearby`] index.
const MAX_NEARBY: usize = 48;

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    let len = word.chars().count();
    if len > MAX_CHARS {
        return None;
    }
    let mut bins = [0i32; BINS];
    for c in word.chars() {
        bins[bin(c)] += 1;
    }
    candidates
        .into_iter()
        .filter(|c| {
            let c_len = c.chars().count();
            c_len <= MAX_CHARS && len.abs_diff(c_len) <= allowed(c_len)
        })
        .filter_map(|c| {
            let lower = c.to_lowercase();
            let limit = allowed(c.chars().count());
            // Most candidates are ruled out by their letters alone.
            (bag_distance(bins, &lower) <= limit).then_some((lower, c, limit))
        })
        .take(MAX_COMPARISONS)
        .map(|(lower, c, limit)| (distance(&word, &lower), c, limit))
        .filter(|&(d, _, limit)| d > 0 && d <= limit)
        .min_by_key(|&(d, _, _)| d)
        .map(|(_, c, _)| c)
}

/// The value a writer most likely means by `written`, among `words`: each
/// a word and the value it stands for (a value stands for itself, and the
/// words a site shows for a value stand for it too). Words are compared
/// as slugs, so case, accents, Danish letters and separators do not count
/// (`I gang`, `i-gang`, `HØJ`, `hoej`): a word that slugs the same wins,
/// else the closest likely typo.
pub fn closest_value<'a>(
    written: &str,
    words: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<&'a str> {
    let wanted = slugify(written);
    if wanted.is_empty() || wanted.chars().count() > MAX_CHARS {
        return None;
    }
    let slugs: Vec<(String, &str)> =
        words.into_iter().take(MAX_COMPARISONS).map(|(w, v)| (slugify(w), v)).collect();
    if let Some(&(_, value)) = slugs.iter().find(|(slug, _)| *slug == wanted) {
        return Some(value);
    }
    let close = did_you_mean(&wanted, slugs.iter().map(|(slug, _)| slug.as_str()))?;
    slugs.iter().find(|(slug, _)| slug == close).map(|&(_, value)| value)
}

/// Buckets of [`bag_distance`]'s letter counts.
const BINS: usize = 64;

fn bin(c: char) -> usize {
    c as usize % BINS
}

/// A lower bound of the edit distance in O(length): letters one word has
/// and the other lacks (counted per bucket, which can only lower it).
fn bag_distance(mut bins: [i32; BINS], other: &str) -> usize {
    for c in other.chars() {
        bins[bin(c)] -= 1;
    }
    let (mut more, mut fewer) = (0, 0);
    for n in bins {
        if n > 0 {
            more += n.unsigned_abs() as usize;
        } else {
            fewer += n.unsigned_abs() as usize;
        }
    }
    more.max(fewer)
}

/// Edits that still make a likely typo of a word of `len` chars.
fn allowed(len: usize) -> usize {
    (len / 3).max(1)
}

/// Words sorted by length, so a search compares only those of similar length.
/// Each word may stand for another value (a file name for its path).
#[derive(Debug, Default)]
pub struct Nearby<'a> {
    by_len: Vec<(usize, &'a str, &'a str)>,
}

impl<'a> Nearby<'a> {
    /// Indexes `words`.
    pub fn new(words: impl IntoIterator<Item = &'a str>) -> Self {
        Self::with_values(words.into_iter().map(|w| (w, w)))
    }

    /// Indexes `(word, value)` pairs; [`Nearby::closest`] returns the value.
    pub fn with_values(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut by_len: Vec<(usize, &str, &str)> =
            pairs.into_iter().map(|(w, v)| (w.chars().count(), w, v)).collect();
        by_len.sort_unstable();
        Nearby { by_len }
    }

    /// The value of the word closest to `word` (see [`did_you_mean`]),
    /// comparing at most [`MAX_NEARBY`] words, those nearest in length first.
    #[must_use]
    pub fn closest(&self, word: &str) -> Option<&'a str> {
        let len = word.chars().count();
        if len > MAX_CHARS {
            return None;
        }
        // A candidate of length `c` may be `c / 3` edits away, so none longer
        // than `len * 3 / 2 + 1` or shorter than `len * 3 / 4` can be.
        let low = self.by_len.partition_point(|&(l, _, _)| l < len * 3 / 4);
        let high = self.by_len.partition_point(|&(l, _, _)| l <= len * 3 / 2 + 1).max(low);
        let at = self.by_len.partition_point(|&(l, _, _)| l < len).clamp(low, high);
        // Walk out from the words of the same length, nearest length first.
        let (mut below, mut above) =
            (self.by_len[low..at].iter().rev(), self.by_len[at..high].iter());
        let (mut next_below, mut next_above) = (below.next(), above.next());
        let mut order = Vec::with_capacity(MAX_NEARBY);
        while order.len() < MAX_NEARBY {
            let take_above = match (next_below, next_above) {
                (None, None) => break,
                (Some(b), Some(a)) => a.0 - len <= len - b.0,
                (None, Some(_)) => true,
                (Some(_), None) => false,
            };
            if take_above {
                order.extend(next_above);
                next_above = above.next();
            } else {
                order.extend(next_below);
                next_below = below.next();
            }
        }
        let close = did_you_mean(word, order.iter().map(|&&(_, w, _)| w))?;
        order.iter().find(|&&&(_, w, _)| std::ptr::eq(w, close)).map(|&&(_, _, v)| v)
    }
}

/// Every path of a run (pages and files under `content/`), indexed for
/// "did you mean" on broken links. Built once; each lookup is bounded.
#[derive(Debug, Default)]
pub struct PathIndex<'a> {
    /// Lowercased file name -> paths with it.
    by_name: HashMap<String, Vec<&'a str>>,
    /// Folder -> its files' names, by length.
    by_folder: HashMap<&'a str, Nearby<'a>>,
}

impl<'a> PathIndex<'a> {
    /// Indexes `paths` (relative to `content/`, `/`-separated).
    pub fn new(paths: impl IntoIterator<Item = &'a str>) -> Self {
        let mut by_name: HashMap<String, Vec<&str>> = HashMap::new();
        let mut by_folder: HashMap<&str, Vec<&str>> = HashMap::new();
        for path in paths {
            let (folder, name) = split(path);
            by_name.entry(name.to_lowercase()).or_default().push(path);
            by_folder.entry(folder).or_default().push(path);
        }
        let by_folder = by_folder
            .into_iter()
            .map(|(f, paths)| (f, Nearby::with_values(paths.into_iter().map(|p| (split(p).1, p)))))
            .collect();
        PathIndex { by_name, by_folder }
    }

    /// The existing path a writer most likely meant by `target`: the same
    /// file name in another folder (or in another case), else a close
    /// spelling in the same folder.
    #[must_use]
    pub fn closest(&self, target: &str) -> Option<&'a str> {
        let (folder, name) = split(target);
        if let Some(same_name) = self.by_name.get(&name.to_lowercase()) {
            // Of several folders with this file, the one spelt most like the
            // one written (ties: the first).
            return same_name
                .iter()
                .take(MAX_COMPARISONS)
                .filter(|p| **p != target)
                .min_by_key(|p| distance(&truncate(split(p).0), &truncate(folder)))
                .copied();
        }
        self.by_folder.get(folder).and_then(|nearby| nearby.closest(name))
    }

    /// The files in `folder`, shortest names first.
    pub fn in_folder(&self, folder: &str) -> impl Iterator<Item = &'a str> + '_ {
        self.by_folder.get(folder).into_iter().flat_map(|n| n.by_len.iter().map(|&(_, _, p)| p))
    }
}

/// `a/b/c.md` -> (`a/b`, `c.md`).
fn split(path: &str) -> (&str, &str) {
    path.rsplit_once('/').unwrap_or(("", path))
}

/// The first [`MAX_CHARS`] chars of `text`.
fn truncate(text: &str) -> String {
    text.chars().take(MAX_CHARS).collect()
}

/// Edit distance over chars where swapping two neighbours counts as one
/// edit (optimal string alignment): `titel` is one typo away from `title`.
/// Three rows of memory; O(|a|·|b|) time, which the callers bound.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j - 1] + cost).min(previous[j] + 1).min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests;
