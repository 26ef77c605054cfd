//! The structured values the built-in kinds' fields hold, each read as it
//! always was, with the same diagnostics: joint and changing owners, a
//! budget, indicators with units, dated milestones, what the text rests
//! on, and an analysis page's data file and charts.

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::fields::Reader;
use crate::frontmatter::Value;
use crate::model::url::join_relative;
use crate::model::{Actual, Budget, ChartSpec, DataFile, Handover, Kpi, Milestone, Source};
use crate::money;

/// `owner_from: [{owner, from}]`: hand-overs of responsibility.
pub(super) fn handovers<'a>(r: &mut Reader<'a>, key: &'a str) -> Vec<Handover> {
    r.list_of(key, |h| {
        let owners = h.texts("owner");
        if owners.is_empty() && h.node("owner").is_none() {
            h.required_text("owner", "Sundhedsdatastyrelsen");
        }
        let from = h.required_when("from", "2022-Q4");
        (!owners.is_empty()).then_some(Handover { owners, from: from?.0 })
    })
}

/// `kpis: [{name, unit, baseline, target, by, actual}]`: figures as
/// written, or a goal without a figure; `actual` the figures measured, by
/// quarter.
pub(super) fn kpis<'a>(r: &mut Reader<'a>, key: &'a str) -> Vec<Kpi> {
    r.list_of(key, |k| {
        let name = k.required_text("name", "Andel kommuner med beredskabsplan");
        let unit = k.text("unit");
        let baseline = k.text_or_number("baseline");
        let target = k.text_or_number("target");
        let by = k.when("by").map(|b| b.0);
        let actual = k.quarter_numbers("actual");
        let actual =
            actual.into_iter().map(|(quarter, value, at)| Actual { quarter, value, at }).collect();
        Some(Kpi { name: name?, unit, baseline, target, by, actual })
    })
}

/// `milestones: [{quarter, title}]`; whether each lies inside its page's
/// period is the plan's check (`model::plan`).
pub(super) fn milestones<'a>(r: &mut Reader<'a>, key: &'a str) -> Vec<Milestone> {
    r.list_of(key, |m| {
        let title = m.required_text("title", "Første version klar");
        let quarter = m.required_when("quarter", "2027-Q2");
        let (quarter, at) = quarter?;
        Some(Milestone { quarter, title: title?, at })
    })
}

/// `sources: [{title, url}]`: what the text rests on. A URL must be a web
/// address, so a source list never links into the build machine.
pub(super) fn sources(r: &mut Reader<'_>) -> Vec<Source> {
    r.list_of("sources", |s| {
        let title = s.required_text("title", "Sundhedsstyrelsen: Rapport 2024");
        let url = s.text("url");
        let span = s.node("url").map(|n| n.span.clone());
        if let (Some(url), Some(span)) = (&url, span) {
            if !is_web_address(url) {
                s.diags.push(
                    Diagnostic::error(span, format!("`{url}` is not a web address"))
                        .code(Code::InvalidAddress)
                        .help("give the source's address starting with `https://`".to_owned()),
                );
                return Some(Source { title: title?, url: None });
            }
        }
        Some(Source { title: title?, url })
    })
}

/// Whether `url` is an address on the web (`https:` or `http:`), never a
/// file or a script.
pub(super) fn is_web_address(url: &str) -> bool {
    let scheme = url.split_once(':').map(|(scheme, _)| scheme.to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("https" | "http"))
}

/// `charts:`: what to plot of the data file, named by the field `data`.
/// Ids default to `1`, `2`, ….
pub(super) fn charts<'a>(r: &mut Reader<'a>, key: &'a str, data: &'a str) -> Vec<ChartSpec> {
    let mut n = 0;
    let charts = r.list_of(key, |c| {
        n += 1;
        let span = c.owner_span();
        let title = c.required_text("title", "Svar om sikkerhed");
        let id = c.text("id").unwrap_or_else(|| n.to_string());
        Some(ChartSpec {
            id,
            title: title?,
            label: c.spanned_text("label"),
            values: c.spanned_texts("values"),
            series: c.spanned_text("series"),
            filter: c.text_map("where"),
            unit: c.text("unit"),
            span,
        })
    });
    if !charts.is_empty() && r.node(data).is_none() {
        let span = r.node(key).map(|n| n.span.clone());
        r.diags.extend(span.map(|s| {
            Diagnostic::error(
                s,
                format!("`{key}` plot the page's data file, but it has no `{data}:`"),
            )
            .code(Code::DataPath)
            .help(format!("add `{data}: svar.csv` naming a CSV file beside the page"))
        }));
    }
    charts
}

/// `data:` names a file relative to the page's folder (`page`), which must
/// stay inside `content/`.
pub(super) fn data<'a>(r: &mut Reader<'a>, key: &'a str, page: &str) -> Option<DataFile> {
    let data = r.text(key)?;
    let span = r.node(key)?.span.clone();
    if let Some(path) = join_relative(page, &data) {
        return Some(DataFile { path, span });
    }
    r.diags.push(
        Diagnostic::error(span, format!("`{data}` points outside `content/`"))
            .code(Code::DataPath)
            .help("put the data file in the same folder as the page and name it without `..` or `/` at the start".to_owned()),
    );
    None
}

/// `budget: 34000000` or `budget: {amount: 34000000, note: "Finansloven 2018"}`.
pub(super) fn budget<'a>(r: &mut Reader<'a>, key: &'a str) -> Option<Budget> {
    let node = r.node(key)?;
    if let Value::Map(_) = node.value {
        return r
            .mapping(key, |b| {
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
pub(super) fn amount(node: &crate::frontmatter::Node, diags: &mut Diagnostics) -> Option<i64> {
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
    diags.push(Diagnostic::error(node.span.clone(), message).code(Code::InvalidAmount).help(help));
    None
}
