//! Dates, quarters and times: checked as written, printed back, and
//! counted across years.

use super::*;

#[test]
fn dates_are_checked() {
    assert!(Date::parse("2024-02-29").is_some());
    assert!(Date::parse("2025-02-29").is_none());
    assert!(Date::parse("2025-13-01").is_none());
    assert!(Date::parse("25-01-01").is_none());
    assert!(Date::parse("0999-12-31").is_none());
    assert!(Date::parse("1000-01-01").is_some());
}

#[test]
fn parses_and_prints() {
    assert_eq!("2025-Q1".parse(), Ok(Quarter { year: 2025, quarter: 1 }));
    assert_eq!("2025-q4".parse::<Quarter>().map(|q| q.to_string()), Ok("2025-Q4".into()));
    for bad in [
        "2025-Q5",
        "2025-Q0",
        "25-Q1",
        "2025Q1",
        "2025-1",
        "Q1-2025",
        "2025-Q12",
        "",
        "२०२५-Q1",
        "0999-Q1",
        "0000-Q1",
    ] {
        assert_eq!(bad.parse::<Quarter>(), Err(()), "{bad}");
    }
}

#[test]
fn when_is_a_quarter_a_half_or_a_year() {
    let parse = |t: &str| {
        t.parse::<When>().map(|w| (w.to_string(), w.first().to_string(), w.last().to_string()))
    };
    assert_eq!(parse("2027-Q3"), Ok(("2027-Q3".into(), "2027-Q3".into(), "2027-Q3".into())));
    assert_eq!(parse("2022-h2"), Ok(("2022-H2".into(), "2022-Q3".into(), "2022-Q4".into())));
    assert_eq!(parse("2018"), Ok(("2018".into(), "2018-Q1".into(), "2018-Q4".into())));
    for bad in
        ["2022-H3", "2022-H", "18", "2018-", "H1-2022", "2022-Q5", "20188", "0050", "0999-H1"]
    {
        assert_eq!(bad.parse::<When>(), Err(()), "{bad}");
    }
    assert!("2018".parse::<When>().unwrap().is_approximate());
    assert!(!"2018-Q1".parse::<When>().unwrap().is_approximate());
}

#[test]
fn years_before_1000_are_known_by_their_leading_zero() {
    for early in ["0999-Q1", "0050", "0000-H2", "0999-12-31"] {
        assert!(is_early_year(early), "{early}");
    }
    for other in ["1000-Q1", "2027", "999-Q1", "00501", "Q1-0999"] {
        assert!(!is_early_year(other), "{other}");
    }
    assert_eq!("1000-Q1".parse::<Quarter>().map(|q| q.to_string()), Ok("1000-Q1".into()));
    assert_eq!(Quarter { year: 999, quarter: 4 }.to_string(), "0999-Q4", "four digits always");
    assert_eq!(When::Year(50).to_string(), "0050");
}

#[test]
fn dates_from_unix_seconds() {
    let date = |s| Date::from_unix_seconds(s).map(|d| d.to_string());
    assert_eq!(date(0).as_deref(), Some("1970-01-01"));
    assert_eq!(date(951_782_400).as_deref(), Some("2000-02-29"));
    assert_eq!(date(1_795_478_400).as_deref(), Some("2026-11-24"));
    assert_eq!(date(Date::LAST_UNIX_SECOND).as_deref(), Some("9999-12-31"));
    assert_eq!(date(Date::LAST_UNIX_SECOND + 1), None);
    assert_eq!(date(u64::MAX), None);
}

#[test]
fn quarters_of_dates_and_distances() {
    let q = Quarter::of(Date { year: 2026, month: 11, day: 24 });
    assert_eq!(q.to_string(), "2026-Q4");
    assert_eq!(q.previous().to_string(), "2026-Q3");
    assert_eq!(q.next().previous(), q);
    assert_eq!(q.distance("2028-Q2".parse().unwrap()), 6);
    assert_eq!(serde_json_string(q), "\"2026-Q4\"");
}

fn serde_json_string(q: Quarter) -> String {
    let mut out = Vec::new();
    serde::Serialize::serialize(&q, &mut serde_json::Serializer::new(&mut out)).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn ranges_cross_years() {
    let start: Quarter = "2025-Q3".parse().unwrap();
    let quarters: Vec<String> =
        start.through("2026-Q2".parse().unwrap()).iter().map(ToString::to_string).collect();
    assert_eq!(quarters, ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
    assert!(start < "2026-Q1".parse().unwrap());
}

#[test]
fn the_next_day_crosses_months_years_and_leap_days() {
    let next = |text: &str| Date::parse(text).unwrap().next().to_string();
    assert_eq!(next("2027-03-01"), "2027-03-02");
    assert_eq!(next("2027-04-30"), "2027-05-01");
    assert_eq!(next("2027-12-31"), "2028-01-01");
    assert_eq!(next("2028-02-28"), "2028-02-29");
    assert_eq!(next("2027-02-28"), "2027-03-01");
}
