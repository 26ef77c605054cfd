//! Slugs for URLs and heading ids: lowercase ASCII words joined by `-`, with
//! Danish letters spelled out (æ → ae, ø → oe, å → aa) so ids stay readable
//! and survive every host, mail client and URL parser.
//!
//! Text is read in Unicode NFC first: macOS writes file names decomposed
//! (NFD, `å` as `a` + ring), editors write headings composed, and both must
//! give the same slug.

/// `"Grøn IT & klima"` -> `"groen-it-klima"`. Empty when nothing is left.
#[must_use]
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in crate::nfc::nfc(text).chars().flat_map(char::to_lowercase) {
        let spelled = match c {
            'æ' | 'ä' => "ae",
            'ø' | 'ö' | 'œ' => "oe",
            'å' => "aa",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' => "a",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ò' | 'ó' | 'ô' | 'õ' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ç' => "c",
            'ñ' => "n",
            'ý' | 'ÿ' => "y",
            c if c.is_ascii_alphanumeric() => {
                push(&mut slug, &mut dash, c.encode_utf8(&mut [0; 4]));
                continue;
            }
            c if c.is_whitespace() || matches!(c, '-' | '_' | '/' | '.' | '–' | '—') => {
                dash = !slug.is_empty();
                continue;
            }
            _ => continue,
        };
        push(&mut slug, &mut dash, spelled);
    }
    slug
}

fn push(slug: &mut String, dash: &mut bool, text: &str) {
    if *dash {
        slug.push('-');
        *dash = false;
    }
    slug.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn danish_letters_are_spelled_out() {
        assert_eq!(slugify("Grøn IT & klima"), "groen-it-klima");
        assert_eq!(slugify("Æbler på ÅEN"), "aebler-paa-aaen");
        assert_eq!(slugify("KPI'er"), "kpier");
    }

    #[test]
    fn separators_collapse_and_trim() {
        assert_eq!(slugify("  1. Hvorfor -- nu?  "), "1-hvorfor-nu");
        assert_eq!(slugify("snake_case/and.dots"), "snake-case-and-dots");
        assert_eq!(slugify("2027–2030"), "2027-2030");
        assert_eq!(slugify("!!!"), "");
        assert_eq!(slugify("日本"), "");
    }

    #[test]
    fn decomposed_and_composed_text_slug_the_same() {
        // `Å` and `å` written as a letter plus a combining ring (NFD, as
        // macOS names files) slug like the single letters (NFC).
        let nfd = "Fa\u{0308}lles Sa\u{030a}n \u{00c5}\u{0301}";
        let nfc = "Fälles Sån Ǻ";
        assert_eq!(slugify(nfd), slugify(nfc));
        assert_eq!(slugify("Ga\u{030a}rd"), "gaard");
    }
}
