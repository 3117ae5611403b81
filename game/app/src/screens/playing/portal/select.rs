//! A drop-down list (`list: true`) that behaves like a browser's native
//! `<select>`, because that is what the player will meet on the real site:
//! it takes the keyboard focus like any input; closed, the up and down arrows
//! change the choice without leaving it; Enter or Space opens the list, the
//! arrows move in it, Enter picks and closes, Escape closes; the focus stays
//! on the list the whole time.

use bevy_egui::egui::{self, EventFilter, Key, RichText, Ui};
use dedale_core::model::Choice;

use super::Browser;
use super::inputs::take_focus;

impl Browser<'_, '_> {
    /// The list's button (the current choice), and its options when open.
    pub(super) fn select(
        &mut self,
        ui: &mut Ui,
        c: &Choice,
        chosen: Option<&str>,
        label: egui::Id,
    ) {
        let (s, p, lang) = (self.cx.s, self.cx.p, self.cx.lang);
        let current = c.options.iter().position(|o| Some(o.id.as_str()) == chosen);
        let text = current.map_or(s.choose, |i| c.options[i].label.get(lang));
        let width = ui.available_width().min(420.0);
        let button = ui
            .add(
                egui::Button::new(RichText::new(format!("{text}   ⏷")))
                    .min_size(egui::vec2(width, 40.0)),
            )
            .labelled_by(label);
        // Named and typed as a screen reader expects of a <select>.
        let open_id = button.id.with("ouvert");
        let mut open: Option<usize> = ui.memory(|m| m.data.get_temp(open_id)).flatten();
        let (name, expanded) = (c.label.get(lang), open.is_some());
        button.widget_info(|| {
            egui::WidgetInfo::selected(egui::WidgetType::ComboBox, true, expanded, name)
        });
        self.focus_if_first(&button);
        take_focus(ui, &c.id, &button);
        if button.has_focus() {
            // The arrows and Escape belong to the list while it has the focus.
            let keys = EventFilter {
                vertical_arrows: true,
                escape: true,
                ..EventFilter::default()
            };
            ui.memory_mut(|m| m.set_focus_lock_filter(button.id, keys));
            let last = c.options.len().saturating_sub(1);
            let (down, up, escape, keyboard) = ui.input(|i| {
                (
                    i.key_pressed(Key::ArrowDown),
                    i.key_pressed(Key::ArrowUp),
                    i.key_pressed(Key::Escape),
                    i.key_pressed(Key::Enter) || i.key_pressed(Key::Space),
                )
            });
            let step = |from: Option<usize>| match (from, down, up) {
                (None, true, _) | (None, _, true) => Some(0),
                (Some(i), true, _) => Some((i + 1).min(last)),
                (Some(i), _, true) => Some(i.saturating_sub(1)),
                (from, _, _) => from,
            };
            match open {
                Some(_) if escape => open = None,
                Some(highlight) if button.clicked() && keyboard => {
                    self.choose(c, &c.options[highlight.min(last)].id);
                    open = None;
                }
                Some(highlight) => open = step(Some(highlight)),
                None if button.clicked() => open = Some(current.unwrap_or(0)),
                None => {
                    if let Some(next) = step(current).filter(|n| Some(*n) != current) {
                        self.choose(c, &c.options[next].id);
                    }
                }
            }
        } else if button.clicked() {
            open = if open.is_some() {
                None
            } else {
                Some(current.unwrap_or(0))
            };
        }
        if let Some(highlight) = open {
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.5, p.border))
                .corner_radius(4)
                .inner_margin(6)
                .show(ui, |ui| {
                    ui.set_width(width);
                    for (i, o) in c.options.iter().enumerate() {
                        let shown = egui::Button::selectable(i == highlight, o.label.get(lang))
                            .min_size(egui::vec2(width - 12.0, 36.0));
                        if ui.add(shown).clicked() {
                            self.choose(c, &o.id);
                            open = None;
                            button.request_focus();
                        }
                    }
                });
        }
        ui.memory_mut(|m| m.data.insert_temp(open_id, open));
    }
}
