//! Format 2 on a test fixture (`tests/fixtures/format2/courrier.ron`, which
//! includes `communs/aide.ron`): a letter that arrives after game time, a
//! downloaded attestation, a link in an SMS to a look-alike site, an
//! incident with effects, a postponed ending, debrief paragraphs that depend
//! on what happened, and problems that name the file they are in.

mod common;

use dedale_core::Lang;
use dedale_core::debrief::debrief;
use dedale_core::engine::{
    Action, EventKind, Feedback, ForcedDice, Refusal, Session, Settings, State,
};
use dedale_core::load::{load_with_includes, no_includes};
use dedale_core::model::{EndingKind, Scenario};
use dedale_core::solve::{Limits, check_with};

fn path() -> std::path::PathBuf {
    common::root().join("tests/fixtures/format2/courrier.ron")
}

fn scenario() -> Scenario {
    let file = path();
    let includes = common::includes_beside(&file);
    load_with_includes("courrier.ron", &common::read(&file), &includes)
        .map(|(s, _)| s)
        .unwrap_or_else(|r| panic!("{r}"))
}

fn press(s: &mut Session<'_>, button: &str) -> dedale_core::engine::Outcome {
    s.act(Action::Press {
        button: button.into(),
    })
}

#[test]
fn it_checks_and_solves_with_its_fragment_and_every_ending_is_reached() {
    let file = path();
    let includes = common::includes_beside(&file);
    let (scenario, report) = check_with(
        "courrier.ron",
        &common::read(&file),
        &includes,
        Limits::default(),
    )
    .unwrap_or_else(|r| panic!("{r}"));
    assert!(report.diagnostics.is_empty(), "{report}");
    assert!(
        scenario.page("connexion_commune").is_some(),
        "the fragment's page is merged"
    );
    for e in dedale_core::solve::solve(&scenario, Limits::default()) {
        for ending in ["fin_ok", "reportee", "abandon"] {
            assert!(
                e.endings.contains_key(ending),
                "{ending} reached in {:?}",
                e.mode
            );
        }
        assert!(e.pages.contains("faux_site"), "the link's page is reached");
    }
}

#[test]
fn a_letter_arrives_only_once_its_game_time_has_passed() {
    let s = scenario();
    let mut session = Session::new(&s, 1);
    press(&mut session, "demander");
    let post = |st: &State| st.inbox.iter().any(|r| r.message == "courrier_code");
    assert!(!post(session.state()), "not at once");
    assert_eq!(session.state().next_arrival_in_ms(), Some(180_000));
    session.act(Action::Wait { seconds: 120 });
    assert!(!post(session.state()), "not after 2 minutes");
    let out = session.act(Action::Wait { seconds: 60 });
    assert!(post(session.state()), "after 3 minutes");
    assert!(
        out.feedback
            .contains(&Feedback::Received("courrier_code".into()))
    );
    let (code, at) = session.state().code_of("courrier_code").expect("a code");
    assert_eq!(at, 180_000);
    let code = code.to_string();
    session.act(Action::Fill {
        field: "code_courrier".into(),
        value: code,
    });
    let mut never = ForcedDice::new(vec![false]);
    session.act_with(
        Action::Press {
            button: "valider".into(),
        },
        &mut never,
    );
    assert_eq!(session.state().page, "telechargement");
}

#[test]
fn a_hidden_document_is_in_the_folder_only_once_downloaded() {
    let s = scenario();
    let mut session = Session::new(&s, 1);
    let open = |session: &mut Session<'_>| {
        session.act(Action::OpenDocument {
            document: "attestation".into(),
        })
    };
    let attestation = s.document("attestation").expect("exists");
    assert!(!session.state().in_folder(attestation));
    assert_eq!(
        open(&mut session).refused(),
        Some(&Refusal::NoSuchDocument("attestation".into()))
    );
    press(&mut session, "demander");
    session.act(Action::Wait { seconds: 180 });
    let code = session
        .state()
        .code_of("courrier_code")
        .expect("code")
        .0
        .to_string();
    session.act(Action::Fill {
        field: "code_courrier".into(),
        value: code,
    });
    let out = session.act_with(
        Action::Press {
            button: "valider".into(),
        },
        &mut ForcedDice::new(vec![false]),
    );
    assert!(
        out.feedback
            .contains(&Feedback::Downloaded("attestation".into()))
    );
    assert!(out.events.iter().any(|e| e.kind
        == EventKind::DocumentDownloaded {
            document: "attestation".into()
        }));
    assert!(session.state().in_folder(attestation));
    assert_eq!(open(&mut session).refused(), None);
    press(&mut session, "terminer");
    assert_eq!(
        session.state().ending.as_ref().map(|e| e.ending.as_str()),
        Some("fin_ok")
    );
}

