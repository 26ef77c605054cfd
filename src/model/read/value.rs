//! One reader per field type, driven by the schema: every kind's fields are
//! read the same way, with the same diagnostics, whether the kind is built
//! in or declared by the project.

use crate::diagnostics::{Code, Diagnostic, article};
use crate::fields::Reader;
use crate::frontmatter::{Field as Entry, Value as Yaml};
use crate::model::read::structured;
use crate::model::{Slot, Value};
use crate::schema::{Field, Kind, Role, Schema, Type};

/// Field `field` of a page of `kind` at `path`: its value with where it is
/// written, else its default. A required field left out is reported
/// (unless it is inherited and the page names where from); a value that is
/// wrong is reported and read as the default, where the field has one.
pub(super) fn read<'a>(
    r: &mut Reader<'a>,
    schema: &Schema,
    kind: &'a Kind,
    field: &'a Field,
    path: &str,
) -> Option<Slot> {
    let name = field.name.as_str();
    let default = || field.default.as_ref().map(Value::from);
    let Some(node) = r.node(name) else {
        let inherits = field.inherit.is_some_and(|i| r.node(&kind.fields[i].name).is_some());
        if field.required && !inherits {
            let example = field.example.clone().unwrap_or_else(|| field.ty.example());
            r.required_text(name, &example);
        }
        return default().map(|value| Slot::new(value, r.owner_span()));
    };
    let span = node.span.clone();
    let value = match &field.ty {
        Type::Ref(_) | Type::Refs(_) => Some(references(r, schema, kind, field)),
        Type::Data => structured::data(r, name, path).map(Value::Data),
        Type::Charts => {
            let data = kind.fields.iter().find(|f| f.ty == Type::Data).map_or("data", |f| &f.name);
            Some(Value::Charts(structured::charts(r, name, data)))
        }
        ty => of_type(r, name, ty),
    };
    match value {
        Some(value) => Some(Slot::new(value, span)),
        None => default().map(|value| Slot { value, span, stand_in: true }),
    }
}

/// The value of `key` as type `ty` reads it (every type but references and
/// a page's data and charts, which need the page around them).
fn of_type<'a>(r: &mut Reader<'a>, key: &'a str, ty: &Type) -> Option<Value> {
    Some(match ty {
        Type::Text | Type::Markdown => Value::Text(r.text(key)?),
        Type::Url => Value::Text(web_address(r, key)?),
        Type::Integer => Value::Integer(r.integer(key)?),
        Type::Number => Value::Number(r.number(key)?),
        Type::Boolean => Value::Boolean(r.boolean(key)?),
        Type::Date => Value::Date(r.date(key)?),
        Type::Time => Value::Time(r.when(key)?.0),
        Type::Enum(choices) => {
            let names: Vec<(&str, usize)> =
                choices.iter().enumerate().map(|(i, c)| (c.name.as_str(), i)).collect();
            let words: Vec<(&str, &str)> =
                choices.iter().flat_map(|c| c.words().map(|w| (w, c.name.as_str()))).collect();
            Value::Choice(r.choice_or_word(key, &names, &words)?)
        }
        Type::Amount => Value::Amount(structured::amount(r.node(key)?, r.diags)?),
        Type::Owners => Value::List(r.texts(key).into_iter().map(Value::Text).collect()),
        Type::List(of) if **of == Type::Text => {
            Value::List(r.texts(key).into_iter().map(Value::Text).collect())
        }
        Type::List(of) => Value::List(list(r, key, of)),
        Type::Handovers => Value::Handovers(structured::handovers(r, key)),
        Type::Budget => Value::Budget(structured::budget(r, key)?),
        Type::Kpis => Value::Kpis(structured::kpis(r, key)),
        Type::Milestones => Value::Milestones(structured::milestones(r, key)),
        Type::Ref(_) | Type::Refs(_) | Type::Charts | Type::Data => return None,
    })
}

/// The items of the list `key` (one value counts as a list of one), each
/// read as `of`.
fn list<'a>(r: &mut Reader<'a>, key: &'a str, of: &Type) -> Vec<Value> {
    let Some(node) = r.node(key) else { return Vec::new() };
    let items = match &node.value {
        Yaml::Seq(items) => items.clone(),
        _ => vec![node.clone()],
    };
    items
        .into_iter()
        .filter_map(|item| {
            let entry = Entry { key: key.to_owned(), key_span: item.span.clone(), value: item };
            let mut one =
                Reader::new(std::slice::from_ref(&entry), entry.key_span.clone(), r.diags);
            of_type(&mut one, &entry.key, of)
        })
        .collect()
}

/// The ids a `ref` or `refs` field names, as written (one id counts as a
/// list of one). A required one must name at least one page.
fn references<'a>(r: &mut Reader<'a>, schema: &Schema, kind: &Kind, field: &'a Field) -> Value {
    let key = field.name.as_str();
    let mut ids = r.refs(key);
    if matches!(field.ty, Type::Ref(_)) {
        ids.truncate(1);
    }
    if ids.is_empty() && field.required {
        let span = r.node(key).map_or_else(|| r.owner_span(), |n| n.span.clone());
        let example = field.example.clone().unwrap_or_else(|| field.ty.example());
        let target = field.ty.target();
        let noun = target.map_or("page", |kind| schema.kind(kind).id.as_str());
        // What the plan serves is named in its words.
        let (code, message) = if field.role && target.is_some_and(|t| schema.is(t, Role::Served)) {
            let what = format!("{} {} must serve at least one {noun}", article(&kind.id), kind.id);
            (Code::NoDirection, what)
        } else {
            (Code::MissingField, format!("`{key}` must name at least one {noun}"))
        };
        r.diags.push(
            Diagnostic::error(span, message)
                .code(code)
                .help(format!("list {noun} ids, e.g. `{key}: {example}`")),
        );
    }
    Value::Ids(ids)
}

/// A web address (`https://…`), never a file or a script.
fn web_address<'a>(r: &mut Reader<'a>, key: &'a str) -> Option<String> {
    let url = r.text(key)?;
    if structured::is_web_address(&url) {
        return Some(url);
    }
    let span = r.node(key).map_or_else(|| r.owner_span(), |n| n.span.clone());
    r.diags.push(
        Diagnostic::error(span, format!("`{url}` is not a web address"))
            .code(Code::InvalidAddress)
            .help("write the address in full, starting with `https://`".to_owned()),
    );
    None
}
