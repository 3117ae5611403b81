//! `dedale`: the game. On a desktop, `dedale path/to/scenario.ron` opens that
//! scenario directly (for trainers); with the `dev` feature the file is watched
//! and reloaded when it changes, its errors shown in the game. In the browser,
//! the page's canvas is used and trainers open files from the choice screen.

use bevy::prelude::*;
use bevy::winit::WinitSettings;

use dedale::catalog::Catalog;

#[cfg(target_family = "wasm")]
mod console;

/// The scenario file named on the command line, with its text.
#[cfg(not(target_family = "wasm"))]
fn trainer_file() -> Option<(String, String)> {
    let path = std::env::args().nth(1)?;
    match std::fs::read_to_string(&path) {
        Ok(text) => Some((path, text)),
        Err(e) => {
            eprintln!("{path} : impossible de lire le fichier : {e}");
            None
        }
    }
}

#[cfg(target_family = "wasm")]
fn trainer_file() -> Option<(String, String)> {
    None
}

/// Where settings, the run under way and the sessions are kept. The dev
/// tour's screenshots must not depend on (nor change) the player's own.
fn store() -> dedale::store::Store {
    #[cfg(feature = "dev")]
    if std::env::var_os("DEDALE_TOUR").is_some() {
        return dedale::store::Store::default();
    }
    dedale::store::Store::for_this_device()
}

fn main() -> AppExit {
    // Natively Bevy's LogPlugin prints; in the browser, warnings and errors go to the console.
    #[cfg(target_family = "wasm")]
    console::install();
    let direct = trainer_file();
    let mut catalog = Catalog::with_files(direct.iter().cloned().collect());
    if direct.is_some() {
        catalog.open_directly = Some(catalog.total - 1);
    }
    let mut app = App::new();
    app.insert_resource(catalog)
        .insert_resource(store())
        .insert_resource(WinitSettings::desktop_app())
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "Dédale".into(),
                resolution: (1280, 800).into(),
                // On the web: the page's canvas, filling the window and following its size.
                canvas: Some("#dedale".into()),
                fit_canvas_to_parent: true,
                prevent_default_event_handling: true,
                ..default()
            }),
            ..default()
        }))
        .add_plugins(dedale::AppPlugin);
    #[cfg(feature = "dev")]
    app.add_plugins(dedale::tour::plugin);
    #[cfg(feature = "dev")]
    if let Some((path, _)) = direct {
        app.add_plugins(dedale::dev::watch(path));
    }
    app.run()
}
