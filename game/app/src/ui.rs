//! What every screen's drawing shares: the system set the screens draw in
//! (after the style is applied), the keyboard focus given to a screen's main
//! control on arrival, and two fixes that keep an idle game from drawing.
//! The screens themselves live in `screens/`.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use crate::i18n::{Strings, strings};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::theme::StyleSet;
use crate::theme::palette::Palette;

/// Systems that draw the interface, after the style is applied.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct UiSet;

/// Set when the screen changes: the new screen gives the keyboard focus to its main control.
#[derive(Resource, Default)]
pub(crate) struct FreshScreen(pub bool);

fn mark_fresh(screen: Res<State<Screen>>, mut fresh: ResMut<FreshScreen>) {
    if screen.is_changed() {
        fresh.0 = true;
    }
}

/// Focuses `response` if the screen has just appeared.
pub(crate) fn focus_on_arrival(fresh: &mut FreshScreen, response: &bevy_egui::egui::Response) {
    if fresh.0 {
        fresh.0 = false;
        response.request_focus();
    }
}

/// With reactive rendering, egui settles what an input changed (where `Tab`
/// moved the focus, a button's new look) in the frame after it: ask for
/// that frame at once, or the focus ring would only move at the next key.
fn settle_after_input(mut contexts: bevy_egui::EguiContexts) -> Result {
    let ctx = contexts.ctx_mut()?;
    if ctx.input(|i| !i.events.is_empty()) {
        ctx.request_repaint();
    }
    Ok(())
}

/// bevy_egui 0.42 sends the modifier keys' state to egui as an event on every
/// frame, even unchanged; egui asks for a repaint whenever a frame has events,
/// so with reactive rendering each frame asked for the next and an idle game
/// drew without end (two whole cores under software rendering). An unchanged
/// state tells egui nothing: drop it before the pass begins.
fn drop_unchanged_modifiers(
    mut contexts: Query<(&mut bevy_egui::EguiInput, &mut bevy_egui::EguiContext)>,
) {
    for (mut input, mut context) in &mut contexts {
        let held = context.get_mut().input(|i| i.modifiers);
        input
            .events
            .retain(|e| !matches!(e, bevy_egui::egui::Event::ModifiersChanged(m) if *m == held));
    }
}

/// bevy_egui gives every key of a frame the modifiers held at the frame's
/// end, so a quick Shift+Tab, Shift released within one frame (a slow frame,
/// in software rendering on an old laptop), reached egui as Tab, and the
/// focus went forward instead of back; a quick Alt+L (read the page aloud)
/// reached it as L. Each key press gets the Shift, Alt and Ctrl of its own
/// moment, read from the keyboard's messages in order.
fn modifiers_of_each_key(
    mut keys: MessageReader<bevy::input::keyboard::KeyboardInput>,
    mut lost: MessageReader<bevy::input::keyboard::KeyboardFocusLost>,
    mut held: Local<Held>,
    mut contexts: Query<&mut bevy_egui::EguiInput>,
) {
    // Keys held when the window lost the focus are released for us too.
    if lost.read().count() > 0 {
        *held = Held::default();
    }
    let presses = modifiers_at_presses(
        keys.read()
            .map(|k| (k.logical_key.clone(), k.state.is_pressed())),
        &mut held,
    );
    if presses.is_empty() {
        return;
    }
    for mut input in &mut contexts {
        give_modifiers(&mut input.events, &presses);
    }
}

/// Which modifier keys are down, carried from one frame to the next.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Held {
    shift: bool,
    alt: bool,
    ctrl: bool,
}

/// Each key pressed in the frame, as egui names it, with the modifiers held
/// at that moment, in order.
fn modifiers_at_presses(
    keys: impl Iterator<Item = (bevy::input::keyboard::Key, bool)>,
    held: &mut Held,
) -> Vec<(bevy_egui::egui::Key, Held)> {
    use bevy::input::keyboard::Key;
    let mut presses = Vec::new();
    for (key, pressed) in keys {
        match key {
            Key::Shift => held.shift = pressed,
            Key::Alt => held.alt = pressed,
            Key::Control => held.ctrl = pressed,
            other if pressed => {
                if let Some(k) = bevy_egui::helpers::bevy_to_egui_key(&other) {
                    presses.push((k, *held));
                }
            }
            _ => {}
        }
    }
    presses
}

