//! What the server refuses to store: anything that could say who played.
//!
//! A statement is accepted only if every place that can carry a person's
//! identity or free text holds something of a harmless *shape*:
//! - the actor is an `Agent` with only an `account` whose `name` is a random
//!   id: a version-4 UUID (`8-4-4-4-12` hex digits) or 32 hex digits (the
//!   game's session id, 128 random bits), and whose `homePage` is an IRI;
//! - no `mbox`, `mbox_sha1sum`, `openid` or `name` on it, and no other agent
//!   anywhere (`authority`, `context.instructor`, `context.team`, an agent or
//!   sub-statement as object), no attachment;
//! - `result.response`, every extension value (context, result, activity
//!   definition) and every activity name or description is a number, a
//!   boolean, `null` or a *token*: at most 256 characters (the longest
//!   activity id the game can write has 246) among ASCII letters, digits
//!   and `-_.:/#%+=~,` — an id, a code, a date, a hash. No space, so
//!   no sentence, no first-and-last name, no address; no `@`, so no e-mail.
//!   A single typed word or a number can still pass: the game never puts one
//!   there, and this is the last fence, not the first;
//! - no property xAPI 1.0.3 does not define (it says an LRS must refuse them).
//!
//! Every statement of [`dedale_core::metrics::xapi::statements`] passes; a
//! test holds the two together.

use serde_json::{Map, Value};

/// Largest statement accepted, in bytes of JSON: the game's are under 2 KiB.
pub const MAX_STATEMENT_BYTES: usize = 16 * 1024;

/// Why a statement was refused, in French and in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// French message.
    pub fr: String,
    /// English message.
    pub en: String,
}

impl Problem {
    fn at(path: &str, fr: &str, en: &str) -> Problem {
        Problem {
            fr: format!("{path} : {fr}"),
            en: format!("{path}: {en}"),
        }
    }
}

/// Checks one statement; `Err` says where and why it could identify someone.
pub fn check(statement: &Value) -> Result<(), Problem> {
    let s = object(
        statement,
        "statement",
        &[
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "version",
            "stored",
        ],
    )?;
    if statement.to_string().len() > MAX_STATEMENT_BYTES {
        return Err(Problem::at(
            "statement",
            &format!(
                "déclaration trop longue (plus de {MAX_STATEMENT_BYTES} octets) : celles du jeu sont bien plus courtes, un texte libre s'y cache sans doute"
            ),
            &format!(
                "statement too long (over {MAX_STATEMENT_BYTES} bytes): the game's are much shorter, free text is probably hidden in it"
            ),
        ));
    }
    if let Some(id) = s.get("id")
        && id
            .as_str()
            .is_none_or(|i| uuid::Uuid::try_parse(i).is_err())
    {
        return Err(Problem::at(
            "id",
            "l'identifiant doit être un UUID",
            "the id must be a UUID",
        ));
    }
    actor(s.get("actor"))?;
    verb(s.get("verb"))?;
    activity_or_ref(s.get("object"))?;
    if let Some(r) = s.get("result") {
        let r = object(
            r,
            "result",
            &[
                "success",
                "completion",
                "duration",
                "score",
                "response",
                "extensions",
            ],
        )?;
        if let Some(v) = r.get("response") {
            harmless(v, "result.response")?;
        }
        if let Some(d) = r.get("duration") {
            token(d, "result.duration")?;
        }
        if let Some(e) = r.get("extensions") {
            extensions(e, "result.extensions")?;
        }
        if let Some(score) = r.get("score") {
            let score = object(score, "result.score", &["scaled", "raw", "min", "max"])?;
            if !score.values().all(Value::is_number) {
                return Err(Problem::at(
                    "result.score",
                    "le score n'a que des nombres",
                    "the score holds numbers only",
                ));
            }
        }
    }
    if let Some(c) = s.get("context") {
        context(c)?;
    }
    for key in ["timestamp", "version", "stored"] {
        if let Some(v) = s.get(key) {
            token(v, key)?;
        }
    }
    if let Some(t) = s.get("timestamp").and_then(Value::as_str)
        && time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).is_err()
    {
        return Err(Problem::at(
            "timestamp",
            "date ISO 8601 attendue (2026-12-02T09:30:00Z)",
            "ISO 8601 timestamp expected (2026-12-02T09:30:00Z)",
        ));
    }
    Ok(())
}

