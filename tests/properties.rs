//! Random action sequences through every shipped scenario: the engine never
//! panics, an ending is final, scores stay in range, and events only ever name
//! ids of the scenario — never a value the player typed. Random scripts are
//! played to their end without a panic, every problem on one of their lines.

mod common;

use std::collections::BTreeSet;

use dedale_core::engine::{Action, Session, Settings};
use dedale_core::model::{Block, Mode, Scenario};
use proptest::prelude::*;

struct Vocabulary {
    inputs: Vec<String>,
    options: Vec<String>,
    buttons: Vec<String>,
    documents: Vec<String>,
    messages: Vec<String>,
    lines: Vec<String>,
    links: Vec<(String, String)>,
    values: Vec<String>,
    ids: BTreeSet<String>,
}

fn vocabulary(s: &Scenario) -> Vocabulary {
    let mut v = Vocabulary {
        inputs: Vec::new(),
        options: Vec::new(),
        buttons: Vec::new(),
        documents: s.persona.documents.iter().map(|d| d.id.clone()).collect(),
        messages: s.messages.iter().map(|m| m.id.clone()).collect(),
        lines: Vec::new(),
        links: s
            .messages
            .iter()
            .flat_map(|m| m.links.iter().map(|l| (m.id.clone(), l.id.clone())))
            .collect(),
        values: s
            .persona
            .documents
            .iter()
            .flat_map(|d| d.lines.iter().map(|l| l.value.clone()))
            .collect(),
        ids: BTreeSet::new(),
    };
    v.values.extend([
        "".into(),
        "   ".into(),
        "2 95 10 99 126 111 94".into(),
        "FR76 3000 6000 0112 3456 7890 188".into(),
        "{code:x}".into(),
    ]);
    for p in &s.pages {
        v.ids.insert(p.id.clone());
        v.ids.extend(p.incidents.iter().map(|i| i.id.clone()));
        for b in &p.blocks {
            match b {
                Block::Button(b) => v.buttons.push(b.id.clone()),
                Block::Choice(c) => v.options.extend(c.options.iter().map(|o| o.id.clone())),
                _ => {}
            }
            if let Some(id) = b.input_id() {
                v.inputs.push(id.to_string());
                v.ids.insert(id.to_string());
            }
        }
        for d in &p.dialogue {
            v.lines.extend(d.lines.iter().map(|l| l.id.clone()));
        }
    }
    v.ids.extend(s.endings.iter().map(|e| e.id.clone()));
    v.ids.extend(v.documents.iter().cloned());
    v.ids.extend(v.messages.iter().cloned());
    v.ids.extend(v.lines.iter().cloned());
    v.ids.extend(v.links.iter().map(|(_, l)| l.clone()));
    v
}

fn pick(list: &[String], i: usize) -> String {
    if list.is_empty() {
        "rien".into()
    } else {
        list[i % list.len()].clone()
    }
}

fn action(v: &Vocabulary, kind: u8, a: usize, b: usize, typed: &str) -> Action {
    match kind % 14 {
        0 | 1 => Action::Fill {
            field: pick(&v.inputs, a),
            value: if b.is_multiple_of(3) {
                typed.to_string()
            } else {
                pick(&v.values, b)
            },
        },
        2 => Action::Choose {
            field: pick(&v.inputs, a),
            option: pick(&v.options, b),
        },
        3 => Action::Tick {
            field: pick(&v.inputs, a),
            checked: b.is_multiple_of(2),
        },
        4 => Action::Upload {
            field: pick(&v.inputs, a),
            document: pick(&v.documents, b),
        },
        5 | 6 => Action::Press {
            button: pick(&v.buttons, a),
        },
        7 => Action::OpenDocument {
            document: pick(&v.documents, a),
        },
        8 => Action::ReadMessage {
            message: pick(&v.messages, a),
        },
        9 => Action::Hint,
        10 => Action::Wait {
            seconds: (b % 1200) as u32,
        },
        11 => Action::Say {
            line: pick(&v.lines, a),
        },
        12 => {
            let (message, link) = v
                .links
                .get(a % v.links.len().max(1))
                .cloned()
                .unwrap_or_else(|| (pick(&v.messages, a), "rien".into()));
            Action::FollowLink { message, link }
        }
        _ => {
            if a.is_multiple_of(10) {
                Action::Abandon
            } else {
                Action::Back
            }
        }
    }
}

fn scenarios() -> Vec<Scenario> {
    let mut files = common::scenario_files();
    files.push(common::root().join("game/core/tests/fixtures/mini.ron"));
    files.push(common::root().join("tests/fixtures/format2/courrier.ron"));
    files
        .iter()
        .map(|f| {
            let includes = common::includes_beside(f);
            dedale_core::load::load_with_includes(
                &f.display().to_string(),
                &common::read(f),
                &includes,
            )
            .map(|(s, _)| s)
            .expect("loads")
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_play_keeps_the_invariants(
        seed in any::<u64>(),
        formation in any::<bool>(),
        picks in prop::collection::vec((any::<usize>(), any::<usize>(), "[a-z]{0,8}"), 0..3),
        steps in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), "[ -~]{0,24}"), 0..80),
    ) {
        for scenario in scenarios() {
            let v = vocabulary(&scenario);
            let mode = if formation { Mode::Formation } else { Mode::Atelier };
            // Any setting of the trainer's switches, ids the scenario lacks included.
            let switches = picks
                .iter()
                .map(|(w, o, typed)| match scenario.switches.get(w % (scenario.switches.len() + 1)) {
                    Some(sw) => match sw.options.get(o % (sw.options.len() + 1)) {
                        Some(opt) => (sw.id.clone(), opt.id.clone()),
                        None => (sw.id.clone(), typed.clone()),
                    },
                    None => (typed.clone(), typed.clone()),
                })
                .collect();
            let (mut session, _) = Session::start(&scenario, Settings { seed, mode, today: None, switches });
            prop_assert_eq!(session.state().switches.len(), scenario.switches.len(), "every switch has its option");
            for (kind, a, b, typed) in &steps {
                let before = session.state().clone();
                let out = session.act(action(&v, *kind, *a, *b, typed));
                let st = session.state();
                prop_assert!((0..=100).contains(&st.droits) && (0..=100).contains(&st.autonomie));
                if before.ending.is_some() {
                    prop_assert_eq!(&before, st, "an ending is final");
                }
                for e in &out.events {
                    for id in e.kind.ids() {
                        let is_code = id.chars().all(|c| c.is_ascii_lowercase() || c == '_');
                        prop_assert!(v.ids.contains(id) || is_code, "event names `{}`, not an id", id);
                    }
                }
            }
        }
    }
    #[test]
    fn random_scripts_are_played_to_their_end(
        lines in prop::collection::vec(
            (prop::sample::select(dedale_core::script::VERBS.to_vec()), "[ -~éèà«»]{0,30}", any::<bool>()),
            0..40,
        ),
    ) {
        let text: String = lines
            .iter()
            .map(|(verb, rest, bare)| if *bare { format!("{rest}\n") } else { format!("{verb} {rest}\n") })
            .collect();
        let count = text.lines().count();
        for scenario in scenarios() {
            for p in dedale_core::script::check(&scenario, &text, Settings::new(1)) {
                prop_assert!((1..=count).contains(&p.line), "line {} of {}", p.line, count);
                prop_assert!(!p.fr.is_empty() && !p.en.is_empty());
            }
        }
    }
}
