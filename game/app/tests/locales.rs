//! The interface's texts (`game/app/locales`): every language has every
//! message of French, and the checker the build script runs on them catches
//! a missing message, an extra one, a stray variable and a broken file,
//! saying where.

#[allow(dead_code)]
#[path = "../build/ftl.rs"]
mod ftl;

use std::path::Path;

use ftl::{LANGS, PARTS, Source, Value};

fn shipped() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    ftl::read(&root, "game/app/locales").unwrap_or_else(|e| panic!("{}", e.join("\n")))
}

/// The shipped sources with one file replaced.
fn with(lang: &str, file: &str, text: &str) -> Vec<Source> {
    let mut sources = shipped();
    let l = LANGS.iter().position(|c| *c == lang).expect("a language");
    let p = PARTS.iter().position(|p| p.file == file).expect("a file");
    let source = sources
        .iter_mut()
        .find(|s| s.lang == l && s.part == p)
        .expect("the file");
    source.text = text.to_string();
    sources
}

fn errors(sources: &[Source]) -> Vec<String> {
    match ftl::check(sources) {
        Ok(_) => Vec::new(),
        Err(e) => e,
    }
}

fn text_of(lang: &str, file: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    std::fs::read_to_string(root.join(lang).join(file)).expect("a shipped file")
}

#[test]
fn every_language_has_every_message() {
    let tables = ftl::check(&shipped()).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    for (p, part) in PARTS.iter().enumerate() {
        assert!(tables.len(p) > 0, "{} is empty", part.file);
    }
    assert_eq!(
        tables.get("falc", 0, "abandon"),
        Some(&Value::Text("Arrêter".into()))
    );
    assert_eq!(
        tables.get("fr", 1, "count-sessions"),
        Some(&Value::Count([
            "aucune session".into(),
            "1 session".into(),
            "{n} sessions".into()
        ]))
    );
}

#[test]
fn a_missing_message_is_named_with_the_french_line_to_translate() {
    let en = text_of("en", "dedale.ftl").replace("abandon-title = Give up the procedure?\n", "");
    let found = errors(&with("en", "dedale.ftl", &en));
    assert_eq!(found.len(), 1, "{found:?}");
    let line = text_of("fr", "dedale.ftl")
        .lines()
        .position(|l| l.starts_with("abandon-title ="))
        .expect("French has it")
        + 1;
    assert!(
        found[0].starts_with("game/app/locales/en/dedale.ftl : message `abandon-title` manquant")
            && found[0].contains(&format!("game/app/locales/fr/dedale.ftl:{line}")),
        "{found:?}"
    );
}

#[test]
fn a_message_french_does_not_have_is_refused_at_its_line() {
    let falc = format!("{}bonjour = Bonjour.\n", text_of("falc", "trainer.ftl"));
    let lines = falc.lines().count();
    let found = errors(&with("falc", "trainer.ftl", &falc));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(&format!(
            "game/app/locales/falc/trainer.ftl:{lines} : message `bonjour` absent du français"
        )),
        "{found:?}"
    );
}

#[test]
fn a_variable_french_does_not_give_is_refused() {
    let en = text_of("en", "dedale.ftl").replace("clock = { $n } min", "clock = { $minutes } min");
    let found = errors(&with("en", "dedale.ftl", &en));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("la variable `$minutes` de `clock` n'existe pas en français")
            && found[0].contains("variables : $n"),
        "{found:?}"
    );
}

#[test]
fn a_count_keeps_its_three_forms_in_every_language() {
    let en = text_of("en", "trainer.ftl").replace("        [0] no sessions\n", "");
    let found = errors(&with("en", "trainer.ftl", &en));
    assert!(
        found
            .iter()
            .any(|e| e.contains("`count-sessions`") && e.contains("[0]")),
        "{found:?}"
    );
}

#[test]
fn a_syntax_error_is_placed_on_its_line_and_column() {
    let fr = format!("{}oups = {{ $n\n", text_of("fr", "digcomp.ftl"));
    let line = fr.lines().count();
    let found = errors(&with("fr", "digcomp.ftl", &fr));
    assert!(
        found.iter().any(
            |e| e.starts_with(&format!("game/app/locales/fr/digcomp.ftl:{line}:"))
                && e.contains("erreur de syntaxe Fluent")
        ),
        "{found:?}"
    );
}

#[test]
fn the_generated_tables_hold_every_language() {
    let tables = ftl::check(&shipped()).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let rust = ftl::rust(&tables);
    for name in ["FR", "EN", "FALC", "TRAINER_FALC", "DIGCOMP_EN"] {
        assert!(rust.contains(&format!("pub static {name}: ")), "{name}");
    }
    assert!(rust.contains(r#"clock: "{n} min","#));
}
