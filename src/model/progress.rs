//! Progress against a KPI: the figures its baseline and target give, the
//! straight line between them (its trajectory), and whether what was
//! measured lies behind it. Also the checks of each actual against the
//! plan's "now" and the KPI's period.
//!
//! A KPI's period runs from its initiative's `start` (else the plan's
//! `period` start) to its `by` (else the initiative's `end`, else the
//! plan's `period` end). Its trajectory runs from the baseline at the
//! period's first quarter to the target at its last. A KPI is *behind*
//! when its latest actual up to now lies on the baseline's side of the
//! trajectory in that quarter: below it when the target is higher than the
//! baseline, above it when it is lower.

use crate::calendar::{Quarter, When};
use crate::config::{Language, Period};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::{Actual, Initiative, Kpi, Publication};

/// The first and last quarter of a KPI's period.
#[must_use]
pub fn period(
    kpi: &Kpi,
    initiative: &Initiative,
    plan: Option<Period>,
) -> Option<(Quarter, Quarter)> {
    let start = initiative.start.map(When::first).or(plan.map(|p| p.start))?;
    let end = kpi.by.or(initiative.end).map(When::last).or(plan.map(|p| p.end))?;
    (start <= end).then_some((start, end))
}

/// The straight line from a baseline to a target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trajectory {
    /// The baseline and its quarter.
    pub from: (Quarter, f64),
    /// The target and its quarter.
    pub to: (Quarter, f64),
}

impl Trajectory {
    /// The trajectory of `kpi`, when its baseline and target are figures
    /// and it has a period.
    #[must_use]
    pub fn of(kpi: &Kpi, period: Option<(Quarter, Quarter)>, language: Language) -> Option<Self> {
        let (start, end) = period?;
        let baseline = figure(kpi.baseline.as_deref()?, language)?;
        let target = figure(kpi.target.as_deref()?, language)?;
        Some(Trajectory { from: (start, baseline), to: (end, target) })
    }

    /// Where the line is in `quarter` (at its ends before and after it).
    #[must_use]
    pub fn at(&self, quarter: Quarter) -> f64 {
        let span = self.from.0.distance(self.to.0);
        if span <= 0 {
            return self.to.1;
        }
        let done = f64::from(self.from.0.distance(quarter).clamp(0, span)) / f64::from(span);
        self.from.1 + (self.to.1 - self.from.1) * done
    }

    /// Whether `value`, measured in `quarter`, lies behind the line.
    #[must_use]
    pub fn is_behind(&self, quarter: Quarter, value: f64) -> bool {
        let expected = self.at(quarter);
        if self.to.1 > self.from.1 {
            value < expected
        } else if self.to.1 < self.from.1 {
            value > expected
        } else {
            false
        }
    }
}

/// The latest of `kpi`'s actuals up to `as_of`, with its figure.
#[must_use]
pub fn latest(kpi: &Kpi, as_of: Quarter) -> Option<(&Actual, f64)> {
    let actual = kpi.actual.iter().rev().find(|a| a.quarter <= as_of)?;
    Some((actual, actual.value.parse().ok()?))
}

/// The figure a baseline or target starts with (`64 %` is 64, `3.100` in
/// Danish 3100, `11 af 29` 11): the number before its unit, written as
/// `language` writes numbers. `None` when it starts with none.
#[must_use]
pub fn figure(text: &str, language: Language) -> Option<f64> {
    let text = text.trim();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+')))
        .unwrap_or(text.len());
    let number = &text[..end];
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = &text[end..];
    if rest.starts_with(['x', 'X', 'o', 'O', 'b', 'B']) && number.ends_with('0') {
        // `0x1f`, `0o17`, `0b11`: YAML's other bases, not a figure here.
        return None;
    }
    if let Some(exponent) = crate::fields::exponent(rest) {
        // `1e3`, as YAML writes a number: the whole of it, or nothing.
        let value: f64 = format!("{number}{exponent}").parse().ok()?;
        return value.is_finite().then_some(value);
    }
    let (thousands, decimal) = match language {
        Language::Da => ('.', ','),
        Language::En => (',', '.'),
    };
    let mut groups = number.split(thousands);
    let first = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    // A separator followed by groups of three digits groups thousands;
    // otherwise it is a decimal point, as YAML and most sources write one.
    let grouped = !rest.is_empty()
        && rest
            .iter()
            .all(|g| g.len() == 3 || g.split(decimal).next().is_some_and(|g| g.len() == 3));
    let joined = if grouped {
        rest.iter().fold(first.to_owned(), |s, g| s + g)
    } else {
        number.replace(thousands, ".")
    };
    joined.replace(decimal, ".").parse().ok().filter(|value: &f64| value.is_finite())
}

