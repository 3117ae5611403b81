//! Events the engine emits for the anonymous metrics layer.
//!
//! Privacy by construction: every field here is an id written by the
//! scenario's author, a kind, a level or a time. No variant has a place for
//! a value the player typed or picked as an answer.

use serde::{Deserialize, Serialize};

use crate::model::{EndingKind, IncidentKind, Posture};

/// Something that happened, with its time from the start of the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Milliseconds since the session started, on the session's own clock.
    pub at_ms: u64,
    /// What happened.
    pub kind: EventKind,
}

/// What happened, by id only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// A value was refused: which field, and the kind of mistake (never the value).
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
}

impl EventKind {
    /// Every id the event names, for privacy tests and reports.
    pub fn ids(&self) -> Vec<&str> {
        match self {
            EventKind::PageEntered { page }
            | EventKind::PageLeft { page }
            | EventKind::HintUsed { page, .. }
            | EventKind::Timeout { page }
            | EventKind::Abandoned { page }
            | EventKind::Back { from: page } => vec![page],
            EventKind::FieldError { field, error } => vec![field, error],
            EventKind::DocumentOpened { document } => vec![document],
            EventKind::MessageReceived { message } | EventKind::MessageRead { message } => {
                vec![message]
            }
            EventKind::Incident { incident, .. } => vec![incident],
            EventKind::Posture { line, .. } => vec![line],
            EventKind::Ended { ending, .. } => vec![ending],
        }
    }
}
