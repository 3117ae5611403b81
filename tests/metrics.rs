//! The metrics of every shipped scenario: each script's session becomes a
//! record that exports as JSON Lines, CSV and valid xAPI statements, reads
//! back, and feeds a report; the text and HTML reports of a fixed group are golden.

mod common;
mod metrics_common;

use dedale_core::Lang;
use dedale_core::metrics::csv_export::{self, Delimiter};
use dedale_core::metrics::{Event, EventKind, Header, Outcome, Record, jsonl, report, xapi};
use dedale_core::model::{EndingKind, IncidentKind, Mode, Posture};

use metrics_common::{check_statement, play, record, shipped};

#[test]
fn every_script_gives_a_record_that_exports_in_the_three_formats() {
    let mut all = Vec::new();
    for (i, s) in shipped().iter().enumerate() {
        for (j, path) in common::scripts_of(&s.file).iter().enumerate() {
            let name = path.display();
            let session = play(s, path, |_| {});
            let n = u8::try_from(i * 16 + j).expect("few scripts");
            let rec = record(s, &session, n, Some("essai-1"));
            let ended = session.state().ending.as_ref().expect("scripts end");
            let outcome = rec
                .outcome
                .as_ref()
                .expect("an ended session has an outcome");
            assert_eq!(outcome.ending, ended.ending, "{name}");
            assert_eq!(rec.header.session.len(), 32);
            assert_eq!(rec.header.scenario, s.scenario.meta.id);
            assert_eq!(rec.header.content_hash.len(), 64);
            assert_eq!(rec.header.day, "2026-11-23");
            assert!(rec.validate().is_ok(), "{name}");

            let line = jsonl::to_line(&rec);
            assert!(!line.contains('\n'));
            let (back, problems) = jsonl::read(&line);
            assert!(problems.is_empty(), "{name}: {problems:?}");
            assert_eq!(back, vec![rec.clone()], "{name}: JSON Lines read back");

            for delimiter in [Delimiter::Semicolon, Delimiter::Comma] {
                let csv = csv_export::write(std::slice::from_ref(&rec), delimiter);
                let d = if delimiter == Delimiter::Comma {
                    b','
                } else {
                    b';'
                };
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(d)
                    .from_reader(csv.as_bytes());
                let headers = reader.headers().expect("header row").clone();
                assert_eq!(headers.iter().collect::<Vec<_>>(), csv_export::HEADERS);
                let rows: Vec<csv::StringRecord> =
                    reader.records().map(|r| r.expect("row")).collect();
                assert_eq!(rows.len(), rec.events.len(), "{name}: one row per event");
                assert!(rows.iter().all(|r| r.len() == 14));
                let last = rows.last().expect("rows");
                assert_eq!(&last[8], "ended");
            }

            let statements = xapi::statements(&rec);
            assert!(statements.len() > 2, "{name}");
            for st in &statements {
                if let Err(why) = check_statement(st) {
                    panic!("{name}: {why}\n{st:#}");
                }
            }
            let verbs: Vec<&str> = statements
                .iter()
                .filter_map(|s| s["verb"]["id"].as_str())
                .map(|v| v.rsplit('/').next().unwrap_or(""))
                .collect();
            assert_eq!(verbs.first(), Some(&"attempted"));
            let last = match outcome.kind {
                EndingKind::Success => "passed",
                EndingKind::Failure => "failed",
                EndingKind::Abandon => "terminated",
                EndingKind::Postponed => "suspended",
            };
            assert_eq!(verbs.last(), Some(&last), "{name}");
            let fin = statements.last().expect("statements");
            assert!(fin["result"]["duration"].as_str().is_some());
            assert_eq!(
                fin["result"]["success"].as_bool(),
                Some(outcome.kind == EndingKind::Success)
            );
            let ids: std::collections::BTreeSet<&str> =
                statements.iter().filter_map(|s| s["id"].as_str()).collect();
            assert_eq!(
                ids.len(),
                statements.len(),
                "{name}: statement ids are unique"
            );
            all.push(rec);
        }
    }
    let array: serde_json::Value =
        serde_json::from_str(&xapi::write(&all)).expect("xAPI export is a JSON array");
    assert!(array.as_array().is_some_and(|a| !a.is_empty()));
    let rep = report::report(&all);
    assert_eq!(rep.sessions, all.len());
    assert!(rep.scenarios.iter().all(|s| !s.friction.is_empty()));
    assert!(rep.html(Lang::Fr).contains("<svg"));
}

