//! The scenarios the game offers: the shipped ones, embedded in the binary so
//! they are there on every platform, and one given on the command line.

use std::sync::Arc;

use bevy::prelude::*;
use dedale_core::Lang;
use dedale_core::load::{Report, load_with_includes};
use dedale_core::model::Scenario;
use dedale_core::solve::{Limits, check_with};

/// Shipped scenarios, as (file name, text).
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "rsa-mesallocs.ron",
        include_str!("../../../scenarios/rsa-mesallocs.ron"),
    ),
    (
        "rdv-prefecture.ron",
        include_str!("../../../scenarios/rdv-prefecture.ron"),
    ),
    (
        "pre-demande-cni.ron",
        include_str!("../../../scenarios/pre-demande-cni.ron"),
    ),
    (
        "reperer-arnaques.ron",
        include_str!("../../../scenarios/reperer-arnaques.ron"),
    ),
    (
        "declaration-impots.ron",
        include_str!("../../../scenarios/declaration-impots.ron"),
    ),
    (
        "accompagner-dtr.ron",
        include_str!("../../../scenarios/accompagner-dtr.ron"),
    ),
    (
        "compte-sante.ron",
        include_str!("../../../scenarios/compte-sante.ron"),
    ),
    (
        "connexion-federee.ron",
        include_str!("../../../scenarios/connexion-federee.ron"),
    ),
    (
        "actualisation-emploi.ron",
        include_str!("../../../scenarios/actualisation-emploi.ron"),
    ),
    (
        "dtr-mesallocs.ron",
        include_str!("../../../scenarios/dtr-mesallocs.ron"),
    ),
];

/// Shipped fragments, as (name written in `include`, text): the shipped
/// scenarios include them, and so may a trainer's file dropped on the game.
pub const FRAGMENTS: &[(&str, &str)] = &[(
    "communs/aide-numerique.ron",
    include_str!("../../../scenarios/communs/aide-numerique.ron"),
)];

/// What the loader reads for `include`: the shipped fragments, by name.
pub fn fragment(name: &str) -> Option<(String, String)> {
    FRAGMENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, text)| (n.to_string(), text.to_string()))
}

/// One scenario file: checked and playable, or its problems.
#[derive(Clone, Debug)]
pub struct Entry {
    /// File name or path, as shown in errors.
    pub file: String,
    /// The checked scenario, or every problem as `file:line:column: message` lines.
    pub scenario: Result<Arc<Scenario>, Vec<String>>,
    /// The file's text: its hash tells two edits of the same version apart in the metrics.
    pub source: Arc<str>,
}

impl Entry {
    /// Checks a text, and plays every path of it (the solver): what a
    /// trainer's file needs; problems are kept in the file's order.
    pub fn check(file: &str, text: &str, lang: Lang) -> Entry {
        Entry::of(
            file,
            text,
            lang,
            check_with(file, text, &fragment, Limits::default()),
        )
    }

    /// Reads a shipped scenario: its paths were played by the project's
    /// tests (`dedale-cli check` with no warning), so the game spares the
    /// solver and the player's wait.
    pub fn shipped(file: &str, text: &str, lang: Lang) -> Entry {
        Entry::of(file, text, lang, load_with_includes(file, text, &fragment))
    }

    fn of(file: &str, text: &str, lang: Lang, read: Result<(Scenario, Report), Report>) -> Entry {
        Entry {
            file: file.to_string(),
            scenario: read.map(|(s, _)| Arc::new(s)).map_err(|r| r.lines(lang)),
            source: Arc::from(text),
        }
    }
}

/// Files waiting to be checked, and the scenarios checked so far.
#[derive(Resource, Default, Debug)]
pub struct Catalog {
    /// Texts still to check, with their names.
    pub pending: Vec<(String, String)>,
    /// Checked entries, in order.
    pub entries: Vec<Entry>,
    /// How many files there were to check, for the progress bar.
    pub total: usize,
    /// The entry to open directly (a path given on the command line).
    pub open_directly: Option<usize>,
}

impl Catalog {
    /// Queues the shipped scenarios, then any extra files given.
    pub fn with_files(extra: Vec<(String, String)>) -> Catalog {
        let mut pending: Vec<(String, String)> = SHIPPED
            .iter()
            .map(|(f, t)| (f.to_string(), t.to_string()))
            .collect();
        pending.extend(extra);
        let total = pending.len();
        Catalog {
            pending,
            entries: Vec::new(),
            total,
            open_directly: None,
        }
    }

    /// Checks one pending file; returns whether any is left. One a frame keeps the progress bar moving.
    pub fn check_next(&mut self, lang: Lang) -> bool {
        if let Some((file, text)) = (!self.pending.is_empty()).then(|| self.pending.remove(0)) {
            let shipped = SHIPPED.iter().any(|(f, t)| *f == file && *t == text);
            self.entries.push(if shipped {
                Entry::shipped(&file, &text, lang)
            } else {
                Entry::check(&file, &text, lang)
            });
        }
        !self.pending.is_empty()
    }

    /// Checks every pending file: for what needs them all now (the choice
    /// of a scenario, the trainer's report, a file dropped on the title).
    pub fn check_all(&mut self, lang: Lang) {
        while self.check_next(lang) {}
    }

    /// Share of the files checked, 0 to 1.
    pub fn progress(&self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            self.entries.len() as f32 / self.total as f32
        }
    }

    /// Replaces (or adds) the entry of a file: used when a trainer's file changes on disk.
    pub fn replace(&mut self, entry: Entry) -> usize {
        match self.entries.iter().position(|e| e.file == entry.file) {
            Some(i) => {
                self.entries[i] = entry;
                i
            }
            None => {
                self.entries.push(entry);
                self.entries.len() - 1
            }
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    if !app.world().contains_resource::<Catalog>() {
        app.insert_resource(Catalog::with_files(Vec::new()));
    }
}
