//! The 404 page, `404.html`, in the site's language, with the way back.
//!
//! A web server shows this page for any address it cannot find, at any
//! depth (`/strategi/a/b/missing`), so relative links would lead nowhere:
//! its links, style sheet and icon are absolute paths from `base_path`, the
//! one page of the site that depends on where it is served.

use crate::artifact::OutputFile;
use crate::error::Error;
use crate::render::site::Site;

/// The 404 page's file name, which static hosts look for at the site's root.
pub(crate) const NOT_FOUND: &str = "404.html";

impl Site<'_> {
    /// Renders `404.html`.
    pub(super) fn not_found(&self) -> Result<OutputFile, Error> {
        let title = &self.views.labels.not_found;
        let root = &self.input.config.base_path;
        let mut context = self.context_at(NOT_FOUND, root, title, None);
        context.insert("sections", &self.navigation(NOT_FOUND, None));
        context.insert("not_found", &true);
        // It stands for no address of its own.
        context.insert("canonical", &None::<String>);
        self.render(NOT_FOUND, &context, NOT_FOUND.to_owned())
    }
}
