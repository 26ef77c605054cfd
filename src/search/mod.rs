//! The site's search index: built at build time, searched in the browser by
//! the theme's `search.js`, which loads of it only what a query needs.
//!
//! The index is a set of scripts under `theme/search/`, not JSON files: a
//! page opened from disk (`file://`) may load a `<script src>` but may not
//! fetch a file. Each registers itself with `stratdocSearch.add(name, data)`:
//!
//! - `manifest.js`: the analysis settings, the number of pages, the section
//!   names and the shard table (each shard's first term and its size);
//! - `t0.js`, `t1.js`, …: the terms in sorted order, cut into shards of about
//!   `write::SHARD_BYTES` (32 KB), each term with its postings (page numbers
//!   delta-encoded, each with a score from 1 to 99);
//! - `d0.js`, `d1.js`, …: the pages, `write::CHUNK_DOCS` (16) a file (URL,
//!   title, section, excerpt), loaded only for the results shown.
//!
//! A query word's shards are found by its place among the shards' first
//! terms, so a one-word query loads the manifest, a shard or a few, and the
//! documents of the first results, however large the site.
//!
//! The build feeds one builder on a thread of its own (`render::run`):
//! [`SearchIndex::add`] a page at a time in page order (each distinct word
//! analysed once, then looked up), then [`SearchIndex::write`] the files.
//! [`SearchIndex::merge`] joins indexes built apart, in page order: the
//! way to split the work if one thread ever becomes the bottleneck.

mod analyze;
mod write;

use rustc_hash::FxHashMap;

use crate::config::Language;
use crate::nfc::nfc;
use crate::wordmap::WordMap;
use analyze::Analysis;

/// Words of a page's body that are indexed. Long pages are found by their
/// title, summary, headings, facts and first 1,000 words (about four
/// printed pages), where what a page is about is nearly always said. The
/// cap bounds a page's cost to the index.
pub const MAX_WORDS: usize = 1_000;

/// Words of a result's excerpt when the page has no summary.
const EXCERPT_WORDS: usize = 30;

/// Words of a summary shown as a result's excerpt; a longer one is cut, so
/// a document file stays small.
const SUMMARY_WORDS: usize = 60;

/// The fields a page's words are counted in, weighed by `write::BOOST`.
const TITLE: usize = 0;
const LEAD: usize = 1;
const BODY: usize = 2;
const FIELDS: usize = 3;

/// One page as the index sees it.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc<'a> {
    /// Its URL from the site root.
    pub url: &'a str,
    /// Its title with its number (`1.4 Fælles SOC`): weighed most, and the
    /// result's link.
    pub title: &'a str,
    /// The section it belongs to (`Handlingsplan`), shown with the result.
    pub section: &'a str,
    /// Its summary, weighed with the headings and facts; the result's
    /// excerpt.
    pub summary: Option<&'a str>,
    /// Its headings' texts.
    pub headings: Vec<&'a str>,
    /// Its facts in words (an initiative's owners, status, priority, KPI
    /// names, milestones, external dependencies).
    pub facts: Vec<&'a str>,
    /// The body's text without markup; its first [`MAX_WORDS`] words are
    /// indexed, its first words are the excerpt of a page without summary.
    pub body: &'a str,
}

/// The index being built.
pub struct SearchIndex {
    analysis: Analysis,
    /// What each word, as written, became on this thread: a site's words
    /// repeat (a few hundred make up most of any text), so most words cost
    /// one lookup instead of lower-casing, trimming and stemming.
    seen: WordMap<Option<u32>>,
    /// The terms, by id, and the id of each.
    terms: Vec<Box<str>>,
    ids: FxHashMap<Box<str>, u32>,
    /// Per term, the pages that hold it, in page order.
    postings: Vec<Postings>,
    docs: Vec<Stored>,
    /// Per term, its count in the page being added, and the terms counted.
    counts: Vec<[u8; FIELDS]>,
    touched: Vec<u32>,
}

/// A page that holds a term, and how often per field (saturating).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Posting {
    doc: u32,
    tf: [u8; FIELDS],
}

/// A term's postings, packed as they are added: each page's number as the
/// difference from the one before (LEB128), then its counts. The pages
/// that hold a term are seldom far apart, so a posting takes four or five
/// bytes instead of eight (the bench corpus's 10,000 pages have 2.6 million).
#[derive(Debug, Default)]
struct Postings {
    bytes: Vec<u8>,
    last: u32,
    len: usize,
}

impl Postings {
    /// Adds a posting after those added, whose pages came before it.
    fn push(&mut self, posting: Posting) {
        let mut delta = posting.doc - self.last;
        loop {
            let low = (delta & 0x7f) as u8;
            delta >>= 7;
            if delta == 0 {
                self.bytes.push(low);
                break;
            }
            self.bytes.push(low | 0x80);
        }
        self.bytes.extend_from_slice(&posting.tf);
        self.last = posting.doc;
        self.len += 1;
    }

    fn len(&self) -> usize {
        self.len
    }

