//! Headless tests: no window, no GPU. `MinimalPlugins` and the game's own logic
//! plugins, driven by the same messages the interface sends, play every
//! shipped script to its ending through the screens, and check the debrief.

mod common;

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use common::{app, app_with, loaded, root, screen, start_playing, state};
use dedale::LogicPlugin;
use dedale::catalog::Catalog;
use dedale::game::{Act, ChosenSwitches, Game, StartScenario};
use dedale::metrics::local_sessions;
use dedale::screen::Screen;
use dedale::screens::trainer::Trainer;
use dedale::settings::Settings;
use dedale::store::{Item, Store};
use dedale_core::Lang;
use dedale_core::debrief::debrief;
use dedale_core::engine::Refusal;
use dedale_core::metrics::csv_export::{self, Delimiter};
use dedale_core::metrics::{Record, jsonl, xapi};
use dedale_core::model::Mode;
use dedale_core::script::{self, Step};

#[test]
fn the_title_opens_at_once_and_the_scenarios_are_read_behind_it() {
    let mut app = app();
    assert_eq!(screen(&app), Screen::Loading);
    app.update();
    app.update();
    assert_eq!(
        screen(&app),
        Screen::Title,
        "no scenario read before the title"
    );
    let read = app.world().resource::<Catalog>().entries.len();
    assert!(read < 3, "{read} scenarios read before the title");
    loaded(&mut app);
    assert_eq!(screen(&app), Screen::Title);
    let catalog = app.world().resource::<Catalog>();
    assert_eq!(catalog.entries.len(), dedale::catalog::SHIPPED.len());
    assert!(catalog.entries.iter().all(|e| e.scenario.is_ok()));
}

/// A game that leaves the title for `to` as soon as the title is there,
/// before the scenarios behind it are all read.
fn straight_from_the_title(to: Screen) -> App {
    let mut app = app();
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Title);
    app.world_mut().resource_mut::<NextState<Screen>>().set(to);
    app.update();
    assert_eq!(screen(&app), to);
    app
}

#[test]
fn leaving_the_title_early_reads_every_scenario_left_at_once() {
    let mut app = straight_from_the_title(Screen::Choice);
    app.update();
    let catalog = app.world().resource::<Catalog>();
    assert_eq!(catalog.entries.len(), dedale::catalog::SHIPPED.len());
}

#[test]
fn the_trainer_space_opened_from_the_title_at_once_knows_every_scenario() {
    let app = straight_from_the_title(Screen::Trainer);
    let names = app.world().resource::<Trainer>().scenarios.len();
    assert_eq!(
        names,
        dedale::catalog::SHIPPED.len(),
        "the report names every scenario's pages"
    );
}

#[test]
fn the_game_offers_every_scenario_of_the_library() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("scenarios/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".ron"))
        .collect();
    files.sort();
    let mut shipped: Vec<String> = dedale::catalog::SHIPPED
        .iter()
        .map(|(f, _)| f.to_string())
        .collect();
    shipped.sort();
    assert_eq!(
        files, shipped,
        "add the new scenario to SHIPPED (game/app/src/catalog.rs)"
    );
}

#[test]
fn a_broken_file_given_directly_opens_the_choice_screen_with_its_errors() {
    let good =
        std::fs::read_to_string(root().join("game/core/tests/fixtures/mini.ron")).expect("fixture");
    let bad = good.replace("goto: \"banque\"", "goto: \"banqe\"");
    let mut app = App::new();
    let mut catalog = Catalog::with_files(vec![("faute.ron".into(), bad)]);
    catalog.open_directly = Some(catalog.total - 1);
    app.insert_resource(catalog)
        .add_plugins((MinimalPlugins, StatesPlugin, LogicPlugin));
    loaded(&mut app);
    assert_eq!(screen(&app), Screen::Choice);
    let entry = app
        .world()
        .resource::<Catalog>()
        .entries
        .last()
        .cloned()
        .expect("entry");
    let errors = entry.scenario.expect_err("refused");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("faute.ron:58:59: page ou fin `banqe` inconnue")),
        "{errors:?}"
    );
}

