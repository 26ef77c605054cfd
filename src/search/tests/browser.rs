//! The browser's side of the index, run in node: its analysis against the
//! build's, and what its queries load.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use super::*;

/// Texts both sides must read alike: every page of the example and of the
/// English fixture, and what writers type that tends to differ between
/// implementations.
fn texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "NIS2-direktivet, 1.4 og 2027-Q1: ÆBLER, Øer, Ålborg; «citat» »citat« \"x\" (parentes) §12 50% e-mail",
        "Kommunernes sikkerhedsovervågningscentre, beredskabsplanerne; løsningerne!",
        "İstanbul ﬁnans Ελλάδα ΣΟΦΟΣ naïve café straße 3½ x²  –  —  … \u{85}a\u{feff}b\u{a0}c",
        "don't it's co-operate U.S.A. C++ node.js a/b a_b generously running skies dying",
    ]
    .map(str::to_owned)
    .to_vec();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["content", "tests/fixtures/english/content"] {
        for entry in walkdir::WalkDir::new(root.join(folder)).sort_by_file_name() {
            let path = entry.expect("readable content").into_path();
            if path.extension().is_some_and(|e| e == "md") {
                texts.push(std::fs::read_to_string(path).expect("UTF-8 content"));
            }
        }
    }
    texts
}

/// The browser's terms for `texts`: node runs the theme's `search.js`
/// analyser, with the index's settings and the theme's stemmer, on each
/// text. `None` when node is missing and this is not CI.
fn browser_terms(texts: &[String], language: Language) -> Option<Vec<Vec<String>>> {
    let program = r"
        const dir = process.argv[1];
        const search = require(dir + '/search.js');
        const { settings, texts } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        const analyze = search.analyzer(settings, search.nodeStemmer(dir, settings.stem));
        process.stdout.write(JSON.stringify(texts.map(analyze)));
    ";
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
    let child = Command::new("node")
        .arg("-e")
        .arg(program)
        .arg(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!(
                "\n!!!!!!!! SKIPPED: the browser-side analysis was not compared: no `node` ({e}). CI runs it. !!!!!!!!\n"
            );
            return None;
        }
        Err(e) => panic!("CI=true and no `node` to compare the browser's analysis: {e}"),
    };
    let settings = analyze::Analysis::new(language).settings();
    let input = serde_json::json!({ "settings": settings, "texts": texts }).to_string();
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("node reads");
    let output = child.wait_with_output().expect("node runs");
    assert!(output.status.success(), "node failed: {output:?}");
    Some(serde_json::from_slice(&output.stdout).expect("node prints JSON"))
}

#[test]
fn the_browser_reads_text_into_the_same_terms_as_the_index() {
    let texts = texts();
    for language in [Language::Da, Language::En] {
        let Some(browser) = browser_terms(&texts, language) else { return };
        let mut compared = 0;
        for (text, browser) in texts.iter().zip(browser) {
            let ours = terms(text, language);
            if ours != browser {
                let first = ours.iter().zip(&browser).position(|(a, b)| a != b);
                panic!(
                    "{language:?}: the index and the browser read a text differently at term {first:?}:\n\
                     index:   {ours:?}\nbrowser: {browser:?}"
                );
            }
            compared += ours.len();
        }
        assert!(compared > 8_000, "{language:?}: only {compared} terms compared");
    }
}

/// `n` pages written from the example's words, as a strategy's pages are
/// written: a few hundred words each, the common words on most pages, the
/// rare ones on few (each word drawn with a weight of 1 / its rank).
fn pages_from_the_example(n: usize) -> Vec<(String, String, String)> {
    let mut words: Vec<String> = Vec::new();
    for text in texts().iter().skip(4) {
        words.extend(analyze::words(text).map(str::to_owned));
    }
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |below: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(seed >> 33).unwrap() % below
    };
    (0..n)
        .map(|i| {
            let mut pick = || {
                let rank = next(words.len()) + 1;
                words[next(rank)].as_str()
            };
            let title = format!("{i} {} {}", pick(), pick());
            let body: Vec<&str> = (0..300).map(|_| pick()).collect();
            (format!("p/{i}.html"), title, body.join(" "))
        })
        .collect()
}

/// A one-word query on a site of 3,000 pages loads far less than the budget
/// (1 MB at 10,000 pages): `gates/search-budget.mjs` types each of the
/// 1,000 most frequent terms into the site's own `search.js` and adds up
/// the index files it loads.
#[test]
fn a_one_word_query_loads_a_small_part_of_a_large_index() {
    let pages = pages_from_the_example(3_000);
    let docs = pages.iter().map(|(url, title, body)| doc(url, title, body)).collect();
    let files = index(Language::Da, docs).finish();
    let site = tempfile::tempdir().unwrap();
    let total: usize = files
        .iter()
        .map(|file| {
            let Contents::Bytes(bytes) = &file.contents else { panic!() };
            let path = site.path().join(&file.path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
            bytes.len()
        })
        .sum();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["search.js", "lunr.stemmer.support.js", "lunr.da.js", "porter2.js"] {
        let from = root.join("themes/default/static").join(file);
        std::fs::copy(from, site.path().join("theme").join(file)).unwrap();
    }
    let output =
        Command::new("node").arg(root.join("gates/search-budget.mjs")).arg(site.path()).output();
    let output = match output {
        Ok(output) => output,
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!(
                "\n!!!!!!!! SKIPPED: no `node` to measure the queries ({e}). CI runs it. !!!!!!!!\n"
            );
            return;
        }
        Err(e) => panic!("CI=true and no `node` to measure the queries: {e}"),
    };
    let said = String::from_utf8_lossy(&output.stdout);
    eprintln!("{said}");
    assert!(output.status.success(), "{said}{}", String::from_utf8_lossy(&output.stderr));
    let bytes: usize =
        said.split(" loads ").nth(1).and_then(|s| s.split(' ').next()).unwrap().parse().unwrap();
    assert!(said.contains("1000 one-word queries on 3000 pages"), "{said}");
    assert!(
        total > 2_000_000 && bytes < total / 10 && bytes < 400_000,
        "{bytes} of {total}: {said}"
    );
}
