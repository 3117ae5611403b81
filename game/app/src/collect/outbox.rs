//! The statements waiting for the workshop's collector, as pure data: what to
//! send next, what an answer does to the queue, and when to try again. No
//! browser and no clock here (the caller gives the time), so the rules —
//! nothing lost, nothing sent twice, in order, back-off — are tested natively
//! with a fake transport; `send` (in the browser) only carries the requests.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Most statements in one request: a few dozen kilobytes, far below the
/// collector's limit, and few requests when a whole run waited offline.
pub const MAX_BATCH: usize = 50;
/// The first wait after a failure, in milliseconds; it doubles at each failure in a row.
pub const FIRST_WAIT_MS: u64 = 1_000;
/// The longest wait between two attempts: a room's Wi-Fi back is noticed within a minute.
pub const LONGEST_WAIT_MS: u64 = 60_000;
/// Sessions whose offered count is remembered; older ones are long closed.
const SESSIONS_KEPT: usize = 50;
/// Longest reason kept from a collector's refusal.
const REASON_CHARS: usize = 300;

/// A statement not yet accepted by the collector.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Waiting {
    /// Its id (a UUID derived from the session and its index: the same at every resend).
    pub id: String,
    /// The statement itself, as the core wrote it.
    pub statement: Value,
}

/// Why a request did not go through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Failure {
    /// No answer: offline, the collector stopped, or too slow.
    Unreachable,
    /// `401` or `403`: the workshop key is wrong.
    WrongKey,
    /// Another status the collector may get over (`404`, `5xx`…): tried again.
    Status(u16),
    /// The collector refused a statement for good (`400`, `409`, `413`), with its reason.
    Refused(u16, String),
}

/// What came of a request, as the transport saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// `2xx`: every statement of the request is stored.
    Accepted,
    /// The request failed; `Failure::Refused` drops a statement, any other is tried again.
    Failed(Failure),
}

impl Answer {
    /// Reads an HTTP answer: its status and, for a refusal, its body (the collector's reason).
    pub fn of_status(status: u16, body: &str) -> Answer {
        match status {
            200..=299 => Answer::Accepted,
            401 | 403 => Answer::Failed(Failure::WrongKey),
            400 | 409 | 413 => Answer::Failed(Failure::Refused(
                status,
                body.chars().take(REASON_CHARS).collect(),
            )),
            _ => Answer::Failed(Failure::Status(status)),
        }
    }
}

/// What the sender should do now.
#[derive(Clone, Debug, PartialEq)]
pub enum Next<'a> {
    /// Send these statements, as one JSON array.
    Send(&'a [Waiting]),
    /// Try again in this many milliseconds.
    Wait(u64),
    /// Nothing waits.
    Idle,
}

/// The queue, kept whole in the browser's storage after every change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outbox {
    /// Statements not yet accepted, oldest first.
    pub waiting: Vec<Waiting>,
    /// For the latest sessions, how many of their statements were queued: a
    /// session offered again (after a reload) only queues what is new.
    pub offered: Vec<(String, usize)>,
    /// Statements the collector accepted from this device.
    pub sent: usize,
    /// Statements the collector refused for good (they are dropped).
    pub refused: usize,
    /// The last failure, until a request goes through (a refusal, until the next failure).
    pub last_error: Option<Failure>,
    /// Failed attempts in a row.
    pub failures: u32,
    /// When the next attempt may start, in milliseconds on the caller's clock.
    pub next_at: u64,
    /// After a refused request of several statements, how many to send one at
    /// a time, to find the one refused without dropping the others.
    pub one_by_one: usize,
}

