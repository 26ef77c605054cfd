//! One run of the outputs: which to make ([`Outputs`]), what a server keeps
//! between runs so an edit re-renders only what it touches ([`Memory`]),
//! and the order of the work (see `pass` for one page's).
//!
//! A run goes through the pages in chunks, in the board edition's order:
//! each page is rendered (or, in a run that does not need it again, taken
//! from memory), its element written into `print.html` as it comes. Then
//! the checks that need every page, then the files that show many pages
//! (overviews, plan views, the search index, the exports).

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use crate::deps::Output;
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::model::{Page, PageId};
use crate::output::Sink;
use crate::render::labels;
use crate::render::pass::{Pass, Rendered};
use crate::render::print::{self, Assembly, Edition};
use crate::render::site::search::Entry;
use crate::render::site::{self, Site};
use crate::render::{Input, Templates, export};
use crate::xref::{self, Anchors, Pending};

/// Pages rendered side by side before their results are taken in: enough
/// to keep every core busy, few enough that their HTML is small change.
const CHUNK: usize = 64;

/// Which outputs a run makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outputs {
    /// The site: pages, overviews, plan views, search index, exports.
    pub site: bool,
    /// The board edition, `print.html`.
    pub print: bool,
    /// Only these of them (what an edit invalidates: see `deps`); `None`
    /// for all.
    pub only: Option<BTreeSet<Output>>,
}

impl Outputs {
    /// Everything.
    pub const ALL: Outputs = Outputs { site: true, print: true, only: None };
    /// Nothing: the pages are read and checked only.
    pub const NONE: Outputs = Outputs { site: false, print: false, only: None };

    /// Whether `output` is to be made.
    fn wants(&self, output: &Output) -> bool {
        let made = match output {
            Output::Print => self.print,
            _ => self.site,
        };
        made && self.only.as_ref().is_none_or(|only| only.contains(output))
    }
}

/// What a server keeps from one run to the next, by page key: what links
/// into each page can name, its element of the board edition and its entry
/// in the search index. A run that renders only some pages takes the rest
/// from here.
#[derive(Debug, Default)]
pub struct Memory {
    anchors: HashMap<String, Anchors>,
    print: HashMap<String, (String, String)>,
    search: HashMap<String, Entry>,
}

/// Renders `outputs` of `input` into `sink`, remembering what the next run
/// may reuse in `memory`, if given. Content problems go to `diags`; with
/// any error among them, the result is `Error::Content` and whatever was
/// written is not to be published.
pub fn run(
    input: &Input<'_>,
    templates: &Templates,
    outputs: &Outputs,
    sink: &Sink,
    diags: &mut Diagnostics,
    mut memory: Option<&mut Memory>,
) -> Result<(), Error> {
    let labels = labels::labels(input.config.language, &input.config.labels);
    let site = outputs.site.then(|| Site::new(input, templates, &labels));
    let print = outputs.wants(&Output::Print);
    let edition = if outputs.print { Some(Edition::new(input, templates, &labels)) } else { None };
    let pass = Pass {
        input,
        index: xref::Index::new(input.publication),
        site: site.as_ref(),
        edition: edition.as_ref(),
    };
    let mut assembly = match edition.as_ref().filter(|_| print) {
        Some(edition) => Some(Assembly::new(sink.stream(print::FILE)?, edition.pieces()?)),
        None => None,
    };
    let publication = input.publication;
    let mut taken = Taken::default();
    for chunk in pass.order().chunks(CHUNK) {
        let known = memory.as_deref();
        let done: Vec<Result<Option<Rendered>, Error>> = chunk
            .par_iter()
            .map(|&id| {
                let again = known.is_none_or(|m| m.needs(&publication[id], outputs));
                if again { pass.page(id, sink).map(Some) } else { Ok(None) }
            })
            .collect();
        for (&id, rendered) in chunk.iter().zip(done) {
            let key = &publication[id].path;
            let Some(rendered) = rendered? else {
                let element = memory.as_deref().and_then(|m| m.print.get(key));
                if let (Some(assembly), Some(element)) = (&mut assembly, element) {
                    assembly.page(id, element.clone())?;
                }
                continue;
            };
            diags.extend(rendered.diags.items().iter().cloned());
            if let (Some(assembly), Some(element)) = (&mut assembly, &rendered.print) {
                assembly.page(id, element.clone())?;
            }
            taken.take(id, key, rendered, memory.as_deref_mut());
        }
    }
    let anchors = |id: PageId| {
        let key = &publication[id].path;
        taken.anchors.get(&id).or_else(|| memory.as_deref().and_then(|m| m.anchors.get(key)))
    };
    pass.index.check(&taken.pending, &anchors, diags);
    diags.sort();
    if diags.has_errors() {
        return Err(Error::Content(diags.clone()));
    }
    if let Some(assembly) = assembly {
        assembly.finish()?;
    }
    if let Some(site) = &site {
        rest(site, input, outputs, &taken, memory.as_deref(), sink)?;
    }
    Ok(())
}

/// What a run took in from the pages it rendered, for the checks and the
/// files after the pass.
#[derive(Default)]
struct Taken {
    anchors: HashMap<PageId, Anchors>,
    pending: Vec<Pending>,
    entries: HashMap<PageId, Entry>,
}

impl Taken {
    /// Takes in what page `id` (key `key`) made, keeping in `memory`, if
    /// there is one, what a later run may reuse.
    fn take(&mut self, id: PageId, key: &str, rendered: Rendered, memory: Option<&mut Memory>) {
        self.pending.extend(rendered.pending);
        if let Some(memory) = memory {
            memory.anchors.insert(key.to_owned(), rendered.anchors);
            if let Some(element) = rendered.print {
                memory.print.insert(key.to_owned(), element);
            }
            if let Some(entry) = rendered.search {
                memory.search.insert(key.to_owned(), entry);
            }
        } else {
            self.anchors.insert(id, rendered.anchors);
            if let Some(entry) = rendered.search {
                self.entries.insert(id, entry);
            }
        }
    }
}

impl Memory {
    /// Whether `page` must be rendered again for `outputs`: it is one of
    /// them, or this memory lacks what it made for one.
    fn needs(&self, page: &Page, outputs: &Outputs) -> bool {
        outputs.wants(&Output::Page(page.path.clone()))
            || (outputs.wants(&Output::Print) && !self.print.contains_key(&page.path))
            || (outputs.wants(&Output::Search) && !self.search.contains_key(&page.path))
            || !self.anchors.contains_key(&page.path)
    }
}

/// The site's files that show many pages, as far as `outputs` wants them.
fn rest(
    site: &Site<'_>,
    input: &Input<'_>,
    outputs: &Outputs,
    taken: &Taken,
    memory: Option<&Memory>,
    sink: &Sink,
) -> Result<(), Error> {
    site::rest(site, sink, &|output| outputs.wants(output))?;
    if outputs.wants(&Output::Search) {
        let entries: Vec<&Entry> = input
            .publication
            .iter()
            .filter_map(|(id, p)| {
                taken.entries.get(&id).or_else(|| memory.and_then(|m| m.search.get(&p.path)))
            })
            .collect();
        for file in site.search_index(&entries) {
            sink.put(file)?;
        }
    }
    if outputs.wants(&Output::Exports) {
        for file in export::exports(input) {
            sink.put(file)?;
        }
    }
    Ok(())
}
