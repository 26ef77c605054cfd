//! Paths and URLs: relative links between pages of the site, the way back
//! to its root, and the small parsing a destination needs (its scheme,
//! percent-decoding, NFC).

use crate::model::{KindId, Publication};
use crate::xref::SHOWN_CHARS;

/// The folders that hold `path`: `a/b/c.md` -> `a/b`, `a` and the empty
/// path, which stands for `content/` itself.
pub(super) fn folders_of(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(|(i, _)| &path[..i]).chain(std::iter::once(""))
}

/// True when `target`, relative to the folder of `from`, is `content/` itself.
pub(super) fn lands_at_root(from: &str, target: &str) -> bool {
    let mut depth = from.matches('/').count();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." if depth == 0 => return false,
            ".." => depth -= 1,
            _ => depth += 1,
        }
    }
    depth == 0
}

/// `text`, cut to [`SHOWN_CHARS`] with `…` when longer, for messages.
pub(super) fn clip(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// `initiatives` (a folder link) -> the kind whose overview page it is,
/// when stratdoc makes one (a kind with pages).
pub(super) fn section_kind(publication: &Publication, target: &str) -> Option<KindId> {
    let kind = publication.schema.kind_of_folder(target)?;
    (publication.count(kind) > 0).then_some(kind)
}

/// The URL scheme (`https`, `mailto`), lowercased, if the destination has one.
/// Control characters and spaces are ignored the way browsers ignore them.
pub(super) fn scheme(dest: &str) -> Option<String> {
    // Only what comes before the first `:` is cleaned (the characters
    // dropped are never a `:`): most links have none, and the rest of a
    // long one is not copied.
    let (before, _) = dest.split_once(':')?;
    let scheme: String = before.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    let valid = scheme.len() > 1
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic());
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Relative URL from page `from` to `to`, both relative to the site root.
#[must_use]
pub fn relative_url(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> =
        from.split('/').collect::<Vec<_>>().split_last().map_or(Vec::new(), |(_, d)| d.to_vec());
    let to_parts: Vec<&str> = to.split('/').collect();
    let common =
        from_dirs.iter().zip(&to_parts).take_while(|(a, b)| a == b).count().min(to_parts.len() - 1);
    let mut out = "../".repeat(from_dirs.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    out
}

/// The prefix that leads from page `url` back to the site root (`../../`).
#[must_use]
pub fn root_of(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

pub(super) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls() {
        assert_eq!(relative_url("initiatives/a.html", "directions/b.html"), "../directions/b.html");
        assert_eq!(relative_url("initiatives/a.html", "initiatives/c.html"), "c.html");
        assert_eq!(relative_url("index.html", "initiatives/c.html"), "initiatives/c.html");
        assert_eq!(relative_url("a/b/c.html", "index.html"), "../../index.html");
        assert_eq!(relative_url("a/b.html", "a/b/c.html"), "b/c.html");
        assert_eq!(root_of("a/b/c.html"), "../../");
        assert_eq!(root_of("index.html"), "");
    }

    #[test]
    fn schemes() {
        assert_eq!(scheme("https://x").as_deref(), Some("https"));
        assert_eq!(scheme(" JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("java\tscript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("../a.md"), None);
        assert_eq!(scheme("C:\\x"), None);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("Kort%201.png"), "Kort 1.png");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%aæ%"), "%aæ%");
        assert_eq!(percent_decode("%C3%A6"), "æ");
    }
}
