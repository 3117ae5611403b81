//! The page's blocks: text, notices, fields, choices, boxes, captchas, codes
//! and buttons, each drawn from the engine's state and turned into actions.

use bevy_egui::egui::{self, RichText, Ui};
use dedale_core::engine::{Action, Answer};
use dedale_core::model::{Block, Button, ButtonStyle, Captcha, Checkbox, Choice, CodeField, Field};
use dedale_core::{Lang, rules};

use super::{Browser, input_id};
use crate::screens::playing::captcha;
use crate::speech;
use crate::theme::{BODY, widgets};

impl Browser<'_, '_> {
    /// One block of the page.
    pub(super) fn block(&mut self, ui: &mut Ui, block: &Block) {
        let (p, lang) = (self.cx.p, self.cx.lang);
        match block {
            Block::Heading(t) => widgets::heading(ui, t.get(lang)),
            Block::Paragraph(t) => {
                ui.horizontal_wrapped(|ui| {
                    ui.label(t.get(lang));
                    let what = format!("text:{}", self.cx.play.state.page);
                    speech::button(ui, self.cx.s.read_aloud, t.get(lang), &what);
                });
            }
            Block::Notice(n) => widgets::notice(ui, &p, n.tone, lang != Lang::En, n.text.get(lang)),
            Block::Field(f) => self.field(ui, f),
            Block::Choice(c) => self.choice(ui, c),
            Block::Checkbox(c) => self.checkbox(ui, c),
            Block::Upload(u) => self.upload(ui, u),
            Block::Captcha(c) => self.captcha(ui, c),
            Block::Code(c) => self.code(ui, c),
            Block::Button(b) => self.button(ui, b),
        }
    }

    fn field(&mut self, ui: &mut Ui, f: &Field) {
        let (s, p, lang) = (self.cx.s, self.cx.p, self.cx.lang);
        ui.add_space(4.0);
        let l = self.label(ui, &f.id, f.label.get(lang), f.required);
        if let Some(help) = &f.help {
            widgets::muted(ui, &p, help.get(lang));
        }
        let shown_id = egui::Id::new(("shown", &f.id));
        let mut shown = ui.memory(|m| m.data.get_temp::<bool>(shown_id).unwrap_or(false));
        ui.horizontal(|ui| {
            self.text_input(ui, &f.id, f.secret && !shown, (l.id, f.label.get(lang)));
            if f.secret && ui.button(if shown { s.hide } else { s.show }).clicked() {
                shown = !shown;
                ui.memory_mut(|m| m.data.insert_temp(shown_id, shown));
            }
        });
        // A confirmation repeats a password: the rules are shown once, beside the first.
        if let (rules::FieldKind::Password(policy), None) = (&f.kind, &f.same_as) {
            for (rule, ok) in rules::password_checklist(policy, &self.text_of(&f.id), lang) {
                let (icon, colour) = if ok {
                    ("✔", p.success)
                } else {
                    ("○", p.muted)
                };
                ui.label(RichText::new(format!("{icon} {rule}")).color(colour));
            }
        }
        self.errors_of(ui, &f.id);
    }

    fn choice(&mut self, ui: &mut Ui, c: &Choice) {
        let lang = self.cx.lang;
        ui.add_space(4.0);
        let l = self.label(ui, &c.id, c.label.get(lang), c.required);
        let chosen = match self.cx.play.state.answers.get(&c.id) {
            Some(Answer::Option(o)) => Some(o.clone()),
            _ => None,
        };
        if c.list {
            self.select(ui, c, chosen.as_deref(), l.id);
        } else {
            for (i, o) in c.options.iter().enumerate() {
                let mut r = ui.radio(chosen.as_ref() == Some(&o.id), o.label.get(lang));
                if i == 0 {
                    self.focus_if_first(&r);
                    r = r.labelled_by(l.id);
                    take_focus(ui, &c.id, &r);
                }
                if r.clicked() {
                    self.choose(c, &o.id);
                }
            }
        }
        self.errors_of(ui, &c.id);
    }

    pub(super) fn choose(&mut self, c: &Choice, option: &str) {
        self.cx.out.push(Action::Choose {
            field: c.id.clone(),
            option: option.to_string(),
        });
    }

    fn checkbox(&mut self, ui: &mut Ui, c: &Checkbox) {
        let (s, lang) = (self.cx.s, self.cx.lang);
        ui.add_space(4.0);
        let mut checked = self.cx.play.state.answers.get(&c.id) == Some(&Answer::Checked(true));
        let text = if c.required {
            format!("{} ({})", c.label.get(lang), s.required)
        } else {
            c.label.get(lang).to_string()
        };
        let r = ui.checkbox(&mut checked, text);
        self.focus_if_first(&r);
        take_focus(ui, &c.id, &r);
        if r.changed() {
            self.cx.out.push(Action::Tick {
                field: c.id.clone(),
                checked,
            });
        }
        self.errors_of(ui, &c.id);
    }