#[test]
fn every_shipped_script_plays_through_the_screens_to_its_debrief() {
    let mut played = 0;
    let mut records = Vec::new();
    for (i, (file, _)) in dedale::catalog::SHIPPED.iter().enumerate() {
        let dir = root()
            .join("scenarios")
            .join(file.replace(".ron", ".scripts"));
        let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("scripts")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        scripts.sort();
        for path in scripts {
            let text = std::fs::read_to_string(&path).expect("script");
            let parsed = script::parse(&text).expect("parses");
            records.push(play(i, &parsed, &path));
            played += 1;
        }
    }
    assert!(played >= 10);
    sessions_export_and_report(&records);
}

/// The sessions of the runs export in the three formats, and the trainer's space reads them back.
fn sessions_export_and_report(records: &[Record]) {
    let lines = jsonl::write(records);
    let (read, problems) = jsonl::read(&lines);
    assert!(problems.is_empty());
    assert_eq!(read, records);
    let events: usize = records.iter().map(|r| r.events.len()).sum();
    let csv = csv_export::write(records, Delimiter::Semicolon);
    assert_eq!(
        csv.lines().count(),
        events + 1,
        "one row per event, and the header"
    );
    let statements: serde_json::Value = serde_json::from_str(&xapi::write(records)).expect("JSON");
    assert!(
        statements
            .as_array()
            .is_some_and(|a| a.len() >= records.len())
    );

    let mut trainer = Trainer::default();
    trainer.open_file("seances.jsonl", &lines, Lang::Fr);
    assert_eq!(trainer.report.sessions, records.len());
    assert_eq!(
        trainer.report.scenarios.len(),
        dedale::catalog::SHIPPED.len()
    );
    assert!(
        trainer
            .report
            .scenarios
            .iter()
            .all(|s| !s.friction.is_empty())
    );
    let report_text = trainer.report.text(Lang::Fr);
    assert!(report_text.contains("friction"), "{report_text}");
    let names: Vec<String> = trainer
        .exports(Lang::Fr)
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert!(
        names.iter().any(|n| n.ends_with(".jsonl")) && names.iter().any(|n| n.ends_with(".csv"))
    );
}

