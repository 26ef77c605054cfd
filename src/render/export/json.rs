//! `strategy.json`: the whole checked strategy as data, for scripts,
//! Power Query and anything else that reads JSON.
//!
//! The format is a contract of its own, written out in
//! `strategy.schema.json` (shipped beside it): these structs are that
//! contract, not the model's types, so the model can change without
//! changing what scripts read. Every key is always present (`null` when not
//! given, `[]` when empty); keys are in a fixed order and lists in reading
//! order, so two builds of the same content give the same bytes. Raise
//! [`VERSION`] whenever a change could break a reader. `build` fills the
//! contract from the model.

use serde::Serialize;
use serde_json::value::RawValue;

use crate::calendar::{Quarter, When};
use crate::config::{Language, Status as PublicationStatus};
use crate::model::{Priority, Status};
use crate::render::export::fields::Fields;

mod build;
mod changes;

pub(crate) use build::strategy;

/// What `format` says: which contract the file follows.
pub(crate) const FORMAT: &str = "stratdoc-strategy";

/// The version of the contract. Adding a key is a change a strict reader
/// notices (the schema forbids unknown keys), so it raises the version too.
pub(crate) const VERSION: u32 = 2;

/// The whole file.
#[derive(Serialize)]
pub(crate) struct Strategy<'a> {
    format: &'static str,
    version: u32,
    publication: PublicationOut<'a>,
    pages: Vec<PageOut<'a>>,
    directions: Vec<DirectionOut<'a>>,
    initiatives: Vec<InitiativeOut<'a>>,
    owners: Vec<OwnerOut<'a>>,
    totals: Totals<'a>,
    /// What changed since the revision compared with (`--compare-to`).
    changes: Option<changes::ChangesOut<'a>>,
}

#[derive(Serialize)]
struct PublicationOut<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    organisation: Option<&'a str>,
    language: Language,
    version: Option<&'a str>,
    status: PublicationStatus,
    approved: Option<String>,
    /// The version approved on `approved`, when given.
    approved_version: Option<&'a str>,
    /// Whether `version` is a revision made since `approved_version`.
    revised: bool,
    period: Option<PeriodOut>,
    /// The plan's "now": statuses are as of this quarter.
    as_of: Quarter,
    currency: &'a str,
}

#[derive(Serialize)]
struct PeriodOut {
    start: Quarter,
    end: Quarter,
}

#[derive(Serialize)]
struct PageOut<'a> {
    id: &'a str,
    kind: &'a str,
    path: &'a str,
    url: &'a str,
    title: &'a str,
    number: Option<&'a str>,
    summary: Option<&'a str>,
    draft: bool,
    sources: Vec<SourceOut<'a>>,
    /// The kind's declared fields that no role exports in a table.
    #[serde(flatten)]
    fields: Fields<'a>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    title: &'a str,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct DirectionOut<'a> {
    id: &'a str,
    title: &'a str,
    initiatives: Vec<&'a str>,
    budget: Option<Box<RawValue>>,
}

#[derive(Serialize)]
struct InitiativeOut<'a> {
    id: &'a str,
    number: Option<&'a str>,
    title: &'a str,
    url: &'a str,
    directions: Vec<&'a str>,
    parent: Option<&'a str>,
    children: Vec<&'a str>,
    owners: &'a [String],
    handovers: Vec<HandoverOut<'a>>,
    start: Option<When>,
    end: Option<When>,
    deadline: Option<When>,
    first_quarter: Option<Quarter>,
    last_quarter: Option<Quarter>,
    status: Status,
    priority: Option<Priority>,
    budget: Option<BudgetOut<'a>>,
    kpis: Vec<KpiOut<'a>>,
    depends_on: Vec<&'a str>,
    dependents: Vec<&'a str>,
    external_dependencies: &'a [String],
    milestones: Vec<MilestoneOut<'a>>,
}

#[derive(Serialize)]
struct HandoverOut<'a> {
    owners: &'a [String],
    from: When,
}

#[derive(Serialize)]
struct BudgetOut<'a> {
    amount: Box<RawValue>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct KpiOut<'a> {
    name: &'a str,
    unit: Option<&'a str>,
    baseline: Option<&'a str>,
    target: Option<&'a str>,
    by: Option<When>,
    actual: Vec<ActualOut>,
}

#[derive(Serialize)]
struct ActualOut {
    quarter: Quarter,
    /// The number as written.
    value: Box<RawValue>,
}

#[derive(Serialize)]
struct MilestoneOut<'a> {
    quarter: When,
    first_quarter: Quarter,
    title: &'a str,
}

#[derive(Serialize)]
struct OwnerOut<'a> {
    name: &'a str,
    initiatives: Vec<&'a str>,
}

#[derive(Serialize)]
struct Totals<'a> {
    initiatives: usize,
    milestones: usize,
    budget: Option<Box<RawValue>>,
    budgeted_initiatives: usize,
    by_status: ByStatus<'a>,
}

/// Every status, always present, so a reader never checks for a key.
#[derive(Serialize, Default)]
struct ByStatus<'a> {
    planned: Vec<&'a str>,
    active: Vec<&'a str>,
    done: Vec<&'a str>,
    paused: Vec<&'a str>,
    cancelled: Vec<&'a str>,
}

/// `strategy` as pretty-printed JSON with a final newline.
pub(crate) fn to_bytes(strategy: &Strategy<'_>) -> Vec<u8> {
    let mut bytes =
        serde_json::to_vec_pretty(strategy).expect("plain structs with string keys serialise");
    bytes.push(b'\n');
    bytes
}

/// An amount in hundredths as a JSON number in whole currency units,
/// written as its exact decimal text: an integer when it has no fraction
/// (`34000000`), else with two decimals (`1234.50`). Never through a float,
/// which would round a large amount (`92233720368547758.07`).
pub(crate) fn amount(cents: i64) -> Box<RawValue> {
    let text =
        if cents % 100 == 0 { (cents / 100).to_string() } else { super::decimal(cents, '.') };
    RawValue::from_string(text).expect("a decimal number is valid JSON")
}

#[cfg(test)]
mod tests;
