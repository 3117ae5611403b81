//! Loading: the title opens at once, its scenarios read behind it
//! (`catalog::check_the_rest`); the run left last time, or the scenario a
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
    app.add_systems(Update, load.run_if(in_state(Screen::Loading)))
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
