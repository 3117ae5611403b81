//! Interface strings, written as data: one folder per language in
//! `game/app/locales/` (`fr`, the reference; `en`; `falc`, plain French),
//! in Fluent's syntax, so a translator or a FALC writer edits them without
//! Rust. The build script (`build/main.rs`) checks them (every language has
//! every message of French, no variable French lacks) and turns them into the
//! tables below; no screen hard-codes a string.
//!
//! A variable written `{ $n }` in a file is `{n}` in the tables: the screens
//! replace it when they draw ([`fill`]), and a text that agrees with a number
//! comes as its three forms (none, one, more) for `dedale_core::debrief::count`.

use dedale_core::Lang;
use dedale_core::debrief::count;
use dedale_core::model::Scenario;

include!(concat!(env!("OUT_DIR"), "/strings.rs"));

impl Strings {
    /// The heading of a form's error summary, "1 erreur" or "3 erreurs" as portals write it.
    pub fn form_errors(&self, n: usize) -> String {
        count(self.form_errors, n)
    }
}

/// The table of a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
        Lang::Falc => &FALC,
    }
}

/// The note for a player who chose plain French (FALC) while the scenario
/// does not give all its texts in it (its `languages` lacks `Falc`): those
/// texts fall back to everyday French (`Text::get`), and the player is told
/// so. Nothing in another language, or when the scenario gives them all.
pub fn falc_note(lang: Lang, scenario: &Scenario) -> Option<&'static str> {
    (lang == Lang::Falc && !scenario.meta.languages.contains(&Lang::Falc))
        .then_some(FALC.falc_missing)
}

/// A text of the tables with its variables given: `fill("{n} min", &[("n", "3")])`
/// is "3 min". One pass over the text, so a value holding braces (a file's
/// name) is never read as a variable; a variable not given stays as written,
/// so a missing one shows.
pub fn fill(text: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let given = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = vars.iter().find(|(n, _)| *n == name)?.1;
            Some((value, close))
        });
        match given {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A DigComp 2.2 competence with its name, so cards say "2.1 Interagir en
/// ligne" rather than a bare code; an unknown code is shown as it is.
pub fn competence(code: &str, lang: Lang) -> String {
    strings(lang)
        .digcomp
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_string(), |(_, name)| format!("{code} {name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_error_summary_agrees() {
        assert_eq!(
            strings(Lang::Fr).form_errors(1),
            "Le formulaire contient 1 erreur :"
        );
        assert_eq!(
            strings(Lang::Fr).form_errors(4),
            "Le formulaire contient 4 erreurs :"
        );
        assert_eq!(strings(Lang::En).form_errors(2), "The form has 2 errors:");
    }

    #[test]
    fn plain_french_has_its_own_words() {
        assert_eq!(strings(Lang::Falc).abandon, "Arrêter");
        assert_ne!(strings(Lang::Falc).tagline, strings(Lang::Fr).tagline);
        assert_eq!(strings(Lang::Falc).trainer.title, "Espace formateur");
    }

    #[test]
    fn variables_are_filled_by_name() {
        let s = strings(Lang::Fr);
        assert_eq!(fill(s.clock, &[("n", "12")]), "12 min");
        assert_eq!(
            fill(s.upload_rules, &[("formats", "PDF, JPEG"), ("max", "2")]),
            "Formats acceptés : PDF, JPEG. Taille maximale : 2 Mo."
        );
        assert_eq!(fill("{a} et {b}", &[("a", "1")]), "1 et {b}");
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "2")]), "{b} 2");
        assert_eq!(fill("{ {a}", &[("a", "1")]), "{ 1");
    }

    #[test]
    fn every_competence_has_a_name_in_every_language() {
        for lang in [Lang::Fr, Lang::En, Lang::Falc] {
            assert_eq!(strings(lang).digcomp.len(), 21);
            for (code, _) in strings(lang).digcomp {
                assert!(competence(code, lang).len() > code.len() + 3, "{code}");
            }
        }
        assert_eq!(competence("2.1", Lang::Fr), "2.1 Interagir en ligne");
        assert_eq!(
            competence("2.1", Lang::En),
            "2.1 Interacting through digital technologies"
        );
        assert_eq!(competence("9.9", Lang::Fr), "9.9");
    }
}
