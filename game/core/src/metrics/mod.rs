//! Anonymous metrics: what a session did, never who played it or what they typed.
//!
//! A [`Record`] is built from a finished (or interrupted) session: a header
//! with a random session id, the scenario's id, version and content hash,
//! the mode, the language, the day and an optional group code; the engine's
//! events with their time offsets; and how it ended. No type here has a
//! place for a typed value, so no export can leak one.
//!
//! Records export as JSON Lines ([`jsonl`]), CSV ([`csv_export`]) and xAPI
//! statements ([`xapi`]); JSON Lines read back, and [`report`] turns any
//! number of records into the trainer's report in one pass.
//!
//! Like the rest of the core, this module reads no file and no clock: the
//! caller draws the session id from a random source and gives the day.

pub mod csv_export;
pub mod jsonl;
mod record;
pub mod report;
pub mod xapi;

pub use crate::engine::{Event, EventKind, EventName};
pub use record::{
    FORMAT, Header, MAX_GROUP_CHARS, Outcome, Record, content_hash, hex, iso_day, parse_iso_day,
    sanitise_group,
};