/// Plays a script through the screens; returns the session recorded.
fn play(entry: usize, parsed: &script::Script, path: &Path) -> Record {
    let store = Store::default();
    let mut app = app_with(store.clone());
    loaded(&mut app);
    app.world_mut().resource_mut::<Settings>().mode = parsed.mode.unwrap_or(Mode::Atelier);
    // The script's `réglage` lines, as the trainer would set them on the card.
    let id = app.world().resource::<Catalog>().entries[entry]
        .scenario
        .as_ref()
        .map(|s| s.meta.id.clone())
        .expect("the shipped scenario loads");
    let switches = parsed
        .switches
        .iter()
        .map(|(_, w, o)| (w.clone(), o.clone()))
        .collect();
    app.world_mut()
        .resource_mut::<ChosenSwitches>()
        .0
        .insert(id, switches);
    app.world_mut().write_message(StartScenario {
        entry,
        seed: parsed.seed.unwrap_or(1),
    });
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Briefing, "{}", path.display());
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Playing);
    app.update();
    assert_eq!(screen(&app), Screen::Playing, "{}", path.display());
    let mut expected_ending = None;
    for (line, step) in &parsed.steps {
        match step {
            Step::Act(action) => {
                let state = state(&app).clone();
                app.world_mut()
                    .write_message(Act(script::resolve(action.clone(), &state)));
                app.update();
            }
            Step::ExpectPage(page) => {
                let state = state(&app);
                assert_eq!(&state.page, page, "{}:{line}", path.display());
                assert_eq!(screen(&app), Screen::Playing, "{}:{line}", path.display());
            }
            Step::ExpectError(field, code) => {
                let state = state(&app);
                assert!(
                    state
                        .errors
                        .iter()
                        .any(|e| &e.field == field && e.kind.code() == code),
                    "{}:{line}",
                    path.display()
                );
            }
            Step::ExpectEnding(ending) => expected_ending = Some(ending.clone()),
            Step::ExpectBlocked(button) => {
                let play = app.world().resource::<Game>().play.clone().expect("a run");
                let session = play.session().expect("the run resumes");
                let refusal = session.cannot_press(button);
                assert!(
                    !matches!(
                        refusal,
                        None | Some(Refusal::Ended | Refusal::NoSuchButton(_))
                    ),
                    "{}:{line}: `{button}` should be blocked, not {refusal:?}",
                    path.display()
                );
            }
        }
    }
    app.update();
    assert_eq!(screen(&app), Screen::Debrief, "{}", path.display());
    let play = app.world().resource::<Game>().play.clone().expect("played");
    let d = debrief(&play.scenario, &play.state, Lang::Fr).expect("a debrief");
    assert_eq!(
        Some(d.ending.clone()),
        expected_ending,
        "{}",
        path.display()
    );
    let ending = play.scenario.ending(&d.ending).expect("ending");
    assert_eq!(d.title, ending.title.fr);
    // The ending's own texts come first; paragraphs whose condition holds
    // (format 2: an incident, a download) follow them.
    assert!(
        d.what_happened
            .starts_with(&ending.debrief.what_happened.fr)
    );
    assert!(d.help.starts_with(&ending.debrief.help.fr));
    let own: Vec<&str> = ending
        .debrief
        .remember
        .iter()
        .map(|t| t.fr.as_str())
        .collect();
    assert_eq!(
        &d.remember[..own.len()],
        own.as_slice(),
        "{}",
        path.display()
    );
    assert!(
        !d.timeline.is_empty()
            && d.timeline
                .first()
                .is_some_and(|m| m.text.starts_with("Page"))
    );
    assert_eq!(
        d.scores.is_some(),
        play.state.mode == Mode::Formation,
        "scores only in Formation"
    );
    same_debrief_in_the_terminal(&app, &play, path);
    // A success gives its receipt number when the ending has one (a login,
    // say, gives none).
    let ending = play
        .state
        .ending
        .as_ref()
        .and_then(|e| play.scenario.endings.iter().find(|x| x.id == e.ending));
    assert_eq!(
        d.receipt.is_some(),
        ending.is_some_and(|e| e.receipt.is_some()),
        "{}: the receipt of the ending",
        path.display()
    );
    let mut sessions = local_sessions(&store);
    assert_eq!(sessions.len(), 1, "{}: one session kept", path.display());
    assert!(store.read(Item::Session).is_none(), "no run left open");
    let record = sessions.remove(0);
    assert_eq!(
        record.outcome.as_ref().map(|o| o.ending.clone()),
        expected_ending
    );
    assert_eq!(record.events.len(), play.state.events.len());
    record
}

#[test]
fn the_clock_counts_real_seconds_when_frames_are_a_second_apart() {
    // An idle game draws frames far apart; Bevy's virtual time would count
    // only 250 ms of each, and the desk's clock would fall behind.
    let mut app = app();
    loaded(&mut app);
    start_playing(&mut app, 0, 1);
    let before = state(&app).clock_ms;
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_secs(1),
    ));
    for _ in 0..12 {
        app.update();
    }
    let counted = state(&app).clock_ms - before;
    assert!(
        (10_000..=12_000).contains(&counted),
        "12 frames a second apart counted {counted} ms"
    );
}

#[test]
fn a_computer_asleep_for_ten_minutes_adds_no_time_and_fires_no_timeout() {
    let mut app = app();
    loaded(&mut app);
    start_playing(&mut app, 0, 1);
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_secs(1),
    ));
    app.update();
    let before = state(&app).clone();
    // The laptop's lid is closed (or the tab hidden) for ten minutes: the
    // next frame comes ten minutes after the last one.
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_secs(600),
    ));
    app.update();
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_secs(1),
    ));
    app.update();
    app.update();
    let after = state(&app);
    assert!(
        after.clock_ms - before.clock_ms <= 3_000,
        "ten minutes asleep counted {} ms",
        after.clock_ms - before.clock_ms
    );
    assert!(after.idle_ms - before.idle_ms <= 3_000);
    assert_eq!(after.page, before.page, "no timeout fired");
    assert!(
        !after
            .events
            .iter()
            .any(|e| matches!(e.kind, dedale_core::engine::EventKind::Timeout { .. }))
    );
}

