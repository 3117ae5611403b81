//! Small widgets used by every screen, so they look and behave the same.

use bevy_egui::egui::{self, Color32, RichText, Ui};
use dedale_core::model::Tone;

use super::BODY;
use super::palette::Palette;

/// The main action of a screen: large, dark, white text.
pub fn primary(ui: &mut Ui, p: &Palette, text: &str) -> egui::Response {
    let label = RichText::new(text)
        .color(p.on_primary)
        .size(BODY * 1.1)
        .strong();
    ui.add(
        egui::Button::new(label)
            .fill(p.primary)
            .min_size(egui::vec2(180.0, 48.0)),
    )
}

/// Another action.
pub fn secondary(ui: &mut Ui, text: &str) -> egui::Response {
    ui.add(egui::Button::new(RichText::new(text).size(BODY)).min_size(egui::vec2(120.0, 44.0)))
}

/// A text link of the portal.
pub fn link(ui: &mut Ui, p: &Palette, text: &str) -> egui::Response {
    ui.add(egui::Button::new(RichText::new(text).color(p.link).underline()).frame(false))
}

/// A screen's title.
pub fn title(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).size(BODY * 1.8).strong());
}

/// A section heading.
pub fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(4.0);
    ui.label(RichText::new(text).size(BODY * 1.25).strong());
}

/// Secondary text.
pub fn muted(ui: &mut Ui, p: &Palette, text: &str) {
    ui.label(RichText::new(text).color(p.muted));
}

/// Icon, word and colours of a tone: never colour alone.
pub fn tone(p: &Palette, tone: Tone, fr: bool) -> (&'static str, &'static str, Color32, Color32) {
    match (tone, fr) {
        (Tone::Info, true) => ("ℹ", "Information", p.info, p.info_bg),
        (Tone::Info, false) => ("ℹ", "Information", p.info, p.info_bg),
        (Tone::Warning, true) => ("⚠", "Attention", p.warning, p.warning_bg),
        (Tone::Warning, false) => ("⚠", "Warning", p.warning, p.warning_bg),
        (Tone::Error, true) => ("✖", "Erreur", p.error, p.error_bg),
        (Tone::Error, false) => ("✖", "Error", p.error, p.error_bg),
        (Tone::Success, true) => ("✔", "C'est fait", p.success, p.success_bg),
        (Tone::Success, false) => ("✔", "Done", p.success, p.success_bg),
    }
}

/// A coloured box with an icon and a word, then the text.
pub fn notice(ui: &mut Ui, p: &Palette, kind: Tone, fr: bool, text: &str) {
    let (icon, word, fg, bg) = tone(p, kind, fr);
    egui::Frame::new()
        .fill(bg)
        .stroke(egui::Stroke::new(2.0, fg))
        .corner_radius(6)
        .inner_margin(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{icon} {word} :")).color(fg).strong());
                ui.label(RichText::new(text).color(fg));
            });
        });
}

/// A card: a framed block on the faint background.
/// A centred column at most `max` points wide, and never wider than the
/// room there is: at 200 % text or on a phone held upright the column
/// narrows (its text wraps) instead of overflowing on both sides, where the
/// language choice or the "Commencer" button would be cut off.
pub fn column<R>(ui: &mut Ui, max: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.vertical_centered(|ui| {
        ui.set_max_width(ui.available_width().min(max));
        add(ui)
    })
    .inner
}

/// A vertical scroll area that keeps the keyboard in view: the control that
/// gets the focus (by Tab, or after an error) is scrolled into sight, and
/// PageDown and PageUp scroll by a page, as in a browser. At 200 % text
/// most of a page is below the fold, and egui scrolls for neither.
pub fn scroll<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let inner = add(ui);
            keep_focus_in_view(ui);
            inner
        })
        .inner
}

