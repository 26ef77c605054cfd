//! The driver: every stage in order, from a project folder to the files of
//! its outputs, handed to a [`Sink`] as they are made. `build` writes them
//! into a staging folder, `check` drops them, `pdf` asks for the board
//! edition alone, and `serve` keeps them in memory.
//!
//! 1. `source` reads the project (the only input I/O, every input held to
//!    the inside-the-project rule): `stratdoc.yaml`, parsed by `config` into
//!    what it says (`RawConfig`); the logo it names, after which the config
//!    is resolved into the settings every stage reads (`Config`);
//!    `content/`; and the theme with `templates/`, which become `Templates`;
//! 2. `read`: `frontmatter::parse` splits and parses each page and
//!    `model::read_page` reads its fields, in parallel, each page alone
//!    (what `serve` keeps from one save to the next: `reuse`);
//! 3. `model::check_read` checks the pages together, their
//!    cross-references first, into a `Publication`;
//! 4. `data::read` reads the figures of the charts;
//! 5. `render::run` parses each body once and writes it for every output
//!    (the site's pages, the board edition, the search index), checks its
//!    links, headings and raw HTML, checks the links between pages once
//!    every page is read, then writes what shows many pages: overviews,
//!    plan views, exports.
//!
//! Content problems are collected in `diags` all the way through; a page
//! with an error is read and checked but not written, and a run with any
//! error ends in `Error::Content`, its files not to be published.

mod read;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::calendar::{Date, Quarter};
use crate::compare::{self, Comparison};
use crate::config::{self, Config, RawConfig};
use crate::data;
use crate::diagnostics::{Diagnostics, Sources};
use crate::error::Error;
use crate::markdown::{self, HtmlOptions};
use crate::model::{self, Publication};
use crate::output::Sink;
use crate::render::{self, Input, Outputs, Templates};
use crate::reuse::Reuse;
use crate::source::git::{History, Repository};
use crate::source::{Content, Project};

/// Choices that change what is built.
#[derive(Clone, Debug)]
pub struct Options {
    /// Include pages marked `draft: true`.
    pub drafts: bool,
    /// The build date: its quarter is the plan's "now" unless `as_of` says
    /// otherwise. The command line reads it from the clock or from
    /// `SOURCE_DATE_EPOCH` (for reproducible builds).
    pub today: Date,
    /// Which outputs to make.
    pub outputs: Outputs,
    /// Read git: each page's last change, the commit built from, and
    /// `compare_to`. Off (`--no-git`), or outside a repository, none.
    pub git: bool,
    /// The revision to compare with (`--compare-to`), over the config's
    /// `compare_to:`.
    pub compare_to: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            drafts: false,
            today: Date { year: 2027, month: 1, day: 1 },
            outputs: Outputs::ALL,
            git: false,
            compare_to: None,
        }
    }
}

/// What a build made.
#[derive(Debug)]
pub struct Built {
    /// How many web pages the site has.
    pub pages: usize,
    /// The project's settings.
    pub config: Config,
}

/// A project as read: its settings, its content's files and its templates.
pub struct Loaded {
    /// `stratdoc.yaml`, checked.
    pub config: Config,
    /// `stratdoc.yaml`, when a setting in it is written wrong: the run,
    /// having checked the content against the rest, ends as a
    /// configuration error.
    pub config_error: Option<PathBuf>,
    /// The files under `content/`.
    pub content: Content,
    /// The theme's and the project's templates (shared with what `serve`
    /// keeps for its next build).
    pub templates: Arc<Templates>,
}

