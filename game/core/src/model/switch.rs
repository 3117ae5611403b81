//! Trainer switches: the variants a trainer sets before a session (incidents
//! off, random or forced; another household; a missing document), shown on
//! the scenario card. A run's settings give one option for each switch; the
//! `Switch(..)` condition reads them, so the same seed with another setting
//! plays another run.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::Scenario;
use crate::Text;

/// A run's settings: switch id → option id. Kept as ids only, so metrics
/// can group sessions by them without holding anything a player typed.
pub type Switches = BTreeMap<String, String>;

/// A variant the trainer chooses before a session.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Switch {
    /// Identifier, used by `Switch(..)` conditions, scripts (`réglage`) and metrics.
    pub id: String,
    /// What the scenario card shows ("Imprévus").
    pub label: Text,
    /// The choices, the first being the default.
    pub options: Vec<SwitchOption>,
}

/// One choice of a switch.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwitchOption {
    /// Identifier, unique in its switch.
    pub id: String,
    /// What the scenario card shows ("Au hasard").
    pub label: Text,
}

/// Why a setting given by a person (a script line, a command-line flag)
/// names no switch or option of the scenario, in French and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError {
    /// What is wrong and what to write, French.
    pub fr: String,
    /// What is wrong and what to write, English.
    pub en: String,
}

impl SettingError {
    /// The message in `lang`.
    pub fn message(&self, lang: crate::Lang) -> &str {
        if lang == crate::Lang::En {
            &self.en
        } else {
            &self.fr
        }
    }
}

impl std::fmt::Display for SettingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.fr, self.en)
    }
}

impl std::error::Error for SettingError {}

impl Scenario {
    /// The switch with this id.
    pub fn switch(&self, id: &str) -> Option<&Switch> {
        self.switches.iter().find(|s| s.id == id)
    }

    /// Every switch at its first option.
    pub fn default_switches(&self) -> Switches {
        self.resolve_switches(&Switches::new())
    }

    /// The complete settings of a run: every switch of the scenario, at the
    /// option `given` names when it is one of its options, else at its first.
    /// Ids that name nothing are left out: the engine never fails on them;
    /// [`Scenario::check_setting`] tells people about them where they typed them.
    pub fn resolve_switches(&self, given: &Switches) -> Switches {
        self.switches
            .iter()
            .filter_map(|s| {
                let chosen = given
                    .get(&s.id)
                    .and_then(|o| s.options.iter().find(|x| &x.id == o))
                    .or_else(|| s.options.first())?;
                Some((s.id.clone(), chosen.id.clone()))
            })
            .collect()
    }

    /// Whether `switch=option` names a switch of this scenario and one of its
    /// options; if not, what to write instead.
    pub fn check_setting(&self, switch: &str, option: &str) -> Result<(), SettingError> {
        let ids = |v: Vec<&str>| {
            v.iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some(s) = self.switch(switch) else {
            let known: Vec<&str> = self.switches.iter().map(|s| s.id.as_str()).collect();
            if known.is_empty() {
                return Err(SettingError {
                    fr: format!(
                        "réglage `{switch}` inconnu : ce scénario n'a aucun réglage (`switches`)"
                    ),
                    en: format!("unknown switch `{switch}`: this scenario has no switches"),
                });
            }
            return Err(SettingError {
                fr: format!(
                    "réglage `{switch}` inconnu : les réglages de ce scénario sont {}",
                    ids(known.clone())
                ),
                en: format!(
                    "unknown switch `{switch}`: this scenario's switches are {}",
                    ids(known)
                ),
            });
        };
        if s.options.iter().any(|o| o.id == option) {
            return Ok(());
        }
        let known: Vec<&str> = s.options.iter().map(|o| o.id.as_str()).collect();
        Err(SettingError {
            fr: format!(
                "option `{option}` inconnue pour le réglage `{switch}` : choisissez parmi {}",
                ids(known.clone())
            ),
            en: format!(
                "unknown option `{option}` for switch `{switch}`: choose one of {}",
                ids(known)
            ),
        })
    }

    /// Reads `switch=option` (a command-line flag) and checks it.
    pub fn parse_setting(&self, text: &str) -> Result<(String, String), SettingError> {
        let Some((switch, option)) = text.split_once('=') else {
            return Err(SettingError {
                fr: format!(
                    "réglage `{text}` mal écrit : écrivez `réglage=option`, par exemple `imprevus=aucun`"
                ),
                en: format!(
                    "malformed setting `{text}`: write `switch=option`, such as `imprevus=aucun`"
                ),
            });
        };
        let (switch, option) = (switch.trim(), option.trim());
        self.check_setting(switch, option)?;
        Ok((switch.to_string(), option.to_string()))
    }

    /// The settings the solver explores: every combination when there are at
    /// most [`MAX_COMBINATIONS`], else the defaults and each option of each
    /// switch alone with the others at their default. Each is given as the
    /// switches that are not at their default, defaults first (an empty list).
    pub fn switch_variants(&self) -> Vec<Vec<(String, String)>> {
        let product = self
            .switches
            .iter()
            .map(|s| s.options.len().max(1))
            .try_fold(1usize, |acc, n| {
                acc.checked_mul(n).filter(|p| *p <= MAX_COMBINATIONS)
            });
        let mut out: Vec<Vec<(String, String)>> = vec![Vec::new()];
        if product.is_some() {
            for s in &self.switches {
                let mut next = Vec::new();
                for base in &out {
                    next.push(base.clone());
                    for o in s.options.iter().skip(1) {
                        let mut v = base.clone();
                        v.push((s.id.clone(), o.id.clone()));
                        next.push(v);
                    }
                }
                out = next;
            }
        } else {
            for s in &self.switches {
                for o in s.options.iter().skip(1) {
                    out.push(vec![(s.id.clone(), o.id.clone())]);
                }
            }
        }
        out
    }
}

/// Most combinations of switches the solver explores all together; past it,
/// it explores each option alone (a scenario has a few switches of two or
/// three options, so it rarely comes to that).
pub const MAX_COMBINATIONS: usize = 12;
