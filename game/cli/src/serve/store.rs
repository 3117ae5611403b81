//! Where statements are kept: an SQLite file in `--data`, or PostgreSQL with
//! `--database postgres://…`, through sqlx's `Any` driver so both run the
//! same migrations and the same queries.
//!
//! Each statement gets a `seq`, its place in the order of storage, and a
//! `stored` time that grows with it: `since`/`until` filter on the time, the
//! `more` links and the relay to an LRS walk the `seq`. Writes go one at a
//! time through a lock (a workshop's load is small); two servers on one
//! PostgreSQL would collide on `seq`, which a retry resolves.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;
use sqlx::AnyPool;
use sqlx::Row;
use sqlx::any::AnyPoolOptions;
use tokio::sync::Mutex;

/// The database, and the lock that orders writes.
pub struct Store {
    pool: AnyPool,
    write: Mutex<i64>,
}

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
        Ok(Store {
            pool,
            write: Mutex::new(last),
        })
    }

    /// Stores a batch, all or nothing. Returns how many were new; a statement
    /// identical to one already stored (same id, same content) is accepted and
    /// not stored again.
    pub async fn insert(&self, batch: &[(String, Value)]) -> Result<usize, Refused> {
        let mut last = self.write.lock().await;
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.try_insert(batch, &mut last).await {
                Err(Refused::Database(e)) if attempt < 10 && e.contains("UNIQUE") => continue,
                other => return other,
            }
        }
    }

    async fn try_insert(
        &self,
        batch: &[(String, Value)],
        last: &mut i64,
    ) -> Result<usize, Refused> {
        let mut tx = self.pool.begin().await.map_err(refused)?;
        let mut fresh = Vec::new();
        for (id, body) in batch {
            let row = sqlx::query("SELECT body FROM statements WHERE id = $1")
                .bind(id.as_str())
                .fetch_optional(&mut *tx)
                .await
                .map_err(refused)?;
            match row {
                Some(row) => {
                    let text: String = row.try_get("body").map_err(refused)?;
                    let old: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                    if &old != body {
                        return Err(Refused::Conflict(id.clone()));
                    }
                }
                None => fresh.push((id, body)),
            }
        }
        let next: i64 = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS s FROM statements")
            .fetch_one(&mut *tx)
            .await
            .and_then(|r| r.try_get("s"))
            .map_err(refused)?;
        let mut stored = now_us().max(*last + 1);
        for (i, (id, body)) in fresh.iter().enumerate() {
            let seq = next + 1 + i64::try_from(i).unwrap_or(i64::MAX - next - 1);
            sqlx::query(
                "INSERT INTO statements (seq, id, stored_us, body) VALUES ($1, $2, $3, $4)",
            )
            .bind(seq)
            .bind(id.as_str())
            .bind(stored)
            .bind(body.to_string())
            .execute(&mut *tx)
            .await
            .map_err(refused)?;
            stored += 1;
        }
        tx.commit().await.map_err(refused)?;
        *last = stored - 1;
        Ok(fresh.len())
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

fn refused(e: sqlx::Error) -> Refused {
    let unique = e
        .as_database_error()
        .is_some_and(|d| d.is_unique_violation());
    let text = database(e);
    Refused::Database(if unique {
        format!("UNIQUE {text}")
    } else {
        text
    })
}
