//! The site's search index, built at build time: every content page's words,
//! run through the pipeline the reader's query runs through in the browser
//! (split at spaces and `-`, lower-cased, trimmed to letters and digits, stop
//! words dropped, Snowball-stemmed), so `Beredskabsplanerne` in a page and
//! `beredskabsplan` in the search field meet at the same stem.
//!
//! The index is elasticlunr's: built here by `elasticlunr-rs`, searched in the
//! browser by the theme's vendored `elasticlunr.min.js`, as mdBook and Zola
//! do. It is written as a script, `theme/search-index.js`, not as JSON:
//! a page opened from disk (`file://`) may load a `<script src>` but may not
//! fetch a file. The theme's `search.js` adds that script tag only when the
//! reader starts typing, so reading a page loads nothing of it.
//!
//! Only the content pages are indexed (the overviews and plan views list
//! their titles again and would crowd every result list), each page's body
//! up to [`MAX_WORDS`] words. The board edition is not in it.

use std::borrow::Cow;
use std::collections::HashMap;

use elasticlunr::lang::common::{RustStemmer, StopWordFilter};
use elasticlunr::lang::{English, tokenize_whitespace};
use elasticlunr::pipeline::FnWrapper;
use elasticlunr::{IndexBuilder, Language as Pipelines, Pipeline};
use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::artifact::{Contents, OutputFile};
use crate::config::Language;
use crate::markdown::{self, Doc};
use crate::model::{PageId, THEME_DIR};
use crate::render::site::Site;

/// The index's file name under the site's `theme/` folder, where no content
/// file can be (the folder is reserved).
pub(crate) const INDEX_FILE: &str = "search-index.js";

/// Words of a page's body that are indexed. Long pages are found by their
/// title, summary, headings, facts and first 1,000 words (about four
/// printed pages), where what a page is about is nearly always said. The
/// cap bounds the cost of a page: building the index takes time in
/// proportion to the words indexed (see the README's "Search").
pub(crate) const MAX_WORDS: usize = 1_000;

/// Words of a result's excerpt when the page has no summary.
const EXCERPT_WORDS: usize = 30;

/// The fields of the index, in the order `add_doc` takes them; the theme's
/// `search.js` weighs them: `title` most, then `lead`, then `body`.
const FIELDS: [&str; 3] = ["title", "lead", "body"];

/// One page as the index and the result list see it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Its URL from the site root.
    pub(crate) url: String,
    /// Its title, with its number (`1.4 Fælles SOC`).
    pub(crate) title: String,
    /// The section it belongs to (`Handlingsplan`), shown with the result.
    pub(crate) section: String,
    /// Summary, headings and, for an initiative, its facts in words.
    pub(crate) lead: String,
    /// The body's words, up to [`MAX_WORDS`].
    pub(crate) body: String,
    /// What the result shows under the title: the summary, else the body's
    /// first words.
    pub(crate) excerpt: String,
}

/// What `search-index.js` holds besides the index: per document (its
/// position is its ref in the index) the URL, title, section and excerpt.
#[derive(Serialize)]
struct Stored<'a>(&'a str, &'a str, &'a str, &'a str);

