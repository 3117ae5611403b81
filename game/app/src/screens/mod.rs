//! The screens, one module each, holding its logic and its drawing: the
//! layout says where a screen is. Drawing systems run in egui's pass, which
//! only the windowed game has; headless tests run the same plugins and their
//! logic alone.

pub mod briefing;
pub mod choice;
pub mod debrief;
pub mod loading;
pub mod playing;
pub mod title;
pub mod trainer;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::catalog::Catalog;
use crate::game::Game;
use crate::screen::Screen;
use crate::settings::Settings;
use crate::ui::UiSet;

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_plugins((
            loading::plugin,
            title::plugin,
            choice::plugin,
            briefing::plugin,
            playing::plugin,
            debrief::plugin,
            trainer::plugin,
        ))
        .add_systems(EguiPrimaryContextPass, read_page.in_set(UiSet));
}

/// Alt+L reads the whole screen aloud, on every screen (the settings and the
/// desk's bar show the shortcut): the words of the screen-reader mirror.
fn read_page(
    mut contexts: EguiContexts,
    game: Res<Game>,
    screen: Res<State<Screen>>,
    catalog: Res<Catalog>,
    trainer: Res<trainer::Trainer>,
    settings: Res<Settings>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !crate::speech::available()
        || !ctx.input_mut(|i| i.consume_key(egui::Modifiers::ALT, egui::Key::L))
    {
        return Ok(());
    }
    let html = crate::mirror::html(
        *screen.get(),
        game.play.as_ref(),
        &catalog,
        &trainer.report,
        &settings,
    );
    let what = match (screen.get(), &game.play) {
        (Screen::Playing, Some(play)) => format!("page:{}", play.state.page),
        (other, _) => format!("ecran:{other:?}").to_lowercase(),
    };
    crate::speech::speak(ctx, crate::mirror::plain(&html), what);
    Ok(())
}
