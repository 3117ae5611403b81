//! Loading a scenario: text in, a checked [`Scenario`] or every problem found out.
//!
//! A pipeline of small steps folded over the source — size limit, byte-order
//! mark, RON parse, index, checks — that stops at the first step with errors.
//! The solver's checks (reachability, dead ends) come after, in [`crate::solve`].

mod checks;
mod encoding;
mod locate;
mod logic;
mod logic_checks;
mod problem;
mod suggest;
mod syntax;
#[cfg(test)]
mod tests_logic;

pub use encoding::{Encoding, decode};
pub use locate::{Locator, Pos};
pub use logic::LogicProblem;
pub use problem::{Problem, What};
pub use suggest::nearest;

use std::fmt;

use crate::Lang;
use crate::model::Scenario;

/// Largest scenario file accepted: far above any real scenario, low enough to answer at once.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Deepest RON nesting accepted; real scenarios nest about ten deep.
const MAX_NESTING: usize = 64;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The scenario cannot be played as it is.
    Error,
    /// Worth fixing; the scenario still plays.
    Warning,
}

/// A problem at a place in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub problem: Problem,
}

/// Every problem of one file.
#[derive(Clone, PartialEq, Eq)]
pub struct Report {
    /// The name the caller gave the file (its path, for the command line).
    pub file: String,
    /// The source, for excerpts.
    pub source: String,
    /// Problems, in the order of the file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// One line a problem: `file:line:column: message`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        self.diagnostics
            .iter()
            .map(|d| {
                let tag = match (d.severity, lang) {
                    (Severity::Error, _) => "",
                    (Severity::Warning, Lang::En) => "warning: ",
                    (Severity::Warning, _) => "avertissement : ",
                };
                format!(
                    "{}:{}:{}: {tag}{}",
                    self.file,
                    d.line,
                    d.column,
                    d.problem.message(lang)
                )
            })
            .collect()
    }

    /// Each problem with the line of source it points at and a caret under the column.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for (text, d) in self.lines(lang).iter().zip(&self.diagnostics) {
            out.push_str(text);
            out.push('\n');
            if let Some(src) = self.source.lines().nth(d.line.saturating_sub(1)) {
                // Control characters (a binary file's) would garble the terminal.
                let src: String = src
                    .chars()
                    .take(160)
                    .map(|c| {
                        if c.is_control() && c != '\t' {
                            '\u{fffd}'
                        } else {
                            c
                        }
                    })
                    .collect();
                let pad: String = src
                    .chars()
                    .take(d.column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                out.push_str(&format!("    | {src}\n    | {pad}^\n"));
            }
        }
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Fr))
    }
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Fr))
    }
}

impl std::error::Error for Report {}

/// Reads and checks a scenario. `file` only names it in messages.
pub fn load(file: &str, source: &str) -> Result<Scenario, Report> {
    load_with_warnings(file, source).map(|(scenario, _)| scenario)
}

/// Reads and checks a scenario, also returning its warnings.
pub fn load_with_warnings(file: &str, source: &str) -> Result<(Scenario, Report), Report> {
    let report = |diagnostics| Report {
        file: file.to_string(),
        source: source.to_string(),
        diagnostics,
    };
    if source.len() > MAX_BYTES {
        let problem = Problem::TooLarge {
            bytes: source.len(),
            max: MAX_BYTES,
        };
        return Err(report(vec![Diagnostic {
            line: 1,
            column: 1,
            severity: Severity::Error,
            problem,
        }]));
    }
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut scenario = parse(text).map_err(|d| report(vec![d]))?;
    scenario.reindex();
    let locator = Locator::new(text);
    let mut diagnostics = checks::run(&scenario, &locator);
    diagnostics.extend(logic_checks::run(&scenario, &locator));
    diagnostics.sort_by_key(|d| (d.line, d.column));
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(report(diagnostics));
    }
    Ok((scenario, report(diagnostics)))
}

/// The RON options every scenario is read with; fragments in the documentation use them too.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

fn parse(text: &str) -> Result<Scenario, Diagnostic> {
    ron_options().from_str::<Scenario>(text).map_err(|e| {
        let at = (e.span.start.line.max(1), e.span.start.col.max(1));
        let ((line, column), problem) = syntax::quotes(text, &e.code, at).unwrap_or_else(|| {
            let (fr, en) = syntax::explain(&e.code);
            (at, Problem::Syntax { fr, en })
        });
        Diagnostic {
            line,
            column,
            severity: Severity::Error,
            problem,
        }
    })
}
