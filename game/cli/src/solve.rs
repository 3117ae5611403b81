//! `dedale-cli solve`: what every run of a scenario can reach.

use serde::Serialize;
use std::path::Path;

use dedale_core::Lang;
use dedale_core::solve::{Limits, problems, solve, solve_setting};

#[derive(Serialize)]
struct ModeJson<'a> {
    mode: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    switches: Vec<[&'a str; 2]>,
    states: usize,
    bounded: bool,
    pages: Vec<&'a str>,
    endings: Vec<EndingJson<'a>>,
    dead_ends: Vec<DeadEndJson<'a>>,
}

#[derive(Serialize)]
struct EndingJson<'a> {
    id: &'a str,
    kind: &'a str,
    path: &'a [String],
}

#[derive(Serialize)]
struct DeadEndJson<'a> {
    page: &'a str,
    path: &'a [String],
}

#[derive(Serialize)]
struct Json<'a> {
    scenario: &'a str,
    ok: bool,
    unreachable_pages: Vec<&'a str>,
    unreachable_endings: Vec<&'a str>,
    problems: Vec<String>,
    modes: Vec<ModeJson<'a>>,
}

/// Prints the solution; `Ok(false)` if a check fails.
pub fn run(file: &Path, json: bool, switches: &[String], lang: Lang) -> Result<bool, String> {
    let scenario = crate::load(file, lang)?;
    let explorations = if switches.is_empty() {
        solve(&scenario, Limits::default())
    } else {
        let set = crate::settings(&scenario, switches, lang)?;
        solve_setting(&scenario, &set, Limits::default())
    };
    let found = problems(&scenario, &explorations);
    let ok = !found.iter().any(|(_, is_error)| *is_error);
    let reached: Vec<&String> = explorations.iter().flat_map(|e| &e.pages).collect();
    let unreachable: Vec<&str> = scenario
        .pages
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| !reached.iter().any(|r| r == id))
        .collect();
    let ended: Vec<&String> = explorations.iter().flat_map(|e| e.endings.keys()).collect();
    let never: Vec<&str> = scenario
        .endings
        .iter()
        .map(|e| e.id.as_str())
        .filter(|id| !ended.iter().any(|r| r == id))
        .collect();
    if json {
        let out = Json {
            scenario: &scenario.meta.id,
            ok,
            unreachable_pages: unreachable,
            unreachable_endings: never,
            problems: found.iter().map(|(p, _)| p.message(lang)).collect(),
            modes: explorations
                .iter()
                .map(|e| ModeJson {
                    mode: mode_name(e.mode),
                    switches: e
                        .switches
                        .iter()
                        .map(|(s, o)| [s.as_str(), o.as_str()])
                        .collect(),
                    states: e.states,
                    bounded: e.bounded,
                    pages: e.pages.iter().map(String::as_str).collect(),
                    endings: e
                        .endings
                        .iter()
                        .map(|(id, path)| EndingJson {
                            id,
                            kind: scenario.ending(id).map_or("", |e| e.kind.code()),
                            path,
                        })
                        .collect(),
                    dead_ends: e
                        .dead_ends
                        .iter()
                        .map(|(page, path)| DeadEndJson { page, path })
                        .collect(),
                })
                .collect(),
        };
        let text = serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?;
        println!("{text}");
        return Ok(ok);
    }
    let en = lang == Lang::En;
    for e in &explorations {
        let setting: String = e
            .switches
            .iter()
            .map(|(s, o)| format!(" — {} {s}={o}", if en { "switch" } else { "réglage" }))
            .collect();
        println!(
            "Mode {}{setting} — {} {}{}",
            mode_name(e.mode),
            e.states,
            if en {
                "states explored"
            } else {
                "états explorés"
            },
            if e.bounded {
                if en {
                    " (stopped at the limit)"
                } else {
                    " (arrêt à la limite)"
                }
            } else {
                ""
            }
        );
        println!(
            "  {} ({}) : {}",
            if en {
                "Pages reached"
            } else {
                "Pages atteintes"
            },
            e.pages.len(),
            join(e.pages.iter())
        );
        for ending in &scenario.endings {
            match e.endings.get(&ending.id) {
                Some(path) => {
                    println!(
                        "  {} `{}` ({}) — {} actions :",
                        if en { "Ending" } else { "Fin" },
                        ending.id,
                        ending.kind.code(),
                        path.len(),
                    );
                    for step in path {
                        println!("      {step}");
                    }
                }
                None => println!(
                    "  {} `{}` : {}",
                    if en { "Ending" } else { "Fin" },
                    ending.id,
                    if en {
                        "not reached in this mode"
                    } else {
                        "non atteinte dans ce mode"
                    }
                ),
            }
        }
        for (page, path) in &e.dead_ends {
            println!(
                "  {} `{page}` : {}",
                if en { "Dead end" } else { "Impasse" },
                path.join(" ; ")
            );
        }
    }
    if !unreachable.is_empty() {
        println!(
            "{} : {}",
            if en {
                "Unreachable pages"
            } else {
                "Pages jamais atteintes"
            },
            unreachable.join(", ")
        );
    }
    for (p, is_error) in &found {
        let tag = if *is_error {
            if en { "error" } else { "erreur" }
        } else if en {
            "warning"
        } else {
            "avertissement"
        };
        eprintln!("{}: {tag} : {}", file.display(), p.message(lang));
    }
    println!(
        "{}",
        if ok {
            if en {
                "OK: every check passes."
            } else {
                "OK : toutes les vérifications passent."
            }
        } else if en {
            "Some checks fail."
        } else {
            "Des vérifications échouent."
        }
    );
    Ok(ok)
}

fn join<'a>(it: impl Iterator<Item = &'a String>) -> String {
    it.map(String::as_str).collect::<Vec<_>>().join(", ")
}

pub(crate) fn mode_name(mode: dedale_core::model::Mode) -> &'static str {
    match mode {
        dedale_core::model::Mode::Atelier => "atelier",
        dedale_core::model::Mode::Formation => "formation",
    }
}
