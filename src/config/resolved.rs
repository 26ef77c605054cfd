//! The settings the stages use, resolved from [`RawConfig`]: every setting
//! left out given its default, the organisation's words for the kinds put
//! into the schema, and the logo joined with the file the load stage found.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::calendar::{Date, Quarter};
use crate::config::{Brand, Language, Period, Print, RawConfig, Status, Words};
use crate::schema::{Role, Schema};

/// The logo: the file `logo:` names.
#[derive(Clone, Debug)]
pub struct Logo {
    /// Its path relative to the project root, as written.
    pub path: String,
    /// The file on disk, checked to be a file inside the project.
    pub file: PathBuf,
}

/// The settings the stages use: `stratdoc.yaml` with every default
/// applied, the organisation's words in the schema and the logo found.
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
    /// Who approved it, as the cover says; the board when not given.
    pub approved_by: Option<String>,
    /// The version the board approved on `approved`, when the current
    /// `version` may be a later revision of it (`approved_version:`).
    pub approved_version: Option<String>,
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
    /// The logo, checked by the load stage to be a file inside the project.
    pub logo: Option<Logo>,
    /// Theme name: `default` (built in) or a folder under `themes/`; always
    /// a plain folder name.
    pub theme: String,
    /// Whether raw HTML in Markdown is passed through (`CommonMark`) or escaped.
    pub allow_html: bool,
    /// ISO 4217 code of the currency budgets are in (`DKK`).
    pub currency: String,
    /// The organisation's own words for the parts, in this language.
    pub labels: BTreeMap<&'static str, Words>,
    /// What the board edition holds, in which order (`print:`).
    pub print: Print,
    /// Keys pages may carry that stratdoc leaves alone, unreported
    /// (`ignore_fields:`): another tool's, in documents brought in.
    pub ignore_fields: Vec<String>,
    /// The revision the build compares with (`compare_to:`), unless the
    /// command line names another.
    pub compare_to: Option<String>,
    /// The organisation's colours and typeface (`brand:`), applied by the
    /// theme's `brand.css`.
    pub brand: Option<Brand>,
    /// Whether the organisation's stylesheet (`extra_css:`) follows the theme's.
    pub extra_css: bool,
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
            approved_by: None,
            approved_version: None,
            period: None,
            as_of: None,
            base_path: "/".to_owned(),
            base_url: None,
            accessibility_statement: None,
            logo: None,
            theme: "default".to_owned(),
            allow_html: true,
            currency: "DKK".to_owned(),
            labels: BTreeMap::new(),
            print: Print::default_for(&Schema::builtin()),
            ignore_fields: Vec::new(),
            compare_to: None,
            brand: None,
            extra_css: false,
            schema: Schema::builtin(),
        }
    }
}

impl RawConfig {
    /// The settings with every default applied; `logo_file` is the file the
    /// load stage found for `logo:`.
    #[must_use]
    pub fn resolve(&self, logo_file: Option<PathBuf>) -> Config {
        let defaults = Config::default();
        let schema = self.schema.clone().unwrap_or(defaults.schema);
        let logo = self.logo.as_ref().zip(logo_file);
        let config = Config {
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            organisation: self.organisation.clone(),
            language: self.language.unwrap_or(defaults.language),
            version: self.version.clone(),
            status: self.status.unwrap_or(defaults.status),
            approved: self.approved,
            approved_by: self.approved_by.clone(),
            approved_version: self.approved_version.clone(),
            period: self.period,
            as_of: self.as_of,
            base_path: self.base_path.clone().unwrap_or(defaults.base_path),
            base_url: self.base_url.clone(),
            accessibility_statement: self.accessibility_statement.clone(),
            logo: logo.map(|(written, file)| Logo { path: written.text.clone(), file }),
            theme: self.theme.as_ref().map_or(defaults.theme, |t| t.text.clone()),
            allow_html: self.allow_html.unwrap_or(defaults.allow_html),
            currency: self.currency.clone().unwrap_or(defaults.currency),
            labels: self.labels.clone(),
            print: self.print.clone().unwrap_or_else(|| Print::default_for(&schema)),
            ignore_fields: self.ignore_fields.clone(),
            compare_to: self.compare_to.clone(),
            brand: self.brand.clone(),
            extra_css: self.extra_css.is_some(),
            schema,
        };
        Config { schema: Arc::new(worded(&config)), ..config }
    }
}

impl Config {
    /// The version the board approved, when the one published is a later
    /// revision of it (`approved_version:` differs from `version:` in an
    /// approved strategy): the approval is that version's, not this one's.
    #[must_use]
    pub fn revised_from(&self) -> Option<&str> {
        let approved = self.approved_version.as_deref()?;
        let revised = self.status == Status::Approved && self.version.as_deref() != Some(approved);
        revised.then_some(approved)
    }
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
