//! Fragments included by a scenario (`include: ["communs/aide.ron"]`): the
//! loader asks its caller for each one's text (the core reads no files: the
//! command line reads them beside the scenario, the game has the shipped
//! ones built in), parses it, adds its pages and messages to the
//! scenario's, and puts its shared debrief paragraphs where endings name
//! them. Problems inside a fragment name that fragment's file.

use super::features::FeatureProblem;
use super::{
    Diagnostic, Locator, MAX_BYTES, Problem, Report, Severity, nearest, ron_options, syntax,
};
use crate::model::{Fragment, Scenario, SharedParagraph};

/// What a caller gives the loader to read included fragments: for the name
/// written in `include`, the name to show in messages (a path) and the
/// text; `None` when there is no such fragment.
pub type Includes<'a> = &'a dyn Fn(&str) -> Option<(String, String)>;

/// Includes for a scenario read alone: none can be read.
pub fn no_includes(_: &str) -> Option<(String, String)> {
    None
}

/// An included fragment's text, kept in the report for excerpts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Included {
    /// The name shown in messages.
    pub name: String,
    /// Its text.
    pub source: String,
    /// Lines before it in the scenario and its fragments read one after the other.
    offset: usize,
}

/// Reads and merges the fragments a scenario includes; problems go to `report`.
pub(super) fn merge(scenario: &mut Scenario, text: &str, read: Includes<'_>, report: &mut Report) {
    let loc = Locator::new(text);
    let mut shared: Vec<SharedParagraph> = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    let names = scenario.include.clone();
    for name in &names {
        if done.contains(&name.as_str()) {
            continue;
        }
        done.push(name);
        let Some((shown, source)) = read(name) else {
            let (line, column) = loc.find(None, name, &["include"]).unwrap_or((1, 1));
            let problem = Problem::Feature(FeatureProblem::IncludeMissing(name.clone()));
            report
                .diagnostics
                .push(error(None, (line, column), problem));
            continue;
        };
        match fragment(&shown, &source) {
            Ok(f) => {
                scenario.pages.extend(f.pages);
                scenario.messages.extend(f.messages);
                shared.extend(f.paragraphs);
            }
            Err(d) => report.diagnostics.push(*d),
        }
        report.includes.push(Included {
            name: shown,
            source,
            offset: 0,
        });
    }
    // A fragment that could not be read may hold the shared paragraphs named:
    // its own problem is said once, without one more per paragraph.
    let complete = !report.has_errors();
    resolve_shared(scenario, &shared, &loc, complete, report);
}

/// Parses one fragment: its syntax and its format.
fn fragment(shown: &str, source: &str) -> Result<Fragment, Box<Diagnostic>> {
    if source.len() > MAX_BYTES {
        let problem = Problem::TooLarge {
            bytes: source.len(),
            max: MAX_BYTES,
        };
        return Err(Box::new(error(Some(shown), (1, 1), problem)));
    }
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let fragment = ron_options().from_str::<Fragment>(text).map_err(|e| {
        let (fr, en) = syntax::explain(&e.code);
        let pos = (e.span.start.line.max(1), e.span.start.col.max(1));
        Box::new(error(Some(shown), pos, Problem::Syntax { fr, en }))
    })?;
    if fragment.format != 2 {
        let problem = Problem::Feature(FeatureProblem::FragmentFormat(fragment.format));
        return Err(Box::new(error(Some(shown), (1, 1), problem)));
    }
    Ok(fragment)
}

/// Puts each shared paragraph's text where an ending names it; every
/// paragraph must have a text or name a shared one, not both.
fn resolve_shared(
    scenario: &mut Scenario,
    shared: &[SharedParagraph],
    loc: &Locator,
    complete: bool,
    report: &mut Report,
) {
    for ending in &mut scenario.endings {
        let at = loc.definition(&ending.id).unwrap_or((1, 1));
        for p in &mut ending.debrief.paragraphs {
            if p.text.is_some() == p.shared.is_some() {
                let problem = FeatureProblem::ParagraphText(ending.id.clone());
                report
                    .diagnostics
                    .push(error(None, at, Problem::Feature(problem)));
                continue;
            }
            let Some(id) = p.shared.take() else { continue };
            match shared.iter().find(|s| s.id == id) {
                Some(s) => {
                    p.text = Some(s.text.clone());
                    p.section = p.section.or(Some(s.section));
                }
                None if !complete => {}
                None => {
                    let hint = nearest(&id, shared.iter().map(|s| s.id.as_str()));
                    let pos = loc.reference(&ending.id, &id, &["shared"]);
                    let problem = FeatureProblem::UnknownShared(id, hint);
                    report
                        .diagnostics
                        .push(error(None, pos, Problem::Feature(problem)));
                }
            }
        }
    }
}

fn error(file: Option<&str>, (line, column): (usize, usize), problem: Problem) -> Diagnostic {
    Diagnostic {
        file: file.map(str::to_string),
        line,
        column,
        severity: Severity::Error,
        problem,
    }
}

/// The scenario's text and its fragments' one after the other, so that one
/// [`Locator`] finds ids wherever they are written; each fragment's offset is noted.
pub(super) fn combined(main: &str, includes: &mut [Included]) -> String {
    let mut all = main.strip_prefix('\u{feff}').unwrap_or(main).to_string();
    for inc in includes {
        if !all.ends_with('\n') {
            all.push('\n');
        }
        inc.offset = all.matches('\n').count();
        all.push_str(inc.source.strip_prefix('\u{feff}').unwrap_or(&inc.source));
    }
    all
}

/// The file (`None`: the scenario) and line of a line of the combined text.
pub(super) fn place(includes: &[Included], line: usize) -> (Option<String>, usize) {
    includes
        .iter()
        .rev()
        .find(|inc| line > inc.offset && inc.offset > 0)
        .map_or((None, line), |inc| {
            (Some(inc.name.clone()), line - inc.offset)
        })
}

/// Whether a text is a fragment (`Fragment(…)`) rather than a scenario: its
/// first word, after comments, says so.
pub fn is_fragment(text: &str) -> bool {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    rest.starts_with("Fragment")
}

/// Checks a fragment file alone (`dedale-cli check` meets one in a folder):
/// its syntax and format; the rest is checked with each scenario that includes it.
pub fn check_fragment(file: &str, source: &str) -> Result<Fragment, Report> {
    fragment(file, source).map_err(|mut d| {
        d.file = None;
        Report {
            file: file.to_string(),
            source: source.to_string(),
            diagnostics: vec![*d],
            includes: Vec::new(),
        }
    })
}