/// Runs every stage on the project in `root`, writing into `sink`.
/// `sources` receives the files read, so the caller can render `diags`
/// against them.
pub fn build(
    root: &Path,
    options: &Options,
    sink: &Sink,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Result<Built, Error> {
    let loaded = load(root, sources, diags, None)?;
    let rendered = compare_and_render(root, &loaded, options, sink, sources, diags);
    // The content was checked against what the config could tell; with an
    // error in the config, the run ends as its error, whatever else it found.
    if let (Ok(_) | Err(Error::Content(_)), Some(path)) = (&rendered, &loaded.config_error) {
        return Err(Error::Config(path.clone()));
    }
    Ok(Built { pages: rendered?, config: loaded.config })
}

/// Renders `loaded` with its pages' history from git and, when a revision
/// is asked for, what changed since it. Returns the number of web pages.
fn compare_and_render(
    root: &Path,
    loaded: &Loaded,
    options: &Options,
    sink: &Sink,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Result<usize, Error> {
    let Loaded { config, content, templates, .. } = loaded;
    let repo = if options.git { Repository::discover(root) } else { None };
    let rev = options.compare_to.as_ref().or(config.compare_to.as_ref()).filter(|_| options.git);
    let before = match rev {
        Some(rev) => Some(load_revision(root, repo.as_ref(), rev, sources, options, diags)?),
        None => None,
    };
    let sources = &*sources;
    let (publication, early) = model(config, content, sources, options, diags, None);
    crate::progress::expect(publication.pages.len());
    let paths = publication.pages.iter().map(|p| p.path.as_str());
    let history = repo.map(|repo| repo.history(paths)).unwrap_or_default();
    let changes = before.map(|(rev, commit, old)| {
        compare::compare(&old, sources, &publication, sources, &rev, &commit)
    });
    let checked = Checked {
        config,
        content,
        templates,
        sources,
        publication: &publication,
        history: &history,
        changes: changes.as_ref(),
    };
    outputs(&checked, &early, options, sink, diags, None)?;
    Ok(sink.pages())
}

/// The project as it was at `rev`, read from git and checked as a
/// publication of its own: its revision as given, its commit's short hash
/// and its model. Its warnings are not this build's; its errors are shown
/// (at `REV:content/…`) and stop the build, since nothing could be said
/// of what changed since.
fn load_revision(
    root: &Path,
    repo: Option<&Repository>,
    rev: &str,
    sources: &mut Sources,
    options: &Options,
    diags: &mut Diagnostics,
) -> Result<(String, String, Publication), Error> {
    let Some(repo) = repo else {
        let reason = format!("`{}` is not in a git repository", root.display());
        return Err(Error::Revision { rev: rev.to_owned(), reason });
    };
    let revision = repo.revision(rev)?;
    let mut found = Diagnostics::new();
    let (file, content) = revision.load(sources, &mut found);
    let config = config::parse(&file, sources, &mut found).map(|raw| raw.resolve(None));
    let publication = config.ok().map(|config| {
        let (publication, early) = model(&config, &content, sources, options, &mut found, None);
        drop(early);
        data::read(&publication, &content.tables, sources, &mut found);
        publication
    });
    match publication {
        Some(publication) if !found.has_errors() => {
            Ok((revision.rev, revision.commit, publication))
        }
        _ => {
            let errors = found.errors();
            diags.extend(found.items().iter().filter(|d| d.is_error()).cloned());
            let reason = format!(
                "the project there has {} (shown above, at `{rev}:…`); compare with a revision that builds",
                crate::diagnostics::plural(errors.max(1), "error")
            );
            Err(Error::Revision { rev: rev.to_owned(), reason })
        }
    }
}

/// Reads the project in `root`: the only input I/O of a build. With
/// `reuse`, templates compiled from the same files before are taken from
/// it, and the settings read are noted in it (see [`model`]).
pub fn load(
    root: &Path,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    mut reuse: Option<&mut Reuse>,
) -> Result<Loaded, Error> {
    let errors_before = diags.errors();
    let (project, raw, config) = configure(root, sources, diags, reuse.as_deref_mut())?;
    // Only the settings' own errors: a `print:` entry naming no page is
    // found later, against the content, and is a content error.
    let config_error = (diags.errors() > errors_before).then(|| project.root().join(config::FILE));
    let content = project.load_content(&config, sources, diags)?;
    let theme = project.load_theme(&raw, sources, diags)?;
    let templates = match reuse.as_deref().and_then(|reuse| reuse.templates(&theme)) {
        Some(templates) => templates,
        None => Arc::new(Templates::new(&theme, diags)?),
    };
    if let Some(reuse) = reuse {
        reuse.keep_templates(&theme, &templates);
    }
    Ok(Loaded { config, config_error, content, templates })
}

/// Opens the project in `root` and reads its settings, as written and
/// resolved: the first step of [`load`], and all `new` needs before the
/// content. `reuse` learns what the settings say.
pub fn configure(
    root: &Path,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    reuse: Option<&mut Reuse>,
) -> Result<(Project, RawConfig, Config), Error> {
    let project = Project::open(root)?;
    let config_file = project.load_config(sources, diags)?;
    if let Some(reuse) = reuse {
        reuse.settings(sources.get(config_file.id).text());
    }
    let raw = config::parse(&config_file, sources, diags)?;
    let config = raw.resolve(project.load_logo(&raw, diags)?);
    Ok((project, raw, config))
}

/// The checked model of a project with settings `config` and `content`,
/// with the bodies parsed on the way (see `read::parse`): what a build renders,
/// and what `serve` compares from one edit to the next. With `reuse`, a
/// page whose file is as it was is taken as read before.
pub fn model<'s>(
    config: &Config,
    content: &Content,
    sources: &'s Sources,
    options: &Options,
    diags: &mut Diagnostics,
    reuse: Option<&mut Reuse>,
) -> (Publication, markdown::Parsed<'s>) {
    let html_options = HtmlOptions { language: config.language, allow_html: config.allow_html };
    let pages = &content.pages;
    let (read, early) = read::parse(config, pages, sources, html_options, diags, reuse);
    let assets = content.assets.clone();
    let publication =
        model::check_read(read, assets, config, options.drafts, as_of(config, options), diags);
    (publication, early)
}

/// The plan's "now": `as_of` in the config, else the build date's quarter.
pub(crate) fn as_of(config: &Config, options: &Options) -> Quarter {
    config.as_of.unwrap_or_else(|| Quarter::of(options.today))
}

/// The pure part of a build without git: from a loaded project to output
/// files, with no I/O but the sink's. Returns the number of web pages
/// written.
pub fn render(
    config: &Config,
    content: &Content,
    templates: &Templates,
    sources: &Sources,
    options: &Options,
    sink: &Sink,
    diags: &mut Diagnostics,
) -> Result<usize, Error> {
    let (publication, early) = model(config, content, sources, options, diags, None);
    crate::progress::expect(publication.pages.len());
    let history = History::default();
    let checked = Checked {
        config,
        content,
        templates,
        sources,
        publication: &publication,
        history: &history,
        changes: None,
    };
    outputs(&checked, &early, options, sink, diags, None)?;
    Ok(sink.pages())
}

/// A project read and checked, ready to render.
pub struct Checked<'a> {
    /// Its settings.
    pub config: &'a Config,
    /// Its content's files.
    pub content: &'a Content,
    /// Its templates.
    pub templates: &'a Templates,
    /// The text of what was read.
    pub sources: &'a Sources,
    /// The checked model.
    pub publication: &'a Publication,
    /// What git says of its files (empty without git).
    pub history: &'a History,
    /// What changed since the revision compared with, if any.
    pub changes: Option<&'a Comparison>,
}

/// Renders the outputs of `checked` (with bodies parsed early in `early`,
/// see [`model`]) into `sink`; a server passes `memory` to keep what its
/// next run may reuse.
pub fn outputs(
    checked: &Checked<'_>,
    early: &markdown::Parsed<'_>,
    options: &Options,
    sink: &Sink,
    diags: &mut Diagnostics,
    memory: Option<&mut render::Memory>,
) -> Result<(), Error> {
    let Checked { config, content, templates, sources, publication, history, changes } = *checked;
    let charts = data::read(publication, &content.tables, sources, diags);
    render::check_print(&config.print, publication, diags);
    // With errors already, the pages are still read, for every problem in
    // one run, but nothing is rendered.
    let outputs = if diags.has_errors() { Outputs::NONE } else { options.outputs.clone() };
    let as_of = as_of(config, options);
    let input =
        Input { config, publication, sources, charts: &charts, early, as_of, history, changes };
    render::run(&input, templates, &outputs, sink, diags, memory)
}
