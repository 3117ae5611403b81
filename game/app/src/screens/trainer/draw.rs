//! The trainer's space: the group code, this device's sessions or exported
//! ones, the exports, and the report with its charts — the same figures as
//! `dedale-cli report`, drawn as bars with their numbers beside them (a
//! chart never says something the text does not).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use dedale_core::Lang;
use dedale_core::metrics::report::labels::{
    decimal, duration, incident, labels, percent, posture, small_groups,
};
use dedale_core::metrics::report::{Quartiles, ScenarioReport};
use dedale_core::metrics::sanitise_group;

use super::{Trainer, default_folder};
use crate::i18n::{Strings, TrainerStrings, competence};
use crate::metrics::{exported_count, local_sessions};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::store::Store;
use crate::theme::palette::Palette;
use crate::theme::{BODY, root_ui, widgets};
use crate::ui::{UiSet, look};
use dedale_core::debrief::count;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Trainer), arrive)
        .add_systems(
            EguiPrimaryContextPass,
            draw.in_set(UiSet).run_if(in_state(Screen::Trainer)),
        );
}

/// Shows this device's sessions unless files were opened.
fn arrive(mut trainer: ResMut<Trainer>, store: Res<Store>) {
    if trainer.files.is_none() {
        trainer.show_local(&store);
    }
    if trainer.folder.is_empty() {
        trainer.folder = default_folder(&store);
    }
}

fn draw(
    mut contexts: EguiContexts,
    mut fresh: ResMut<crate::ui::FreshScreen>,
    mut settings: ResMut<Settings>,
    mut trainer: ResMut<Trainer>,
    store: Res<Store>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (s, p) = look(&settings);
    let t = s.trainer;
    let lang = settings.lang;
    let mut root = root_ui(ctx, "trainer");
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(p.faint).inner_margin(24))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.set_max_width(1000.0);
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        let back = widgets::secondary(ui, s.back);
                        if back.clicked() {
                            next.set(Screen::Title);
                        }
                        crate::ui::focus_on_arrival(&mut fresh, &back);
                        widgets::title(ui, t.title);
                        widgets::muted(ui, &p, t.intro);
                        ui.add_space(8.0);
                        widgets::card(ui, &p, |ui| {
                            ui.set_width(ui.available_width());
                            group(ui, &p, t, &mut settings);
                            ui.separator();
                            sources(ui, &p, t, &mut trainer, &store, lang);
                        });
                        ui.add_space(12.0);
                        report(ui, &p, s, &trainer, lang);
                    });
                });
            });
        });
    Ok(())
}

fn group(ui: &mut egui::Ui, p: &Palette, t: &TrainerStrings, settings: &mut Settings) {
    ui.add_space(4.0);
    let label = ui.label(egui::RichText::new(t.group).size(BODY * 1.25).strong());
    let mut typed = settings.group.clone();
    ui.add(
        egui::TextEdit::singleline(&mut typed)
            .desired_width(320.0)
            .char_limit(dedale_core::metrics::MAX_GROUP_CHARS)
            .hint_text("BTS-ASS-2026-B"),
    )
    .labelled_by(label.id);
    let kept = sanitise_group(&typed).unwrap_or_default();
    if kept != settings.group {
        settings.group = kept;
    }
    widgets::muted(ui, p, t.group_help);
}

fn sources(
    ui: &mut egui::Ui,
    p: &Palette,
    t: &TrainerStrings,
    trainer: &mut Trainer,
    store: &Store,
    lang: Lang,
) {
    let here = local_sessions(store).len();
    ui.label(
        t.sessions_here
            .replace("{n}", &here.to_string())
            .replace("{e}", &exported_count(store).min(here).to_string()),
    );
    ui.horizontal_wrapped(|ui| {
        if widgets::secondary(ui, t.show_device).clicked() {
            trainer.show_local(store);
            trainer.notice = None;
        }
        #[cfg(target_family = "wasm")]
        if widgets::secondary(ui, t.open_files).clicked() {
            crate::browser::open_file_picker();
        }
    });
    #[cfg(not(target_family = "wasm"))]
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.folder);
        ui.add(egui::TextEdit::singleline(&mut trainer.folder).desired_width(480.0))
            .labelled_by(label.id);
        if widgets::secondary(ui, t.open_folder).clicked() {
            let folder = std::path::PathBuf::from(trainer.folder.trim());
            trainer.open_folder(&folder, lang);
        }
    });
    widgets::heading(ui, t.export_title);
    widgets::muted(ui, p, t.export_help);
    if widgets::primary(ui, p, t.export).clicked() {
        export(trainer, store, t, lang);
    }
    if let Some((tone, text)) = &trainer.notice {
        widgets::notice(ui, p, *tone, lang != Lang::En, text);
    }
}

