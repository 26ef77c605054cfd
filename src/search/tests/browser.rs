//! The browser's side of the index, run in node: its analysis against the
//! build's, and what its queries load.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

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

/// node run with `args`, `input` on its standard input; what it printed
/// when it succeeded. `None`, said loudly, when node is missing and this is
/// not CI, where it fails.
fn node(args: &[&std::ffi::OsStr], input: &str, what: &str) -> Option<std::process::Output> {
    let child = Command::new("node")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("\n!!!!!!!! SKIPPED: no `node` to {what} ({e}). CI runs it. !!!!!!!!\n");
            return None;
        }
        Err(e) => panic!("CI=true and no `node` to {what}: {e}"),
    };
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("node reads");
    let output = child.wait_with_output().expect("node runs");
    assert!(
        output.status.success(),
        "node failed to {what}:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(output)
}

fn theme() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static")
}

/// `program` run by node with the theme's `search.js` as `search` and
/// `input` as `input`; what it prints, parsed.
fn with_search_js(program: &str, input: &Value) -> Option<Value> {
    let program = format!(
        "const search = require(process.argv[1] + '/search.js');\n\
         const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n{program}"
    );
    let theme = theme();
    let args = ["-e".as_ref(), program.as_ref(), theme.as_os_str()];
    let output = node(&args, &input.to_string(), "run search.js")?;
    Some(serde_json::from_slice(&output.stdout).expect("node prints JSON"))
}

/// The browser's terms for `texts`: the theme's `search.js` analyser, with
/// the index's settings and the theme's stemmer, on each text.
fn browser_terms(texts: &[String], language: Language) -> Option<Vec<Vec<String>>> {
    let program = r"
        const analyze = search.analyzer(input.settings, search.nodeStemmer(process.argv[1], input.settings.stem));
        process.stdout.write(JSON.stringify(input.texts.map(analyze)));
    ";
    let settings = analyze::Analysis::new(language).settings();
    let terms =
        with_search_js(program, &serde_json::json!({ "settings": settings, "texts": texts }))?;
    Some(serde_json::from_value(terms).expect("lists of terms"))
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
        let from = theme().join(file);
        std::fs::copy(from, site.path().join("theme").join(file)).unwrap();
    }
    let budget = root.join("gates/search-budget.mjs");
    let args = [budget.as_os_str(), site.path().as_os_str()];
    let Some(output) = node(&args, "", "measure the queries") else { return };
    let said = String::from_utf8_lossy(&output.stdout);
    let bytes: usize =
        said.split(" loads ").nth(1).and_then(|s| s.split(' ').next()).unwrap().parse().unwrap();
    assert!(said.contains("1000 one-word queries on 3000 pages"), "{said}");
    assert!(
        total > 2_000_000 && bytes < total / 10 && bytes < 400_000,
        "{bytes} of {total}: {said}"
    );
}

#[test]
fn a_word_loads_its_own_shard_and_as_a_start_at_most_512_kb_of_the_next() {
    // Shards of 200 KB: `sa` … `sz` after `a`; `sam` falls in `sa`.
    let Some(plans) = with_search_js(
        r"
        const fences = ['a', 'sa', 'sam', 'samb', 'samc', 'samd', 'same', 'sb'];
        const manifest = { fences, sizes: fences.map(() => 200000) };
        const plan = (t) => search.plan(manifest, [t]);
        console.log(JSON.stringify([plan('sa'), plan('s'), plan('sam'), plan('samc'), plan('0'), plan('sax')]));
        ",
        &Value::Null,
    ) else {
        return;
    };
    assert_eq!(plans[0], serde_json::json!([1]), "two letters: their own shard only");
    assert_eq!(plans[1], serde_json::json!([0]), "one letter: the shard it falls in");
    assert_eq!(plans[2], serde_json::json!([2, 3, 4]), "a start: the next shards up to 512 KB");
    assert_eq!(plans[3], serde_json::json!([4]), "nothing after samc starts with it");
    assert_eq!(plans[4], serde_json::json!([]), "before every term");
    assert_eq!(plans[5], serde_json::json!([6]), "sax falls after same");
}

#[test]
fn results_hold_every_word_and_the_word_itself_ranks_before_a_longer_one_as_good() {
    let Some(ranked) = with_search_js(
        r"
        // Page 0 holds `sikker` and `drift`, page 1 `sikkerhed`, page 2 `drift`.
        const manifest = { docs: 3, fences: ['drift'], sizes: [100] };
        const shards = { 0: { drift: [0, 50, 2, 50], sikker: [0, 50], sikkerhed: [1, 50] } };
        const rank = (terms) => search.rank(manifest, shards, terms).map((r) => r.doc);
        console.log(JSON.stringify([rank(['sikker']), rank(['sikker', 'drift']), rank(['si']), rank([])]));
        ",
        &Value::Null,
    ) else {
        return;
    };
    assert_eq!(ranked[0], serde_json::json!([0, 1]), "exact first, then the longer word");
    assert_eq!(ranked[1], serde_json::json!([0]), "pages with both words");
    assert_eq!(ranked[2], serde_json::json!([]), "two letters match only themselves");
    assert_eq!(ranked[3], serde_json::json!([]));
}
