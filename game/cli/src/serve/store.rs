//! Where statements are kept: an SQLite file in `--data`, or PostgreSQL with
//! `--database postgres://…`, through sqlx's `Any` driver so both run the
//! same migrations and the same queries.
//!
//! Each statement gets a `seq`, its place in the order of storage, and a
//! `stored` time that grows with it: `since`/`until` filter on the time, the
//! `more` links and the relay to an LRS walk the `seq`. One task writes:
//! the requests waiting when it is free are committed in one transaction
//! (one `fsync` for all), each still accepted or refused on its own. Two
//! servers on one PostgreSQL would collide on `seq`, which a retry resolves.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;
use sqlx::AnyPool;
use sqlx::Row;
use sqlx::any::AnyPoolOptions;
use std::collections::HashMap;

use tokio::sync::{mpsc, oneshot};

/// The database, and the queue of the one task that writes to it.
pub struct Store {
    pool: AnyPool,
    jobs: mpsc::Sender<Job>,
}

/// A batch to store, and where to say how it went.
struct Job {
    batch: Vec<(String, Value)>,
    reply: oneshot::Sender<Result<usize, Refused>>,
}

/// Most requests committed together.
const MAX_GROUP: usize = 256;

/// One stored statement.
#[derive(Clone, Debug)]
pub struct Stored {
    /// Place in the order of storage, from 1.
    pub seq: i64,
    /// Microseconds since 1970 when it was stored.
    pub stored_us: i64,
    /// The statement as it was sent, with its id.
    pub body: Value,
}

/// Why a batch was not stored.
#[derive(Debug)]
pub enum Refused {
    /// A statement reuses the id of a different one already stored.
    Conflict(String),
    /// The database failed.
    Database(String),
}

