//! The simulated browser: the address bar with its padlock (look-alike sites
//! are part of the lessons), the back button, and the portal page drawn from
//! the engine — inputs, errors beside each one and summarised at the top.

use bevy_egui::egui::{self, RichText, Ui};
use dedale_core::engine::{Action, Answer, Feedback};
use dedale_core::model::{Block, ButtonStyle, Tone};
use dedale_core::{Lang, rules};

use super::{Desk, captcha};
use crate::game::Play;
use crate::i18n::Strings;
use crate::theme::palette::Palette;
use crate::theme::{BODY, widgets};

/// Draws the browser window and its page.
pub(super) fn browser(
    ui: &mut Ui,
    play: &Play,
    desk: &mut Desk,
    s: &Strings,
    p: &Palette,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    let Some(page) = play.scenario.page(&play.state.page) else {
        return;
    };
    if desk.page_seen.as_deref() != Some(page.id.as_str()) {
        desk.page_seen = Some(page.id.clone());
        desk.focus_page = true;
    }
    egui::Frame::new()
        .fill(p.chrome)
        .stroke(egui::Stroke::new(1.5, p.border))
        .corner_radius(10)
        .show(ui, |ui| {
            ui.set_min_size(ui.available_size());
            address_bar(ui, &page.address, play.state.history.is_empty(), s, p, out);
            egui::Frame::new()
                .fill(p.page)
                .inner_margin(egui::Margin::symmetric(28, 18))
                .show(ui, |ui| {
                    ui.set_min_size(ui.available_size());
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            ui.set_max_width(ui.available_width().min(760.0));
                            ui.label(
                                RichText::new(page.title.get(lang))
                                    .size(BODY * 1.6)
                                    .strong(),
                            );
                            ui.add_space(6.0);
                            incident(ui, play, p, lang);
                            hint(ui, play, desk, s, p, lang);
                            if let Some(field) = desk.focus_input.take() {
                                ui.memory_mut(|m| m.request_focus(input_id(&field)));
                            }
                            summary(ui, play, desk, s, p, lang);
                            // Each block gets an id of its own, independent of what is drawn
                            // above it: egui numbers widgets in order (`push_id` too mixes in
                            // that count), so a network error or error summary appearing above
                            // would otherwise change the id of the button just pressed, and the
                            // keyboard focus would be lost.
                            for (i, block) in page.blocks.iter().enumerate() {
                                let id = egui::Id::new(("portail-bloc", &page.id, i));
                                ui.scope_builder(egui::UiBuilder::new().id(id), |ui| {
                                    self::block(ui, play, desk, block, s, p, lang, out);
                                });
                            }
                        });
                });
        });
}

fn address_bar(
    ui: &mut Ui,
    address: &str,
    first: bool,
    s: &Strings,
    p: &Palette,
    out: &mut Vec<Action>,
) {
    egui::Frame::new().inner_margin(8).show(ui, |ui| {
        ui.horizontal(|ui| {
            let back = ui.add_enabled(
                !first,
                egui::Button::new(RichText::new("⬅").size(BODY * 1.2)),
            );
            if back.on_hover_text(s.browser_back).clicked() {
                out.push(Action::Back);
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
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!("{icon} {word}"))
                                .color(colour)
                                .size(BODY * 0.85),
                        );
                        ui.add(egui::Label::new(RichText::new(address).monospace()).truncate());
                    });
                });
        });
    });
}

/// The incident shown on this page, made to look like the real portal's message.
fn incident(ui: &mut Ui, play: &Play, p: &Palette, lang: Lang) {
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
    widgets::notice(ui, p, tone, lang != Lang::En, i.message.get(lang));
    ui.add_space(8.0);
}

/// The last hint asked for on this page, with a way to open the document it points at.
fn hint(ui: &mut Ui, play: &Play, desk: &mut Desk, s: &Strings, p: &Palette, lang: Lang) {
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
            ui.label(RichText::new(h.text.get(lang)).color(p.warning));
            if let Some(doc) = h
                .document
                .as_deref()
                .and_then(|d| play.scenario.document(d))
                && widgets::secondary(ui, &format!("📄 {} {}", s.look_at, doc.title.get(lang)))
                    .clicked()
            {
                desk.tab = super::Tab::Folder;
                desk.document = Some(doc.id.clone());
            }
        });
    ui.add_space(8.0);
}

