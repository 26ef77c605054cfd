//! The printing browser's own lock, in a real Chromium, on pages with no
//! content security policy: each of its settings must hold by itself.
//! (The policy alone is tested in `tests/it/print_lockdown.rs`.) Without Chromium
//! and poppler's `pdftotext` these say SKIPPED; under `CI=true` they fail.

use std::ffi::OsString;
use std::net::{TcpListener, UdpSocket};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::browser::{Browser, args};
use super::serve::Server;
use super::work::WorkDir;

/// The browser to test, or `None` (after saying so) when the tools are missing.
fn real_browser(test: &str) -> Option<Browser> {
    let browser = Browser::find(
        None,
        std::env::var_os(super::BROWSER_ENV),
        std::env::var_os("PATH").as_ref(),
    );
    let pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    if let (Ok(browser), true) = (browser, pdftotext) {
        return Some(browser);
    }
    let message = format!("{test}: SKIPPED, no Chromium or no pdftotext (poppler-utils)");
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}; CI must run it");
    eprintln!("\n!!!!! {message} !!!!!\n");
    None
}

fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A local web service the page might reach for, answering `text` to anything.
fn local_service(text: &'static str) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let _ = std::io::Read::read(&mut stream, &mut [0u8; 4096]);
            let answer = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                text.len()
            );
            let _ = std::io::Write::write_all(&mut stream, answer.as_bytes());
        }
    });
    port
}

#[test]
fn the_locked_browser_prints_the_edition_and_nothing_it_points_to() {
    let Some(browser) =
        real_browser("the_locked_browser_prints_the_edition_and_nothing_it_points_to")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "FILE-ON-THE-MACHINE").unwrap();
    let port = local_service("LOCAL-SERVICE-ANSWER");
    let file = format!("file://{}", secret.display());
    let service = format!("http://127.0.0.1:{port}/");
    let page = format!(
        "<!DOCTYPE html><html><head><title>t</title>\
         <link rel=stylesheet href=\"{file}\"></head><body>\
         <p>THE-EDITION</p>\
         <iframe src=\"{file}\"></iframe><iframe src=\"../../secret.txt\"></iframe>\
         <object data=\"{file}\" type=\"text/plain\"></object><embed src=\"{file}\" type=\"text/plain\">\
         <iframe src=\"{service}\"></iframe><iframe src=\"http://localhost:{port}/\"></iframe>\
         <p id=s>NO-SCRIPT</p><script>document.getElementById('s').textContent = 'SCRIPT-RAN'</script>\
         </body></html>"
    );
    let text = print(&browser, &page);
    assert!(text.contains("THE-EDITION"), "{text}");
    for leak in ["FILE-ON-THE-MACHINE", "LOCAL-SERVICE-ANSWER", "SCRIPT-RAN"] {
        assert!(!text.contains(leak), "the PDF shows {leak}:\n{text}");
    }
    assert!(text.contains("NO-SCRIPT"), "{text}");
}

/// Prints `page` as `stratdoc pdf` does and returns the PDF's text.
fn print(browser: &Browser, page: &str) -> String {
    let server = Server::start().unwrap();
    server.serve(page.as_bytes().to_vec());
    let work = WorkDir::new().unwrap();
    let pdf = work.path.join("out.pdf");
    browser.print(&server, &pdf, &work.path, &|| None).unwrap();
    text_of(&pdf)
}

/// With script allowed (the profile's lock left out), WebRTC still sends
/// nothing: the command line alone stops it. Without that setting the same
/// page sends STUN packets to any address, which the test first shows.
#[test]
fn webrtc_sends_nothing_even_where_script_runs() {
    let Some(browser) = real_browser("webrtc_sends_nothing_even_where_script_runs") else {
        return;
    };
    let listener = UdpSocket::bind("127.0.0.1:0").unwrap();
    listener.set_read_timeout(Some(Duration::from_millis(500))).unwrap();
    let port = listener.local_addr().unwrap().port();
    let page = format!(
        "<!DOCTYPE html><html><body><p id=s>NO-SCRIPT</p><script>\
         const pc = new RTCPeerConnection({{iceServers: [{{urls: 'stun:127.0.0.1:{port}'}}]}});\
         pc.createDataChannel('x');\
         pc.createOffer().then(o => pc.setLocalDescription(o));\
         document.getElementById('s').textContent = 'SCRIPT-RAN';\
         </script></body></html>"
    );
    let packets = |keep_webrtc_setting: bool| {
        let server = Server::start().unwrap();
        server.serve(page.as_bytes().to_vec());
        let work = WorkDir::new().unwrap();
        let pdf = work.path.join("out.pdf");
        let mut command = Command::new(browser.path());
        command
            .args(
                args(&server.url(), &server.proxy(), &pdf, &work.path.join("profile"))
                    .into_iter()
                    .filter(|a| keep_webrtc_setting || !a.to_string_lossy().contains("webrtc")),
            )
            // Keeps the page open while WebRTC would gather its candidates.
            .arg(OsString::from("--virtual-time-budget=3000"))
            .output()
            .unwrap();
        assert!(text_of(&pdf).contains("SCRIPT-RAN"), "script must run for this test");
        let mut count = 0;
        while listener.recv(&mut [0u8; 1500]).is_ok() {
            count += 1;
        }
        count
    };
    // The control: a browser starved of the CPU may print before it sends,
    // so it is given three tries to show the packets are seen.
    assert!(
        (0..3).any(|_| packets(false) > 0),
        "without the setting WebRTC sends (the test can see it)"
    );
    assert_eq!(packets(true), 0, "with it, nothing is sent");
}
