//! Engine behaviour on a small scenario that uses every mechanism.

use super::*;
use crate::load::load;
use crate::model::{EndingKind, Mode, Scenario};
use crate::rules::ErrorKind;

const MINI: &str = include_str!("../../tests/fixtures/mini.ron");

fn mini() -> Scenario {
    load("mini.ron", MINI).expect("the fixture loads")
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

fn code(session: &Session<'_>) -> String {
    session
        .state()
        .code_of("sms")
        .map(|(c, _)| c.to_string())
        .expect("a code was sent")
}

/// Plays to the bank page with a seed whose network incident may or may not fire.
fn to_bank(s: &Scenario, seed: u64) -> Session<'_> {
    let mut session = Session::new(s, seed);
    session.act(fill("nir", "2 95 10 99 126 111 93"));
    session.act(press("ok"));
    let c = code(&session);
    session.act(fill("otp", &c));
    session.act(press("ok"));
    assert_eq!(session.state().page, "banque");
    session
}

#[test]
fn the_first_page_is_recorded_from_the_start() {
    let s = mini();
    let session = Session::new(&s, 1);
    let first = session.state().events.first().map(|e| e.kind.clone());
    assert_eq!(
        first,
        Some(EventKind::PageEntered {
            page: "login".into()
        })
    );
}

#[test]
fn a_nir_with_one_wrong_digit_shows_the_key_error() {
    let s = mini();
    let mut session = Session::new(&s, 1);
    session.act(fill("nir", "2 95 10 99 126 112 93"));
    let out = session.act(press("ok"));
    let expected = vec![FieldError {
        field: "nir".into(),
        kind: ErrorKind::NirKey,
    }];
    assert_eq!(out.feedback, vec![Feedback::Invalid(expected)]);
    assert_eq!(session.state().page, "login");
    assert!(out.events.iter().any(|e| e.kind
        == EventKind::FieldError {
            field: "nir".into(),
            error: "nir_key".into()
        }));
}

#[test]
fn a_valid_nir_of_someone_else_is_refused_as_unknown() {
    let s = mini();
    let mut session = Session::new(&s, 1);
    session.act(fill("nir", "2 53 07 2B 073 004 70"));
    let out = session.act(press("ok"));
    assert_eq!(
        out.feedback,
        vec![Feedback::Invalid(vec![FieldError {
            field: "nir".into(),
            kind: ErrorKind::Mismatch
        }])]
    );
}

#[test]
fn the_code_arrives_by_sms_and_expires() {
    let s = mini();
    let mut session = Session::new(&s, 3);
    session.act(fill("nir", "295109912611193"));
    let out = session.act(press("ok"));
    assert!(out.feedback.contains(&Feedback::Received("sms".into())));
    let c = code(&session);
    assert_eq!(c.len(), 6);
    session.act(Action::Wait { seconds: 11 * 60 });
    session.act(fill("otp", &c));
    let out = session.act(press("ok"));
    assert_eq!(
        out.feedback,
        vec![Feedback::Invalid(vec![FieldError {
            field: "otp".into(),
            kind: ErrorKind::CodeExpired
        }])]
    );
}

#[test]
fn inactivity_loses_the_session() {
    let s = mini();
    let mut session = Session::new(&s, 3);
    session.act(fill("nir", "295109912611193"));
    session.act(press("ok"));
    session.act(fill("otp", "123"));
    session.act(Action::OpenDocument {
        document: "vitale".into(),
    });
    let out = session.act(Action::Wait { seconds: 15 * 60 });
    assert!(out.feedback.contains(&Feedback::Timeout("code".into())));
    assert_eq!(session.state().page, "login");
    assert!(
        session.state().text("otp").is_none(),
        "the page's answers are lost"
    );
}

