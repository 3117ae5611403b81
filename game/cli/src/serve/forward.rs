//! The relay to an external Learning Record Store (`--forward URL`).
//!
//! It sends every stored statement, in storage order, in batches, and moves
//! its cursor (kept in the database, so a restart resumes where it stopped)
//! only once the LRS has accepted them. On any failure it waits, doubling the
//! wait up to a minute, and sends the same batch again. Statements keep their
//! ids, so a batch sent twice (the LRS accepted it, the server stopped before
//! moving its cursor) is refused by the LRS as already there (`409`): the
//! relay then sends that batch one statement at a time with `PUT`, and counts
//! a `409` on one statement as "already there". Nothing is stored twice.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use super::App;
use super::xapi;

/// Where to relay, and how to log in.
#[derive(Clone, Debug)]
pub struct Target {
    /// The LRS's statements endpoint, such as `https://lrs.example/xAPI/statements`.
    pub url: String,
    /// HTTP Basic user, if the LRS wants one.
    pub user: Option<String>,
    /// HTTP Basic password.
    pub password: Option<String>,
}

/// Statements sent per request.
const BATCH: i64 = 200;
/// Longest wait between two attempts.
const MAX_WAIT: Duration = Duration::from_secs(60);

/// Relays forever; started once by the server.
pub async fn relay(app: Arc<App>, target: Target) {
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("relais impossible : {e}\n(cannot relay: {e})");
            return;
        }
    };
    let mut changes = app.changed.subscribe();
    let mut wait = Duration::from_secs(1);
    let mut failing = false;
    loop {
        match step(&app, &client, &target).await {
            Ok(0) => {
                // Caught up: sleep until new statements come (or a while, for safety).
                let _ = tokio::time::timeout(Duration::from_secs(5), changes.changed()).await;
            }
            Ok(n) => {
                if failing {
                    println!(
                        "relais vers {} : repris, {n} déclarations acceptées (relay resumed)",
                        target.url
                    );
                    failing = false;
                }
                wait = Duration::from_secs(1);
            }
            Err(e) => {
                if !failing {
                    eprintln!(
                        "relais vers {} : {e} ; nouvel essai dans {} s, puis de plus en plus espacé (relay failed, retrying with back-off)",
                        target.url,
                        wait.as_secs()
                    );
                }
                failing = true;
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(MAX_WAIT);
            }
        }
    }
}

/// Sends the next batch; returns how many statements the LRS accepted.
async fn step(app: &App, client: &reqwest::Client, target: &Target) -> Result<usize, String> {
    let cursor = app.store.cursor(&target.url).await?;
    let batch = app.store.after(cursor, BATCH).await?;
    let Some(last) = batch.last().map(|s| s.seq) else {
        return Ok(0);
    };
    let statements: Vec<Value> = batch.iter().map(outgoing).collect();
    let status = send(
        target,
        client.post(&target.url),
        &Value::Array(statements.clone()),
    )
    .await?;
    match status {
        200..=299 => {}
        409 => {
            for s in &statements {
                let id = s.get("id").and_then(Value::as_str).unwrap_or_default();
                let put = client.put(&target.url).query(&[("statementId", id)]);
                match send(target, put, s).await? {
                    200..=299 | 409 => {}
                    other => {
                        return Err(format!(
                            "le LRS a répondu {other} (the LRS answered {other})"
                        ));
                    }
                }
            }
        }
        other => {
            return Err(format!(
                "le LRS a répondu {other} (the LRS answered {other})"
            ));
        }
    }
    app.store.set_cursor(&target.url, last).await?;
    Ok(batch.len())
}

async fn send(
    target: &Target,
    request: reqwest::RequestBuilder,
    body: &Value,
) -> Result<u16, String> {
    let mut request = request
        .header("X-Experience-API-Version", xapi::VERSION)
        .header("Content-Type", "application/json")
        .body(body.to_string());
    if let Some(user) = &target.user {
        request = request.basic_auth(user, target.password.as_deref());
    }
    let response = request
        .send()
        .await
        .map_err(|e| format!("LRS injoignable : {e} (LRS unreachable)"))?;
    Ok(response.status().as_u16())
}

/// What the LRS receives: the statement as sent to us, with our storage
/// time as its `timestamp` when it had none (the same at every attempt).
fn outgoing(s: &super::store::Stored) -> Value {
    let mut v = s.body.clone();
    if let Some(map) = v.as_object_mut() {
        map.entry("timestamp")
            .or_insert_with(|| Value::String(xapi::rfc3339(s.stored_us)));
    }
    v
}
