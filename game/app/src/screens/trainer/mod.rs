//! The trainer's space, without its drawing: which sessions the report is
//! about (this device's, or exported files the trainer opens), the report
//! itself, and the exports. The `draw` module draws it.

mod card;
mod charts;
mod draw;

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use dedale_core::Lang;
use dedale_core::metrics::csv_export::{self, Delimiter};
use dedale_core::metrics::report::{Report, report};
use dedale_core::metrics::{Record, iso_day, jsonl, xapi};
use dedale_core::model::Tone;

use crate::i18n::{fill, strings};
use crate::metrics::{local_sessions, mark_exported, today};
use crate::store::Store;
use dedale_core::debrief::count;

/// What the trainer's screen shows.
#[derive(Resource, Default, Debug)]
pub struct Trainer {
    /// The sessions the report is about.
    pub records: Vec<Record>,
    /// Where they come from: `None` for this device, else the files opened.
    pub files: Option<Vec<String>>,
    /// Lines of the opened files that could not be read, as `file: line n: why`.
    pub problems: Vec<String>,
    /// The report of `records`.
    pub report: Report,
    /// What the last export or opening did, to show the trainer.
    pub notice: Option<(Tone, String)>,
    /// On a desktop: the folder exports are written to and sessions read from.
    pub folder: String,
}

/// One exported file: its name, its type and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// File name, with today's date.
    pub name: String,
    /// MIME type, for the browser's download.
    pub mime: &'static str,
    /// The content.
    pub text: String,
}

impl Trainer {
    /// Shows the sessions finished on this device.
    pub fn show_local(&mut self, store: &Store) {
        self.records = local_sessions(store);
        self.files = None;
        self.problems.clear();
        self.report = report(&self.records);
    }

    /// Adds the sessions of an exported JSON Lines file to those shown
    /// (replacing this device's); bad lines are listed, good ones kept.
    pub fn open_file(&mut self, name: &str, text: &str, lang: Lang) {
        if self.files.is_none() {
            self.records.clear();
            self.problems.clear();
        }
        let (records, problems) = jsonl::read(text);
        let read = records.len();
        self.records.extend(records);
        self.problems.extend(
            problems
                .iter()
                .map(|p| format!("{name} : {}", p.message(lang))),
        );
        self.files
            .get_or_insert_with(Vec::new)
            .push(name.to_string());
        self.report = report(&self.records);
        let told = fill(
            &count(strings(lang).trainer.file_read, read),
            &[("file", name)],
        );
        let tone = if problems.is_empty() {
            Tone::Success
        } else {
            Tone::Warning
        };
        self.notice = Some((tone, told));
    }

    /// Reads every `.jsonl` file of a folder (a desktop trainer's "open").
    pub fn open_folder(&mut self, folder: &Path, lang: Lang) {
        let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
            .map(|dir| {
                dir.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        if found.is_empty() {
            let shown = folder.display().to_string();
            let told = fill(strings(lang).trainer.no_jsonl, &[("folder", &shown)]);
            self.notice = Some((Tone::Error, told));
            return;
        }
        self.files = Some(Vec::new());
        self.records.clear();
        self.problems.clear();
        for path in found {
            let name = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => self.open_file(&name, &text, lang),
                Err(e) => self.problems.push(format!("{name} : {e}")),
            }
        }
    }

    /// The files of an export of the sessions shown: JSON Lines, CSV (`;`,
    /// French headers, opens in LibreOffice), xAPI statements, and the report
    /// as a printable page.
    pub fn exports(&self, lang: Lang) -> Vec<Export> {
        let day = iso_day(today());
        vec![
            Export {
                name: format!("dedale-sessions-{day}.jsonl"),
                mime: "application/jsonl",
                text: jsonl::write(&self.records),
            },
            Export {
                name: format!("dedale-evenements-{day}.csv"),
                mime: "text/csv",
                text: csv_export::write(&self.records, Delimiter::Semicolon),
            },
            Export {
                name: format!("dedale-xapi-{day}.json"),
                mime: "application/json",
                text: xapi::write(&self.records),
            },
            Export {
                name: format!("dedale-rapport-{day}.html"),
                mime: "text/html",
                text: self.report.html(lang),
            },
        ]
    }

    /// After a successful export of this device's sessions: they may make room first when storage is full.
    pub fn exported(&mut self, store: &Store, done: String) {
        if self.files.is_none() {
            mark_exported(store);
        }
        self.notice = Some((Tone::Success, done));
    }

    /// Writes the exports into a folder (created if needed); returns the message to show.
    pub fn write_exports(&mut self, store: &Store, folder: &Path, lang: Lang) {
        let files = self.exports(lang);
        let written = std::fs::create_dir_all(folder).and_then(|()| {
            files
                .iter()
                .try_for_each(|f| std::fs::write(folder.join(&f.name), &f.text))
        });
        let shown = folder.display().to_string();
        let t = strings(lang).trainer;
        match written {
            Ok(()) => {
                let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
                let done = fill(
                    t.written,
                    &[("folder", &shown), ("files", &names.join(", "))],
                );
                self.exported(store, done);
            }
            Err(e) => {
                let told = fill(
                    t.cannot_write,
                    &[("folder", &shown), ("error", &e.to_string())],
                );
                self.notice = Some((Tone::Error, told));
            }
        }
    }
}

/// Where a desktop trainer's exports go by default: `exports` beside the data.
pub fn default_folder(store: &Store) -> String {
    store
        .folder()
        .map(|d| d.join("exports").display().to_string())
        .unwrap_or_default()
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Trainer>().add_plugins(draw::plugin);
}
