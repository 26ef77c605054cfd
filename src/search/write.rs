//! The index's files: scores, term shards, document chunks and the manifest.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{BODY, FIELDS, LEAD, Postings, SearchIndex, Stored, TITLE, analyze};
use crate::artifact::{Contents, OutputFile};
use crate::model::THEME_DIR;

/// The index's folder under the site's `theme/` folder, where no content
/// file can be (the folder is reserved).
pub(crate) const DIR: &str = "search";

/// A term shard is closed before it grows past this many bytes (a single
/// term's postings may be larger, and are a shard of their own). Small
/// enough that a word's shard is a small part of a phone's budget, large
/// enough that a site of 10,000 pages needs a few hundred files.
pub(crate) const SHARD_BYTES: usize = 32 * 1024;

/// Pages per document file. A result list shows 20 pages, so it loads at
/// most 20 such files.
pub(crate) const CHUNK_DOCS: usize = 16;

/// Terms whose fragments are made side by side before they are written.
const FRAGMENTS_AT_ONCE: usize = 4096;

/// The weight of a term in each field (title, lead, body) in BM25F: a word
/// in the title counts for five in the body, in the summary, headings or
/// facts for two.
const BOOST: [f32; FIELDS] = [5.0, 2.0, 1.0];

/// BM25's saturation (how fast more occurrences stop adding) and length
/// normalisation, at their usual values.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The version of the files' format, which `search.js` checks.
const FORMAT: u32 = 1;

#[derive(Serialize)]
struct Manifest<'a> {
    format: u32,
    analysis: analyze::Settings,
    docs: usize,
    chunk: usize,
    sections: Vec<&'a str>,
    /// Each term shard's first term, in order.
    fences: Vec<&'a str>,
    /// Each term shard's size in bytes, so the browser can bound what a
    /// prefix loads.
    sizes: Vec<usize>,
}

impl SearchIndex {
    /// Writes the index's files to `sink`, the manifest last. The files
    /// are handed to `sink` on every core: at 10,000 pages there are a
    /// thousand of them, each compared with the last build's file before
    /// it is written, and one after another they kept the other core
    /// waiting at the end of the build.
    pub fn write<E: Send>(
        self,
        sink: &(impl Fn(OutputFile) -> Result<(), E> + Sync),
    ) -> Result<(), E> {
        let scorer = Scorer::new(&self.docs);
        let mut order: Vec<usize> = (0..self.terms.len()).collect();
        // The browser compares strings by UTF-16 code units.
        order.par_sort_unstable_by(|&a, &b| {
            self.terms[a].encode_utf16().cmp(self.terms[b].encode_utf16())
        });
        let mut fences = Vec::new();
        let mut sizes = Vec::new();
        let mut shard = Vec::new();
        // The terms' fragments are made side by side, a batch at a time:
        // all at once they were the whole index again in memory (15 MB at
        // 10,000 pages), at the end of the build, when its peak is reached.
        for batch in order.chunks(FRAGMENTS_AT_ONCE) {
            let fragments: Vec<Vec<u8>> = batch
                .par_iter()
                .map(|&t| fragment(&self.terms[t], &self.postings[t], &scorer, &self.docs))
                .collect();
            let mut full = Vec::new();
            for (&t, fragment) in batch.iter().zip(fragments) {
                if !shard.is_empty() && shard.len() + fragment.len() >= SHARD_BYTES {
                    full.push(shard_file(&shard, fences.len() - 1));
                    shard.clear();
                }
                if shard.is_empty() {
                    fences.push(&*self.terms[t]);
                } else {
                    shard.push(b',');
                }
                shard.extend_from_slice(&fragment);
            }
            sizes.extend(full.iter().map(size));
            full.into_par_iter().try_for_each(sink)?;
        }
        if !shard.is_empty() {
            let last = shard_file(&shard, fences.len() - 1);
            sizes.push(size(&last));
            sink(last)?;
        }
        let sections = sections(&self.docs);
        self.docs
            .par_chunks(CHUNK_DOCS)
            .enumerate()
            .try_for_each(|(n, docs)| sink(chunk(n, docs, &sections)))?;
        let mut sections: Vec<(&str, usize)> = sections.into_iter().collect();
        sections.sort_unstable_by_key(|&(_, n)| n);
        let manifest = Manifest {
            format: FORMAT,
            analysis: self.analysis.settings(),
            docs: self.docs.len(),
            chunk: CHUNK_DOCS,
            sections: sections.into_iter().map(|(name, _)| name).collect(),
            fences,
            sizes,
        };
        sink(file("manifest", &[json_escaped(&manifest).as_bytes()]))
    }
}

