//! The declared fields of a page in `strategy.json`: every field of its
//! kind that no role exports in a table of its own (the plan's are in
//! `initiatives`), under its own name, after the keys every page has.
//! Every field is always present: `null` when not given, `[]` for lists.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::value::RawValue;

use crate::model::{Page, Publication, Value};
use crate::render::export::json::amount;
use crate::schema::Type;

/// A page's declared fields, as the entries of its object.
pub(super) struct Fields<'a> {
    pub(super) publication: &'a Publication,
    pub(super) page: &'a Page,
}

impl Serialize for Fields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let publication = self.publication;
        let fields = publication.schema.fields(self.page.kind).filter(|(_, f)| !f.role);
        let mut map = serializer.serialize_map(None)?;
        for (field, declared) in fields {
            let value = Written { publication, ty: &declared.ty, value: self.page.value(field) };
            map.serialize_entry(&declared.name, &value)?;
        }
        map.end()
    }
}

/// A value of type `ty` as JSON.
struct Written<'a> {
    publication: &'a Publication,
    ty: &'a Type,
    value: Option<&'a Value>,
}

impl Serialize for Written<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let id = |page| self.publication[page].id.as_str();
        let Some(value) = self.value else {
            let empty: [u8; 0] = [];
            return if self.ty.is_list() {
                empty.serialize(serializer)
            } else {
                serializer.serialize_none()
            };
        };
        match (self.ty, value) {
            (Type::Ref(_), Value::Refs(refs)) => {
                refs.first().map(|r| id(r.page)).serialize(serializer)
            }
            (_, Value::Refs(refs)) => {
                let mut seq = serializer.serialize_seq(Some(refs.len()))?;
                for r in refs {
                    seq.serialize_element(id(r.page))?;
                }
                seq.end()
            }
            (Type::List(_) | Type::Owners, Value::List(items)) => {
                let of = match self.ty {
                    Type::List(of) => of.as_ref(),
                    _ => &Type::Text,
                };
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Written { value: Some(item), ty: of, ..*self })?;
                }
                seq.end()
            }
            (ty, value) => scalar(ty, value, serializer),
        }
    }
}

/// A plain or structured value as JSON: numbers as written, amounts exact,
/// times and dates as written, an enum's value by its name.
fn scalar<S: Serializer>(ty: &Type, value: &Value, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Value::Text(text) => text.serialize(serializer),
        Value::Integer(n) => n.serialize(serializer),
        Value::Number(n) => number(n).serialize(serializer),
        Value::Boolean(b) => b.serialize(serializer),
        Value::Date(d) => d.to_string().serialize(serializer),
        Value::Time(w) => w.serialize(serializer),
        Value::Choice(i) => ty.choice_name(*i).serialize(serializer),
        Value::Amount(cents) => amount(*cents).serialize(serializer),
        Value::Budget(b) => {
            let mut map = serializer.serialize_map(Some(2))?;
            map.serialize_entry("amount", &amount(b.cents))?;
            map.serialize_entry("note", &b.note)?;
            map.end()
        }
        Value::Handovers(list) => list.serialize(serializer),
        Value::Kpis(list) => list.serialize(serializer),
        Value::Milestones(list) => {
            let mut seq = serializer.serialize_seq(Some(list.len()))?;
            for m in list {
                seq.serialize_element(&Milestone(m))?;
            }
            seq.end()
        }
        Value::Charts(list) => {
            let ids: Vec<&str> = list.iter().map(|c| c.id.as_str()).collect();
            ids.serialize(serializer)
        }
        Value::Data(data) => data.path.serialize(serializer),
        Value::List(_) | Value::Ids(_) | Value::Refs(_) => serializer.serialize_none(),
    }
}

/// A milestone as `initiatives` writes it.
struct Milestone<'a>(&'a crate::model::Milestone);

impl Serialize for Milestone<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("quarter", &self.0.quarter)?;
        map.serialize_entry("first_quarter", &self.0.quarter.first())?;
        map.serialize_entry("title", &self.0.title)?;
        map.end()
    }
}

/// A number as written, when JSON writes it so (`1.10`); else as JSON
/// writes its value (YAML's `0x1f`, `.5`), or `null` (`.inf`).
fn number(text: &str) -> Option<Box<RawValue>> {
    if serde_json::from_str::<serde_json::Number>(text).is_ok() {
        return RawValue::from_string(text.to_owned()).ok();
    }
    let value: f64 = text.replace('_', "").parse().ok()?;
    let json = serde_json::Number::from_f64(value)?;
    RawValue::from_string(json.to_string()).ok()
}
