//! The browser glue, compiled only for WebAssembly: scenario files opened or
//! dropped on the page are checked and offered, exported sessions opened
//! there go to the trainer's screen. (The hidden page a screen reader reads
//! and operates is the `semdom` module's business, what is kept in
//! `localStorage` the `store` module's.)

use bevy::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::catalog::{Catalog, Entry};
use crate::game::StartScenario;
use crate::game::new_seed;
use crate::screen::Screen;
use crate::screens::trainer::Trainer;
use crate::settings::Settings;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, take_files);
}

/// Takes the files the page queued (`window.dedaleFiles`): a valid scenario is played at once,
/// one with errors is shown on the choice screen with its lines and columns, and exported
/// sessions (`.jsonl`) open in the trainer's space.
fn take_files(
    mut catalog: ResMut<Catalog>,
    settings: Res<Settings>,
    screen: Res<State<Screen>>,
    mut starts: MessageWriter<StartScenario>,
    mut next: ResMut<NextState<Screen>>,
    mut trainer: ResMut<Trainer>,
) {
    if *screen.get() == Screen::Loading {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(queue) = js_sys::Reflect::get(&window, &JsValue::from_str("dedaleFiles")) else {
        return;
    };
    let Ok(queue) = queue.dyn_into::<js_sys::Array>() else {
        return;
    };
    while queue.length() > 0 {
        let file = queue.shift();
        let field = |name: &str| {
            js_sys::Reflect::get(&file, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
        };
        let (Some(name), Some(text)) = (field("name"), field("text")) else {
            continue;
        };
        if name.ends_with(".jsonl") {
            trainer.open_file(&name, &text, settings.lang);
            next.set(Screen::Trainer);
            continue;
        }
        let entry = Entry::check(&name, &text, settings.lang);
        let valid = entry.scenario.is_ok();
        let index = catalog.replace(entry);
        if valid {
            starts.write(StartScenario {
                entry: index,
                seed: new_seed(),
            });
        } else {
            next.set(Screen::Choice);
        }
    }
}