/// Term shard `shard` (its terms' fragments, comma-separated) as file
/// `t{n}.js`.
fn shard_file(shard: &[u8], n: usize) -> OutputFile {
    // No U+2028 or U+2029 to escape: they are separators, never in a term.
    file(&format!("t{n}"), &[b"{", shard, b"}"])
}

/// A file's size in bytes, as the manifest gives it.
fn size(file: &OutputFile) -> usize {
    match &file.contents {
        Contents::Bytes(bytes) => bytes.len(),
        Contents::Copy(_) => 0,
    }
}

/// `"term":[doc,score,doc,score,…]`, each doc number after the first as
/// the difference from the one before.
fn fragment(term: &str, postings: &Postings, scorer: &Scorer, docs: &[Stored]) -> Vec<u8> {
    let mut out = Vec::with_capacity(term.len() + 4 + postings.len() * 6);
    out.extend(serde_json::to_vec(term).unwrap_or_default());
    out.extend_from_slice(b":[");
    let mut last = 0;
    for (i, p) in postings.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        decimal(&mut out, p.doc - last);
        out.push(b',');
        decimal(&mut out, u32::from(scorer.score(p.tf, docs[p.doc as usize].lengths)));
        last = p.doc;
    }
    out.push(b']');
    out
}

/// Document file `d{n}.js`: its pages as `[url, title, section number, excerpt]`.
fn chunk(n: usize, docs: &[Stored], sections: &FxHashMap<&str, usize>) -> OutputFile {
    let rows: Vec<(&str, &str, usize, &str)> = docs
        .iter()
        .map(|d| {
            (d.url.as_str(), d.title.as_str(), sections[d.section.as_str()], d.excerpt.as_str())
        })
        .collect();
    file(&format!("d{n}"), &[json_escaped(&rows).as_bytes()])
}

/// The section names, numbered in the order pages first name them.
fn sections(docs: &[Stored]) -> FxHashMap<&str, usize> {
    let mut sections = FxHashMap::default();
    for doc in docs {
        let next = sections.len();
        sections.entry(doc.section.as_str()).or_insert(next);
    }
    sections
}

/// The script `theme/search/{name}.js`, which hands `json` (written in
/// pieces, so a shard's braces need no copy of it) to the page's
/// `stratdocSearch.add`.
fn file(name: &str, json: &[&[u8]]) -> OutputFile {
    let len: usize = json.iter().map(|piece| piece.len()).sum();
    let mut out = Vec::with_capacity(len + name.len() + 24);
    out.extend_from_slice(b"stratdocSearch.add(\"");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\",");
    for piece in json {
        out.extend_from_slice(piece);
    }
    out.extend_from_slice(b");\n");
    OutputFile { path: format!("{THEME_DIR}/{DIR}/{name}.js"), contents: Contents::Bytes(out) }
}

/// `value` as JSON that is also a JavaScript expression: older engines end
/// a string at U+2028 and U+2029, which escaped are the same characters.
fn json_escaped(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    if json.contains(['\u{2028}', '\u{2029}']) {
        json.replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029")
    } else {
        json
    }
}

/// `n` in decimal.
fn decimal(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(crate::decimal::digits(n, &mut [0; 10]));
}

/// A page's score for a term, from 1 to 99: BM25F's term weight with the
/// fields boosted and normalised by their average lengths, saturated to
/// below 1 and written as a percentage. The browser multiplies it by the
/// term's rarity (idf), which it knows from the postings' length.
struct Scorer {
    average: [f32; FIELDS],
}

impl Scorer {
    #[allow(clippy::cast_precision_loss)] // lengths are far below 2^24
    fn new(docs: &[Stored]) -> Self {
        let mut sum = [0f32; FIELDS];
        for doc in docs {
            for (s, &l) in sum.iter_mut().zip(&doc.lengths) {
                *s += f32::from(l);
            }
        }
        let n = docs.len().max(1) as f32;
        Scorer { average: sum.map(|s| (s / n).max(1.0)) }
    }

    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to 1..=99
    fn score(&self, tf: [u8; FIELDS], lengths: [u16; FIELDS]) -> u8 {
        let mut weight = 0.0;
        for field in [TITLE, LEAD, BODY] {
            if tf[field] > 0 {
                let norm = 1.0 - B + B * f32::from(lengths[field]) / self.average[field];
                weight += BOOST[field] * f32::from(tf[field]) / norm;
            }
        }
        let saturated = weight / (K1 + weight);
        (saturated * 100.0).round().clamp(1.0, 99.0) as u8
    }
}
