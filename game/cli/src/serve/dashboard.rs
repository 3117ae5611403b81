//! The trainer's dashboard at `/formateur`: the workshop link (text and QR
//! code), the sessions in progress with the page each is on, live through
//! server-sent events, the friction ranking so far, and the report of the
//! workshop's sessions to download. The report is the core's, made from the
//! statements read back into records ([`xapi::records`]): the same figures
//! as `dedale-cli report` on exported files.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use dedale_core::Lang;
use dedale_core::metrics::csv_export::Delimiter;
use dedale_core::metrics::report::{self, Report};
use dedale_core::metrics::{EventKind, Record, jsonl, xapi};
use futures_util::stream::{self, Stream};
use serde_json::{Value, json};

use super::App;
use super::store;

/// The dashboard's routes (behind the workshop key).
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/formateur", get(page))
        .route("/formateur/", get(page))
        .route("/formateur/evenements", get(events))
        .route("/formateur/rapport.csv", get(csv))
        .route("/formateur/rapport.jsonl", get(jsonl_file))
        .route("/formateur/rapport.html", get(html))
}

/// Every session so far, and when each last sent something.
async fn sessions(app: &App) -> Result<(Vec<Record>, HashMap<String, i64>), Response> {
    let stored = app.store.everything().await.map_err(|e| {
        eprintln!("{e}");
        (StatusCode::INTERNAL_SERVER_ERROR, e).into_response()
    })?;
    let mut last = HashMap::new();
    let mut bodies = Vec::with_capacity(stored.len());
    for s in stored {
        if let Some(name) = s
            .body
            .pointer("/actor/account/name")
            .and_then(Value::as_str)
        {
            last.insert(name.replace('-', ""), s.stored_us);
        }
        bodies.push(s.body);
    }
    Ok((xapi::records(&bodies), last))
}

/// What the page shows, as JSON: sent at once and after each change.
fn snapshot(records: &[Record], last: &HashMap<String, i64>, lang: Lang) -> Value {
    let now = store::now_us();
    let mut in_progress: Vec<Value> = records
        .iter()
        .filter(|r| {
            r.outcome.is_none()
                && !r
                    .events
                    .iter()
                    .any(|e| matches!(e.kind, EventKind::Abandoned { .. }))
        })
        .map(|r| {
            let page = r.events.iter().rev().find_map(|e| match &e.kind {
                EventKind::PageEntered { page } => Some(page.clone()),
                _ => None,
            });
            let idle_s = last
                .get(&r.header.session)
                .map_or(0, |t| (now - t).max(0) / 1_000_000);
            json!({
                // The first 8 digits tell sessions apart on screen; the id says nothing of the person.
                "session": r.header.session.get(..8).unwrap_or_default(),
                "scenario": r.header.scenario,
                "page": page,
                "events": r.events.len(),
                "minutes": r.duration_ms() / 60_000,
                "idle_s": idle_s,
            })
        })
        .collect();
    in_progress.sort_by_key(|s| s["idle_s"].as_i64().unwrap_or(0));
    let finished = records.len() - in_progress.len();
    let rep = report::report(records);
    let friction: Vec<Value> = rep
        .scenarios
        .iter()
        .flat_map(|s| {
            s.friction.iter().take(10).map(move |f| {
                json!({
                    "scenario": s.scenario,
                    "version": s.version,
                    "page": f.page,
                    "score": (f.score * 10.0).round() / 10.0,
                    "why": f.reasons(lang),
                })
            })
        })
        .collect();
    json!({
        "sessions": records.len(),
        "finished": finished,
        "in_progress": in_progress,
        "friction": friction,
    })
}

