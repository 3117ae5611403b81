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
//!
//! Trainer switches are fixed for a run, so each setting is explored on its
//! own: every combination of options when there are few
//! ([`crate::model::MAX_COMBINATIONS`]), else each option of each switch
//! with the others at their default. A dead end, a button that leads nowhere
//! or a success out of reach with one setting is reported with that setting;
//! a page or an ending is unreached only if no setting reaches it, since
//! making an ending unreachable is often what a switch is for ("no incident"
//! leaves out the incident's ending).

use std::collections::{BTreeMap, BTreeSet};

use crate::load::Problem;
use crate::model::{EndingKind, Mode, Scenario};

mod key;
mod moves;
mod search;

use search::explore;

/// How far the solver may go: the game solves every file it opens, so a huge
/// or hostile scenario must end in a "bounded" report rather than hang it.
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

/// What the solver found in one mode, with the shortest script for each
/// finding so an author can replay it (`dedale-cli play`) and see the problem.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Exploration {
    /// The mode explored.
    pub mode: Mode,
    /// The switches set away from their default for this exploration (none: the defaults).
    pub switches: Vec<(String, String)>,
    /// States explored.
    pub states: usize,
    /// Whether it stopped at the limit before exploring everything.
    pub bounded: bool,
    /// Pages reached.
    pub pages: BTreeSet<String>,
    /// Each ending reached, with the shortest script that reaches it.
    pub endings: BTreeMap<String, Vec<String>>,
    /// Dead ends, one per trap (a set of states that cannot be left and
    /// reaches no ending): its first page, and the shortest script that leads there.
    pub dead_ends: Vec<(String, Vec<String>)>,
    /// For each dead end, every page of its trap.
    pub trap_pages: Vec<BTreeSet<String>>,
    /// Buttons pressed with valid inputs whose routes never applied: (page, button).
    pub no_route: BTreeSet<(String, String)>,
    /// Buttons an incident without `goto` stopped at every press: (page, button) → incident.
    pub blocked: BTreeMap<(String, String), String>,
}

/// Explores a scenario in each mode its audience allows (dialogues only count
/// in formation, so a page or ending can be reachable in one mode and not the
/// other), and with each setting of its switches ([`Scenario::switch_variants`]).
pub fn solve(scenario: &Scenario, limits: Limits) -> Vec<Exploration> {
    scenario
        .switch_variants()
        .iter()
        .flat_map(|switches| solve_setting(scenario, switches, limits))
        .collect()
}

/// Explores a scenario in each mode with one setting of its switches: these
/// (switch, option) pairs, the other switches at their default (`dedale-cli
/// solve --reglage`). Pairs at their default or naming nothing are left out.
pub fn solve_setting(
    scenario: &Scenario,
    switches: &[(String, String)],
    limits: Limits,
) -> Vec<Exploration> {
    let defaults = scenario.default_switches();
    let given: crate::Switches = switches.iter().cloned().collect();
    let set: Vec<(String, String)> = scenario
        .resolve_switches(&given)
        .into_iter()
        .filter(|(s, o)| defaults.get(s) != Some(o))
        .collect();
    scenario
        .meta
        .audience
        .modes()
        .iter()
        .map(|&mode| explore(scenario, mode, &set, limits))
        .collect()
}

/// The problems a solution proves, each with whether it is an error (an
/// unreached ending is only a warning). A bounded search proves nothing else,
/// so it reports only that. Kept apart from [`check`] so `dedale-cli solve`
/// can print both the explorations and the problems they prove.
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
    // Each setting of the switches on its own, the defaults first: what
    // breaks with the defaults is not told again for the other settings.
    let mut settings: Vec<&Vec<(String, String)>> = Vec::new();
    for e in explorations {
        if !settings.contains(&&e.switches) {
            settings.push(&e.switches);
        }
    }
    let mut trapped = false;
    let mut seen: Vec<Problem> = Vec::new();
    for setting in settings {
        let group: Vec<&Exploration> = explorations
            .iter()
            .filter(|e| &e.switches == setting)
            .collect();
        let (found, trap) = setting_problems(scenario, &group);
        trapped |= trap;
        for p in found {
            // A dead end is the same one at the same page, whatever the path.
            let key = match &p {
                Problem::DeadEnd { page, .. } => Problem::DeadEnd {
                    page: page.clone(),
                    path: Vec::new(),
                },
                other => other.clone(),
            };
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let p = if setting.is_empty() {
                p
            } else {
                Problem::WithSetting(setting.clone(), Box::new(p))
            };
            out.push((p, true));
        }
    }
    let ended: BTreeSet<&String> = explorations.iter().flat_map(|e| e.endings.keys()).collect();
    for ending in &scenario.endings {
        if !ended.contains(&ending.id) && !trapped {
            out.push((Problem::EndingUnreachable(ending.id.clone()), false));
        }
    }
    let mut unique: Vec<(Problem, bool)> = Vec::new();
    for (p, is_error) in out {
        let page_of = |q: &Problem| match q {
            Problem::DeadEnd { page, .. } => Some(page.clone()),
            Problem::WithSetting(s, inner) => match inner.as_ref() {
                Problem::DeadEnd { page, .. } => Some(format!("{s:?}{page}")),
                _ => None,
            },
            _ => None,
        };
        let same_page = |q: &Problem| page_of(q).is_some() && page_of(q) == page_of(&p);
        if !unique.iter().any(|(q, _)| *q == p || same_page(q)) {
            unique.push((p, is_error));
        }
    }
    unique
}

