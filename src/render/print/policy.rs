//! What the board edition may load: nothing but itself. A Content Security
//! Policy first in its `<head>` allows inline style and `data:` images and fonts, what
//! the edition is made of, and nothing else: no script, no frame or object,
//! no request to any address, `file:` included, in whatever browser opens
//! the file. stratdoc writes it, not the template, so a project's own
//! `print.html` cannot leave it out. The rendered edition is also scanned
//! once more for markup that brings in another document (see
//! [`crate::framing`]): a template can put a tag together (`<{{ name }}`)
//! that no reading of its text finds.

use crate::error::Error;
use crate::framing;
use crate::markup;

/// The edition's Content Security Policy. `default-src 'none'` covers
/// script, frames, objects, media and fetches (fonts only as `data:`, the
/// brand's typeface inlined); `base-uri` and
/// `form-action` do not fall back to it, so they are named.
pub(super) const POLICY: &str = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

fn refuse(template: &str, reason: String) -> Error {
    Error::Template { name: template.to_owned(), source: tera::Error::msg(reason) }
}

/// Refuses `html`, a piece of the edition that `template` rendered, when it
/// brings in another document.
pub(super) fn check(html: &str, template: &str) -> Result<(), Error> {
    match framing::find(html).first() {
        Some(found) => Err(refuse(
            template,
            format!(
                "it writes `<{}>` into the board edition, which may bring in no other document",
                found.element
            ),
        )),
        None => Ok(()),
    }
}

/// `html` (the edition's frame, which `template` rendered) with its policy
/// first in `<head>`, or why it cannot have one.
pub(super) fn protect(html: &str, template: &str) -> Result<String, Error> {
    check(html, template)?;
    let refuse = |reason: String| refuse(template, reason);
    let at = head_end(html).ok_or_else(|| {
        refuse(
            "the board edition must begin with `<head>` (after `<!DOCTYPE html>` and `<html>`, with nothing but comments between): stratdoc puts its content security policy first in it"
                .to_owned(),
        )
    })?;
    let meta = format!("\n<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">");
    Ok(format!("{}{meta}{}", &html[..at], &html[at..]))
}

/// The offset just past the `<head …>` tag, when it is the first element of
/// the document. Only then is what follows it in the head: text or another
/// element before it would open the head (and maybe the body) without it,
/// and a policy outside the head is ignored.
fn head_end(html: &str) -> Option<usize> {
    let mut i = 0;
    let mut seen_html = false;
    loop {
        i += html[i..].len() - html[i..].trim_start().len();
        let rest = &html[i..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i += 4 + comment.find("-->")? + 3;
        } else if rest.starts_with("<!") && !seen_html {
            i += rest.find('>')? + 1;
        } else {
            let (lt, name_end) = markup::tag_starts(rest).next().filter(|&(lt, _)| lt == 0)?;
            let name = &rest[lt + 1..name_end];
            let (_, end) = markup::attributes(rest, name_end);
            if name.eq_ignore_ascii_case("head") {
                return Some(i + end);
            }
            if seen_html || !name.eq_ignore_ascii_case("html") {
                return None;
            }
            seen_html = true;
            i += end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_comes_first_in_the_head() {
        let html = "<!DOCTYPE html>\n<!-- x -->\n<HTML lang=\"da\" title=\">\">\n<head class=a>\n<meta charset=\"utf-8\">";
        let out = protect(html, "print.html").unwrap();
        assert_eq!(
            out,
            format!(
                "<!DOCTYPE html>\n<!-- x -->\n<HTML lang=\"da\" title=\">\">\n<head class=a>\n<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n<meta charset=\"utf-8\">"
            )
        );
        assert!(protect("<head><title>x</title>", "print.html").is_ok());
    }

    #[test]
    fn an_edition_without_a_head_first_is_refused() {
        for html in [
            "<!DOCTYPE html><html><title>x</title>",
            "<html><link rel=stylesheet href=\"file:///x\"><head>",
            "<!DOCTYPE html>text<head>",
            "<!-- <head> ",
        ] {
            let err = protect(html, "print.html").unwrap_err();
            let cause = std::error::Error::source(&err).unwrap().to_string();
            assert!(cause.contains("must begin with `<head>`"), "{html}: {cause}");
        }
    }

    #[test]
    fn a_tag_put_together_by_the_template_is_refused() {
        let err =
            protect("<head></head><body><iframe src=\"file:///etc\">", "print.html").unwrap_err();
        assert_eq!(err.to_string(), "template `print.html` failed");
        let cause = std::error::Error::source(&err).unwrap().to_string();
        assert!(cause.contains("writes `<iframe>` into the board edition"), "{cause}");
    }
}
