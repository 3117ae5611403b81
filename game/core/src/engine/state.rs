//! The state of a run: everything needed to draw the screen, save, resume and replay.

use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use super::{DEFAULT_TODAY, Event, FieldError, Settings, dice};
use crate::model::{Document, EndingKind, Mode, Scenario, Switches};
use crate::rules::Date;

/// The whole state of a session. It holds the player's answers so a session
/// can be resumed on the same device; it is never exported with the metrics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Scenario id, to refuse resuming into another scenario.
    pub scenario: String,
    /// Scenario version, likewise.
    pub version: String,
    /// *Atelier* or *Formation*.
    pub mode: Mode,
    /// The trainer's switches for this run, every switch of the scenario
    /// with its option (ids only).
    #[serde(default)]
    pub switches: Switches,
    /// The story's date.
    pub today: Date,
    /// The current page.
    pub page: String,
    /// Pages to go back to, most recent last.
    pub history: Vec<String>,
    /// Answers by input id, as typed until validated, then normalised.
    pub answers: BTreeMap<String, Answer>,
    /// Flags set by effects.
    pub flags: BTreeSet<String>,
    /// Counters raised by `Count` effects (those at zero are absent).
    #[serde(default)]
    pub counters: BTreeMap<String, u8>,
    /// Dialogue lines chosen.
    pub said: BTreeSet<String>,
    /// Dialogues answered.
    pub answered: BTreeSet<String>,
    /// Pages seen.
    pub visited: BTreeSet<String>,
    /// Hint levels used, by page.
    pub hints: BTreeMap<String, u8>,
    /// Messages received, oldest first.
    pub inbox: Vec<Received>,
    /// Messages sent with a delay (letters) that have not arrived yet, soonest first.
    #[serde(default)]
    pub pending: Vec<Pending>,
    /// Documents downloaded into the folder, in order.
    #[serde(default)]
    pub downloads: Vec<String>,
    /// Captcha drawn for each captcha input.
    pub captchas: BTreeMap<String, String>,
    /// Time since the start, in milliseconds.
    pub clock_ms: u64,
    /// Time since the last action, for inactivity timeouts.
    pub idle_ms: u64,
    /// *Droits* score, 0 to 100.
    pub droits: i32,
    /// *Autonomie* score, 0 to 100.
    pub autonomie: i32,
    /// Errors of the last submit on this page, for the screen.
    pub errors: Vec<FieldError>,
    /// The last incident shown on this page, for the screen.
    pub incident: Option<String>,
    /// How it ended, once it has.
    pub ending: Option<Reached>,
    /// Every event so far, for the debrief's timeline and the metrics.
    pub events: Vec<Event>,
    draws: ChaCha8Rng,
    chance: ChaCha8Rng,
}

/// An answer given to an input.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    /// Text typed in a field, a captcha or a code field.
    Text(String),
    /// Option picked in a choice.
    Option(String),
    /// Box ticked or not.
    Checked(bool),
    /// Document picked for an upload.
    Document(String),
}

/// A message on the phone or in the mailbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    /// Message id.
    pub message: String,
    /// When it arrived.
    pub at_ms: u64,
    /// The one-time code it carries, if its body has `{code}`.
    pub code: Option<String>,
    /// Whether the player opened it.
    pub read: bool,
}

/// A message on its way: a letter arrives after some game time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// Message id.
    pub message: String,
    /// When it arrives, on the session's clock.
    pub due_ms: u64,
}

/// The ending reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reached {
    /// Ending id.
    pub ending: String,
    /// Its kind.
    pub kind: EndingKind,
    /// Receipt number, on success when the ending gives one.
    pub receipt: Option<String>,
}

