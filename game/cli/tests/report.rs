//! `play --export`, `report` and `export`, run as a trainer runs them: every
//! kept script is played into one sessions file, and the report on it ranks
//! the friction points, in text, CSV and HTML.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dedale-cli"))
        .args(args)
        .current_dir(root())
        .env_remove("DEDALE_LANG")
        .output()
        .expect("dedale-cli runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder under the build's temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Plays every kept script with `--export` into `file`; returns how many.
fn play_all(file: &Path) -> usize {
    let mut n = 0;
    for scenario in std::fs::read_dir(root().join("scenarios")).expect("scenarios/") {
        let path = scenario.expect("entry").path();
        if path.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let scripts = path.with_extension("scripts");
        for script in std::fs::read_dir(&scripts).expect("scripts") {
            let script = script.expect("entry").path();
            let out = cli(&[
                "play",
                path.to_str().expect("utf-8 path"),
                "--script",
                script.to_str().expect("utf-8 path"),
                "--export",
                file.to_str().expect("utf-8 path"),
                "--group",
                "essai",
            ]);
            assert!(out.status.success(), "{}", text(&out.stderr));
            n += 1;
        }
    }
    n
}

#[test]
fn the_report_on_the_test_runs_ranks_the_friction_points() {
    let dir = scratch("report");
    let sessions = dir.join("sessions.jsonl");
    let played = play_all(&sessions);
    let lines = std::fs::read_to_string(&sessions).expect("sessions written");
    assert_eq!(lines.lines().count(), played, "one line per session");

    let out = cli(&["report", sessions.to_str().expect("path")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.contains(&format!("{played} sessions lues")),
        "{report}"
    );
    assert!(report.contains("Points de friction"), "{report}");
    assert!(report.contains(" 1. ["), "a ranked first page: {report}");
    assert!(report.contains("erreurs sur"), "{report}");
    assert!(
        report.contains("essai :"),
        "the group has 5 or more sessions: {report}"
    );

    let en = cli(&["--lang", "en", "report", dir.to_str().expect("path")]);
    assert!(text(&en.stdout).contains("Friction points (worst first)"));

    let html = dir.join("rapport.html");
    let out = cli(&[
        "report",
        sessions.to_str().expect("path"),
        "--format",
        "html",
        "--output",
        html.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = std::fs::read_to_string(&html).expect("HTML written");
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg"));
    assert!(
        !page.contains("http://") || !page.contains("src="),
        "no external resource"
    );
    assert!(!page.contains("<script"), "no script");

    let out = cli(&[
        "report",
        sessions.to_str().expect("path"),
        "--format",
        "csv",
    ]);
    let csv = text(&out.stdout);
    assert!(csv.starts_with("section;scénario;version;élément;mesure;valeur\n"));
    assert!(csv.contains(";score;"));

    let out = cli(&[
        "export",
        sessions.to_str().expect("path"),
        "--format",
        "xapi",
    ]);
    let statements: serde_json::Value = serde_json::from_slice(&out.stdout).expect("an xAPI array");
    assert!(statements.as_array().is_some_and(|a| a.len() > played * 3));
    let out = cli(&[
        "export",
        sessions.to_str().expect("path"),
        "--format",
        "csv",
        "--comma",
    ]);
    assert!(text(&out.stdout).starts_with("session,scénario,version,mode,langue,jour,groupe,"));
}

#[test]
fn a_damaged_line_is_named_with_its_file_and_line_and_the_rest_is_read() {
    let dir = scratch("damaged");
    let sessions = dir.join("sessions.jsonl");
    play_all(&sessions);
    let mut content = std::fs::read_to_string(&sessions).expect("sessions");
    content.insert_str(0, "{\"header\": cassé\n");
    std::fs::write(&sessions, content).expect("writes");
    let out = cli(&["report", sessions.to_str().expect("path")]);
    assert!(!out.status.success(), "a skipped line is a failure");
    let err = text(&out.stderr);
    assert!(err.contains("sessions.jsonl:1: ligne 1 illisible"), "{err}");
    assert!(err.contains("supprimez cette ligne"), "{err}");
    assert!(
        text(&out.stdout).contains("Points de friction"),
        "the report is still written"
    );

    let none = cli(&["report", dir.join("absent.jsonl").to_str().expect("path")]);
    assert_eq!(none.status.code(), Some(2));
    assert!(text(&none.stderr).contains("impossible de lire le fichier"));
}

#[test]
fn report_has_french_help_and_an_english_table_entry() {
    let fr = text(&cli(&["report", "--help"]).stdout);
    assert!(fr.contains("Rapport du formateur"), "{fr}");
    let en = text(&cli(&["--lang", "en", "report", "--help"]).stdout);
    assert!(en.contains("Trainer's report"), "{en}");
    assert!(en.contains("Report format"), "{en}");
    let play = text(&cli(&["--lang", "en", "play", "--help"]).stdout);
    assert!(play.contains("anonymous metrics"), "{play}");
}
