//! `dedale-cli check`: every problem of every scenario, as `file:line:column: message`,
//! then every problem of the playthrough scripts kept beside it (`x.ron` →
//! `x.scripts/*.txt`), as `script:line: message`.

use std::path::{Path, PathBuf};

use dedale_core::Lang;
use dedale_core::engine::Settings;
use dedale_core::metrics::report::labels::plural;
use dedale_core::model::Scenario;
use dedale_core::script;
use dedale_core::solve::{Limits, check_with};

/// Checks files and folders; `Ok(true)` when every scenario is valid.
pub fn run(paths: &[PathBuf], lang: Lang) -> Result<bool, String> {
    let mut files = Vec::new();
    for p in paths {
        collect(p, &mut files, lang)?;
    }
    if files.is_empty() {
        return Err(lang
            .pick(
                "aucun fichier .ron trouvé à vérifier",
                "no .ron file found to check",
            )
            .into());
    }
    let mut all_ok = true;
    for file in &files {
        let source = match crate::read(file, lang) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                all_ok = false;
                continue;
            }
        };
        let name = file.display().to_string();
        if dedale_core::load::is_fragment(&source) {
            all_ok &= fragment(&name, &source, lang);
            continue;
        }
        let includes = crate::includes_beside(file);
        match check_with(&name, &source, &includes, Limits::default()) {
            Ok((scenario, report)) => {
                eprint!("{}", report.render(lang));
                let scripts = scripts(file, &scenario, lang);
                all_ok &= scripts.failed == 0;
                println!("{}", summary(&name, &scenario, &scripts, lang));
            }
            Err(report) => {
                eprint!("{}", report.render(lang));
                all_ok = false;
            }
        }
    }
    Ok(all_ok)
}

/// The `.ron` files of a path: itself, or those of a folder and its subfolders.
pub(crate) fn collect(path: &Path, out: &mut Vec<PathBuf>, lang: Lang) -> Result<(), String> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{} : {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            if entry.is_dir() || entry.extension().is_some_and(|x| x == "ron") {
                collect(&entry, out, lang)?;
            }
        }
        Ok(())
    } else if path.exists() {
        out.push(path.to_path_buf());
        Ok(())
    } else {
        Err(match lang {
            Lang::En => format!("{}: no such file or folder", path.display()),
            _ => format!("{} : fichier ou dossier introuvable", path.display()),
        })
    }
}

/// A fragment met in a folder: its syntax and format are checked here, the
/// rest with each scenario that includes it. Returns whether it is valid.
fn fragment(name: &str, source: &str, lang: Lang) -> bool {
    match dedale_core::load::check_fragment(name, source) {
        Ok(f) => {
            let size = match lang {
                Lang::En => format!(
                    "{}, {}, {}",
                    plural(f.pages.len(), "page", "pages"),
                    plural(f.messages.len(), "message", "messages"),
                    plural(f.paragraphs.len(), "shared paragraph", "shared paragraphs")
                ),
                _ => format!(
                    "{}, {}, {}",
                    nombre(f.pages.len(), "page", "pages"),
                    nombre(f.messages.len(), "message", "messages"),
                    nombre(
                        f.paragraphs.len(),
                        "paragraphe partagé",
                        "paragraphes partagés"
                    )
                ),
            };
            println!(
                "{name}{} ({size})",
                lang.pick(
                    " : fragment lisible, vérifié avec les scénarios qui l'incluent",
                    ": readable fragment, checked with the scenarios that include it"
                )
            );
            true
        }
        Err(report) => {
            eprint!("{}", report.render(lang));
            false
        }
    }
}

/// How the scripts beside a scenario went.
struct Scripts {
    /// Scripts played without any problem.
    passed: usize,
    /// Scripts with at least one problem (or that could not be read).
    failed: usize,
}

/// Plays every script of `x.scripts/` beside `file` to its end; prints each
/// problem on stderr as `script:line: message`.
fn scripts(file: &Path, scenario: &Scenario, lang: Lang) -> Scripts {
    let mut tally = Scripts {
        passed: 0,
        failed: 0,
    };
    for path in script_files(file) {
        let text = match crate::read(&path, lang) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{e}");
                tally.failed += 1;
                continue;
            }
        };
        let problems = script::check(scenario, &text, Settings::new(1));
        for p in &problems {
            eprintln!("{}:{}: {}", path.display(), p.line, p.message(lang));
        }
        if problems.is_empty() {
            tally.passed += 1;
        } else {
            tally.failed += 1;
        }
    }
    tally
}

/// The `.txt` files of the scripts folder beside a scenario, sorted; none without a folder.
fn script_files(file: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(file.with_extension("scripts"))
        .map(|dir| {
            dir.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// French puts 0 and 1 in the singular.
fn nombre(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n <= 1 { one } else { many })
}

/// The line that ends a scenario's check: valid or not, its size, its scripts.
fn summary(name: &str, scenario: &Scenario, scripts: &Scripts, lang: Lang) -> String {
    let (pages, endings) = (scenario.pages.len(), scenario.endings.len());
    let total = scripts.passed + scripts.failed;
    match lang {
        Lang::En => {
            let size = format!(
                "{}, {}",
                plural(pages, "page", "pages"),
                plural(endings, "ending", "endings")
            );
            match (total, scripts.failed) {
                (0, _) => format!("{name}: valid ({size}, no playthrough script)"),
                (_, 0) => format!(
                    "{name}: valid ({size}, {} passed)",
                    plural(total, "script", "scripts")
                ),
                (_, failed) => format!(
                    "{name}: valid scenario, but {failed} of {} failed ({size})",
                    plural(total, "script", "scripts")
                ),
            }
        }
        _ => {
            let size = format!(
                "{}, {}",
                nombre(pages, "page", "pages"),
                nombre(endings, "fin", "fins")
            );
            match (total, scripts.failed) {
                (0, _) => format!("{name} : valide ({size}, aucun script de partie)"),
                (_, 0) => format!(
                    "{name} : valide ({size}, {})",
                    nombre(total, "script réussi", "scripts réussis")
                ),
                (_, failed) => format!(
                    "{name} : scénario valide, mais {} sur {total} {} ({size})",
                    nombre(failed, "script", "scripts"),
                    if failed == 1 { "échoue" } else { "échouent" }
                ),
            }
        }
    }
}
