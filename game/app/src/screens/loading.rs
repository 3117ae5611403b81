//! Loading: the title opens at once, its scenarios read behind it
//! (`check_the_rest`, below); the run left last time, or the scenario a
//! trainer named on the command line, need every scenario first, checked one
//! a frame behind a visible progress bar.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::catalog::Catalog;
use crate::game::{Game, Resume, StartScenario, new_seed, resume};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::theme::{root_ui, widgets};
use crate::ui::{UiSet, look};

pub(super) fn plugin(app: &mut App) {
    app.add_message::<bevy::window::RequestRedraw>()
        .add_systems(
            Update,
            check_the_rest
                .before(crate::game::ActSet)
                .run_if(not(in_state(Screen::Loading))),
        )
        .add_systems(Update, load.run_if(in_state(Screen::Loading)))
        .add_systems(
            EguiPrimaryContextPass,
            draw.in_set(UiSet).run_if(in_state(Screen::Loading)),
        );
}

fn draw(mut contexts: EguiContexts, catalog: Res<Catalog>, settings: Res<Settings>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (s, p) = look(&settings);
    let mut root = root_ui(ctx, "loading");
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(p.faint))
        .show(&mut root, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.3);
                widgets::title(ui, "Dédale");
                ui.label(s.loading);
                ui.add_space(12.0);
                let bar = egui::ProgressBar::new(catalog.progress())
                    .show_percentage()
                    .desired_width(360.0);
                ui.add(bar);
            });
        });
    ctx.request_repaint();
    Ok(())
}

/// Opens the title, or checks one scenario a frame before resuming a run or
/// opening the scenario given on the command line.
fn load(
    mut catalog: ResMut<Catalog>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut starts: MessageWriter<StartScenario>,
    saved: Option<Res<Resume>>,
    mut game: ResMut<Game>,
) {
    let waits = saved.is_some() || catalog.open_directly.is_some();
    if waits && catalog.check_next(settings.lang) {
        return;
    }
    // A trainer who names a file wants that file, not the run left last time.
    if catalog.open_directly.is_none()
        && let Some(play) = saved.and_then(|r| resume(&r.0, &catalog))
    {
        game.play = Some(play);
        next.set(Screen::Playing);
        return;
    }
    match catalog.open_directly {
        Some(entry)
            if catalog
                .entries
                .get(entry)
                .is_some_and(|e| e.scenario.is_ok()) =>
        {
            starts.write(StartScenario {
                entry,
                seed: new_seed(),
            });
        }
        // A trainer's file with errors: the choice screen shows them, line and column.
        Some(_) => next.set(Screen::Choice),
        None => next.set(Screen::Title),
    }
}

/// The title needs no scenario, so it opens before they are read (the
/// loading screen waits for them only to resume a run or open a trainer's
/// file): on the title they are read one a frame, behind the player's
/// reading, and any left when the player moves on (or a run is asked for)
/// are read at once.
fn check_the_rest(
    mut catalog: ResMut<Catalog>,
    settings: Res<Settings>,
    screen: Res<State<Screen>>,
    starts: MessageReader<StartScenario>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    if catalog.pending.is_empty() {
        return;
    }
    if *screen.get() == Screen::Title && starts.is_empty() {
        catalog.check_next(settings.lang);
        redraw.write(bevy::window::RequestRedraw);
    } else {
        catalog.check_all(settings.lang);
    }
}
