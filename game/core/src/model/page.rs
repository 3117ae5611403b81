//! A page of the simulated portal and what it holds: texts, inputs, buttons,
//! incidents, the inactivity timeout, hints and the student-mode dialogue.

use serde::{Deserialize, Serialize};

use crate::Text;
use crate::condition::{Condition, Effect};
use crate::model::{Button, FileFormat, TextBlock};
use crate::rules::FieldKind;

/// One page of the portal, shown in the game's simulated browser.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Identifier, used by routes and metrics.
    pub id: String,
    /// The address shown in the fake address bar; look-alike addresses are part of the lessons.
    pub address: String,
    /// Title of the page, shown as its heading and in the browser tab.
    pub title: Text,
    /// What the page shows, top to bottom.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// Effects applied each time the player arrives on the page (send a code, set a flag).
    #[serde(default)]
    pub on_enter: Vec<Effect>,
    /// Up to three hints: a nudge, an explanation, then where to look.
    #[serde(default)]
    pub hints: Vec<Hint>,
    /// Obstacles that may happen here.
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// Inactivity after which the portal drops the session, as real portals do.
    #[serde(default)]
    pub timeout: Option<Timeout>,
    /// What the persona says here in mode *Formation*, and the professional's possible answers.
    #[serde(default)]
    pub dialogue: Vec<Dialogue>,
}

impl Page {
    /// The buttons and links of the page.
    pub fn buttons(&self) -> impl Iterator<Item = &Button> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Button(button) => Some(button),
            _ => None,
        })
    }

    /// The button or link with this id.
    pub fn button(&self, id: &str) -> Option<&Button> {
        self.buttons().find(|b| b.id == id)
    }

    /// The blocks a player fills in.
    pub fn inputs(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.input_id().is_some())
    }
}

/// Something on a page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Block {
    /// A section heading.
    Heading(TextBlock),
    /// A paragraph.
    Paragraph(TextBlock),
    /// A coloured box (information, warning, error, success).
    Notice(Notice),
    /// A text input with a validation rule.
    Field(Field),
    /// A question with options (radio buttons or a drop-down list).
    Choice(Choice),
    /// A box to tick; consent boxes are required ones.
    Checkbox(Checkbox),
    /// A document upload from the persona's folder.
    Upload(Upload),
    /// A captcha to copy.
    Captcha(Captcha),
    /// A one-time code received by SMS or e-mail.
    Code(CodeField),
    /// A button or a link that leads somewhere.
    Button(Button),
}

impl Block {
    /// The id of the block when it takes an answer.
    pub fn input_id(&self) -> Option<&str> {
        match self {
            Block::Field(f) => Some(&f.id),
            Block::Choice(c) => Some(&c.id),
            Block::Checkbox(c) => Some(&c.id),
            Block::Upload(u) => Some(&u.id),
            Block::Captcha(c) => Some(&c.id),
            Block::Code(c) => Some(&c.id),
            Block::Heading(_) | Block::Paragraph(_) | Block::Notice(_) | Block::Button(_) => None,
        }
    }

    /// The label of the block when it takes an answer.
    pub fn label(&self) -> Option<&Text> {
        match self {
            Block::Field(f) => Some(&f.label),
            Block::Choice(c) => Some(&c.label),
            Block::Checkbox(c) => Some(&c.label),
            Block::Upload(u) => Some(&u.label),
            Block::Captcha(c) => Some(&c.label),
            Block::Code(c) => Some(&c.label),
            Block::Heading(_) | Block::Paragraph(_) | Block::Notice(_) | Block::Button(_) => None,
        }
    }
}

/// A coloured box of text.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Its colour and icon; never colour alone: the icon and a word say it too.
    pub tone: Tone,
    /// The text.
    pub text: Text,
    /// When it is shown (and, for an input, checked); always, by default.
    #[serde(default)]
    pub when: Condition,
}

/// The kind of a notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tone {
    /// Information.
    Info,
    /// Warning.
    Warning,
    /// Error.
    Error,
    /// Success.
    Success,
}

/// A text input.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// Label above the input.
    pub label: Text,
    /// The rule the value must follow.
    pub kind: FieldKind,
    /// Whether it must be filled in.
    #[serde(default = "yes")]
    pub required: bool,
    /// Help under the label ("13 chiffres, sans la clé").
    #[serde(default)]
    pub help: Option<Text>,
    /// The persona's fact that goes here, found in a document of the folder.
    #[serde(default)]
    pub expects: Option<String>,
    /// Whether a valid value other than the fact is refused, like a login that does not match the account.
    #[serde(default)]
    pub must_match: bool,
    /// Whether the screen hides what is typed, as for a password (with a button to show it).
    #[serde(default)]
    pub secret: bool,
    /// Another field whose value this one must repeat: « Confirmez votre mot
    /// de passe » on the same page, or logging in with the password chosen
    /// on an earlier page.
    #[serde(default)]
    pub same_as: Option<String>,
    /// When it is shown (and, for an input, checked); always, by default.
    #[serde(default)]
    pub when: Condition,
}

/// A question with options.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// The question.
    pub label: Text,
    /// The possible answers.
    pub options: Vec<OptionItem>,
    /// Whether an answer is required.
    #[serde(default = "yes")]
    pub required: bool,
    /// Shown as a drop-down list rather than radio buttons.
    #[serde(default)]
    pub list: bool,
    /// When it is shown (and, for an input, checked); always, by default.
    #[serde(default)]
    pub when: Condition,
}

