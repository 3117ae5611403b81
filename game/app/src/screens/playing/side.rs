//! Beside the browser: the persona's folder, phone and mailbox, and in mode
//! *Formation* the dialogue with the persona and the two scores.

use bevy_egui::egui::{self, RichText, Ui};
use dedale_core::Lang;
use dedale_core::engine::{Action, Feedback};
use dedale_core::model::{Device, Mode};

use super::{Cx, FolderFocus, Tab};
use crate::game::Play;
use crate::theme::palette::Palette;
use crate::theme::{BODY, widgets};

/// The panel beside the browser.
pub(super) struct Side<'c, 'a> {
    /// The desk's frame.
    pub cx: &'c mut Cx<'a>,
}

impl Side<'_, '_> {
    /// The tabs, then the open one.
    pub fn ui(&mut self, ui: &mut Ui) {
        tabs(ui, self.cx, false);
        ui.separator();
        self.content(ui);
    }

    /// The open tab (and, in *Formation*, the scores above it).
    pub fn content(&mut self, ui: &mut Ui) {
        let cx = &mut *self.cx;
        if cx.play.state.mode == Mode::Formation {
            gauges(ui, cx.play, &cx.p, cx.lang);
        }
        widgets::scroll(ui, |ui| match cx.desk.tab {
            Tab::Site | Tab::Folder => folder(ui, cx),
            Tab::Phone => inbox(ui, cx, Device::Phone),
            Tab::Mail => inbox(ui, cx, Device::Mail),
            Tab::Post => inbox(ui, cx, Device::Post),
            Tab::Dialogue => dialogue(ui, cx),
        });
    }
}

/// The folder, the phone, the mailbox and (in *Formation*) the dialogue, with
/// the number of unread messages; the tab of a message that just arrived
/// pulses. On a narrow screen the site is the first tab.
pub(super) fn tabs(ui: &mut Ui, cx: &mut Cx, site: bool) {
    let Cx {
        play,
        desk,
        s,
        p,
        now,
        ..
    } = cx;
    let play = *play;
    let formation = play.state.mode == Mode::Formation;
    let unread = |device: Device| {
        play.state
            .inbox
            .iter()
            .filter(|r| {
                !r.read
                    && play
                        .scenario
                        .message(&r.message)
                        .is_some_and(|m| m.device == device)
            })
            .count()
    };
    // The tab of a message that just arrived pulses for a few seconds.
    let pulse = desk.arrived_at.map_or(0.0, |t| {
        let age = (*now - t) as f32;
        if age < 3.0 {
            (age * 6.0).sin().abs()
        } else {
            0.0
        }
    });
    ui.horizontal_wrapped(|ui| {
        let mut tab = |ui: &mut Ui, tab: Tab, text: String, flash: bool| {
            let mut button = egui::Button::selectable(desk.tab == tab, text);
            if flash && pulse > 0.0 {
                button = button.fill(p.focus_bg.gamma_multiply(0.4 + 0.6 * pulse));
            }
            if ui.add(button).clicked() {
                desk.tab = tab;
            }
        };
        if site {
            tab(ui, Tab::Site, format!("🌐 {}", s.site), false);
        }
        tab(ui, Tab::Folder, format!("📁 {}", s.folder), false);
        let phone = unread(Device::Phone);
        tab(
            ui,
            Tab::Phone,
            badge(format!("📱 {}", s.phone), phone),
            phone > 0,
        );
        let mail = unread(Device::Mail);
        tab(
            ui,
            Tab::Mail,
            badge(format!("✉ {}", s.mail), mail),
            mail > 0,
        );
        // The letterbox only for scenarios that send letters.
        if play
            .scenario
            .messages
            .iter()
            .any(|m| m.device == Device::Post)
        {
            let post = unread(Device::Post);
            tab(
                ui,
                Tab::Post,
                badge(format!("📬 {}", s.post), post),
                post > 0,
            );
        }
        if formation {
            let open = play.session().map_or(0, |x| x.open_dialogues().len());
            tab(
                ui,
                Tab::Dialogue,
                badge(format!("💬 {}", s.dialogue), open),
                open > 0,
            );
        }
    });
}

