//! The UI's words: quarters, dates, money and names per language, and the
//! organisation's own words in every phrase.

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
fn every_label_exists_in_both_languages() {
    let labels = labels(&Config::default());
    assert_eq!(labels.len(), LABELS.len() + KIND_KEYS.len(), "duplicate label keys");
    assert!(LABELS.iter().all(|(_, da, en)| !da.is_empty() && !en.is_empty()));
    assert!(labels.values().all(|v| !v.contains('{')), "every phrase is built: {labels:?}");
}

#[test]
fn the_organisations_words_are_used_in_every_phrase() {
    let mut sources = crate::diagnostics::Sources::default();
    let text = "title: T\nlabels:\n  direction: {singular: Sigtelinje, plural: Sigtelinjer}\n  initiative: {singular: Indsats, plural: Indsatser}\n  plan: Indsatsplan\n";
    let file = crate::config::ConfigFile {
        id: sources.add("stratdoc.yaml", text),
        path: "stratdoc.yaml".into(),
    };
    let mut diags = crate::diagnostics::Diagnostics::new();
    let config = crate::config::parse(&file, &sources, &mut diags).expect("a valid config");
    let t = labels(&config);
    assert_eq!((t["directions"].as_str(), t["initiative"].as_str()), ("Sigtelinjer", "Indsats"));
    assert_eq!(t["no_initiatives"], "Der er endnu ingen indsatser.");
    assert_eq!(t["children"], "Delindsatser");
    assert_eq!(t["matrix_intro"], "Hvilke indsatser bærer hvilke sigtelinjer.");
    assert_eq!(t["see_roadmap"], "Indsatsplan: køreplan og overblik");
    assert_eq!(t["action_plan_period"], "Indsatsplan");
}
