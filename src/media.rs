//! What a file is, by its name: the one table of media types, used where the
//! board edition embeds a file as a `data:` URI, where a page names its
//! icon, and where `serve` answers a request.

/// The media type of a file by its extension (any case);
/// `application/octet-stream` for one not in the table.
#[must_use]
pub fn of(path: &str) -> &'static str {
    let extension = path
        .rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "pdf" => "application/pdf",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        _ => "application/octet-stream",
    }
}

/// The media type of an image a browser shows (also as a page's icon), if
/// `path` names one.
#[must_use]
pub fn image(path: &str) -> Option<&'static str> {
    let media = of(path);
    media.starts_with("image/").then_some(media)
}

/// The media type without its parameters (`text/css`), as a `data:` URI
/// takes it.
#[must_use]
pub fn essence(media: &str) -> &str {
    media.split(';').next().unwrap_or(media)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_come_from_the_extension() {
        assert_eq!(of("billeder/Logo.SVG"), "image/svg+xml");
        assert_eq!(of("a/b.jpeg"), "image/jpeg");
        assert_eq!(of("noext"), "application/octet-stream");
        assert_eq!(of("a.b/noext"), "application/octet-stream");
        assert_eq!(of("index.html"), "text/html; charset=utf-8");
        assert_eq!(essence(of("theme/style.css")), "text/css");
        assert_eq!(image("logo.png"), Some("image/png"));
        assert_eq!(image("data.csv"), None);
    }
}
