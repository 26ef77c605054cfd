//! Quarters, times, dates, money and names as written in each language.

use super::*;

/// Labels with their non-breaking spaces shown as plain ones.
fn plain(text: impl AsRef<str>) -> String {
    text.as_ref().replace('\u{a0}', " ")
}

#[test]
fn quarters_and_dates_per_language() {
    let q = Quarter { year: 2027, quarter: 3 };
    assert_eq!(plain(quarter(q, Language::Da)), "3. kvt. 2027");
    assert_eq!(plain(quarter(q, Language::En)), "Q3 2027");
    assert_eq!(
        quarter_range(Some(q), Some(q.next()), Language::En).map(plain).as_deref(),
        Some("Q3 2027 – Q4 2027")
    );
    let d = Date { year: 2026, month: 12, day: 10 };
    assert_eq!(plain(date(d, Language::Da)), "10. december 2026");
    assert_eq!(plain(date(d, Language::En)), "10 December 2026");
}

#[test]
fn approximate_times_read_as_written() {
    let half = When::Half { year: 2022, half: 1 };
    assert_eq!(plain(when(half, Language::Da)), "1. halvår 2022");
    assert_eq!(plain(when(half, Language::En)), "H1 2022");
    assert_eq!(
        when_range(Some(When::Year(2018)), Some(half), Language::Da).map(plain).as_deref(),
        Some("2018 – 1. halvår 2022")
    );
    assert!(!when(half, Language::Da).contains(' '), "a time never wraps inside");
}

/// Whole kroner as hundredths.
fn kr(units: i64) -> i64 {
    units * 100
}

#[test]
fn names_and_money() {
    assert_eq!(join_names(&["A", "B", "C"], Language::Da), "A, B og C");
    assert_eq!(join_names(&["A", "B"], Language::En), "A and B");
    assert_eq!(plain(money(kr(34_000_000), "DKK", Language::Da)), "34 mio. kr.");
    assert_eq!(plain(money(kr(2_500_000), "DKK", Language::Da)), "2,5 mio. kr.");
    assert_eq!(plain(money(kr(850_000), "DKK", Language::Da)), "850.000 kr.");
    assert_eq!(plain(money(kr(1_234_000_000), "EUR", Language::Da)), "1,234 mia. EUR");
    assert_eq!(plain(money(kr(34_000_000), "DKK", Language::En)), "DKK 34 million");
    assert_eq!(plain(money(kr(850_000), "DKK", Language::En)), "DKK 850,000");
    // Exactly, or in full: nothing a board adds up is rounded away.
    assert_eq!(plain(money(kr(2_512_345), "DKK", Language::Da)), "2.512.345 kr.");
    assert_eq!(plain(money(125_050, "DKK", Language::Da)), "1.250,50 kr.");
    assert_eq!(plain(money(125_050, "GBP", Language::En)), "GBP 1,250.50");
    assert_eq!(plain(money(i64::MAX, "DKK", Language::Da)), "92.233.720.368.547.758,07 kr.");
    assert_eq!(plain(money(kr(7_000_000_000_000), "DKK", Language::Da)), "7.000 mia. kr.");
}

#[test]
fn a_quarter_is_written_as_format_wrote_it() {
    for (year, number) in [(2027, 1), (2030, 4), (999, 2), (10_000, 3), (0, 1)] {
        let q = Quarter { year, quarter: number };
        assert_eq!(quarter(q, Language::Da), format!("{number}.\u{a0}kvt.\u{a0}{year}"));
        assert_eq!(quarter(q, Language::En), format!("Q{number}\u{a0}{year}"));
    }
}
