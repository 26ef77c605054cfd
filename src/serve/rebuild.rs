//! One build of `serve`, whole or in part, into memory. The first build,
//! and any change to what every page depends on, renders everything; a
//! change to some pages renders only the outputs that show them (see
//! `deps`), taking the rest from what the last run kept (`render::Memory`).
//! Every build reads only the files that changed and compiles no template
//! that did not (`reuse`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::artifact::OutputFile;
use crate::config::Logo;
use crate::deps::{self, Affected, Output};
use crate::diagnostics::report::Style;
use crate::diagnostics::{Diagnostics, Severity, Sources};
use crate::error::Error;
use crate::model::Publication;
use crate::output::Sink;
use crate::pipeline::{self, Checked, Options};
use crate::render::{Memory, Outputs};
use crate::reuse::Reuse;
use crate::serve::watch::Changes;
use crate::source::git::History;

/// One problem of a failed build, as the browser shows it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub(crate) struct Problem {
    /// The file, relative to the project (`content/initiatives/soc.md`).
    pub(crate) file: Option<String>,
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) severity: &'static str,
    pub(crate) message: String,
    pub(crate) hint: Option<String>,
}

/// What a build made.
pub(crate) enum Built {
    /// These files, new or changed; `all` when they are the whole site.
    Files { files: Vec<OutputFile>, all: bool, ms: u128 },
    /// Nothing: the content has errors (or the settings or a template do,
    /// or, with `--deny-warnings`, it has warnings): the diagnostics in the
    /// terminal's format, and the error when it is not the content's.
    Failed { problems: Vec<Problem>, report: String, error: Option<String> },
    /// A build that worked has other warnings than the one before it (the
    /// report, empty when none are left): said once, not on every save.
    Warnings(String),
}

/// What `serve` keeps between builds.
pub(crate) struct Builder {
    root: PathBuf,
    options: Options,
    /// How diagnostics are printed.
    style: Style,
    /// `--deny-warnings`: a build with a warning fails.
    deny_warnings: bool,
    memory: Memory,
    /// The templates and the pages' parses, for the next build to reuse.
    reuse: Reuse,
    /// The model of the last build that worked.
    last: Option<Publication>,
    /// The logo's paths in the project (as written and where it leads),
    /// from the last settings read.
    logo: Vec<String>,
    /// What changed since the last build that worked: a failed build's
    /// changes are still to be rendered by the next one.
    pending: Changes,
    /// The warnings of the last build that worked, as reported.
    warned: String,
}

impl Builder {
    pub(crate) fn new(root: &Path, options: Options, style: Style, deny_warnings: bool) -> Builder {
        Builder {
            root: root.to_path_buf(),
            options,
            style,
            deny_warnings,
            memory: Memory::default(),
            reuse: Reuse::default(),
            last: None,
            logo: Vec::new(),
            pending: Changes::default(),
            warned: String::new(),
        }
    }

    /// The logo's paths in the project, relative to it (none when the
    /// settings name no logo).
    pub(crate) fn logo(&self) -> &[String] {
        &self.logo
    }

    /// Builds after `changes` (everything, for the first build), handing
    /// each part to `publish` as soon as it is made: after an edit, the
    /// pages that show it first, then the board edition, the search index
    /// and the exports, which take longer and are seldom open.
    pub(crate) fn build(&mut self, changes: &Changes, publish: &mut dyn FnMut(Built)) {
        let started = Instant::now();
        let (mut sources, mut diags) = (Sources::default(), Diagnostics::new());
        let mut parts = |files: Vec<OutputFile>, all: bool| {
            publish(Built::Files { files, all, ms: started.elapsed().as_millis() });
        };
        self.pending.add(changes);
        let changes = std::mem::take(&mut self.pending);
        let outcome = self.run(&changes, &mut sources, &mut diags, &mut parts);
        let report = crate::diagnostics::report::to_string(&diags, &sources, self.style.clone());
        match outcome {
            Ok(()) if report != self.warned => {
                self.warned.clone_from(&report);
                publish(Built::Warnings(report));
            }
            Ok(()) => {}
            Err(err) => {
                self.pending = changes;
                let problems = problems(&diags, &sources, &err);
                let error = (!matches!(err, Error::Content(_))).then(|| err.to_string());
                publish(Built::Failed { problems, report, error });
            }
        }
    }

