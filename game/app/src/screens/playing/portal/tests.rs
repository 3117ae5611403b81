//! The portal panel as a player (or a screen reader) meets it: widgets found
//! by their role and label, typed into and pressed, and the actions they send.

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
    let bench = Bench {
        play,
        desk: Desk::default(),
        sent: Vec::new(),
    };
    Harness::new_ui_state(
        |ui, bench: &mut Bench| {
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
