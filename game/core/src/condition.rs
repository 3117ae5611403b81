//! Conditions that choose a route or trigger an incident, and the effects a
//! route, a page or a dialogue answer applies. The engine evaluates them;
//! the solver reads them to know which answers change the course of a run.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Conditions nested deeper than this are refused by the loader; the engine stops there too.
pub const MAX_DEPTH: usize = 32;

/// A condition on the run so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Condition {
    /// Always holds.
    #[default]
    Always,
    /// A flag set by an effect.
    Flag(String),
    /// A choice's answer is this option, or a field's value is exactly this text.
    Answer(String, String),
    /// A box is ticked.
    Checked(String),
    /// A field's value is the persona's fact (an IBAN that is really theirs).
    Matches(String, String),
    /// This document was uploaded in this upload.
    Uploaded(String, String),
    /// The professional chose this dialogue line.
    Said(String),
    /// The player has been on this page.
    Visited(String),
    /// A counter has reached this number (`Count` effects raise it).
    CountAtLeast(String, u8),
    /// Format 2: this document of the folder was downloaded (`Download(..)`).
    Downloaded(String),
    /// Format 2: this incident happened at least once.
    Incident(String),
    /// Format 2: the trainer set this switch to this option before the run
    /// (`Switch("imprevus", "aucun")`); a switch not set is at its first option.
    Switch(String, String),
    /// A seeded random draw that holds this many times in a hundred.
    Chance(u8),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// All of them hold.
    All(Vec<Condition>),
    /// At least one holds.
    Any(Vec<Condition>),
}

impl Condition {
    /// Calls `f` on this condition and every one nested in it.
    pub fn visit(&self, f: &mut dyn FnMut(&Condition)) {
        f(self);
        match self {
            Condition::Not(c) => c.visit(f),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.visit(f)),
            _ => {}
        }
    }

    /// Whether this condition only reads the trainer's switches (and
    /// `Always`, `Not`, `All`, `Any`): such a condition is fixed for a whole
    /// run, so it may choose the persona's documents.
    pub fn only_switches(&self) -> bool {
        let mut only = true;
        self.visit(&mut |c| {
            only &= matches!(
                c,
                Condition::Always
                    | Condition::Switch(..)
                    | Condition::Not(_)
                    | Condition::All(_)
                    | Condition::Any(_)
            )
        });
        only
    }

    /// Whether a condition that [only reads switches](Condition::only_switches)
    /// holds with these settings (switch id → option id, every switch given,
    /// as [`crate::model::Switches`]);
    /// any other condition counts as not holding.
    pub fn holds_with(&self, switches: &BTreeMap<String, String>) -> bool {
        self.holds_with_depth(switches, 0)
    }

    fn holds_with_depth(&self, switches: &BTreeMap<String, String>, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match self {
            Condition::Always => true,
            Condition::Switch(s, o) => switches.get(s) == Some(o),
            Condition::Not(c) => !c.holds_with_depth(switches, depth + 1),
            Condition::All(cs) => cs.iter().all(|c| c.holds_with_depth(switches, depth + 1)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds_with_depth(switches, depth + 1)),
            _ => false,
        }
    }

    /// Whether this is `Always`, to leave it out when a scenario is written back.
    pub fn is_always(&self) -> bool {
        *self == Condition::Always
    }

    /// How deeply conditions nest, to refuse files whose evaluation would go too deep.
    pub fn depth(&self) -> usize {
        match self {
            Condition::Not(c) => 1 + c.depth(),
            Condition::All(cs) | Condition::Any(cs) => {
                1 + cs.iter().map(Condition::depth).max().unwrap_or(0)
            }
            _ => 1,
        }
    }
}

/// A change to the run.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Effect {
    /// Sends a message of the scenario to the phone or the mailbox.
    Send(String),
    /// Sets a flag.
    Set(String),
    /// Clears a flag.
    Unset(String),
    /// Adds one to a counter (wrong tries, searches without a slot); a
    /// counter never goes past the largest number a condition compares it with.
    Count(String),
    /// Sets a counter back to zero.
    ResetCount(String),
    /// Adds to (or subtracts from) the *droits* score.
    Droits(i32),
    /// Adds to (or subtracts from) the *autonomie* score.
    Autonomie(i32),
    /// Format 2: puts a hidden document of the persona in the folder's
    /// "Téléchargements" (a receipt, an attestation the portal gives).
    Download(String),
}
