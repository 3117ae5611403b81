//! `dedale-cli serve`, run as a trainer runs it, and spoken to over HTTP as
//! the game and an LRS client speak to it. The PostgreSQL test runs when
//! `DEDALE_TEST_POSTGRES_URL` names a server (scripts/test.sh starts one);
//! the Ralph test when `DEDALE_TEST_RALPH` names the `ralph` program.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use dedale_core::metrics::csv_export::Delimiter;
use dedale_core::metrics::{jsonl, report, xapi};
use reqwest::StatusCode;
use serde_json::{Value, json};

const KEY: &str = "cle-de-test";
const VERSION: &str = "X-Experience-API-Version";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh empty folder under the system's temporary folder.
fn temp_dir(name: &str) -> PathBuf {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("random");
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let dir = std::env::temp_dir().join(format!("dedale-{name}-{hex}"));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A running `dedale-cli serve`, stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dedale-cli"))
            .arg("serve")
            .args(["--listen", "127.0.0.1:0", "--key", KEY])
            .args(args)
            .current_dir(root())
            .env_remove("DEDALE_LANG")
            .env_remove("DEDALE_DATABASE_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("dedale-cli serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().expect("a first line").expect("text");
        // « Dédale : http://127.0.0.1:PORT/ (Ctrl+C pour arrêter) »
        let base = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .expect("the address")
            .trim_end_matches('/')
            .to_string();
        // Keep reading so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, base }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::new()
}

fn anonymous(session: &str) -> Value {
    json!({
        "actor": {"objectType": "Agent", "account": {"homePage": "https://dedale.example/sessions", "name": session}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"fr-FR": "a vu"}},
        "object": {"objectType": "Activity", "id": "https://dedale.example/xapi/activities/rsa/page/accueil"},
        "context": {"extensions": {"https://dedale.example/xapi/extensions/offset-ms": 1200}}
    })
}

async fn post(s: &Server, key: &str, body: &Value) -> reqwest::Response {
    client()
        .post(s.url("/xapi/statements"))
        .basic_auth("atelier", Some(key))
        .header(VERSION, "1.0.3")
        .json(body)
        .send()
        .await
        .expect("POST")
}

async fn get(s: &Server, query: &str) -> reqwest::Response {
    client()
        .get(s.url(&format!("/xapi/statements{query}")))
        .basic_auth("atelier", Some(KEY))
        .header(VERSION, "1.0.3")
        .send()
        .await
        .expect("GET")
}

async fn json_of(r: reqwest::Response) -> Value {
    r.json().await.expect("JSON answer")
}

/// Every statement the server holds, walked through `more` links `limit` at a time.
async fn walk(s: &Server, first: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut next = first.to_string();
    loop {
        let page = json_of(get(s, &next).await).await;
        out.extend(
            page["statements"]
                .as_array()
                .expect("statements")
                .iter()
                .cloned(),
        );
        match page["more"].as_str() {
            Some(m) if !m.is_empty() => next = m.trim_start_matches("/xapi/statements").to_string(),
            _ => return out,
        }
    }
}

/// Every file under `dir`, read as bytes.
fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push((path.clone(), std::fs::read(&path).expect("read file")));
        }
    }
    out
}

