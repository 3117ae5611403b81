//! The trainer's report: what many sessions say about where a procedure,
//! and a group, gets stuck.
//!
//! It is computed in one pass: a [`Tally`] takes each record as it is read
//! and keeps counters and the list of times spent on each page (the only
//! thing medians need), so a file of a million events is never held whole.
//!
//! Definitions, also printed at the end of the report:
//! - a session is **completed** when it reached a success or failure ending
//!   (the procedure went through to its end), **succeeded** on a success
//!   ending, **abandoned** on an abandonment ending or an abandonment
//!   recorded when an interrupted session was closed;
//! - **time on a page** is the time between entering and leaving it, once per
//!   visit; medians and quartiles interpolate between the nearest values
//!   (the spreadsheet's `QUARTILE.INC`);
//! - a field's **error rate** is its refused values divided by the visits of
//!   its page;
//! - the **friction score** of a page, from 0 to 100, is
//!   `100 × (0.2 T + 0.3 E + 0.2 H + 0.3 A)` where `T` is its median time,
//!   `E` its errors per visit, `H` its hints per visit and `A` its abandons per
//!   session that saw it, each divided by the largest value among the
//!   scenario's pages (so the worst page on a criterion scores 1 on it).
//!   Errors and abandons weigh most: they are the obstacles people meet,
//!   while time and hints also measure reading and learning;
//! - the **competence profile**: a scenario's DigComp codes are *met without
//!   help* in a session that succeeded without any hint, *met with hints* in
//!   one that succeeded after hints, and *not met* otherwise;
//! - groups of fewer than [`MIN_GROUP`] sessions are not broken down: with so
//!   few people, a figure could point at one of them.

mod friction;
mod html;
pub mod labels;
mod svg;
mod table;
mod tally;
mod text;

pub use friction::Friction;
pub use table::write_csv;
pub use tally::Tally;

use crate::Lang;
use crate::model::{IncidentKind, Posture, Scenario};

use super::record::Record;

/// Smallest group that is broken down in a report.
pub const MIN_GROUP: usize = 5;

/// The whole report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Sessions read.
    pub sessions: usize,
    /// One section per scenario and version: versions are never mixed.
    pub scenarios: Vec<ScenarioReport>,
    /// DigComp competences met, over every scenario that names them.
    pub competences: Vec<Competence>,
    /// Groups of at least [`MIN_GROUP`] sessions.
    pub groups: Vec<GroupRow>,
    /// Codes of the groups too small to be broken down.
    pub small_groups: Vec<String>,
    /// Sessions recorded without a group code.
    pub ungrouped: usize,
}

/// What the sessions of one scenario version say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioReport {
    /// Scenario id.
    pub scenario: String,
    /// Its version.
    pub version: String,
    /// Different source texts seen under this version (more than 1: the file was edited without raising its version).
    pub content_hashes: usize,
    /// Sessions.
    pub sessions: usize,
    /// Sessions that reached a success or failure ending.
    pub completed: usize,
    /// Sessions that reached a success ending.
    pub succeeded: usize,
    /// Sessions that reached a failure ending.
    pub failed: usize,
    /// Sessions abandoned.
    pub abandoned: usize,
    /// Sessions that reached a `Postponed` ending: the procedure goes on later
    /// (a letter is awaited), neither a success nor a failure.
    pub postponed: usize,
    /// Sessions in *Formation* mode.
    pub formation_sessions: usize,
    /// Length of a session.
    pub duration: Option<Quartiles>,
    /// Pages, in the order players first met them.
    pub pages: Vec<PageStats>,
    /// Fields that refused at least one value, most refused first.
    pub fields: Vec<FieldStats>,
    /// Incidents met, most frequent first.
    pub incidents: Vec<IncidentCount>,
    /// Scores and postures of *Formation* sessions, if any.
    pub formation: Option<Formation>,
    /// Pages ranked by friction, worst first; pages with none are left out.
    pub friction: Vec<Friction>,
    /// Texts read aloud.
    pub read_aloud: usize,
    /// Sessions by the trainer's switches they were played with, when the
    /// records say (one row per setting, in the order of the settings).
    pub settings: Vec<SettingRow>,
}