/// Inside a scroll area's content: scrolls to the widget that has just got
/// the focus from another one, if it lies in this area, and by a page for
/// PageDown / PageUp.
fn keep_focus_in_view(ui: &mut Ui) {
    let page = ui.clip_rect().height() * 0.9;
    let (down, up) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::PageDown),
            i.key_pressed(egui::Key::PageUp),
        )
    });
    if down {
        ui.scroll_with_delta(egui::vec2(0.0, -page));
    }
    if up {
        ui.scroll_with_delta(egui::vec2(0.0, page));
    }
    let focused = ui.memory(|m| m.focused());
    let seen_id = ui.id().with("focus-suivi");
    let seen = ui
        .data(|d| d.get_temp::<Option<egui::Id>>(seen_id))
        .flatten();
    // No focus for a frame is the Tab key going round from the last control
    // to the first (egui gives it in the next frame): not an arrival.
    if focused == seen || focused.is_none() {
        return;
    }
    ui.data_mut(|d| d.insert_temp(seen_id, focused));
    // A focus given from nowhere is a screen's arrival on its main control:
    // the screen keeps showing its top, where the reading starts.
    if seen.is_none() {
        return;
    }
    let content = ui.min_rect();
    if let Some(rect) = focused
        .and_then(|id| ui.ctx().read_response(id))
        .map(|r| r.rect)
        .filter(|r| content.contains_rect(*r))
    {
        ui.scroll_to_rect(rect.expand(8.0), None);
    }
}

pub fn card<R>(ui: &mut Ui, p: &Palette, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::new()
        .fill(p.page)
        .stroke(egui::Stroke::new(1.5, p.border))
        .corner_radius(10)
        .inner_margin(16)
        .show(ui, |ui| {
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), add)
                .inner
        })
        .inner
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;

    /// Thirty buttons in a scroll area 300 points high, drawn once.
    fn thirty_buttons() -> Harness<'static> {
        let mut harness = Harness::builder()
            .with_size(egui::vec2(400.0, 300.0))
            .build_ui(|ui| {
                scroll(ui, |ui| {
                    for i in 0..30 {
                        let _ = ui.button(format!("Bouton {i}"));
                    }
                });
            });
        harness.run();
        harness
    }

    /// Whether a control lies wholly inside the 300 points of the area.
    fn in_sight(rect: egui::Rect) -> bool {
        rect.min.y >= 0.0 && rect.max.y <= 300.0
    }

    #[test]
    fn tab_scrolls_the_focused_control_into_view() {
        let mut harness = thirty_buttons();
        for _ in 0..20 {
            harness.key_press(egui::Key::Tab);
            harness.run();
        }
        let focused = harness.get_by_label("Bouton 19");
        assert!(focused.is_focused());
        let rect = focused.rect();
        assert!(
            in_sight(rect),
            "the focused button is out of sight: {rect:?}"
        );
    }

    #[test]
    fn tab_going_round_from_the_last_control_scrolls_back_to_the_first() {
        let mut harness = thirty_buttons();
        // Down to the last button (the view follows it), then once more:
        // Tab goes round to the first, at the top.
        for _ in 0..30 {
            harness.key_press(egui::Key::Tab);
            harness.run();
        }
        assert!(harness.get_by_label("Bouton 29").is_focused());
        harness.key_press(egui::Key::Tab);
        harness.run();
        let first = harness.get_by_label("Bouton 0");
        assert!(first.is_focused());
        let rect = first.rect();
        assert!(in_sight(rect), "the first button is out of sight: {rect:?}");
    }

    #[test]
    fn page_down_scrolls_by_a_page() {
        let mut harness = Harness::builder()
            .with_size(egui::vec2(400.0, 300.0))
            .build_ui(|ui| {
                // The game's own fonts: lines of text need a height to scroll.
                ui.ctx().set_fonts(super::super::fonts::definitions());
                scroll(ui, |ui| {
                    for i in 0..30 {
                        ui.label(format!("Ligne {i}"));
                    }
                });
            });
        harness.run();
        let before = harness.get_by_label("Ligne 0").rect().min.y;
        harness.key_press(egui::Key::PageDown);
        harness.run();
        let after = harness.get_by_label("Ligne 0").rect().min.y;
        assert!(after < before - 200.0, "{before} → {after}");
    }

    #[test]
    fn a_column_never_overflows_a_narrow_window() {
        let text = "Choisissez la langue du jeu et le mode : atelier ou formation.";
        let harness = Harness::builder()
            .with_size(egui::vec2(320.0, 600.0))
            .build_ui(|ui| {
                column(ui, 1000.0, |ui| {
                    ui.label(text);
                });
            });
        let rect = harness.get_by_label(text).rect();
        assert!(
            rect.min.x >= 0.0 && rect.max.x <= 320.0,
            "the text spills out of a 320-point window: {rect:?}"
        );
    }
}