#[test]
fn a_link_in_a_message_opens_its_page_and_is_recorded_by_ids() {
    let s = scenario();
    let mut session = Session::new(&s, 1);
    let bad = session.act(Action::FollowLink {
        message: "courrier_code".into(),
        link: "lien".into(),
    });
    assert_eq!(bad.refused(), Some(&Refusal::NoSuchLink("lien".into())));
    let out = session.act(Action::FollowLink {
        message: "sms_lien".into(),
        link: "lien".into(),
    });
    assert_eq!(session.state().page, "faux_site");
    assert_eq!(
        s.page("faux_site").map(|p| p.address.as_str()),
        Some("https://portail-gouv.example/")
    );
    let followed = out
        .events
        .iter()
        .find(|e| matches!(e.kind, EventKind::LinkFollowed { .. }))
        .expect("recorded");
    assert_eq!(followed.kind.ids(), vec!["sms_lien", "lien"]);
    session.act(Action::Back);
    assert_eq!(
        session.state().page,
        "accueil",
        "back returns where the player was"
    );
}

/// Plays to the attestation with the maintenance incident forced or not.
fn to_the_end(s: &Scenario, incident: bool) -> State {
    let mut session = Session::new(s, 1);
    press(&mut session, "demander");
    session.act(Action::Wait { seconds: 180 });
    let code = session
        .state()
        .code_of("courrier_code")
        .expect("code")
        .0
        .to_string();
    session.act(Action::Fill {
        field: "code_courrier".into(),
        value: code,
    });
    let valider = Action::Press {
        button: "valider".into(),
    };
    let out = session.act_with(valider.clone(), &mut ForcedDice::new(vec![incident]));
    if incident {
        assert!(out.feedback.contains(&Feedback::Incident("panne".into())));
        assert!(
            session.state().flags.contains("panne_vue"),
            "the incident's effect"
        );
        assert_eq!(session.state().autonomie, 45);
        session.act_with(valider, &mut ForcedDice::new(vec![true]));
    }
    press(&mut session, "terminer");
    session.into_state()
}

#[test]
fn an_incident_applies_its_effects_and_the_debrief_says_so() {
    let s = scenario();
    let with = debrief(&s, &to_the_end(&s, true), Lang::Fr).expect("ended");
    let without = debrief(&s, &to_the_end(&s, false), Lang::Fr).expect("ended");
    assert!(
        with.what_happened.contains("maintenance"),
        "{}",
        with.what_happened
    );
    assert!(!without.what_happened.contains("maintenance"));
    assert!(
        with.remember
            .iter()
            .any(|r| r.contains("pas de votre faute"))
    );
    assert_eq!(without.remember.len(), 1);
    for d in [&with, &without] {
        assert!(d.help.starts_with("La caisse d'essai."), "{}", d.help);
        assert!(
            d.help.contains("conseiller numérique"),
            "the shared paragraph: {}",
            d.help
        );
    }
}

#[test]
fn a_postponed_ending_is_neither_success_nor_failure() {
    let s = scenario();
    let mut session = Session::new(&s, 1);
    press(&mut session, "demander");
    press(&mut session, "plus_tard");
    let end = session.state().ending.clone().expect("ended");
    assert_eq!(end.kind, EndingKind::Postponed);
    assert_eq!(end.kind.code(), "postponed");
    let d = debrief(&s, session.state(), Lang::Fr).expect("debrief");
    let w = dedale_core::debrief::words(Lang::Fr);
    assert_eq!(
        w.ending(d.kind),
        "Démarche en attente : la suite arrivera par courrier."
    );
}

#[test]
fn without_its_fragments_the_scenario_is_refused_where_it_includes_them() {
    let text = common::read(&path());
    let report = load_with_includes("courrier.ron", &text, &no_includes).expect_err("refused");
    let lines = report.lines(Lang::Fr);
    assert_eq!(
        lines,
        vec![
            "courrier.ron:5:15: fragment `communs/aide.ron` introuvable : vérifiez son nom, écrit depuis le dossier du scénario (par exemple \"communs/aide-numerique.ron\")"
                .to_string()
        ]
    );
}

