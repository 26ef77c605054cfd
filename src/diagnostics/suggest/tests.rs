//! Suggestions: close words only, bounded work, the nearest path first.

use super::*;

#[test]
fn suggests_close_words_only() {
    let keys = ["directions", "depends_on", "owner"];
    assert_eq!(did_you_mean("direction", keys), Some("directions"));
    assert_eq!(did_you_mean("dependson", keys), Some("depends_on"));
    assert_eq!(did_you_mean("colour", keys), None);
    assert_eq!(did_you_mean("owner", keys), None, "an exact match is not a typo");
}

#[test]
fn values_are_found_by_the_words_shown_for_them_in_any_case_or_accent() {
    let words = [
        ("active", "active"),
        ("done", "done"),
        ("I gang", "active"),
        ("Active", "active"),
        ("Gennemført", "done"),
        ("In progress", "active"),
    ];
    for (written, meant) in [
        ("i gang", "active"),
        ("I GANG", "active"),
        ("igang", "active"),
        ("Active", "active"),
        ("actve", "active"),
        ("gennemført", "done"),
        ("gennemfort", "done"),
        ("in progress", "active"),
        ("In-Progress", "active"),
    ] {
        assert_eq!(closest_value(written, words), Some(meant), "{written}");
    }
    assert_eq!(closest_value("urgent", words), None);
    assert_eq!(closest_value("!!!", words), None);
}

#[test]
fn distance_counts_edits() {
    assert_eq!(distance("kitten", "sitting"), 3);
    assert_eq!(distance("", "abc"), 3);
    assert_eq!(distance("æøå", "aøå"), 1);
    assert_eq!(distance("titel", "title"), 1);
    assert_eq!(distance("abcd", "badc"), 2);
    // The bag distance never exceeds the edit distance.
    for (a, b) in [("kitten", "sitting"), ("abcd", "badc"), ("æøå", "aøå"), ("", "abc")] {
        let mut bins = [0; BINS];
        a.chars().for_each(|c| bins[bin(c)] += 1);
        assert!(bag_distance(bins, b) <= distance(a, b), "{a} {b}");
    }
}

#[test]
fn long_words_get_no_suggestion() {
    let long = "a".repeat(MAX_CHARS + 1);
    assert_eq!(did_you_mean(&long, [long.as_str()]), None);
    assert_eq!(did_you_mean(&long[1..], [long.as_str()]), None);
}

#[test]
fn nearby_compares_only_similar_lengths() {
    let words = ["indsats", "baggrund", "a", "en-meget-lang-overskrift-om-noget-andet"];
    let nearby = Nearby::new(words);
    assert_eq!(nearby.closest("indsatz"), Some("indsats"));
    assert_eq!(nearby.closest("baggrnd"), Some("baggrund"));
    assert_eq!(nearby.closest("b"), Some("a"));
    assert_eq!(nearby.closest("x".repeat(500).as_str()), None);
}

#[test]
fn paths_same_name_in_another_folder_first() {
    let paths = [
        "initiatives/soc.md",
        "initiatives/cloud.md",
        "directions/cyber.md",
        "arkiv/2019/soc.md",
        "billeder/Kort.PNG",
    ];
    let index = PathIndex::new(paths);
    // A renamed folder: the file is found wherever it went.
    assert_eq!(index.closest("tiltag/soc.md"), Some("initiatives/soc.md"));
    assert_eq!(index.closest("arkiv/2091/soc.md"), Some("arkiv/2019/soc.md"));
    assert_eq!(index.closest("billeder/kort.png"), Some("billeder/Kort.PNG"));
    // A typo in the name: a close spelling in the same folder.
    assert_eq!(index.closest("initiatives/socc.md"), Some("initiatives/soc.md"));
    assert_eq!(index.closest("directions/zzz.md"), None);
    assert_eq!(index.closest("nowhere/x.md"), None);
    let in_folder: Vec<&str> = index.in_folder("initiatives").collect();
    assert_eq!(in_folder, ["initiatives/soc.md", "initiatives/cloud.md"]);
}
