//! `dedale-cli play`: a scenario in the terminal, by hand or from a script.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use dedale_core::Lang;
use dedale_core::engine::{Action, Session, Settings};
use dedale_core::model::Mode;
use dedale_core::script::{self, Step};

use crate::sessions;
use dedale_cli::render;

/// Where to append the session's anonymous metrics, and the group code.
#[derive(Clone, Debug)]
pub struct Export {
    /// The JSON Lines file.
    pub path: PathBuf,
    /// The group code typed by the trainer.
    pub group: Option<String>,
}

/// How the session starts, from the command line.
#[derive(Clone, Debug)]
pub struct Options {
    /// `--seed`.
    pub seed: u64,
    /// `--mode`.
    pub mode: Mode,
    /// `--reglage switch=option`, as typed, checked against the scenario.
    pub switches: Vec<String>,
}

/// Plays; `Ok(true)` when a script ran without failure (always, by hand).
pub fn run(
    file: &Path,
    options: &Options,
    script_path: Option<&Path>,
    export: Option<&Export>,
    lang: Lang,
) -> Result<bool, String> {
    let (scenario, source) = crate::load_with_source(file, lang)?;
    let settings = Settings {
        seed: options.seed,
        mode: options.mode,
        today: None,
        switches: crate::settings(&scenario, &options.switches, lang)?
            .into_iter()
            .collect(),
    };
    let (ok, session) = match script_path {
        Some(path) => scripted(&scenario, settings, path, lang)?,
        None => by_hand(&scenario, settings, lang)?,
    };
    if let Some(export) = export {
        record(&scenario, &source, &session, export, lang)?;
    }
    Ok(ok)
}

/// Appends the session's record; a session left before its end is closed as abandoned on its page.
fn record(
    scenario: &dedale_core::model::Scenario,
    source: &str,
    session: &Session<'_>,
    export: &Export,
    lang: Lang,
) -> Result<(), String> {
    let mut record = dedale_core::metrics::Record::from_session(
        scenario,
        source,
        session.state(),
        sessions::session_id(lang)?,
        sessions::today(),
        lang,
        export.group.as_deref(),
    );
    record.close_interrupted();
    sessions::append(&export.path, &record, lang)
}

fn scripted<'s>(
    scenario: &'s dedale_core::model::Scenario,
    settings: Settings,
    path: &Path,
    lang: Lang,
) -> Result<(bool, Session<'s>), String> {
    let text = crate::read(path, lang)?;
    // Unreadable lines are reported with the failures; the others are played.
    let (parsed, unreadable) = script::read(&text);
    let (start, arrival) = Session::start(scenario, parsed.settings(scenario, settings.clone()));
    print!("{}", render::feedback(&start, &arrival.feedback, lang));
    if start.state().ending.is_none() {
        print!("{}", render::page(&start, lang));
    }
    let (session, failures) =
        script::run(scenario, &parsed, settings, |line, step, out, session| {
            let text = text
                .lines()
                .nth(line.saturating_sub(1))
                .unwrap_or("")
                .trim();
            println!("> {text}");
            if let Some(out) = out {
                print!("{}", render::feedback(session, &out.feedback, lang));
                let moved = out.feedback.iter().any(|f| {
                    matches!(
                        f,
                        dedale_core::engine::Feedback::Page(_)
                            | dedale_core::engine::Feedback::Invalid(_)
                            | dedale_core::engine::Feedback::Incident(_)
                    )
                });
                if moved && session.state().ending.is_none() {
                    print!("{}", render::page(session, lang));
                }
                let done = out.refused().is_none();
                if let (true, Step::Act(Action::OpenDocument { document })) = (done, step) {
                    print!("{}", render::document(session, document, lang));
                }
                if let (true, Step::Act(Action::ReadMessage { message })) = (done, step) {
                    print!("{}", render::message(session, message, lang));
                }
            }
        });
    let mut problems: Vec<_> = unreadable.into_iter().chain(failures).collect();
    problems.sort_by_key(|p| p.line);
    for p in &problems {
        eprintln!("{}:{}: {}", path.display(), p.line, p.message(lang));
    }
    let st = session.state();
    match &st.ending {
        Some(end) => println!(
            "{} {} ({})",
            lang.pick("Fin atteinte :", "Ending reached:"),
            end.ending,
            end.kind.code()
        ),
        None => println!(
            "{} {}",
            lang.pick(
                "Pas de fin atteinte ; page actuelle :",
                "No ending reached; current page:"
            ),
            st.page
        ),
    }
    Ok((problems.is_empty(), session))
}

