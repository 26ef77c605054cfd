//! `stratdoc serve` as a test meets it: the real binary started on a free
//! port (killed when dropped, so a failing test leaves no server behind), a
//! plain HTTP/1.1 client over `TcpStream`, and the page's event stream.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a test waits for what must happen: generous, as these test
/// what happens, not how fast (the loop benchmark in `bench/` times it).
pub(crate) const PATIENCE: Duration = Duration::from_secs(20);

/// A running `stratdoc serve`, killed when dropped.
pub(crate) struct Server {
    child: Child,
    port: u16,
    /// stdout and stderr, line by line as they came.
    log: Arc<Mutex<String>>,
    stdout: Arc<Mutex<String>>,
}

/// One HTTP response.
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) content_type: String,
    pub(crate) body: Vec<u8>,
}

impl Response {
    /// The body as text.
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One server-sent event: its name and its data.
pub(crate) type Event = (String, String);

/// A page's subscription to the server's events.
pub(crate) struct Events {
    received: Receiver<Event>,
    _stream: TcpStream,
}

impl Server {
    /// Starts `stratdoc serve --port 0 ARGS` in `dir` and waits for the line
    /// that says where it listens.
    pub(crate) fn start(dir: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stratdoc"))
            .arg("serve")
            .args(["--port", "0"])
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts stratdoc serve");
        let log = Arc::new(Mutex::new(String::new()));
        let stdout = Arc::new(Mutex::new(String::new()));
        for (pipe, own) in [
            (child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>), Some(&stdout)),
            (child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>), None),
        ] {
            let (Some(pipe), log, own) = (pipe, Arc::clone(&log), own.map(Arc::clone)) else {
                continue;
            };
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    for log in std::iter::once(&log).chain(own.as_ref()) {
                        let mut log = log.lock().unwrap();
                        log.push_str(&line);
                        log.push('\n');
                    }
                }
            });
        }
        let mut server = Server { child, port: 0, log, stdout };
        let line = server.wait_for_log("http://");
        let port = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|address| address.rsplit(':').next())
            .and_then(|port| port.parse().ok());
        server.port = port.unwrap_or_else(|| panic!("no port in {line:?}"));
        server
    }

    /// What the server printed so far, stdout and stderr.
    pub(crate) fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// What the server printed so far on stdout.
    pub(crate) fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    /// The first line of the log that contains `needle`, waiting for it.
    pub(crate) fn wait_for_log(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(line) = self.log().lines().find(|l| l.contains(needle)) {
                return line.to_owned();
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("serve ended ({status}) before printing {needle:?}:\n{}", self.log());
            }
            assert!(Instant::now() < deadline, "serve never printed {needle:?}:\n{}", self.log());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The address of `path` (from the site's root, without a leading `/`).
    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }

    /// `GET path` (sent as written, not normalised).
    pub(crate) fn get(&self, path: &str) -> Response {
        let mut stream = self.connect();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut reader = BufReader::new(stream);
        let (status, headers) = head(&mut reader);
        let mut body = Vec::new();
        if header(&headers, "transfer-encoding").is_some_and(|t| t.contains("chunked")) {
            while let Some(chunk) = chunk(&mut reader) {
                body.extend(chunk);
            }
        } else {
            reader.read_to_end(&mut body).unwrap();
        }
        let content_type = header(&headers, "content-type").unwrap_or_default().to_owned();
        Response { status, content_type, body }
    }

    /// Subscribes to the events open pages listen to; subscribed when this
    /// returns.
    pub(crate) fn events(&self) -> Events {
        let mut stream = self.connect();
        write!(stream, "GET /__stratdoc/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            .unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let (status, headers) = head(&mut reader);
        assert_eq!(status, 200, "the event stream");
        let chunked = header(&headers, "transfer-encoding").is_some_and(|t| t.contains("chunked"));
        let (send, received) = channel();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            loop {
                let more = if chunked {
                    chunk(&mut reader)
                } else {
                    let mut buffer = vec![0; 4096];
                    match reader.read(&mut buffer) {
                        Ok(0) | Err(_) => None,
                        Ok(n) => Some(buffer[..n].to_vec()),
                    }
                };
                let Some(more) = more else { return };
                bytes.extend(more);
                while let Some(end) = bytes.windows(2).position(|w| w == b"\n\n") {
                    let block: Vec<u8> = bytes.drain(..end + 2).collect();
                    if let Some(event) = sse_event(&String::from_utf8_lossy(&block)) {
                        if send.send(event).is_err() {
                            return;
                        }
                    }
                }
            }
        });
        Events { received, _stream: stream }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connects to serve");
        stream.set_read_timeout(Some(PATIENCE * 2)).unwrap();
        stream
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Events {
    /// The next event `wanted` accepts, skipping others; fails the test
    /// after [`PATIENCE`].
    pub(crate) fn until(&self, what: &str, wanted: impl Fn(&Event) -> bool) -> Event {
        let deadline = Instant::now() + PATIENCE;
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.received.recv_timeout(left) {
                Ok(event) if wanted(&event) => return event,
                Ok(event) => seen.push(event),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no {what} within {PATIENCE:?}; other events: {seen:?}")
                }
                Err(RecvTimeoutError::Disconnected) => panic!("the event stream ended: {seen:?}"),
            }
        }
    }

    /// The next `reload` event that names `page` (or every page).
    pub(crate) fn reload_of(&self, page: &str) -> Event {
        let quoted = format!("\"{page}\"");
        self.until(&format!("reload of {page}"), |(name, data)| {
            name == "reload" && (data == "\"*\"" || data.contains(&quoted))
        })
    }

    /// The next `problems` event, as its JSON data.
    pub(crate) fn problems(&self) -> String {
        self.until("problems", |(name, _)| name == "problems").1
    }

    /// The next `problems` event that names `needle`. A save is a
    /// truncation and a write: on a busy machine the server may build
    /// between them and report the empty file first.
    pub(crate) fn problems_naming(&self, needle: &str) -> String {
        let what = format!("problems naming {needle:?}");
        self.until(&what, |(name, data)| name == "problems" && data.contains(needle)).1
    }

    /// Waits for the `problems` event that says the last build worked.
    pub(crate) fn cleared(&self) {
        self.until("problems cleared", |(name, data)| name == "problems" && data == "[]");
    }

    /// Every event that arrives until none has come for `quiet`.
    pub(crate) fn settle(&self, quiet: Duration) -> Vec<Event> {
        let mut events = Vec::new();
        while let Ok(event) = self.received.recv_timeout(quiet) {
            events.push(event);
        }
        events
    }
}

