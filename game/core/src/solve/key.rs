//! The state key: what the scenario's conditions read, and the part of a state
//! that can change the course of a run, so that two states differing only in
//! what nothing reads are explored once.

use std::collections::{BTreeSet, HashMap};

use crate::condition::Condition;
use crate::engine::{Answer, EventKind, Received, State};
use crate::model::{Block, Scenario, Trigger};

/// A state as far as the rest of the run can tell.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Key {
    page: String,
    ending: Option<String>,
    flags: Vec<String>,
    counters: Vec<(String, u8)>,
    answers: Vec<(String, Answer)>,
    said: Vec<String>,
    answered: Vec<String>,
    visited: Vec<String>,
    inbox: BTreeSet<String>,
    pending: BTreeSet<String>,
    downloads: BTreeSet<String>,
    incidents: Vec<String>,
}

/// What the scenario's conditions read, so only that goes into a state's key.
#[derive(Default)]
pub(super) struct Reads {
    /// Inputs some condition reads: tried with every value that matters.
    pub(super) inputs: BTreeSet<String>,
    /// The values conditions compare each input with.
    pub(super) values: HashMap<String, BTreeSet<String>>,
    /// The documents conditions expect in each upload.
    pub(super) documents: HashMap<String, BTreeSet<String>>,
    pages: BTreeSet<String>,
    flags: BTreeSet<String>,
    counters: BTreeSet<String>,
    lines: BTreeSet<String>,
    incidents: BTreeSet<String>,
    /// Inputs whose answer is read away from their page, or without being refilled first: kept in the key everywhere.
    kept: BTreeSet<String>,
    /// The page of each input read by a condition.
    home: HashMap<String, String>,
    /// The page of every input.
    here: HashMap<String, String>,
}

impl Reads {
    pub(super) fn of(scenario: &Scenario) -> Reads {
        let mut reads = Reads::default();
        for p in &scenario.pages {
            for id in p.blocks.iter().filter_map(Block::input_id) {
                reads.here.insert(id.to_string(), p.id.clone());
            }
        }
        // A field repeated from another page needs that page's answer kept.
        for p in &scenario.pages {
            for b in &p.blocks {
                if let Block::Field(f) = b
                    && let Some(other) = &f.same_as
                    && reads.here.get(other).is_some_and(|home| *home != p.id)
                {
                    reads.kept.insert(other.clone());
                }
            }
        }
        for (c, page, refilled) in conditions(scenario) {
            reads.note_homes(scenario, c, page, refilled);
            reads.note_reads(c);
        }
        reads
    }

    /// Notes where each input `c` reads lives, and keeps it in every key if it
    /// is read away from its page or without being refilled just before.
    fn note_homes(&mut self, scenario: &Scenario, c: &Condition, page: &str, refilled: bool) {
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
                    self.kept.insert(f.clone());
                }
                if let Some(own) = own_page {
                    self.home.insert(f.clone(), own.to_string());
                }
            }
        });
    }

    /// Notes the inputs, values, documents, pages, flags and lines `c` reads.
    fn note_reads(&mut self, c: &Condition) {
        c.visit(&mut |c| match c {
            Condition::Answer(f, v) => {
                self.inputs.insert(f.clone());
                self.values.entry(f.clone()).or_default().insert(v.clone());
            }
            Condition::Checked(f) | Condition::Matches(f, _) => {
                self.inputs.insert(f.clone());
            }
            Condition::Uploaded(f, d) => {
                self.inputs.insert(f.clone());
                self.documents
                    .entry(f.clone())
                    .or_default()
                    .insert(d.clone());
            }
            Condition::Visited(p) => {
                self.pages.insert(p.clone());
            }
            Condition::Flag(f) => {
                self.flags.insert(f.clone());
            }
            Condition::CountAtLeast(c, _) => {
                self.counters.insert(c.clone());
            }
            Condition::Said(l) => {
                self.lines.insert(l.clone());
            }
            Condition::Incident(i) => {
                self.incidents.insert(i.clone());
            }
            _ => {}
        });
    }

    /// Drops from a state what no condition can read and no later step needs,
    /// so states stay small however long the path that led to them.
    pub(super) fn prune(&self, st: &mut State) {
        let page = st.page.clone();
        let on_page = |k: &String| self.here.get(k).is_some_and(|p| *p == page);
        st.answers
            .retain(|k, _| self.kept.contains(k) || on_page(k));
        st.captchas.retain(|k, _| on_page(k));
        st.visited.retain(|p| self.pages.contains(p));
        // Only the first time each incident happened: `Incident(..)` conditions read it.
        let mut seen = BTreeSet::new();
        st.events.retain(|e| match &e.kind {
            EventKind::Incident { incident, .. } => seen.insert(incident.clone()),
            _ => false,
        });
        st.history.clear();
        st.hints.clear();
        st.errors.clear();
        let mut last: Vec<Received> = Vec::new();
        for r in st.inbox.drain(..).rev() {
            if !last.iter().any(|l| l.message == r.message) {
                last.push(r);
            }
        }
        last.reverse();
        st.inbox = last;
    }

    pub(super) fn key(&self, st: &State) -> Key {
        Key {
            page: st.page.clone(),
            ending: st.ending.as_ref().map(|e| e.ending.clone()),
            flags: st
                .flags
                .iter()
                .filter(|f| self.flags.contains(*f))
                .cloned()
                .collect(),
            counters: st
                .counters
                .iter()
                .filter(|(c, _)| self.counters.contains(*c))
                .map(|(c, n)| (c.clone(), *n))
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
            pending: st.pending.iter().map(|p| p.message.clone()).collect(),
            downloads: st.downloads.iter().cloned().collect(),
            incidents: self
                .incidents
                .iter()
                .filter(|i| st.incident_happened(i))
                .cloned()
                .collect(),
        }
    }
}

/// Every condition of the scenario, with the page it is read on and whether
/// that page's inputs are refilled just before.
fn conditions(scenario: &Scenario) -> Vec<(&Condition, &str, bool)> {
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
            conds.push((&i.when, p.id.as_str(), matches!(i.on, Trigger::Press(_))));
        }
        conds.extend(p.dialogue.iter().map(|d| (&d.when, p.id.as_str(), false)));
        conds.extend(p.blocks.iter().map(|b| (b.when(), p.id.as_str(), false)));
    }
    conds
}
