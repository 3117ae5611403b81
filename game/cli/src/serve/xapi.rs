//! The part of the xAPI 1.0.3 Statements resource the game needs:
//! `POST` (one statement or an array), `PUT ?statementId=`, `GET
//! ?statementId=` and `GET` with `since`, `until`, `limit`, `ascending` and a
//! `more` link. Every request names its version in `X-Experience-API-Version`
//! and every answer names ours.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::App;
use super::privacy;
use super::store::{self, Refused, Stored};

/// The version this server speaks.
pub const VERSION: &str = "1.0.3";
/// Largest request body: a whole session sent at once is well under it.
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
/// Most statements one `GET` returns.
const MAX_LIMIT: i64 = 500;
/// The home page of the server's `authority` account.
const AUTHORITY_HOME: &str = "https://dedale.example/atelier";

/// An error answer: French first, then English, as JSON.
pub fn problem(status: StatusCode, fr: &str, en: &str) -> Response {
    (status, axum::Json(json!({ "erreur": fr, "error": en }))).into_response()
}

/// Refuses requests without a 1.0.x version header, and names ours on every answer.
pub async fn version(request: Request, next: Next) -> Response {
    let wanted = request.uri().path() != "/xapi/about";
    let given = request
        .headers()
        .get("X-Experience-API-Version")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut response = match given {
        Some(v) if v.starts_with("1.0") => next.run(request).await,
        _ if !wanted => next.run(request).await,
        Some(v) => problem(
            StatusCode::BAD_REQUEST,
            &format!("version xAPI « {v} » non prise en charge : 1.0.3 attendue"),
            &format!("xAPI version \"{v}\" not supported: 1.0.3 expected"),
        ),
        None => problem(
            StatusCode::BAD_REQUEST,
            "en-tête X-Experience-API-Version manquant : ajoutez « X-Experience-API-Version: 1.0.3 »",
            "X-Experience-API-Version header missing: add \"X-Experience-API-Version: 1.0.3\"",
        ),
    };
    response.headers_mut().insert(
        "X-Experience-API-Version",
        HeaderValue::from_static(VERSION),
    );
    response
}

/// `GET /xapi/about`.
pub async fn about() -> Response {
    axum::Json(json!({ "version": [VERSION] })).into_response()
}

/// `POST /xapi/statements`: one statement or an array; answers their ids.
pub async fn post(State(app): State<Arc<App>>, body: Result<Bytes, BytesRejection>) -> Response {
    let value = match parse(body) {
        Ok(v) => v,
        Err(r) => return *r,
    };
    let list = match value {
        Value::Array(list) => list,
        one @ Value::Object(_) => vec![one],
        _ => {
            return problem(
                StatusCode::BAD_REQUEST,
                "une déclaration (objet JSON) ou une liste de déclarations est attendue",
                "a statement (JSON object) or an array of statements is expected",
            );
        }
    };
    let mut batch = Vec::with_capacity(list.len());
    let mut seen = HashSet::new();
    for (i, mut statement) in list.into_iter().enumerate() {
        if let Err(p) = privacy::check(&statement) {
            return refused_statement(i, &p);
        }
        let id = match statement.get("id").and_then(Value::as_str) {
            Some(id) => id.to_ascii_lowercase(),
            None => {
                let id = new_id();
                if let Some(map) = statement.as_object_mut() {
                    map.insert("id".into(), json!(id));
                }
                id
            }
        };
        if !seen.insert(id.clone()) {
            return problem(
                StatusCode::BAD_REQUEST,
                &format!(
                    "l'identifiant {id} figure deux fois dans la liste : rien n'a été enregistré"
                ),
                &format!("id {id} appears twice in the batch: nothing was stored"),
            );
        }
        batch.push((id, statement));
    }
    match store_batch(&app, &batch).await {
        Ok(()) => {
            let ids: Vec<&str> = batch.iter().map(|(id, _)| id.as_str()).collect();
            axum::Json(json!(ids)).into_response()
        }
        Err(r) => r,
    }
}

