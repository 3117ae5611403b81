//! The search: a breadth-first walk over the states a scenario can reach, by
//! playing the real engine, then what it found — pages, endings and dead ends,
//! each with its shortest path.

use std::collections::{BTreeSet, HashMap, VecDeque};

use crate::engine::{Action, Session, Settings, State};
use crate::model::{EndingKind, Mode, Scenario};
use crate::script;

use super::key::{Key, Reads};
use super::moves::{branches, moves};
use super::{Exploration, Limits};

/// A state found, and how it was first reached.
struct Node {
    state: State,
    parent: Option<usize>,
    moves: Vec<Action>,
}

/// The states found so far, the moves between them, and those left to expand.
#[derive(Default)]
struct Graph {
    nodes: Vec<Node>,
    seen: HashMap<Key, usize>,
    edges: Vec<Vec<usize>>,
    queue: VecDeque<usize>,
}

impl Graph {
    /// The index of the state with this key, added (pruned) and queued if new.
    fn add(
        &mut self,
        reads: &Reads,
        mut state: State,
        parent: Option<usize>,
        moves: Vec<Action>,
    ) -> usize {
        let key = reads.key(&state);
        if let Some(&i) = self.seen.get(&key) {
            return i;
        }
        reads.prune(&mut state);
        let i = self.nodes.len();
        self.nodes.push(Node {
            state,
            parent,
            moves,
        });
        self.edges.push(Vec::new());
        self.seen.insert(key, i);
        self.queue.push_back(i);
        i
    }
}

/// Explores a scenario in one mode.
pub(super) fn explore(scenario: &Scenario, mode: Mode, limits: Limits) -> Exploration {
    let reads = Reads::of(scenario);
    let settings = Settings {
        seed: 0,
        mode,
        today: None,
    };
    let mut graph = Graph::default();
    for forced in branches(|dice| Session::start_with(scenario, settings, dice).0.into_state()) {
        graph.add(&reads, forced, None, Vec::new());
    }
    let bounded = expand(scenario, &reads, &mut graph, limits);
    summarize(scenario, mode, &graph, bounded)
}

/// Expands queued states until none is left or a limit is reached; returns
/// whether it stopped at a limit.
fn expand(scenario: &Scenario, reads: &Reads, graph: &mut Graph, limits: Limits) -> bool {
    let mut played = 0usize;
    while let Some(i) = graph.queue.pop_front() {
        if graph.nodes.len() >= limits.max_states || played >= limits.max_actions {
            return true;
        }
        let Some(state) = graph.nodes.get(i).map(|n| n.state.clone()) else {
            break;
        };
        if state.ending.is_some() {
            continue;
        }
        for moves in moves(scenario, reads, &state, limits) {
            for next in play(scenario, &state, &moves, &mut played) {
                let j = graph.add(reads, next, Some(i), moves.clone());
                if j != i
                    && let Some(e) = graph.edges.get_mut(i)
                {
                    e.push(j);
                }
            }
        }
    }
    false
}

/// Plays `moves` from `state` once per way chance can fall, counting the actions played.
fn play(scenario: &Scenario, state: &State, moves: &[Action], played: &mut usize) -> Vec<State> {
    branches(|dice| {
        *played += moves.len();
        let Some(mut session) = Session::resume(scenario, state.clone()) else {
            return state.clone();
        };
        for action in moves {
            session.act_with(script::resolve(action.clone(), session.state()), dice);
        }
        session.into_state()
    })
}

/// What the walk found: pages and endings reached, and dead ends if it went everywhere.
fn summarize(scenario: &Scenario, mode: Mode, graph: &Graph, bounded: bool) -> Exploration {
    let nodes = &graph.nodes;
    let mut result = Exploration {
        mode,
        bounded,
        states: nodes.len(),
        ..Exploration::default()
    };
    for (i, node) in nodes.iter().enumerate() {
        match &node.state.ending {
            Some(end) => {
                result
                    .endings
                    .entry(end.ending.clone())
                    .or_insert_with(|| path(nodes, i));
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
    if !bounded {
        result.dead_ends = dead_ends(nodes, &graph.edges);
    }
    result
}

/// The script lines from the start to node `i`.
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
