//! Calendar values of a strategy: dates (`2026-12-10`), quarters (`2025-Q1`,
//! the unit of the action plan) and [`When`], a time as a source gives it (a
//! quarter, a half year or a year). A leaf module: config, fields and model
//! all use it; `guess` tells the hints of their errors what a time or date
//! written another way means.

pub(crate) mod guess;

use std::fmt;
use std::str::FromStr;

/// The first year a strategy may name: every output writes a year in four
/// digits (`strategy.json`'s schema, calendars, sorting as text), so a year
/// is `1000` to `9999`, written out.
pub const FIRST_YEAR: u16 = 1000;

/// A year written as four digits from [`FIRST_YEAR`] (`2027`).
fn year(text: &str) -> Option<u16> {
    let year = text.parse().ok()?;
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) && year >= FIRST_YEAR)
        .then_some(year)
}

/// True when `text` starts with a year before [`FIRST_YEAR`] written in four
/// digits (`0999-Q1`, `0050`): a time that is refused for its year alone.
#[must_use]
pub fn is_early_year(text: &str) -> bool {
    let digits = text.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    let rest = text.get(4..).unwrap_or("");
    digits.is_some_and(|y| y.starts_with('0')) && (rest.is_empty() || rest.starts_with('-'))
}

/// A calendar date (`2026-12-10`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists.
    #[must_use]
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (year, month, day): (u16, u8, u8) = (year(y)?, m.parse().ok()?, d.parse().ok()?);
        let days = days_in(year, month)?;
        (1..=days).contains(&day).then_some(Date { year, month, day })
    }

    /// The day after (an all-day event's exclusive end).
    #[must_use]
    pub fn next(self) -> Date {
        match (days_in(self.year, self.month), self.month) {
            (Some(last), _) if self.day < last => Date { day: self.day + 1, ..self },
            (_, 12) => Date { year: self.year + 1, month: 1, day: 1 },
            _ => Date { month: self.month + 1, day: 1, ..self },
        }
    }
}

/// How many days `month` of `year` has; `None` for no month.
fn days_in(year: u16, month: u8) -> Option<u8> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

impl Date {
    /// The last second of 9999-12-31 (UTC), the last a four-digit year holds.
    pub const LAST_UNIX_SECOND: u64 = 253_402_300_799;

    /// The calendar date (UTC) `seconds` after 1970-01-01, for the build
    /// date, by Howard Hinnant's days-to-civil algorithm; `None` after
    /// [`Self::LAST_UNIX_SECOND`].
    #[must_use]
    pub fn from_unix_seconds(seconds: u64) -> Option<Date> {
        if seconds > Self::LAST_UNIX_SECOND {
            return None;
        }
        let days = i64::try_from(seconds / 86_400).ok()? + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Some(Date {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A calendar quarter; serialised as written (`"2027-Q1"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// Four-digit year.
    pub year: u16,
    /// 1–4.
    pub quarter: u8,
}

impl Quarter {
    /// The quarter after this one.
    #[must_use]
    pub fn next(self) -> Quarter {
        if self.quarter == 4 {
            Quarter { year: self.year + 1, quarter: 1 }
        } else {
            Quarter { quarter: self.quarter + 1, ..self }
        }
    }

    /// The quarter before this one.
    #[must_use]
    pub fn previous(self) -> Quarter {
        if self.quarter == 1 {
            Quarter { year: self.year - 1, quarter: 4 }
        } else {
            Quarter { quarter: self.quarter - 1, ..self }
        }
    }

    /// The quarter `date` falls in.
    #[must_use]
    pub fn of(date: Date) -> Quarter {
        Quarter { year: date.year, quarter: (date.month - 1) / 3 + 1 }
    }

    /// How many quarters lie between `self` and `later` (0 for the same).
    #[must_use]
    pub fn distance(self, later: Quarter) -> i32 {
        (i32::from(later.year) * 4 + i32::from(later.quarter))
            - (i32::from(self.year) * 4 + i32::from(self.quarter))
    }

    /// Every quarter from `self` to `end`, both included.
    #[must_use]
    pub fn through(self, end: Quarter) -> Vec<Quarter> {
        std::iter::successors(Some(self), |q| (*q < end).then(|| q.next())).collect()
    }
}

impl FromStr for Quarter {
    type Err = ();

    /// Parses `YYYY-QN` exactly (`2025-Q1`); `q` is accepted for `Q`.
    fn from_str(text: &str) -> Result<Self, ()> {
        let (year_text, quarter) = text.split_once('-').ok_or(())?;
        let quarter = quarter.strip_prefix(['Q', 'q']).ok_or(())?;
        if quarter.len() != 1 {
            return Err(());
        }
        let (year, quarter) = (year(year_text).ok_or(())?, quarter.parse().map_err(|_| ())?);
        if (1..=4).contains(&quarter) { Ok(Quarter { year, quarter }) } else { Err(()) }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.quarter)
    }
}

impl serde::Serialize for Quarter {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A time as a source gives it: a quarter (`2027-Q1`), a half year
/// (`2022-H1`) or a year (`2018`). The plan places a half or a year over all
/// its quarters and marks it as approximate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum When {
    /// `2027-Q1`.
    Quarter(Quarter),
    /// `2022-H1`: the first (1) or second (2) half of a year.
    Half {
        /// Four-digit year.
        year: u16,
        /// 1 or 2.
        half: u8,
    },
    /// `2018`.
    Year(u16),
}

impl When {
    /// The first quarter it covers.
    #[must_use]
    pub fn first(self) -> Quarter {
        match self {
            When::Quarter(q) => q,
            When::Half { year, half } => Quarter { year, quarter: half * 2 - 1 },
            When::Year(year) => Quarter { year, quarter: 1 },
        }
    }

    /// The last quarter it covers.
    #[must_use]
    pub fn last(self) -> Quarter {
        match self {
            When::Quarter(q) => q,
            When::Half { year, half } => Quarter { year, quarter: half * 2 },
            When::Year(year) => Quarter { year, quarter: 4 },
        }
    }

    /// True for a half or a year: placed over several quarters.
    #[must_use]
    pub fn is_approximate(self) -> bool {
        !matches!(self, When::Quarter(_))
    }
}

impl From<Quarter> for When {
    fn from(q: Quarter) -> When {
        When::Quarter(q)
    }
}

impl FromStr for When {
    type Err = ();

    /// `2027-Q1`, `2022-H1` (`h` too) or `2018`.
    fn from_str(text: &str) -> Result<Self, ()> {
        let year_of = |y: &str| year(y).ok_or(());
        if let Some((year, half)) =
            text.split_once(['-']).filter(|(_, h)| h.starts_with(['H', 'h']))
        {
            let half = match &half[1..] {
                "1" => 1,
                "2" => 2,
                _ => return Err(()),
            };
            return Ok(When::Half { year: year_of(year)?, half });
        }
        if !text.contains('-') {
            return year_of(text).map(When::Year);
        }
        text.parse().map(When::Quarter)
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Quarter(q) => q.fmt(f),
            When::Half { year, half } => write!(f, "{year:04}-H{half}"),
            When::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl serde::Serialize for When {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests;
