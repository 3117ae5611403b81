//! `dedale-cli report` and `dedale-cli export`: the trainer's report from
//! exported sessions, and the sessions in other formats.

use std::path::{Path, PathBuf};

use dedale_core::Lang;
use dedale_core::load::load_with_includes;
use dedale_core::metrics::csv_export::{self, Delimiter};
use dedale_core::metrics::report::Tally;
use dedale_core::metrics::{jsonl, xapi};
use dedale_core::model::Scenario;

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

/// How `report` writes.
pub struct Options<'a> {
    /// Text, CSV or HTML.
    pub format: Format,
    /// The CSV's column separator.
    pub delimiter: Delimiter,
    /// The file to write, else the screen.
    pub output: Option<&'a Path>,
    /// The scenarios played (files or folders), to name pages and fields by their titles.
    pub scenarios: &'a [PathBuf],
}

/// The scenarios of `--scenarios`; one that does not load is told and left out.
fn scenarios(paths: &[PathBuf], lang: Lang) -> Result<Vec<Scenario>, String> {
    let mut files = Vec::new();
    for p in paths {
        crate::check::collect(p, &mut files, lang)?;
    }
    let mut out = Vec::new();
    for file in files {
        let Ok(source) = crate::read(&file, lang) else {
            continue;
        };
        if dedale_core::load::is_fragment(&source) {
            continue;
        }
        let includes = crate::includes_beside(&file);
        match load_with_includes(&file.display().to_string(), &source, &includes) {
            Ok((scenario, _)) => out.push(scenario),
            Err(report) => eprint!("{}", report.render(lang)),
        }
    }
    Ok(out)
}

/// Reads the sessions in one pass and writes the report; `Ok(false)` when lines were skipped.
pub fn run(paths: &[PathBuf], options: &Options<'_>, lang: Lang) -> Result<bool, String> {
    let (format, delimiter, output) = (options.format, options.delimiter, options.output);
    let played = scenarios(options.scenarios, lang)?;
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
    let report = if played.is_empty() {
        report
    } else {
        report.titled(&played.iter().collect::<Vec<_>>(), lang)
    };
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
