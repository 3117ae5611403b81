//! The search: a breadth-first walk over the states a scenario can reach, by
//! playing the real engine, then what it found — pages, endings and dead ends,
//! each with its shortest path.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use crate::engine::{Action, Feedback, Outcome, Refusal, Session, Settings, State};
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
    presses: Presses,
}

/// What pressing each button did, over the whole walk: (page, button) pairs.
#[derive(Default)]
struct Presses {
    /// A route was taken, or an incident sent the player elsewhere.
    led: BTreeSet<(String, String)>,
    /// No route applied.
    no_route: BTreeSet<(String, String)>,
    /// An incident without `goto` stopped the press: the first such incident.
    blocked: BTreeMap<(String, String), String>,
}

impl Presses {
    /// Records what a press of `button` on `page` gave.
    fn record(&mut self, scenario: &Scenario, page: &str, button: &str, out: &Outcome) {
        let key = (page.to_string(), button.to_string());
        let mut led = true;
        for f in &out.feedback {
            match f {
                Feedback::Invalid(_) => return,
                Feedback::Refused(Refusal::NoRoute(_)) => {
                    self.no_route.insert(key.clone());
                    led = false;
                }
                Feedback::Refused(_) => return,
                Feedback::Incident(id) => {
                    let stays = scenario
                        .page(page)
                        .and_then(|p| p.incidents.iter().find(|i| &i.id == id))
                        .is_some_and(|i| i.goto.is_none());
                    if stays {
                        self.blocked
                            .entry(key.clone())
                            .or_insert_with(|| id.clone());
                        led = false;
                    }
                }
                _ => {}
            }
        }
        if led {
            self.led.insert(key);
        }
    }
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

/// Explores a scenario in one mode, with these switches away from their default.
pub(super) fn explore(
    scenario: &Scenario,
    mode: Mode,
    switches: &[(String, String)],
    limits: Limits,
) -> Exploration {
    let reads = Reads::of(scenario);
    let settings = Settings {
        seed: 0,
        mode,
        today: None,
        switches: switches.iter().cloned().collect(),
    };
    let mut graph = Graph::default();
    for forced in branches(|dice| {
        Session::start_with(scenario, settings.clone(), dice)
            .0
            .into_state()
    }) {
        graph.add(&reads, forced, None, Vec::new());
    }
    let bounded = expand(scenario, &reads, &mut graph, limits);
    let mut found = summarize(scenario, mode, &graph, bounded);
    // Each path is a script to replay: it starts with the settings it needs.
    if !switches.is_empty() {
        let header: Vec<String> = switches
            .iter()
            .map(|(s, o)| script::setting_line(s, o))
            .collect();
        let with =
            |path: &mut Vec<String>| path.splice(0..0, header.iter().cloned()).for_each(drop);
        found.endings.values_mut().for_each(with);
        found.dead_ends.iter_mut().for_each(|(_, p)| with(p));
    }
    found.switches = switches.to_vec();
    found
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
            for next in play(scenario, &state, &moves, &mut played, &mut graph.presses) {
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

/// Plays `moves` from `state` once per way chance can fall, counting the
/// actions played and recording what each press did.
fn play(
    scenario: &Scenario,
    state: &State,
    moves: &[Action],
    played: &mut usize,
    presses: &mut Presses,
) -> Vec<State> {
    branches(|dice| {
        *played += moves.len();
        let Some(mut session) = Session::resume(scenario, state.clone()) else {
            return state.clone();
        };
        for action in moves {
            let page = session.state().page.clone();
            let out = session.act_with(script::resolve(action.clone(), session.state()), dice);
            if let Action::Press { button } = action {
                presses.record(scenario, &page, button, &out);
            }
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
        for (page, path, pages) in dead_ends(scenario, nodes, &graph.edges) {
            result.dead_ends.push((page, path));
            result.trap_pages.push(pages);
        }
    }
    let p = &graph.presses;
    result.no_route = p.no_route.difference(&p.led).cloned().collect();
    result.blocked = p
        .blocked
        .iter()
        .filter(|(k, _)| !p.led.contains(*k) && !p.no_route.contains(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
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

/// The traps: closed sets of states from which no ending can be reached and
/// that cannot be left. Every other state without a way to an ending leads
/// into one of them, so each trap is one cause; it is reported once, by its
/// first state found (the shortest path), with the pages it spans.
fn dead_ends(
    scenario: &Scenario,
    nodes: &[Node],
    edges: &[Vec<usize>],
) -> Vec<(String, Vec<String>, BTreeSet<String>)> {
    let n = nodes.len();
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (from, tos) in edges.iter().enumerate() {
        for &to in tos {
            if let Some(r) = reverse.get_mut(to) {
                r.push(from);
            }
        }
    }
    let mut good = vec![false; n];
    let mut queue: VecDeque<usize> = VecDeque::new();
    for (i, node) in nodes.iter().enumerate() {
        if node.state.ending.is_some() {
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
    let dead = |i: usize| !good.get(i).copied().unwrap_or(true);
    let component = components(n, edges, &reverse, &dead);
    // A component is a trap when no edge leaves it.
    let mut leaves: BTreeSet<usize> = BTreeSet::new();
    for (from, tos) in edges.iter().enumerate() {
        if !dead(from) {
            continue;
        }
        for &to in tos {
            if component.get(to) != component.get(from)
                && let Some(&Some(c)) = component.get(from)
            {
                leaves.insert(c);
            }
        }
    }
    // Each trap's pages, with the first state found on each.
    let mut traps: BTreeMap<usize, BTreeMap<String, usize>> = BTreeMap::new();
    for (i, node) in nodes.iter().enumerate() {
        if let Some(&Some(c)) = component.get(i)
            && !leaves.contains(&c)
        {
            traps
                .entry(c)
                .or_default()
                .entry(node.state.page.clone())
                .or_insert(i);
        }
    }
    let mut out: Vec<(usize, String, BTreeSet<String>)> = Vec::new();
    for pages in traps.into_values() {
        // Shown at a page the portal offers no button on, if the trap has one
        // (the others only lead there), else at its first state found.
        let first = pages.values().min().copied().unwrap_or(0);
        let bare = pages.iter().find(|(p, _)| {
            scenario
                .page(p)
                .is_some_and(|page| page.buttons().next().is_none())
        });
        let (page, i) = bare.map_or_else(
            || {
                (
                    nodes
                        .get(first)
                        .map(|n| n.state.page.clone())
                        .unwrap_or_default(),
                    first,
                )
            },
            |(p, &i)| (p.clone(), i),
        );
        let set: BTreeSet<String> = pages.into_keys().collect();
        if !out.iter().any(|(_, _, p)| *p == set) {
            out.push((i, page, set));
        }
    }
    out.sort_by_key(|(i, ..)| *i);
    out.into_iter()
        .map(|(i, page, set)| (page, path(nodes, i), set))
        .collect()
}

/// The strongly connected components of the dead states (Kosaraju, without
/// recursion): `Some(component)` for a dead state, `None` for the others.
fn components(
    n: usize,
    edges: &[Vec<usize>],
    reverse: &[Vec<usize>],
    dead: &dyn Fn(usize) -> bool,
) -> Vec<Option<usize>> {
    let mut order = Vec::with_capacity(n);
    let mut visited = vec![false; n];
    for start in 0..n {
        if !dead(start) || visited[start] {
            continue;
        }
        visited[start] = true;
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let succ = edges.get(node).map_or(&[][..], Vec::as_slice);
            if let Some(&to) = succ.get(*next) {
                *next += 1;
                if dead(to) && !visited.get(to).copied().unwrap_or(true) {
                    visited[to] = true;
                    stack.push((to, 0));
                }
            } else {
                order.push(node);
                stack.pop();
            }
        }
    }
    let mut component: Vec<Option<usize>> = vec![None; n];
    let mut count = 0;
    for &root in order.iter().rev() {
        if component[root].is_some() {
            continue;
        }
        component[root] = Some(count);
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            for &from in reverse.get(node).into_iter().flatten() {
                if dead(from) && component.get(from) == Some(&None) {
                    component[from] = Some(count);
                    stack.push(from);
                }
            }
        }
        count += 1;
    }
    component
}
