//! Times and years as a source writes them, read from a node with a
//! located diagnostic for each malformed one.

use std::str::FromStr;

use crate::calendar::{self, Quarter, When};
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::frontmatter::{Node, Value};

/// Reads a quarter, half year or year from a node, reporting malformed ones.
pub(crate) fn when_of(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<(When, Span)> {
    if let Value::Str(text) | Value::Number(text) = &node.value {
        if let Ok(when) = When::from_str(text) {
            return Some((when, node.span.clone()));
        }
    }
    diags.push(early_year(node, key).unwrap_or_else(|| {
        Diagnostic::error(
            node.span.clone(),
            format!("{} is not a quarter, half year or year in `{key}`", shown(node)),
        )
        .help("write `2027-Q1` (a quarter), `2027-H1` (a half year) or `2027` (a year)".to_owned())
    }));
    None
}

/// `` `text` `` for a value written as text or a number, else what it is.
fn shown(node: &Node) -> String {
    match &node.value {
        Value::Str(s) | Value::Number(s) => format!("`{s}`"),
        other => other.describe().to_owned(),
    }
}

/// The error for a time or date whose year is before 1000 (`0999-Q1`), if
/// that is what `node` holds: every output writes years in four digits.
pub(crate) fn early_year(node: &Node, key: &str) -> Option<Diagnostic> {
    let (Value::Str(text) | Value::Number(text)) = &node.value else { return None };
    calendar::is_early_year(text).then(|| {
        Diagnostic::error(
            node.span.clone(),
            format!("`{text}` in `{key}` is before the year {}", calendar::FIRST_YEAR),
        )
        .help(format!("a year is written with four digits, from {} to 9999", calendar::FIRST_YEAR))
    })
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
        Diagnostic::error(node.span.clone(), format!("{} is not a quarter in `{key}`", shown(node)))
            .help("write a quarter as YEAR-QN, for example `2027-Q1` (Q1 to Q4)".to_owned())
    }));
    None
}
