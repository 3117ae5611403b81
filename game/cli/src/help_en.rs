//! English help: the help texts are French in the code; this table gives them in English.

use clap::Command;

/// Whether the user asked for English before arguments are parsed (help is printed during parsing).
pub fn wants_english() -> bool {
    let args: Vec<String> = std::env::args().collect();
    let from_args = args
        .windows(2)
        .any(|w| w[0] == "--lang" && w[1].starts_with("en"))
        || args.iter().any(|a| a.starts_with("--lang=en"));
    from_args || std::env::var("DEDALE_LANG").is_ok_and(|v| v.starts_with("en"))
}

const ABOUT: &[(&str, &str)] = &[
    (
        "check",
        "Checks scenarios (files or folders): format, references, translations, plain-language (FALC) texts (long sentences, rare words), reachable endings, dead ends; then plays the playthrough scripts kept beside each one (NAME.scripts/*.txt).",
    ),
    (
        "graph",
        "Draws the scenario as a graph: pages, transitions with their conditions, endings.",
    ),
    (
        "solve",
        "Explores every path: pages reached, shortest path to each ending, dead ends.",
    ),
    (
        "play",
        "Plays the scenario in the terminal, or replays a script with nobody at the keyboard.",
    ),
    (
        "report",
        "Trainer's report from exported sessions (.jsonl): success, time per page, errors, hints, abandonments, friction points.",
    ),
    (
        "export",
        "Converts exported sessions (.jsonl): csv (one event a row), xapi (statements for an LRS) or jsonl.",
    ),
];

const ARGS: &[(&str, &str)] = &[
    ("lang", "Language of messages: fr (default) or en."),
    ("paths", ".ron files or folders that hold them."),
    ("file", "The scenario file."),
    ("format", "Graph format: dot (Graphviz) or mermaid."),
    ("json", "JSON output, for other tools."),
    (
        "seed",
        "Seed of chance (codes, captchas, incidents): the same seed replays the same game.",
    ),
    ("mode", "Game mode."),
    (
        "script",
        "Script of actions to replay (one a line); prints the transcript and the ending reached.",
    ),
    (
        "export",
        "Appends the session's anonymous metrics to this JSON Lines file (one session a line).",
    ),
    (
        "group",
        "Group code recorded with the metrics (letters, digits, - and _).",
    ),
    (
        "files",
        "Session files (.jsonl), or folders that hold them.",
    ),
    ("output", "Writes to this file instead of the screen."),
    (
        "comma",
        "Separates CSV columns with commas instead of semicolons.",
    ),
];

/// Arguments whose help depends on the subcommand.
const SUB_ARGS: &[(&str, &str, &str)] = &[
    (
        "report",
        "format",
        "Report format: text (terminal), csv (spreadsheet) or html (one printable page with charts).",
    ),
    ("export", "format", "Output format."),
];

/// The same command with English help.
pub fn translate(command: Command) -> Command {
    let mut command = command
        .about("Trainer's tools for Dédale scenarios: check, draw, solve, play, read the metrics.");
    for (arg, help) in ARGS {
        if command.get_arguments().any(|a| a.get_id() == *arg) {
            command = command.mut_arg(*arg, |a| a.help(*help));
        }
    }
    for (name, about) in ABOUT {
        command = command.mut_subcommand(*name, |mut sub| {
            sub = sub.about(*about);
            for (arg, help) in ARGS {
                if sub.get_arguments().any(|a| a.get_id() == *arg) {
                    sub = sub.mut_arg(*arg, |a| a.help(*help));
                }
            }
            for (_, arg, help) in SUB_ARGS.iter().filter(|(s, _, _)| s == name) {
                sub = sub.mut_arg(*arg, |a| a.help(*help));
            }
            sub
        });
    }
    command
}
