//! UI words in the publication's language: labels, statuses, quarters, dates.

use std::collections::BTreeMap;

use crate::calendar::{Date, Quarter, When};
use crate::config::{Config, Language};
use crate::schema::Role;

/// Every UI label, as `(key, Danish, English)`. Templates read them as `t.key`.
const LABELS: &[(&str, &str, &str)] = &[
    ("skip_to_content", "Gå til indhold", "Skip to content"),
    ("menu", "Menu", "Menu"),
    ("main_navigation", "Hovednavigation", "Main navigation"),
    ("breadcrumbs", "Brødkrummer", "Breadcrumbs"),
    ("home", "Forside", "Home"),
    ("on_this_page", "På denne side", "On this page"),
    ("previous", "Forrige", "Previous"),
    ("next", "Næste", "Next"),
    ("owner", "Ansvarlig", "Owner"),
    ("period", "Periode", "Period"),
    ("status", "Status", "Status"),
    ("priority", "Prioritet", "Priority"),
    ("kpis", "Succesmål (KPI'er)", "Key performance indicators"),
    ("kpi", "Indikator", "Indicator"),
    ("baseline", "Udgangspunkt", "Baseline"),
    ("target", "Mål", "Target"),
    ("depends_on", "Afhænger af", "Depends on"),
    ("dependents", "Forudsætning for", "Required by"),
    ("milestones", "Milepæle", "Milestones"),
    ("quarter", "Kvartal", "Quarter"),
    ("facts", "Fakta", "Key facts"),
    ("initiatives_in_direction", "{initiatives}", "{initiatives}"),
    (
        "no_initiatives",
        "Der er endnu ingen {initiatives_lower}.",
        "There are no {initiatives_lower} yet.",
    ),
    ("data_file", "Datagrundlag", "Data"),
    ("download_data", "Hent data (CSV)", "Download data (CSV)"),
    // The exports: the action plan's download list, and the words of the
    // CSV's header and the calendar's descriptions.
    ("downloads", "Hent planen", "Download the plan"),
    (
        "download_csv",
        "{initiatives} som regneark (CSV)",
        "The {initiatives_lower} as a spreadsheet (CSV)",
    ),
    (
        "download_ics",
        "Milepælene som kalender (iCalendar)",
        "The milestones as a calendar (iCalendar)",
    ),
    ("download_json", "Hele strategien som data (JSON)", "The whole strategy as data (JSON)"),
    ("export_number", "Nr.", "No."),
    ("export_id", "Id", "Id"),
    ("export_start", "Start", "Start"),
    ("export_end", "Slut", "End"),
    ("export_funding", "Finansiering", "Funding"),
    ("export_page", "Side", "Page"),
    ("export_when", "Tidspunkt", "When"),
    ("version", "Version", "Version"),
    ("draft", "Udkast", "Draft"),
    ("approved", "Godkendt", "Approved"),
    ("approval_planned", "Forventes godkendt", "Approval planned"),
    ("action_plan_period", "{action_plan}", "{action_plan}"),
    ("read_more", "Læs mere", "Read more"),
    ("read_narrative", "Læs fortællingen", "Read the narrative"),
    ("overview", "Overblik", "Overview"),
    ("count_initiatives", "{initiatives_lower}", "{initiatives_lower}"),
    ("title", "Titel", "Title"),
    ("generated_by", "Lavet med stratdoc", "Made with stratdoc"),
    ("deadline", "Frist", "Deadline"),
    ("budget", "Budget", "Budget"),
    ("budget_total", "Budget i alt", "Total budget"),
    ("external_dependencies", "Eksterne afhængigheder", "External dependencies"),
    ("sources", "Kilder", "Sources"),
    ("parent", "Del af", "Part of"),
    ("children", "Del{initiatives_lower}", "Sub-{initiatives_lower}"),
    ("approximate", "omtrentligt tidspunkt", "approximate time"),
    ("owner_from", "Ansvarlig fra", "Responsible from"),
    ("target_by", "Mål for", "Target for"),
    ("unit", "Enhed", "Unit"),
    ("roadmap", "Køreplan", "Roadmap"),
    ("matrix", "Sporbarhed", "Traceability"),
    (
        "matrix_intro",
        "Hvilke {initiatives_lower} bærer hvilke {directions_lower}.",
        "Which {initiatives_lower} carry which {directions_lower}.",
    ),
    ("serves", "bidrager", "serves"),
    ("by_status", "Status", "Status"),
    ("by_owner", "Ansvarlige", "Owners"),
    ("by_quarter", "Kvartaler", "Quarters"),
    ("kpi_overview", "Succesmål", "Indicators"),
    ("plan_views", "{action_plan}: visninger", "{action_plan}: views"),
    ("starts", "Starter", "Starts"),
    ("runs", "Fortsætter", "Continues"),
    ("ends", "Slutter", "Ends"),
    ("from", "fra", "from"),
    ("until", "til", "until"),
    ("none", "Ingen", "None"),
    ("current_quarter", "nuværende kvartal", "current quarter"),
    ("status_as_of", "Status pr.", "Status as of"),
    (
        "see_roadmap",
        "{action_plan}: {roadmap_lower} og overblik",
        "{action_plan}: {roadmap_lower} and overviews",
    ),
    ("count_milestones", "milepæle", "milestones"),
    ("count_milestone", "milepæl", "milestone"),
    ("count_initiative", "{initiative_lower}", "{initiative_lower}"),
    ("now", "Nu", "Now"),
    ("milestone", "Milepæl", "Milestone"),
    ("no_period", "ingen periode angivet", "no period given"),
    ("no_initiatives_short", "Ingen {initiatives_lower}", "No {initiatives_lower}"),
    ("outside_period", "uden for perioden", "outside the period"),
    ("beyond_period", "fortsætter uden for perioden", "continues beyond the period"),
    (
        "same_facts_in_table",
        "Samme oplysninger står i tabellen.",
        "The table holds the same facts.",
    ),
    ("logo", "Logo", "Logo"),
    // The board edition.
    ("plan_overview", "{initiatives} i overblik", "{initiatives} at a glance"),
    ("contents", "Indhold", "Contents"),
    ("draft_mark", "UDKAST", "DRAFT"),
    // "Side 3 af 24" in the page footer.
    ("page_word", "Side", "Page"),
    ("page_of_word", "af", "of"),
    ("appendix", "Bilag", "Appendix"),
    ("part", "Del", "Part"),
    (
        "also_in_direction",
        "Også disse {initiatives_lower} bidrager",
        "These {initiatives_lower} contribute too",
    ),
    ("stage_draft", "Udkast til bestyrelsens behandling", "Draft for the board"),
    ("stage_approved", "Godkendt af bestyrelsen", "Approved by the board"),
    ("board_edition", "Bestyrelsesudgave", "Board edition"),
    ("print_edition", "Hele strategien til udskrift", "The whole strategy for printing"),
    (
        "data_file_in_site",
        "Datafilen findes på strategiens website",
        "The data file is on the strategy's website",
    ),
    // The site search; the browser puts the number in place of `#`.
    ("search", "Søg", "Search"),
    (
        "search_help",
        "Resultaterne vises, mens du skriver. Pil ned går til dem, Escape rydder søgningen.",
        "Results appear as you type. Down arrow moves to them, Escape clears the search.",
    ),
    ("search_result", "1 resultat", "1 result"),
    ("search_results", "# resultater", "# results"),
    ("search_showing", "(de første # vises)", "(showing the first #)"),
    ("search_none", "Ingen resultater", "No results"),
    ("search_loading", "Henter søgningen …", "Loading the search …"),
    ("search_failed", "Søgningen kunne ikke indlæses.", "The search could not be loaded."),
    // What a public body's site carries: the accessibility statement in
    // every footer, and the 404 page.
    ("accessibility_statement", "Tilgængelighedserklæring", "Accessibility statement"),
    ("not_found", "Siden findes ikke", "Page not found"),
    (
        "not_found_text",
        "Der er ingen side på denne adresse. Måske er siden flyttet, eller adressen er skrevet forkert.",
        "There is no page at this address. It may have moved, or the address may be mistyped.",
    ),
    ("go_home", "Gå til forsiden", "Go to the front page"),
    // A field of type boolean in a facts box.
    ("yes", "Ja", "Yes"),
    ("no", "Nej", "No"),
];

