//! Characters classed from their bytes, for the scans that read every
//! byte of a site's prose (hyphenation, the search index's text): ASCII and
//! U+00C0–U+00FF (Danish `æ`, `ø`, `å`) without decoding them or looking
//! them up in Unicode's tables, anything else as `char` does.

/// What a character is to a scan of prose.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Letter,
    Space,
    Other,
}

/// The length of the character at byte `at` of `text` and its class:
/// [`char::is_alphabetic`], [`char::is_whitespace`] or neither.
#[inline]
pub(super) fn class_at(text: &str, at: usize) -> (usize, Class) {
    match text.as_bytes()[at] {
        b'a'..=b'z' | b'A'..=b'Z' => (1, Class::Letter),
        b' ' | b'\t'..=b'\r' => (1, Class::Space),
        byte if byte.is_ascii() => (1, Class::Other),
        // U+00C0–U+00FF (`æ`, `ø`, `å`, `é`): letters but `×` and `÷`.
        0xC3 => match text.as_bytes().get(at + 1) {
            Some(0x97 | 0xB7) => (2, Class::Other),
            _ => (2, Class::Letter),
        },
        _ => {
            let c = text[at..].chars().next().unwrap_or_default();
            (c.len_utf8(), class_of(c))
        }
    }
}

/// The class of `c`, as `char` tells it: what [`class_at`] finds faster.
fn class_of(c: char) -> Class {
    if c.is_alphabetic() {
        Class::Letter
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    }
}

/// Where the run of characters from byte `at` of `text` whose class
/// `keep` accepts ends, and how many characters it holds.
#[inline]
pub(super) fn run(text: &str, mut at: usize, keep: impl Fn(Class) -> bool) -> (usize, usize) {
    let mut count = 0;
    while at < text.len() {
        let (len, class) = class_at(text, at);
        if !keep(class) {
            break;
        }
        (at, count) = (at + len, count + 1);
    }
    (at, count)
}

/// Where the run of letters from byte `at` of `text` ends, and how many it
/// holds: [`run`] of [`Class::Letter`], with ASCII letters, most of any
/// word, counted without classing each.
#[inline]
pub(super) fn letters(text: &str, mut at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut count = 0;
    loop {
        let ascii = bytes[at..].iter().take_while(|byte| byte.is_ascii_alphabetic()).count();
        (at, count) = (at + ascii, count + ascii);
        match bytes.get(at) {
            Some(byte) if !byte.is_ascii() => match class_at(text, at) {
                (len, Class::Letter) => (at, count) = (at + len, count + 1),
                _ => break,
            },
            _ => break,
        }
    }
    (at, count)
}

#[cfg(test)]
mod tests {
    use super::{Class, class_at, class_of, letters, run};

    #[test]
    fn a_run_of_letters_is_counted_as_run_counts_it() {
        let text = "kommunernes æøå-Øresund×2 ÆbleΩmega中文 ok\u{ad}x sikkerhedsovervågning.";
        for at in (0..text.len()).filter(|&at| text.is_char_boundary(at)) {
            assert_eq!(letters(text, at), run(text, at, |c| c == Class::Letter), "{at}");
        }
    }

    #[test]
    fn each_character_is_classed_as_char_says() {
        let planes = (0..=0x3100).chain(0xFE00..=0xFFFF).chain([0x1_F600, 0x10_FFFF]);
        for c in planes.filter_map(char::from_u32) {
            let text = format!("{c}x");
            assert!(class_at(&text, 0) == (c.len_utf8(), class_of(c)), "{c:?}");
        }
    }
}
