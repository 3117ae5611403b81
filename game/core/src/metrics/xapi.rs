//! xAPI 1.0.3 statements, for a learning record store or an LMS.
//!
//! The actor is anonymous: an `account` on the project's session page whose
//! name is the random session id. Verbs come from the ADL vocabulary;
//! activities live under [`ACTIVITIES`]. There is no `timestamp`: the core has
//! no clock and records only the day, so each statement carries its offset
//! from the start in `context.extensions` instead, and the final statement
//! carries the session's length as an ISO 8601 duration.

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::record::{Outcome, Record};
use crate::engine::EventKind;
use crate::model::EndingKind;

/// Home page of the anonymous accounts.
pub const HOME_PAGE: &str = "https://dedale.example/sessions";
/// Root of every activity id.
pub const ACTIVITIES: &str = "https://dedale.example/xapi/activities";
/// Root of every extension key.
pub const EXTENSIONS: &str = "https://dedale.example/xapi/extensions";
const ADL_VERBS: &str = "http://adlnet.gov/expapi/verbs";

/// Every statement of a session, in order.
pub fn statements(record: &Record) -> Vec<Value> {
    let mut b = Builder::new(record);
    let scenario = b.activity("", "simulation");
    b.push("attempted", &scenario, 0, Map::new(), None);
    let mut page = String::new();
    for e in &record.events {
        let mut ext = Map::new();
        ext.insert(key("event"), json!(e.kind.name().code()));
        let (verb, object) = match &e.kind {
            EventKind::PageEntered { page: p } => {
                page.clone_from(p);
                ("experienced", b.activity(&format!("page/{p}"), "page"))
            }
            EventKind::PageLeft { page: p } => ("exited", b.activity(&format!("page/{p}"), "page")),
            EventKind::FieldError { field, error } => {
                ext.insert(key("error"), json!(error));
                ext.insert(key("page"), json!(page));
                (
                    "interacted",
                    b.activity(&format!("field/{field}"), "interaction"),
                )
            }
            EventKind::HintUsed { page: p, level } => {
                ext.insert(key("level"), json!(level));
                ("asked", b.activity(&format!("page/{p}"), "page"))
            }
            EventKind::Back { from } => ("interacted", b.activity(&format!("page/{from}"), "page")),
            EventKind::DocumentOpened { document } => (
                "experienced",
                b.activity(&format!("document/{document}"), "file"),
            ),
            EventKind::MessageReceived { .. } => continue,
            EventKind::DocumentDownloaded { document } => (
                "experienced",
                b.activity(&format!("document/{document}"), "file"),
            ),
            EventKind::LinkFollowed { message, link } => (
                "interacted",
                b.activity(&format!("message/{message}/link/{link}"), "link"),
            ),
            EventKind::MessageRead { message } => (
                "experienced",
                b.activity(&format!("message/{message}"), "message"),
            ),
            EventKind::Incident { incident, kind } => {
                ext.insert(key("incident-kind"), json!(format!("{kind:?}")));
                (
                    "experienced",
                    b.activity(&format!("incident/{incident}"), "event"),
                )
            }
            EventKind::Timeout { page: p } => {
                ("experienced", b.activity(&format!("page/{p}"), "page"))
            }
            EventKind::Posture { line, posture } => {
                if let Some(p) = posture {
                    ext.insert(key("posture"), json!(format!("{p:?}")));
                }
                (
                    "interacted",
                    b.activity(&format!("line/{line}"), "interaction"),
                )
            }
            EventKind::ReadAloud { what } => (
                "interacted",
                b.activity(&format!("element/{what}"), "interaction"),
            ),
            EventKind::TimeExtended { page: p } => (
                "interacted",
                b.activity(&format!("page/{p}/more-time"), "interaction"),
            ),
            EventKind::Abandoned { page: p } => {
                ("terminated", b.activity(&format!("page/{p}"), "page"))
            }
            EventKind::Ended { .. } => continue,
        };
        b.push(verb, &object, e.at_ms, ext, None);
    }
    let duration = record.duration_ms();
    match &record.outcome {
        Some(o) => {
            if matches!(o.kind, EndingKind::Success | EndingKind::Failure) {
                let result = result(o.kind == EndingKind::Success, true, o);
                b.push("completed", &scenario, duration, Map::new(), Some(result));
            }
            let verb = match o.kind {
                EndingKind::Success => "passed",
                EndingKind::Failure => "failed",
                EndingKind::Abandon => "terminated",
                EndingKind::Postponed => "suspended",
            };
            let mut ext = Map::new();
            ext.insert(key("ending"), json!(o.ending));
            let result = result(
                o.kind == EndingKind::Success,
                matches!(o.kind, EndingKind::Success | EndingKind::Failure),
                o,
            );
            b.push(verb, &scenario, duration, ext, Some(result));
        }
        None => {
            let result = json!({
                "success": false,
                "completion": false,
                "duration": iso_duration(duration),
            });
            b.push("terminated", &scenario, duration, Map::new(), Some(result));
        }
    }
    b.out
}

/// Every statement of every session, as one JSON array (what an LRS accepts in one POST).
pub fn write(records: &[Record]) -> String {
    let all: Vec<Value> = records.iter().flat_map(statements).collect();
    // Cannot fail: a tree of JSON values always serialises.
    serde_json::to_string_pretty(&all).unwrap_or_default()
}