fn badge(text: String, n: usize) -> String {
    if n > 0 { format!("{text} ({n})") } else { text }
}

/// The two scores of mode *Formation*, as bars with their numbers (never colour alone).
fn gauges(ui: &mut Ui, play: &Play, p: &Palette, lang: Lang) {
    let w = dedale_core::debrief::words(lang);
    widgets::card(ui, p, |ui| {
        ui.set_width(ui.available_width());
        for (name, value) in [
            (w.rights, play.state.droits),
            (w.autonomy, play.state.autonomie),
        ] {
            ui.label(RichText::new(w.score(name, value)).strong());
            ui.add(
                egui::ProgressBar::new(value as f32 / 100.0)
                    .desired_height(14.0)
                    .fill(p.primary),
            );
        }
    });
    ui.add_space(6.0);
}

fn folder(ui: &mut Ui, cx: &mut Cx) {
    let Cx {
        play,
        desk,
        s,
        p,
        lang,
        out,
        ..
    } = cx;
    let (play, p, lang) = (*play, &*p, *lang);
    if let Some(doc) = desk
        .document
        .clone()
        .and_then(|d| play.scenario.document(&d))
    {
        let back = widgets::secondary(ui, &format!("⬅ {}", s.all_documents));
        if desk.focus_folder == Some(FolderFocus::Back) {
            desk.focus_folder = None;
            back.request_focus();
        }
        if back.clicked() {
            desk.focus_folder = Some(FolderFocus::Document(doc.id.clone()));
            desk.document = None;
        }
        super::documents::draw(ui, doc, lang, p);
        return;
    }
    widgets::muted(ui, p, s.folder_help);
    let docs = &play.scenario.persona.documents;
    let mut open = |ui: &mut Ui, d: &dedale_core::model::Document, icon: &str| {
        let text = RichText::new(format!("{icon} {}", d.title.get(lang))).size(BODY);
        let button =
            ui.add(egui::Button::new(text).min_size(egui::vec2(ui.available_width(), 44.0)));
        if desk.focus_folder.as_ref() == Some(&FolderFocus::Document(d.id.clone())) {
            desk.focus_folder = None;
            button.request_focus();
        }
        if button.clicked() {
            desk.focus_folder = Some(FolderFocus::Back);
            desk.document = Some(d.id.clone());
            out.push(Action::OpenDocument {
                document: d.id.clone(),
            });
        }
    };
    for d in docs.iter().filter(|d| !d.hidden) {
        open(ui, d, "📄");
    }
    // Files downloaded during play, in the order they came, under their own heading.
    let downloaded: Vec<_> = play
        .state
        .downloads
        .iter()
        .filter_map(|id| docs.iter().find(|d| &d.id == id))
        .collect();
    if !downloaded.is_empty() {
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!("⬇ {}", s.downloads))
                .strong()
                .size(BODY),
        );
        for d in downloaded {
            open(ui, d, "📄");
        }
    }
}