/// UI words by key, as templates read them (`t.home`).
pub(crate) type Labels = BTreeMap<&'static str, String>;

/// The words templates read for the kinds, by the role of the kind they
/// name (the schema's words, with the organisation's from `labels:`): the
/// default theme's templates and a project's own read `t.directions`.
const KIND_KEYS: [(&str, Role, Form); 9] = [
    ("purpose", Role::Front, Form::Singular),
    ("narrative", Role::Sequence, Form::Singular),
    ("direction", Role::Served, Form::Singular),
    ("directions", Role::Served, Form::Plural),
    ("initiative", Role::Plan, Form::Singular),
    ("initiatives", Role::Plan, Form::Plural),
    ("action_plan", Role::Plan, Form::Section),
    ("analysis", Role::Charts, Form::Singular),
    ("pages", Role::Plain, Form::Plural),
];

/// Which of a kind's words a label is.
#[derive(Clone, Copy)]
enum Form {
    Singular,
    Plural,
    Section,
}

/// The label keys each part of `labels:` in the config sets that is not a
/// kind's (the kinds' words are the schema's): the plan views.
const PART_KEYS: [(&str, &str); 6] = [
    ("roadmap", "roadmap"),
    ("matrix", "matrix"),
    ("status", "by_status"),
    ("owners", "by_owner"),
    ("quarters", "by_quarter"),
    ("kpis", "kpi_overview"),
];

