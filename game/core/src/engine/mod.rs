//! The engine: `(scenario, seed, actions) → state`, pure and deterministic.
//!
//! A [`Session`] borrows a checked [`Scenario`] and owns a [`State`] that
//! serialises whole, so a run can be saved, resumed, replayed and explored by
//! the solver. Every action returns an [`Outcome`] for the screen and the
//! [`Event`]s for the metrics; no input makes it panic.

mod act;
mod dice;
mod eval;
mod event;
mod feedback;
mod press;
mod repeat;
mod state;
mod visible;

pub use dice::{Dice, ForcedDice};
pub use event::{Event, EventKind, EventName};
pub use feedback::{Feedback, FieldError, Refusal};
pub use state::{Answer, Pending, Reached, Received, State};

/// Deepest nesting of conditions the loader accepts and the engine evaluates.
pub const MAX_CONDITION_DEPTH: usize = crate::condition::MAX_DEPTH;

use crate::model::{Mode, Scenario, Switches};
use crate::rules::Date;

/// The story's date when neither the scenario nor the caller gives one.
pub const DEFAULT_TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 23,
};

/// How a session starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Seed of every random draw: codes, captchas, incidents, receipts.
    pub seed: u64,
    /// *Atelier* or *Formation*.
    pub mode: Mode,
    /// Today's date, used when the scenario does not fix the story's date.
    pub today: Option<Date>,
    /// The trainer's switches: switch id → option id. Switches not given
    /// are at their first option; ids the scenario does not have are left
    /// out ([`Scenario::check_setting`] explains them to whoever typed them).
    pub switches: Switches,
}

impl Settings {
    /// Mode *Atelier* with this seed.
    pub fn new(seed: u64) -> Settings {
        Settings {
            seed,
            mode: Mode::Atelier,
            today: None,
            switches: Switches::new(),
        }
    }
}

/// Something the player does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Types into a text field, a captcha or a code field (replacing what was there).
    Fill {
        /// Input id.
        field: String,
        /// What was typed.
        value: String,
    },
    /// Picks an option of a choice.
    Choose {
        /// Choice id.
        field: String,
        /// Option id.
        option: String,
    },
    /// Ticks or unticks a box.
    Tick {
        /// Checkbox id.
        field: String,
        /// Ticked or not.
        checked: bool,
    },
    /// Picks a document of the folder for an upload.
    Upload {
        /// Upload id.
        field: String,
        /// Document id.
        document: String,
    },
    /// Presses a button or follows a link.
    Press {
        /// Button id on the current page.
        button: String,
    },
    /// Opens a document of the folder.
    OpenDocument {
        /// Document id.
        document: String,
    },
    /// Reads a received message.
    ReadMessage {
        /// Message id.
        message: String,
    },
    /// Asks for the next hint of the page.
    Hint,
    /// The browser's back button.
    Back,
    /// Lets time pass without doing anything (the game sends real time; scripts say how long).
    Wait {
        /// Seconds.
        seconds: u32,
    },
    /// Chooses a dialogue line (mode *Formation*).
    Say {
        /// Line id.
        line: String,
    },
    /// Follows a link of a received message: its page opens in the browser.
    FollowLink {
        /// Message id.
        message: String,
        /// Link id in that message.
        link: String,
    },
    /// Gives up.
    Abandon,
    /// The app read a text aloud for the player (a page, a hint, a field's
    /// label): recorded as [`EventKind::ReadAloud`] so the debrief and the
    /// trainer's report see who needed it and where. It changes nothing else
    /// and, like a hint, does not touch the portal, so it does not reset the
    /// inactivity clock: a real portal drops a session however long its text
    /// is read out, and a scenario's timeout must not depend on whether the
    /// player uses the button.
    ReadAloud {
        /// An element id chosen by the app (`page:banque`, `hint`,
        /// `field:iban`), never the text read: the metrics keep only ids.
        what: String,
    },
    /// The player answered the warning that the page's session is about to
    /// expire (« Je continue »): the inactivity clock starts again, as on a
    /// real site that lets its users ask for more time (RGAA 4.1, criterion
    /// 13.1). Recorded, so a trainer sees who needed the time.
    ExtendTime,
}

/// What an action did, for the screen and for the metrics.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// What to show, in order.
    pub feedback: Vec<Feedback>,
    /// What to record.
    pub events: Vec<Event>,
}

impl Outcome {
    /// Whether the action was refused outright.
    pub fn refused(&self) -> Option<&Refusal> {
        self.feedback.iter().find_map(|f| match f {
            Feedback::Refused(r) => Some(r),
            _ => None,
        })
    }
}

/// A run of a scenario.
#[derive(Clone, Debug)]
pub struct Session<'s> {
    scenario: &'s Scenario,
    state: State,
}

impl<'s> Session<'s> {
    /// Starts a session in mode *Atelier*.
    pub fn new(scenario: &'s Scenario, seed: u64) -> Session<'s> {
        Session::start(scenario, Settings::new(seed)).0
    }

    /// Starts a session, and returns what the first page shows.
    pub fn start(scenario: &'s Scenario, settings: Settings) -> (Session<'s>, Outcome) {
        let mut rng = dice::rng(settings.seed);
        Session::start_with(scenario, settings, &mut rng)
    }

    /// Starts a session with chance decided by `dice` (the solver explores both ways).
    pub fn start_with(
        scenario: &'s Scenario,
        settings: Settings,
        dice: &mut dyn Dice,
    ) -> (Session<'s>, Outcome) {
        let state = State::new(scenario, &settings);
        let mut session = Session { scenario, state };
        let mut out = Outcome::default();
        let start = scenario.start.clone();
        session.arrive(&start, dice, &mut out);
        (session, out)
    }

    /// Resumes a saved state; `None` if it belongs to another scenario or version.
    pub fn resume(scenario: &'s Scenario, mut state: State) -> Option<Session<'s>> {
        let same = state.scenario == scenario.meta.id && state.version == scenario.meta.version;
        // A state saved before the scenario had switches is at their defaults.
        if state.switches.len() != scenario.switches.len() {
            state.switches = scenario.resolve_switches(&state.switches);
        }
        (same && scenario.page(&state.page).is_some()).then_some(Session { scenario, state })
    }

    /// Plays one action.
    pub fn act(&mut self, action: Action) -> Outcome {
        let mut rng = self.state.take_rng();
        let out = self.act_with(action, &mut rng);
        self.state.put_rng(rng);
        out
    }

    /// Plays one action with chance decided by `dice`.
    pub fn act_with(&mut self, action: Action, dice: &mut dyn Dice) -> Outcome {
        let mut out = Outcome::default();
        if self.state.ending.is_some() {
            out.feedback.push(Feedback::Refused(Refusal::Ended));
            return out;
        }
        self.perform(action, dice, &mut out);
        out
    }

    /// The whole state, to save or to draw.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The state, giving up the session (to save it).
    pub fn into_state(self) -> State {
        self.state
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &'s Scenario {
        self.scenario
    }
}

/// Whether a condition holds in a state, chance counting as "no": the
/// debrief reads its paragraphs' conditions with it once the run has ended.
pub fn holds(scenario: &Scenario, state: &State, condition: &crate::condition::Condition) -> bool {
    let session = Session {
        scenario,
        state: state.clone(),
    };
    session.holds(condition, &mut ForcedDice::new(Vec::new()))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_logic;
