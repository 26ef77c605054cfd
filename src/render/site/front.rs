//! The front page: the purpose statement, the narrative's introduction and
//! the directions.

use crate::model::Kind;
use crate::render::site::Site;
use crate::render::view::PageView;

impl Site<'_> {
    /// Adds what the front page shows besides the purpose statement.
    pub(super) fn front_page(&self, context: &mut tera::Context) {
        let publication = self.input.publication;
        // The introduction shows its title, summary and a link: not its text.
        let intro = publication
            .of_kind(Kind::Narrative)
            .next()
            .map(|(_, page)| PageView { toc: Vec::new(), ..PageView::new(page, "", &[]) });
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
