//! How a scenario ends, and what the debrief says.

use serde::{Deserialize, Serialize};

use crate::Text;

/// An ending of the scenario.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// Identifier, used by routes and metrics.
    pub id: String,
    /// Success, failure or abandonment.
    pub kind: EndingKind,
    /// Title of the debrief screen.
    pub title: Text,
    /// Receipt number shown on success; `{n}` is replaced by digits drawn for the session ("RSA-2026-{n}").
    #[serde(default)]
    pub receipt: Option<String>,
    /// The debrief.
    pub debrief: Debrief,
}

/// Kinds of endings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EndingKind {
    /// The procedure went through.
    Success,
    /// The procedure failed (wrong site, blocked account…).
    Failure,
    /// The player gave up.
    Abandon,
}

impl EndingKind {
    /// Stable lowercase name for metrics and scripts.
    pub fn code(self) -> &'static str {
        match self {
            EndingKind::Success => "success",
            EndingKind::Failure => "failure",
            EndingKind::Abandon => "abandon",
        }
    }
}

/// What the debrief says.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Debrief {
    /// What happened.
    pub what_happened: Text,
    /// What to remember, a few short points.
    pub remember: Vec<Text>,
    /// Where to get help for real.
    pub help: Text,
}
