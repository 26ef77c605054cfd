//! The title a document carries in its text: its first level-1 heading.

use super::Doc;

/// The plain text of the first `#` heading of `doc`, if it has one with
/// any text.
#[must_use]
pub fn first_heading(doc: &Doc<'_>) -> Option<String> {
    let title = doc.headings.iter().find(|h| h.level == 1)?.text.trim();
    (!title.is_empty()).then(|| title.to_owned())
}

#[cfg(test)]
mod tests {
    use super::first_heading;
    use crate::config::Language;
    use crate::diagnostics::SourceId;
    use crate::markdown::{HtmlOptions, parse};

    fn title(body: &str) -> Option<String> {
        let options = HtmlOptions { language: Language::Da, allow_html: true };
        first_heading(&parse(SourceId(0), body, 0..body.len(), options))
    }

    #[test]
    fn finds_the_first_level_one_heading() {
        assert_eq!(
            title("Intro\n\n## Sub\n\n# Getting *started*\n").as_deref(),
            Some("Getting started")
        );
        assert_eq!(title("Title\n=====\n").as_deref(), Some("Title"));
        assert_eq!(title("## Only a sub\n"), None);
        assert_eq!(title("#\n"), None);
        assert_eq!(title("```\n# not a heading\n```\n"), None);
    }
}