impl Outbox {
    /// Reads a queue kept earlier; an unreadable one starts empty (its
    /// statements come back from the session records on their next offer).
    pub fn parse(text: &str) -> Outbox {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The queue as kept.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Queues the statements of `session` not queued before: `statements` are
    /// all of its settled statements so far, in order, so only those past the
    /// count already offered are new; one whose id already waits is not added
    /// twice. Returns how many were added.
    pub fn offer(&mut self, session: &str, statements: &[Value]) -> usize {
        let at = self.offered.iter().position(|(s, _)| s == session);
        let done = at.and_then(|i| self.offered.get(i)).map_or(0, |(_, n)| *n);
        let mut added = 0;
        for statement in statements.iter().skip(done) {
            let Some(id) = statement.get("id").and_then(Value::as_str) else {
                continue;
            };
            if self.waiting.iter().any(|w| w.id == id) {
                continue;
            }
            self.waiting.push(Waiting {
                id: id.to_string(),
                statement: statement.clone(),
            });
            added += 1;
        }
        let count = done.max(statements.len());
        match at {
            Some(i) => {
                // The session goes to the end: the oldest are forgotten first.
                self.offered.remove(i);
            }
            None if self.offered.len() >= SESSIONS_KEPT => {
                self.offered.remove(0);
            }
            None => {}
        }
        self.offered.push((session.to_string(), count));
        added
    }

    /// What to do at `now`: the oldest statements, one request's worth, once
    /// the wait after a failure is over.
    pub fn next(&self, now: u64) -> Next<'_> {
        if self.waiting.is_empty() {
            return Next::Idle;
        }
        if now < self.next_at {
            return Next::Wait(self.next_at - now);
        }
        let size = if self.one_by_one > 0 { 1 } else { MAX_BATCH };
        Next::Send(&self.waiting[..size.min(self.waiting.len())])
    }

    /// What an answer to the request of `ids` (sent at `next`'s word) does:
    /// accepted, they leave the queue; refused for good, a lone statement is
    /// dropped and counted, several are sent again one at a time to find it;
    /// any other failure keeps them all and waits longer each time.
    /// `luck`, from 0 to 1, spreads the waits of many devices over a quarter of
    /// the wait, so a room's tablets do not all come back in the same second.
    pub fn answer(&mut self, ids: &[String], answer: Answer, now: u64, luck: f64) {
        match answer {
            Answer::Accepted => {
                let before = self.waiting.len();
                self.waiting.retain(|w| !ids.contains(&w.id));
                self.sent += before - self.waiting.len();
                self.one_by_one = self.one_by_one.saturating_sub(ids.len());
                self.failures = 0;
                self.next_at = 0;
                // A refusal stays shown: its statement is gone, the trainer should know why.
                if !matches!(self.last_error, Some(Failure::Refused(..))) {
                    self.last_error = None;
                }
            }
            Answer::Failed(Failure::Refused(status, why)) if ids.len() > 1 => {
                self.one_by_one = ids.len();
                self.next_at = now;
                self.last_error = Some(Failure::Refused(status, why));
            }
            Answer::Failed(refusal @ Failure::Refused(..)) => {
                let before = self.waiting.len();
                self.waiting.retain(|w| !ids.contains(&w.id));
                self.refused += before - self.waiting.len();
                self.one_by_one = self.one_by_one.saturating_sub(ids.len());
                self.next_at = now;
                self.last_error = Some(refusal);
            }
            Answer::Failed(failure) => {
                self.failures = self.failures.saturating_add(1);
                self.next_at = now.saturating_add(wait_after(self.failures, luck));
                self.last_error = Some(failure);
            }
        }
    }

    /// Forgets the wait: the trainer asked to try now, the page was reloaded or the network came back.
    pub fn try_now(&mut self) {
        self.next_at = 0;
    }
}