/// Server-sent events: a snapshot now, then at most one a second while statements arrive.
async fn events(State(app): State<Arc<App>>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let changes = app.changed.subscribe();
    let stream = stream::unfold(
        (app, changes, true),
        |(app, mut changes, first)| async move {
            if !first {
                // A change, or a refresh every 15 s so "idle for" stays true.
                let _ = tokio::time::timeout(Duration::from_secs(15), changes.changed()).await;
                tokio::time::sleep(Duration::from_secs(1)).await;
                changes.borrow_and_update();
            }
            let data = match sessions(&app).await {
                Ok((records, last)) => snapshot(&records, &last, app.lang).to_string(),
                Err(_) => json!({ "error": true }).to_string(),
            };
            Some((
                Ok(Event::default().event("etat").data(data)),
                (app, changes, false),
            ))
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn report_of(app: &App) -> Result<(Vec<Record>, Report), Response> {
    let (records, _) = sessions(app).await?;
    let rep = report::report(&records);
    Ok((records, rep))
}

fn download(body: String, mime: &'static str, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

async fn csv(State(app): State<Arc<App>>) -> Response {
    match report_of(&app).await {
        Ok((_, rep)) => download(
            rep.csv(Delimiter::Semicolon),
            "text/csv; charset=utf-8",
            "rapport-atelier.csv",
        ),
        Err(r) => r,
    }
}

async fn jsonl_file(State(app): State<Arc<App>>) -> Response {
    match report_of(&app).await {
        Ok((records, _)) => download(
            jsonl::write(&records),
            "application/jsonl; charset=utf-8",
            "sessions-atelier.jsonl",
        ),
        Err(r) => r,
    }
}

async fn html(State(app): State<Arc<App>>) -> Response {
    match report_of(&app).await {
        Ok((_, rep)) => Html(rep.html(app.lang)).into_response(),
        Err(r) => r,
    }
}

/// The link as a QR code, in SVG: phones open the game by pointing at the screen.
fn qr_svg(link: &str) -> String {
    match qrcode::QrCode::new(link.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(220, 220)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

async fn page(State(app): State<Arc<App>>) -> Response {
    let en = app.lang == Lang::En;
    let t = |fr: &'static str, english: &'static str| if en { english } else { fr };
    let link = esc(&app.link);
    let html = format!(
        r#"<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:1.5rem;max-width:70rem;color:#1b1b1b;line-height:1.4}}
h1{{font-size:1.6rem}} h2{{font-size:1.2rem;margin-top:2rem}}
.link{{display:flex;gap:2rem;align-items:center;flex-wrap:wrap}}
code{{font-size:1.1rem;background:#f2f2f2;padding:.2rem .4rem;word-break:break-all}}
table{{border-collapse:collapse;width:100%}} th,td{{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ccc}}
.empty{{color:#555}} a{{color:#0b4fa3}}
</style></head><body>
<h1>{title}</h1>
<section class="link"><div>{qr}</div><div><p>{open}</p><p><code id="lien">{link}</code></p></div></section>
<h2>{live} <span id="compte"></span></h2>
<table><thead><tr><th>{session}</th><th>{scenario}</th><th>{pg}</th><th>{events}</th><th>{minutes}</th><th>{idle}</th></tr></thead>
<tbody id="en-cours"><tr><td colspan="6" class="empty">{none}</td></tr></tbody></table>
<h2>{friction}</h2>
<table><thead><tr><th>{scenario}</th><th>{pg}</th><th>{score}</th><th>{why}</th></tr></thead>
<tbody id="friction"><tr><td colspan="4" class="empty">{none}</td></tr></tbody></table>
<h2>{report}</h2>
<p><a href="/formateur/rapport.html" target="_blank">HTML</a> · <a href="/formateur/rapport.csv">CSV</a> · <a href="/formateur/rapport.jsonl">JSONL</a></p>
<script>
const NONE = {none_js};
const esc = (s) => String(s ?? "—").replace(/[&<>"]/g, (c) => ({{"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}})[c]);
const rows = (id, list, cols, n) => {{
  document.getElementById(id).innerHTML = list.length
    ? list.map((r) => "<tr>" + cols.map((c) => "<td>" + esc(r[c]) + "</td>").join("") + "</tr>").join("")
    : '<tr><td colspan="' + n + '" class="empty">' + esc(NONE) + '</td></tr>';
}};
const source = new EventSource("/formateur/evenements");
source.addEventListener("etat", (e) => {{
  const s = JSON.parse(e.data);
  if (s.error) return;
  document.getElementById("compte").textContent = "(" + s.in_progress.length + " · {finished} " + s.finished + ")";
  rows("en-cours", s.in_progress, ["session", "scenario", "page", "events", "minutes", "idle_s"], 6);
  rows("friction", s.friction, ["scenario", "page", "score", "why"], 4);
}});
</script>
</body></html>"#,
        lang = if en { "en" } else { "fr" },
        title = t(
            "Dédale — tableau de bord de l'atelier",
            "Dédale — workshop dashboard"
        ),
        qr = qr_svg(&app.link),
        open = t(
            "Les participants ouvrent ce lien, ou visent le code avec leur téléphone :",
            "Learners open this link, or point their phone at the code:"
        ),
        live = t("Parties en cours", "Sessions in progress"),
        session = t("Session", "Session"),
        scenario = t("Scénario", "Scenario"),
        pg = t("Page", "Page"),
        events = t("Événements", "Events"),
        minutes = t("Minutes", "Minutes"),
        idle = t("Inactive depuis (s)", "Idle for (s)"),
        none = t("rien pour l'instant", "nothing yet"),
        // In the script, as a JavaScript string: the French has an apostrophe.
        none_js = serde_json::Value::from(t("rien pour l'instant", "nothing yet")),
        friction = t("Points de friction jusqu'ici", "Friction so far"),
        score = t("Score", "Score"),
        why = t("Pourquoi", "Why"),
        report = t(
            "Rapport des sessions de l'atelier",
            "Report of the workshop's sessions"
        ),
        finished = t("terminées :", "finished:"),
    );
    Html(html).into_response()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
