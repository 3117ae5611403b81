//! The solver: explores every state a scenario can reach, by playing the real
//! engine, to prove that each page and ending can be reached and that no state
//! is a dead end — or to give the shortest actions that show the problem.
//!
//! A state is known by what can change the course of a run: the page, flags,
//! answers that conditions read, dialogue lines said, messages received.
//! Inputs no condition reads are filled with the persona's own value (or a
//! valid sample); inputs that conditions read are tried with every value that
//! matters. Chance is explored both ways. The browser's back button and
//! abandoning are left out: a page is a dead end if the portal offers no way on.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use crate::condition::Condition;
use crate::engine::{Action, Answer, ForcedDice, Session, Settings, State};
use crate::load::Problem;
use crate::model::{Block, EndingKind, Mode, Page, Scenario};
use crate::{rules, script};

/// How far the solver may go.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Most states explored per mode.
    pub max_states: usize,
    /// Most input combinations tried per button.
    pub max_combinations: usize,
    /// Most engine actions played per mode: bounds the time a hostile file can take.
    pub max_actions: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_states: 50_000,
            max_combinations: 64,
            max_actions: 400_000,
        }
    }
}

/// What the solver found in one mode.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Exploration {
    /// The mode explored.
    pub mode: Mode,
    /// States explored.
    pub states: usize,
    /// Whether it stopped at the limit before exploring everything.
    pub bounded: bool,
    /// Pages reached.
    pub pages: BTreeSet<String>,
    /// Each ending reached, with the shortest script that reaches it.
    pub endings: BTreeMap<String, Vec<String>>,
    /// Dead ends: page, and the shortest script that leads there.
    pub dead_ends: Vec<(String, Vec<String>)>,
}

/// Explores a scenario in each mode its audience allows.
pub fn solve(scenario: &Scenario, limits: Limits) -> Vec<Exploration> {
    scenario
        .meta
        .audience
        .modes()
        .iter()
        .map(|&mode| explore(scenario, mode, limits))
        .collect()
}

/// The problems a solution proves, for `check`.
pub fn problems(scenario: &Scenario, explorations: &[Exploration]) -> Vec<(Problem, bool)> {
    let mut out = Vec::new();
    if let Some(e) = explorations.iter().find(|e| e.bounded) {
        out.push((Problem::Bounded(e.states), true));
        return out;
    }
    let reached: BTreeSet<&String> = explorations.iter().flat_map(|e| &e.pages).collect();
    for page in &scenario.pages {
        if !reached.contains(&page.id) {
            out.push((Problem::Unreachable(page.id.clone()), true));
        }
    }
    for e in explorations {
        let success = e.endings.keys().any(|id| {
            scenario
                .ending(id)
                .is_some_and(|e| e.kind == EndingKind::Success)
        });
        if !success {
            out.push((Problem::NoSuccessReachable, true));
        }
        for (page, path) in &e.dead_ends {
            out.push((
                Problem::DeadEnd {
                    page: page.clone(),
                    path: path.clone(),
                },
                true,
            ));
        }
    }
    let ended: BTreeSet<&String> = explorations.iter().flat_map(|e| e.endings.keys()).collect();
    for ending in &scenario.endings {
        if !ended.contains(&ending.id) {
            out.push((Problem::EndingUnreachable(ending.id.clone()), false));
        }
    }
    let mut unique: Vec<(Problem, bool)> = Vec::new();
    for (p, is_error) in out {
        let same_page = |q: &Problem| matches!((q, &p), (Problem::DeadEnd { page: a, .. }, Problem::DeadEnd { page: b, .. }) if a == b);
        if !unique.iter().any(|(q, _)| *q == p || same_page(q)) {
            unique.push((p, is_error));
        }
    }
    unique
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    page: String,
    ending: Option<String>,
    flags: Vec<String>,
    answers: Vec<(String, Answer)>,
    said: Vec<String>,
    answered: Vec<String>,
    visited: Vec<String>,
    inbox: BTreeSet<String>,
}

struct Node {
    state: State,
    parent: Option<usize>,
    moves: Vec<Action>,
}

/// What the scenario's conditions read, so only that goes into a state's key.
#[derive(Default)]
struct Reads {
    inputs: BTreeSet<String>,
    values: HashMap<String, BTreeSet<String>>,
    documents: HashMap<String, BTreeSet<String>>,
    pages: BTreeSet<String>,
    flags: BTreeSet<String>,
    lines: BTreeSet<String>,
    /// Inputs whose answer is read away from their page, or without being refilled first: kept in the key everywhere.
    kept: BTreeSet<String>,
    /// The page of each input read by a condition.
    home: HashMap<String, String>,
    /// The page of every input.
    here: HashMap<String, String>,
}

