//! Soft hyphens (U+00AD) in the board edition's running text, from the TeX
//! hyphenation patterns of its language. Headless Chromium has no Danish
//! dictionary, so `hyphens: auto` broke »sikkerhedsovervågningscenter«
//! anywhere or not at all; a soft hyphen is a place the browser may break a
//! word, and shows a hyphen only where it does.
//!
//! The patterns come from `hypher` (Typst's hyphenator): TeX's `hyph-da`
//! and `hyph-en-us`, compiled into the binary as small automata (33 KiB for
//! the two), with no load time, no allocation for words of up to 45 bytes
//! and no dependencies. The `hyphenation` crate, the other maintained choice,
//! embeds its dictionaries as a serialised trie that is read when first
//! used and weighs several times more for the same patterns.
//!
//! Only words are hyphenated: runs of at least [`MIN_LETTERS`] letters in
//! a piece of text between spaces that is not an address, a file name or
//! an identifier (it holds `/`, `@`, `_` and the like, or a `.` or `:`
//! inside it), and not all capitals (an acronym). Code, headings, ids and
//! attributes never reach this: the HTML writer passes it prose text alone.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::config::Language;

/// The shortest word that gets soft hyphens: a shorter one rarely ends a
/// line badly, and each soft hyphen is two more bytes in the edition.
const MIN_LETTERS: usize = 8;

/// How many words each thread remembers before it starts afresh.
const REMEMBERED: usize = 1 << 16;

/// Words and their hyphenated forms, one map per language.
type Remembered = [FxHashMap<Box<str>, Option<Box<str>>>; 2];

thread_local! {
    /// Words hyphenated before on this thread, with their syllables joined
    /// by soft hyphens (`None`: no break allowed). A strategy repeats its
    /// long words page after page (»kommunerne«, »digitalisering«), and a
    /// look-up costs a fraction of running the patterns: without it,
    /// hyphenation was a fifth of a build's cycles. A word seen before is
    /// looked up by its text, with no allocation.
    static SEEN: RefCell<Remembered> = RefCell::new(Default::default());
}

/// Calls `use_it` with `word` with soft hyphens where `lang` allows a
/// break, or with `None` where it allows none; remembered per thread.
fn with_hyphenated<R>(word: &str, lang: hypher::Lang, use_it: impl FnOnce(Option<&str>) -> R) -> R {
    SEEN.with_borrow_mut(|seen| {
        let seen = &mut seen[usize::from(lang == hypher::Lang::Danish)];
        if let Some(known) = seen.get(word) {
            return use_it(known.as_deref());
        }
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        let mut syllables = hypher::hyphenate(word, lang);
        let first = syllables.next().unwrap_or_default();
        let mut rest = syllables.peekable();
        let joined = rest.peek().is_some().then(|| {
            let mut joined = String::with_capacity(word.len() + 8);
            joined.push_str(first);
            for syllable in rest {
                joined.push('\u{ad}');
                joined.push_str(syllable);
            }
            joined.into_boxed_str()
        });
        use_it(seen.entry(word.into()).or_insert(joined).as_deref())
    })
}

/// `text` with soft hyphens where the language's patterns allow a break,
/// or `None` when it has no word to hyphenate.
#[must_use]
pub(crate) fn soft_hyphens(text: &str, language: Language) -> Option<String> {
    let lang = match language {
        Language::Da => hypher::Lang::Danish,
        Language::En => hypher::Lang::English,
    };
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (start, piece) in pieces(text) {
        // Most pieces are short words: a word of MIN_LETTERS letters takes
        // at least as many bytes, so these need no closer look.
        if piece.len() < MIN_LETTERS || is_identifier(piece) {
            continue;
        }
        for (at, word) in words(piece) {
            let at = start + at;
            with_hyphenated(word, lang, |joined| {
                let Some(joined) = joined else { return };
                let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
                out.push_str(&text[copied..at]);
                out.push_str(joined);
                copied = at + word.len();
            });
        }
    }
    out.map(|mut out| {
        out.push_str(&text[copied..]);
        out
    })
}

/// The pieces of `text` between white space, with their byte offsets.
fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .scan(0, |at, piece| {
            let start = *at;
            // Each separator is one white-space character.
            *at +=
                piece.len() + text[start + piece.len()..].chars().next().map_or(0, char::len_utf8);
            Some((start, piece))
        })
        .filter(|(_, piece)| !piece.is_empty())
}

