//! Calendar values of a strategy: dates (`2026-12-10`) and quarters
//! (`2025-Q1`, the unit of the action plan). A leaf module: config, fields
//! and model all use it.

use std::fmt;
use std::str::FromStr;

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
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (year, month, day): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A calendar quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
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
        let (year, quarter) = text.split_once('-').ok_or(())?;
        let quarter = quarter.strip_prefix(['Q', 'q']).ok_or(())?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) || quarter.len() != 1 {
            return Err(());
        }
        let (year, quarter) = (year.parse().map_err(|_| ())?, quarter.parse().map_err(|_| ())?);
        if (1..=4).contains(&quarter) { Ok(Quarter { year, quarter }) } else { Err(()) }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.quarter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2025-02-29").is_none());
        assert!(Date::parse("2025-13-01").is_none());
        assert!(Date::parse("25-01-01").is_none());
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
        ] {
            assert_eq!(bad.parse::<Quarter>(), Err(()), "{bad}");
        }
    }

    #[test]
    fn ranges_cross_years() {
        let start: Quarter = "2025-Q3".parse().unwrap();
        let quarters: Vec<String> =
            start.through("2026-Q2".parse().unwrap()).iter().map(ToString::to_string).collect();
        assert_eq!(quarters, ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
        assert!(start < "2026-Q1".parse().unwrap());
    }
}
