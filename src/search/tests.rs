use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use super::write::{CHUNK_DOCS, SHARD_BYTES};
use super::*;
use crate::artifact::Contents;

fn da(text: &str) -> Vec<String> {
    terms(text, Language::Da)
}

fn doc<'a>(url: &'a str, title: &'a str, body: &'a str) -> SearchDoc<'a> {
    SearchDoc { url, title, section: "Handlingsplan", body, ..SearchDoc::default() }
}

fn index(language: Language, docs: Vec<SearchDoc<'_>>) -> SearchIndex {
    let mut index = SearchIndex::new(language);
    for doc in docs {
        index.add(&doc);
    }
    index
}

/// The index's files as `(name, data)`: what each hands to `stratdocSearch.add`.
fn read(files: &[OutputFile]) -> Vec<(String, Value)> {
    files
        .iter()
        .map(|file| {
            let Contents::Bytes(bytes) = &file.contents else { panic!("generated") };
            let text = std::str::from_utf8(bytes).expect("UTF-8");
            let args =
                text.strip_prefix("stratdocSearch.add(").and_then(|t| t.strip_suffix(");\n"));
            let args: Value = serde_json::from_str(&format!("[{}]", args.expect("one call")))
                .expect("the arguments are JSON");
            let name = args[0].as_str().expect("a name").to_owned();
            assert_eq!(file.path, format!("theme/search/{name}.js"));
            (name, args[1].clone())
        })
        .collect()
}

fn data<'a>(files: &'a [(String, Value)], name: &str) -> &'a Value {
    &files.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name}")).1
}

/// The pages (by number) that hold `term`, with their scores, read as the
/// browser reads them: the shard whose first term is the last at or before
/// `term`, postings delta-encoded.
fn postings(files: &[(String, Value)], term: &str) -> Vec<(u64, u64)> {
    let fences = data(files, "manifest")["fences"].as_array().expect("fences");
    let utf16 = |s: &str| s.encode_utf16().collect::<Vec<_>>();
    let Some(shard) = fences.iter().rposition(|f| utf16(f.as_str().unwrap()) <= utf16(term)) else {
        return Vec::new();
    };
    let Some(list) = data(files, &format!("t{shard}"))[term].as_array() else { return Vec::new() };
    let mut doc = 0;
    list.chunks(2)
        .map(|pair| {
            doc += pair[0].as_u64().unwrap();
            (doc, pair[1].as_u64().unwrap())
        })
        .collect()
}

fn docs_with(files: &[(String, Value)], term: &str) -> Vec<u64> {
    postings(files, term).into_iter().map(|(doc, _)| doc).collect()
}

#[test]
fn words_are_split_at_javascripts_white_space_and_hyphens() {
    // ECMAScript's WhiteSpace and LineTerminator, which `\s` matches.
    let javascript = |c: char| {
        matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{feff}' | '\u{2028}' | '\u{2029}')
            || (c.is_whitespace() && !c.is_control() && c != '\u{85}')
    };
    for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
        let text = format!("a{c}b");
        let split = analyze::words(&text).count() == 2;
        assert_eq!(split, c == '-' || javascript(c), "U+{:04X}", u32::from(c));
    }
    assert_eq!(analyze::words(" -a--b  c- ").collect::<Vec<_>>(), ["a", "b", "c"]);
}

#[test]
fn text_taken_as_nfc_without_normalising_is_nfc() {
    for c in (0..=0xFFFF).filter_map(char::from_u32) {
        for text in [format!("{c}"), format!("{c}\u{301}"), format!("a{c}e\u{301}")] {
            if plainly_nfc(text.as_bytes()) {
                assert_eq!(is_nfc_quick(text.chars()), IsNormalized::Yes, "{text:?}");
                assert!(unicode_normalization::is_nfc(&text), "{text:?}");
            }
        }
    }
    assert!(plainly_nfc("Økonomi – »tillid« … 5 €".as_bytes()));
    assert!(!plainly_nfc("Gra\u{30a}zone".as_bytes()));
}

