//! How a scenario ends, and what the debrief says.

use serde::{Deserialize, Serialize};

use crate::Text;
use crate::condition::Condition;

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
    /// Format 2: the procedure goes on later (a letter is awaited): neither a
    /// success nor a failure, counted apart.
    Postponed,
}

impl EndingKind {
    /// Stable lowercase name for metrics and scripts.
    pub fn code(self) -> &'static str {
        match self {
            EndingKind::Success => "success",
            EndingKind::Failure => "failure",
            EndingKind::Abandon => "abandon",
            EndingKind::Postponed => "postponed",
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
    /// Format 2: paragraphs shown only when their condition holds at the end
    /// (an incident occurred, a flag is set), each in one part of the debrief.
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
}

/// A debrief paragraph that depends on what happened, written here or shared
/// by a fragment (`shared: "aide_numerique"`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// When it is shown; always, by default.
    #[serde(default)]
    pub when: Condition,
    /// The part of the debrief it goes in; the shared paragraph's, or `Happened`, by default.
    #[serde(default)]
    pub section: Option<Section>,
    /// The text; or none, with `shared`.
    #[serde(default)]
    pub text: Option<Text>,
    /// The id of a shared paragraph of an included fragment, instead of `text`.
    #[serde(default)]
    pub shared: Option<String>,
}

/// The part of the debrief a paragraph goes in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Section {
    /// "Ce qui s'est passé", after the ending's own text.
    #[default]
    Happened,
    /// "À retenir", as one more point.
    Remember,
    /// "Pour de vrai, où trouver de l'aide", after the ending's own text.
    Help,
}
