//! The action-plan facts of an initiative, as a real plan states them: joint
//! and changing owners, a parent initiative, times as precise as the source
//! (a quarter, a half year or a year), a deadline, a budget, indicators with
//! units, and what it needs from outside the plan.

use crate::calendar::When;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Span};
use crate::fields::Reader;
use crate::frontmatter::Value;
use crate::model::read::Refs;
use crate::model::{Budget, FactSpans, Handover, Initiative, Kpi, Milestone, Priority, Status};
use crate::money;

/// The fields an initiative may have besides the common ones.
pub(super) const FIELDS: [&str; 14] = [
    "directions",
    "parent",
    "owner",
    "owner_from",
    "start",
    "end",
    "deadline",
    "status",
    "priority",
    "budget",
    "kpis",
    "depends_on",
    "external_dependencies",
    "milestones",
];

const PRIORITIES: [(&str, Priority); 3] =
    [("high", Priority::High), ("medium", Priority::Medium), ("low", Priority::Low)];

/// Reads an initiative's facts; the ids it names come back as [`Refs`].
pub(super) fn read(r: &mut Reader<'_>, config: &Config) -> (Initiative, Refs) {
    let parent = r.refs("parent").into_iter().next();
    let directions = r.refs("directions");
    // A sub-initiative serves its parent's directions unless it names its own.
    if directions.is_empty() && r.node("directions").is_none() && parent.is_none() {
        r.required_text("directions", "[cyberrobusthed]");
    } else if directions.is_empty() && r.node("directions").is_some() {
        let span = r.node("directions").map(|n| n.span.clone());
        r.diags.extend(span.map(|s| {
            Diagnostic::error(s, "an initiative must serve at least one direction")
                .help("list direction ids, e.g. `directions: [cyberrobusthed]`".to_owned())
        }));
    }
    let owners = owners(r);
    let handovers = r.list_of("owner_from", |h| {
        let owners = h.texts("owner");
        if owners.is_empty() && h.node("owner").is_none() {
            h.required_text("owner", "Sundhedsdatastyrelsen");
        }
        let from = h.required_when("from", "2022-Q4");
        (!owners.is_empty()).then_some(Handover { owners, from: from?.0 })
    });
    let (start, end) = period(r, config);
    let deadline = r.when("deadline").map(|d| d.0);
    let status_span = r.node("status").map(|n| n.span.clone());
    let status = r.choice("status", &Status::ALL).unwrap_or(Status::Planned);
    let priority = r.choice("priority", &PRIORITIES);
    let budget = budget(r);
    let kpis = r.list_of("kpis", |k| {
        let name = k.required_text("name", "Andel kommuner med beredskabsplan");
        let unit = k.text("unit");
        let baseline = k.text_or_number("baseline");
        let target = k.text_or_number("target");
        let by = k.when("by").map(|b| b.0);
        Some(Kpi { name: name?, unit, baseline, target, by })
    });
    let range = start.as_ref().map(|s| s.0.first()).zip(end.as_ref().map(|e| e.0.last()));
    let milestones = r.list_of("milestones", |m| {
        let title = m.required_text("title", "Første version klar");
        let quarter = m.required_when("quarter", "2027-Q2");
        if let (Some((q, span)), Some((start, end))) = (&quarter, range) {
            if q.last() < start || q.first() > end {
                m.diags.push(
                    Diagnostic::warning(
                        span.clone(),
                        format!("milestone in {q} lies outside the initiative ({start} to {end})"),
                    )
                    .help("move the milestone or widen `start`/`end`".to_owned()),
                );
            }
        }
        let (quarter, at) = quarter?;
        Some(Milestone { quarter, title: title?, at })
    });
    let depends_on = r.refs("depends_on");
    let external_dependencies = r.texts("external_dependencies");
    let spans = FactSpans {
        status: status_span.unwrap_or_else(|| r.owner_span()),
        start: start.as_ref().map_or_else(|| r.owner_span(), |s| s.1.clone()),
        end: end.as_ref().map_or_else(|| r.owner_span(), |e| e.1.clone()),
    };
    let initiative = Initiative {
        directions: Vec::new(),
        parent: None,
        owners,
        handovers,
        start: start.map(|s| s.0),
        end: end.map(|e| e.0),
        deadline,
        status,
        priority,
        budget,
        kpis,
        depends_on: Vec::new(),
        external_dependencies,
        milestones,
        spans,
    };
    (initiative, Refs { directions, depends_on, parent })
}