/// The labels of `config`'s language, with the organisation's own words
/// for the parts (`labels:` in the config, already in the schema for the
/// kinds) and every phrase that names a part (`{initiatives_lower}`) built
/// from them, so the words are used everywhere.
#[must_use]
pub(crate) fn labels(config: &Config) -> Labels {
    let language = config.language;
    let mut labels: Labels = LABELS
        .iter()
        .map(|(key, da, en)| (*key, (if language == Language::Da { *da } else { *en }).to_owned()))
        .collect();
    let schema = &config.schema;
    for (key, role, form) in KIND_KEYS {
        let Some(kind) = schema.with_role(role).map(|id| schema.kind(id)) else { continue };
        let word = match form {
            Form::Singular => kind.singular(language),
            Form::Plural => kind.plural(language),
            Form::Section => kind.section_title(language),
        };
        labels.insert(key, word.to_owned());
    }
    for (part, key) in PART_KEYS {
        if let Some(w) = config.labels.get(part) {
            labels.insert(key, w.singular.clone());
        }
    }
    let parts: Vec<(&str, String)> = labels
        .iter()
        .filter(|(key, _)| {
            KIND_KEYS.iter().any(|(k, ..)| k == *key) || PART_KEYS.iter().any(|(_, k)| k == *key)
        })
        .map(|(key, value)| (*key, value.clone()))
        .collect();
    for value in labels.values_mut().filter(|v| v.contains('{')) {
        for (key, word) in &parts {
            *value = value
                .replace(&format!("{{{key}}}"), word)
                .replace(&format!("{{{key}_lower}}"), &word.to_lowercase());
        }
    }
    labels
}

/// `2027-Q1` as people read it: "1. kvt. 2027" / "Q1 2027". The spaces are
/// non-breaking: a quarter never wraps between its parts.
#[must_use]
pub fn quarter(q: Quarter, language: Language) -> String {
    match language {
        Language::Da => format!("{}.\u{a0}kvt.\u{a0}{}", q.quarter, q.year),
        Language::En => format!("Q{}\u{a0}{}", q.quarter, q.year),
    }
}

/// A quarter range: "1. kvt. 2027 – 4. kvt. 2027".
#[must_use]
pub fn quarter_range(
    start: Option<Quarter>,
    end: Option<Quarter>,
    language: Language,
) -> Option<String> {
    when_range(start.map(When::from), end.map(When::from), language)
}

