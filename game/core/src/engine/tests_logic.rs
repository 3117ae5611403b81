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
    assert_eq!(session.state().page, "echeance");
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
        assert_eq!(session.state().page, "echeance", "{typed}");
    }
    let mut session = created(&s);
    session.act(fill("reference", "7105 4028 138"));
    session.act(press("creer"));
    assert_eq!(
        errors(&session),
        vec![("reference".to_string(), ErrorKind::Mismatch)]
    );
}
