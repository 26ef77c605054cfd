//! The roadmap's geometry across and down: the time unit of its columns
//! (quarters, halves or years, whichever lets the whole period fit the
//! width a screen of 1280 px and a landscape page give it) and the height of
//! each row, whose name wraps over as many lines as it needs, never cut.

use crate::calendar::Quarter;
use crate::config::Language;

/// Width of a column at every unit but the longest periods' years.
pub(super) const COLUMN_WIDTH: usize = 84;
/// Room for the columns: eight quarters, so a two-year plan keeps quarters.
pub(super) const CHART_WIDTH: usize = 8 * COLUMN_WIDTH;
/// Narrowest a year may get (a 40-quarter plan): its label still fits.
const MIN_YEAR_WIDTH: usize = 4 * 12;
/// Height of one line of a wrapped name.
pub(super) const LINE_HEIGHT: usize = 16;
/// Characters of a name on one line of the label column at 13 px.
const LINE_CHARS: usize = 34;

/// The columns: `per` quarters each, the first starting `lead` quarters
/// before the period does (so halves and years start where the calendar's do).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Scale {
    pub(super) per: usize,
    lead: usize,
    pub(super) columns: usize,
    /// Width of one quarter.
    pub(super) quarter: usize,
    first: Quarter,
}

impl Scale {
    /// The finest unit in which `quarters` fit [`CHART_WIDTH`].
    pub(super) fn of(quarters: &[Quarter]) -> Scale {
        let first = quarters.first().copied().unwrap_or(Quarter { year: 2000, quarter: 1 });
        let within = usize::from(first.quarter.saturating_sub(1));
        let unit = |per: usize| {
            let lead = within % per;
            let columns = (lead + quarters.len().max(1)).div_ceil(per);
            Scale { per, lead, columns, quarter: COLUMN_WIDTH / per, first }
        };
        for per in [1, 2] {
            let scale = unit(per);
            if scale.columns * COLUMN_WIDTH <= CHART_WIDTH {
                return scale;
            }
        }
        let years = unit(4);
        let width = (CHART_WIDTH / years.columns).clamp(MIN_YEAR_WIDTH, COLUMN_WIDTH);
        Scale { quarter: width / 4, ..years }
    }

    /// Where quarter `k` of the period starts, from the label column's edge.
    pub(super) fn x(&self, k: usize) -> usize {
        (self.lead + k) * self.quarter
    }

    pub(super) fn column_width(&self) -> usize {
        self.per * self.quarter
    }

    /// The width of every column together.
    pub(super) fn width(&self) -> usize {
        self.columns * self.column_width()
    }

    /// Column `c`'s head in two lines: "1. kvt." over "2027", "2. halvår"
    /// over "2027", or the year alone.
    pub(super) fn head(&self, c: usize, language: Language) -> (String, String) {
        let start =
            usize::from(self.first.year) * 4 + usize::from(self.first.quarter - 1) + c * self.per
                - self.lead;
        let (year, within) = (start / 4, start % 4 + 1);
        match (self.per, language) {
            (1, Language::Da) => (format!("{within}. kvt."), year.to_string()),
            (1, Language::En) => (format!("Q{within}"), year.to_string()),
            (2, Language::Da) => (format!("{}. halvår", within.div_ceil(2)), year.to_string()),
            (2, Language::En) => (format!("H{}", within.div_ceil(2)), year.to_string()),
            _ => (year.to_string(), String::new()),
        }
    }
}

/// `text` in lines for the label column at nesting `depth`: broken between
/// words; a word longer than a line keeps a line of its own.
pub(super) fn wrap(text: &str, depth: usize) -> Vec<String> {
    let room = LINE_CHARS.saturating_sub(depth * 2).max(12);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= room => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// The height of a row whose name takes `lines` lines.
pub(super) fn row_height(lines: usize, min: usize) -> usize {
    min.max(10 + lines * LINE_HEIGHT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(first: Quarter, n: usize) -> Vec<Quarter> {
        let mut out = vec![first];
        while out.len() < n {
            out.push(out[out.len() - 1].next());
        }
        out
    }

    #[test]
    fn the_unit_follows_the_period_so_it_always_fits() {
        let q1 = Quarter { year: 2027, quarter: 1 };
        let two_years = Scale::of(&period(q1, 8));
        assert_eq!((two_years.per, two_years.columns), (1, 8));
        let five_years = Scale::of(&period(q1, 20));
        assert_eq!((five_years.per, five_years.columns), (4, 5));
        let three_years = Scale::of(&period(Quarter { year: 2027, quarter: 2 }, 12));
        assert_eq!((three_years.per, three_years.columns), (2, 7), "halves start in Q1/Q3");
        assert_eq!(three_years.head(0, Language::Da), ("1. halvår".into(), "2027".into()));
        assert_eq!(three_years.x(0), 42, "2027-Q2 is the first half's second quarter");
        let ten_years = Scale::of(&period(q1, 40));
        assert_eq!(ten_years.columns, 10);
        for n in 1..=40 {
            let s = Scale::of(&period(q1, n));
            assert!(s.width() <= CHART_WIDTH, "{n} quarters: {} px", s.width());
        }
    }

    #[test]
    fn names_wrap_between_words_and_are_never_cut() {
        let name = "Fælles sikkerhedsovervågningscenter (SOC) for alle kommuner i regionen";
        let lines = wrap(name, 0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), name);
        assert!(lines.iter().all(|l| l.chars().count() <= LINE_CHARS));
    }
}
