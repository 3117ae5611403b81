//! The browser glue, compiled only for WebAssembly: settings and an
//! interrupted run are kept in `localStorage` (a reload resumes), scenario
//! files opened or dropped on the page are checked and offered, and the
//! screen is mirrored as text into the page's ARIA live region.

use bevy::prelude::*;
use wasm_bindgen::JsValue;

use crate::catalog::{Catalog, Entry};
use crate::game::{Game, Resume, SavedPlay, StartScenario};
use crate::screens::{Screen, new_seed};
use crate::settings::Settings;

const SETTINGS: &str = "dedale.reglages";
const PLAY: &str = "dedale.partie";

pub(super) fn plugin(app: &mut App) {
    if let Some(settings) = read(SETTINGS).and_then(|t| serde_json::from_str::<Settings>(&t).ok()) {
        app.insert_resource(settings);
    }
    if let Some(saved) = read(PLAY).and_then(|t| serde_json::from_str::<SavedPlay>(&t).ok()) {
        app.insert_resource(Resume(saved));
    }
    app.add_systems(Update, (keep_settings, keep_play, take_files, mirror));
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Writes to storage; a full storage must never interrupt the player, so errors are ignored.
fn write(key: &str, value: Option<String>) {
    if let Some(s) = storage() {
        let _ = match value {
            Some(v) => s.set_item(key, &v),
            None => s.remove_item(key),
        };
    }
}

fn keep_settings(settings: Res<Settings>) {
    if settings.is_changed() {
        write(SETTINGS, serde_json::to_string(&*settings).ok());
    }
}

/// Saves the run after every change while it is under way; forgets it once it has ended.
fn keep_play(game: Res<Game>, catalog: Res<Catalog>, screen: Res<State<Screen>>) {
    if !game.is_changed() && !screen.is_changed() {
        return;
    }
    let under_way = matches!(screen.get(), Screen::Briefing | Screen::Playing);
    let saved = game
        .play
        .as_ref()
        .filter(|_| under_way)
        .and_then(|p| p.save(&catalog));
    write(PLAY, saved.and_then(|s| serde_json::to_string(&s).ok()));
}

/// Takes the files the page queued (`window.dedaleFiles`): a valid one is played at once,
/// one with errors is shown on the choice screen with its lines and columns.
fn take_files(
    mut catalog: ResMut<Catalog>,
    settings: Res<Settings>,
    screen: Res<State<Screen>>,
    mut starts: MessageWriter<StartScenario>,
    mut next: ResMut<NextState<Screen>>,
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

use wasm_bindgen::JsCast;

fn mirror(
    game: Res<Game>,
    catalog: Res<Catalog>,
    settings: Res<Settings>,
    screen: Res<State<Screen>>,
    mut last: Local<String>,
) {
    let html = crate::mirror::html(*screen.get(), game.play.as_ref(), &catalog, settings.lang);
    if *last == html {
        return;
    }
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("mirror"))
    else {
        return;
    };
    element.set_inner_html(&html);
    *last = html;
}

/// Asks the page to open its file picker (the trainer's "open a scenario" button).
pub fn open_file_picker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str("dedaleOpenFile")) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.call0(&JsValue::NULL);
        }
    }
}
