//! Declarations of kinds into a [`Schema`], with a located diagnostic for
//! every mistake in them: an unknown type or role, a reference to a kind
//! no one declares, two kinds in one folder, a field that shadows one every
//! page has, a role without the fields it reads. The built-in kinds are
//! read with it from `builtin.yaml`, and a project's `kinds:` and
//! `extend:` in `stratdoc.yaml` too (`config::kinds`).

mod across;
mod field;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Sources, Span, did_you_mean};
use crate::fields::Reader;
use crate::frontmatter::{self, Field as Entry, Node, Value};
use crate::schema::{COMMON_FIELDS, Home, Kind, Role, Schema, Type, Words};
use across::across;

/// The keys a kind's declaration may have.
const KIND_KEYS: [&str; 10] = [
    "folder", "file", "label", "plural", "section", "part", "roles", "template", "sort_by",
    "fields",
];

/// Where the parts of one declaration are written, for the checks across
/// kinds.
#[derive(Default)]
struct Written {
    key: Option<Span>,
    folder: Option<Span>,
    part: Option<Span>,
    roles: Vec<(Role, Span)>,
}

/// Reads the built-in declarations, `text`, into a schema.
pub(super) fn builtin(sources: &mut Sources, text: &str, diags: &mut Diagnostics) -> Schema {
    let id = sources.add("builtin.yaml", text);
    let entries = frontmatter::parse_yaml(id, text, 0..text.len(), diags).unwrap_or_default();
    declare(&Schema::default(), &entries, diags)
}

/// `base` with the kinds `entries` declare (`id: {folder, label, fields…}`),
/// placed before the kind that lives anywhere, so plain pages stay last in
/// reading order. A declaration with a mistake is reported and read as far
/// as it can be.
pub fn declare(base: &Schema, entries: &[Entry], diags: &mut Diagnostics) -> Schema {
    let mut kinds = base.kinds.clone();
    let at = kinds.iter().position(|k| k.home == Home::Anywhere).unwrap_or(kinds.len());
    let mut new: Vec<&Entry> = Vec::new();
    for entry in entries {
        if base.find(&entry.key).is_some() {
            diags.push(
                Diagnostic::error(
                    entry.key_span.clone(),
                    format!("`{}` is a kind already", entry.key),
                )
                .code(Code::InvalidSetting)
                .help(
                    "give the new kind another id; add fields to a built-in kind under `extend:`"
                        .to_owned(),
                ),
            );
        } else if !field::valid_name(&entry.key) {
            diags.push(
                Diagnostic::error(
                    entry.key_span.clone(),
                    format!("`{}` is not a usable kind id", entry.key),
                )
                .code(Code::InvalidSetting)
                .help("use lowercase letters, digits and `_`, e.g. `megatrend`".to_owned()),
            );
        } else {
            new.push(entry);
        }
    }
    // Ids after the new kinds move up: references to them move with them.
    let moved = u16::try_from(new.len()).unwrap_or(u16::MAX);
    for kind in &mut kinds {
        for f in &mut kind.fields {
            if let Type::Ref(target) | Type::Refs(target) = &mut f.ty {
                if target.index() >= at {
                    target.0 += moved;
                }
            }
        }
    }
    let placeholders = new.iter().map(|e| placeholder(&e.key));
    kinds.splice(at..at, placeholders);
    let names: Vec<String> = kinds.iter().map(|k| k.id.clone()).collect();
    let mut written: Vec<Written> = kinds.iter().map(|_| Written::default()).collect();
    for (offset, entry) in new.iter().enumerate() {
        let (kind, spans) = read_kind(entry, at + offset, &names, diags);
        kinds[at + offset] = kind;
        written[at + offset] = spans;
    }
    let mut schema = Schema { kinds };
    across(&mut schema, &written, diags);
    schema
}

