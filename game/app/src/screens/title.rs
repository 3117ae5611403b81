//! Title: language, mode and settings first, then start.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use dedale_core::Lang;
use dedale_core::model::{Mode, Tone};

use crate::i18n::{Strings, strings};
use crate::screen::Screen;
use crate::settings::{Settings, TEXT_SCALES};
use crate::theme::palette::Palette;
use crate::theme::{root_ui, widgets};
use crate::ui::{UiSet, look};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet).run_if(in_state(Screen::Title)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut fresh: ResMut<crate::ui::FreshScreen>,
    mut settings: ResMut<Settings>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (s, p) = look(&settings);
    let mut root = root_ui(ctx, "title");
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(p.faint).inner_margin(24))
        .show(&mut root, |ui| {
            widgets::scroll(ui, |ui| {
                widgets::column(ui, 1000.0, |ui| {
                    widgets::title(ui, "Dédale");
                    ui.label(egui::RichText::new(s.tagline).size(crate::theme::BODY * 1.2));
                    ui.add_space(12.0);
                    let start = widgets::primary(ui, &p, s.start);
                    if start.clicked() {
                        next.set(Screen::Choice);
                    }
                    ui.add_space(12.0);
                    let choices = |ui: &mut egui::Ui, settings: &mut Settings| {
                        widgets::card(ui, &p, |ui| {
                            ui.set_width(ui.available_width());
                            language_ui(ui, settings, s, &p, None);
                            widgets::heading(ui, s.mode);
                            ui.radio_value(
                                &mut settings.mode,
                                Mode::Atelier,
                                egui::RichText::new(s.mode_atelier).strong(),
                            );
                            widgets::muted(ui, &p, s.mode_atelier_help);
                            ui.radio_value(
                                &mut settings.mode,
                                Mode::Formation,
                                egui::RichText::new(s.mode_formation).strong(),
                            );
                            widgets::muted(ui, &p, s.mode_formation_help);
                        });
                    };
                    let options = |ui: &mut egui::Ui, settings: &mut Settings| {
                        widgets::card(ui, &p, |ui| {
                            ui.set_width(ui.available_width());
                            settings_ui(ui, settings, s);
                        });
                    };
                    if ui.available_width() >= 820.0 {
                        ui.columns(2, |cols| {
                            choices(&mut cols[0], &mut settings);
                            options(&mut cols[1], &mut settings);
                        });
                    } else {
                        choices(ui, &mut settings);
                        ui.add_space(12.0);
                        options(ui, &mut settings);
                    }
                    ui.add_space(12.0);
                    if widgets::secondary(ui, s.trainer.button).clicked() {
                        next.set(Screen::Trainer);
                    }
                    crate::ui::focus_on_arrival(&mut fresh, &start);
                });
            });
        });
    Ok(())
}

/// The language, on the title and in the settings opened during play: a
/// change shows at once, in the interface and in the scenario's texts. When
/// plain French is chosen and the scenario under way does not give all its
/// texts in it, `falc_note` says so beside the choice (`i18n::falc_note`).
pub(crate) fn language_ui(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    s: &Strings,
    p: &Palette,
    falc_note: Option<&str>,
) {
    widgets::heading(ui, s.language);
    ui.horizontal_wrapped(|ui| {
        // Each language by its own name, so a player lost in another one finds theirs.
        ui.radio_value(&mut settings.lang, Lang::Fr, "Français");
        ui.radio_value(&mut settings.lang, Lang::En, "English");
        ui.radio_value(&mut settings.lang, Lang::Falc, strings(Lang::Falc).falc);
    });
    if let Some(note) = falc_note {
        widgets::notice(ui, p, Tone::Info, true, note);
    }
}

/// Text size, contrast and sound: also offered during play.
pub(crate) fn settings_ui(ui: &mut egui::Ui, settings: &mut Settings, s: &Strings) {
    widgets::heading(ui, s.settings);
    ui.horizontal_wrapped(|ui| {
        ui.label(s.text_size);
        for scale in TEXT_SCALES {
            let label = format!("{} %", (scale * 100.0).round());
            if ui
                .selectable_label((settings.text_scale - scale).abs() < 0.01, label)
                .clicked()
            {
                settings.text_scale = scale;
            }
        }
    });
    ui.checkbox(&mut settings.high_contrast, s.high_contrast);
    ui.checkbox(&mut settings.sound, s.sound);
    ui.checkbox(&mut settings.dyslexia_font, s.dyslexia_font);
    ui.horizontal_wrapped(|ui| {
        ui.label(s.line_spacing);
        for spacing in crate::settings::LINE_SPACINGS {
            let label = format!("{} %", (spacing * 100.0).round());
            if ui
                .selectable_label((settings.line_spacing - spacing).abs() < 0.01, label)
                .clicked()
            {
                settings.line_spacing = spacing;
            }
        }
    });
    if crate::speech::available() {
        ui.horizontal_wrapped(|ui| {
            ui.label(s.speech_rate);
            for rate in crate::speech::RATES {
                let label = format!("{} %", (rate * 100.0).round());
                if ui
                    .selectable_label((settings.speech_rate - rate).abs() < 0.01, label)
                    .clicked()
                {
                    settings.speech_rate = rate;
                }
            }
        });
        widgets::muted(
            ui,
            &crate::theme::palette::Palette::get(settings.high_contrast),
            s.read_page_help,
        );
    }
}
