//! The moves: what the solver tries from a state, and each way chance can fall
//! once it is tried.

use crate::engine::{Action, ForcedDice, Session, State};
use crate::model::{Block, Field, Scenario, Upload};
use crate::rules;

use super::Limits;
use super::key::Reads;

/// Runs `f` once per way chance can fall (up to a bound), returning each result.
pub(super) fn branches(mut f: impl FnMut(&mut ForcedDice) -> State) -> Vec<State> {
    const MAX_BRANCHES: usize = 32;
    let mut out = Vec::new();
    let mut todo: Vec<Vec<bool>> = vec![Vec::new()];
    while let Some(forced) = todo.pop() {
        if out.len() >= MAX_BRANCHES {
            break;
        }
        let mut dice = ForcedDice::new(forced.clone());
        out.push(f(&mut dice));
        let rolls = dice.rolls();
        for i in forced.len()..rolls.len() {
            if let Some(&(p, outcome)) = rolls.get(i)
                && p > 0
                && p < 100
            {
                let mut other: Vec<bool> = rolls.iter().take(i).map(|r| r.1).collect();
                other.push(!outcome);
                todo.push(other);
            }
        }
    }
    out
}

/// The moves worth trying from a state: dialogue lines, each button with each
/// combination of inputs that matters, and waiting out an inactivity timeout.
///
/// Other actions (opening a document, reading a message, hints, back,
/// abandoning) are left out: no condition reads them.
pub(super) fn moves(
    scenario: &Scenario,
    reads: &Reads,
    state: &State,
    limits: Limits,
) -> Vec<Vec<Action>> {
    let Some(page) = scenario.page(&state.page) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(session) = Session::resume(scenario, state.clone()) {
        for d in session.open_dialogues() {
            out.extend(
                d.lines
                    .iter()
                    .map(|l| vec![Action::Say { line: l.id.clone() }]),
            );
        }
    }
    let shown = state.shown(scenario);
    let combos = combinations(scenario, reads, &shown, state, limits.max_combinations);
    let buttons = shown.iter().filter_map(|b| match b {
        Block::Button(button) => Some(button),
        _ => None,
    });
    for button in buttons {
        let press = Action::Press {
            button: button.id.clone(),
        };
        if button.validates() {
            for combo in &combos {
                let mut moves = combo.clone();
                moves.push(press.clone());
                out.push(moves);
            }
            // A refused press changes the run only through `on_refused`.
            if !button.on_refused.is_empty()
                && let Some(mut moves) = refused(&shown, combos.first())
            {
                moves.push(press.clone());
                out.push(moves);
            }
        } else {
            out.push(vec![press]);
        }
    }
    if let Some(t) = &page.timeout {
        out.push(vec![Action::Wait {
            seconds: u32::from(t.minutes) * 60,
        }]);
    }
    if let Some(ms) = state.next_arrival_in_ms() {
        let seconds = u32::try_from(ms.div_ceil(1000)).unwrap_or(u32::MAX);
        out.push(vec![Action::Wait { seconds }]);
    }
    out.extend(links(scenario, state));
    out
}

/// Following each link of each message received (once per message).
fn links(scenario: &Scenario, state: &State) -> Vec<Vec<Action>> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for r in &state.inbox {
        if seen.contains(&r.message.as_str()) {
            continue;
        }
        seen.push(&r.message);
        let Some(m) = scenario.message(&r.message) else {
            continue;
        };
        out.extend(m.links.iter().map(|l| {
            vec![Action::FollowLink {
                message: m.id.clone(),
                link: l.id.clone(),
            }]
        }));
    }
    out
}

/// The ways to fill the shown inputs before pressing a button: every
/// combination of their candidates, or, beyond `max`, one input varied at a time.
fn combinations(
    scenario: &Scenario,
    reads: &Reads,
    shown: &[&Block],
    state: &State,
    max: usize,
) -> Vec<Vec<Action>> {
    // A field that repeats another is filled last, with what the other holds then.
    let repeats = |b: &&&Block| matches!(b, Block::Field(f) if f.same_as.is_some());
    let inputs = || shown.iter().filter(|b| b.input_id().is_some());
    let choices: Vec<Vec<Option<Action>>> = inputs()
        .filter(|b| !repeats(b))
        .chain(inputs().filter(repeats))
        .map(|b| candidates(scenario, reads, b, state))
        .filter(|c| !c.is_empty())
        .collect();
    let total = choices
        .iter()
        .try_fold(1usize, |acc, c| acc.checked_mul(c.len()));
    if total.is_none_or(|t| t > max) {
        vary_one(&choices, max)
    } else {
        product(&choices)
    }
}

/// The canonical answers with the first required text input emptied, so
/// that the page's checks refuse the press (a forgotten or wrong password).
fn refused(shown: &[&Block], canonical: Option<&Vec<Action>>) -> Option<Vec<Action>> {
    let field = shown.iter().find_map(|b| match b {
        Block::Field(f) if f.required => Some(f.id.clone()),
        Block::Code(c) => Some(c.id.clone()),
        Block::Captcha(c) => Some(c.id.clone()),
        _ => None,
    })?;
    let mut moves = canonical.cloned().unwrap_or_default();
    moves.push(Action::Fill {
        field,
        value: String::new(),
    });
    Some(moves)
}

