//! Playthrough scripts: one action a line, in French (English words work too).
//! Trainers test their scenarios with them, the test suite replays them, and
//! the solver prints its paths in the same syntax so they can be pasted in.
//!
//! ```text
//! # un commentaire
//! graine 7                      (seed 7)
//! mode formation                (mode atelier)
//! réglage imprevus aucun        (a trainer switch and its option; `switch` in English)
//! remplir nir 2 95 10 99 126 111 93
//! remplir code {code:sms_code}  le code reçu dans le message `sms_code`
//! remplir captcha {captcha:captcha}
//! remplir confirmation {champ:mot_de_passe}   what field `mot_de_passe` holds
//! choisir situation seule       cocher cgu        decocher cgu
//! joindre avis avis_imposition  ouvrir carte_vitale   lire sms_code
//! appuyer valider               indice   retour   attendre 5min   dire ligne_id
//! lire-a-voix-haute page:banque  (what the app reads aloud, by element id)
//! suivre sms_arnaque lien       (follows a link of a received message)
//! abandonner
//! attendu page recap            attendu fin depot_ok    attendu erreur nir nir_key
//! attendu bloqué valider        (a required dialogue holds the button, mode formation)
//! ```
//!
//! A script is played to its last line whatever happens: every line that
//! cannot be read, every refused action and every false expectation is
//! reported ([`check`]).

use crate::Lang;
use crate::engine::{Action, Outcome, Refusal, Session, Settings, State};
use crate::load::nearest;
use crate::model::{Mode, Scenario};
use crate::rules::ErrorKind;

/// A parsed script.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Script {
    /// Seed given by the script (`graine N`), if any.
    pub seed: Option<u64>,
    /// Mode given by the script, if any.
    pub mode: Option<Mode>,
    /// Trainer switches set by the script (`réglage imprevus aucun`), with
    /// their line: checked against the scenario when the script is played.
    pub switches: Vec<(usize, String, String)>,
    /// Steps with their line numbers.
    pub steps: Vec<(usize, Step)>,
}

impl Script {
    /// How a session of this script starts: `base` with the script's seed,
    /// mode and switches. Switches the scenario does not have are left out
    /// ([`run`] reports them at their line); every player of scripts starts
    /// sessions through here.
    pub fn settings(&self, scenario: &Scenario, base: Settings) -> Settings {
        let mut switches = base.switches.clone();
        for (_, switch, option) in &self.switches {
            if scenario.check_setting(switch, option).is_ok() {
                switches.insert(switch.clone(), option.clone());
            }
        }
        Settings {
            seed: self.seed.unwrap_or(base.seed),
            mode: self.mode.unwrap_or(base.mode),
            switches,
            ..base
        }
    }
}

/// One line of a script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// An action; `Fill` values may hold `{code:…}`, `{captcha:…}` or `{champ:…}`.
    Act(Action),
    /// The current page must be this one.
    ExpectPage(String),
    /// The session must have ended on this ending.
    ExpectEnding(String),
    /// The last submit must have refused this input with this error code.
    ExpectError(String, String),
    /// This button must be on the page but blocked: pressing it now would be
    /// refused (a required dialogue waits for an answer). Nothing is pressed.
    ExpectBlocked(String),
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

/// Every verb a script understands, French first, then English.
pub const VERBS: [&str; 42] = [
    "graine",
    "mode",
    "réglage",
    "reglage",
    "remplir",
    "choisir",
    "cocher",
    "décocher",
    "decocher",
    "joindre",
    "appuyer",
    "ouvrir",
    "lire",
    "lire-a-voix-haute",
    "lire-à-voix-haute",
    "indice",
    "prolonger",
    "retour",
    "attendre",
    "dire",
    "suivre",
    "abandonner",
    "attendu",
    "seed",
    "switch",
    "fill",
    "choose",
    "tick",
    "untick",
    "upload",
    "press",
    "open",
    "read",
    "read-aloud",
    "hint",
    "more-time",
    "back",
    "wait",
    "say",
    "follow",
    "abandon",
    "expect",
];

/// What can follow `attendu`, French first, then English.
const EXPECTATIONS: [&str; 8] = [
    "page", "fin", "erreur", "bloqué", "bloque", "ending", "error", "blocked",
];

