//! Heading levels as a screen reader user moves through them: one `h1` per
//! page and no level skipped. The theme gives every page its `h1` (the
//! title); a body's `#` heading would be a second one, and a `####` under a
//! `##` leaves a level out. Both are reported as warnings at the heading.

use crate::diagnostics::{Code, Diagnostic};
use crate::markdown::Heading;

/// Where a body sits in its page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Under {
    /// Under the page's title, its `h1` (most pages).
    Title,
    /// The body's own first `#` heading is the page's title (a plain page
    /// without `title:`).
    OwnTitle,
    /// Under an `h2` section heading (the purpose on the front page).
    Section,
}

/// Warnings for the headings of one body that sits `under` a heading.
#[must_use]
pub fn check_levels(headings: &[Heading], under: Under) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut before = if under == Under::Section { 2 } else { 1 };
    let mut title_seen = under != Under::OwnTitle;
    for h in headings {
        if h.level == 1 && !title_seen {
            title_seen = true;
        } else if h.level == 1 {
            out.push(
                Diagnostic::warning(
                    h.span.clone(),
                    "a second level-1 heading: the page's title is already its `#` heading",
                ).code(Code::HeadingLevel)
                .help(
                    "start the text's sections with `##`; screen readers take the one `#` heading as the page's title"
                        .to_owned(),
                ),
            );
        } else if h.level > before + 1 {
            let hashes = "#".repeat(usize::from(before + 1));
            out.push(
                Diagnostic::warning(
                    h.span.clone(),
                    format!("this heading skips a level: it is level {}, under level {before}", h.level),
                ).code(Code::HeadingLevel)
                .help(format!(
                    "write it as `{hashes}`: screen readers list a page by its heading levels, and a skipped level reads as a missing section"
                )),
            );
        }
        before = h.level;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{SourceId, Span};

    fn headings(levels: &[u8]) -> Vec<Heading> {
        levels
            .iter()
            .enumerate()
            .map(|(i, &level)| Heading {
                level,
                text: format!("h{i}"),
                id: format!("h{i}"),
                span: Span::new(SourceId(0), i..i + 1),
            })
            .collect()
    }

    /// The index of the heading each warning points at, with its first word.
    fn found(levels: &[u8], under: Under) -> Vec<(usize, String)> {
        check_levels(&headings(levels), under)
            .iter()
            .map(|d| {
                let at = d.primary.as_ref().unwrap().span.range.start;
                (at, d.message.split(' ').take(2).collect::<Vec<_>>().join(" "))
            })
            .collect()
    }

    #[test]
    fn levels_that_follow_each_other_are_fine() {
        assert!(found(&[2, 3, 3, 2, 3, 4, 2], Under::Title).is_empty());
        assert!(found(&[1, 2, 3], Under::OwnTitle).is_empty());
        assert!(found(&[3, 2], Under::Section).is_empty());
    }

    #[test]
    fn a_second_title_and_a_skipped_level_are_reported_at_the_heading() {
        assert_eq!(
            found(&[1, 2, 4, 3], Under::Title),
            [(0, "a second".to_owned()), (2, "this heading".to_owned())]
        );
        assert_eq!(found(&[3], Under::Title), [(0, "this heading".to_owned())]);
        assert_eq!(found(&[1, 2, 1], Under::OwnTitle), [(2, "a second".to_owned())]);
        assert_eq!(found(&[4], Under::Section), [(0, "this heading".to_owned())]);
    }
}
