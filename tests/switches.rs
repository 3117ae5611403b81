//! Trainer switches: the same seed with another setting plays another run
//! (on both shipped scenarios), documents follow the setting, settings typed
//! by people are checked where they are typed, and the metrics keep them.

mod common;

use dedale_core::engine::{Action, Refusal, Session, Settings};
use dedale_core::load::load;
use dedale_core::metrics::Record;
use dedale_core::model::{Mode, Scenario, Switches};
use dedale_core::rules::Date;
use dedale_core::script;

fn shipped(name: &str) -> Scenario {
    common::load(&common::root().join("scenarios").join(name))
}

fn settings(seed: u64, switches: &[(&str, &str)]) -> Settings {
    Settings {
        switches: switches
            .iter()
            .map(|(s, o)| (s.to_string(), o.to_string()))
            .collect(),
        ..Settings::new(seed)
    }
}

/// Plays a script's actions with these settings; returns the page reached.
fn page_after(scenario: &Scenario, text: &str, settings: Settings) -> String {
    let parsed = script::parse(text).expect("the script reads");
    let (session, _) = script::run(scenario, &parsed, settings, |_, _, _, _| {});
    session.state().page.clone()
}

const TO_THE_SEARCH: &str = "suivre sms_arnaque lien
appuyer retour_resultats
appuyer lien_officiel
choisir motif premiere_demande
appuyer rechercher_creneau";

#[test]
fn the_same_seed_with_another_setting_gives_another_run_at_the_prefecture() {
    let s = shipped("rdv-prefecture.ron");
    // Seed 5: chance finds no slot; with no incident, a slot.
    let at_random = page_after(&s, TO_THE_SEARCH, settings(5, &[]));
    let none = page_after(&s, TO_THE_SEARCH, settings(5, &[("imprevus", "aucun")]));
    assert_eq!(at_random, "pas_de_creneau");
    assert_eq!(none, "creneaux");
    // Seed 6: chance finds a slot; forced, none at the first try.
    let at_random = page_after(&s, TO_THE_SEARCH, settings(6, &[("imprevus", "hasard")]));
    let always = page_after(&s, TO_THE_SEARCH, settings(6, &[("imprevus", "toujours")]));
    assert_eq!(at_random, "creneaux");
    assert_eq!(always, "pas_de_creneau");
}

#[test]
fn each_incident_setting_holds_whatever_the_seed() {
    let s = shipped("rdv-prefecture.ron");
    let again = format!(
        "{TO_THE_SEARCH}\nappuyer nouvelle_recherche\nchoisir motif premiere_demande\nappuyer rechercher_creneau"
    );
    let mut random_pages = std::collections::BTreeSet::new();
    for seed in 0..40 {
        let none = page_after(&s, TO_THE_SEARCH, settings(seed, &[("imprevus", "aucun")]));
        assert_eq!(none, "creneaux", "seed {seed}: no incident");
        let always = page_after(
            &s,
            TO_THE_SEARCH,
            settings(seed, &[("imprevus", "toujours")]),
        );
        assert_eq!(always, "pas_de_creneau", "seed {seed}: at the first try");
        let second = page_after(&s, &again, settings(seed, &[("imprevus", "toujours")]));
        assert_eq!(second, "creneaux", "seed {seed}: only the first try");
        random_pages.insert(page_after(&s, TO_THE_SEARCH, settings(seed, &[])));
    }
    assert_eq!(
        random_pages.len(),
        2,
        "at random, both happen: {random_pages:?}"
    );
}

#[test]
fn the_network_error_of_the_rsa_claim_follows_its_setting() {
    let s = shipped("rsa-mesallocs.ron");
    let text = common::read(&common::root().join("scenarios/rsa-mesallocs.scripts/succes.txt"));
    // The shipped script expects the network error of seed 5; without incidents it fails there.
    let default = script::check(&s, &text, Settings::new(1));
    assert!(default.is_empty(), "{default:?}");
    let none = script::check(&s, &text, settings(1, &[("imprevus", "aucun")]));
    assert!(
        none.iter()
            .any(|p| p.fr.contains("page `declaration` attendue")),
        "{none:?}"
    );
}

