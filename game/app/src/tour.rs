//! A guided tour for screenshots, compiled only with the `dev` feature:
//! `DEDALE_TOUR=docs/screenshots cargo run -p dedale --features dev` walks
//! through every screen, plays the shipped scripts through the same messages
//! the interface sends, and saves a screenshot of each moment worth showing.
//!
//! `DEDALE_MOMENTS=<scenario id>:<script file>` plays one script of any
//! shipped scenario instead, and saves a screenshot of each page the script
//! expects (`attendu page …`) and of the debrief: how a scenario writer
//! looks at what players will see.

use std::borrow::Cow;
use std::collections::VecDeque;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::winit::WinitSettings;
use dedale_core::engine::Action;
use dedale_core::model::Mode;
use dedale_core::script::{self, Step as ScriptStep};

use crate::game::{Act, Game, StartScenario};
use crate::screen::Screen;
use crate::screens::playing::show_on_desk;
use crate::settings::Settings;

enum Step {
    Frames(u32),
    Shot(Cow<'static, str>),
    Go(Screen),
    Start(usize, u64),
    Act(Action),
    Settings(fn(&mut Settings)),
    /// Resizes the window, so a long screen fits in one picture.
    Size(f32, f32),
    Exit,
}

#[derive(Resource)]
struct Tour {
    dir: String,
    steps: VecDeque<Step>,
    wait: u32,
}

/// Adds the tour when `DEDALE_TOUR` names a folder.
pub fn plugin(app: &mut App) {
    let Ok(dir) = std::env::var("DEDALE_TOUR") else {
        return;
    };
    let _ = std::fs::create_dir_all(&dir);
    let steps = match std::env::var("DEDALE_MOMENTS") {
        Ok(which) => match moments(&which) {
            Ok(steps) => steps,
            Err(why) => {
                eprintln!("DEDALE_MOMENTS : {why}");
                return;
            }
        },
        Err(_) => steps(),
    };
    app.insert_resource(WinitSettings::game())
        .insert_resource(Tour {
            dir,
            steps,
            wait: 40,
        })
        .add_systems(Update, run);
}

/// The steps that play `<scenario id>:<script file>` and take its pictures.
fn moments(which: &str) -> Result<VecDeque<Step>, String> {
    let (id, path) = which
        .split_once(':')
        .ok_or("écrivez <identifiant du scénario>:<fichier du script>")?;
    let entry = crate::catalog::SHIPPED
        .iter()
        .position(|(_, text)| text.contains(&format!("id: \"{id}\"")))
        .ok_or_else(|| format!("aucun scénario livré n'a l'identifiant « {id} »"))?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path} : {e}"))?;
    let script = script::parse(&text).map_err(|_| format!("{path} : script invalide"))?;
    let mode = script.mode.unwrap_or(Mode::Atelier);
    let mut v = vec![
        Step::Frames(30),
        Step::Settings(match mode {
            Mode::Formation => |s: &mut Settings| s.mode = Mode::Formation,
            Mode::Atelier => |s: &mut Settings| s.mode = Mode::Atelier,
        }),
        Step::Start(entry, script.seed.unwrap_or(1)),
        Step::Frames(10),
        Step::Go(Screen::Playing),
        Step::Frames(10),
    ];
    let mut n = 0;
    for (_, step) in script.steps {
        match step {
            ScriptStep::Act(action) => {
                v.push(Step::Act(action));
                v.push(Step::Frames(3));
            }
            ScriptStep::ExpectPage(page) => {
                n += 1;
                v.push(Step::Frames(10));
                v.push(Step::Shot(format!("{n:02}-{page}.png").into()));
            }
            _ => {}
        }
    }
    v.extend([
        Step::Frames(20),
        Step::Shot("99-bilan.png".into()),
        Step::Frames(10),
        Step::Exit,
    ]);
    Ok(v.into())
}

