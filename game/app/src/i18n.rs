//! Interface strings: one table per language. The compiler checks that every
//! table has every string; no screen hard-codes one.

use dedale_core::Lang;

/// Every string of the interface.
#[allow(missing_docs)]
pub struct Strings {
    pub abandon: &'static str,
    pub abandon_help: &'static str,
    pub abandon_title: &'static str,
    pub abandon_yes: &'static str,
    pub all_documents: &'static str,
    pub answer_first: &'static str,
    pub autonomy: &'static str,
    pub back: &'static str,
    pub begin: &'static str,
    pub browser_back: &'static str,
    pub choose: &'static str,
    pub choose_file: &'static str,
    pub choose_title: &'static str,
    /// The desk's clock, in whole minutes: no seconds ticking by (no time pressure).
    pub clock: &'static str,
    pub clock_help: &'static str,
    pub competences: &'static str,
    pub dialogue: &'static str,
    pub difficulty: &'static str,
    pub easy: &'static str,
    /// "No", one and several input errors: French says "aucune erreur", "1 erreur", "2 erreurs".
    pub count_errors: [&'static str; 3],
    pub count_hints: [&'static str; 3],
    pub count_incidents: [&'static str; 3],
    pub ending_abandon: &'static str,
    pub ending_failure: &'static str,
    pub ending_success: &'static str,
    pub falc: &'static str,
    pub folder: &'static str,
    pub folder_help: &'static str,
    pub for_both: &'static str,
    pub for_learners: &'static str,
    pub for_students: &'static str,
    pub form_error: &'static str,
    pub form_errors: &'static str,
    pub goal: &'static str,
    pub hard: &'static str,
    pub help_for_real: &'static str,
    pub hide: &'static str,
    pub high_contrast: &'static str,
    pub hint: &'static str,
    pub invalid_scenario: &'static str,
    pub keep_going: &'static str,
    pub language: &'static str,
    pub loading: &'static str,
    pub look_at: &'static str,
    pub mail: &'static str,
    pub medium: &'static str,
    pub minutes: &'static str,
    pub mode: &'static str,
    pub mode_atelier: &'static str,
    pub mode_atelier_help: &'static str,
    pub mode_formation: &'static str,
    pub mode_formation_help: &'static str,
    pub moment_back: &'static str,
    pub moment_document: &'static str,
    pub moment_error: &'static str,
    pub moment_message: &'static str,
    pub moment_page: &'static str,
    pub moment_timeout: &'static str,
    pub no_dialogue: &'static str,
    pub open_file: &'static str,
    pub no_file: &'static str,
    pub no_message: &'static str,
    pub not_secure: &'static str,
    pub other_mode: &'static str,
    pub other_scenario: &'static str,
    pub pause: &'static str,
    pub paused: &'static str,
    pub paused_help: &'static str,
    pub phone: &'static str,
    pub play: &'static str,
    pub receipt: &'static str,
    pub remember: &'static str,
    pub replay: &'static str,
    pub required: &'static str,
    pub resume: &'static str,
    pub rights: &'static str,
    pub role_atelier: &'static str,
    pub role_formation: &'static str,
    pub scores: &'static str,
    pub score_line: &'static str,
    pub secure: &'static str,
    pub settings: &'static str,
    pub show: &'static str,
    pub sound: &'static str,
    pub start: &'static str,
    pub tagline: &'static str,
    pub text_size: &'static str,
    pub timeline: &'static str,
    pub trainer: &'static TrainerStrings,
    pub upload_rules: &'static str,
    pub what_happened: &'static str,
    pub who: &'static str,
    pub you: &'static str,
    pub your_choices: &'static str,
    pub your_files: &'static str,
}

/// French, the first language.
pub static FR: Strings = Strings {
    abandon: "Abandonner",
    abandon_help: "Vous pourrez recommencer quand vous voulez. Le bilan vous dira où trouver de l'aide pour cette démarche.",
    abandon_title: "Abandonner la démarche ?",
    abandon_yes: "Oui, abandonner",
    all_documents: "Tous les documents",
    answer_first: "Répondez avant de continuer sur le site.",
    autonomy: "Autonomie",
    back: "Retour",
    begin: "Commencer",
    browser_back: "Page précédente",
    choose: "Choisissez…",
    choose_file: "Choisir un fichier",
    choose_title: "Choisissez une démarche",
    clock: "{n} min",
    clock_help: "Le temps passé sur la démarche. Certains sites ferment la session si l'on ne fait rien pendant longtemps.",
    competences: "Compétences",
    dialogue: "Dialogue",
    difficulty: "Difficulté",
    easy: "facile",
    count_errors: [
        "aucune erreur de saisie",
        "1 erreur de saisie",
        "{n} erreurs de saisie",
    ],
    count_hints: ["aucun indice", "1 indice", "{n} indices"],
    count_incidents: ["aucun incident", "1 incident", "{n} incidents"],
    ending_abandon: "Démarche abandonnée.",
    ending_failure: "La démarche n'a pas abouti.",
    ending_success: "Démarche réussie !",
    falc: "Facile à lire",
    folder: "Dossier",
    folder_help: "Les papiers de la personne. Ouvrez-les pour trouver les informations demandées.",
    for_both: "pour l'atelier et la formation",
    for_learners: "pour l'atelier",
    for_students: "pour la formation",
    form_error: "Le formulaire contient 1 erreur :",
    form_errors: "Le formulaire contient {n} erreurs :",
    goal: "Le but",
    hard: "difficile",
    help_for_real: "Pour de vrai, où trouver de l'aide",
    hide: "Masquer",
    high_contrast: "Contraste élevé",
    hint: "Indice",
    invalid_scenario: "Ce scénario contient des erreurs. Corrigez le fichier aux lignes indiquées.",
    keep_going: "Continuer la démarche",
    language: "Langue",
    loading: "Préparation des démarches…",
    look_at: "Regardez :",
    mail: "Messagerie",
    medium: "moyenne",
    minutes: "min",
    mode: "Mode de jeu",
    mode_atelier: "Atelier : je fais la démarche",
    mode_atelier_help: "Pour s'entraîner sans risque, avec des indices. Prenez votre temps.",
    mode_formation: "Formation : j'accompagne une personne",
    mode_formation_help: "Pour les futurs professionnels : faire avec la personne ou à sa place ? Vos choix comptent.",
    moment_back: "Retour à la page précédente",
    moment_document: "Document ouvert :",
    moment_error: "Erreur dans",
    moment_message: "Message reçu de",
    moment_page: "Page",
    moment_timeout: "Session expirée : trop longtemps sans rien faire",
    no_dialogue: "La personne attend la suite.",
    open_file: "Ouvrir un fichier de scénario…",
    no_file: "Aucun fichier choisi",
    no_message: "Aucun message pour l'instant.",
    not_secure: "Non sécurisé",
    other_mode: "Ce scénario se joue dans l'autre mode : il s'ouvrira dans le bon.",
    other_scenario: "Choisir une autre démarche",
    pause: "Pause",
    paused: "En pause",
    paused_help: "Le temps est arrêté. Reprenez quand vous êtes prêt ou prête.",
    phone: "Téléphone",
    play: "Jouer cette démarche",
    receipt: "Numéro de dossier :",
    remember: "À retenir",
    replay: "Rejouer",
    required: "obligatoire",
    resume: "Reprendre",
    rights: "Droits",
    role_atelier: "Vous êtes {name}. Faites la démarche vous-même, à votre rythme.",
    role_formation: "Vous êtes le ou la professionnelle qui accompagne {name}. À vous de choisir comment.",
    scores: "Vos scores",
    score_line: "{name} : {v} / 100",
    secure: "Sécurisé",
    settings: "Réglages",
    show: "Afficher",
    sound: "Sons",
    start: "Commencer",
    tagline: "S'entraîner aux démarches en ligne, sans risque.",
    text_size: "Taille du texte :",
    timeline: "Votre parcours",
    trainer: &TRAINER_FR,
    upload_rules: "Formats acceptés : {formats}. Taille maximale : {max} Mo.",
    what_happened: "Ce qui s'est passé",
    who: "Qui",
    you: "Vous",
    your_choices: "Vos choix, à discuter",
    your_files: "Vos fichiers :",
};

/// English, the second language.
pub static EN: Strings = Strings {
    abandon: "Give up",
    abandon_help: "You can start again whenever you like. The debrief will tell you where to get help with this procedure.",
    abandon_title: "Give up the procedure?",
    abandon_yes: "Yes, give up",
    all_documents: "All documents",
    answer_first: "Answer before going on with the website.",
    autonomy: "Autonomy",
    back: "Back",
    begin: "Start",
    browser_back: "Previous page",
    choose: "Choose…",
    choose_file: "Choose a file",
    choose_title: "Choose a procedure",
    clock: "{n} min",
    clock_help: "Time spent on the procedure. Some websites close the session after a long time without any action.",
    competences: "Skills",
    dialogue: "Dialogue",
    difficulty: "Difficulty",
    easy: "easy",
    count_errors: ["no input errors", "1 input error", "{n} input errors"],
    count_hints: ["no hints", "1 hint", "{n} hints"],
    count_incidents: ["no incidents", "1 incident", "{n} incidents"],
    ending_abandon: "Procedure given up.",
    ending_failure: "The procedure did not succeed.",
    ending_success: "Procedure completed!",
    falc: "Easy to read",
    folder: "Folder",
    folder_help: "The person's papers. Open them to find the information asked for.",
    for_both: "for workshops and training",
    for_learners: "for workshops",
    for_students: "for training",
    form_error: "The form has 1 error:",
    form_errors: "The form has {n} errors:",
    goal: "The goal",
    hard: "hard",
    help_for_real: "For real, where to get help",
    hide: "Hide",
    high_contrast: "High contrast",
    hint: "Hint",
    invalid_scenario: "This scenario has errors. Fix the file at the lines shown.",
    keep_going: "Keep going",
    language: "Language",
    loading: "Preparing the procedures…",
    look_at: "Look at:",
    mail: "E-mail",
    medium: "medium",
    minutes: "min",
    mode: "Game mode",
    mode_atelier: "Workshop: I do the procedure",
    mode_atelier_help: "To practise safely, with hints. Take your time.",
    mode_formation: "Training: I support a person",
    mode_formation_help: "For future professionals: do it with the person or for them? Your choices count.",
    moment_back: "Back to the previous page",
    moment_document: "Document opened:",
    moment_error: "Error in",
    moment_message: "Message received from",
    moment_page: "Page",
    moment_timeout: "Session expired: too long without any action",
    no_dialogue: "The person is waiting for what comes next.",
    open_file: "Open a scenario file…",
    no_file: "No file chosen",
    no_message: "No message yet.",
    not_secure: "Not secure",
    other_mode: "This scenario is played in the other mode: it will open in the right one.",
    other_scenario: "Choose another procedure",
    pause: "Pause",
    paused: "Paused",
    paused_help: "Time is stopped. Resume when you are ready.",
    phone: "Phone",
    play: "Play this procedure",
    receipt: "Reference number:",
    remember: "To remember",
    replay: "Play again",
    required: "required",
    resume: "Resume",
    rights: "Rights",
    role_atelier: "You are {name}. Do the procedure yourself, at your own pace.",
    role_formation: "You are the professional supporting {name}. It is up to you how.",
    scores: "Your scores",
    score_line: "{name}: {v}/100",
    secure: "Secure",
    settings: "Settings",
    show: "Show",
    sound: "Sounds",
    start: "Start",
    tagline: "Practise online procedures, safely.",
    text_size: "Text size:",
    timeline: "Your path",
    trainer: &TRAINER_EN,
    upload_rules: "Accepted formats: {formats}. Maximum size: {max} MB.",
    what_happened: "What happened",
    who: "Who",
    you: "You",
    your_choices: "Your choices, to discuss",
    your_files: "Your files:",
};

/// The trainer's space. The report's own words (groups, outcomes, headings of
/// its figures) are not here but in `dedale_core::metrics::report::labels`, so
/// the screen and the exported report say the same thing.
#[allow(missing_docs)]
pub struct TrainerStrings {
    pub abandons: &'static str,
    pub cannot_write: &'static str,
    pub file_read: [&'static str; 3],
    pub no_jsonl: &'static str,
    pub written: &'static str,
    pub button: &'static str,
    pub competences: &'static str,
    pub device: &'static str,
    pub downloaded: &'static str,
    pub empty: &'static str,
    pub export: &'static str,
    pub export_help: &'static str,
    pub export_title: &'static str,
    /// After the report's "Erreurs par champ": what the rate is taken over.
    pub field_errors_how: &'static str,
    pub folder: &'static str,
    pub formation: &'static str,
    pub friction: &'static str,
    pub friction_help: &'static str,
    pub group: &'static str,
    pub group_help: &'static str,
    /// One group; `{median}` and `{hints}` are the report's words for its figures.
    pub group_row: &'static str,
    pub hints: &'static str,
    pub intro: &'static str,
    pub open_files: &'static str,
    pub open_folder: &'static str,
    pub outcomes: &'static str,
    pub legend: &'static str,
    pub count_sessions: [&'static str; 3],
    pub count_succeeded: [&'static str; 3],
    pub count_failed: [&'static str; 3],
    pub count_abandoned: [&'static str; 3],
    pub read_from: &'static str,
    pub sessions_here: &'static str,
    pub show_device: &'static str,
    /// After the report's "Temps par page": what the box shows.
    pub time_per_page_how: &'static str,
    pub title: &'static str,
    pub unread: &'static str,
    pub versions: &'static str,
}

/// The trainer's space in French.
pub static TRAINER_FR: TrainerStrings = TrainerStrings {
    abandons: "Où l'on abandonne",
    cannot_write: "{folder} : impossible d'écrire les fichiers ({error}) ; choisissez un dossier où l'on peut écrire",
    file_read: [
        "{file} : aucune session lue",
        "{file} : 1 session lue",
        "{file} : {n} sessions lues",
    ],
    no_jsonl: "{folder} : aucun fichier .jsonl ici ; exportez d'abord des sessions, ou tapez le dossier où elles sont",
    written: "Écrit dans {folder} : {files}",
    button: "Espace formateur",
    competences: "Profil de compétences (DigComp 2.2)",
    device: "les sessions terminées sur cet appareil",
    downloaded: "Fichiers téléchargés :",
    empty: "Aucune session pour l'instant. Jouez une démarche jusqu'au bout, ou ouvrez des sessions exportées.",
    export: "Exporter les sessions affichées",
    export_help: "Quatre fichiers : les sessions (JSON Lines, à rouvrir ici), les événements (CSV avec « ; », pour LibreOffice), les déclarations xAPI (pour un LRS) et le rapport imprimable (HTML).",
    export_title: "Exporter",
    field_errors_how: "(par passage sur la page)",
    folder: "Dossier :",
    formation: "Mode Formation : scores moyens",
    friction: "Où l'on bloque : classement des pages",
    friction_help: "Score de 0 à 100 : temps passé, erreurs, indices et abandons sur la page.",
    group: "Code du groupe",
    group_help: "Enregistré avec les prochaines sessions de cet appareil, pour comparer des groupes. Lettres, chiffres, - et _ seulement : jamais un nom.",
    group_row: "{g} : {n}, {s} de réussite, {a} d'abandon, {median} {d}, {hints} : {h}",
    hints: "Indices demandés par page",
    intro: "Les sessions sont anonymes : aucun nom, aucune valeur tapée. Seuls le parcours, le type des erreurs, les indices et les temps sont gardés.",
    open_files: "Ouvrir des sessions exportées…",
    open_folder: "Lire les sessions de ce dossier",
    outcomes: "{n} : {s}, {f}, {a}.",
    legend: "{w} : {n}",
    count_sessions: ["aucune session", "1 session", "{n} sessions"],
    count_succeeded: ["0 réussie", "1 réussie", "{n} réussies"],
    count_failed: ["0 échouée", "1 échouée", "{n} échouées"],
    count_abandoned: ["0 abandonnée", "1 abandonnée", "{n} abandonnées"],
    read_from: "Rapport sur :",
    sessions_here: "Sessions terminées sur cet appareil : {n} ; déjà exportées : {e}.",
    show_device: "Voir les sessions de cet appareil",
    time_per_page_how: "(médiane, entre le 1er et le 3e quartile)",
    title: "Espace formateur",
    unread: "Lignes non lues :",
    versions: "Attention : {n} fichiers différents portent ce même numéro de version.",
};

/// The trainer's space in English.
pub static TRAINER_EN: TrainerStrings = TrainerStrings {
    abandons: "Where people give up",
    cannot_write: "{folder}: cannot write the files ({error}); choose a folder you can write to",
    file_read: [
        "{file}: no sessions read",
        "{file}: 1 session read",
        "{file}: {n} sessions read",
    ],
    no_jsonl: "{folder}: no .jsonl file here; export sessions first, or type the folder where they are",
    written: "Written in {folder}: {files}",
    button: "Trainer's space",
    competences: "Skills profile (DigComp 2.2)",
    device: "the sessions finished on this device",
    downloaded: "Files downloaded:",
    empty: "No session yet. Play a procedure to its end, or open exported sessions.",
    export: "Export the sessions shown",
    export_help: "Four files: the sessions (JSON Lines, to open here again), the events (CSV with \";\", for LibreOffice), the xAPI statements (for an LRS) and the printable report (HTML).",
    export_title: "Export",
    field_errors_how: "(per visit of the page)",
    folder: "Folder:",
    formation: "Training mode: average scores",
    friction: "Where people get stuck: pages ranked",
    friction_help: "Score from 0 to 100: time spent, errors, hints and abandons on the page.",
    group: "Group code",
    group_help: "Recorded with the next sessions on this device, to compare groups. Letters, digits, - and _ only: never a name.",
    group_row: "{g}: {n}, {s} succeeded, {a} abandoned, {median} {d}, {hints}: {h}",
    hints: "Hints asked per page",
    intro: "Sessions are anonymous: no name, no typed value. Only the path, the kind of errors, hints and times are kept.",
    open_files: "Open exported sessions…",
    open_folder: "Read the sessions in this folder",
    outcomes: "{n}: {s}, {f}, {a}.",
    legend: "{w}: {n}",
    count_sessions: ["no sessions", "1 session", "{n} sessions"],
    count_succeeded: ["0 succeeded", "1 succeeded", "{n} succeeded"],
    count_failed: ["0 failed", "1 failed", "{n} failed"],
    count_abandoned: ["0 abandoned", "1 abandoned", "{n} abandoned"],
    read_from: "Report on:",
    sessions_here: "Sessions finished on this device: {n}, {e} of them already exported.",
    show_device: "Show this device's sessions",
    time_per_page_how: "(median, between the 1st and 3rd quartiles)",
    title: "Trainer's space",
    unread: "Lines not read:",
    versions: "Warning: {n} different files carry this same version number.",
};

/// "aucun indice", "1 indice", "3 indices": a count with the words that agree
/// with it, from the forms for none, one and more (each may hold `{n}`).
pub fn count(forms: [&str; 3], n: usize) -> String {
    forms[n.min(2)].replace("{n}", &n.to_string())
}

impl Strings {
    /// A gauge's value as the debrief writes it: "Droits : 60 / 100".
    pub fn score(&self, name: &str, value: i32) -> String {
        self.score_line
            .replace("{name}", name)
            .replace("{v}", &value.to_string())
    }

    /// The debrief's summary of an attempt, as a sentence: "Aucune erreur de saisie, 1 indice, 2 incidents."
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

    /// The heading of a form's error summary, "1 erreur" or "3 erreurs" as portals write it.
    pub fn form_errors(&self, n: usize) -> String {
        if n == 1 {
            self.form_error.to_string()
        } else {
            self.form_errors.replace("{n}", &n.to_string())
        }
    }
}

/// The table of a language; plain language (FALC) uses the French interface, already short.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Fr | Lang::Falc => &FR,
    }
}

/// Names of the DigComp 2.2 competences, so cards say "2.1 Interagir…" rather than a bare code.
pub fn competence(code: &str, lang: Lang) -> String {
    let (fr, en) = match code {
        "1.1" => (
            "Chercher et filtrer des informations",
            "Browsing, searching and filtering information",
        ),
        "1.2" => ("Évaluer des informations", "Evaluating information"),
        "1.3" => ("Gérer des données", "Managing data"),
        "2.1" => (
            "Interagir en ligne",
            "Interacting through digital technologies",
        ),
        "2.2" => ("Partager en ligne", "Sharing through digital technologies"),
        "2.3" => (
            "Exercer sa citoyenneté en ligne",
            "Engaging in citizenship online",
        ),
        "2.4" => (
            "Collaborer en ligne",
            "Collaborating through digital technologies",
        ),
        "2.5" => ("Savoir-vivre en ligne", "Netiquette"),
        "2.6" => ("Gérer son identité numérique", "Managing digital identity"),
        "3.1" => ("Créer des contenus", "Developing digital content"),
        "3.2" => (
            "Intégrer et retravailler des contenus",
            "Integrating and re-elaborating content",
        ),
        "3.3" => ("Droits d'auteur et licences", "Copyright and licences"),
        "3.4" => ("Programmer", "Programming"),
        "4.1" => ("Protéger ses appareils", "Protecting devices"),
        "4.2" => (
            "Protéger ses données personnelles et sa vie privée",
            "Protecting personal data and privacy",
        ),
        "4.3" => (
            "Protéger sa santé et son bien-être",
            "Protecting health and well-being",
        ),
        "4.4" => ("Protéger l'environnement", "Protecting the environment"),
        "5.1" => (
            "Résoudre des problèmes techniques",
            "Solving technical problems",
        ),
        "5.2" => (
            "Identifier des besoins et des réponses technologiques",
            "Identifying needs and technological responses",
        ),
        "5.3" => (
            "Utiliser le numérique de façon créative",
            "Creatively using digital technologies",
        ),
        "5.4" => (
            "Identifier ses lacunes numériques",
            "Identifying digital competence gaps",
        ),
        _ => return code.to_string(),
    };
    format!("{code} {}", if lang == Lang::En { en } else { fr })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(
            strings(Lang::Fr).counts(0, 1, 2),
            "Aucune erreur de saisie, 1 indice, 2 incidents."
        );
        assert_eq!(
            strings(Lang::Fr).counts(3, 0, 1),
            "3 erreurs de saisie, aucun indice, 1 incident."
        );
        assert_eq!(
            strings(Lang::En).counts(1, 2, 0),
            "1 input error, 2 hints, no incidents."
        );
    }

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
    }
}
