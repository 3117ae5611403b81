//! Reading aloud, for players who read with difficulty: a speaker button
//! beside each text and a "read the page" shortcut. In the browser the page's
//! own speech synthesis (Web Speech API) reads, with a French voice when the
//! system has one; natively no well-kept crate reaches the platform's speech
//! without extra system services, so there the buttons are not drawn (the
//! README says so).
//!
//! Screens ask with [`speak`] while they draw; one system, after the drawing,
//! reads the last request and reports it to the engine as
//! `Action::ReadAloud`, with an id of what was read, never its text.

use bevy::prelude::*;
use bevy_egui::egui::{self, Id};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use dedale_core::Lang;
use dedale_core::engine::Action;

use crate::game::{Act, Game};
use crate::settings::Settings;
use crate::ui::UiSet;

/// Slowest and fastest reading rates offered (1.0 is the voice's own pace).
pub const RATES: [f32; 5] = [0.6, 0.75, 0.9, 1.0, 1.2];

/// A text to read, and what it is for the metrics (`page:accueil`, `hint`, `field:iban`).
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The words read.
    pub text: String,
    /// What was read, as an id: this, not the text, goes into the metrics.
    pub what: String,
}

/// Where egui keeps the frame's request until the reading system takes it.
fn slot() -> Id {
    Id::new("dedale-lecture")
}

/// Asks for `text` to be read aloud after this frame; `what` names it for the metrics.
pub fn speak(ctx: &egui::Context, text: impl Into<String>, what: impl Into<String>) {
    let request = Request {
        text: text.into(),
        what: what.into(),
    };
    ctx.data_mut(|d| d.insert_temp(slot(), Some(request)));
}

/// The request of this frame, if any, taken.
pub fn take(ctx: &egui::Context) -> Option<Request> {
    ctx.data_mut(|d| d.get_temp_mut_or_default::<Option<Request>>(slot()).take())
}

/// Whether this game can read aloud: the browser's speech synthesis exists.
pub fn available() -> bool {
    out::available()
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, read.after(UiSet));
}

/// A small loudspeaker button that reads `text` aloud (`what` names it for
/// the metrics); drawn only where the game can speak. `name` is what a
/// screen reader and the tooltip say.
pub fn button(ui: &mut egui::Ui, name: &str, text: &str, what: &str) {
    if !available() {
        return;
    }
    // Not a stop for the Tab key: a form keeps its natural order from field
    // to field (a keyboard player has Alt+L, which reads the whole page).
    if icon(ui, name, false).clicked() {
        speak(ui.ctx(), text, what);
    }
}

/// The loudspeaker as a button of its own, no taller than a line of text
/// (`focusable`: whether the Tab key stops on it).
pub fn icon(ui: &mut egui::Ui, name: &str, focusable: bool) -> egui::Response {
    let side = ui.text_style_height(&egui::TextStyle::Body) * 1.15;
    let sense = if focusable {
        egui::Sense::click()
    } else {
        egui::Sense::CLICK
    };
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), sense);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, true, name));
    let response = response.on_hover_text(name);
    if ui.is_rect_visible(rect) {
        let look = ui.style().interact(&response);
        let painter = ui.painter();
        painter.rect(
            rect,
            4.0,
            look.weak_bg_fill,
            look.bg_stroke,
            egui::StrokeKind::Inside,
        );
        draw_speaker(painter, rect.shrink(side * 0.2), look.fg_stroke.color);
    }
    response
}

/// A paragraph with its loudspeaker button at the end.
pub fn text(ui: &mut egui::Ui, name: &str, text: &str, what: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(text);
        button(ui, name, text, what);
    });
}

/// A loudspeaker and two sound waves, drawn (no font of the game has the emoji).
fn draw_speaker(painter: &egui::Painter, r: egui::Rect, colour: egui::Color32) {
    use egui::{Shape, Stroke, pos2, vec2};
    let (w, h) = (r.width(), r.height());
    let body = egui::Rect::from_min_max(
        pos2(r.left(), r.center().y - h * 0.17),
        pos2(r.left() + w * 0.25, r.center().y + h * 0.17),
    );
    painter.rect_filled(body, 0.0, colour);
    let mouth = r.left() + w * 0.55;
    let cone = vec![
        body.right_top(),
        pos2(mouth, r.top() + h * 0.05),
        pos2(mouth, r.bottom() - h * 0.05),
        body.right_bottom(),
    ];
    painter.add(Shape::convex_polygon(cone, colour, Stroke::NONE));
    let centre = pos2(mouth, r.center().y);
    for radius in [w * 0.2, w * 0.4] {
        let points = (-4..=4)
            .map(|i| {
                let a = i as f32 * 0.22;
                centre + vec2(a.cos(), a.sin()) * radius
            })
            .collect();
        painter.add(Shape::line(
            points,
            Stroke::new((w * 0.08).max(1.5), colour),
        ));
    }
}

/// Reads the frame's request, and tells the engine during a run.
fn read(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    game: Res<Game>,
    mut acts: MessageWriter<Act>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(request) = take(ctx) else {
        return Ok(());
    };
    out::say(&request.text, settings.lang, settings.speech_rate);
    if game.play.as_ref().is_some_and(|p| p.state.ending.is_none()) {
        acts.write(Act(Action::ReadAloud { what: request.what }));
        // The engine takes it in the next frame: an idle game draws none by itself.
        ctx.request_repaint();
    }
    Ok(())
}

/// The voice's language tag for a language of the game (FALC is French).
pub fn voice_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr | Lang::Falc => "fr-FR",
        Lang::En => "en-GB",
    }
}

/// The browser's speech synthesis.
#[cfg(target_family = "wasm")]
mod out {
    use dedale_core::Lang;
    use wasm_bindgen::JsCast;

    fn synth() -> Option<web_sys::SpeechSynthesis> {
        web_sys::window()?.speech_synthesis().ok()
    }

    pub fn available() -> bool {
        thread_local! {
            static HERE: bool = synth().is_some();
        }
        HERE.with(|h| *h)
    }

    /// Stops what is being read and reads `text`, with a voice of the language when there is one.
    pub fn say(text: &str, lang: Lang, rate: f32) {
        let Some(synth) = synth() else {
            return;
        };
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
            return;
        };
        let tag = super::voice_lang(lang);
        utterance.set_lang(tag);
        utterance.set_rate(rate);
        let prefix = &tag[..2];
        let voice = synth
            .get_voices()
            .iter()
            .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
            .find(|v| v.lang().to_lowercase().starts_with(prefix));
        if let Some(voice) = voice {
            utterance.set_voice(Some(&voice));
        }
        synth.cancel();
        synth.speak(&utterance);
    }
}

/// Natively: no speech (see the module's comment).
#[cfg(not(target_family = "wasm"))]
mod out {
    use dedale_core::Lang;

    pub fn available() -> bool {
        false
    }

    pub fn say(_text: &str, _lang: Lang, _rate: f32) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_request_of_a_frame_is_taken_once() {
        let ctx = egui::Context::default();
        speak(&ctx, "Bonjour", "hint");
        speak(&ctx, "Votre adresse e-mail", "field:email");
        assert_eq!(
            take(&ctx),
            Some(Request {
                text: "Votre adresse e-mail".into(),
                what: "field:email".into()
            })
        );
        assert_eq!(take(&ctx), None);
    }

    #[test]
    fn falc_is_read_with_a_french_voice() {
        assert_eq!(voice_lang(Lang::Falc), "fr-FR");
        assert_eq!(voice_lang(Lang::En), "en-GB");
    }
}