#[test]
fn asking_for_more_time_puts_the_timeout_off_and_is_recorded() {
    let s = mini();
    let mut session = Session::new(&s, 3);
    session.act(Action::ExtendTime);
    assert!(
        !session
            .state()
            .events
            .iter()
            .any(|e| matches!(e.kind, EventKind::TimeExtended { .. })),
        "no timeout on the login page: nothing to put off"
    );
    session.act(fill("nir", "295109912611193"));
    session.act(press("ok"));
    assert_eq!(session.state().timeout_warning(&s), None, "no warning yet");
    session.act(Action::Wait { seconds: 14 * 60 });
    assert_eq!(
        session.state().timeout_warning(&s),
        Some(60_000),
        "warned with a minute left"
    );
    session.act(Action::ExtendTime);
    assert_eq!(session.state().timeout_warning(&s), None);
    assert_eq!(session.state().timeout_in_ms(&s), Some(15 * 60_000));
    session.act(Action::Wait { seconds: 14 * 60 });
    assert_ne!(
        session.state().page,
        "login",
        "28 minutes, but never 15 idle"
    );
    let page = session.state().page.clone();
    assert!(
        session
            .state()
            .events
            .iter()
            .any(|e| e.kind == EventKind::TimeExtended { page: page.clone() })
    );
}

#[test]
fn the_timeout_counts_down_while_nothing_is_done() {
    let s = mini();
    let mut session = Session::new(&s, 3);
    assert_eq!(
        session.state().timeout_in_ms(&s),
        None,
        "the login page has no timeout"
    );
    session.act(fill("nir", "295109912611193"));
    session.act(press("ok"));
    assert_eq!(session.state().timeout_in_ms(&s), Some(15 * 60_000));
    session.act(Action::Wait {
        seconds: 14 * 60 + 59,
    });
    assert_eq!(session.state().timeout_in_ms(&s), Some(1000));
    session.act(fill("otp", "1"));
    assert_eq!(
        session.state().timeout_in_ms(&s),
        Some(15 * 60_000),
        "an action starts it again"
    );
    session.act(Action::Wait { seconds: 15 * 60 });
    assert_eq!(session.state().page, "login");
}

#[test]
fn the_same_seed_and_actions_give_the_same_run() {
    let s = mini();
    for seed in 0..20 {
        let a = to_bank(&s, seed).into_state();
        let b = to_bank(&s, seed).into_state();
        assert_eq!(a, b);
    }
    let codes: std::collections::BTreeSet<String> =
        (0..20).map(|seed| code(&to_bank(&s, seed))).collect();
    assert!(codes.len() > 15, "codes differ between seeds");
}

#[test]
fn the_network_error_happens_by_chance_and_loses_the_form() {
    let s = mini();
    let mut fired = 0;
    for seed in 0..40 {
        let mut session = to_bank(&s, seed);
        session.act(fill("iban", "FR7630006000011234567890189"));
        session.act(Action::Upload {
            field: "justif".into(),
            document: "rib".into(),
        });
        session.act(Action::Tick {
            field: "honneur".into(),
            checked: true,
        });
        let out = session.act(press("ok"));
        if out.feedback.contains(&Feedback::Incident("reseau".into())) {
            fired += 1;
            assert!(session.state().answers.is_empty() || session.state().text("iban").is_none());
            assert_eq!(session.state().incident.as_deref(), Some("reseau"));
        } else {
            let end = session.state().ending.clone().expect("ended");
            assert_eq!(end.kind, EndingKind::Success);
            let receipt = end.receipt.expect("a receipt");
            assert!(
                receipt.starts_with("DEM-") && receipt.len() == 12,
                "{receipt}"
            );
        }
    }
    assert!(
        (8..=32).contains(&fired),
        "about half the seeds meet the incident: {fired}"
    );
}

#[test]
fn an_iban_that_is_not_hers_leads_to_the_failure() {
    let s = mini();
    let seed = (0..100).find(|&seed| {
        let mut session = to_bank(&s, seed);
        session.act(fill("iban", "DE89 3704 0044 0532 0130 00"));
        session.act(Action::Upload {
            field: "justif".into(),
            document: "rib".into(),
        });
        session.act(Action::Tick {
            field: "honneur".into(),
            checked: true,
        });
        session.act(press("ok"));
        session
            .state()
            .ending
            .as_ref()
            .is_some_and(|e| e.ending == "fin_ko")
    });
    assert!(seed.is_some());
}

#[test]
fn uploads_check_type_and_size_at_once() {
    let s = mini();
    let mut session = to_bank(&s, 0);
    let out = session.act(Action::Upload {
        field: "justif".into(),
        document: "photo".into(),
    });
    assert!(
        matches!(&out.feedback[..], [Feedback::Invalid(e)] if matches!(e[0].kind, ErrorKind::UploadType { .. }))
    );
    let out = session.act(Action::Upload {
        field: "justif".into(),
        document: "vitale".into(),
    });
    assert!(
        matches!(&out.feedback[..], [Feedback::Invalid(_)]),
        "a paper without a file cannot be uploaded"
    );
}