/// Gives egui's key presses of a frame, in order, the modifiers of their moment.
fn give_modifiers(events: &mut [bevy_egui::egui::Event], presses: &[(bevy_egui::egui::Key, Held)]) {
    let mut next = 0;
    for event in events {
        if let bevy_egui::egui::Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } = event
            && let Some(at) = presses[next..].iter().position(|(k, _)| k == key)
        {
            let held = presses[next + at].1;
            next += at + 1;
            modifiers.shift = held.shift;
            modifiers.alt = held.alt;
            modifiers.ctrl = held.ctrl;
            modifiers.command = modifiers.mac_cmd || held.ctrl;
        }
    }
}

/// The control that has the keyboard focus and where it is, in points, with
/// the window's size: the browser build hands it to the page
/// (`window.dedaleFocus`), so the keyboard tests check that each focused
/// control is on screen, and find a control by its name as a screen reader does.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct Focus {
    /// Its name, as a screen reader says it (a button's text, a field's label).
    pub label: String,
    /// Where it is drawn (left, top, width, height), if it is drawn.
    pub rect: Option<[f32; 4]>,
    /// The window's width and height.
    pub viewport: [f32; 2],
    /// The widget it is, so a change of control is seen even between two
    /// controls of the same name.
    pub id: Option<bevy_egui::egui::Id>,
}

/// A control given the focus by code after it was drawn (a screen's main
/// button on arrival, a page's first field, the list after a choice): egui
/// names a control only in the frame it *gains* the focus, which for these
/// has already passed, so the game would keep reporting the control before
/// it. The focus is taken back and given again at the start of the next
/// frame, before the control is drawn, so that egui names it.
/// Once per control: one that is not drawn in the next frame stays unnamed.
#[derive(Resource, Default)]
pub(crate) struct GiveAgain {
    pending: Option<bevy_egui::egui::Id>,
    tried: Option<bevy_egui::egui::Id>,
}

fn give_again(mut contexts: bevy_egui::EguiContexts, mut again: ResMut<GiveAgain>) -> Result {
    give_focus_again(contexts.ctx_mut()?, &mut again);
    Ok(())
}

fn give_focus_again(ctx: &bevy_egui::egui::Context, again: &mut GiveAgain) {
    if let Some(id) = again.pending.take() {
        ctx.memory_mut(|m| m.request_focus(id));
        // egui sets a control's key filter (a list keeps its arrows, a field
        // its Enter) only once it had the focus in the frame before: one
        // more frame, so the player's next key finds it set.
        ctx.request_repaint();
    }
}

pub(crate) fn report_focus(
    mut contexts: bevy_egui::EguiContexts,
    mut focus: ResMut<Focus>,
    mut again: ResMut<GiveAgain>,
) -> Result {
    let next = name_focus(contexts.ctx_mut()?, &focus, &mut again);
    if let Some(next) = next
        && *focus != next
    {
        *focus = next;
    }
    Ok(())
}

/// The focus as it stands at the end of the frame's drawing, or none while
/// a control given by code waits to be named (`GiveAgain`).
fn name_focus(
    ctx: &bevy_egui::egui::Context,
    focus: &Focus,
    again: &mut GiveAgain,
) -> Option<Focus> {
    let gained = ctx.output(|o| {
        o.events.iter().rev().find_map(|e| match e {
            bevy_egui::egui::output::OutputEvent::FocusGained(info) => {
                Some(info.label.clone().unwrap_or_default())
            }
            _ => None,
        })
    });
    let id = ctx.memory(|m| m.focused());
    let moved = id != focus.id;
    if gained.is_some() {
        again.tried = None;
    }
    if gained.is_none()
        && moved
        && let Some(id) = id
        && again.tried != Some(id)
    {
        // Given by code, unnamed: again next frame (see `GiveAgain`).
        ctx.memory_mut(|m| m.surrender_focus(id));
        again.pending = Some(id);
        again.tried = Some(id);
        ctx.request_repaint();
        return None;
    }
    let rect = id
        .and_then(|id| ctx.read_response(id))
        .map(|r| [r.rect.min.x, r.rect.min.y, r.rect.width(), r.rect.height()]);
    let view = ctx.viewport_rect();
    let mut next = Focus {
        label: gained.unwrap_or_else(|| {
            if moved {
                String::new()
            } else {
                focus.label.clone()
            }
        }),
        rect,
        viewport: [view.width(), view.height()],
        id,
    };
    if rect.is_none() {
        next.label.clear();
    }
    Some(next)
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FreshScreen>()
        .init_resource::<Focus>()
        .init_resource::<GiveAgain>()
        .add_systems(Update, mark_fresh)
        .add_systems(
            EguiPrimaryContextPass,
            (settle_after_input, report_focus).after(UiSet),
        )
        .add_systems(EguiPrimaryContextPass, give_again.before(UiSet))
        .add_systems(
            PreUpdate,
            (drop_unchanged_modifiers, modifiers_of_each_key)
                .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
                .before(bevy_egui::EguiPreUpdateSet::BeginPass),
        );
    app.configure_sets(EguiPrimaryContextPass, UiSet.after(StyleSet));
}

