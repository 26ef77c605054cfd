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
        ["Vi har kapacitet til at overvåge", "sikkerhedshændelser uden for normal", "arbejdstid"]
    );
    assert_eq!(wrap("Kort", 44), ["Kort"]);
}

/// WCAG 2.1's relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn contrast(a: f64, b: f64) -> f64 {
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[test]
fn text_on_every_fill_has_contrast_and_fills_differ_in_greyscale() {
    let ink = |i: Ink| match i {
        Ink::Light => luminance("#ffffff"),
        Ink::Dark => luminance("#0b0c0c"),
    };
    for (fill, i) in PALETTE {
        let ratio = contrast(luminance(fill), ink(i));
        assert!(ratio >= 4.5, "{fill}: {ratio:.2}:1");
    }
    // On a black-and-white printer only lightness is left: no two fills
    // may print as the same grey.
    for (a, (fa, _)) in PALETTE.iter().enumerate() {
        for (fb, _) in &PALETTE[a + 1..] {
            let ratio = contrast(luminance(fa), luminance(fb));
            assert!(ratio >= 1.2, "{fa} and {fb} print alike: {ratio:.2}:1");
        }
    }
}

#[test]
fn values_carry_their_ink_and_labels_are_whole() {
    let long = "Vi har kapacitet til at overvåge sikkerhedshændelser uden for normal arbejdstid, også i weekender og på helligdage";
    let chart = Chart {
        id: "c".to_owned(),
        title: "T".to_owned(),
        file: "f.csv".to_owned(),
        label_header: "Udsagn".to_owned(),
        unit: None,
        categories: vec![long.to_owned(), "Kort".to_owned()],
        series: ["Helt enig", "Delvist enig", "Hverken eller", "Delvist uenig", "Helt uenig"]
            .iter()
            .map(|n| crate::data::Series { name: (*n).to_owned(), values: vec![20.0, 20.0] })
            .collect(),
    };
    let svg = draw(&chart, "c", "c-table", ',');
    assert!(!svg.contains('…'), "{svg}");
    for word in long.split_whitespace() {
        assert!(svg.contains(word), "{word} missing: {svg}");
    }
    // Each value is inked for its fill; the theme's `.chart text` rule
    // would override a fill attribute.
    assert_eq!(svg.matches("ch-value ch-on-dark").count(), 4, "{svg}");
    assert_eq!(svg.matches("ch-value ch-on-light").count(), 6, "{svg}");
    assert!(!svg.contains("<text class=\"ch-value\" x"), "{svg}");
}
