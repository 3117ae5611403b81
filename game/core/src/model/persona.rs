//! The persona, their folder of documents, and the messages their phone and mailbox receive.

use serde::{Deserialize, Serialize};

use crate::Text;
use crate::condition::Condition;

/// Who the player is (mode *Atelier*) or accompanies (mode *Formation*).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// First name and name, invented.
    pub name: String,
    /// Their situation, for the briefing.
    pub situation: Text,
    /// What they need to obtain today.
    pub goal: Text,
    /// The folder: the papers that hold the facts the forms ask for.
    pub documents: Vec<Document>,
    /// Facts computed from others (the last characters of the IBAN, a date
    /// plus some days), which forms may ask for as any fact.
    #[serde(default)]
    pub derived: Vec<Derived>,
}

/// A fact computed from another fact of the folder, in the order written
/// (a derived fact may come from an earlier one).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Derived {
    /// The new fact's name, unique among facts.
    pub id: String,
    /// The fact it is computed from.
    pub from: String,
    /// How it is computed.
    pub compute: Compute,
}

/// How a derived fact is computed from its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Compute {
    /// The last `n` characters, spaces left out ("the last 7 characters of your IBAN").
    Last(u8),
    /// The first `n` characters, spaces left out (initials, the start of a name).
    First(u8),
    /// A date (`jj/mm/aaaa`) plus this many days, or minus when negative.
    PlusDays(i32),
}

/// A paper of the persona's folder, drawn like the real one.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Identifier, used by uploads, hints and metrics.
    pub id: String,
    /// Which real paper it looks like.
    pub kind: DocumentKind,
    /// Title on the folder tab.
    pub title: Text,
    /// What is printed on it. A line with a `fact` holds a value the forms ask for.
    pub lines: Vec<DocLine>,
    /// The document as a file, for uploads: its format and size. Without it, it cannot be uploaded.
    #[serde(default)]
    pub file: Option<FileInfo>,
    /// Format 2: not in the folder at the start; a `Download(..)` effect puts
    /// it in the folder's "Téléchargements" (a receipt, an attestation de droits).
    #[serde(default)]
    pub hidden: bool,
    /// Format 2: in the folder only when this condition on the trainer's
    /// switches holds (`when: Switch("foyer", "couple")`): a missing
    /// document, another household. Only `Switch`, `Not`, `All` and `Any`
    /// are allowed, so the folder is fixed for the whole run.
    #[serde(default, skip_serializing_if = "Condition::is_always")]
    pub when: Condition,
}

/// One printed line of a document: a label and a value.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocLine {
    /// The label printed on the paper ("N° d'immatriculation").
    pub label: Text,
    /// The value printed next to it ("2 95 10 99 126 111 93").
    pub value: String,
    /// The fact this value is, when a form asks for it ("nir", "iban").
    #[serde(default)]
    pub fact: Option<String>,
}

/// The real papers a folder can hold; the game draws each one its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocumentKind {
    /// Carte nationale d'identité.
    IdentityCard,
    /// Passeport.
    Passport,
    /// Titre de séjour.
    ResidencePermit,
    /// Carte Vitale.
    CarteVitale,
    /// Avis d'imposition.
    TaxNotice,
    /// Relevé d'identité bancaire.
    Rib,
    /// Justificatif de domicile (facture, quittance).
    ProofOfAddress,
    /// Bulletin de salaire.
    Payslip,
    /// Attestation (CAF, France Travail…).
    Certificate,
    /// Courrier reçu.
    Letter,
    /// Photo d'identité.
    Photo,
    /// Anything else.
    Other,
}

/// A document as a file on the computer, for uploads.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileInfo {
    /// File name shown in the file picker ("avis_imposition_2026.pdf").
    pub name: String,
    /// Format of the file.
    pub format: FileFormat,
    /// Size in kilobytes: portals refuse files that are too big, a real obstacle.
    pub size_kb: u32,
}

/// File formats a portal may accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileFormat {
    /// PDF document.
    Pdf,
    /// JPEG photo.
    Jpeg,
    /// PNG image.
    Png,
    /// HEIC photo, the default on many phones, refused by many portals.
    Heic,
    /// Word document.
    Docx,
}

impl FileFormat {
    /// The name portals print ("PDF", "JPEG").
    pub fn name(self) -> &'static str {
        match self {
            FileFormat::Pdf => "PDF",
            FileFormat::Jpeg => "JPEG",
            FileFormat::Png => "PNG",
            FileFormat::Heic => "HEIC",
            FileFormat::Docx => "DOCX",
        }
    }
}

/// A message the procedure sends: an SMS with a code, a confirmation e-mail, a phishing attempt.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Identifier, used by `Send(..)` effects and code fields.
    pub id: String,
    /// Where it arrives.
    pub device: Device,
    /// Sender as displayed ("MesAllocs", "06 12 34 56 78", "ne-pas-repondre@…").
    pub from: String,
    /// Subject line, for e-mails.
    #[serde(default)]
    pub subject: Option<Text>,
    /// Body; `{code}` is replaced by a one-time code drawn for this session.
    pub body: Text,
    /// Whether it is a fraudulent message, for lessons on phishing.
    #[serde(default)]
    pub phishing: bool,
    /// Format 2: minutes of game time between `Send(..)` and its arrival (a
    /// letter takes days; in the game, a few minutes). It arrives at once by default.
    #[serde(default)]
    pub after_minutes: u16,
    /// Format 2: links in the message, that open a page of the scenario when followed.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A link in a message: its visible text and the page it opens.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Identifier, unique in its message, used by scripts (`suivre message lien`) and metrics.
    pub id: String,
    /// What the message shows ("https://ameli-vital.fr.example/carte"), often the address.
    pub text: String,
    /// The page it opens: its address then shows in the address bar.
    pub page: String,
}

/// The persona's devices that receive messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Device {
    /// The phone: SMS.
    Phone,
    /// The mailbox: e-mails.
    Mail,
    /// Format 2: the letterbox: postal letters, shown in the desk's "Courrier" once arrived.
    Post,
}
