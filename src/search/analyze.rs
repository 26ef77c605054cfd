//! A text's words as the index and the reader's query both see them: split
//! at spaces and `-`, lower-cased, trimmed to word characters, stop words
//! dropped, Snowball-stemmed. The browser (`theme/search.js`) runs the same
//! steps: the separators are JavaScript's `\s`, and the word characters and
//! stop words travel in the index's manifest ([`Analysis::settings`]), so
//! only the stemmers are implemented twice — rust-stemmers here, and in the
//! theme lunr-languages' `lunr.da.js` and porter2.js, all from Snowball. A
//! test runs both sides over the example's text and compares every token.

use std::fmt::Write as _;

use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use crate::byteset::byte_set;
use crate::config::Language;

/// One language's analysis.
pub(crate) struct Analysis {
    language: Language,
    word_characters: &'static [(char, char)],
    stop_words: &'static [&'static str],
    stemmer: Stemmer,
}

/// What the browser needs to read a query as the index read the text.
#[derive(Serialize)]
pub(crate) struct Settings {
    /// The stemmer, by language: `da` (lunr.da.js) or `en` (porter2.js).
    stem: &'static str,
    /// The word characters, as the inside of a regular expression's `[…]`.
    trim: String,
    /// The stop words.
    stop: &'static [&'static str],
}

impl Analysis {
    pub(crate) fn new(language: Language) -> Self {
        let (word_characters, stop_words, algorithm) = match language {
            Language::Da => (DANISH_WORD_CHARACTERS, DANISH_STOP_WORDS, Algorithm::Danish),
            Language::En => (ENGLISH_WORD_CHARACTERS, ENGLISH_STOP_WORDS, Algorithm::English),
        };
        Analysis { language, word_characters, stop_words, stemmer: Stemmer::create(algorithm) }
    }

    /// The term a word (text between two separators, as written) becomes,
    /// or `None` for a stop word or a word of no word characters.
    pub(crate) fn term(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        let trimmed = lower.trim_matches(|c| !self.is_word_character(c));
        if trimmed.is_empty() || self.stop_words.binary_search(&trimmed).is_ok() {
            return None;
        }
        Some(self.stemmer.stem(trimmed).into_owned())
    }

    fn is_word_character(&self, c: char) -> bool {
        self.word_characters.iter().any(|&(lo, hi)| lo <= c && c <= hi)
    }

    pub(crate) fn settings(&self) -> Settings {
        let mut trim = String::new();
        for &(lo, hi) in self.word_characters {
            let _ = write!(trim, "\\u{:04x}", u32::from(lo));
            if hi != lo {
                let _ = write!(trim, "-\\u{:04x}", u32::from(hi));
            }
        }
        Settings { stem: self.language.tag(), trim, stop: self.stop_words }
    }
}

/// The words of `text`: what lies between separators. The separators are
/// `-` and JavaScript's `\s` (not Rust's `char::is_whitespace`, which
/// differs at U+0085 and U+FEFF), so the browser splits a query alike.
/// They are found in the UTF-8 bytes: this runs over every word of a site.
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

pub(crate) struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() {
            let start = self.at;
            let mut end = start;
            let mut skip = 0;
            while end < bytes.len() {
                if MAY_SEPARATE[usize::from(bytes[end])] {
                    skip = separator_len(bytes, end);
                    if skip > 0 {
                        break;
                    }
                }
                end += 1;
            }
            self.at = end + skip;
            if end > start {
                // Separators are whole characters, so both ends are boundaries.
                return self.text.get(start..end);
            }
        }
        None
    }
}

/// The bytes a separator may start with.
const MAY_SEPARATE: [bool; 256] = byte_set(b"-\t\n\x0B\x0C\r \xC2\xE1\xE2\xE3\xEF");

/// The length in bytes of the separator at `bytes[i]`, or 0.
fn separator_len(bytes: &[u8], i: usize) -> usize {
    let next = |n: usize| bytes.get(i + n).copied().unwrap_or(0);
    let found = match bytes[i] {
        b'-' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => return 1,
        // U+00A0
        0xC2 => return if next(1) == 0xA0 { 2 } else { 0 },
        // U+1680
        0xE1 => (next(1), next(2)) == (0x9A, 0x80),
        // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
        0xE2 => {
            matches!((next(1), next(2)), (0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F))
        }
        // U+3000
        0xE3 => (next(1), next(2)) == (0x80, 0x80),
        // U+FEFF
        0xEF => (next(1), next(2)) == (0xBB, 0xBF),
        _ => false,
    };
    if found { 3 } else { 0 }
}

/// The characters `lunr.da.js` keeps at a token's ends: its
/// `lunr.da.wordCharacters` (the Latin script) plus the digits that
/// `lunr.stemmer.support.js` adds (`NIS2` and `2027` are words).
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

/// lunr's and elasticlunr's English trimmer: `\w` at the ends.
const ENGLISH_WORD_CHARACTERS: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];

/// `lunr.da.js`'s stop words, sorted.
const DANISH_STOP_WORDS: &[&str] = &[
    "ad", "af", "alle", "alt", "anden", "at", "blev", "blive", "bliver", "da", "de", "dem", "den",
    "denne", "der", "deres", "det", "dette", "dig", "din", "disse", "dog", "du", "efter", "eller",
    "en", "end", "er", "et", "for", "fra", "ham", "han", "hans", "har", "havde", "have", "hende",
    "hendes", "her", "hos", "hun", "hvad", "hvis", "hvor", "i", "ikke", "ind", "jeg", "jer", "jo",
    "kunne", "man", "mange", "med", "meget", "men", "mig", "min", "mine", "mit", "mod", "ned",
    "noget", "nogle", "nu", "når", "og", "også", "om", "op", "os", "over", "på", "selv", "sig",
    "sin", "sine", "sit", "skal", "skulle", "som", "sådan", "thi", "til", "ud", "under", "var",
    "vi", "vil", "ville", "vor", "være", "været",
];

/// elasticlunr.js's English stop words, which English sites have used, sorted.
const ENGLISH_STOP_WORDS: &[&str] = &[
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could",
    "dear", "did", "do", "does", "either", "else", "ever", "every", "for", "from", "get", "got",
    "had", "has", "have", "he", "her", "hers", "him", "his", "how", "however", "i", "if", "in",
    "into", "is", "it", "its", "just", "least", "let", "like", "likely", "may", "me", "might",
    "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often", "on", "only", "or",
    "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so", "some",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to",
    "too", "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "yet", "you", "your",
];

#[cfg(test)]
mod tests {
    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        for words in [super::DANISH_STOP_WORDS, super::ENGLISH_STOP_WORDS] {
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{words:?}");
        }
    }
}
