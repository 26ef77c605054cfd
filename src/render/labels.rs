//! UI words in the publication's language: labels, statuses, quarters, dates.

use std::collections::BTreeMap;

use crate::calendar::{Date, Quarter};
use crate::config::Language;
use crate::model::{Priority, Status};

/// Every UI label, as `(key, Danish, English)`. Templates read them as `t.key`.
const LABELS: &[(&str, &str, &str)] = &[
    ("skip_to_content", "Gå til indhold", "Skip to content"),
    ("menu", "Menu", "Menu"),
    ("main_navigation", "Hovednavigation", "Main navigation"),
    ("breadcrumbs", "Brødkrummer", "Breadcrumbs"),
    ("home", "Forside", "Home"),
    ("purpose", "Formål", "Purpose"),
    ("narrative", "Fortælling", "Narrative"),
    ("directions", "Strategiske retninger", "Strategic directions"),
    ("direction", "Strategisk retning", "Strategic direction"),
    ("initiatives", "Initiativer", "Initiatives"),
    ("initiative", "Initiativ", "Initiative"),
    ("action_plan", "Handlingsplan", "Action plan"),
    ("analysis", "Omverdensanalyse", "Environment analysis"),
    ("pages", "Andre sider", "Other pages"),
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
    ("facts", "Fakta om initiativet", "Initiative facts"),
    ("initiatives_in_direction", "Initiativer i denne retning", "Initiatives in this direction"),
    (
        "no_initiatives",
        "Der er endnu ingen initiativer i denne retning.",
        "There are no initiatives in this direction yet.",
    ),
    ("data_file", "Datagrundlag", "Data"),
    ("download_data", "Hent data (CSV)", "Download data (CSV)"),
    ("version", "Version", "Version"),
    ("draft", "Udkast", "Draft"),
    ("approved", "Godkendt", "Approved"),
    ("approval_planned", "Forventes godkendt", "Approval planned"),
    ("action_plan_period", "Handlingsplanens periode", "Action plan period"),
    ("read_more", "Læs mere", "Read more"),
    ("read_narrative", "Læs fortællingen", "Read the narrative"),
    ("overview", "Overblik", "Overview"),
    ("count_initiatives", "initiativer", "initiatives"),
    ("title", "Titel", "Title"),
    ("generated_by", "Lavet med stratdoc", "Made with stratdoc"),
    ("logo", "Logo", "Logo"),
];

/// UI words by key, as templates read them (`t.home`).
pub(crate) type Labels = BTreeMap<&'static str, &'static str>;

/// The labels of `language` as a map for the templates.
#[must_use]
pub(crate) fn labels(language: Language) -> Labels {
    LABELS
        .iter()
        .map(|(key, da, en)| (*key, if language == Language::Da { *da } else { *en }))
        .collect()
}

/// `2027-Q1` as people read it: "1. kvt. 2027" / "Q1 2027".
#[must_use]
pub fn quarter(q: Quarter, language: Language) -> String {
    match language {
        Language::Da => format!("{}. kvt. {}", q.quarter, q.year),
        Language::En => format!("Q{} {}", q.quarter, q.year),
    }
}

/// A quarter range: "1. kvt. 2027 – 4. kvt. 2027".
#[must_use]
pub fn quarter_range(
    start: Option<Quarter>,
    end: Option<Quarter>,
    language: Language,
) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) if s == e => Some(quarter(s, language)),
        (Some(s), Some(e)) => Some(format!("{} – {}", quarter(s, language), quarter(e, language))),
        (Some(q), None) | (None, Some(q)) => Some(quarter(q, language)),
        (None, None) => None,
    }
}

/// "10. december 2026" / "10 December 2026".
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
        Language::Da => format!("{}. {} {}", d.day, DA[month], d.year),
        Language::En => format!("{} {} {}", d.day, EN[month], d.year),
    }
}

/// Human label of an initiative status.
#[must_use]
pub(crate) fn status(s: Status, language: Language) -> &'static str {
    let (da, en) = match s {
        Status::Planned => ("Planlagt", "Planned"),
        Status::Active => ("I gang", "Active"),
        Status::Done => ("Gennemført", "Done"),
        Status::Paused => ("Sat på pause", "Paused"),
        Status::Cancelled => ("Aflyst", "Cancelled"),
    };
    if language == Language::Da { da } else { en }
}

/// Human label of a priority.
#[must_use]
pub(crate) fn priority(p: Priority, language: Language) -> &'static str {
    let (da, en) = match p {
        Priority::High => ("Høj", "High"),
        Priority::Medium => ("Mellem", "Medium"),
        Priority::Low => ("Lav", "Low"),
    };
    if language == Language::Da { da } else { en }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_and_dates_per_language() {
        let q = Quarter { year: 2027, quarter: 3 };
        assert_eq!(quarter(q, Language::Da), "3. kvt. 2027");
        assert_eq!(quarter(q, Language::En), "Q3 2027");
        assert_eq!(
            quarter_range(Some(q), Some(q.next()), Language::En).as_deref(),
            Some("Q3 2027 – Q4 2027")
        );
        let d = Date { year: 2026, month: 12, day: 10 };
        assert_eq!(date(d, Language::Da), "10. december 2026");
        assert_eq!(date(d, Language::En), "10 December 2026");
    }

    #[test]
    fn every_label_exists_in_both_languages() {
        assert_eq!(labels(Language::Da).len(), LABELS.len(), "duplicate label keys");
        assert!(LABELS.iter().all(|(_, da, en)| !da.is_empty() && !en.is_empty()));
    }
}
