//! Evaluating conditions and applying effects.

use super::{Answer, Dice, Event, EventKind, Feedback, Outcome, Received, Session, State, dice};
use crate::condition::{Condition, Effect};
use crate::model::Scenario;

use crate::condition::MAX_DEPTH;

impl Session<'_> {
    /// Whether `cond` holds now; `Chance` rolls the dice.
    pub(super) fn holds(&self, cond: &Condition, dice: &mut dyn Dice) -> bool {
        holds(self.scenario, &self.state, cond, dice, 0)
    }

    /// Whether a typed value and a printed fact (or another answer) are the
    /// same value for this field's rule (an IBAN typed without spaces matches
    /// the RIB that prints them); `rules::same_value` says what each kind forgives.
    pub(super) fn same_value(&self, field: &str, typed: &str, fact: &str) -> bool {
        same_value(self.scenario, &self.state, field, typed, fact)
    }

    /// Applies effects in order.
    pub(super) fn apply(&mut self, effects: &[Effect], out: &mut Outcome) {
        for effect in effects {
            match effect {
                Effect::Send(id) => self.send(id, out),
                Effect::Set(flag) => {
                    self.state.flags.insert(flag.clone());
                }
                Effect::Unset(flag) => {
                    self.state.flags.remove(flag);
                }
                Effect::Count(counter) => {
                    let cap = self.scenario.counter_cap(counter);
                    let value = self.state.counters.entry(counter.clone()).or_insert(0);
                    *value = value.saturating_add(1).min(cap);
                    if *value == 0 {
                        self.state.counters.remove(counter);
                    }
                }
                Effect::ResetCount(counter) => {
                    self.state.counters.remove(counter);
                }
                Effect::Droits(d) => self.state.droits = add_score(self.state.droits, *d),
                Effect::Autonomie(d) => self.state.autonomie = add_score(self.state.autonomie, *d),
                Effect::Download(doc) => self.download(doc, out),
            }
        }
    }

    /// Puts a hidden document in the folder, once.
    fn download(&mut self, doc: &str, out: &mut Outcome) {
        if self.scenario.document(doc).is_none() || self.state.downloads.iter().any(|d| d == doc) {
            return;
        }
        self.state.downloads.push(doc.to_string());
        out.feedback.push(Feedback::Downloaded(doc.to_string()));
        self.event(
            out,
            EventKind::DocumentDownloaded {
                document: doc.to_string(),
            },
        );
    }

    /// Sends a message: it arrives now, or after its delay (a letter).
    fn send(&mut self, id: &str, out: &mut Outcome) {
        let Some(message) = self.scenario.message(id) else {
            return;
        };
        if message.after_minutes > 0 {
            let due_ms = self
                .state
                .clock_ms
                .saturating_add(u64::from(message.after_minutes) * 60_000);
            let at = self.state.pending.partition_point(|p| p.due_ms <= due_ms);
            self.state.pending.insert(
                at,
                super::Pending {
                    message: id.to_string(),
                    due_ms,
                },
            );
            return;
        }
        self.deliver(id, out);
    }

    /// Letters whose time has come arrive, soonest first.
    pub(super) fn deliver_due(&mut self, out: &mut Outcome) {
        while let Some(first) = self.state.pending.first() {
            if first.due_ms > self.state.clock_ms {
                break;
            }
            let arrived = self.state.pending.remove(0);
            self.deliver(&arrived.message, out);
        }
    }

    /// A message reaches the phone, the mailbox or the letterbox.
    fn deliver(&mut self, id: &str, out: &mut Outcome) {
        let Some(message) = self.scenario.message(id) else {
            return;
        };
        let code = message
            .body
            .fr
            .contains("{code}")
            .then(|| dice::digits(self.state.draws(), 6));
        self.state.inbox.push(Received {
            message: id.to_string(),
            at_ms: self.state.clock_ms,
            code,
            read: false,
        });
        out.feedback.push(Feedback::Received(id.to_string()));
        self.event(
            out,
            EventKind::MessageReceived {
                message: id.to_string(),
            },
        );
    }

    /// Records an event: in the outcome, for the caller, and in the state at
    /// once, so that conditions later in the same action read it (`Incident(..)`).
    pub(super) fn event(&mut self, out: &mut Outcome, kind: EventKind) {
        let event = Event {
            at_ms: self.state.clock_ms,
            kind,
        };
        self.state.events.push(event.clone());
        out.events.push(event);
    }
}

/// Scores stay between 0 and 100 whatever a scenario adds.
pub(super) fn add_score(score: i32, delta: i32) -> i32 {
    score.saturating_add(delta).clamp(0, 100)
}

/// Whether `cond` holds in this state; `Chance` rolls the dice.
pub(super) fn holds(
    scenario: &Scenario,
    st: &State,
    cond: &Condition,
    dice: &mut dyn Dice,
    depth: usize,
) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let mut nested = |c: &Condition| holds(scenario, st, c, dice, depth + 1);
    match cond {
        Condition::Always => true,
        Condition::Flag(f) => st.flags.contains(f),
        Condition::Answer(field, value) => match st.answers.get(field) {
            Some(Answer::Text(t) | Answer::Option(t)) => t == value,
            _ => false,
        },
        Condition::Checked(field) => st.answers.get(field) == Some(&Answer::Checked(true)),
        Condition::Matches(field, fact) => match (
            st.answers.get(field),
            scenario.fact_with(fact, &st.switches),
        ) {
            (Some(Answer::Text(t)), Some(v)) => same_value(scenario, st, field, t, &v),
            _ => false,
        },
        Condition::Uploaded(field, doc) => {
            st.answers.get(field) == Some(&Answer::Document(doc.clone()))
        }
        Condition::Said(line) => st.said.contains(line),
        Condition::Visited(page) => st.visited.contains(page),
        Condition::CountAtLeast(c, n) => st.counters.get(c).copied().unwrap_or(0) >= *n,
        Condition::Downloaded(doc) => st.downloads.contains(doc),
        Condition::Incident(id) => st.incident_happened(id),
        Condition::Switch(switch, option) => st.switches.get(switch) == Some(option),
        Condition::Chance(p) => dice.roll(*p),
        Condition::Not(c) => !nested(c),
        Condition::All(cs) => cs.iter().all(nested),
        Condition::Any(cs) => cs.iter().any(nested),
    }
}

fn same_value(scenario: &Scenario, st: &State, field: &str, typed: &str, fact: &str) -> bool {
    let (kind, secret) = match scenario.input(field) {
        Some((_, crate::model::Block::Field(f))) => (&f.kind, f.secret),
        _ => (&crate::rules::FieldKind::Text, false),
    };
    crate::rules::same_value(kind, secret, typed, fact, st.today)
}