/// "The form has N errors", listing them; each one moves the focus to its input.
fn summary(ui: &mut Ui, play: &Play, desk: &mut Desk, s: &Strings, p: &Palette, lang: Lang) {
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
                let label = play
                    .scenario
                    .input(&e.field)
                    .and_then(|(_, b)| b.label())
                    .map_or(e.field.clone(), |l| l.get(lang).to_string());
                let link = ui.add(
                    egui::Button::new(
                        RichText::new(format!("• {label} : {}", e.kind.message(lang)))
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

/// The egui id of an input, so errors can move the focus to it.
pub(super) fn input_id(field: &str) -> egui::Id {
    egui::Id::new(("input", field))
}

fn text_of(play: &Play, id: &str) -> String {
    match play.state.answers.get(id) {
        Some(Answer::Text(t)) => t.clone(),
        _ => String::new(),
    }
}

fn errors_of(ui: &mut Ui, play: &Play, id: &str, p: &Palette, lang: Lang) {
    for e in play.state.errors.iter().filter(|e| e.field == id) {
        ui.label(
            RichText::new(format!("✖ {}", e.kind.message(lang)))
                .color(p.error)
                .strong(),
        );
    }
}

fn label(ui: &mut Ui, text: &str, required: bool, s: &Strings, p: &Palette) -> egui::Response {
    ui.horizontal_wrapped(|ui| {
        let r = ui.label(RichText::new(text).strong());
        if required {
            ui.label(
                RichText::new(format!("({})", s.required))
                    .color(p.muted)
                    .size(BODY * 0.85),
            );
        }
        r
    })
    .inner
}

/// Gives the keyboard focus to the first control of a new page.
fn focus_if_first(desk: &mut Desk, response: &egui::Response) {
    if desk.focus_page {
        desk.focus_page = false;
        response.request_focus();
    }
}

/// The summary's links and the focus after a refusal point at an input by its id; a
/// control drawn with another id (radio, checkbox, upload button) takes that focus here.
fn take_focus(ui: &Ui, field: &str, response: &egui::Response) {
    if ui.memory(|m| m.focused()) == Some(input_id(field)) {
        response.request_focus();
    }
}

/// Enter in a text field submits the form, as on real portals: it presses the page's first checking button.
fn submit_on_enter(ui: &Ui, play: &Play, response: &egui::Response, out: &mut Vec<Action>) {
    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        let page = play.scenario.page(&play.state.page);
        if let Some(button) = page.and_then(|p| p.buttons().find(|b| b.validates())) {
            out.push(Action::Press {
                button: button.id.clone(),
            });
        }
    }
}

/// A single-line text input bound to an engine input: typing sends `Fill`.
#[allow(clippy::too_many_arguments)]
fn text_input(
    ui: &mut Ui,
    play: &Play,
    desk: &mut Desk,
    id: &str,
    secret: bool,
    desk_shown: bool,
    label_id: egui::Id,
    out: &mut Vec<Action>,
) {
    let mut text = text_of(play, id);
    let edit = egui::TextEdit::singleline(&mut text)
        .id(input_id(id))
        .password(secret && !desk_shown)
        .desired_width(ui.available_width().min(480.0))
        .font(egui::TextStyle::Body)
        .margin(egui::vec2(8.0, 6.0));
    let response = ui.add(edit).labelled_by(label_id);
    focus_if_first(desk, &response);
    if response.changed() {
        out.push(Action::Fill {
            field: id.to_string(),
            value: text,
        });
    }
    submit_on_enter(ui, play, &response, out);
}

#[allow(clippy::too_many_arguments)]
fn block(
    ui: &mut Ui,
    play: &Play,
    desk: &mut Desk,
    block: &Block,
    s: &Strings,
    p: &Palette,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    let fr = lang != Lang::En;
    match block {
        Block::Heading(t) => widgets::heading(ui, t.get(lang)),
        Block::Paragraph(t) => {
            ui.label(t.get(lang));
        }
        Block::Notice(n) => widgets::notice(ui, p, n.tone, fr, n.text.get(lang)),
        Block::Field(f) => {
            ui.add_space(4.0);
            let l = label(ui, f.label.get(lang), f.required, s, p);
            if let Some(help) = &f.help {
                widgets::muted(ui, p, help.get(lang));
            }
            let shown_id = egui::Id::new(("shown", &f.id));
            let mut shown = ui.memory(|m| m.data.get_temp::<bool>(shown_id).unwrap_or(false));
            ui.horizontal(|ui| {
                text_input(ui, play, desk, &f.id, f.secret, shown, l.id, out);
                if f.secret && ui.button(if shown { s.hide } else { s.show }).clicked() {
                    shown = !shown;
                    ui.memory_mut(|m| m.data.insert_temp(shown_id, shown));
                }
            });
            if let rules::FieldKind::Password(policy) = &f.kind {
                for (rule, ok) in rules::password_checklist(policy, &text_of(play, &f.id), lang) {
                    let (icon, colour) = if ok {
                        ("✔", p.success)
                    } else {
                        ("○", p.muted)
                    };
                    ui.label(RichText::new(format!("{icon} {rule}")).color(colour));
                }
            }
            errors_of(ui, play, &f.id, p, lang);
        }
        Block::Choice(c) => {
            ui.add_space(4.0);
            let l = label(ui, c.label.get(lang), c.required, s, p);
            let chosen = match play.state.answers.get(&c.id) {
                Some(Answer::Option(o)) => Some(o.clone()),
                _ => None,
            };
            if c.list {
                let current = c
                    .options
                    .iter()
                    .find(|o| Some(&o.id) == chosen.as_ref())
                    .map_or(s.choose, |o| o.label.get(lang));
                egui::ComboBox::from_id_salt(input_id(&c.id))
                    .selected_text(current)
                    .width(360.0)
                    .show_ui(ui, |ui| {
                        for o in &c.options {
                            if ui
                                .selectable_label(chosen.as_ref() == Some(&o.id), o.label.get(lang))
                                .clicked()
                            {
                                out.push(Action::Choose {
                                    field: c.id.clone(),
                                    option: o.id.clone(),
                                });
                            }
                        }
                    });
            } else {
                for (i, o) in c.options.iter().enumerate() {
                    let mut r = ui.radio(chosen.as_ref() == Some(&o.id), o.label.get(lang));
                    if i == 0 {
                        focus_if_first(desk, &r);
                        r = r.labelled_by(l.id);
                        take_focus(ui, &c.id, &r);
                    }
                    if r.clicked() {
                        out.push(Action::Choose {
                            field: c.id.clone(),
                            option: o.id.clone(),
                        });
                    }
                }
            }
            errors_of(ui, play, &c.id, p, lang);
        }
        Block::Checkbox(c) => {
            ui.add_space(4.0);
            let mut checked = play.state.answers.get(&c.id) == Some(&Answer::Checked(true));
            let text = if c.required {
                format!("{} ({})", c.label.get(lang), s.required)
            } else {
                c.label.get(lang).to_string()
            };
            let r = ui.checkbox(&mut checked, text);
            focus_if_first(desk, &r);
            take_focus(ui, &c.id, &r);
            if r.changed() {
                out.push(Action::Tick {
                    field: c.id.clone(),
                    checked,
                });
            }
            errors_of(ui, play, &c.id, p, lang);
        }
        Block::Upload(u) => upload(ui, play, desk, u, s, p, lang, out),
        Block::Captcha(c) => {
            ui.add_space(4.0);
            let l = label(ui, c.label.get(lang), true, s, p);
            captcha::image(
                ui,
                play.state.captchas.get(&c.id).map_or("", String::as_str),
                p,
            );
            text_input(ui, play, desk, &c.id, false, false, l.id, out);
            errors_of(ui, play, &c.id, p, lang);
        }
        Block::Code(c) => {
            ui.add_space(4.0);
            let l = label(ui, c.label.get(lang), true, s, p);
            text_input(ui, play, desk, &c.id, false, false, l.id, out);
            errors_of(ui, play, &c.id, p, lang);
        }
        Block::Button(b) => {
            ui.add_space(6.0);
            let label = b.label.get(lang);
            let r = match b.style {
                ButtonStyle::Primary => widgets::primary(ui, p, label),
                ButtonStyle::Secondary => widgets::secondary(ui, label),
                ButtonStyle::Link => widgets::link(ui, p, label),
            };
            focus_if_first(desk, &r);
            if r.clicked() {
                out.push(Action::Press {
                    button: b.id.clone(),
                });
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn upload(
    ui: &mut Ui,
    play: &Play,
    desk: &mut Desk,
    u: &dedale_core::model::Upload,
    s: &Strings,
    p: &Palette,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    let l = label(ui, u.label.get(lang), u.required, s, p);
    let accepted: Vec<&str> = u.accept.iter().map(|f| f.name()).collect();
    widgets::muted(
        ui,
        p,
        &s.upload_rules
            .replace("{formats}", &accepted.join(", "))
            .replace("{max}", &(u.max_kb / 1024).max(1).to_string()),
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
                egui::Button::new(format!("📎 {}", s.choose_file)).min_size(egui::vec2(44.0, 40.0)),
            );
            let button = button.labelled_by(l.id);
            focus_if_first(desk, &button);
            take_focus(ui, &u.id, &button);
            if button.clicked() {
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
    if desk.upload_open.as_deref() == Some(&u.id) {
        // Like a real file dialog: the keyboard lands on the first file, Escape closes
        // the list, and the focus goes back to the button that opened it.
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
                for d in play.scenario.persona.documents.iter() {
                    let Some(f) = &d.file else { continue };
                    let text = format!("📄 {}  ({}, {} Ko)", f.name, f.format.name(), f.size_kb);
                    let r = ui.button(text);
                    if std::mem::take(&mut first) {
                        r.request_focus();
                    }
                    if r.clicked() {
                        out.push(Action::Upload {
                            field: u.id.clone(),
                            document: d.id.clone(),
                        });
                        close = true;
                    }
                }
            });
        if close {
            desk.upload_open = None;
            desk.focus_input = Some(u.id.clone());
        }
    }
    if desk.upload_open.as_deref() != Some(&u.id) {
        ui.memory_mut(|m| m.data.remove::<bool>(button));
    }
    errors_of(ui, play, &u.id, p, lang);
}
