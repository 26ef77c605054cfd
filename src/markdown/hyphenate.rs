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
use std::sync::{LazyLock, Mutex};

use super::chars::{Class, class_at, letters, run};
use crate::byteset::byte_set;
use crate::config::Language;
use crate::wordmap::WordMap;

/// The shortest word that gets soft hyphens: a shorter one rarely ends a
/// line badly, and each soft hyphen is two more bytes in the edition.
const MIN_LETTERS: usize = 8;

/// How many words each thread remembers before it starts afresh.
const REMEMBERED: usize = 1 << 16;

/// Where a word may break: bit `i` is set for a soft hyphen before its
/// byte `i`.
type Breaks = u64;

/// The longest word whose breaks a [`Breaks`] holds; a longer one (no
/// word of prose) is hyphenated each time it comes.
const MAX_REMEMBERED: usize = Breaks::BITS as usize - 1;

thread_local! {
    /// The words hyphenated before on this thread, one memory per
    /// language. A strategy repeats its long words page after page
    /// (»kommunerne«, »digitalisering«), and a look-up costs a fraction of
    /// running the patterns: without it, hyphenation was a fifth of a
    /// build's cycles.
    static SEEN: RefCell<[Memory; 2]> = RefCell::new(Default::default());
}

/// A thread's remembered words with their soft hyphens in place, so a word
/// seen before is copied into the text in one piece.
#[derive(Default)]
struct Memory {
    /// Where each word's hyphenated form is in `forms`.
    words: WordMap<Form>,
    /// The hyphenated forms, one after another.
    forms: String,
}

/// A span of [`Memory::forms`]; empty for a word with no break.
#[derive(Clone, Copy)]
struct Form {
    at: u32,
    len: u32,
}

impl Memory {
    /// Remembers `word` (of at most [`MAX_REMEMBERED`] bytes) as breaking
    /// at `breaks`.
    fn remember(&mut self, word: &str, breaks: Breaks) -> Form {
        if self.words.len() >= REMEMBERED {
            self.words.clear();
            self.forms.clear();
        }
        let at = self.forms.len();
        if breaks != 0 {
            push_broken(&mut self.forms, word, breaks);
        }
        // Fewer than REMEMBERED forms, each under three times
        // MAX_REMEMBERED bytes (the word and two bytes a break): a few MiB.
        let span = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let form = Form { at: span(at), len: span(self.forms.len() - at) };
        self.words.insert(word, form);
        form
    }

    fn form(&self, form: Form) -> &str {
        &self.forms[form.at as usize..(form.at + form.len) as usize]
    }
}

/// `text` with soft hyphens where the language's patterns allow a break,
/// or `None` when it has no word to hyphenate.
#[must_use]
pub(crate) fn soft_hyphens(text: &str, language: Language) -> Option<String> {
    // A word to hyphenate has MIN_LETTERS letters, each at least a byte;
    // many texts between inline markup are shorter (`, `, `: `).
    if text.len() < MIN_LETTERS {
        return None;
    }
    let lang = match language {
        Language::Da => hypher::Lang::Danish,
        Language::En => hypher::Lang::English,
    };
    SEEN.with_borrow_mut(|seen| {
        let memory = &mut seen[usize::from(lang == hypher::Lang::Danish)];
        let mut out: Option<String> = None;
        let mut copied = 0;
        for (at, word) in words(text) {
            let form = match memory.words.get(word) {
                Some(&form) => Some(form),
                None if word.len() > MAX_REMEMBERED => None,
                None => Some(memory.remember(word, shared_breaks(word, lang))),
            };
            if form.is_some_and(|form| form.len == 0) {
                continue;
            }
            // Room for a soft hyphen (two bytes) every eight bytes or so, as
            // Danish prose needs: growing the text copied it again.
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() * 5 / 4 + 16));
            out.push_str(&text[copied..at]);
            match form {
                Some(form) => out.push_str(memory.form(form)),
                None => push_syllables(out, hypher::hyphenate(word, lang)),
            }
            copied = at + word.len();
        }
        out.map(|mut out| {
            out.push_str(&text[copied..]);
            out
        })
    })
}

/// Where the words hyphenated on any thread may break, for the thread that
/// meets one first: the edition's pages are hyphenated on every core, and
/// each ran the patterns for the same words (10,680 runs at 8,900
/// instructions each in a 1,000-page build, half of them repeats).
static SHARED: LazyLock<Mutex<[WordMap<Breaks>; 2]>> = LazyLock::new(Mutex::default);

