//! Amounts of money, held as whole hundredths (øre, cents) in an `i64`: read
//! exactly from the text as written (`2500000.50`, `1.5e6`), never through a
//! float, so sums are exact. A leaf module: the model reads and sums
//! amounts with it.

use std::fmt;

/// The most hundredths an amount or a sum may hold.
pub const MAX_CENTS: i64 = i64::MAX;

/// Why a text is not an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not a non-negative decimal number.
    NotAnAmount,
    /// A non-zero digit below hundredths (`0.005`).
    BelowHundredths,
    /// More than [`MAX_CENTS`] hundredths.
    TooLarge,
}

/// Reads `text` (`34000000`, `2500000.50`, `1.5e6`, `+12.`) as hundredths.
pub fn parse(text: &str) -> Result<i64, Problem> {
    let text = text.strip_prefix('+').unwrap_or(text);
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (text, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits_only(whole) || !digits_only(fraction) {
        return Err(Problem::NotAnAmount);
    }
    let exponent: i128 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits_only(digits) {
                return Err(Problem::NotAnAmount);
            }
            // Beyond any amount either way; the digits decide which.
            let size = digits.parse::<i128>().unwrap_or(i128::from(u64::MAX));
            if e.starts_with('-') { -size } else { size }
        }
    };
    // The amount is `digits` × 10^-`scale`; trailing zeros say nothing.
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    if significant.is_empty() {
        return Ok(0);
    }
    let trailing_zeros = digits.len() - digits.trim_end_matches('0').len();
    let scale = i128::try_from(fraction.len()).unwrap_or(i128::MAX)
        - i128::try_from(trailing_zeros).unwrap_or(0)
        - exponent;
    if scale > 2 {
        return Err(Problem::BelowHundredths);
    }
    let significant: i64 = significant.parse().map_err(|_| Problem::TooLarge)?;
    let shift = u32::try_from(2 - scale).map_err(|_| Problem::TooLarge)?;
    10_i64.checked_pow(shift).and_then(|p| significant.checked_mul(p)).ok_or(Problem::TooLarge)
}

/// [`MAX_CENTS`] as written in whole units, for messages.
pub struct Max;

impl fmt::Display for Max {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", MAX_CENTS / 100, MAX_CENTS % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_exactly_as_written() {
        for (text, cents) in [
            ("34000000", 3_400_000_000),
            ("2500000.50", 250_000_050),
            ("2500000.5", 250_000_050),
            ("12.500", 1250),
            ("+7", 700),
            ("1e3", 100_000),
            ("1.5E6", 150_000_000),
            ("12.", 1200),
            (".05", 5),
            ("0", 0),
            ("0.0e999999999999999999999999", 0),
            ("4600e-2", 4600),
            ("92233720368547758.07", MAX_CENTS),
        ] {
            assert_eq!(parse(text), Ok(cents), "{text}");
        }
    }

    #[test]
    fn what_an_amount_cannot_be() {
        for (text, problem) in [
            ("-5", Problem::NotAnAmount),
            ("34 mio.", Problem::NotAnAmount),
            ("0x10", Problem::NotAnAmount),
            (".inf", Problem::NotAnAmount),
            ("1e", Problem::NotAnAmount),
            ("", Problem::NotAnAmount),
            (".", Problem::NotAnAmount),
            ("0.005", Problem::BelowHundredths),
            ("1e-3", Problem::BelowHundredths),
            ("1e-99999999999999999999999", Problem::BelowHundredths),
            ("92233720368547758.08", Problem::TooLarge),
            ("1e17", Problem::TooLarge),
            ("1e99999999999999999999999", Problem::TooLarge),
            ("100000000000000000000000000000000000000000", Problem::TooLarge),
        ] {
            assert_eq!(parse(text), Err(problem), "{text}");
        }
    }

    #[test]
    fn the_most_an_amount_holds() {
        assert_eq!(Max.to_string(), "92233720368547758.07");
    }
}
