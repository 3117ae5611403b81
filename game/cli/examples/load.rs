//! Load generator for `dedale-cli serve` and any xAPI LRS (scripts/bench-serve.sh runs it).
//!
//! `LEARNERS` simulated learners each send `STATEMENTS` statements, one POST
//! per statement as the game does, all at once; then every statement is read
//! back through `GET` and its `more` links, and the ids are counted: sent,
//! found, missing, duplicated. Prints one line of JSON.
//!
//! cargo run --release -p dedale-cli --example load -- URL USER PASSWORD [LEARNERS] [STATEMENTS]

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use dedale_core::metrics::{jsonl, xapi};
use serde_json::{Value, json};

#[tokio::main]
async fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, user, password, rest @ ..] = args.as_slice() else {
        return Err("usage: load URL USER PASSWORD [LEARNERS] [STATEMENTS]".into());
    };
    let learners: usize = rest.first().and_then(|n| n.parse().ok()).unwrap_or(200);
    let per_learner: usize = rest.get(1).and_then(|n| n.parse().ok()).unwrap_or(300);
    // The game's own statements, as templates: the fixture's first session.
    let fixture = include_str!("../../../tests/fixtures/sessions-2026-12-02.jsonl");
    let (records, _) = jsonl::read(fixture);
    let templates = records.first().map(xapi::statements).ok_or("no fixture")?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(learners)
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(|e| e.to_string())?;
    let target = Arc::new((url.clone(), user.clone(), password.clone()));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..learners {
        let client = client.clone();
        let target = target.clone();
        let templates = templates.clone();
        tasks.push(tokio::spawn(async move {
            let session = hex(&random::<16>());
            let mut latencies = Vec::with_capacity(per_learner);
            let mut ids = Vec::with_capacity(per_learner);
            let mut failures = 0usize;
            for i in 0..per_learner {
                let mut s = templates[i % templates.len()].clone();
                let id = uuid::Builder::from_random_bytes(random::<16>())
                    .into_uuid()
                    .to_string();
                s["id"] = json!(id);
                s["actor"]["account"]["name"] = json!(session);
                s["context"]["registration"] = json!(xapi::registration(&session));
                // Sent until accepted, as the game's queue does: never lost, the same id each time.
                loop {
                    let t = Instant::now();
                    let r = client
                        .post(&target.0)
                        .basic_auth(&target.1, Some(&target.2))
                        .header("X-Experience-API-Version", "1.0.3")
                        .json(&s)
                        .send()
                        .await;
                    let ok = matches!(&r, Ok(r) if r.status().is_success());
                    if let Ok(r) = r {
                        let _ = r.bytes().await;
                    }
                    if ok {
                        latencies.push(t.elapsed());
                        break;
                    }
                    failures += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                ids.push(id);
            }
            (latencies, ids, failures)
        }));
    }
    let mut latencies = Vec::new();
    let mut sent = Vec::new();
    let mut failures = 0;
    for t in tasks {
        let (l, ids, f) = t.await.map_err(|e| e.to_string())?;
        latencies.extend(l);
        sent.extend(ids);
        failures += f;
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: usize| {
        latencies
            .get((latencies.len() * p / 100).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let found = read_back(&client, &target).await?;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for id in &found {
        *counts.entry(id.as_str()).or_default() += 1;
    }
    let missing = sent
        .iter()
        .filter(|id| !counts.contains_key(id.as_str()))
        .count();
    let duplicated: usize = counts.values().map(|n| n - 1).sum();
    println!(
        "{}",
        json!({
            "url": url,
            "learners": learners,
            "sent": sent.len(),
            "seconds": (elapsed.as_secs_f64() * 100.0).round() / 100.0,
            "statements_per_s": (sent.len() as f64 / elapsed.as_secs_f64()).round(),
            "p50_ms": (pct(50) * 10.0).round() / 10.0,
            "p99_ms": (pct(99) * 10.0).round() / 10.0,
            "retried_posts": failures,
            "read_back": found.len(),
            "missing": missing,
            "duplicated": duplicated,
        })
    );
    Ok(())
}

/// Every statement id the LRS returns, through `more` links.
async fn read_back(
    client: &reqwest::Client,
    target: &(String, String, String),
) -> Result<Vec<String>, String> {
    let (url, user, password) = target;
    let origin = url
        .find("://")
        .and_then(|i| url[i + 3..].find('/').map(|j| &url[..i + 3 + j]))
        .unwrap_or(url);
    let mut next = format!("{url}?limit=500&ascending=true");
    let mut ids = Vec::new();
    loop {
        let page: Value = client
            .get(&next)
            .basic_auth(user, Some(password))
            .header("X-Experience-API-Version", "1.0.3")
            .send()
            .await
            .map_err(|e| e.to_string())?
            .json()
            .await
            .map_err(|e| e.to_string())?;
        let statements = page["statements"].as_array().cloned().unwrap_or_default();
        ids.extend(
            statements
                .iter()
                .filter_map(|s| s["id"].as_str().map(str::to_string)),
        );
        match page["more"].as_str() {
            Some(m) if !m.is_empty() && !statements.is_empty() => next = format!("{origin}{m}"),
            _ => return Ok(ids),
        }
    }
}

fn random<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).unwrap_or_default();
    b
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
