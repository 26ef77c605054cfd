//! The text of a new page: frontmatter with every field of its kind, in
//! the schema's order, each with a comment giving its type and allowed
//! values in the project's language, then a line of body to replace.
//!
//! It is written from the schema alone, so a kind a project declares gets
//! its template with no code of its own. Required fields are filled with a
//! value that builds (a reference with the first page it may name, a time
//! with the plan's now); optional ones are commented out with a value that
//! builds when the `#` is removed.

use std::fmt::Write as _;

use super::place::Numbers;
use super::words::Phrase;
use crate::calendar::{Date, Quarter};
use crate::config::Language;
use crate::schema::{Field, Home, KindId, Role, Scalar, Schema, Type};

/// Most ids a comment lists.
const MAX_IDS: usize = 8;

/// Comments are aligned after the longest `key: value` up to this width;
/// a longer line has its comment right after it.
const ALIGN_UP_TO: usize = 36;

/// What a template is written from besides its kind.
pub(super) struct Context<'a> {
    /// The kinds.
    pub(super) schema: &'a Schema,
    /// The project's language, for the comments and the body.
    pub(super) language: Language,
    /// The currency budgets are in (`DKK`).
    pub(super) currency: &'a str,
    /// The time a time field is given: the plan's now, inside the period.
    pub(super) quarter: Quarter,
    /// The day a date field is given.
    pub(super) today: Date,
    /// The ids a reference may name, by kind index, in reading order.
    pub(super) ids: &'a [Vec<String>],
    /// The CSV files beside the new page, which a `data` field may name.
    pub(super) tables: &'a [&'a str],
}

/// A required reference to a kind that has no page yet: no value for it
/// builds, so the page is not written.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Unfillable {
    /// The field (`directions`).
    pub(super) field: String,
    /// The kind it names.
    pub(super) target: KindId,
}

/// One line of frontmatter.
struct Line {
    key: String,
    /// As YAML; empty when there is nothing to suggest.
    value: String,
    /// False: commented out.
    set: bool,
    note: String,
}

/// The text of a new page of `kind` titled `title`, with the `numbers` it
/// continues.
pub(super) fn page(
    kind: KindId,
    title: &str,
    numbers: &Numbers,
    ctx: &Context<'_>,
) -> Result<String, Unfillable> {
    let declared = ctx.schema.kind(kind);
    let language = ctx.language;
    let line = |key: &str, value: String, set: bool, note: String| Line {
        key: key.to_owned(),
        value,
        set,
        note,
    };
    let title_note = if declared.has(Role::Plain) {
        Phrase::Text.get(language).to_owned()
    } else {
        format!("{}: {}", Phrase::Required.get(language), Phrase::Text.get(language))
    };
    let mut lines = vec![line("title", quote(title), true, title_note)];
    // One page has nothing to be numbered or ordered among.
    if !matches!(declared.home, Home::File(_)) {
        let number = numbers.number.as_deref().map(quote);
        lines.push(Line {
            set: number.is_some(),
            ..line(
                "number",
                number.unwrap_or_else(|| quote("1")),
                false,
                noted(Phrase::NumberField, ctx, ""),
            )
        });
        lines.push(Line {
            set: numbers.order.is_some(),
            ..line(
                "order",
                numbers.order.unwrap_or(1).to_string(),
                false,
                Phrase::Order.get(language).to_owned(),
            )
        });
    }
    lines.push(line("summary", quote("…"), false, Phrase::Summary.get(language).to_owned()));
    for field in &declared.fields {
        lines.push(field_line(field, ctx)?);
    }
    lines.push(line("draft", "true".to_owned(), false, Phrase::Draft.get(language).to_owned()));
    let sources = "[{title: \"…\", url: \"https://…\"}]".to_owned();
    lines.push(line("sources", sources, false, Phrase::Sources.get(language).to_owned()));
    Ok(render(&lines, Phrase::Body.get(language)))
}

/// `phrase` in the context's language, `{}` filled with `word`.
fn noted(phrase: Phrase, ctx: &Context<'_>, word: &str) -> String {
    phrase.with(ctx.language, word)
}

/// The line of a field the kind declares: set when required.
fn field_line(field: &Field, ctx: &Context<'_>) -> Result<Line, Unfillable> {
    let value = match sample(field, ctx) {
        Ok(value) => value,
        Err(target) if field.required => {
            return Err(Unfillable { field: field.name.clone(), target });
        }
        Err(_) => String::new(),
    };
    let language = ctx.language;
    let mut note = describe(&field.ty, ctx);
    if let Some(default) = field.default.as_ref().and_then(|d| scalar(d, &field.ty)) {
        let _ = write!(note, "; {} {default}", Phrase::Default.get(language));
    }
    if field.required {
        note = format!("{}: {note}", Phrase::Required.get(language));
    }
    if let Some(label) = &field.label {
        note = format!("{}, {note}", label.get(language));
    }
    Ok(Line { key: field.name.clone(), value, set: field.required, note })
}

/// A value of `field` that builds: its default, else one of its type; for
/// a reference, the first page it may name, or the kind it names when that
/// has none.
fn sample(field: &Field, ctx: &Context<'_>) -> Result<String, KindId> {
    if let Some(default) = field.default.as_ref().and_then(|d| scalar(d, &field.ty)) {
        return Ok(default);
    }
    let first = |kind: KindId| ctx.ids[kind.index()].first().ok_or(kind);
    match &field.ty {
        Type::Ref(kind) => first(*kind).cloned(),
        Type::Refs(kind) => first(*kind).map(|id| format!("[{id}]")),
        ty => Ok(plain(ty, ctx)),
    }
}

