//! What a field may hold: the types a declaration names with `type:`, and
//! the plain values a `default:` may give.

use crate::calendar::{Date, When};
use crate::schema::{KindId, Words};

/// A field's type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Type {
    /// One line of text.
    Text,
    /// Text written in Markdown.
    Markdown,
    /// A whole number.
    Integer,
    /// A number, kept as written.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A day, `YYYY-MM-DD`.
    Date,
    /// A quarter, half year or year (`2027-Q1`, `2027-H1`, `2027`).
    Time,
    /// A web address (`https://…`).
    Url,
    /// Money in the publication's currency, exact to the hundredth.
    Amount,
    /// One of a list of values.
    Enum(Vec<Choice>),
    /// Several values of one plain type (a single one counts as a list of one).
    List(Box<Type>),
    /// The id of a page of a kind.
    Ref(KindId),
    /// The ids of pages of a kind.
    Refs(KindId),
    /// Who is responsible: a name or a list of names.
    Owners,
    /// Hand-overs of responsibility: `owner` (names) from a time.
    Handovers,
    /// An amount, or `amount` with a `note` where the money comes from.
    Budget,
    /// Indicators: `name`, `unit`, `baseline`, `target`, `by`.
    Kpis,
    /// Dated steps: `quarter`, `title`.
    Milestones,
    /// Charts of the page's data file.
    Charts,
    /// A data file beside the page.
    Data,
}

/// A value of an enum, with its words in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// As written in the frontmatter (`active`).
    pub name: String,
    /// As shown (`I gang`); the name when not given.
    pub label: Option<Words>,
    /// Other words writers use for it (`In progress`), never shown: a page
    /// that writes one is told the value to write instead.
    pub also: Vec<String>,
    /// A sign shown before its words (`▲`), so a value is told by a word and
    /// a shape, never by colour alone; hidden from screen readers, which
    /// read the words.
    pub symbol: Option<String>,
}

impl Choice {
    /// Every word it goes by besides its name: as shown in each language,
    /// and its other words.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        let shown = self.label.iter().flat_map(|w| [w.da.as_str(), w.en.as_str()]);
        shown.chain(self.also.iter().map(String::as_str))
    }
}

/// A plain value, as `default:` gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scalar {
    /// Text, Markdown or a web address.
    Text(String),
    /// A whole number.
    Integer(i64),
    /// A number as written.
    Number(String),
    /// `true` or `false`.
    Boolean(bool),
    /// A day.
    Date(Date),
    /// A time.
    Time(When),
    /// The index of an enum's value.
    Choice(usize),
    /// An amount, in hundredths.
    Amount(i64),
}

/// The type names a declaration may use, for messages and suggestions.
pub(super) const NAMES: [&str; 20] = [
    "text",
    "markdown",
    "integer",
    "number",
    "boolean",
    "date",
    "time",
    "url",
    "amount",
    "enum",
    "list",
    "ref",
    "refs",
    "owners",
    "handovers",
    "budget",
    "kpis",
    "milestones",
    "charts",
    "data",
];

impl Type {
    /// The type `name` names, when it needs nothing more (no `values`,
    /// `of` or `kind`).
    pub(super) fn plain(name: &str) -> Option<Type> {
        Some(match name {
            "text" => Type::Text,
            "markdown" => Type::Markdown,
            "integer" => Type::Integer,
            "number" => Type::Number,
            "boolean" => Type::Boolean,
            "date" => Type::Date,
            "time" => Type::Time,
            "url" => Type::Url,
            "amount" => Type::Amount,
            "owners" => Type::Owners,
            "handovers" => Type::Handovers,
            "budget" => Type::Budget,
            "kpis" => Type::Kpis,
            "milestones" => Type::Milestones,
            "charts" => Type::Charts,
            "data" => Type::Data,
            _ => return None,
        })
    }

    /// Its name, as a declaration writes it.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Type::Text => "text",
            Type::Markdown => "markdown",
            Type::Integer => "integer",
            Type::Number => "number",
            Type::Boolean => "boolean",
            Type::Date => "date",
            Type::Time => "time",
            Type::Url => "url",
            Type::Amount => "amount",
            Type::Enum(_) => "enum",
            Type::List(_) => "list",
            Type::Ref(_) => "ref",
            Type::Refs(_) => "refs",
            Type::Owners => "owners",
            Type::Handovers => "handovers",
            Type::Budget => "budget",
            Type::Kpis => "kpis",
            Type::Milestones => "milestones",
            Type::Charts => "charts",
            Type::Data => "data",
        }
    }

    /// Whether it is one plain value: what a list may hold and a default give.
    #[must_use]
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Type::Text
                | Type::Markdown
                | Type::Integer
                | Type::Number
                | Type::Boolean
                | Type::Date
                | Type::Time
                | Type::Url
                | Type::Amount
                | Type::Enum(_)
        )
    }

    /// The kind it refers to, for `ref` and `refs`.
    #[must_use]
    pub fn target(&self) -> Option<KindId> {
        match self {
            Type::Ref(kind) | Type::Refs(kind) => Some(*kind),
            _ => None,
        }
    }

    /// What a page writes for it, for "add a line such as …" hints.
    #[must_use]
    pub fn example(&self) -> String {
        match self {
            Type::Text | Type::Markdown | Type::Owners => "…".to_owned(),
            Type::Integer | Type::Number => "1".to_owned(),
            Type::Boolean => "true".to_owned(),
            Type::Date => "2027-03-01".to_owned(),
            Type::Time => "2027-Q1".to_owned(),
            Type::Url => "https://…".to_owned(),
            Type::Amount | Type::Budget => "34000000".to_owned(),
            Type::Enum(choices) => choices.first().map_or_else(String::new, |c| c.name.clone()),
            Type::Ref(_) => "an-id".to_owned(),
            Type::Refs(_) => "[an-id]".to_owned(),
            Type::List(of) => format!("[{}]", of.example()),
            Type::Data => "svar.csv".to_owned(),
            Type::Handovers | Type::Kpis | Type::Milestones | Type::Charts => "[…]".to_owned(),
        }
    }

    /// Whether its value is a list (written `[]` when a page gives none).
    #[must_use]
    pub fn is_list(&self) -> bool {
        matches!(
            self,
            Type::List(_)
                | Type::Refs(_)
                | Type::Owners
                | Type::Handovers
                | Type::Kpis
                | Type::Milestones
                | Type::Charts
        )
    }

    /// The name of an enum's value `index`.
    #[must_use]
    pub fn choice_name(&self, index: usize) -> Option<&str> {
        match self {
            Type::Enum(choices) => choices.get(index).map(|c| c.name.as_str()),
            _ => None,
        }
    }

    /// The choice `name` of an enum.
    #[must_use]
    pub fn choice(&self, name: &str) -> Option<usize> {
        match self {
            Type::Enum(choices) => choices.iter().position(|c| c.name == name),
            _ => None,
        }
    }
}