#[test]
fn bad_lines_are_reported_with_their_numbers_and_never_panic() {
    let s = &shipped()[0];
    let script = common::scripts_of(&s.file).remove(0);
    let good = jsonl::to_line(&record(s, &play(s, &script, |_| {}), 7, None));
    let mut tampered = good.replacen("\"page_entered\"", "\"page_typed\"", 1);
    tampered.push('\n');
    let bad_session = good.replacen(&"07".repeat(16), "not-a-random-id", 1);
    let with_value = good.replacen("\"page\":", "\"value\":\"2 79 03\",\"page\":", 1);
    let text =
        format!("{good}\n\n{{\n{tampered}{bad_session}\n\u{0}\u{7f}ÿ\n{with_value}\n[1,2]\n{good}");
    let (records, problems) = jsonl::read(&text);
    assert_eq!(records.len(), 2);
    let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6, 7, 8]);
    assert!(problems[0].fr.contains("ligne 3") && problems[0].fr.contains("supprimez"));
    assert!(problems[2].fr.contains("32 chiffres hexadécimaux"));
}

#[test]
fn group_codes_keep_only_letters_digits_dashes_and_underscores() {
    use dedale_core::metrics::sanitise_group;
    assert_eq!(sanitise_group("BTS-ASS_2026"), Some("BTS-ASS_2026".into()));
    assert_eq!(
        sanitise_group("Mme Dupont, 06 12"),
        Some("MmeDupont0612".into())
    );
    assert_eq!(sanitise_group("  é  "), None);
    assert_eq!(sanitise_group(&"x".repeat(100)).map(|g| g.len()), Some(32));
}

#[test]
fn a_header_made_when_a_run_starts_is_the_one_its_record_gets() {
    use dedale_core::engine::{Session, Settings};
    use dedale_core::metrics::{FORMAT, content_hash};
    let s = &shipped()[0];
    let header = Header::new(
        &s.scenario,
        &s.source,
        Mode::Formation,
        [0xab; 16],
        metrics_common::DAY,
        Lang::En,
        Some("BTS 2026/B"),
    );
    assert_eq!(header.format, FORMAT);
    assert_eq!(header.session, "ab".repeat(16));
    assert_eq!(header.scenario, s.scenario.meta.id);
    assert_eq!(header.version, s.scenario.meta.version);
    assert_eq!(header.content_hash, content_hash(&s.source));
    assert_eq!(header.competences, s.scenario.meta.competences);
    assert_eq!(header.mode, Mode::Formation);
    assert_eq!(header.lang, Lang::En);
    assert_eq!(header.day, "2026-11-23");
    assert_eq!(header.group.as_deref(), Some("BTS2026B"));
    let settings = Settings {
        mode: Mode::Formation,
        ..Settings::new(1)
    };
    let (session, _) = Session::start(&s.scenario, settings);
    let rec = Record::from_session(
        &s.scenario,
        &s.source,
        session.state(),
        [0xab; 16],
        metrics_common::DAY,
        Lang::En,
        Some("BTS 2026/B"),
    );
    assert_eq!(rec.header, header);
}

#[test]
fn an_interrupted_session_is_closed_as_abandoned_on_its_page() {
    let s = &shipped()[0];
    let (session, _) =
        dedale_core::engine::Session::start(&s.scenario, dedale_core::engine::Settings::new(1));
    let mut rec = record(s, &session, 9, None);
    assert!(rec.outcome.is_none());
    assert!(rec.close_interrupted());
    assert!(!rec.close_interrupted(), "only once");
    let last = rec.events.last().expect("events");
    assert_eq!(
        last.kind,
        EventKind::Abandoned {
            page: s.scenario.start.clone()
        }
    );
    let rep = report::report(&[rec]);
    assert_eq!(rep.scenarios[0].abandoned, 1);
}

