//! The simulated browser: the address bar with its padlock (look-alike sites
//! are part of the lessons), the back button, and the portal page drawn from
//! the engine — inputs, errors beside each one and summarised at the top.

mod inputs;
mod select;
mod upload;

use bevy_egui::egui::{self, RichText, Ui};
use dedale_core::Lang;
use dedale_core::engine::{Action, Feedback};
use dedale_core::model::Tone;

use super::{Cx, Tab};
use crate::mirror::split_address;
use crate::speech;
use crate::theme::{BODY, widgets};

/// The browser window and its page.
pub(super) struct Browser<'c, 'a> {
    /// The desk's frame.
    pub cx: &'c mut Cx<'a>,
}

impl Browser<'_, '_> {
    /// Draws the window, then the page's blocks.
    pub fn ui(&mut self, ui: &mut Ui) {
        let Some(page) = self.cx.play.scenario.page(&self.cx.play.state.page) else {
            return;
        };
        let desk = &mut *self.cx.desk;
        if desk.page_seen.as_deref() != Some(page.id.as_str()) {
            desk.page_seen = Some(page.id.clone());
            desk.focus_page = true;
        }
        let p = self.cx.p;
        egui::Frame::new()
            .fill(p.chrome)
            .stroke(egui::Stroke::new(1.5, p.border))
            .corner_radius(10)
            .show(ui, |ui| {
                ui.set_min_size(ui.available_size());
                self.address_bar(ui, &page.address);
                egui::Frame::new()
                    .fill(p.page)
                    .inner_margin(egui::Margin::symmetric(28, 18))
                    .show(ui, |ui| {
                        ui.set_min_size(ui.available_size());
                        widgets::scroll(ui, |ui| self.page(ui, page));
                    });
            });
    }

