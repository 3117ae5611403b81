//! The debrief derived from runs of the core's small scenario.

use super::*;
use crate::engine::{Action, Session, Settings};
use crate::load::load;

const MINI: &str = include_str!("../../tests/fixtures/mini.ron");

fn mini() -> Scenario {
    load("mini.ron", MINI).expect("the fixture loads")
}

/// A run that errs once, asks a hint, chooses a dialogue line and gives up.
fn given_up(s: &Scenario, mode: Mode) -> State {
    let settings = Settings {
        mode,
        ..Settings::new(7)
    };
    let (mut session, _) = Session::start(s, settings);
    session.act(Action::Fill {
        field: "nir".into(),
        value: "1 23".into(),
    });
    session.act(Action::Say {
        line: "vous".into(),
    });
    session.act(Action::Press {
        button: "ok".into(),
    });
    session.act(Action::Hint);
    session.act(Action::Abandon);
    session.into_state()
}

#[test]
fn a_run_under_way_has_no_debrief() {
    let s = mini();
    let session = Session::new(&s, 1);
    assert_eq!(debrief(&s, session.state(), Lang::Fr), None);
}

#[test]
fn scores_are_shown_in_formation_only() {
    let s = mini();
    let atelier = debrief(&s, &given_up(&s, Mode::Atelier), Lang::Fr).expect("ended");
    assert_eq!(atelier.scores, None);
    assert!(atelier.score_lines(Lang::Fr).is_empty());
    let formation = debrief(&s, &given_up(&s, Mode::Formation), Lang::Fr).expect("ended");
    assert_eq!(
        formation.score_lines(Lang::Fr),
        ["Droits : 10 / 100", "Autonomie : 100 / 100"]
    );
}

#[test]
fn the_timeline_names_pages_inputs_and_lines_in_words() {
    let s = mini();
    let d = debrief(&s, &given_up(&s, Mode::Formation), Lang::Fr).expect("ended");
    assert_eq!(d.kind, EndingKind::Abandon);
    assert_eq!(d.title, "Abandon");
    let texts: Vec<&str> = d.timeline.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Page « Connexion »",
            "« Allez-y, je vous guide. »",
            "Erreur dans « Numéro de sécurité sociale »",
            "Indice 1",
            "Abandon de la démarche",
        ]
    );
    assert_eq!(
        d.counts_line(Lang::Fr),
        "1 erreur de saisie, 1 indice, aucun incident."
    );
    assert_eq!(d.remember, ["Revenir."]);
    assert_eq!(d.help, "Un conseiller.");
}

#[test]
fn the_english_debrief_uses_english_words() {
    let s = mini();
    let d = debrief(&s, &given_up(&s, Mode::Formation), Lang::En).expect("ended");
    assert_eq!(
        d.timeline.last().map(|m| m.text.as_str()),
        Some("Gave up the procedure")
    );
    assert_eq!(
        d.counts_line(Lang::En),
        "1 input error, 1 hint, no incidents."
    );
    assert_eq!(d.score_lines(Lang::En)[0], "Rights: 10/100");
}

#[test]
fn an_unknown_input_is_named_by_its_id() {
    let s = mini();
    assert_eq!(s.input_label("nir", Lang::Fr), "Numéro de sécurité sociale");
    assert_eq!(s.input_label("disparu", Lang::Fr), "disparu");
    assert_eq!(s.page_title("banque", Lang::Fr), "Coordonnées bancaires");
    assert_eq!(s.page_title("ailleurs", Lang::Fr), "ailleurs");
}
