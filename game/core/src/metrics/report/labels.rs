//! Words and numbers shared by the text and HTML reports and the trainer's
//! space, French and English.
//!
//! Every word of the report lives here once, in a [`Labels`] table per
//! language: a heading or a column renamed here is renamed in every report and
//! on the trainer's screen at once, and the compiler checks that English has
//! every word French has. The CSV's section and measure names are not words
//! but keys a spreadsheet's pivot tables are built on: they stay in `table.rs`,
//! the same in every language.

use crate::Lang;
use crate::model::{IncidentKind, Posture};

use super::Quartiles;

/// A word that agrees with its count, "1 indice", "3 indices": the report
/// writes counts in full, and its column headings use the plural alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Forms {
    /// Said of exactly one.
    pub one: &'static str,
    /// Said of none or several.
    pub many: &'static str,
}

impl Forms {
    /// The count and the word that agrees with it: "1 erreur", "3 erreurs".
    pub fn of(&self, n: usize) -> String {
        plural(n, self.one, self.many)
    }
}

/// Every word of the trainer's report in one language, so the text, the HTML
/// page and the trainer's screen cannot drift apart.
#[allow(missing_docs)]
#[derive(Debug)]
pub struct Labels {
    /// Before a colon: French sets it apart with a space, English does not.
    pub colon: &'static str,
    // Counted words.
    pub session: Forms,
    pub error: Forms,
    pub visit: Forms,
    pub hint: Forms,
    pub hint_asked: Forms,
    pub abandon: Forms,
    // The report's head.
    pub title: &'static str,
    pub anonymous: &'static str,
    /// A report on so few people that a figure may point at one of them;
    /// `{n}` is [`super::MIN_GROUP`].
    pub few_sessions: &'static str,
    /// One version number over several texts: the figures may mix two scenarios.
    pub several_contents: &'static str,
    pub version: &'static str,
    // How sessions ended.
    pub completed: &'static str,
    pub succeeded: &'static str,
    pub failed: &'static str,
    pub abandoned: &'static str,
    /// Sessions that ended on a `Postponed` ending: the procedure goes on later.
    pub postponed: &'static str,
    pub unfinished: &'static str,
    pub outcomes: &'static str,
    pub session_length: &'static str,
    pub median: &'static str,
    pub median_length: &'static str,
    // Friction.
    pub friction_points: &'static str,
    /// Lower case: the text report writes it in a list, the HTML capitalises it.
    pub no_friction: &'static str,
    pub friction_score: &'static str,
    /// Between errors and visits: "3 erreurs sur 4 passages".
    pub out_of: &'static str,
    /// Before the most frequent error: "(surtout iban_checksum)".
    pub mostly: &'static str,
    /// A page's median time; `{}` is the duration.
    pub median_time: &'static str,
    // Pages and fields.
    pub time_per_page: &'static str,
    pub page: &'static str,
    pub page_abandons: &'static str,
    pub hints_per_page: &'static str,
    pub abandons_per_page: &'static str,
    pub errors_per_field: &'static str,
    pub error_rate_per_field: &'static str,
    pub field: &'static str,
    pub rate: &'static str,
    pub top_error: &'static str,
    // Incidents.
    pub incidents: &'static str,
    pub incident: &'static str,
    pub kind: &'static str,
    pub count: &'static str,
    // Formation mode.
    pub training: &'static str,
    pub average_rights: &'static str,
    pub average_autonomy: &'static str,
    pub sessions_ended: &'static str,
    pub postures: &'static str,
    pub postures_chosen: &'static str,
    pub line: &'static str,
    pub chosen: &'static str,
    pub lines_chosen: &'static str,
    // Competences.
    pub competences: &'static str,
    /// Before "sans aide" and "avec indices" in a legend that stands alone.
    pub met: &'static str,
    pub without_help: &'static str,
    pub with_hints: &'static str,
    pub not_met: &'static str,
    // Groups.
    pub groups: &'static str,
    /// Heading of the sessions by the trainer's switches they were played with.
    pub switches: &'static str,
    pub group: &'static str,
    pub group_abandons: &'static str,
    pub hints_per_session: &'static str,
    pub errors_per_session: &'static str,
    pub no_group_code: &'static str,
    pub without_group_code: &'static str,
    // The end.
    pub definitions_title: &'static str,
    /// Printed at the end of every report, so a figure is never read wrong.
    pub definitions: &'static [&'static str],
}