/// A time as written: "1. kvt. 2027", "1. halvår 2022" / "H1 2022", "2018".
#[must_use]
pub(crate) fn when(w: When, language: Language) -> String {
    match (w, language) {
        (When::Quarter(q), _) => quarter(q, language),
        (When::Half { year, half }, Language::Da) => format!("{half}.\u{a0}halvår\u{a0}{year}"),
        (When::Half { year, half }, Language::En) => format!("H{half}\u{a0}{year}"),
        (When::Year(year), _) => year.to_string(),
    }
}

/// A range of times: "2018 – 1. halvår 2022".
#[must_use]
pub(crate) fn when_range(
    start: Option<When>,
    end: Option<When>,
    language: Language,
) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) if s == e => Some(when(s, language)),
        (Some(s), Some(e)) => Some(format!("{} – {}", when(s, language), when(e, language))),
        (Some(w), None) | (None, Some(w)) => Some(when(w, language)),
        (None, None) => None,
    }
}

/// Names joined as a sentence would: "A, B og C" / "A, B and C".
#[must_use]
pub(crate) fn join_names<S: AsRef<str>>(names: &[S], language: Language) -> String {
    let and = if language == Language::Da { " og " } else { " and " };
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{}{and}{}", rest.join(", "), last.as_ref())
        }
    }
}

/// An amount of money (in hundredths) as a board reads it, and exactly:
/// "34 mio. kr.", "2,5 mio. kr.", "850.000 kr.", "1.250,50 kr." / "DKK 34
/// million", "DKK 850,000". Millions and billions are said only when they
/// say the amount to the krone with three decimals at most; any other
/// amount is written in full. `currency` is an ISO code; Danish kroner are
/// written "kr." in Danish.
#[must_use]
pub(crate) fn money(cents: i64, currency: &str, language: Language) -> String {
    const MILLION: u64 = 100_000_000;
    let (thousands, decimal) = if language == Language::Da { ('.', ',') } else { (',', '.') };
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let scale = [(MILLION * 1000, "mia.", "billion"), (MILLION, "mio.", "million")]
        .into_iter()
        .find(|&(scale, ..)| abs >= scale && abs % (scale / 1000) == 0);
    let (number, words) = match scale {
        Some((scale, da_word, en_word)) => {
            let fraction = format!("{:03}", abs % scale / (scale / 1000));
            let fraction = fraction.trim_end_matches('0');
            let whole = group(abs / scale, thousands);
            let number =
                if fraction.is_empty() { whole } else { format!("{whole}{decimal}{fraction}") };
            (number, Some((da_word, en_word)))
        }
        None if abs % 100 == 0 => (group(abs / 100, thousands), None),
        None => (format!("{}{decimal}{:02}", group(abs / 100, thousands), abs % 100), None),
    };
    let unit = if currency == "DKK" && language == Language::Da { "kr." } else { currency };
    match (language, words) {
        (Language::Da, Some((word, _))) => format!("{sign}{number}\u{a0}{word}\u{a0}{unit}"),
        (Language::Da, None) => format!("{sign}{number}\u{a0}{unit}"),
        (Language::En, Some((_, word))) => format!("{unit}\u{a0}{sign}{number}\u{a0}{word}"),
        (Language::En, None) => format!("{unit}\u{a0}{sign}{number}"),
    }
}

/// `1234567` -> `1.234.567` with `separator` between groups of three.
fn group(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// "10. december 2026" / "10 December 2026", with non-breaking spaces.
#[must_use]
pub fn date(d: Date, language: Language) -> String {
    const DA: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = usize::from(d.month.clamp(1, 12)) - 1;
    match language {
        Language::Da => format!("{}.\u{a0}{}\u{a0}{}", d.day, DA[month], d.year),
        Language::En => format!("{}\u{a0}{}\u{a0}{}", d.day, EN[month], d.year),
    }
}

#[cfg(test)]
mod tests;