/// " ; vouliez-vous dire `x` ?" and "; did you mean `x`?" when a candidate is close, else `None`.
fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<(String, String)> {
    nearest(word, candidates).map(|n| {
        (
            format!(" ; vouliez-vous dire `{n}` ?"),
            format!("; did you mean `{n}`?"),
        )
    })
}

/// Reads a script; every bad line is reported, and nothing is played.
pub fn parse(text: &str) -> Result<Script, Vec<ScriptError>> {
    let (script, errors) = read(text);
    if errors.is_empty() {
        Ok(script)
    } else {
        Err(errors)
    }
}

/// Reads a script as far as it goes: the lines it understood, to be played,
/// and every line it could not read, with its number.
pub fn read(text: &str) -> (Script, Vec<ScriptError>) {
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
                Err(_) => Err(err(
                    "la graine est un nombre entier positif".into(),
                    "the seed is a whole number".into(),
                )),
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
                _ => Err(err(
                    "mode `atelier` ou `formation` attendu".into(),
                    "expected mode `atelier` or `formation`".into(),
                )),
            },
            "réglage" | "reglage" | "switch" => match args.as_slice() {
                [switch, option] => {
                    script
                        .switches
                        .push((line, (*switch).to_string(), (*option).to_string()));
                    Ok(None)
                }
                _ => Err(err(
                    "écrivez `réglage <réglage> <option>`, par exemple `réglage imprevus aucun`"
                        .into(),
                    "write `switch <switch> <option>`, such as `switch imprevus aucun`".into(),
                )),
            },
            "remplir" | "fill" => match need(1, "remplir <champ> <valeur>") {
                Some(e) => Err(e),
                None => {
                    let value = rest
                        .split_once(char::is_whitespace)
                        .map_or("", |(_, v)| v.trim());
                    Ok(Some(Step::Act(Action::Fill {
                        field: args[0].into(),
                        value: value.into(),
                    })))
                }
            },
            "choisir" | "choose" => need(2, "choisir <question> <réponse>").map_or_else(
                || {
                    Ok(Some(Step::Act(Action::Choose {
                        field: args[0].into(),
                        option: args[1].into(),
                    })))
                },
                Err,
            ),
            "cocher" | "tick" => need(1, "cocher <case>").map_or_else(
                || {
                    Ok(Some(Step::Act(Action::Tick {
                        field: args[0].into(),
                        checked: true,
                    })))
                },
                Err,
            ),
            "decocher" | "décocher" | "untick" => need(1, "décocher <case>").map_or_else(
                || {
                    Ok(Some(Step::Act(Action::Tick {
                        field: args[0].into(),
                        checked: false,
                    })))
                },
                Err,
            ),
            "joindre" | "upload" => need(2, "joindre <envoi> <document>").map_or_else(
                || {
                    Ok(Some(Step::Act(Action::Upload {
                        field: args[0].into(),
                        document: args[1].into(),
                    })))
                },
                Err,
            ),
            "appuyer" | "press" => need(1, "appuyer <bouton>").map_or_else(
                || {
                    Ok(Some(Step::Act(Action::Press {
                        button: args[0].into(),
                    })))
                },
                Err,
            ),
            "ouvrir" | "open" => need(1, "ouvrir <document>").map_or_else(
                || {
                    Ok(Some(Step::Act(Action::OpenDocument {
                        document: args[0].into(),
                    })))
                },
                Err,
            ),
            "lire" | "read" => need(1, "lire <message>").map_or_else(
                || {
                    Ok(Some(Step::Act(Action::ReadMessage {
                        message: args[0].into(),
                    })))
                },
                Err,
            ),
            "lire-a-voix-haute" | "lire-à-voix-haute" | "read-aloud" => {
                need(1, "lire-a-voix-haute <élément>").map_or_else(
                    || {
                        Ok(Some(Step::Act(Action::ReadAloud {
                            what: args[0].into(),
                        })))
                    },
                    Err,
                )
            }
            "indice" | "hint" => Ok(Some(Step::Act(Action::Hint))),
            "prolonger" | "more-time" => Ok(Some(Step::Act(Action::ExtendTime))),
            "retour" | "back" => Ok(Some(Step::Act(Action::Back))),
            "abandonner" | "abandon" => Ok(Some(Step::Act(Action::Abandon))),
            "suivre" | "follow" => need(2, "suivre <message> <lien>").map_or_else(
                || {
                    Ok(Some(Step::Act(Action::FollowLink {
                        message: args[0].into(),
                        link: args[1].into(),
                    })))
                },
                Err,
            ),
            "dire" | "say" => need(1, "dire <réplique>").map_or_else(
                || {
                    Ok(Some(Step::Act(Action::Say {
                        line: args[0].into(),
                    })))
                },
                Err,
            ),
            "attendre" | "wait" => match parse_duration(rest) {
                Some(seconds) => Ok(Some(Step::Act(Action::Wait { seconds }))),
                None => Err(err(
                    "durée attendue, par exemple `30s`, `5min` ou `2h`".into(),
                    "expected a duration such as `30s`, `5min` or `2h`".into(),
                )),
            },
            "attendu" | "expect" => expectation(&args).map(Some).map_err(|(fr, en)| err(fr, en)),
            other => {
                let (fr, en) = did_you_mean(other, VERBS).unwrap_or_else(|| {
                    (
                        " ; verbes possibles : remplir, choisir, cocher, décocher, joindre, appuyer, ouvrir, lire, indice, retour, attendre, dire, suivre, abandonner, attendu, graine, mode, réglage".into(),
                        "; possible verbs: fill, choose, tick, untick, upload, press, open, read, hint, back, wait, say, follow, abandon, expect, seed, mode, switch".into(),
                    )
                });
                Err(err(
                    format!("verbe inconnu `{other}`{fr}"),
                    format!("unknown verb `{other}`{en}"),
                ))
            }
        };
        match parsed {
            Ok(Some(step)) => script.steps.push((line, step)),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    (script, errors)
}