#[test]
fn a_problem_inside_a_fragment_names_the_fragment_file() {
    let text = common::read(&path());
    let fragment = common::read(&common::root().join("tests/fixtures/format2/communs/aide.ron"))
        .replace("goto: \"accueil\"", "goto: \"acceuil\"");
    let includes = |name: &str| {
        (name == "communs/aide.ron").then(|| ("communs/aide.ron".to_string(), fragment.clone()))
    };
    let report = load_with_includes("courrier.ron", &text, &includes).expect_err("refused");
    let lines = report.lines(Lang::Fr);
    assert_eq!(
        lines,
        vec!["communs/aide.ron:11:75: page ou fin `acceuil` inconnue ; vouliez-vous dire `accueil` ?".to_string()]
    );
    assert!(
        report.render(Lang::Fr).contains("Revenir au portail"),
        "the excerpt is the fragment's line"
    );
    let broken = fragment.replace("paragraphs: [", "paragraphs [");
    let includes = |_: &str| Some(("communs/aide.ron".to_string(), broken.clone()));
    let report = load_with_includes("courrier.ron", &text, &includes).expect_err("refused");
    assert!(
        report.lines(Lang::Fr)[0].starts_with("communs/aide.ron:15:"),
        "{:?}",
        report.lines(Lang::Fr)
    );
}

#[test]
fn a_format_1_file_using_a_format_2_feature_is_told_to_write_format_2() {
    let text = common::read(&path())
        .replace(
            "format: 2,\n    include: [\"communs/aide.ron\"],",
            "format: 1,",
        )
        .replace("(shared: \"aide_numerique\"),", "");
    let report = load_with_includes("courrier.ron", &text, &no_includes).expect_err("refused");
    let lines = report.lines(Lang::Fr).join("\n");
    assert!(
        lines.contains(
            "`hidden: true` demande le format 2 : écrivez `format: 2` en tête du fichier"
        ),
        "{lines}"
    );
    for feature in [
        "`device: Post`",
        "`links`",
        "`Download`",
        "`kind: Postponed`",
        "`paragraphs`",
    ] {
        assert!(lines.contains(feature), "{feature}: {lines}");
    }
    let en = report.lines(Lang::En).join("\n");
    assert!(en.contains("needs format 2: write `format: 2`"), "{en}");
}

#[test]
fn an_old_format_1_scenario_plays_unchanged() {
    let file = common::root().join("game/core/tests/fixtures/mini.ron");
    let scenario = dedale_core::load::load("mini.ron", &common::read(&file)).expect("loads");
    assert_eq!(scenario.format, 1);
    let (session, _) = Session::start(&scenario, Settings::new(1));
    assert!(session.state().downloads.is_empty() && session.state().pending.is_empty());
}

#[test]
fn the_trainers_report_counts_postponed_sessions_apart() {
    let s = scenario();
    let source = common::read(&path());
    let mut records = Vec::new();
    for (i, postpone) in [true, false].into_iter().enumerate() {
        let mut session = Session::new(&s, 1);
        press(&mut session, "demander");
        if postpone {
            press(&mut session, "plus_tard");
        } else {
            session.act(Action::Abandon);
        }
        let day = dedale_core::rules::Date {
            year: 2026,
            month: 12,
            day: 2,
        };
        let id = [u8::try_from(i).unwrap_or(0); 16];
        records.push(dedale_core::metrics::Record::from_session(
            &s,
            &source,
            session.state(),
            id,
            day,
            Lang::Fr,
            None,
        ));
    }
    let rep = dedale_core::metrics::report::report(&records);
    let sc = rep.scenarios.first().expect("one scenario");
    assert_eq!(
        (
            sc.postponed,
            sc.abandoned,
            sc.succeeded,
            sc.failed,
            sc.completed
        ),
        (1, 1, 0, 0, 0)
    );
    assert!(
        rep.text(Lang::Fr)
            .contains("Reportées (suite par courrier) : 1 (50 %)"),
        "{}",
        rep.text(Lang::Fr)
    );
    assert!(
        rep.html(Lang::En)
            .contains("postponed (to be continued by post)")
    );
}
