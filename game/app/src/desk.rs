//! The desk the player sits at, drawn by Bevy behind the windows: wooden
//! planks, so the simulated browser reads as a screen on a real desk.

use bevy::prelude::*;

/// Plank colours of the desk, light to dark.
const PLANKS: [Color; 3] = [
    Color::srgb(0.55, 0.42, 0.29),
    Color::srgb(0.51, 0.39, 0.27),
    Color::srgb(0.58, 0.45, 0.31),
];

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(PLANKS[0]))
        .add_systems(Startup, spawn);
}

fn spawn(mut commands: Commands) {
    // No multisampling: flat planks and egui's shapes do not need it, and
    // without a GPU (old laptops, software WebGL) it makes every frame cost
    // four times as much.
    commands.spawn((Camera2d, Msaa::Off));
    for i in -12..12 {
        let colour = PLANKS[(i as usize).rem_euclid(PLANKS.len())];
        commands.spawn((
            Sprite::from_color(colour, Vec2::new(4000.0, 58.0)),
            Transform::from_xyz(0.0, i as f32 * 60.0, -1.0),
        ));
    }
}