/// [`breaks_of`] `word`, from [`SHARED`] when another thread has run the
/// patterns for it. The lock is not held while they run.
fn shared_breaks(word: &str, lang: hypher::Lang) -> Breaks {
    let language = usize::from(lang == hypher::Lang::Danish);
    let shared = || SHARED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&breaks) = shared()[language].get(word) {
        return breaks;
    }
    let breaks = breaks_of(word, lang);
    let mut shared = shared();
    if shared[language].len() >= REMEMBERED {
        shared[language].clear();
    }
    shared[language].insert(word, breaks);
    breaks
}

/// Where `word` (of at most [`MAX_REMEMBERED`] bytes) may break in `lang`.
fn breaks_of(word: &str, lang: hypher::Lang) -> Breaks {
    let mut at = 0;
    let mut breaks = 0;
    for syllable in hypher::hyphenate(word, lang) {
        if at > 0 {
            breaks |= 1 << at;
        }
        at += syllable.len();
    }
    breaks
}

/// Pushes `word` with a soft hyphen before each byte `breaks` marks.
fn push_broken(out: &mut String, word: &str, mut breaks: Breaks) {
    let mut from = 0;
    while breaks != 0 {
        let at = breaks.trailing_zeros() as usize;
        out.push_str(&word[from..at]);
        out.push('\u{ad}');
        from = at;
        breaks &= breaks - 1;
    }
    out.push_str(&word[from..]);
}

/// Pushes `syllables` with a soft hyphen between each two.
fn push_syllables<'w>(out: &mut String, mut syllables: impl Iterator<Item = &'w str>) {
    out.push_str(syllables.next().unwrap_or_default());
    for syllable in syllables {
        out.push('\u{ad}');
        out.push_str(syllable);
    }
}

/// True for a piece that is an address, a file name, an identifier or
/// already hyphenated by its writer: breaking it would change what it says.
fn is_identifier(piece: &str) -> bool {
    // Every character looked for is ASCII but the soft hyphen, whose two
    // bytes are C2 AD, a pair no other text has; most pieces have none of
    // them, and are passed over at the speed of a table. A `.` or `:`
    // counts only before the piece's closing punctuation.
    let bytes = piece.as_bytes();
    let Some(first) = bytes.iter().position(|&byte| MARKS[usize::from(byte)]) else {
        return false;
    };
    let inside = piece.trim_end_matches(|e: char| !e.is_alphanumeric()).len();
    bytes.iter().enumerate().skip(first).any(|(at, &byte)| match byte {
        b'/' | b'\\' | b'@' | b'_' | b'=' | b'#' | b'&' | b'%' | b'~' | b'<' | b'>' => true,
        b'.' | b':' => at < inside,
        0xAD => at > 0 && bytes[at - 1] == 0xC2,
        _ => false,
    })
}

/// The bytes [`is_identifier`] looks at.
const MARKS: [bool; 256] = byte_set(b"/\\@_=#&%~<>.:\xAD");

/// The words of `text` to hyphenate, with their byte offsets: runs of at
/// least [`MIN_LETTERS`] letters, not all capitals, in a piece of text
/// between white space that is not an identifier ([`is_identifier`]).
///
/// One pass over the bytes, as this reads all the edition's prose: each
/// character is a letter, white space or neither, decided from its byte
/// when it is ASCII. Most runs of letters are short words, which cost
/// nothing more; only around a long one is its piece looked at.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let (mut at, mut piece) = (0, 0);
    // The start of the last piece checked, and whether it is an identifier.
    let mut checked: Option<(usize, bool)> = None;
    std::iter::from_fn(move || {
        while at < text.len() {
            let (len, class) = class_at(text, at);
            if class != Class::Letter {
                at += len;
                if class == Class::Space {
                    piece = at;
                }
                continue;
            }
            let (start, (end, letters)) = (at, letters(text, at));
            at = end;
            if letters < MIN_LETTERS {
                continue;
            }
            let word = &text[start..end];
            if word.chars().all(char::is_uppercase) {
                continue;
            }
            let identifier = match checked {
                Some((checked, identifier)) if checked == piece => identifier,
                _ => {
                    let end = run(text, at, |class| class != Class::Space).0;
                    let identifier = is_identifier(&text[piece..end]);
                    checked = Some((piece, identifier));
                    identifier
                }
            };
            if !identifier {
                return Some((start, word));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests;
