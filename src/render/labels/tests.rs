//! The UI's words: both languages complete, and the organisation's own
//! words in every phrase.

use super::*;

#[test]
fn every_word_exists_in_both_languages() {
    for language in [Language::Da, Language::En] {
        let mut labels = Labels::new(&Config { language, ..Config::default() });
        let words = labels.words_mut();
        assert!(words.iter().all(|w| !w.is_empty()), "a word is missing in {language:?}");
        assert!(words.iter().all(|w| !w.contains('{')), "every phrase is built: {words:?}");
    }
}

#[test]
fn the_organisations_words_are_used_in_every_phrase() {
    let mut sources = crate::diagnostics::Sources::default();
    let text = "title: T\nlabels:\n  direction: {singular: Sigtelinje, plural: Sigtelinjer}\n  initiative: {singular: Indsats, plural: Indsatser}\n  plan: Indsatsplan\n  roadmap: Tidslinje\n";
    let file = crate::config::ConfigFile {
        id: sources.add("stratdoc.yaml", text),
        path: "stratdoc.yaml".into(),
    };
    let mut diags = crate::diagnostics::Diagnostics::new();
    let config = crate::config::parse(&file, &sources, &mut diags).expect("a valid config");
    let config = config.resolve(None);
    let t = Labels::new(&config);
    assert_eq!((t.directions.as_str(), t.initiative.as_str()), ("Sigtelinjer", "Indsats"));
    assert_eq!(t.no_initiatives, "Der er endnu ingen indsatser.");
    assert_eq!(t.children, "Delindsatser");
    assert_eq!(t.matrix_intro, "Hvilke indsatser bærer hvilke sigtelinjer.");
    assert_eq!(t.see_roadmap, "Indsatsplan: tidslinje og overblik");
    assert_eq!(t.action_plan_period, "Indsatsplan");
    assert_eq!(t.roadmap, "Tidslinje");
}

#[test]
fn templates_read_every_word_by_its_key() {
    let value = serde_json::to_value(Labels::new(&Config::default())).expect("serialisable");
    assert_eq!(value["home"], "Forside");
    assert_eq!(value["directions"], "Strategiske retninger");
    assert_eq!(value["no_initiatives"], "Der er endnu ingen initiativer.");
}