#[test]
fn danish_folds_case_keeps_digits_and_drops_stop_words() {
    assert_eq!(da("ØKONOMI Økonomi økonomi"), ["økonomi", "økonomi", "økonomi"]);
    assert_eq!(
        da("Fælles SOC og NIS2 i 2027 – »tillid«."),
        ["fæl", "soc", "nis2", "2027", "tillid"]
    );
    assert_eq!(da("e-mail"), ["e", "mail"]);
}

#[test]
fn danish_stems_inflected_forms_alike() {
    for forms in [
        ["beredskabsplan", "beredskabsplaner", "beredskabsplanerne"],
        ["kommune", "kommunerne", "kommunernes"],
        ["løsning", "løsninger", "løsningerne"],
    ] {
        let stems: Vec<Vec<String>> = forms.iter().map(|f| da(f)).collect();
        assert!(stems.windows(2).all(|w| w[0] == w[1]), "{forms:?} → {stems:?}");
    }
}

#[test]
fn english_uses_english_stop_words_and_the_porter2_stemmer() {
    // Porter2, not the original Porter stemmer: `generously` is `gener` there.
    assert_eq!(
        terms("The Backups, restored generously", Language::En),
        ["backup", "restor", "generous"]
    );
}

#[test]
fn the_index_finds_a_page_by_the_stem_of_its_word() {
    let files = read(
        &index(
            Language::Da,
            vec![
                doc(
                    "initiatives/soc.html",
                    "1.4 Fælles SOC",
                    "Et sikkerhedsovervågningscenter for alle.",
                ),
                doc("initiatives/backup.html", "Backup", "Gendannelse af data efter angreb."),
            ],
        )
        .finish(),
    );
    let stem = &da("sikkerhedsovervågningscenteret")[0];
    assert_eq!(docs_with(&files, stem), [0]);
    assert_eq!(docs_with(&files, &da("gendannelsen")[0]), [1]);
    assert_eq!(docs_with(&files, "soc"), [0]);
    assert_eq!(docs_with(&files, "alle"), Vec::<u64>::new(), "a stop word");
    let manifest = data(&files, "manifest");
    assert_eq!(manifest["docs"], 2);
    assert_eq!(manifest["analysis"]["stem"], "da");
    assert_eq!(manifest["sections"], serde_json::json!(["Handlingsplan"]));
    assert_eq!(
        data(&files, "d0")[0],
        serde_json::json!([
            "initiatives/soc.html",
            "1.4 Fælles SOC",
            0,
            "Et sikkerhedsovervågningscenter for alle."
        ])
    );
}

#[test]
fn a_word_in_the_title_outweighs_the_same_word_in_the_body() {
    let files = read(
        &index(
            Language::Da,
            vec![
                doc("a.html", "Om noget andet", "Her står der beredskab i teksten."),
                doc("b.html", "Beredskab", "Her står der noget andet i teksten."),
            ],
        )
        .finish(),
    );
    let found = postings(&files, "beredskab");
    assert_eq!(found.len(), 2);
    assert!(found[1].1 > found[0].1, "{found:?}");
    assert!(found.iter().all(|&(_, score)| (1..=99).contains(&score)), "{found:?}");
}

#[test]
fn the_body_is_indexed_up_to_max_words() {
    let body = format!("{} kvasikrystal", "ord ".repeat(MAX_WORDS));
    let files = read(&index(Language::Da, vec![doc("a.html", "A", &body)]).finish());
    assert_eq!(docs_with(&files, "ord"), [0]);
    assert_eq!(docs_with(&files, "kvasikrystal"), Vec::<u64>::new());
}

/// `n` pages of made-up words, each with a few of its own and many shared.
fn many_pages(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let own: Vec<String> = (0..20).map(|w| format!("ord{i}x{w}")).collect();
            let shared: Vec<String> =
                (0..60).map(|w| format!("fælles{}", (i * 7 + w) % 400)).collect();
            (format!("p/{i}.html"), format!("{} {}", own.join(" "), shared.join(" ")))
        })
        .collect()
}

