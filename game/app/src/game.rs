//! The run being played. The engine's state is the truth: this module keeps
//! the scenario and the engine's `State`, turns `Act` messages into engine
//! actions, and announces what happened as `Cue`s for sounds and animations.

use std::sync::Arc;
use std::time::Duration;

use bevy::platform::time::Instant;
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use dedale_core::engine::{Action, Feedback, Session, Settings as EngineSettings, State};
use dedale_core::model::{Device, EndingKind, Scenario};

use crate::catalog::Catalog;
use crate::screen::Screen;
use crate::settings::Settings;

/// The run in progress, if any.
#[derive(Resource, Default)]
pub struct Game {
    /// The scenario and the engine's state.
    pub play: Option<Play>,
}

/// A scenario being played.
#[derive(Clone, Debug)]
pub struct Play {
    /// Index of its catalog entry, to replay it.
    pub entry: usize,
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// The engine's state: the only copy of the run.
    pub state: State,
    /// What the last action showed, for the interface.
    pub last: Vec<Feedback>,
    /// The seed, so the same run can be replayed.
    pub seed: u64,
}

impl Play {
    /// A session over the state, to read what the engine derives (open dialogues).
    pub fn session(&self) -> Option<Session<'_>> {
        Session::resume(&self.scenario, self.state.clone())
    }
}

/// An interrupted run, as kept in storage: the scenario's file, the seed and
/// the engine's state, so a reload resumes exactly where the player was.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct SavedPlay {
    /// The catalog entry's file name.
    pub file: String,
    /// The seed.
    pub seed: u64,
    /// The engine's state.
    pub state: State,
}

impl Play {
    /// What to keep in storage.
    pub fn save(&self, catalog: &Catalog) -> Option<SavedPlay> {
        let file = catalog.entries.get(self.entry)?.file.clone();
        Some(SavedPlay {
            file,
            seed: self.seed,
            state: self.state.clone(),
        })
    }
}

/// For unit tests: a run of the first shipped scenario (the RSA claim) in mode
/// *Atelier*, after `actions`, showing what the last one did.
#[cfg(test)]
pub(crate) fn shipped_play(seed: u64, actions: Vec<Action>) -> Play {
    shipped_play_of(0, seed, actions)
}

/// For unit tests: a run of the shipped scenario `entry` (0: the RSA claim,
/// 1: the préfecture appointment) in mode *Atelier*.
#[cfg(test)]
pub(crate) fn shipped_play_of(entry: usize, seed: u64, actions: Vec<Action>) -> Play {
    let text = crate::catalog::SHIPPED[entry].1;
    let (scenario, _) = dedale_core::solve::check_with(
        "shipped",
        text,
        &crate::catalog::fragment,
        dedale_core::solve::Limits::default(),
    )
    .expect("the shipped scenario is valid");
    let scenario = Arc::new(scenario);
    let (mut session, out) = Session::start(&scenario, EngineSettings::new(seed));
    let mut last = out.feedback;
    for action in actions {
        last = session.act(action).feedback;
    }
    let state = session.into_state();
    Play {
        entry,
        scenario,
        state,
        last,
        seed,
    }
}

/// A run to resume once the catalog is loaded (put there by the browser's storage).
#[derive(Resource, Clone, Debug)]
pub struct Resume(pub SavedPlay);

/// Resumes a saved run if its scenario is in the catalog and the state still fits it.
pub fn resume(saved: &SavedPlay, catalog: &Catalog) -> Option<Play> {
    let entry = catalog.entries.iter().position(|e| e.file == saved.file)?;
    let scenario = catalog.entries.get(entry)?.scenario.clone().ok()?;
    let session = Session::resume(&scenario, saved.state.clone())?;
    let state = session.into_state();
    if state.ending.is_some() {
        return None;
    }
    Some(Play {
        entry,
        scenario,
        state,
        last: Vec::new(),
        seed: saved.seed,
    })
}

/// Starts a scenario of the catalog: the briefing comes first.
#[derive(Message, Clone, Copy, Debug)]
pub struct StartScenario {
    /// Catalog entry.
    pub entry: usize,
    /// Seed of chance for this run.
    pub seed: u64,
}

/// Something the player does in the portal, the folder, the phone or the dialogue.
#[derive(Message, Clone, Debug)]
pub struct Act(pub Action);

/// What the desk and the sounds react to.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// A new run began: `game.play` holds it from now on.
    Started,
    /// A message arrived on the phone or in the mailbox.
    MessageArrived(Device),
    /// The portal refused the form.
    Refused,
    /// An incident happened.
    Incident,
    /// The run ended.
    Ended(EndingKind),
    /// A file was downloaded into the folder.
    Downloaded,
}

/// The systems that start runs and apply actions: what reads the run's new state goes after them.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActSet;

/// Real seconds not yet sent to the engine as waiting time.
#[derive(Resource, Default)]
pub struct Clock {
    pending: f32,
    /// When the clock last looked at the time.
    last: Option<Instant>,
    /// Whether the player paused the game.
    pub paused: bool,
    /// Whether the page was hidden since the clock last looked (another tab,
    /// a closed lid): that time is not the player's, and counting it would
    /// fire the page's inactivity timeout. Set by the browser glue.
    pub away: bool,
}

