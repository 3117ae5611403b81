//! Live collection for a workshop: when the page was opened from a workshop
//! link (`…/#atelier=KEY`, printed by `dedale-cli serve`) or the trainer set a
//! collector in the trainer's space, each xAPI statement of a run is queued
//! as it happens and sent to the collector. The queue is kept in the store
//! (`localStorage`), so offline, on an error or across a reload nothing is
//! lost; each statement keeps its id (`dedale_core::metrics::xapi`), so
//! nothing is stored twice. The statements are the core's, the same as the
//! trainer's xAPI export: never a value the player typed.
//!
//! The queue's rules are in [`outbox`] (pure, tested natively); the requests
//! go through the browser's `fetch` (`send`, WebAssembly only). A desktop game
//! has no collector: it neither queues nor sends.

pub mod outbox;
#[cfg(target_family = "wasm")]
pub mod send;

use bevy::prelude::*;
use dedale_core::metrics::{Record, xapi};
use serde::{Deserialize, Serialize};

use crate::store::{Item, Store};
use outbox::Outbox;

/// The user name of HTTP Basic authentication; the password is the workshop key.
pub const USER: &str = "atelier";
/// The statements resource, under the page's folder for a workshop link.
pub const RESOURCE: &str = "xapi/statements";
/// The fragment's parameter that carries the workshop key.
pub const LINK_PARAMETER: &str = "atelier";
/// Longest key accepted (the server's are a dozen characters).
pub const MAX_KEY_CHARS: usize = 128;

/// Where statements go, kept in the store.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Collector {
    /// The xAPI statements resource, `http://…/xapi/statements`.
    pub url: String,
    /// The workshop key (the password, user [`USER`]).
    pub key: String,
}

impl Collector {
    /// The collector set on this device, if any.
    pub fn read(store: &Store) -> Option<Collector> {
        store
            .read(Item::Collector)
            .and_then(|t| serde_json::from_str::<Collector>(&t).ok())
            .filter(|c| !c.url.is_empty())
    }

    /// Keeps this collector (an empty URL stops the collection); the queue is tried at once.
    pub fn save(&self, store: &Store) {
        let collector = Collector {
            url: self.url.trim().to_string(),
            key: clean_key(&self.key),
        };
        if collector.url.is_empty() {
            store.remove(Item::Collector);
        } else if let Ok(text) = serde_json::to_string(&collector) {
            let _ = store.write(Item::Collector, &text);
        }
        let mut outbox = queue(store);
        outbox.try_now();
        let _ = store.write(Item::Outbox, &outbox.to_text());
    }

    /// The collector of a workshop link: `page` is the page's address without
    /// its fragment (`http://192.168.1.20:8080/`), `fragment` what follows `#`
    /// (`atelier=KEY`, maybe among other `name=value` pairs joined by `&`).
    /// The key goes in the fragment so that browsers never send it (neither
    /// in requests nor in `Referer`); the statements resource is
    /// [`RESOURCE`] beside the page.
    pub fn from_link(page: &str, fragment: &str) -> Option<Collector> {
        let key = fragment
            .trim_start_matches('#')
            .split('&')
            .find_map(|pair| pair.strip_prefix(LINK_PARAMETER)?.strip_prefix('='))
            .map(percent_decode)
            .map(|k| clean_key(&k))
            .filter(|k| !k.is_empty())?;
        let page = page.split(['#', '?']).next().unwrap_or_default();
        let folder = match page.rfind('/') {
            Some(i) if page[..i].ends_with('/') || !page.contains("://") => return None,
            Some(i) => &page[..=i],
            None => return None,
        };
        Some(Collector {
            url: format!("{folder}{RESOURCE}"),
            key,
        })
    }
}

