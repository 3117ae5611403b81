//! The hidden page a screen reader operates, compiled only for WebAssembly.
//! `mirror` writes the screen as HTML with real controls; this module puts
//! it in the page's `#mirror` element, and turns what is done there back into
//! the game's messages:
//!
//! - **Rebuilt only on change**: the HTML is compared with the last one
//!   written, and typed values are not part of it (they are set on the inputs
//!   one by one, and only when they differ), so typing rebuilds nothing and
//!   an idle game touches nothing. When a rebuild happens under the keyboard,
//!   the focus, the caret and the open documents and messages are kept.
//! - **Actions**: one listener per event type on `#mirror` reads the control's
//!   `data-do`, `data-id` and `data-arg` (`mirror::command`) and queues the
//!   command; the same `Act` the egui control would send reaches the engine,
//!   so metrics and the canvas follow.
//! - **Waking the game**: with reactive rendering the game sleeps while
//!   nothing happens; each DOM event wakes it through winit's event loop
//!   proxy, without taking the keyboard from the hidden page.
//! - **Focus**: an input of the hidden page that takes the focus gives the
//!   game's focus to the same input, so the canvas's orange ring shows where a
//!   screen-reader user is. The other way, the game never takes the focus
//!   from the canvas; but when the keyboard is in the hidden page, it follows
//!   the game's rules there: a new screen or page puts it on the main heading
//!   (read first), a refused form on the first input in error.
//!   The session-expiry warning puts it on the button that gives more time.
//! - **Live region**: the session-expiry warning, incidents, the form's
//!   errors, hints and arrived messages are said in `#annonce` (`role="status"`).

use std::cell::RefCell;

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use bevy_egui::EguiContexts;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

use crate::catalog::Catalog;
use crate::game::{Act, ActSet, Cue, Game, StartScenario, new_seed};
use crate::mirror::{self, Command};
use crate::screen::Screen;
use crate::screens::playing::{Desk, input_id, show_on_desk};
use crate::screens::trainer::Trainer;
use crate::settings::Settings;

thread_local! {
    /// What the hidden page asked, waiting for the next frame (the browser runs one thread).
    static QUEUE: RefCell<Vec<Command>> = const { RefCell::new(Vec::new()) };
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, listen)
        .add_systems(Update, (obey.before(ActSet), reflect.after(ActSet)));
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Listens to the hidden page's controls, once: clicks, typing, changes, Enter
/// in a text input and focus, each waking the game.
fn listen(proxy: Option<Res<EventLoopProxyWrapper>>) {
    let Some(root) = document().and_then(|d| d.get_element_by_id("mirror")) else {
        return;
    };
    let proxy = proxy.map(|p| (**p).clone());
    for kind in ["click", "input", "change", "keydown", "focusin"] {
        let proxy = proxy.clone();
        let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(command) = read(&event) else {
                return;
            };
            QUEUE.with(|q| q.borrow_mut().push(command));
            if let Some(proxy) = &proxy {
                let _ = proxy.send_event(WinitUserEvent::WakeUp);
            }
        });
        let _ = root.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
        // The page keeps its listeners as long as it lives.
        handler.forget();
    }
}

/// The command of a DOM event, from the control it happened on.
fn read(event: &web_sys::Event) -> Option<Command> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let control = target.closest("[data-do]").ok()??;
    let attribute = |name: &str| control.get_attribute(name).unwrap_or_default();
    let mut kind = event.type_();
    if kind == "keydown" {
        let key = event.dyn_ref::<web_sys::KeyboardEvent>()?;
        if key.key() != "Enter" || control.tag_name() != "INPUT" {
            return None;
        }
        event.prevent_default();
        kind = "enter".into();
    }
    let (value, checked) = if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        (input.value(), input.checked())
    } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        (select.value(), false)
    } else {
        // A document's or message's summary: whether it was open before this click.
        let open = control
            .parent_element()
            .is_some_and(|d| d.has_attribute("open"));
        (String::new(), open)
    };
    mirror::command(
        &kind,
        &attribute("data-do"),
        &attribute("data-id"),
        &attribute("data-arg"),
        &value,
        checked,
    )
}

/// What the game needs to carry out the hidden page's commands.
#[derive(bevy::ecs::system::SystemParam)]
struct Hands<'w, 's> {
    acts: MessageWriter<'w, Act>,
    starts: MessageWriter<'w, StartScenario>,
    next: ResMut<'w, NextState<Screen>>,
    settings: ResMut<'w, Settings>,
    desk: ResMut<'w, Desk>,
    contexts: EguiContexts<'w, 's>,
}

