//! The events a record keeps: the engine's events, plus what only the app
//! sees (a text read aloud).
//!
//! Every field is an id written by the scenario's author or the app, a kind,
//! a level or a time: no variant has a place for a value the player typed.
//! On disk an event is one flat JSON object (`{"at_ms":0,"event":"page_entered","page":"login"}`)
//! so that the JSON Lines, the CSV rows and other tools (jq, a spreadsheet)
//! all see the same shape, and reading it back needs no buffering.

use serde::{Deserialize, Serialize, Serializer};

use crate::engine;
use crate::model::{EndingKind, IncidentKind, Posture};

/// Something that happened, with its time from the start of the session.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "Flat")]
pub struct Event {
    /// Milliseconds since the session started, on the session's own clock.
    pub at_ms: u64,
    /// What happened.
    pub kind: Kind,
}

/// What happened, by id only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The player arrived on a page.
    PageEntered {
        /// Page id.
        page: String,
    },
    /// The player left a page.
    PageLeft {
        /// Page id.
        page: String,
    },
    /// A value was refused: the input and the kind of mistake, never the value.
    FieldError {
        /// Input id.
        field: String,
        /// Stable error code, such as `nir_key`.
        error: String,
    },
    /// A hint was asked for.
    HintUsed {
        /// Page id.
        page: String,
        /// 1, 2 or 3.
        level: u8,
    },
    /// The player went back to the previous page.
    Back {
        /// The page left.
        from: String,
    },
    /// A document of the folder was opened.
    DocumentOpened {
        /// Document id.
        document: String,
    },
    /// A message reached the phone or the mailbox.
    MessageReceived {
        /// Message id.
        message: String,
    },
    /// A message was read.
    MessageRead {
        /// Message id.
        message: String,
    },
    /// An incident happened.
    Incident {
        /// Incident id.
        incident: String,
        /// Its kind.
        kind: IncidentKind,
    },
    /// The portal dropped the session after inactivity.
    Timeout {
        /// Page where it happened.
        page: String,
    },
    /// The professional chose a dialogue line.
    Posture {
        /// Line id.
        line: String,
        /// The posture it shows, if any.
        posture: Option<Posture>,
    },
    /// The player gave up.
    Abandoned {
        /// Page where they gave up.
        page: String,
    },
    /// The session ended.
    Ended {
        /// Ending id.
        ending: String,
        /// Its kind.
        kind: EndingKind,
    },
    /// A text was read aloud by the app (the engine never sees it).
    ReadAloud {
        /// What was read, as an element id chosen by the app (`page:banque`,
        /// `hint`, `field:iban`): never the text itself.
        what: String,
    },
}

/// The event names used in every export, stable across versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Name {
    /// [`Kind::PageEntered`].
    PageEntered,
    /// [`Kind::PageLeft`].
    PageLeft,
    /// [`Kind::FieldError`].
    FieldError,
    /// [`Kind::HintUsed`].
    HintUsed,
    /// [`Kind::Back`].
    Back,
    /// [`Kind::DocumentOpened`].
    DocumentOpened,
    /// [`Kind::MessageReceived`].
    MessageReceived,
    /// [`Kind::MessageRead`].
    MessageRead,
    /// [`Kind::Incident`].
    Incident,
    /// [`Kind::Timeout`].
    Timeout,
    /// [`Kind::Posture`].
    Posture,
    /// [`Kind::Abandoned`].
    Abandoned,
    /// [`Kind::Ended`].
    Ended,
    /// [`Kind::ReadAloud`].
    ReadAloud,
}

impl Name {
    /// The code written in exports (`page_entered`).
    pub fn code(self) -> &'static str {
        match self {
            Name::PageEntered => "page_entered",
            Name::PageLeft => "page_left",
            Name::FieldError => "field_error",
            Name::HintUsed => "hint_used",
            Name::Back => "back",
            Name::DocumentOpened => "document_opened",
            Name::MessageReceived => "message_received",
            Name::MessageRead => "message_read",
            Name::Incident => "incident",
            Name::Timeout => "timeout",
            Name::Posture => "posture",
            Name::Abandoned => "abandoned",
            Name::Ended => "ended",
            Name::ReadAloud => "read_aloud",
        }
    }
}

impl Kind {
    /// Its name in exports.
    pub fn name(&self) -> Name {
        match self {
            Kind::PageEntered { .. } => Name::PageEntered,
            Kind::PageLeft { .. } => Name::PageLeft,
            Kind::FieldError { .. } => Name::FieldError,
            Kind::HintUsed { .. } => Name::HintUsed,
            Kind::Back { .. } => Name::Back,
            Kind::DocumentOpened { .. } => Name::DocumentOpened,
            Kind::MessageReceived { .. } => Name::MessageReceived,
            Kind::MessageRead { .. } => Name::MessageRead,
            Kind::Incident { .. } => Name::Incident,
            Kind::Timeout { .. } => Name::Timeout,
            Kind::Posture { .. } => Name::Posture,
            Kind::Abandoned { .. } => Name::Abandoned,
            Kind::Ended { .. } => Name::Ended,
            Kind::ReadAloud { .. } => Name::ReadAloud,
        }
    }
}

