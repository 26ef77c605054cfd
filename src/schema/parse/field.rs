//! One field's declaration: `name: {type, required, default, values, kind,
//! of, label, backlink, example, acyclic, inherit}`.

use std::str::FromStr;

use crate::calendar::{Date, When};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span, did_you_mean};
use crate::fields::Reader;
use crate::frontmatter::{Field as Entry, Node, Value};
use crate::money;
use crate::schema::parse::{is_common, not_a_mapping, words, words_in};
use crate::schema::types::NAMES;
use crate::schema::{Choice, Field, KindId, Scalar, Type};

/// The keys a field's declaration may have.
const FIELD_KEYS: [&str; 11] = [
    "type", "required", "default", "values", "kind", "of", "label", "backlink", "example",
    "acyclic", "inherit",
];

/// Letters, digits and `_`, starting with a letter: a name a frontmatter
/// key, a JSON key and a CSS class can all be.
pub(super) fn valid_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The fields `declared` (the entries of `fields:`) of kind `me` among
/// `names`, beside the fields `existing` it has already.
pub(super) fn read_all(
    declared: &[Entry],
    me: usize,
    names: &[String],
    existing: &[Field],
    diags: &mut Diagnostics,
) -> Vec<Field> {
    let mut fields: Vec<Field> = Vec::new();
    let mut inherits: Vec<(usize, String, Span)> = Vec::new();
    for entry in declared {
        let name = entry.key.as_str();
        let taken = if is_common(name) {
            Some("every page has")
        } else if existing.iter().chain(&fields).any(|f| f.name == name) {
            Some("this kind has already")
        } else {
            None
        };
        if let Some(taken) = taken {
            diags.push(
                Diagnostic::error(entry.key_span.clone(), format!("`{name}` is a field {taken}"))
                    .code(Code::InvalidSetting)
                    .help("give the field another name".to_owned()),
            );
            continue;
        }
        if !valid_name(name) {
            diags.push(
                Diagnostic::error(
                    entry.key_span.clone(),
                    format!("`{name}` is not a usable field name"),
                )
                .code(Code::InvalidSetting)
                .help("use lowercase letters, digits and `_`, e.g. `horizon`".to_owned()),
            );
            continue;
        }
        let Value::Map(attrs) = &entry.value.value else {
            diags.push(not_a_mapping(name, &entry.value, "`type:` and the field's other settings"));
            continue;
        };
        let mut r = Reader::new(attrs, entry.key_span.clone(), diags);
        let field = read(&mut r, name, me, names);
        if let Some((inherit, span)) =
            r.text("inherit").zip(r.node("inherit").map(|n| n.span.clone()))
        {
            inherits.push((existing.len() + fields.len(), inherit, span));
        }
        r.finish(&FIELD_KEYS);
        fields.push(field);
    }
    for (index, name, span) in inherits {
        let target =
            fields.iter().position(|f| f.name == name && f.ty == Type::Ref(KindId::new(me)));
        match target {
            Some(source) => fields[index - existing.len()].inherit = Some(existing.len() + source),
            None => diags.push(
                Diagnostic::error(span, format!("`{name}` is not a `ref` field of this kind"))
                    .code(Code::InvalidSetting)
                    .help("`inherit` names the field (a `ref` to the kind itself, such as `parent`) whose page gives the value".to_owned()),
            ),
        }
    }
    fields
}

/// One field's settings.
fn read(r: &mut Reader<'_>, name: &str, me: usize, names: &[String]) -> Field {
    let ty = if r.node("type").is_some() {
        typ(r, names)
    } else {
        r.required_text("type", "text");
        Type::Text
    };
    let default = r.node("default").and_then(|node| scalar(node, &ty, r.diags));
    let acyclic = r.boolean("acyclic").unwrap_or(false);
    if acyclic && ty.target() != Some(KindId::new(me)) {
        let span = r.node("acyclic").map_or_else(|| r.owner_span(), |n| n.span.clone());
        r.diags.push(
            Diagnostic::error(span, "only a reference to the kind itself can be `acyclic`")
                .code(Code::InvalidSetting)
                .help(
                    "leave `acyclic` out, or make the field a `ref` or `refs` to this kind"
                        .to_owned(),
                ),
        );
    }
    Field {
        name: name.to_owned(),
        required: r.boolean("required").unwrap_or(false),
        label: words(r, "label"),
        backlink: words(r, "backlink"),
        example: r.text("example"),
        acyclic,
        inherit: None,
        role: false,
        default,
        ty,
    }
}

/// `type:` with what it needs: `values` for an enum, `of` for a list,
/// `kind` for a reference.
fn typ(r: &mut Reader<'_>, names: &[String]) -> Type {
    let choices: Vec<(&str, &str)> = NAMES.iter().map(|n| (*n, *n)).collect();
    let Some(name) = r.choice("type", &choices) else { return Type::Text };
    match name {
        "enum" => Type::Enum(values(r)),
        "list" => list(r),
        // A reference to no kind is read as the text it is, so its pages
        // are not told their ids are unknown in some other kind.
        "ref" | "refs" => match (target(r, names), name) {
            (Some(kind), "ref") => Type::Ref(kind),
            (Some(kind), _) => Type::Refs(kind),
            (None, "ref") => Type::Text,
            (None, _) => Type::List(Box::new(Type::Text)),
        },
        other => Type::plain(other).unwrap_or(Type::Text),
    }
}

