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
        // Fewer than REMEMBERED forms of at most twice MAX_REMEMBERED bytes.
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
    fn a_word_met_on_another_thread_breaks_as_its_own_language_says() {
        let word = "digitaliseringsstrategien";
        let (da, en) = (hypher::Lang::Danish, hypher::Lang::English);
        assert_ne!(breaks_of(word, da), breaks_of(word, en), "the languages must differ here");
        std::thread::spawn(move || shared_breaks(word, da)).join().unwrap();
        assert_eq!(shared_breaks(word, da), breaks_of(word, da));
        assert_eq!(shared_breaks(word, en), breaks_of(word, en));
    }

    #[test]
    fn a_full_memory_starts_afresh_and_still_gives_each_word_its_form() {
        let mut memory = Memory::default();
        for n in 0..REMEMBERED {
            let form = memory.remember(&format!("ord{n:05}"), 1 << 3);
            assert_eq!(memory.form(form), format!("ord\u{ad}{n:05}"));
        }
        let none = memory.remember("kommunerne", 0);
        assert_eq!((memory.words.len(), memory.form(none)), (1, ""));
        let form = memory.remember("kommunerne", 1 << 3 | 1 << 6);
        assert_eq!(memory.form(form), "kom\u{ad}mun\u{ad}erne");
    }

    #[test]
    fn remembered_breaks_are_the_patterns_breaks() {
        // Words of every length the table treats apart (a short key, a long
        // one, the longest whose breaks it keeps, one longer), the first
        // time and from memory: each as the patterns' syllables joined.
        // ASCII, so that it can be cut at any byte.
        let compound = "sikkerhedsovervaagningscenterleverandoerstyringsaftalebilag";
        let words = [
            "kommunerne".to_owned(),
            "digitaliseringsstrategien".to_owned(),
            compound.repeat(3)[..MAX_REMEMBERED - 1].to_owned(),
            compound.repeat(3)[..=MAX_REMEMBERED].to_owned(),
        ];
        for word in &words {
            assert!(word.chars().all(char::is_alphabetic), "{word}");
            let syllables: Vec<&str> = hypher::hyphenate(word, hypher::Lang::Danish).collect();
            assert!(syllables.len() > 2, "{word}");
            let expected = format!("om {} og", syllables.join("\u{ad}"));
            let text = format!("om {word} og");
            for _ in 0..2 {
                assert_eq!(soft_hyphens(&text, Language::Da).as_deref(), Some(&*expected));
            }
        }
    }

    #[test]
    fn the_words_are_those_of_the_pieces_between_white_space() {
        // The one-pass scan against the definition: split at each
        // white-space character, leave out identifiers, take the runs of
        // alphabetic characters of at least MIN_LETTERS, not all capitals.
        // Over text with every kind of white space, letters of several
        // scripts, digits, marks, punctuation and identifiers between them.
        fn by_definition(text: &str) -> Vec<(usize, &str)> {
            let mut found = Vec::new();
            let mut piece_at = 0;
            for piece in text.split(char::is_whitespace) {
                if !piece.is_empty() && !is_identifier(piece) {
                    let mut run: Option<(usize, usize)> = None;
                    for (at, c) in piece.char_indices().chain([(piece.len(), '0')]) {
                        match (c.is_alphabetic(), run) {
                            (true, None) => run = Some((at, 1)),
                            (true, Some((s, n))) => run = Some((s, n + 1)),
                            (false, Some((s, n))) => {
                                let word = &piece[s..at];
                                if n >= MIN_LETTERS && !word.chars().all(char::is_uppercase) {
                                    found.push((piece_at + s, word));
                                }
                                run = None;
                            }
                            (false, None) => {}
                        }
                    }
                }
                let rest = &text[piece_at + piece.len()..];
                piece_at += piece.len() + rest.chars().next().map_or(0, char::len_utf8);
            }
            found
        }
        let parts = [
            "sikkerhedsovervågning",
            "KOMMUNERNE",
            "å",
            "NIS2-gapanalysen",
            "Ελληνικάγράμματα",
            "kommunernes",
            "e\u{301}tudiantsétrangers",
            "日本語のテキストです",
            "x",
            "12.219",
            "(leverandørstyring),",
            "\u{ad}",
            "ﬁnansieringsmodellen",
            "",
            "www.kommunerne",
            "kommunerne.dk/sikkerhed",
            "forvaltningerne:",
            "sikkerhedsovervågning@x",
            "ÆØÅæøåéÀÿ",
            "størrelse×bredde÷højde",
        ];
        let spaces = [
            " ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2003}",
            "\u{200a}", "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{200b}", "\u{feff}",
            "  ", "",
        ];
        let mut text = String::new();
        for (i, part) in parts.iter().cycle().take(500).enumerate() {
            text.push_str(part);
            text.push_str(spaces[(i * 7) % spaces.len()]);
            assert_eq!(words(&text).collect::<Vec<_>>(), by_definition(&text), "{text:?}");
        }
    }

    #[test]
    fn text_without_long_words_is_not_copied() {
        assert_eq!(soft_hyphens("Det er en god dag", Language::Da), None);
        assert_eq!(soft_hyphens("", Language::Da), None);
        assert_eq!(soft_hyphens("   ", Language::En), None);
    }
}
