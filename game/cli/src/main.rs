//! `dedale-cli`: the trainer's tools for Dédale scenarios — check, graph, solve, play, report.
//!
//! Help and messages are in French; `--lang en` (or `DEDALE_LANG=en`) switches to English.

mod check;
mod generate;
mod graph;
mod help_en;
mod play;
mod report;
mod sessions;
mod solve;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

use dedale_core::Lang;

/// Outils du formateur pour les scénarios Dédale : vérifier, dessiner, résoudre, jouer, lire les mesures.
#[derive(Parser, Debug)]
#[command(name = "dedale-cli", version, disable_help_subcommand = true)]
struct Cli {
    /// Langue des messages : fr (par défaut) ou en.
    #[arg(long, global = true, env = "DEDALE_LANG", default_value = "fr", value_parser = parse_lang)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Vérifie des scénarios (fichiers ou dossiers) : format, références, traductions, textes FALC (phrases longues, mots rares), fins atteignables, impasses ; puis joue les scripts de partie rangés à côté de chacun (NOM.scripts/*.txt).
    Check {
        /// Fichiers .ron ou dossiers qui en contiennent.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Dessine le scénario comme un graphe : pages, transitions et leurs conditions, fins.
    Graph {
        /// Le fichier du scénario.
        file: PathBuf,
        /// Format du graphe : dot (Graphviz) ou mermaid.
        #[arg(long, value_enum, default_value = "mermaid")]
        format: GraphFormat,
    },
    /// Explore tous les chemins : pages atteintes, plus court chemin vers chaque fin, impasses.
    Solve {
        /// Le fichier du scénario.
        file: PathBuf,
        /// Sortie JSON, pour d'autres outils.
        #[arg(long)]
        json: bool,
        /// N'explore que ce réglage du formateur, `réglage=option` (répétable) ; sans lui, tous les réglages sont explorés.
        #[arg(
            long = "reglage",
            visible_alias = "switch",
            value_name = "RÉGLAGE=OPTION"
        )]
        reglage: Vec<String>,
    },
    /// Joue le scénario dans le terminal, ou rejoue un script sans personne.
    Play {
        /// Le fichier du scénario.
        file: PathBuf,
        /// Graine du hasard (codes, captchas, incidents) : la même graine rejoue la même partie.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Mode de jeu.
        #[arg(long, value_enum, default_value = "atelier")]
        mode: ModeArg,
        /// Script d'actions à rejouer (une action par ligne) ; affiche la transcription et la fin atteinte.
        #[arg(long)]
        script: Option<PathBuf>,
        /// Ajoute les mesures anonymes de la partie à ce fichier JSON Lines (une session par ligne).
        #[arg(long, value_name = "FICHIER.jsonl")]
        export: Option<PathBuf>,
        /// Code du groupe enregistré avec les mesures (lettres, chiffres, - et _).
        #[arg(long, value_name = "CODE")]
        group: Option<String>,
        /// Réglage du formateur pour la partie, `réglage=option` (répétable), comme `réglage` dans un script.
        #[arg(
            long = "reglage",
            visible_alias = "switch",
            value_name = "RÉGLAGE=OPTION"
        )]
        reglage: Vec<String>,
    },
    /// Rapport du formateur à partir de sessions exportées (.jsonl) : réussite, temps par page, erreurs, indices, abandons, points de friction.
    Report {
        /// Fichiers .jsonl de sessions, ou dossiers qui en contiennent.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Format du rapport : text (terminal), csv (tableur) ou html (une page avec graphiques, imprimable).
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
        /// Écrit le rapport dans ce fichier plutôt qu'à l'écran.
        #[arg(long, short, value_name = "FICHIER")]
        output: Option<PathBuf>,
        /// Sépare les colonnes CSV par des virgules plutôt que des points-virgules.
        #[arg(long)]
        comma: bool,
    },
    /// Convertit des sessions exportées (.jsonl) : csv (un événement par ligne), xapi (déclarations pour un LRS) ou jsonl.
    Export {
        /// Fichiers .jsonl de sessions, ou dossiers qui en contiennent.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Format de sortie.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Écrit dans ce fichier plutôt qu'à l'écran.
        #[arg(long, short, value_name = "FICHIER")]
        output: Option<PathBuf>,
        /// Sépare les colonnes CSV par des virgules plutôt que des points-virgules.
        #[arg(long)]
        comma: bool,
    },
    /// Génère des sessions fictives pour mesurer la vitesse du rapport (voir scripts/bench-report.sh).
    #[command(hide = true)]
    GenerateSessions {
        /// Le fichier du scénario dont on imite les sessions.
        file: PathBuf,
        /// Nombre d'événements à atteindre au moins.
        #[arg(long, default_value_t = 1_000_000)]
        events: usize,
        /// Graine du générateur.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Fichier .jsonl à écrire.
        #[arg(long, short)]
        output: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ReportFormat {
    Text,
    Csv,
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExportFormat {
    Jsonl,
    Csv,
    Xapi,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum GraphFormat {
    Dot,
    Mermaid,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ModeArg {
    Atelier,
    Formation,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("langue « {s} » inconnue : fr ou en"))
}

fn main() -> ExitCode {
    let english = help_en::wants_english();
    let mut command = Cli::command();
    if english {
        command = help_en::translate(command);
    }
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let lang = cli.lang;
    let result = match cli.command {
        Command::Check { paths } => check::run(&paths, lang),
        Command::Graph { file, format } => {
            graph::run(&file, matches!(format, GraphFormat::Dot), lang)
        }
        Command::Solve {
            file,
            json,
            reglage,
        } => solve::run(&file, json, &reglage, lang),
        Command::Play {
            file,
            seed,
            mode,
            script,
            export,
            group,
            reglage,
        } => {
            let mode = match mode {
                ModeArg::Atelier => dedale_core::model::Mode::Atelier,
                ModeArg::Formation => dedale_core::model::Mode::Formation,
            };
            let export = export.map(|path| play::Export { path, group });
            let options = play::Options {
                seed,
                mode,
                switches: reglage,
            };
            play::run(&file, &options, script.as_deref(), export.as_ref(), lang)
        }
        Command::Report {
            files,
            format,
            output,
            comma,
        } => {
            let format = match format {
                ReportFormat::Text => report::Format::Text,
                ReportFormat::Csv => report::Format::Csv,
                ReportFormat::Html => report::Format::Html,
            };
            report::run(&files, format, delimiter(comma), output.as_deref(), lang)
        }
        Command::Export {
            files,
            format,
            output,
            comma,
        } => {
            let format = match format {
                ExportFormat::Jsonl => report::Export::Jsonl,
                ExportFormat::Csv => report::Export::Csv,
                ExportFormat::Xapi => report::Export::Xapi,
            };
            report::export(&files, format, delimiter(comma), output.as_deref(), lang)
        }
        Command::GenerateSessions {
            file,
            events,
            seed,
            output,
        } => generate::run(&file, events, seed, &output, lang).map(|(sessions, events)| {
            eprintln!(
                "{sessions} sessions, {events} événements → {}",
                output.display()
            );
            true
        }),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn delimiter(comma: bool) -> dedale_core::metrics::csv_export::Delimiter {
    if comma {
        dedale_core::metrics::csv_export::Delimiter::Comma
    } else {
        dedale_core::metrics::csv_export::Delimiter::Semicolon
    }
}

/// Reads `--reglage switch=option` flags against the scenario; an id it does
/// not have is an error that lists the ones it has.
pub(crate) fn settings(
    scenario: &dedale_core::model::Scenario,
    flags: &[String],
    lang: Lang,
) -> Result<Vec<(String, String)>, String> {
    flags
        .iter()
        .map(|f| {
            scenario
                .parse_setting(f)
                .map_err(|e| format!("--reglage : {}", e.message(lang)))
        })
        .collect()
}

/// Reads a scenario file as text, or says in the player's language why it cannot:
/// the core's [`dedale_core::load::decode`] places the first byte that is not UTF-8.
pub(crate) fn read(path: &std::path::Path, lang: Lang) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| match lang {
        Lang::En => format!("{}: cannot read the file: {e}", path.display()),
        _ => format!("{} : impossible de lire le fichier : {e}", path.display()),
    })?;
    let name = path.display().to_string();
    match dedale_core::load::decode(&name, &bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(report) => Err(report.render(lang).trim_end().to_string()),
    }
}

/// Loads and checks one scenario, printing its problems on stderr.
pub(crate) fn load(
    path: &std::path::Path,
    lang: Lang,
) -> Result<dedale_core::model::Scenario, String> {
    load_with_source(path, lang).map(|(scenario, _)| scenario)
}

/// Loads one scenario and keeps its source text (the metrics record its hash).
pub(crate) fn load_with_source(
    path: &std::path::Path,
    lang: Lang,
) -> Result<(dedale_core::model::Scenario, String), String> {
    let source = read(path, lang)?;
    let name = path.display().to_string();
    let includes = includes_beside(path);
    match dedale_core::load::load_with_includes(&name, &source, &includes) {
        Ok((s, _)) => Ok((s, source)),
        Err(report) => Err(report.render(lang).trim_end().to_string()),
    }
}

/// The fragments a scenario includes, read beside it: `include:
/// ["communs/aide.ron"]` in `scenarios/x.ron` reads `scenarios/communs/aide.ron`,
/// and messages name that path.
pub(crate) fn includes_beside(
    scenario: &std::path::Path,
) -> impl Fn(&str) -> Option<(String, String)> + use<> {
    let dir = scenario
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    move |name: &str| {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).ok()?;
        Some((path.display().to_string(), text))
    }
}