/// Adds the fields `entries` declare (`kind: {field: {type…}}`, as `extend:`
/// gives them) to existing kinds; a field a kind or every page has already
/// is an error at its name.
pub fn extend(schema: &mut Schema, entries: &[Entry], diags: &mut Diagnostics) {
    let names: Vec<String> = schema.kinds.iter().map(|k| k.id.clone()).collect();
    for entry in entries {
        let Some(kind) = schema.find(&entry.key) else {
            let help = did_you_mean(&entry.key, names.iter().map(String::as_str))
                .map(|close| format!("did you mean `{close}`?"));
            diags.push(
                Diagnostic::error(
                    entry.key_span.clone(),
                    format!("no kind `{}` is declared", entry.key),
                )
                .code(Code::InvalidSetting)
                .help(help.unwrap_or_else(|| format!("known kinds: {}", names.join(", ")))),
            );
            continue;
        };
        let Value::Map(declared) = &entry.value.value else {
            diags.push(not_a_mapping(&entry.key, &entry.value, "`name: {type: text}` lines"));
            continue;
        };
        let existing = schema.kinds[kind.index()].fields.clone();
        let added = field::read_all(declared, kind.index(), &names, &existing, diags);
        schema.kinds[kind.index()].fields.extend(added);
    }
}

/// A kind of id `id` with nothing declared yet.
fn placeholder(id: &str) -> Kind {
    Kind {
        id: id.to_owned(),
        home: Home::Folder(id.to_owned()),
        label: Words { da: id.to_owned(), en: id.to_owned() },
        plural: None,
        section: None,
        roles: Vec::new(),
        template: "page.html".to_owned(),
        part: id.to_owned(),
        appendix: false,
        sort_by: None,
        fields: Vec::new(),
    }
}

fn not_a_mapping(key: &str, node: &Node, what: &str) -> Diagnostic {
    Diagnostic::error(
        node.span.clone(),
        format!("`{key}` must be a mapping, not {}", node.value.describe()),
    )
    .code(Code::WrongType)
    .help(format!("write {what} under `{key}:`"))
}

/// One kind's declaration, `entry`, at `index` among `names`.
fn read_kind(
    entry: &Entry,
    index: usize,
    names: &[String],
    diags: &mut Diagnostics,
) -> (Kind, Written) {
    let id = entry.key.as_str();
    let mut kind = placeholder(id);
    let mut written = Written { key: Some(entry.key_span.clone()), ..Written::default() };
    let Value::Map(attrs) = &entry.value.value else {
        diags.push(not_a_mapping(id, &entry.value, "`folder`, `label` and `fields`"));
        return (kind, written);
    };
    let mut r = Reader::new(attrs, entry.key_span.clone(), diags);
    written.roles = roles(&mut r);
    kind.roles = written.roles.iter().map(|(role, _)| *role).collect();
    written.folder = r.node("folder").or_else(|| r.node("file")).map(|n| n.span.clone());
    kind.home = home(&mut r, id, kind.has(Role::Plain));
    kind.label = words(&mut r, "label").unwrap_or_else(|| {
        let name = capitalised(&id.replace('_', " "));
        Words { da: name.clone(), en: name }
    });
    kind.plural = words(&mut r, "plural");
    kind.section = words(&mut r, "section");
    kind.template = r.text("template").unwrap_or(kind.template);
    written.part = r.node("part").map(|n| n.span.clone());
    kind.part = r.text("part").unwrap_or_else(|| match &kind.home {
        Home::Folder(folder) => folder.clone(),
        Home::File(file) => file.strip_suffix(".md").unwrap_or(file).to_owned(),
        Home::Anywhere => id.to_owned(),
    });
    kind.appendix = r.boolean("appendix").unwrap_or(false);
    if let Some(node) = r.node("fields") {
        match &node.value {
            Value::Map(declared) => {
                kind.fields = field::read_all(declared, index, names, &[], r.diags);
            }
            _ => r.diags.push(not_a_mapping(
                "fields",
                node,
                "one `name: {type: text}` line per field",
            )),
        }
    }
    kind.sort_by = sort_by(&mut r, &kind);
    r.finish(&KIND_KEYS);
    (kind, written)
}

