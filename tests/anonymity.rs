//! The anonymity test: whatever a player types, no export carries it.
//!
//! Every shipped scenario is played along each of its scripts. On every page
//! the scripts reach, copies of the session have every text, captcha and
//! code field filled with one "secret" — each value printed in the persona's
//! folder, the persona's name, and real-looking identifiers typed into the
//! wrong fields (a NIR, an IBAN, an e-mail, a phone number) — then each
//! button is pressed, so refused values produce their error events. Every
//! such session's record is exported as JSON Lines, CSV and xAPI, and no
//! secret, nor any fragment of 4 characters or more of one, may appear.
//!
//! The rule for what is not a leak, so the test stays exact and principled:
//! - Only text is searched. Numbers in the exports (times, durations, scores,
//!   hint levels) are checked apart: each must be one the engine computed
//!   for that session (an event time, the duration, a score, a level).
//! - Values computed from no typed input are masked before searching: the
//!   session id (drawn at random, here a fixed byte), the content hash (of
//!   the scenario file), UUIDs (derived from the session id), the day, and
//!   ISO durations (from the session's clock).
//! - A fragment is ignored when it is also a substring of the scenario's own
//!   ids (pages, inputs, options, buttons, documents, messages, incidents,
//!   dialogue lines, endings, metadata) or of the fixed vocabulary of the
//!   formats (the text of the exports of a synthetic record that has every
//!   event kind with placeholder ids, and the engine's error codes): such a
//!   fragment is in an export whatever anyone types.
//! - Secrets shorter than 4 characters are not searched (no 4-character
//!   fragment exists); matching ignores case.

mod common;
mod leaks;
mod metrics_common;

use std::collections::BTreeSet;

use dedale_core::Lang;
use dedale_core::engine::{Action, Session};
use dedale_core::metrics::{Event, EventKind, Header, Outcome, Record, jsonl};
use dedale_core::model::{Block, Mode, Scenario};

use leaks::{exports, find_leak, searchable, windows};
use metrics_common::{Shipped, play, record, shipped};

/// Real-looking identifiers typed by mistake.
const WRONG: [&str; 8] = [
    "1 84 12 76 451 089 46",
    "184127645108946",
    "FR14 2004 1010 0505 0001 3M02 606",
    "jeanne.martin72@exemple.fr",
    "06 98 76 54 32",
    "+33 6 98 76 54 32",
    "Jeanne MARTIN",
    "12 rue des Lilas 75020 Paris",
];

fn secrets(s: &Scenario) -> Vec<String> {
    let mut out: BTreeSet<String> = WRONG.iter().map(|w| w.to_string()).collect();
    out.insert(s.persona.name.clone());
    for d in &s.persona.documents {
        for l in &d.lines {
            out.insert(l.value.clone());
            out.insert(l.value.split_whitespace().collect());
        }
    }
    out.into_iter().filter(|v| v.chars().count() >= 4).collect()
}

/// A record of this scenario that has every event each of its ids can
/// appear in (every page, input × error code, document, message, incident,
/// dialogue line, ending), typed by nobody: what its exports contain is
/// what any export of this scenario may contain whatever is typed.
fn vocabulary_records(s: &Scenario, error_codes: &BTreeSet<String>) -> Vec<Record> {
    let mut events = Vec::new();
    let mut add = |kind: EventKind| events.push(Event { at_ms: 0, kind });
    for p in &s.pages {
        let page = p.id.clone();
        add(EventKind::PageEntered { page: page.clone() });
        for level in 1..=3 {
            add(EventKind::HintUsed {
                page: page.clone(),
                level,
            });
        }
        for b in &p.blocks {
            for error in error_codes {
                if let Some(field) = b.input_id() {
                    add(EventKind::FieldError {
                        field: field.into(),
                        error: error.clone(),
                    });
                }
            }
        }
        for i in &p.incidents {
            add(EventKind::Incident {
                incident: i.id.clone(),
                kind: i.kind,
            });
        }
        for line in p.dialogue.iter().flat_map(|d| &d.lines) {
            add(EventKind::Posture {
                line: line.id.clone(),
                posture: line.posture,
            });
        }
        add(EventKind::ReadAloud {
            what: format!("page:{page}"),
        });
        add(EventKind::Back { from: page.clone() });
        add(EventKind::Timeout { page: page.clone() });
        add(EventKind::PageLeft { page: page.clone() });
        add(EventKind::Abandoned { page });
    }
    for d in &s.persona.documents {
        add(EventKind::DocumentOpened {
            document: d.id.clone(),
        });
    }
    for m in &s.messages {
        add(EventKind::MessageReceived {
            message: m.id.clone(),
        });
        add(EventKind::MessageRead {
            message: m.id.clone(),
        });
    }
    for e in &s.endings {
        add(EventKind::Ended {
            ending: e.id.clone(),
            kind: e.kind,
        });
    }
    // Every event once; then each mode, language and ending with its own
    // ending event only (they change the header and the last statements).
    let mut records = Vec::new();
    let header = |n: usize, mode, lang| Header {
        format: dedale_core::metrics::FORMAT,
        session: format!("{n:032x}"),
        scenario: s.meta.id.clone(),
        version: s.meta.version.clone(),
        content_hash: "0".repeat(64),
        competences: s.meta.competences.clone(),
        mode,
        lang,
        day: "2000-01-01".into(),
        group: Some("groupe-test".into()),
        switches: s.default_switches(),
    };
    // Each option of each trainer switch, in the header (ids of the scenario).
    for w in &s.switches {
        for o in &w.options {
            let mut h = header(0, Mode::Atelier, Lang::Fr);
            h.switches.insert(w.id.clone(), o.id.clone());
            records.push(Record {
                header: h,
                events: Vec::new(),
                outcome: None,
            });
        }
    }
    records.push(Record {
        header: header(0, Mode::Atelier, Lang::Fr),
        events,
        outcome: None,
    });
    for (n, (mode, lang)) in [
        (Mode::Atelier, Lang::Fr),
        (Mode::Formation, Lang::En),
        (Mode::Atelier, Lang::Falc),
    ]
    .into_iter()
    .enumerate()
    {
        for e in &s.endings {
            records.push(Record {
                header: header(n, mode, lang),
                events: vec![Event {
                    at_ms: 0,
                    kind: EventKind::Ended {
                        ending: e.id.clone(),
                        kind: e.kind,
                    },
                }],
                outcome: Some(Outcome {
                    ending: e.id.clone(),
                    kind: e.kind,
                    droits: 0,
                    autonomie: 0,
                    duration_ms: 0,
                }),
            });
        }
    }
    records
}

