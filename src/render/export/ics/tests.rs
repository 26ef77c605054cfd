//! The calendar file's lines: folded at 75 octets, escaped, with unique
//! event ids.

use super::{MAX_LINE, escape, fold, unique_slug};

fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
}

#[test]
fn long_lines_fold_at_75_octets_between_characters() {
    let line = format!("SUMMARY:{}", "Fælles løsning på tværs af æøå-kommuner, ".repeat(5));
    let mut out = String::new();
    fold(&line, &mut out);
    assert!(out.ends_with("\r\n"));
    for physical in out.trim_end_matches("\r\n").split("\r\n") {
        assert!(physical.len() <= MAX_LINE, "{} octets: {physical:?}", physical.len());
    }
    assert!(out.matches("\r\n ").count() >= 3, "{out:?}");
    assert_eq!(unfold(&out), format!("{line}\r\n"));
}

#[test]
fn a_line_of_exactly_75_octets_is_not_folded() {
    let line = "X".repeat(MAX_LINE);
    let mut out = String::new();
    fold(&line, &mut out);
    assert_eq!(out, format!("{line}\r\n"));
}

#[test]
fn text_is_escaped() {
    assert_eq!(escape("a, b; c\\d\ne\r"), "a\\, b\\; c\\\\d\\ne");
}

#[test]
fn slugs_are_unique_within_an_initiative() {
    let mut taken = std::collections::HashSet::new();
    assert_eq!(unique_slug("Pilot", 0, &mut taken), "pilot");
    assert_eq!(unique_slug("Pilot!", 1, &mut taken), "pilot-2");
    assert_eq!(unique_slug("???", 2, &mut taken), "milestone-3");
}
