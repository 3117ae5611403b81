//! The friction ranking: which pages stop people, and why, in one line each.
//!
//! Score = `100 × (0.2 T + 0.3 E + 0.2 H + 0.3 A)`, each criterion divided by
//! its largest value among the scenario's pages (see the module above for why).

use super::labels::labels;
use super::{PageStats, ratio};
use crate::Lang;

/// Weight of the median time on the page.
pub const TIME_WEIGHT: f64 = 0.2;
/// Weight of the errors per visit.
pub const ERROR_WEIGHT: f64 = 0.3;
/// Weight of the hints per visit.
pub const HINT_WEIGHT: f64 = 0.2;
/// Weight of the abandons per session that saw the page.
pub const ABANDON_WEIGHT: f64 = 0.3;

/// A page's friction and what makes it up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Friction {
    /// Page id, or its title in a [titled](super::Report::titled) report.
    pub page: String,
    /// 0 to 100.
    pub score: f64,
    /// Visits of the page.
    pub visits: usize,
    /// Sessions that saw it.
    pub sessions: usize,
    /// Values refused on it.
    pub errors: usize,
    /// Its most frequent error code.
    pub top_error: Option<String>,
    /// Hints asked on it.
    pub hints: usize,
    /// Sessions abandoned on it.
    pub abandons: usize,
    /// Median time on it.
    pub median_ms: Option<u64>,
}

impl Friction {
    /// One line that says why, such as
    /// "page « banque » : 3 erreurs sur 4 passages (surtout iban_checksum), 2 abandons";
    /// in a [titled](super::Report::titled) report, "page « Coordonnées bancaires » : …".
    pub fn explain(&self, lang: Lang) -> String {
        let l = labels(lang);
        let reasons = self.reasons(lang);
        let page = match lang {
            Lang::En => format!("“{}”", self.page),
            _ => format!("« {} »", self.page),
        };
        format!("{} {page}{} {reasons}", l.page, l.colon)
    }

    /// The reasons alone, for a screen that already names the page beside its bar.
    pub fn reasons(&self, lang: Lang) -> String {
        let l = labels(lang);
        let mut parts = Vec::new();
        if self.errors > 0 {
            let mut s = format!(
                "{} {} {}",
                l.error.of(self.errors),
                l.out_of,
                l.visit.of(self.visits)
            );
            if let Some(top) = &self.top_error {
                s.push_str(&format!(" ({} {top})", l.mostly));
            }
            parts.push(s);
        }
        if self.abandons > 0 {
            parts.push(l.abandon.of(self.abandons));
        }
        if self.hints > 0 {
            parts.push(l.hint_asked.of(self.hints));
        }
        if let Some(ms) = self.median_ms.filter(|ms| *ms > 0) {
            parts.push(l.median_time(ms, lang));
        }
        parts.join(", ")
    }
}

/// Ranks the pages of one scenario, worst first; pages with no friction are left out.
pub fn rank(pages: &[PageStats]) -> Vec<Friction> {
    let crit = |p: &PageStats| {
        let time = p.time.map_or(0.0, |q| q.median as f64);
        (
            time,
            ratio(p.errors, p.visits),
            ratio(p.hints, p.visits),
            ratio(p.abandons, p.sessions),
        )
    };
    let mut max = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for p in pages {
        let c = crit(p);
        max = (
            max.0.max(c.0),
            max.1.max(c.1),
            max.2.max(c.2),
            max.3.max(c.3),
        );
    }
    let norm = |v: f64, m: f64| if m > 0.0 { v / m } else { 0.0 };
    let mut ranked: Vec<(usize, Friction)> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.visits > 0)
        .map(|(order, p)| {
            let c = crit(p);
            let score = 100.0
                * (TIME_WEIGHT * norm(c.0, max.0)
                    + ERROR_WEIGHT * norm(c.1, max.1)
                    + HINT_WEIGHT * norm(c.2, max.2)
                    + ABANDON_WEIGHT * norm(c.3, max.3));
            let f = Friction {
                page: p.page.clone(),
                score,
                visits: p.visits,
                sessions: p.sessions,
                errors: p.errors,
                top_error: p.top_error.as_ref().map(|(k, _)| k.clone()),
                hints: p.hints,
                abandons: p.abandons,
                median_ms: p.time.map(|q| q.median),
            };
            (order, f)
        })
        .filter(|(_, f)| f.score > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
    ranked.into_iter().map(|(_, f)| f).collect()
}
