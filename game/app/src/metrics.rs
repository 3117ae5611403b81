//! The anonymous record of each run, kept as it happens: after every event
//! the run's record is rewritten in the store, so a reload or a crash loses
//! nothing; when the run ends it joins the finished sessions. A run left
//! unfinished (tab closed, process killed, another scenario started) is
//! closed as "abandoned at page X" the next time the game starts — unless
//! the game resumes that very run.
//!
//! The record is computed from the engine's state (`Record::of_state`): the
//! app keeps no second copy of what happened, only the header.

use bevy::prelude::*;
use dedale_core::metrics::{Header, Record, jsonl};
use dedale_core::rules::Date;

use crate::catalog::Catalog;
use crate::game::{Cue, Game, Play};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::store::{Item, Store};

/// The header of the run being recorded, and what is written so far.
#[derive(Resource, Default, Debug)]
pub struct Recording {
    /// The run's header, from its start to its end.
    pub header: Option<Header>,
    /// Events already in the store, so an unchanged record is not rewritten each second.
    written: Option<usize>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Recording>()
        .add_systems(OnExit(Screen::Loading), adopt_or_close)
        .add_systems(
            Update,
            (begin, record)
                .chain()
                .after(crate::game::ActSet)
                .run_if(not(in_state(Screen::Loading))),
        );
}

/// On start: a run resumed keeps its header; any other unfinished run is
/// closed as abandoned (and a resumed run without a record gets a new one).
fn adopt_or_close(
    game: Res<Game>,
    store: Res<Store>,
    settings: Res<Settings>,
    catalog: Res<Catalog>,
    mut recording: ResMut<Recording>,
) {
    match (open_record(&store), &game.play) {
        (Some(open), Some(play))
            if open.header.scenario == play.scenario.meta.id
                && open.events.len() <= play.state.events.len() =>
        {
            recording.header = Some(open.header);
            return;
        }
        (Some(mut open), _) => {
            open.close_interrupted();
            finish(&store, &open);
        }
        (None, _) => {}
    }
    if let Some(play) = &game.play {
        recording.header = header(play, &catalog, &settings);
    }
}

/// A new run gets a new header: a fresh random id, today, the group code.
/// A run still open is closed first, as abandoned where it stopped.
/// It waits for the run to have started (`Cue::Started`), not for the request
/// (`StartScenario`): a request sent from `Update` after the runs were started
/// would otherwise be seen here a frame before its run exists, and the run would
/// go unrecorded.
fn begin(
    mut cues: MessageReader<Cue>,
    store: Res<Store>,
    settings: Res<Settings>,
    catalog: Res<Catalog>,
    game: Res<Game>,
    mut recording: ResMut<Recording>,
) {
    if !cues.read().any(|c| *c == Cue::Started) {
        return;
    }
    close_open(&store, &mut recording);
    if let Some(play) = &game.play {
        recording.header = header(play, &catalog, &settings);
    }
}

/// The header of a new session; `None` without a random source: better no
/// record than one that could be linked to others.
fn header(play: &Play, catalog: &Catalog, settings: &Settings) -> Option<Header> {
    let entry = catalog.entries.get(play.entry)?;
    Some(Header::new(
        &play.scenario,
        &entry.source,
        play.state.mode,
        session_id()?,
        today(),
        settings.lang,
        Some(&settings.group),
    ))
}

/// Rewrites the run's record when it has new events; files it when the run has ended.
fn record(game: Res<Game>, store: Res<Store>, mut recording: ResMut<Recording>) {
    let (Some(play), Some(header)) = (&game.play, &recording.header) else {
        return;
    };
    if play.state.ending.is_none() && recording.written == Some(play.state.events.len()) {
        return;
    }
    let record = Record::of_state(header.clone(), &play.state);
    if record.outcome.is_some() {
        finish(&store, &record);
        store.remove(Item::Session);
        *recording = Recording::default();
    } else if store.write(Item::Session, &jsonl::to_line(&record)).is_ok() {
        recording.written = Some(play.state.events.len());
        crate::collect::offer(&store, &record, false);
    }
}

/// The record of the run under way, as last kept (an unreadable one is ignored).
fn open_record(store: &Store) -> Option<Record> {
    store
        .read(Item::Session)
        .and_then(|t| jsonl::parse_line(1, &t))
        .and_then(Result::ok)
}

/// Closes the run being recorded, if any, as abandoned where it stopped.
fn close_open(store: &Store, recording: &mut Recording) {
    if let Some(mut open) = open_record(store) {
        open.close_interrupted();
        finish(store, &open);
    }
    store.remove(Item::Session);
    *recording = Recording::default();
}

/// Adds a finished session to the store (and its last statements to the
/// collector's queue). When the store is full, the oldest
/// sessions already exported make room, one at a time; if none is left to
/// drop, the session stays only in the open record and the player is never told.
fn finish(store: &Store, record: &Record) {
    crate::collect::offer(store, record, true);
    let mut sessions = store.read(Item::Sessions).unwrap_or_default();
    let line = jsonl::to_line(record);
    let mut exported = exported_count(store);
    loop {
        let text = format!("{sessions}{line}\n");
        if store.write(Item::Sessions, &text).is_ok() {
            store.remove(Item::Session);
            return;
        }
        if exported == 0 {
            return;
        }
        sessions = match sessions.split_once('\n') {
            Some((_, rest)) => rest.to_string(),
            None => String::new(),
        };
        exported -= 1;
        let _ = store.write(Item::Sessions, &sessions);
        let _ = store.write(Item::Exported, &exported.to_string());
    }
}

/// How many of the first finished sessions were exported.
pub fn exported_count(store: &Store) -> usize {
    store
        .read(Item::Exported)
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0)
}

/// The finished sessions kept on this device (lines that cannot be read are skipped).
pub fn local_sessions(store: &Store) -> Vec<Record> {
    jsonl::read(&store.read(Item::Sessions).unwrap_or_default()).0
}

/// Notes that every session kept so far has been exported: they are the first to make room.
pub fn mark_exported(store: &Store) {
    let n = store
        .read(Item::Sessions)
        .map_or(0, |t| t.lines().filter(|l| !l.trim().is_empty()).count());
    let _ = store.write(Item::Exported, &n.to_string());
}

/// 16 bytes from the system's random source: nothing about the device, the
/// time or the person goes into a session id.
fn session_id() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes)
}

/// Today, from the device's clock; the record keeps only the day.
pub fn today() -> Date {
    Date::from_unix_days(unix_ms() / 86_400_000)
}

#[cfg(target_family = "wasm")]
fn unix_ms() -> i64 {
    js_sys::Date::now() as i64
}

#[cfg(not(target_family = "wasm"))]
fn unix_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(0))
}