impl Reads {
    fn of(scenario: &Scenario) -> Reads {
        let mut reads = Reads::default();
        for p in &scenario.pages {
            for id in p.blocks.iter().filter_map(Block::input_id) {
                reads.here.insert(id.to_string(), p.id.clone());
            }
        }
        // (condition, page it is read on, whether the page's inputs are refilled just before)
        let mut conds: Vec<(&Condition, &str, bool)> = Vec::new();
        for p in &scenario.pages {
            for b in p.buttons() {
                conds.extend(
                    b.next
                        .iter()
                        .map(|r| (&r.when, p.id.as_str(), b.validates())),
                );
            }
            for i in &p.incidents {
                conds.push((
                    &i.when,
                    p.id.as_str(),
                    matches!(i.on, crate::model::Trigger::Press(_)),
                ));
            }
            conds.extend(p.dialogue.iter().map(|d| (&d.when, p.id.as_str(), false)));
        }
        for (c, page, refilled) in conds {
            c.visit(&mut |c| {
                let input = match c {
                    Condition::Answer(f, _)
                    | Condition::Checked(f)
                    | Condition::Matches(f, _)
                    | Condition::Uploaded(f, _) => Some(f),
                    _ => None,
                };
                if let Some(f) = input {
                    let own_page = scenario.input(f).map(|(p, _)| p.id.as_str());
                    if !refilled || own_page != Some(page) {
                        reads.kept.insert(f.clone());
                    }
                    if let Some(own) = own_page {
                        reads.home.insert(f.clone(), own.to_string());
                    }
                }
            });
            c.visit(&mut |c| match c {
                Condition::Answer(f, v) => {
                    reads.inputs.insert(f.clone());
                    reads.values.entry(f.clone()).or_default().insert(v.clone());
                }
                Condition::Checked(f) | Condition::Matches(f, _) => {
                    reads.inputs.insert(f.clone());
                }
                Condition::Uploaded(f, d) => {
                    reads.inputs.insert(f.clone());
                    reads
                        .documents
                        .entry(f.clone())
                        .or_default()
                        .insert(d.clone());
                }
                Condition::Visited(p) => {
                    reads.pages.insert(p.clone());
                }
                Condition::Flag(f) => {
                    reads.flags.insert(f.clone());
                }
                Condition::Said(l) => {
                    reads.lines.insert(l.clone());
                }
                _ => {}
            });
        }
        reads
    }

    /// Drops from a state what no condition can read and no later step needs,
    /// so states stay small however long the path that led to them.
    fn prune(&self, st: &mut State) {
        let page = st.page.clone();
        let on_page = |k: &String| self.here.get(k).is_some_and(|p| *p == page);
        st.answers
            .retain(|k, _| self.kept.contains(k) || on_page(k));
        st.captchas.retain(|k, _| on_page(k));
        st.visited.retain(|p| self.pages.contains(p));
        st.events.clear();
        st.history.clear();
        st.hints.clear();
        st.errors.clear();
        let mut last: Vec<crate::engine::Received> = Vec::new();
        for r in st.inbox.drain(..).rev() {
            if !last.iter().any(|l| l.message == r.message) {
                last.push(r);
            }
        }
        last.reverse();
        st.inbox = last;
    }

    fn key(&self, st: &State) -> Key {
        Key {
            page: st.page.clone(),
            ending: st.ending.as_ref().map(|e| e.ending.clone()),
            flags: st
                .flags
                .iter()
                .filter(|f| self.flags.contains(*f))
                .cloned()
                .collect(),
            answers: st
                .answers
                .iter()
                .filter(|(k, _)| self.kept.contains(*k) || self.home.get(*k) == Some(&st.page))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            said: st
                .said
                .iter()
                .filter(|l| self.lines.contains(*l))
                .cloned()
                .collect(),
            answered: st.answered.iter().cloned().collect(),
            visited: st
                .visited
                .iter()
                .filter(|p| self.pages.contains(*p))
                .cloned()
                .collect(),
            inbox: st.inbox.iter().map(|r| r.message.clone()).collect(),
        }
    }
}

