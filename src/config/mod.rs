//! The project file `stratdoc.yaml`: publication-wide settings, parsed from
//! the text `source::Project::load_config` read, with the same located field
//! checks as pages, so a typo in the config is reported with its line like
//! any content error (but exits 2: nothing can be built). Pure: the files the
//! config names (logo, theme) are checked by the load stage.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::calendar::{Date, Quarter};
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::diagnostics::{SourceId, Sources};
use crate::error::Error;
use crate::fields::Reader;
use crate::frontmatter;
use crate::schema::{Role, Schema};

mod labels;
mod print;
mod web;

pub use labels::{PARTS, Words};
pub(crate) use print::names as print_part_names;
pub use print::{Print, PrintPart};

/// The name of the project file.
pub const FILE: &str = "stratdoc.yaml";

/// UI language: labels, dates, quarters and typographic quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Danish.
    #[default]
    Da,
    /// English.
    En,
}

impl Language {
    /// The BCP 47 tag for `<html lang>`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::En => "en",
        }
    }
}

/// Whether the strategy is a draft or the approved version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Work in progress.
    #[default]
    Draft,
    /// Approved by the board.
    Approved,
}

/// The action plan's horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First quarter.
    pub start: Quarter,
    /// Last quarter.
    pub end: Quarter,
}

impl Period {
    /// The most quarters the roadmap shows, as columns: ten years. Beyond
    /// that its columns are too narrow to read on the board's landscape
    /// page, so a longer period is refused rather than cut.
    pub const MAX_QUARTERS: i32 = 40;

    /// How many quarters `start` to `end` holds, both included.
    #[must_use]
    pub fn quarters(start: Quarter, end: Quarter) -> i32 {
        start.distance(end) + 1
    }
}

/// Settings from `stratdoc.yaml`.
#[derive(Clone, Debug)]
pub struct Config {
    /// The strategy's title.
    pub title: String,
    /// Subtitle (`Strategi 2027–2030`).
    pub subtitle: Option<String>,
    /// Who publishes it.
    pub organisation: Option<String>,
    /// UI language.
    pub language: Language,
    /// Version label.
    pub version: Option<String>,
    /// Draft or approved.
    pub status: Status,
    /// Date of approval (or planned approval).
    pub approved: Option<Date>,
    /// The action plan's horizon.
    pub period: Option<Period>,
    /// The "now" of the plan, as written (`as_of: 2027-Q3`); when absent the
    /// pipeline takes the quarter of the build date.
    pub as_of: Option<Quarter>,
    /// Where the site will be served from (`/strategi/`); links are relative
    /// anyway, so this only feeds the 404 page, which is served at any depth.
    /// The path of `base_url` when that is given.
    pub base_path: String,
    /// The address the site is published at (`https://strategi.example.dk/`,
    /// always ending in `/`): canonical links, Open Graph and the sitemap
    /// need absolute addresses, so they exist only with it.
    pub base_url: Option<String>,
    /// The address of the organisation's accessibility statement, linked in
    /// every footer.
    pub accessibility_statement: Option<String>,
    /// A logo file, relative to the project root, as written.
    pub logo: Option<String>,
    /// Where the `logo:` value is written.
    pub logo_at: Option<Span>,
    /// The logo file on disk, checked to be a file inside the project.
    pub logo_file: Option<PathBuf>,
    /// Theme name: `default` (built in) or a folder under `themes/`; always
    /// a plain folder name.
    pub theme: String,
    /// Where the `theme:` value is written.
    pub theme_at: Option<Span>,
    /// Whether raw HTML in Markdown is passed through (`CommonMark`) or escaped.
    pub allow_html: bool,
    /// ISO 4217 code of the currency budgets are in (`DKK`).
    pub currency: String,
    /// The organisation's own words for the parts, in this language.
    pub labels: std::collections::BTreeMap<&'static str, Words>,
    /// What the board edition holds, in which order (`print:`).
    pub print: Print,
    /// The kinds of page, with the organisation's words for them
    /// (`labels:`) in this language.
    pub schema: Arc<Schema>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: String::new(),
            subtitle: None,
            organisation: None,
            language: Language::Da,
            version: None,
            status: Status::Draft,
            approved: None,
            period: None,
            as_of: None,
            base_path: "/".to_owned(),
            base_url: None,
            accessibility_statement: None,
            logo: None,
            logo_at: None,
            logo_file: None,
            theme: "default".to_owned(),
            theme_at: None,
            allow_html: true,
            currency: "DKK".to_owned(),
            labels: std::collections::BTreeMap::new(),
            print: Print::default_for(&Schema::builtin()),
            schema: Schema::builtin(),
        }
    }
}