/// The unit a baseline or target is written with after its figure
/// (`64 %`: `%`), when it is a short word and no other figure (`11 af 29`
/// has none).
#[must_use]
pub fn written_unit(text: &str) -> Option<&str> {
    let text = text.trim();
    let start = text.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+')))?;
    let unit = text[start..].trim();
    let short = !unit.is_empty() && unit.chars().count() <= 12;
    (start > 0 && short && !unit.chars().any(|c| c.is_ascii_digit())).then_some(unit)
}

/// Warns about each actual measured after now or outside its KPI's period.
pub(super) fn check(
    publication: &Publication,
    as_of: Quarter,
    plan: Option<Period>,
    diags: &mut Diagnostics,
) {
    for (_, initiative) in publication.initiatives() {
        for kpi in &initiative.kpis {
            let period = period(kpi, initiative, plan);
            for actual in &kpi.actual {
                if let Some(problem) = misplaced(actual, &kpi.name, period, as_of) {
                    diags.push(problem);
                }
            }
        }
    }
}

/// What is wrong with the quarter of `actual`, if anything.
fn misplaced(
    actual: &Actual,
    name: &str,
    period: Option<(Quarter, Quarter)>,
    as_of: Quarter,
) -> Option<Diagnostic> {
    let q = actual.quarter;
    if q > as_of {
        return Some(
            Diagnostic::warning(actual.at.clone(), format!("the actual of »{name}« for {q} is after now ({as_of})"))
                .code(Code::ContradictsNow)
                .label(format!("now is {as_of} (`as_of` in stratdoc.yaml, else the build date)"))
                .help("a figure is measured in a quarter that has begun: correct the quarter, or move `as_of` forward".to_owned()),
        );
    }
    let (start, end) = period?;
    (q < start || q > end).then(|| {
        Diagnostic::warning(
            actual.at.clone(),
            format!("the actual of »{name}« for {q} lies outside the KPI's period ({start} to {end})"),
        )
        .code(Code::Timing)
        .help("the KPI's period runs from the initiative's `start` to the KPI's `by` (else the initiative's `end`): correct the quarter, or widen them".to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quarter {
        text.parse().unwrap()
    }

    #[test]
    fn figures_are_read_as_the_language_writes_numbers() {
        let da = |t| figure(t, Language::Da);
        let en = |t| figure(t, Language::En);
        assert_eq!(
            [da("64 %"), da("3.100"), da("11 af 29"), da("12,5"), da("0.5"), da("Ikke opgjort")],
            [Some(64.0), Some(3100.0), Some(11.0), Some(12.5), Some(0.5), None]
        );
        assert_eq!(
            [en("3,100"), en("3.100"), en("1,250.5 t")],
            [Some(3100.0), Some(3.1), Some(1250.5)]
        );
        // YAML's other ways of writing a number: read whole, or not at all.
        assert_eq!(
            [en("1e3"), en("2.5E-1 %"), en("0x1f"), en("1e400"), en("0b11")],
            [Some(1000.0), Some(0.25), None, None, None]
        );
        assert_eq!(
            [
                written_unit("64 %"),
                written_unit("4 år"),
                written_unit("11 af 29"),
                written_unit("12")
            ],
            [Some("%"), Some("år"), None, None]
        );
    }

    #[test]
    fn the_trajectory_is_a_straight_line_from_baseline_to_target() {
        let line = Trajectory { from: (q("2027-Q1"), 20.0), to: (q("2028-Q1"), 60.0) };
        assert!((line.at(q("2027-Q3")) - 40.0).abs() < 1e-9);
        assert!((line.at(q("2026-Q1")) - 20.0).abs() < 1e-9, "before the start: the baseline");
        assert!(line.is_behind(q("2027-Q3"), 39.0));
        assert!(!line.is_behind(q("2027-Q3"), 40.0), "on the line is not behind");
        let down = Trajectory { from: (q("2027-Q1"), 60.0), to: (q("2028-Q1"), 20.0) };
        assert!(down.is_behind(q("2027-Q3"), 41.0), "a reduction behind is above the line");
        assert!(!down.is_behind(q("2027-Q3"), 39.0));
    }
}
