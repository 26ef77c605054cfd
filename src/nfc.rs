//! Text in Unicode NFC, as the browser normalises a query and as a file
//! name written on macOS is compared: `å` typed or decomposed is one
//! letter. Most text is NFC as it is, and is found so at the speed of a
//! byte scan rather than by decomposing and recomposing every character.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Whether `bytes` hold only characters that NFC leaves as they are and
/// that no combining mark follows: those below U+0300 (UTF-8 bytes below
/// 0xCC, where the combining marks begin), general punctuation (dashes,
/// quotes, `…`) and currency signs. Blocks of plain text are checked in a
/// way the compiler vectorises; most text never needs the full check.
fn plainly_nfc(bytes: &[u8]) -> bool {
    const BLOCK: usize = 32;
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + BLOCK).min(bytes.len());
        if bytes[at..end].iter().fold(0, |max, &b| max.max(b)) < 0xCC {
            at = end;
            continue;
        }
        while at < end {
            if bytes[at] < 0xCC {
                at += 1;
                continue;
            }
            // U+2002–U+206F and U+20A0–U+20BF: E2 80 82–BF, E2 81 80–AF, E2 82 A0–BF.
            let next = (bytes.get(at + 1).copied(), bytes.get(at + 2).copied());
            let punctuation = bytes[at] == 0xE2
                && matches!(
                    next,
                    (Some(0x80), Some(0x82..=0xBF))
                        | (Some(0x81), Some(0x80..=0xAF))
                        | (Some(0x82), Some(0xA0..=0xBF))
                );
            if !punctuation {
                return false;
            }
            at += 3;
        }
    }
    true
}

/// `text` in NFC, as the browser normalises the query: `å` typed or
/// decomposed is one word. Text below U+0300 (UTF-8 bytes below 0xCC),
/// where the combining marks begin, is NFC as it is: most text is checked
/// at the speed of a byte scan.
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    if plainly_nfc(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// `text` in NFC, as [`nfc`] makes it: the same string when it already is.
pub(crate) fn into_nfc(text: String) -> String {
    let normalised = match nfc(&text) {
        Cow::Owned(normalised) => Some(normalised),
        Cow::Borrowed(_) => None,
    };
    normalised.unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_taken_as_nfc_without_normalising_is_nfc() {
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            for text in [format!("{c}"), format!("{c}\u{301}"), format!("a{c}e\u{301}")] {
                if plainly_nfc(text.as_bytes()) {
                    assert_eq!(is_nfc_quick(text.chars()), IsNormalized::Yes, "{text:?}");
                    assert!(unicode_normalization::is_nfc(&text), "{text:?}");
                }
            }
        }
        assert!(plainly_nfc("Økonomi – »tillid« … 5 €".as_bytes()));
        assert!(!plainly_nfc("Gra\u{30a}zone".as_bytes()));
    }

    #[test]
    fn an_owned_text_is_normalised_or_kept_as_it_is() {
        assert_eq!(into_nfc("Gra\u{30a}zone".to_owned()), "Gråzone");
        let composed = "Gråzone".to_owned();
        let at = composed.as_ptr();
        let kept = into_nfc(composed);
        assert_eq!(kept.as_ptr(), at, "an NFC text is not copied");
    }
}
