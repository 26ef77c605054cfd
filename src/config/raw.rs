//! `stratdoc.yaml` as read: each setting as the writer wrote it (absent
//! when left out), checked at its line, with where the settings the load
//! stage checks against the disk (the logo, the theme) are written. No
//! defaults are applied here; [`RawConfig::resolve`] does that.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::calendar::{Date, Quarter};
use crate::config::{Brand, Language, Period, Status, Words, brand, kinds, labels, print, web};
use crate::config::{Print, Written};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use crate::fields::Reader;
use crate::frontmatter::{self, Value};
use crate::schema::{COMMON_FIELDS, Schema};

/// What `stratdoc.yaml` says, as read and checked.
#[derive(Clone, Debug, Default)]
pub struct RawConfig {
    /// `title:` (required: empty when it is missing, which is an error).
    pub title: String,
    /// `subtitle:`.
    pub subtitle: Option<String>,
    /// `organisation:`.
    pub organisation: Option<String>,
    /// `language:`.
    pub language: Option<Language>,
    /// `version:`, a text or a number as written.
    pub version: Option<String>,
    /// `status:`.
    pub status: Option<Status>,
    /// `approved:`.
    pub approved: Option<Date>,
    /// `approved_by:` in the configured language: who approved it, as the
    /// cover says (»Godkendt af byrådet«).
    pub approved_by: Option<String>,
    /// `approved_version:`, a text or a number as written.
    pub approved_version: Option<String>,
    /// `period:`.
    pub period: Option<Period>,
    /// `as_of:`.
    pub as_of: Option<Quarter>,
    /// `base_path:`, normalised (`/strategi/`), or the path of `base_url`.
    pub base_path: Option<String>,
    /// `base_url:`, ending in `/`.
    pub base_url: Option<String>,
    /// `accessibility_statement:`.
    pub accessibility_statement: Option<String>,
    /// `logo:`, a path relative to the project root.
    pub logo: Option<Written>,
    /// `theme:`, a plain folder name.
    pub theme: Option<Written>,
    /// `allow_html:`.
    pub allow_html: Option<bool>,
    /// `currency:`, an ISO 4217 code.
    pub currency: Option<String>,
    /// `labels:`: the organisation's words for the parts, in the configured
    /// language.
    pub labels: BTreeMap<&'static str, Words>,
    /// `print:`.
    pub print: Option<Print>,
    /// `ignore_fields:`.
    pub ignore_fields: Vec<String>,
    /// `compare_to:`, a git revision.
    pub compare_to: Option<String>,
    /// `brand:` (its `logo:` is in `logo`).
    pub brand: Option<Brand>,
    /// `extra_css:`, a stylesheet in the project read after the theme's.
    pub extra_css: Option<Written>,
    /// The built-in kinds with those `kinds:` declares and the fields
    /// `extend:` adds; `None` for the built-in kinds alone.
    pub schema: Option<Arc<Schema>>,
}

/// The keys `stratdoc.yaml` may hold; any other is reported as unknown.
const KEYS: [&str; 26] = [
    "title",
    "subtitle",
    "organisation",
    "language",
    "version",
    "status",
    "approved",
    "approved_by",
    "approved_version",
    "period",
    "as_of",
    "base_path",
    "base_url",
    "accessibility_statement",
    "logo",
    "theme",
    "allow_html",
    "currency",
    "labels",
    "print",
    "ignore_fields",
    "compare_to",
    "brand",
    "extra_css",
    "kinds",
    "extend",
];