/// Reads what follows `attendu`; the error says what to write, in French and English.
fn expectation(args: &[&str]) -> Result<Step, (String, String)> {
    let usage = |fr: &str, en: &str| (format!("écrivez `{fr}`"), format!("write `{en}`"));
    let Some(kind) = args.first() else {
        return Err((
            "écrivez `attendu page <page>`, `attendu fin <fin>`, `attendu erreur <champ> <code>` ou `attendu bloqué <bouton>`".into(),
            "write `expect page <page>`, `expect ending <ending>`, `expect error <input> <code>` or `expect blocked <button>`".into(),
        ));
    };
    let kind = kind.to_lowercase();
    match (kind.as_str(), &args[1..]) {
        ("page", [id]) => Ok(Step::ExpectPage((*id).into())),
        ("page", _) => Err(usage("attendu page <page>", "expect page <page>")),
        ("fin" | "ending", [id]) => Ok(Step::ExpectEnding((*id).into())),
        ("fin" | "ending", _) => Err(usage("attendu fin <fin>", "expect ending <ending>")),
        ("erreur" | "error", [field, code]) => {
            if ErrorKind::CODES.contains(code) {
                return Ok(Step::ExpectError((*field).into(), (*code).into()));
            }
            let (fr, en) = did_you_mean(code, ErrorKind::CODES).unwrap_or_else(|| {
                (
                    " (la liste des codes est dans le guide des scénarios, « Codes d'erreur des champs »)".into(),
                    " (the codes are listed in the scenario guide, “Codes d'erreur des champs”)".into(),
                )
            });
            Err((
                format!("code d'erreur `{code}` inconnu{fr}"),
                format!("unknown error code `{code}`{en}"),
            ))
        }
        ("erreur" | "error", _) => Err(usage(
            "attendu erreur <champ> <code>",
            "expect error <input> <code>",
        )),
        ("bloqué" | "bloque" | "blocked", [button]) => Ok(Step::ExpectBlocked((*button).into())),
        ("bloqué" | "bloque" | "blocked", _) => {
            Err(usage("attendu bloqué <bouton>", "expect blocked <button>"))
        }
        (other, _) => {
            let (fr, en) = did_you_mean(other, EXPECTATIONS).unwrap_or_else(|| {
                (
                    " : écrivez `attendu page`, `attendu fin`, `attendu erreur` ou `attendu bloqué`".into(),
                    ": write `expect page`, `expect ending`, `expect error` or `expect blocked`".into(),
                )
            });
            Err((
                format!("attente `{other}` inconnue{fr}"),
                format!("unknown expectation `{other}`{en}"),
            ))
        }
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

/// The script line that sets a trainer switch, as the solver prints its paths.
pub fn setting_line(switch: &str, option: &str) -> String {
    format!("réglage {switch} {option}")
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
        Action::FollowLink { message, link } => format!("suivre {message} {link}"),
        Action::ReadAloud { what } => format!("lire-a-voix-haute {what}"),
        Action::ExtendTime => "prolonger".into(),
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
            } else if let Some(id) = value
                .strip_prefix("{champ:")
                .and_then(|v| v.strip_suffix('}'))
            {
                state.text(id).map_or(value.clone(), str::to_string)
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

/// Plays a script's text on a scenario to its last line and returns every
/// problem, in line order: lines that cannot be read (the others are played
/// all the same), refused actions and false expectations.
pub fn check(scenario: &Scenario, text: &str, settings: Settings) -> Vec<ScriptError> {
    let (script, mut problems) = read(text);
    let (_, failures) = run(scenario, &script, settings, |_, _, _, _| {});
    problems.extend(failures);
    problems.sort_by_key(|p| p.line);
    problems
}

/// A sentence of the engine, to follow a colon: its first letter in lower case.
fn after_colon(sentence: &str) -> String {
    let mut chars = sentence.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Where the session is, for a failure message: on a page, or ended on an ending.
fn whereabouts(session: &Session<'_>) -> (String, String) {
    let st = session.state();
    match &st.ending {
        Some(end) => (
            format!("la partie s'est terminée sur la fin `{}`", end.ending),
            format!("the session ended on ending `{}`", end.ending),
        ),
        None => (
            format!("on est sur la page `{}`", st.page),
            format!("the session is on page `{}`", st.page),
        ),
    }
}

/// Why an id named by an expectation is not in the scenario, with the nearest one.
fn unknown(what: (&str, &str), id: &str, known: Vec<&str>) -> (String, String) {
    let (fr, en) = did_you_mean(id, known).unwrap_or_default();
    (
        format!("{} `{id}` n'existe pas dans le scénario{fr}", what.0),
        format!("there is no {} `{id}` in the scenario{en}", what.1),
    )
}

/// Whether an expectation holds; if not, what went wrong in French and English.
fn expect(session: &Session<'_>, step: &Step) -> Result<(), (String, String)> {
    let s = session.scenario();
    let st = session.state();
    let (here_fr, here_en) = whereabouts(session);
    match step {
        Step::Act(_) => Ok(()),
        Step::ExpectPage(id) => {
            if st.ending.is_none() && &st.page == id {
                Ok(())
            } else if s.page(id).is_none() {
                let pages = s.pages.iter().map(|p| p.id.as_str()).collect();
                Err(unknown(("la page", "page"), id, pages))
            } else {
                Err((
                    format!("page `{id}` attendue, mais {here_fr}"),
                    format!("expected page `{id}`, but {here_en}"),
                ))
            }
        }
        Step::ExpectEnding(id) => {
            let reached = st.ending.as_ref().map(|e| e.ending.as_str());
            if reached == Some(id.as_str()) {
                Ok(())
            } else if s.ending(id).is_none() {
                let endings = s.endings.iter().map(|e| e.id.as_str()).collect();
                Err(unknown(("la fin", "ending"), id, endings))
            } else if st.ending.is_none() {
                Err((
                    format!("fin `{id}` non atteinte : la partie continue, {here_fr}"),
                    format!("ending `{id}` not reached: the session goes on, {here_en}"),
                ))
            } else {
                Err((
                    format!("fin `{id}` non atteinte : {here_fr}"),
                    format!("ending `{id}` not reached: {here_en}"),
                ))
            }
        }
        Step::ExpectError(field, code) => {
            let shown: Vec<&str> = st
                .errors
                .iter()
                .filter(|e| &e.field == field)
                .map(|e| e.kind.code())
                .collect();
            if shown.contains(&code.as_str()) {
                Ok(())
            } else if s.input(field).is_none() {
                let inputs = s
                    .pages
                    .iter()
                    .flat_map(|p| p.blocks.iter().filter_map(|b| b.input_id()))
                    .collect();
                Err(unknown(("le champ", "input"), field, inputs))
            } else if let Some(other) = shown.first() {
                Err((
                    format!(
                        "erreur `{code}` attendue sur le champ `{field}`, mais il affiche l'erreur `{other}`"
                    ),
                    format!(
                        "expected error `{code}` on input `{field}`, but it shows error `{other}`"
                    ),
                ))
            } else {
                Err((
                    format!(
                        "erreur `{code}` attendue sur le champ `{field}`, mais il n'affiche aucune erreur"
                    ),
                    format!("expected error `{code}` on input `{field}`, but it shows no error"),
                ))
            }
        }
        Step::ExpectBlocked(button) => match session.cannot_press(button) {
            Some(Refusal::Ended) => Err((
                format!("bouton `{button}` bloqué attendu, mais {here_fr}"),
                format!("expected button `{button}` to be blocked, but {here_en}"),
            )),
            Some(Refusal::NoSuchButton(_)) => Err((
                format!(
                    "bouton `{button}` bloqué attendu, mais il n'est pas sur la page `{}`",
                    st.page
                ),
                format!(
                    "expected button `{button}` to be blocked, but it is not on page `{}`",
                    st.page
                ),
            )),
            Some(_) => Ok(()),
            None => Err((
                format!("bouton `{button}` bloqué attendu, mais on peut appuyer dessus"),
                format!("expected button `{button}` to be blocked, but it can be pressed"),
            )),
        },
    }
}

/// Plays a script to its last line; `each` sees every step and its outcome (to
/// print a transcript). Every refused action and false expectation is a failure.
pub fn run<'s>(
    scenario: &'s Scenario,
    script: &Script,
    settings: Settings,
    mut each: impl FnMut(usize, &Step, Option<&Outcome>, &Session<'s>),
) -> (Session<'s>, Vec<Failure>) {
    let mut failures = Vec::new();
    for (line, switch, option) in &script.switches {
        if let Err(e) = scenario.check_setting(switch, option) {
            failures.push(ScriptError {
                line: *line,
                fr: e.fr,
                en: e.en,
            });
        }
    }
    let settings = script.settings(scenario, settings);
    let (mut session, _) = Session::start(scenario, settings);
    for (line, step) in &script.steps {
        let fail = |(fr, en): (String, String)| ScriptError {
            line: *line,
            fr,
            en,
        };
        match step {
            Step::Act(action) => {
                let action = resolve(action.clone(), session.state());
                let out = session.act(action);
                if let Some(r) = out.refused() {
                    failures.push(fail((
                        format!("action refusée : {}", after_colon(&r.message(Lang::Fr))),
                        format!("action refused: {}", after_colon(&r.message(Lang::En))),
                    )));
                }
                each(*line, step, Some(&out), &session);
            }
            _ => {
                if let Err(why) = expect(&session, step) {
                    failures.push(fail(why));
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
            Action::ExtendTime,
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
        assert!(
            errors[1]
                .fr
                .starts_with("verbe inconnu `sauter` ; verbes possibles : remplir")
        );
    }

    fn only_error(text: &str) -> ScriptError {
        let mut errors = parse(text).expect_err("a bad line");
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors.remove(0)
    }

    #[test]
    fn a_misspelt_verb_gets_a_suggestion() {
        let e = only_error("remplire nir 1");
        assert_eq!(
            e.fr,
            "verbe inconnu `remplire` ; vouliez-vous dire `remplir` ?"
        );
        assert_eq!(e.en, "unknown verb `remplire`; did you mean `remplir`?");
        assert!(
            only_error("apuyer ok")
                .fr
                .ends_with("vouliez-vous dire `appuyer` ?")
        );
        assert!(
            only_error("atendu page x")
                .fr
                .ends_with("vouliez-vous dire `attendu` ?")
        );
        assert!(
            only_error("attendu pag x")
                .fr
                .ends_with("vouliez-vous dire `page` ?")
        );
    }

    #[test]
    fn an_unknown_error_code_is_refused_with_a_suggestion() {
        let e = only_error("attendu erreur nir nir_kee");
        assert_eq!(
            e.fr,
            "code d'erreur `nir_kee` inconnu ; vouliez-vous dire `nir_key` ?"
        );
        assert_eq!(
            e.en,
            "unknown error code `nir_kee`; did you mean `nir_key`?"
        );
        let e = only_error("attendu erreur nir zzz");
        assert!(e.fr.contains("« Codes d'erreur des champs »"), "{}", e.fr);
        for code in ErrorKind::CODES {
            let step = parse(&format!("attendu erreur x {code}")).expect("every code is known");
            assert_eq!(step.steps[0].1, Step::ExpectError("x".into(), code.into()));
        }
    }

    #[test]
    fn a_blocked_button_is_written_with_or_without_its_accent() {
        for text in [
            "attendu bloqué ok",
            "attendu bloque ok",
            "expect blocked ok",
        ] {
            let parsed = parse(text).expect("parses");
            assert_eq!(parsed.steps, vec![(1, Step::ExpectBlocked("ok".into()))]);
        }
        assert_eq!(
            only_error("attendu bloqué").fr,
            "écrivez `attendu bloqué <bouton>`"
        );
    }

    const MINI: &str = include_str!("../tests/fixtures/mini.ron");

    fn mini() -> Scenario {
        crate::load::load("mini.ron", MINI).expect("the fixture loads")
    }

    fn problems(text: &str) -> Vec<(usize, String)> {
        check(&mini(), text, Settings::new(1))
            .into_iter()
            .map(|p| (p.line, p.fr))
            .collect()
    }

    #[test]
    fn a_required_dialogue_blocks_the_buttons_in_formation_only() {
        assert_eq!(problems("mode formation\nattendu bloqué ok"), vec![]);
        assert_eq!(
            problems("mode atelier\nattendu bloqué ok"),
            vec![(
                2,
                "bouton `ok` bloqué attendu, mais on peut appuyer dessus".into()
            )]
        );
        assert_eq!(
            problems("mode formation\ndire vous\nattendu bloqué ok"),
            vec![(
                3,
                "bouton `ok` bloqué attendu, mais on peut appuyer dessus".into()
            )]
        );
        assert_eq!(
            problems("mode formation\nattendu bloqué valider"),
            vec![(
                2,
                "bouton `valider` bloqué attendu, mais il n'est pas sur la page `login`".into()
            )]
        );
    }

    #[test]
    fn a_script_is_played_to_its_end_and_every_problem_is_reported() {
        let text = "graine 1\nremplire nir 1\nattendu page code\nappuyer envoyer\nattendu erreur nir nir_key\nabandonner\nattendu fin fin_ok\nappuyer ok";
        assert_eq!(
            problems(text),
            vec![
                (
                    2,
                    "verbe inconnu `remplire` ; vouliez-vous dire `remplir` ?".into()
                ),
                (
                    3,
                    "page `code` attendue, mais on est sur la page `login`".into()
                ),
                (
                    4,
                    "action refusée : il n'y a pas de bouton « envoyer » sur cette page.".into()
                ),
                (
                    5,
                    "erreur `nir_key` attendue sur le champ `nir`, mais il n'affiche aucune erreur"
                        .into()
                ),
                (
                    7,
                    "fin `fin_ok` non atteinte : la partie s'est terminée sur la fin `abandon`"
                        .into()
                ),
                (8, "action refusée : la partie est terminée.".into()),
            ]
        );
    }

    #[test]
    fn expectations_name_what_was_there_instead() {
        assert_eq!(
            problems("remplir nir 2 95 10 99 126 111 9\nappuyer ok\nattendu erreur nir nir_key\nattendu fin fin_ok"),
            vec![
                (3, "erreur `nir_key` attendue sur le champ `nir`, mais il affiche l'erreur `nir_length`".into()),
                (4, "fin `fin_ok` non atteinte : la partie continue, on est sur la page `login`".into()),
            ]
        );
    }

    #[test]
    fn an_expected_id_missing_from_the_scenario_gets_a_suggestion() {
        assert_eq!(
            problems("attendu page logn\nattendu fin fin_okk\nattendu erreur nri required"),
            vec![
                (
                    1,
                    "la page `logn` n'existe pas dans le scénario ; vouliez-vous dire `login` ?"
                        .into()
                ),
                (
                    2,
                    "la fin `fin_okk` n'existe pas dans le scénario ; vouliez-vous dire `fin_ok` ?"
                        .into()
                ),
                (
                    3,
                    "le champ `nri` n'existe pas dans le scénario ; vouliez-vous dire `nir` ?"
                        .into()
                ),
            ]
        );
    }
}
