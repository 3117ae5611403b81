//! The checks of `logic_checks.rs` on broken copies of `compte.ron`: each
//! problem is found, at its place, with a suggestion where one is close.

use super::{Report, Severity, load_with_warnings};
use crate::Lang;

const COMPTE: &str = include_str!("../../tests/fixtures/compte.ron");

/// `compte.ron` with `from` replaced by `to` (which must be in the file).
fn broken(from: &str, to: &str) -> Report {
    assert!(COMPTE.contains(from), "{from}");
    match load_with_warnings("compte.ron", &COMPTE.replacen(from, to, 1)) {
        Ok((_, report)) | Err(report) => report,
    }
}

/// The one message of a report, French and English, with its line.
fn only(report: &Report) -> (usize, Severity, String, String) {
    let d: Vec<_> = report.diagnostics.iter().collect();
    assert_eq!(d.len(), 1, "{}", report.render(Lang::Fr));
    let d = d[0];
    (
        d.line,
        d.severity,
        d.problem.message(Lang::Fr),
        d.problem.message(Lang::En),
    )
}

fn line_of(text: &str) -> usize {
    COMPTE
        .lines()
        .position(|l| l.contains(text))
        .map_or(0, |i| i + 1)
}

#[test]
fn the_fixture_checks_and_solves_without_a_warning() {
    let limits = crate::solve::Limits::default();
    let (_, report) = crate::solve::check("compte.ron", COMPTE, limits).expect("checks");
    assert!(report.diagnostics.is_empty(), "{}", report.render(Lang::Fr));
}

#[test]
fn a_misspelt_source_fact_is_suggested() {
    let report = broken("from: \"iban\"", "from: \"ibann\"");
    let (line, severity, fr, en) = only(&report);
    assert_eq!(line, line_of("id: \"iban_fin\", from"));
    assert_eq!(severity, Severity::Error);
    assert_eq!(fr, "fait `ibann` inconnu ; vouliez-vous dire `iban` ?");
    assert_eq!(en, "unknown fact `ibann`; did you mean `iban`?");
}

#[test]
fn a_derived_fact_that_cannot_be_computed_says_why() {
    let (_, _, fr, en) = only(&broken("Last(7)", "Last(40)"));
    assert_eq!(
        fr,
        "le fait calculé `iban_fin` ne peut pas être calculé : la valeur d'origine n'a que 27 caractères (sans les espaces), moins que les 40 demandés"
    );
    assert!(
        en.starts_with("derived fact `iban_fin` cannot be computed"),
        "{en}"
    );
    let (_, _, fr, _) = only(&broken("from: \"date_courrier\"", "from: \"nir\""));
    assert!(fr.contains("jj/mm/aaaa"), "{fr}");
}

#[test]
fn a_derived_fact_cannot_take_a_printed_facts_name() {
    let report = broken("(id: \"iban_fin\"", "(id: \"iban\"");
    let first = report.lines(Lang::Fr).join("\n");
    assert!(
        first.starts_with(&format!(
            "compte.ron:{}:18: le fait calculé `iban` porte le nom d'un fait",
            line_of("compute: Last(7)")
        )),
        "{first}"
    );
}

#[test]
fn a_misspelt_same_as_is_suggested_and_kinds_must_agree() {
    let (line, _, fr, en) = only(&broken(
        "same_as: \"mdp\")),\n                Button((id: \"creer\"",
        "same_as: \"mdpp\")),\n                Button((id: \"creer\"",
    ));
    assert_eq!(line, line_of("id: \"mdp_confirmation\""));
    assert_eq!(fr, "champ `mdpp` inconnu ; vouliez-vous dire `mdp` ?");
    assert_eq!(en, "unknown input `mdpp`; did you mean `mdp`?");
    let (_, _, fr, _) = only(&broken("same_as: \"mdp\"", "same_as: \"mdp_confirmation\""));
    assert!(
        fr.starts_with("le champ `mdp_confirmation` se répète lui-même"),
        "{fr}"
    );
    let (_, _, fr, en) = only(&broken(
        "kind: Password((min_length: 8, digit: true)), secret: true, same_as: \"mdp\")),\n                Button((id: \"creer\"",
        "kind: Text, secret: true, same_as: \"mdp\")),\n                Button((id: \"creer\"",
    ));
    assert_eq!(
        fr,
        "le champ `mdp_confirmation` répète `mdp` mais n'a pas le même type (`kind`) : donnez-lui le même type que `mdp`"
    );
    assert!(en.contains("another `kind`"), "{en}");
}

#[test]
fn a_counter_never_counted_is_a_warning_with_a_suggestion() {
    let report = broken("CountAtLeast(\"essais\", 3)", "CountAtLeast(\"esais\", 3)");
    let (line, severity, fr, en) = only(&report);
    assert_eq!(line, line_of("CountAtLeast("));
    assert_eq!(severity, Severity::Warning);
    assert_eq!(
        fr,
        "le compteur `esais` n'est jamais augmenté : aucun effet `Count(\"esais\")` dans le scénario ; vouliez-vous dire `essais` ?"
    );
    assert!(en.starts_with("counter `esais` is never raised"), "{en}");
    let (_, severity, fr, _) = only(&broken(
        "CountAtLeast(\"essais\", 3)",
        "CountAtLeast(\"essais\", 0)",
    ));
    assert_eq!(severity, Severity::Error);
    assert!(fr.contains("toujours vrai"), "{fr}");
}
