//! The browser glue, compiled only for WebAssembly: scenario files opened or
//! dropped on the page are checked and offered, exported sessions opened
//! there go to the trainer's screen. (The hidden page a screen reader reads
//! and operates is the `semdom` module's business, what is kept in
//! `localStorage` the `store` module's.)

use bevy::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::catalog::{Catalog, Entry};
use crate::game::new_seed;
use crate::game::{Clock, StartScenario};
use crate::screen::Screen;
use crate::screens::trainer::Trainer;
use crate::settings::Settings;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, take_files)
        .add_systems(First, away)
        .add_systems(Last, updates)
        // In the same pass as the report: once a control is scrolled into
        // view, the game may draw no further frame to tell the page.
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            focus.after(crate::ui::report_focus),
        );
}

/// Hands the keyboard focus to the page as `window.dedaleFocus`
/// (`{label, x, y, w, h, vw, vh}`, in the game's points).
fn focus(focus: Res<crate::ui::Focus>) {
    if !focus.is_changed() {
        return;
    }
    let report = js_sys::Object::new();
    let set = |key: &str, value: JsValue| set_on(&report, key, &value);
    set("label", JsValue::from_str(&focus.label));
    if let Some([x, y, w, h]) = focus.rect {
        for (key, v) in [("x", x), ("y", y), ("w", w), ("h", h)] {
            set(key, JsValue::from_f64(f64::from(v)));
        }
    }
    set("vw", JsValue::from_f64(f64::from(focus.viewport[0])));
    set("vh", JsValue::from_f64(f64::from(focus.viewport[1])));
    tell_page("dedaleFocus", &report);
}

/// Sets `window[name]`, where the page and the browser tests read what the game tells them.
fn tell_page(name: &str, value: &JsValue) {
    if let Some(window) = web_sys::window() {
        set_on(&window, name, value);
    }
}

fn set_on(object: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

/// Tells the page, after each update, how many there were and whether the
/// game asked for another frame at once (`window.dedaleUpdates`,
/// `window.dedaleBusy`). A browser test waits on these for the game to have
/// done what a key asked (a Tab's focus lands in the frame after the key, a
/// scroll moves over several), however slow a frame is in software
/// rendering; counting the page's animation frames could not tell.
fn updates(mut redraws: MessageReader<bevy::window::RequestRedraw>, mut count: Local<u32>) {
    let busy = redraws.read().count() > 0;
    *count = count.wrapping_add(1);
    tell_page("dedaleUpdates", &JsValue::from_f64(f64::from(*count)));
    tell_page("dedaleBusy", &JsValue::from_bool(busy));
}

/// Tells the clock when the page is hidden, or was since its last look
/// (`window.dedaleVisibilityChanges`, counted by loader.js).
fn away(mut clock: ResMut<Clock>, mut seen: Local<f64>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hidden = window.document().is_some_and(|d| d.hidden());
    let changes = js_sys::Reflect::get(&window, &JsValue::from_str("dedaleVisibilityChanges"))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    if hidden || changes != *seen {
        *seen = changes;
        clock.away = true;
    }
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
    if queue.length() > 0 {
        // A file dropped on the title replaces its shipped namesake: read them all first.
        catalog.check_all(settings.lang);
    }
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