fn explore(scenario: &Scenario, mode: Mode, limits: Limits) -> Exploration {
    let reads = Reads::of(scenario);
    let settings = Settings {
        seed: 0,
        mode,
        today: None,
    };
    let mut nodes: Vec<Node> = Vec::new();
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut edges: Vec<Vec<usize>> = Vec::new();
    let mut queue = VecDeque::new();
    let mut result = Exploration {
        mode,
        ..Exploration::default()
    };

    for forced in branches(|dice| Session::start_with(scenario, settings, dice).0.into_state()) {
        add(
            &reads,
            &mut nodes,
            &mut seen,
            &mut edges,
            &mut queue,
            forced,
            None,
            Vec::new(),
        );
    }
    let mut played = 0usize;
    while let Some(i) = queue.pop_front() {
        if nodes.len() >= limits.max_states || played >= limits.max_actions {
            result.bounded = true;
            break;
        }
        let Some(state) = nodes.get(i).map(|n| n.state.clone()) else {
            break;
        };
        if state.ending.is_some() {
            continue;
        }
        for moves in moves(scenario, &reads, &state, limits) {
            let after = branches(|dice| {
                played += moves.len();
                let Some(mut session) = Session::resume(scenario, state.clone()) else {
                    return state.clone();
                };
                for action in &moves {
                    session.act_with(script::resolve(action.clone(), session.state()), dice);
                }
                session.into_state()
            });
            for next in after {
                let j = add(
                    &reads,
                    &mut nodes,
                    &mut seen,
                    &mut edges,
                    &mut queue,
                    next,
                    Some(i),
                    moves.clone(),
                );
                if j != i
                    && let Some(e) = edges.get_mut(i)
                {
                    e.push(j);
                }
            }
        }
    }
    result.states = nodes.len();
    for (i, node) in nodes.iter().enumerate() {
        match &node.state.ending {
            Some(end) => {
                result
                    .endings
                    .entry(end.ending.clone())
                    .or_insert_with(|| path(&nodes, i));
            }
            None => {
                result.pages.insert(node.state.page.clone());
            }
        }
    }
    if let Some(abandon) = scenario.first_ending(EndingKind::Abandon) {
        result
            .endings
            .entry(abandon.id.clone())
            .or_insert_with(|| vec![script::line(&Action::Abandon)]);
    }
    if !result.bounded {
        result.dead_ends = dead_ends(&nodes, &edges);
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn add(
    reads: &Reads,
    nodes: &mut Vec<Node>,
    seen: &mut HashMap<Key, usize>,
    edges: &mut Vec<Vec<usize>>,
    queue: &mut VecDeque<usize>,
    mut state: State,
    parent: Option<usize>,
    moves: Vec<Action>,
) -> usize {
    let key = reads.key(&state);
    if let Some(&i) = seen.get(&key) {
        return i;
    }
    reads.prune(&mut state);
    let i = nodes.len();
    nodes.push(Node {
        state,
        parent,
        moves,
    });
    edges.push(Vec::new());
    seen.insert(key, i);
    queue.push_back(i);
    i
}

/// Runs `f` once per way chance can fall (up to a bound), returning each result.
fn branches(mut f: impl FnMut(&mut ForcedDice) -> State) -> Vec<State> {
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
fn moves(scenario: &Scenario, reads: &Reads, state: &State, limits: Limits) -> Vec<Vec<Action>> {
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
    let combos = combinations(scenario, reads, page, state, limits.max_combinations);
    for button in page.buttons() {
        let press = Action::Press {
            button: button.id.clone(),
        };
        if button.validates() {
            for combo in &combos {
                let mut moves = combo.clone();
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
    out
}

fn combinations(
    scenario: &Scenario,
    reads: &Reads,
    page: &Page,
    state: &State,
    max: usize,
) -> Vec<Vec<Action>> {
    let choices: Vec<Vec<Option<Action>>> = page
        .inputs()
        .map(|b| candidates(scenario, reads, b, state))
        .filter(|c| !c.is_empty())
        .collect();
    let total = choices
        .iter()
        .try_fold(1usize, |acc, c| acc.checked_mul(c.len()));
    let canonical: Vec<Action> = choices
        .iter()
        .filter_map(|c| c.first().cloned().flatten())
        .collect();
    if total.is_none_or(|t| t > max) {
        // Too many: vary one input at a time around the canonical answers.
        let mut out = vec![canonical.clone()];
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
        return out;
    }
    let mut out: Vec<Vec<Action>> = vec![Vec::new()];
    for c in &choices {
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
    let today = state.today;
    let read = block.input_id().is_some_and(|id| reads.inputs.contains(id));
    let fill = |field: &str, value: String| {
        Some(Action::Fill {
            field: field.to_string(),
            value,
        })
    };
    match block {
        Block::Field(f) => {
            let fact = f
                .expects
                .as_deref()
                .and_then(|e| scenario.fact(e))
                .map(str::to_string);
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
                if !distinct.iter().any(|d| {
                    rules::check(&f.kind, d, today).unwrap_or_else(|_| d.clone()) == normal
                }) {
                    distinct.push(v);
                }
            }
            distinct.into_iter().map(|v| fill(&f.id, v)).collect()
        }
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
        Block::Upload(u) => {
            let fits = |d: &&crate::model::Document| {
                d.file
                    .as_ref()
                    .is_some_and(|f| u.accept.contains(&f.format) && f.size_kb <= u.max_kb)
            };
            let mut docs: Vec<&str> = Vec::new();
            docs.extend(u.expects.as_deref());
            let wanted = reads.documents.get(&u.id);
            for d in scenario.persona.documents.iter().filter(fits) {
                if docs.is_empty() || wanted.is_some_and(|w| w.contains(&d.id)) {
                    docs.push(&d.id);
                }
            }
            docs.dedup();
            docs.into_iter()
                .map(|d| {
                    Some(Action::Upload {
                        field: u.id.clone(),
                        document: d.to_string(),
                    })
                })
                .collect()
        }
        Block::Captcha(c) => vec![fill(&c.id, format!("{{captcha:{}}}", c.id))],
        Block::Code(c) => vec![fill(&c.id, format!("{{code:{}}}", c.message))],
        _ => vec![None],
    }
}

fn path(nodes: &[Node], mut i: usize) -> Vec<String> {
    let mut chunks = Vec::new();
    while let Some(node) = nodes.get(i) {
        chunks.push(node.moves.iter().map(script::line).collect::<Vec<_>>());
        match node.parent {
            Some(p) => i = p,
            None => break,
        }
    }
    chunks.into_iter().rev().flatten().collect()
}

/// States from which no ending can be reached, one per page, each with its shortest path.
fn dead_ends(nodes: &[Node], edges: &[Vec<usize>]) -> Vec<(String, Vec<String>)> {
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (from, tos) in edges.iter().enumerate() {
        for &to in tos {
            if let Some(r) = reverse.get_mut(to) {
                r.push(from);
            }
        }
    }
    let mut good = vec![false; nodes.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.state.ending.is_some() {
            good[i] = true;
            queue.push_back(i);
        }
    }
    while let Some(i) = queue.pop_front() {
        for &p in reverse.get(i).into_iter().flatten() {
            if let Some(g) = good.get_mut(p)
                && !*g
            {
                *g = true;
                queue.push_back(p);
            }
        }
    }
    let mut seen_pages = BTreeSet::new();
    let mut out = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        if !good.get(i).copied().unwrap_or(true) && seen_pages.insert(n.state.page.clone()) {
            out.push((n.state.page.clone(), path(nodes, i)));
        }
    }
    out
}

/// Loads, checks and solves a scenario: every problem of the file, with positions.
/// This is what `dedale-cli check` and the game's scenario loader run.
pub fn check(
    file: &str,
    source: &str,
    limits: Limits,
) -> Result<(Scenario, crate::load::Report), crate::load::Report> {
    use crate::load::{Diagnostic, Locator, Severity};
    let (scenario, mut report) = crate::load::load_with_warnings(file, source)?;
    let loc = Locator::new(source.strip_prefix('\u{feff}').unwrap_or(source));
    let explorations = solve(&scenario, limits);
    for (problem, is_error) in problems(&scenario, &explorations) {
        let anchor = match &problem {
            Problem::Unreachable(id)
            | Problem::EndingUnreachable(id)
            | Problem::DeadEnd { page: id, .. } => loc.definition(id),
            Problem::NoSuccessReachable => scenario
                .first_ending(EndingKind::Success)
                .and_then(|e| loc.definition(&e.id)),
            _ => None,
        };
        let (line, column) = anchor.unwrap_or((1, 1));
        let severity = if is_error {
            Severity::Error
        } else {
            Severity::Warning
        };
        report.diagnostics.push(Diagnostic {
            line,
            column,
            severity,
            problem,
        });
    }
    report.diagnostics.sort_by_key(|d| (d.line, d.column));
    if report.has_errors() {
        Err(report)
    } else {
        Ok((scenario, report))
    }
}
