//! The one-pass accumulator behind the report.
//!
//! Ids are interned once per scenario (a page id maps to an index), so each
//! event costs a hash lookup and a few additions; the only lists kept are the
//! durations that medians need.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::friction;
use super::{
    Competence, FieldStats, Formation, GroupRow, IncidentCount, MIN_GROUP, PageStats, Quartiles,
    Report, ScenarioReport, ratio,
};
use crate::engine::EventKind;
use crate::metrics::record::Record;
use crate::model::{EndingKind, IncidentKind, Mode, Posture};

/// Takes records one at a time; [`Tally::finish`] gives the report.
#[derive(Debug, Default)]
pub struct Tally {
    sessions: usize,
    scenarios: BTreeMap<(String, String), ScenarioTally>,
    competences: BTreeMap<String, Competence>,
    groups: BTreeMap<String, GroupTally>,
    ungrouped: usize,
}

#[derive(Debug, Default)]
struct ScenarioTally {
    report: ScenarioReport,
    hashes: BTreeSet<String>,
    durations: Vec<u64>,
    page_index: HashMap<String, usize>,
    pages: Vec<PageTally>,
    field_index: HashMap<String, usize>,
    fields: Vec<FieldTally>,
    incidents: HashMap<String, (IncidentKind, usize)>,
    droits: i64,
    autonomie: i64,
    formation_ended: usize,
    postures: [usize; 4],
    lines: HashMap<String, usize>,
}

#[derive(Debug, Default)]
struct PageTally {
    stats: PageStats,
    times: Vec<u64>,
    kinds: HashMap<String, usize>,
    last_session: usize,
    last_hint_session: usize,
}

#[derive(Debug, Default)]
struct FieldTally {
    field: String,
    page: Option<usize>,
    errors: usize,
    kinds: HashMap<String, usize>,
}

#[derive(Debug, Default)]
struct GroupTally {
    row: GroupRow,
    durations: Vec<u64>,
    hints: usize,
    errors: usize,
}

impl ScenarioTally {
    fn page(&mut self, id: &str) -> usize {
        if let Some(&i) = self.page_index.get(id) {
            return i;
        }
        let i = self.pages.len();
        self.page_index.insert(id.to_string(), i);
        self.pages.push(PageTally {
            stats: PageStats {
                page: id.to_string(),
                ..PageStats::default()
            },
            ..PageTally::default()
        });
        i
    }

    fn field(&mut self, id: &str) -> usize {
        if let Some(&i) = self.field_index.get(id) {
            return i;
        }
        let i = self.fields.len();
        self.field_index.insert(id.to_string(), i);
        self.fields.push(FieldTally {
            field: id.to_string(),
            ..FieldTally::default()
        });
        i
    }
}

/// What one session added up to, for the group and competence tables.
struct SessionSums {
    hints: usize,
    errors: usize,
    abandoned: bool,
}

impl Tally {
    /// Sessions added so far.
    pub fn sessions(&self) -> usize {
        self.sessions
    }