impl Store {
    /// Opens (and creates) the SQLite file `dedale.sqlite3` in `dir`.
    pub async fn sqlite(dir: &Path) -> Result<Store, String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{} : impossible de créer le dossier : {e}", dir.display()))?;
        let file = dir.join("dedale.sqlite3");
        let url = format!("sqlite://{}?mode=rwc", file.display());
        let store = Store::open(&url, 1).await?;
        // WAL: readers never block the writer. `synchronous` stays FULL: a
        // statement answered 200 is on disk, since the game then forgets it.
        sqlx::query("PRAGMA journal_mode = WAL")
            .execute(&store.pool)
            .await
            .map_err(database)?;
        Ok(store)
    }

    /// Connects to a database by URL (`postgres://…` or `sqlite://…`).
    pub async fn open(url: &str, connections: u32) -> Result<Store, String> {
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(connections.max(1))
            .connect(url)
            .await
            .map_err(|e| {
                format!(
                    "impossible d'ouvrir la base de données : {e}\n(cannot open the database: {e})"
                )
            })?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .map_err(|e| {
                format!("migration de la base impossible : {e}\n(migration failed: {e})")
            })?;
        let last: i64 = sqlx::query("SELECT COALESCE(MAX(stored_us), 0) AS t FROM statements")
            .fetch_one(&pool)
            .await
            .and_then(|r| r.try_get("t"))
            .map_err(database)?;
        let (jobs, queue) = mpsc::channel(1024);
        tokio::spawn(writer(pool.clone(), queue, last));
        Ok(Store { pool, jobs })
    }

    /// Stores a batch, all or nothing. Returns how many were new; a statement
    /// identical to one already stored (same id, same content) is accepted and
    /// not stored again.
    pub async fn insert(&self, batch: &[(String, Value)]) -> Result<usize, Refused> {
        let (reply, answer) = oneshot::channel();
        let stopped = || {
            Refused::Database(
                "le rédacteur de la base s'est arrêté (the database writer stopped)".into(),
            )
        };
        self.jobs
            .send(Job {
                batch: batch.to_vec(),
                reply,
            })
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
    /// One statement by id.
    pub async fn get(&self, id: &str) -> Result<Option<Stored>, String> {
        let row = sqlx::query("SELECT seq, stored_us, body FROM statements WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(database)?;
        row.map(stored).transpose()
    }

    /// Statements stored after `since` and up to `until` (microseconds), past
    /// the cursor `seq`, in storage order or newest first; at most `limit`.
    pub async fn list(&self, q: &Query) -> Result<Vec<Stored>, String> {
        let sql = if q.ascending {
            "SELECT seq, stored_us, body FROM statements \
             WHERE stored_us > $1 AND stored_us <= $2 AND seq > $3 ORDER BY seq ASC LIMIT $4"
        } else {
            "SELECT seq, stored_us, body FROM statements \
             WHERE stored_us > $1 AND stored_us <= $2 AND seq < $3 ORDER BY seq DESC LIMIT $4"
        };
        let cursor = q.cursor.unwrap_or(if q.ascending { 0 } else { i64::MAX });
        let rows = sqlx::query(sql)
            .bind(q.since_us)
            .bind(q.until_us)
            .bind(cursor)
            .bind(q.limit)
            .fetch_all(&self.pool)
            .await
            .map_err(database)?;
        rows.into_iter().map(stored).collect()
    }

    /// Statements after `seq`, in order: what the relay sends next.
    pub async fn after(&self, seq: i64, limit: i64) -> Result<Vec<Stored>, String> {
        self.list(&Query {
            since_us: i64::MIN,
            until_us: i64::MAX,
            cursor: Some(seq),
            ascending: true,
            limit,
        })
        .await
    }

    /// Every statement, in order (the dashboard's report).
    pub async fn everything(&self) -> Result<Vec<Stored>, String> {
        let rows = sqlx::query("SELECT seq, stored_us, body FROM statements ORDER BY seq")
            .fetch_all(&self.pool)
            .await
            .map_err(database)?;
        rows.into_iter().map(stored).collect()
    }

    /// The last `seq` the relay to `target` had accepted (0: none).
    pub async fn cursor(&self, target: &str) -> Result<i64, String> {
        let row = sqlx::query("SELECT seq FROM forward_cursor WHERE target = $1")
            .bind(target)
            .fetch_optional(&self.pool)
            .await
            .map_err(database)?;
        row.map_or(Ok(0), |r| r.try_get("seq").map_err(database))
    }

    /// Records that `target` accepted everything up to `seq`.
    pub async fn set_cursor(&self, target: &str, seq: i64) -> Result<(), String> {
        let mut tx = self.pool.begin().await.map_err(database)?;
        let n = sqlx::query("UPDATE forward_cursor SET seq = $1 WHERE target = $2")
            .bind(seq)
            .bind(target)
            .execute(&mut *tx)
            .await
            .map_err(database)?
            .rows_affected();
        if n == 0 {
            sqlx::query("INSERT INTO forward_cursor (target, seq) VALUES ($1, $2)")
                .bind(target)
                .bind(seq)
                .execute(&mut *tx)
                .await
                .map_err(database)?;
        }
        tx.commit().await.map_err(database)
    }
}

/// The writing task: takes every request waiting, commits them together,
/// answers each.
async fn writer(pool: AnyPool, mut queue: mpsc::Receiver<Job>, mut last: i64) {
    while let Some(first) = queue.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < MAX_GROUP {
            match queue.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        let mut attempt = 0;
        let outcome = loop {
            attempt += 1;
            match write_group(&pool, &jobs, &mut last).await {
                Err(e) if attempt < 10 && e.starts_with("UNIQUE") => continue,
                other => break other,
            }
        };
        match outcome {
            Ok(results) => {
                for (job, result) in jobs.into_iter().zip(results) {
                    let _ = job.reply.send(result);
                }
            }
            Err(e) => {
                eprintln!("{e}");
                for job in jobs {
                    let _ = job.reply.send(Err(Refused::Database(e.clone())));
                }
            }
        }
    }
}

/// One transaction for a group of requests; a request that reuses the id of
/// a different statement (stored, or earlier in the group) is refused alone.
async fn write_group(
    pool: &AnyPool,
    jobs: &[Job],
    last: &mut i64,
) -> Result<Vec<Result<usize, Refused>>, String> {
    let mut tx = pool.begin().await.map_err(text)?;
    let mut pending: HashMap<&str, &Value> = HashMap::new();
    let mut fresh: Vec<(&str, &Value)> = Vec::new();
    let mut results = Vec::with_capacity(jobs.len());
    'jobs: for job in jobs {
        let mut mine = Vec::new();
        for (id, body) in &job.batch {
            let existing = match pending.get(id.as_str()) {
                Some(v) => Some((*v).clone()),
                None => {
                    let row = sqlx::query("SELECT body FROM statements WHERE id = $1")
                        .bind(id.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(text)?;
                    match row {
                        Some(row) => {
                            let t: String = row.try_get("body").map_err(text)?;
                            Some(serde_json::from_str(&t).unwrap_or(Value::Null))
                        }
                        None => None,
                    }
                }
            };
            match existing {
                Some(old) if &old != body => {
                    results.push(Err(Refused::Conflict(id.clone())));
                    continue 'jobs;
                }
                Some(_) => {}
                None => mine.push((id.as_str(), body)),
            }
        }
        for (id, body) in &mine {
            pending.insert(id, body);
        }
        results.push(Ok(mine.len()));
        fresh.extend(mine);
    }
    let next: i64 = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS s FROM statements")
        .fetch_one(&mut *tx)
        .await
        .and_then(|r| r.try_get("s"))
        .map_err(text)?;
    let mut stored = now_us().max(*last + 1);
    let mut seq = next;
    for (id, body) in &fresh {
        seq += 1;
        sqlx::query("INSERT INTO statements (seq, id, stored_us, body) VALUES ($1, $2, $3, $4)")
            .bind(seq)
            .bind(*id)
            .bind(stored)
            .bind(body.to_string())
            .execute(&mut *tx)
            .await
            .map_err(text)?;
        stored += 1;
    }
    tx.commit().await.map_err(text)?;
    *last = stored - 1;
    Ok(results)
}

/// A `GET` of many statements, in the store's terms.
#[derive(Clone, Debug)]
pub struct Query {
    /// Only statements stored strictly after this time (µs).
    pub since_us: i64,
    /// Only statements stored at or before this time (µs).
    pub until_us: i64,
    /// Continue past this `seq` (a `more` link).
    pub cursor: Option<i64>,
    /// Oldest first.
    pub ascending: bool,
    /// At most this many.
    pub limit: i64,
}

fn stored(row: sqlx::any::AnyRow) -> Result<Stored, String> {
    let text: String = row.try_get("body").map_err(database)?;
    Ok(Stored {
        seq: row.try_get("seq").map_err(database)?,
        stored_us: row.try_get("stored_us").map_err(database)?,
        body: serde_json::from_str(&text).map_err(|e| e.to_string())?,
    })
}

/// Now, in microseconds since 1970.
pub fn now_us() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
}

fn database(e: sqlx::Error) -> String {
    format!("erreur de la base de données : {e}\n(database error: {e})")
}

/// The error, marked `UNIQUE` when a key was taken meanwhile (then the group is tried again).
fn text(e: sqlx::Error) -> String {
    let unique = e
        .as_database_error()
        .is_some_and(|d| d.is_unique_violation());
    let message = database(e);
    if unique {
        format!("UNIQUE {message}")
    } else {
        message
    }
}
