//! Times, years and dates as a source writes them, read from a node with
//! a located diagnostic for each malformed one. Its hint keeps the
//! writer's year: it reads what was meant where the text leaves one
//! reading (`Q4 2027` is `2027-Q4`), and else shows the right forms in the
//! year written, never an example from another year.

use std::str::FromStr;

use crate::calendar::{self, Date, Quarter, When, guess};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use crate::frontmatter::{Node, Value};

/// Reads a quarter, half year or year from a node, reporting malformed ones.
pub(crate) fn when_of(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<(When, Span)> {
    if let Value::Str(text) | Value::Number(text) = &node.value {
        if let Ok(when) = When::from_str(text) {
            return Some((when, node.span.clone()));
        }
    }
    diags.push(early_year(node, key).unwrap_or_else(|| {
        let written = written(node);
        let help = match (written.and_then(guess::when), written.and_then(guess::year_in)) {
            (Some(meant), _) => format!("did you mean `{meant}`?"),
            (None, Some(y)) => format!(
                "write a quarter (`{y}-Q1` to `{y}-Q4`), a half year (`{y}-H1` or `{y}-H2`) or the year (`{y}`)"
            ),
            (None, None) => {
                "write `2027-Q1` (a quarter), `2027-H1` (a half year) or `2027` (a year)".to_owned()
            }
        };
        Diagnostic::error(
            node.span.clone(),
            format!("{} is not a quarter, half year or year in `{key}`", shown(node)),
        )
        .code(Code::InvalidTime)
        .help(help)
    }));
    None
}

/// Reads a quarter from a node, reporting malformed ones.
pub(crate) fn quarter_of(
    node: &Node,
    key: &str,
    diags: &mut Diagnostics,
) -> Option<(Quarter, Span)> {
    if let Value::Str(text) = &node.value {
        if let Ok(q) = Quarter::from_str(text) {
            return Some((q, node.span.clone()));
        }
    }
    diags.push(early_year(node, key).unwrap_or_else(|| {
        let written = written(node);
        let help = match (written.and_then(guess::when), written.and_then(guess::year_in)) {
            (Some(When::Quarter(meant)), _) => format!("did you mean `{meant}`?"),
            (_, Some(y)) => format!("write a quarter as YEAR-QN: `{y}-Q1` to `{y}-Q4`"),
            (_, None) => "write a quarter as YEAR-QN, for example `2027-Q1` (Q1 to Q4)".to_owned(),
        };
        Diagnostic::error(node.span.clone(), format!("{} is not a quarter in `{key}`", shown(node)))
            .code(Code::InvalidTime)
            .help(help)
    }));
    None
}

/// Reads a day written `YYYY-MM-DD` from a node, reporting others.
pub(crate) fn date_of(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<Date> {
    let text = match &node.value {
        Value::Str(s) => s.clone(),
        other => other.describe().to_owned(),
    };
    let date = Date::parse(&text);
    if date.is_none() {
        diags.push(early_year(node, key).unwrap_or_else(|| {
            let help = match (guess::date(&text), guess::year_in(&text)) {
                (Some(meant), _) => format!("did you mean `{meant}`? a date is written YYYY-MM-DD"),
                (None, Some(y)) => format!("write the date as YYYY-MM-DD, e.g. `{key}: {y}-12-10`"),
                (None, None) => format!("write the date as YYYY-MM-DD, e.g. `{key}: 2026-12-10`"),
            };
            Diagnostic::error(node.span.clone(), format!("`{text}` is not a date"))
                .code(Code::InvalidDate)
                .help(help)
        }));
    }
    date
}

/// The text of a value written as text or a number.
fn written(node: &Node) -> Option<&str> {
    match &node.value {
        Value::Str(s) | Value::Number(s) => Some(s),
        _ => None,
    }
}

/// `` `text` `` for a value written as text or a number, else what it is.
fn shown(node: &Node) -> String {
    written(node).map_or_else(|| node.value.describe().to_owned(), |s| format!("`{s}`"))
}

/// The error for a time or date whose year is before 1000 (`0999-Q1`), if
/// that is what `node` holds: every output writes years in four digits.
pub(crate) fn early_year(node: &Node, key: &str) -> Option<Diagnostic> {
    let text = written(node)?;
    calendar::is_early_year(text).then(|| {
        Diagnostic::error(
            node.span.clone(),
            format!("`{text}` in `{key}` is before the year {}", calendar::FIRST_YEAR),
        )
        .code(Code::InvalidTime)
        .help(format!("a year is written with four digits, from {} to 9999", calendar::FIRST_YEAR))
    })
}