/// A response's status and headers (names in lower case).
fn head(reader: &mut impl BufRead) -> (u16, Vec<(String, String)>) {
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status = line.split(' ').nth(1).and_then(|s| s.parse().ok());
    let status = status.unwrap_or_else(|| panic!("not an HTTP status line: {line:?}"));
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        let Some((name, value)) = line.trim_end().split_once(':') else { break };
        headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
    (status, headers)
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// The next chunk of a chunked body; `None` at its end.
fn chunk(reader: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let size = usize::from_str_radix(line.trim().split(';').next()?, 16).ok()?;
    if size == 0 {
        return None;
    }
    let mut bytes = vec![0; size + 2];
    reader.read_exact(&mut bytes).ok()?;
    bytes.truncate(size);
    Some(bytes)
}

/// An event from one block of the stream (`event:` and `data:` lines);
/// `None` for a comment (a keep-alive).
fn sse_event(block: &str) -> Option<Event> {
    let (mut name, mut data) = ("message", Vec::new());
    for line in block.lines() {
        if let Some(value) = line.strip_prefix("event:") {
            name = value.trim_start();
        } else if let Some(value) = line.strip_prefix("data:") {
            data.push(value.strip_prefix(' ').unwrap_or(value));
        }
    }
    (!data.is_empty()).then(|| (name.to_owned(), data.join("\n")))
}
