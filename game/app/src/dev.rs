//! Dev tools, compiled only with the `dev` feature: the trainer's scenario file
//! is watched and reloaded when it changes; check errors show in the game
//! (choice screen, with line and column) instead of crashing. Screen changes are logged.

use std::path::PathBuf;
use std::time::SystemTime;

use bevy::prelude::*;

use crate::catalog::{Catalog, Entry};
use crate::game::new_seed;
use crate::game::{Game, StartScenario};
use crate::screen::Screen;
use crate::settings::Settings;

#[derive(Resource)]
struct Watched {
    path: PathBuf,
    modified: Option<SystemTime>,
    timer: Timer,
}

/// A plugin that watches `path`.
pub fn watch(path: String) -> impl Fn(&mut App) {
    move |app: &mut App| {
        let path = PathBuf::from(&path);
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        app.insert_resource(Watched {
            path,
            modified,
            timer: Timer::from_seconds(1.0, TimerMode::Repeating),
        })
        .add_systems(Update, (reload, log_screens));
    }
}

fn reload(
    time: Res<Time>,
    mut watched: ResMut<Watched>,
    mut catalog: ResMut<Catalog>,
    settings: Res<Settings>,
    game: Res<Game>,
    mut starts: MessageWriter<StartScenario>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !watched.timer.tick(time.delta()).just_finished() {
        return;
    }
    let modified = std::fs::metadata(&watched.path)
        .and_then(|m| m.modified())
        .ok();
    if modified == watched.modified {
        return;
    }
    watched.modified = modified;
    let name = watched.path.display().to_string();
    let Ok(text) = std::fs::read_to_string(&watched.path) else {
        return;
    };
    let entry = Entry::check(&name, &text, settings.lang);
    let valid = entry.scenario.is_ok();
    let index = catalog.replace(entry);
    info!(
        "{name} rechargé ({})",
        if valid { "valide" } else { "avec des erreurs" }
    );
    if valid {
        let seed = game.play.as_ref().map_or_else(new_seed, |p| p.seed);
        starts.write(StartScenario { entry: index, seed });
    } else {
        next.set(Screen::Choice);
    }
}

fn log_screens(screen: Res<State<Screen>>) {
    if screen.is_changed() {
        info!("écran : {:?}", screen.get());
    }
}
