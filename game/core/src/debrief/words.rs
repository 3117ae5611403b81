//! The debrief's words, French and English, in one place: the game's screen,
//! its screen-reader mirror and the terminal all write the debrief with them,
//! so they cannot drift apart.

use crate::Lang;
use crate::model::EndingKind;

/// Every word of the debrief.
#[allow(missing_docs)]
pub struct Words {
    pub ending_success: &'static str,
    pub ending_failure: &'static str,
    pub ending_abandon: &'static str,
    pub ending_postponed: &'static str,
    pub receipt: &'static str,
    pub scores: &'static str,
    pub rights: &'static str,
    pub autonomy: &'static str,
    pub score_line: &'static str,
    pub what_happened: &'static str,
    pub remember: &'static str,
    pub help_for_real: &'static str,
    pub your_choices: &'static str,
    pub timeline: &'static str,
    pub count_errors: [&'static str; 3],
    pub count_hints: [&'static str; 3],
    pub count_incidents: [&'static str; 3],
    pub moment_page: &'static str,
    pub moment_error: &'static str,
    pub moment_hint: &'static str,
    pub moment_timeout: &'static str,
    pub moment_message: &'static str,
    pub moment_document: &'static str,
    pub moment_download: &'static str,
    pub moment_link: &'static str,
    pub moment_back: &'static str,
    pub moment_abandon: &'static str,
    /// What stands between a heading and what follows on the same line: " :" in French, ":" in English.
    pub colon: &'static str,
}

const FR: Words = Words {
    ending_success: "Démarche réussie !",
    ending_failure: "La démarche n'a pas abouti.",
    ending_abandon: "Démarche abandonnée.",
    ending_postponed: "Démarche en attente : la suite arrivera par courrier.",
    receipt: "Numéro de dossier :",
    scores: "Vos scores",
    rights: "Droits",
    autonomy: "Autonomie",
    score_line: "{name} : {v} / 100",
    what_happened: "Ce qui s'est passé",
    remember: "À retenir",
    help_for_real: "Pour de vrai, où trouver de l'aide",
    your_choices: "Vos choix, à discuter",
    timeline: "Votre parcours",
    count_errors: [
        "aucune erreur de saisie",
        "1 erreur de saisie",
        "{n} erreurs de saisie",
    ],
    count_hints: ["aucun indice", "1 indice", "{n} indices"],
    count_incidents: ["aucun incident", "1 incident", "{n} incidents"],
    moment_page: "Page",
    moment_error: "Erreur dans",
    moment_hint: "Indice",
    moment_timeout: "Session expirée : trop longtemps sans rien faire",
    moment_message: "Message reçu de",
    moment_document: "Document ouvert :",
    moment_download: "Document téléchargé :",
    moment_link: "Lien suivi dans un message de",
    moment_back: "Retour à la page précédente",
    moment_abandon: "Abandon de la démarche",
    colon: " :",
};

const EN: Words = Words {
    ending_success: "Procedure completed!",
    ending_failure: "The procedure did not succeed.",
    ending_abandon: "Procedure given up.",
    ending_postponed: "Procedure on hold: what comes next will arrive by post.",
    receipt: "Reference number:",
    scores: "Your scores",
    rights: "Rights",
    autonomy: "Autonomy",
    score_line: "{name}: {v}/100",
    what_happened: "What happened",
    remember: "To remember",
    help_for_real: "For real, where to get help",
    your_choices: "Your choices, to discuss",
    timeline: "Your path",
    count_errors: ["no input errors", "1 input error", "{n} input errors"],
    count_hints: ["no hints", "1 hint", "{n} hints"],
    count_incidents: ["no incidents", "1 incident", "{n} incidents"],
    moment_page: "Page",
    moment_error: "Error in",
    moment_hint: "Hint",
    moment_timeout: "Session expired: too long without any action",
    moment_message: "Message received from",
    moment_document: "Document opened:",
    moment_download: "Document downloaded:",
    moment_link: "Link followed in a message from",
    moment_back: "Back to the previous page",
    moment_abandon: "Gave up the procedure",
    colon: ":",
};

/// The words of a language; plain language (FALC) uses the French ones, already short.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Fr | Lang::Falc => &FR,
    }
}

/// "aucun indice", "1 indice", "3 indices": a count with the words that agree
/// with it, from the forms for none, one and more (each may hold `{n}`).
pub fn count(forms: [&str; 3], n: usize) -> String {
    forms[n.min(2)].replace("{n}", &n.to_string())
}

impl Words {
    /// A gauge's value as the debrief writes it: "Droits : 60 / 100".
    pub fn score(&self, name: &str, value: i32) -> String {
        self.score_line
            .replace("{name}", name)
            .replace("{v}", &value.to_string())
    }

    /// The summary of an attempt, as a sentence: "Aucune erreur de saisie, 1 indice, 2 incidents."
    pub fn counts(&self, errors: usize, hints: usize, incidents: usize) -> String {
        let line = format!(
            "{}, {}, {}.",
            count(self.count_errors, errors),
            count(self.count_hints, hints),
            count(self.count_incidents, incidents)
        );
        let mut chars = line.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// The sentence that says how it ended, beside the ending's own title.
    pub fn ending(&self, kind: EndingKind) -> &'static str {
        match kind {
            EndingKind::Success => self.ending_success,
            EndingKind::Failure => self.ending_failure,
            EndingKind::Abandon => self.ending_abandon,
            EndingKind::Postponed => self.ending_postponed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(
            words(Lang::Fr).counts(0, 1, 2),
            "Aucune erreur de saisie, 1 indice, 2 incidents."
        );
        assert_eq!(
            words(Lang::Fr).counts(3, 0, 1),
            "3 erreurs de saisie, aucun indice, 1 incident."
        );
        assert_eq!(
            words(Lang::En).counts(1, 2, 0),
            "1 input error, 2 hints, no incidents."
        );
    }

    #[test]
    fn scores_are_written_per_language() {
        assert_eq!(words(Lang::Fr).score("Droits", 60), "Droits : 60 / 100");
        assert_eq!(words(Lang::En).score("Rights", 60), "Rights: 60/100");
    }
}
