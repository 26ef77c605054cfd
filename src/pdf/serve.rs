//! The board edition served to the printing browser over loopback HTTP,
//! and nothing else. A page from `http:` may not load `file:` addresses
//! (Chromium refuses: "Not allowed to load local resource"), where a page
//! opened from disk may frame any file of the machine; so the browser never
//! opens the edition from disk. The same server is the browser's proxy for
//! every address, loopback included, so whatever the page asks for comes
//! here and is refused, but the edition's own address.
//!
//! The address holds a random token, and on Linux only connections from
//! this user's own processes are answered (the owner of the connecting
//! socket, from `/proc/net/tcp`): no other user of the machine reads the
//! edition while it prints.

use std::hash::{BuildHasher, RandomState};
use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

/// The most requests answered at once; more are closed unanswered.
const MAX_OPEN: usize = 32;

/// The longest request head read.
const MAX_HEAD: usize = 16 * 1024;

/// A server for one document, stopped when dropped.
pub(super) struct Server {
    address: SocketAddr,
    path: String,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

struct Shared {
    document: Mutex<Arc<Vec<u8>>>,
    stop: AtomicBool,
    open: AtomicUsize,
}

impl Server {
    /// Listens on a free port of 127.0.0.1.
    pub(super) fn start() -> io::Result<Server> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let address = listener.local_addr()?;
        let path = format!("/{}/print.html", token());
        let shared = Arc::new(Shared {
            document: Mutex::new(Arc::new(Vec::new())),
            stop: AtomicBool::new(false),
            open: AtomicUsize::new(0),
        });
        let accept = Accept { listener, address, path: path.clone(), shared: Arc::clone(&shared) };
        let thread = std::thread::Builder::new()
            .name("stratdoc-serve".to_owned())
            .spawn(move || accept.run())?;
        Ok(Server { address, path, shared, thread: Some(thread) })
    }

    /// The edition's address.
    pub(super) fn url(&self) -> String {
        format!("http://{}{}", self.address, self.path)
    }

    /// The proxy every request of the browser goes through: this server.
    pub(super) fn proxy(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Serves `html` from now on.
    pub(super) fn serve(&self, html: Vec<u8>) {
        *self.shared.document.lock().unwrap_or_else(PoisonError::into_inner) = Arc::new(html);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees `stop`.
        let _ = TcpStream::connect_timeout(&self.address, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// 128 random bits, in hex.
fn token() -> String {
    let (a, b) = (RandomState::new().hash_one(1u8), RandomState::new().hash_one(2u8));
    format!("{a:016x}{b:016x}")
}

struct Accept {
    listener: TcpListener,
    address: SocketAddr,
    path: String,
    shared: Arc<Shared>,
}

impl Accept {
    fn run(self) {
        let me = Arc::new(self);
        for stream in me.listener.incoming() {
            if me.shared.stop.load(Ordering::SeqCst) {
                return;
            }
            let Ok(stream) = stream else {
                // Out of descriptors, say: wait for some to close.
                std::thread::sleep(Duration::from_millis(10));
                continue;
            };
            if me.shared.open.fetch_add(1, Ordering::SeqCst) >= MAX_OPEN {
                me.shared.open.fetch_sub(1, Ordering::SeqCst);
                continue;
            }
            let handler = Arc::clone(&me);
            let spawned = std::thread::Builder::new().spawn(move || {
                let _ = handler.answer(stream);
                handler.shared.open.fetch_sub(1, Ordering::SeqCst);
            });
            if spawned.is_err() {
                me.shared.open.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    /// Answers one request: the edition at its address, 404 for anything else.
    fn answer(&self, mut stream: TcpStream) -> io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        stream.set_write_timeout(Some(Duration::from_secs(60)))?;
        if !same_user(stream.peer_addr()?, self.address) {
            return Ok(());
        }
        let head = read_head(&mut stream)?;
        let line = head.lines().next().unwrap_or_default();
        let mut words = line.split(' ');
        let (method, target) = (words.next().unwrap_or_default(), words.next().unwrap_or(""));
        // A proxy is asked with the whole address, a server with its path.
        let absolute = format!("http://{}{}", self.address, self.path);
        let wanted = target == self.path || target == absolute;
        if !wanted || !matches!(method, "GET" | "HEAD") {
            return stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
        let document =
            Arc::clone(&self.shared.document.lock().unwrap_or_else(PoisonError::into_inner));
        let header = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
            document.len()
        );
        stream.write_all(header.as_bytes())?;
        if method == "GET" {
            stream.write_all(&document)?;
        }
        stream.flush()
    }
}

/// The request's head, up to its blank line (or [`MAX_HEAD`] bytes).
fn read_head(stream: &mut TcpStream) -> io::Result<String> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < MAX_HEAD {
        let n = stream.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buffer[..n]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

/// Whether the socket connecting from `peer` to `local` belongs to this
/// process's user: the kernel lists each socket's owner in `/proc/net/tcp`.
#[cfg(target_os = "linux")]
fn same_user(peer: SocketAddr, local: SocketAddr) -> bool {
    let uid = rustix::process::getuid().as_raw();
    let Ok(table) = std::fs::read_to_string("/proc/net/tcp") else { return false };
    let port =
        |address: &str| address.rsplit(':').next().and_then(|p| u16::from_str_radix(p, 16).ok());
    table.lines().skip(1).any(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        fields.len() > 7
            && port(fields[1]) == Some(peer.port())
            && port(fields[2]) == Some(local.port())
            && fields[7].parse::<u32>() == Ok(uid)
    })
}

/// Elsewhere the random token alone keeps the address from others.
#[cfg(not(target_os = "linux"))]
fn same_user(_: SocketAddr, _: SocketAddr) -> bool {
    true
}

#[cfg(test)]
mod tests;
