//! `dedale-cli generate-sessions` (hidden): plausible sessions of a scenario,
//! for benchmarking the report on a big group. Not real data: each page is
//! walked in the file's order with random times, errors, hints, incidents and
//! abandons, drawn from a fixed seed so two runs give the same file.

use std::io::{BufWriter, Write};
use std::path::Path;

use dedale_core::Lang;
use dedale_core::engine::State;
use dedale_core::metrics::{Event, EventKind, Outcome, Record, jsonl};
use dedale_core::model::{Block, EndingKind, Mode, Scenario};
use dedale_core::rules::Date;

/// A tiny, fast generator (SplitMix64): statistical quality is plenty for fake sessions.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }
}

const ERRORS: [&str; 6] = [
    "required",
    "nir_key",
    "iban_checksum",
    "email",
    "date_format",
    "code_wrong",
];

/// Writes sessions until at least `events` events; returns (sessions, events).
pub fn run(
    file: &Path,
    events: usize,
    seed: u64,
    output: &Path,
    lang: Lang,
) -> Result<(usize, usize), String> {
    let (scenario, source) = crate::load_with_source(file, lang)?;
    let start = dedale_core::engine::Session::new(&scenario, 0).into_state();
    let out = std::fs::File::create(output)
        .map_err(|e| format!("{} : impossible d'écrire : {e}", output.display()))?;
    let mut out = BufWriter::new(out);
    let mut rng = Mix(seed);
    let (mut sessions, mut total) = (0, 0);
    while total < events {
        let mut id = [0u8; 16];
        id[..8].copy_from_slice(&rng.next().to_le_bytes());
        id[8..].copy_from_slice(&rng.next().to_le_bytes());
        let record = session(&scenario, &source, &start, id, &mut rng);
        total += record.events.len();
        sessions += 1;
        writeln!(out, "{}", jsonl::to_line(&record)).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok((sessions, total))
}

fn session(s: &Scenario, source: &str, start: &State, id: [u8; 16], rng: &mut Mix) -> Record {
    let mode = if rng.chance(30) {
        Mode::Formation
    } else {
        Mode::Atelier
    };
    let group = match rng.below(10) {
        0..=7 => Some(format!("G{:02}", rng.below(12))),
        _ => None,
    };
    let day = Date::new(2026, 11, 1 + u8::try_from(rng.below(28)).unwrap_or(0))
        .unwrap_or(dedale_core::engine::DEFAULT_TODAY);
    let mut record = Record::from_session(s, source, start, id, day, Lang::Fr, group.as_deref());
    record.header.mode = mode;
    record.events.clear();
    let mut t = 0u64;
    let push = |events: &mut Vec<Event>, at: u64, kind: EventKind| {
        events.push(Event { at_ms: at, kind });
    };
    let (mut droits, mut autonomie) = (s.scores.droits, s.scores.autonomie);
    let mut ending = None;
    for page in &s.pages {
        let ev = &mut record.events;
        push(
            ev,
            t,
            EventKind::PageEntered {
                page: page.id.clone(),
            },
        );
        t += 3_000 + rng.next() % 90_000;
        for incident in &page.incidents {
            if rng.chance(3) {
                let kind = EventKind::Incident {
                    incident: incident.id.clone(),
                    kind: incident.kind,
                };
                push(ev, t, kind);
            }
        }
        for hint in 1..=page.hints.len() {
            if !rng.chance(15) {
                break;
            }
            let level = u8::try_from(hint).unwrap_or(3);
            push(
                ev,
                t,
                EventKind::HintUsed {
                    page: page.id.clone(),
                    level,
                },
            );
            t += 2_000 + rng.next() % 20_000;
        }
        let inputs: Vec<&str> = page
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Field(_) | Block::Captcha(_) | Block::Code(_)))
            .filter_map(Block::input_id)
            .collect();
        for field in &inputs {
            while rng.chance(12) {
                let error = ERRORS[rng.below(ERRORS.len())].to_string();
                push(
                    ev,
                    t,
                    EventKind::FieldError {
                        field: (*field).to_string(),
                        error,
                    },
                );
                t += 1_000 + rng.next() % 15_000;
            }
        }
        if mode == Mode::Formation {
            for d in &page.dialogue {
                if let Some(line) = d.lines.get(rng.below(d.lines.len())) {
                    droits = (droits + line.droits).clamp(0, 100);
                    autonomie = (autonomie + line.autonomie).clamp(0, 100);
                    let kind = EventKind::Posture {
                        line: line.id.clone(),
                        posture: line.posture,
                    };
                    push(ev, t, kind);
                }
            }
        }
        if rng.chance(4) {
            push(
                ev,
                t,
                EventKind::ReadAloud {
                    what: format!("page:{}", page.id),
                },
            );
        }
        push(
            ev,
            t,
            EventKind::PageLeft {
                page: page.id.clone(),
            },
        );
        if rng.chance(3) {
            push(
                ev,
                t,
                EventKind::Abandoned {
                    page: page.id.clone(),
                },
            );
            ending = s.first_ending(EndingKind::Abandon);
            break;
        }
    }
    let ending = ending.or_else(|| {
        let kind = if rng.chance(20) {
            EndingKind::Failure
        } else {
            EndingKind::Success
        };
        s.first_ending(kind).or_else(|| s.endings.first())
    });
    if let Some(e) = ending {
        let kind = EventKind::Ended {
            ending: e.id.clone(),
            kind: e.kind,
        };
        record.events.push(Event { at_ms: t, kind });
        record.outcome = Some(Outcome {
            ending: e.id.clone(),
            kind: e.kind,
            droits,
            autonomie,
            duration_ms: t,
        });
    }
    record
}
