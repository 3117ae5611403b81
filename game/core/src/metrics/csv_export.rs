//! CSV: one event a row, with French headers, for LibreOffice or a spreadsheet.
//!
//! The `page` column holds the page the player was on, for every event, so a
//! pivot table can count errors or documents opened per page without
//! replaying the session.

use super::record::Record;
use crate::engine::EventKind;

/// The column headers, in French like the rest of the trainer's tools.
pub const HEADERS: [&str; 14] = [
    "session",
    "scénario",
    "version",
    "mode",
    "langue",
    "jour",
    "groupe",
    "temps_ms",
    "événement",
    "page",
    "champ",
    "erreur",
    "niveau",
    "détail",
];

/// The column separator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Delimiter {
    /// `;`, what LibreOffice and Excel expect in French.
    #[default]
    Semicolon,
    /// `,`, for tools that expect commas.
    Comma,
}

impl Delimiter {
    pub(crate) fn byte(self) -> u8 {
        match self {
            Delimiter::Semicolon => b';',
            Delimiter::Comma => b',',
        }
    }
}

/// Every event of every session as CSV, with the header row.
pub fn write(records: &[Record], delimiter: Delimiter) -> String {
    // Writing to memory cannot fail; an error could only come from I/O.
    write_rows(records, delimiter).unwrap_or_default()
}

fn write_rows(records: &[Record], delimiter: Delimiter) -> Result<String, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter.byte())
        .from_writer(Vec::new());
    w.write_record(HEADERS)?;
    for r in records {
        let h = &r.header;
        let mode = format!("{:?}", h.mode);
        let group = h.group.as_deref().unwrap_or("");
        let mut page = String::new();
        for e in &r.events {
            let (mut field, mut error, mut level, mut detail) =
                ("", "", String::new(), String::new());
            match &e.kind {
                EventKind::PageEntered { page: p }
                | EventKind::PageLeft { page: p }
                | EventKind::Timeout { page: p }
                | EventKind::Abandoned { page: p }
                | EventKind::Back { from: p } => page.clone_from(p),
                EventKind::HintUsed { page: p, level: l } => {
                    page.clone_from(p);
                    level = l.to_string();
                }
                EventKind::FieldError {
                    field: f,
                    error: err,
                } => {
                    field = f;
                    error = err;
                }
                EventKind::DocumentOpened { document: id }
                | EventKind::DocumentDownloaded { document: id }
                | EventKind::MessageReceived { message: id }
                | EventKind::MessageRead { message: id }
                | EventKind::ReadAloud { what: id } => detail.clone_from(id),
                EventKind::TimeExtended { .. } => {}
                EventKind::Incident { incident, kind } => detail = format!("{incident} ({kind:?})"),
                EventKind::Posture { line, posture } => {
                    detail = match posture {
                        Some(p) => format!("{line} ({p:?})"),
                        None => line.clone(),
                    }
                }
                EventKind::Ended { ending, kind } => detail = format!("{ending} ({kind:?})"),
                EventKind::LinkFollowed { message, link } => detail = format!("{message}/{link}"),
            }
            let at = e.at_ms.to_string();
            w.write_record([
                h.session.as_str(),
                &h.scenario,
                &h.version,
                &mode,
                h.lang.code(),
                &h.day,
                group,
                &at,
                e.kind.name().code(),
                &page,
                field,
                error,
                &level,
                &detail,
            ])?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