/// `roles: [plan]`, each with where it is written.
fn roles(r: &mut Reader<'_>) -> Vec<(Role, Span)> {
    let mut roles = Vec::new();
    for name in r.refs("roles") {
        if let Some((_, role)) = Role::ALL.iter().find(|(n, _)| *n == name.id) {
            roles.push((*role, name.span));
            continue;
        }
        let names = Role::ALL.iter().map(|(n, _)| *n);
        let mut help = format!("roles: {}", names.clone().collect::<Vec<_>>().join(", "));
        if let Some(close) = did_you_mean(&name.id, names) {
            help = format!("did you mean `{close}`? {help}");
        }
        r.diags.push(
            Diagnostic::error(name.span, format!("`{}` is not a role", name.id))
                .code(Code::InvalidValue)
                .help(help),
        );
    }
    roles
}

/// `folder:` or `file:`; a plain kind has neither.
fn home(r: &mut Reader<'_>, id: &str, plain: bool) -> Home {
    let folder = r.text("folder").map(|f| (f, "folder"));
    let file = r.text("file").map(|f| (f, "file"));
    match (folder, file) {
        (Some((name, key)), None) | (None, Some((name, key))) if !plain => {
            let bad = name.is_empty()
                || name.starts_with('.')
                || name.contains(['/', '\\', ':'])
                || (key == "file" && !crate::source::is_markdown(&name));
            if bad {
                let span = r.node(key).map_or_else(|| r.owner_span(), |n| n.span.clone());
                r.diags.push(
                    Diagnostic::error(
                        span,
                        format!("`{name}` is not a {key} name under `content/`"),
                    )
                    .code(Code::InvalidSetting)
                    .help(format!(
                        "name one {key} at the top of `content/`, e.g. `{key}: {id}{}`",
                        if key == "file" { ".md" } else { "s" }
                    )),
                );
            }
            if key == "file" { Home::File(name) } else { Home::Folder(name) }
        }
        (None, None) if plain => Home::Anywhere,
        (None, None) => {
            r.required_text("folder", &format!("{id}s"));
            Home::Folder(id.to_owned())
        }
        _ => {
            r.diags.push(
                Diagnostic::error(
                    r.owner_span(),
                    format!("`{id}` needs one place: a `folder`, a `file`, or the role `plain`"),
                )
                .code(Code::InvalidSetting)
                .help("keep one of them".to_owned()),
            );
            Home::Folder(id.to_owned())
        }
    }
}

/// `label: {da: …, en: …}`: a word in each language; one given serves both.
pub(super) fn words<'a>(r: &mut Reader<'a>, key: &'a str) -> Option<Words> {
    r.mapping(key, words_in).flatten()
}

/// The words `da:` and `en:` of a mapping.
pub(super) fn words_in(w: &mut Reader<'_>) -> Option<Words> {
    let da = w.visible_text("da", None);
    let en = w.visible_text("en", None);
    match (da, en) {
        (Some(da), Some(en)) => Some(Words { da, en }),
        (Some(one), None) | (None, Some(one)) => Some(Words { da: one.clone(), en: one }),
        (None, None) => {
            w.required_text("da", "Megatrend");
            None
        }
    }
}

/// `sort_by: start`: a time or date field of the kind.
fn sort_by(r: &mut Reader<'_>, kind: &Kind) -> Option<usize> {
    let name = r.text("sort_by")?;
    let index =
        kind.field_index(&name).filter(|&i| matches!(kind.fields[i].ty, Type::Time | Type::Date));
    if index.is_none() {
        let span = r.node("sort_by").map_or_else(|| r.owner_span(), |n| n.span.clone());
        r.diags.push(
            Diagnostic::error(
                span,
                format!("`{name}` is not a time or date field of `{}`", kind.id),
            )
            .code(Code::InvalidSetting)
            .help("name a field of type `time` or `date`, or leave `sort_by` out".to_owned()),
        );
    }
    index
}

/// `word` with its first letter in capitals.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// Whether `name` is one of the fields every page has, or a key
/// `strategy.json` gives every page besides them.
pub(super) fn is_common(name: &str) -> bool {
    COMMON_FIELDS.contains(&name) || ["path", "url"].contains(&name)
}
