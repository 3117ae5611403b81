//! The screens, one module each, holding its logic and its drawing: the
//! layout says where a screen is. Drawing systems run in egui's pass, which
//! only the windowed game has; headless tests run the same plugins and their
//! logic alone.

pub mod briefing;
pub mod choice;
pub mod debrief;
pub mod loading;
pub mod playing;
pub mod title;
pub mod trainer;

use bevy::prelude::*;

use crate::screen::Screen;

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>().add_plugins((
        loading::plugin,
        title::plugin,
        choice::plugin,
        briefing::plugin,
        playing::plugin,
        debrief::plugin,
        trainer::plugin,
    ));
}
