//! The web build, served as `web/serve.py` did: the precompressed copy
//! (`.br`, then `.gz`, as `web/build.sh` writes them) when the browser takes
//! it, the MIME types the browser insists on (`application/wasm` for
//! streaming compilation, JavaScript for the service worker), and
//! `Cache-Control: no-cache` so a new build's `sw.js` is seen at once (the
//! service worker keeps the game offline; it must never be stale itself).

use std::path::{Component, Path, PathBuf};

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// MIME type by extension.
fn mime(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "wasm" => "application/wasm",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "ron" | "txt" => "text/plain; charset=utf-8",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "woff2" => "font/woff2",
        "ogg" => "audio/ogg",
        "wav" => "audio/wav",
        _ => "application/octet-stream",
    }
}

/// The file under `root` that a URL path names, or `None` if it would leave `root`.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for part in Path::new(url_path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => path.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    Some(path)
}

/// Answers a `GET` or `HEAD` for a file of the web build.
pub async fn serve(root: &Path, method: &Method, url_path: &str, headers: &HeaderMap) -> Response {
    let Some(path) = resolve(root, &percent_decode(url_path)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let accepted = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mut chosen = None;
    for (encoding, ext) in [("br", "br"), ("gzip", "gz")] {
        let candidate = PathBuf::from(format!("{}.{ext}", path.display()));
        if accepted
            .split(',')
            .any(|a| a.trim().split(';').next() == Some(encoding))
            && candidate.is_file()
        {
            chosen = Some((encoding, candidate));
            break;
        }
    }
    let raw_len = tokio::fs::metadata(&path)
        .await
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    let (file, encoding) = match (chosen, raw_len) {
        (Some((encoding, file)), _) => (file, Some(encoding)),
        (None, Some(_)) => (path.clone(), None),
        (None, None) => return (StatusCode::NOT_FOUND, "introuvable (not found)").into_response(),
    };
    let bytes = match tokio::fs::read(&file).await {
        Ok(b) => b,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let mut response = Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, mime(&path))
        .header(header::CACHE_CONTROL, "no-cache")
        .header(header::VARY, "Accept-Encoding")
        .header(header::CONTENT_LENGTH, bytes.len());
    if let Some(encoding) = encoding {
        response = response.header(header::CONTENT_ENCODING, encoding);
        if let Some(raw) = raw_len {
            // The loader counts decompressed bytes for its progress bar.
            response = response.header("X-Uncompressed-Length", raw);
        }
    }
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(bytes)
    };
    let mut response = response.body(body).unwrap_or_default();
    if path.file_name().is_some_and(|n| n == "sw.js") {
        // Lets the worker control the whole site even if it moves under a folder.
        response
            .headers_mut()
            .insert("Service-Worker-Allowed", HeaderValue::from_static("/"));
    }
    response
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = s
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_root() {
        let root = Path::new("/srv/dist");
        assert_eq!(
            resolve(root, "/a/b.js"),
            Some(PathBuf::from("/srv/dist/a/b.js"))
        );
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, &percent_decode("/%2e%2e/etc/passwd")), None);
        assert_eq!(mime(Path::new("x.wasm")), "application/wasm");
    }
}