const KEYS: [&str; 18] = [
    "title",
    "subtitle",
    "organisation",
    "language",
    "version",
    "status",
    "approved",
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
];

/// `stratdoc.yaml`, read into [`Sources`] and ready for `config::parse`.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// Its text in [`Sources`].
    pub id: SourceId,
    /// Its path, for the final "invalid configuration" line.
    pub path: PathBuf,
}

/// Parses the text of `stratdoc.yaml`. Problems in it are recorded in
/// `diags`; any error makes the whole parse fail with [`Error::Config`].
pub fn parse(
    file: &ConfigFile,
    sources: &Sources,
    diags: &mut Diagnostics,
) -> Result<Config, Error> {
    let errors_before = diags.errors();
    let text = &sources.get(file.id).text;
    let fields = frontmatter::parse_yaml(file.id, text, 0..text.len(), diags).unwrap_or_default();
    let whole = Span::new(file.id, 0..text.find('\n').unwrap_or(text.len()));
    let config = read(&fields, whole, diags);
    if diags.errors() > errors_before { Err(Error::Config(file.path.clone())) } else { Ok(config) }
}

fn read(fields: &[frontmatter::Field], whole: Span, diags: &mut Diagnostics) -> Config {
    let mut r = Reader::new(fields, whole, diags);
    let defaults = Config::default();
    let title = r.visible_text("title", Some("Fælles om digital velfærd")).unwrap_or_default();
    let language =
        r.choice("language", &[("da", Language::Da), ("en", Language::En)]).unwrap_or_default();
    let status = r
        .choice("status", &[("draft", Status::Draft), ("approved", Status::Approved)])
        .unwrap_or_default();
    let approved = r.date("approved");
    let period = period(&mut r);
    let base_url = web::base_url(&mut r);
    let config = Config {
        title,
        subtitle: r.visible_text("subtitle", None),
        organisation: r.visible_text("organisation", None),
        language,
        version: r.text_or_number("version"),
        status,
        approved,
        period,
        as_of: r.quarter("as_of").map(|q| q.0),
        base_path: base_path(&mut r, base_url.as_deref()).unwrap_or(defaults.base_path),
        base_url,
        accessibility_statement: web::accessibility_statement(&mut r),
        logo: r.text("logo"),
        logo_at: r.node("logo").map(|n| n.span.clone()),
        logo_file: None,
        theme: theme(&mut r).unwrap_or(defaults.theme),
        theme_at: r.node("theme").map(|n| n.span.clone()),
        allow_html: r.boolean("allow_html").unwrap_or(defaults.allow_html),
        currency: currency(&mut r).unwrap_or(defaults.currency),
        labels: labels::read(&mut r, language),
        print: print::read(&mut r, &defaults.schema).unwrap_or(defaults.print),
        schema: defaults.schema,
    };
    let config = Config { schema: Arc::new(worded(&config)), ..config };
    r.finish(&KEYS);
    config
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
            ));
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
                .help("set `period` to the action plan's horizon, ten years at most; initiatives outside it are shown at its edges, marked".to_owned()),
            );
            return None;
        }
        Some(Period { start: start.0, end: end.0 })
    })
    .flatten()
}

/// The schema with the organisation's words for the kinds (`labels:`) in
/// the config's language: a kind by its id, the plan's section as `plan`.
fn worded(config: &Config) -> Schema {
    let mut schema = (*config.schema).clone();
    for (part, words) in &config.labels {
        if let Some(kind) = schema.find(part) {
            schema.set_words(kind, config.language, &words.singular, words.plural.as_deref());
        } else if let (&"plan", Some(kind)) = (part, schema.with_role(Role::Plan)) {
            schema.set_section(kind, config.language, &words.singular);
        }
    }
    schema
}

/// `currency: DKK`: three capital letters, as ISO 4217 writes currencies.
fn currency(r: &mut Reader<'_>) -> Option<String> {
    let code = r.text("currency")?;
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Some(code);
    }
    let span = r.node("currency").map(|n| n.span.clone())?;
    r.diags.push(Diagnostic::error(span, format!("`{code}` is not a currency code")).help(
        "write the ISO 4217 code in capitals, e.g. `currency: DKK` or `currency: EUR`".to_owned(),
    ));
    None
}

/// The `theme:` value, if it is a plain folder name: a theme is always
/// `themes/NAME/` inside the project, never a path that could lead elsewhere.
fn theme(r: &mut Reader<'_>) -> Option<String> {
    let name = r.text("theme")?;
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control);
    if plain {
        return Some(name);
    }
    let node = r.node("theme")?;
    r.diags.push(
        Diagnostic::error(node.span.clone(), format!("`{name}` is not a theme name"))
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
        Diagnostic::error(span, format!("the path in `{key}` {why}")).help(
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

#[cfg(test)]
mod tests;
