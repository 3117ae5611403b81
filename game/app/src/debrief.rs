//! What the debrief says, computed from the engine's state alone: the ending,
//! the scores, a timeline of the attempt, and the notes on the answers chosen.

use dedale_core::Lang;
use dedale_core::engine::{EventKind, State};
use dedale_core::model::{EndingKind, Mode, Scenario};

use crate::i18n::strings;

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moment {
    /// Seconds since the start.
    pub at_s: u64,
    /// An icon that says the kind of moment (with the words, never alone).
    pub icon: &'static str,
    /// What happened, in words.
    pub text: String,
}

impl Moment {
    /// When it happened, as the timeline writes it: "03:07" (minutes:seconds).
    pub fn when(&self) -> String {
        format!("{:02}:{:02}", self.at_s / 60, self.at_s % 60)
    }
}

/// The debrief of a finished run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Debrief {
    /// Ending id.
    pub ending: String,
    /// Its kind.
    pub kind: EndingKind,
    /// Its title.
    pub title: String,
    /// Receipt number, on success.
    pub receipt: Option<String>,
    /// Scores, in mode *Formation*.
    pub scores: Option<(i32, i32)>,
    /// What happened.
    pub what_happened: String,
    /// What to remember.
    pub remember: Vec<String>,
    /// Where to get help for real.
    pub help: String,
    /// Notes on the dialogue answers chosen (mode *Formation*).
    pub notes: Vec<String>,
    /// The attempt, moment by moment.
    pub timeline: Vec<Moment>,
    /// Counts: errors, hints, incidents.
    pub counts: (usize, usize, usize),
}

/// The debrief of a state that has ended; `None` while the run goes on.
pub fn debrief(scenario: &Scenario, state: &State, lang: Lang) -> Option<Debrief> {
    let reached = state.ending.as_ref()?;
    let ending = scenario.ending(&reached.ending)?;
    let notes = state
        .said
        .iter()
        .filter_map(|id| scenario.line(id))
        .filter_map(|(_, _, l)| {
            l.feedback
                .as_ref()
                .map(|f| format!("« {} » — {}", l.text.get(lang), f.get(lang)))
        })
        .collect();
    let timeline = timeline(scenario, state, lang);
    let count = |f: fn(&EventKind) -> bool| state.events.iter().filter(|e| f(&e.kind)).count();
    Some(Debrief {
        ending: ending.id.clone(),
        kind: ending.kind,
        title: ending.title.get(lang).to_string(),
        receipt: reached.receipt.clone(),
        scores: (state.mode == Mode::Formation).then_some((state.droits, state.autonomie)),
        what_happened: ending.debrief.what_happened.get(lang).to_string(),
        remember: ending
            .debrief
            .remember
            .iter()
            .map(|t| t.get(lang).to_string())
            .collect(),
        help: ending.debrief.help.get(lang).to_string(),
        notes,
        timeline,
        counts: (
            count(|k| matches!(k, EventKind::FieldError { .. })),
            count(|k| matches!(k, EventKind::HintUsed { .. })),
            count(|k| matches!(k, EventKind::Incident { .. } | EventKind::Timeout { .. })),
        ),
    })
}

fn timeline(scenario: &Scenario, state: &State, lang: Lang) -> Vec<Moment> {
    let s = strings(lang);
    let page_title = |id: &str| {
        scenario
            .page(id)
            .map_or(id.to_string(), |p| p.title.get(lang).to_string())
    };
    let input_label = |id: &str| {
        scenario
            .input(id)
            .and_then(|(_, b)| b.label())
            .map_or(id.to_string(), |l| l.get(lang).to_string())
    };
    state
        .events
        .iter()
        .filter_map(|e| {
            let (icon, text) = match &e.kind {
                EventKind::PageEntered { page } => {
                    ("▶", format!("{} « {} »", s.moment_page, page_title(page)))
                }
                EventKind::FieldError { field, .. } => (
                    "✖",
                    format!("{} « {} »", s.moment_error, input_label(field)),
                ),
                EventKind::HintUsed { level, .. } => ("💡", format!("{} {level}", s.hint)),
                EventKind::Incident { incident, .. } => {
                    let message = scenario
                        .incident(incident)
                        .map_or(incident.clone(), |i| i.message.get(lang).to_string());
                    ("⚠", message)
                }
                EventKind::Timeout { .. } => ("⏱", s.moment_timeout.to_string()),
                EventKind::MessageReceived { message } => {
                    let from = scenario
                        .message(message)
                        .map_or(message.as_str(), |m| m.from.as_str());
                    ("📨", format!("{} {from}", s.moment_message))
                }
                EventKind::DocumentOpened { document } => {
                    let title = scenario
                        .document(document)
                        .map_or(document.clone(), |d| d.title.get(lang).to_string());
                    ("📄", format!("{} « {title} »", s.moment_document))
                }
                EventKind::Posture { line, .. } => {
                    let text = scenario
                        .line(line)
                        .map_or(line.clone(), |(_, _, l)| l.text.get(lang).to_string());
                    ("💬", format!("« {text} »"))
                }
                EventKind::Back { .. } => ("⬅", s.moment_back.to_string()),
                EventKind::Abandoned { .. } => ("🚪", s.abandon.to_string()),
                EventKind::Ended { .. }
                | EventKind::PageLeft { .. }
                | EventKind::MessageRead { .. } => return None,
            };
            Some(Moment {
                at_s: e.at_ms / 1000,
                icon,
                text,
            })
        })
        .collect()
}
