//! The board edition's frame: the document's head with its stylesheet
//! inlined and the page rules that carry words (the running title, "Side
//! 3 af 24", the draft mark), the cover and the contents, with a place for
//! the parts.

use std::fmt::Write as _;

use super::{CHILDREN, Edition, inline};
use crate::config::Status;
use crate::error::Error;
use crate::model::THEME_DIR;
use crate::render::Templates;
use crate::render::changes::{self, Writer};
use crate::render::labels::Labels;
use crate::render::view::SiteView;

impl Edition<'_> {
    /// The document's frame: head, cover and contents, with a place for
    /// the parts.
    pub(super) fn frame(&self) -> Result<tera::Context, Error> {
        let input = self.input;
        let mut context = tera::Context::new();
        let logo = match &input.config.logo {
            Some(logo) => Some(inline::data_uri(
                inline::media_type(&logo.file.to_string_lossy()),
                &inline::read_file(&logo.file)?,
            )),
            None => None,
        };
        context.insert("site", &SiteView::new(input.config, self.labels, logo));
        context.insert("t", self.labels);
        context.insert("draft", &(input.config.status == Status::Draft));
        context.insert("css", &inline::style_text(&stylesheet(self.templates)?));
        context
            .insert("page_css", &page_css(&input.config.title, self.labels, input.config.status));
        context.insert("toc", &self.outline.toc());
        context.insert("summary", &self.summary());
        context.insert("document", CHILDREN);
        context.insert("commit", &input.history.commit);
        let changes = input.changes.map(|comparison| {
            let href = |id| self.prints(id).then(|| super::ids::href(&input.publication[id]));
            let writer = Writer { input, labels: self.labels, href: &href, level: 2 };
            (changes::title(comparison, self.labels), writer.html(comparison))
        });
        context.insert("changes", &changes);
        Ok(context)
    }
}

/// The theme's `figures.css` (the look of the roadmap and the charts, shared
/// with the site), `print.css` and `brand.css` (`brand:` in the config: the
/// same custom properties as on the site), in that order, with the theme
/// files they name (fonts) embedded as `data:` URIs, so the board edition
/// stays one file; a project theme may replace the first two.
fn stylesheet(templates: &Templates) -> Result<String, Error> {
    let theme_file = |name: &str| {
        let path = format!("{THEME_DIR}/{name}");
        templates.statics.iter().find(|f| f.path == path)
    };
    let mut css = String::new();
    for name in ["figures.css", "print.css", "brand.css"] {
        if let Some(file) = theme_file(name) {
            css.push_str(&String::from_utf8_lossy(&inline::read(&file.contents)?));
            css.push('\n');
        }
    }
    inline::embed_urls(&css, |name| theme_file(name).map(|f| inline::read(&f.contents)).transpose())
}

/// The page rules that carry words: the running title in the header, "Side
/// 3 af 24" in the footer and, in a draft, the draft mark on every page.
fn page_css(title: &str, labels: &Labels, status: Status) -> String {
    let counter = format!(
        "{} counter(page) {} counter(pages)",
        inline::css_string(&format!("{} ", labels.page_word)),
        inline::css_string(&format!(" {} ", labels.page_of_word)),
    );
    let mut css = format!(
        "@page {{ @top-center {{ content: {}; }} @bottom-right {{ content: {counter}; }} }}\n",
        inline::css_string(title),
    );
    if status == Status::Draft {
        let mark = inline::css_string(&labels.draft_mark);
        let _ = writeln!(css, "@page {{ @top-left {{ content: {mark}; }} }}");
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

    #[test]
    fn page_rules_carry_the_title_the_page_numbers_and_the_draft_mark() {
        let da = Labels::new(&crate::config::Config::default());
        let css = page_css("Sammen \"om\" det", &da, Status::Draft);
        assert!(css.contains("@top-center { content: \"Sammen \\\"om\\\" det\"; }"), "{css}");
        assert!(
            css.contains(
                "@bottom-right { content: \"Side \" counter(page) \" af \" counter(pages); }"
            ),
            "{css}"
        );
        assert!(css.contains("@top-left { content: \"UDKAST\"; }"), "{css}");
        let en = Labels::new(&crate::config::Config {
            language: Language::En,
            ..crate::config::Config::default()
        });
        let css = page_css("T", &en, Status::Approved);
        assert!(css.contains("\"Page \" counter(page) \" of \" counter(pages)"), "{css}");
        assert!(!css.contains("DRAFT"), "{css}");
    }
}
