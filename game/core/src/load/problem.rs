//! Every problem the loader, the checks and the solver can report, with its
//! message in French and English. Messages say what is wrong and what to write.

use crate::Lang;
use crate::model::Mode;

use super::Encoding;

/// What kind of thing an id names, for messages ("page `x` inconnue").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// A page.
    Page,
    /// An ending.
    Ending,
    /// A page or an ending (a route's destination).
    Target,
    /// A field, choice, box, upload, captcha or code.
    Input,
    /// An option of a choice.
    Option,
    /// A button or link.
    Button,
    /// A message.
    Message,
    /// A document of the folder.
    Document,
    /// A fact printed on a document.
    Fact,
    /// A dialogue.
    Dialogue,
    /// A dialogue line.
    Line,
    /// An incident.
    Incident,
    /// A flag.
    Flag,
    /// A trainer switch.
    Switch,
}

impl What {
    fn fr(self) -> (&'static str, bool) {
        // (noun, feminine)
        match self {
            What::Page => ("page", true),
            What::Ending => ("fin", true),
            What::Target => ("page ou fin", true),
            What::Input => ("champ", false),
            What::Option => ("réponse", true),
            What::Button => ("bouton", false),
            What::Message => ("message", false),
            What::Document => ("document", false),
            What::Fact => ("fait", false),
            What::Dialogue => ("dialogue", false),
            What::Line => ("réplique", true),
            What::Incident => ("incident", false),
            What::Flag => ("drapeau", false),
            What::Switch => ("réglage", false),
        }
    }

    fn en(self) -> &'static str {
        match self {
            What::Page => "page",
            What::Ending => "ending",
            What::Target => "page or ending",
            What::Input => "input",
            What::Option => "option",
            What::Button => "button",
            What::Message => "message",
            What::Document => "document",
            What::Fact => "fact",
            What::Dialogue => "dialogue",
            What::Line => "line",
            What::Incident => "incident",
            What::Flag => "flag",
            What::Switch => "switch",
        }
    }
}

/// A problem found in a scenario file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file is larger than any scenario should be.
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// The file is not UTF-8: the first unreadable byte, and how the file was likely written.
    NotUtf8 {
        /// The first byte that is not UTF-8.
        byte: u8,
        /// The likely encoding.
        encoding: Encoding,
    },
    /// The RON text does not parse, or does not fit the format.
    Syntax {
        /// French explanation.
        fr: String,
        /// English explanation.
        en: String,
    },
    /// A text without its closing quote: RON read on to the next quote, on this line (or to the end).
    UnclosedText {
        /// The line of the quote that closed it by mistake, if any.
        until: Option<usize>,
    },
    /// A straight quote inside a text, which ended the text too early.
    QuoteInText,
    /// A format version this engine does not read.
    Format(u32),
    /// Two things share an id.
    Duplicate(What, String),
    /// An id names nothing; the nearest known id, if one is close.
    Unknown(What, String, Option<String>),
    /// An id with characters that metrics and scripts cannot carry.
    BadId(String),
    /// A text with no French.
    NoFrench,
    /// A translation the scenario promises is missing.
    NoTranslation(Lang, String),
    /// `languages` does not list French.
    LanguagesWithoutFrench,
    /// More than three hints on a page.
    TooManyHints(String),
    /// No ending of this kind ("Success", "Abandon").
    NoEndingOfKind(&'static str),
    /// Not a DigComp 2.2 competence code.
    BadCompetence(String),
    /// A button that leads nowhere.
    NoRoute(String),
    /// A code field's message has no `{code}`.
    NoCodeInMessage(String),
    /// A field with `must_match: true` but no `expects`: it names no fact to match.
    MustMatchWithoutFact(String),
    /// The persona's own value does not pass the field's rule.
    FactInvalid {
        /// The fact.
        fact: String,
        /// The field.
        field: String,
        /// The rule's message, French.
        fr: String,
        /// The rule's message, English.
        en: String,
    },
    /// The expected document cannot go through the upload.
    UploadImpossible {
        /// The upload.
        upload: String,
        /// The document.
        document: String,
    },
    /// A chance above 100.
    Chance(u8),
    /// Conditions nested too deep.
    TooDeep,
    /// A choice without options.
    NoOptions(String),
    /// A page no run can reach.
    Unreachable(String),
    /// An ending no run can reach (a warning: abandonment reaches its own).
    EndingUnreachable(String),
    /// No run reaches a success.
    NoSuccessReachable,
    /// A state from which no ending can be reached; the shortest way there.
    DeadEnd {
        /// The page.
        page: String,
        /// Script lines that lead there.
        path: Vec<String>,
    },
    /// A button pressed with valid inputs whose routes never apply: in every
    /// mode (`None`), or in this one of the scenario's two modes.
    NoRouteApplies {
        /// The page.
        page: String,
        /// The button.
        button: String,
        /// The only mode where it leads nowhere.
        mode: Option<Mode>,
    },
    /// An incident without `goto` that stops a button at every press, so the page can never be left.
    IncidentTraps {
        /// The incident.
        incident: String,
        /// Its page.
        page: String,
        /// The button it stops.
        button: String,
    },
    /// The solver stopped before exploring everything.
    Bounded(usize),
    /// A derived fact, a comparison, a counter or a block's `when` is wrong.
    Logic(super::LogicProblem),
    /// A problem with a feature of format 2 (downloads, letters, links,
    /// fragments…), with its own messages.
    Feature(super::features::FeatureProblem),
    /// A plain-French (FALC) text that breaks a rule (a warning).
    Falc(super::falc::FalcProblem),
    /// A problem the solver found only with these trainer switches set
    /// (switch, option), away from their default.
    WithSetting(Vec<(String, String)>, Box<Problem>),
}