/// `of:`: the plain type of a list's items.
fn list(r: &mut Reader<'_>) -> Type {
    let Some(of) = r.required_text("of", "text") else { return Type::List(Box::new(Type::Text)) };
    let item = if of == "enum" { Some(Type::Enum(values(r))) } else { Type::plain(&of) };
    match item {
        Some(item) if item.is_scalar() => Type::List(Box::new(item)),
        _ => {
            let span = r.node("of").map_or_else(|| r.owner_span(), |n| n.span.clone());
            r.diags.push(
                Diagnostic::error(span, format!("a list cannot hold `{of}`"))
                    .code(Code::InvalidSetting)
                    .help("a list holds one plain type: text, markdown, integer, number, boolean, date, time, url, amount or enum".to_owned()),
            );
            Type::List(Box::new(Type::Text))
        }
    }
}

/// `kind:` of a reference: a kind declared here or built in.
fn target(r: &mut Reader<'_>, names: &[String]) -> Option<KindId> {
    let name = r.required_text("kind", "direction")?;
    if let Some(at) = names.iter().position(|n| *n == name) {
        return Some(KindId::new(at));
    }
    let span = r.node("kind").map_or_else(|| r.owner_span(), |n| n.span.clone());
    let help = did_you_mean(&name, names.iter().map(String::as_str)).map_or_else(
        || format!("declared kinds: {}", names.join(", ")),
        |close| format!("did you mean `{close}`?"),
    );
    r.diags.push(
        Diagnostic::error(span, format!("no kind `{name}` is declared"))
            .code(Code::InvalidSetting)
            .help(help),
    );
    None
}

/// `values:` of an enum: a list of names, or names with their words in
/// each language and other words writers use for them.
fn values(r: &mut Reader<'_>) -> Vec<Choice> {
    let Some(node) = r.node("values") else {
        r.required_text("values", "[low, medium, high]");
        return Vec::new();
    };
    let choices: Vec<Choice> = match &node.value {
        Value::Seq(_) => r
            .refs("values")
            .into_iter()
            .map(|v| Choice { name: v.id, label: None, also: Vec::new(), symbol: None })
            .collect(),
        Value::Map(_) => r
            .mapping("values", |v| v.keys().into_iter().map(|name| choice(v, name)).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    if choices.is_empty() {
        r.diags.push(
            Diagnostic::error(node.span.clone(), "an enum needs at least one value")
                .code(Code::InvalidSetting)
                .help("write e.g. `values: [low, medium, high]`".to_owned()),
        );
    }
    choices
}

/// One value of an enum with its words: `active: {da: I gang, en: Active,
/// also: [In progress], symbol: ●}`.
fn choice<'a>(v: &mut Reader<'a>, name: &'a str) -> Choice {
    let mut also = Vec::new();
    let mut symbol = None;
    let label = v
        .mapping(name, |w| {
            also = w.texts("also");
            symbol = w.visible_text("symbol", None);
            words_in(w)
        })
        .flatten();
    Choice { name: name.to_owned(), label, also, symbol }
}

/// `default:` as the field's type reads it.
fn scalar(node: &Node, ty: &Type, diags: &mut Diagnostics) -> Option<Scalar> {
    let text = match &node.value {
        Value::Str(s) | Value::Number(s) | Value::YesNo(s) => Some(s.as_str()),
        _ => None,
    };
    let value = match (ty, &node.value) {
        (Type::Text | Type::Markdown | Type::Url, Value::Str(s)) => Some(Scalar::Text(s.clone())),
        (Type::Integer, Value::Number(n)) => n.parse().ok().map(Scalar::Integer),
        (Type::Number, Value::Number(n)) => Some(Scalar::Number(n.clone())),
        (Type::Boolean, Value::Bool(b)) => Some(Scalar::Boolean(*b)),
        (Type::Date, _) => text.and_then(Date::parse).map(Scalar::Date),
        (Type::Time, _) => text.and_then(|t| When::from_str(t).ok()).map(Scalar::Time),
        (Type::Enum(_), _) => text.and_then(|t| ty.choice(t)).map(Scalar::Choice),
        (Type::Amount, Value::Number(n)) => money::parse(n).ok().map(Scalar::Amount),
        _ => None,
    };
    if value.is_none() {
        let what =
            if ty.is_scalar() { format!("a `{}`", ty.name()) } else { "a plain value".to_owned() };
        diags.push(
            Diagnostic::error(node.span.clone(), format!("this `default` is not {what}"))
                .code(Code::InvalidSetting)
                .help(format!(
                    "a default is written as a page would write the field: `default: {}`",
                    ty.example()
                )),
        );
    }
    value
}
