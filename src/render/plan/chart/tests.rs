//! Chart axes end on round numbers with few ticks, and numbers are written
//! as the language writes them.

use super::*;

#[test]
#[allow(clippy::float_cmp, reason = "round numbers are exact in binary floating point")]
fn axes_end_on_round_numbers() {
    assert_eq!(nice_ceiling(24.0), 25.0);
    assert_eq!(nice_ceiling(7.0), 10.0);
    assert_eq!(nice_ceiling(0.0), 1.0);
    assert_eq!(nice_ceiling(130.0), 200.0);
    assert_eq!(ticks(25.0).0, [0.0, 5.0, 10.0, 15.0, 20.0, 25.0]);
    assert_eq!(ticks(200.0).0, [0.0, 50.0, 100.0, 150.0, 200.0]);
}

#[test]
#[allow(clippy::float_cmp, reason = "round numbers are exact in binary floating point")]
fn axes_are_finite_and_their_ticks_few_whatever_the_maximum() {
    // An overflowed total once made the step infinite and the tick loop endless.
    for max in [f64::INFINITY, f64::NAN, -1.0, f64::MAX, 1.7e308, 5e-324, 1e-300] {
        let end = nice_ceiling(max);
        assert!(end.is_finite() && end > 0.0, "{max}: {end}");
        let (ticks, _) = ticks(end);
        assert!((1..=6).contains(&ticks.len()), "{max}: {ticks:?}");
        assert!(ticks.iter().all(|t| t.is_finite()), "{max}: {ticks:?}");
    }
    assert_eq!(nice_ceiling(f64::INFINITY), 1.0);
    assert_eq!(nice_ceiling(1.7e308), 1.7e308, "no round number above it is finite");
}

#[test]
fn tick_labels_have_the_decimals_their_step_needs() {
    let labels = |max: f64| {
        let (ticks, decimals) = ticks(nice_ceiling(max));
        ticks.iter().map(|&t| figure(t, decimals, ',')).collect::<Vec<_>>()
    };
    assert_eq!(labels(0.09), ["0", "0,02", "0,04", "0,06", "0,08", "0,1"]);
    assert_eq!(labels(2.5), ["0", "0,5", "1", "1,5", "2", "2,5"]);
    assert_eq!(labels(24.0), ["0", "5", "10", "15", "20", "25"]);
    assert_eq!(
        labels(1e15),
        [
            "0",
            "200000000000000",
            "400000000000000",
            "600000000000000",
            "800000000000000",
            "1000000000000000"
        ]
    );
}

#[test]
fn numbers_and_labels() {
    assert_eq!(number(21.0, ','), "21");
    assert_eq!(number(8.5, ','), "8,5");
    assert_eq!(number(8.5, '.'), "8.5");
    assert_eq!(number(0.02, ','), "0,02");
    assert_eq!(number(0.1 + 0.2, ','), "0,3");
    assert_eq!(number(1e15, ','), "1000000000000000");
    let text = "Vi har kapacitet til at overvåge sikkerhedshændelser uden for normal arbejdstid";
    assert_eq!(
        wrap(text, 44),
        ["Vi har kapacitet til at overvåge", "sikkerhedshændelser uden for normal arbejds…"]
    );
    assert_eq!(wrap("Kort", 44), ["Kort"]);
}
