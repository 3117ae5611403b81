//! `dedale-cli report` and `dedale-cli export`: the trainer's report from
//! exported sessions, and the sessions in other formats.

use std::path::{Path, PathBuf};

use dedale_core::Lang;
use dedale_core::metrics::csv_export::{self, Delimiter};
use dedale_core::metrics::report::Tally;
use dedale_core::metrics::{jsonl, xapi};

use crate::sessions;

/// What `report` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Text for the terminal.
    Text,
    /// One figure a row.
    Csv,
    /// One self-contained page with charts.
    Html,
}

/// Reads the sessions in one pass and writes the report; `Ok(false)` when lines were skipped.
pub fn run(
    paths: &[PathBuf],
    format: Format,
    delimiter: Delimiter,
    output: Option<&Path>,
    lang: Lang,
) -> Result<bool, String> {
    let files = sessions::files(paths, lang)?;
    let mut tally = Tally::default();
    let skipped = sessions::read_each(&files, lang, |r| tally.add(&r))?;
    if tally.sessions() == 0 {
        return Err(lang
            .pick(
                "aucune session lisible dans ces fichiers : rien à rapporter",
                "no readable session in these files: nothing to report",
            )
            .into());
    }
    let report = tally.finish();
    let text = match format {
        Format::Text => report.text(lang),
        Format::Csv => report.csv(delimiter),
        Format::Html => report.html(lang),
    };
    sessions::output(&text, output, lang)?;
    if skipped > 0 {
        eprintln!(
            "{}",
            match lang {
                Lang::En => format!("{skipped} line(s) skipped: see above."),
                _ => format!("{skipped} ligne(s) ignorée(s) : voir ci-dessus."),
            }
        );
    }
    Ok(skipped == 0)
}

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// JSON Lines again (to merge files and drop bad lines).
    Jsonl,
    /// One event a row.
    Csv,
    /// xAPI statements, one JSON array.
    Xapi,
}

/// Converts exported sessions; `Ok(false)` when lines were skipped.
pub fn export(
    paths: &[PathBuf],
    format: Export,
    delimiter: Delimiter,
    output: Option<&Path>,
    lang: Lang,
) -> Result<bool, String> {
    let files = sessions::files(paths, lang)?;
    let mut records = Vec::new();
    let skipped = sessions::read_each(&files, lang, |r| records.push(r))?;
    let text = match format {
        Export::Jsonl => jsonl::write(&records),
        Export::Csv => csv_export::write(&records, delimiter),
        Export::Xapi => xapi::write(&records),
    };
    sessions::output(&text, output, lang)?;
    Ok(skipped == 0)
}
