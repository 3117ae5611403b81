//! How an [`Event`] is written and read: one flat JSON object
//! (`{"at_ms":0,"event":"page_entered","page":"login"}`), so that the JSON
//! Lines, the CSV rows, the saved runs and other tools (jq, a spreadsheet)
//! all see the same shape, and reading it back needs no buffering.
//!
//! Runs saved before the engine's events and the recorded events became one
//! type hold them in serde's default shape,
//! `{"at_ms":0,"kind":{"PageEntered":{"page":"x"}}}`. That shape is still
//! read, so a run saved before an update resumes after it; it is never
//! written.

use std::collections::BTreeMap;

use serde::de::IntoDeserializer;
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Event, EventKind, EventName};
use crate::model::{EndingKind, IncidentKind, Posture};

/// The flat shape on disk, borrowed to write without copying.
#[derive(Serialize, Default)]
struct FlatRef<'a> {
    at_ms: u64,
    event: Option<EventName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    incident: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    incident_kind: Option<IncidentKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    posture: Option<Posture>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ending: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ending_kind: Option<EndingKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    what: Option<&'a str>,
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut f = FlatRef {
            at_ms: self.at_ms,
            event: Some(self.kind.name()),
            ..FlatRef::default()
        };
        match &self.kind {
            EventKind::PageEntered { page }
            | EventKind::PageLeft { page }
            | EventKind::Timeout { page }
            | EventKind::Abandoned { page }
            | EventKind::Back { from: page } => f.page = Some(page),
            EventKind::FieldError { field, error } => {
                f.field = Some(field);
                f.error = Some(error);
            }
            EventKind::HintUsed { page, level } => {
                f.page = Some(page);
                f.level = Some(*level);
            }
            EventKind::DocumentOpened { document } => f.document = Some(document),
            EventKind::MessageReceived { message } | EventKind::MessageRead { message } => {
                f.message = Some(message)
            }
            EventKind::Incident { incident, kind } => {
                f.incident = Some(incident);
                f.incident_kind = Some(*kind);
            }
            EventKind::Posture { line, posture } => {
                f.line = Some(line);
                f.posture = *posture;
            }
            EventKind::Ended { ending, kind } => {
                f.ending = Some(ending);
                f.ending_kind = Some(*kind);
            }
            EventKind::ReadAloud { what } => f.what = Some(what),
        }
        f.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Event, D::Error> {
        let flat = Flat::deserialize(d)?;
        Event::try_from(flat).map_err(serde::de::Error::custom)
    }
}

/// The flat shape read back; unknown keys are refused, so a line that
/// carries anything else (a typed value added by hand) is not taken in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Flat {
    at_ms: u64,
    event: Option<EventName>,
    page: Option<String>,
    field: Option<String>,
    error: Option<String>,
    level: Option<u8>,
    document: Option<String>,
    message: Option<String>,
    incident: Option<String>,
    incident_kind: Option<IncidentKind>,
    line: Option<String>,
    posture: Option<Posture>,
    ending: Option<String>,
    ending_kind: Option<EndingKind>,
    what: Option<String>,
    /// The older shape: the variant's name and its fields, alone beside `at_ms`.
    kind: Option<BTreeMap<String, Legacy>>,
}

/// The fields of a variant in the older shape: the same ids, but the page
/// left by `Back` was `from`, and incidents and endings named their kind `kind`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Legacy {
    page: Option<String>,
    from: Option<String>,
    field: Option<String>,
    error: Option<String>,
    level: Option<u8>,
    document: Option<String>,
    message: Option<String>,
    incident: Option<String>,
    kind: Option<String>,
    line: Option<String>,
    posture: Option<Posture>,
    ending: Option<String>,
    what: Option<String>,
}

impl Flat {
    /// Whether only `at_ms` is given, as beside an older `kind`.
    fn is_bare(&self) -> bool {
        self.event.is_none()
            && self.page.is_none()
            && self.field.is_none()
            && self.error.is_none()
            && self.level.is_none()
            && self.document.is_none()
            && self.message.is_none()
            && self.incident.is_none()
            && self.incident_kind.is_none()
            && self.line.is_none()
            && self.posture.is_none()
            && self.ending.is_none()
            && self.ending_kind.is_none()
            && self.what.is_none()
    }