/// Carries out what the hidden page asked, as the egui controls do.
fn obey(mut hands: Hands, game: Res<Game>) {
    let commands = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
    for command in commands {
        match command {
            Command::Act(action) => {
                show_on_desk(&mut hands.desk, &action);
                hands.acts.write(Act(action));
            }
            Command::Focus(field) => {
                if let Ok(ctx) = hands.contexts.ctx_mut() {
                    ctx.memory_mut(|m| m.request_focus(input_id(&field)));
                }
            }
            Command::Go(screen) => hands.next.set(screen),
            Command::Play(entry) => {
                hands.starts.write(StartScenario {
                    entry,
                    seed: new_seed(),
                });
            }
            Command::Replay => {
                if let Some(play) = &game.play {
                    hands.starts.write(StartScenario {
                        entry: play.entry,
                        seed: new_seed(),
                    });
                }
            }
            Command::Lang(lang) => hands.settings.lang = lang,
            Command::Mode(mode) => hands.settings.mode = mode,
        }
        // Draw what changed on the canvas too.
        if let Ok(ctx) = hands.contexts.ctx_mut() {
            ctx.request_repaint();
        }
    }
}

/// What the hidden page last showed.
#[derive(Default)]
struct Shown {
    html: String,
    place: String,
    values: Vec<(String, String)>,
    said: String,
    /// Whether the session-expiry warning was shown.
    warned: bool,
}

/// Puts the screen into the hidden page when it changed, and the typed values into its inputs.
#[allow(clippy::too_many_arguments)]
fn reflect(
    game: Res<Game>,
    trainer: Res<Trainer>,
    catalog: Res<Catalog>,
    settings: Res<Settings>,
    screen: Res<State<Screen>>,
    mut cues: MessageReader<Cue>,
    mut shown: Local<Shown>,
) {
    let refused = cues.read().any(|c| *c == Cue::Refused);
    let (screen, play) = (*screen.get(), game.play.as_ref());
    let html = mirror::html(screen, play, &catalog, &trainer.report, &settings);
    let place = mirror::place(screen, play);
    let Some(document) = document() else { return };
    let Some(root) = document.get_element_by_id("mirror") else {
        return;
    };
    let rebuilt = html != shown.html;
    if rebuilt {
        rebuild(&document, &root, &html, place != shown.place);
        shown.html = html;
        shown.place = place;
    }
    let values = mirror::values(screen, play);
    if rebuilt || values != shown.values {
        for (id, value) in &values {
            if let Some(input) = document
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                && input.value() != *value
            {
                input.set_value(value);
            }
        }
        shown.values = values;
    }
    if refused && inside(&document, &root) {
        focus_first_error(&root, play);
    }
    // The session is about to expire: the keyboard goes to the button that
    // gives more time, as the game's dialog takes it.
    let extend = document.get_element_by_id(EXTEND_ID);
    if !shown.warned
        && inside(&document, &root)
        && let Some(button) = extend.as_ref().and_then(|e| e.dyn_ref::<HtmlElement>())
    {
        let _ = button.focus();
    }
    shown.warned = extend.is_some();
    let said = mirror::announcement(screen, play, settings.lang);
    if said != shown.said {
        if let Some(region) = document.get_element_by_id("annonce") {
            region.set_text_content(Some(&said));
        }
        shown.said = said;
    }
}

/// The HTML id of the session-expiry warning's button (`mirror::button`'s id for `extend`).
const EXTEND_ID: &str = "sd-extend--";

/// Whether the keyboard is in the hidden page.
fn inside(document: &web_sys::Document, root: &Element) -> bool {
    document
        .active_element()
        .is_some_and(|a| root.contains(Some(a.unchecked_ref())))
}

/// Replaces the hidden page, keeping what a rebuild would lose under the
/// keyboard: the focused control and its caret, and the open documents and
/// messages. On a new screen or page the keyboard goes to the main heading.
fn rebuild(document: &web_sys::Document, root: &Element, html: &str, moved: bool) {
    let had_focus = inside(document, root);
    let focused = document.active_element().map(|a| a.id());
    let caret = document
        .active_element()
        .and_then(|a| a.dyn_into::<HtmlInputElement>().ok())
        .and_then(|i| Some((i.selection_start().ok()??, i.selection_end().ok()??)));
    let mut open = Vec::new();
    if let Ok(list) = root.query_selector_all("details[open]") {
        for i in 0..list.length() {
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                open.push(e.id());
            }
        }
    }
    root.set_inner_html(html);
    for id in open {
        if let Some(e) = document.get_element_by_id(&id) {
            let _ = e.set_attribute("open", "");
        }
    }
    if !had_focus {
        return;
    }
    let again = focused
        .filter(|id| !moved && !id.is_empty())
        .and_then(|id| document.get_element_by_id(&id));
    let target = again.or_else(|| document.get_element_by_id(mirror::HEADING_ID));
    if let Some(target) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        let _ = target.focus();
        if let (Some(input), Some((start, end))) = (target.dyn_ref::<HtmlInputElement>(), caret) {
            let _ = input.set_selection_range(start, end);
        }
    }
}

/// After a refused form, the keyboard goes to the first input in error, as in the game.
fn focus_first_error(root: &Element, play: Option<&crate::game::Play>) {
    let Some(field) = play.and_then(|p| p.state.errors.first()).map(|e| &e.field) else {
        return;
    };
    let id = field.replace('"', "");
    let selector = format!(
        "input[data-id=\"{id}\"], select[data-id=\"{id}\"], button[data-do=\"upload\"][data-id=\"{id}\"]"
    );
    if let Some(e) = root
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}
