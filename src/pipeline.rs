//! The driver: every stage in order, from a project folder to the site's
//! files in memory. Nothing here writes; `build` and `check` differ only in
//! whether the caller writes the result (and `serve` will keep it in memory).
//!
//! 1. `config::load` and `source::load` read the project (the only input I/O);
//! 2. `frontmatter::parse` splits and parses each page, in parallel;
//! 3. `model::validate` checks fields and cross-references into a `Publication`;
//! 4. `markdown::parse` reads each body once; `xref::resolve` checks its links;
//! 5. `markdown::to_html` and `render::site` produce the output files.
//!
//! Content problems are collected in `diags` all the way through; the run
//! stops before rendering if any of them is an error.

use std::path::Path;

use rayon::prelude::*;

use crate::artifact::OutputFile;
use crate::config::{self, Config};
use crate::diagnostics::Diagnostics;
use crate::diagnostics::Sources;
use crate::error::Error;
use crate::frontmatter;
use crate::markdown::{self, HtmlOptions};
use crate::model::{self, Parsed};
use crate::render::{self, Templates};
use crate::source::{self, Content};
use crate::xref;

/// Choices that change what is built.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Include pages marked `draft: true`.
    pub drafts: bool,
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
    let config = config::load(root, sources, diags)?;
    let content = source::load(root, sources, diags)?;
    let templates = Templates::load(root, &config)?;
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
            let frontmatter =
                if page.readable { frontmatter::parse(page.id, text, &mut local) } else { None };
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

    let publication = model::validate(&parsed, content.assets, config, options.drafts, diags);
    let html_options = HtmlOptions { language: config.language, allow_html: config.allow_html };
    let docs: Vec<markdown::Doc<'_>> = publication
        .pages
        .par_iter()
        .map(|page| {
            let text = &sources.get(page.source).text;
            markdown::parse(page.source, text, page.body.clone(), html_options)
        })
        .collect();
    let links = xref::resolve(&publication, &docs, diags);
    diags.sort();
    if diags.has_errors() {
        return Err(Error::Content(diags.clone()));
    }

    let rendered: Vec<render::Rendered> = docs
        .into_par_iter()
        .zip(links.par_iter())
        .map(|(doc, targets)| {
            let html = markdown::to_html(&doc, targets, html_options);
            render::Rendered { html, headings: doc.headings }
        })
        .collect();
    let files = render::site(&publication, &rendered, config, templates)?;
    let pages = files
        .iter()
        .filter(|f| Path::new(&f.path).extension().is_some_and(|e| e == "html"))
        .count();
    Ok((files, pages))
}
