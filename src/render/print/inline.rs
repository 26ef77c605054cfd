//! What makes the board edition one self-contained file: images and the
//! logo as `data:` URIs, the stylesheet inlined, the running title as a CSS
//! string. The file can be mailed, opened from disk and printed without a
//! request to anything.
//!
//! Reading the files to embed is the one piece of input I/O outside the
//! load stage: they are assets and the logo, every one already held to the
//! inside-the-project rule when loaded, and only the few the edition shows
//! are read, only when it is rendered, instead of holding every asset of
//! every build in memory.

use std::fs;
use std::path::Path;

use crate::artifact::Contents;
use crate::error::Error;
use crate::media;

/// The media type of a file to embed as a `data:` URI.
#[must_use]
pub(crate) fn media_type(path: &str) -> &'static str {
    media::essence(media::of(path))
}

/// The bytes of a file to embed.
pub(crate) fn read(contents: &Contents) -> Result<Vec<u8>, Error> {
    match contents {
        Contents::Bytes(bytes) => Ok(bytes.clone()),
        Contents::Copy(path) => read_file(path),
    }
}

/// The bytes of the file at `path`, checked by the load stage.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    fs::read(path).map_err(Error::io("read", path))
}

/// `bytes` as a `data:` URI of `media_type`.
#[must_use]
pub(crate) fn data_uri(media_type: &str, bytes: &[u8]) -> String {
    let mut uri = format!("data:{media_type};base64,");
    base64(bytes, &mut uri);
    uri
}

/// Standard base64 with padding (RFC 4648 §4), as `data:` URIs take it.
fn base64(bytes: &[u8], out: &mut String) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * k)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
}

/// `text` as a quoted CSS string, safe inside a `<style>` element: quotes
/// and backslashes escaped, line breaks and `<` as CSS escapes (so no
/// `</style>` can end the element early).
#[must_use]
pub(crate) fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\3c "),
            '\n' | '\r' | '\u{c}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A stylesheet's text, safe inside a `<style>` element: a `</style` in it
/// (which CSS never needs) would end the element and let what follows be
/// read as HTML.
#[must_use]
pub(crate) fn style_text(css: &str) -> String {
    css.replace("</", "<\\/")
}

/// `css` with each `url(…)` that names a theme file (`fonts/Noto.woff2`,
/// relative to the stylesheet, as the site links it) replaced by the file as
/// a `data:` URI, so the edition embeds its fonts and needs no request. A
/// `url()` that `theme_file` does not know is left as it is: the edition's
/// policy lets it load nothing.
pub(crate) fn embed_urls(
    css: &str,
    mut theme_file: impl FnMut(&str) -> Result<Option<Vec<u8>>, Error>,
) -> Result<String, Error> {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("url(") {
        let (before, after) = rest.split_at(at + "url(".len());
        out.push_str(before);
        let Some(end) = after.find(')') else {
            rest = after;
            break;
        };
        let name = after[..end].trim().trim_matches(|c| c == '"' || c == '\'');
        match theme_file(name)? {
            Some(bytes) => {
                out.push('"');
                out.push_str(&data_uri(media_type(name), &bytes));
                out.push('"');
            }
            None => out.push_str(&after[..end]),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_follows_rfc_4648() {
        // The test vectors of RFC 4648 §10.
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64(input.as_bytes(), &mut out);
            assert_eq!(out, expected, "{input}");
        }
        assert_eq!(data_uri("image/png", &[0xff, 0xfe]), "data:image/png;base64,//4=");
    }

    #[test]
    fn theme_files_named_by_url_are_embedded_and_others_left_alone() {
        let css = "@font-face{src:url(\"fonts/a.woff2\") format(\"woff2\")}\n\
                   b{background:url('x.png')}i{background:url( fonts/a.woff2 )}";
        let found =
            embed_urls(css, |name| Ok((name == "fonts/a.woff2").then(|| b"ab".to_vec()))).unwrap();
        assert_eq!(
            found,
            "@font-face{src:url(\"data:font/woff2;base64,YWI=\") format(\"woff2\")}\n\
             b{background:url('x.png')}i{background:url(\"data:font/woff2;base64,YWI=\")}"
        );
        assert_eq!(embed_urls("a{b:url(", |_| Ok(None)).unwrap(), "a{b:url(");
    }

    #[test]
    fn css_strings_cannot_end_the_style_element() {
        assert_eq!(
            css_string("Strategi \"2027\"\n</style>\\"),
            "\"Strategi \\\"2027\\\" \\3c /style>\\\\\""
        );
        assert_eq!(
            style_text("a::after{content:\"</style>\"}"),
            "a::after{content:\"<\\/style>\"}"
        );
    }
}
