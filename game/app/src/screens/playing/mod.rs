//! Playing: the desk. A simulated browser shows the portal page in the middle;
//! the folder, the phone, the mailbox and (in mode *Formation*) the dialogue
//! with the persona sit beside it; hints, the clock and the way out are on top.

mod captcha;
mod documents;
mod portal;
mod side;
mod top;

#[cfg(target_family = "wasm")]
pub(crate) use portal::input_id;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::winit::UpdateMode;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use dedale_core::Lang;
use dedale_core::engine::Action;
use std::time::Duration;

use crate::game::{Act, Clock, Cue, Game, Play};
use crate::i18n::Strings;
use crate::screen::Screen;
use crate::settings::Settings;
use crate::theme::palette::Palette;
use crate::theme::root_ui;
use crate::ui::{UiSet, look};

/// Short-lived interface state of the desk (which tab is open); the run itself lives in the engine.
#[derive(Resource, Default)]
pub struct Desk {
    tab: Tab,
    document: Option<String>,
    message: Option<String>,
    confirm_abandon: bool,
    settings_open: bool,
    upload_open: Option<String>,
    focus_first_error: bool,
    /// An input to give the keyboard focus to on the next frame (after a file list closes).
    focus_input: Option<String>,
    /// The page last drawn: on a new page the keyboard focus goes to its first input.
    page_seen: Option<String>,
    focus_page: bool,
    /// Seconds (of `Time`) when a message last arrived, for the phone's animation.
    arrived_at: Option<f64>,
    /// The folder's control to give the keyboard focus to on the next frame:
    /// the way back once a document opens, the document's button once it
    /// closes; the button pressed has disappeared, and without this the next
    /// Tab would start again at the top of the desk.
    focus_folder: Option<FolderFocus>,
}

/// Where the keyboard goes in the folder after a document opens or closes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum FolderFocus {
    /// The "all documents" button above an open document.
    Back,
    /// This document's button in the list.
    Document(String),
}

/// Opens what an action looks at, as a player who clicked it would see it
/// (the screenshot tour's actions, and the browser's hidden page).
#[cfg(any(feature = "dev", target_family = "wasm"))]
pub fn show_on_desk(desk: &mut Desk, action: &dedale_core::engine::Action) {
    use dedale_core::engine::Action;
    match action {
        Action::OpenDocument { document } => {
            desk.tab = Tab::Folder;
            desk.document = Some(document.clone());
        }
        Action::ReadMessage { message } => {
            desk.message = Some(message.clone());
        }
        Action::Say { .. } => desk.tab = Tab::Dialogue,
        _ => {}
    }
}

/// What the desk shows beside the browser; on a narrow screen, what fills it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Tab {
    /// The browser: a tab of its own only on a narrow screen (a phone held
    /// upright, or large text), where panels side by side would each be too
    /// narrow to read. On a wide screen it is always there, and the folder is.
    #[default]
    Site,
    Folder,
    Phone,
    Mail,
    Post,
    Dialogue,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Desk>()
        .add_systems(OnEnter(Screen::Playing), reset)
        .add_systems(
            EguiPrimaryContextPass,
            draw.in_set(UiSet).run_if(in_state(Screen::Playing)),
        )
        .add_systems(Update, wake_for_the_clock);
}

/// With reactive rendering an idle game draws nothing. On the desk it still wakes
/// when the clock's minute changes and when the page's inactivity timeout falls
/// due, since nothing else moves by itself, even without the focus; elsewhere every
/// 5 s (every minute without the focus, as `desktop_app`). Not every second:
/// without a GPU (software WebGL on an old laptop) each frame costs a lot. A
/// continuous mode (the screenshot tour) is left alone.
fn wake_for_the_clock(
    screen: Res<State<Screen>>,
    clock: Res<Clock>,
    game: Res<Game>,
    winit: Option<ResMut<bevy::winit::WinitSettings>>,
) {
    let Some(mut winit) = winit else { return };
    let UpdateMode::Reactive { wait, .. } = winit.focused_mode else {
        return;
    };
    let playing = match &game.play {
        Some(play) if *screen.get() == Screen::Playing && !clock.paused => {
            Some(next_wake(play, &clock))
        }
        _ => None,
    };
    let want = playing.unwrap_or(Duration::from_secs(5));
    if wait != want {
        winit.focused_mode = UpdateMode::reactive(want);
        // The clock and the timeout run on while another window has the focus.
        winit.unfocused_mode =
            UpdateMode::reactive_low_power(playing.unwrap_or(Duration::from_secs(60)));
    }
}

