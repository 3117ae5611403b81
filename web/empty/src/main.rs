//! The smallest Bevy + bevy_egui app that shows a line of text, in the page's
//! canvas. When egui has drawn its first frame it writes the title's words in
//! the page's `#mirror`, as the game does, so web/bench.sh times both alike.

use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

fn main() -> AppExit {
    App::new()
        .insert_resource(WinitSettings::desktop_app())
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                canvas: Some("#dedale".into()),
                fit_canvas_to_parent: true,
                ..default()
            }),
            ..default()
        }))
        .add_plugins(EguiPlugin::default())
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, title)
        .run()
}

fn title(mut contexts: EguiContexts, mut told: Local<bool>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = egui::Ui::new(
        ctx.clone(),
        egui::Id::new("vide"),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.heading("S'entraîner aux démarches");
    });
    if !*told {
        *told = true;
        if let Some(mirror) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("mirror"))
        {
            mirror.set_text_content(Some("S'entraîner aux démarches"));
        }
    }
    Ok(())
}
