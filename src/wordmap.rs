//! A map keyed by words, for the scans that look up every word of a site's
//! prose (hyphenation, the search index). Most words are short, and a key
//! that holds a short word in the table itself is compared without
//! following a pointer to the heap: with tens of thousands of words
//! remembered, that pointer was a cache miss on nearly every look-up.

use rustc_hash::FxHashMap;

/// Values by word: words of up to 23 bytes in the table itself, longer
/// ones on the heap.
pub(crate) struct WordMap<V> {
    short: FxHashMap<ShortWord, V>,
    long: FxHashMap<Box<str>, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { short: FxHashMap::default(), long: FxHashMap::default() }
    }
}

impl<V> WordMap<V> {
    /// The value of `word`, if there is one.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        match ShortWord::of(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    /// Gives `word` the value `value`.
    pub(crate) fn insert(&mut self, word: &str, value: V) {
        match ShortWord::of(word) {
            Some(key) => self.short.insert(key, value),
            None => self.long.insert(word.into(), value),
        };
    }

    /// How many words have a value.
    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// Forgets every word.
    pub(crate) fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }
}

/// A word of up to 23 bytes as three little-endian words, zero-padded,
/// with its length in the last byte. Hashed as one word: a site's words
/// are few and mostly differ in their first bytes, and every word of every
/// page is hashed.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortWord([u64; 3]);

impl std::hash::Hash for ShortWord {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let [a, b, c] = self.0;
        state.write_u64(a ^ b.rotate_left(21) ^ c.rotate_left(42));
    }
}

impl ShortWord {
    #[inline]
    fn of(word: &str) -> Option<ShortWord> {
        let bytes = word.as_bytes();
        let len = u8::try_from(bytes.len()).ok().filter(|&l| l < 24)?;
        let mut key = [0; 3];
        for (k, at) in key.iter_mut().zip((0..bytes.len()).step_by(8)) {
            *k = padded(bytes, at);
        }
        key[2] |= u64::from(len) << 56;
        Some(ShortWord(key))
    }
}

/// Up to eight bytes of `bytes` from `at` as a little-endian word, zero
/// beyond its end. Read with whole loads, never a byte at a time into a
/// buffer: a wide load of narrow stores just made cannot be forwarded
/// from them, and that stall was most of a look-up (every word of every
/// page is looked up, in the search index and by hyphenation).
#[inline]
fn padded(bytes: &[u8], at: usize) -> u64 {
    let len = bytes.len();
    if let Some(eight) = bytes.get(at..at + 8) {
        return u64::from_le_bytes(eight.try_into().unwrap_or_default());
    }
    let rest = len - at;
    if len >= 8 {
        // The word's last eight bytes, shifted down past those already read.
        let last = u64::from_le_bytes(bytes[len - 8..].try_into().unwrap_or_default());
        return last >> (8 * (8 - rest));
    }
    if rest < 4 {
        return bytes.iter().rev().fold(0, |word, &byte| word << 8 | u64::from(byte));
    }
    // Four to seven bytes, read in two overlapping halves (their shared
    // bytes are the same, so or-ing them keeps each once).
    let half = |from: usize| {
        u64::from(u32::from_le_bytes(bytes[from..from + 4].try_into().unwrap_or_default()))
    };
    half(0) | half(rest - 4) << (8 * (rest - 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_read_as_its_bytes_padded_with_zeros() {
        let text = "abcdefghijklmnopqrstuvwxyzæøå";
        for start in 0..4 {
            for len in 0..=23 {
                let bytes = &text.as_bytes()[start..start + len];
                for at in (0..len.max(1)).step_by(8) {
                    let mut eight = [0; 8];
                    let piece = &bytes[at.min(len)..len.min(at + 8)];
                    eight[..piece.len()].copy_from_slice(piece);
                    assert_eq!(padded(bytes, at), u64::from_le_bytes(eight), "{bytes:?} at {at}");
                }
            }
        }
    }

    #[test]
    fn short_and_long_words_and_words_that_share_their_bytes_are_apart() {
        let mut map = WordMap::default();
        // Zero padding and the length byte keep `a`, `a\0` and longer
        // words with the same start apart; 23 bytes is the last short one.
        let words = [
            "a",
            "a\0",
            "ab",
            "",
            "kommunerne",
            "abcdefghijklmnopqrstuvw",
            "abcdefghijklmnopqrstuvwx",
            "sikkerhedsovervågningscenteret",
        ];
        for (n, word) in words.iter().enumerate() {
            map.insert(word, n);
        }
        assert_eq!(map.len(), words.len());
        for (n, word) in words.iter().enumerate() {
            assert_eq!(map.get(word), Some(&n), "{word:?}");
        }
        assert_eq!(map.get("abcdefghijklmnopqrstuv"), None);
        assert_eq!(map.get("kommuner"), None);
        map.insert("kommunerne", 99);
        assert_eq!((map.get("kommunerne"), map.len()), (Some(&99), words.len()));
        map.clear();
        assert_eq!(
            (map.get("a"), map.get("sikkerhedsovervågningscenteret"), map.len()),
            (None, None, 0)
        );
    }
}
