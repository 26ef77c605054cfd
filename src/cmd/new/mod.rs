//! `stratdoc new KIND "Title"`: a new page of a kind, in the kind's folder,
//! named from the title, with every field of the kind to fill in (see
//! `template`), numbered on from the kind's pages where they are numbered
//! (see `place`).
//!
//! Everything it writes comes from the schema and the project's pages, so
//! a kind a project declares works as a built-in one does. The new page is
//! checked with the project before it is written, as `check` would check
//! it: one the project would not build with (its address taken by an
//! overview or another page, its id by another page) is refused with the
//! reasons, and nothing is written. Like `init`, it never overwrites a
//! file or writes through a symbolic link, and it writes into no folder
//! the project may not read.

mod place;
mod template;
mod words;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::Session;
use crate::cli::NewArgs;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceId, article};
use crate::error::Error;
use crate::model::Publication;
use crate::pipeline::{self, Options};
use crate::render::Outputs;
use crate::schema::{Home, KindId, Role, Schema};
use crate::source::{Content, PageSource, Project};
use place::Existing;
use template::{Context, Unfillable};

/// Writes the new page; returns the summary line.
pub(super) fn run(args: &NewArgs, session: &mut Session) -> Result<String, Error> {
    let title = place::title(&args.title)?;
    let (project, _, config) =
        pipeline::configure(&args.project, &mut session.sources, &mut session.diags, None)?;
    let schema = &config.schema;
    let kind = place::kind(schema, config.language, &args.kind)?;
    let declared = schema.kind(kind);
    let slug = match declared.home {
        Home::File(_) => String::new(),
        Home::Folder(_) | Home::Anywhere => place::slug(&title)?,
    };
    // The project's own problems are for `check` to report; only the new
    // page's are this command's.
    let mut theirs = Diagnostics::new();
    let mut content = project.load_content(&config, &mut session.sources, &mut theirs)?;
    let today = super::build_date(std::env::var_os("SOURCE_DATE_EPOCH"))?;
    // Drafts count: their ids and numbers are taken.
    // No git: a new page has no history, and nothing is compared.
    let options =
        Options { drafts: true, today, outputs: Outputs::NONE, git: false, compare_to: None };
    let (publication, _) =
        pipeline::model(&config, &content, &session.sources, &options, &mut theirs, None);
    let existing = existing(&publication, &content, kind);
    let numbers = place::numbers(&existing, declared.has(Role::Sequence));
    let rel = place::file(&declared.home, &slug, &numbers);
    let shown = shown(&args.project, &rel);
    let path = project.root().join("content").join(&rel);
    refuse(&project, schema, kind, &rel, &path, &shown)?;
    let ids = ids(&publication);
    let given = Context {
        schema,
        language: config.language,
        currency: &config.currency,
        quarter: quarter(&config, &options),
        today,
        ids: &ids,
        tables: &existing.tables,
    };
    let text = template::page(kind, &title, &numbers, &given)
        .map_err(|missing| unfillable(schema, kind, &missing))?;
    let id = session.sources.add(format!("content/{rel}"), text.clone());
    content.pages.push(PageSource { id, path: rel });
    preflight(&config, &content, &theirs, &options, session)
        .map_err(|()| refused(&shown, "the project would not build with it (see above)"))?;
    if !super::init::create(&path, &text)? {
        return Err(refused(&shown, "it exists; `stratdoc new` never overwrites a file"));
    }
    let dir = if args.project == Path::new(".") {
        String::new()
    } else {
        format!(" {}", args.project.display())
    };
    Ok(format!("made {shown}; next: fill it in, and see it with `stratdoc serve{dir} --open`"))
}

/// What the pages of `kind` use already: the names of the pages and data
/// files where a new one goes (its folder, or the top of `content/`), and
/// `order` and `number` values.
fn existing<'a>(publication: &'a Publication, content: &'a Content, kind: KindId) -> Existing<'a> {
    let dir = match &publication.schema.kind(kind).home {
        Home::Folder(folder) => Some(format!("{folder}/")),
        Home::Anywhere => Some(String::new()),
        Home::File(_) => None,
    };
    let beside = |path: &'a str| {
        let name = path.strip_prefix(dir.as_deref()?)?;
        (!name.contains('/')).then_some(name)
    };
    let pages = || publication.of_kind(kind).map(|(_, page)| page);
    Existing {
        names: content.pages.iter().filter_map(|page| beside(&page.path)).collect(),
        tables: content.tables.iter().filter_map(|table| beside(&table.rel)).collect(),
        orders: pages().filter_map(|page| page.order).collect(),
        numbers: pages().filter_map(|page| page.number.as_deref()).collect(),
    }
}

