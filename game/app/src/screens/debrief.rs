//! Debrief: the ending, the scores, the attempt moment by moment, what to remember.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use dedale_core::debrief::{debrief, words};
use dedale_core::model::{EndingKind, Tone};

use crate::game::new_seed;
use crate::game::{Game, StartScenario};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::theme::{root_ui, widgets};
use crate::ui::{UiSet, look};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet).run_if(in_state(Screen::Debrief)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut fresh: ResMut<crate::ui::FreshScreen>,
    game: Res<Game>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut starts: MessageWriter<StartScenario>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (s, p) = look(&settings);
    let lang = settings.lang;
    let w = words(lang);
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
            widgets::scroll(ui, |ui| {
                widgets::column(ui, 860.0, |ui| {
                    let tone = match d.kind {
                        EndingKind::Success => Tone::Success,
                        EndingKind::Failure => Tone::Error,
                        EndingKind::Abandon => Tone::Warning,
                        EndingKind::Postponed => Tone::Info,
                    };
                    let word = w.ending(d.kind);
                    widgets::title(ui, &d.title);
                    widgets::notice(ui, &p, tone, lang != dedale_core::Lang::En, word);
                    if let Some(receipt) = &d.receipt {
                        ui.label(
                            egui::RichText::new(format!("{} {receipt}", w.receipt))
                                .monospace()
                                .strong(),
                        );
                    }
                    ui.add_space(4.0);
                    ui.horizontal_wrapped(|ui| {
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
                        crate::ui::focus_on_arrival(&mut fresh, &again);
                    });
                    ui.add_space(8.0);
                    widgets::card(ui, &p, |ui| {
                        ui.set_width(ui.available_width());
                        if let Some(scores) = d.scores {
                            widgets::heading(ui, w.scores);
                            let values = [scores.droits, scores.autonomie];
                            for (line, v) in d.score_lines(lang).into_iter().zip(values) {
                                ui.label(egui::RichText::new(line).strong());
                                ui.add(egui::ProgressBar::new(v as f32 / 100.0).fill(p.primary));
                            }
                        }
                        widgets::heading(ui, w.what_happened);
                        let listen = |ui: &mut egui::Ui, text: &str, what: &str| {
                            crate::speech::text(ui, s.read_aloud, text, what);
                        };
                        listen(ui, &d.what_happened, "debrief:what_happened");
                        widgets::heading(ui, w.remember);
                        for r in &d.remember {
                            listen(ui, &format!("• {r}"), "debrief:remember");
                        }
                        widgets::heading(ui, w.help_for_real);
                        listen(ui, &d.help, "debrief:help");
                        if !d.notes.is_empty() {
                            widgets::heading(ui, w.your_choices);
                            for n in &d.notes {
                                listen(ui, &format!("• {n}"), "debrief:notes");
                            }
                        }
                    });
                    ui.add_space(12.0);
                    widgets::card(ui, &p, |ui| {
                        ui.set_width(ui.available_width());
                        widgets::heading(ui, w.timeline);
                        widgets::muted(ui, &p, &d.counts_line(lang));
                        for m in &d.timeline {
                            ui.label(format!("{}  {}  {}", m.when(), m.icon, m.text));
                        }
                    });
                });
            });
        });
    Ok(())
}
