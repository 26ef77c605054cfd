//! One run of the outputs: which to make ([`Outputs`]), what a server keeps
//! between runs so an edit re-renders only what it touches ([`Memory`]),
//! and the order of the work (see `pass` for one page's).
//!
//! A run goes through the pages in chunks, in the board edition's order:
//! each page is rendered (or, in a run that does not need it again, taken
//! from memory), its element handed to the thread that writes `print.html`
//! and its entry to the one that builds the search index, as it comes.
//! Then the checks that need every page, the end of the edition and the
//! search index's files. Beside that pass, on a thread of their own, the
//! files that show many pages (overviews, plan views, the exports) and the
//! site's other files are written.

use std::collections::BTreeSet;
use std::sync::mpsc::Sender;

use crate::deps::Output;
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::output::Sink;
use crate::render::labels::Labels;
use crate::render::pass::Pass;
use crate::render::print::{self, Ahead, Assembly, Edition};
use crate::render::site::{self, Site};
use crate::render::{Input, Templates, export};
use crate::xref;

mod assembler;
mod collect;
mod indexer;
mod memory;

use assembler::Assembler;
use collect::Collect;
use indexer::Indexer;
pub use memory::Memory;
use memory::Taken;

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
    memory: Option<&mut Memory>,
) -> Result<(), Error> {
    let labels = Labels::new(input.config);
    let site = outputs.site.then(|| Site::new(input, templates, &labels));
    let print = outputs.wants(&Output::Print);
    // Side by side: each reads every page (10 and 8 ms at 10,000 pages)
    // before any page is rendered, while the other core has nothing to do.
    let (edition, index) = rayon::join(
        || outputs.print.then(|| Edition::new(input, templates, &labels)),
        || xref::Index::new(input.publication),
    );
    let pass = Pass { input, index, site: site.as_ref(), edition: edition.as_ref() };
    let mut assembly = match edition.as_ref().filter(|_| print) {
        Some(edition) => Some(Assembly::new(sink.stream(print::FILE)?, edition)),
        None => None,
    };
    // With the site, the thread of the files that show many pages renders
    // the edition's plan views too, after the site's (see
    // `Assembly::render_ahead`).
    let ahead = match (&mut assembly, &edition, &site) {
        (Some(assembly), Some(edition), Some(_)) => {
            let (send, receive) = std::sync::mpsc::channel();
            assembly.render_ahead(receive);
            Some((edition, send))
        }
        _ => None,
    };
    // The index is built on a thread of its own, a page at a time as the
    // pages are rendered, so no page's words wait in memory for the rest.
    let search = outputs.wants(&Output::Search).then_some(input.config.language);
    // The files that show many pages read the model, not the rendered
    // pages, so they are made beside the pass, on a thread of their own:
    // the pass's steps taken one page at a time (into the board edition,
    // the search index) leave a core waiting that they can use. 10,000
    // pages: 0.92 × the time (bench corpora, before and after).
    let wants = |output: &Output| outputs.wants(output);
    let many = || {
        let made = site.as_ref().map_or(Ok(()), |site| many_pages(input, site, sink, &wants));
        if let (Ok(()), Some((edition, send))) = (&made, ahead) {
            plan_views_ahead(edition, &send);
        }
        made
    };
    std::thread::scope(|scope| {
        let indexer = search.map(|language| Indexer::start(scope, language));
        let assembler = assembly.map(|assembly| Assembler::start(scope, assembly));
        let mut collect = Collect { assembler, indexer, taken: Taken::default(), memory };
        let many = scope.spawn(many);
        let pages = || {
            for chunk in pass.order().chunks(CHUNK) {
                for (&id, rendered) in chunk.iter().zip(collect.render(&pass, chunk, outputs, sink))
                {
                    collect.page(id, &input.publication[id].path, rendered?, diags)?;
                }
            }
            collect.check(&pass, diags)?;
            collect.finish(sink)
        };
        let pages = pages();
        pages.and(joined(many))
    })
}

/// What a thread of the run returned. A panic there goes on here, as one
/// in the pass's pages would: the run never publishes a site that lacks
/// what the thread was making.
fn joined<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Renders the board edition's plan views, in document order, for its
/// assembly to take when it reaches them (see `Assembly::render_ahead`).
fn plan_views_ahead(edition: &Edition<'_>, send: &Sender<Ahead>) {
    for view in edition.plan_views() {
        // Held until the assembly reaches them: no room to spare.
        let rendered = edition.element(view).map(|(mut start, mut end)| {
            start.shrink_to_fit();
            end.shrink_to_fit();
            (start, end)
        });
        if send.send((view, rendered)).is_err() {
            // The assembly has stopped, on an error of its own.
            return;
        }
    }
}

/// Writes the files that show many pages (overviews, plan views, the
/// exports) and the site's files besides its pages.
fn many_pages(
    input: &Input<'_>,
    site: &Site<'_>,
    sink: &Sink,
    wants: &(dyn Fn(&Output) -> bool + Sync),
) -> Result<(), Error> {
    site::rest(site, sink, wants)?;
    if wants(&Output::Exports) {
        for file in export::exports(input) {
            sink.put(file)?;
        }
    }
    Ok(())
}
