//! Loading a scenario: text in, a checked [`Scenario`] or every problem found out.
//!
//! A pipeline of small steps folded over the source — size limit, byte-order
//! mark, RON parse, index, checks — that stops at the first step with errors.
//! The solver's checks (reachability, dead ends) come after, in [`crate::solve`].

mod checks;
mod encoding;
mod falc;
mod features;
mod include;
mod locate;
mod logic;
mod logic_checks;
mod problem;
mod suggest;
mod syntax;
#[cfg(test)]
mod tests_logic;

pub use encoding::{Encoding, decode};
pub use falc::{FalcProblem, MAX_WORDS, problems as falc_problems};
pub use features::FeatureProblem;
pub use include::{Included, Includes, check_fragment, is_fragment, no_includes};
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
    /// The included fragment it is in, by its shown name; `None`: the scenario's own file.
    pub file: Option<String>,
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
    /// Problems, in the order of the file, then those of included fragments.
    pub diagnostics: Vec<Diagnostic>,
    /// The fragments the scenario includes, for excerpts.
    pub includes: Vec<Included>,
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
                    d.file.as_deref().unwrap_or(&self.file),
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
            let source = match &d.file {
                Some(f) => self
                    .includes
                    .iter()
                    .find(|i| &i.name == f)
                    .map(|i| &i.source),
                None => Some(&self.source),
            };
            let line = source.and_then(|s| s.lines().nth(d.line.saturating_sub(1)));
            if let Some(src) = line {
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

impl Report {
    /// The scenario's text and its fragments' one after the other: a
    /// [`Locator`] over it finds an id wherever it is written, and
    /// [`Report::push`] takes its positions.
    pub fn combined(&mut self) -> String {
        include::combined(&self.source, &mut self.includes)
    }

    /// Adds a problem at a position of [`Report::combined`]'s text, in the file it falls in.
    pub fn push(&mut self, (line, column): Pos, severity: Severity, problem: Problem) {
        let (file, line) = include::place(&self.includes, line);
        self.diagnostics.push(Diagnostic {
            file,
            line,
            column,
            severity,
            problem,
        });
    }

    /// Orders the problems: the scenario's file first, then each fragment, by line and column.
    pub fn sort(&mut self) {
        let order = |f: &Option<String>| {
            f.as_ref().map_or(0, |name| {
                1 + self
                    .includes
                    .iter()
                    .position(|i| &i.name == name)
                    .unwrap_or(0)
            })
        };
        let mut keyed: Vec<_> = std::mem::take(&mut self.diagnostics)
            .into_iter()
            .map(|d| ((order(&d.file), d.line, d.column), d))
            .collect();
        keyed.sort_by_key(|k| k.0);
        self.diagnostics = keyed.into_iter().map(|(_, d)| d).collect();
        self.diagnostics.dedup();
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

/// Reads and checks a scenario, also returning its warnings. A scenario
/// that includes fragments needs [`load_with_includes`].
pub fn load_with_warnings(file: &str, source: &str) -> Result<(Scenario, Report), Report> {
    load_with_includes(file, source, &no_includes)
}

/// Reads and checks a scenario and the fragments it includes, which
/// `includes` gives by name; also returns its warnings.
pub fn load_with_includes(
    file: &str,
    source: &str,
    includes: Includes<'_>,
) -> Result<(Scenario, Report), Report> {
    let report = |diagnostics| Report {
        file: file.to_string(),
        source: source.to_string(),
        diagnostics,
        includes: Vec::new(),
    };
    if source.len() > MAX_BYTES {
        let problem = Problem::TooLarge {
            bytes: source.len(),
            max: MAX_BYTES,
        };
        return Err(report(vec![Diagnostic {
            file: None,
            line: 1,
            column: 1,
            severity: Severity::Error,
            problem,
        }]));
    }
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut scenario = parse(text).map_err(|d| report(vec![*d]))?;
    let mut out = report(Vec::new());
    include::merge(&mut scenario, text, includes, &mut out);
    if out.has_errors() {
        out.sort();
        return Err(out);
    }
    scenario.reindex();
    let loc = Locator::new(&out.combined());
    let found = checks::run(&scenario, &loc)
        .into_iter()
        .chain(features::run(&scenario, &loc))
        .chain(logic_checks::run(&scenario, &loc))
        .chain(falc::run(&scenario, &loc));
    for d in found {
        out.push((d.line, d.column), d.severity, d.problem);
    }
    out.sort();
    if out.has_errors() {
        return Err(out);
    }
    Ok((scenario, out))
}

/// The RON options every scenario is read with; fragments in the documentation use them too.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

fn parse(text: &str) -> Result<Scenario, Box<Diagnostic>> {
    ron_options().from_str::<Scenario>(text).map_err(|e| {
        let at = (e.span.start.line.max(1), e.span.start.col.max(1));
        let ((line, column), problem) = syntax::quotes(text, &e.code, at).unwrap_or_else(|| {
            let (fr, en) = syntax::explain(&e.code);
            (at, Problem::Syntax { fr, en })
        });
        Box::new(Diagnostic {
            file: None,
            line,
            column,
            severity: Severity::Error,
            problem,
        })
    })
}
