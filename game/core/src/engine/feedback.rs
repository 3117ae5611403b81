//! What an action shows the player.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::rules::ErrorKind;

/// One thing to show after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Feedback {
    /// The action was taken into account.
    Accepted,
    /// Some inputs were refused; the portal shows each message next to its input and a summary at the top.
    Invalid(Vec<FieldError>),
    /// The player arrived on a page.
    Page(String),
    /// An incident happened.
    Incident(String),
    /// The portal dropped the session after inactivity.
    Timeout(String),
    /// A message arrived on the phone, in the mailbox or in the letterbox.
    Received(String),
    /// A document was downloaded into the folder.
    Downloaded(String),
    /// A hint, with its level (1 to 3) on this page.
    Hint {
        /// 1, 2 or 3.
        level: u8,
    },
    /// The persona answered a dialogue line.
    Reply(String),
    /// The session ended.
    Ended(String),
    /// The action is not possible now.
    Refused(Refusal),
}

/// A refused value in an input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Input id.
    pub field: String,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// Why an action is not possible now. These are mistakes of the caller (or of a
/// script), not of the player on the portal: a well-drawn screen never offers them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The session has ended.
    Ended,
    /// No input with this id on the current page.
    NoSuchInput(String),
    /// The input does not take this kind of answer (typing into a checkbox).
    WrongInput(String),
    /// No option with this id in the choice.
    NoSuchOption(String),
    /// No button with this id on the current page.
    NoSuchButton(String),
    /// No document with this id in the folder.
    NoSuchDocument(String),
    /// No message with this id received.
    NoSuchMessage(String),
    /// No dialogue line with this id open now.
    NoSuchLine(String),
    /// No link with this id in a received message.
    NoSuchLink(String),
    /// No more hints on this page.
    NoMoreHints,
    /// No previous page.
    NoBack,
    /// A dialogue must be answered first.
    AnswerFirst(String),
    /// A route leads to nothing that exists (a scenario the checks would refuse).
    BrokenRoute(String),
    /// No route of the button applies: the scenario is stuck here.
    NoRoute(String),
}

impl Refusal {
    /// A sentence for the player or the trainer.
    pub fn message(&self, lang: Lang) -> String {
        let fr = matches!(lang, Lang::Fr | Lang::Falc);
        match (self, fr) {
            (Refusal::Ended, true) => "La partie est terminée.".into(),
            (Refusal::Ended, false) => "The session has ended.".into(),
            (Refusal::NoSuchInput(id), true) => {
                format!("Il n'y a pas de champ « {id} » sur cette page.")
            }
            (Refusal::NoSuchInput(id), false) => format!("There is no input `{id}` on this page."),
            (Refusal::WrongInput(id), true) => {
                format!("Le champ « {id} » ne se remplit pas de cette façon.")
            }
            (Refusal::WrongInput(id), false) => {
                format!("Input `{id}` does not take that kind of answer.")
            }
            (Refusal::NoSuchOption(id), true) => {
                format!("Il n'y a pas de réponse « {id} » à cette question.")
            }
            (Refusal::NoSuchOption(id), false) => {
                format!("There is no option `{id}` in this choice.")
            }
            (Refusal::NoSuchButton(id), true) => {
                format!("Il n'y a pas de bouton « {id} » sur cette page.")
            }
            (Refusal::NoSuchButton(id), false) => {
                format!("There is no button `{id}` on this page.")
            }
            (Refusal::NoSuchDocument(id), true) => {
                format!("Il n'y a pas de document « {id} » dans le dossier.")
            }
            (Refusal::NoSuchDocument(id), false) => {
                format!("There is no document `{id}` in the folder.")
            }
            (Refusal::NoSuchMessage(id), true) => format!("Aucun message « {id} » n'a été reçu."),
            (Refusal::NoSuchMessage(id), false) => format!("No message `{id}` has been received."),
            (Refusal::NoSuchLine(id), true) => {
                format!("La réplique « {id} » n'est pas proposée maintenant.")
            }
            (Refusal::NoSuchLine(id), false) => format!("Line `{id}` is not offered now."),
            (Refusal::NoSuchLink(id), true) => {
                format!("Aucun message reçu n'a de lien « {id} ».")
            }
            (Refusal::NoSuchLink(id), false) => {
                format!("No received message has a link `{id}`.")
            }
            (Refusal::NoMoreHints, true) => "Il n'y a plus d'indice pour cette page.".into(),
            (Refusal::NoMoreHints, false) => "There are no more hints for this page.".into(),
            (Refusal::NoBack, true) => "Il n'y a pas de page précédente.".into(),
            (Refusal::NoBack, false) => "There is no previous page.".into(),
            (Refusal::AnswerFirst(id), true) => {
                format!("Répondez d'abord à la personne (dialogue « {id} »).")
            }
            (Refusal::AnswerFirst(id), false) => {
                format!("Answer the person first (dialogue `{id}`).")
            }
            (Refusal::BrokenRoute(id), true) => {
                format!("Le scénario mène à « {id} », qui n'existe pas.")
            }
            (Refusal::BrokenRoute(id), false) => {
                format!("The scenario leads to `{id}`, which does not exist.")
            }
            (Refusal::NoRoute(id), true) => {
                format!("Aucune suite n'est prévue pour le bouton « {id} » dans cette situation.")
            }
            (Refusal::NoRoute(id), false) => {
                format!("No way forward is given for button `{id}` in this situation.")
            }
        }
    }
}
