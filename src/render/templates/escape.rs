//! HTML escaping for what templates print and what stratdoc writes
//! itself: the five characters HTML gives meaning, as a new string, onto a
//! string, or into a writer (how Tera prints a variable).

/// Escapes text for HTML text and quoted attributes. Unlike Tera's default it
/// leaves `/` alone: escaping it protects nothing in quoted attributes and
/// turns every relative URL into `..&#x2F;`.
pub(crate) fn escape_html(text: &str) -> String {
    // Byte by byte: each character escaped is ASCII, so every offset where
    // one is found is a character boundary, and the runs between are
    // copied whole.
    let Some(first) = text.bytes().position(|b| entity(b).is_some()) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    push_escaped(&mut out, &text[first..]);
    out
}

/// Appends `text` to `out` escaped as [`escape_html`] escapes it.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        if let Some(entity) = entity(byte) {
            out.push_str(&text[copied..at]);
            out.push_str(entity);
            copied = at + 1;
        }
    }
    out.push_str(&text[copied..]);
}

/// Writes `text` escaped as [`escape_html`] escapes it: how Tera prints a
/// variable (`{{ page.title }}`), with no string of its own.
pub(super) fn write_escaped(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        if let Some(entity) = entity(byte) {
            out.write_all(&text.as_bytes()[copied..at])?;
            out.write_all(entity.as_bytes())?;
            copied = at + 1;
        }
    }
    out.write_all(&text.as_bytes()[copied..])
}

/// What [`escape_html`] writes for `byte`, if it is escaped.
fn entity(byte: u8) -> Option<&'static str> {
    match byte {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_replaces_the_five_characters_and_keeps_the_rest_as_written() {
        assert_eq!(escape_html("Sikkerhed først / 2027"), "Sikkerhed først / 2027");
        assert_eq!(
            escape_html("<a href=\"x\">Æble & 'pære'</a>ø"),
            "&lt;a href=&quot;x&quot;&gt;Æble &amp; &#39;pære&#39;&lt;/a&gt;ø"
        );
        assert_eq!(escape_html("&"), "&amp;");
        assert_eq!(escape_html(""), "");
        // Appended where the writer is, as the menu writes its links.
        let mut out = "<li>".to_owned();
        push_escaped(&mut out, "Æble & 'pære'");
        assert_eq!(out, "<li>Æble &amp; &#39;pære&#39;");
        // Written into the page as Tera prints a variable: the same text.
        for text in ["Sikkerhed først / 2027", "<a href=\"x\">Æble & 'pære'</a>ø", "&", "", "a<"]
        {
            let mut written = Vec::new();
            write_escaped(text, &mut written).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), escape_html(text), "{text}");
        }
    }
}