/// The time until the clock shows the next minute, the page's timeout is due or a letter arrives,
/// in whole seconds, from 1 s to 60 s.
fn next_wake(play: &Play, clock: &Clock) -> Duration {
    let pending = clock.pending_ms();
    let minute = 60_000 - (play.state.clock_ms + pending) % 60_000;
    // The timeout itself, and the warning before it.
    let timeout = play
        .state
        .timeout_in_ms(&play.scenario)
        .map_or(u64::MAX, |t| {
            let warn = play.state.timeout_warning_ms(&play.scenario).unwrap_or(0);
            let until_warning = t.saturating_sub(warn).saturating_sub(pending);
            if until_warning > 0 {
                until_warning
            } else {
                t.saturating_sub(pending)
            }
        });
    let letter = play
        .state
        .next_arrival_in_ms()
        .map_or(u64::MAX, |t| t.saturating_sub(pending));
    let due = minute.min(timeout).min(letter);
    Duration::from_secs(due.div_ceil(1000).clamp(1, 60))
}

fn reset(mut desk: ResMut<Desk>, game: Res<Game>) {
    *desk = Desk::default();
    let formation = game
        .play
        .as_ref()
        .is_some_and(|p| p.state.mode == dedale_core::model::Mode::Formation);
    if formation {
        desk.tab = Tab::Dialogue;
    }
}

/// One frame of the desk, as its panels see it: the run (read only: the
/// engine's state is the truth), the desk's short-lived state, the words and
/// colours of the settings, the time, and the actions the player takes. Each
/// panel (`top::Bar`, `side::Side`, `portal::Browser`) is a struct over it
/// with `ui(&mut self, ui)`, as egui's demo library writes its panels.
pub(super) struct Cx<'a> {
    /// The run.
    pub play: &'a Play,
    /// The desk's interface state.
    pub desk: &'a mut Desk,
    /// The interface's words.
    pub s: &'static Strings,
    /// The colours.
    pub p: Palette,
    /// The language of the scenario's texts.
    pub lang: Lang,
    /// Seconds since the game started, for animations.
    pub now: f64,
    /// What the player did this frame, sent to the engine after drawing.
    pub out: Vec<Action>,
}

/// What the desk listens to besides the run: cues of the engine, and the time.
#[derive(SystemParam)]
struct Heard<'w, 's> {
    cues: MessageReader<'w, 's, Cue>,
    time: Res<'w, Time>,
}

