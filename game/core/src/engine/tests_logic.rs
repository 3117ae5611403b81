//! Engine behaviour on `compte.ron`: derived facts, comparisons with another
//! answer, counted tries and blocks shown under a condition.

use super::*;
use crate::load::load;
use crate::model::Scenario;
use crate::rules::ErrorKind;

const COMPTE: &str = include_str!("../../tests/fixtures/compte.ron");

fn compte() -> Scenario {
    load("compte.ron", COMPTE).expect("the fixture loads")
}

fn fill(field: &str, value: &str) -> Action {
    Action::Fill {
        field: field.into(),
        value: value.into(),
    }
}

fn press(button: &str) -> Action {
    Action::Press {
        button: button.into(),
    }
}

fn errors(session: &Session<'_>) -> Vec<(String, ErrorKind)> {
    let st = session.state();
    st.errors
        .iter()
        .map(|e| (e.field.clone(), e.kind.clone()))
        .collect()
}

/// Fills the creation page with the persona's values.
fn created(s: &Scenario) -> Session<'_> {
    let mut session = Session::new(s, 1);
    session.act(fill("nir", "295109912611193"));
    session.act(fill("iban_fin", "7890 189"));
    session.act(fill("reference", "71054028139"));
    session.act(Action::Choose {
        field: "par_courriel".into(),
        option: "non".into(),
    });
    session.act(fill("mdp", "Labyrinthe-2026"));
    session.act(fill("mdp_confirmation", "Labyrinthe-2026"));
    session
}

/// Creates the account and logs in with the password chosen.
fn logged_in(s: &Scenario) -> Session<'_> {
    let mut session = created(s);
    session.act(press("creer"));
    session.act(fill("identifiant", "2 95 10 99 126 111 93"));
    session.act(fill("mot_de_passe", "Labyrinthe-2026"));
    session.act(press("se_connecter"));
    assert_eq!(session.state().page, "echeance");
    session
}

#[test]
fn derived_facts_are_computed_from_the_folder() {
    let s = compte();
    assert_eq!(s.fact("iban_fin"), Some("7890189"));
    assert_eq!(s.fact("date_limite"), Some("23/12/2026"));
    assert_eq!(s.printed_fact("iban_fin"), None);
}

#[test]
fn a_derived_fact_is_asked_for_like_a_printed_one() {
    let s = compte();
    let mut session = created(&s);
    session.act(fill("iban_fin", "7890 180"));
    session.act(press("creer"));
    assert_eq!(
        errors(&session),
        vec![("iban_fin".to_string(), ErrorKind::Mismatch)]
    );
    session.act(fill("iban_fin", " 789 0189"));
    session.act(press("creer"));
    assert_eq!(session.state().page, "connexion");
    let mut session = logged_in(&s);
    session.act(fill("date_limite", "22/12/2026"));
    session.act(press("valider"));
    assert_eq!(
        errors(&session),
        vec![("date_limite".to_string(), ErrorKind::Mismatch)]
    );
    session.act(fill("date_limite", "23-12-2026"));
    session.act(press("valider"));
    assert_eq!(
        session.state().ending.as_ref().map(|e| e.ending.as_str()),
        Some("fin_ok")
    );
}

#[test]
fn a_text_fact_matches_whatever_its_spaces_dots_and_capitals() {
    let s = compte();
    for typed in [
        "71054028139",
        "7105 4028 139",
        "7105.4028.139",
        "7105-4028-139",
    ] {
        let mut session = created(&s);
        session.act(fill("reference", typed));
        session.act(press("creer"));
        assert_eq!(session.state().page, "connexion", "{typed}");
    }
    let mut session = created(&s);
    session.act(fill("reference", "7105 4028 138"));
    session.act(press("creer"));
    assert_eq!(
        errors(&session),
        vec![("reference".to_string(), ErrorKind::Mismatch)]
    );
}

#[test]
fn a_confirmation_must_repeat_the_first_value_exactly() {
    let s = compte();
    let mut session = created(&s);
    session.act(fill("mdp_confirmation", "labyrinthe-2026"));
    session.act(press("creer"));
    assert_eq!(
        errors(&session),
        vec![(
            "mdp_confirmation".to_string(),
            ErrorKind::MismatchConfirmation
        )]
    );
    let codes: Vec<String> = session
        .state()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FieldError { field, error } => Some(format!("{field}:{error}")),
            _ => None,
        })
        .collect();
    assert_eq!(codes, ["mdp_confirmation:mismatch_confirmation"]);
    session.act(fill("mdp_confirmation", "Labyrinthe-2026"));
    session.act(press("creer"));
    assert_eq!(session.state().page, "connexion");
}

#[test]
fn a_first_value_refused_shows_its_own_error_not_the_confirmations() {
    let s = compte();
    let mut session = created(&s);
    session.act(fill("mdp", "court"));
    session.act(press("creer"));
    let fields: Vec<String> = errors(&session).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["mdp"]);
}

