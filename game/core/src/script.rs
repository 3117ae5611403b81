//! Playthrough scripts: one action a line, in French (English words work too).
//! Trainers test their scenarios with them, the test suite replays them, and
//! the solver prints its paths in the same syntax so they can be pasted in.
//!
//! ```text
//! # un commentaire
//! graine 7                      (seed 7)
//! mode formation                (mode atelier)
//! remplir nir 2 95 10 99 126 111 93
//! remplir code {code:sms_code}  le code reçu dans le message `sms_code`
//! remplir captcha {captcha:captcha}
//! choisir situation seule       cocher cgu        decocher cgu
//! joindre avis avis_imposition  ouvrir carte_vitale   lire sms_code
//! appuyer valider               indice   retour   attendre 5min   dire ligne_id
//! lire-a-voix-haute page:banque  (what the app reads aloud, by element id)
//! abandonner
//! attendu page recap            attendu fin depot_ok    attendu erreur nir nir_key
//! ```

use crate::Lang;
use crate::engine::{Action, Outcome, Session, Settings, State};
use crate::model::{Mode, Scenario};

/// A parsed script.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Script {
    /// Seed given by the script (`graine N`), if any.
    pub seed: Option<u64>,
    /// Mode given by the script, if any.
    pub mode: Option<Mode>,
    /// Steps with their line numbers.
    pub steps: Vec<(usize, Step)>,
}

/// One line of a script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// An action; `Fill` values may hold `{code:…}` or `{captcha:…}`.
    Act(Action),
    /// The current page must be this one.
    ExpectPage(String),
    /// The session must have ended on this ending.
    ExpectEnding(String),
    /// The last submit must have refused this input with this error code.
    ExpectError(String, String),
}

/// A line that could not be read: its number and why, in French and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptError {
    /// Line number, from 1.
    pub line: usize,
    /// What is wrong, French.
    pub fr: String,
    /// What is wrong, English.
    pub en: String,
}

impl ScriptError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        if lang == Lang::En { &self.en } else { &self.fr }
    }
}