/// What the issue's "Done when" asks of the statements API, on any store.
async fn statements_api(s: &Server) {
    let session = "5f0c8a52-8e0b-4d5a-9a7e-2d0c4b1e9f33";
    let r = post(s, KEY, &anonymous(session)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers().get(VERSION).and_then(|v| v.to_str().ok()),
        Some("1.0.3")
    );
    let ids = json_of(r).await;
    let id = ids[0].as_str().expect("an id").to_string();
    let r = get(s, &format!("?statementId={id}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let back = json_of(r).await;
    assert_eq!(back["id"], json!(id));
    assert_eq!(back["actor"]["account"]["name"], json!(session));
    assert!(back["stored"].as_str().is_some_and(|t| t.ends_with('Z')));

    // A wrong key, no key, no version header.
    assert_eq!(
        post(s, "mauvaise-cle", &anonymous(session)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let r = client()
        .get(s.url("/xapi/statements"))
        .header(VERSION, "1.0.3")
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = client()
        .post(s.url("/xapi/statements"))
        .basic_auth("atelier", Some(KEY))
        .json(&anonymous(session))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(
        json_of(r).await["erreur"]
            .as_str()
            .is_some_and(|m| m.contains("X-Experience-API-Version"))
    );

    // Identical re-post: accepted, stored once; same id, other content: 409.
    let mut fixed = anonymous(session);
    fixed["id"] = json!("0f8fad5b-d9cb-469f-a165-70867728950e");
    assert_eq!(post(s, KEY, &fixed).await.status(), StatusCode::OK);
    assert_eq!(
        post(s, KEY, &json!([fixed.clone()])).await.status(),
        StatusCode::OK
    );
    let mut other = fixed.clone();
    other["verb"]["id"] = json!("http://adlnet.gov/expapi/verbs/exited");
    let r = post(s, KEY, &other).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(
        json_of(r).await["erreur"]
            .as_str()
            .is_some_and(|m| m.contains("0f8fad5b"))
    );
    let all = walk(s, "?limit=0").await;
    assert_eq!(
        all.len(),
        2,
        "the identical statement is stored once: {all:#?}"
    );

    // PUT under a given id: 204, then readable; a different one under it: 409.
    let put_id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    let put = |body: Value| {
        client()
            .put(s.url(&format!("/xapi/statements?statementId={put_id}")))
            .basic_auth("atelier", Some(KEY))
            .header(VERSION, "1.0.3")
            .json(&body)
            .send()
    };
    assert_eq!(
        put(anonymous(session)).await.expect("PUT").status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        put(anonymous(session)).await.expect("PUT").status(),
        StatusCode::NO_CONTENT
    );
    let mut other_put = other.clone();
    other_put.as_object_mut().map(|m| m.remove("id"));
    assert_eq!(
        put(other_put).await.expect("PUT").status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        get(s, &format!("?statementId={put_id}")).await.status(),
        StatusCode::OK
    );

    // 25 more, then since / until / limit / more.
    let before = all
        .iter()
        .filter_map(|s| s["stored"].as_str())
        .max()
        .expect("stored")
        .to_string();
    let batch: Vec<Value> = (0..25).map(|_| anonymous(session)).collect();
    let ids = json_of(post(s, KEY, &json!(batch)).await).await;
    assert_eq!(ids.as_array().map(Vec::len), Some(25));
    let since = walk(
        s,
        &format!("?since={}&limit=4&ascending=true", urlencode(&before)),
    )
    .await;
    let since_ids: Vec<&str> = since.iter().filter_map(|s| s["id"].as_str()).collect();
    let mut expected: Vec<&str> = vec![put_id];
    expected.extend(
        ids.as_array()
            .expect("ids")
            .iter()
            .filter_map(Value::as_str),
    );
    assert_eq!(
        since_ids, expected,
        "since + limit + more: every later statement once, in order"
    );
    let newest_first = walk(s, "?limit=7").await;
    assert_eq!(newest_first.len(), 28);
    assert_eq!(newest_first[0]["id"], ids[24]);
    let until = walk(s, &format!("?until={}", urlencode(&before))).await;
    assert_eq!(until.len(), 2);
    assert_eq!(get(s, "?agent=x").await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        get(s, "?statementId=00000000-0000-4000-8000-000000000000")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // Requests at the same time are committed together, yet answered each
    // on its own: the one reusing a taken id gets 409, the others 200.
    let mut set = tokio::task::JoinSet::new();
    for i in 0..12 {
        let body = if i == 5 {
            other.clone()
        } else {
            anonymous(session)
        };
        let url = s.url("/xapi/statements");
        set.spawn(async move {
            client()
                .post(url)
                .basic_auth("atelier", Some(KEY))
                .header(VERSION, "1.0.3")
                .json(&body)
                .send()
                .await
                .expect("POST")
                .status()
        });
    }
    let mut statuses: Vec<StatusCode> = set.join_all().await;
    statuses.sort();
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        11
    );
    assert_eq!(statuses.last(), Some(&StatusCode::CONFLICT));
    assert_eq!(walk(s, "").await.len(), 39);

    // Refused: nothing of the batch is stored, not even its harmless statements.
    let mut mbox = anonymous(session);
    mbox["actor"] = json!({"objectType": "Agent", "mbox": "mailto:camille.martin@example.org"});
    let r = post(s, KEY, &json!([anonymous(session), mbox])).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let message = json_of(r).await;
    assert!(
        message["erreur"]
            .as_str()
            .is_some_and(|m| m.contains("actor.mbox")),
        "{message}"
    );
    assert!(
        message["error"]
            .as_str()
            .is_some_and(|m| m.contains("nothing was stored"))
    );
    let mut typed = anonymous(session);
    typed["result"] = json!({"response": "Camille Martin"});
    assert_eq!(post(s, KEY, &typed).await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(walk(s, "").await.len(), 39);
}

#[tokio::test]
async fn serves_the_game_and_its_statements_with_sqlite() {
    let web = temp_dir("web");
    std::fs::write(
        web.join("index.html"),
        "<!doctype html><title>Dédale</title>",
    )
    .expect("write");
    std::fs::write(web.join("dedale_bg.wasm"), b"\0asm\x01\0\0\0").expect("write");
    std::fs::write(web.join("dedale_bg.wasm.br"), b"br-bytes").expect("write");
    std::fs::write(
        web.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .expect("write");
    let data = temp_dir("data");
    let s = Server::start(&[
        "--dir",
        &web.display().to_string(),
        "--data",
        &data.display().to_string(),
    ]);

    let r = client().get(s.url("/")).send().await.expect("GET /");
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.expect("text").contains("Dédale"));
    let r = client()
        .get(s.url("/dedale_bg.wasm"))
        .header("Accept-Encoding", "gzip, br")
        .send()
        .await
        .expect("GET wasm");
    let h = r.headers();
    assert_eq!(h["content-type"], "application/wasm");
    assert_eq!(h["content-encoding"], "br");
    assert_eq!(h["x-uncompressed-length"], "8");
    let r = client()
        .get(s.url("/dedale_bg.wasm"))
        .send()
        .await
        .expect("GET wasm");
    assert!(r.headers().get("content-encoding").is_none());
    assert_eq!(r.bytes().await.expect("bytes").as_ref(), b"\0asm\x01\0\0\0");
    let r = client()
        .get(s.url("/sw.js"))
        .send()
        .await
        .expect("GET sw.js");
    assert!(
        r.headers()["content-type"]
            .to_str()
            .is_ok_and(|t| t.starts_with("text/javascript"))
    );
    assert_eq!(r.headers()["cache-control"], "no-cache");
    assert_eq!(
        client()
            .get(s.url("/../Cargo.toml"))
            .send()
            .await
            .expect("GET")
            .status(),
        StatusCode::NOT_FOUND
    );

    statements_api(&s).await;

    // The refused mbox left no trace on disk (the SQLite file and its journal).
    drop(s);
    let files = files_under(&data);
    assert!(!files.is_empty());
    for (path, bytes) in files {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("camille.martin"),
            "{} holds the refused e-mail",
            path.display()
        );
        assert!(
            !text.contains("Camille Martin"),
            "{} holds the refused response",
            path.display()
        );
    }
    let _ = std::fs::remove_dir_all(&data);
    let _ = std::fs::remove_dir_all(&web);
}

#[tokio::test]
async fn the_dashboard_reports_the_games_own_statements() {
    let data = temp_dir("dash");
    let s = Server::start(&["--data", &data.display().to_string()]);
    // The game's own statements for the fixture's sessions. The fixture
    // reuses one session id for two records (an edited scenario): drawn at
    // random, ids never meet in real life, so the second is left out.
    let text = std::fs::read_to_string(root().join("tests/fixtures/sessions-2026-12-02.jsonl"))
        .expect("fixture");
    let (mut sessions, problems) = jsonl::read(&text);
    assert!(problems.is_empty());
    let mut seen = std::collections::HashSet::new();
    sessions.retain(|r| seen.insert(r.header.session.clone()));
    let statements: Value = serde_json::from_str(&xapi::write(&sessions)).expect("JSON");
    let r = post(&s, KEY, &statements).await;
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "every statement the game writes is accepted: {}",
        r.text().await.unwrap_or_default()
    );

    // The report is the core's, on the statements read back.
    let records = xapi::records(statements.as_array().expect("array"));
    assert!(!records.is_empty());
    let expected = report::report(&records);
    let page = |path: &'static str| {
        let c = client();
        let url = s.url(path);
        async move {
            c.get(url)
                .basic_auth("atelier", Some(KEY))
                .send()
                .await
                .expect("GET")
        }
    };
    let csv = page("/formateur/rapport.csv").await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(
        csv.text().await.expect("csv"),
        expected.csv(Delimiter::Semicolon)
    );
    let html = page("/formateur/rapport.html")
        .await
        .text()
        .await
        .expect("html");
    assert_eq!(html, expected.html(dedale_core::Lang::Fr));
    let jsonl = page("/formateur/rapport.jsonl")
        .await
        .text()
        .await
        .expect("jsonl");
    assert_eq!(jsonl.lines().count(), records.len());
    let dash = page("/formateur").await.text().await.expect("dashboard");
    assert!(dash.contains("<svg"), "the QR code");
    assert!(dash.contains("#atelier=cle-de-test"), "the workshop link");
    assert_eq!(
        client()
            .get(s.url("/formateur"))
            .basic_auth("atelier", Some("non"))
            .send()
            .await
            .expect("GET")
            .status(),
        StatusCode::UNAUTHORIZED
    );

    // Live: a snapshot at once, then one after a new session starts.
    let mut events = page("/formateur/evenements").await;
    let first = next_event(&mut events).await;
    assert_eq!(first["sessions"], json!(records.len()));
    assert!(first["friction"].as_array().is_some_and(|f| !f.is_empty()));
    let live: Vec<Value> = statements
        .as_array()
        .expect("array")
        .iter()
        .take(3)
        .map(|st| {
            let mut st = st.clone();
            st["actor"]["account"]["name"] = json!("00112233445566778899aabbccddeeff");
            st.as_object_mut().map(|m| m.remove("id"));
            st
        })
        .collect();
    assert_eq!(post(&s, KEY, &json!(live)).await.status(), StatusCode::OK);
    let second = next_event(&mut events).await;
    assert_eq!(second["sessions"], json!(records.len() + 1));
    let mine = second["in_progress"]
        .as_array()
        .expect("list")
        .iter()
        .find(|p| p["session"] == "00112233")
        .cloned()
        .expect("the new session is in progress");
    assert!(mine["page"].as_str().is_some(), "with its page: {mine}");
    drop(s);
    let _ = std::fs::remove_dir_all(&data);
}

/// The next `etat` event's JSON.
async fn next_event(r: &mut reqwest::Response) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut buffer = String::new();
    while Instant::now() < deadline {
        let chunk = tokio::time::timeout(Duration::from_secs(30), r.chunk())
            .await
            .expect("an event in time");
        buffer.push_str(&String::from_utf8_lossy(
            &chunk.expect("stream").expect("open"),
        ));
        if let Some(end) = buffer.find("\n\n") {
            let event = &buffer[..end];
            if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) {
                return serde_json::from_str(data).expect("JSON data");
            }
            buffer = buffer[end + 2..].to_string();
        }
    }
    panic!("no event");
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A new database on the PostgreSQL server the variable names, so each run starts empty.
async fn fresh_postgres(url: &str) -> String {
    use sqlx::Connection;
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).expect("random");
    let name = format!(
        "dedale_test_{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    );
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url)
        .await
        .expect("PostgreSQL reachable");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .expect("CREATE DATABASE");
    let (base, _) = url.rsplit_once('/').expect("a URL ending in /database");
    format!("{base}/{name}")
}