/// The sessions played with one setting of the trainer's switches.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SettingRow {
    /// Each switch with its option (ids, or their labels in a
    /// [titled](Report::titled) report).
    pub switches: Vec<(String, String)>,
    /// Sessions.
    pub sessions: usize,
    /// Succeeded sessions.
    pub succeeded: usize,
    /// Abandoned sessions.
    pub abandoned: usize,
}

impl SettingRow {
    /// The setting as the report writes it: "imprevus = aucun, foyer = couple".
    pub fn text(&self) -> String {
        self.switches
            .iter()
            .map(|(s, o)| format!("{s} = {o}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Five-number summary of durations, in milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Quartiles {
    /// How many values.
    pub n: usize,
    /// Shortest.
    pub min: u64,
    /// First quartile.
    pub q1: u64,
    /// Median.
    pub median: u64,
    /// Third quartile.
    pub q3: u64,
    /// Longest.
    pub max: u64,
}

impl Quartiles {
    /// The summary of some values (sorted here); `None` when there are none.
    pub fn of(values: &mut [u64]) -> Option<Quartiles> {
        values.sort_unstable();
        let (first, last) = (*values.first()?, *values.last()?);
        Some(Quartiles {
            n: values.len(),
            min: first,
            q1: quantile(values, 1, 4),
            median: quantile(values, 1, 2),
            q3: quantile(values, 3, 4),
            max: last,
        })
    }
}

/// The `num/den` quantile of sorted values, interpolated (type 7), rounded to the nearest unit.
fn quantile(sorted: &[u64], num: u64, den: u64) -> u64 {
    let n = sorted.len() as u64;
    if n == 0 {
        return 0;
    }
    // position = (n - 1) × num / den, as whole part + remainder over den.
    let scaled = (n - 1) * num;
    let (whole, rem) = (scaled / den, scaled % den);
    let at = |i: u64| {
        sorted
            .get(usize::try_from(i).unwrap_or(usize::MAX))
            .copied()
    };
    let low = at(whole).unwrap_or(0);
    let high = at(whole + 1).unwrap_or(low);
    let diff = u128::from(high.saturating_sub(low)) * u128::from(rem);
    low + u64::try_from((diff + u128::from(den) / 2) / u128::from(den)).unwrap_or(0)
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageStats {
    /// Page id, or its title in a [titled](Report::titled) report.
    pub page: String,
    /// Times a player arrived on it.
    pub visits: usize,
    /// Sessions that saw it.
    pub sessions: usize,
    /// Time spent on it per visit.
    pub time: Option<Quartiles>,
    /// Values refused on it.
    pub errors: usize,
    /// Its most frequent error code and how often.
    pub top_error: Option<(String, usize)>,
    /// Hints asked on it.
    pub hints: usize,
    /// Sessions that asked at least one hint on it.
    pub hint_sessions: usize,
    /// Sessions abandoned on it.
    pub abandons: usize,
    /// Sessions dropped by the portal for inactivity on it.
    pub timeouts: usize,
    /// Times the player went back from it.
    pub backs: usize,
}

/// One field that refused values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldStats {
    /// Input id, or its label in a [titled](Report::titled) report.
    pub field: String,
    /// Page it is on (its id, or its title).
    pub page: String,
    /// Values refused.
    pub errors: usize,
    /// Visits of its page.
    pub visits: usize,
    /// Its most frequent error code and how often.
    pub top_error: Option<(String, usize)>,
}

impl FieldStats {
    /// Refused values per visit of the page.
    pub fn rate(&self) -> f64 {
        ratio(self.errors, self.visits)
    }
}

/// An incident and how often it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentCount {
    /// Incident id.
    pub incident: String,
    /// Its kind.
    pub kind: IncidentKind,
    /// Times it happened.
    pub count: usize,
}

/// Scores and postures of the *Formation* sessions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Formation {
    /// Ended *Formation* sessions the averages are taken over.
    pub ended: usize,
    /// Average *droits* at the end.
    pub droits: f64,
    /// Average *autonomie* at the end.
    pub autonomie: f64,
    /// Lines chosen by posture: do it for them, with them, teach, and lines with no posture.
    pub postures: Vec<(Option<Posture>, usize)>,
    /// Each dialogue line and how often it was chosen, most chosen first.
    pub lines: Vec<(String, usize)>,
}

/// One DigComp competence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Competence {
    /// DigComp 2.2 code, such as `2.1`.
    pub code: String,
    /// Sessions of scenarios that name it.
    pub sessions: usize,
    /// Succeeded without any hint.
    pub without_help: usize,
    /// Succeeded after hints.
    pub with_hints: usize,
    /// Did not succeed.
    pub not_met: usize,
}

