//! Helpers shared by the workspace tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every shipped scenario file, sorted.
pub fn scenario_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios"))
        .expect("the scenarios folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// The scripts kept beside a scenario (`x.ron` → `x.scripts/*.txt`).
pub fn scripts_of(scenario: &Path) -> Vec<PathBuf> {
    let dir = scenario.with_extension("scripts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Reads a file of the repository.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the command line gives the loader: fragments read beside the scenario
/// (`include: ["communs/x.ron"]` → `<folder of the scenario>/communs/x.ron`).
pub fn includes_beside(scenario: &Path) -> impl Fn(&str) -> Option<(String, String)> + use<> {
    let dir = scenario.parent().map(Path::to_path_buf).unwrap_or_default();
    move |name: &str| {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).ok()?;
        Some((path.display().to_string(), text))
    }
}

/// Loads a scenario of the repository with the fragments it includes, read beside it.
pub fn load(path: &Path) -> dedale_core::model::Scenario {
    let includes = includes_beside(path);
    dedale_core::load::load_with_includes(&path.display().to_string(), &read(path), &includes)
        .map(|(s, _)| s)
        .unwrap_or_else(|r| panic!("{r}"))
}
