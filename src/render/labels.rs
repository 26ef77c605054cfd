//! The UI's words in the publication's language, as one struct with a
//! field per word: Rust reads `labels.home`, templates `t.home`, and a word
//! that does not exist is a compile error rather than a panic at render.
//!
//! One table below gives every word in Danish and English; the kinds' words
//! come from the schema (with the organisation's `labels:` already in it),
//! the plan views' from `labels:` directly, and every phrase that names a
//! part (`{initiatives_lower}`) is built from them, so the organisation's
//! words are used everywhere.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::{Config, Language, Words};
use crate::schema::{Kind, Role, Schema};

/// Declares [`Labels`] from its table: the kinds' words (from the schema,
/// by the role of the kind they name and which of its words they are), then
/// every other word as `key: Danish, English`, marked `part "name"` where
/// the organisation may set it under that name in `labels:`.
macro_rules! labels {
    (
        kinds { $($kind:ident: $role:ident $form:ident;)* }
        $($key:ident: $da:literal, $en:literal $(, part $part:literal)?;)*
    ) => {
        /// Every UI word, in the publication's language.
        #[derive(Clone, Debug, Serialize)]
        pub(crate) struct Labels {
            $(
                #[doc = concat!("The word the schema gives for the ", stringify!($role), " kind.")]
                pub(crate) $kind: String,
            )*
            $(
                #[doc = concat!("\"", $en, "\"")]
                pub(crate) $key: String,
            )*
        }

        impl Labels {
            /// The table's words in `language`; the kinds' are empty until
            /// [`Labels::set_kinds`].
            fn table(language: Language) -> Labels {
                let da = language == Language::Da;
                Labels {
                    $($kind: String::new(),)*
                    $($key: (if da { $da } else { $en }).to_owned(),)*
                }
            }

            /// The kinds' words from `schema`, for each role it has a kind for.
            fn set_kinds(&mut self, schema: &Schema, language: Language) {
                $(
                    if let Some(kind) = schema.with_role(Role::$role).map(|id| schema.kind(id)) {
                        self.$kind = Form::$form.of(kind, language).to_owned();
                    }
                )*
            }

            /// The organisation's words for the parts that are not kinds.
            fn set_parts(&mut self, words: &BTreeMap<&'static str, Words>) {
                $($(
                    if let Some(w) = words.get($part) {
                        self.$key.clone_from(&w.singular);
                    }
                )?)*
            }

            /// The words a phrase may name (`{directions}`), by key: the
            /// kinds' and the parts'.
            fn parts(&self) -> BTreeMap<&'static str, String> {
                let mut parts = BTreeMap::new();
                $(parts.insert(stringify!($kind), self.$kind.clone());)*
                $($(
                    let _: &str = $part;
                    parts.insert(stringify!($key), self.$key.clone());
                )?)*
                parts
            }

            /// Every word.
            fn words_mut(&mut self) -> Vec<&mut String> {
                vec![$(&mut self.$kind,)* $(&mut self.$key,)*]
            }
        }
    };
}

