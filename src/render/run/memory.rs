//! What a run keeps of each page: for the checks after the pass ([`Taken`])
//! and, in a server, for the next run ([`Memory`]), which then renders
//! only the pages an edit touches.

use std::collections::HashMap;

use super::Outputs;
use crate::deps::Output;
use crate::model::Page;
use crate::render::pass::Rendered;
use crate::render::site::search::Entry;
use crate::xref::{Anchors, Pending};

/// What a server keeps from one run to the next, by page key: what links
/// into each page can name, its element of the board edition and its entry
/// in the search index. A run that renders only some pages takes the rest
/// from here.
#[derive(Debug, Default)]
pub struct Memory {
    pub(super) anchors: HashMap<String, Anchors>,
    pub(super) print: HashMap<String, (String, String)>,
    pub(super) search: HashMap<String, Entry>,
}

/// What a run took in from the pages it rendered, for the checks after
/// the pass.
#[derive(Default)]
pub(super) struct Taken {
    pub(super) anchors: HashMap<String, Anchors>,
    pub(super) pending: Vec<Pending>,
}

impl Taken {
    /// Takes in what the page with key `key` made, keeping in `memory`, if
    /// there is one, what a later run may reuse.
    pub(super) fn take(&mut self, key: &str, rendered: Rendered, memory: Option<&mut Memory>) {
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
    pub(super) fn needs(&self, page: &Page, outputs: &Outputs) -> bool {
        outputs.wants(&Output::Page(page.path.clone()))
            || (outputs.wants(&Output::Print) && !self.print.contains_key(&page.path))
            || (outputs.wants(&Output::Search) && !self.search.contains_key(&page.path))
            || !self.anchors.contains_key(&page.path)
    }
}
