//! The bar above the desk: the scenario, the clock, hints, pause, settings
//! (the language among them, so it can change during a run) and abandoning.

use bevy_egui::egui::{self, RichText, Ui};
use dedale_core::engine::Action;

use super::{Cx, Desk};
use crate::game::Clock;
use crate::i18n::{Strings, falc_note, fill};
use crate::screens::title;
use crate::settings::Settings;
use crate::theme::palette::Palette;
use crate::theme::widgets;

/// The bar above the desk; the settings it opens change the game's own.
pub(super) struct Bar<'c, 'a> {
    /// The desk's frame.
    pub cx: &'c mut Cx<'a>,
    /// The player's settings (text size, contrast, language).
    pub settings: &'c mut Settings,
    /// The game's clock, to pause it.
    pub clock: &'c mut Clock,
}

impl Bar<'_, '_> {
    /// The scenario, the clock and the buttons; the settings card when open.
    pub fn ui(&mut self, ui: &mut Ui) {
        let Bar {
            cx,
            settings,
            clock,
        } = self;
        let Cx {
            play,
            desk,
            s,
            p,
            out,
            ..
        } = &mut **cx;
        let (play, s, p) = (*play, *s, &*p);
        let lang = settings.lang;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(play.scenario.meta.title.get(lang)).strong());
            ui.label(RichText::new(format!("— {}", play.scenario.persona.name)).color(p.muted));
            ui.separator();
            let minutes = play.state.clock_ms / 60_000;
            ui.label(format!(
                "⏱ {}",
                fill(s.clock, &[("n", &minutes.to_string())])
            ))
            .on_hover_text(s.clock_help);
            ui.separator();
            let page = play.scenario.page(&play.state.page);
            let available = page.map_or(0, |pg| pg.hints.len());
            let used = play.state.hints.get(&play.state.page).copied().unwrap_or(0);
            let hint = ui.add_enabled(
                usize::from(used) < available,
                egui::Button::new(format!("💡 {} ({}/{})", s.hint, used, available)),
            );
            if hint.clicked() {
                out.push(Action::Hint);
            }
            if crate::speech::available() && crate::speech::icon(ui, s.read_page, true).clicked() {
                let words = crate::mirror::page_words(play, lang);
                crate::speech::speak(ui.ctx(), words, format!("page:{}", play.state.page));
            }
            if ui.button(format!("⏸ {}", s.pause)).clicked() {
                clock.paused = true;
            }
            let open = ui
                .button(format!("Aa {}", s.settings))
                .on_hover_text(s.settings_help);
            if open.clicked() {
                desk.settings_open = !desk.settings_open;
            }
            if ui
                .button(RichText::new(format!("🚪 {}", s.abandon)).color(p.error))
                .clicked()
            {
                desk.confirm_abandon = true;
            }
        });
        if desk.settings_open {
            let note = falc_note(settings.lang, &play.scenario);
            widgets::card(ui, p, |ui| {
                title::language_ui(ui, settings, s, p, note);
                title::settings_ui(ui, settings, s);
            });
        }
    }
}

/// A dialog's width: its own, or the window's less a margin on a phone, so
/// no button of it is cut off at 360 px.
fn modal_width(ui: &Ui, wanted: f32) -> f32 {
    wanted
        .min(ui.ctx().viewport_rect().width() - 64.0)
        .max(160.0)
}

/// While paused, the page is covered: no time passes, nothing can be typed.
pub(super) fn pause_overlay(ctx: &egui::Context, s: &Strings, p: &Palette, clock: &mut Clock) {
    egui::Modal::new(egui::Id::new("pause")).show(ctx, |ui| {
        ui.set_width(modal_width(ui, 420.0));
        widgets::heading(ui, s.paused);
        ui.label(s.paused_help);
        ui.add_space(12.0);
        let resume = widgets::primary(ui, p, s.resume);
        resume.request_focus();
        if resume.clicked() {
            clock.paused = false;
        }
    });
}

/// Before the page's session expires, as RGAA 4.1 (13.1) asks of real sites:
/// the player is told, and one key gives more time.
pub(super) fn timeout_warning(
    ctx: &egui::Context,
    s: &Strings,
    p: &Palette,
    left_ms: u64,
    out: &mut Vec<Action>,
) {
    egui::Modal::new(egui::Id::new("expiration")).show(ctx, |ui| {
        ui.set_width(modal_width(ui, 460.0));
        widgets::heading(ui, s.timeout_title);
        let minutes = left_ms.div_ceil(60_000).max(1);
        ui.label(crate::i18n::fill(
            s.timeout_help,
            &[("n", &minutes.to_string())],
        ));
        ui.add_space(12.0);
        let more = widgets::primary(ui, p, s.timeout_more);
        more.request_focus();
        if more.clicked() {
            out.push(Action::ExtendTime);
        }
    });
}

pub(super) fn abandon_dialog(
    ctx: &egui::Context,
    s: &Strings,
    p: &Palette,
    desk: &mut Desk,
    out: &mut Vec<Action>,
) {
    let modal = egui::Modal::new(egui::Id::new("abandon")).show(ctx, |ui| {
        ui.set_width(modal_width(ui, 460.0));
        widgets::heading(ui, s.abandon_title);
        ui.label(s.abandon_help);
        ui.add_space(12.0);
        // Side by side when they fit, one above the other on a phone.
        ui.horizontal_wrapped(|ui| {
            let stay = widgets::primary(ui, p, s.keep_going);
            if stay.clicked() {
                desk.confirm_abandon = false;
            }
            if widgets::secondary(ui, s.abandon_yes).clicked() {
                desk.confirm_abandon = false;
                out.push(Action::Abandon);
            }
        });
    });
    if modal.should_close() {
        desk.confirm_abandon = false;
    }
}

#[cfg(test)]
mod tests {
    use bevy_egui::egui::accesskit::Role;
    use dedale_core::Lang;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::i18n::strings;

    #[test]
    fn the_expiry_warning_says_how_long_is_left_and_one_key_gives_more_time() {
        let mut harness = Harness::new_ui_state(
            |ui, sent: &mut Vec<Action>| {
                let ctx = ui.ctx().clone();
                timeout_warning(&ctx, strings(Lang::Fr), &Palette::get(false), 90_000, sent);
            },
            Vec::new(),
        );
        harness.run();
        harness.get_by_label_contains("dans 2 min");
        // The button has the focus on arrival: Enter answers.
        harness.key_press(egui::Key::Enter);
        harness.run();
        assert_eq!(harness.state(), &vec![Action::ExtendTime]);
        harness
            .get_by_role_and_label(Role::Button, "Je continue")
            .click();
        harness.run();
        assert_eq!(harness.state().len(), 2);
    }
}