    fn run(
        &mut self,
        changes: &Changes,
        sources: &mut Sources,
        diags: &mut Diagnostics,
        parts: &mut dyn FnMut(Vec<OutputFile>, bool),
    ) -> Result<(), Error> {
        self.reuse.forget(&changes.pages);
        let loaded = pipeline::load(&self.root, sources, diags, Some(&mut self.reuse))?;
        self.logo =
            loaded.config.logo.iter().flat_map(|logo| logo_paths(&self.root, logo)).collect();
        let sources = &*sources;
        let (config, content, options) = (&loaded.config, &loaded.content, &self.options);
        let reuse = Some(&mut self.reuse);
        let (publication, early) = pipeline::model(config, content, sources, options, diags, reuse);
        let keys: Vec<&str> = changes.pages.iter().map(String::as_str).collect();
        let affected = match (&self.last, changes.everything) {
            (Some(last), false) => deps::affected(last, &publication, &keys),
            _ => Affected::All,
        };
        let checked = Checked {
            config: &loaded.config,
            content: &loaded.content,
            templates: &loaded.templates,
            sources,
            publication: &publication,
            history: &History::default(),
            changes: None,
        };
        let (steps, all) = match affected {
            Affected::All => {
                self.memory = Memory::default();
                (vec![None], true)
            }
            Affected::Only(outputs) => {
                let (pages, rest) = outputs.into_iter().partition(Output::is_page);
                (vec![Some(pages), Some(rest)], false)
            }
        };
        for only in steps {
            let outputs = Outputs { only, ..Outputs::ALL };
            let options = Options { outputs, ..self.options.clone() };
            let sink = Sink::memory();
            pipeline::outputs(&checked, &early, &options, &sink, diags, Some(&mut self.memory))?;
            // As `build` writes nothing, nothing is shown.
            match diags.warnings() {
                n if n > 0 && self.deny_warnings => return Err(Error::Warnings(n)),
                _ => parts(sink.into_files(), all),
            }
        }
        self.last = Some(publication);
        Ok(())
    }
}

/// Where an edit of the logo shows, relative to `root`: its path as
/// written, read as the system reads it (`./logo.svg` is `logo.svg`), and
/// the file it leads to (a link's target changes, not the link).
fn logo_paths(root: &Path, logo: &Logo) -> Vec<String> {
    let mut written: Vec<&str> = Vec::new();
    for part in logo.path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                written.pop();
            }
            name => written.push(name),
        }
    }
    let real =
        logo.file.strip_prefix(root).ok().and_then(Path::to_str).map(|p| p.replace('\\', "/"));
    let mut paths = vec![written.join("/")];
    paths.extend(real.filter(|real| *real != paths[0]));
    paths
}

/// The problems of a failed build: its diagnostics, or the error itself.
fn problems(diags: &Diagnostics, sources: &Sources, err: &Error) -> Vec<Problem> {
    // Denied warnings are what failed: they are shown with the error.
    let denied = matches!(err, Error::Warnings(_));
    let mut problems: Vec<Problem> = diags
        .items()
        .iter()
        .map(|d| {
            let (file, line, column) = d.primary.as_ref().map_or((None, 0, 0), |label| {
                let (line, column) = sources.line_col(label.span.source, label.span.range.start);
                (Some(sources.get(label.span.source).path.clone()), line, column)
            });
            Problem {
                file,
                line,
                column,
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                message: d.message.clone(),
                hint: d.help.clone(),
            }
        })
        .filter(|p| p.severity == "error" || denied)
        .collect();
    if !matches!(err, Error::Content(_)) && (problems.is_empty() || denied) {
        problems.push(Problem {
            file: None,
            line: 0,
            column: 0,
            severity: "error",
            message: err.to_string(),
            hint: None,
        });
    }
    problems
}