#[test]
fn shards_are_sorted_ranges_of_terms_under_the_size_bound() {
    let pages = many_pages(600);
    let docs = pages.iter().map(|(url, body)| doc(url, "Side", body)).collect();
    let files = index(Language::Da, docs).finish();
    let read = read(&files);
    let manifest = data(&read, "manifest");
    let fences: Vec<&str> =
        manifest["fences"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    assert!(fences.len() > 3, "{fences:?}");
    for (s, fence) in fences.iter().enumerate() {
        let file = files.iter().find(|f| f.path == format!("theme/search/t{s}.js")).unwrap();
        let Contents::Bytes(bytes) = &file.contents else { panic!() };
        assert_eq!(manifest["sizes"][s], bytes.len());
        let terms: Vec<&String> =
            data(&read, &format!("t{s}")).as_object().unwrap().keys().collect();
        assert!(bytes.len() <= SHARD_BYTES + 64 || terms.len() == 1, "t{s}: {} bytes", bytes.len());
        assert!(terms.iter().all(|t| t.as_str() >= *fence), "t{s} below {fence}");
        if let Some(next) = fences.get(s + 1) {
            assert!(terms.iter().all(|t| t.as_str() < *next), "t{s} reaches {next}");
        }
    }
    let chunks = read.iter().filter(|(name, _)| name.starts_with('d')).count();
    assert_eq!(chunks, 600_usize.div_ceil(CHUNK_DOCS));
    assert_eq!(docs_with(&read, "ord599x3"), [599]);
}

#[test]
fn indexes_merged_in_order_are_the_index_of_all_pages() {
    let pages = many_pages(40);
    let docs = || pages.iter().map(|(url, body)| doc(url, "Side", body));
    let whole = index(Language::Da, docs().collect()).finish();
    let mut first = index(Language::Da, docs().take(15).collect());
    first.merge(index(Language::Da, docs().skip(15).take(10).collect()));
    first.merge(index(Language::Da, docs().skip(25).collect()));
    assert_eq!(first.finish(), whole);
}

#[test]
fn the_index_reads_decomposed_text_as_typed() {
    let files = read(&index(Language::Da, vec![doc("a.html", "A", "Gra\u{30a}zone")]).finish());
    assert_eq!(docs_with(&files, &da("gråzone")[0]), [0]);
}

#[test]
fn line_separators_in_a_title_are_escaped() {
    let files = index(Language::Da, vec![doc("a.html", "før\u{2028}efter", "")]).finish();
    let chunk = files.iter().find(|f| f.path.ends_with("/d0.js")).unwrap();
    let Contents::Bytes(bytes) = &chunk.contents else { panic!() };
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(!text.contains('\u{2028}') && text.contains(r"før\u2028efter"), "{text}");
    assert_eq!(data(&read(&files), "d0")[0][1], "før\u{2028}efter");
}

#[test]
fn excerpts_are_the_summary_or_the_first_words() {
    assert_eq!(first_words("en to tre", 2), "en to …");
    assert_eq!(first_words("en to", 2), "en to");
    let long = "ord ".repeat(SUMMARY_WORDS + 5);
    let files = read(
        &index(
            Language::Da,
            vec![
                SearchDoc { summary: Some(&long), ..doc("a.html", "A", "krop") },
                doc("b.html", "B", &"krop ".repeat(50)),
            ],
        )
        .finish(),
    );
    let chunk = data(&files, "d0");
    assert!(chunk[0][3].as_str().unwrap().ends_with("ord …"));
    assert_eq!(chunk[0][3].as_str().unwrap().split(' ').count(), SUMMARY_WORDS + 1);
    assert_eq!(chunk[1][3].as_str().unwrap().split(' ').count(), EXCERPT_WORDS + 1);
}

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