#[test]
fn a_hidden_page_woken_each_minute_adds_no_time_and_fires_no_timeout() {
    // A hidden tab still wakes the game about once a minute (the browser
    // throttles its timers): gaps shorter than LONGEST_GAP, that the cap alone
    // would count. The browser glue marks the clock away while hidden.
    let mut app = app();
    loaded(&mut app);
    start_playing(&mut app, 0, 1);
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_secs(1),
    ));
    app.update();
    let before = state(&app).clone();
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_secs(60),
    ));
    for _ in 0..10 {
        app.world_mut().resource_mut::<dedale::game::Clock>().away = true;
        app.update();
    }
    // Shown again: the frame that spans the return is away too.
    app.world_mut().resource_mut::<dedale::game::Clock>().away = true;
    app.update();
    let after = state(&app);
    assert_eq!(
        after.clock_ms, before.clock_ms,
        "ten hidden minutes counted"
    );
    assert_eq!(after.idle_ms, before.idle_ms);
    assert_eq!(after.page, before.page, "no timeout fired");
}

#[test]
fn replaying_from_the_debrief_starts_a_fresh_briefing() {
    let mut app = app();
    loaded(&mut app);
    start_playing(&mut app, 1, 3);
    app.world_mut()
        .write_message(Act(dedale_core::engine::Action::Abandon));
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Debrief);
    app.world_mut()
        .write_message(StartScenario { entry: 1, seed: 4 });
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Briefing);
    let play = app
        .world()
        .resource::<Game>()
        .play
        .clone()
        .expect("new run");
    assert!(play.state.ending.is_none() && play.seed == 4);
}

#[test]
fn a_saved_run_resumes_where_the_player_was_after_a_reload() {
    let mut app = app();
    loaded(&mut app);
    start_playing(&mut app, 0, 5);
    app.world_mut()
        .write_message(Act(dedale_core::engine::Action::Press {
            button: "se_connecter".into(),
        }));
    app.update();
    let saved = {
        let world = app.world();
        let play = world.resource::<Game>().play.as_ref().expect("playing");
        play.save(world.resource::<Catalog>()).expect("saved")
    };
    // What storage keeps is JSON; a reload reads it back.
    let json = serde_json::to_string(&saved).expect("serialises");
    let saved: dedale::game::SavedPlay = serde_json::from_str(&json).expect("reads back");

    let mut reloaded = App::new();
    reloaded
        .insert_resource(dedale::game::Resume(saved))
        .add_plugins((MinimalPlugins, StatesPlugin, LogicPlugin));
    loaded(&mut reloaded);
    reloaded.update();
    assert_eq!(screen(&reloaded), Screen::Playing);
    let play = reloaded
        .world()
        .resource::<Game>()
        .play
        .clone()
        .expect("resumed");
    assert_eq!(play.state.page, "connexion");
}

/// HTML without its `<button>` elements.
fn without_buttons(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<button") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("</button>")
            .map_or("", |end| &rest[start + end + "</button>".len()..]);
    }
    out + rest
}

/// The terminal (`dedale-cli play`) and the game show the same debrief for
/// the same run: the same words in the same order, scores only where the
/// game shows them. Compared on letters and digits, since the two draw them
/// with different frames (HTML for the screen reader, rules and bullets in
/// the terminal).
fn same_debrief_in_the_terminal(app: &App, play: &dedale::game::Play, path: &Path) {
    for lang in [Lang::Fr, Lang::En] {
        let d = debrief(&play.scenario, &play.state, lang).expect("a debrief");
        let terminal = dedale_cli::render::debrief(&d, lang);
        let screen = dedale::mirror::html(
            Screen::Debrief,
            Some(play),
            app.world().resource::<Catalog>(),
            &Default::default(),
            &dedale::settings::Settings {
                lang,
                ..Default::default()
            },
        );
        // The screen's buttons (play again, another procedure) are not the debrief's words.
        let screen = without_buttons(&screen);
        let letters = |text: &str| -> String {
            let mut inside = false;
            text.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .chars()
                .filter(|&c| {
                    match c {
                        '<' => inside = true,
                        '>' if inside => {
                            inside = false;
                            return false;
                        }
                        _ => {}
                    }
                    !inside && c.is_alphanumeric()
                })
                .collect()
        };
        assert!(!letters(&terminal).is_empty());
        assert_eq!(
            letters(&terminal),
            letters(&screen),
            "{} ({lang:?}):\n{terminal}\n{screen}",
            path.display()
        );
    }
}