/// `owner`: one name, or a list of names for joint responsibility. Required.
fn owners(r: &mut Reader<'_>) -> Vec<String> {
    if r.node("owner").is_none() {
        r.required_text("owner", "Driftsudvalget");
        return Vec::new();
    }
    r.texts("owner")
}

/// `start` and `end`, checked against each other and the plan's period.
/// A time with where it is written.
type Dated = Option<(When, Span)>;

fn period(r: &mut Reader<'_>, config: &Config) -> (Dated, Dated) {
    let start = r.when("start");
    let end = r.when("end");
    if let (Some((start, start_span)), Some((end, end_span))) = (&start, &end) {
        if end.last() < start.first() {
            r.diags.push(
                Diagnostic::error(
                    end_span.clone(),
                    format!("the initiative ends ({end}) before it starts ({start})"),
                )
                .also(start_span.clone(), "starts here")
                .help("`end` must be the same quarter as `start` or later".to_owned()),
            );
        }
    }
    if let Some(period) = &config.period {
        for (when, span) in [&start, &end].into_iter().flatten() {
            if when.last() < period.start || when.first() > period.end {
                r.diags.push(
                    Diagnostic::warning(
                        span.clone(),
                        format!("{when} is outside the action plan's period"),
                    )
                    .help(format!(
                        "`period` in stratdoc.yaml runs from {} to {}",
                        period.start, period.end
                    )),
                );
            }
        }
    }
    (start, end)
}

/// `budget: 34000000` or `budget: {amount: 34000000, note: "Finansloven 2018"}`.
fn budget(r: &mut Reader<'_>) -> Option<Budget> {
    let node = r.node("budget")?;
    if let Value::Map(_) = node.value {
        return r
            .mapping("budget", |b| {
                let source = b.text("note");
                if b.node("amount").is_none() {
                    b.required_text("amount", "34000000");
                }
                let written = b.node("amount")?;
                let cents = amount(written, b.diags)?;
                Some(Budget { cents, note: source, at: written.span.clone() })
            })
            .flatten();
    }
    let cents = amount(node, r.diags)?;
    Some(Budget { cents, note: None, at: node.span.clone() })
}

/// An amount of money in whole units (`34000000`, `2500000.50`), as
/// hundredths, read exactly from the number as written.
fn amount(
    node: &crate::frontmatter::Node,
    diags: &mut crate::diagnostics::Diagnostics,
) -> Option<i64> {
    let problem = match &node.value {
        Value::Number(n) => match money::parse(n) {
            Ok(cents) => return Some(cents),
            Err(problem) => problem,
        },
        _ => money::Problem::NotAnAmount,
    };
    let written = match &node.value {
        Value::Str(s) | Value::Number(s) => format!("`{s}`"),
        other => other.describe().to_owned(),
    };
    let (message, help) = match problem {
        money::Problem::NotAnAmount => (
            format!("{written} is not an amount of money"),
            "write the amount in full as a number, without currency or `mio.`: `amount: 34000000` (the currency is `currency:` in stratdoc.yaml)".to_owned(),
        ),
        money::Problem::BelowHundredths => (
            format!("{written} has decimals below hundredths"),
            "an amount has at most two decimals: `amount: 2500000.50`".to_owned(),
        ),
        money::Problem::TooLarge => (
            format!("{written} is more than stratdoc can hold"),
            format!(
                "an amount is in whole currency units, at most {}; check for extra digits",
                money::Max
            ),
        ),
    };
    diags.push(Diagnostic::error(node.span.clone(), message).help(help));
    None
}
