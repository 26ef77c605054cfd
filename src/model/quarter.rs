//! Quarters (`2025-Q1`): the unit of the action plan.

use std::fmt;
use std::str::FromStr;

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
