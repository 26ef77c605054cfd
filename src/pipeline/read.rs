//! Stage 2 of the pipeline: each page's file read, its frontmatter split
//! and parsed and its fields read, in parallel, each page alone (what
//! `serve` keeps from one save to the next: `reuse`).

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{Code, Decoded, Diagnostic, Diagnostics, SourceId, Sources};
use crate::frontmatter;
use crate::markdown::{self, Doc, HtmlOptions};
use crate::model::{self, Parsed};
use crate::reuse::{self, Reuse};
use crate::schema::Role;
use crate::source::PageSource;

/// Splits and parses each page's frontmatter and reads its fields, in
/// parallel. A plain page with no `title:` takes its title from its first
/// `#` heading: its body is parsed here, and that parse is kept for the
/// render pass (a page taken from `reuse` is parsed again there).
pub(super) fn parse<'s>(
    config: &Config,
    pages: &[PageSource],
    sources: &'s Sources,
    options: HtmlOptions,
    diags: &mut Diagnostics,
    mut reuse: Option<&mut Reuse>,
) -> (Vec<model::Read>, markdown::Parsed<'s>) {
    let kept = reuse.as_deref();
    let read: Vec<PageRead<'s>> =
        pages.par_iter().map(|page| parse_page(page, config, sources, options, kept)).collect();
    if let Some(reuse) = reuse.as_deref_mut() {
        reuse.retain_pages(pages.iter().map(|page| page.path.as_str()));
    }
    let mut early = markdown::Parsed::default();
    let read = read
        .into_iter()
        .map(|PageRead { read, doc, found, fresh }| {
            if let (Some(reuse), Some((key, source))) = (reuse.as_deref_mut(), fresh) {
                reuse.keep_page(key, source, &read, &found);
            }
            diags.extend(found);
            if let Some((source, doc)) = doc {
                early.insert(source, doc);
            }
            read
        })
        .collect();
    (read, early)
}

/// One page as [`parse`] read it.
struct PageRead<'s> {
    read: model::Read,
    /// Its body, when parsed for its title.
    doc: Option<(SourceId, Doc<'s>)>,
    /// What is wrong with its file or its fields.
    found: Diagnostics,
    /// What to keep a new read under in `reuse`.
    fresh: Option<(reuse::Key, SourceId)>,
}

fn parse_page<'s>(
    page: &PageSource,
    config: &Config,
    sources: &'s Sources,
    options: HtmlOptions,
    reuse: Option<&Reuse>,
) -> PageRead<'s> {
    let schema = &config.schema;
    let plain = schema.is(schema.kind_of_path(&page.path), Role::Plain);
    // Stamped before it is read: a save in between leaves a stamp older
    // than the text read, and the next build reads it again.
    let stamp = reuse.and(sources.origin(page.id)).and_then(reuse::stamp);
    if let Some(kept) =
        reuse.zip(stamp).and_then(|(r, stamp)| r.page(&page.path, page.id, stamp, plain))
    {
        sources.read_before(page.id, kept.fingerprint);
        return PageRead { read: kept.read, doc: None, found: kept.found, fresh: None };
    }
    let mut found = Diagnostics::new();
    let text = read_page(page, sources, &mut found);
    let frontmatter = match (&text, plain) {
        (None, _) => None,
        (Some(text), true) => frontmatter::parse_plain(page.id, text, &mut found),
        (Some(text), false) => frontmatter::parse(page.id, text, &mut found),
    };
    let body = frontmatter.as_ref().filter(|fm| plain && fm.get("title").is_none());
    // Only a body parsed here keeps its text: it borrows it.
    let doc = body.zip(text).map(|(fm, text)| {
        let text = sources.keep(page.id, text);
        markdown::parse(page.id, text, fm.body.clone(), options)
    });
    let heading = doc.as_ref().and_then(markdown::first_heading);
    let parsed = Parsed { source: page.id, path: page.path.clone(), frontmatter, heading };
    let read = model::read_page(&parsed, config, &mut found);
    let fresh = stamp
        .zip(sources.fingerprint(page.id))
        .map(|(stamp, fingerprint)| (reuse::Key { stamp, fingerprint, plain }, page.id));
    PageRead { read, doc: doc.map(|doc| (page.id, doc)), found, fresh }
}

/// The text of `page`, or `None` when it is not text (reported to `diags`:
/// nothing of it is parsed).
fn read_page(page: &PageSource, sources: &Sources, diags: &mut Diagnostics) -> Option<String> {
    match sources.decode(page.id) {
        Ok(Decoded { text, problem: None }) => Some(text),
        Ok(Decoded { problem: Some(problem), .. }) => {
            diags.push(problem.at(page.id));
            None
        }
        Err(err) => {
            let message = format!("cannot read `content/{}`: {err}", page.path);
            diags.push(Diagnostic::global(message).code(Code::UnreadableFile));
            None
        }
    }
}