#[tokio::test]
async fn statements_with_postgres() {
    let Ok(url) = std::env::var("DEDALE_TEST_POSTGRES_URL") else {
        eprintln!(
            "DEDALE_TEST_POSTGRES_URL not set: PostgreSQL test skipped (scripts/test.sh sets it)"
        );
        return;
    };
    let db = fresh_postgres(&url).await;
    let s = Server::start(&["--database", &db]);
    statements_api(&s).await;
    drop(s);
    // Stored for good: a new server on the same database sees them.
    let s = Server::start(&["--database", &db]);
    assert_eq!(walk(&s, "").await.len(), 39);
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Ralph, France Université Numérique's LRS, on its file-system backend,
/// through scripts/ralph-lrs.py (which says why not `ralph runserver`).
struct Ralph {
    child: Child,
}

impl Ralph {
    fn start(program: &str, auth: &Path, store: &Path, port: u16) -> Ralph {
        let python = Path::new(program).with_file_name("python");
        let child = Command::new(python)
            .arg(root().join("scripts/ralph-lrs.py"))
            .arg(store)
            .args(["127.0.0.1", &port.to_string()])
            .env("RALPH_AUTH_FILE", auth)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Ralph starts");
        Ralph { child }
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn wait_for_ralph(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(90);
    while Instant::now() < deadline {
        let up = client()
            .get(format!("http://127.0.0.1:{port}/__heartbeat__"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success());
        if up {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("Ralph did not start on port {port}");
}

/// Every statement id Ralph's file-system backend wrote, with repeats.
fn ids_in_ralph(store: &Path) -> Vec<String> {
    if !store.is_dir() {
        return Vec::new();
    }
    files_under(store)
        .into_iter()
        .flat_map(|(_, bytes)| {
            String::from_utf8_lossy(&bytes)
                .lines()
                .filter_map(|l| serde_json::from_str::<Value>(l).ok())
                .filter_map(|s| s["id"].as_str().map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect()
}

async fn wait_for_count(store: &Path, n: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let ids = ids_in_ralph(store);
        if ids.len() >= n || Instant::now() > deadline {
            return ids;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn relays_to_ralph_once_each_across_restarts() {
    let Ok(ralph) = std::env::var("DEDALE_TEST_RALPH") else {
        eprintln!("DEDALE_TEST_RALPH not set: Ralph test skipped (scripts/test.sh sets it)");
        return;
    };
    let dir = temp_dir("ralph");
    let auth = dir.join("auth.json");
    let store = dir.join("lrs");
    let made = Command::new(&ralph)
        .args([
            "auth",
            "-u",
            "dedale",
            "-p",
            "mot-de-passe-lrs",
            "-s",
            "all",
            "-A",
            "dedale",
            "https://dedale.example",
            "-w",
        ])
        .env("RALPH_AUTH_FILE", &auth)
        .stdout(Stdio::null())
        .status()
        .expect("ralph auth runs");
    assert!(made.success());
    let port = free_port();
    let lrs = Ralph::start(&ralph, &auth, &store, port);
    wait_for_ralph(port).await;

    let data = temp_dir("relay");
    let forward = format!("http://127.0.0.1:{port}/xAPI/statements/");
    let args = [
        "--data",
        &data.display().to_string(),
        "--forward",
        &forward,
        "--forward-user",
        "dedale",
        "--forward-password",
        "mot-de-passe-lrs",
    ]
    .map(str::to_string);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let session = "9b2f6f0e-4a57-4c1f-8f0a-6f3d2b7c1e55";
    let mut sent = Vec::new();
    let server = Server::start(&args);
    for _ in 0..5 {
        let batch: Vec<Value> = (0..30).map(|_| anonymous(session)).collect();
        let ids = json_of(post(&server, KEY, &json!(batch)).await).await;
        sent.extend(
            ids.as_array()
                .expect("ids")
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string),
        );
    }
    // Some have arrived: stop both sides abruptly, midway.
    let early = wait_for_count(&store, 1).await;
    assert!(!early.is_empty(), "the relay started");
    drop(server);
    drop(lrs);

    // The server comes back first, with the LRS still away: it keeps
    // collecting, and retries with back-off.
    let server = Server::start(&args);
    for _ in 0..5 {
        let batch: Vec<Value> = (0..30).map(|_| anonymous(session)).collect();
        let ids = json_of(post(&server, KEY, &json!(batch)).await).await;
        sent.extend(
            ids.as_array()
                .expect("ids")
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string),
        );
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let _lrs = Ralph::start(&ralph, &auth, &store, port);
    wait_for_ralph(port).await;
    let arrived = wait_for_count(&store, sent.len()).await;
    // A moment more: nothing else may come.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let arrived_after = ids_in_ralph(&store);
    assert_eq!(
        arrived.len(),
        arrived_after.len(),
        "nothing more arrives once all are there"
    );
    let unique: std::collections::BTreeSet<&String> = arrived_after.iter().collect();
    assert_eq!(
        unique.len(),
        arrived_after.len(),
        "no statement arrived twice"
    );
    let expected: std::collections::BTreeSet<&String> = sent.iter().collect();
    assert_eq!(sent.len(), 300);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&data);
    assert!(
        unique == expected,
        "every statement arrived: {} sent, {} arrived, {} of them sent",
        expected.len(),
        unique.len(),
        unique.intersection(&expected).count()
    );
}

#[test]
fn listening_to_the_room_says_so_and_loopback_does_not() {
    let lines = |listen: &str| {
        let data = temp_dir("room");
        let mut child = Command::new(env!("CARGO_BIN_EXE_dedale-cli"))
            .args(["serve", "--listen", listen, "--key", KEY, "--data"])
            .arg(&data)
            .current_dir(root())
            .env_remove("DEDALE_LANG")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dedale-cli serve starts");
        let stdout = child.stdout.take().expect("stdout");
        // The banner ends with where the statements are kept.
        let mut lines = Vec::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let last = line.starts_with("Déclarations gardées");
            lines.push(line);
            if last {
                break;
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        let _ = std::fs::remove_dir_all(&data);
        lines
    };
    let room = lines("0.0.0.0:0");
    assert!(
        room.iter().any(|l| l.starts_with("Ouvert à la salle")),
        "{room:#?}"
    );
    assert!(
        room.iter()
            .any(|l| l.starts_with("Lien de l'atelier : http://")
                && l.ends_with("#atelier=cle-de-test")),
        "{room:#?}"
    );
    let alone = lines("127.0.0.1:0");
    assert!(alone.iter().all(|l| !l.contains("salle")), "{alone:#?}");
}