/// The sessions of one scenario with every secret typed on every page its scripts reach.
fn probed(s: &Shipped, secrets: &[String]) -> (Vec<Record>, BTreeSet<String>) {
    let mut records = Vec::new();
    let mut pages = BTreeSet::new();
    for path in common::scripts_of(&s.file) {
        let mut seen = BTreeSet::new();
        let mut probe = |session: &Session<'_>| {
            let st = session.state();
            if st.ending.is_some() || !seen.insert(st.page.clone()) {
                return;
            }
            let Some(page) = s.scenario.page(&st.page) else {
                return;
            };
            let inputs: Vec<&str> = page
                .blocks
                .iter()
                .filter(|b| matches!(b, Block::Field(_) | Block::Captcha(_) | Block::Code(_)))
                .filter_map(Block::input_id)
                .collect();
            if inputs.is_empty() {
                return;
            }
            pages.insert(page.id.clone());
            for secret in secrets {
                let mut typed = session.clone();
                for field in &inputs {
                    typed.act(Action::Fill {
                        field: (*field).into(),
                        value: secret.clone(),
                    });
                }
                records.push(record(s, &typed, 0xab, Some("groupe-test")));
                for button in page.buttons() {
                    let mut pressed = typed.clone();
                    pressed.act(Action::Press {
                        button: button.id.clone(),
                    });
                    let mut rec = record(s, &pressed, 0xab, Some("groupe-test"));
                    rec.close_interrupted();
                    records.push(rec);
                }
            }
        };
        play(s, &path, &mut probe);
    }
    (records, pages)
}

#[test]
fn no_typed_value_nor_any_fragment_of_it_reaches_any_export() {
    for s in shipped() {
        let secrets = secrets(&s.scenario);
        let (records, pages) = probed(&s, &secrets);
        let with_inputs: BTreeSet<String> = s
            .scenario
            .pages
            .iter()
            .filter(|p| {
                p.blocks
                    .iter()
                    .any(|b| matches!(b, Block::Field(_) | Block::Captcha(_) | Block::Code(_)))
            })
            .map(|p| p.id.clone())
            .collect();
        assert_eq!(
            pages, with_inputs,
            "{}: every page with a text field is probed",
            s.scenario.meta.id
        );
        let errors: usize = records
            .iter()
            .flat_map(|r| &r.events)
            .filter(|e| matches!(e.kind, EventKind::FieldError { .. }))
            .count();
        assert!(
            errors > 100,
            "the probes make the portal refuse values ({errors})"
        );
        let mut codes = BTreeSet::new();
        for e in records.iter().flat_map(|r| &r.events) {
            if let EventKind::FieldError { error, .. } = &e.kind {
                assert!(
                    error.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                    "{error} is a code"
                );
                codes.insert(error.clone());
            }
        }
        let allowed: String = vocabulary_records(&s.scenario, &codes)
            .iter()
            .map(searchable)
            .collect::<Vec<_>>()
            .join("\n");
        let allowed_windows = windows(&allowed);
        let whole: Vec<String> = secrets
            .iter()
            .map(|s| s.to_lowercase())
            .filter(|s| !allowed.contains(s.as_str()))
            .collect();
        let fragments: BTreeSet<[char; 4]> = secrets
            .iter()
            .flat_map(|secret| windows(&secret.to_lowercase()))
            .filter(|f| !allowed_windows.contains(f))
            .collect();
        assert!(
            fragments.len() > 100,
            "most fragments are searched ({})",
            fragments.len()
        );
        // Many probes give the same record (the same refusal whatever the
        // secret): each distinct record is searched once.
        let unique: std::collections::BTreeMap<String, &Record> =
            records.iter().map(|r| (jsonl::to_line(r), r)).collect();
        for rec in unique.values() {
            if let Some(leak) = find_leak(rec, &whole, &fragments) {
                panic!("{leak} leaked into an export of {}", s.scenario.meta.id);
            }
        }
        // The detector itself catches a planted value, in any place a string can go.
        for secret in secrets.iter().filter(|x| whole.contains(&x.to_lowercase())) {
            let mut planted = records[0].clone();
            planted.events.push(Event {
                at_ms: 0,
                kind: EventKind::ReadAloud {
                    what: format!("x{secret}x"),
                },
            });
            assert!(
                find_leak(&planted, &whole, &fragments).is_some(),
                "{secret} is caught"
            );
        }
        assert!(exports(&records[0]).iter().all(|e| !e.is_empty()));
    }
}

