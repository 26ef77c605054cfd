//! The search index built on a thread of its own, a page at a time as the
//! pages are rendered, so no page's words wait in memory for the rest.

use super::{CHUNK, joined};
use crate::config::Language;
use crate::error::Error;
use crate::output::Sink;
use crate::render::site::search::Entry;
use crate::search::SearchIndex;

/// The search index being built on its own thread from the entries it is
/// sent, in the order it is sent them.
pub(super) struct Indexer<'scope> {
    entries: std::sync::mpsc::SyncSender<Entry>,
    built: std::thread::ScopedJoinHandle<'scope, SearchIndex>,
}

impl<'scope> Indexer<'scope> {
    pub(super) fn start<'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        language: Language,
    ) -> Self {
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

    pub(super) fn add(&mut self, entry: Entry) {
        // The thread ends only when this sender is dropped.
        let _ = self.entries.send(entry);
    }

    /// Writes the index's files into `sink`.
    pub(super) fn finish(self, sink: &Sink) -> Result<(), Error> {
        drop(self.entries);
        joined(self.built).write(&|file| sink.put(file))
    }
}