#[cfg(target_family = "wasm")]
fn export(trainer: &mut Trainer, store: &Store, t: &TrainerStrings, lang: Lang) {
    let files = trainer.exports(lang);
    for f in &files {
        crate::browser::download(&f.name, f.mime, &f.text);
    }
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    trainer.exported(store, format!("{} {}", t.downloaded, names.join(", ")));
}

#[cfg(not(target_family = "wasm"))]
fn export(trainer: &mut Trainer, store: &Store, _: &TrainerStrings, lang: Lang) {
    let folder = std::path::PathBuf::from(trainer.folder.trim());
    trainer.write_exports(store, &folder, lang);
}

fn report(ui: &mut egui::Ui, p: &Palette, s: &Strings, trainer: &Trainer, lang: Lang) {
    let t = s.trainer;
    let from = match &trainer.files {
        None => t.device.to_string(),
        Some(files) => files.join(", "),
    };
    widgets::heading(ui, &format!("{} {from}", t.read_from));
    if !trainer.problems.is_empty() {
        widgets::card(ui, p, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(t.unread).strong());
            for problem in trainer.problems.iter().take(20) {
                ui.label(format!("• {problem}"));
            }
        });
        ui.add_space(8.0);
    }
    let l = labels(lang);
    let r = &trainer.report;
    if r.sessions == 0 {
        widgets::muted(ui, p, t.empty);
        return;
    }
    for sc in &r.scenarios {
        widgets::card(ui, p, |ui| {
            ui.set_width(ui.available_width());
            scenario(ui, p, s, sc, lang);
        });
        ui.add_space(12.0);
    }
    if !r.competences.is_empty() {
        widgets::card(ui, p, |ui| {
            ui.set_width(ui.available_width());
            widgets::heading(ui, t.competences);
            for c in &r.competences {
                stacked(
                    ui,
                    p,
                    t,
                    &competence(&c.code, lang),
                    &[
                        (c.without_help, p.success, l.without_help),
                        (c.with_hints, p.warning, l.with_hints),
                        (c.not_met, p.muted, l.not_met),
                    ],
                );
            }
        });
        ui.add_space(12.0);
    }
    if !r.groups.is_empty() || !r.small_groups.is_empty() {
        widgets::card(ui, p, |ui| {
            ui.set_width(ui.available_width());
            widgets::heading(ui, l.groups);
            for g in &r.groups {
                ui.label(
                    t.group_row
                        .replace("{median}", l.median_length)
                        .replace("{hints}", l.hints_per_session)
                        .replace("{g}", &g.group)
                        .replace("{n}", &count(t.count_sessions, g.sessions))
                        .replace("{s}", &percent(g.succeeded, g.sessions, lang))
                        .replace("{a}", &percent(g.abandoned, g.sessions, lang))
                        .replace("{d}", &duration(g.median_ms, lang))
                        .replace("{h}", &decimal(g.hints_per_session, lang)),
                );
            }
            if !r.small_groups.is_empty() {
                widgets::muted(ui, p, &small_groups(&r.small_groups, lang));
            }
        });
    }
}

fn scenario(ui: &mut egui::Ui, p: &Palette, s: &Strings, sc: &ScenarioReport, lang: Lang) {
    let w = dedale_core::debrief::words(lang);
    let (t, rights, autonomy) = (s.trainer, w.rights, w.autonomy);
    let l = labels(lang);
    widgets::heading(ui, &l.scenario_version(&sc.scenario, &sc.version));
    if sc.content_hashes > 1 {
        widgets::notice(
            ui,
            p,
            dedale_core::model::Tone::Warning,
            lang != Lang::En,
            &t.versions.replace("{n}", &sc.content_hashes.to_string()),
        );
    }
    ui.label(
        t.outcomes
            .replace("{n}", &count(t.count_sessions, sc.sessions))
            .replace("{s}", &count(t.count_succeeded, sc.succeeded))
            .replace("{f}", &count(t.count_failed, sc.failed))
            .replace("{a}", &count(t.count_abandoned, sc.abandoned)),
    );
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
    if let Some(fm) = &sc.formation {
        widgets::heading(ui, t.formation);
        bar(
            ui,
            p,
            rights,
            (fm.droits / 100.0) as f32,
            &decimal(fm.droits, lang),
            p.primary,
        );
        bar(
            ui,
            p,
            autonomy,
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

/// Width of the label column of the charts.
const LABEL: f32 = 220.0;
/// Height of a chart's row.
const ROW: f32 = BODY * 1.4;

/// The label column of a chart row, left-aligned and cut with "…" when too long.
fn label_cell(ui: &mut egui::Ui, label: &str) {
    ui.allocate_ui_with_layout(
        egui::vec2(LABEL, ROW),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(LABEL);
            ui.add(egui::Label::new(label).truncate());
        },
    );
}

/// A chart row: the label on the left, the figure at the right edge, and the
/// drawing in the room left between them, so a long figure shortens the drawing
/// rather than pushing the card wider.
fn chart_row(
    ui: &mut egui::Ui,
    label: &str,
    figure: &str,
    draw: impl FnOnce(&egui::Ui, egui::Rect),
) {
    ui.horizontal(|ui| {
        label_cell(ui, label);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(egui::RichText::new(figure).strong());
            let width = (ui.available_width() - 8.0).max(40.0);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(width, ROW), egui::Sense::hover());
            draw(ui, rect);
        });
    });
}

