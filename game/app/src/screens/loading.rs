//! Loading: a visible progress bar while the scenarios are checked.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{UiSet, look};
use crate::catalog::Catalog;
use crate::screens::Screen;
use crate::settings::Settings;
use crate::theme::{root_ui, widgets};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
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
