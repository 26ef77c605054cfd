//! `strategy.schema.json`, the JSON Schema of `strategy.json`, generated
//! from the content model's schema: the template beside this file holds
//! what every strategy has (the settings, directions, initiatives, owners,
//! totals); the shape of `pages` comes from the kinds, each kind's declared
//! fields with their types. With the built-in kinds it is the schema
//! stratdoc has always shipped, byte for byte.

use crate::schema::{Field, Schema, Type};

/// Everything but the shape of a page.
const TEMPLATE: &str = include_str!("strategy.schema.json");

/// Where the shape of a page goes in [`TEMPLATE`].
const PAGES: &str = "\"@pages@\"";

/// How deep the shape of a page sits in [`TEMPLATE`].
const PAGES_INDENT: usize = 6;

/// The JSON Schema of the `strategy.json` of a strategy of `schema`'s kinds.
pub(super) fn generate(schema: &Schema) -> String {
    TEMPLATE.replacen(PAGES, &format(&page(schema), PAGES_INDENT), 1)
}

/// A JSON value whose keys keep their order, as the schema is written.
enum J {
    Obj(Vec<(&'static str, J)>),
    /// An object with keys that are not known beforehand (fields' names).
    Named(Vec<(String, J)>),
    Arr(Vec<J>),
    Str(String),
    /// A number, `true`, `false` or `null`, as written.
    Lit(&'static str),
}

fn s(text: &str) -> J {
    J::Str(text.to_owned())
}

fn reference(def: &str) -> J {
    J::Obj(vec![("$ref", s(&format!("#/$defs/{def}")))])
}

/// `x` or `null`.
fn nullable(x: J) -> J {
    J::Obj(vec![("oneOf", J::Arr(vec![x, J::Obj(vec![("type", s("null"))])]))])
}

/// What a page of any kind is: the keys every page has, and the declared
/// fields of its kind. Kinds without fields of their own share one shape.
fn page(schema: &Schema) -> J {
    let (with, without): (Vec<_>, Vec<_>) =
        schema.kinds().partition(|(_, kind)| kind.fields.iter().any(|f| !f.role));
    let mut shapes = Vec::new();
    if !without.is_empty() {
        let ids = without.iter().map(|(_, kind)| s(&kind.id)).collect();
        shapes.push(shape(J::Obj(vec![("enum", J::Arr(ids))]), &[]));
    }
    for (_, kind) in with {
        let fields: Vec<&Field> = kind.fields.iter().filter(|f| !f.role).collect();
        shapes.push(shape(J::Obj(vec![("const", s(&kind.id))]), &fields));
    }
    if shapes.len() == 1 {
        return shapes.remove(0);
    }
    J::Obj(vec![("oneOf", J::Arr(shapes))])
}

/// A page whose `kind` is `kind`, with `fields`.
fn shape(kind: J, fields: &[&Field]) -> J {
    let common = ["id", "kind", "path", "url", "title", "number", "summary", "draft", "sources"];
    let mut required: Vec<J> = common.iter().map(|k| s(k)).collect();
    required.extend(fields.iter().map(|f| s(&f.name)));
    let text = |description: &str, pattern: &str| {
        J::Obj(vec![
            ("description", s(description)),
            ("type", s("string")),
            ("pattern", s(pattern)),
        ])
    };
    let source = J::Obj(vec![
        ("type", s("object")),
        ("additionalProperties", J::Lit("false")),
        ("required", J::Arr(vec![s("title"), s("url")])),
        (
            "properties",
            J::Obj(vec![
                ("title", J::Obj(vec![("type", s("string"))])),
                ("url", reference("optional_text")),
            ]),
        ),
    ]);
    let mut properties: Vec<(String, J)> = vec![
        (
            "id".to_owned(),
            J::Obj(vec![
                ("description", s("Unique among the pages of its kind.")),
                ("type", s("string")),
                ("minLength", J::Lit("1")),
            ]),
        ),
        ("kind".to_owned(), kind),
        ("path".to_owned(), text("The Markdown file, relative to content/.", "\\.md$")),
        ("url".to_owned(), text("The page in the site, relative to the site's root.", "\\.html$")),
        ("title".to_owned(), J::Obj(vec![("type", s("string")), ("minLength", J::Lit("1"))])),
        ("number".to_owned(), reference("optional_text")),
        ("summary".to_owned(), reference("optional_text")),
        ("draft".to_owned(), J::Obj(vec![("type", s("boolean"))])),
        ("sources".to_owned(), J::Obj(vec![("type", s("array")), ("items", source)])),
    ];
    properties.extend(fields.iter().map(|f| (f.name.clone(), field(f))));
    J::Obj(vec![
        ("type", s("object")),
        ("additionalProperties", J::Lit("false")),
        ("required", J::Arr(required)),
        ("properties", J::Named(properties)),
    ])
}

/// A declared field's value: `null` allowed where a page may leave it out
/// (not required, no default, not a list).
fn field(f: &Field) -> J {
    let value = of_type(&f.ty);
    if f.required || f.default.is_some() || f.ty.is_list() {
        return value;
    }
    match value {
        J::Obj(mut keys) if keys.len() == 1 && keys[0].0 == "enum" => {
            if let J::Arr(values) = &mut keys[0].1 {
                values.push(J::Lit("null"));
            }
            J::Obj(keys)
        }
        value => nullable(value),
    }
}

/// A value of type `ty`.
fn of_type(ty: &Type) -> J {
    let typed = |name: &str| J::Obj(vec![("type", s(name))]);
    let array = |items: J| J::Obj(vec![("type", s("array")), ("items", items)]);
    let initiative = |key: &str| reference(&format!("initiative/properties/{key}"));
    match ty {
        Type::Text | Type::Markdown | Type::Data => typed("string"),
        Type::Url => J::Obj(vec![("type", s("string")), ("pattern", s("^[Hh][Tt][Tt][Pp][Ss]?:"))]),
        Type::Integer => typed("integer"),
        Type::Number => typed("number"),
        Type::Boolean => typed("boolean"),
        Type::Date => reference("date"),
        Type::Time => reference("when"),
        Type::Amount => reference("amount"),
        Type::Enum(choices) => {
            J::Obj(vec![("enum", J::Arr(choices.iter().map(|c| s(&c.name)).collect()))])
        }
        Type::List(of) => array(of_type(of)),
        Type::Ref(_) => reference("id"),
        Type::Refs(_) => reference("ids"),
        Type::Owners | Type::Charts => array(typed("string")),
        Type::Handovers => initiative("handovers"),
        Type::Budget => reference("initiative/properties/budget/oneOf/0"),
        Type::Kpis => initiative("kpis"),
        Type::Milestones => initiative("milestones"),
    }
}

/// Whether `j` is written on one line: a value, a list of values, or an
/// object of those (as the template writes them).
fn flat(j: &J) -> bool {
    let value = |j: &J| matches!(j, J::Str(_) | J::Lit(_));
    match j {
        J::Str(_) | J::Lit(_) => true,
        J::Arr(items) => items.iter().all(value),
        J::Obj(keys) => keys.iter().all(|(_, v)| value(v) || (matches!(v, J::Arr(_)) && flat(v))),
        J::Named(keys) => keys.iter().all(|(_, v)| value(v)),
    }
}

/// `j` as JSON text, its closing line `indent` spaces in.
fn format(j: &J, indent: usize) -> String {
    let string = |text: &str| serde_json::to_string(text).unwrap_or_default();
    let entries: Vec<(String, &J)> = match j {
        J::Str(text) => return string(text),
        J::Lit(literal) => return (*literal).to_owned(),
        J::Arr(items) if flat(j) || items.is_empty() => {
            let items: Vec<String> = items.iter().map(|i| format(i, indent)).collect();
            return format!("[{}]", items.join(", "));
        }
        J::Arr(items) => {
            let pad = " ".repeat(indent + 2);
            let items: Vec<String> =
                items.iter().map(|i| format!("{pad}{}", format(i, indent + 2))).collect();
            return format!("[\n{}\n{}]", items.join(",\n"), " ".repeat(indent));
        }
        J::Obj(keys) => keys.iter().map(|(k, v)| (string(k), v)).collect(),
        J::Named(keys) => keys.iter().map(|(k, v)| (string(k), v)).collect(),
    };
    if flat(j) {
        let entries: Vec<String> =
            entries.iter().map(|(k, v)| format!("{k}: {}", format(v, indent))).collect();
        return format!("{{ {} }}", entries.join(", "));
    }
    let pad = " ".repeat(indent + 2);
    let entries: Vec<String> =
        entries.iter().map(|(k, v)| format!("{pad}{k}: {}", format(v, indent + 2))).collect();
    format!("{{\n{}\n{}}}", entries.join(",\n"), " ".repeat(indent))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema stratdoc shipped before it was generated, for the
    /// built-in kinds.
    const SHIPPED: &str = include_str!("../../../tests/fixtures/exports/strategy.schema.json");

    #[test]
    fn the_builtin_kinds_give_the_schema_as_it_was_shipped() {
        assert_eq!(generate(&Schema::builtin()), SHIPPED);
    }

    #[test]
    fn a_generated_schema_is_json() {
        let text = generate(&Schema::builtin());
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        // With fields of their own, each kind has a shape of its own.
        assert_eq!(value["properties"]["pages"]["items"]["oneOf"][0]["required"][8], "sources");
    }
}
