//! The board edition assembled on a thread of its own, as the pages are
//! rendered: the pass hands over each printed page's element and goes on.
//! Between pages the edition has elements no page carries (its plan views:
//! at 10,000 initiatives each is megabytes, rendered in a few tenths of a
//! second, here or ahead on another thread); written on the pass's own
//! thread, they held up the pass while the other core had no page to
//! render.

use super::{CHUNK, joined};
use crate::error::Error;
use crate::model::PageId;
use crate::render::print::Assembly;

/// An element the pass hands over: the page's start and end.
type Element = (PageId, (String, String));

/// The board edition being written on its own thread from the elements it
/// is sent, in the order it is sent them.
pub(super) struct Assembler<'scope> {
    elements: std::sync::mpsc::SyncSender<Element>,
    /// `None` once joined.
    written: Option<std::thread::ScopedJoinHandle<'scope, Result<(), Error>>>,
}

impl<'scope> Assembler<'scope> {
    pub(super) fn start<'env, 's: 'scope, 'e: 'scope>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        mut assembly: Assembly<'s, 'e>,
    ) -> Self {
        // Enough pages wait to keep both cores busy while a plan view of a
        // large plan is rendered here (`stratdoc pdf`, which renders no
        // site to render them ahead) or written (a page's element is 16 KB
        // on average in the 10,000-page bench corpus: 16 MB at most);
        // beyond that the pass waits for the edition.
        let (elements, receive) = std::sync::mpsc::sync_channel::<Element>(16 * CHUNK);
        let written = scope.spawn(move || {
            for (id, element) in receive {
                assembly.page(id, &element)?;
            }
            assembly.finish()
        });
        Assembler { elements, written: Some(written) }
    }

    /// Hands over page `id`'s element; the error that stopped the edition,
    /// when it has stopped.
    pub(super) fn page(&mut self, id: PageId, element: (String, String)) -> Result<(), Error> {
        match self.elements.send((id, element)) {
            Ok(()) => Ok(()),
            // The thread ends early only on an error: no use rendering on.
            Err(_) => self.written.take().map_or(Ok(()), joined),
        }
    }

    /// Waits for the edition to be written to its end.
    pub(super) fn finish(self) -> Result<(), Error> {
        drop(self.elements);
        self.written.map_or(Ok(()), joined)
    }
}
