use super::*;
use crate::metrics::{Event, EventKind, Header, Outcome, Record};
use crate::model::{EndingKind, Mode};

fn record(
    n: u8,
    group: Option<&str>,
    events: Vec<(u64, EventKind)>,
    end: Option<EndingKind>,
) -> Record {
    let duration = events.last().map_or(0, |e| e.0);
    Record {
        header: Header {
            format: crate::metrics::FORMAT,
            session: format!("{n:032x}"),
            scenario: "demo".into(),
            version: "1".into(),
            content_hash: "h".into(),
            competences: vec!["2.1".into()],
            mode: Mode::Atelier,
            lang: Lang::Fr,
            day: "2026-11-23".into(),
            group: group.map(String::from),
            switches: Default::default(),
        },
        events: events
            .into_iter()
            .map(|(at_ms, kind)| Event { at_ms, kind })
            .collect(),
        outcome: end.map(|kind| Outcome {
            ending: "fin".into(),
            kind,
            droits: 0,
            autonomie: 50,
            duration_ms: duration,
        }),
    }
}

fn enter(p: &str) -> EventKind {
    EventKind::PageEntered { page: p.into() }
}
fn leave(p: &str) -> EventKind {
    EventKind::PageLeft { page: p.into() }
}

#[test]
fn quartiles_interpolate_like_a_spreadsheet() {
    let q = Quartiles::of(&mut [4, 1, 3, 2]).expect("values");
    assert_eq!((q.min, q.q1, q.median, q.q3, q.max), (1, 2, 3, 3, 4));
    let q = Quartiles::of(&mut [10, 20, 30, 40, 50]).expect("values");
    assert_eq!((q.q1, q.median, q.q3), (20, 30, 40));
    assert_eq!(Quartiles::of(&mut []), None);
    let q = Quartiles::of(&mut [u64::MAX, u64::MAX]).expect("no overflow");
    assert_eq!(q.median, u64::MAX);
}

#[test]
fn time_per_page_pairs_entering_and_leaving() {
    let r = record(
        1,
        None,
        vec![
            (0, enter("a")),
            (1000, leave("a")),
            (1000, enter("b")),
            (4000, leave("b")),
            (4000, enter("a")),
            (7000, leave("a")),
        ],
        None,
    );
    let rep = report(&[r]);
    let a = &rep.scenarios[0].pages[0];
    assert_eq!((a.page.as_str(), a.visits, a.sessions), ("a", 2, 1));
    assert_eq!(a.time.map(|q| q.median), Some(2000));
}

#[test]
fn friction_ranks_errors_and_abandons_and_explains_them() {
    let err = |f: &str, e: &str| EventKind::FieldError {
        field: f.into(),
        error: e.into(),
    };
    let mut records = Vec::new();
    for n in 0..4u8 {
        let mut ev = vec![
            (0, enter("login")),
            (0, leave("login")),
            (0, enter("banque")),
        ];
        if n < 3 {
            ev.push((0, err("iban", "iban_checksum")));
        }
        if n < 2 {
            ev.push((
                0,
                EventKind::Abandoned {
                    page: "banque".into(),
                },
            ));
        }
        let end = if n < 2 {
            EndingKind::Abandon
        } else {
            EndingKind::Success
        };
        records.push(record(n, None, ev, Some(end)));
    }
    let rep = report(&records);
    let s = &rep.scenarios[0];
    assert_eq!(s.friction.len(), 1, "login has no friction");
    let f = &s.friction[0];
    assert!(
        (f.score - 60.0).abs() < 1e-9,
        "errors and abandons at their max: {}",
        f.score
    );
    assert_eq!(
        f.explain(Lang::Fr),
        "page `banque` : 3 erreurs sur 4 passages (surtout iban_checksum), 2 abandons"
    );
    assert_eq!(s.fields[0].rate(), 0.75);
    assert_eq!((s.completed, s.succeeded, s.abandoned), (2, 2, 2));
}

#[test]
fn an_abandon_ending_reached_by_a_route_counts_on_the_current_page() {
    let ev = vec![
        (0, enter("p")),
        (5, leave("p")),
        (
            5,
            EventKind::Ended {
                ending: "x".into(),
                kind: EndingKind::Abandon,
            },
        ),
    ];
    let rep = report(&[record(1, None, ev, Some(EndingKind::Abandon))]);
    assert_eq!(rep.scenarios[0].pages[0].abandons, 1);
}

#[test]
fn groups_under_five_sessions_are_not_broken_down() {
    let mut records = Vec::new();
    for n in 0..5u8 {
        records.push(record(n, Some("grand"), vec![(0, enter("a"))], None));
    }
    for n in 5..7u8 {
        records.push(record(n, Some("petit"), vec![(0, enter("a"))], None));
    }
    records.push(record(9, None, vec![(0, enter("a"))], None));
    let rep = report(&records);
    assert_eq!(rep.groups.len(), 1);
    assert_eq!(rep.groups[0].group, "grand");
    assert_eq!(rep.small_groups, vec!["petit".to_string()]);
    assert_eq!(rep.ungrouped, 1);
    let text = rep.text(Lang::Fr);
    assert!(text.contains("moins de 5 sessions) : petit"), "{text}");
    assert!(
        !text.contains("petit : "),
        "no figure for the small group: {text}"
    );
}

#[test]
fn competences_are_met_with_or_without_hints() {
    let hint = EventKind::HintUsed {
        page: "a".into(),
        level: 1,
    };
    let records = vec![
        record(1, None, vec![(0, enter("a"))], Some(EndingKind::Success)),
        record(
            2,
            None,
            vec![(0, enter("a")), (0, hint)],
            Some(EndingKind::Success),
        ),
        record(3, None, vec![(0, enter("a"))], Some(EndingKind::Failure)),
    ];
    let c = &report(&records).competences[0];
    assert_eq!((c.without_help, c.with_hints, c.not_met), (1, 1, 1));
}

#[test]
fn renderers_escape_ids_and_draw_charts() {
    let ev = vec![
        (0, enter("<script>")),
        (
            10,
            EventKind::HintUsed {
                page: "<script>".into(),
                level: 1,
            },
        ),
        (20, leave("<script>")),
    ];
    let rep = report(&[record(1, None, ev, None)]);
    let html = rep.html(Lang::Fr);
    assert!(html.contains("<svg") && !html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(
        html.contains("<p>1 session lue.</p>"),
        "the participle agrees"
    );
    assert!(rep.text(Lang::En).contains("1 session read."));
    let csv = rep.csv(crate::metrics::csv_export::Delimiter::Comma);
    assert!(csv.starts_with("section,scénario,version,élément,mesure,valeur\n"));
}

#[test]
fn plain_language_reads_the_french_report_and_english_has_every_definition() {
    use super::labels::{EN, FR, labels};
    assert_eq!(labels(Lang::Falc).definitions, FR.definitions);
    assert_eq!(labels(Lang::En).title, EN.title);
    assert_eq!(FR.definitions.len(), EN.definitions.len());
    assert!(
        FR.few_sessions()
            .contains(&format!("moins de {MIN_GROUP} sessions"))
    );
    assert_eq!(FR.lead("Temps par page"), "Temps par page :");
    assert_eq!(EN.lead("Time per page"), "Time per page:");
}
