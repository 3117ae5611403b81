//! The debrief of a finished run, derived once, as data: the game's screen,
//! its screen-reader mirror and the terminal (`dedale-cli play`) only draw it,
//! so the same run always shows the same debrief everywhere.
//!
//! It says how it ended (title, receipt), the two scores when the mode has
//! them (*Formation*: in *Atelier* there is no professional to score), what
//! happened, what to remember, where to get help for real, the notes on the
//! dialogue lines chosen, and the attempt moment by moment.

mod paragraphs;
mod words;

pub use words::{Words, count, words};

use crate::Lang;
use crate::engine::{EventKind, State};
use crate::model::{EndingKind, Mode, Scenario};

/// The debrief of a finished run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Debrief {
    /// Ending id.
    pub ending: String,
    /// Its kind.
    pub kind: EndingKind,
    /// Its title.
    pub title: String,
    /// Receipt number, on success when the ending gives one.
    pub receipt: Option<String>,
    /// The two gauges, in mode *Formation* only.
    pub scores: Option<Scores>,
    /// What happened.
    pub what_happened: String,
    /// What to remember.
    pub remember: Vec<String>,
    /// Where to get help for real.
    pub help: String,
    /// Notes on the dialogue lines chosen, each « line » — feedback (mode *Formation*).
    pub notes: Vec<String>,
    /// The attempt, moment by moment.
    pub timeline: Vec<Moment>,
    /// How many errors, hints and incidents the attempt met.
    pub counts: Counts,
}

/// The two gauges of mode *Formation*, 0 to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scores {
    /// Rights obtained for the person.
    pub droits: i32,
    /// Autonomy the person gained.
    pub autonomie: i32,
}

/// What the attempt met, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Values refused by the portal.
    pub errors: usize,
    /// Hints asked for.
    pub hints: usize,
    /// Incidents and timeouts.
    pub incidents: usize,
}

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moment {
    /// Seconds since the start.
    pub at_s: u64,
    /// An icon that says the kind of moment (shown with the words, never alone).
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

impl Debrief {
    /// The summary of the attempt as a sentence: "Aucune erreur de saisie, 1 indice, 2 incidents."
    pub fn counts_line(&self, lang: Lang) -> String {
        let c = self.counts;
        words(lang).counts(c.errors, c.hints, c.incidents)
    }

    /// The two gauges as the debrief writes them ("Droits : 60 / 100"), when the mode has them.
    pub fn score_lines(&self, lang: Lang) -> Vec<String> {
        let w = words(lang);
        self.scores.map_or_else(Vec::new, |s| {
            vec![
                w.score(w.rights, s.droits),
                w.score(w.autonomy, s.autonomie),
            ]
        })
    }
}

/// The debrief of a state that has ended, with the paragraphs whose
/// condition holds at the end (`paragraphs` of the ending, format 2) added
/// to their parts; `None` while the run goes on (or
/// if the ending is not in this scenario).
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
    let count = |f: fn(&EventKind) -> bool| state.events.iter().filter(|e| f(&e.kind)).count();
    let mut debrief = Debrief {
        ending: ending.id.clone(),
        kind: ending.kind,
        title: ending.title.get(lang).to_string(),
        receipt: reached.receipt.clone(),
        scores: (state.mode == Mode::Formation).then_some(Scores {
            droits: state.droits,
            autonomie: state.autonomie,
        }),
        what_happened: ending.debrief.what_happened.get(lang).to_string(),
        remember: ending
            .debrief
            .remember
            .iter()
            .map(|t| t.get(lang).to_string())
            .collect(),
        help: ending.debrief.help.get(lang).to_string(),
        notes,
        timeline: timeline(scenario, state, lang),
        counts: Counts {
            errors: count(|k| matches!(k, EventKind::FieldError { .. })),
            hints: count(|k| matches!(k, EventKind::HintUsed { .. })),
            incidents: count(|k| {
                matches!(k, EventKind::Incident { .. } | EventKind::Timeout { .. })
            }),
        },
    };
    paragraphs::add(&mut debrief, scenario, ending, state, lang);
    Some(debrief)
}

fn timeline(scenario: &Scenario, state: &State, lang: Lang) -> Vec<Moment> {
    state
        .events
        .iter()
        .filter_map(|e| {
            let (icon, text) = moment(scenario, &e.kind, lang)?;
            Some(Moment {
                at_s: e.at_ms / 1000,
                icon,
                text,
            })
        })
        .collect()
}

/// The icon and words of one event, or `None` for events the timeline leaves out.
fn moment(scenario: &Scenario, kind: &EventKind, lang: Lang) -> Option<(&'static str, String)> {
    let w = words(lang);
    Some(match kind {
        EventKind::PageEntered { page } => (
            "▶",
            format!("{} « {} »", w.moment_page, scenario.page_title(page, lang)),
        ),
        EventKind::FieldError { field, .. } => (
            "✖",
            format!(
                "{} « {} »",
                w.moment_error,
                scenario.input_label(field, lang)
            ),
        ),
        EventKind::HintUsed { level, .. } => ("💡", format!("{} {level}", w.moment_hint)),
        EventKind::Incident { incident, .. } => {
            let message = scenario
                .incident(incident)
                .map_or_else(|| incident.clone(), |i| i.message.get(lang).to_string());
            ("⚠", message)
        }
        EventKind::Timeout { .. } => ("⏱", w.moment_timeout.to_string()),
        EventKind::MessageReceived { message } => {
            let from = scenario
                .message(message)
                .map_or(message.as_str(), |m| m.from.as_str());
            ("📨", format!("{} {from}", w.moment_message))
        }
        EventKind::DocumentOpened { document } => {
            let title = scenario
                .document(document)
                .map_or_else(|| document.clone(), |d| d.title.get(lang).to_string());
            ("📄", format!("{} « {title} »", w.moment_document))
        }
        EventKind::Posture { line, .. } => {
            let text = scenario
                .line(line)
                .map_or_else(|| line.clone(), |(_, _, l)| l.text.get(lang).to_string());
            ("💬", format!("« {text} »"))
        }
        EventKind::DocumentDownloaded { document } => {
            let title = scenario
                .document(document)
                .map_or_else(|| document.clone(), |d| d.title.get(lang).to_string());
            ("⬇", format!("{} « {title} »", w.moment_download))
        }
        EventKind::LinkFollowed { message, .. } => {
            let from = scenario
                .message(message)
                .map_or(message.as_str(), |m| m.from.as_str());
            ("🔗", format!("{} {from}", w.moment_link))
        }
        EventKind::Back { .. } => ("⬅", w.moment_back.to_string()),
        EventKind::Abandoned { .. } => ("🚪", w.moment_abandon.to_string()),
        EventKind::Ended { .. }
        | EventKind::PageLeft { .. }
        | EventKind::MessageRead { .. }
        | EventKind::ReadAloud { .. }
        | EventKind::TimeExtended { .. } => return None,
    })
}

#[cfg(test)]
mod tests;
