//! A small HTTP/1.1 server for the preview: files of the output folder and nothing else,
//! the live-reload script and its event stream. Local use only; one thread per
//! connection, one request per connection.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::State;

/// Script injected into every HTML page served (never into `build` output).
pub const LIVE_PATH: &str = "/__socnav/live.js";
const EVENTS_PATH: &str = "/__socnav/events";
const STATUS_PATH: &str = "/__socnav/status";
const LIVE_JS: &str = include_str!("live.js");

pub fn run(listener: TcpListener, output: PathBuf, state: Arc<State>) {
    for conn in listener.incoming() {
        let Ok(conn) = conn else { continue };
        let output = output.clone();
        let state = state.clone();
        std::thread::spawn(move || {
            let _ = handle(conn, &output, &state);
        });
    }
}

fn handle(mut conn: TcpStream, output: &Path, state: &State) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    // Headers are read and ignored (up to a limit).
    let mut total = 0;
    loop {
        let mut h = String::new();
        let n = reader.by_ref().take(8192).read_line(&mut h)?;
        total += n;
        if n == 0 || h == "\r\n" || h == "\n" || total > 64 * 1024 {
            break;
        }
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let head = method == "HEAD";
    if method != "GET" && !head {
        return respond(
            &mut conn,
            405,
            "text/plain; charset=utf-8",
            b"method not allowed",
            head,
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    match path {
        LIVE_PATH => respond(
            &mut conn,
            200,
            "text/javascript; charset=utf-8",
            LIVE_JS.as_bytes(),
            head,
        ),
        STATUS_PATH => respond(
            &mut conn,
            200,
            "application/json",
            state.json().as_bytes(),
            head,
        ),
        EVENTS_PATH => events(conn, state),
        _ => match resolve(output, path) {
            Some(file) => {
                let bytes = std::fs::read(&file)?;
                let ty = content_type(&file);
                if ty.starts_with("text/html") {
                    respond(&mut conn, 200, ty, &inject(&bytes), head)
                } else {
                    respond(&mut conn, 200, ty, &bytes, head)
                }
            }
            None => {
                let page = std::fs::read(output.join("404.html"))
                    .unwrap_or_else(|_| b"<!DOCTYPE html><title>404</title><h1>404</h1>".to_vec());
                respond(
                    &mut conn,
                    404,
                    "text/html; charset=utf-8",
                    &inject(&page),
                    head,
                )
            }
        },
    }
}

fn respond(
    conn: &mut TcpStream,
    code: u16,
    ty: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    let reason = match code {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    write!(
        conn,
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {ty}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head {
        conn.write_all(body)?;
    }
    conn.flush()
}

/// Server-sent events: the build state now and after every rebuild.
fn events(mut conn: TcpStream, state: &State) -> std::io::Result<()> {
    conn.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n",
    )?;
    let mut seen = u64::MAX;
    loop {
        let (generation, json) = state.wait_change(seen, Duration::from_secs(15));
        if generation == seen {
            conn.write_all(b": keep-alive\n\n")?;
        } else {
            write!(conn, "data: {json}\n\n")?;
            seen = generation;
        }
        conn.flush()?;
    }
}

/// Put the live-reload script before `</body>` (or at the end).
fn inject(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{LIVE_PATH}\"></script>");
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The file a URL path names inside `root`, or None: `..` segments, encoded or not,
/// backslashes, NUL bytes, and anything whose real path (symlinks followed) leaves the
/// folder are refused. A folder serves its index.html.
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    if !url_path.starts_with('/') {
        return None;
    }
    let decoded = crate::model::paths::percent_decode(url_path)?;
    if decoded.contains(['\0', '\\']) {
        return None;
    }
    let root = root.canonicalize().ok()?;
    let mut p = root.clone();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => p.push(s),
        }
    }
    if p.is_dir() {
        p.push("index.html");
    }
    let real = p.canonicalize().ok()?;
    (real.starts_with(&root) && real.is_file()).then_some(real)
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "webmanifest" => "application/manifest+json",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("a/index.html"), "a").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "s").unwrap();
        assert!(resolve(&out, "/a/").is_some());
        assert!(resolve(&out, "/a").is_some());
        assert!(resolve(&out, "/a/%69ndex.html").is_some());
        for bad in [
            "/../secret.txt",
            "/a/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%5csecret.txt",
            "//../secret.txt",
            "secret.txt",
            "/a%00",
            "/%zz",
        ] {
            assert_eq!(resolve(&out, bad), None, "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("secret.txt"), out.join("link.txt"))
                .unwrap();
            assert_eq!(resolve(&out, "/link.txt"), None);
        }
    }

    #[test]
    fn script_goes_before_body_end() {
        let html = inject(b"<html><body><p>x</p></body></html>");
        assert_eq!(
            String::from_utf8(html).unwrap(),
            format!("<html><body><p>x</p><script src=\"{LIVE_PATH}\"></script></body></html>")
        );
    }
}