/// One bar, its label on the left and its figure on the right.
fn bar(
    ui: &mut egui::Ui,
    p: &Palette,
    label: &str,
    share: f32,
    figure: &str,
    colour: egui::Color32,
) {
    chart_row(ui, label, figure, |ui, rect| {
        let painter = ui.painter();
        painter.rect_filled(rect, 3.0, p.faint);
        let filled = egui::Rect::from_min_size(
            rect.min,
            egui::vec2(rect.width() * share.clamp(0.0, 1.0), rect.height()),
        );
        painter.rect_filled(filled, 3.0, colour);
    });
}

/// Shares of a whole, side by side, with a legend that gives the numbers.
fn stacked(
    ui: &mut egui::Ui,
    p: &Palette,
    t: &TrainerStrings,
    label: &str,
    parts: &[(usize, egui::Color32, &str)],
) {
    let total: usize = parts.iter().map(|(n, _, _)| n).sum();
    if total == 0 {
        return;
    }
    ui.horizontal(|ui| {
        if !label.is_empty() {
            label_cell(ui, label);
        }
        let width = (ui.available_width() - 8.0).max(80.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, ROW), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 3.0, p.faint);
        let mut x = rect.min.x;
        for (n, colour, _) in parts {
            let w = rect.width() * *n as f32 / total as f32;
            painter.rect_filled(
                egui::Rect::from_min_size(egui::pos2(x, rect.min.y), egui::vec2(w, rect.height())),
                0.0,
                *colour,
            );
            x += w;
        }
    });
    ui.horizontal_wrapped(|ui| {
        for (n, colour, word) in parts.iter().filter(|(n, _, _)| *n > 0) {
            ui.label(egui::RichText::new("■").color(*colour));
            ui.label(t.legend.replace("{w}", word).replace("{n}", &n.to_string()));
        }
    });
}

/// Quartiles as a box: a line from the shortest to Q3 (longer times run off the scale), the box from Q1 to Q3, the median as a bar.
fn boxed(ui: &mut egui::Ui, p: &Palette, label: &str, q: &Quartiles, longest: u64, lang: Lang) {
    let figure = format!(
        "{} ({}–{})",
        duration(q.median, lang),
        duration(q.q1, lang),
        duration(q.q3, lang)
    );
    chart_row(ui, label, &figure, |ui, rect| {
        whisker(ui, p, rect, q, longest)
    });
}

/// A box plot of times: whiskers from min to max, a box between the quartiles, a line at the median.
fn whisker(ui: &egui::Ui, p: &Palette, rect: egui::Rect, q: &Quartiles, longest: u64) {
    let x = |ms: u64| rect.min.x + rect.width() * (ms.min(longest) as f32 / longest as f32);
    let painter = ui.painter();
    let mid = rect.center().y;
    painter.line_segment(
        [egui::pos2(x(q.min), mid), egui::pos2(x(q.max), mid)],
        egui::Stroke::new(2.0, p.muted),
    );
    painter.rect_filled(
        egui::Rect::from_min_max(
            egui::pos2(x(q.q1), rect.min.y + 3.0),
            egui::pos2(x(q.q3).max(x(q.q1) + 2.0), rect.max.y - 3.0),
        ),
        2.0,
        p.primary,
    );
    painter.line_segment(
        [
            egui::pos2(x(q.median), rect.min.y),
            egui::pos2(x(q.median), rect.max.y),
        ],
        egui::Stroke::new(3.0, p.text),
    );
}
