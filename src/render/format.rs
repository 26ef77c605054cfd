//! How values are written in the publication's language: quarters and
//! other times, dates, amounts of money and lists of names, each as a board
//! member reads it, with non-breaking spaces where a value must not wrap.

use crate::calendar::{Date, Quarter, When};
use crate::config::Language;

/// `2027-Q1` as people read it: "1. kvt. 2027" / "Q1 2027". The spaces are
/// non-breaking: a quarter never wraps between its parts.
#[must_use]
pub fn quarter(q: Quarter, language: Language) -> String {
    // Put together piece by piece: every page's facts, milestones and KPIs
    // show quarters, and `format!` took ten times as long.
    let (before, between) = match language {
        Language::Da => ("", ".\u{a0}kvt.\u{a0}"),
        Language::En => ("Q", "\u{a0}"),
    };
    let mut out = String::with_capacity(16);
    out.push_str(before);
    push_decimal(&mut out, u32::from(q.quarter));
    out.push_str(between);
    push_decimal(&mut out, u32::from(q.year));
    out
}

/// Appends `n` in decimal.
fn push_decimal(out: &mut String, n: u32) {
    out.extend(crate::decimal::digits(n, &mut [0; 10]).iter().map(|&d| char::from(d)));
}

/// A quarter range: "1. kvt. 2027 – 4. kvt. 2027".
#[must_use]
pub fn quarter_range(
    start: Option<Quarter>,
    end: Option<Quarter>,
    language: Language,
) -> Option<String> {
    when_range(start.map(When::from), end.map(When::from), language)
}

/// A time as written: "1. kvt. 2027", "1. halvår 2022" / "H1 2022", "2018".
#[must_use]
pub(crate) fn when(w: When, language: Language) -> String {
    match (w, language) {
        (When::Quarter(q), _) => quarter(q, language),
        (When::Half { year, half }, Language::Da) => format!("{half}.\u{a0}halvår\u{a0}{year}"),
        (When::Half { year, half }, Language::En) => format!("H{half}\u{a0}{year}"),
        (When::Year(year), _) => year.to_string(),
    }
}

/// A range of times: "2018 – 1. halvår 2022".
#[must_use]
pub(crate) fn when_range(
    start: Option<When>,
    end: Option<When>,
    language: Language,
) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) if s == e => Some(when(s, language)),
        (Some(s), Some(e)) => Some([when(s, language), when(e, language)].join(" – ")),
        (Some(w), None) | (None, Some(w)) => Some(when(w, language)),
        (None, None) => None,
    }
}

/// Names joined as a sentence would: "A, B og C" / "A, B and C".
#[must_use]
pub(crate) fn join_names<S: AsRef<str>>(names: &[S], language: Language) -> String {
    let and = if language == Language::Da { " og " } else { " and " };
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{}{and}{}", rest.join(", "), last.as_ref())
        }
    }
}

/// An amount of money (in hundredths) as a board reads it, and exactly:
/// "34 mio. kr.", "2,5 mio. kr.", "850.000 kr.", "1.250,50 kr." / "DKK 34
/// million", "DKK 850,000". Millions and billions are said only when they
/// say the amount to the krone with three decimals at most; any other
/// amount is written in full. `currency` is an ISO code; Danish kroner are
/// written "kr." in Danish.
#[must_use]
pub(crate) fn money(cents: i64, currency: &str, language: Language) -> String {
    const MILLION: u64 = 100_000_000;
    let (thousands, decimal) = if language == Language::Da { ('.', ',') } else { (',', '.') };
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let scale = [(MILLION * 1000, "mia.", "billion"), (MILLION, "mio.", "million")]
        .into_iter()
        .find(|&(scale, ..)| abs >= scale && abs % (scale / 1000) == 0);
    let (number, words) = match scale {
        Some((scale, da_word, en_word)) => {
            let fraction = format!("{:03}", abs % scale / (scale / 1000));
            let fraction = fraction.trim_end_matches('0');
            let whole = group(abs / scale, thousands);
            let number =
                if fraction.is_empty() { whole } else { format!("{whole}{decimal}{fraction}") };
            (number, Some((da_word, en_word)))
        }
        None if abs % 100 == 0 => (group(abs / 100, thousands), None),
        None => (format!("{}{decimal}{:02}", group(abs / 100, thousands), abs % 100), None),
    };
    let unit = if currency == "DKK" && language == Language::Da { "kr." } else { currency };
    match (language, words) {
        (Language::Da, Some((word, _))) => format!("{sign}{number}\u{a0}{word}\u{a0}{unit}"),
        (Language::Da, None) => format!("{sign}{number}\u{a0}{unit}"),
        (Language::En, Some((_, word))) => format!("{unit}\u{a0}{sign}{number}\u{a0}{word}"),
        (Language::En, None) => format!("{unit}\u{a0}{sign}{number}"),
    }
}

/// `1234567` -> `1.234.567` with `separator` between groups of three.
fn group(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// "10. december 2026" / "10 December 2026", with non-breaking spaces.
#[must_use]
pub fn date(d: Date, language: Language) -> String {
    const DA: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = usize::from(d.month.clamp(1, 12)) - 1;
    match language {
        Language::Da => format!("{}.\u{a0}{}\u{a0}{}", d.day, DA[month], d.year),
        Language::En => format!("{}\u{a0}{}\u{a0}{}", d.day, EN[month], d.year),
    }
}

#[cfg(test)]
mod tests;