/// Ten sessions of a made-up scenario, the same every time.
fn fixture() -> Vec<Record> {
    let pages = ["accueil", "identite", "banque", "envoi"];
    let mut records = Vec::new();
    for n in 0..10u64 {
        let mut events = Vec::new();
        let mut t = 0;
        let mut at = |events: &mut Vec<Event>, dt: u64, kind: EventKind| {
            t += dt;
            events.push(Event { at_ms: t, kind });
        };
        let stop = match n {
            3 => Some("banque"),
            7 => Some("identite"),
            _ => None,
        };
        let mut abandoned = false;
        for page in pages {
            at(&mut events, 0, EventKind::PageEntered { page: page.into() });
            if page == "identite" && n % 3 == 0 {
                at(
                    &mut events,
                    20_000,
                    EventKind::FieldError {
                        field: "nir".into(),
                        error: "nir_key".into(),
                    },
                );
            }
            if page == "banque" {
                for _ in 0..(n % 4) {
                    at(
                        &mut events,
                        15_000,
                        EventKind::FieldError {
                            field: "iban".into(),
                            error: "iban_checksum".into(),
                        },
                    );
                }
                if n % 5 == 1 {
                    at(
                        &mut events,
                        5_000,
                        EventKind::FieldError {
                            field: "iban".into(),
                            error: "required".into(),
                        },
                    );
                }
                if n % 2 == 0 {
                    at(
                        &mut events,
                        9_000,
                        EventKind::HintUsed {
                            page: page.into(),
                            level: 1,
                        },
                    );
                }
            }
            if page == "envoi" && n == 4 {
                at(
                    &mut events,
                    0,
                    EventKind::Incident {
                        incident: "panne".into(),
                        kind: IncidentKind::NetworkError,
                    },
                );
            }
            if page == "accueil" && n >= 6 {
                at(
                    &mut events,
                    1_000,
                    EventKind::Posture {
                        line: "faire_pour".into(),
                        posture: Some(Posture::ForThem),
                    },
                );
                at(
                    &mut events,
                    1_000,
                    EventKind::ReadAloud {
                        what: "page:accueil".into(),
                    },
                );
            }
            at(
                &mut events,
                10_000 + 7_000 * n,
                EventKind::PageLeft { page: page.into() },
            );
            if stop == Some(page) {
                at(&mut events, 0, EventKind::Abandoned { page: page.into() });
                abandoned = true;
                break;
            }
        }
        let kind = if abandoned {
            EndingKind::Abandon
        } else if n == 9 {
            EndingKind::Failure
        } else {
            EndingKind::Success
        };
        at(
            &mut events,
            0,
            EventKind::Ended {
                ending: format!("fin_{kind:?}").to_lowercase(),
                kind,
            },
        );
        let duration_ms = t;
        records.push(Record {
            header: Header {
                format: dedale_core::metrics::FORMAT,
                session: format!("{n:032x}"),
                scenario: "demande-demo".into(),
                version: "2".into(),
                content_hash: "0".repeat(64),
                competences: vec!["2.1".into(), "4.2".into()],
                mode: if n >= 6 {
                    Mode::Formation
                } else {
                    Mode::Atelier
                },
                lang: Lang::Fr,
                day: "2026-11-23".into(),
                group: Some(if n < 7 { "atelier-A" } else { "B" }.into()),
                switches: Default::default(),
            },
            events,
            outcome: Some(Outcome {
                ending: format!("fin_{kind:?}").to_lowercase(),
                kind,
                droits: 40 + 5 * i32::try_from(n).unwrap_or(0),
                autonomie: 50,
                duration_ms,
            }),
        });
    }
    records
}

/// Where two texts first differ, with a little of each around it: an HTML
/// report is a few very long lines, too long for a whole-string assertion to read.
fn first_difference(actual: &str, expected: &str) -> Option<String> {
    let at = actual
        .char_indices()
        .zip(expected.chars())
        .find(|((_, a), e)| a != e)
        .map(|((i, _), _)| i)
        .or_else(|| (actual.len() != expected.len()).then(|| actual.len().min(expected.len())))?;
    let around = |s: &str| -> String {
        s.get(at.saturating_sub(60)..)
            .unwrap_or(s)
            .chars()
            .take(140)
            .collect()
    };
    Some(format!(
        "at byte {at}:\n  now:      {}\n  expected: {}",
        around(actual),
        around(expected)
    ))
}

#[test]
fn the_text_and_html_reports_of_a_fixed_group_are_golden() {
    let rep = report::report(&fixture());
    let update = std::env::var("UPDATE_GOLDEN").is_ok();
    for (name, actual) in [
        ("report.fr.txt", rep.text(Lang::Fr)),
        ("report.en.txt", rep.text(Lang::En)),
        ("report.fr.html", rep.html(Lang::Fr)),
        ("report.en.html", rep.html(Lang::En)),
    ] {
        let path = common::root().join("tests/golden").join(name);
        if update {
            std::fs::write(&path, &actual).expect("writes golden file");
            continue;
        }
        if let Some(diff) = first_difference(&actual, &common::read(&path)) {
            panic!("{name} changed {diff}\nrun with UPDATE_GOLDEN=1 and review the diff");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Whatever a file holds, reading it and reporting on what could be read never panics.
    #[test]
    fn damaged_files_never_make_reading_or_the_report_panic(
        noise in ".{0,400}",
        at in 0usize..4000,
        insert in ".{0,12}",
        cut in 0usize..40,
    ) {
        let _ = jsonl::read(&noise);
        let mut line = jsonl::to_line(&fixture()[3]);
        let mut at = at.min(line.len());
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        line.insert_str(at, &insert);
        let end = (at + cut).min(line.len());
        if line.is_char_boundary(end) {
            line.replace_range(at..end, "");
        }
        let (records, problems) = jsonl::read(&format!("{line}\n{noise}"));
        proptest::prop_assert!(records.len() + problems.len() >= 1);
        let rep = report::report(&records);
        let _ = (rep.text(Lang::Fr), rep.html(Lang::En), rep.csv(Delimiter::Comma));
        let _ = (xapi::write(&records), csv_export::write(&records, Delimiter::Semicolon));
    }
}
