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

/// The statements of a session that will not change as it goes on, in order:
/// what the game sends to a collector as they happen. Each event's statement
/// depends only on the events before it, and its id only on the session and
/// its index ([`statement_id`]), so the statements settled now are the first
/// ones of every later call, with the same ids, and of the final export: a
/// collector that got some live and the rest from a file stores each once.
/// Only the closing statement waits: until the session is closed
/// ([`Record::is_closed`]) it would say "terminated" where the session goes on.
pub fn settled(record: &Record) -> Vec<Value> {
    let mut all = statements(record);
    if !record.is_closed() {
        all.pop();
    }
    all
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
        // The trainer's switches, as one id-shaped text (`imprevus=aucun,colis=attendu`):
        // what a privacy-minded store accepts in an extension.
        if !h.switches.is_empty() {
            let settings: Vec<String> =
                h.switches.iter().map(|(s, o)| format!("{s}={o}")).collect();
            ext.insert(key("switches"), json!(settings.join(",")));
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

/// The sessions these statements tell, read back: what the trainer's report
/// needs from statements an LRS (or `dedale-cli serve`) collected.
///
/// Statements are grouped by the actor's account name (the session id), in
/// the order given; those that [`statements`] did not write (another verb, no
/// `event` extension, unreadable fields) are skipped, never a panic. What
/// the export leaves out cannot come back: the `message_received` events
/// (no statement), the scenario's competences (not in the statements), and
/// the FALC language (sent as `fr-FR`). A session without its final
/// statement has no outcome: it is still being played, or was cut off.
pub fn records(statements: &[Value]) -> Vec<Record> {
    let mut order: Vec<String> = Vec::new();
    let mut by_session: std::collections::HashMap<String, Record> = Default::default();
    for s in statements {
        let Some(session) = s
            .pointer("/actor/account/name")
            .and_then(Value::as_str)
            .map(|n| n.replace('-', ""))
        else {
            continue;
        };
        let ext = s
            .pointer("/context/extensions")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let text = |name: &str| {
            ext.get(&key(name))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let at_ms = ext
            .get(&key("offset-ms"))
            .and_then(Value::as_u64)
            .unwrap_or(0);
        let record = match by_session.get_mut(&session) {
            Some(r) => r,
            None => {
                let Some(header) = header_of(s, &session, &text) else {
                    continue;
                };
                order.push(session.clone());
                by_session.entry(session.clone()).or_insert(Record {
                    header,
                    events: Vec::new(),
                    outcome: None,
                })
            }
        };
        let verb = s
            .pointer("/verb/id")
            .and_then(Value::as_str)
            .and_then(|v| v.strip_prefix(ADL_VERBS))
            .and_then(|v| v.strip_prefix('/'))
            .unwrap_or_default();
        match text("event") {
            Some(code) => {
                if let Some(kind) = event_kind(&code, &path_of(s), &ext) {
                    record.events.push(crate::engine::Event { at_ms, kind });
                }
            }
            None => {
                if let Some(outcome) = outcome_of(s, verb, text("ending"), at_ms) {
                    record.events.push(crate::engine::Event {
                        at_ms,
                        kind: EventKind::Ended {
                            ending: outcome.ending.clone(),
                            kind: outcome.kind,
                        },
                    });
                    record.outcome = Some(outcome);
                }
            }
        }
    }
    order
        .into_iter()
        .filter_map(|s| by_session.remove(&s))
        .collect()
}

fn header_of(
    s: &Value,
    session: &str,
    text: &dyn Fn(&str) -> Option<String>,
) -> Option<super::Header> {
    let lang = match s.pointer("/context/language").and_then(Value::as_str) {
        Some(l) if l.starts_with("en") => crate::Lang::En,
        _ => crate::Lang::Fr,
    };
    let mode = serde_json::from_value(Value::String(text("mode")?)).ok()?;
    Some(super::Header {
        format: super::FORMAT,
        session: session.to_string(),
        scenario: scenario_of(s)?,
        version: text("scenario-version")?,
        content_hash: text("content-hash")?,
        competences: Vec::new(),
        mode,
        lang,
        day: text("day")?,
        group: text("group"),
        switches: text("switches")
            .map(|all| {
                all.split(',')
                    .filter_map(|pair| pair.split_once('='))
                    .map(|(s, o)| (s.to_string(), o.to_string()))
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// The scenario id: the first segment of the activity id under [`ACTIVITIES`].
fn scenario_of(s: &Value) -> Option<String> {
    let id = s.pointer("/object/id").and_then(Value::as_str)?;
    let rest = id.strip_prefix(ACTIVITIES)?.strip_prefix('/')?;
    let first = rest.split('/').next()?;
    decode(first).filter(|s| !s.is_empty())
}

/// The activity's path under the scenario (`page/accueil`), empty for the scenario itself.
fn path_of(s: &Value) -> String {
    let id = s
        .pointer("/object/id")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let rest = id
        .strip_prefix(ACTIVITIES)
        .and_then(|r| r.strip_prefix('/'))
        .unwrap_or_default();
    match rest.split_once('/') {
        Some((_, path)) => decode(path).unwrap_or_default(),
        None => String::new(),
    }
}

fn event_kind(code: &str, path: &str, ext: &Map<String, Value>) -> Option<EventKind> {
    let text = |name: &str| {
        ext.get(&key(name))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let under = |prefix: &str| path.strip_prefix(prefix).map(str::to_string);
    Some(match code {
        "page_entered" => EventKind::PageEntered {
            page: under("page/")?,
        },
        "page_left" => EventKind::PageLeft {
            page: under("page/")?,
        },
        "field_error" => EventKind::FieldError {
            field: under("field/")?,
            error: text("error")?,
        },
        "hint_used" => EventKind::HintUsed {
            page: under("page/")?,
            level: ext
                .get(&key("level"))
                .and_then(Value::as_u64)
                .and_then(|l| u8::try_from(l).ok())?,
        },
        "back" => EventKind::Back {
            from: under("page/")?,
        },
        "document_opened" => EventKind::DocumentOpened {
            document: under("document/")?,
        },
        "document_downloaded" => EventKind::DocumentDownloaded {
            document: under("document/")?,
        },
        "link_followed" => {
            let rest = under("message/")?;
            let (message, link) = rest.split_once("/link/")?;
            EventKind::LinkFollowed {
                message: message.to_string(),
                link: link.to_string(),
            }
        }
        "message_read" => EventKind::MessageRead {
            message: under("message/")?,
        },
        "incident" => EventKind::Incident {
            incident: under("incident/")?,
            kind: serde_json::from_value(Value::String(text("incident-kind")?)).ok()?,
        },
        "timeout" => EventKind::Timeout {
            page: under("page/")?,
        },
        "posture" => EventKind::Posture {
            line: under("line/")?,
            posture: match text("posture") {
                Some(p) => Some(serde_json::from_value(Value::String(p)).ok()?),
                None => None,
            },
        },
        "read_aloud" => EventKind::ReadAloud {
            what: under("element/")?,
        },
        "abandoned" => EventKind::Abandoned {
            page: under("page/")?,
        },
        _ => return None,
    })
}

/// The outcome a final statement carries (`passed`, `failed`, `terminated` or
/// `suspended` with an `ending` extension); `completed` only announces it.
fn outcome_of(s: &Value, verb: &str, ending: Option<String>, at_ms: u64) -> Option<Outcome> {
    let kind = match verb {
        "passed" => EndingKind::Success,
        "failed" => EndingKind::Failure,
        "terminated" => EndingKind::Abandon,
        "suspended" => EndingKind::Postponed,
        _ => return None,
    };
    let score = |name: &str| {
        s.pointer("/result/extensions")
            .and_then(|e| e.get(key(name)))
            .and_then(Value::as_i64)
            .and_then(|v| i32::try_from(v).ok())
            .unwrap_or(0)
    };
    Some(Outcome {
        ending: ending?,
        kind,
        droits: score("droits"),
        autonomie: score("autonomie"),
        duration_ms: at_ms,
    })
}

/// Undoes [`encode`]; `None` when an escape is broken or the bytes are not UTF-8.
fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
