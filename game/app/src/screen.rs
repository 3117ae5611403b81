//! Where the player is: the screens, as a state, and nothing else. Every
//! module may ask which screen is shown (to record, to save, to mirror)
//! without depending on the screens themselves, which live in `screens/`,
//! one module each with its logic and its drawing.

use bevy::prelude::*;

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
