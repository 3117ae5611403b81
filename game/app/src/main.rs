//! `dedale`: the game on a desktop. `dedale path/to/scenario.ron` opens that
//! scenario directly (for trainers); with the `dev` feature the file is watched
//! and reloaded when it changes, its errors shown in the game.

use bevy::prelude::*;
use bevy::winit::WinitSettings;

use dedale::catalog::Catalog;

fn main() -> AppExit {
    let mut extra = Vec::new();
    let mut direct = None;
    if let Some(path) = std::env::args().nth(1) {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                extra.push((path.clone(), text));
                direct = Some(path);
            }
            Err(e) => eprintln!("{path} : impossible de lire le fichier : {e}"),
        }
    }
    let mut catalog = Catalog::with_files(extra);
    if direct.is_some() {
        catalog.open_directly = Some(catalog.total - 1);
    }
    let mut app = App::new();
    app.insert_resource(catalog)
        .insert_resource(WinitSettings::desktop_app())
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "Dédale".into(),
                resolution: (1280, 800).into(),
                ..default()
            }),
            ..default()
        }))
        .add_plugins(dedale::AppPlugin);
    #[cfg(feature = "dev")]
    app.add_plugins(dedale::tour::plugin);
    #[cfg(feature = "dev")]
    if let Some(path) = direct {
        app.add_plugins(dedale::dev::watch(path));
    }
    app.run()
}
