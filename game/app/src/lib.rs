//! Dédale, the game: a thin, pleasant presentation of `dedale-core`.
//!
//! The logic plugins (settings, catalog, game, screens) run without a window,
//! so headless tests drive the same systems the interface drives; the
//! interface plugins draw with egui over a small Bevy desk scene.

#![warn(missing_docs)]

pub mod catalog;
pub mod debrief;
mod desk;
#[cfg(feature = "dev")]
pub mod dev;
pub mod game;
pub mod i18n;
pub mod metrics;
pub mod mirror;
pub mod screens;
pub mod settings;
mod sound;
pub mod store;
mod theme;
#[cfg(feature = "dev")]
pub mod tour;
pub mod trainer;
pub(crate) mod ui;
#[cfg(target_family = "wasm")]
pub mod web;

use bevy::prelude::*;

/// Everything that runs without a window: what headless tests use.
pub struct LogicPlugin;

impl Plugin for LogicPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((
            store::plugin,
            settings::plugin,
            catalog::plugin,
            game::plugin,
            screens::plugin,
            metrics::plugin,
            trainer::plugin,
        ));
    }
}

/// The whole game, with its window, interface, desk and sounds.
pub struct AppPlugin;

impl Plugin for AppPlugin {
    fn build(&self, app: &mut App) {
        #[cfg(target_family = "wasm")]
        app.add_plugins(web::plugin);
        app.add_plugins(bevy_egui::EguiPlugin::default())
            .add_plugins(LogicPlugin)
            .add_plugins((theme::plugin, ui::plugin, sound::plugin, desk::plugin));
    }
}
