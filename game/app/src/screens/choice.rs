//! Scenario choice: a card per scenario, with what a player or trainer needs to choose.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use dedale_core::Lang;
use dedale_core::model::{Audience, Difficulty, Scenario, Switches};

use crate::catalog::Catalog;
use crate::game::new_seed;
use crate::game::{ChosenSwitches, StartScenario};
use crate::i18n::Strings;
use crate::screen::Screen;
use crate::settings::Settings;
use crate::theme::palette::Palette;
use crate::theme::{root_ui, widgets};
use crate::ui::{UiSet, look};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet).run_if(in_state(Screen::Choice)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut fresh: ResMut<crate::ui::FreshScreen>,
    catalog: Res<Catalog>,
    settings: Res<Settings>,
    mut chosen: ResMut<ChosenSwitches>,
    mut next: ResMut<NextState<Screen>>,
    mut starts: MessageWriter<StartScenario>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (s, p) = look(&settings);
    let mut root = root_ui(ctx, "choice");
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(p.faint).inner_margin(24))
        .show(&mut root, |ui| {
            // Wrapped: at 200 % text the title goes under the button rather than off-screen.
            ui.horizontal_wrapped(|ui| {
                if widgets::secondary(ui, s.back).clicked() {
                    next.set(Screen::Title);
                }
                widgets::title(ui, s.choose_title);
                #[cfg(target_family = "wasm")]
                if widgets::secondary(ui, s.open_file).clicked() {
                    crate::browser::open_file_picker();
                }
            });
            ui.add_space(8.0);
            widgets::scroll(ui, |ui| {
                for (i, entry) in catalog.entries.iter().enumerate() {
                    match &entry.scenario {
                        Ok(scenario) => {
                            let mut set = chosen.of(scenario);
                            let play = card(ui, &p, s, &settings, scenario, &mut set, &mut fresh);
                            if set != chosen.of(scenario) {
                                chosen.0.insert(scenario.meta.id.clone(), set);
                            }
                            if play {
                                starts.write(StartScenario {
                                    entry: i,
                                    seed: new_seed(),
                                });
                            }
                        }
                        Err(problems) => broken(ui, &p, s, &entry.file, problems),
                    }
                    ui.add_space(12.0);
                }
            });
        });
    Ok(())
}

/// One scenario's card; true when the player chooses it.
fn card(
    ui: &mut egui::Ui,
    p: &Palette,
    s: &Strings,
    settings: &Settings,
    scenario: &Scenario,
    set: &mut Switches,
    fresh: &mut crate::ui::FreshScreen,
) -> bool {
    let m = &scenario.meta;
    let lang = settings.lang;
    widgets::card(ui, p, |ui| {
        ui.set_width(ui.available_width());
        widgets::heading(ui, m.title.get(lang));
        ui.label(egui::RichText::new(m.procedure.get(lang)).strong());
        ui.label(m.summary.get(lang));
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("⏱ {} {}", m.duration_minutes, s.minutes));
            ui.label("·");
            let difficulty = match m.difficulty {
                Difficulty::Easy => s.easy,
                Difficulty::Medium => s.medium,
                Difficulty::Hard => s.hard,
            };
            ui.label(format!("{} : {difficulty}", s.difficulty));
            ui.label("·");
            let audience = match m.audience {
                Audience::Learner => s.for_learners,
                Audience::Student => s.for_students,
                Audience::Both => s.for_both,
            };
            ui.label(audience);
        });
        let names: Vec<String> = m
            .competences
            .iter()
            .map(|c| crate::i18n::competence(c, lang))
            .collect();
        widgets::muted(ui, p, &format!("{} : {}", s.competences, names.join(" · ")));
        switches(ui, p, s, lang, scenario, set);
        if !m.audience.modes().contains(&settings.mode) {
            widgets::notice(
                ui,
                p,
                dedale_core::model::Tone::Info,
                lang != dedale_core::Lang::En,
                s.other_mode,
            );
        }
        let play = widgets::primary(ui, p, s.play);
        crate::ui::focus_on_arrival(fresh, &play);
        play.clicked()
    })
}

