//! What the headless tests share: an app without a window, the loading, and
//! the way from a scenario's briefing to the desk.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use dedale::LogicPlugin;
use dedale::game::{Act, Game, StartScenario};
use dedale::screen::Screen;
use dedale::store::Store;
use dedale_core::engine::Action;

/// The game's logic without a window, keeping things in `store`.
pub fn app_with(store: Store) -> App {
    let mut app = App::new();
    app.insert_resource(store)
        .add_plugins((MinimalPlugins, StatesPlugin, LogicPlugin));
    app
}

/// The game's logic without a window, keeping things in memory.
pub fn app() -> App {
    app_with(Store::default())
}

pub fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// Runs frames until the loading screen has checked every scenario.
pub fn loaded(app: &mut App) {
    for _ in 0..40 {
        app.update();
        let read = app
            .world()
            .resource::<dedale::catalog::Catalog>()
            .pending
            .is_empty();
        if screen(app) != Screen::Loading && read {
            return;
        }
    }
    panic!("still loading");
}

/// Starts a scenario and goes from its briefing to the desk, as the player's "Commencer" does.
pub fn start_playing(app: &mut App, entry: usize, seed: u64) {
    app.world_mut().write_message(StartScenario { entry, seed });
    app.update();
    app.update();
    assert_eq!(screen(app), Screen::Briefing);
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Playing);
    app.update();
    assert_eq!(screen(app), Screen::Playing);
}

/// Does what the player does, and lets a frame pass.
pub fn act(app: &mut App, action: Action) {
    app.world_mut().write_message(Act(action));
    app.update();
}

/// The engine's state of the run under way, which the app keeps no copy of.
pub fn state(app: &App) -> &dedale_core::engine::State {
    &app.world()
        .resource::<Game>()
        .play
        .as_ref()
        .expect("a run is under way")
        .state
}

/// The engine's events so far in the run under way.
pub fn events(app: &App) -> usize {
    app.world()
        .resource::<Game>()
        .play
        .as_ref()
        .map_or(0, |p| p.state.events.len())
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh folder under the system's temporary folder.
pub fn temp_dir(name: &str) -> PathBuf {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("random");
    let dir = std::env::temp_dir().join(format!("dedale-{name}-{}", u64::from_le_bytes(bytes)));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
