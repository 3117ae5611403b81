//! The portal panel as a player (or a screen reader) meets it: widgets found
//! by their role and label, typed into and pressed, and the actions they send.

use bevy_egui::egui;
use bevy_egui::egui::accesskit::Role;
use dedale_core::Lang;
use dedale_core::engine::Action;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::Browser;
use crate::game::{Play, shipped_play};
use crate::i18n::strings;
use crate::screens::playing::{Cx, Desk};
use crate::theme::palette::Palette;

/// What the panel is drawn from, and what it sent.
struct Bench {
    play: Play,
    desk: Desk,
    sent: Vec<Action>,
}

fn harness(play: Play) -> Harness<'static, Bench> {
    harness_sized(play, egui::vec2(800.0, 600.0))
}

fn harness_sized(play: Play, size: egui::Vec2) -> Harness<'static, Bench> {
    let bench = Bench {
        play,
        desk: Desk::default(),
        sent: Vec::new(),
    };
    Harness::builder().with_size(size).build_ui_state(
        |ui, bench: &mut Bench| {
            // The game's own fonts: without them egui has none, and every text is 0 wide.
            ui.ctx().set_fonts(crate::theme::fonts::definitions());
            let mut cx = Cx {
                play: &bench.play,
                desk: &mut bench.desk,
                s: strings(Lang::Fr),
                p: Palette::get(false),
                lang: Lang::Fr,
                now: 0.0,
                out: Vec::new(),
            };
            Browser { cx: &mut cx }.ui(ui);
            bench.sent.extend(cx.out);
        },
        bench,
    )
}

fn press(button: &str) -> Action {
    Action::Press {
        button: button.into(),
    }
}

#[test]
fn a_button_is_found_by_its_label_and_pressing_it_sends_its_id() {
    let mut harness = harness(shipped_play(1, Vec::new()));
    harness
        .get_by_role_and_label(Role::Button, "Se connecter à Mon espace")
        .click();
    harness.run();
    assert_eq!(harness.state().sent, [press("se_connecter")]);
}

#[test]
fn a_field_is_found_by_its_label_and_typing_fills_it() {
    let mut harness = harness(shipped_play(1, vec![press("se_connecter")]));
    harness
        .get_by_label("Numéro de sécurité sociale")
        .type_text("2 79");
    harness.run();
    let filled = harness.state().sent.iter().any(
        |a| matches!(a, Action::Fill { field, value } if field == "nir" && value.ends_with('9')),
    );
    assert!(filled, "{:?}", harness.state().sent);
}

#[test]
fn the_browser_back_button_is_named_for_screen_readers() {
    let mut harness = harness(shipped_play(1, vec![press("se_connecter")]));
    harness
        .get_by_role_and_label(Role::Button, "Page précédente")
        .click();
    harness.run();
    assert_eq!(harness.state().sent, [Action::Back]);
}

#[test]
fn the_domain_stays_whole_in_a_narrow_window() {
    // A phone held upright, or 200 % text: about 300 points across.
    let mut harness = harness_sized(
        shipped_play(1, vec![press("se_connecter")]),
        egui::vec2(300.0, 700.0),
    );
    harness.run();
    let domain = harness.get_by_label("www.mesallocs.example").rect();
    assert!(domain.width() > 0.0, "the domain is drawn: {domain:?}");
    assert!(
        domain.max.x <= 300.0,
        "the domain runs out of the window: {domain:?}"
    );
    // On one line, under the padlock, rather than broken into pieces.
    let line = harness.get_by_label("https://").rect().height();
    assert!(
        domain.height() < line * 1.5,
        "the domain is broken over lines: {domain:?}"
    );
}

#[test]
fn an_address_splits_into_scheme_domain_and_path() {
    assert_eq!(
        super::split_address("https://www.mesallocs.example/connexion?etape=2"),
        ("https://", "www.mesallocs.example", "/connexion?etape=2")
    );
    assert_eq!(
        super::split_address("http://mesalocs-aide.example"),
        ("http://", "mesalocs-aide.example", "")
    );
    assert_eq!(super::split_address("portail"), ("", "portail", ""));
}

/// The préfecture's appointment page, whose reason is a drop-down list.
fn appointment_page() -> Play {
    let mut play = crate::game::shipped_play_of(1, 2, Vec::new());
    play.state.page = "rdv_accueil".into();
    play
}

fn choose(option: &str) -> Action {
    Action::Choose {
        field: "motif".into(),
        option: option.into(),
    }
}

#[test]
fn the_list_takes_the_focus_on_arrival_and_arrows_change_the_choice_in_place() {
    let mut harness = harness(appointment_page());
    harness.run();
    let list = harness.get_by_role_and_label(Role::ComboBox, "Motif du rendez-vous");
    assert!(list.is_focused(), "the list has the focus on arrival");
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().sent, [choose("premiere_demande")]);
    let list = harness.get_by_role_and_label(Role::ComboBox, "Motif du rendez-vous");
    assert!(list.is_focused(), "ArrowDown does not leave the list");
}

#[test]
fn enter_opens_the_list_arrows_move_and_enter_picks_and_closes() {
    let mut harness = harness(appointment_page());
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(
        harness
            .query_by_label("Renouvellement de titre de séjour")
            .is_some(),
        "Enter opens the list"
    );
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().sent, [choose("renouvellement")]);
    assert!(
        harness
            .query_by_label("Renouvellement de titre de séjour")
            .is_none(),
        "the list closes after a choice"
    );
    let list = harness.get_by_role_and_label(Role::ComboBox, "Motif du rendez-vous");
    assert!(list.is_focused(), "the focus stays on the list");
}

#[test]
fn after_three_wrong_passwords_the_form_gives_way_to_the_lock_notice() {
    let fill = |field: &str, value: &str| Action::Fill {
        field: field.into(),
        value: value.into(),
    };
    let mut actions = vec![press("se_connecter"), fill("nir", "2 79 03 62 193 047 12")];
    for wrong in ["Goeland-59", "goeland-62", "Mouette-62"] {
        actions.push(fill("mot_de_passe", wrong));
        actions.push(press("se_connecter"));
    }
    let mut harness = harness(shipped_play(1, actions));
    harness.run();
    assert!(
        harness
            .query_by_label("Numéro de sécurité sociale")
            .is_none()
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Se connecter")
            .is_none()
    );
    assert!(
        harness
            .query_by_label_contains("Votre compte est bloqué")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Mot de passe oublié ?")
        .click();
    harness.run();
    assert_eq!(harness.state().sent, [press("mdp_oublie")]);
}