/// What every screen needs to draw: the strings of the language and the palette.
pub(crate) fn look(settings: &Settings) -> (&'static Strings, Palette) {
    (strings(settings.lang), Palette::get(settings.high_contrast))
}

#[cfg(test)]
mod tests {
    use bevy::input::keyboard::Key;
    use bevy_egui::egui;

    use super::*;

    fn tab(shift: bool) -> egui::Event {
        egui::Event::Key {
            key: egui::Key::Tab,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers {
                shift,
                ..egui::Modifiers::NONE
            },
        }
    }

    #[test]
    fn a_quick_shift_tab_within_one_frame_stays_a_shift_tab() {
        // Shift down, Tab, Shift up, then a plain Tab, all in one frame: at
        // the frame's end Shift is up, and bevy_egui wrote both Tabs without it.
        let mut held = Held::default();
        let keys = [
            (Key::Shift, true),
            (Key::Tab, true),
            (Key::Tab, false),
            (Key::Shift, false),
            (Key::Tab, true),
        ];
        let presses = modifiers_at_presses(keys.into_iter(), &mut held);
        let shifts: Vec<bool> = presses.iter().map(|(_, h)| h.shift).collect();
        assert_eq!(shifts, [true, false]);
        let mut events = vec![tab(false), tab(false)];
        give_modifiers(&mut events, &presses);
        assert_eq!(events, [tab(true), tab(false)]);
        assert_eq!(held, Held::default());
    }

    #[test]
    fn a_quick_alt_l_stays_alt_l() {
        let mut held = Held::default();
        let keys = [
            (Key::Alt, true),
            (Key::Character("l".into()), true),
            (Key::Character("l".into()), false),
            (Key::Alt, false),
        ];
        let presses = modifiers_at_presses(keys.into_iter(), &mut held);
        let mut events = vec![egui::Event::Key {
            key: egui::Key::L,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }];
        give_modifiers(&mut events, &presses);
        let egui::Event::Key { modifiers, .. } = &events[0] else {
            panic!("a key")
        };
        assert!(modifiers.alt && !modifiers.shift);
    }

    #[test]
    fn shift_held_across_frames_is_remembered() {
        let mut held = Held::default();
        let _ = modifiers_at_presses([(Key::Shift, true)].into_iter(), &mut held);
        let presses = modifiers_at_presses([(Key::Tab, true)].into_iter(), &mut held);
        assert!(presses[0].1.shift);
    }

    /// A screen of two buttons whose second gets the focus by code once
    /// drawn, as `focus_on_arrival` does; the game's focus report after
    /// each frame.
    struct Arrival {
        focus: Focus,
        again: GiveAgain,
        arrived: bool,
    }

    #[test]
    fn a_control_focused_by_code_after_it_was_drawn_is_reported_by_its_name() {
        let state = Arrival {
            focus: Focus {
                label: "Retour".into(),
                ..Focus::default()
            },
            again: GiveAgain::default(),
            arrived: false,
        };
        let mut harness = egui_kittest::Harness::builder()
            .with_size(egui::vec2(400.0, 300.0))
            .build_ui_state(
                |ui, a: &mut Arrival| {
                    give_focus_again(ui.ctx(), &mut a.again);
                    let _ = ui.button("Aide");
                    let start = ui.button("Commencer");
                    if !a.arrived {
                        a.arrived = true;
                        start.request_focus();
                    }
                    if let Some(next) = name_focus(ui.ctx(), &a.focus, &mut a.again) {
                        a.focus = next;
                    }
                },
                state,
            );
        harness.run();
        let focus = &harness.state().focus;
        assert_eq!(focus.label, "Commencer", "not the control focused before");
        assert!(focus.rect.is_some());
        harness.key_press(egui::Key::Tab);
        harness.run();
        assert_eq!(
            harness.state().focus.label,
            "Aide",
            "Tab goes round to the first"
        );
    }
}