#[test]
fn required_consent_and_empty_fields_are_all_reported() {
    let s = mini();
    let mut session = to_bank(&s, 0);
    let out = session.act(press("ok"));
    let Some(Feedback::Invalid(errors)) = out.feedback.first() else {
        panic!("invalid: {out:?}")
    };
    let kinds: Vec<&ErrorKind> = errors.iter().map(|e| &e.kind).collect();
    assert_eq!(
        kinds,
        vec![
            &ErrorKind::Required,
            &ErrorKind::Required,
            &ErrorKind::ConsentRequired
        ]
    );
}

#[test]
fn dialogues_wait_for_an_answer_in_formation_and_scores_stay_in_range() {
    let s = mini();
    let (mut session, _) = Session::start(
        &s,
        Settings {
            seed: 1,
            mode: Mode::Formation,
            today: None,
            switches: Default::default(),
        },
    );
    session.act(fill("nir", "295109912611193"));
    let blocked = Some(Refusal::AnswerFirst("d1".into()));
    assert_eq!(session.cannot_press("ok"), blocked, "known before pressing");
    let out = session.act(press("ok"));
    assert_eq!(out.refused(), blocked.as_ref());
    let out = session.act(Action::Say {
        line: "vous".into(),
    });
    assert_eq!(out.feedback, vec![Feedback::Reply("vous".into())]);
    assert_eq!(session.state().autonomie, 100, "95 + 20 is kept at 100");
    assert!(session.open_dialogues().is_empty());
    assert_eq!(session.cannot_press("ok"), None);
    assert_eq!(
        session.cannot_press("envoyer"),
        Some(Refusal::NoSuchButton("envoyer".into()))
    );
    session.act(press("ok"));
    assert_eq!(session.state().page, "code");
}

#[test]
fn dialogues_are_skipped_in_atelier() {
    let s = mini();
    let session = Session::new(&s, 1);
    assert!(session.open_dialogues().is_empty());
}

#[test]
fn hints_come_in_levels_then_run_out() {
    let s = mini();
    let mut session = Session::new(&s, 1);
    assert_eq!(
        session.act(Action::Hint).feedback,
        vec![Feedback::Hint { level: 1 }]
    );
    assert_eq!(
        session.act(Action::Hint).feedback,
        vec![Feedback::Hint { level: 2 }]
    );
    assert_eq!(
        session.act(Action::Hint).refused(),
        Some(&Refusal::NoMoreHints)
    );
}

#[test]
fn back_returns_to_the_previous_page() {
    let s = mini();
    let mut session = Session::new(&s, 1);
    assert_eq!(session.act(Action::Back).refused(), Some(&Refusal::NoBack));
    session.act(fill("nir", "295109912611193"));
    session.act(press("ok"));
    session.act(Action::Back);
    assert_eq!(session.state().page, "login");
}

#[test]
fn abandoning_ends_and_nothing_is_accepted_after() {
    let s = mini();
    let mut session = Session::new(&s, 1);
    let out = session.act(Action::Abandon);
    assert_eq!(out.feedback, vec![Feedback::Ended("abandon".into())]);
    assert!(out.events.iter().any(|e| e.kind
        == EventKind::Abandoned {
            page: "login".into()
        }));
    assert_eq!(session.act(Action::Hint).refused(), Some(&Refusal::Ended));
}

#[test]
fn a_saved_state_resumes_exactly() {
    let s = mini();
    let session = to_bank(&s, 7);
    let saved = serde_json::to_string(session.state()).expect("serialises");
    let restored: State = serde_json::from_str(&saved).expect("deserialises");
    let mut resumed = Session::resume(&s, restored).expect("same scenario");
    let mut original = session.clone();
    let a = original.act(fill("iban", "FR7630006000011234567890189"));
    let b = resumed.act(fill("iban", "FR7630006000011234567890189"));
    assert_eq!(a, b);
    assert_eq!(original.state(), resumed.state());
}

