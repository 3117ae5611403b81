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
        "Checks scenarios (files or folders): format, references, translations, reachable endings, dead ends.",
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
];

/// The same command with English help.
pub fn translate(command: Command) -> Command {
    let mut command =
        command.about("Trainer's tools for Dédale scenarios: check, draw, solve, play.");
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
            sub
        });
    }
    command
}