/// The report in French, the first language.
pub const FR: Labels = Labels {
    colon: " :",
    session: Forms {
        one: "session",
        many: "sessions",
    },
    error: Forms {
        one: "erreur",
        many: "erreurs",
    },
    visit: Forms {
        one: "passage",
        many: "passages",
    },
    hint: Forms {
        one: "indice",
        many: "indices",
    },
    hint_asked: Forms {
        one: "indice demandé",
        many: "indices demandés",
    },
    abandon: Forms {
        one: "abandon",
        many: "abandons",
    },
    title: "Rapport Dédale",
    anonymous: "mesures anonymes",
    few_sessions: "Attention : moins de {n} sessions ; un chiffre peut désigner une personne, lisez-les avec prudence.",
    several_contents: "Attention : plusieurs contenus différents sous cette version ; le fichier du scénario a été modifié sans changer sa version.",
    version: "version",
    completed: "terminées",
    succeeded: "réussies",
    failed: "échouées",
    abandoned: "abandonnées",
    postponed: "reportées (suite par courrier)",
    unfinished: "non terminées",
    outcomes: "Issue des sessions",
    session_length: "Durée d'une session : médiane",
    median: "médiane",
    median_length: "durée médiane",
    friction_points: "Points de friction (du plus bloquant au moins bloquant)",
    no_friction: "aucun : ni erreur, ni indice, ni abandon, ni temps mesuré.",
    friction_score: "Score de friction",
    out_of: "sur",
    mostly: "surtout",
    median_time: "{} en médiane",
    time_per_page: "Temps par page",
    page: "page",
    page_abandons: "abandons",
    hints_per_page: "Indices par page",
    abandons_per_page: "Abandons par page",
    errors_per_field: "Erreurs par champ",
    error_rate_per_field: "Taux d'erreur par champ",
    field: "champ",
    rate: "taux",
    top_error: "erreur la plus fréquente",
    incidents: "Incidents rencontrés",
    incident: "incident",
    kind: "type",
    count: "nombre",
    training: "Formation",
    average_rights: "droits moyens",
    average_autonomy: "autonomie moyenne",
    sessions_ended: "sessions terminées",
    postures: "Postures",
    postures_chosen: "Postures choisies",
    line: "réplique",
    chosen: "choix",
    lines_chosen: "Répliques choisies",
    competences: "Compétences",
    met: "acquise",
    without_help: "sans aide",
    with_hints: "avec indices",
    not_met: "non acquise",
    groups: "Groupes",
    switches: "Par réglage du formateur",
    group: "groupe",
    group_abandons: "abandons",
    hints_per_session: "indices par session",
    errors_per_session: "erreurs par session",
    no_group_code: "Aucun code de groupe dans ces sessions.",
    without_group_code: "sans code de groupe.",
    definitions_title: "Définitions",
    definitions: &[
        "Terminée : une fin de réussite ou d'échec atteinte. Réussie : une fin de réussite atteinte.",
        "Temps sur une page : de l'arrivée au départ, à chaque passage ; médiane et quartiles (Q1–Q3).",
        "Taux d'erreur d'un champ : valeurs refusées / passages sur sa page.",
        "Score de friction (0 à 100) = 100 × (0,2 temps + 0,3 erreurs + 0,2 indices + 0,3 abandons), chacun divisé par le plus grand parmi les pages du scénario : temps médian, erreurs par passage, indices par passage, abandons par session passée sur la page.",
        "Compétence acquise sans aide : session réussie sans indice ; avec indices : réussie après des indices ; non acquise : pas réussie.",
        "Rien de ce que les joueurs tapent n'est jamais enregistré : seulement les identifiants des pages, des champs et des types d'erreur.",
    ],
};

