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

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FreshScreen>()
        .add_systems(Update, mark_fresh)
        .add_systems(EguiPrimaryContextPass, settle_after_input.after(UiSet))
        .add_systems(
            PreUpdate,
            drop_unchanged_modifiers
                .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
                .before(bevy_egui::EguiPreUpdateSet::BeginPass),
        );
    app.configure_sets(EguiPrimaryContextPass, UiSet.after(StyleSet));
}

/// What every screen needs to draw: the strings of the language and the palette.
pub(crate) fn look(settings: &Settings) -> (&'static Strings, Palette) {
    (strings(settings.lang), Palette::get(settings.high_contrast))
}