    /// The page: its title, what the portal says (incident, hint, errors), then its blocks.
    fn page(&mut self, ui: &mut Ui, page: &dedale_core::model::Page) {
        ui.set_max_width(ui.available_width().min(760.0));
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(page.title.get(self.cx.lang))
                    .size(BODY * 1.6)
                    .strong(),
            );
            if speech::available() {
                let words = crate::mirror::page_words(self.cx.play, self.cx.lang);
                speech::button(
                    ui,
                    self.cx.s.read_page,
                    &words,
                    &format!("page:{}", page.id),
                );
            }
        });
        ui.add_space(6.0);
        self.incident(ui);
        self.hint(ui);
        if let Some(field) = self.cx.desk.focus_input.take() {
            ui.memory_mut(|m| m.request_focus(input_id(&field)));
        }
        self.summary(ui);
        // Each block gets an id of its own, independent of what is drawn
        // above it: egui numbers widgets in order (`push_id` too mixes in
        // that count), so a network error or error summary appearing above
        // would otherwise change the id of the button just pressed, and the
        // keyboard focus would be lost. Only the blocks shown now are drawn
        // (a block's `when`); each keeps the id of its place in the page.
        let play = self.cx.play;
        for (i, block) in play.state.visible_blocks(&play.scenario, page) {
            let id = egui::Id::new(("portail-bloc", &page.id, i));
            ui.scope_builder(egui::UiBuilder::new().id(id), |ui| {
                self.block(ui, block);
            });
        }
    }

    fn address_bar(&mut self, ui: &mut Ui, address: &str) {
        let (s, p) = (self.cx.s, self.cx.p);
        let first = self.cx.play.state.history.is_empty();
        egui::Frame::new().inner_margin(8).show(ui, |ui| {
            ui.horizontal(|ui| {
                let back = ui.add_enabled(
                    !first,
                    egui::Button::new(RichText::new("⬅").size(BODY * 1.2)),
                );
                back.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::WidgetType::Button, !first, s.browser_back)
                });
                if back.on_hover_text(s.browser_back).clicked() {
                    self.cx.out.push(Action::Back);
                }
                let secure = address.starts_with("https://");
                let (icon, word, colour) = if secure {
                    ("🔒", s.secure, p.success)
                } else {
                    ("⚠", s.not_secure, p.error)
                };
                egui::Frame::new()
                    .fill(p.page)
                    .stroke(egui::Stroke::new(1.0, p.border))
                    .corner_radius(16)
                    .inner_margin(egui::Margin::symmetric(12, 6))
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        // The domain is what tells the official site from a look-alike:
                        // it is always shown whole, on one line when one can hold it (it
                        // goes under the padlock on a phone, rather than break), and only
                        // the path after it is shortened, into the room left on the line.
                        ui.horizontal_wrapped(|ui| {
                            ui.spacing_mut().item_spacing.x = 0.0;
                            ui.label(
                                RichText::new(format!("{icon} {word}  "))
                                    .color(colour)
                                    .size(BODY * 0.85),
                            );
                            let (scheme, host, path) = split_address(address);
                            ui.label(RichText::new(scheme).monospace().color(p.muted));
                            let host = RichText::new(host).monospace().strong();
                            let width = egui::WidgetText::from(host.clone())
                                .into_galley(
                                    ui,
                                    Some(egui::TextWrapMode::Extend),
                                    f32::INFINITY,
                                    egui::FontSelection::Default,
                                )
                                .size()
                                .x;
                            let label = egui::Label::new(host);
                            if width <= ui.max_rect().width() {
                                ui.add(label.extend());
                            } else {
                                ui.add(label.wrap());
                            }
                            if !path.is_empty() {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(path).monospace().color(p.muted),
                                    )
                                    .truncate(),
                                );
                            }
                        });
                    });
            });
        });
    }

    /// The incident shown on this page, made to look like the real portal's message.
    fn incident(&self, ui: &mut Ui) {
        let (play, lang) = (self.cx.play, self.cx.lang);
        let Some(i) = play
            .state
            .incident
            .as_deref()
            .and_then(|id| play.scenario.incident(id))
        else {
            return;
        };
        let tone = match i.kind {
            dedale_core::model::IncidentKind::NoSlot => Tone::Warning,
            _ => Tone::Error,
        };
        widgets::notice(ui, &self.cx.p, tone, lang != Lang::En, i.message.get(lang));
        ui.add_space(8.0);
    }

    /// The last hint asked for on this page, with a way to open the document it points at.
    fn hint(&mut self, ui: &mut Ui) {
        let Cx {
            play,
            desk,
            s,
            p,
            lang,
            ..
        } = &mut *self.cx;
        let Some(level) = play.last.iter().find_map(|f| match f {
            Feedback::Hint { level } => Some(*level),
            _ => None,
        }) else {
            return;
        };
        let Some(h) = play
            .scenario
            .page(&play.state.page)
            .and_then(|pg| pg.hints.get(usize::from(level).saturating_sub(1)))
        else {
            return;
        };
        egui::Frame::new()
            .fill(p.warning_bg)
            .stroke(egui::Stroke::new(2.0, p.warning))
            .corner_radius(6)
            .inner_margin(12)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("💡 {} {level}/3", s.hint))
                        .color(p.warning)
                        .strong(),
                );
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(h.text.get(*lang)).color(p.warning));
                    speech::button(ui, s.read_aloud, h.text.get(*lang), "hint");
                });
                if let Some(doc) = h
                    .document
                    .as_deref()
                    .and_then(|d| play.scenario.document(d))
                    && widgets::secondary(ui, &format!("📄 {} {}", s.look_at, doc.title.get(*lang)))
                        .clicked()
                {
                    desk.tab = Tab::Folder;
                    desk.document = Some(doc.id.clone());
                }
            });
        ui.add_space(8.0);
    }

    /// "The form has N errors", listing them; each one moves the focus to its input.
    fn summary(&mut self, ui: &mut Ui) {
        let Cx {
            play,
            desk,
            s,
            p,
            lang,
            ..
        } = &mut *self.cx;
        let errors = &play.state.errors;
        if errors.is_empty() {
            return;
        }
        let mut focus = None;
        egui::Frame::new()
            .fill(p.error_bg)
            .stroke(egui::Stroke::new(2.0, p.error))
            .corner_radius(6)
            .inner_margin(12)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let title = s.form_errors(errors.len());
                ui.label(RichText::new(format!("✖ {title}")).color(p.error).strong());
                for e in errors {
                    let label = play.scenario.input_label(&e.field, *lang);
                    let link = ui.add(
                        egui::Button::new(
                            RichText::new(format!("• {label} : {}", e.kind.message(*lang)))
                                .color(p.error)
                                .underline(),
                        )
                        .frame(false),
                    );
                    if link.clicked() {
                        focus = Some(e.field.clone());
                    }
                }
            });
        ui.add_space(8.0);
        if desk.focus_first_error {
            focus = errors.first().map(|e| e.field.clone());
            desk.focus_first_error = false;
        }
        if let Some(field) = focus {
            ui.memory_mut(|m| m.request_focus(input_id(&field)));
        }
    }
}

/// The egui id of an input, so errors can move the focus to it.
pub(crate) fn input_id(field: &str) -> egui::Id {
    egui::Id::new(("input", field))
}

#[cfg(test)]
mod tests;