    fn captcha(&mut self, ui: &mut Ui, c: &Captcha) {
        ui.add_space(4.0);
        let l = self.label(ui, &c.id, c.label.get(self.cx.lang), true);
        let drawn = self.cx.play.state.captchas.get(&c.id);
        captcha::image(ui, drawn.map_or("", String::as_str), &self.cx.p);
        self.text_input(ui, &c.id, false, (l.id, c.label.get(self.cx.lang)));
        self.errors_of(ui, &c.id);
    }

    fn code(&mut self, ui: &mut Ui, c: &CodeField) {
        ui.add_space(4.0);
        let l = self.label(ui, &c.id, c.label.get(self.cx.lang), true);
        self.text_input(ui, &c.id, false, (l.id, c.label.get(self.cx.lang)));
        self.errors_of(ui, &c.id);
    }

    fn button(&mut self, ui: &mut Ui, b: &Button) {
        ui.add_space(6.0);
        let label = b.label.get(self.cx.lang);
        let p = self.cx.p;
        let r = match b.style {
            ButtonStyle::Primary => widgets::primary(ui, &p, label),
            ButtonStyle::Secondary => widgets::secondary(ui, label),
            ButtonStyle::Link => widgets::link(ui, &p, label),
        };
        self.focus_if_first(&r);
        if r.clicked() {
            self.cx.out.push(Action::Press {
                button: b.id.clone(),
            });
        }
    }

    /// A single-line text input bound to an engine input: typing sends `Fill`.
    /// It is named by its label (`label`: the label's widget and its text),
    /// as a screen reader and the game's focus report say it.
    fn text_input(&mut self, ui: &mut Ui, id: &str, hidden: bool, label: (egui::Id, &str)) {
        let (label_id, name) = label;
        let mut text = self.text_of(id);
        let edit = egui::TextEdit::singleline(&mut text)
            .id(input_id(id))
            .password(hidden)
            .desired_width(ui.available_width().min(480.0))
            .font(egui::TextStyle::Body)
            .margin(egui::vec2(8.0, 6.0));
        let response = ui.add(edit).labelled_by(label_id);
        // Never the value typed: only the kind of control and its name.
        response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::TextEdit, true, name));
        self.focus_if_first(&response);
        if response.changed() {
            self.cx.out.push(Action::Fill {
                field: id.to_string(),
                value: text,
            });
        }
        self.submit_on_enter(ui, &response);
    }

    fn text_of(&self, id: &str) -> String {
        self.cx.play.state.text(id).unwrap_or_default().to_string()
    }

    /// The errors of one input, beside it.
    pub(super) fn errors_of(&self, ui: &mut Ui, id: &str) {
        let (play, p, lang) = (self.cx.play, self.cx.p, self.cx.lang);
        for e in play.state.errors.iter().filter(|e| e.field == id) {
            ui.label(
                RichText::new(format!("✖ {}", e.kind.message(lang)))
                    .color(p.error)
                    .strong(),
            );
        }
    }

    /// An input's label, with "(obligatoire)" when it must be answered, and
    /// the button that reads it aloud.
    pub(super) fn label(
        &self,
        ui: &mut Ui,
        id: &str,
        text: &str,
        required: bool,
    ) -> egui::Response {
        let (s, p) = (self.cx.s, self.cx.p);
        ui.horizontal_wrapped(|ui| {
            let r = ui.label(RichText::new(text).strong());
            let spoken = if required {
                ui.label(
                    RichText::new(format!("({})", s.required))
                        .color(p.muted)
                        .size(BODY * 0.85),
                );
                format!("{text} ({})", s.required)
            } else {
                text.to_string()
            };
            speech::button(ui, s.read_aloud, &spoken, &format!("field:{id}"));
            r
        })
        .inner
    }

    /// Gives the keyboard focus to the first control of a new page.
    pub(super) fn focus_if_first(&mut self, response: &egui::Response) {
        if self.cx.desk.focus_page {
            self.cx.desk.focus_page = false;
            response.request_focus();
        }
    }

    /// Enter in a text field submits the form, as on real portals: it presses the page's first checking button.
    fn submit_on_enter(&mut self, ui: &Ui, response: &egui::Response) {
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let play = self.cx.play;
            let button = play
                .state
                .shown(&play.scenario)
                .into_iter()
                .find_map(|b| match b {
                    Block::Button(b) if b.validates() => Some(b),
                    _ => None,
                });
            if let Some(button) = button {
                self.cx.out.push(Action::Press {
                    button: button.id.clone(),
                });
            }
        }
    }
}

/// The summary's links and the focus after a refusal point at an input by its id; a
/// control drawn with another id (radio, checkbox, upload button) takes that focus here.
pub(super) fn take_focus(ui: &Ui, field: &str, response: &egui::Response) {
    if ui.memory(|m| m.focused()) == Some(input_id(field)) {
        response.request_focus();
    }
}
