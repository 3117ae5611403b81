//! The screens, as states. This module holds the logic of moving between
//! them; the `ui` module draws each one.

use bevy::prelude::*;

use crate::catalog::Catalog;
use crate::game::{Game, Resume, StartScenario, resume};
use crate::settings::Settings;

/// Where the player is.
#[derive(States, Default, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Checking the scenarios, with a progress bar.
    #[default]
    Loading,
    /// Language, mode and settings.
    Title,
    /// A card per scenario.
    Choice,
    /// Who the persona is, the goal, the folder.
    Briefing,
    /// At the desk, in front of the portal.
    Playing,
    /// How it went, and what to remember.
    Debrief,
    /// The trainer's space: group code, sessions, exports, report.
    Trainer,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_systems(Update, load.run_if(in_state(Screen::Loading)));
}

/// Checks one scenario a frame, then opens the title (or the scenario given on the command line).
fn load(
    mut catalog: ResMut<Catalog>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut starts: MessageWriter<StartScenario>,
    saved: Option<Res<Resume>>,
    mut game: ResMut<Game>,
) {
    if catalog.check_next(settings.lang) {
        return;
    }
    // A trainer who names a file wants that file, not the run left last time.
    if catalog.open_directly.is_none()
        && let Some(play) = saved.and_then(|r| resume(&r.0, &catalog))
    {
        game.play = Some(play);
        next.set(Screen::Playing);
        return;
    }
    match catalog.open_directly {
        Some(entry)
            if catalog
                .entries
                .get(entry)
                .is_some_and(|e| e.scenario.is_ok()) =>
        {
            starts.write(StartScenario {
                entry,
                seed: new_seed(),
            });
        }
        // A trainer's file with errors: the choice screen shows them, line and column.
        Some(_) => next.set(Screen::Choice),
        None => next.set(Screen::Title),
    }
}

/// A fresh seed for a run: each run differs, and the seed is kept to replay it.
pub fn new_seed() -> u64 {
    getrandom::u64().unwrap_or(0x5eed_deda_1e00)
}
