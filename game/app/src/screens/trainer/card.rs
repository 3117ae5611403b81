//! One scenario's card in the trainer's report: outcomes, where people get
//! stuck, time per page, errors per field, hints, abandons, incidents and, in
//! mode Formation, the scores and postures; the same figures as the text report.

use bevy_egui::egui;
use dedale_core::Lang;
use dedale_core::debrief::count;
use dedale_core::metrics::report::labels::{Labels, decimal, incident, percent, posture};
use dedale_core::metrics::report::{Quartiles, ScenarioReport};

use super::charts::{LABEL, bar, boxed, stacked};
use crate::i18n::{Strings, fill};
use crate::theme::palette::Palette;
use crate::theme::widgets;

/// One scenario's card of the report: what its parts draw with.
#[derive(Clone, Copy)]
pub(super) struct Card<'a> {
    pub p: &'a Palette,
    pub s: &'a Strings,
    pub l: &'a Labels,
    pub lang: Lang,
}

impl Card<'_> {
    /// The scenario's heading, then each part of its report that has figures.
    pub fn ui(&self, ui: &mut egui::Ui, sc: &ScenarioReport) {
        let Card { p, s, l, lang } = *self;
        widgets::heading(ui, &l.scenario_version(&sc.scenario, &sc.version));
        if sc.content_hashes > 1 {
            widgets::notice(
                ui,
                p,
                dedale_core::model::Tone::Warning,
                lang != Lang::En,
                &fill(s.trainer.versions, &[("n", &sc.content_hashes.to_string())]),
            );
        }
        self.outcomes(ui, sc);
        self.friction(ui, sc);
        self.times(ui, sc);
        self.fields(ui, sc);
        self.hints(ui, sc);
        self.abandons(ui, sc);
        self.incidents(ui, sc);
        self.formation(ui, sc);
    }

    /// How the sessions ended, in words and as shares of a whole.
    fn outcomes(&self, ui: &mut egui::Ui, sc: &ScenarioReport) {
        let Card { p, s, l, .. } = *self;
        let t = s.trainer;
        ui.label(fill(
            t.outcomes,
            &[
                ("n", &count(t.count_sessions, sc.sessions)),
                ("s", &count(t.count_succeeded, sc.succeeded)),
                ("f", &count(t.count_failed, sc.failed)),
                ("a", &count(t.count_abandoned, sc.abandoned)),
            ],
        ));
        let others = sc
            .sessions
            .saturating_sub(sc.succeeded + sc.failed + sc.abandoned);
        stacked(
            ui,
            p,
            t,
            "",
            &[
                (sc.succeeded, p.success, l.succeeded),
                (sc.failed, p.error, l.failed),
                (sc.abandoned, p.warning, l.abandoned),
                (others, p.muted, l.unfinished),
            ],
        );
    }

    /// Where people get stuck, pages ranked, each with its reasons.
    fn friction(&self, ui: &mut egui::Ui, sc: &ScenarioReport) {
        let Card { p, s, lang, .. } = *self;
        let t = s.trainer;
        if !sc.friction.is_empty() {
            widgets::heading(ui, t.friction);
            widgets::muted(ui, p, t.friction_help);
            for f in &sc.friction {
                bar(
                    ui,
                    p,
                    &f.page,
                    (f.score / 100.0) as f32,
                    &format!("{:.0}", f.score),
                    p.error,
                );
                ui.horizontal(|ui| {
                    ui.add_space(LABEL + ui.spacing().item_spacing.x);
                    widgets::muted(ui, p, &f.reasons(lang));
                });
            }
        }
    }

    /// Time per page, as box plots.
    fn times(&self, ui: &mut egui::Ui, sc: &ScenarioReport) {
        let Card { p, s, l, lang, .. } = *self;
        let t = s.trainer;
        let timed: Vec<(&str, Quartiles)> = sc
            .pages
            .iter()
            .filter_map(|pg| Some((pg.page.as_str(), pg.time?)))
            .collect();
        if let Some(longest) = timed.iter().map(|(_, q)| q.q3.max(1)).max() {
            widgets::heading(ui, &format!("{} {}", l.time_per_page, t.time_per_page_how));
            for (page, q) in &timed {
                boxed(ui, p, page, q, longest, lang);
            }
        }
    }

    /// Errors per field, with the most frequent kind.
    fn fields(&self, ui: &mut egui::Ui, sc: &ScenarioReport) {
        let Card { p, s, l, lang, .. } = *self;
        let t = s.trainer;
        if !sc.fields.is_empty() {
            widgets::heading(
                ui,
                &format!("{} {}", l.errors_per_field, t.field_errors_how),
            );
            let worst = sc.fields.iter().map(|f| f.rate()).fold(0.0_f64, f64::max);
            for f in &sc.fields {
                let why = f
                    .top_error
                    .as_ref()
                    .map(|(e, _)| format!(" ({e})"))
                    .unwrap_or_default();
                bar(
                    ui,
                    p,
                    &f.field,
                    (f.rate() / worst.max(f64::EPSILON)) as f32,
                    &format!("{}{why}", decimal(f.rate(), lang)),
                    p.error,
                );
            }
        }
    }

    /// Hints asked per page.
    fn hints(&self, ui: &mut egui::Ui, sc: &ScenarioReport) {
        let Card { p, s, .. } = *self;
        let t = s.trainer;
        let hinted: Vec<_> = sc.pages.iter().filter(|pg| pg.hints > 0).collect();
        if !hinted.is_empty() {
            widgets::heading(ui, t.hints);
            let most = hinted.iter().map(|pg| pg.hints).max().unwrap_or(1).max(1);
            for pg in hinted {
                bar(
                    ui,
                    p,
                    &pg.page,
                    pg.hints as f32 / most as f32,
                    &pg.hints.to_string(),
                    p.warning,
                );
            }
        }
    }

    /// Where people gave up.
    fn abandons(&self, ui: &mut egui::Ui, sc: &ScenarioReport) {
        let Card { p, s, lang, .. } = *self;
        let t = s.trainer;
        let left: Vec<_> = sc.pages.iter().filter(|pg| pg.abandons > 0).collect();
        if !left.is_empty() {
            widgets::heading(ui, t.abandons);
            for pg in left {
                bar(
                    ui,
                    p,
                    &pg.page,
                    pg.abandons as f32 / sc.sessions.max(1) as f32,
                    &percent(pg.abandons, sc.sessions, lang),
                    p.warning,
                );
            }
        }
    }

    /// The incidents met.
    fn incidents(&self, ui: &mut egui::Ui, sc: &ScenarioReport) {
        let Card { l, lang, .. } = *self;
        if !sc.incidents.is_empty() {
            widgets::heading(ui, l.incidents);
            for i in &sc.incidents {
                ui.label(format!(
                    "• {} ({}) × {}",
                    i.incident,
                    incident(i.kind, lang),
                    i.count
                ));
            }
        }
    }

    /// Mode Formation: the average scores and the postures chosen.
    fn formation(&self, ui: &mut egui::Ui, sc: &ScenarioReport) {
        let Card { p, s, l, lang, .. } = *self;
        let t = s.trainer;
        let w = dedale_core::debrief::words(lang);
        if let Some(fm) = &sc.formation {
            widgets::heading(ui, t.formation);
            bar(
                ui,
                p,
                w.rights,
                (fm.droits / 100.0) as f32,
                &decimal(fm.droits, lang),
                p.primary,
            );
            bar(
                ui,
                p,
                w.autonomy,
                (fm.autonomie / 100.0) as f32,
                &decimal(fm.autonomie, lang),
                p.primary,
            );
            ui.label(egui::RichText::new(l.postures_chosen).strong());
            let total: usize = fm.postures.iter().map(|(_, n)| n).sum();
            for (kind, n) in &fm.postures {
                bar(
                    ui,
                    p,
                    posture(*kind, lang),
                    *n as f32 / total.max(1) as f32,
                    &n.to_string(),
                    p.primary,
                );
            }
        }
    }
}
