//! The trainer's space: the group code, this device's sessions or exported
//! ones, the exports, and the report with its charts — the same figures as
//! `dedale-cli report`, drawn as bars with their numbers beside them (a
//! chart never says something the text does not).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use dedale_core::Lang;
use dedale_core::metrics::report::labels::{decimal, duration, labels, percent, small_groups};
use dedale_core::metrics::sanitise_group;

use super::card::Card;
use super::charts::stacked;
use super::{Trainer, default_folder};
use crate::i18n::{Strings, TrainerStrings, competence, fill};
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
    // The collection's state shows here only: its answers wake the game while it does.
    #[cfg(target_family = "wasm")]
    app.add_systems(OnEnter(Screen::Trainer), |mut form: ResMut<CollectForm>| {
        form.0 = None;
        crate::collect::send::watch(true);
    })
    .add_systems(OnExit(Screen::Trainer), || {
        crate::collect::send::watch(false)
    })
    .init_resource::<CollectForm>();
}

/// The collector's fields as the trainer edits them, read from the store on arrival.
#[cfg(target_family = "wasm")]
#[derive(Resource, Default)]
struct CollectForm(Option<crate::collect::Collector>);

/// Shows this device's sessions unless files were opened.
fn arrive(
    mut trainer: ResMut<Trainer>,
    store: Res<Store>,
    mut catalog: ResMut<crate::catalog::Catalog>,
    settings: Res<Settings>,
) {
    // Come straight from the title, the scenarios may not all be read yet:
    // the report needs every one to name pages and fields.
    catalog.check_all(settings.lang);
    trainer.scenarios = catalog
        .entries
        .iter()
        .filter_map(|e| e.scenario.as_ref().ok().cloned())
        .collect();
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
    #[cfg(target_family = "wasm")] mut form: ResMut<CollectForm>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (s, p) = look(&settings);
    let t = s.trainer;
    let lang = settings.lang;
    let mut root = root_ui(ctx, "trainer");
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(p.faint).inner_margin(24))
        .show(&mut root, |ui| {
            widgets::scroll(ui, |ui| {
                widgets::column(ui, 1000.0, |ui| {
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
                        #[cfg(target_family = "wasm")]
                        {
                            ui.add_space(12.0);
                            widgets::card(ui, &p, |ui| {
                                ui.set_width(ui.available_width());
                                collect(ui, &p, t, &store, &mut form, lang);
                            });
                        }
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
    ui.label(fill(
        t.sessions_here,
        &[
            ("n", &here.to_string()),
            ("e", &exported_count(store).min(here).to_string()),
        ],
    ));
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

/// The live collection: the collector's address and key, a test, and what
/// the queue holds (sent, waiting, refused, the last error).
#[cfg(target_family = "wasm")]
fn collect(
    ui: &mut egui::Ui,
    p: &Palette,
    t: &TrainerStrings,
    store: &Store,
    form: &mut CollectForm,
    lang: Lang,
) {
    use crate::collect::outbox::Failure;
    use crate::collect::send::{self, Probe};
    use crate::collect::{Collector, MAX_KEY_CHARS, clean_key, queue};
    use dedale_core::model::Tone;

    widgets::heading(ui, t.collect_title);
    widgets::muted(ui, p, t.collect_help);
    let saved = Collector::read(store);
    let form = form
        .0
        .get_or_insert_with(|| saved.clone().unwrap_or_default());
    egui::Grid::new("collector").num_columns(2).show(ui, |ui| {
        let label = ui.label(t.collect_url);
        ui.add(
            egui::TextEdit::singleline(&mut form.url)
                .desired_width(480.0)
                .hint_text("http://192.168.1.20:8080/xapi/statements"),
        )
        .labelled_by(label.id);
        ui.end_row();
        let label = ui.label(t.collect_key);
        ui.add(
            egui::TextEdit::singleline(&mut form.key)
                .desired_width(240.0)
                .char_limit(MAX_KEY_CHARS)
                .password(true),
        )
        .labelled_by(label.id);
        ui.end_row();
    });
    form.key = clean_key(&form.key);
    ui.horizontal_wrapped(|ui| {
        if widgets::secondary(ui, t.collect_save).clicked() {
            form.save(store);
            send::pump();
        }
        if saved.is_some() {
            if widgets::secondary(ui, t.collect_test).clicked() {
                send::probe();
            }
            if widgets::secondary(ui, t.collect_stop).clicked() {
                *form = Collector::default();
                form.save(store);
            }
        }
    });
    if saved.is_none() {
        widgets::muted(ui, p, t.collect_off);
        return;
    }
    let outbox = queue(store);
    ui.label(fill(
        t.collect_status,
        &[
            ("sent", &outbox.sent.to_string()),
            ("waiting", &outbox.waiting.len().to_string()),
            ("refused", &outbox.refused.to_string()),
        ],
    ));
    if send::sending() {
        widgets::muted(ui, p, t.collect_sending);
    }
    let failure = |f: &Failure| match f {
        Failure::Unreachable => t.collect_unreachable.to_string(),
        Failure::WrongKey => t.collect_wrong_key.to_string(),
        Failure::Status(status) => fill(t.collect_status_error, &[("status", &status.to_string())]),
        Failure::Refused(status, why) => fill(
            t.collect_refused,
            &[("status", &status.to_string()), ("why", why)],
        ),
    };
    let fr = lang != Lang::En;
    match send::probe_state() {
        Some(Probe::Running) => widgets::muted(ui, p, t.collect_testing),
        Some(Probe::Reached) => widgets::notice(ui, p, Tone::Success, fr, t.collect_reached),
        Some(Probe::Failed(f)) => widgets::notice(ui, p, Tone::Error, fr, &failure(&f)),
        None => {}
    }
    if let Some(f) = &outbox.last_error {
        widgets::notice(ui, p, Tone::Warning, fr, &failure(f));
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
    let named = trainer.named(lang);
    let r = &named;
    if r.sessions == 0 {
        widgets::muted(ui, p, t.empty);
        return;
    }
    for sc in &r.scenarios {
        widgets::card(ui, p, |ui| {
            ui.set_width(ui.available_width());
            Card {
                p,
                s,
                l: labels(lang),
                lang,
            }
            .ui(ui, sc);
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
                ui.label(fill(
                    t.group_row,
                    &[
                        ("median", l.median_length),
                        ("hints", l.hints_per_session),
                        ("g", &g.group),
                        ("n", &count(t.count_sessions, g.sessions)),
                        ("s", &percent(g.succeeded, g.sessions, lang)),
                        ("a", &percent(g.abandoned, g.sessions, lang)),
                        ("d", &duration(g.median_ms, lang)),
                        ("h", &decimal(g.hints_per_session, lang)),
                    ],
                ));
            }
            if !r.small_groups.is_empty() {
                widgets::muted(ui, p, &small_groups(&r.small_groups, lang));
            }
        });
    }
}
