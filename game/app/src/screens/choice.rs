//! Scenario choice: a card per scenario, with what a player or trainer needs to choose.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use dedale_core::model::{Audience, Difficulty, Scenario};

use crate::catalog::Catalog;
use crate::game::StartScenario;
use crate::game::new_seed;
use crate::i18n::Strings;
use crate::screen::Screen;
use crate::settings::Settings;
use crate::theme::palette::Palette;
use crate::theme::{root_ui, widgets};
use crate::ui::{UiSet, look};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet).run_if(in_state(Screen::Choice)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut fresh: ResMut<crate::ui::FreshScreen>,
    catalog: Res<Catalog>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut starts: MessageWriter<StartScenario>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (s, p) = look(&settings);
    let mut root = root_ui(ctx, "choice");
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(p.faint).inner_margin(24))
        .show(&mut root, |ui| {
            // Wrapped: at 200 % text the title goes under the button rather than off-screen.
            ui.horizontal_wrapped(|ui| {
                if widgets::secondary(ui, s.back).clicked() {
                    next.set(Screen::Title);
                }
                widgets::title(ui, s.choose_title);
                #[cfg(target_family = "wasm")]
                if widgets::secondary(ui, s.open_file).clicked() {
                    crate::browser::open_file_picker();
                }
            });
            ui.add_space(8.0);
            widgets::scroll(ui, |ui| {
                for (i, entry) in catalog.entries.iter().enumerate() {
                    match &entry.scenario {
                        Ok(scenario) => {
                            if card(ui, &p, s, &settings, scenario, &mut fresh) {
                                starts.write(StartScenario {
                                    entry: i,
                                    seed: new_seed(),
                                });
                            }
                        }
                        Err(problems) => broken(ui, &p, s, &entry.file, problems),
                    }
                    ui.add_space(12.0);
                }
            });
        });
    Ok(())
}

/// One scenario's card; true when the player chooses it.
fn card(
    ui: &mut egui::Ui,
    p: &Palette,
    s: &Strings,
    settings: &Settings,
    scenario: &Scenario,
    fresh: &mut crate::ui::FreshScreen,
) -> bool {
    let m = &scenario.meta;
    let lang = settings.lang;
    widgets::card(ui, p, |ui| {
        ui.set_width(ui.available_width());
        widgets::heading(ui, m.title.get(lang));
        ui.label(egui::RichText::new(m.procedure.get(lang)).strong());
        ui.label(m.summary.get(lang));
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("⏱ {} {}", m.duration_minutes, s.minutes));
            ui.label("·");
            let difficulty = match m.difficulty {
                Difficulty::Easy => s.easy,
                Difficulty::Medium => s.medium,
                Difficulty::Hard => s.hard,
            };
            ui.label(format!("{} : {difficulty}", s.difficulty));
            ui.label("·");
            let audience = match m.audience {
                Audience::Learner => s.for_learners,
                Audience::Student => s.for_students,
                Audience::Both => s.for_both,
            };
            ui.label(audience);
        });
        let names: Vec<String> = m
            .competences
            .iter()
            .map(|c| crate::i18n::competence(c, lang))
            .collect();
        widgets::muted(ui, p, &format!("{} : {}", s.competences, names.join(" · ")));
        if !m.audience.modes().contains(&settings.mode) {
            widgets::notice(
                ui,
                p,
                dedale_core::model::Tone::Info,
                lang != dedale_core::Lang::En,
                s.other_mode,
            );
        }
        let play = widgets::primary(ui, p, s.play);
        crate::ui::focus_on_arrival(fresh, &play);
        play.clicked()
    })
}

/// A scenario file with errors: shown with its lines and columns, not hidden.
fn broken(ui: &mut egui::Ui, p: &Palette, s: &Strings, file: &str, problems: &[String]) {
    widgets::card(ui, p, |ui| {
        ui.set_width(ui.available_width());
        widgets::heading(ui, &format!("✖ {file}"));
        widgets::notice(
            ui,
            p,
            dedale_core::model::Tone::Error,
            true,
            s.invalid_scenario,
        );
        for line in problems.iter().take(20) {
            ui.label(egui::RichText::new(line).monospace());
        }
    });
}