/// `PUT /xapi/statements?statementId=…`: one statement under a given id.
pub async fn put(
    State(app): State<Arc<App>>,
    Query(params): Query<BTreeMap<String, String>>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Some(id) = params
        .get("statementId")
        .filter(|id| uuid::Uuid::try_parse(id).is_ok())
        .map(|id| id.to_ascii_lowercase())
    else {
        return problem(
            StatusCode::BAD_REQUEST,
            "paramètre statementId manquant ou qui n'est pas un UUID",
            "statementId parameter missing or not a UUID",
        );
    };
    let mut statement = match parse(body) {
        Ok(v @ Value::Object(_)) => v,
        Ok(_) => {
            return problem(
                StatusCode::BAD_REQUEST,
                "une seule déclaration (objet JSON) est attendue",
                "a single statement (JSON object) is expected",
            );
        }
        Err(r) => return *r,
    };
    if let Err(p) = privacy::check(&statement) {
        return refused_statement(0, &p);
    }
    match statement.get("id").and_then(Value::as_str) {
        Some(inner) if !inner.eq_ignore_ascii_case(&id) => {
            return problem(
                StatusCode::BAD_REQUEST,
                "l'identifiant de la déclaration diffère du paramètre statementId",
                "the statement's id differs from the statementId parameter",
            );
        }
        _ => {
            if let Some(map) = statement.as_object_mut() {
                map.insert("id".into(), json!(id));
            }
        }
    }
    match store_batch(&app, &[(id, statement)]).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(r) => r,
    }
}

/// `GET /xapi/statements`: one by `statementId`, or many with a `more` link.
pub async fn get(
    State(app): State<Arc<App>>,
    Query(params): Query<BTreeMap<String, String>>,
) -> Response {
    const KNOWN: &[&str] = &[
        "statementId",
        "since",
        "until",
        "limit",
        "ascending",
        "cursor",
        "format",
        "attachments",
    ];
    if let Some(p) = params.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return problem(
            StatusCode::BAD_REQUEST,
            &format!(
                "paramètre « {p} » non pris en charge par ce serveur (pris en charge : {})",
                KNOWN.join(", ")
            ),
            &format!(
                "parameter \"{p}\" not supported by this server (supported: {})",
                KNOWN.join(", ")
            ),
        );
    }
    let consistent = rfc3339(store::now_us());
    let mut response = if let Some(id) = params.get("statementId") {
        if params
            .keys()
            .any(|k| !["statementId", "format", "attachments"].contains(&k.as_str()))
        {
            return problem(
                StatusCode::BAD_REQUEST,
                "statementId ne se combine pas avec d'autres filtres",
                "statementId cannot be combined with other filters",
            );
        }
        match app.store.get(&id.to_ascii_lowercase()).await {
            Ok(Some(s)) => axum::Json(returned(&s)).into_response(),
            Ok(None) => problem(
                StatusCode::NOT_FOUND,
                "aucune déclaration avec cet identifiant",
                "no statement with this id",
            ),
            Err(e) => server_error(&e),
        }
    } else {
        match many(&app, &params).await {
            Ok(r) => r,
            Err(r) => return *r,
        }
    };
    if let Ok(v) = HeaderValue::from_str(&consistent) {
        response
            .headers_mut()
            .insert("X-Experience-API-Consistent-Through", v);
    }
    response
}

async fn many(app: &App, params: &BTreeMap<String, String>) -> Result<Response, Box<Response>> {
    let time = |name: &str, default: i64| -> Result<i64, Box<Response>> {
        match params.get(name) {
            None => Ok(default),
            Some(t) => parse_time(t).ok_or_else(|| {
                Box::new(problem(
                    StatusCode::BAD_REQUEST,
                    &format!("{name} : date ISO 8601 attendue (2026-12-02T09:30:00Z)"),
                    &format!("{name}: ISO 8601 timestamp expected (2026-12-02T09:30:00Z)"),
                ))
            }),
        }
    };
    let number = |name: &str| -> Result<Option<i64>, Box<Response>> {
        params
            .get(name)
            .map(|v| {
                v.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
                    Box::new(problem(
                        StatusCode::BAD_REQUEST,
                        &format!("{name} : nombre entier positif attendu"),
                        &format!("{name}: non-negative integer expected"),
                    ))
                })
            })
            .transpose()
    };
    let limit = match number("limit")? {
        None | Some(0) => MAX_LIMIT,
        Some(n) => n.min(MAX_LIMIT),
    };
    let query = store::Query {
        since_us: time("since", i64::MIN)?,
        until_us: time("until", i64::MAX)?,
        cursor: number("cursor")?,
        ascending: params.get("ascending").is_some_and(|a| a == "true"),
        limit: limit + 1,
    };
    let mut found = app
        .store
        .list(&query)
        .await
        .map_err(|e| Box::new(server_error(&e)))?;
    let more = if found.len() > usize::try_from(limit).unwrap_or(usize::MAX) {
        found.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        let last = found.last().map_or(0, |s| s.seq);
        let mut link: Vec<String> = params
            .iter()
            .filter(|(k, _)| k.as_str() != "cursor")
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        link.push(format!("cursor={last}"));
        format!("/xapi/statements?{}", link.join("&"))
    } else {
        String::new()
    };
    let statements: Vec<Value> = found.iter().map(returned).collect();
    Ok(axum::Json(json!({ "statements": statements, "more": more })).into_response())
}

