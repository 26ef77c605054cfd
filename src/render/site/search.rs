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

use elasticlunr::lang::common::{RegexTrimmer, RustStemmer, StopWordFilter};
use elasticlunr::lang::{English, tokenize_whitespace};
use elasticlunr::{IndexBuilder, Language as Pipelines, Pipeline};
use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::artifact::{Contents, OutputFile};
use crate::config::Language;
use crate::markdown;
use crate::model::{PageId, THEME_DIR};
use crate::render::labels;
use crate::render::site::Site;

/// The index's file name under the site's `theme/` folder, where no content
/// file can be (the folder is reserved).
pub(crate) const INDEX_FILE: &str = "search-index.js";

/// Words of a page's body that are indexed. Long pages are found by their
/// title, summary, headings and first 2,000 words (about eight printed
/// pages); what makes a page findable is nearly always said by then, and
/// the cap keeps the index of a 10,000-page site a size a browser loads in
/// seconds (see the README's "Search").
pub(crate) const MAX_WORDS: usize = 2_000;

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
struct Doc<'a>(&'a str, &'a str, &'a str, &'a str);

impl Site<'_> {
    /// `theme/search-index.js`: the index of every content page.
    pub(super) fn search_index(&self) -> OutputFile {
        let pages: Vec<PageId> = self.input.publication.iter().map(|(id, _)| id).collect();
        let entries: Vec<Entry> = pages.into_par_iter().map(|id| self.entry(id)).collect();
        let script = script(&entries, self.input.config.language);
        OutputFile {
            path: format!("{THEME_DIR}/{INDEX_FILE}"),
            contents: Contents::Bytes(script.into_bytes()),
        }
    }

    /// Page `id` as the index sees it.
    fn entry(&self, id: PageId) -> Entry {
        let page = &self.input.publication[id];
        let doc = &self.input.docs[id.index()];
        let language = self.input.config.language;
        let body = markdown::plain_text(doc, MAX_WORDS);
        let mut lead: Vec<&str> = page.summary.iter().map(String::as_str).collect();
        lead.extend(doc.headings.iter().map(|h| h.text.as_str()));
        if let Some(facts) = &page.initiative {
            lead.extend(facts.all_owners());
            lead.push(labels::status(facts.status, language));
            lead.extend(facts.priority.map(|p| labels::priority(p, language)));
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
pub(crate) fn script(entries: &[Entry], language: Language) -> String {
    let mut index = IndexBuilder::with_language(pipelines(language))
        .save_docs(false)
        .add_fields(FIELDS)
        .build();
    for (n, e) in entries.iter().enumerate() {
        let fields = [&e.title, &e.lead, &e.body].map(|f| f.nfc().collect::<String>());
        index.add_doc(&n.to_string(), fields);
    }
    let docs: Vec<Doc<'_>> =
        entries.iter().map(|e| Doc(&e.url, &e.title, &e.section, &e.excerpt)).collect();
    let docs = serde_json::to_string(&docs).unwrap_or_else(|_| "[]".to_owned());
    // JSON is a JavaScript expression, except that older engines end a
    // string at U+2028 and U+2029; escaped, they are the same characters.
    format!("window.stratdocSearch={{\"docs\":{docs},\"index\":{}}};\n", index.to_json())
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
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
/// So the pipeline is built here from the crate's parts, with the browser's
/// letters, stop words and the same Snowball stemmer; a test runs both on the
/// same text and compares every token.
pub(crate) struct Danish;

/// The characters `lunr.da.js` keeps at a token's ends: its
/// `lunr.da.wordCharacters` (the Latin script) plus the digits that
/// `lunr.stemmer.support.js` adds.
const DANISH_WORD_CHARACTERS: &str = concat!(
    r"A-Za-z\x{AA}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2B8}\x{2E0}-\x{2E4}",
    r"\x{1D00}-\x{1D25}\x{1D2C}-\x{1D5C}\x{1D62}-\x{1D65}\x{1D6B}-\x{1D77}\x{1D79}-\x{1DBE}",
    r"\x{1E00}-\x{1EFF}\x{2071}\x{207F}\x{2090}-\x{209C}\x{212A}\x{212B}\x{2132}\x{214E}",
    r"\x{2160}-\x{2188}\x{2C60}-\x{2C7F}\x{A722}-\x{A787}\x{A78B}-\x{A7AD}\x{A7B0}-\x{A7B7}",
    r"\x{A7F7}-\x{A7FF}\x{AB30}-\x{AB5A}\x{AB5C}-\x{AB64}\x{FB00}-\x{FB06}\x{FF21}-\x{FF3A}",
    r"\x{FF41}-\x{FF5A}0-9",
);

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
                Box::new(RegexTrimmer::new("trimmer-da", DANISH_WORD_CHARACTERS)),
                Box::new(StopWordFilter::new("stopWordFilter-da", DANISH_STOP_WORDS)),
                Box::new(RustStemmer::new("stemmer-da", rust_stemmers::Algorithm::Danish)),
            ],
        }
    }
}

/// The tokens `text` becomes in the index of a `language` site, in order:
/// what the browser's query pipeline must produce from the same text.
#[cfg(test)]
pub(crate) fn tokens(text: &str, language: Language) -> Vec<String> {
    let pipelines = pipelines(language);
    let text: String = text.nfc().collect();
    pipelines.make_pipeline().run(pipelines.tokenize(&text))
}

#[cfg(test)]
mod tests;
