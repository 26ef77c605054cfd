use serde_json::Value;

use super::write::{CHUNK_DOCS, SHARD_BYTES};
use super::*;
use crate::artifact::{Contents, OutputFile};

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

mod browser;

#[test]
fn postings_are_packed_and_read_back_as_added() {
    let docs = [0u32, 1, 2, 131, 20_000, 3_000_000, u32::MAX];
    let added: Vec<Posting> =
        docs.iter().zip(0u8..).map(|(&doc, i)| Posting { doc, tf: [i, 0, u8::MAX] }).collect();
    let mut packed = Postings::default();
    for posting in &added {
        packed.push(*posting);
    }
    assert_eq!(packed.iter().collect::<Vec<_>>(), added);
    assert_eq!(packed.len(), added.len());
    // Steps below 128 take a byte, 129 two, 19,869 three, 2,980,000 four,
    // the largest five; each posting has its three counts.
    assert_eq!(packed.bytes.len(), 1 + 1 + 1 + 2 + 3 + 4 + 5 + 7 * FIELDS);
}
