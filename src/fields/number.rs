//! Numbers as a figure is written: what JSON, a chart and a reader all
//! read the same way.

/// The exponent that `rest` starts with (`e3`, `E-2`), if it does.
pub(crate) fn exponent(rest: &str) -> Option<&str> {
    let tail = rest.strip_prefix(['e', 'E'])?;
    let digits = tail.strip_prefix(['+', '-']).unwrap_or(tail);
    let count = digits.bytes().take_while(u8::is_ascii_digit).count();
    (count > 0).then(|| &rest[..rest.len() - digits.len() + count])
}

/// Whether `text` is a figure as JSON and every reader writes one
/// (`12`, `-0.75`, `1e3`) and is finite: what an actual must be, so that
/// it is kept exactly as written in `strategy.json` and charted as read.
#[must_use]
pub(crate) fn is_plain_number(text: &str) -> bool {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let body = text.strip_prefix('-').unwrap_or(text);
    let whole = digits(body);
    let after = &body[whole..];
    let leading_zero = whole > 1 && body.starts_with('0');
    let fraction = after.strip_prefix('.').map_or(Some(after), |f| {
        let n = digits(f);
        (n > 0).then(|| &f[n..])
    });
    let plain = match fraction {
        Some(rest) if whole > 0 && !leading_zero => rest.is_empty() || exponent(rest) == Some(rest),
        _ => false,
    };
    plain && text.parse::<f64>().is_ok_and(f64::is_finite)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actual_is_a_finite_number_as_json_writes_one() {
        for plain in ["12", "-0.75", "0", "0.5", "1e3", "2.5E-2", "100000"] {
            assert!(is_plain_number(plain), "{plain}");
        }
        for other in [".5", "+5", "0x1f", "012", "1e400", ".inf", ".nan", "5.", "1e", "-", ""] {
            assert!(!is_plain_number(other), "{other}");
        }
    }
}
