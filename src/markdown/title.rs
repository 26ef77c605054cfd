//! The title a document carries in its text: its first level-1 heading.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::parser_options;

/// The plain text of the first `#` heading of `body`, if it has one before
/// any other heading level 1. Stops reading at that heading.
#[must_use]
pub fn first_heading(body: &str) -> Option<String> {
    let mut text: Option<String> = None;
    for event in Parser::new_ext(body, parser_options()) {
        match (&mut text, event) {
            (None, Event::Start(Tag::Heading { level: HeadingLevel::H1, .. })) => {
                text = Some(String::new());
            }
            (Some(t), Event::Text(s) | Event::Code(s)) => t.push_str(&s),
            (Some(t), Event::End(TagEnd::Heading(_))) => {
                let title = t.trim().to_owned();
                return (!title.is_empty()).then_some(title);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::first_heading;

    #[test]
    fn finds_the_first_level_one_heading() {
        assert_eq!(
            first_heading("Intro\n\n## Sub\n\n# Getting *started*\n").as_deref(),
            Some("Getting started")
        );
        assert_eq!(first_heading("Title\n=====\n").as_deref(), Some("Title"));
        assert_eq!(first_heading("## Only a sub\n"), None);
        assert_eq!(first_heading("#\n"), None);
        assert_eq!(first_heading("```\n# not a heading\n```\n"), None);
    }
}