fn draw(
    mut contexts: EguiContexts,
    game: Res<Game>,
    mut settings: ResMut<Settings>,
    mut desk: ResMut<Desk>,
    mut clock: ResMut<Clock>,
    mut heard: Heard,
    mut acts: MessageWriter<Act>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let Some(play) = &game.play else {
        return Ok(());
    };
    let now = heard.time.elapsed_secs_f64();
    for cue in heard.cues.read() {
        match cue {
            // On a narrow screen the tab pulses, and the player stays on the
            // site they are typing into.
            Cue::MessageArrived(_) if narrow(&ctx) => desk.arrived_at = Some(now),
            Cue::MessageArrived(device) => {
                desk.arrived_at = Some(now);
                desk.tab = match device {
                    dedale_core::model::Device::Phone => Tab::Phone,
                    dedale_core::model::Device::Mail => Tab::Mail,
                    dedale_core::model::Device::Post => Tab::Post,
                };
            }
            // A downloaded file shows where it went: the folder, under "Téléchargements".
            Cue::Downloaded => {
                desk.arrived_at = Some(now);
                desk.tab = Tab::Folder;
                desk.document = None;
            }
            Cue::Refused => desk.focus_first_error = true,
            _ => {}
        }
    }
    let (s, p) = look(&settings);
    let mut cx = Cx {
        play,
        desk: &mut desk,
        s,
        p,
        lang: settings.lang,
        now,
        out: Vec::new(),
    };
    let mut root = root_ui(&ctx, "desk");
    panels(&mut root, &mut cx, &mut settings, &mut clock);
    if clock.paused {
        top::pause_overlay(&ctx, s, &p, &mut clock);
    }
    if cx.desk.confirm_abandon {
        top::abandon_dialog(&ctx, s, &p, cx.desk, &mut cx.out);
    }
    if let Some(left) = play.state.timeout_warning(&play.scenario)
        && !clock.paused
    {
        top::timeout_warning(&ctx, s, &p, left, &mut cx.out);
    }
    if !cx.out.is_empty() {
        ctx.request_repaint();
    }
    for action in cx.out {
        acts.write(Act(action));
    }
    // Keep the phone's animation moving while a message has just arrived.
    if desk.arrived_at.is_some_and(|t| now - t < 3.0) {
        ctx.request_repaint();
    }
    Ok(())
}

/// The desk's three panels: the bar on top, the folder and phone on the
/// right (a fixed third of the width: not resizable, since a resize handle
/// is an invisible stop for the Tab key), and the browser in the middle.
/// Below this width (in points: large text makes a laptop narrow too), the
/// browser, the folder and the phone take the whole screen in turn, as tabs.
pub(crate) const NARROW: f32 = 760.0;

fn narrow(ctx: &egui::Context) -> bool {
    ctx.viewport_rect().width() < NARROW
}

