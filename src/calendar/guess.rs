//! What a time or date written another way most likely means, for the
//! hints of the errors about them: `Q4 2027`, `4. kvt. 2027`, `H1 2022`
//! and `1. halvår 2022` (as the site itself shows times), `8. december
//! 2016` and `8/12/2016`. A guess is made only when the text leaves one
//! reading, and always keeps the writer's year.

use crate::calendar::{Date, Quarter, When, year};

/// The months in Danish and English, by number.
const MONTHS: [[&str; 2]; 12] = [
    ["januar", "january"],
    ["februar", "february"],
    ["marts", "march"],
    ["april", "april"],
    ["maj", "may"],
    ["juni", "june"],
    ["juli", "july"],
    ["august", "august"],
    ["september", "september"],
    ["oktober", "october"],
    ["november", "november"],
    ["december", "december"],
];

/// The runs of digits and of letters in `text`, lowercased: `4. kvt. 2027`
/// -> `4`, `kvt`, `2027`; `2027Q4` -> `2027`, `q`, `4`.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut last: Option<bool> = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        let digit = c.is_ascii_digit();
        if !digit && !c.is_alphabetic() {
            last = None;
            continue;
        }
        match tokens.last_mut() {
            Some(token) if last == Some(digit) => token.push(c),
            _ => tokens.push(c.to_string()),
        }
        last = Some(digit);
    }
    tokens
}

/// The year written in `text`: its first run of four digits that is a
/// year stratdoc takes.
#[must_use]
pub(crate) fn year_in(text: &str) -> Option<u16> {
    tokens(text).iter().find_map(|t| year(t))
}

/// The time `text` most likely means: a year, and a quarter or a half
/// marked as such, in any order, and nothing else.
#[must_use]
pub(crate) fn when(text: &str) -> Option<When> {
    let (mut years, mut numbers, mut quarter, mut half) = (Vec::new(), Vec::new(), false, false);
    for token in tokens(text) {
        match token.as_str() {
            "q" | "k" | "kv" | "kvt" | "kvartal" | "quarter" => quarter = true,
            "h" | "halvår" | "halvaar" | "half" => half = true,
            t if t.len() == 4 => years.push(year(t)?),
            t if t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()) => {
                numbers.push(t.parse().ok()?);
            }
            _ => return None,
        }
    }
    let ([year], [n]) = (years.as_slice(), numbers.as_slice()) else { return None };
    let (year, n) = (*year, *n);
    match (quarter, half) {
        (true, false) if (1..=4).contains(&n) => Some(When::Quarter(Quarter { year, quarter: n })),
        (false, true) if (1..=2).contains(&n) => Some(When::Half { year, half: n }),
        _ => None,
    }
}

/// The date `text` most likely means: a day, a month (a number, or its
/// name in Danish or English, from its first three letters) and a year,
/// day first (as Danish and British English write dates) unless the year
/// is.
#[must_use]
pub(crate) fn date(text: &str) -> Option<Date> {
    let (mut numbers, mut month) = (Vec::new(), None);
    for token in tokens(text) {
        if token.bytes().all(|b| b.is_ascii_digit()) {
            numbers.push(token);
        } else if let Some(m) = month_named(&token).filter(|_| month.is_none()) {
            month = Some(m);
        } else if !["den", "the", "of", "st", "nd", "rd", "th"].contains(&token.as_str()) {
            return None;
        }
    }
    let (y, m, d) = match (month, numbers.as_slice()) {
        (Some(m), [a, b]) if a.len() == 4 => (a, m, b.parse().ok()?),
        (Some(m), [a, b]) => (b, m, a.parse().ok()?),
        (None, [a, b, c]) if a.len() == 4 => (a, b.parse().ok()?, c.parse().ok()?),
        (None, [a, b, c]) => (c, b.parse().ok()?, a.parse().ok()?),
        _ => return None,
    };
    let (m, d): (u8, u8) = (m, d);
    Date::parse(&format!("{}-{m:02}-{d:02}", year(y)?))
}

/// The number of the month `token` names, in full or by its first three
/// letters or more (`dec`, `sept`).
fn month_named(token: &str) -> Option<u8> {
    let named = |name: &&str| token.len() >= 3 && name.starts_with(token);
    let index = MONTHS.iter().position(|names| names.iter().any(named))?;
    u8::try_from(index + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(when: Option<When>) -> Option<String> {
        when.map(|w| w.to_string())
    }

    #[test]
    fn a_time_written_another_way_is_read_with_its_own_year() {
        for (text, meant) in [
            ("Q4 2027", "2027-Q4"),
            ("2027 Q4", "2027-Q4"),
            ("2027Q4", "2027-Q4"),
            ("q1-2030", "2030-Q1"),
            ("4. kvt. 2027", "2027-Q4"),
            ("1. kvartal 2026", "2026-Q1"),
            ("Q3/2019", "2019-Q3"),
            ("H1 2022", "2022-H1"),
            ("1. halvår 2022", "2022-H1"),
            ("2. halvaar 2022", "2022-H2"),
        ] {
            assert_eq!(shown(when(text)).as_deref(), Some(meant), "{text}");
        }
    }

    #[test]
    fn a_time_with_more_than_one_reading_is_not_guessed() {
        for text in
            ["2017-Q5", "2027/3", "2027-H3", "Q1 Q2 2027", "2027 2028 Q1", "Q1", "snart", "0999-Q1"]
        {
            assert_eq!(when(text), None, "{text}");
        }
    }

    #[test]
    fn the_year_is_the_first_four_digits_that_make_one() {
        assert_eq!(year_in("2017-Q5"), Some(2017));
        assert_eq!(year_in("Q9 i 2031"), Some(2031));
        assert_eq!(year_in("0999-Q1"), None);
        assert_eq!(year_in("Q5"), None);
    }

    #[test]
    fn a_date_written_another_way_is_read_day_first() {
        for (text, meant) in [
            ("8. december 2016", "2016-12-08"),
            ("8 Dec 2016", "2016-12-08"),
            ("December 8th, 2016", "2016-12-08"),
            ("den 1. maj 2027", "2027-05-01"),
            ("8.12.2016", "2016-12-08"),
            ("08-12-2016", "2016-12-08"),
            ("2016/12/8", "2016-12-08"),
            ("2016-12-8", "2016-12-08"),
        ] {
            assert_eq!(date(text).map(|d| d.to_string()).as_deref(), Some(meant), "{text}");
        }
        for text in ["30. februar 2026", "8. december", "i morgen", "12/2016", "ma 2016 1"] {
            assert_eq!(date(text), None, "{text}");
        }
    }
}