    fn iter(&self) -> impl Iterator<Item = Posting> + '_ {
        let mut at = 0;
        let mut doc = 0u32;
        std::iter::from_fn(move || {
            let bytes = self.bytes.get(at..)?;
            let (mut delta, mut shift, mut used) = (0u32, 0, 0);
            for &byte in bytes {
                delta |= u32::from(byte & 0x7f) << shift;
                shift += 7;
                used += 1;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            let tf = bytes.get(used..used + FIELDS)?.try_into().ok()?;
            at += used + FIELDS;
            doc += delta;
            Some(Posting { doc, tf })
        })
    }
}

/// What a result shows of a page, and its fields' lengths in terms.
#[derive(Debug)]
struct Stored {
    url: String,
    title: String,
    section: String,
    excerpt: String,
    lengths: [u16; FIELDS],
}

impl SearchIndex {
    /// An empty index of a site in `language`.
    #[must_use]
    pub fn new(language: Language) -> Self {
        SearchIndex {
            analysis: Analysis::new(language),
            seen: WordMap::default(),
            terms: Vec::new(),
            ids: FxHashMap::default(),
            postings: Vec::new(),
            docs: Vec::new(),
            counts: Vec::new(),
            touched: Vec::new(),
        }
    }

    /// Adds a page, after the pages added before it.
    ///
    /// # Panics
    ///
    /// With more than 2³² − 1 pages or distinct terms.
    pub fn add(&mut self, doc: &SearchDoc<'_>) {
        let number = u32::try_from(self.docs.len()).expect("fewer than 2^32 pages");
        let mut lengths = [0; FIELDS];
        lengths[TITLE] = self.count(doc.title, TITLE, usize::MAX);
        let lead = doc.summary.iter().chain(&doc.headings).chain(&doc.facts);
        for text in lead {
            lengths[LEAD] = lengths[LEAD].saturating_add(self.count(text, LEAD, usize::MAX));
        }
        lengths[BODY] = self.count(doc.body, BODY, MAX_WORDS);
        for term in self.touched.drain(..) {
            let tf = std::mem::take(&mut self.counts[term as usize]);
            self.postings[term as usize].push(Posting { doc: number, tf });
        }
        let excerpt = match doc.summary {
            Some(summary) => first_words(summary, SUMMARY_WORDS),
            None => first_words(doc.body, EXCERPT_WORDS),
        };
        self.docs.push(Stored {
            url: doc.url.to_owned(),
            title: doc.title.to_owned(),
            section: doc.section.to_owned(),
            excerpt,
            lengths,
        });
    }

    /// Adds the pages of `other` after this index's own, as if they had
    /// been added here: threads build indexes of consecutive runs of pages
    /// and merge them in order.
    ///
    /// # Panics
    ///
    /// With more than 2³² − 1 pages or distinct terms.
    pub fn merge(&mut self, other: SearchIndex) {
        let offset = u32::try_from(self.docs.len()).expect("fewer than 2^32 pages");
        for (term, postings) in other.terms.iter().zip(other.postings) {
            let id = self.intern(term) as usize;
            for p in postings.iter() {
                self.postings[id].push(Posting { doc: p.doc + offset, ..p });
            }
        }
        self.docs.extend(other.docs);
    }

    /// The index's files, under `theme/search/`, all at once: what the
    /// tests read, in the order of their paths. A build writes them as they
    /// are made ([`SearchIndex::write`]).
    #[cfg(test)]
    #[must_use]
    pub fn finish(self) -> Vec<crate::artifact::OutputFile> {
        let files = std::sync::Mutex::new(Vec::new());
        let written: Result<(), std::convert::Infallible> = self.write(&|file| {
            files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(file);
            Ok(())
        });
        let Ok(()) = written;
        // Written from every core, in no set order.
        let mut files = files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }

    /// Counts the terms of `text`'s first `max_words` words in `field` of
    /// the page being added; returns how many there were.
    fn count(&mut self, text: &str, field: usize, max_words: usize) -> u16 {
        let text = nfc(text);
        let mut terms = 0u16;
        for word in analyze::words(&text).take(max_words) {
            let Some(id) = self.term_id(word) else { continue };
            let counts = &mut self.counts[id as usize];
            if *counts == [0; FIELDS] {
                self.touched.push(id);
            }
            counts[field] = counts[field].saturating_add(1);
            terms = terms.saturating_add(1);
        }
        terms
    }

    fn term_id(&mut self, word: &str) -> Option<u32> {
        if let Some(&id) = self.seen.get(word) {
            return id;
        }
        let id = self.analysis.term(word).map(|term| self.intern(&term));
        self.seen.insert(word, id);
        id
    }

    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = u32::try_from(self.terms.len()).expect("fewer than 2^32 terms");
        self.ids.insert(term.into(), id);
        self.terms.push(term.into());
        self.postings.push(Postings::default());
        self.counts.push([0; FIELDS]);
        id
    }
}

/// The first `n` words of `text`, with `…` when there were more.
fn first_words(text: &str, n: usize) -> String {
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(n).collect();
    let mut out = head.join(" ");
    if words.next().is_some() {
        out.push_str(" …");
    }
    out
}

/// The terms `text` becomes, in order: what the browser's query analysis
/// must make of the same text.
#[cfg(test)]
fn terms(text: &str, language: Language) -> Vec<String> {
    let analysis = Analysis::new(language);
    analyze::words(&nfc(text)).filter_map(|w| analysis.term(w)).collect()
}

#[cfg(test)]
mod tests;
