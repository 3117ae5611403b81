//! Helpers of the metrics tests: playing the shipped scripts into records,
//! and the xAPI 1.0.3 statement shape.

#![allow(dead_code)]

use std::path::PathBuf;

use dedale_core::Lang;
use dedale_core::engine::{Session, Settings};
use dedale_core::metrics::Record;
use dedale_core::model::Scenario;
use dedale_core::rules::Date;
use dedale_core::script;
use serde_json::Value;

use crate::common;

/// The day every test record is made on.
pub const DAY: Date = Date {
    year: 2026,
    month: 11,
    day: 23,
};

/// A shipped scenario with its source text.
pub struct Shipped {
    pub file: PathBuf,
    pub source: String,
    pub scenario: Scenario,
}

pub fn shipped() -> Vec<Shipped> {
    common::scenario_files()
        .into_iter()
        .map(|file| {
            let source = common::read(&file);
            let scenario = common::load(&file);
            Shipped {
                file,
                source,
                scenario,
            }
        })
        .collect()
}

/// Plays a script of the scenario; `each` sees the session before every step.
pub fn play<'s>(
    s: &'s Shipped,
    path: &std::path::Path,
    mut each: impl FnMut(&Session<'s>),
) -> Session<'s> {
    let parsed = script::parse(&common::read(path)).expect("script parses");
    let settings = parsed.settings(&s.scenario, Settings::new(1));
    let (mut session, _) = Session::start(&s.scenario, settings);
    for (_, step) in &parsed.steps {
        each(&session);
        if let script::Step::Act(action) = step {
            session.act(script::resolve(action.clone(), session.state()));
        }
    }
    session
}

/// The record of a session, with a session id made of the byte `n`.
pub fn record(s: &Shipped, session: &Session<'_>, n: u8, group: Option<&str>) -> Record {
    Record::from_session(
        &s.scenario,
        &s.source,
        session.state(),
        [n; 16],
        DAY,
        Lang::Fr,
        group,
    )
}

fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    lens == [8, 4, 4, 4, 12]
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
        && matches!(parts[2].as_bytes()[0], b'1'..=b'5')
        && matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b')
}

fn is_iri(s: &str) -> bool {
    (s.starts_with("http://") || s.starts_with("https://"))
        && s.len() > 8
        && !s
            .chars()
            .any(|c| c.is_whitespace() || "<>\"{}|\\^`".contains(c))
}

fn is_language_map(v: &Value) -> bool {
    v.as_object().is_some_and(|m| {
        !m.is_empty()
            && m.iter()
                .all(|(k, v)| k.len() >= 2 && k.is_ascii() && v.is_string())
    })
}

fn is_iso_duration(s: &str) -> bool {
    let Some(body) = s.strip_prefix("PT").and_then(|b| b.strip_suffix('S')) else {
        return false;
    };
    let (whole, frac) = body.split_once('.').unwrap_or((body, "0"));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && (1..=3).contains(&frac.len())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

fn extensions_ok(v: Option<&Value>) -> Result<(), String> {
    match v {
        None => Ok(()),
        Some(Value::Object(m)) => match m.keys().find(|k| !is_iri(k)) {
            Some(k) => Err(format!("extension key `{k}` is not an IRI")),
            None => Ok(()),
        },
        Some(_) => Err("extensions must be an object".into()),
    }
}

/// Checks one statement against the xAPI 1.0.3 statement shape: the
/// required properties and their types, and nothing outside the spec's list.
pub fn check_statement(st: &Value) -> Result<(), String> {
    let obj = st.as_object().ok_or("a statement is an object")?;
    const KNOWN: [&str; 11] = [
        "id",
        "actor",
        "verb",
        "object",
        "result",
        "context",
        "timestamp",
        "stored",
        "authority",
        "version",
        "attachments",
    ];
    if let Some(k) = obj.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(format!("unknown statement property `{k}`"));
    }
    let id = st["id"].as_str().ok_or("id is a string")?;
    if !is_uuid(id) {
        return Err(format!("id `{id}` is not a UUID"));
    }
    let actor = &st["actor"];
    if actor["objectType"] != "Agent" {
        return Err("actor.objectType is Agent".into());
    }
    let account = actor["account"].as_object().ok_or("actor.account")?;
    let home_ok = account
        .get("homePage")
        .and_then(Value::as_str)
        .is_some_and(is_iri);
    let name_ok = account
        .get("name")
        .and_then(Value::as_str)
        .is_some_and(|n| !n.is_empty());
    if !(home_ok && name_ok) {
        return Err("account has an IRI homePage and a name".into());
    }
    if ["mbox", "mbox_sha1sum", "openid", "name"]
        .iter()
        .any(|k| actor.get(k).is_some())
    {
        return Err("an anonymous actor has only an account".into());
    }
    let verb = &st["verb"];
    if !verb["id"].as_str().is_some_and(is_iri) {
        return Err("verb.id is an IRI".into());
    }
    if !verb["display"]
        .as_object()
        .is_some_and(|d| d.contains_key("fr-FR") && d.contains_key("en-US"))
        || !is_language_map(&verb["display"])
    {
        return Err("verb.display is a language map with fr-FR and en-US".into());
    }
    let object = &st["object"];
    if object["objectType"] != "Activity" || !object["id"].as_str().is_some_and(is_iri) {
        return Err("object is an Activity with an IRI id".into());
    }
    if !is_language_map(&object["definition"]["name"]) {
        return Err("object.definition.name is a language map".into());
    }
    if let Some(kind) = object["definition"].get("type")
        && !kind.as_str().is_some_and(is_iri)
    {
        return Err("object.definition.type is an IRI".into());
    }
    if let Some(result) = st.get("result") {
        let r = result.as_object().ok_or("result is an object")?;
        for key in ["success", "completion"] {
            if r.get(key).is_some_and(|v| !v.is_boolean()) {
                return Err(format!("result.{key} is a boolean"));
            }
        }
        if let Some(d) = r.get("duration")
            && !d.as_str().is_some_and(is_iso_duration)
        {
            return Err(format!("result.duration {d} is an ISO 8601 duration"));
        }
        if r.get("response").is_some() {
            return Err("no response: it would be what the player typed".into());
        }
        extensions_ok(r.get("extensions"))?;
    }
    if let Some(ctx) = st.get("context") {
        let c = ctx.as_object().ok_or("context is an object")?;
        if let Some(reg) = c.get("registration")
            && !reg.as_str().is_some_and(is_uuid)
        {
            return Err("context.registration is a UUID".into());
        }
        extensions_ok(c.get("extensions"))?;
    }
    if st.get("version").is_some_and(|v| v != "1.0.3") {
        return Err("version is 1.0.3".into());
    }
    Ok(())
}