impl Clock {
    /// Real time already gone by that the engine has not been told of yet.
    pub fn pending_ms(&self) -> u64 {
        (self.pending * 1000.0) as u64
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Game>()
        .init_resource::<Clock>()
        .add_message::<StartScenario>()
        .add_message::<Act>()
        .add_message::<Cue>()
        .add_systems(Update, start_scenario.in_set(ActSet))
        .add_systems(
            Update,
            (tick_clock, apply_actions)
                .chain()
                .in_set(ActSet)
                .after(start_scenario)
                .run_if(in_state(Screen::Playing)),
        );
}

fn start_scenario(
    mut starts: MessageReader<StartScenario>,
    catalog: Res<Catalog>,
    settings: Res<Settings>,
    mut game: ResMut<Game>,
    mut clock: ResMut<Clock>,
    mut next: ResMut<NextState<Screen>>,
    mut cues: MessageWriter<Cue>,
) {
    for start in starts.read() {
        let Some(Ok(scenario)) = catalog.entries.get(start.entry).map(|e| e.scenario.clone())
        else {
            continue;
        };
        let mode = if scenario.meta.audience.modes().contains(&settings.mode) {
            settings.mode
        } else {
            scenario
                .meta
                .audience
                .modes()
                .first()
                .copied()
                .unwrap_or_default()
        };
        let (session, out) = Session::start(
            &scenario,
            EngineSettings {
                mode,
                ..EngineSettings::new(start.seed)
            },
        );
        let state = session.into_state();
        game.play = Some(Play {
            entry: start.entry,
            scenario: scenario.clone(),
            state,
            last: out.feedback,
            seed: start.seed,
        });
        *clock = Clock::default();
        next.set(Screen::Briefing);
        cues.write(Cue::Started);
    }
}

/// The longest time between two frames that still counts as play. An idle desk
/// wakes at least once a minute (for its clock), so a longer gap means the
/// computer slept or the page was hidden: that time is not the player's, and
/// counting it would show 94 minutes on a page, put them in the trainer's
/// report and fire the page's inactivity timeout.
pub const LONGEST_GAP: Duration = Duration::from_secs(90);

/// Sends real time to the engine each whole second, so inactivity timeouts and code expiry happen as on a real portal.
/// Real time, not Bevy's virtual time: that one counts at most 250 ms per frame.
/// And read here, not from Bevy's `Time<Real>`, which takes its instant from the
/// render world's previous frame: after the desk slept a minute, the frame that
/// wakes it would see almost no time pass, and the minute would only arrive with
/// the next wake-up. A test that moves Bevy's time by hand is followed instead.
fn tick_clock(
    time: Res<Time<Real>>,
    strategy: Res<TimeUpdateStrategy>,
    mut clock: ResMut<Clock>,
    mut acts: MessageWriter<Act>,
) {
    let now = Instant::now();
    let delta = match *strategy {
        TimeUpdateStrategy::Automatic => clock
            .last
            .map_or(Duration::ZERO, |last| now.saturating_duration_since(last)),
        _ => time.delta(),
    };
    clock.last = Some(now);
    let away = std::mem::take(&mut clock.away);
    if clock.paused || away || delta > LONGEST_GAP {
        return;
    }
    clock.pending += delta.as_secs_f32();
    if clock.pending >= 1.0 {
        let seconds = clock.pending.floor();
        clock.pending -= seconds;
        acts.write(Act(Action::Wait {
            seconds: seconds as u32,
        }));
    }
}

fn apply_actions(
    mut acts: MessageReader<Act>,
    mut game: ResMut<Game>,
    mut cues: MessageWriter<Cue>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(play) = game.play.as_mut() else {
        return;
    };
    for Act(action) in acts.read() {
        let Some(mut session) = Session::resume(&play.scenario, play.state.clone()) else {
            return;
        };
        let waiting = matches!(action, Action::Wait { .. });
        let out = session.act(action.clone());
        play.state = session.into_state();
        for f in &out.feedback {
            match f {
                Feedback::Received(id) => {
                    if let Some(m) = play.scenario.message(id) {
                        cues.write(Cue::MessageArrived(m.device));
                    }
                }
                Feedback::Invalid(_) => {
                    cues.write(Cue::Refused);
                }
                Feedback::Downloaded(_) => {
                    cues.write(Cue::Downloaded);
                }
                Feedback::Incident(_) | Feedback::Timeout(_) => {
                    cues.write(Cue::Incident);
                }
                Feedback::Ended(_) => {
                    if let Some(end) = &play.state.ending {
                        cues.write(Cue::Ended(end.kind));
                    }
                }
                _ => {}
            }
        }
        // Waiting that changes nothing keeps the last feedback on screen.
        if !waiting
            || out
                .feedback
                .iter()
                .any(|f| !matches!(f, Feedback::Accepted))
        {
            play.last = out.feedback;
        }
        if play.state.ending.is_some() {
            next.set(Screen::Debrief);
            return;
        }
    }
}

/// A fresh seed for a run: each run differs, and the seed is kept to replay it.
pub fn new_seed() -> u64 {
    getrandom::u64().unwrap_or(0x5eed_deda_1e00)
}