/// One answer of a choice.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionItem {
    /// Identifier, compared by `Answer(..)` conditions.
    pub id: String,
    /// What the player reads.
    pub label: Text,
}

/// A box to tick.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkbox {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// The sentence next to the box.
    pub label: Text,
    /// Whether it must be ticked to go on (consent, sworn statement).
    #[serde(default)]
    pub required: bool,
    /// When it is shown (and, for an input, checked); always, by default.
    #[serde(default)]
    pub when: Condition,
}

/// A document upload: the player picks a file from the persona's folder.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Upload {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// What to upload ("Votre dernier avis d'imposition").
    pub label: Text,
    /// Accepted formats.
    pub accept: Vec<FileFormat>,
    /// Largest accepted file, in kilobytes.
    pub max_kb: u32,
    /// Whether a file is required.
    #[serde(default = "yes")]
    pub required: bool,
    /// The document that should go here (for hints and the solver).
    #[serde(default)]
    pub expects: Option<String>,
    /// When it is shown (and, for an input, checked); always, by default.
    #[serde(default)]
    pub when: Condition,
}

/// A captcha: characters drawn for the session, to copy.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Captcha {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// Instruction ("Recopiez les caractères de l'image").
    pub label: Text,
    /// When it is shown (and, for an input, checked); always, by default.
    #[serde(default)]
    pub when: Condition,
}

/// A one-time code sent by a message of the scenario.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeField {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// Instruction ("Saisissez le code reçu par SMS").
    pub label: Text,
    /// The message that carries the code.
    pub message: String,
    /// Minutes the code stays valid, if limited.
    #[serde(default)]
    pub valid_minutes: Option<u16>,
    /// When it is shown (and, for an input, checked); always, by default.
    #[serde(default)]
    pub when: Condition,
}

/// A hint, counted when asked for.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hint {
    /// What it says.
    pub text: Text,
    /// A document of the folder to point at ("look here").
    #[serde(default)]
    pub document: Option<String>,
}

/// An obstacle of real portals.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// Identifier, used in metrics.
    pub id: String,
    /// What kind of obstacle, so the game can make it look like the real thing.
    pub kind: IncidentKind,
    /// When it is tried: on arriving on the page, or on pressing a button.
    pub on: Trigger,
    /// When it happens, if tried: `Chance(30)` for 30 %, or any condition.
    #[serde(default)]
    pub when: Condition,
    /// What the portal says.
    pub message: Text,
    /// Where the player lands (a page or an ending); they stay on the page by default.
    #[serde(default)]
    pub goto: Option<String>,
    /// Whether what was typed on the page is lost.
    #[serde(default)]
    pub clear_answers: bool,
    /// Format 2: effects applied when it happens (set a flag, send a letter, change a score).
    #[serde(default)]
    pub effects: Vec<Effect>,
}

/// Kinds of incidents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IncidentKind {
    /// "Site en maintenance".
    Maintenance,
    /// "Aucun créneau disponible".
    NoSlot,
    /// "Erreur réseau".
    NetworkError,
    /// "Le fichier n'a pas pu être envoyé".
    UploadRejected,
    /// "Votre session a expiré".
    SessionLost,
    /// Anything else.
    Other,
}

/// When an incident is tried.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    /// On arriving on the page.
    Enter,
    /// On pressing this button, once the page's inputs are valid.
    Press(String),
}

/// The inactivity timeout of a page.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeout {
    /// Minutes without any action before the session is lost.
    pub minutes: u16,
    /// Where the player lands (usually the login page).
    pub goto: String,
    /// What the portal says.
    pub message: Text,
}

/// A moment of dialogue with the persona, in mode *Formation*.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dialogue {
    /// Identifier, unique in the scenario.
    pub id: String,
    /// When it comes up; always, by default.
    #[serde(default)]
    pub when: Condition,
    /// What the persona says or does.
    pub says: Text,
    /// What the professional can answer or do.
    pub lines: Vec<Line>,
    /// Whether the page's buttons wait for an answer.
    #[serde(default)]
    pub required: bool,
}

/// One possible answer of the professional.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// Identifier, unique in the scenario, used by `Said(..)` conditions and metrics.
    pub id: String,
    /// What the professional says or does.
    pub text: Text,
    /// The posture this answer shows, if it shows one.
    #[serde(default)]
    pub posture: Option<Posture>,
    /// The persona's reaction.
    #[serde(default)]
    pub reply: Option<Text>,
    /// Change to the *droits* score.
    #[serde(default)]
    pub droits: i32,
    /// Change to the *autonomie* score.
    #[serde(default)]
    pub autonomie: i32,
    /// Effects of this answer.
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// A note for the debrief: why this answer matters.
    #[serde(default)]
    pub feedback: Option<Text>,
}

/// The three ways of accompanying someone named by the CNIL's kit for social workers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Posture {
    /// « Je fais à la place » — quick, but nothing learnt; needs a mandate.
    ForThem,
    /// « J'accompagne » — the person does it, the professional guides.
    WithThem,
    /// « Je forme » — the professional teaches, the person practises.
    Teach,
}

fn yes() -> bool {
    true
}