fn panels(root: &mut egui::Ui, cx: &mut Cx, settings: &mut Settings, clock: &mut Clock) {
    let p = cx.p;
    egui::Panel::top("top")
        .frame(egui::Frame::new().fill(p.chrome).inner_margin(8))
        .resizable(false)
        .show(root, |ui| {
            top::Bar {
                cx,
                settings,
                clock,
            }
            .ui(ui);
        });
    if narrow(root.ctx()) {
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(p.faint).inner_margin(6))
            .show(root, |ui| {
                side::tabs(ui, cx, true);
                ui.separator();
                if cx.desk.tab == Tab::Site {
                    portal::Browser { cx }.ui(ui);
                } else {
                    side::Side { cx }.content(ui);
                }
            });
        return;
    }
    if cx.desk.tab == Tab::Site {
        cx.desk.tab = Tab::Folder;
    }
    let side_width = (root.ctx().viewport_rect().width() * 0.34).clamp(300.0, 520.0);
    egui::Panel::right("side")
        .exact_size(side_width)
        .resizable(false)
        .frame(egui::Frame::new().fill(p.faint).inner_margin(10))
        .show(root, |ui| side::Side { cx }.ui(ui));
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(egui::Color32::TRANSPARENT)
                .inner_margin(16),
        )
        .show(root, |ui| portal::Browser { cx }.ui(ui));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_desk_wakes_for_the_next_minute_and_for_a_timeout_only() {
        let mut play = crate::game::shipped_play(1, Vec::new());
        let clock = Clock::default();
        assert_eq!(next_wake(&play, &clock), Duration::from_secs(60));
        play.state.clock_ms = 59_500;
        assert_eq!(next_wake(&play, &clock), Duration::from_secs(1));
        play.state.clock_ms = 90_000;
        assert_eq!(next_wake(&play, &clock), Duration::from_secs(30));
        // The income page closes the session after 15 minutes without any action.
        play.state.page = "ressources".into();
        play.state.idle_ms = 15 * 60_000 - 4_000;
        assert_eq!(next_wake(&play, &clock), Duration::from_secs(4));
        play.state.idle_ms = 15 * 60_000;
        assert_eq!(
            next_wake(&play, &clock),
            Duration::from_secs(1),
            "never less than a second"
        );
    }

    /// The whole desk of a run, drawn by `panels` in a kittest harness.
    struct Whole {
        play: Play,
        desk: Desk,
        settings: Settings,
        clock: Clock,
    }

    fn desk_harness(play: Play) -> egui_kittest::Harness<'static, Whole> {
        let whole = Whole {
            play,
            desk: Desk::default(),
            settings: Settings::default(),
            clock: Clock::default(),
        };
        egui_kittest::Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_ui_state(
                |ui, w: &mut Whole| {
                    // As `draw` does: the words of the language chosen, each frame.
                    let mut cx = Cx {
                        play: &w.play,
                        desk: &mut w.desk,
                        s: crate::i18n::strings(w.settings.lang),
                        p: Palette::get(false),
                        lang: w.settings.lang,
                        now: 0.0,
                        out: Vec::new(),
                    };
                    panels(ui, &mut cx, &mut w.settings, &mut w.clock);
                },
                whole,
            )
    }

    #[test]
    fn the_tab_key_stops_only_on_named_controls_of_the_desk() {
        use egui_kittest::kittest::{NodeT, Queryable, by};

        let play = crate::game::shipped_play(
            1,
            vec![Action::Press {
                button: "se_connecter".into(),
            }],
        );
        let mut harness = desk_harness(play);
        harness.run();
        let mut stops = Vec::new();
        for _ in 0..30 {
            harness.key_press(egui::Key::Tab);
            harness.run();
            let focused: Vec<String> = harness
                .root()
                .query_all(by())
                .filter(|n| n.is_focused())
                .map(|n| n.accesskit_node().label().unwrap_or_default())
                .collect();
            stops.push(focused.join(" "));
        }
        assert!(
            stops.iter().all(|label| !label.trim().is_empty()),
            "a Tab stop with no name: {stops:?}"
        );
        assert!(stops.iter().any(|l| l == "Page précédente"), "{stops:?}");
        assert!(stops.iter().any(|l| l == "Numéro de sécurité sociale"));
    }

    #[test]
    fn the_language_changes_during_a_run_from_the_settings() {
        use egui_kittest::kittest::Queryable;

        // A scenario written before FALC: French and English only.
        let mut play = crate::game::shipped_play(1, Vec::new());
        std::sync::Arc::make_mut(&mut play.scenario)
            .meta
            .languages
            .retain(|l| *l != Lang::Falc);
        let mut harness = desk_harness(play);
        harness.run();
        harness.get_by_label("Aa Réglages").click();
        harness.run();
        harness.get_by_label("English").click();
        harness.run();
        assert_eq!(harness.state().settings.lang, Lang::En);
        // The interface and the scenario's own texts, both in English now.
        harness.get_by_label("Aa Settings");
        harness.get_by_label("🚪 Give up");
        assert!(harness.query_by_label("Aa Réglages").is_none());
        let note = crate::i18n::strings(Lang::Falc).falc_missing;
        assert!(harness.query_by_label_contains(note).is_none());

        // Plain French: its own words, and the note, since this scenario has no FALC texts.
        harness.get_by_label("Facile à lire").click();
        harness.run();
        assert_eq!(harness.state().settings.lang, Lang::Falc);
        harness.get_by_label("🚪 Arrêter");
        harness.get_by_label_contains(note);
    }

    #[test]
    fn opening_and_closing_a_document_keeps_the_keyboard_in_the_folder() {
        use egui_kittest::kittest::Queryable;

        let mut harness = desk_harness(crate::game::shipped_play(1, Vec::new()));
        harness.run();
        harness.get_by_label("📄 Carte Vitale").focus();
        harness.run();
        harness.key_press(egui::Key::Enter);
        harness.run();
        assert!(
            harness.get_by_label("⬅ Tous les documents").is_focused(),
            "the way back has the focus once the document is open"
        );
        harness.key_press(egui::Key::Enter);
        harness.run();
        assert!(
            harness.get_by_label("📄 Carte Vitale").is_focused(),
            "the document's button has the focus again once it is closed"
        );
    }
}