impl Site<'_> {
    /// `theme/search-index.js`: the index of `entries`, every content page.
    pub(crate) fn search_index(&self, entries: &[Entry]) -> OutputFile {
        let script = script(entries, self.input.config.language);
        OutputFile {
            path: format!("{THEME_DIR}/{INDEX_FILE}"),
            contents: Contents::Bytes(script.into_bytes()),
        }
    }

    /// Page `id`, whose parsed body is `doc`, as the index sees it.
    pub(crate) fn entry(&self, id: PageId, doc: &Doc<'_>) -> Entry {
        let page = &self.input.publication[id];
        let language = self.input.config.language;
        let body = markdown::plain_text(doc, MAX_WORDS);
        let mut lead: Vec<&str> = page.summary.iter().map(String::as_str).collect();
        lead.extend(doc.headings.iter().map(|h| h.text.as_str()));
        let publication = self.input.publication;
        if let Some(facts) = publication.initiative(id) {
            lead.extend(facts.all_owners());
            lead.push(publication.status_label(facts.status, language));
            lead.extend(facts.priority.map(|p| publication.priority_label(p, language)));
            lead.extend(facts.kpis.iter().map(|k| k.name.as_str()));
            lead.extend(facts.milestones.iter().map(|m| m.title.as_str()));
            lead.extend(facts.external_dependencies.iter().map(String::as_str));
        }
        let excerpt = match &page.summary {
            Some(summary) => summary.clone(),
            None => first_words(&body, EXCERPT_WORDS),
        };
        Entry {
            url: page.url.clone(),
            title: page.heading(),
            section: self.views.section_title(page.kind).to_owned(),
            lead: lead.join(" \n"),
            body,
            excerpt,
        }
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

/// The text of `search-index.js` for `entries`: one statement that sets
/// `window.stratdocSearch` to `{docs, index}`.
///
/// The pipeline (the costly part: trimming, stop words, stemming) runs on
/// every page in parallel; the index then takes the finished tokens, which
/// its own pipeline, of the same names, passes as they are. Term
/// frequencies are written with three decimals (`1.414`, not
/// `1.4142135623730951`), which changes no ranking a reader could notice and
/// makes a large index a third smaller.
pub(crate) fn script(entries: &[Entry], language: Language) -> String {
    let prepared: Vec<[String; 3]> = entries
        .par_iter()
        .map_init(
            || Tokens::new(language),
            |tokens, e| [&e.title, &e.lead, &e.body].map(|text| tokens.run(text).join(" ")),
        )
        .collect();
    let mut index = IndexBuilder::with_language(Box::new(Prepared(language)))
        .save_docs(false)
        .add_fields(FIELDS)
        .build();
    for (n, fields) in prepared.iter().enumerate() {
        index.add_doc(&n.to_string(), fields);
    }
    let docs: Vec<Stored<'_>> =
        entries.iter().map(|e| Stored(&e.url, &e.title, &e.section, &e.excerpt)).collect();
    let docs = serde_json::to_string(&docs).unwrap_or_else(|_| "[]".to_owned());
    let mut script = format!(
        "window.stratdocSearch={{\"docs\":{docs},\"index\":{}}};\n",
        compact_tf(&index.to_json())
    );
    // JSON is a JavaScript expression, except that older engines end a
    // string at U+2028 and U+2029; escaped, they are the same characters.
    for (raw, escaped) in [('\u{2028}', "\\u2028"), ('\u{2029}', "\\u2029")] {
        if script.contains(raw) {
            script = script.replace(raw, escaped);
        }
    }
    script
}

/// `json` with every `"tf":` number cut to three decimals.
fn compact_tf(json: &str) -> String {
    const KEY: &str = "\"tf\":";
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = rest.find(KEY) {
        let (head, tail) = rest.split_at(at + KEY.len());
        out.push_str(head);
        let end = tail.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(tail.len());
        let number = &tail[..end];
        let keep = number.find('.').map_or(end, |dot| (dot + 4).min(end));
        out.push_str(&number[..keep]);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The text pipeline of `language`, the same steps under the same names as
/// the browser's: elasticlunr.js's own for English, the theme's `lunr.da.js`
/// for Danish.
fn pipelines(language: Language) -> Box<dyn Pipelines> {
    match language {
        Language::Da => Box::new(Danish),
        Language::En => Box::new(English::new()),
    }
}

/// Danish exactly as the theme's `lunr.da.js` (lunr-languages 1.22) reads
/// it. elasticlunr-rs has a Danish pipeline too, but its trimmer drops
/// digits, which lunr-languages keeps since 1.x: `NIS2` would be `nis` in the
/// index and `nis2` in the query, and `2027` would not be indexed at all.
/// So the pipeline is built here, with the browser's letters and stop words
/// and the same Snowball stemmer; a test runs both on the same text and
/// compares every token.
pub(crate) struct Danish;

/// The characters `lunr.da.js` keeps at a token's ends: its
/// `lunr.da.wordCharacters` (the Latin script, as ranges) plus the digits
/// that `lunr.stemmer.support.js` adds.
const DANISH_WORD_CHARACTERS: &[(char, char)] = &[
    ('0', '9'),
    ('A', 'Z'),
    ('a', 'z'),
    ('\u{AA}', '\u{AA}'),
    ('\u{BA}', '\u{BA}'),
    ('\u{C0}', '\u{D6}'),
    ('\u{D8}', '\u{F6}'),
    ('\u{F8}', '\u{2B8}'),
    ('\u{2E0}', '\u{2E4}'),
    ('\u{1D00}', '\u{1D25}'),
    ('\u{1D2C}', '\u{1D5C}'),
    ('\u{1D62}', '\u{1D65}'),
    ('\u{1D6B}', '\u{1D77}'),
    ('\u{1D79}', '\u{1DBE}'),
    ('\u{1E00}', '\u{1EFF}'),
    ('\u{2071}', '\u{2071}'),
    ('\u{207F}', '\u{207F}'),
    ('\u{2090}', '\u{209C}'),
    ('\u{212A}', '\u{212B}'),
    ('\u{2132}', '\u{2132}'),
    ('\u{214E}', '\u{214E}'),
    ('\u{2160}', '\u{2188}'),
    ('\u{2C60}', '\u{2C7F}'),
    ('\u{A722}', '\u{A787}'),
    ('\u{A78B}', '\u{A7AD}'),
    ('\u{A7B0}', '\u{A7B7}'),
    ('\u{A7F7}', '\u{A7FF}'),
    ('\u{AB30}', '\u{AB5A}'),
    ('\u{AB5C}', '\u{AB64}'),
    ('\u{FB00}', '\u{FB06}'),
    ('\u{FF21}', '\u{FF3A}'),
    ('\u{FF41}', '\u{FF5A}'),
];

/// `lunr.da.js`'s trimmer: what is not a word character goes from both ends
/// of a token (`»tillid«.` is `tillid`); a token of nothing else goes.
/// The same as the crate's `RegexTrimmer` over these characters, without a
/// regular expression per token.
fn trim_danish(token: String) -> Option<String> {
    let word = |c: char| DANISH_WORD_CHARACTERS.iter().any(|&(lo, hi)| lo <= c && c <= hi);
    let trimmed = token.trim_matches(|c| !word(c));
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == token.len() {
        Some(token)
    } else {
        Some(trimmed.to_owned())
    }
}

/// `lunr.da.js`'s stop words. The empty token is one too, as in
/// elasticlunr, so a token that was all punctuation is dropped.
const DANISH_STOP_WORDS: &[&str] = &[
    "", "ad", "af", "alle", "alt", "anden", "at", "blev", "blive", "bliver", "da", "de", "dem",
    "den", "denne", "der", "deres", "det", "dette", "dig", "din", "disse", "dog", "du", "efter",
    "eller", "en", "end", "er", "et", "for", "fra", "ham", "han", "hans", "har", "havde", "have",
    "hende", "hendes", "her", "hos", "hun", "hvad", "hvis", "hvor", "i", "ikke", "ind", "jeg",
    "jer", "jo", "kunne", "man", "mange", "med", "meget", "men", "mig", "min", "mine", "mit",
    "mod", "ned", "noget", "nogle", "nu", "når", "og", "også", "om", "op", "os", "over", "på",
    "selv", "sig", "sin", "sine", "sit", "skal", "skulle", "som", "sådan", "thi", "til", "ud",
    "under", "var", "vi", "vil", "ville", "vor", "være", "været",
];

impl Pipelines for Danish {
    fn name(&self) -> String {
        "Danish".into()
    }

    fn code(&self) -> String {
        "da".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        tokenize_whitespace(text)
    }

    fn make_pipeline(&self) -> Pipeline {
        Pipeline {
            queue: vec![
                Box::new(FnWrapper("trimmer-da".into(), trim_danish)),
                Box::new(StopWordFilter::new("stopWordFilter-da", DANISH_STOP_WORDS)),
                Box::new(RustStemmer::new("stemmer-da", rust_stemmers::Algorithm::Danish)),
            ],
        }
    }
}

/// A language's tokenizer and pipeline, made once per thread, with what the
/// pipeline made of each word it has seen: a site's words repeat (a few
/// hundred make up most of any text), so most tokens cost one lookup
/// instead of trimming, a stop-word check and stemming.
pub(crate) struct Tokens {
    language: Box<dyn Pipelines>,
    pipeline: Pipeline,
    seen: HashMap<String, Option<String>>,
}

impl Tokens {
    pub(crate) fn new(language: Language) -> Self {
        let language = pipelines(language);
        let pipeline = language.make_pipeline();
        Tokens { language, pipeline, seen: HashMap::new() }
    }

    /// The tokens `text` becomes in the index, in order: what the browser's
    /// query pipeline must make of the same text.
    pub(crate) fn run(&mut self, text: &str) -> Vec<String> {
        let text = match is_nfc_quick(text.chars()) {
            IsNormalized::Yes => Cow::Borrowed(text),
            _ => Cow::Owned(text.nfc().collect()),
        };
        let mut out = Vec::new();
        for raw in self.language.tokenize(&text) {
            let token = if let Some(token) = self.seen.get(&raw) {
                token.clone()
            } else {
                let token = self.pipeline.run(vec![raw.clone()]).pop();
                self.seen.insert(raw, token.clone());
                token
            };
            out.extend(token);
        }
        out
    }
}

/// The language of an index whose text has been through `0`'s pipeline
/// already: tokens are what lies between spaces, and the pipeline passes
/// them as they are, under the names of `0`'s steps, which the browser's
/// elasticlunr.js reads to run the same steps on the query.
struct Prepared(Language);

impl Pipelines for Prepared {
    fn name(&self) -> String {
        pipelines(self.0).name()
    }

    fn code(&self) -> String {
        pipelines(self.0).code()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        text.split(' ').filter(|t| !t.is_empty()).map(str::to_owned).collect()
    }

    fn make_pipeline(&self) -> Pipeline {
        let names =
            pipelines(self.0).make_pipeline().queue.iter().map(|f| f.name()).collect::<Vec<_>>();
        Pipeline {
            queue: names
                .into_iter()
                .map(|name| {
                    Box::new(FnWrapper(name, Some)) as Box<dyn elasticlunr::pipeline::PipelineFn>
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