/// The wait after `failures` failures in a row: 1 s, 2 s, 4 s… up to a
/// minute, plus up to a quarter of it as `luck` (0 to 1) says.
pub fn wait_after(failures: u32, luck: f64) -> u64 {
    let doubling = failures.saturating_sub(1).min(16);
    let wait = FIRST_WAIT_MS
        .saturating_mul(1 << doubling)
        .min(LONGEST_WAIT_MS);
    let luck = if luck.is_finite() {
        luck.clamp(0.0, 1.0)
    } else {
        0.0
    };
    // At most 15 000 ms: exact in an f64, and the cast cannot overflow.
    let spread = (wait as f64 * luck / 4.0) as u64;
    wait + spread
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn statements(session: &str, n: usize) -> Vec<Value> {
        (0..n)
            .map(|i| json!({ "id": format!("{session}-{i}"), "verb": "experienced" }))
            .collect()
    }

    /// A collector reached through a fake transport: it stores statements by id
    /// and counts each id received in an accepted request; `down` plays a cut.
    #[derive(Default)]
    struct Collector {
        stored: Vec<String>,
        accepted: std::collections::BTreeMap<String, usize>,
        down: bool,
        refuse: Option<String>,
        requests: usize,
    }

    impl Collector {
        fn post(&mut self, batch: &[Waiting]) -> Answer {
            self.requests += 1;
            if self.down {
                return Answer::Failed(Failure::Unreachable);
            }
            if let Some(bad) = &self.refuse
                && batch.iter().any(|w| &w.id == bad)
            {
                return Answer::of_status(400, "texte libre refusé");
            }
            for w in batch {
                *self.accepted.entry(w.id.clone()).or_default() += 1;
                if !self.stored.contains(&w.id) {
                    self.stored.push(w.id.clone());
                }
            }
            Answer::Accepted
        }
    }

    /// Runs the sender's loop until nothing is due at `now`; returns the time reached.
    fn drain(outbox: &mut Outbox, collector: &mut Collector, mut now: u64) -> u64 {
        for _ in 0..1000 {
            let ids: Vec<String>;
            let answer = match outbox.next(now) {
                Next::Idle => return now,
                Next::Wait(ms) => {
                    now += ms;
                    continue;
                }
                Next::Send(batch) => {
                    ids = batch.iter().map(|w| w.id.clone()).collect();
                    collector.post(batch)
                }
            };
            outbox.answer(&ids, answer, now, 0.0);
            if collector.down && outbox.failures > 8 {
                return now;
            }
        }
        now
    }

    #[test]
    fn everything_arrives_once_and_in_order() {
        let mut outbox = Outbox::default();
        let mut collector = Collector::default();
        outbox.offer("a", &statements("a", 120));
        drain(&mut outbox, &mut collector, 0);
        let expected: Vec<String> = (0..120).map(|i| format!("a-{i}")).collect();
        assert_eq!(collector.stored, expected);
        assert!(collector.accepted.values().all(|n| *n == 1));
        assert_eq!(collector.requests, 3, "50 + 50 + 20");
        assert_eq!(outbox.sent, 120);
        assert!(outbox.waiting.is_empty());
    }

    #[test]
    fn a_session_offered_again_queues_only_what_is_new() {
        let mut outbox = Outbox::default();
        assert_eq!(outbox.offer("a", &statements("a", 3)), 3);
        assert_eq!(outbox.offer("a", &statements("a", 3)), 0);
        assert_eq!(outbox.offer("a", &statements("a", 5)), 2);
        let mut collector = Collector::default();
        drain(&mut outbox, &mut collector, 0);
        // Sent, then offered again (the page reloaded): nothing goes twice.
        assert_eq!(outbox.offer("a", &statements("a", 5)), 0);
        assert_eq!(outbox.offer("b", &statements("b", 2)), 2);
        drain(&mut outbox, &mut collector, 0);
        assert_eq!(collector.stored.len(), 7);
        assert!(collector.accepted.values().all(|n| *n == 1));
    }

    #[test]
    fn an_id_already_waiting_is_not_queued_twice() {
        let mut outbox = Outbox::default();
        outbox.offer("a", &statements("a", 2));
        // The count forgotten (an old queue), the same statements come again.
        outbox.offered.clear();
        assert_eq!(outbox.offer("a", &statements("a", 3)), 1);
        assert_eq!(outbox.waiting.len(), 3);
    }

    #[test]
    fn the_wait_doubles_from_one_second_to_a_minute() {
        let waits: Vec<u64> = (1..=9).map(|f| wait_after(f, 0.0)).collect();
        assert_eq!(
            waits,
            [
                1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000
            ]
        );
        assert_eq!(wait_after(u32::MAX, 0.0), 60_000);
        assert_eq!(wait_after(3, 1.0), 5_000);
        assert_eq!(wait_after(3, f64::NAN), 4_000);
        assert_eq!(wait_after(3, 7.0), 5_000);
    }

    #[test]
    fn offline_it_waits_longer_each_time_then_sends_everything_once() {
        let mut outbox = Outbox::default();
        let mut collector = Collector {
            down: true,
            ..Collector::default()
        };
        outbox.offer("a", &statements("a", 4));
        let Next::Send(batch) = outbox.next(0) else {
            panic!("due at once");
        };
        let ids: Vec<String> = batch.iter().map(|w| w.id.clone()).collect();
        let answer = collector.post(batch);
        outbox.answer(&ids, answer, 0, 0.0);
        assert_eq!(outbox.next(0), Next::Wait(1_000));
        assert_eq!(outbox.next(400), Next::Wait(600));
        assert_eq!(outbox.last_error, Some(Failure::Unreachable));
        let mut attempts = vec![];
        let mut now = 1_000;
        for _ in 0..5 {
            assert!(matches!(outbox.next(now), Next::Send(_)));
            attempts.push(now);
            outbox.answer(&ids, Answer::Failed(Failure::Status(503)), now, 0.0);
            let Next::Wait(ms) = outbox.next(now) else {
                panic!("a wait after a failure");
            };
            now += ms;
        }
        assert_eq!(attempts, [1_000, 3_000, 7_000, 15_000, 31_000]);
        // Statements keep coming while the collector is away; the way back sends them all once.
        outbox.offer("a", &statements("a", 9));
        collector.down = false;
        drain(&mut outbox, &mut collector, now);
        let expected: Vec<String> = (0..9).map(|i| format!("a-{i}")).collect();
        assert_eq!(collector.stored, expected);
        assert!(collector.accepted.values().all(|n| *n == 1));
        assert_eq!(outbox.last_error, None);
        assert_eq!(outbox.failures, 0);
    }

    #[test]
    fn the_queue_survives_a_reload_at_any_moment() {
        let mut outbox = Outbox::default();
        let mut collector = Collector {
            down: true,
            ..Collector::default()
        };
        outbox.offer("a", &statements("a", 70));
        drain(&mut outbox, &mut collector, 0);
        assert_eq!(outbox.waiting.len(), 70);
        // The page reloads: the queue is read back from its text, the session offered again.
        let mut outbox = Outbox::parse(&outbox.to_text());
        outbox.try_now();
        assert_eq!(outbox.offer("a", &statements("a", 72)), 2);
        collector.down = false;
        // One request goes through, then the page reloads again.
        if let Next::Send(batch) = outbox.next(0) {
            let ids: Vec<String> = batch.iter().map(|w| w.id.clone()).collect();
            let answer = collector.post(batch);
            outbox.answer(&ids, answer, 0, 0.0);
        }
        let mut outbox = Outbox::parse(&outbox.to_text());
        assert_eq!(outbox.offer("a", &statements("a", 72)), 0);
        drain(&mut outbox, &mut collector, 0);
        assert_eq!(collector.stored.len(), 72);
        assert!(collector.accepted.values().all(|n| *n == 1));
        assert_eq!(outbox.sent, 72);
        assert_eq!(Outbox::parse("not json"), Outbox::default());
    }

    #[test]
    fn a_refused_statement_is_found_and_dropped_the_others_arrive() {
        let mut outbox = Outbox::default();
        let mut collector = Collector {
            refuse: Some("a-7".into()),
            ..Collector::default()
        };
        outbox.offer("a", &statements("a", 60));
        drain(&mut outbox, &mut collector, 0);
        assert_eq!(collector.stored.len(), 59);
        assert!(!collector.stored.contains(&"a-7".to_string()));
        assert!(collector.accepted.values().all(|n| *n == 1));
        assert_eq!((outbox.sent, outbox.refused), (59, 1));
        assert!(outbox.waiting.is_empty());
        assert!(matches!(outbox.last_error, Some(Failure::Refused(400, _))));
        // Back to full requests once the suspects are through.
        assert_eq!(outbox.one_by_one, 0);
    }

    #[test]
    fn statuses_read_as_answers() {
        assert_eq!(Answer::of_status(200, ""), Answer::Accepted);
        assert_eq!(
            Answer::of_status(401, ""),
            Answer::Failed(Failure::WrongKey)
        );
        assert_eq!(
            Answer::of_status(404, "x"),
            Answer::Failed(Failure::Status(404))
        );
        assert_eq!(
            Answer::of_status(503, ""),
            Answer::Failed(Failure::Status(503))
        );
        let long = "é".repeat(1000);
        let Answer::Failed(Failure::Refused(409, why)) = Answer::of_status(409, &long) else {
            panic!("409 is a refusal");
        };
        assert_eq!(why.chars().count(), 300);
    }

    #[test]
    fn the_oldest_sessions_are_forgotten_first() {
        let mut outbox = Outbox::default();
        for i in 0..60 {
            outbox.offer(&format!("s{i}"), &statements(&format!("s{i}"), 1));
        }
        assert_eq!(outbox.offered.len(), 50);
        assert_eq!(outbox.offered[0].0, "s10");
    }
}
