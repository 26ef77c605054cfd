//! HTML start tags as a browser's tokenizer reads them (the HTML standard,
//! "tag open" to "after attribute value"): a name up to white space, `/` or
//! `>`, then attributes whose values may be quoted, so a `>` inside quotes
//! does not end the tag. Shared by the scans that look for what a browser
//! would run or fetch: script in content files (`source::script`), and
//! markup that brings in another document (`framing`).

/// An attribute of a start tag.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Attribute<'a> {
    /// Its name as written.
    pub(crate) name: &'a str,
    /// Where its name starts in the scanned text.
    pub(crate) at: usize,
    /// Its value as written, quotes excluded, character references not decoded.
    pub(crate) value: &'a str,
}

/// Every place in `text` that a browser may read as a start tag: a `<`
/// followed by an ASCII letter. Yields the offset of the `<` and the end of
/// the tag's name.
pub(crate) fn tag_starts(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let lt = from + memchr::memchr(b'<', b.get(from..)?)?;
            from = lt + 1;
            if b.get(from).is_some_and(u8::is_ascii_alphabetic) {
                return Some((lt, skip_until(b, from, |c| is_space(c) || c == b'/' || c == b'>')));
            }
        }
    })
}

/// The attributes of the tag whose name ends at `from`, and the offset just
/// past the tag's `>` (or the end of the text, for a tag never closed).
pub(crate) fn attributes(text: &str, from: usize) -> (Vec<Attribute<'_>>, usize) {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = from;
    loop {
        i = skip_until(b, i, |c| !is_space(c) && c != b'/');
        if i >= b.len() {
            return (found, i);
        }
        if b[i] == b'>' {
            return (found, i + 1);
        }
        let at = i;
        // An attribute name may begin with `=`; it ends at white space, `/`,
        // `>` or the next `=`.
        i = skip_until(b, i + 1, |c| is_space(c) || matches!(c, b'/' | b'>' | b'='));
        let name = &text[at..i];
        i = skip_until(b, i, |c| !is_space(c));
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i = skip_until(b, i + 1, |c| !is_space(c));
            if let Some(&quote) = b.get(i).filter(|&&c| c == b'"' || c == b'\'') {
                let end = skip_until(b, i + 1, |c| c == quote);
                value = &text[i + 1..end];
                i = (end + 1).min(b.len());
            } else {
                let end = skip_until(b, i, |c| is_space(c) || c == b'>');
                value = &text[i..end];
                i = end;
            }
        }
        found.push(Attribute { name, at, value });
    }
}

/// The name without a namespace prefix, as compared: `svg:Script` is `Script`.
#[must_use]
pub(crate) fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The first index at or after `i` whose byte satisfies `stop` (or the end).
/// Every stop is ASCII, so the index is always a character boundary.
pub(crate) fn skip_until(b: &[u8], i: usize, stop: impl Fn(u8) -> bool) -> usize {
    b.get(i..).and_then(|rest| rest.iter().position(|&c| stop(c))).map_or(b.len(), |p| p + i)
}

/// HTML's white space.
pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        tag_starts(text).map(|(lt, end)| &text[lt + 1..end]).collect()
    }

    #[test]
    fn every_lt_before_a_letter_starts_a_tag_wherever_it_stands() {
        assert_eq!(
            names("a < b <!-- <IFRAME/src=x> --> <p title=\"<b>\">x</p><svg:Use>"),
            ["IFRAME", "p", "b", "svg:Use"]
        );
        assert_eq!(names("<"), Vec::<&str>::new());
        assert_eq!(names("<a\n"), ["a"]);
    }

    #[test]
    fn attributes_follow_the_tokenizer() {
        let text = "<meta a=\">\" B='x y' =z c=d e/f =g\thttp-equiv\n=\nrefresh>after";
        let (attrs, end) = attributes(text, 5);
        let read: Vec<(&str, &str)> = attrs.iter().map(|a| (a.name, a.value)).collect();
        assert_eq!(
            read,
            [
                ("a", ">"),
                ("B", "x y"),
                ("=z", ""),
                ("c", "d"),
                ("e", ""),
                ("f", "g"),
                ("http-equiv", "refresh")
            ]
        );
        assert_eq!(&text[end..], "after");
        assert_eq!(attrs[1].at, text.find("B=").unwrap());
        let (attrs, end) = attributes("<a href=\"x", 2);
        assert_eq!((attrs[0].value, end), ("x", 10));
    }
}
