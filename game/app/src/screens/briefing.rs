//! Briefing: who the persona is, the situation, the goal and what is in the folder.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use dedale_core::model::Mode;

use crate::game::{ChosenSwitches, Game, begin};
use crate::i18n::{falc_note, fill};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::theme::{root_ui, widgets};
use crate::ui::{UiSet, look};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet).run_if(in_state(Screen::Briefing)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut fresh: ResMut<crate::ui::FreshScreen>,
    mut game: ResMut<Game>,
    mut chosen: ResMut<ChosenSwitches>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (s, p) = look(&settings);
    let Some(play) = game.play.clone() else {
        return Ok(());
    };
    let (sc, lang) = (&play.scenario, settings.lang);
    let mut root = root_ui(ctx, "briefing");
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(p.faint).inner_margin(24))
        .show(&mut root, |ui| {
            widgets::scroll(ui, |ui| {
                widgets::column(ui, 820.0, |ui| {
                    widgets::title(ui, sc.meta.title.get(lang));
                    widgets::card(ui, &p, |ui| {
                        ui.set_width(ui.available_width());
                        let role = if play.state.mode == Mode::Formation {
                            s.role_formation
                        } else {
                            s.role_atelier
                        };
                        widgets::notice(
                            ui,
                            &p,
                            dedale_core::model::Tone::Info,
                            lang != dedale_core::Lang::En,
                            &fill(role, &[("name", &sc.persona.name)]),
                        );
                        if let Some(note) = falc_note(lang, sc) {
                            widgets::notice(ui, &p, dedale_core::model::Tone::Info, true, note);
                        }
                        widgets::heading(ui, &format!("{} : {}", s.who, sc.persona.name));
                        let situation = sc.persona.situation.get(lang);
                        crate::speech::text(ui, s.read_aloud, situation, "situation");
                        widgets::heading(ui, s.goal);
                        crate::speech::text(ui, s.read_aloud, sc.persona.goal.get(lang), "goal");
                        widgets::heading(ui, s.folder);
                        for d in sc
                            .persona
                            .documents
                            .iter()
                            .filter(|d| sc.document_present(d, &play.state.switches))
                        {
                            ui.label(format!("📄 {}", d.title.get(lang)));
                        }
                        widgets::muted(ui, &p, s.folder_help);
                        // Changed here, the run starts again with the same seed and the new setting.
                        let mut set = play.state.switches.clone();
                        if crate::screens::choice::switches(ui, &p, s, lang, sc, &mut set) {
                            chosen.0.insert(sc.meta.id.clone(), set.clone());
                            let again =
                                begin(play.entry, sc.clone(), play.seed, play.state.mode, set);
                            game.play = Some(again);
                        }
                    });
                    ui.add_space(16.0);
                    ui.horizontal_wrapped(|ui| {
                        if widgets::secondary(ui, s.back).clicked() {
                            next.set(Screen::Choice);
                        }
                        let start = widgets::primary(ui, &p, s.begin);
                        if start.clicked() {
                            next.set(Screen::Playing);
                        }
                        crate::ui::focus_on_arrival(&mut fresh, &start);
                    });
                });
            });
        });
    Ok(())
}
