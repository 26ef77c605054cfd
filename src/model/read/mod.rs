//! Reads one page's frontmatter into a [`Draft`]: kind, id, URL, the fields
//! every page has and the fields its kind declares (read by `value`, one
//! reader per type), with a diagnostic for every field that is wrong.
//! References to other pages stay as written here; `resolve` checks them.

mod structured;
mod value;

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use crate::fields::Reader;
use crate::model::plan::{PlanFields, check_page};
use crate::model::url::{stem, url_of, without_md};
use crate::model::{Page, Parsed};
use crate::schema::{COMMON_FIELDS, KindId, Role, Schema};

/// A page as read from its own file, before references to other pages are
/// checked: its reference fields hold the ids as written.
#[derive(Clone, Debug)]
pub(super) struct Draft {
    pub(super) page: Page,
    /// Where `number:` is written.
    pub(super) number_at: Option<Span>,
}

/// Reads `parsed` into a draft page. Always returns one when there is
/// frontmatter, with fallbacks where fields are wrong, so the cross-page
/// checks can still run on it.
pub(super) fn read(parsed: &Parsed, config: &Config, diags: &mut Diagnostics) -> Option<Draft> {
    let fm = parsed.frontmatter.as_ref()?;
    let schema = &config.schema;
    let mut r = Reader::new(&fm.fields, fm.open.clone(), diags);
    r.ignore(&config.ignore_fields);
    let kind = read_kind(&mut r, schema).unwrap_or_else(|| schema.kind_of_path(&parsed.path));
    let plain = schema.is(kind, Role::Plain);
    if plain {
        r.lenient();
    }
    let (title, title_in_body) = if plain {
        plain_title(&mut r, parsed)
    } else {
        let stem = stem(&parsed.path);
        (r.required_text("title", "Cyberrobusthed").unwrap_or_else(|| stem.to_owned()), false)
    };
    let summary = r.text("summary");
    let number = r.text_or_number("number");
    let number_at = r.node("number").map(|n| n.span.clone());
    let order = r.integer("order");
    let draft = r.boolean("draft").unwrap_or(false);
    // A plain page is known by its path, so `a/index.md` and `b/index.md`
    // (or two `notes.md` in different folders) live side by side.
    let default_id = if plain { without_md(&parsed.path) } else { stem(&parsed.path) };
    let (id, id_span) = read_id(&mut r, default_id, &fm.open);
    let declared = schema.kind(kind);
    let values = declared
        .fields
        .iter()
        .map(|f| value::read(&mut r, schema, declared, f, &parsed.path))
        .collect();
    let sources = structured::sources(&mut r);
    let mut known: Vec<&str> = COMMON_FIELDS.to_vec();
    known.extend(declared.fields.iter().map(|f| f.name.as_str()));
    r.finish(&known);
    let page = Page {
        source: parsed.source,
        path: parsed.path.clone(),
        kind,
        id,
        id_span,
        url: url_of(&parsed.path, schema.is(kind, Role::Front)),
        title,
        number,
        title_in_body,
        summary,
        order,
        draft,
        body: fm.body.clone(),
        sources,
        values,
    };
    if let Some(plan) = PlanFields::of(schema).filter(|p| p.kind == kind) {
        check_page(&page, &plan, config, diags);
    }
    Some(Draft { page, number_at })
}

/// `kind:`, by its id; a kind written as the site names it (`Initiativ`,
/// or the organisation's `Indsats`) is told its id.
fn read_kind(r: &mut Reader<'_>, schema: &Schema) -> Option<KindId> {
    let kinds: Vec<(&str, KindId)> = schema.kinds().map(|(id, k)| (k.id.as_str(), id)).collect();
    let words: Vec<(&str, &str)> = schema
        .kinds()
        .flat_map(|(_, k)| {
            let shown = [&k.label].into_iter().chain(&k.plural);
            shown.flat_map(|w| [w.da.as_str(), w.en.as_str()]).map(|w| (w, k.id.as_str()))
        })
        .collect();
    r.choice_or_word("kind", &kinds, &words)
}

/// A plain page's title: `title:`, else its first `#` heading, else its file
/// name (with a warning): documents brought in from elsewhere often carry
/// their title as a heading, or none at all.
fn plain_title(r: &mut Reader<'_>, parsed: &Parsed) -> (String, bool) {
    if r.node("title").is_some() {
        return (r.text("title").unwrap_or_else(|| stem(&parsed.path).to_owned()), false);
    }
    if let Some(heading) = &parsed.heading {
        return (heading.clone(), true);
    }
    let name = title_from_file_name(stem(&parsed.path));
    let span = Span::new(parsed.source, 0..0);
    r.diags.push(
        Diagnostic::warning(span, format!("`content/{}` has no title", parsed.path))
            .code(Code::UntitledPage)
            .label(format!("shown as “{name}”"))
            .help(
                "add `title: …` to the frontmatter, or start the text with a `# Heading`"
                    .to_owned(),
            ),
    );
    (name, false)
}

/// `getting-started` -> `Getting started`.
fn title_from_file_name(stem: &str) -> String {
    let words = stem.replace(['-', '_'], " ");
    let words = words.trim();
    let mut chars = words.chars();
    chars.next().map_or_else(
        || stem.to_owned(),
        |first| first.to_uppercase().chain(chars).collect::<String>(),
    )
}

fn read_id(r: &mut Reader<'_>, stem: &str, open: &Span) -> (String, Span) {
    let span = r.node("id").map(|n| n.span.clone());
    match (r.text("id"), span) {
        (Some(id), Some(span)) if valid_id(&id) => (id, span),
        (Some(id), Some(span)) => {
            r.diags.push(
                Diagnostic::error(span.clone(), format!("`{id}` is not a usable id"))
                    .code(Code::InvalidId)
                    .help(
                        "use letters, digits, `-` and `_` only, e.g. `cyberrobusthed`".to_owned(),
                    ),
            );
            (id, span)
        }
        _ => (stem.to_owned(), open.clone()),
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}