/// Too many combinations: varies one input at a time around the canonical answers.
fn vary_one(choices: &[Vec<Option<Action>>], max: usize) -> Vec<Vec<Action>> {
    let canonical: Vec<Action> = choices
        .iter()
        .filter_map(|c| c.first().cloned().flatten())
        .collect();
    let mut out = vec![canonical];
    for (i, c) in choices.iter().enumerate() {
        for alt in c.iter().skip(1) {
            let mut combo: Vec<Option<Action>> = choices
                .iter()
                .map(|c| c.first().cloned().flatten())
                .collect();
            if let Some(slot) = combo.get_mut(i) {
                *slot = alt.clone();
            }
            out.push(combo.into_iter().flatten().collect());
            if out.len() >= max {
                return out;
            }
        }
    }
    out
}

/// Every combination of one candidate per input.
fn product(choices: &[Vec<Option<Action>>]) -> Vec<Vec<Action>> {
    let mut out: Vec<Vec<Action>> = vec![Vec::new()];
    for c in choices {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                c.iter().map(move |a| {
                    let mut p = prefix.clone();
                    p.extend(a.clone());
                    p
                })
            })
            .collect();
    }
    out
}

/// Ways to answer one input; the first is the canonical one, `None` leaves it as it is.
fn candidates(
    scenario: &Scenario,
    reads: &Reads,
    block: &Block,
    state: &State,
) -> Vec<Option<Action>> {
    let read = block.input_id().is_some_and(|id| reads.inputs.contains(id));
    let fill = |field: &str, value: String| {
        Some(Action::Fill {
            field: field.to_string(),
            value,
        })
    };
    match block {
        Block::Field(f) if f.same_as.is_some() => {
            let other = f.same_as.as_deref().unwrap_or_default();
            vec![fill(&f.id, format!("{{champ:{other}}}"))]
        }
        Block::Field(f) => field_values(scenario, reads, f, read, state)
            .into_iter()
            .map(|v| fill(&f.id, v))
            .collect(),
        Block::Choice(c) => {
            let take = if read { c.options.len() } else { 1 };
            c.options
                .iter()
                .take(take)
                .map(|o| {
                    Some(Action::Choose {
                        field: c.id.clone(),
                        option: o.id.clone(),
                    })
                })
                .collect()
        }
        Block::Checkbox(c) => {
            let tick = |checked| {
                Some(Action::Tick {
                    field: c.id.clone(),
                    checked,
                })
            };
            if read {
                vec![tick(c.required), tick(!c.required)]
            } else {
                vec![tick(c.required)]
            }
        }
        Block::Upload(u) => upload_documents(scenario, reads, u, state)
            .into_iter()
            .map(|d| {
                Some(Action::Upload {
                    field: u.id.clone(),
                    document: d.to_string(),
                })
            })
            .collect(),
        Block::Captcha(c) => vec![fill(&c.id, format!("{{captcha:{}}}", c.id))],
        Block::Code(c) => vec![fill(&c.id, format!("{{code:{}}}", c.message))],
        _ => vec![None],
    }
}

/// Values worth typing in a field: the persona's own, a valid sample, another
/// sample and the values conditions compare it with — each accepted form once.
fn field_values(
    scenario: &Scenario,
    reads: &Reads,
    f: &Field,
    read: bool,
    state: &State,
) -> Vec<String> {
    let today = state.today;
    let fact = f
        .expects
        .as_deref()
        .and_then(|e| scenario.fact_with(e, &state.switches))
        .map(|v| v.into_owned());
    let mut values: Vec<String> = fact.iter().cloned().collect();
    if fact.is_none() || (read && !f.must_match) {
        values.push(rules::sample(&f.kind, today));
    }
    if read && !f.must_match {
        values.extend(rules::other_sample(&f.kind, today));
    }
    values.extend(reads.values.get(&f.id).into_iter().flatten().cloned());
    let mut distinct: Vec<String> = Vec::new();
    for v in values {
        let normal = rules::check(&f.kind, &v, today).unwrap_or_else(|_| v.clone());
        if !distinct
            .iter()
            .any(|d| rules::check(&f.kind, d, today).unwrap_or_else(|_| d.clone()) == normal)
        {
            distinct.push(v);
        }
    }
    distinct
}

/// Documents worth uploading: the one expected (or else the first of the folder
/// that fits), then those that fit and that a condition looks for.
fn upload_documents<'a>(
    scenario: &'a Scenario,
    reads: &Reads,
    u: &'a Upload,
    state: &State,
) -> Vec<&'a str> {
    let fits = |d: &&crate::model::Document| {
        state.in_folder(d)
            && d.file
                .as_ref()
                .is_some_and(|f| u.accept.contains(&f.format) && f.size_kb <= u.max_kb)
    };
    let mut docs: Vec<&str> = Vec::new();
    docs.extend(
        u.expects
            .as_deref()
            .filter(|e| scenario.document(e).is_some_and(|d| state.in_folder(d))),
    );
    let wanted = reads.documents.get(&u.id);
    for d in scenario.persona.documents.iter().filter(fits) {
        if docs.is_empty() || wanted.is_some_and(|w| w.contains(&d.id)) {
            docs.push(&d.id);
        }
    }
    docs.dedup();
    docs
}
