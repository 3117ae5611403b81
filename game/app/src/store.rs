//! Where the game keeps what must outlive a reload or a crash: the settings,
//! the run under way, and the anonymous sessions. In the browser that is
//! `localStorage`; on a desktop, one file per item in the user's data folder,
//! each replaced in one step (written beside, then renamed) so a killed
//! process leaves the old or the new version, never half of one; in tests,
//! memory, with an optional size limit to play a full storage.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use bevy::prelude::*;

use crate::catalog::Catalog;
use crate::game::{Game, Resume, SavedPlay};
use crate::screen::Screen;
use crate::settings::Settings;

/// The items kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// The player's settings (JSON).
    Settings,
    /// The run under way, typed answers included (JSON): it never leaves the device.
    Play,
    /// The anonymous record of the run under way (JSON), rewritten at each event.
    Session,
    /// Finished sessions, one JSON line each, oldest first.
    Sessions,
    /// How many of the first lines of [`Item::Sessions`] were exported (a number).
    Exported,
    /// The workshop's collector: its address and key (JSON, `collect::Collector`).
    Collector,
    /// The statements waiting for the collector (JSON, `collect::outbox::Outbox`).
    Outbox,
}

impl Item {
    /// Its `localStorage` key.
    pub fn key(self) -> &'static str {
        match self {
            Item::Settings => "dedale.reglages",
            Item::Play => "dedale.partie",
            Item::Session => "dedale.session-en-cours",
            Item::Sessions => "dedale.sessions",
            Item::Exported => "dedale.sessions-exportees",
            Item::Collector => "dedale.collecte",
            Item::Outbox => "dedale.collecte-file",
        }
    }

    /// Its file name in the data folder.
    pub fn file(self) -> &'static str {
        match self {
            Item::Settings => "reglages.json",
            Item::Play => "partie.json",
            Item::Session => "session-en-cours.json",
            Item::Sessions => "sessions.jsonl",
            Item::Exported => "sessions-exportees.txt",
            Item::Collector => "collecte.json",
            Item::Outbox => "collecte-file.json",
        }
    }
}

/// The storage could not take a write (full, or not writable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Full;

/// Items held in memory, with an optional limit on their total size in bytes.
#[derive(Debug, Default)]
pub struct Memory {
    items: BTreeMap<Item, String>,
    /// Largest total size accepted; `None` for no limit.
    pub limit: Option<usize>,
}

/// Where things are kept; cloning shares the same storage.
#[derive(Resource, Clone, Debug)]
pub enum Store {
    /// In memory: tests, or a device where nothing can be written.
    Memory(Arc<Mutex<Memory>>),
    /// One file per item in this folder.
    Folder(PathBuf),
    /// The browser's `localStorage`.
    #[cfg(target_family = "wasm")]
    Browser,
}

impl Default for Store {
    fn default() -> Self {
        Store::memory(None)
    }
}

impl Store {
    /// An empty memory store; `limit` plays a storage that fills up.
    pub fn memory(limit: Option<usize>) -> Store {
        Store::Memory(Arc::new(Mutex::new(Memory {
            items: BTreeMap::new(),
            limit,
        })))
    }

    /// Where this platform keeps things: `localStorage` in the browser; on a
    /// desktop, `$DEDALE_DONNEES` if set, else the user's data folder
    /// (`~/.local/share/dedale` on Linux).
    pub fn for_this_device() -> Store {
        #[cfg(target_family = "wasm")]
        {
            Store::Browser
        }
        #[cfg(not(target_family = "wasm"))]
        {
            std::env::var_os("DEDALE_DONNEES")
                .map(PathBuf::from)
                .or_else(|| dirs::data_dir().map(|d| d.join("dedale")))
                .map_or_else(|| Store::memory(None), Store::Folder)
        }
    }

    /// Where the files are, on a desktop.
    pub fn folder(&self) -> Option<&std::path::Path> {
        match self {
            Store::Folder(dir) => Some(dir),
            _ => None,
        }
    }