const HOUSEHOLD: &str = r#"(
    format: 2,
    meta: (
        id: "foyer", version: "1", title: "Foyer", procedure: "Aide au logement",
        summary: "Recopier le revenu fiscal.", languages: [Fr], audience: Learner,
        duration_minutes: 5, difficulty: Easy, competences: ["2.3"],
    ),
    persona: (
        name: "Karim Benali", situation: "Il demande une aide.", goal: "Envoyer sa demande.",
        documents: [
            (id: "avis_seul", kind: TaxNotice, title: "Avis", when: Switch("foyer", "seul"),
                lines: [(label: "RFR", value: "14 210", fact: "revenu_fiscal")]),
            (id: "avis_couple", kind: TaxNotice, title: "Avis commun", when: Switch("foyer", "couple"),
                lines: [(label: "RFR", value: "31 480", fact: "revenu_fiscal")]),
            (id: "mot_de_passe", kind: Other, title: "Papier", when: Not(Switch("papier", "perdu")),
                lines: [(label: "Mot de passe", value: "Abricot-2026", fact: "mdp")]),
        ],
        derived: [(id: "rfr_fin", from: "revenu_fiscal", compute: Last(3))],
    ),
    start: "revenus",
    pages: [(
        id: "revenus", address: "https://aide.example/revenus", title: "Vos revenus",
        blocks: [
            Field((id: "rfr", label: "Revenu fiscal", kind: Number(), expects: "revenu_fiscal", must_match: true)),
            Field((id: "mdp", label: "Mot de passe", kind: Password((min_length: 8)), expects: "mdp", must_match: true, secret: true)),
            Button((id: "envoyer", label: "Envoyer", goto: "envoye")),
        ],
    )],
    endings: [
        (id: "envoye", kind: Success, title: "Envoyé", debrief: (what_happened: "…", remember: ["…"], help: "…")),
        (id: "abandon", kind: Abandon, title: "Abandon", debrief: (what_happened: "…", remember: ["…"], help: "…")),
    ],
    switches: [
        (id: "foyer", label: "Foyer", options: [(id: "seul", label: "Seul"), (id: "couple", label: "En couple")]),
        (id: "papier", label: "Mot de passe", options: [(id: "garde", label: "Noté"), (id: "perdu", label: "Perdu")]),
    ],
)"#;

#[test]
fn documents_and_facts_follow_the_setting() {
    let s = load("foyer.ron", HOUSEHOLD).unwrap_or_else(|r| panic!("{r}"));
    let couple: Switches = s.resolve_switches(&[("foyer".into(), "couple".into())].into());
    assert_eq!(
        s.fact_with("revenu_fiscal", &s.default_switches())
            .as_deref(),
        Some("14 210")
    );
    assert_eq!(
        s.fact_with("revenu_fiscal", &couple).as_deref(),
        Some("31 480")
    );
    assert_eq!(s.fact_with("rfr_fin", &couple).as_deref(), Some("480"));
    // The portal still knows the password whose note was lost.
    let lost = s.resolve_switches(&[("papier".into(), "perdu".into())].into());
    assert_eq!(s.fact_with("mdp", &lost).as_deref(), Some("Abricot-2026"));

    let fill = |field: &str, value: &str| Action::Fill {
        field: field.into(),
        value: value.into(),
    };
    let (mut alone, _) = Session::start(&s, Settings::new(1));
    let (mut two, _) = Session::start(&s, settings(1, &[("foyer", "couple"), ("papier", "perdu")]));
    let open = |d: &str| Action::OpenDocument { document: d.into() };
    assert!(alone.act(open("avis_couple")).refused().is_some());
    assert!(two.act(open("avis_couple")).refused().is_none());
    assert_eq!(
        two.act(open("mot_de_passe")).refused(),
        Some(&Refusal::NoSuchDocument("mot_de_passe".into()))
    );
    for session in [&mut alone, &mut two] {
        session.act(fill("rfr", "31480"));
        session.act(fill("mdp", "Abricot-2026"));
        session.act(Action::Press {
            button: "envoyer".into(),
        });
    }
    assert_eq!(alone.state().page, "revenus", "alone, 31 480 is not his");
    assert!(two.state().ending.is_some(), "as a couple, it is");
}

#[test]
fn settings_typed_by_people_are_checked_where_they_are_typed() {
    let s = shipped("rdv-prefecture.ron");
    let problems = script::check(
        &s,
        "réglage imprevu aucun\nréglage imprevus jamais\nswitch imprevus\n",
        Settings::new(1),
    );
    let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![1, 2, 3], "{problems:?}");
    assert!(
        problems[0].fr.contains("réglage `imprevu` inconnu"),
        "{}",
        problems[0].fr
    );
    assert!(problems[0].fr.contains("`imprevus`"), "{}", problems[0].fr);
    assert!(
        problems[1].fr.contains("option `jamais` inconnue"),
        "{}",
        problems[1].fr
    );
    assert!(
        problems[1]
            .en
            .contains("choose one of `hasard`, `aucun`, `toujours`"),
        "{}",
        problems[1].en
    );
    assert!(s.parse_setting("imprevus=aucun").is_ok());
    let malformed = s.parse_setting("imprevus:aucun").expect_err("no `=`");
    assert!(
        malformed.fr.contains("`réglage=option`"),
        "{}",
        malformed.fr
    );
}