/// A stored statement as the LRS returns it: with `stored`, `timestamp`
/// (the storage time if the sender gave none), `authority` and `version`.
pub fn returned(s: &Stored) -> Value {
    let mut v = s.body.clone();
    let stored = rfc3339(s.stored_us);
    if let Some(map) = v.as_object_mut() {
        map.entry("timestamp").or_insert_with(|| json!(stored));
        map.insert("stored".into(), json!(stored));
        map.entry("version").or_insert_with(|| json!(VERSION));
        map.insert(
            "authority".into(),
            json!({ "objectType": "Agent", "account": { "homePage": AUTHORITY_HOME, "name": "atelier" } }),
        );
    }
    v
}

async fn store_batch(app: &App, batch: &[(String, Value)]) -> Result<(), Response> {
    match app.store.insert(batch).await {
        Ok(new) => {
            if new > 0 {
                app.changed.send_modify(|n| *n += 1);
            }
            Ok(())
        }
        Err(Refused::Conflict(id)) => Err(problem(
            StatusCode::CONFLICT,
            &format!(
                "une autre déclaration porte déjà l'identifiant {id} : rien n'a été enregistré"
            ),
            &format!("another statement already has the id {id}: nothing was stored"),
        )),
        Err(Refused::Database(e)) => Err(server_error(&e)),
    }
}

fn parse(body: Result<Bytes, BytesRejection>) -> Result<Value, Box<Response>> {
    let bytes = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            problem(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("requête trop grosse (plus de {} Mio) : rien n'a été enregistré ; envoyez les déclarations en plusieurs fois", MAX_BODY_BYTES / (1024 * 1024)),
                &format!("request too large (over {} MiB): nothing was stored; send the statements in several requests", MAX_BODY_BYTES / (1024 * 1024)),
            )
        } else {
            problem(StatusCode::BAD_REQUEST, "corps de requête illisible", "unreadable request body")
        }
    })
    .map_err(Box::new)?;
    serde_json::from_slice(&bytes)
        .map_err(|e| {
            problem(
                StatusCode::BAD_REQUEST,
                &format!(
                    "JSON invalide, ligne {} colonne {} : {e}",
                    e.line(),
                    e.column()
                ),
                &format!("invalid JSON, line {} column {}: {e}", e.line(), e.column()),
            )
        })
        .map_err(Box::new)
}

fn refused_statement(index: usize, p: &privacy::Problem) -> Response {
    problem(
        StatusCode::BAD_REQUEST,
        &format!(
            "déclaration n° {} refusée, rien n'a été enregistré : {}",
            index + 1,
            p.fr
        ),
        &format!(
            "statement #{} refused, nothing was stored: {}",
            index + 1,
            p.en
        ),
    )
}

fn server_error(e: &str) -> Response {
    eprintln!("{e}");
    problem(
        StatusCode::INTERNAL_SERVER_ERROR,
        "erreur du serveur : réessayez ; le détail est dans la console du serveur",
        "server error: try again; the details are in the server's console",
    )
}

/// A new statement id: a random (version 4) UUID.
pub fn new_id() -> String {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // No random source: the time and a counter still never repeat.
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        bytes[..8].copy_from_slice(&store::now_us().to_le_bytes());
        bytes[8..].copy_from_slice(&n.to_le_bytes());
    }
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// Microseconds since 1970 as an ISO 8601 UTC time.
pub fn rfc3339(us: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

fn parse_time(t: &str) -> Option<i64> {
    let t = OffsetDateTime::parse(t, &Rfc3339).ok()?;
    i64::try_from(t.unix_timestamp_nanos() / 1000).ok()
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