/// The trainer's switches of a scenario, each with a radio button per
/// option, keyboard-operable (`Tab`, `Espace`) and named for screen readers
/// with the switch and the option; true when one was changed. The card and
/// the briefing show the same controls.
pub(super) fn switches(
    ui: &mut egui::Ui,
    p: &Palette,
    s: &Strings,
    lang: Lang,
    scenario: &Scenario,
    set: &mut Switches,
) -> bool {
    if scenario.switches.is_empty() {
        return false;
    }
    let mut changed = false;
    ui.add_space(4.0);
    ui.label(egui::RichText::new(s.switches).strong());
    widgets::muted(ui, p, s.switches_help);
    for w in &scenario.switches {
        let current = set
            .get(&w.id)
            .cloned()
            .or_else(|| w.options.first().map(|o| o.id.clone()));
        let name = w.label.get(lang);
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{name} :"));
            for o in &w.options {
                let selected = current.as_deref() == Some(o.id.as_str());
                let label = o.label.get(lang);
                let r = ui.radio(selected, label);
                r.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::WidgetType::RadioButton,
                        true,
                        selected,
                        format!("{name} : {label}"),
                    )
                });
                if r.clicked() && !selected {
                    set.insert(w.id.clone(), o.id.clone());
                    changed = true;
                }
            }
        });
    }
    changed
}

/// A scenario file with errors: shown with its lines and columns, not hidden.
fn broken(ui: &mut egui::Ui, p: &Palette, s: &Strings, file: &str, problems: &[String]) {
    widgets::card(ui, p, |ui| {
        ui.set_width(ui.available_width());
        widgets::heading(ui, &format!("✖ {file}"));
        widgets::notice(
            ui,
            p,
            dedale_core::model::Tone::Error,
            true,
            s.invalid_scenario,
        );
        for line in problems.iter().take(20) {
            ui.label(egui::RichText::new(line).monospace());
        }
    });
}

#[cfg(test)]
mod tests {
    use bevy_egui::egui;
    use bevy_egui::egui::accesskit::Role;
    use dedale_core::Lang;
    use dedale_core::model::Switches;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};

    use crate::game::shipped_play_of;
    use crate::i18n::strings;
    use crate::theme::palette::Palette;

    /// The préfecture's switch, drawn as on the card; the settings it sets.
    fn harness() -> Harness<'static, (Switches, bool)> {
        let scenario = shipped_play_of(1, 1, Vec::new()).scenario;
        Harness::builder()
            .with_size(egui::vec2(800.0, 400.0))
            .build_ui_state(
                move |ui, (set, changed): &mut (Switches, bool)| {
                    let p = Palette::get(false);
                    *changed |=
                        super::switches(ui, &p, strings(Lang::Fr), Lang::Fr, &scenario, set);
                },
                (Switches::new(), false),
            )
    }

    #[test]
    fn a_switch_is_a_radio_button_per_option_named_with_its_switch() {
        let mut harness = harness();
        harness.run();
        let random = harness.get_by_role_and_label(
            Role::RadioButton,
            "« Aucun rendez-vous disponible » : Au hasard (6 recherches sur 10)",
        );
        assert_eq!(
            random.accesskit_node().toggled(),
            Some(egui::accesskit::Toggled::True),
            "the first option is the default"
        );
        harness
            .get_by_role_and_label(
                Role::RadioButton,
                "« Aucun rendez-vous disponible » : Jamais : un créneau est libre",
            )
            .click();
        harness.run();
        let (set, changed) = harness.state();
        assert!(*changed);
        assert_eq!(set.get("imprevus").map(String::as_str), Some("aucun"));
    }

    #[test]
    fn a_switch_is_set_from_the_keyboard() {
        let mut harness = harness();
        harness.run();
        harness
            .get_by_role_and_label(
                Role::RadioButton,
                "« Aucun rendez-vous disponible » : À coup sûr au premier essai",
            )
            .focus();
        harness.run();
        harness.key_press(egui::Key::Space);
        harness.run();
        assert_eq!(
            harness.state().0.get("imprevus").map(String::as_str),
            Some("toujours")
        );
    }
}
