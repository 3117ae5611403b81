//! What the core leaves to its callers for metrics: a random session id, today's
//! date, appending records to a file, and finding the files to read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use dedale_core::Lang;
use dedale_core::metrics::{Record, jsonl};
use dedale_core::rules::Date;

/// 16 bytes from the operating system's random source: nothing about the
/// machine, the time or the person goes into a session id.
pub fn session_id(lang: Lang) -> Result<[u8; 16], String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| {
        format!(
            "{} ({e})",
            lang.pick(
                "impossible de tirer un identifiant de session au hasard",
                "cannot draw a random session id"
            )
        )
    })?;
    Ok(bytes)
}

/// Today's date (UTC) from the system clock: the record keeps only the day.
pub fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// Appends one session to a JSON Lines file, creating it if needed.
pub fn append(path: &Path, record: &Record, lang: Lang) -> Result<(), String> {
    let mut line = jsonl::to_line(record);
    line.push('\n');
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(line.as_bytes()))
        .map_err(|e| match lang {
            Lang::En => format!(
                "{}: cannot write the session: {e}; check the folder exists and is writable",
                path.display()
            ),
            _ => format!(
                "{} : impossible d'écrire la session : {e} ; vérifiez que le dossier existe et qu'on peut y écrire",
                path.display()
            ),
        })
}

/// The `.jsonl` files named, or found in the folders named, sorted.
pub fn files(paths: &[PathBuf], lang: Lang) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| {
                format!(
                    "{} : {} : {e}",
                    p.display(),
                    lang.pick("dossier illisible", "cannot read the folder")
                )
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    if out.is_empty() {
        return Err(lang
            .pick(
                "aucun fichier .jsonl de sessions trouvé : exportez des sessions depuis le jeu ou avec `dedale-cli play … --export sessions.jsonl`",
                "no .jsonl session file found: export sessions from the game or with `dedale-cli play … --export sessions.jsonl`",
            )
            .into());
    }
    Ok(out)
}

/// Reads every session of the files, one at a time, handing each to `each`;
/// bad lines are printed on stderr as `file:line: message`. Returns how many lines were skipped.
pub fn read_each(
    files: &[PathBuf],
    lang: Lang,
    mut each: impl FnMut(Record),
) -> Result<usize, String> {
    let mut skipped = 0;
    for file in files {
        let text = crate::read(file, lang)?;
        for item in jsonl::lines(&text) {
            match item {
                Ok(record) => each(record),
                Err(problem) => {
                    skipped += 1;
                    eprintln!(
                        "{}:{}: {}",
                        file.display(),
                        problem.line,
                        problem.message(lang)
                    );
                }
            }
        }
    }
    Ok(skipped)
}

/// Writes the output to a file, or to the terminal.
pub fn output(text: &str, path: Option<&Path>, lang: Lang) -> Result<(), String> {
    match path {
        Some(p) => std::fs::write(p, text).map_err(|e| match lang {
            Lang::En => format!("{}: cannot write: {e}", p.display()),
            _ => format!("{} : impossible d'écrire : {e}", p.display()),
        }),
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = out.write_all(text.as_bytes());
            Ok(())
        }
    }
}
