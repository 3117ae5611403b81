//! The desk the player sits at, behind the windows: wooden planks, so the
//! simulated browser reads as a screen on a real desk. They are painted by
//! egui on its background layer, under every panel: as Bevy sprites they
//! brought Bevy's whole 2D sprite renderer (pipelines, shaders, meshes) into
//! the download for three colours.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::ui::UiSet;

/// Plank colours of the desk, light to dark.
const PLANKS: [egui::Color32; 3] = [
    egui::Color32::from_rgb(140, 107, 74),
    egui::Color32::from_rgb(130, 99, 69),
    egui::Color32::from_rgb(148, 115, 79),
];

/// A plank's height and the seam between two, in points.
const PLANK: f32 = 58.0;
const SEAM: f32 = 2.0;

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(Color::srgb_u8(
        PLANKS[0].r(),
        PLANKS[0].g(),
        PLANKS[0].b(),
    )))
    .add_systems(Startup, spawn)
    .add_systems(EguiPrimaryContextPass, paint.before(UiSet));
}

fn spawn(mut commands: Commands) {
    // No multisampling: egui's shapes do not need it, and without a GPU (old
    // laptops, software WebGL) it makes every frame cost four times as much.
    // (In the browser egui paints without Bevy's renderer: glpaint.rs.)
    #[cfg(not(target_family = "wasm"))]
    commands.spawn((Camera2d, Msaa::Off));
    #[cfg(target_family = "wasm")]
    commands.spawn(Camera2d);
}

/// The planks, centred on the window as the sprites were, the seams showing
/// the clear colour between them.
fn paint(mut contexts: EguiContexts) -> Result {
    let ctx = contexts.ctx_mut()?;
    let screen = ctx.viewport_rect();
    let painter = ctx.layer_painter(egui::LayerId::background());
    let pitch = PLANK + SEAM;
    let rows = (screen.height() / pitch / 2.0).ceil() as i32 + 1;
    for i in -rows..=rows {
        let colour = PLANKS[i.rem_euclid(PLANKS.len() as i32) as usize];
        let middle = screen.center().y - i as f32 * pitch;
        let plank = egui::Rect::from_center_size(
            egui::pos2(screen.center().x, middle),
            egui::vec2(screen.width(), PLANK),
        );
        painter.rect_filled(plank, 0.0, colour);
    }
    Ok(())
}