    /// Adds one session.
    pub fn add(&mut self, record: &Record) {
        self.sessions += 1;
        let session = self.sessions;
        let h = &record.header;
        let key = (h.scenario.clone(), h.version.clone());
        let st = self.scenarios.entry(key).or_default();
        if st.report.sessions == 0 {
            st.report.scenario.clone_from(&h.scenario);
            st.report.version.clone_from(&h.version);
        }
        st.report.sessions += 1;
        if !st.hashes.contains(&h.content_hash) {
            st.hashes.insert(h.content_hash.clone());
        }
        let sums = events(st, record, session);
        let duration = record.duration_ms();
        st.durations.push(duration);
        let kind = record.outcome.as_ref().map(|o| o.kind);
        let succeeded = kind == Some(EndingKind::Success);
        let completed = matches!(kind, Some(EndingKind::Success | EndingKind::Failure));
        let abandoned = kind == Some(EndingKind::Abandon) || (kind.is_none() && sums.abandoned);
        let r = &mut st.report;
        r.completed += usize::from(completed);
        r.succeeded += usize::from(succeeded);
        r.failed += usize::from(kind == Some(EndingKind::Failure));
        r.abandoned += usize::from(abandoned);
        r.postponed += usize::from(kind == Some(EndingKind::Postponed));
        if h.mode == Mode::Formation {
            r.formation_sessions += 1;
            if let Some(o) = &record.outcome {
                st.formation_ended += 1;
                st.droits += i64::from(o.droits);
                st.autonomie += i64::from(o.autonomie);
            }
        }
        for code in &h.competences {
            let c = self.competences.entry(code.clone()).or_default();
            c.sessions += 1;
            match (succeeded, sums.hints) {
                (true, 0) => c.without_help += 1,
                (true, _) => c.with_hints += 1,
                (false, _) => c.not_met += 1,
            }
        }
        match &h.group {
            Some(g) => {
                let gt = self.groups.entry(g.clone()).or_default();
                gt.row.sessions += 1;
                gt.row.completed += usize::from(completed);
                gt.row.succeeded += usize::from(succeeded);
                gt.row.abandoned += usize::from(abandoned);
                gt.durations.push(duration);
                gt.hints += sums.hints;
                gt.errors += sums.errors;
            }
            None => self.ungrouped += 1,
        }
    }

    /// The report of every session added.
    pub fn finish(self) -> Report {
        let mut competences: Vec<Competence> = self
            .competences
            .into_iter()
            .map(|(code, mut c)| {
                c.code = code;
                c
            })
            .collect();
        competences.sort_by(|a, b| a.code.cmp(&b.code));
        let mut groups = Vec::new();
        let mut small_groups = Vec::new();
        for (code, mut g) in self.groups {
            if g.row.sessions < MIN_GROUP {
                small_groups.push(code);
                continue;
            }
            let n = g.row.sessions;
            g.row.group = code;
            g.row.median_ms = Quartiles::of(&mut g.durations).map_or(0, |q| q.median);
            g.row.hints_per_session = ratio(g.hints, n);
            g.row.errors_per_session = ratio(g.errors, n);
            groups.push(g.row);
        }
        Report {
            sessions: self.sessions,
            scenarios: self.scenarios.into_values().map(finish_scenario).collect(),
            competences,
            groups,
            small_groups,
            ungrouped: self.ungrouped,
        }
    }
}

/// Goes through a session's events once.
fn events(st: &mut ScenarioTally, record: &Record, session: usize) -> SessionSums {
    let mut sums = SessionSums {
        hints: 0,
        errors: 0,
        abandoned: false,
    };
    let mut current: Option<usize> = None;
    let mut entered: Option<(usize, u64)> = None;
    for e in &record.events {
        match &e.kind {
            EventKind::PageEntered { page } => {
                let i = st.page(page);
                let p = &mut st.pages[i];
                p.stats.visits += 1;
                if p.last_session != session {
                    p.last_session = session;
                    p.stats.sessions += 1;
                }
                current = Some(i);
                entered = Some((i, e.at_ms));
            }
            EventKind::PageLeft { page } => {
                let i = st.page(page);
                if let Some((j, at)) = entered.take()
                    && i == j
                {
                    st.pages[i].times.push(e.at_ms.saturating_sub(at));
                }
            }
            EventKind::FieldError { field, error } => {
                sums.errors += 1;
                let f = st.field(field);
                let ft = &mut st.fields[f];
                ft.errors += 1;
                bump(&mut ft.kinds, error);
                if ft.page.is_none() {
                    ft.page = current;
                }
                if let Some(i) = current {
                    let p = &mut st.pages[i];
                    p.stats.errors += 1;
                    bump(&mut p.kinds, error);
                }
            }
            EventKind::HintUsed { page, .. } => {
                sums.hints += 1;
                let i = st.page(page);
                let p = &mut st.pages[i];
                p.stats.hints += 1;
                if p.last_hint_session != session {
                    p.last_hint_session = session;
                    p.stats.hint_sessions += 1;
                }
            }
            EventKind::Back { from } => {
                let i = st.page(from);
                st.pages[i].stats.backs += 1;
            }
            EventKind::Timeout { page } => {
                let i = st.page(page);
                st.pages[i].stats.timeouts += 1;
            }
            EventKind::Incident { incident, kind } => {
                st.incidents.entry(incident.clone()).or_insert((*kind, 0)).1 += 1;
            }
            EventKind::Posture { line, posture } => {
                let slot = match posture {
                    Some(Posture::ForThem) => 0,
                    Some(Posture::WithThem) => 1,
                    Some(Posture::Teach) => 2,
                    None => 3,
                };
                st.postures[slot] += 1;
                bump(&mut st.lines, line);
            }
            EventKind::Abandoned { page } => {
                if !sums.abandoned {
                    sums.abandoned = true;
                    let i = st.page(page);
                    st.pages[i].stats.abandons += 1;
                }
            }
            EventKind::Ended {
                kind: EndingKind::Abandon,
                ..
            } => {
                // An abandonment ending reached by a route, not the abandon button:
                // it counts on the page the player was on.
                if !sums.abandoned {
                    sums.abandoned = true;
                    if let Some(i) = current {
                        st.pages[i].stats.abandons += 1;
                    }
                }
            }
            EventKind::ReadAloud { .. } => st.report.read_aloud += 1,
            EventKind::Ended { .. }
            | EventKind::DocumentOpened { .. }
            | EventKind::MessageReceived { .. }
            | EventKind::MessageRead { .. }
            | EventKind::DocumentDownloaded { .. }
            | EventKind::LinkFollowed { .. }
            | EventKind::TimeExtended { .. } => {}
        }
    }
    sums
}

