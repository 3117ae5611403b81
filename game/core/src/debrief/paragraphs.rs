//! Debrief text that depends on what happened: an ending's `paragraphs`
//! whose condition holds at the end are added to their part of the debrief
//! ("what happened", "to remember", "where to get help"), in the order written.

use super::Debrief;
use crate::Lang;
use crate::engine::{State, holds};
use crate::model::{Ending, Scenario, Section};

/// Adds the paragraphs of `ending` that hold in `state`. Shared paragraphs
/// were replaced by their text when the scenario was loaded; one left
/// without text (a scenario built in code) is skipped.
pub(super) fn add(
    debrief: &mut Debrief,
    scenario: &Scenario,
    ending: &Ending,
    state: &State,
    lang: Lang,
) {
    for p in &ending.debrief.paragraphs {
        let Some(text) = &p.text else { continue };
        if !holds(scenario, state, &p.when) {
            continue;
        }
        let text = text.get(lang).to_string();
        match p.section.unwrap_or_default() {
            Section::Happened => push_paragraph(&mut debrief.what_happened, text),
            Section::Remember => debrief.remember.push(text),
            Section::Help => push_paragraph(&mut debrief.help, text),
        }
    }
}

/// A paragraph after another, with a blank line between them.
fn push_paragraph(to: &mut String, text: String) {
    if !to.is_empty() {
        to.push_str("\n\n");
    }
    to.push_str(&text);
}