fn result(success: bool, completion: bool, o: &Outcome) -> Value {
    json!({
        "success": success,
        "completion": completion,
        "duration": iso_duration(o.duration_ms),
        "extensions": {
            key("droits"): o.droits,
            key("autonomie"): o.autonomie,
        },
    })
}

struct Builder<'r> {
    record: &'r Record,
    actor: Value,
    context: Map<String, Value>,
    out: Vec<Value>,
}

impl<'r> Builder<'r> {
    fn new(record: &'r Record) -> Builder<'r> {
        let h = &record.header;
        let actor = json!({
            "objectType": "Agent",
            "account": { "homePage": HOME_PAGE, "name": h.session },
        });
        let mut context = Map::new();
        context.insert("registration".into(), json!(registration(&h.session)));
        context.insert("language".into(), json!(language_tag(h.lang)));
        Builder {
            record,
            actor,
            context,
            out: Vec::new(),
        }
    }

    /// An activity under the scenario; `path` empty for the scenario itself.
    fn activity(&self, path: &str, kind: &str) -> Value {
        let scenario = &self.record.header.scenario;
        let mut id = format!("{ACTIVITIES}/{}", encode(scenario));
        let mut name = scenario.clone();
        if !path.is_empty() {
            id.push('/');
            id.push_str(&encode(path));
            name = path.to_string();
        }
        let kind = match kind {
            "simulation" | "interaction" => format!("http://adlnet.gov/expapi/activities/{kind}"),
            other => format!("http://activitystrea.ms/schema/1.0/{other}"),
        };
        json!({
            "objectType": "Activity",
            "id": id,
            "definition": { "name": { "fr-FR": name, "en-US": name }, "type": kind },
        })
    }

    fn push(
        &mut self,
        verb: &str,
        object: &Value,
        at_ms: u64,
        mut ext: Map<String, Value>,
        result: Option<Value>,
    ) {
        let h = &self.record.header;
        ext.insert(key("offset-ms"), json!(at_ms));
        ext.insert(key("mode"), json!(format!("{:?}", h.mode)));
        ext.insert(key("scenario-version"), json!(h.version));
        ext.insert(key("content-hash"), json!(h.content_hash));
        ext.insert(key("day"), json!(h.day));
        if let Some(g) = &h.group {
            ext.insert(key("group"), json!(g));
        }
        let mut context = self.context.clone();
        context.insert("extensions".into(), Value::Object(ext));
        let mut statement = json!({
            "id": statement_id(&h.session, self.out.len()),
            "actor": self.actor,
            "verb": verb_object(verb),
            "object": object,
            "context": context,
            "version": "1.0.3",
        });
        if let (Some(result), Some(obj)) = (result, statement.as_object_mut()) {
            obj.insert("result".into(), result);
        }
        self.out.push(statement);
    }
}

fn verb_object(verb: &str) -> Value {
    let (fr, en) = match verb {
        "attempted" => ("a commencé", "attempted"),
        "experienced" => ("a vu", "experienced"),
        "exited" => ("a quitté", "exited"),
        "interacted" => ("a interagi avec", "interacted"),
        "asked" => ("a demandé un indice sur", "asked"),
        "terminated" => ("a arrêté", "terminated"),
        "completed" => ("a terminé", "completed"),
        "passed" => ("a réussi", "passed"),
        "failed" => ("a échoué", "failed"),
        "suspended" => ("a mis en attente", "suspended"),
        other => (other, other),
    };
    json!({ "id": format!("{ADL_VERBS}/{verb}"), "display": { "fr-FR": fr, "en-US": en } })
}

fn key(name: &str) -> String {
    format!("{EXTENSIONS}/{name}")
}

fn language_tag(lang: crate::Lang) -> &'static str {
    match lang {
        crate::Lang::En => "en-US",
        crate::Lang::Fr | crate::Lang::Falc => "fr-FR",
    }
}

/// The session id as a UUID (version 4: it is 122 random bits).
pub fn registration(session: &str) -> String {
    let mut bytes = [0u8; 16];
    let digits: Vec<u8> = session
        .bytes()
        .filter_map(|b| char::from(b).to_digit(16))
        .filter_map(|d| u8::try_from(d).ok())
        .collect();
    for (i, pair) in digits.chunks(2).take(16).enumerate() {
        if let ([hi, lo], Some(slot)) = (pair, bytes.get_mut(i)) {
            *slot = hi << 4 | lo;
        }
    }
    uuid(bytes, 4)
}

/// A statement id: a name-based UUID (version 5 style) of the session and the
/// statement's index, so exporting twice gives the same ids and an LRS
/// refuses the duplicates instead of counting them twice.
pub fn statement_id(session: &str, index: usize) -> String {
    let digest = Sha256::digest(format!("{session}:{index}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(digest.get(..16).unwrap_or(&[0u8; 16]));
    uuid(bytes, 5)
}

fn uuid(mut b: [u8; 16], version: u8) -> String {
    b[6] = (b[6] & 0x0f) | (version << 4);
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = super::record::hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Percent-encodes what is not allowed as is in an IRI path segment.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || "-._~/:".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// ISO 8601 duration, `PT12.345S`, as xAPI's `result.duration` wants.
pub fn iso_duration(ms: u64) -> String {
    let (s, rest) = (ms / 1000, ms % 1000);
    if rest == 0 {
        format!("PT{s}S")
    } else {
        format!("PT{s}.{rest:03}S")
    }
}