/// The report in English, the second language.
pub const EN: Labels = Labels {
    colon: ":",
    session: Forms {
        one: "session",
        many: "sessions",
    },
    error: Forms {
        one: "error",
        many: "errors",
    },
    visit: Forms {
        one: "visit",
        many: "visits",
    },
    hint: Forms {
        one: "hint",
        many: "hints",
    },
    hint_asked: Forms {
        one: "hint asked",
        many: "hints asked",
    },
    abandon: Forms {
        one: "abandonment",
        many: "abandonments",
    },
    title: "Dédale report",
    anonymous: "anonymous metrics",
    few_sessions: "Careful: fewer than {n} sessions; a figure may point at one person, read them with care.",
    several_contents: "Careful: several different contents under this version; the scenario file was edited without raising its version.",
    version: "version",
    completed: "completed",
    succeeded: "succeeded",
    failed: "failed",
    abandoned: "abandoned",
    postponed: "postponed (to be continued by post)",
    unfinished: "unfinished",
    outcomes: "How sessions ended",
    session_length: "Length of a session: median",
    median: "median",
    median_length: "median length",
    friction_points: "Friction points (worst first)",
    no_friction: "none: no error, hint, abandonment or measured time.",
    friction_score: "Friction score",
    out_of: "in",
    mostly: "mostly",
    median_time: "median time {}",
    time_per_page: "Time per page",
    page: "page",
    page_abandons: "abandons",
    hints_per_page: "Hints per page",
    abandons_per_page: "Abandonments per page",
    errors_per_field: "Errors per field",
    error_rate_per_field: "Error rate per field",
    field: "field",
    rate: "rate",
    top_error: "most frequent error",
    incidents: "Incidents met",
    incident: "incident",
    kind: "kind",
    count: "count",
    training: "Training",
    average_rights: "average rights",
    average_autonomy: "average autonomy",
    sessions_ended: "sessions ended",
    postures: "Postures",
    postures_chosen: "Postures chosen",
    line: "line",
    chosen: "chosen",
    lines_chosen: "Lines chosen",
    competences: "Competences",
    met: "met",
    without_help: "without help",
    with_hints: "with hints",
    not_met: "not met",
    groups: "Groups",
    switches: "By trainer setting",
    group: "group",
    group_abandons: "abandoned",
    hints_per_session: "hints per session",
    errors_per_session: "errors per session",
    no_group_code: "No group code in these sessions.",
    without_group_code: "without a group code.",
    definitions_title: "Definitions",
    definitions: &[
        "Completed: reached a success or failure ending. Succeeded: reached a success ending.",
        "Time on a page: from entering to leaving it, per visit; median and quartiles (Q1–Q3).",
        "Error rate of a field: refused values / visits of its page.",
        "Friction score (0–100) = 100 × (0.2 time + 0.3 errors + 0.2 hints + 0.3 abandons), each divided by the largest among the scenario's pages: median time, errors per visit, hints per visit, abandons per session that saw the page.",
        "Competence met without help: the session succeeded without a hint; with hints: it succeeded after hints; not met: it did not succeed.",
        "Nothing typed by players is ever recorded: only ids of pages, fields and error kinds.",
    ],
};

/// The words of a language; plain language (FALC) reads the French report,
/// whose sentences a trainer, not a learner, reads.
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &EN,
        Lang::Fr | Lang::Falc => &FR,
    }
}

impl Labels {
    /// "Temps par page :" in French, "Time per page:" in English.
    pub fn lead(&self, words: &str) -> String {
        format!("{words}{}", self.colon)
    }

    /// The warning over a report on fewer sessions than a group needs to be broken down.
    pub fn few_sessions(&self) -> String {
        self.few_sessions
            .replace("{n}", &super::MIN_GROUP.to_string())
    }

    /// The report's heading, "Rapport Dédale — mesures anonymes".
    pub fn heading(&self) -> String {
        format!("{} — {}", self.title, self.anonymous)
    }

    /// "rsa-mesallocs, version 1": a scenario is always named with its
    /// version, since figures of two versions are never mixed.
    pub fn scenario_version(&self, scenario: &str, version: &str) -> String {
        format!("{scenario}, {} {version}", self.version)
    }

    /// "Compétences (DigComp 2.2)": the framework the codes come from, named once.
    pub fn competences_heading(&self) -> String {
        format!("{} (DigComp 2.2)", self.competences)
    }

    /// "Durée d'une session : médiane 2 min 40 s (Q1 2 min 04 s – Q3 4 min 14 s)":
    /// the median and the quartiles, so one very long session cannot skew it.
    pub fn session_length(&self, q: &Quartiles, lang: Lang) -> String {
        format!(
            "{} {} (Q1 {} – Q3 {})",
            self.session_length,
            duration(q.median, lang),
            duration(q.q1, lang),
            duration(q.q3, lang)
        )
    }

    /// A page's median time in the friction ranking, "1 min 03 s en médiane".
    pub fn median_time(&self, ms: u64, lang: Lang) -> String {
        self.median_time.replace("{}", &duration(ms, lang))
    }
}

/// The first letter in upper case, for a word that opens a sentence or a
/// heading here and sits inside a sentence elsewhere.
pub fn capitalized(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "1 erreur", "3 erreurs".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The report's first line: French agrees the participle with the count ("1 session lue").
pub fn sessions_read(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, _) => format!("{} read.", EN.session.of(n)),
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
