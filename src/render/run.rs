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

use crate::artifact::OutputFile;
use crate::config::Language;
use crate::deps::Output;
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::model::{Page, PageId};
use crate::output::Sink;
use crate::render::labels::Labels;
use crate::render::pass::{Pass, Rendered};
use crate::render::print::{self, Assembly, Edition};
use crate::render::site::search::Entry;
use crate::render::site::{self, Site};
use crate::render::{Input, Templates, export};
use crate::search::SearchIndex;
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
#[allow(
    clippy::too_many_lines,
    reason = "the run's steps in order, read top to bottom; each step is a call or a few lines"
)]
pub fn run(
    input: &Input<'_>,
    templates: &Templates,
    outputs: &Outputs,
    sink: &Sink,
    diags: &mut Diagnostics,
    mut memory: Option<&mut Memory>,
) -> Result<(), Error> {
    let labels = Labels::new(input.config);
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
        Some(edition) => Some(Assembly::new(sink.stream(print::FILE)?, edition)?),
        None => None,
    };
    let publication = input.publication;
    let mut taken = Taken::default();
    // The index is built on a thread of its own, a page at a time as the
    // pages are rendered, so no page's words wait in memory for the rest.
    let search = outputs.wants(&Output::Search).then_some(input.config.language);
    std::thread::scope(|scope| {
        let mut indexer = search.map(|language| Indexer::start(scope, language));
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
                let Some(mut rendered) = rendered? else {
                    let known = memory.as_deref();
                    if let (Some(assembly), Some(element)) =
                        (&mut assembly, known.and_then(|m| m.print.get(key)))
                    {
                        assembly.page(id, element)?;
                    }
                    if let (Some(indexer), Some(entry)) =
                        (&mut indexer, known.and_then(|m| m.search.get(key)))
                    {
                        indexer.add(entry.clone());
                    }
                    continue;
                };
                diags.extend(rendered.diags.items().iter().cloned());
                if let (Some(assembly), Some(element)) = (&mut assembly, &rendered.print) {
                    assembly.page(id, element)?;
                }
                if let Some(indexer) = &mut indexer {
                    // A server keeps the entry for its next run; a build hands it over.
                    let entry = if memory.is_some() {
                        rendered.search.clone()
                    } else {
                        rendered.search.take()
                    };
                    if let Some(entry) = entry {
                        indexer.add(entry);
                    }
                }
                taken.take(key, rendered, memory.as_deref_mut());
            }
        }
        let anchors = |id: PageId| {
            let key = &publication[id].path;
            taken.anchors.get(key).or_else(|| memory.as_deref().and_then(|m| m.anchors.get(key)))
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
            site::rest(site, sink, &|output| outputs.wants(output))?;
            for file in indexer.map(Indexer::finish).unwrap_or_default() {
                sink.put(file)?;
            }
            if outputs.wants(&Output::Exports) {
                for file in export::exports(input) {
                    sink.put(file)?;
                }
            }
        }
        Ok(())
    })
}

/// The search index being built on its own thread from the entries it is
/// sent, in the order it is sent them.
struct Indexer<'scope> {
    entries: std::sync::mpsc::SyncSender<Entry>,
    built: std::thread::ScopedJoinHandle<'scope, SearchIndex>,
}

impl<'scope> Indexer<'scope> {
    fn start<'env>(scope: &'scope std::thread::Scope<'scope, 'env>, language: Language) -> Self {
        // A few chunks' worth may wait; beyond that the pass waits for the index.
        let (entries, receive) = std::sync::mpsc::sync_channel::<Entry>(4 * CHUNK);
        let built = scope.spawn(move || {
            let mut index = SearchIndex::new(language);
            for entry in receive {
                index.add(&entry.doc());
            }
            index
        });
        Indexer { entries, built }
    }

    fn add(&mut self, entry: Entry) {
        // The thread ends only when this sender is dropped.
        let _ = self.entries.send(entry);
    }

    fn finish(self) -> Vec<OutputFile> {
        drop(self.entries);
        self.built.join().map(SearchIndex::finish).unwrap_or_default()
    }
}

/// What a run took in from the pages it rendered, for the checks after
/// the pass.
#[derive(Default)]
struct Taken {
    anchors: HashMap<String, Anchors>,
    pending: Vec<Pending>,
}

impl Taken {
    /// Takes in what the page with key `key` made, keeping in `memory`, if
    /// there is one, what a later run may reuse.
    fn take(&mut self, key: &str, rendered: Rendered, memory: Option<&mut Memory>) {
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
            self.anchors.insert(key.to_owned(), rendered.anchors);
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