#[test]
fn wrong_calls_are_refused_not_panicking() {
    let s = mini();
    let mut session = Session::new(&s, 1);
    assert_eq!(
        session.act(fill("iban", "x")).refused(),
        Some(&Refusal::NoSuchInput("iban".into()))
    );
    assert_eq!(
        session.act(press("nope")).refused(),
        Some(&Refusal::NoSuchButton("nope".into()))
    );
    assert_eq!(
        session
            .act(Action::ReadMessage {
                message: "sms".into()
            })
            .refused(),
        Some(&Refusal::NoSuchMessage("sms".into()))
    );
    assert_eq!(
        session
            .act(Action::Tick {
                field: "nir".into(),
                checked: true
            })
            .refused(),
        Some(&Refusal::WrongInput("nir".into()))
    );
}

#[test]
fn events_never_carry_what_was_typed() {
    let s = mini();
    let mut session = to_bank(&s, 0);
    session.act(fill("iban", "FR76 3000 6000 0112 3456 7890 188"));
    session.act(press("ok"));
    let json = serde_json::to_string(&session.state().events).expect("events serialise");
    for secret in [
        "2 95 10 99",
        "295109912611193",
        "FR76",
        "3000 6000",
        "1234567890",
    ] {
        assert!(!json.contains(secret), "{secret} leaked into {json}");
    }
}

/// The fixture with an arrival incident on the code page that sends the player back to `goto`.
fn mini_with_arrival_incident(goto: &str) -> Scenario {
    let timeout = r#"timeout: (minutes: 15, goto: "login", message: "Session expirée."),"#;
    let incident = format!(
        r#"{timeout}
            incidents: [(id: "panne", kind: Maintenance, on: Enter, message: "Site en maintenance.", goto: "{goto}")],"#
    );
    load("mini.ron", &MINI.replace(timeout, &incident)).expect("the variant loads")
}

#[test]
fn an_arrival_incident_that_sends_the_player_on_is_shown_where_they_land() {
    let s = mini_with_arrival_incident("login");
    let mut session = Session::new(&s, 1);
    session.act(fill("nir", "2 95 10 99 126 111 93"));
    let out = session.act(press("ok"));
    assert!(out.feedback.contains(&Feedback::Incident("panne".into())));
    assert_eq!(session.state().page, "login");
    assert_eq!(
        session.state().incident.as_deref(),
        Some("panne"),
        "the login page shows why the player is back"
    );
    session.act(fill("nir", "2 95 10 99 126 111 93"));
    assert_eq!(
        session.state().incident.as_deref(),
        Some("panne"),
        "typing keeps the message"
    );
}

#[test]
fn an_incident_on_the_page_an_incident_sends_to_is_the_one_shown() {
    // The network incident of the bank page sends back to the code page, whose
    // own arrival incident then sends on to the login page.
    let network =
        r#"on: Press("ok"), when: Chance(50), message: "Erreur réseau.", clear_answers: true)"#;
    let text = MINI.replace(
        network,
        r#"on: Press("ok"), message: "Erreur réseau.", goto: "code")"#,
    );
    let timeout = r#"timeout: (minutes: 15, goto: "login", message: "Session expirée."),"#;
    let text = text.replace(
        timeout,
        &format!(
            r#"{timeout}
            incidents: [(id: "panne", kind: Maintenance, on: Enter, when: Visited("banque"), message: "Site en maintenance.", goto: "login")],"#
        ),
    );
    let s = load("mini.ron", &text).expect("the variant loads");
    let mut session = to_bank(&s, 1);
    session.act(fill("iban", "FR7630006000011234567890189"));
    session.act(Action::Upload {
        field: "justif".into(),
        document: "rib".into(),
    });
    session.act(Action::Tick {
        field: "honneur".into(),
        checked: true,
    });
    let out = session.act(press("ok"));
    let incidents: Vec<&Feedback> = out
        .feedback
        .iter()
        .filter(|f| matches!(f, Feedback::Incident(_)))
        .collect();
    assert_eq!(
        incidents,
        vec![
            &Feedback::Incident("reseau".into()),
            &Feedback::Incident("panne".into())
        ]
    );
    assert_eq!(session.state().page, "login");
    assert_eq!(session.state().incident.as_deref(), Some("panne"));
}
