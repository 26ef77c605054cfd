//! The config's web addresses: `base_url` (where the site is published, for
//! the absolute addresses that sharing and search engines need) and
//! `accessibility_statement` (a link every page carries). Both must be
//! `http(s)://host/…` written out in full, so a typo is reported at its line
//! instead of turning into a broken link on every page.

use crate::diagnostics::{Code, Diagnostic};
use crate::fields::Reader;

/// Why `text` is not a usable web address, if it is not.
fn problem(text: &str) -> Option<&'static str> {
    let Some((scheme, rest)) = text.split_once("://") else {
        return Some("is not a web address");
    };
    if !matches!(scheme.to_ascii_lowercase().as_str(), "https" | "http") {
        return Some("is not a web address");
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>')) {
        return Some("contains a space or a character a web address cannot hold");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let name = host.rsplit_once('@').map_or(host, |(_, h)| h);
    if name.is_empty() || name.starts_with(':') {
        return Some("has no host name");
    }
    None
}

/// `accessibility_statement: URL`, if it is a web address.
pub(super) fn accessibility_statement(r: &mut Reader<'_>) -> Option<String> {
    let text = r.text("accessibility_statement")?;
    match problem(&text) {
        None => Some(text),
        Some(why) => {
            let span = r.node("accessibility_statement")?.span.clone();
            r.diags.push(Diagnostic::error(span, format!("`{text}` {why}")).code(Code::InvalidAddress).help(
                "give the statement's full address, e.g. `accessibility_statement: https://www.was.digst.dk/…`"
                    .to_owned(),
            ));
            None
        }
    }
}

/// `base_url: https://host/path/`, if it is a web address with no query or
/// fragment; written with a closing `/`, so page URLs can follow it.
pub(super) fn base_url(r: &mut Reader<'_>) -> Option<String> {
    let text = r.text("base_url")?;
    let why = problem(&text).or_else(|| {
        text.contains(['?', '#']).then_some("has a query or a fragment; a site's address has none")
    });
    match why {
        None if text.ends_with('/') => Some(text),
        None => Some(format!("{text}/")),
        Some(why) => {
            let span = r.node("base_url")?.span.clone();
            r.diags.push(Diagnostic::error(span, format!("`{text}` {why}")).code(Code::InvalidAddress).help(
                "give the address the site is published at, e.g. `base_url: https://strategi.example.dk/`"
                    .to_owned(),
            ));
            None
        }
    }
}

/// Why `path` (a `base_path`, or the path of `base_url`) cannot be where the
/// site is served, if it cannot: it is written into `robots.txt` as a rule
/// and into the 404 page's links, so it is one line of path characters. A
/// line break would add rules of its own (`Disallow: /`), a space breaks
/// the links, and `\` is `/` to a browser (`/\host/` leads to another host).
pub(super) fn path_problem(path: &str) -> Option<String> {
    if path.contains(['\n', '\r']) {
        return Some("holds a line break".to_owned());
    }
    if let Some(c) = path.chars().find(|c| c.is_whitespace() || c.is_control()) {
        let what = if c.is_whitespace() { "a space" } else { "a control character" };
        return Some(format!("holds {what}"));
    }
    if let Some(c) = path.chars().find(|c| "\"<>\\^`{|}[]?#".contains(*c)) {
        return Some(format!("holds `{c}`, which a path in a web address cannot"));
    }
    let percent = path.match_indices('%').any(|(at, _)| {
        path.get(at + 1..at + 3).is_none_or(|hex| !hex.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    if percent {
        return Some("holds a `%` that is not followed by two hex digits".to_owned());
    }
    path.split('/')
        .any(|segment| segment == "." || segment == "..")
        .then(|| "holds a `.` or `..` folder".to_owned())
}

/// The path of `base_url` (`https://host/strategi/` -> `/strategi/`).
pub(super) fn path_of(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    rest.find('/').map_or("/", |at| &rest[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_written_in_full() {
        for good in ["https://a.dk", "http://a.dk/x/", "https://a.dk:8080/p", "https://u@a.dk/"] {
            assert_eq!(problem(good), None, "{good}");
        }
        for (bad, why) in [
            ("a.dk/strategi", "is not a web address"),
            ("ftp://a.dk/", "is not a web address"),
            ("javascript://x", "is not a web address"),
            ("https:///x", "has no host name"),
            ("https://a dk/", "contains a space or a character a web address cannot hold"),
            ("https://a.dk/\"x", "contains a space or a character a web address cannot hold"),
        ] {
            assert_eq!(problem(bad), Some(why), "{bad}");
        }
    }

    #[test]
    fn a_base_path_is_one_line_of_path_characters() {
        for good in ["/", "strategi", "/strategi/2027/", "/æblegrød/", "/a%20b/", "/a-b_c~d.e/"] {
            assert_eq!(path_problem(good), None, "{good}");
        }
        for (bad, why) in [
            ("/a\nDisallow: /", "holds a line break"),
            ("/a\r/", "holds a line break"),
            ("/my site/", "holds a space"),
            ("/a\u{a0}b/", "holds a space"),
            ("/a\u{7}/", "holds a control character"),
            ("/\\evil.example/", "holds `\\`, which a path in a web address cannot"),
            ("/a?b", "holds `?`, which a path in a web address cannot"),
            ("/\"x/", "holds `\"`, which a path in a web address cannot"),
            ("/a%2/", "holds a `%` that is not followed by two hex digits"),
            ("/a/../b/", "holds a `.` or `..` folder"),
        ] {
            assert_eq!(path_problem(bad).as_deref(), Some(why), "{bad:?}");
        }
    }

    #[test]
    fn the_path_of_a_base_url() {
        assert_eq!(path_of("https://a.dk/"), "/");
        assert_eq!(path_of("https://a.dk/strategi/"), "/strategi/");
        assert_eq!(path_of("https://a.dk"), "/");
    }
}