fn bump(counts: &mut HashMap<String, usize>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

/// The most frequent key, ties broken by the smaller key so reports are stable.
fn top(counts: &HashMap<String, usize>) -> Option<(String, usize)> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, n)| (k.clone(), *n))
}

fn finish_scenario(mut st: ScenarioTally) -> ScenarioReport {
    let mut r = std::mem::take(&mut st.report);
    r.content_hashes = st.hashes.len();
    r.duration = Quartiles::of(&mut st.durations);
    let fields = std::mem::take(&mut st.fields);
    let mut pages: Vec<PageStats> = Vec::with_capacity(st.pages.len());
    for mut p in std::mem::take(&mut st.pages) {
        p.stats.time = Quartiles::of(&mut p.times);
        p.stats.top_error = top(&p.kinds);
        pages.push(p.stats);
    }
    r.fields = fields
        .into_iter()
        .map(|f| {
            let page = f.page.and_then(|i| pages.get(i));
            FieldStats {
                page: page.map_or_else(String::new, |p| p.page.clone()),
                visits: page.map_or(0, |p| p.visits),
                top_error: top(&f.kinds),
                field: f.field,
                errors: f.errors,
            }
        })
        .collect();
    r.fields.sort_by(|a, b| {
        b.rate()
            .total_cmp(&a.rate())
            .then(b.errors.cmp(&a.errors))
            .then(a.field.cmp(&b.field))
    });
    r.incidents = st
        .incidents
        .into_iter()
        .map(|(incident, (kind, count))| IncidentCount {
            incident,
            kind,
            count,
        })
        .collect();
    r.incidents
        .sort_by(|a, b| b.count.cmp(&a.count).then(a.incident.cmp(&b.incident)));
    if r.formation_sessions > 0 {
        let mut lines: Vec<(String, usize)> = st.lines.into_iter().collect();
        lines.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let n = st.formation_ended;
        r.formation = Some(Formation {
            ended: n,
            droits: avg(st.droits, n),
            autonomie: avg(st.autonomie, n),
            postures: vec![
                (Some(Posture::ForThem), st.postures[0]),
                (Some(Posture::WithThem), st.postures[1]),
                (Some(Posture::Teach), st.postures[2]),
                (None, st.postures[3]),
            ],
            lines,
        });
    }
    r.friction = friction::rank(&pages);
    r.pages = pages;
    r
}

fn avg(sum: i64, n: usize) -> f64 {
    if n == 0 { 0.0 } else { sum as f64 / n as f64 }
}
