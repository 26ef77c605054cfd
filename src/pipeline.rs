//! The driver: every stage in order, from a project folder to the site's
//! files in memory. Nothing here writes; `build` and `check` differ only in
//! whether the caller writes the result (and `serve` will keep it in memory).
//!
//! 1. `source` reads the project (the only input I/O, every input held to
//!    the inside-the-project rule): `stratdoc.yaml`, parsed by `config`, the
//!    logo, `content/` and the theme with `templates/`, which become `Templates`;
//! 2. `frontmatter::parse` splits and parses each page, in parallel;
//! 3. `model::validate` checks fields and cross-references into a `Publication`;
//! 4. `markdown::parse` reads each body once; its heading levels are checked
//!    (`markdown::check_levels`), and raw HTML that brings in another
//!    document is refused (`framing`); `xref::resolve` checks its links;
//! 5. `markdown::to_html` and `render::site` produce the output files;
//!    `render::exports` adds the JSON, CSV and calendar exports, and
//!    `render::print` the board edition, `print.html`.
//!
//! Content problems are collected in `diags` all the way through; the run
//! stops before rendering if any of them is an error.

use std::path::Path;

use rayon::prelude::*;

use crate::artifact::OutputFile;
use crate::calendar::{Date, Quarter};
use crate::config::{self, Config};
use crate::data;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::Sources;
use crate::error::Error;
use crate::framing;
use crate::frontmatter;
use crate::markdown::{self, HtmlOptions};
use crate::model::{self, Kind, Parsed, Publication};
use crate::render::{self, Templates};
use crate::source::{Content, Project};
use crate::xref;

/// Choices that change what is built.
#[derive(Clone, Debug)]
pub struct Options {
    /// Include pages marked `draft: true`.
    pub drafts: bool,
    /// The build date: its quarter is the plan's "now" unless `as_of` says
    /// otherwise. The command line reads it from the clock or from
    /// `SOURCE_DATE_EPOCH` (for reproducible builds).
    pub today: Date,
}

impl Default for Options {
    fn default() -> Self {
        Options { drafts: false, today: Date { year: 2027, month: 1, day: 1 } }
    }
}

/// A finished build, in memory.
#[derive(Debug)]
pub struct Site {
    /// Every file of the site.
    pub files: Vec<OutputFile>,
    /// How many content pages it has.
    pub pages: usize,
    /// The project's settings.
    pub config: Config,
}

/// Runs every stage on the project in `root`. `sources` receives the files
/// read, so the caller can render `diags` against them.
pub fn build(
    root: &Path,
    options: &Options,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Result<Site, Error> {
    let project = Project::open(root)?;
    let config_file = project.load_config(sources, diags)?;
    let mut config = config::parse(&config_file, sources, diags)?;
    config.logo_file = project.load_logo(&config, diags)?;
    let content = project.load_content(&config, sources, diags)?;
    let theme = project.load_theme(&config, sources, diags)?;
    let templates = Templates::new(&theme, diags)?;
    let (files, pages) = render(&config, content, sources, &templates, options, diags)?;
    Ok(Site { files, pages, config })
}

/// The pure part of a build: from loaded sources to output files, with no
/// I/O. Returns the files and the number of HTML pages among them.
pub fn render(
    config: &Config,
    content: Content,
    sources: &Sources,
    templates: &Templates,
    options: &Options,
    diags: &mut Diagnostics,
) -> Result<(Vec<OutputFile>, usize), Error> {
    let parsed: Vec<(Parsed, Diagnostics)> = content
        .pages
        .par_iter()
        .map(|page| {
            let mut local = Diagnostics::new();
            let text = &sources.get(page.id).text;
            let frontmatter = match (page.readable, Kind::from_path(&page.path)) {
                (false, _) => None,
                (true, Kind::Page) => frontmatter::parse_plain(page.id, text, &mut local),
                (true, _) => frontmatter::parse(page.id, text, &mut local),
            };
            (Parsed { source: page.id, path: page.path.clone(), frontmatter }, local)
        })
        .collect();
    let parsed: Vec<Parsed> = parsed
        .into_iter()
        .map(|(parsed, local)| {
            diags.extend(local.items().iter().cloned());
            parsed
        })
        .collect();

    let as_of = config.as_of.unwrap_or_else(|| Quarter::of(options.today));
    let publication =
        model::validate(&parsed, sources, content.assets, config, options.drafts, as_of, diags);
    let html_options = HtmlOptions { language: config.language, allow_html: config.allow_html };
    let docs: Vec<markdown::Doc<'_>> = publication
        .pages
        .par_iter()
        .map(|page| {
            let text = &sources.get(page.source).text;
            markdown::parse(page.source, text, page.body.clone(), html_options)
        })
        .collect();
    heading_levels(&publication, &docs, diags);
    for doc in &docs {
        diags.extend(doc.framing.iter().map(|(found, span)| framing::in_page(found, span.clone())));
    }
    let links = xref::resolve(&publication, &docs, diags);
    let charts = data::read(&publication, &docs, &content.tables, sources, diags);
    render::check_print(&config.print, &publication, diags);
    diags.sort();
    if diags.has_errors() {
        return Err(Error::Content(diags.clone()));
    }
    let input = render::Input {
        config,
        publication: &publication,
        docs: &docs,
        links: &links,
        charts: &charts,
        as_of,
    };
    // The outputs share only the input: they are built side by side.
    let (site, print) =
        rayon::join(|| render::site(&input, templates), || render::print(&input, templates));
    let mut files = site?;
    files.extend(render::exports(&input));
    let pages = files
        .iter()
        .filter(|f| Path::new(&f.path).extension().is_some_and(|e| e == "html"))
        .count();
    files.push(print?);
    Ok((files, pages))
}

/// Warns where a body's headings would give its page a second `h1` or skip
/// a level, by where the default theme puts the body in its page.
fn heading_levels(publication: &Publication, docs: &[markdown::Doc<'_>], diags: &mut Diagnostics) {
    for (page, doc) in publication.pages.iter().zip(docs) {
        let under = match (page.kind, page.title_in_body) {
            (Kind::Purpose, _) => markdown::Under::Section,
            (_, true) => markdown::Under::OwnTitle,
            _ => markdown::Under::Title,
        };
        diags.extend(markdown::check_levels(&doc.headings, under));
    }
}
