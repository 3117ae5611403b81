//! The events of a session: what the engine emits as the player acts, what
//! the app adds (a text read aloud), what a saved run keeps and what the
//! anonymous metrics record and export. One type for all of them, so an
//! event can never mean one thing on screen and another in a report.
//!
//! Privacy by construction: every field here is an id written by the
//! scenario's author or the app, a kind, a level or a time. No variant has a
//! place for a value the player typed or picked as an answer.
//!
//! On disk an event is one flat JSON object
//! (`{"at_ms":0,"event":"page_entered","page":"login"}`), see [`flat`].

mod flat;

use serde::{Deserialize, Serialize};

use crate::model::{EndingKind, IncidentKind, Posture};

/// Something that happened, with its time from the start of the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Milliseconds since the session started, on the session's own clock.
    pub at_ms: u64,
    /// What happened.
    pub kind: EventKind,
}

/// What happened, by id only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
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
    /// A document was downloaded into the folder.
    DocumentDownloaded {
        /// Document id.
        document: String,
    },
    /// A link of a message was followed.
    LinkFollowed {
        /// Message id.
        message: String,
        /// Link id in that message.
        link: String,
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
    /// A text was read aloud: only the app hears it, and reports it with
    /// [`Action::ReadAloud`](super::Action::ReadAloud) so it sits in the
    /// run's timeline with everything else.
    ReadAloud {
        /// What was read, as an element id chosen by the app (`page:banque`,
        /// `hint`, `field:iban`): never the text itself.
        what: String,
    },
    /// The player asked for more time before the page's session expired
    /// ([`Action::ExtendTime`](super::Action::ExtendTime)).
    TimeExtended {
        /// Page whose timeout was put off.
        page: String,
    },
}

/// The event names used in every export, stable across versions: a name
/// once written in a trainer's file must keep meaning the same event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventName {
    /// [`EventKind::PageEntered`].
    PageEntered,
    /// [`EventKind::PageLeft`].
    PageLeft,
    /// [`EventKind::FieldError`].
    FieldError,
    /// [`EventKind::HintUsed`].
    HintUsed,
    /// [`EventKind::Back`].
    Back,
    /// [`EventKind::DocumentOpened`].
    DocumentOpened,
    /// [`EventKind::MessageReceived`].
    MessageReceived,
    /// [`EventKind::MessageRead`].
    MessageRead,
    /// [`EventKind::DocumentDownloaded`].
    DocumentDownloaded,
    /// [`EventKind::LinkFollowed`].
    LinkFollowed,
    /// [`EventKind::Incident`].
    Incident,
    /// [`EventKind::Timeout`].
    Timeout,
    /// [`EventKind::Posture`].
    Posture,
    /// [`EventKind::Abandoned`].
    Abandoned,
    /// [`EventKind::Ended`].
    Ended,
    /// [`EventKind::ReadAloud`].
    ReadAloud,
    /// [`EventKind::TimeExtended`].
    TimeExtended,
}

impl EventName {
    /// The code written in exports (`page_entered`), without going through serde.
    pub fn code(self) -> &'static str {
        match self {
            EventName::PageEntered => "page_entered",
            EventName::PageLeft => "page_left",
            EventName::FieldError => "field_error",
            EventName::HintUsed => "hint_used",
            EventName::Back => "back",
            EventName::DocumentOpened => "document_opened",
            EventName::MessageReceived => "message_received",
            EventName::MessageRead => "message_read",
            EventName::DocumentDownloaded => "document_downloaded",
            EventName::LinkFollowed => "link_followed",
            EventName::Incident => "incident",
            EventName::Timeout => "timeout",
            EventName::Posture => "posture",
            EventName::Abandoned => "abandoned",
            EventName::Ended => "ended",
            EventName::ReadAloud => "read_aloud",
            EventName::TimeExtended => "time_extended",
        }
    }
}

impl EventKind {
    /// Its name in exports.
    pub fn name(&self) -> EventName {
        match self {
            EventKind::PageEntered { .. } => EventName::PageEntered,
            EventKind::PageLeft { .. } => EventName::PageLeft,
            EventKind::FieldError { .. } => EventName::FieldError,
            EventKind::HintUsed { .. } => EventName::HintUsed,
            EventKind::Back { .. } => EventName::Back,
            EventKind::DocumentOpened { .. } => EventName::DocumentOpened,
            EventKind::MessageReceived { .. } => EventName::MessageReceived,
            EventKind::MessageRead { .. } => EventName::MessageRead,
            EventKind::DocumentDownloaded { .. } => EventName::DocumentDownloaded,
            EventKind::LinkFollowed { .. } => EventName::LinkFollowed,
            EventKind::Incident { .. } => EventName::Incident,
            EventKind::Timeout { .. } => EventName::Timeout,
            EventKind::Posture { .. } => EventName::Posture,
            EventKind::Abandoned { .. } => EventName::Abandoned,
            EventKind::Ended { .. } => EventName::Ended,
            EventKind::ReadAloud { .. } => EventName::ReadAloud,
            EventKind::TimeExtended { .. } => EventName::TimeExtended,
        }
    }

    /// Every id the event names, for privacy tests and reports.
    pub fn ids(&self) -> Vec<&str> {
        match self {
            EventKind::PageEntered { page }
            | EventKind::PageLeft { page }
            | EventKind::HintUsed { page, .. }
            | EventKind::Timeout { page }
            | EventKind::TimeExtended { page }
            | EventKind::Abandoned { page }
            | EventKind::Back { from: page } => vec![page],
            EventKind::FieldError { field, error } => vec![field, error],
            EventKind::DocumentOpened { document } | EventKind::DocumentDownloaded { document } => {
                vec![document]
            }
            EventKind::LinkFollowed { message, link } => vec![message, link],
            EventKind::MessageReceived { message } | EventKind::MessageRead { message } => {
                vec![message]
            }
            EventKind::Incident { incident, .. } => vec![incident],
            EventKind::Posture { line, .. } => vec![line],
            EventKind::Ended { ending, .. } => vec![ending],
            EventKind::ReadAloud { what } => vec![what],
        }
    }
}
