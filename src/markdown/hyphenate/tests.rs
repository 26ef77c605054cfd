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
        "\u{200a}", "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{200b}", "\u{feff}", "  ",
        "",
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
