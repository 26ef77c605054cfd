//! The words of a new page's comments and body, in Danish and English: the
//! page is written in the project's language, as `init`'s starter is.

use crate::config::Language;

/// A phrase of a new page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phrase {
    Required,
    Default,
    OneOf,
    NoneYet,
    ListOf,
    Text,
    Markdown,
    Integer,
    Number,
    Boolean,
    Date,
    Time,
    Url,
    Amount,
    Ref,
    Refs,
    Owners,
    Handovers,
    Budget,
    Kpis,
    Milestones,
    Charts,
    Data,
    Summary,
    NumberField,
    Order,
    Draft,
    Sources,
    Body,
}

impl Phrase {
    /// The phrase in `language`. `{}` in it is filled by the caller: a
    /// year, a currency, the kind's name.
    pub(super) fn get(self, language: Language) -> &'static str {
        let (da, en) = match self {
            Phrase::Required => ("påkrævet", "required"),
            Phrase::Default => ("standard", "default"),
            Phrase::OneOf => ("én af", "one of"),
            Phrase::NoneYet => ("ingen endnu", "none yet"),
            Phrase::ListOf => ("en liste af", "a list of"),
            Phrase::Text => ("tekst", "text"),
            Phrase::Markdown => ("tekst i Markdown", "text in Markdown"),
            Phrase::Integer => ("et helt tal", "a whole number"),
            Phrase::Number => ("et tal", "a number"),
            Phrase::Boolean => ("true eller false", "true or false"),
            Phrase::Date => ("en dato, ÅÅÅÅ-MM-DD", "a date, YYYY-MM-DD"),
            Phrase::Time => (
                "et kvartal ({}-Q1), halvår ({}-H1) eller år ({})",
                "a quarter ({}-Q1), half year ({}-H1) or year ({})",
            ),
            Phrase::Url => ("en webadresse (https://…)", "a web address (https://…)"),
            Phrase::Amount => ("et beløb i {}", "an amount in {}"),
            Phrase::Ref => ("ét id blandt {}", "one id among the {}"),
            Phrase::Refs => ("id'er blandt {}", "ids among the {}"),
            Phrase::Owners => ("et navn eller en liste af navne", "a name, or a list of names"),
            Phrase::Handovers => (
                "overdragelser: owner (navne) fra from (et kvartal)",
                "hand-overs: owner (names) from a time (from)",
            ),
            Phrase::Budget => {
                ("et beløb i {}, eller amount og note", "an amount in {}, or amount and note")
            }
            Phrase::Kpis => (
                "mål: name (påkrævet), unit, baseline, target, by (et kvartal)",
                "targets: name (required), unit, baseline, target, by (a time)",
            ),
            Phrase::Milestones => (
                "milepæle: quarter og title (begge påkrævet)",
                "milestones: quarter and title (both required)",
            ),
            Phrase::Charts => (
                "diagrammer over datafilen: title (påkrævet), id, label, values, series, unit",
                "charts of the data file: title (required), id, label, values, series, unit",
            ),
            Phrase::Data => {
                ("en datafil (CSV) ved siden af siden", "a data file (CSV) beside the page")
            }
            Phrase::Summary => (
                "én sætning, vist i lister og under titlen",
                "one sentence, shown in lists and under the title",
            ),
            Phrase::NumberField => (
                "nummeret, siden citeres med (\"1.4\"), vist før titlen",
                "the number the page is cited by (\"1.4\"), shown before the title",
            ),
            Phrase::Order => (
                "et helt tal: sidens plads i rækkefølgen, lavest først",
                "a whole number: the page's place in the order, lowest first",
            ),
            Phrase::Draft => (
                "true holder siden ude af sitet (undtagen med --drafts)",
                "true keeps the page out of the site (except with --drafts)",
            ),
            Phrase::Sources => (
                "hvad teksten bygger på: title (påkrævet), url (https://…)",
                "what the text rests on: title (required), url (https://…)",
            ),
            Phrase::Body => ("Skriv teksten her, i Markdown.", "Write the text here, in Markdown."),
        };
        match language {
            Language::Da => da,
            Language::En => en,
        }
    }

    /// The phrase in `language` with each `{}` replaced by `word`.
    pub(super) fn with(self, language: Language, word: &str) -> String {
        self.get(language).replace("{}", word)
    }
}
