//! `dedale-cli check`: every problem of every scenario, as `file:line:column: message`.

use std::path::{Path, PathBuf};

use dedale_core::Lang;
use dedale_core::metrics::report::labels::plural;
use dedale_core::solve::{Limits, check};

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
        match check(&name, &source, Limits::default()) {
            Ok((scenario, report)) => {
                eprint!("{}", report.render(lang));
                let (pages, endings) = (scenario.pages.len(), scenario.endings.len());
                let ok = match lang {
                    Lang::En => format!(
                        "{name}: valid ({}, {})",
                        plural(pages, "page", "pages"),
                        plural(endings, "ending", "endings")
                    ),
                    _ => format!(
                        "{name} : valide ({}, {})",
                        plural(pages, "page", "pages"),
                        plural(endings, "fin", "fins")
                    ),
                };
                println!("{ok}");
            }
            Err(report) => {
                eprint!("{}", report.render(lang));
                all_ok = false;
            }
        }
    }
    Ok(all_ok)
}

fn collect(path: &Path, out: &mut Vec<PathBuf>, lang: Lang) -> Result<(), String> {
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
