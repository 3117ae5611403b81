//! Words and numbers shared by the text, CSV and HTML reports, French and English.

use crate::Lang;
use crate::model::{IncidentKind, Posture};

/// "1 erreur", "3 erreurs".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The report's first line: French agrees the participle with the count ("1 session lue").
pub fn sessions_read(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, _) => format!("{} read.", plural(n, "session", "sessions")),
        (_, 1) => "1 session lue.".to_string(),
        _ => format!("{n} sessions lues."),
    }
}

/// "850 ms", "12 s", "3 min 05 s", "1 h 02 min".
pub fn duration(ms: u64, _lang: Lang) -> String {
    if ms < 1000 {
        return format!("{ms} ms");
    }
    let s = (ms + 500) / 1000;
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min {:02} s", s / 60, s % 60),
        _ => format!("{} h {:02} min", s / 3600, (s % 3600) / 60),
    }
}

/// "80 %" in French, "80%" in English.
pub fn percent(part: usize, whole: usize, lang: Lang) -> String {
    let p = if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    };
    match lang {
        Lang::En => format!("{p:.0}%"),
        _ => format!("{p:.0} %"),
    }
}

/// A decimal with one digit, French comma or English point.
pub fn decimal(v: f64, lang: Lang) -> String {
    let s = format!("{v:.1}");
    match lang {
        Lang::En => s,
        _ => s.replace('.', ","),
    }
}

/// What a posture is called in the debrief.
pub fn posture(p: Option<Posture>, lang: Lang) -> &'static str {
    match p {
        Some(Posture::ForThem) => lang.pick("faire à sa place", "doing it for them"),
        Some(Posture::WithThem) => lang.pick("accompagner", "doing it with them"),
        Some(Posture::Teach) => lang.pick("former", "teaching"),
        None => lang.pick("sans posture", "no posture"),
    }
}

/// What an incident kind is called.
pub fn incident(kind: IncidentKind, lang: Lang) -> &'static str {
    match kind {
        IncidentKind::Maintenance => lang.pick("maintenance", "maintenance"),
        IncidentKind::NoSlot => lang.pick("aucun créneau", "no slot"),
        IncidentKind::NetworkError => lang.pick("erreur réseau", "network error"),
        IncidentKind::UploadRejected => lang.pick("envoi refusé", "upload rejected"),
        IncidentKind::SessionLost => lang.pick("session perdue", "session lost"),
        IncidentKind::Other => lang.pick("autre", "other"),
    }
}

/// The line that says why small groups are not shown.
pub fn small_groups(codes: &[String], lang: Lang) -> String {
    let list = codes.join(", ");
    match lang {
        Lang::En => format!(
            "Not broken down (fewer than {} sessions): {list}. With so few people, a figure could point at one of them.",
            super::MIN_GROUP
        ),
        _ => format!(
            "Non détaillés (moins de {} sessions) : {list}. Avec si peu de personnes, un chiffre pourrait désigner l'une d'elles.",
            super::MIN_GROUP
        ),
    }
}

/// The definitions printed at the end of every report, so a figure is never read wrong.
pub fn definitions(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "Completed: reached a success or failure ending. Succeeded: reached a success ending.",
            "Time on a page: from entering to leaving it, per visit; median and quartiles (Q1–Q3).",
            "Error rate of a field: refused values / visits of its page.",
            "Friction score (0–100) = 100 × (0.2 time + 0.3 errors + 0.2 hints + 0.3 abandons), each divided by the largest among the scenario's pages: median time, errors per visit, hints per visit, abandons per session that saw the page.",
            "Competence met without help: the session succeeded without a hint; with hints: it succeeded after hints; not met: it did not succeed.",
            "Nothing typed by players is ever recorded: only ids of pages, fields and error kinds.",
        ],
        _ => &[
            "Terminée : une fin de réussite ou d'échec atteinte. Réussie : une fin de réussite atteinte.",
            "Temps sur une page : de l'arrivée au départ, à chaque passage ; médiane et quartiles (Q1–Q3).",
            "Taux d'erreur d'un champ : valeurs refusées / passages sur sa page.",
            "Score de friction (0 à 100) = 100 × (0,2 temps + 0,3 erreurs + 0,2 indices + 0,3 abandons), chacun divisé par le plus grand parmi les pages du scénario : temps médian, erreurs par passage, indices par passage, abandons par session passée sur la page.",
            "Compétence acquise sans aide : session réussie sans indice ; avec indices : réussie après des indices ; non acquise : pas réussie.",
            "Rien de ce que les joueurs tapent n'est jamais enregistré : seulement les identifiants des pages, des champs et des types d'erreur.",
        ],
    }
}