labels! {
    // What templates call the kinds (the default theme and a project's own
    // templates read `t.directions`).
    kinds {
        purpose: Front Singular;
        narrative: Sequence Singular;
        direction: Served Singular;
        directions: Served Plural;
        initiative: Plan Singular;
        initiatives: Plan Plural;
        action_plan: Plan Section;
        analysis: Charts Singular;
        pages: Plain Plural;
    }
    skip_to_content: "Gå til indhold", "Skip to content";
    menu: "Menu", "Menu";
    main_navigation: "Hovednavigation", "Main navigation";
    breadcrumbs: "Brødkrummer", "Breadcrumbs";
    home: "Forside", "Home";
    on_this_page: "På denne side", "On this page";
    previous: "Forrige", "Previous";
    next: "Næste", "Next";
    owner: "Ansvarlig", "Owner";
    period: "Periode", "Period";
    status: "Status", "Status";
    priority: "Prioritet", "Priority";
    kpis: "Succesmål (KPI'er)", "Key performance indicators";
    kpi: "Indikator", "Indicator";
    baseline: "Udgangspunkt", "Baseline";
    target: "Mål", "Target";
    depends_on: "Afhænger af", "Depends on";
    dependents: "Forudsætning for", "Required by";
    milestones: "Milepæle", "Milestones";
    quarter: "Kvartal", "Quarter";
    facts: "Fakta", "Key facts";
    initiatives_in_direction: "{initiatives}", "{initiatives}";
    no_initiatives:
        "Der er endnu ingen {initiatives_lower}.",
        "There are no {initiatives_lower} yet.";
    data_file: "Datagrundlag", "Data";
    download_data: "Hent data (CSV)", "Download data (CSV)";
    // The exports: the action plan's download list, and the words of the
    // CSV's header and the calendar's descriptions.
    downloads: "Hent planen", "Download the plan";
    download_csv:
        "{initiatives} som regneark (CSV)",
        "The {initiatives_lower} as a spreadsheet (CSV)";
    download_ics: "Milepælene som kalender (iCalendar)", "The milestones as a calendar (iCalendar)";
    download_json: "Hele strategien som data (JSON)", "The whole strategy as data (JSON)";
    export_number: "Nr.", "No.";
    export_id: "Id", "Id";
    export_start: "Start", "Start";
    export_end: "Slut", "End";
    export_funding: "Finansiering", "Funding";
    export_page: "Side", "Page";
    export_when: "Tidspunkt", "When";
    version: "Version", "Version";
    draft: "Udkast", "Draft";
    approved: "Godkendt", "Approved";
    approval_planned: "Forventes godkendt", "Approval planned";
    // A revision since the board's approval: "Godkendt version 1.0 (8.
    // december 2026), revideret siden".
    approved_version: "Godkendt version #", "Approved version #";
    revised_since: "revideret siden", "revised since";
    action_plan_period: "{action_plan}", "{action_plan}";
    read_more: "Læs mere", "Read more";
    read_narrative: "Læs fortællingen", "Read the narrative";
    overview: "Overblik", "Overview";
    count_initiatives: "{initiatives_lower}", "{initiatives_lower}";
    title: "Titel", "Title";
    generated_by: "Lavet med stratdoc", "Made with stratdoc";
    deadline: "Frist", "Deadline";
    budget: "Budget", "Budget";
    budget_total: "Budget i alt", "Total budget";
    external_dependencies: "Eksterne afhængigheder", "External dependencies";
    sources: "Kilder", "Sources";
    parent: "Del af", "Part of";
    children: "Del{initiatives_lower}", "Sub-{initiatives_lower}";
    approximate: "omtrentligt tidspunkt", "approximate time";
    owner_from: "Ansvarlig fra", "Responsible from";
    target_by: "Mål for", "Target for";
    unit: "Enhed", "Unit";
    roadmap: "Køreplan", "Roadmap", part "roadmap";
    matrix: "Sporbarhed", "Traceability", part "matrix";
    matrix_intro:
        "Hvilke {initiatives_lower} bærer hvilke {directions_lower}.",
        "Which {initiatives_lower} carry which {directions_lower}.";
    serves: "bidrager", "serves";
    by_status: "Status", "Status", part "status";
    by_owner: "Ansvarlige", "Owners", part "owners";
    by_quarter: "Kvartaler", "Quarters", part "quarters";
    kpi_overview: "Succesmål", "Indicators", part "kpis";
    plan_views: "{action_plan}: visninger", "{action_plan}: views";
    starts: "Starter", "Starts";
    runs: "Fortsætter", "Continues";
    ends: "Slutter", "Ends";
    from: "fra", "from";
    until: "til", "until";
    none: "Ingen", "None";
    current_quarter: "nuværende kvartal", "current quarter";
    status_as_of: "Status pr.", "Status as of";
    see_roadmap:
        "{action_plan}: {roadmap_lower} og overblik",
        "{action_plan}: {roadmap_lower} and overviews";
    count_milestones: "milepæle", "milestones";
    count_milestone: "milepæl", "milestone";
    count_initiative: "{initiative_lower}", "{initiative_lower}";
    now: "Nu", "Now";
    milestone: "Milepæl", "Milestone";
    no_period: "ingen periode angivet", "no period given";
    no_initiatives_short: "Ingen {initiatives_lower}", "No {initiatives_lower}";
    outside_period: "uden for perioden", "outside the period";
    strip_caption:
        "{initiatives} i gang og milepæle pr. kvartal",
        "{initiatives} running and milestones per quarter";
    period_ended: "Perioden sluttede", "The period ended";
    beyond_period: "fortsætter uden for perioden", "continues beyond the period";
    same_facts_in_table: "Samme oplysninger står i tabellen.", "The table holds the same facts.";
    logo: "Logo", "Logo";
    // The board edition.
    plan_overview: "{initiatives} i overblik", "{initiatives} at a glance";
    contents: "Indhold", "Contents";
    summary: "Sammenfatning", "Summary";
    key_figures: "Nøgletal", "Key figures";
    draft_mark: "UDKAST", "DRAFT";
    // "Side 3 af 24" in the page footer.
    page_word: "Side", "Page";
    page_of_word: "af", "of";
    appendix: "Bilag", "Appendix";
    part: "Del", "Part";
    also_in_direction:
        "Også disse {initiatives_lower} bidrager",
        "These {initiatives_lower} contribute too";
    stage_draft: "Udkast til bestyrelsens behandling", "Draft for the board";
    stage_approved: "Godkendt af bestyrelsen", "Approved by the board";
    board_edition: "Bestyrelsesudgave", "Board edition";
    print_edition: "Hele strategien til udskrift", "The whole strategy for printing";
    data_file_in_site:
        "Datafilen findes på strategiens website",
        "The data file is on the strategy's website";
    // The site search; the browser puts the number in place of `#`.
    search: "Søg", "Search";
    search_help:
        "Resultaterne vises, mens du skriver. Pil ned går til dem, Escape rydder søgningen.",
        "Results appear as you type. Down arrow moves to them, Escape clears the search.";
    search_result: "1 resultat", "1 result";
    search_results: "# resultater", "# results";
    search_showing: "(de første # vises)", "(showing the first #)";
    search_none: "Ingen resultater", "No results";
    search_loading: "Henter søgningen …", "Loading the search …";
    search_failed: "Søgningen kunne ikke indlæses.", "The search could not be loaded.";
    // What a public body's site carries: the accessibility statement in
    // every footer, and the 404 page.
    accessibility_statement: "Tilgængelighedserklæring", "Accessibility statement";
    not_found: "Siden findes ikke", "Page not found";
    not_found_text:
        "Der er ingen side på denne adresse. Måske er siden flyttet, eller adressen er skrevet forkert.",
        "There is no page at this address. It may have moved, or the address may be mistyped.";
    go_home: "Gå til forsiden", "Go to the front page";
    // What changed since a revision (`--compare-to`); `#` is the revision
    // or a number.
    changes_since: "Ændringer siden #", "Changes since #";
    changes_summary: "Resumé", "Summary";
    changes_none: "Intet er ændret.", "Nothing has changed.";
    changes_text: "Ændret tekst", "Changed text";
    changes_commit: "commit #", "commit #";
    change_added: "Ny", "New";
    change_removed: "Udgået", "Removed";
    change_changed: "Ændret", "Changed";
    page_added: "Ny side", "New page";
    page_removed: "Siden er fjernet", "Page removed";
    inserted: "indsat:", "inserted:";
    deleted: "slettet:", "deleted:";
    count_added: "# tilføjet", "# added";
    count_removed: "# udgået", "# removed";
    count_delayed: "# forsinket", "# delayed";
    count_advanced: "# fremrykket", "# brought forward";
    count_completed: "# afsluttet", "# completed";
    count_status: "# med ny status", "# with a new status";
    count_other: "# andre ændringer", "# other changes";
    count_pages: "# sider med ændret tekst", "# pages with changed text";
    count_page: "1 side med ændret tekst", "1 page with changed text";
    quarter_later: "1 kvartal senere", "1 quarter later";
    quarters_later: "# kvartaler senere", "# quarters later";
    quarter_earlier: "1 kvartal tidligere", "1 quarter earlier";
    quarters_earlier: "# kvartaler tidligere", "# quarters earlier";
    added_word: "tilføjet", "added";
    removed_word: "fjernet", "removed";
    was_period: "var #", "was #";
    // The roadmap's description; `#` is how many, `%` the revision.
    roadmap_moved:
        "# er flyttet siden %: en stiplet ramme viser perioden dengang.",
        "# moved since %: a dashed outline shows the period then.";
    last_changed: "Senest ændret", "Last changed";
    built_from: "Bygget fra commit", "Built from commit";
    // Progress and health (`actual:`, `health:`).
    kpi_actual: "Målt", "Actual";
    kpi_trajectory: "Forventet forløb", "Trajectory";
    kpi_expected: "Forventet", "Expected";
    kpi_behind: "Bagud", "Behind";
    kpi_on_course: "På kurs", "On course";
    kpi_progress: "Udvikling", "Progress";
    for_the_board: "Til bestyrelsen", "For the board";
    health: "Tilstand", "Health";
    health_unreported: "Ingen tilstand angivet", "No health given";
    board_exceptions:
        "{initiatives} i risiko eller ude af kurs",
        "{initiatives} at risk or off track";
    board_no_exceptions:
        "Ingen {initiatives_lower} er i risiko eller ude af kurs.",
        "No {initiatives_lower} are at risk or off track.";
    board_behind: "Succesmål bagud for forløbet", "Indicators behind their trajectory";
    board_none_behind:
        "Ingen succesmål er bagud for deres forløb.",
        "No indicator is behind its trajectory.";
    // A field of type boolean in a facts box.
    yes: "Ja", "Yes";
    no: "Nej", "No";
}

/// Which of a kind's words a label is.
#[derive(Clone, Copy)]
enum Form {
    Singular,
    Plural,
    Section,
}

impl Form {
    fn of(self, kind: &Kind, language: Language) -> &str {
        match self {
            Form::Singular => kind.singular(language),
            Form::Plural => kind.plural(language),
            Form::Section => kind.section_title(language),
        }
    }
}

impl Labels {
    /// The words of `config`'s language, with the organisation's own words
    /// for the parts (`labels:` in the config, already in the schema for the
    /// kinds) and every phrase that names a part built from them.
    #[must_use]
    pub(crate) fn new(config: &Config) -> Labels {
        let mut labels = Labels::table(config.language);
        labels.set_kinds(&config.schema, config.language);
        labels.set_parts(&config.labels);
        if let Some(by) = &config.approved_by {
            labels.stage_approved.clone_from(by);
        }
        let parts = labels.parts();
        for value in labels.words_mut().into_iter().filter(|v| v.contains('{')) {
            for (key, word) in &parts {
                *value = value
                    .replace(&format!("{{{key}}}"), word)
                    .replace(&format!("{{{key}_lower}}"), &word.to_lowercase());
            }
        }
        labels
    }
}

#[cfg(test)]
mod tests;