fn script_steps(text: &str, shots: &[(&str, &'static str)]) -> Vec<Step> {
    let mut out = Vec::new();
    let Ok(parsed) = script::parse(text) else {
        return out;
    };
    let lines: Vec<&str> = text.lines().collect();
    for (line, step) in parsed.steps {
        if let ScriptStep::Act(action) = step {
            out.push(Step::Act(action));
            out.push(Step::Frames(3));
        }
        let source = lines
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or("")
            .trim();
        for (trigger, name) in shots {
            if source == *trigger {
                out.push(Step::Frames(10));
                out.push(Step::Shot((*name).into()));
            }
        }
    }
    out
}

fn steps() -> VecDeque<Step> {
    let rsa = include_str!("../../../scenarios/rsa-mesallocs.scripts/succes.txt");
    let rsa_formation = include_str!("../../../scenarios/rsa-mesallocs.scripts/formation.txt");
    let mut v = vec![
        Step::Frames(30),
        Step::Shot("01-titre.png".into()),
        Step::Go(Screen::Choice),
        Step::Frames(20),
        Step::Shot("02-choix.png".into()),
    ];
    v.extend([
        Step::Start(0, 5),
        Step::Frames(20),
        Step::Shot("03-presentation.png".into()),
        Step::Go(Screen::Playing),
        Step::Frames(10),
    ]);
    v.extend(script_steps(
        rsa,
        &[
            ("attendu erreur nir nir_key", "04-erreurs.png"),
            ("lire sms_code", "05-telephone.png"),
            ("attendu erreur iban iban_checksum", "06-iban.png"),
        ],
    ));
    v.extend([
        Step::Frames(20),
        Step::Shot("07-bilan.png".into()),
        // The session just finished is already in the trainer's report on this device.
        Step::Go(Screen::Trainer),
        Step::Size(1280.0, 1500.0),
        Step::Frames(30),
        Step::Shot("10-espace-formateur.png".into()),
        Step::Frames(5),
        Step::Size(1280.0, 800.0),
    ]);
    v.extend([
        Step::Settings(|s| s.mode = Mode::Formation),
        Step::Start(0, 1),
        Step::Go(Screen::Playing),
        Step::Frames(10),
    ]);
    let formation = script_steps(
        rsa_formation,
        &[("dire faire_avec_elle", "08-formation.png")],
    );
    let n = formation
        .iter()
        .position(|s| matches!(s, Step::Shot(_)))
        .map_or(0, |i| i + 1);
    v.extend(formation.into_iter().take(n));
    v.extend([
        Step::Settings(|s| {
            s.high_contrast = true;
            s.text_scale = 1.5;
        }),
        Step::Frames(20),
        Step::Shot("09-contraste-150.png".into()),
        Step::Frames(10),
        Step::Exit,
    ]);
    v.into()
}

/// What the tour sends, as a player would: screens, runs, actions, the end.
#[derive(SystemParam)]
struct Sends<'w> {
    next: ResMut<'w, NextState<Screen>>,
    starts: MessageWriter<'w, StartScenario>,
    acts: MessageWriter<'w, Act>,
    exit: MessageWriter<'w, AppExit>,
}

fn run(
    mut commands: Commands,
    mut tour: ResMut<Tour>,
    mut sends: Sends,
    mut settings: ResMut<Settings>,
    game: Res<Game>,
    mut desk: ResMut<crate::screens::playing::Desk>,
    mut windows: Query<&mut Window>,
) {
    if tour.wait > 0 {
        tour.wait -= 1;
        return;
    }
    let Some(step) = tour.steps.pop_front() else {
        return;
    };
    match step {
        Step::Frames(n) => tour.wait = n,
        Step::Shot(name) => {
            let path = format!("{}/{name}", tour.dir);
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(path));
            tour.wait = 5;
        }
        Step::Go(screen) => sends.next.set(screen),
        Step::Start(entry, seed) => {
            sends.starts.write(StartScenario { entry, seed });
        }
        Step::Act(action) => {
            let Some(play) = &game.play else { return };
            show_on_desk(&mut desk, &action);
            sends.acts.write(Act(script::resolve(action, &play.state)));
        }
        Step::Settings(change) => change(&mut settings),
        Step::Size(width, height) => {
            for mut window in &mut windows {
                window.resolution.set(width, height);
            }
        }
        Step::Exit => {
            sends.exit.write(AppExit::Success);
        }
    }
}