const HELP_FR: &str = "Actions : remplir <champ> <valeur> · choisir <question> <réponse> · cocher/décocher <case> · joindre <envoi> <document> · appuyer <bouton> · ouvrir <document> · lire <message> · indice · retour · attendre 5min · dire <réplique> · suivre <message> <lien> · abandonner\nAutres : dossier (les documents) · messages (SMS, courriels, courrier) · page · aide · quitter";
const HELP_EN: &str = "Actions: fill <input> <value> · choose <question> <option> · tick/untick <box> · upload <input> <document> · press <button> · open <document> · read <message> · hint · back · wait 5min · say <line> · follow <message> <link> · abandon\nOther: folder (the documents) · messages (texts, e-mails, letters) · page · help · quit";

fn by_hand<'s>(
    scenario: &'s dedale_core::model::Scenario,
    settings: Settings,
    lang: Lang,
) -> Result<(bool, Session<'s>), String> {
    let (mut session, arrival) = Session::start(scenario, settings);
    println!(
        "{} — {}",
        scenario.meta.title.get(lang),
        scenario.persona.name
    );
    println!(
        "{}\n{}",
        scenario.persona.situation.get(lang),
        lang.pick(HELP_FR, HELP_EN)
    );
    print!("{}", render::feedback(&session, &arrival.feedback, lang));
    if session.state().ending.is_some() {
        return Ok((true, session));
    }
    print!("{}", render::page(&session, lang));
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        print!("> ");
        std::io::stdout().flush().map_err(|e| e.to_string())?;
        let Some(Ok(line)) = lines.next() else { break };
        let word = line.split_whitespace().next().unwrap_or("").to_lowercase();
        match word.as_str() {
            "" => continue,
            "quitter" | "quit" => break,
            "aide" | "help" => println!("{}", lang.pick(HELP_FR, HELP_EN)),
            "page" => print!("{}", render::page(&session, lang)),
            "dossier" | "folder" => print!("{}", render::folder(&session, lang)),
            "messages" | "courrier" | "mail" => {
                for r in &session.state().inbox {
                    let m = scenario.message(&r.message);
                    let from = m.map_or("", |m| m.from.as_str());
                    let icon = match m.map(|m| m.device) {
                        Some(dedale_core::model::Device::Post) => "📬",
                        Some(dedale_core::model::Device::Mail) => "✉",
                        _ => "📱",
                    };
                    println!(
                        "  {} {icon} {} — {from} (lire {})",
                        if r.read { " " } else { "•" },
                        r.message,
                        r.message
                    );
                }
            }
            _ => match script::parse(&line) {
                Err(errors) => {
                    for e in errors {
                        println!("  ⛔ {}", e.message(lang));
                    }
                }
                Ok(parsed) => {
                    for (_, step) in parsed.steps {
                        let Step::Act(action) = step else { continue };
                        let out = session.act(script::resolve(action.clone(), session.state()));
                        print!("{}", render::feedback(&session, &out.feedback, lang));
                        match &action {
                            Action::OpenDocument { document } => {
                                print!("{}", render::document(&session, document, lang))
                            }
                            Action::ReadMessage { message } => {
                                print!("{}", render::message(&session, message, lang))
                            }
                            _ if session.state().ending.is_none()
                                && out.refused().is_none()
                                && !matches!(action, Action::Hint | Action::Say { .. }) =>
                            {
                                print!("{}", render::page(&session, lang));
                            }
                            _ => {}
                        }
                    }
                    if session.state().ending.is_some() {
                        break;
                    }
                }
            },
        }
    }
    Ok((true, session))
}