/// "`a` sur `x` et `b` sur `y`" and "`a` set to `x` and `b` set to `y`".
fn settings_text(settings: &[(String, String)]) -> (String, String) {
    let fr: Vec<String> = settings
        .iter()
        .map(|(s, o)| format!("`{s}` sur `{o}`"))
        .collect();
    let en: Vec<String> = settings
        .iter()
        .map(|(s, o)| format!("`{s}` set to `{o}`"))
        .collect();
    (fr.join(" et "), en.join(" and "))
}

impl Problem {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            self.en()
        } else {
            self.fr()
        }
    }

    fn fr(&self) -> String {
        match self {
            Problem::TooLarge { bytes, max } => format!(
                "le fichier fait {bytes} octets, plus que la limite de {max} : un scénario tient en moins de 1 Mo ; vérifiez que c'est le bon fichier"
            ),
            Problem::NotUtf8 { encoding, .. } => {
                let save = "dans votre éditeur de texte, choisissez « Enregistrer sous… » et le codage « UTF-8 »";
                match encoding {
                    Encoding::Utf16 => format!(
                        "le fichier est enregistré en UTF-16 (« Unicode » dans certains éditeurs) alors que Dédale lit l'UTF-8 : {save}"
                    ),
                    Encoding::Binary => "ce fichier n'est pas un texte (une image, un PDF, un document de traitement de texte ?) : vérifiez que c'est le bon fichier ; un scénario s'écrit dans un éditeur de texte et s'enregistre en .ron, avec le codage « UTF-8 »".into(),
                    Encoding::Legacy(Some(c)) => format!(
                        "caractère illisible, sans doute « {c} » : le fichier n'est pas enregistré en UTF-8 ; {save}, puis vérifiez les lettres accentuées"
                    ),
                    Encoding::Legacy(None) => format!(
                        "caractère illisible : le fichier n'est pas enregistré en UTF-8 ; {save}, puis vérifiez les lettres accentuées"
                    ),
                }
            }
            Problem::Syntax { fr, .. } => fr.clone(),
            Problem::UnclosedText { until: Some(n) } => format!(
                "guillemet fermant manquant : ce texte se poursuit jusqu'au guillemet suivant, ligne {n} ; ajoutez `\"` à la fin du texte (pour citer des mots dans un texte, utilisez les guillemets « »)"
            ),
            Problem::UnclosedText { until: None } => "guillemet fermant manquant : ce texte se poursuit jusqu'à la fin du fichier ; ajoutez `\"` à la fin du texte (pour citer des mots dans un texte, utilisez les guillemets « »)".into(),
            Problem::QuoteInText => "guillemet droit `\"` au milieu d'un texte : il ferme le texte trop tôt ; pour citer des mots, utilisez les guillemets français « » (ou écrivez `\\\"`)".into(),
            Problem::Format(v) => format!(
                "format {v} inconnu : cette version de Dédale lit les formats 1 et 2 ; écrivez `format: 2`"
            ),
            Problem::Duplicate(w, id) => {
                let (noun, fem) = w.fr();
                let article = if fem { "une" } else { "un" };
                format!("l'identifiant `{id}` est déjà utilisé par {article} autre {noun} : choisissez un identifiant unique")
            }
            Problem::Unknown(What::Flag, id, hint) => {
                let also = hint.as_ref().map(|h| format!(" ; vouliez-vous dire `{h}` ?")).unwrap_or_default();
                format!("le drapeau `{id}` n'est jamais posé : aucun effet `Set(\"{id}\")` dans le scénario{also}")
            }
            Problem::Unknown(w, id, hint) => {
                let (noun, fem) = w.fr();
                let inconnu = if fem { "inconnue" } else { "inconnu" };
                match hint {
                    Some(h) => format!("{noun} `{id}` {inconnu} ; vouliez-vous dire `{h}` ?"),
                    None => {
                        let pronoun = if fem { "la" } else { "le" };
                        format!("{noun} `{id}` {inconnu} : vérifiez l'orthographe ou ajoutez-{pronoun} au scénario")
                    }
                }
            }
            Problem::BadId(id) => format!(
                "identifiant `{id}` invalide : utilisez seulement des lettres sans accent, des chiffres, `-` et `_` (64 caractères au plus)"
            ),
            Problem::NoFrench => "texte vide : écrivez ce texte en français".into(),
            Problem::NoTranslation(lang, fr) => {
                let (name, key) = match lang {
                    Lang::En => ("anglaise", "en"),
                    Lang::Falc => ("en FALC", "falc"),
                    Lang::Fr => ("française", "fr"),
                };
                format!(
                    "traduction {name} manquante pour « {fr} » : `languages` la promet ; écrivez (fr: \"…\", {key}: \"…\") ou retirez-la de `languages`"
                )
            }
            Problem::LanguagesWithoutFrench => {
                "`languages` doit contenir `Fr` : le français est obligatoire".into()
            }
            Problem::TooManyHints(p) => format!(
                "la page `{p}` a plus de trois indices : gardez-en trois au plus (un coup de pouce, une explication, où chercher)"
            ),
            Problem::NoEndingOfKind(k) => format!(
                "aucune fin de type `{k}` : ajoutez-en une dans `endings` (le bouton « Abandonner » et le bilan en ont besoin)"
            ),
            Problem::BadCompetence(c) => format!(
                "`{c}` n'est pas une compétence DigComp 2.2 : utilisez un code de 1.1 à 5.4, par exemple \"2.1\""
            ),
            Problem::NoRoute(b) => format!(
                "le bouton `{b}` ne mène nulle part : ajoutez `goto: \"…\"` ou `next: [(goto: \"…\")]`"
            ),
            Problem::NoCodeInMessage(m) => format!(
                "le message `{m}` sert à un champ de code mais son texte ne contient pas `{{code}}` : ajoutez `{{code}}` là où le code doit apparaître"
            ),
            Problem::MustMatchWithoutFact(f) => format!(
                "le champ `{f}` a `must_match: true` mais aucun `expects` : ajoutez `expects: \"…\"` avec le fait du dossier que la saisie doit reprendre, ou retirez `must_match`"
            ),
            Problem::FactInvalid { fact, field, fr, .. } => format!(
                "la valeur du fait `{fact}` dans le dossier ne passe pas la règle du champ `{field}` : {fr} Corrigez le document ou le type du champ"
            ),
            Problem::UploadImpossible { upload, document } => format!(
                "le document `{document}` attendu par l'envoi `{upload}` ne peut pas être envoyé : donnez-lui un `file` d'un format accepté et d'une taille permise"
            ),
            Problem::Chance(p) => format!("`Chance({p})` : une chance s'écrit en pourcentage, de 0 à 100"),
            Problem::TooDeep => "conditions imbriquées trop profondément (32 niveaux au plus) : simplifiez-les".into(),
            Problem::NoOptions(c) => format!("la question `{c}` n'a aucune réponse : ajoutez des `options`"),
            Problem::Unreachable(p) => format!(
                "la page `{p}` n'est jamais atteinte : aucun bouton, lien ou incident n'y mène"
            ),
            Problem::EndingUnreachable(e) => format!("la fin `{e}` n'est jamais atteinte"),
            Problem::NoSuccessReachable => {
                "aucune fin de type `Success` ne peut être atteinte : vérifiez les conditions des boutons".into()
            }
            Problem::DeadEnd { page, path } if path.is_empty() => format!(
                "impasse sur la page `{page}` : dès le départ, aucune fin ne peut être atteinte ; vérifiez les conditions de ses boutons"
            ),
            Problem::DeadEnd { page, path } => format!(
                "impasse sur la page `{page}` : de là, aucune fin ne peut être atteinte ; chemin le plus court : {}",
                path.join(" ; ")
            ),
            Problem::NoRouteApplies { page, button, mode: None } => format!(
                "le bouton `{button}` de la page `{page}` ne mène jamais nulle part : quand on appuie, aucune de ses routes ne s'applique ; terminez `next` par une route sans condition, ou ajoutez un `goto`"
            ),
            Problem::NoRouteApplies { page, button, mode: Some(mode) } => {
                let (name, why) = match mode {
                    Mode::Atelier => ("Atelier", " (les dialogues n'y apparaissent pas : une condition `Said(…)` y est toujours fausse)"),
                    Mode::Formation => ("Formation", ""),
                };
                format!(
                    "en mode {name}, le bouton `{button}` de la page `{page}` ne mène nulle part : aucune de ses routes ne s'applique dans ce mode{why} ; ajoutez une route sans condition, ou un `goto`"
                )
            }
            Problem::IncidentTraps { incident, page, button } => format!(
                "l'incident `{incident}` survient à chaque appui sur le bouton `{button}` et laisse le joueur sur la page `{page}` : on ne peut jamais quitter cette page ; donnez-lui une condition (`when: Chance(30)`…) ou un `goto`"
            ),
            Problem::Logic(p) => p.fr(),
            Problem::Bounded(n) => format!(
                "exploration arrêtée après {n} états : le scénario a trop de combinaisons pour être prouvé en entier ; réduisez les conditions qui se croisent"
            ),
            Problem::Feature(p) => p.fr(),
            Problem::Falc(p) => p.fr(),
            Problem::WithSetting(settings, inner) => {
                let noun = if settings.len() > 1 { "les réglages" } else { "le réglage" };
                format!("avec {noun} {} : {}", settings_text(settings).0, inner.fr())
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Problem::TooLarge { bytes, max } => format!(
                "the file is {bytes} bytes, more than the {max} limit: a scenario fits in less than 1 MB; check it is the right file"
            ),
            Problem::NotUtf8 { encoding, .. } => {
                let save = "in your text editor, choose \"Save as…\" and the \"UTF-8\" encoding";
                match encoding {
                    Encoding::Utf16 => format!(
                        "the file is saved as UTF-16 (\"Unicode\" in some editors) but Dédale reads UTF-8: {save}"
                    ),
                    Encoding::Binary => "this file is not text (an image, a PDF, a word-processor document?): check it is the right file; a scenario is written in a text editor and saved as .ron, with the \"UTF-8\" encoding".into(),
                    Encoding::Legacy(Some(c)) => format!(
                        "unreadable character, likely \"{c}\": the file is not saved as UTF-8; {save}, then check the accented letters"
                    ),
                    Encoding::Legacy(None) => format!(
                        "unreadable character: the file is not saved as UTF-8; {save}, then check the accented letters"
                    ),
                }
            }
            Problem::Syntax { en, .. } => en.clone(),
            Problem::UnclosedText { until: Some(n) } => format!(
                "missing closing quote: this text runs on to the next quote, line {n}; add `\"` at the end of the text (to quote words inside a text, use « »)"
            ),
            Problem::UnclosedText { until: None } => "missing closing quote: this text runs on to the end of the file; add `\"` at the end of the text (to quote words inside a text, use « »)".into(),
            Problem::QuoteInText => "straight quote `\"` inside a text: it ends the text too early; to quote words, use the French quotes « » (or write `\\\"`)".into(),
            Problem::Format(v) => format!(
                "unknown format {v}: this version of Dédale reads formats 1 and 2; write `format: 2`"
            ),
            Problem::Duplicate(w, id) => format!(
                "id `{id}` is already used by another {}: choose a unique id",
                w.en()
            ),
            Problem::Unknown(What::Flag, id, hint) => {
                let also = hint
                    .as_ref()
                    .map(|h| format!("; did you mean `{h}`?"))
                    .unwrap_or_default();
                format!("flag `{id}` is never set: no `Set(\"{id}\")` effect in the scenario{also}")
            }
            Problem::Unknown(w, id, hint) => match hint {
                Some(h) => format!("unknown {} `{id}`; did you mean `{h}`?", w.en()),
                None => format!(
                    "unknown {} `{id}`: check the spelling or add it to the scenario",
                    w.en()
                ),
            },
            Problem::BadId(id) => format!(
                "invalid id `{id}`: use only unaccented letters, digits, `-` and `_` (64 characters at most)"
            ),
            Problem::NoFrench => "empty text: write this text in French".into(),
            Problem::NoTranslation(lang, fr) => format!(
                "missing {} translation for « {fr} »: `languages` promises it; write (fr: \"…\", {}: \"…\") or remove it from `languages`",
                match lang {
                    Lang::Falc => "plain-language",
                    _ => "English",
                },
                lang.code()
            ),
            Problem::LanguagesWithoutFrench => {
                "`languages` must contain `Fr`: French is required".into()
            }
            Problem::TooManyHints(p) => {
                format!("page `{p}` has more than three hints: keep three at most")
            }
            Problem::NoEndingOfKind(k) => format!("no ending of kind `{k}`: add one to `endings`"),
            Problem::BadCompetence(c) => format!(
                "`{c}` is not a DigComp 2.2 competence: use a code from 1.1 to 5.4, such as \"2.1\""
            ),
            Problem::NoRoute(b) => {
                format!("button `{b}` leads nowhere: add `goto: \"…\"` or `next: [(goto: \"…\")]`")
            }
            Problem::NoCodeInMessage(m) => format!(
                "message `{m}` feeds a code field but its text has no `{{code}}`: add `{{code}}` where the code should appear"
            ),
            Problem::MustMatchWithoutFact(f) => format!(
                "field `{f}` has `must_match: true` but no `expects`: add `expects: \"…\"` with the folder's fact the input must match, or remove `must_match`"
            ),
            Problem::FactInvalid {
                fact, field, en, ..
            } => format!(
                "the value of fact `{fact}` in the folder fails the rule of field `{field}`: {en} Fix the document or the field's kind"
            ),
            Problem::UploadImpossible { upload, document } => format!(
                "document `{document}` expected by upload `{upload}` cannot be uploaded: give it a `file` of an accepted format and size"
            ),
            Problem::Chance(p) => format!("`Chance({p})`: a chance is a percentage from 0 to 100"),
            Problem::TooDeep => {
                "conditions nested too deep (32 levels at most): simplify them".into()
            }
            Problem::NoOptions(c) => format!("choice `{c}` has no options: add `options`"),
            Problem::Unreachable(p) => {
                format!("page `{p}` is never reached: no button, link or incident leads there")
            }
            Problem::EndingUnreachable(e) => format!("ending `{e}` is never reached"),
            Problem::NoSuccessReachable => {
                "no `Success` ending can be reached: check the buttons' conditions".into()
            }
            Problem::DeadEnd { page, path } if path.is_empty() => format!(
                "dead end on page `{page}`: from the start, no ending can be reached; check its buttons' conditions"
            ),
            Problem::DeadEnd { page, path } => format!(
                "dead end on page `{page}`: no ending can be reached from there; shortest way there: {}",
                path.join("; ")
            ),
            Problem::NoRouteApplies { page, button, mode: None } => format!(
                "button `{button}` of page `{page}` never leads anywhere: when pressed, none of its routes applies; end `next` with a route without condition, or add a `goto`"
            ),
            Problem::NoRouteApplies { page, button, mode: Some(mode) } => {
                let (name, why) = match mode {
                    Mode::Atelier => ("workshop (Atelier)", " (dialogues do not show there: a `Said(…)` condition is always false)"),
                    Mode::Formation => ("training (Formation)", ""),
                };
                format!(
                    "in {name} mode, button `{button}` of page `{page}` leads nowhere: none of its routes applies in this mode{why}; add a route without condition, or a `goto`"
                )
            }
            Problem::IncidentTraps { incident, page, button } => format!(
                "incident `{incident}` happens at every press of button `{button}` and leaves the player on page `{page}`: the page can never be left; give it a condition (`when: Chance(30)`…) or a `goto`"
            ),
            Problem::Logic(p) => p.en(),
            Problem::Bounded(n) => format!(
                "exploration stopped after {n} states: the scenario has too many combinations to be proven whole; reduce conditions that cross"
            ),
            Problem::Feature(p) => p.en(),
            Problem::Falc(p) => p.en(),
            Problem::WithSetting(settings, inner) => {
                let noun = if settings.len() > 1 { "switches" } else { "switch" };
                format!("with {noun} {}: {}", settings_text(settings).1, inner.en())
            }
        }
    }
}
