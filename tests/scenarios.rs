//! Every shipped scenario checks and solves, and its scripts reach each of its endings.

mod common;

use std::collections::BTreeSet;

use dedale_core::Lang;
use dedale_core::engine::Settings;
use dedale_core::script::{self, Step};
use dedale_core::solve::{Limits, check_with};

#[test]
fn there_are_shipped_scenarios() {
    assert!(
        common::scenario_files().len() >= 2,
        "at least the two first scenarios ship"
    );
}

#[test]
fn every_scenario_checks_and_solves_without_warnings() {
    for file in common::scenario_files() {
        let name = file.display().to_string();
        let includes = common::includes_beside(&file);
        match check_with(&name, &common::read(&file), &includes, Limits::default()) {
            Ok((_, report)) => {
                assert!(report.diagnostics.is_empty(), "{}", report.render(Lang::Fr))
            }
            Err(report) => panic!("{}", report.render(Lang::Fr)),
        }
    }
}

/// Every text of every shipped scenario (instructions, hints, messages,
/// dialogues, debriefs…) has its English and its FALC version: the loader
/// refuses a text without a translation that `languages` promises, and the
/// test above loads every scenario without a problem.
#[test]
fn every_scenario_is_fully_translated_into_english_and_falc() {
    for file in common::scenario_files() {
        let name = file.display().to_string();
        let scenario = common::load(&file);
        for lang in [Lang::En, Lang::Falc] {
            assert!(
                scenario.meta.languages.contains(&lang),
                "{name} must declare {lang:?} in `languages`, and give it for every text"
            );
        }
    }
}

#[test]
fn every_script_passes_and_every_ending_has_one() {
    for file in common::scenario_files() {
        let name = file.display().to_string();
        let scenario = common::load(&file);
        let scripts = common::scripts_of(&file);
        assert!(!scripts.is_empty(), "{name} has playthrough scripts");
        let mut reached = BTreeSet::new();
        for path in scripts {
            let text = common::read(&path);
            let parsed =
                script::parse(&text).unwrap_or_else(|e| panic!("{}: {:?}", path.display(), e));
            let last = parsed.steps.last().map(|(_, s)| s.clone());
            let Some(Step::ExpectEnding(ending)) = last else {
                panic!("{} must end with `attendu fin …`", path.display())
            };
            let (session, failures) =
                script::run(&scenario, &parsed, Settings::new(1), |_, _, _, _| {});
            let messages: Vec<String> = failures
                .iter()
                .map(|f| format!("{}:{}: {}", path.display(), f.line, f.fr))
                .collect();
            assert!(failures.is_empty(), "{}", messages.join("\n"));
            assert_eq!(
                session.state().ending.as_ref().map(|e| e.ending.clone()),
                Some(ending.clone())
            );
            reached.insert(ending);
        }
        for ending in &scenario.endings {
            assert!(
                reached.contains(&ending.id),
                "{name}: no script reaches ending `{}`",
                ending.id
            );
        }
    }
}
