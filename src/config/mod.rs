//! The project file `stratdoc.yaml`: publication-wide settings, parsed from
//! the text `source::Project::load_config` read, with the same located field
//! checks as pages, so a typo in the config is reported with its line like
//! any content error (but exits 2: nothing can be built). Pure: the files the
//! config names (logo, theme) are checked by the load stage.

use std::path::PathBuf;

use serde::Serialize;

use crate::calendar::{Date, Quarter};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use crate::diagnostics::{SourceId, Sources};
use crate::error::Error;
use crate::fields::Reader;
use crate::frontmatter;

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
            print: Print::default(),
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
    let approved = approved(&mut r);
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
        print: print::read(&mut r).unwrap_or(defaults.print),
    };
    r.finish(&KEYS);
    config
}

/// `approved: 2026-12-10`, the date of (planned) board approval.
fn approved(r: &mut Reader<'_>) -> Option<Date> {
    r.node("approved").and_then(|node| {
        let text = match &node.value {
            frontmatter::Value::Str(s) => s.clone(),
            other => other.describe().to_owned(),
        };
        let date = Date::parse(&text);
        if date.is_none() {
            let diag = crate::fields::early_year(node, "approved").unwrap_or_else(|| {
                Diagnostic::error(node.span.clone(), format!("`{text}` is not a date"))
                    .code(Code::InvalidDate)
                    .help("write the date as YYYY-MM-DD, e.g. `approved: 2026-12-10`".to_owned())
            });
            r.diags.push(diag);
        }
        date
    })
}

/// `period: {start, end}`: the action plan's horizon, in quarters.
fn period(r: &mut Reader<'_>) -> Option<Period> {
    r
        .mapping("period", |p| {
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
                    ).code(Code::PlanTooLong)
                    .help("set `period` to the action plan's horizon, ten years at most; initiatives outside it are shown at its edges, marked".to_owned()),
                );
                return None;
            }
            Some(Period { start: start.0, end: end.0 })
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
        Diagnostic::error(node.span.clone(), format!("`{name}` is not a theme name")).code(Code::InvalidSetting)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> (Config, Diagnostics, Sources) {
        let mut sources = Sources::default();
        let mut diags = Diagnostics::new();
        let id = sources.add(FILE, text);
        let fields =
            frontmatter::parse_yaml(id, text, 0..text.len(), &mut diags).unwrap_or_default();
        let config = read(&fields, Span::new(id, 0..1), &mut diags);
        (config, diags, sources)
    }

    #[test]
    fn reads_every_key() {
        let (c, diags, _) = read_text(
            "title: T\nsubtitle: S\norganisation: O\nlanguage: en\nversion: 1.0\nstatus: approved\napproved: 2026-02-28\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\nbase_path: strategi\nlogo: l.svg\ntheme: mine\nallow_html: false\n",
        );
        assert!(diags.items().is_empty(), "{diags:?}");
        assert_eq!(
            (c.language, c.status, c.version.as_deref()),
            (Language::En, Status::Approved, Some("1.0"))
        );
        assert_eq!(c.approved.map(|d| d.to_string()).as_deref(), Some("2026-02-28"));
        assert_eq!(c.period.map(|p| p.end.to_string()).as_deref(), Some("2028-Q2"));
        assert_eq!(
            (c.base_path.as_str(), c.theme.as_str(), c.allow_html),
            ("/strategi/", "mine", false)
        );
    }

    #[test]
    fn reports_each_problem_at_its_line() {
        let (_, diags, sources) = read_text(
            "title: T\nlanguage: dk\napproved: 2026-02-30\nperiod:\n  start: 2028-Q1\n  end: 2027-Q4\ntitel: x\n",
        );
        let found: Vec<(usize, String)> = diags
            .items()
            .iter()
            .map(|d| {
                let span = &d.primary.as_ref().unwrap().span;
                (sources.line_col(span.source, span.range.start).0, d.message.clone())
            })
            .collect();
        assert_eq!(
            found,
            [
                (2, "`dk` is not a valid `language`".to_owned()),
                (3, "`2026-02-30` is not a date".to_owned()),
                (6, "the period ends (2027-Q4) before it starts (2028-Q1)".to_owned()),
                (7, "unknown field `titel`".to_owned()),
            ]
        );
        assert_eq!(diags.items()[3].help.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn base_url_sets_the_base_path_and_must_agree_with_one_written() {
        let (c, diags, _) = read_text(
            "title: T\nbase_url: https://a.dk/strategi\naccessibility_statement: https://www.was.digst.dk/a-dk\n",
        );
        assert!(diags.items().is_empty(), "{diags:?}");
        assert_eq!(c.base_url.as_deref(), Some("https://a.dk/strategi/"));
        assert_eq!(c.base_path, "/strategi/");
        assert_eq!(c.accessibility_statement.as_deref(), Some("https://www.was.digst.dk/a-dk"));

        let (c, diags, sources) =
            read_text("title: T\nbase_url: https://a.dk/strategi/\nbase_path: /other/\n");
        let d = &diags.items()[0];
        let span = &d.primary.as_ref().unwrap().span;
        assert_eq!(sources.line_col(span.source, span.range.start), (3, 12));
        assert_eq!(d.message, "`base_path` is `/other/`, but `base_url` is served at `/strategi/`");
        assert_eq!(c.base_path, "/strategi/");
    }

    #[test]
    fn web_addresses_in_the_config_are_reported_at_their_line() {
        let (c, diags, sources) = read_text(
            "title: T\nbase_url: strategi.a.dk\naccessibility_statement: \"https://was.digst.dk/a b\"\nbase_path: /x/\n",
        );
        let found: Vec<((usize, usize), &str)> = diags
            .items()
            .iter()
            .map(|d| {
                let span = &d.primary.as_ref().unwrap().span;
                (sources.line_col(span.source, span.range.start), d.message.as_str())
            })
            .collect();
        assert_eq!(
            found,
            [
                ((2, 11), "`strategi.a.dk` is not a web address"),
                (
                    (3, 26),
                    "`https://was.digst.dk/a b` contains a space or a character a web address cannot hold"
                ),
            ]
        );
        assert_eq!((c.base_url, c.base_path.as_str()), (None, "/x/"));
        let (_, diags, _) = read_text("title: T\nbase_url: https://a.dk/?x=1\n");
        assert!(
            diags.items()[0]
                .message
                .ends_with("has a query or a fragment; a site's address has none")
        );
    }

    #[test]
    fn a_theme_is_a_folder_name_never_a_path() {
        for bad in ["../x", "/tmp/x", "a/b", "a\\\\b", "C:x", ".", "..", ".hidden", "\"\""] {
            let (_, diags, sources) = read_text(&format!("title: T\ntheme: {bad}\n"));
            let d = &diags.items()[0];
            let span = &d.primary.as_ref().unwrap().span;
            assert_eq!(sources.line_col(span.source, span.range.start), (2, 8), "{bad}");
            assert!(d.message.ends_with("is not a theme name"), "{bad}: {}", d.message);
        }
        let (c, diags, _) = read_text("title: T\ntheme: kdf-2027\n");
        assert!(diags.items().is_empty());
        assert_eq!(c.theme, "kdf-2027");
    }
}
