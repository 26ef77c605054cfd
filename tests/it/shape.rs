//! The code's shape, as issue 16 asks it: no source file over 400
//! non-blank lines and half of them at most 150 (a function's length is
//! clippy's `too_many_lines`, at 80 in `clippy.toml`).

use std::path::Path;

fn sources(dir: &Path, found: &mut Vec<(String, usize)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
            found.push((path.display().to_string(), lines));
        }
    }
}

#[test]
fn no_source_file_is_over_400_lines_and_the_median_is_at_most_150() {
    let mut found = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
    assert!(found.len() > 100, "the sources were not found: {found:?}");
    let long: Vec<_> = found.iter().filter(|(_, lines)| *lines > 400).collect();
    assert!(long.is_empty(), "over 400 non-blank lines: {long:?}");
    let mut lines: Vec<usize> = found.iter().map(|(_, lines)| *lines).collect();
    lines.sort_unstable();
    let median = lines[lines.len() / 2];
    assert!(median <= 150, "median {median} non-blank lines");
}