/// Reads the settings in `fields`, each problem to `diags` at its line.
pub(super) fn read(
    fields: &[frontmatter::Field],
    whole: Span,
    diags: &mut Diagnostics,
) -> RawConfig {
    let mut r = Reader::new(fields, whole, diags);
    let title = r.visible_text("title", Some("Fælles om digital velfærd")).unwrap_or_default();
    let language = r.choice("language", &[("da", Language::Da), ("en", Language::En)]);
    let status = r.choice("status", &[("draft", Status::Draft), ("approved", Status::Approved)]);
    let approved = r.date("approved");
    let approved_by = approved_by(&mut r, language.unwrap_or_default());
    let period = period(&mut r);
    let base_url = web::base_url(&mut r);
    // Read first: `print:` and `ignore_fields:` may name what they declare.
    let declared = kinds::read(&mut r);
    let schema = declared.clone().unwrap_or_else(Schema::builtin);
    let raw = RawConfig {
        title,
        subtitle: r.visible_text("subtitle", None),
        organisation: r.visible_text("organisation", None),
        language,
        version: r.text_or_number("version"),
        status,
        approved,
        approved_by,
        approved_version: r.text_or_number("approved_version"),
        period,
        as_of: r.quarter("as_of").map(|q| q.0),
        base_path: base_path(&mut r, base_url.as_deref()),
        base_url,
        accessibility_statement: web::accessibility_statement(&mut r),
        logo: None,
        theme: theme(&mut r),
        allow_html: r.boolean("allow_html"),
        currency: currency(&mut r),
        labels: labels::read(&mut r, language.unwrap_or_default()),
        print: print::read(&mut r, &schema),
        ignore_fields: ignore_fields(&mut r, &schema),
        compare_to: r.spanned_text("compare_to").map(|(text, _)| text),
        brand: None,
        extra_css: r.spanned_text("extra_css").map(|(text, at)| Written { text, at }),
        schema: declared,
    };
    let (logo, brand) = logo_and_brand(&mut r);
    let raw = RawConfig { logo, brand, ..raw };
    r.finish(&KEYS);
    raw
}

/// `logo:` and `brand:`, whose own `logo:` is the same setting: one of the
/// two may give it.
fn logo_and_brand(r: &mut Reader<'_>) -> (Option<Written>, Option<Brand>) {
    let logo = r.spanned_text("logo").map(|(text, at)| Written { text, at });
    let Some(mut brand) = brand::read(r) else { return (logo, None) };
    let logo = match (logo, brand.logo.take()) {
        (Some(first), Some(second)) => {
            r.diags.push(
                Diagnostic::error(second.at, "the logo is given twice: in `logo:` and in `brand:`")
                    .code(Code::InvalidValue)
                    .also(first.at.clone(), "first given here")
                    .help("keep one of them".to_owned()),
            );
            Some(first)
        }
        (first, second) => first.or(second),
    };
    (logo, Some(brand))
}

/// `period: {start, end}`: the action plan's horizon, in quarters.
fn period(r: &mut Reader<'_>) -> Option<Period> {
    r.mapping("period", |p| {
        let start = p.quarter("start");
        let end = p.quarter("end");
        if start.is_none() && p.node("start").is_none() {
            p.required_text("start", "2027-Q1");
        }
        if end.is_none() && p.node("end").is_none() {
            p.required_text("end", "2028-Q2");
        }
        let (start, end) = (start?, end?);
        if end.0 < start.0 {
            p.diags.push(Diagnostic::error(
                end.1,
                format!("the period ends ({}) before it starts ({})", end.0, start.0),
            ).code(Code::EndBeforeStart));
            return None;
        }
        let quarters = Period::quarters(start.0, end.0);
        if quarters > Period::MAX_QUARTERS {
            p.diags.push(
                Diagnostic::error(
                    end.1,
                    format!(
                        "the period runs {quarters} quarters, from {} to {}: more than the {} the roadmap shows",
                        start.0,
                        end.0,
                        Period::MAX_QUARTERS
                    ),
                )
                .code(Code::PlanTooLong)
                .help("set `period` to the action plan's horizon, ten years at most; initiatives outside it are shown at its edges, marked".to_owned()),
            );
            return None;
        }
        Some(Period { start: start.0, end: end.0 })
    })
    .flatten()
}

