//! Numbers as people type them in CSV files.

use super::*;

#[test]
#[allow(clippy::float_cmp, reason = "these numbers are exact in binary floating point")]
fn numbers_as_typed() {
    assert_eq!(number("8,5"), Some(8.5));
    assert_eq!(number(" 21 "), Some(21.0));
    assert_eq!(number(""), Some(0.0));
    assert_eq!(number("1e400"), Some(f64::INFINITY), "too large, refused by the caller");
    for word in ["inf", "-Infinity", "NaN", "nan", "x"] {
        assert_eq!(number(word), None, "{word}");
    }
}