    /// The flat event an older `kind` stands for.
    fn from_legacy(at_ms: u64, kind: BTreeMap<String, Legacy>) -> Result<Flat, String> {
        let mut variants = kind.into_iter();
        let (Some((variant, l)), None) = (variants.next(), variants.next()) else {
            return Err("un événement enregistré doit avoir une seule sorte".into());
        };
        let name = clip(&variant);
        let event = parse::<EventName>(&snake_case(&variant))
            .ok_or_else(|| format!("sorte d'événement « {name} » inconnue"))?;
        let bad_kind = || format!("l'événement `{}` a une clé `kind` invalide", event.code());
        let (incident_kind, ending_kind) = match (event, l.kind.as_deref()) {
            (_, None) => (None, None),
            (EventName::Incident, Some(k)) => (Some(parse(k).ok_or_else(bad_kind)?), None),
            (EventName::Ended, Some(k)) => (None, Some(parse(k).ok_or_else(bad_kind)?)),
            (_, Some(_)) => return Err(bad_kind()),
        };
        let page = if event == EventName::Back {
            l.from
        } else {
            l.page
        };
        Ok(Flat {
            at_ms,
            event: Some(event),
            page,
            field: l.field,
            error: l.error,
            level: l.level,
            document: l.document,
            message: l.message,
            incident: l.incident,
            incident_kind,
            line: l.line,
            posture: l.posture,
            ending: l.ending,
            ending_kind,
            what: l.what,
            kind: None,
        })
    }
}

/// A unit variant (an event name, a kind) read from its name.
fn parse<'de, T: Deserialize<'de>>(name: &'de str) -> Option<T> {
    let de: StrDeserializer<'de, ValueError> = name.into_deserializer();
    T::deserialize(de).ok()
}

/// `PageEntered` → `page_entered`, the names' spelling on disk.
fn snake_case(variant: &str) -> String {
    let mut out = String::with_capacity(variant.len() + 4);
    for (i, c) in variant.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A bad name quoted in a message, shortened so a message never grows with hostile input.
fn clip(s: &str) -> String {
    s.chars().take(30).collect()
}

impl TryFrom<Flat> for Event {
    type Error = String;

    fn try_from(mut f: Flat) -> Result<Event, String> {
        if let Some(kind) = f.kind.take() {
            if !f.is_bare() {
                return Err("un événement enregistré mêle deux formes (`kind` et `event`)".into());
            }
            f = Flat::from_legacy(f.at_ms, kind)?;
        }
        let Some(name) = f.event else {
            return Err("missing field `event`".into());
        };
        let code = name.code();
        let need = |v: Option<String>, key: &str| {
            v.ok_or_else(|| format!("l'événement `{code}` n'a pas de clé `{key}`"))
        };
        let kind = match name {
            EventName::PageEntered => EventKind::PageEntered {
                page: need(f.page, "page")?,
            },
            EventName::PageLeft => EventKind::PageLeft {
                page: need(f.page, "page")?,
            },
            EventName::FieldError => EventKind::FieldError {
                field: need(f.field, "field")?,
                error: need(f.error, "error")?,
            },
            EventName::HintUsed => EventKind::HintUsed {
                page: need(f.page, "page")?,
                level: f.level.unwrap_or(1),
            },
            EventName::Back => EventKind::Back {
                from: need(f.page, "page")?,
            },
            EventName::DocumentOpened => EventKind::DocumentOpened {
                document: need(f.document, "document")?,
            },
            EventName::MessageReceived => EventKind::MessageReceived {
                message: need(f.message, "message")?,
            },
            EventName::MessageRead => EventKind::MessageRead {
                message: need(f.message, "message")?,
            },
            EventName::Incident => EventKind::Incident {
                incident: need(f.incident, "incident")?,
                kind: f.incident_kind.unwrap_or(IncidentKind::Other),
            },
            EventName::Timeout => EventKind::Timeout {
                page: need(f.page, "page")?,
            },
            EventName::Posture => EventKind::Posture {
                line: need(f.line, "line")?,
                posture: f.posture,
            },
            EventName::Abandoned => EventKind::Abandoned {
                page: need(f.page, "page")?,
            },
            EventName::Ended => EventKind::Ended {
                ending: need(f.ending, "ending")?,
                kind: f
                    .ending_kind
                    .ok_or_else(|| format!("l'événement `{code}` n'a pas de clé `ending_kind`"))?,
            },
            EventName::ReadAloud => EventKind::ReadAloud {
                what: need(f.what, "what")?,
            },
        };
        Ok(Event {
            at_ms: f.at_ms,
            kind,
        })
    }
}

#[cfg(test)]
mod tests;