/// The errors the explorations of one setting of the switches prove (one
/// exploration per mode), and whether one of them found a trap with no
/// ending reached at all.
fn setting_problems(scenario: &Scenario, explorations: &[&Exploration]) -> (Vec<Problem>, bool) {
    let mut out = Vec::new();
    // A button no route ever follows: in every mode, or in one of two.
    let modes = explorations.len();
    let mut no_route: BTreeMap<&(String, String), Vec<Mode>> = BTreeMap::new();
    for e in explorations {
        for key in &e.no_route {
            no_route.entry(key).or_default().push(e.mode);
        }
    }
    for ((page, button), stuck) in &no_route {
        let mode = match stuck.as_slice() {
            [one] if modes > 1 => Some(*one),
            _ => None,
        };
        out.push(Problem::NoRouteApplies {
            page: page.clone(),
            button: button.clone(),
            mode,
        });
    }
    let mut trapped = false;
    for e in explorations {
        let ended = e.endings.keys().any(|id| {
            scenario
                .ending(id)
                .is_some_and(|end| end.kind != EndingKind::Abandon)
        });
        trapped |= !ended && !e.dead_ends.is_empty();
        let success = e.endings.keys().any(|id| {
            scenario
                .ending(id)
                .is_some_and(|e| e.kind == EndingKind::Success)
        });
        // With no ending reached at all, the dead ends below say why.
        if !success && (ended || e.dead_ends.is_empty()) {
            out.push(Problem::NoSuccessReachable);
        }
        for ((page, path), pages) in e.dead_ends.iter().zip(&e.trap_pages) {
            out.extend(cause(e, page, path, pages));
        }
    }
    (out, trapped)
}

/// What a trap comes from: an incident that stops a button at every press, a
/// button whose routes never apply (already reported on its own: `None`), or
/// else the dead end itself.
fn cause(
    e: &Exploration,
    page: &str,
    path: &[String],
    pages: &BTreeSet<String>,
) -> Option<Problem> {
    let on_trap = |(p, _): &&(String, String)| pages.contains(p);
    if let Some(((page, button), incident)) = e.blocked.iter().find(|(k, _)| on_trap(k)) {
        return Some(Problem::IncidentTraps {
            incident: incident.clone(),
            page: page.clone(),
            button: button.clone(),
        });
    }
    if e.no_route.iter().any(|k| on_trap(&k)) {
        return None;
    }
    Some(Problem::DeadEnd {
        page: page.to_string(),
        path: path.to_vec(),
    })
}

/// Loads, checks and solves a scenario: every problem of the file, with positions.
/// This is what `dedale-cli check` and the game's scenario loader run.
pub fn check(
    file: &str,
    source: &str,
    limits: Limits,
) -> Result<(Scenario, crate::load::Report), crate::load::Report> {
    check_with(file, source, &crate::load::no_includes, limits)
}

/// [`check`] for a scenario that includes fragments, which `includes` gives by name.
pub fn check_with(
    file: &str,
    source: &str,
    includes: crate::load::Includes<'_>,
    limits: Limits,
) -> Result<(Scenario, crate::load::Report), crate::load::Report> {
    use crate::load::{Locator, Severity};
    let (scenario, mut report) = crate::load::load_with_includes(file, source, includes)?;
    let loc = Locator::new(&report.combined());
    let explorations = solve(&scenario, limits);
    for (problem, is_error) in problems(&scenario, &explorations) {
        let inner = match &problem {
            Problem::WithSetting(_, inner) => inner.as_ref(),
            other => other,
        };
        let anchor = match inner {
            Problem::Unreachable(id)
            | Problem::EndingUnreachable(id)
            | Problem::DeadEnd { page: id, .. }
            | Problem::IncidentTraps { incident: id, .. } => loc.definition(id),
            Problem::NoRouteApplies { page, button, .. } => {
                Some(loc.reference(page, button, &["id"]))
            }
            Problem::NoSuccessReachable => scenario
                .first_ending(EndingKind::Success)
                .and_then(|e| loc.definition(&e.id)),
            _ => None,
        };
        let severity = if is_error {
            Severity::Error
        } else {
            Severity::Warning
        };
        report.push(anchor.unwrap_or((1, 1)), severity, problem);
    }
    report.sort();
    if report.has_errors() {
        Err(report)
    } else {
        Ok((scenario, report))
    }
}
