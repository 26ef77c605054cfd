//! What a run gathers as the pages come, in order: each page's element
//! into the board edition, its entry into the search index, its anchors
//! and pending links for the checks after the pass; then the search
//! index's files and the edition's end.

use rayon::prelude::*;

use super::Outputs;
use super::indexer::Indexer;
use super::memory::{Memory, Taken};
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::model::PageId;
use crate::output::Sink;
use crate::render::pass::{Pass, Rendered};
use crate::render::print::Assembly;

/// What a run gathers as the pages come: the board edition being
/// assembled, the search index being built, and what the checks after the
/// pass need.
pub(super) struct Collect<'s, 'e, 'm, 'scope> {
    pub(super) assembly: Option<Assembly<'s, 'e>>,
    pub(super) indexer: Option<Indexer<'scope>>,
    pub(super) taken: Taken,
    pub(super) memory: Option<&'m mut Memory>,
}

impl Collect<'_, '_, '_, '_> {
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
        if let (Some(assembly), Some(element)) = (&mut self.assembly, &rendered.print) {
            assembly.page(id, element)?;
        }
        if let Some(indexer) = &mut self.indexer {
            // A server keeps the entry for its next run; a build hands it over.
            let entry = if self.memory.is_some() {
                rendered.search.clone()
            } else {
                rendered.search.take()
            };
            if let Some(entry) = entry {
                indexer.add(entry);
            }
        }
        self.taken.take(key, rendered, self.memory.as_deref_mut());
        Ok(())
    }

    /// Puts what memory kept of the page `id` where the run needs it.
    fn reuse(&mut self, id: PageId, key: &str) -> Result<(), Error> {
        let known = self.memory.as_deref();
        if let (Some(assembly), Some(element)) =
            (&mut self.assembly, known.and_then(|m| m.print.get(key)))
        {
            assembly.page(id, element)?;
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

    /// Writes the search index and closes the board edition.
    pub(super) fn finish(self, sink: &Sink) -> Result<(), Error> {
        if let Some(indexer) = self.indexer {
            indexer.finish(sink)?;
        }
        if let Some(assembly) = self.assembly {
            assembly.finish()?;
        }
        Ok(())
    }
}
