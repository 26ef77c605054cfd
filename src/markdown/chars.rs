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
            let class = if c.is_alphabetic() {
                Class::Letter
            } else if c.is_whitespace() {
                Class::Space
            } else {
                Class::Other
            };
            (c.len_utf8(), class)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Class, class_at};

    #[test]
    fn each_character_is_classed_as_char_says() {
        let planes = (0..=0x3100).chain(0xFE00..=0xFFFF).chain([0x1_F600, 0x10_FFFF]);
        for c in planes.filter_map(char::from_u32) {
            let expected = if c.is_alphabetic() {
                Class::Letter
            } else if c.is_whitespace() {
                Class::Space
            } else {
                Class::Other
            };
            let text = format!("{c}x");
            assert!(class_at(&text, 0) == (c.len_utf8(), expected), "{c:?}");
        }
    }
}
