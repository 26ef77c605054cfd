//! What a run gathers as the pages come, in order: each page's element
//! for the board edition, its entry for the search index (each written on
//! a thread of its own), its anchors and pending links for the checks
//! after the pass; then the edition's end and the search index's files.

use rayon::prelude::*;

use super::Outputs;
use super::assembler::Assembler;
use super::indexer::Indexer;
use super::memory::{Memory, Taken};
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::model::PageId;
use crate::output::Sink;
use crate::render::pass::{Pass, Rendered};

/// What a run gathers as the pages come: the board edition being
/// assembled, the search index being built, and what the checks after the
/// pass need.
pub(super) struct Collect<'m, 'scope> {
    pub(super) assembler: Option<Assembler<'scope>>,
    pub(super) indexer: Option<Indexer<'scope>>,
    pub(super) taken: Taken,
    pub(super) memory: Option<&'m mut Memory>,
}

impl Collect<'_, '_> {
    /// Renders the pages of `chunk` side by side, each only if this run
    /// needs it again; `None` for a page taken from memory.
    pub(super) fn render(
        &self,
        pass: &Pass<'_>,
        chunk: &[PageId],
        outputs: &Outputs,
        sink: &Sink,
    ) -> Vec<Result<Option<Rendered>, Error>> {
        let (known, publication) = (self.memory.as_deref(), pass.input.publication);
        chunk
            .par_iter()
            .map(|&id| {
                let again = known.is_none_or(|m| m.needs(&publication[id], outputs));
                if again { pass.page(id, sink).map(Some) } else { Ok(None) }
            })
            .collect()
    }

    /// Takes in the page `id` with key `key`: what it made, or, when it was
    /// not rendered again, what memory kept of it.
    pub(super) fn page(
        &mut self,
        id: PageId,
        key: &str,
        rendered: Option<Rendered>,
        diags: &mut Diagnostics,
    ) -> Result<(), Error> {
        let Some(mut rendered) = rendered else { return self.reuse(id, key) };
        diags.extend(std::mem::take(&mut rendered.diags));
        // A server keeps the element and the entry for its next run; a
        // build hands them over.
        let keeps = self.memory.is_some();
        if let Some(assembler) = &mut self.assembler {
            if let Some(element) = handed(&mut rendered.print, keeps) {
                assembler.page(id, element)?;
            }
        }
        if let Some(indexer) = &mut self.indexer {
            if let Some(entry) = handed(&mut rendered.search, keeps) {
                indexer.add(entry);
            }
        }
        self.taken.take(key, rendered, self.memory.as_deref_mut());
        Ok(())
    }

    /// Puts what memory kept of the page `id` where the run needs it.
    fn reuse(&mut self, id: PageId, key: &str) -> Result<(), Error> {
        let known = self.memory.as_deref();
        if let (Some(assembler), Some(element)) =
            (&mut self.assembler, known.and_then(|m| m.print.get(key)))
        {
            assembler.page(id, element.clone())?;
        }
        if let (Some(indexer), Some(entry)) =
            (&mut self.indexer, known.and_then(|m| m.search.get(key)))
        {
            indexer.add(entry.clone());
        }
        Ok(())
    }

    /// The checks that need every page: links into other pages' anchors.
    pub(super) fn check(&self, pass: &Pass<'_>, diags: &mut Diagnostics) -> Result<(), Error> {
        let publication = pass.input.publication;
        let anchors = |id: PageId| {
            let key = &publication[id].path;
            let known = self.memory.as_deref();
            self.taken.anchors.get(key).or_else(|| known.and_then(|m| m.anchors.get(key)))
        };
        pass.index.check(&self.taken.pending, &anchors, diags);
        diags.sort();
        if diags.has_errors() {
            return Err(Error::Content(diags.clone()));
        }
        Ok(())
    }

    /// Waits for the board edition to be written, then writes the search
    /// index: one after the other, so that what each holds while it is
    /// made (the edition's waiting pages, the index's files: megabytes at
    /// 10,000 pages) does not add up in the build's peak memory.
    pub(super) fn finish(self, sink: &Sink) -> Result<(), Error> {
        if let Some(assembler) = self.assembler {
            assembler.finish()?;
        }
        if let Some(indexer) = self.indexer {
            indexer.finish(sink)?;
        }
        Ok(())
    }
}

/// What a page made for a thread: taken when `keeps` is false, else a copy.
fn handed<T: Clone>(made: &mut Option<T>, keeps: bool) -> Option<T> {
    if keeps { made.clone() } else { made.take() }
}
