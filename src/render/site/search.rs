//! The site's search index ([`crate::search`]) of every content page. The
//! overviews and plan views are left out (they list the pages' titles again
//! and would crowd every result list), and so is the board edition.

use rayon::prelude::*;

use crate::artifact::OutputFile;
use crate::markdown;
use crate::model::PageId;
use crate::render::labels;
use crate::render::site::Site;
use crate::search::{MAX_WORDS, SearchDoc, SearchIndex};

impl Site<'_> {
    /// The index's files under `theme/search/`. Each thread indexes a run of
    /// pages; the runs are merged in reading order. A run is long: a new
    /// index analyses every word it meets once more.
    pub(super) fn search_index(&self) -> Vec<OutputFile> {
        let language = self.input.config.language;
        let pages: Vec<PageId> = self.input.publication.iter().map(|(id, _)| id).collect();
        let run = pages.len() / (4 * rayon::current_num_threads()).max(1);
        pages
            .into_par_iter()
            .with_min_len(run.max(1))
            .fold(
                || SearchIndex::new(language),
                |mut index, id| {
                    self.add_to(&mut index, id);
                    index
                },
            )
            .reduce(
                || SearchIndex::new(language),
                |mut index, more| {
                    index.merge(more);
                    index
                },
            )
            .finish()
    }

    /// Adds page `id` to `index`.
    fn add_to(&self, index: &mut SearchIndex, id: PageId) {
        let page = &self.input.publication[id];
        let doc = &self.input.docs[id.index()];
        let language = self.input.config.language;
        let body = markdown::plain_text(doc, MAX_WORDS);
        let title = page.heading();
        let mut facts: Vec<&str> = Vec::new();
        if let Some(facts_of) = &page.initiative {
            facts.extend(facts_of.all_owners());
            facts.push(labels::status(facts_of.status, language));
            facts.extend(facts_of.priority.map(|p| labels::priority(p, language)));
            facts.extend(facts_of.kpis.iter().map(|k| k.name.as_str()));
            facts.extend(facts_of.milestones.iter().map(|m| m.title.as_str()));
            facts.extend(facts_of.external_dependencies.iter().map(String::as_str));
        }
        index.add(&SearchDoc {
            url: &page.url,
            title: &title,
            section: self.views.section_title(page.kind),
            summary: page.summary.as_deref(),
            headings: doc.headings.iter().map(|h| h.text.as_str()).collect(),
            facts,
            body: &body,
        });
    }
}
