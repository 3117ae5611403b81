//! Turns the interface's Fluent files (`locales/<lang>/*.ftl`) into the
//! tables of `src/i18n.rs`, and refuses to build when a language lacks a
//! message of French, has one French does not, or uses a variable French
//! does not give: the errors name the file and line, and say what to do.

mod ftl;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("locales");
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=build");
    let tables = ftl::read(&root, "game/app/locales").and_then(|sources| ftl::check(&sources));
    let tables = match tables {
        Ok(t) => t,
        Err(errors) => {
            eprintln!(
                "Les textes de l'interface (game/app/locales) ont {} erreur(s) / the interface's texts have errors:",
                errors.len()
            );
            for e in &errors {
                eprintln!("  {e}");
            }
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("strings.rs");
    if let Err(e) = std::fs::write(&out, ftl::rust(&tables)) {
        eprintln!(
            "{} : écriture impossible / cannot write: {e}",
            out.display()
        );
        std::process::exit(1);
    }
}