fn actor(actor: Option<&Value>) -> Result<(), Problem> {
    let Some(actor) = actor.and_then(Value::as_object) else {
        return Err(Problem::at("actor", "acteur manquant", "actor missing"));
    };
    for key in ["mbox", "mbox_sha1sum", "openid", "name"] {
        if actor.contains_key(key) {
            return Err(Problem::at(
                &format!("actor.{key}"),
                "ce champ peut identifier une personne : le serveur n'accepte qu'un acteur anonyme, un « account » dont le nom est un identifiant tiré au hasard",
                "this field can identify a person: the server accepts only an anonymous actor, an \"account\" whose name is a random id",
            ));
        }
    }
    let actor = object(
        &Value::Object(actor.clone()),
        "actor",
        &["objectType", "account"],
    )?
    .clone();
    if actor.get("objectType").is_some_and(|t| t != "Agent") {
        return Err(Problem::at(
            "actor.objectType",
            "seul un « Agent » est accepté, pas un groupe",
            "only an \"Agent\" is accepted, not a group",
        ));
    }
    let Some(account) = actor.get("account") else {
        return Err(Problem::at(
            "actor.account",
            "l'acteur doit être un « account » anonyme",
            "the actor must be an anonymous \"account\"",
        ));
    };
    let account = object(account, "actor.account", &["homePage", "name"])?;
    let random = account
        .get("name")
        .and_then(Value::as_str)
        .is_some_and(random_id);
    if !random {
        return Err(Problem::at(
            "actor.account.name",
            "le nom du compte doit être un identifiant tiré au hasard (UUID version 4, ou 32 chiffres hexadécimaux), jamais un nom ou un identifiant de personne",
            "the account name must be a random id (a version 4 UUID, or 32 hex digits), never a person's name or login",
        ));
    }
    match account.get("homePage") {
        Some(home) if home.as_str().is_some_and(|h| h.starts_with("http")) => {
            token(home, "actor.account.homePage")
        }
        _ => Err(Problem::at(
            "actor.account.homePage",
            "adresse (IRI) attendue",
            "an IRI is expected",
        )),
    }
}

/// 32 hex digits, or a hyphenated version-4 UUID.
fn random_id(name: &str) -> bool {
    match name.len() {
        32 => name.bytes().all(|b| b.is_ascii_hexdigit()),
        36 => uuid::Uuid::try_parse(name).is_ok_and(|u| u.get_version_num() == 4),
        _ => false,
    }
}

fn verb(verb: Option<&Value>) -> Result<(), Problem> {
    let Some(verb) = verb else {
        return Err(Problem::at("verb", "verbe manquant", "verb missing"));
    };
    let verb = object(verb, "verb", &["id", "display"])?;
    match verb.get("id") {
        Some(id) => token(id, "verb.id")?,
        None => {
            return Err(Problem::at(
                "verb.id",
                "identifiant du verbe manquant",
                "verb id missing",
            ));
        }
    }
    if let Some(display) = verb.get("display") {
        // A verb's label ("a demandé un indice sur") is the game's text, not the player's: short.
        let display = object(display, "verb.display", &[])?;
        if display
            .values()
            .any(|v| v.as_str().is_none_or(|s| s.chars().count() > 64))
        {
            return Err(Problem::at(
                "verb.display",
                "libellé de verbe de 64 caractères au plus",
                "verb label of 64 characters at most",
            ));
        }
    }
    Ok(())
}

fn activity_or_ref(object_value: Option<&Value>) -> Result<(), Problem> {
    let Some(o) = object_value else {
        return Err(Problem::at("object", "objet manquant", "object missing"));
    };
    let o = object(o, "object", &["objectType", "id", "definition"])?;
    match o.get("objectType").and_then(Value::as_str) {
        None | Some("Activity") => {}
        Some("StatementRef") => {
            return match o.get("id").and_then(Value::as_str) {
                Some(id) if uuid::Uuid::try_parse(id).is_ok() => Ok(()),
                _ => Err(Problem::at("object.id", "UUID attendu", "UUID expected")),
            };
        }
        Some(_) => {
            return Err(Problem::at(
                "object.objectType",
                "seule une activité est acceptée comme objet : un agent, un groupe ou une sous-déclaration pourraient désigner une personne",
                "only an activity is accepted as object: an agent, a group or a sub-statement could point at a person",
            ));
        }
    }
    match o.get("id") {
        Some(id) => token(id, "object.id")?,
        None => {
            return Err(Problem::at(
                "object.id",
                "identifiant de l'activité manquant",
                "activity id missing",
            ));
        }
    }
    if let Some(d) = o.get("definition") {
        let d = object(
            d,
            "object.definition",
            &["name", "description", "type", "moreInfo", "extensions"],
        )?;
        for key in ["name", "description"] {
            if let Some(map) = d.get(key) {
                let path = format!("object.definition.{key}");
                for v in object(map, &path, &[])?.values() {
                    token(v, &path)?;
                }
            }
        }
        for key in ["type", "moreInfo"] {
            if let Some(v) = d.get(key) {
                token(v, &format!("object.definition.{key}"))?;
            }
        }
        if let Some(e) = d.get("extensions") {
            extensions(e, "object.definition.extensions")?;
        }
    }
    Ok(())
}