/// Comparisons (`same_as`: a confirmation, a login with the password chosen
/// earlier) read two typed values; neither reaches an event, a record or an
/// export, whether they match or not: only the field and the error code do.
#[test]
fn compared_values_never_reach_events_records_or_exports() {
    let path = common::root().join("game/core/tests/fixtures/compte.ron");
    let source = common::read(&path);
    let scenario = dedale_core::load::load("compte.ron", &source).expect("loads");
    let chosen = "Minotaure-Kq7x!";
    let confirmed = "Dedalus#Wing9z";
    let tried = "Ariane~Fil~Qj5";
    let fill = |field: &str, value: &str| Action::Fill {
        field: field.into(),
        value: value.into(),
    };
    let press = |button: &str| Action::Press {
        button: button.into(),
    };
    let record = |session: &Session<'_>| {
        Record::from_session(
            &scenario,
            &source,
            session.state(),
            [7; 16],
            dedale_core::rules::Date::parse("23/11/2026").expect("a date"),
            Lang::Fr,
            Some("groupe-test"),
        )
    };
    let mut session = Session::new(&scenario, 1);
    let untyped = record(&session);
    for (field, value) in [
        ("nir", "2 95 10 99 126 111 93"),
        ("iban_fin", "7890189"),
        ("reference", "7105 4028 139"),
        ("mdp", chosen),
        ("mdp_confirmation", confirmed),
    ] {
        session.act(fill(field, value));
    }
    session.act(Action::Choose {
        field: "par_courriel".into(),
        option: "non".into(),
    });
    session.act(press("creer"));
    session.act(fill("mdp_confirmation", chosen));
    session.act(press("creer"));
    session.act(fill("identifiant", "2 95 10 99 126 111 93"));
    session.act(fill("mot_de_passe", tried));
    session.act(press("se_connecter"));
    session.act(fill("mot_de_passe", chosen));
    session.act(press("se_connecter"));
    assert_eq!(session.state().page, "echeance", "the login went through");
    let errors: Vec<String> = session
        .state()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FieldError { field, error } => Some(format!("{field}:{error}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        errors,
        [
            "mdp_confirmation:mismatch_confirmation",
            "mot_de_passe:mismatch"
        ]
    );
    // What is not a leak: the scenario's own text, and an untyped session's exports.
    let allowed = windows(&format!(
        "{}\n{}",
        source.to_lowercase(),
        searchable(&untyped)
    ));
    let secrets: Vec<String> = [chosen, confirmed, tried]
        .iter()
        .map(|s| s.to_lowercase())
        .collect();
    let fragments: BTreeSet<[char; 4]> = secrets
        .iter()
        .flat_map(|s| windows(s))
        .filter(|f| !allowed.contains(f))
        .collect();
    assert!(
        fragments.len() > 25,
        "{} fragments searched",
        fragments.len()
    );
    let events = format!("{:?}", session.state().events).to_lowercase();
    for f in &fragments {
        let f: String = f.iter().collect();
        assert!(!events.contains(&f), "`{f}` is in the events");
    }
    let mut rec = record(&session);
    rec.close_interrupted();
    let json = serde_json::to_string(&rec).expect("a record serialises");
    assert!(secrets.iter().all(|s| !json.to_lowercase().contains(s)));
    if let Some(leak) = find_leak(&rec, &secrets, &fragments) {
        panic!("{leak} leaked into an export");
    }
    // The search itself finds a planted value.
    rec.events.push(Event {
        at_ms: 0,
        kind: EventKind::ReadAloud {
            what: format!("x{tried}x"),
        },
    });
    assert!(find_leak(&rec, &secrets, &fragments).is_some());
}