/// A key as kept: printable ASCII only (HTTP Basic sends it encoded in
/// base64, which the browser does for Latin-1 only), [`MAX_KEY_CHARS`] at most.
pub fn clean_key(typed: &str) -> String {
    typed
        .chars()
        .filter(char::is_ascii_graphic)
        .take(MAX_KEY_CHARS)
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = (b == b'%')
            .then(|| s.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The queue as kept (empty when there is none).
pub fn queue(store: &Store) -> Outbox {
    store
        .read(Item::Outbox)
        .map(|t| Outbox::parse(&t))
        .unwrap_or_default()
}

/// Queues what is new in a session's statements, when a collector is set:
/// its settled statements while it goes on, all of them once `filed` (ended,
/// or closed as abandoned). Called at each change of the run's record, so a
/// statement is queued as its event happens. If the store cannot take the
/// queue, nothing is counted as queued: the next change offers it again.
pub fn offer(store: &Store, record: &Record, filed: bool) {
    if Collector::read(store).is_none() {
        return;
    }
    let statements = if filed {
        xapi::statements(record)
    } else {
        xapi::settled(record)
    };
    let mut outbox = queue(store);
    if outbox.offer(&record.header.session, &statements) > 0
        && store.write(Item::Outbox, &outbox.to_text()).is_ok()
    {
        #[cfg(target_family = "wasm")]
        send::pump();
    }
}

pub(super) fn plugin(app: &mut App) {
    #[cfg(target_family = "wasm")]
    app.add_systems(Startup, send::start);
    #[cfg(not(target_family = "wasm"))]
    let _ = app;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workshop_link_gives_the_collector_beside_the_page() {
        let c = Collector::from_link("http://192.168.1.20:8080/", "#atelier=k7m2p9x4")
            .expect("a workshop link");
        assert_eq!(c.url, "http://192.168.1.20:8080/xapi/statements");
        assert_eq!(c.key, "k7m2p9x4");
        let c = Collector::from_link(
            "https://ecole.example/jeu/index.html?x=1",
            "a=b&atelier=x%2By",
        )
        .expect("a link with other parameters");
        assert_eq!(c.url, "https://ecole.example/jeu/xapi/statements");
        assert_eq!(c.key, "x+y");
        assert_eq!(Collector::from_link("http://h/", "#groupe=B"), None);
        assert_eq!(Collector::from_link("http://h/", "#atelier="), None);
        assert_eq!(Collector::from_link("http://h", "#atelier=k"), None);
        assert_eq!(Collector::from_link("nothing", "#atelier=k"), None);
        assert_eq!(
            Collector::from_link("http://h/", "#atelier=%zz"),
            Some(Collector {
                url: "http://h/xapi/statements".into(),
                key: "%zz".into(),
            })
        );
    }

    #[test]
    fn keys_keep_printable_ascii_only() {
        assert_eq!(clean_key(" clé 12\n"), "cl12");
        assert_eq!(clean_key(&"k".repeat(500)).len(), MAX_KEY_CHARS);
    }

    /// The game's side: a run's record rewritten at each event, the page reloaded
    /// (the queue read back from the store), a session filed at its end.
    #[test]
    fn statements_are_queued_as_the_record_grows_and_once_each() {
        use dedale_core::metrics::{Event, EventKind, FORMAT, Header};
        let store = Store::memory(None);
        let mut record = Record {
            header: Header {
                format: FORMAT,
                session: "0123456789abcdef0123456789abcdef".into(),
                scenario: "essai".into(),
                version: "1".into(),
                content_hash: "00".into(),
                competences: vec![],
                mode: dedale_core::model::Mode::Atelier,
                lang: dedale_core::Lang::Fr,
                day: "2026-12-02".into(),
                group: None,
                switches: Default::default(),
            },
            events: vec![],
            outcome: None,
        };
        let page = |at_ms, p: &str| Event {
            at_ms,
            kind: EventKind::PageEntered { page: p.into() },
        };
        // No collector: nothing is queued.
        record.events.push(page(0, "accueil"));
        offer(&store, &record, false);
        assert!(queue(&store).waiting.is_empty());

        Collector {
            url: "http://127.0.0.1:8080/xapi/statements".into(),
            key: "cle".into(),
        }
        .save(&store);
        offer(&store, &record, false);
        let ids = |store: &Store| -> Vec<String> {
            queue(store).waiting.iter().map(|w| w.id.clone()).collect()
        };
        assert_eq!(ids(&store).len(), 2, "attempted, experienced");
        offer(&store, &record, false);
        assert_eq!(ids(&store).len(), 2, "the same record again queues nothing");
        record.events.push(page(1_000, "connexion"));
        offer(&store, &record, false);
        assert_eq!(ids(&store).len(), 3);

        record.close_interrupted();
        offer(&store, &record, true);
        let all: Vec<String> = xapi::statements(&record)
            .iter()
            .filter_map(|s| s["id"].as_str().map(str::to_string))
            .collect();
        assert_eq!(ids(&store), all, "in order, with the export's ids");
        offer(&store, &record, true);
        assert_eq!(ids(&store), all);
    }
}
