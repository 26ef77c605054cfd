//! The site's search index ([`crate::search`]) of every content page. The
//! overviews and plan views are left out (they list the pages' titles again
//! and would crowd every result list), and so is the board edition.
//!
//! Each page's entry is taken while the page is rendered, from the events
//! its HTML is written from, and added to the index as it comes (see
//! `render::run`).

use crate::markdown::{self, Doc};
use crate::model::PageId;
use crate::render::site::Site;
use crate::search::{MAX_WORDS, SearchDoc};

/// One page as the index sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    url: String,
    title: String,
    section: String,
    summary: Option<String>,
    headings: Vec<String>,
    facts: Vec<String>,
    /// The body's words, up to [`MAX_WORDS`].
    body: String,
}

impl Entry {
    /// The entry as the index takes it.
    pub(crate) fn doc(&self) -> SearchDoc<'_> {
        SearchDoc {
            url: &self.url,
            title: &self.title,
            section: &self.section,
            summary: self.summary.as_deref(),
            headings: self.headings.iter().map(String::as_str).collect(),
            facts: self.facts.iter().map(String::as_str).collect(),
            body: &self.body,
        }
    }
}

impl Site<'_> {
    /// Page `id`, whose parsed body is `doc`, as the index sees it.
    pub(crate) fn entry(&self, id: PageId, doc: &Doc<'_>) -> Entry {
        let page = &self.input.publication[id];
        let language = self.input.config.language;
        let publication = self.input.publication;
        let mut facts: Vec<String> = Vec::new();
        if let Some(facts_of) = publication.initiative(id) {
            facts.extend(facts_of.all_owners().map(str::to_owned));
            facts.push(publication.status_label(facts_of.status, language).to_owned());
            facts.extend(
                facts_of.priority.map(|p| publication.priority_label(p, language).to_owned()),
            );
            facts.extend(facts_of.kpis.iter().map(|k| k.name.clone()));
            facts.extend(facts_of.milestones.iter().map(|m| m.title.clone()));
            facts.extend(facts_of.external_dependencies.iter().cloned());
        }
        Entry {
            url: page.url.clone(),
            title: page.heading(),
            section: self.views.section_title(page.kind).to_owned(),
            summary: page.summary.clone(),
            headings: doc.headings.iter().map(|h| h.text.clone()).collect(),
            facts,
            body: markdown::plain_text(doc, MAX_WORDS),
        }
    }
}
