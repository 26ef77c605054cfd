//! The loopback server serves the edition at its address and nothing else.

use super::*;

fn get(server: &Server, request: &str) -> String {
    let mut stream = TcpStream::connect(server.address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn serves_the_edition_at_its_address_and_nothing_else() {
    let server = Server::start().unwrap();
    server.serve(b"<p>edition</p>".to_vec());
    let url = server.url();
    let path = &url[server.proxy().len()..];
    for target in [path, url.as_str()] {
        let answer = get(&server, &format!("GET {target} HTTP/1.1\r\nHost: x\r\n\r\n"));
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(answer.ends_with("\r\n\r\n<p>edition</p>"), "{answer}");
    }
    for request in [
        "GET /print.html HTTP/1.1\r\n\r\n".to_owned(),
        format!("GET {path}/../x HTTP/1.1\r\n\r\n"),
        "GET http://127.0.0.1:8080/admin HTTP/1.1\r\n\r\n".to_owned(),
        "CONNECT example.org:443 HTTP/1.1\r\n\r\n".to_owned(),
        format!("POST {path} HTTP/1.1\r\n\r\n"),
    ] {
        let answer = get(&server, &request);
        assert!(answer.starts_with("HTTP/1.1 404 Not Found\r\n"), "{request}: {answer}");
    }
    assert_ne!(Server::start().unwrap().url(), url, "each print has its own token");
}