fn inbox(ui: &mut Ui, cx: &mut Cx, device: Device) {
    let Cx {
        play,
        desk,
        s,
        p,
        lang,
        out,
        ..
    } = cx;
    let (play, p, lang) = (*play, &*p, *lang);
    let received: Vec<_> = play
        .state
        .inbox
        .iter()
        .rev()
        .filter_map(|r| {
            play.scenario
                .message(&r.message)
                .filter(|m| m.device == device)
                .map(|m| (r, m))
        })
        .collect();
    if device == Device::Post {
        letterbox(ui, play, s, p, out);
    }
    if received.is_empty() {
        let empty = if device == Device::Post {
            s.no_letter
        } else {
            s.no_message
        };
        widgets::muted(ui, p, empty);
        return;
    }
    for (i, (r, m)) in received.iter().enumerate() {
        let open = desk.message.as_deref() == Some(&r.message)
            && i == received
                .iter()
                .position(|(x, _)| x.message == r.message)
                .unwrap_or(0);
        let title = match &m.subject {
            Some(subject) => format!("{} — {}", m.from, subject.get(lang)),
            None => m.from.clone(),
        };
        let marker = if r.read { "" } else { "• " };
        let button = egui::Button::new(RichText::new(format!("{marker}{title}")).strong())
            .min_size(egui::vec2(ui.available_width(), 40.0));
        if ui.add(button).clicked() {
            desk.message = if open { None } else { Some(r.message.clone()) };
            if !r.read {
                out.push(Action::ReadMessage {
                    message: r.message.clone(),
                });
            }
        }
        if open {
            let body = m
                .body
                .get(lang)
                .replace("{code}", r.code.as_deref().unwrap_or(""));
            let bubble = if device == Device::Phone {
                p.info_bg
            } else {
                p.page
            };
            egui::Frame::new()
                .fill(bubble)
                .stroke(egui::Stroke::new(1.0, p.border))
                .corner_radius(12)
                .inner_margin(12)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(&body).size(BODY * 1.1));
                    crate::speech::button(
                        ui,
                        s.read_aloud,
                        &format!("{title}. {body}"),
                        &format!("message:{}", m.id),
                    );
                    // A link opens its page in the browser, as on a real phone.
                    for link in &m.links {
                        let text = RichText::new(format!("🔗 {}", link.text))
                            .underline()
                            .color(p.primary);
                        if ui
                            .add(egui::Button::new(text).frame(false).wrap())
                            .clicked()
                        {
                            out.push(Action::FollowLink {
                                message: m.id.clone(),
                                link: link.id.clone(),
                            });
                        }
                    }
                });
        }
    }
}

/// A letter on its way: the player can let game time pass until it arrives
/// (by post it takes days; the page may expire meanwhile, as a real one would).
fn letterbox(
    ui: &mut Ui,
    play: &Play,
    s: &crate::i18n::Strings,
    p: &Palette,
    out: &mut Vec<Action>,
) {
    let Some(ms) = play.state.next_arrival_in_ms() else {
        return;
    };
    widgets::card(ui, p, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(format!("📬 {}", s.letter_on_its_way)).size(BODY));
        if widgets::secondary(ui, s.wait_for_letter).clicked() {
            out.push(Action::Wait {
                seconds: u32::try_from(ms.div_ceil(1000)).unwrap_or(u32::MAX),
            });
        }
    });
    ui.add_space(6.0);
}

fn dialogue(ui: &mut Ui, cx: &mut Cx) {
    let Cx {
        play,
        s,
        p,
        lang,
        out,
        ..
    } = cx;
    let (play, p, lang) = (*play, &*p, *lang);
    let persona = &play.scenario.persona.name;
    if let Some(reply) = play.last.iter().find_map(|f| match f {
        Feedback::Reply(line) => play.scenario.line(line),
        _ => None,
    }) {
        let (_, _, line) = reply;
        widgets::card(ui, p, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("{} : « {} »", s.you, line.text.get(lang))).italics());
            if let Some(r) = &line.reply {
                ui.label(RichText::new(format!("{persona} : « {} »", r.get(lang))).strong());
            }
        });
    }
    let Some(session) = play.session() else {
        return;
    };
    let open = session.open_dialogues();
    if open.is_empty() {
        widgets::muted(ui, p, s.no_dialogue);
    }
    for d in open {
        widgets::card(ui, p, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("{persona} : « {} »", d.says.get(lang))).strong());
            if d.required {
                widgets::muted(ui, p, s.answer_first);
            }
            for line in &d.lines {
                let button = egui::Button::new(RichText::new(line.text.get(lang)))
                    .wrap()
                    .min_size(egui::vec2(ui.available_width(), 40.0));
                if ui.add(button).clicked() {
                    out.push(Action::Say {
                        line: line.id.clone(),
                    });
                }
            }
        });
    }
}
