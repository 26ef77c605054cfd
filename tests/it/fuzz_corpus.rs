//! Replays the fuzzers' regression corpus: every file in
//! `fuzz/regressions/<target>/` goes through the same harness function the
//! cargo-fuzz target runs (`fuzz/harness.rs`), so an input that once crashed
//! or found new coverage keeps being checked by `cargo test`. See
//! `fuzz/README.md` for how the corpus is made.

#[path = "../../fuzz/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};

/// Runs `harness` on each file of `fuzz/regressions/<target>/` and names the
/// files that fail. An empty or missing folder fails: it would test nothing.
fn replay(target: &str, harness: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no inputs to replay", dir.display());
    let failed: Vec<String> = files
        .iter()
        .filter(|path| {
            let data = std::fs::read(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            std::panic::catch_unwind(|| harness(&data)).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} fuzz regressions fail (messages above):\n{}",
        failed.len(),
        files.len(),
        failed.join("\n")
    );
}

#[test]
fn frontmatter_regressions() {
    replay("frontmatter", harness::frontmatter);
}

#[test]
fn validate_regressions() {
    replay("validate", harness::validate);
}

#[test]
fn markdown_regressions() {
    replay("markdown", harness::markdown);
}

#[test]
fn chart_regressions() {
    replay("chart", harness::chart);
}

#[test]
fn plan_regressions() {
    replay("plan", harness::plan);
}