impl State {
    pub(super) fn new(scenario: &Scenario, settings: &Settings) -> State {
        let mut seeds = dice::rng(settings.seed);
        let draws = dice::rng(rand::Rng::next_u64(&mut seeds));
        let chance = dice::rng(rand::Rng::next_u64(&mut seeds));
        State {
            scenario: scenario.meta.id.clone(),
            version: scenario.meta.version.clone(),
            mode: settings.mode,
            switches: scenario.resolve_switches(&settings.switches),
            today: scenario
                .meta
                .today
                .or(settings.today)
                .unwrap_or(DEFAULT_TODAY),
            page: scenario.start.clone(),
            history: Vec::new(),
            answers: BTreeMap::new(),
            flags: BTreeSet::new(),
            counters: BTreeMap::new(),
            said: BTreeSet::new(),
            answered: BTreeSet::new(),
            visited: BTreeSet::new(),
            hints: BTreeMap::new(),
            inbox: Vec::new(),
            pending: Vec::new(),
            downloads: Vec::new(),
            captchas: BTreeMap::new(),
            clock_ms: 0,
            idle_ms: 0,
            droits: scenario.scores.droits.clamp(0, 100),
            autonomie: scenario.scores.autonomie.clamp(0, 100),
            errors: Vec::new(),
            incident: None,
            ending: None,
            events: Vec::new(),
            draws,
            chance,
        }
    }

    pub(super) fn draws(&mut self) -> &mut ChaCha8Rng {
        &mut self.draws
    }

    pub(super) fn take_rng(&mut self) -> ChaCha8Rng {
        self.chance.clone()
    }

    pub(super) fn put_rng(&mut self, rng: ChaCha8Rng) {
        self.chance = rng;
    }

    /// Milliseconds without any action left before the current page's inactivity
    /// timeout, if it has one (0: due now). A game that sleeps while the player
    /// thinks wakes up for it and for nothing else.
    pub fn timeout_in_ms(&self, scenario: &Scenario) -> Option<u64> {
        if self.ending.is_some() {
            return None;
        }
        let timeout = scenario.page(&self.page)?.timeout.as_ref()?;
        Some((u64::from(timeout.minutes) * 60_000).saturating_sub(self.idle_ms))
    }

    /// How long before the timeout the player is warned and offered more
    /// time: two minutes, or a quarter of a short timeout. WCAG 2.2.1 asks
    /// for at least 20 seconds to answer.
    pub fn timeout_warning_ms(&self, scenario: &Scenario) -> Option<u64> {
        let timeout = scenario.page(&self.page)?.timeout.as_ref()?;
        Some((u64::from(timeout.minutes) * 60_000 / 4).clamp(20_000, 120_000))
    }

    /// Milliseconds left when the player should be warned that the page's
    /// session is about to expire (`None` before that moment, or without a timeout).
    pub fn timeout_warning(&self, scenario: &Scenario) -> Option<u64> {
        let left = self.timeout_in_ms(scenario)?;
        (left <= self.timeout_warning_ms(scenario)?).then_some(left)
    }

    /// The latest code received with this message, and when.
    pub fn code_of(&self, message: &str) -> Option<(&str, u64)> {
        self.inbox
            .iter()
            .rev()
            .find(|r| r.message == message)
            .and_then(|r| r.code.as_deref().map(|c| (c, r.at_ms)))
    }

    /// The text currently in an input, if any.
    pub fn text(&self, field: &str) -> Option<&str> {
        match self.answers.get(field) {
            Some(Answer::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// Whether a document is in the folder now: every document the run's
    /// switches give (its `when`), but a hidden one that has not been downloaded yet.
    pub fn in_folder(&self, document: &Document) -> bool {
        (document.when.is_always() || document.when.holds_with(&self.switches))
            && (!document.hidden || self.downloads.contains(&document.id))
    }

    /// The option of a switch in this run.
    pub fn switch(&self, switch: &str) -> Option<&str> {
        self.switches.get(switch).map(String::as_str)
    }

    /// Milliseconds of game time before the next letter arrives, if one is on its way.
    pub fn next_arrival_in_ms(&self) -> Option<u64> {
        let due = self.pending.iter().map(|p| p.due_ms).min()?;
        Some(due.saturating_sub(self.clock_ms))
    }

    /// Whether this incident has happened at least once (its event is kept).
    pub fn incident_happened(&self, incident: &str) -> bool {
        self.events.iter().any(
            |e| matches!(&e.kind, super::EventKind::Incident { incident: i, .. } if i == incident),
        )
    }

    /// Messages not read yet.
    pub fn unread(&self) -> usize {
        self.inbox.iter().filter(|r| !r.read).count()
    }
}