/// A value of `ty` that builds, for every type but references.
fn plain(ty: &Type, ctx: &Context<'_>) -> String {
    let q = ctx.quarter;
    match ty {
        Type::Text | Type::Markdown | Type::Owners => quote("…"),
        Type::Integer | Type::Number => "1".to_owned(),
        Type::Boolean => "true".to_owned(),
        Type::Date => ctx.today.to_string(),
        Type::Time => q.to_string(),
        Type::Url => "https://…".to_owned(),
        Type::Amount | Type::Budget => "100000".to_owned(),
        Type::Enum(choices) => choices.first().map(|c| c.name.clone()).unwrap_or_default(),
        Type::List(of) => format!("[{}]", plain(of, ctx)),
        Type::Ref(_) | Type::Refs(_) => String::new(),
        Type::Handovers => format!("[{{owner: \"…\", from: {q}}}]"),
        Type::Kpis => format!("[{{name: \"…\", target: 100, by: {q}}}]"),
        Type::Milestones => format!("[{{quarter: {q}, title: \"…\"}}]"),
        Type::Charts => "[{title: \"…\"}]".to_owned(),
        Type::Data => quote(ctx.tables.first().copied().unwrap_or("data.csv")),
    }
}

/// A default as YAML; `None` for an amount with hundredths, which is
/// suggested as a round sum instead.
fn scalar(value: &Scalar, ty: &Type) -> Option<String> {
    Some(match value {
        Scalar::Text(text) => quote(text),
        Scalar::Integer(n) => n.to_string(),
        Scalar::Number(n) => n.clone(),
        Scalar::Boolean(b) => b.to_string(),
        Scalar::Date(d) => d.to_string(),
        Scalar::Time(w) => w.to_string(),
        Scalar::Choice(i) => ty.choice_name(*i)?.to_owned(),
        Scalar::Amount(cents) if cents % 100 == 0 => (cents / 100).to_string(),
        Scalar::Amount(_) => return None,
    })
}

/// What `ty` holds, in the context's language: its type, allowed values,
/// the ids it may name.
fn describe(ty: &Type, ctx: &Context<'_>) -> String {
    let language = ctx.language;
    let phrase = match ty {
        Type::Text => Phrase::Text,
        Type::Markdown => Phrase::Markdown,
        Type::Integer => Phrase::Integer,
        Type::Number => Phrase::Number,
        Type::Boolean => Phrase::Boolean,
        Type::Date => Phrase::Date,
        Type::Time => return noted(Phrase::Time, ctx, &ctx.quarter.year.to_string()),
        Type::Url => Phrase::Url,
        Type::Amount => return noted(Phrase::Amount, ctx, ctx.currency),
        Type::Budget => return noted(Phrase::Budget, ctx, ctx.currency),
        Type::Owners => Phrase::Owners,
        Type::Handovers => Phrase::Handovers,
        Type::Kpis => Phrase::Kpis,
        Type::Milestones => Phrase::Milestones,
        Type::Charts => Phrase::Charts,
        Type::Data => Phrase::Data,
        Type::Enum(choices) => {
            let values: Vec<String> = choices
                .iter()
                .map(|c| match c.label.as_ref().map(|l| l.get(language)) {
                    Some(label) if label != c.name => format!("{} ({label})", c.name),
                    _ => c.name.clone(),
                })
                .collect();
            return format!("{} {}", Phrase::OneOf.get(language), values.join(", "));
        }
        Type::List(of) => return format!("{} {}", Phrase::ListOf.get(language), describe(of, ctx)),
        Type::Ref(kind) | Type::Refs(kind) => {
            let phrase = if matches!(ty, Type::Ref(_)) { Phrase::Ref } else { Phrase::Refs };
            let plural = ctx.schema.kind(*kind).plural(language).to_lowercase();
            return format!(
                "{}: {}",
                noted(phrase, ctx, &plural),
                ids(&ctx.ids[kind.index()], language)
            );
        }
    };
    phrase.get(language).to_owned()
}

/// `a, b, c, …`: the first ids a reference may name.
fn ids(ids: &[String], language: Language) -> String {
    if ids.is_empty() {
        return format!("({})", Phrase::NoneYet.get(language));
    }
    let mut listed = ids.iter().take(MAX_IDS).cloned().collect::<Vec<_>>().join(", ");
    if ids.len() > MAX_IDS {
        listed.push_str(", …");
    }
    listed
}

/// `text` as a YAML string in double quotes, which reads back as `text`
/// whatever it holds: `:`, `#`, a leading `-`, quotes, backslashes.
pub(super) fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            // Control characters, and what YAML 1.1 reads as a line break
            // or a byte order mark, are written as escapes.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(quoted, "\\u{:04x}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The page: the lines between `---`, their comments aligned, then `body`.
fn render(lines: &[Line], body: &str) -> String {
    let heads: Vec<String> = lines
        .iter()
        .map(|l| {
            let hash = if l.set { "" } else { "# " };
            let value = if l.value.is_empty() { String::new() } else { format!(" {}", l.value) };
            format!("{hash}{}:{value}", l.key)
        })
        .collect();
    let width = heads.iter().map(|h| h.chars().count()).filter(|&w| w <= ALIGN_UP_TO).max();
    let mut text = "---\n".to_owned();
    for (line, head) in lines.iter().zip(&heads) {
        let pad = width.unwrap_or(0).saturating_sub(head.chars().count());
        let _ = writeln!(text, "{head}{:pad$}  # {}", "", line.note);
    }
    let _ = write!(text, "---\n\n{body}\n");
    text
}