/// The ids a reference may name, by kind: every page's but drafts', which
/// a build without `--drafts` leaves out.
fn ids(publication: &Publication) -> Vec<Vec<String>> {
    publication
        .schema
        .kinds()
        .map(|(kind, _)| {
            let pages = publication.of_kind(kind).map(|(_, page)| page);
            pages.filter(|page| !page.draft).map(|page| page.id.clone()).collect()
        })
        .collect()
}

/// The time a time field is given: the plan's now, moved into the period.
fn quarter(config: &Config, options: &Options) -> crate::calendar::Quarter {
    let now = pipeline::as_of(config, options);
    config.period.map_or(now, |period| now.max(period.start).min(period.end))
}

/// `content/REL` as the user reaches it from where the command was run.
fn shown(project: &Path, rel: &str) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    format!("{}content/{rel}", super::prefix(project, &cwd))
}

/// Refuses a page at `rel` that would be another kind's (`purpose.md` for
/// a plain page), a file that exists, or a kind's folder the project may
/// not read (a symbolic link out of it).
fn refuse(
    project: &Project,
    schema: &Schema,
    kind: KindId,
    rel: &str,
    path: &Path,
    shown: &str,
) -> Result<(), Error> {
    let found = schema.kind_of_path(rel);
    if found != kind {
        let (found, kind) = (&schema.kind(found).id, &schema.kind(kind).id);
        let (a, b) = (article(found), article(kind));
        let reason =
            format!("a file there is {a} `{found}`, not {b} `{kind}`; give it another title");
        return Err(refused(shown, &reason));
    }
    if let Some(folder) = path.parent().filter(|_| schema.kind(kind).folder().is_some()) {
        if let Some(diagnostic) = project.refusal(folder) {
            return Err(refused(shown, &diagnostic.message));
        }
    }
    if path.symlink_metadata().is_ok() {
        return Err(refused(shown, "it exists; `stratdoc new` never overwrites a file"));
    }
    Ok(())
}

/// Checks the project with the new page in `content`, as `check` would:
/// the errors it has that it had not `before` are the new page's doing
/// (its own, or a clash it makes with another page). They go to the
/// session's diagnostics, and `Err` when there is any.
fn preflight(
    config: &Config,
    content: &Content,
    before: &Diagnostics,
    options: &Options,
    session: &mut Session,
) -> Result<(), ()> {
    let mut after = Diagnostics::new();
    let _ = pipeline::model(config, content, &session.sources, options, &mut after, None);
    let mut known: HashMap<Key, usize> = HashMap::new();
    for diagnostic in before.items().iter().filter(|d| d.is_error()) {
        *known.entry(key(diagnostic)).or_default() += 1;
    }
    let mut new = |diagnostic: &&Diagnostic| match known.get_mut(&key(diagnostic)) {
        Some(count) if *count > 0 => {
            *count -= 1;
            false
        }
        _ => diagnostic.is_error(),
    };
    let made: Vec<Diagnostic> = after.items().iter().filter(&mut new).cloned().collect();
    if made.is_empty() {
        return Ok(());
    }
    session.diags.extend(made);
    Err(())
}

/// What tells one error from another in two runs over the same files.
type Key = (String, Option<(SourceId, usize, usize)>);

fn key(diagnostic: &Diagnostic) -> Key {
    let at =
        diagnostic.primary.as_ref().map(|l| (l.span.source, l.span.range.start, l.span.range.end));
    (diagnostic.message.clone(), at)
}

fn refused(shown: &str, reason: &str) -> Error {
    Error::UnsafeOutput { path: PathBuf::from(shown), reason: reason.to_owned() }
}

/// Why a page of `kind` cannot be written yet: a reference it must make
/// has no page to name.
fn unfillable(schema: &Schema, kind: KindId, missing: &Unfillable) -> Error {
    let (kind, target) = (&schema.kind(kind).id, &schema.kind(missing.target).id);
    let (a, b) = (article(kind), article(target));
    Error::Usage(format!(
        "{a} `{kind}` must name {b} `{target}` in `{}`, and there is none yet; make one first: `stratdoc new {target} \"…\"`",
        missing.field
    ))
}
