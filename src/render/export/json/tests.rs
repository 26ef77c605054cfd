//! Amounts in the JSON: whole units, or exact decimals.

use super::amount;

#[test]
fn amounts_are_whole_units_or_exact_decimals() {
    assert_eq!(amount(3_400_000_000).get(), "34000000");
    assert_eq!(amount(123_450).get(), "1234.50");
    assert_eq!(amount(-5).get(), "-0.05");
    assert_eq!(amount(0).get(), "0");
    assert_eq!(amount(i64::MAX).get(), "92233720368547758.07");
}
