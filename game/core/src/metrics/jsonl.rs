//! JSON Lines: one session a line, the format the game writes and the report reads.
//!
//! Appending a line is all a writer does, so a file grows safely as sessions
//! end; a reader takes every good line and reports each bad one with its
//! number, so one damaged line never hides a whole group's sessions.

use super::record::Record;
use crate::Lang;

/// A session as one line of JSON, without the newline.
pub fn to_line(record: &Record) -> String {
    // Cannot fail: every map key is a string and there are no floats.
    serde_json::to_string(record).unwrap_or_default()
}

/// Sessions as JSON Lines, one per line, each ending with a newline.
pub fn write(records: &[Record]) -> String {
    let mut out = String::new();
    for r in records {
        out.push_str(&to_line(r));
        out.push('\n');
    }
    out
}

/// A line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    /// Line number, from 1.
    pub line: usize,
    /// What is wrong and what to do, in French.
    pub fr: String,
    /// The same in English.
    pub en: String,
}

impl LineProblem {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        if lang == Lang::En { &self.en } else { &self.fr }
    }
}

/// Reads one line (numbered from 1); blank lines give `None`.
pub fn parse_line(number: usize, line: &str) -> Option<Result<Record, LineProblem>> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let problem = |fr: String, en: String| LineProblem {
        line: number,
        fr,
        en,
    };
    let record: Record = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            let detail = clip(&e.to_string());
            return Some(Err(problem(
                format!(
                    "ligne {number} illisible ({detail}) : ce n'est pas une session exportée par Dédale, ou elle a été modifiée ; supprimez cette ligne ou exportez les sessions à nouveau"
                ),
                format!(
                    "line {number} cannot be read ({detail}): it is not a session exported by Dédale, or it was edited; delete this line or export the sessions again"
                ),
            )));
        }
    };
    Some(match record.validate() {
        Ok(()) => Ok(record),
        Err(why) => Err(problem(
            format!("ligne {number} : {why}"),
            format!("line {number}: {why}"),
        )),
    })
}

/// Every line of a JSON Lines text, in order: the good records and the bad lines.
pub fn lines(text: &str) -> impl Iterator<Item = Result<Record, LineProblem>> + '_ {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| parse_line(i + 1, line))
}

/// Reads a whole JSON Lines text: the records, and the lines that were not taken in.
pub fn read(text: &str) -> (Vec<Record>, Vec<LineProblem>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for item in lines(text) {
        match item {
            Ok(r) => records.push(r),
            Err(p) => problems.push(p),
        }
    }
    (records, problems)
}

/// serde's message, shortened: it may quote the line, and a message must stay readable.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(120).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}