/// Reads a script; every bad line is reported.
pub fn parse(text: &str) -> Result<Script, Vec<ScriptError>> {
    let mut script = Script::default();
    let mut errors = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let (word, rest) = raw.split_once(char::is_whitespace).unwrap_or((raw, ""));
        let rest = rest.trim();
        let args: Vec<&str> = rest.split_whitespace().collect();
        let err = |fr: String, en: String| ScriptError { line, fr, en };
        let need = |n: usize, usage: &str| {
            (args.len() < n).then(|| {
                err(
                    format!("il manque un argument : écrivez `{usage}`"),
                    format!("missing argument: write `{usage}`"),
                )
            })
        };
        let parsed: Result<Option<Step>, ScriptError> = match word.to_lowercase().as_str() {
            "graine" | "seed" => match rest.parse::<u64>() {
                Ok(n) => {
                    script.seed = Some(n);
                    Ok(None)
                }
                Err(_) => Err(err("la graine est un nombre entier positif".into(), "the seed is a whole number".into())),
            },
            "mode" => match rest.to_lowercase().as_str() {
                "atelier" | "workshop" => {
                    script.mode = Some(Mode::Atelier);
                    Ok(None)
                }
                "formation" | "training" => {
                    script.mode = Some(Mode::Formation);
                    Ok(None)
                }
                _ => Err(err("mode `atelier` ou `formation` attendu".into(), "expected mode `atelier` or `formation`".into())),
            },
            "remplir" | "fill" => match need(1, "remplir <champ> <valeur>") {
                Some(e) => Err(e),
                None => {
                    let value = rest.split_once(char::is_whitespace).map_or("", |(_, v)| v.trim());
                    Ok(Some(Step::Act(Action::Fill { field: args[0].into(), value: value.into() })))
                }
            },
            "choisir" | "choose" => need(2, "choisir <question> <réponse>").map_or_else(
                || Ok(Some(Step::Act(Action::Choose { field: args[0].into(), option: args[1].into() }))),
                Err,
            ),
            "cocher" | "tick" => need(1, "cocher <case>")
                .map_or_else(|| Ok(Some(Step::Act(Action::Tick { field: args[0].into(), checked: true }))), Err),
            "decocher" | "décocher" | "untick" => need(1, "décocher <case>")
                .map_or_else(|| Ok(Some(Step::Act(Action::Tick { field: args[0].into(), checked: false }))), Err),
            "joindre" | "upload" => need(2, "joindre <envoi> <document>").map_or_else(
                || Ok(Some(Step::Act(Action::Upload { field: args[0].into(), document: args[1].into() }))),
                Err,
            ),
            "appuyer" | "press" => need(1, "appuyer <bouton>")
                .map_or_else(|| Ok(Some(Step::Act(Action::Press { button: args[0].into() }))), Err),
            "ouvrir" | "open" => need(1, "ouvrir <document>")
                .map_or_else(|| Ok(Some(Step::Act(Action::OpenDocument { document: args[0].into() }))), Err),
            "lire" | "read" => need(1, "lire <message>")
                .map_or_else(|| Ok(Some(Step::Act(Action::ReadMessage { message: args[0].into() }))), Err),
            "lire-a-voix-haute" | "lire-à-voix-haute" | "read-aloud" => need(1, "lire-a-voix-haute <élément>")
                .map_or_else(|| Ok(Some(Step::Act(Action::ReadAloud { what: args[0].into() }))), Err),
            "indice" | "hint" => Ok(Some(Step::Act(Action::Hint))),
            "retour" | "back" => Ok(Some(Step::Act(Action::Back))),
            "abandonner" | "abandon" => Ok(Some(Step::Act(Action::Abandon))),
            "dire" | "say" => need(1, "dire <réplique>")
                .map_or_else(|| Ok(Some(Step::Act(Action::Say { line: args[0].into() }))), Err),
            "attendre" | "wait" => match parse_duration(rest) {
                Some(seconds) => Ok(Some(Step::Act(Action::Wait { seconds }))),
                None => Err(err(
                    "durée attendue, par exemple `30s`, `5min` ou `2h`".into(),
                    "expected a duration such as `30s`, `5min` or `2h`".into(),
                )),
            },
            "attendu" | "expect" => match args.as_slice() {
                ["page", id] => Ok(Some(Step::ExpectPage((*id).into()))),
                ["fin" | "ending", id] => Ok(Some(Step::ExpectEnding((*id).into()))),
                ["erreur" | "error", field, code] => Ok(Some(Step::ExpectError((*field).into(), (*code).into()))),
                _ => Err(err(
                    "écrivez `attendu page <id>`, `attendu fin <id>` ou `attendu erreur <champ> <code>`".into(),
                    "write `expect page <id>`, `expect ending <id>` or `expect error <input> <code>`".into(),
                )),
            },
            other => Err(err(
                format!("action `{other}` inconnue : remplir, choisir, cocher, décocher, joindre, appuyer, ouvrir, lire, indice, retour, attendre, dire, abandonner, attendu"),
                format!("unknown action `{other}`: fill, choose, tick, untick, upload, press, open, read, hint, back, wait, say, abandon, expect"),
            )),
        };
        match parsed {
            Ok(Some(step)) => script.steps.push((line, step)),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(script)
    } else {
        Err(errors)
    }
}

fn parse_duration(s: &str) -> Option<u32> {
    let s = s.trim().to_lowercase().replace(' ', "");
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let n: u32 = digits.parse().ok()?;
    let factor = match &s[digits.len()..] {
        "" | "s" | "sec" => 1,
        "min" | "m" => 60,
        "h" => 3600,
        _ => return None,
    };
    n.checked_mul(factor)
}

/// The script line for an action, as the solver prints its paths.
pub fn line(action: &Action) -> String {
    match action {
        Action::Fill { field, value } => format!("remplir {field} {value}"),
        Action::Choose { field, option } => format!("choisir {field} {option}"),
        Action::Tick {
            field,
            checked: true,
        } => format!("cocher {field}"),
        Action::Tick {
            field,
            checked: false,
        } => format!("décocher {field}"),
        Action::Upload { field, document } => format!("joindre {field} {document}"),
        Action::Press { button } => format!("appuyer {button}"),
        Action::OpenDocument { document } => format!("ouvrir {document}"),
        Action::ReadMessage { message } => format!("lire {message}"),
        Action::Hint => "indice".into(),
        Action::Back => "retour".into(),
        Action::Wait { seconds } if seconds % 60 == 0 && *seconds > 0 => {
            format!("attendre {}min", seconds / 60)
        }
        Action::Wait { seconds } => format!("attendre {seconds}s"),
        Action::Say { line } => format!("dire {line}"),
        Action::Abandon => "abandonner".into(),
        Action::ReadAloud { what } => format!("lire-a-voix-haute {what}"),
    }
}