fn context(c: &Value) -> Result<(), Problem> {
    if c.get("instructor").is_some() || c.get("team").is_some() {
        return Err(Problem::at(
            "context",
            "« instructor » et « team » désignent des personnes : refusés",
            "\"instructor\" and \"team\" name people: refused",
        ));
    }
    let c = object(
        c,
        "context",
        &[
            "registration",
            "language",
            "extensions",
            "contextActivities",
            "platform",
            "revision",
            "statement",
        ],
    )?;
    for key in ["registration", "language", "platform", "revision"] {
        if let Some(v) = c.get(key) {
            token(v, &format!("context.{key}"))?;
        }
    }
    if let Some(e) = c.get("extensions") {
        extensions(e, "context.extensions")?;
    }
    if let Some(a) = c.get("contextActivities") {
        for (kind, list) in object(
            a,
            "context.contextActivities",
            &["parent", "grouping", "category", "other"],
        )? {
            let items: Vec<&Value> = match list {
                Value::Array(items) => items.iter().collect(),
                one => vec![one],
            };
            for item in items {
                activity_or_ref(Some(item)).map_err(|p| Problem {
                    fr: format!("context.contextActivities.{kind}, {}", p.fr),
                    en: format!("context.contextActivities.{kind}, {}", p.en),
                })?;
            }
        }
    }
    if let Some(s) = c.get("statement") {
        activity_or_ref(Some(s))?;
    }
    Ok(())
}

fn extensions(e: &Value, path: &str) -> Result<(), Problem> {
    for (key, value) in object(e, path, &[])? {
        let here = format!("{path}[{key}]");
        token(&Value::String(key.clone()), &here)?;
        harmless(value, &here)?;
    }
    Ok(())
}

/// A number, a boolean, `null` or a token.
fn harmless(v: &Value, path: &str) -> Result<(), Problem> {
    match v {
        Value::Null | Value::Bool(_) | Value::Number(_) => Ok(()),
        Value::String(_) => token(v, path),
        _ => Err(Problem::at(
            path,
            "seuls un nombre, un booléen ou un identifiant sont acceptés ici, pas un objet ni une liste",
            "only a number, a boolean or an id is accepted here, not an object or a list",
        )),
    }
}

/// A string shaped like an id, a code, a date or an IRI.
fn token(v: &Value, path: &str) -> Result<(), Problem> {
    let ok = v.as_str().is_some_and(|s| {
        !s.is_empty()
            && s.len() <= 256
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.:/#%+=~,".contains(&b))
    });
    if ok {
        Ok(())
    } else {
        Err(Problem::at(
            path,
            "texte libre refusé : seul un identifiant (lettres, chiffres et -_.:/#%+=~, sans espace ni @, 256 caractères au plus), un nombre ou un booléen est accepté",
            "free text refused: only an id (letters, digits and -_.:/#%+=~, no space nor @, 256 characters at most), a number or a boolean is accepted",
        ))
    }
}

