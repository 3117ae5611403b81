//! Dédale, the game: a thin, pleasant presentation of `dedale-core`.
//!
//! The logic plugins (settings, catalog, game, screens) run without a window,
//! so headless tests drive the same systems the interface drives; the
//! interface plugins draw everything with egui, desk included, which Bevy's
//! renderer paints natively and egui_glow with WebGL2 in the browser
//! (`glpaint`).
//!
//! Where things live: a screen in `screens/` (one module each: its logic and
//! its drawing), the screen state in `screen`, what the screens' drawing
//! shares in `ui` and `theme`, the run in `game`. Rules, events, the debrief
//! and the report's words are the core's (`dedale-core`). Dependencies point
//! one way (no module imports one that imports it back): the workspace test
//! `cargo test -p dedale-tests --test layout` checks it.

#![warn(missing_docs)]

#[cfg(target_family = "wasm")]
mod browser;
pub mod catalog;
pub mod collect;
mod desk;
#[cfg(feature = "dev")]
pub mod dev;
pub mod game;
#[cfg(target_family = "wasm")]
mod glpaint;
pub mod i18n;
pub mod metrics;
pub mod mirror;
pub mod screen;
pub mod screens;
#[cfg(target_family = "wasm")]
mod semdom;
pub mod settings;
mod sound;
pub mod speech;
pub mod store;
mod theme;
#[cfg(feature = "dev")]
pub mod tour;
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
            collect::plugin,
        ));
    }
}

/// The whole game, with its window, interface, desk and sounds.
pub struct AppPlugin;

impl Plugin for AppPlugin {
    fn build(&self, app: &mut App) {
        #[cfg(target_family = "wasm")]
        app.add_plugins((web::plugin, semdom::plugin, glpaint::plugin));
        app.add_plugins(bevy_egui::EguiPlugin::default())
            .add_plugins(LogicPlugin)
            .add_plugins((
                theme::plugin,
                ui::plugin,
                sound::plugin,
                speech::plugin,
                desk::plugin,
            ));
    }
}
