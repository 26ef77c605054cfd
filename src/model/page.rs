//! One checked page, its fields' values as its kind declares them, and the
//! structured values the built-in kinds' fields hold.

use std::ops::Range;

use crate::calendar::{Date, Quarter, When};
use crate::diagnostics::{SourceId, Span};
use crate::fields::Ref;
use crate::model::PageId;
use crate::schema::{FieldId, KindId, Scalar};

/// One validated page.
#[derive(Clone, Debug)]
pub struct Page {
    /// Its file.
    pub source: SourceId,
    /// Path relative to `content/` (`initiatives/soc.md`).
    pub path: String,
    /// What it is.
    pub kind: KindId,
    /// Its id: `id:`, else the file stem for typed kinds and the path
    /// without `.md` for plain pages (`om/kontakt`).
    pub id: String,
    /// Where the id comes from (the `id:` value or the frontmatter start).
    pub id_span: Span,
    /// Output path relative to the site root (`initiatives/soc.html`).
    pub url: String,
    /// Title.
    pub title: String,
    /// The number everyone cites (`1.4`), shown before the title.
    pub number: Option<String>,
    /// True when the title is the body's first `#` heading (plain pages
    /// without `title:`): the page shows that heading, not a second one.
    pub title_in_body: bool,
    /// One-sentence summary.
    pub summary: Option<String>,
    /// Sort key within its kind.
    pub order: Option<i64>,
    /// Kept out of the build unless `--drafts`.
    pub draft: bool,
    /// Markdown body: byte range into the source file.
    pub body: Range<usize>,
    /// What the text rests on.
    pub sources: Vec<Source>,
    /// The values of its kind's fields, by the field's index: `None` where
    /// the page gives none and the field has no default. The plan's fields
    /// are moved into [`crate::model::Plan`] once it is derived (its facts
    /// held once): read them there.
    pub values: Vec<Option<Slot>>,
}

impl Page {
    /// The title as readers cite it: `1.4 Fælles SOC` when numbered.
    #[must_use]
    pub fn heading(&self) -> String {
        match &self.number {
            // Made at its size: every link to a page names it so, and
            // `format!` grew the string a few bytes at a time.
            Some(number) => [number, " ", &self.title].concat(),
            None => self.title.clone(),
        }
    }

    /// The value of `field`, if the page has one (and `field` is its kind's).
    #[must_use]
    pub fn value(&self, field: FieldId) -> Option<&Value> {
        self.slot(field).map(|slot| &slot.value)
    }

    /// The value of `field` with where it is written.
    #[must_use]
    pub fn slot(&self, field: FieldId) -> Option<&Slot> {
        (field.kind == self.kind).then(|| self.values.get(field.index())?.as_ref()).flatten()
    }

    /// The opening `---` of the page: where problems of the file as a whole
    /// point. A plain page without frontmatter has its body from byte 0 and
    /// no `---`: there, the start of the file.
    #[must_use]
    pub fn file_span(&self) -> Span {
        let end = if self.body.start == 0 { 0 } else { 3 };
        Span::new(self.source, 0..end)
    }
}

/// A field's value, with where it is written (the frontmatter's start for
/// a default).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    /// The value.
    pub value: Value,
    /// Where.
    pub span: Span,
    /// Whether it is the field's default standing in for a value written
    /// wrong (and reported as such): shown, but never checked against the
    /// page's other facts, which would only add a second, misleading
    /// problem to the one reported.
    pub stand_in: bool,
}

impl Slot {
    /// `value`, written at `span` (or the default, for a field left out).
    #[must_use]
    pub fn new(value: Value, span: Span) -> Slot {
        Slot { value, span, stand_in: false }
    }
}

/// The value of a field, as its type reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Text, Markdown or a web address.
    Text(String),
    /// A whole number.
    Integer(i64),
    /// A number, as written.
    Number(String),
    /// `true` or `false`.
    Boolean(bool),
    /// A day.
    Date(Date),
    /// A quarter, half year or year.
    Time(When),
    /// The index of an enum's value.
    Choice(usize),
    /// Money, in hundredths.
    Amount(i64),
    /// A list (of plain values; names for `owners`).
    List(Vec<Value>),
    /// References as written, before they are checked.
    Ids(Vec<Ref>),
    /// Checked references.
    Refs(Vec<PageRef>),
    /// Hand-overs of responsibility.
    Handovers(Vec<Handover>),
    /// A budget.
    Budget(Budget),
    /// Indicators.
    Kpis(Vec<Kpi>),
    /// Dated steps.
    Milestones(Vec<Milestone>),
    /// Charts of the page's data file.
    Charts(Vec<ChartSpec>),
    /// A data file.
    Data(DataFile),
}