/// Replaces `{code:message}` and `{captcha:input}` with what the session shows the player.
pub fn resolve(action: Action, state: &State) -> Action {
    match action {
        Action::Fill { field, value } => {
            let value = if let Some(msg) = value
                .strip_prefix("{code:")
                .and_then(|v| v.strip_suffix('}'))
            {
                state
                    .code_of(msg)
                    .map_or(value.clone(), |(c, _)| c.to_string())
            } else if let Some(id) = value
                .strip_prefix("{captcha:")
                .and_then(|v| v.strip_suffix('}'))
            {
                state.captchas.get(id).cloned().unwrap_or(value.clone())
            } else {
                value
            };
            Action::Fill { field, value }
        }
        other => other,
    }
}

/// A failed expectation or a refused action: the line and what happened, French and English.
pub type Failure = ScriptError;

/// Plays a script; `each` sees every step and its outcome (to print a transcript).
pub fn run<'s>(
    scenario: &'s Scenario,
    script: &Script,
    settings: Settings,
    mut each: impl FnMut(usize, &Step, Option<&Outcome>, &Session<'s>),
) -> (Session<'s>, Vec<Failure>) {
    let settings = Settings {
        seed: script.seed.unwrap_or(settings.seed),
        mode: script.mode.unwrap_or(settings.mode),
        ..settings
    };
    let (mut session, _) = Session::start(scenario, settings);
    let mut failures = Vec::new();
    for (line, step) in &script.steps {
        let fail = |fr: String, en: String| ScriptError {
            line: *line,
            fr,
            en,
        };
        match step {
            Step::Act(action) => {
                let action = resolve(action.clone(), session.state());
                let out = session.act(action);
                if let Some(r) = out.refused() {
                    failures.push(fail(r.message(Lang::Fr), r.message(Lang::En)));
                }
                each(*line, step, Some(&out), &session);
            }
            Step::ExpectPage(id) => {
                let st = session.state();
                if st.ending.is_some() || &st.page != id {
                    let now = st
                        .ending
                        .as_ref()
                        .map_or(st.page.clone(), |e| format!("fin {}", e.ending));
                    failures.push(fail(
                        format!("page `{id}` attendue, mais on est sur `{now}`"),
                        format!("expected page `{id}`, but the session is on `{now}`"),
                    ));
                }
                each(*line, step, None, &session);
            }
            Step::ExpectEnding(id) => {
                let reached = session.state().ending.as_ref().map(|e| e.ending.clone());
                if reached.as_deref() != Some(id.as_str()) {
                    let now = reached.unwrap_or_else(|| format!("page {}", session.state().page));
                    failures.push(fail(
                        format!("fin `{id}` attendue, mais on est sur `{now}`"),
                        format!("expected ending `{id}`, but the session is on `{now}`"),
                    ));
                }
                each(*line, step, None, &session);
            }
            Step::ExpectError(field, code) => {
                let found = session
                    .state()
                    .errors
                    .iter()
                    .any(|e| &e.field == field && e.kind.code() == code);
                if !found {
                    failures.push(fail(
                        format!("erreur `{code}` attendue sur le champ `{field}`, absente"),
                        format!("expected error `{code}` on input `{field}`, not shown"),
                    ));
                }
                each(*line, step, None, &session);
            }
        }
    }
    (session, failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_printed_line() {
        let actions = [
            Action::Fill {
                field: "nir".into(),
                value: "2 95 10 99 126 111 93".into(),
            },
            Action::Choose {
                field: "q".into(),
                option: "oui".into(),
            },
            Action::Tick {
                field: "cgu".into(),
                checked: true,
            },
            Action::Tick {
                field: "cgu".into(),
                checked: false,
            },
            Action::Upload {
                field: "avis".into(),
                document: "avis_2025".into(),
            },
            Action::Press {
                button: "valider".into(),
            },
            Action::OpenDocument {
                document: "rib".into(),
            },
            Action::ReadMessage {
                message: "sms".into(),
            },
            Action::Hint,
            Action::Back,
            Action::Wait { seconds: 300 },
            Action::Wait { seconds: 42 },
            Action::Say { line: "l1".into() },
            Action::Abandon,
            Action::ReadAloud {
                what: "page:banque".into(),
            },
        ];
        for a in actions {
            let parsed = parse(&line(&a)).expect("printed lines parse");
            assert_eq!(parsed.steps, vec![(1, Step::Act(a))]);
        }
    }

    #[test]
    fn bad_lines_are_all_reported_with_their_numbers() {
        let errors =
            parse("remplir\nsauter x\nattendre demain\nappuyer ok").expect_err("three bad lines");
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![1, 2, 3]);
        assert!(errors[1].fr.contains("`sauter` inconnue"));
    }
}
