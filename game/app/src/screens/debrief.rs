//! Debrief: the ending, the scores, the attempt moment by moment, what to remember.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use dedale_core::model::{EndingKind, Tone};

use super::{UiSet, look};
use crate::debrief::debrief;
use crate::game::{Game, StartScenario};
use crate::screens::{Screen, new_seed};
use crate::settings::Settings;
use crate::theme::{root_ui, widgets};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet).run_if(in_state(Screen::Debrief)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut fresh: ResMut<super::FreshScreen>,
    game: Res<Game>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut starts: MessageWriter<StartScenario>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (s, p) = look(&settings);
    let lang = settings.lang;
    let Some(play) = &game.play else {
        return Ok(());
    };
    let Some(d) = debrief(&play.scenario, &play.state, lang) else {
        return Ok(());
    };
    let mut root = root_ui(ctx, "debrief");
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(p.faint).inner_margin(24))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.set_max_width(860.0);
                    let (tone, word) = match d.kind {
                        EndingKind::Success => (Tone::Success, s.ending_success),
                        EndingKind::Failure => (Tone::Error, s.ending_failure),
                        EndingKind::Abandon => (Tone::Warning, s.ending_abandon),
                    };
                    widgets::title(ui, &d.title);
                    widgets::notice(ui, &p, tone, lang != dedale_core::Lang::En, word);
                    if let Some(receipt) = &d.receipt {
                        ui.label(
                            egui::RichText::new(format!("{} {receipt}", s.receipt))
                                .monospace()
                                .strong(),
                        );
                    }
                    ui.add_space(4.0);
                    ui.horizontal(|ui| {
                        let again = widgets::primary(ui, &p, s.replay);
                        if again.clicked() {
                            starts.write(StartScenario {
                                entry: play.entry,
                                seed: new_seed(),
                            });
                        }
                        if widgets::secondary(ui, s.other_scenario).clicked() {
                            next.set(Screen::Choice);
                        }
                        super::focus_on_arrival(&mut fresh, &again);
                    });
                    ui.add_space(8.0);
                    widgets::card(ui, &p, |ui| {
                        ui.set_width(ui.available_width());
                        if let Some((droits, autonomie)) = d.scores {
                            widgets::heading(ui, s.scores);
                            for (name, v) in [(s.rights, droits), (s.autonomy, autonomie)] {
                                ui.label(egui::RichText::new(s.score(name, v)).strong());
                                ui.add(egui::ProgressBar::new(v as f32 / 100.0).fill(p.primary));
                            }
                        }
                        widgets::heading(ui, s.what_happened);
                        ui.label(&d.what_happened);
                        widgets::heading(ui, s.remember);
                        for r in &d.remember {
                            ui.label(format!("• {r}"));
                        }
                        widgets::heading(ui, s.help_for_real);
                        ui.label(&d.help);
                        if !d.notes.is_empty() {
                            widgets::heading(ui, s.your_choices);
                            for n in &d.notes {
                                ui.label(format!("• {n}"));
                            }
                        }
                    });
                    ui.add_space(12.0);
                    widgets::card(ui, &p, |ui| {
                        ui.set_width(ui.available_width());
                        widgets::heading(ui, s.timeline);
                        let (errors, hints, incidents) = d.counts;
                        widgets::muted(ui, &p, &s.counts(errors, hints, incidents));
                        for m in &d.timeline {
                            ui.label(format!("{}  {}  {}", m.when(), m.icon, m.text));
                        }
                    });
                });
            });
        });
    Ok(())
}