impl From<&Scalar> for Value {
    fn from(scalar: &Scalar) -> Value {
        match scalar {
            Scalar::Text(text) => Value::Text(text.clone()),
            Scalar::Integer(n) => Value::Integer(*n),
            Scalar::Number(n) => Value::Number(n.clone()),
            Scalar::Boolean(b) => Value::Boolean(*b),
            Scalar::Date(d) => Value::Date(*d),
            Scalar::Time(w) => Value::Time(*w),
            Scalar::Choice(i) => Value::Choice(*i),
            Scalar::Amount(cents) => Value::Amount(*cents),
        }
    }
}

impl Value {
    /// The texts of a list of text (`owner`, `external_dependencies`).
    #[must_use]
    pub fn texts(&self) -> Vec<String> {
        match self {
            Value::List(items) => items
                .iter()
                .filter_map(|item| match item {
                    Value::Text(text) => Some(text.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The pages a checked reference names.
    #[must_use]
    pub fn refs(&self) -> &[PageRef] {
        match self {
            Value::Refs(refs) => refs,
            _ => &[],
        }
    }

    /// A time's value.
    #[must_use]
    pub fn time(&self) -> Option<When> {
        match self {
            Value::Time(when) => Some(*when),
            _ => None,
        }
    }

    /// What a page is sorted by when its kind sorts by this field: a time
    /// by its first quarter, a date by the day.
    #[must_use]
    pub fn sort_key(&self) -> Option<(u16, u8, u8)> {
        match self {
            Value::Time(when) => {
                let q = when.first();
                Some((q.year, q.quarter.saturating_sub(1) * 3 + 1, 1))
            }
            Value::Date(d) => Some((d.year, d.month, d.day)),
            _ => None,
        }
    }
}

/// A checked reference to another page, with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageRef {
    /// The page it names.
    pub page: PageId,
    /// Where.
    pub span: Span,
}

/// A change of responsibility.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Handover {
    /// Who takes over.
    pub owners: Vec<String>,
    /// From when.
    pub from: When,
}

/// Money, in the currency set in `stratdoc.yaml`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Budget {
    /// The amount in hundredths (øre, cents), so sums are exact.
    pub cents: i64,
    /// Where the money comes from (`Finansloven 2018`).
    pub note: Option<String>,
    /// Where the amount is written.
    #[serde(skip)]
    pub at: Span,
}

/// A key performance indicator: a figure with a baseline and a target, or a
/// qualitative goal (a target text alone).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Kpi {
    /// What is measured.
    pub name: String,
    /// The unit of baseline and target (`%`, `kommuner`).
    pub unit: Option<String>,
    /// Where we start.
    pub baseline: Option<String>,
    /// Where we aim.
    pub target: Option<String>,
    /// When the target is for.
    pub by: Option<When>,
    /// What was measured, by quarter, in order (`actual: {2027-Q1: 12}`).
    pub actual: Vec<Actual>,
}

/// A KPI's figure as measured in a quarter.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Actual {
    /// When.
    pub quarter: Quarter,
    /// The figure, a number as written (`12`, `0.75`), in the KPI's unit.
    pub value: String,
    /// Where its quarter is written.
    #[serde(skip)]
    pub at: Span,
}

/// A dated step of an initiative.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Milestone {
    /// When (a quarter, or a half year or year where the source gives one).
    pub quarter: When,
    /// What.
    pub title: String,
    /// Where its time is written.
    #[serde(skip)]
    pub at: Span,
}

/// A source the text rests on.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Source {
    /// Its title.
    pub title: String,
    /// Where to find it, if online.
    pub url: Option<String>,
}

/// A data file named by `data:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataFile {
    /// Path relative to `content/`.
    pub path: String,
    /// Where `data:` names it.
    pub span: Span,
}

/// A chart of an analysis page's data file, as `charts:` asks for it; the
/// `data` stage reads the figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartSpec {
    /// What a ```` ```chart ID ```` block in the text names it by.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The column whose values label the bars (default: the first).
    pub label: Option<(String, Span)>,
    /// The columns plotted (default: every numeric column but the label's).
    pub values: Vec<(String, Span)>,
    /// For data in long form (question, answer, count): the column whose
    /// values become the series.
    pub series: Option<(String, Span)>,
    /// Rows to keep: column = value, all of them.
    pub filter: Vec<(String, String, Span)>,
    /// What the figures count (`kommuner`, `%`): the axis label.
    pub unit: Option<String>,
    /// Where it is defined.
    pub span: Span,
}
