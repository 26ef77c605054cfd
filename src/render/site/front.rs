//! The front page: the purpose statement, the narrative's introduction and
//! the directions.

use crate::markdown;
use crate::model::Kind;
use crate::render::site::Site;
use crate::render::view::PageView;

impl Site<'_> {
    /// Adds what the front page shows besides the purpose statement.
    pub(super) fn front_page(&self, context: &mut tera::Context) {
        let publication = self.input.publication;
        let intro_html;
        let intro = match publication.of_kind(Kind::Narrative).next() {
            Some((id, page)) => {
                let doc = &self.input.docs[id.index()];
                intro_html = markdown::to_html(doc, &self.hrefs(id), &[], self.html_options());
                Some(PageView { toc: Vec::new(), ..PageView::new(page, &intro_html, &[]) })
            }
            None => None,
        };
        context.insert("intro", &intro);
        context.insert("directions", &self.views.cards(Kind::Direction));
        context.insert("chapters", &self.views.links_of(Kind::Narrative));
        context.insert("initiative_count", &publication.count(Kind::Initiative));
        if publication.count(Kind::Initiative) > 0 {
            let quarters = self.plan_quarters();
            context.insert("figures", &self.views.key_figures(self.input.as_of));
            context.insert("strip", &self.views.strip(&quarters, self.input.as_of));
        }
    }
}