/// True for a piece that is an address, a file name, an identifier or
/// already hyphenated by its writer: breaking it would change what it says.
fn is_identifier(piece: &str) -> bool {
    // One pass over the bytes: every character looked for is ASCII but the
    // soft hyphen, whose two bytes are C2 AD, a pair no other text has. A
    // `.` or `:` counts only before the piece's closing punctuation.
    let inside = piece.trim_end_matches(|e: char| !e.is_alphanumeric()).len();
    let bytes = piece.as_bytes();
    bytes.iter().enumerate().any(|(at, &byte)| match byte {
        b'/' | b'\\' | b'@' | b'_' | b'=' | b'#' | b'&' | b'%' | b'~' | b'<' | b'>' => true,
        b'.' | b':' => at < inside,
        0xAD => at > 0 && bytes[at - 1] == 0xC2,
        _ => false,
    })
}

/// The runs of letters in `piece` long enough to hyphenate, with their
/// byte offsets, leaving out acronyms (all capitals).
fn words(piece: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = piece.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, _) = rest.find(|(_, c)| c.is_alphabetic())?;
            let mut end = piece.len();
            let mut letters = 1;
            while let Some(&(i, c)) = rest.peek() {
                if !c.is_alphabetic() {
                    end = i;
                    break;
                }
                letters += 1;
                rest.next();
            }
            let word = &piece[start..end];
            if letters >= MIN_LETTERS && !word.chars().all(char::is_uppercase) {
                return Some((start, word));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, language: Language) -> String {
        soft_hyphens(text, language).unwrap_or_else(|| text.to_owned()).replace('\u{ad}', "|")
    }

    #[test]
    fn danish_compounds_get_soft_hyphens_from_the_danish_patterns() {
        let text = shown("et fælles sikkerhedsovervågningscenter for kommunerne.", Language::Da);
        assert!(text.starts_with("et fælles sik"), "{text}");
        assert!(text.contains('|'), "{text}");
        assert_eq!(text.replace('|', ""), "et fælles sikkerhedsovervågningscenter for kommunerne.");
        // Short words are left whole; the sentence's punctuation stays put.
        assert!(text.starts_with("et fælles ") && text.ends_with("ne."), "{text}");
    }

    #[test]
    fn english_words_get_soft_hyphens_from_the_english_patterns() {
        let text = shown("an extensive plan", Language::En);
        assert_eq!(text, "an ex|ten|sive plan");
    }

    #[test]
    fn addresses_file_names_and_acronyms_are_left_whole() {
        for text in [
            "https://strategi.kdfmidt.dk/sikkerhedsovervaagning",
            "spoergeskema-resultater.csv",
            "sikkerhedsovervågning@kdfmidt.dk",
            "config_sikkerhedsovervågning",
            "SIKKERHEDSOVERVÅGNING",
            "sik\u{ad}kerhedsovervågningscenter",
            "www.sikkerhedsovervaagning",
        ] {
            assert_eq!(soft_hyphens(text, Language::Da), None, "{text}");
        }
        // `í` ends in the soft hyphen's second byte (C3 AD): still a word.
        assert!(soft_hyphens("sikkerhedsovervågníngscenter", Language::Da).is_some());
        // A sentence's full stop or colon is not an address.
        assert!(soft_hyphens("om sikkerhedsovervågning.", Language::Da).is_some());
        assert!(soft_hyphens("sikkerhedsovervågning: alle", Language::Da).is_some());
        // The parts of a hyphenated compound are words.
        let text = shown("NIS2-gapanalysen", Language::Da);
        assert!(text.starts_with("NIS2-") && text.contains('|'), "{text}");
    }

    #[test]
    fn a_word_of_any_length_is_hyphenated_without_a_panic() {
        // Over hypher's 45-byte inline buffer, which panics without `alloc`.
        let word = "sikkerhedsovervågningscenterleverandørstyringsaftalebilag".repeat(20);
        let text = soft_hyphens(&word, Language::Da).unwrap();
        assert_eq!(text.replace('\u{ad}', ""), word);
    }

    #[test]
    fn text_without_long_words_is_not_copied() {
        assert_eq!(soft_hyphens("Det er en god dag", Language::Da), None);
        assert_eq!(soft_hyphens("", Language::Da), None);
        assert_eq!(soft_hyphens("   ", Language::En), None);
    }
}
