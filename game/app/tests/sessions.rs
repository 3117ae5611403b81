//! Nothing lost: the anonymous record of a run is kept as it happens, so a
//! reload, a closed tab or a killed process loses no event, and a run left
//! unfinished is closed as "abandoned at page X" on the next start. A full
//! storage drops the oldest exported sessions first and never stops the player.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::{act, app_with, events, loaded, start_playing, temp_dir};
use dedale::metrics::{Recording, exported_count, local_sessions, mark_exported};
use dedale::screen::Screen;
use dedale::store::{Item, Store};
use dedale_core::engine::Action;
use dedale_core::metrics::{EventKind, Record, jsonl};
use dedale_core::model::EndingKind;

/// A few steps into the benefit claim: to the login page, a look at the
/// carte Vitale, a NIR with a wrong digit, a hint.
fn a_few_steps(app: &mut bevy::app::App) {
    let press = |button: &str| Action::Press {
        button: button.into(),
    };
    let fill = |field: &str, value: &str| Action::Fill {
        field: field.into(),
        value: value.into(),
    };
    act(app, press("se_connecter"));
    act(
        app,
        Action::OpenDocument {
            document: "carte_vitale".into(),
        },
    );
    act(app, fill("nir", "2 79 08 62 193 047 12"));
    act(app, fill("mot_de_passe", "Goeland-62"));
    act(app, press("se_connecter"));
    act(app, Action::Hint);
}

fn open_record(store: &Store) -> Record {
    let text = store.read(Item::Session).expect("the run's record is kept");
    jsonl::parse_line(1, &text)
        .expect("a line")
        .expect("a record")
}

#[test]
fn every_event_is_kept_as_it_happens() {
    let store = Store::default();
    let mut app = app_with(store.clone());
    loaded(&mut app);
    start_playing(&mut app, 0, 5);
    a_few_steps(&mut app);
    let record = open_record(&store);
    assert_eq!(record.events.len(), events(&app));
    assert!(
        record
            .events
            .iter()
            .any(|e| matches!(e.kind, EventKind::FieldError { .. }))
    );
    assert!(record.outcome.is_none());
    assert!(local_sessions(&store).is_empty(), "not finished yet");
}

#[test]
fn a_reload_resumes_the_same_session_and_loses_no_event() {
    let dir = temp_dir("reload");
    let mut app = app_with(Store::Folder(dir.clone()));
    loaded(&mut app);
    start_playing(&mut app, 0, 5);
    a_few_steps(&mut app);
    let before = open_record(&Store::Folder(dir.clone()));
    drop(app);

    let store = Store::Folder(dir.clone());
    let mut app = app_with(store.clone());
    loaded(&mut app);
    app.update();
    assert_eq!(common::screen(&app), Screen::Playing, "the run resumes");
    let header = app.world().resource::<Recording>().header.clone();
    assert_eq!(header.as_ref(), Some(&before.header), "same session");
    act(&mut app, Action::Abandon);
    app.update();
    let sessions = local_sessions(&store);
    assert_eq!(sessions.len(), 1);
    let after = &sessions[0];
    assert_eq!(after.header, before.header);
    assert_eq!(&after.events[..before.events.len()], &before.events[..]);
    assert_eq!(
        after.outcome.as_ref().map(|o| o.kind),
        Some(EndingKind::Abandon)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_run_left_unfinished_is_closed_as_abandoned_where_it_stopped() {
    let store = Store::default();
    let mut app = app_with(store.clone());
    loaded(&mut app);
    start_playing(&mut app, 0, 5);
    a_few_steps(&mut app);
    let page = common::state(&app).page.clone();
    let kept = events(&app);
    drop(app);
    // The run itself is gone (another browser profile, a deleted save): only its record is left.
    store.remove(Item::Play);

    let mut app = app_with(store.clone());
    loaded(&mut app);
    assert_eq!(common::screen(&app), Screen::Title);
    let sessions = local_sessions(&store);
    assert_eq!(sessions.len(), 1);
    let closed = &sessions[0];
    assert_eq!(
        closed.events.len(),
        kept + 2,
        "every event, then page left and abandoned"
    );
    assert_eq!(
        closed.events.last().map(|e| &e.kind),
        Some(&EventKind::Abandoned { page })
    );
    assert!(store.read(Item::Session).is_none());
}

#[test]
fn starting_another_scenario_closes_the_run_under_way() {
    let store = Store::default();
    let mut app = app_with(store.clone());
    loaded(&mut app);
    start_playing(&mut app, 0, 5);
    a_few_steps(&mut app);
    let first = open_record(&store).header.session;
    start_playing(&mut app, 1, 6);
    let sessions = local_sessions(&store);
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].header.session, first);
    assert!(matches!(
        sessions[0].events.last().map(|e| &e.kind),
        Some(EventKind::Abandoned { .. })
    ));
    assert_ne!(
        open_record(&store).header.session,
        first,
        "a new session id"
    );
}

