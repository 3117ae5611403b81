//! An upload: the button that opens the person's files, and the list of
//! files, which behaves like a real file dialog.

use bevy_egui::egui::{self, RichText, Ui};
use dedale_core::engine::{Action, Answer};
use dedale_core::model::Upload;

use super::Browser;
use super::inputs::take_focus;
use crate::i18n::fill;
use crate::theme::widgets;

impl Browser<'_, '_> {
    /// The upload's rules, its button and the file chosen; the file list when open.
    pub(super) fn upload(&mut self, ui: &mut Ui, u: &Upload) {
        let (play, s, p, lang) = (self.cx.play, self.cx.s, self.cx.p, self.cx.lang);
        ui.add_space(4.0);
        let l = self.label(ui, &u.id, u.label.get(lang), u.required);
        let accepted: Vec<&str> = u.accept.iter().map(|f| f.name()).collect();
        widgets::muted(
            ui,
            &p,
            &fill(
                s.upload_rules,
                &[
                    ("formats", &accepted.join(", ")),
                    ("max", &(u.max_kb / 1024).max(1).to_string()),
                ],
            ),
        );
        let chosen = match play.state.answers.get(&u.id) {
            Some(Answer::Document(d)) => play
                .scenario
                .document(d)
                .and_then(|d| d.file.as_ref())
                .map(|f| f.name.clone()),
            _ => None,
        };
        let button = ui
            .horizontal(|ui| {
                let button = ui.add(
                    egui::Button::new(format!("📎 {}", s.choose_file))
                        .min_size(egui::vec2(44.0, 40.0)),
                );
                let button = button.labelled_by(l.id);
                self.focus_if_first(&button);
                take_focus(ui, &u.id, &button);
                if button.clicked() {
                    let desk = &mut *self.cx.desk;
                    desk.upload_open = if desk.upload_open.as_deref() == Some(&u.id) {
                        None
                    } else {
                        Some(u.id.clone())
                    };
                }
                ui.label(chosen.unwrap_or_else(|| s.no_file.to_string()));
                button.id
            })
            .inner;
        if self.cx.desk.upload_open.as_deref() == Some(&u.id) {
            self.files(ui, u, button);
        }
        if self.cx.desk.upload_open.as_deref() != Some(&u.id) {
            ui.memory_mut(|m| m.data.remove::<bool>(button));
        }
        self.errors_of(ui, &u.id);
    }

    /// Like a real file dialog: the keyboard lands on the first file, Escape closes
    /// the list, and the focus goes back to the button that opened it.
    fn files(&mut self, ui: &mut Ui, u: &Upload, button: egui::Id) {
        let (play, s, p) = (self.cx.play, self.cx.s, self.cx.p);
        let opening = !ui.memory(|m| m.data.get_temp::<bool>(button).unwrap_or(false));
        ui.memory_mut(|m| m.data.insert_temp(button, true));
        let mut close = ui.input(|i| i.key_pressed(egui::Key::Escape));
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.5, p.border))
            .corner_radius(6)
            .inner_margin(10)
            .show(ui, |ui| {
                ui.label(RichText::new(s.your_files).strong());
                let mut first = opening;
                for d in &play.scenario.persona.documents {
                    let Some(f) = &d.file else { continue };
                    let text = format!("📄 {}  ({}, {} Ko)", f.name, f.format.name(), f.size_kb);
                    let r = ui.button(text);
                    if std::mem::take(&mut first) {
                        r.request_focus();
                    }
                    if r.clicked() {
                        self.cx.out.push(Action::Upload {
                            field: u.id.clone(),
                            document: d.id.clone(),
                        });
                        close = true;
                    }
                }
            });
        if close {
            self.cx.desk.upload_open = None;
            self.cx.desk.focus_input = Some(u.id.clone());
        }
    }
}