#[test]
fn the_metrics_keep_the_settings_by_their_ids_and_old_records_still_read() {
    let s = shipped("rdv-prefecture.ron");
    let (session, _) = Session::start(
        &s,
        settings(3, &[("imprevus", "toujours"), ("inconnu", "x")]),
    );
    let record = Record::from_session(
        &s,
        "source",
        session.state(),
        [7; 16],
        Date {
            year: 2026,
            month: 12,
            day: 2,
        },
        dedale_core::Lang::Fr,
        None,
    );
    let expected: Switches = [("imprevus".to_string(), "toujours".to_string())].into();
    assert_eq!(record.header.switches, expected, "ids of the scenario only");
    let line = serde_json::to_string(&record).expect("serialises");
    assert!(
        line.contains(r#""switches":{"imprevus":"toujours"}"#),
        "{line}"
    );
    let back: Record = serde_json::from_str(&line).expect("reads back");
    assert_eq!(back, record);
    let old = line.replace(r#","switches":{"imprevus":"toujours"}"#, "");
    let old: Record = serde_json::from_str(&old).expect("a record from before switches reads");
    assert!(old.header.switches.is_empty());
    assert_eq!(old.header.mode, Mode::Atelier);
}

#[test]
fn the_solver_explores_every_setting_and_replays_its_paths() {
    let s = shipped("rdv-prefecture.ron");
    let explorations = dedale_core::solve::solve(&s, dedale_core::solve::Limits::default());
    let settings: std::collections::BTreeSet<Vec<(String, String)>> =
        explorations.iter().map(|e| e.switches.clone()).collect();
    assert_eq!(
        settings.len(),
        3,
        "defaults, `aucun`, `toujours`: {settings:?}"
    );
    for e in explorations.iter().filter(|e| !e.switches.is_empty()) {
        let path = e
            .endings
            .get("rdv_obtenu")
            .expect("success with every setting");
        assert!(path[0].starts_with("réglage imprevus "), "{path:?}");
        let text = path.join("\n") + "\nattendu fin rdv_obtenu";
        let mode = if e.mode == Mode::Formation {
            "mode formation\n"
        } else {
            ""
        };
        let problems = script::check(&s, &format!("{mode}{text}"), Settings::new(0));
        assert!(problems.is_empty(), "{:?}: {problems:?}", e.switches);
    }
}

#[test]
fn the_report_compares_the_sessions_of_each_setting() {
    let s = shipped("rdv-prefecture.ron");
    let day = Date {
        year: 2026,
        month: 12,
        day: 2,
    };
    let records: Vec<Record> = [("aucun", 5), ("aucun", 6), ("toujours", 7)]
        .iter()
        .map(|(option, n)| {
            let mut session = Session::start(&s, settings(*n, &[("imprevus", option)])).0;
            session.act(Action::Abandon);
            Record::from_session(
                &s,
                "source",
                session.state(),
                [*n as u8; 16],
                day,
                dedale_core::Lang::Fr,
                None,
            )
        })
        .collect();
    let report = dedale_core::metrics::report::report(&records);
    let rows = &report.scenarios[0].settings;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0].switches,
        vec![("imprevus".to_string(), "aucun".to_string())]
    );
    assert_eq!((rows[0].sessions, rows[0].abandoned), (2, 2));
    let text = report.text(dedale_core::Lang::Fr);
    assert!(text.contains("imprevus = toujours : 1 session"), "{text}");
    let titled = report
        .titled(&[&s], dedale_core::Lang::Fr)
        .text(dedale_core::Lang::Fr);
    assert!(
        titled
            .contains("« Aucun rendez-vous disponible » = À coup sûr au premier essai : 1 session"),
        "{titled}"
    );
    assert!(
        report
            .html(dedale_core::Lang::En)
            .contains("By trainer setting")
    );
    assert!(
        report
            .csv(dedale_core::metrics::csv_export::Delimiter::Semicolon)
            .contains("réglage;")
    );
}

/// What a player meets after each line of a script: the page, its blocks,
/// the folder, the ending, how many things happened.
fn trace(s: &Scenario, parsed: &script::Script) -> Vec<String> {
    let mut out = Vec::new();
    let _ = script::run(s, parsed, Settings::new(1), |_, _, _, session| {
        let st = session.state();
        let folder: Vec<&str> = s
            .persona
            .documents
            .iter()
            .filter(|d| s.document_present(d, &st.switches))
            .map(|d| d.id.as_str())
            .collect();
        out.push(format!(
            "{} {:?} {folder:?} {:?} {}",
            st.page,
            session.visible_blocks(),
            st.ending,
            st.events.len()
        ));
    });
    out
}

#[test]
fn every_option_of_every_switch_changes_a_scripted_run_in_the_library() {
    let mut missing = Vec::new();
    for path in common::scenario_files() {
        let s = common::load(&path);
        let scripts = path.with_extension("scripts");
        let mut shown: Vec<(String, String)> = Vec::new();
        for entry in std::fs::read_dir(&scripts).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("a script");
            let Ok(parsed) = script::parse(&text) else {
                continue;
            };
            if parsed.switches.is_empty() {
                continue;
            }
            let mut plain = parsed.clone();
            plain.switches.clear();
            if trace(&s, &parsed) != trace(&s, &plain) {
                shown.extend(
                    parsed
                        .switches
                        .iter()
                        .map(|(_, w, o)| (w.clone(), o.clone())),
                );
            }
        }
        for w in &s.switches {
            for o in w.options.iter().skip(1) {
                if !shown.contains(&(w.id.clone(), o.id.clone())) {
                    missing.push(format!(
                        "{}: `réglage {} {}`",
                        path.file_name()
                            .and_then(|n| n.to_str())
                            .unwrap_or_default(),
                        w.id,
                        o.id
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no script shows that these settings change the run: {missing:#?}"
    );
}