impl From<&engine::Event> for Event {
    fn from(e: &engine::Event) -> Event {
        use engine::EventKind as E;
        let kind = match &e.kind {
            E::PageEntered { page } => Kind::PageEntered { page: page.clone() },
            E::PageLeft { page } => Kind::PageLeft { page: page.clone() },
            E::FieldError { field, error } => Kind::FieldError {
                field: field.clone(),
                error: error.clone(),
            },
            E::HintUsed { page, level } => Kind::HintUsed {
                page: page.clone(),
                level: *level,
            },
            E::Back { from } => Kind::Back { from: from.clone() },
            E::DocumentOpened { document } => Kind::DocumentOpened {
                document: document.clone(),
            },
            E::MessageReceived { message } => Kind::MessageReceived {
                message: message.clone(),
            },
            E::MessageRead { message } => Kind::MessageRead {
                message: message.clone(),
            },
            E::Incident { incident, kind } => Kind::Incident {
                incident: incident.clone(),
                kind: *kind,
            },
            E::Timeout { page } => Kind::Timeout { page: page.clone() },
            E::Posture { line, posture } => Kind::Posture {
                line: line.clone(),
                posture: *posture,
            },
            E::Abandoned { page } => Kind::Abandoned { page: page.clone() },
            E::Ended { ending, kind } => Kind::Ended {
                ending: ending.clone(),
                kind: *kind,
            },
        };
        Event {
            at_ms: e.at_ms,
            kind,
        }
    }
}

/// The flat shape on disk, borrowed to write without copying.
#[derive(Serialize, Default)]
struct FlatRef<'a> {
    at_ms: u64,
    event: Option<Name>,
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
            Kind::PageEntered { page }
            | Kind::PageLeft { page }
            | Kind::Timeout { page }
            | Kind::Abandoned { page }
            | Kind::Back { from: page } => f.page = Some(page),
            Kind::FieldError { field, error } => {
                f.field = Some(field);
                f.error = Some(error);
            }
            Kind::HintUsed { page, level } => {
                f.page = Some(page);
                f.level = Some(*level);
            }
            Kind::DocumentOpened { document } => f.document = Some(document),
            Kind::MessageReceived { message } | Kind::MessageRead { message } => {
                f.message = Some(message)
            }
            Kind::Incident { incident, kind } => {
                f.incident = Some(incident);
                f.incident_kind = Some(*kind);
            }
            Kind::Posture { line, posture } => {
                f.line = Some(line);
                f.posture = *posture;
            }
            Kind::Ended { ending, kind } => {
                f.ending = Some(ending);
                f.ending_kind = Some(*kind);
            }
            Kind::ReadAloud { what } => f.what = Some(what),
        }
        f.serialize(s)
    }
}

/// The flat shape read back; unknown keys are refused, so a line that
/// carries anything else (a typed value added by hand) is not taken in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Flat {
    at_ms: u64,
    event: Name,
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
}

impl TryFrom<Flat> for Event {
    type Error = String;

    fn try_from(f: Flat) -> Result<Event, String> {
        let code = f.event.code();
        let need = |v: Option<String>, key: &str| {
            v.ok_or_else(|| format!("l'événement `{code}` n'a pas de clé `{key}`"))
        };
        let kind = match f.event {
            Name::PageEntered => Kind::PageEntered {
                page: need(f.page, "page")?,
            },
            Name::PageLeft => Kind::PageLeft {
                page: need(f.page, "page")?,
            },
            Name::FieldError => Kind::FieldError {
                field: need(f.field, "field")?,
                error: need(f.error, "error")?,
            },
            Name::HintUsed => Kind::HintUsed {
                page: need(f.page, "page")?,
                level: f.level.unwrap_or(1),
            },
            Name::Back => Kind::Back {
                from: need(f.page, "page")?,
            },
            Name::DocumentOpened => Kind::DocumentOpened {
                document: need(f.document, "document")?,
            },
            Name::MessageReceived => Kind::MessageReceived {
                message: need(f.message, "message")?,
            },
            Name::MessageRead => Kind::MessageRead {
                message: need(f.message, "message")?,
            },
            Name::Incident => Kind::Incident {
                incident: need(f.incident, "incident")?,
                kind: f.incident_kind.unwrap_or(IncidentKind::Other),
            },
            Name::Timeout => Kind::Timeout {
                page: need(f.page, "page")?,
            },
            Name::Posture => Kind::Posture {
                line: need(f.line, "line")?,
                posture: f.posture,
            },
            Name::Abandoned => Kind::Abandoned {
                page: need(f.page, "page")?,
            },
            Name::Ended => Kind::Ended {
                ending: need(f.ending, "ending")?,
                kind: f
                    .ending_kind
                    .ok_or_else(|| format!("l'événement `{code}` n'a pas de clé `ending_kind`"))?,
            },
            Name::ReadAloud => Kind::ReadAloud {
                what: need(f.what, "what")?,
            },
        };
        Ok(Event {
            at_ms: f.at_ms,
            kind,
        })
    }
}