/// `ignore_fields: [weight, aliases]`: keys pages may carry that stratdoc
/// leaves alone. A field stratdoc reads stays read: naming one here is a
/// warning, as it quietens nothing.
fn ignore_fields(r: &mut Reader<'_>, schema: &Schema) -> Vec<String> {
    let keys = r.spanned_texts("ignore_fields");
    for (key, span) in &keys {
        let read = COMMON_FIELDS.contains(&key.as_str())
            || schema.kinds().any(|(_, kind)| kind.field_index(key).is_some());
        if read {
            r.diags.push(
                Diagnostic::warning(span.clone(), format!("`{key}` is a field stratdoc reads"))
                    .code(Code::InvalidSetting)
                    .label("it is read and checked all the same")
                    .help(
                        "list only keys stratdoc does not use, such as another tool's `weight`"
                            .to_owned(),
                    ),
            );
        }
    }
    keys.into_iter().map(|(key, _)| key).collect()
}

/// `approved_by:`, text or one text per language (`{da: …, en: …}`, as
/// `labels:` may be), in `language`.
fn approved_by(r: &mut Reader<'_>, language: Language) -> Option<String> {
    let per_language = matches!(r.node("approved_by")?.value, Value::Map(_));
    if !per_language {
        return r.visible_text("approved_by", Some("Godkendt af byrådet"));
    }
    r.mapping("approved_by", |m| {
        let da = m.visible_text("da", Some("Godkendt af byrådet"));
        let en = m.visible_text("en", Some("Approved by the city council"));
        if language == Language::Da { da } else { en }
    })
    .flatten()
}

/// `currency: DKK`: three capital letters, as ISO 4217 writes currencies.
fn currency(r: &mut Reader<'_>) -> Option<String> {
    let code = r.text("currency")?;
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Some(code);
    }
    let span = r.node("currency").map(|n| n.span.clone())?;
    r.diags.push(
        Diagnostic::error(span, format!("`{code}` is not a currency code"))
            .code(Code::InvalidSetting)
            .help(
                "write the ISO 4217 code in capitals, e.g. `currency: DKK` or `currency: EUR`"
                    .to_owned(),
            ),
    );
    None
}

/// The `theme:` value, if it is a plain folder name: a theme is always
/// `themes/NAME/` inside the project, never a path that could lead elsewhere.
fn theme(r: &mut Reader<'_>) -> Option<Written> {
    let (name, at) = r.spanned_text("theme")?;
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control);
    if plain {
        return Some(Written { text: name, at });
    }
    r.diags.push(
        Diagnostic::error(at, format!("`{name}` is not a theme name")).code(Code::InvalidSetting)
            .help("name a folder in the project's `themes/` folder, e.g. `theme: kdf`; paths are not allowed".to_owned()),
    );
    None
}

/// `base_path:`, or the path of `base_url`; both given, they must agree,
/// or the 404 page's links would lead somewhere else than the site.
fn base_path(r: &mut Reader<'_>, base_url: Option<&str>) -> Option<String> {
    let from_url = match base_url.map(web::path_of) {
        Some(path) => Some(normalise_base_path(checked_path(r, "base_url", path)?)),
        None => None,
    };
    let Some(written) = r.text("base_path") else { return from_url };
    let written = normalise_base_path(checked_path(r, "base_path", &written)?);
    match from_url {
        Some(from_url) if from_url != written => {
            let span = r.node("base_path")?.span.clone();
            r.diags.push(
                Diagnostic::error(
                    span,
                    format!("`base_path` is `{written}`, but `base_url` is served at `{from_url}`"),
                )
                .code(Code::InvalidSetting)
                .help("leave out `base_path`: `base_url` sets it".to_owned()),
            );
            Some(from_url)
        }
        _ => Some(written),
    }
}

/// `path`, if it can be where the site is served; else an error at `key`.
fn checked_path<'p>(r: &mut Reader<'_>, key: &'static str, path: &'p str) -> Option<&'p str> {
    let Some(why) = web::path_problem(path) else { return Some(path) };
    let span = r.node(key).map_or_else(|| r.owner_span(), |n| n.span.clone());
    r.diags.push(
        Diagnostic::error(span, format!("the path in `{key}` {why}"))
            .code(Code::InvalidAddress)
            .help(
                "write the one path the site is served at, e.g. `base_path: /strategi/`".to_owned(),
            ),
    );
    None
}

/// `strategi` -> `/strategi/`.
fn normalise_base_path(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() { "/".to_owned() } else { format!("/{trimmed}/") }
}