/// The value as an object whose keys are all in `allowed` (any key when `allowed` is empty).
fn object<'v>(
    v: &'v Value,
    path: &str,
    allowed: &[&str],
) -> Result<&'v Map<String, Value>, Problem> {
    let Some(map) = v.as_object() else {
        return Err(Problem::at(
            path,
            "objet JSON attendu",
            "JSON object expected",
        ));
    };
    if let Some(key) = map
        .keys()
        .find(|k| !allowed.is_empty() && !allowed.contains(&k.as_str()))
    {
        return Err(Problem::at(
            &format!("{path}.{key}"),
            "propriété refusée : xAPI 1.0.3 ne la définit pas ici, ou elle pourrait désigner une personne",
            "property refused: xAPI 1.0.3 does not define it here, or it could point at a person",
        ));
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn game_statement() -> Value {
        json!({
            "id": "0b8a7f1e-3c2d-5e4f-8a9b-0c1d2e3f4a5b",
            "actor": {"objectType": "Agent", "account": {"homePage": "https://dedale.example/sessions", "name": "2baff67fd9bb02ea18f839aa7fec22a8"}},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/asked", "display": {"fr-FR": "a demandé un indice sur", "en-US": "asked"}},
            "object": {"objectType": "Activity", "id": "https://dedale.example/xapi/activities/rsa/page/banque",
                       "definition": {"name": {"fr-FR": "page/banque"}, "type": "http://activitystrea.ms/schema/1.0/page"}},
            "context": {"registration": "2baff67f-d9bb-42ea-98f8-39aa7fec22a8", "language": "fr-FR",
                        "extensions": {"https://dedale.example/xapi/extensions/level": 2, "https://dedale.example/xapi/extensions/day": "2026-12-02"}},
            "version": "1.0.3"
        })
    }

    #[test]
    fn the_games_shape_passes() {
        assert_eq!(check(&game_statement()), Ok(()));
    }

    #[test]
    fn identifying_fields_and_free_text_are_refused() {
        let cases: Vec<(&str, Value)> = vec![
            ("/actor/mbox", json!("mailto:jean.dupont@example.org")),
            ("/actor/mbox_sha1sum", json!("ab12")),
            ("/actor/openid", json!("https://id.example/jean")),
            ("/actor/name", json!("Jean Dupont")),
            ("/actor/account/name", json!("jdupont")),
            (
                "/result",
                json!({"response": "Jean Dupont, 12 rue des Lilas"}),
            ),
            ("/result", json!({"response": "jean@example.org"})),
            (
                "/context/extensions/https:~1~1x.example~1note",
                json!("mon nom est Jean"),
            ),
            (
                "/context/extensions/https:~1~1x.example~1obj",
                json!({"a": 1}),
            ),
            ("/context/instructor", json!({"mbox": "mailto:a@b.c"})),
            (
                "/object/definition/description",
                json!({"fr-FR": "texte libre ici"}),
            ),
            ("/attachments", json!([])),
        ];
        for (pointer, value) in cases {
            let mut s = game_statement();
            set(&mut s, pointer, value);
            assert!(check(&s).is_err(), "{pointer} should be refused: {s}");
        }
        let mut s = game_statement();
        set(
            &mut s,
            "/result",
            json!({"response": "x".repeat(MAX_STATEMENT_BYTES)}),
        );
        assert!(check(&s).is_err());
    }

    #[test]
    fn accepted_values_of_every_shape() {
        let mut s = game_statement();
        set(
            &mut s,
            "/result",
            json!({"success": true, "response": "choice_2", "score": {"raw": 3}}),
        );
        set(
            &mut s,
            "/actor/account/name",
            json!("5f0c8a52-8e0b-4d5a-9a7e-2d0c4b1e9f33"),
        );
        assert_eq!(check(&s), Ok(()));
    }

    #[test]
    fn the_longest_ids_a_scenario_allows_pass() {
        // Scenario ids are at most 64 characters of letters, digits, - and _.
        let id = "a".repeat(64);
        let mut s = game_statement();
        let path = format!("message/{id}/link/{id}");
        set(
            &mut s,
            "/object/id",
            json!(format!(
                "https://dedale.example/xapi/activities/{id}/{path}"
            )),
        );
        set(&mut s, "/object/definition/name", json!({"fr-FR": path}));
        assert_eq!(check(&s), Ok(()));
    }

    fn set(s: &mut Value, pointer: &str, value: Value) {
        let (parent, key) = pointer.rsplit_once('/').expect("pointer");
        let key = key.replace("~1", "/");
        if let Some(Value::Object(map)) = s.pointer_mut(parent) {
            map.insert(key, value);
        } else if let Some(map) = s.as_object_mut() {
            // Parent missing: build it (only one level deep is needed here).
            let name = parent.trim_start_matches('/');
            map.insert(name.to_string(), json!({ key: value }));
        }
    }
}
