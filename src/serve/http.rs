//! The HTTP side of `serve`: the last good build's files from memory (and
//! the content's own files from disk, where the build found them), with the
//! live-reload script written into every page; the events a page listens
//! to; the theme's 404 page for anything else. axum stays in here.

use std::convert::Infallible;
use std::fmt::Write as _;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::artifact::Contents;
use crate::media;
use crate::serve::path::{Wanted, wanted};
use crate::serve::{Shared, Signal};

/// Where a page asks to be told of changes.
pub(crate) const EVENTS: &str = "/__stratdoc/events";

/// The script every served page gets, before `</body>`.
const LIVE: &str = include_str!("live.js");

/// What is served while no build has worked yet: the problems are shown
/// over it by the live script.
const NOT_BUILT: &str = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>stratdoc: the project does not build yet</title></head>\
<body><main><h1>The project does not build yet</h1>\
<p>Its problems are listed over this page and in the terminal. Save a fix and this page reloads.</p>\
</main></body></html>\n";

/// Serves `shared` on `listener` until the process ends.
pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    let app = Router::new().route(EVENTS, get(events)).fallback(get(file)).with_state(shared);
    axum::serve(listener, app).await
}

/// The stream of changes: `reload` with the changed pages' paths (`"*"` for
/// all), `problems` with the last build's problems (none: the last build
/// worked).
async fn events(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let stream = BroadcastStream::new(shared.signals.subscribe()).filter_map(|signal| {
        let event = match signal.ok()? {
            Signal::Reload(paths) => Event::default().event("reload").data(paths),
            Signal::Problems(json) => Event::default().event("problems").data(json),
        };
        Some(Ok::<_, Infallible>(event))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// A file of the site, or the theme's 404 page.
async fn file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let Wanted::File(path) = wanted(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "bad request\n").into_response();
    };
    let (found, not_found, problems) = {
        let site = shared.site.read().unwrap_or_else(std::sync::PoisonError::into_inner);
        let get = |path: &str| site.files.get(path).cloned();
        (get(&path), get(crate::render::NOT_FOUND), site.problems.clone())
    };
    let (status, path, bytes) = match found.and_then(|c| shared.bytes(c)) {
        Some(bytes) => (StatusCode::OK, path.as_str(), bytes),
        None => match not_found.and_then(|c| shared.bytes(c)) {
            Some(bytes) => (StatusCode::NOT_FOUND, crate::render::NOT_FOUND, bytes),
            // Nothing has built yet: a page that shows why, and reloads
            // when the first build works.
            None if problems.is_some() => {
                (StatusCode::SERVICE_UNAVAILABLE, "not-built.html", NOT_BUILT.as_bytes().to_vec())
            }
            None => return (StatusCode::NOT_FOUND, "not found\n").into_response(),
        },
    };
    let media = media::of(path);
    let body = if media.starts_with("text/html") && path != crate::render::PRINT_FILE {
        live(&bytes, problems.as_deref())
    } else {
        bytes
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    // A preview: always the newest build.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

impl Shared {
    /// A file's bytes. A file of the content is read now, from where the
    /// build found it, and only if it still may be: since that build it may
    /// have become a link out of the project, which the next build refuses
    /// while the server still serves the last good one.
    fn bytes(&self, contents: Contents) -> Option<Vec<u8>> {
        match contents {
            Contents::Bytes(bytes) => Some(bytes),
            Contents::Copy(from) => std::fs::read(self.project.readable(&from)?).ok(),
        }
    }
}

/// `html` with the live-reload script before its `</body>`, and the last
/// build's problems (JSON) when it failed, so a page loaded meanwhile shows
/// them at once.
fn live(html: &[u8], problems: Option<&str>) -> Vec<u8> {
    let html = String::from_utf8_lossy(html);
    let mut script = String::from("<script>");
    if let Some(json) = problems {
        // In a script element, `</` could end it: JSON escapes it as `<\/`.
        let _ = write!(script, "window.stratdocProblems={};", json.replace("</", "<\\/"));
    }
    script.push_str(LIVE);
    script.push_str("</script>\n");
    match html.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &html[..at], &html[at..]).into_bytes(),
        None => format!("{html}{script}").into_bytes(),
    }
}