/// Set in the child process of the test below: where it keeps its files.
const CHILD: &str = "DEDALE_TEST_KILLED_DIR";

#[test]
fn a_killed_process_loses_no_event() {
    if let Some(dir) = std::env::var_os(CHILD) {
        // The child: play a few steps, say how many events there are, then run until killed.
        let mut app = app_with(Store::Folder(dir.into()));
        loaded(&mut app);
        start_playing(&mut app, 0, 5);
        a_few_steps(&mut app);
        println!("EVENTS {}", events(&app));
        // Bounded, so a child whose parent died does not run forever.
        for _ in 0..12_000 {
            app.update();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("the child was not killed within a minute");
    }
    let dir = temp_dir("killed");
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "a_killed_process_loses_no_event",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, &dir)
        .stdout(Stdio::piped())
        .spawn()
        .expect("child");
    let stdout = child.stdout.take().expect("stdout");
    let told = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|l| {
            // libtest writes "test name ... " first, on the same line.
            l.split("EVENTS ").nth(1)?.trim().parse::<usize>().ok()
        })
        .expect("the child played");
    child.kill().expect("kill");
    let _ = child.wait();

    let store = Store::Folder(dir.clone());
    store.remove(Item::Play);
    let mut app = app_with(store.clone());
    loaded(&mut app);
    let sessions = local_sessions(&store);
    assert_eq!(sessions.len(), 1, "the killed run is filed");
    assert_eq!(sessions[0].events.len(), told + 2, "no event lost");
    assert!(matches!(
        sessions[0].events.last().map(|e| &e.kind),
        Some(EventKind::Abandoned { .. })
    ));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_full_storage_drops_exported_sessions_first_and_never_stops_the_player() {
    let store = Store::default();
    let mut app = app_with(store.clone());
    loaded(&mut app);
    for seed in 0..3 {
        start_playing(&mut app, 1, seed);
        act(&mut app, Action::Abandon);
        app.update();
    }
    assert_eq!(local_sessions(&store).len(), 3);
    mark_exported(&store);
    assert_eq!(exported_count(&store), 3);
    let oldest = local_sessions(&store)[0].header.session.clone();
    let line = store.read(Item::Sessions).map_or(0, |t| t.len() / 3);
    start_playing(&mut app, 1, 9);
    let used: usize = [
        Item::Settings,
        Item::Play,
        Item::Session,
        Item::Sessions,
        Item::Exported,
    ]
    .into_iter()
    .filter_map(|i| store.read(i))
    .map(|t| t.len())
    .sum();
    if let Store::Memory(m) = &store {
        // Room for less than one more session: an old one has to go.
        m.lock().expect("memory").limit = Some(used + line * 3 / 4);
    }
    act(&mut app, Action::Abandon);
    app.update();
    assert_eq!(common::screen(&app), Screen::Debrief, "the player went on");
    let sessions = local_sessions(&store);
    assert!(
        sessions.iter().all(|s| s.header.session != oldest),
        "the oldest exported went first"
    );
    assert_eq!(
        sessions.len(),
        3,
        "one old session made room for the new one"
    );
    assert_eq!(exported_count(&store), 2);
}
