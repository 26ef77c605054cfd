//! Which file of the site a request names, refusing anything that could
//! reach outside it: the path is decoded once (`%2e%2e` is `..`, and is
//! refused; `%252e` stays `%2e`, a name no file of the site has), and a
//! `..`, a `.` segment, a backslash, a NUL or a name that starts with a dot
//! is a bad request. Only names of the built site are ever answered; the
//! file system is never asked what a path means.

/// What a request path asks for.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Wanted {
    /// The site's file at this path (relative, `/`-separated).
    File(String),
    /// Nothing the site could have: answer 400.
    Bad,
}

/// The site file `path` (the request's path, without its query) names. A
/// folder is its `index.html`.
pub(crate) fn wanted(path: &str) -> Wanted {
    let Some(decoded) = percent_decode(path) else { return Wanted::Bad };
    let trimmed = decoded.trim_start_matches('/');
    let mut parts = Vec::new();
    for part in trimmed.split('/') {
        if part.is_empty() {
            continue;
        }
        if part.starts_with('.') || part.contains(['\\', '\0']) {
            return Wanted::Bad;
        }
        parts.push(part);
    }
    let mut file = parts.join("/");
    if decoded.ends_with('/') || file.is_empty() {
        if !file.is_empty() {
            file.push('/');
        }
        file.push_str("index.html");
    }
    Wanted::File(file)
}

/// `path` with `%XX` decoded, once; `None` when an escape is malformed or
/// the result is not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = path.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str) -> Wanted {
        Wanted::File(path.to_owned())
    }

    #[test]
    fn folders_are_their_index_and_names_are_decoded_once() {
        assert_eq!(wanted("/"), file("index.html"));
        assert_eq!(wanted("/initiatives/"), file("initiatives/index.html"));
        assert_eq!(wanted("/initiatives/soc.html"), file("initiatives/soc.html"));
        assert_eq!(wanted("/billeder/kort%201.png"), file("billeder/kort 1.png"));
        assert_eq!(wanted("/f%C3%A6lles.html"), file("fælles.html"));
        // Decoded once: a double-encoded dot is a name, which no file has.
        assert_eq!(wanted("/%252e%252e/etc/passwd"), file("%2e%2e/etc/passwd"));
    }

    #[test]
    fn what_could_leave_the_site_is_a_bad_request() {
        for bad in [
            "/../etc/passwd",
            "/a/../../b",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc",
            "/a/%2e%2e%2f%2e%2e/b",
            "/..%5c..%5cwindows",
            "/a\\b",
            "/%00",
            "/.git/config",
            "/a/.env",
            "/%zz",
            "/%c3",
        ] {
            assert_eq!(wanted(bad), Wanted::Bad, "{bad}");
        }
    }
}
