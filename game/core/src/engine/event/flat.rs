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

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::de::IntoDeserializer;
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Event, EventKind, EventName};
use crate::model::{EndingKind, IncidentKind, Posture};

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut f = Flat {
            at_ms: self.at_ms,
            event: Some(self.kind.name()),
            ..Flat::default()
        };
        match &self.kind {
            EventKind::PageEntered { page }
            | EventKind::PageLeft { page }
            | EventKind::Timeout { page }
            | EventKind::Abandoned { page }
            | EventKind::Back { from: page } => f.page = id(page),
            EventKind::FieldError { field, error } => {
                f.field = id(field);
                f.error = id(error);
            }
            EventKind::HintUsed { page, level } => {
                f.page = id(page);
                f.level = Some(*level);
            }
            EventKind::DocumentOpened { document } | EventKind::DocumentDownloaded { document } => {
                f.document = id(document)
            }
            EventKind::LinkFollowed { message, link } => {
                f.message = id(message);
                f.link = id(link);
            }
            EventKind::MessageReceived { message } | EventKind::MessageRead { message } => {
                f.message = id(message)
            }
            EventKind::Incident { incident, kind } => {
                f.incident = id(incident);
                f.incident_kind = Some(*kind);
            }
            EventKind::Posture { line, posture } => {
                f.line = id(line);
                f.posture = *posture;
            }
            EventKind::Ended { ending, kind } => {
                f.ending = id(ending);
                f.ending_kind = Some(*kind);
            }
            EventKind::ReadAloud { what } => f.what = id(what),
            EventKind::TimeExtended { page } => f.page = id(page),
        }
        f.serialize(s)
    }
}

/// An id written as it is, without a copy.
fn id(s: &str) -> Option<Cow<'_, str>> {
    Some(Cow::Borrowed(s))
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Event, D::Error> {
        let flat = Flat::deserialize(d)?;
        Event::try_from(flat).map_err(serde::de::Error::custom)
    }
}

/// The flat shape, written borrowing the event's ids and read back owning
/// them. Absent keys are not written; unknown keys are refused when
/// reading, so a line that carries anything else (a typed value added by
/// hand) is not taken in.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Flat<'a> {
    at_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<EventName>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    page: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    field: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    error: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    document: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    message: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    incident: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    incident_kind: Option<IncidentKind>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    line: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    posture: Option<Posture>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    ending: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ending_kind: Option<EndingKind>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    what: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    link: Option<Cow<'a, str>>,
    /// The older shape: the variant's name and its fields, alone beside `at_ms`; never written.
    #[serde(skip_serializing)]
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

impl Flat<'_> {
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
            && self.link.is_none()
    }

    /// The flat event an older `kind` stands for.
    fn from_legacy(at_ms: u64, kind: BTreeMap<String, Legacy>) -> Result<Flat<'static>, String> {
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
            page: page.map(Cow::Owned),
            field: l.field.map(Cow::Owned),
            error: l.error.map(Cow::Owned),
            level: l.level,
            document: l.document.map(Cow::Owned),
            message: l.message.map(Cow::Owned),
            incident: l.incident.map(Cow::Owned),
            incident_kind,
            line: l.line.map(Cow::Owned),
            posture: l.posture,
            ending: l.ending.map(Cow::Owned),
            ending_kind,
            what: l.what.map(Cow::Owned),
            link: None,
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

impl TryFrom<Flat<'_>> for Event {
    type Error = String;

    fn try_from(mut f: Flat<'_>) -> Result<Event, String> {
        if let Some(kind) = f.kind.take() {
            if !f.is_bare() {
                return Err("un événement enregistré mêle deux formes (`kind` et `event`)".into());
            }
            f = Flat::from_legacy(f.at_ms, kind)?;
        }
        let Some(name) = f.event else {
            return Err("l'événement n'a pas de clé `event` (ce qui s'est passé)".into());
        };
        let code = name.code();
        let need = |v: Option<Cow<'_, str>>, key: &str| {
            v.map(Cow::into_owned)
                .ok_or_else(|| format!("l'événement `{code}` n'a pas de clé `{key}`"))
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
            EventName::TimeExtended => EventKind::TimeExtended {
                page: need(f.page, "page")?,
            },
            EventName::DocumentDownloaded => EventKind::DocumentDownloaded {
                document: need(f.document, "document")?,
            },
            EventName::LinkFollowed => EventKind::LinkFollowed {
                message: need(f.message, "message")?,
                link: need(f.link, "link")?,
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