/// One group of at least [`MIN_GROUP`] sessions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupRow {
    /// The group code.
    pub group: String,
    /// Sessions.
    pub sessions: usize,
    /// Completed sessions.
    pub completed: usize,
    /// Succeeded sessions.
    pub succeeded: usize,
    /// Abandoned sessions.
    pub abandoned: usize,
    /// Median length of a session.
    pub median_ms: u64,
    /// Hints asked per session.
    pub hints_per_session: f64,
    /// Values refused per session.
    pub errors_per_session: f64,
}

/// The report of some records (all held in memory); a [`Tally`] does the same one record at a time.
pub fn report(records: &[Record]) -> Report {
    let mut tally = Tally::default();
    for r in records {
        tally.add(r);
    }
    tally.finish()
}

impl Report {
    /// The report as text, French or English.
    pub fn text(&self, lang: Lang) -> String {
        text::render(self, lang)
    }

    /// The report as one self-contained HTML page with SVG charts, printable and readable offline.
    pub fn html(&self, lang: Lang) -> String {
        html::render(self, lang)
    }

    /// The report as CSV, one figure per row.
    pub fn csv(&self, delimiter: super::csv_export::Delimiter) -> String {
        write_csv(self, delimiter)
    }

    /// The same report naming pages, fields and dialogue lines as the
    /// players saw them (their titles, labels and texts in `lang`) rather
    /// than by their ids, for the scenarios given (the files the sessions
    /// were played on). The records keep ids only; the names come from the
    /// scenario, so they say nothing of the players. An id the scenario no
    /// longer has (a record of an older version) stays as it is.
    pub fn titled(&self, scenarios: &[&Scenario], lang: Lang) -> Report {
        let mut out = self.clone();
        for sc in &mut out.scenarios {
            // The same version if it is there, else the same scenario.
            let Some(s) = scenarios
                .iter()
                .find(|s| s.meta.id == sc.scenario && s.meta.version == sc.version)
                .or_else(|| scenarios.iter().find(|s| s.meta.id == sc.scenario))
            else {
                continue;
            };
            for p in &mut sc.pages {
                p.page = s.page_title(&p.page, lang);
            }
            for f in &mut sc.fields {
                f.field = s.input_label(&f.field, lang);
                f.page = s.page_title(&f.page, lang);
            }
            for f in &mut sc.friction {
                f.page = s.page_title(&f.page, lang);
            }
            for row in &mut sc.settings {
                for (switch, option) in &mut row.switches {
                    if let Some(w) = s.switch(switch) {
                        if let Some(o) = w.options.iter().find(|o| &o.id == option) {
                            *option = o.label.get(lang).to_string();
                        }
                        *switch = w.label.get(lang).to_string();
                    }
                }
            }
            if let Some(formation) = &mut sc.formation {
                for (line, _) in &mut formation.lines {
                    if let Some((_, _, l)) = s.line(line) {
                        *line = l.text.get(lang).to_string();
                    }
                }
            }
        }
        out
    }
}

/// `a / b`, 0 when `b` is 0.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[cfg(test)]
mod tests;