#[test]
fn logging_in_compares_with_the_password_chosen_on_an_earlier_page() {
    let s = compte();
    let mut session = created(&s);
    session.act(press("creer"));
    session.act(fill("identifiant", "295109912611193"));
    for wrong in ["labyrinthe-2026", "Labyrinthe 2026"] {
        session.act(fill("mot_de_passe", wrong));
        session.act(press("se_connecter"));
        assert_eq!(
            errors(&session),
            vec![("mot_de_passe".to_string(), ErrorKind::Mismatch)],
            "{wrong}"
        );
    }
    session.act(fill("mot_de_passe", "Labyrinthe-2026"));
    session.act(press("se_connecter"));
    assert_eq!(session.state().page, "echeance");
}

/// On the login page, with `wrong` refused tries first.
fn tried(s: &Scenario, wrong: usize) -> Session<'_> {
    let mut session = created(s);
    session.act(press("creer"));
    session.act(fill("identifiant", "295109912611193"));
    for _ in 0..wrong {
        session.act(fill("mot_de_passe", "Faux-mot-2026"));
        session.act(press("se_connecter"));
    }
    session
}

#[test]
fn refused_presses_are_counted_up_to_the_largest_number_read() {
    let s = compte();
    assert_eq!(s.counter_cap("essais"), 3);
    assert_eq!(s.counter_cap("nulle_part"), 0);
    for (wrong, counted) in [
        (0, None),
        (1, Some(1)),
        (2, Some(2)),
        (3, Some(3)),
        (7, Some(3)),
    ] {
        let session = tried(&s, wrong);
        assert_eq!(
            session.state().counters.get("essais").copied(),
            counted,
            "{wrong}"
        );
    }
}

/// What the current page shows: each block's input id, button id or French text.
fn shown(session: &Session<'_>) -> Vec<String> {
    session
        .visible_blocks()
        .iter()
        .map(|b| match b {
            crate::model::Block::Button(b) => b.id.clone(),
            crate::model::Block::Notice(n) => n.text.fr.clone(),
            crate::model::Block::Paragraph(t) => t.fr.clone(),
            other => other.input_id().unwrap_or_default().to_string(),
        })
        .collect()
}

#[test]
fn three_wrong_tries_and_the_account_is_locked() {
    let s = compte();
    let mut session = tried(&s, 2);
    assert_eq!(
        shown(&session),
        [
            "Attention : au bout de 3 essais, le compte est bloqué.",
            "identifiant",
            "mot_de_passe",
            "se_connecter"
        ]
    );
    session.act(fill("mot_de_passe", "Labyrinthe-2026"));
    session.act(press("se_connecter"));
    assert_eq!(session.state().page, "echeance");
    let mut session = tried(&s, 3);
    assert_eq!(
        shown(&session),
        [
            "Votre compte est bloqué après 3 essais.",
            "Pour le débloquer, appelez le service client.",
            "debloquer"
        ]
    );
    let out = session.act(fill("mot_de_passe", "Labyrinthe-2026"));
    assert_eq!(
        out.refused(),
        Some(&Refusal::NoSuchInput("mot_de_passe".into()))
    );
    let out = session.act(press("se_connecter"));
    assert_eq!(
        out.refused(),
        Some(&Refusal::NoSuchButton("se_connecter".into()))
    );
    session.act(press("debloquer"));
    assert_eq!(
        session.state().ending.as_ref().map(|e| e.ending.as_str()),
        Some("bloque")
    );
}

#[test]
fn a_field_shown_by_an_answer_is_checked_only_while_shown() {
    let s = compte();
    let mut session = created(&s);
    assert!(!shown(&session).contains(&"courriel".to_string()));
    let out = session.act(fill("courriel", "awa@courriel.example"));
    assert_eq!(
        out.refused(),
        Some(&Refusal::NoSuchInput("courriel".into()))
    );
    session.act(Action::Choose {
        field: "par_courriel".into(),
        option: "oui".into(),
    });
    assert!(shown(&session).contains(&"courriel".to_string()));
    session.act(press("creer"));
    assert_eq!(
        errors(&session),
        vec![("courriel".to_string(), ErrorKind::Required)]
    );
    session.act(Action::Choose {
        field: "par_courriel".into(),
        option: "non".into(),
    });
    session.act(press("creer"));
    assert_eq!(session.state().page, "connexion");
}

#[test]
fn a_saved_state_without_counters_still_resumes() {
    let s = compte();
    let session = tried(&s, 1);
    let json = serde_json::to_value(session.state()).expect("serialises");
    let mut json = json;
    json.as_object_mut().expect("an object").remove("counters");
    let state: State = serde_json::from_value(json).expect("reads an older state");
    assert!(state.counters.is_empty());
    assert!(Session::resume(&s, state).is_some());
}