    /// An item's text, if there is one.
    pub fn read(&self, item: Item) -> Option<String> {
        match self {
            Store::Memory(m) => m.lock().ok()?.items.get(&item).cloned(),
            Store::Folder(dir) => std::fs::read_to_string(dir.join(item.file())).ok(),
            #[cfg(target_family = "wasm")]
            Store::Browser => local_storage()?.get_item(item.key()).ok()?,
        }
    }

    /// Replaces an item; on failure the old text stays.
    pub fn write(&self, item: Item, text: &str) -> Result<(), Full> {
        match self {
            Store::Memory(m) => {
                let mut m = m.lock().map_err(|_| Full)?;
                let others: usize = m
                    .items
                    .iter()
                    .filter(|(k, _)| **k != item)
                    .map(|(_, v)| v.len())
                    .sum();
                if m.limit.is_some_and(|limit| others + text.len() > limit) {
                    return Err(Full);
                }
                m.items.insert(item, text.to_string());
                Ok(())
            }
            Store::Folder(dir) => {
                let path = dir.join(item.file());
                let beside = dir.join(format!("{}.nouveau", item.file()));
                std::fs::create_dir_all(dir)
                    .and_then(|()| std::fs::write(&beside, text))
                    .and_then(|()| std::fs::rename(&beside, &path))
                    .map_err(|_| Full)
            }
            #[cfg(target_family = "wasm")]
            Store::Browser => local_storage()
                .ok_or(Full)?
                .set_item(item.key(), text)
                .map_err(|_| Full),
        }
    }

    /// Removes an item, if it is there.
    pub fn remove(&self, item: Item) {
        match self {
            Store::Memory(m) => {
                if let Ok(mut m) = m.lock() {
                    m.items.remove(&item);
                }
            }
            Store::Folder(dir) => {
                let _ = std::fs::remove_file(dir.join(item.file()));
            }
            #[cfg(target_family = "wasm")]
            Store::Browser => {
                if let Some(s) = local_storage() {
                    let _ = s.remove_item(item.key());
                }
            }
        }
    }
}

/// Reads the settings and the interrupted run kept by an earlier visit, and
/// keeps them from now on. The store must be inserted before this plugin
/// (the game does it in `main`); without one, nothing outlives the app.
pub(super) fn plugin(app: &mut App) {
    if !app.world().contains_resource::<Store>() {
        app.insert_resource(Store::default());
    }
    let store = app.world().resource::<Store>().clone();
    if let Some(settings) = store
        .read(Item::Settings)
        .and_then(|t| serde_json::from_str::<Settings>(&t).ok())
    {
        app.insert_resource(settings);
    }
    if let Some(saved) = store
        .read(Item::Play)
        .and_then(|t| serde_json::from_str::<SavedPlay>(&t).ok())
    {
        app.insert_resource(Resume(saved));
    }
    // After the actions of the frame, so what is kept is never a step behind.
    app.add_systems(
        Update,
        (keep_settings, keep_play).after(crate::game::ActSet),
    );
}

/// A full storage must never interrupt the player: a write that fails is
/// tried again at the next change.
fn keep_settings(settings: Res<Settings>, store: Res<Store>) {
    if settings.is_changed()
        && let Ok(text) = serde_json::to_string(&*settings)
    {
        let _ = store.write(Item::Settings, &text);
    }
}

/// Saves the run after every change while it is under way; forgets it once it has ended.
fn keep_play(
    game: Res<Game>,
    catalog: Res<Catalog>,
    screen: Res<State<Screen>>,
    store: Res<Store>,
) {
    if !game.is_changed() && !screen.is_changed() {
        return;
    }
    let under_way = matches!(screen.get(), Screen::Briefing | Screen::Playing);
    let saved = game
        .play
        .as_ref()
        .filter(|_| under_way)
        .and_then(|p| p.save(&catalog))
        .and_then(|s| serde_json::to_string(&s).ok());
    match saved {
        Some(text) => {
            let _ = store.write(Item::Play, &text);
        }
        None if *screen.get() != Screen::Loading => store.remove(Item::Play),
        None => {}
    }
}

#[cfg(target_family = "wasm")]
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
