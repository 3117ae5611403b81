//! Plain-language (FALC, « facile à lire et à comprendre ») versions of the
//! field error messages: one idea per sentence, everyday words, no jargon
//! such as « clé » or « format ». Kept apart from the French and English
//! table so that each can be proofread on its own.

use super::ErrorKind;
use super::messages::{chars_fr, classes, group, join, size, years_fr};
use crate::Lang;

impl ErrorKind {
    pub(super) fn falc(&self) -> String {
        use ErrorKind as E;
        match self {
            E::Required => "Vous devez remplir cette case.".into(),
            E::Mismatch => "Ces informations ne sont pas bonnes. Vérifiez ce que vous avez écrit.".into(),
            E::MismatchConfirmation => "Ce n'est pas la même chose que dans la première case. Écrivez exactement la même chose dans les 2 cases.".into(),
            E::CodeWrong => "Le code n'est pas bon. Regardez le code reçu et écrivez-le de nouveau.".into(),
            E::CodeExpired => "Ce code ne marche plus. Demandez un nouveau code.".into(),
            E::CaptchaWrong => "Ce n'est pas le bon texte. Copiez les lettres de l'image.".into(),
            E::ConsentRequired => "Cochez la case pour continuer.".into(),
            E::ChoiceRequired => "Choisissez une réponse.".into(),
            E::UploadType { accepted } if accepted.is_empty() => "Ce fichier n'est pas du bon type.".into(),
            E::UploadType { accepted } => format!("Ce fichier n'est pas du bon type. Envoyez un fichier {}.", join(accepted, "ou")),
            E::UploadSize { max_kb } => format!("Le fichier est trop gros. Il doit faire {} au maximum.", size(*max_kb, Lang::Fr)),
            E::Email => "L'adresse e-mail n'est pas bonne. Exemple d'adresse : nom@exemple.fr".into(),
            E::Phone => "Le numéro de téléphone n'est pas bon. Il a 10 chiffres. Exemple : 06 12 34 56 78".into(),
            E::PostalCode => "Le « code postal » n'est pas bon. Il a 5 chiffres. Exemple : 75011".into(),
            E::DateFormat => "Écrivez la date comme ceci : jour/mois/année. Exemple : 14/07/1990".into(),
            E::DateInvalid => "Cette date n'existe pas. Vérifiez le jour et le mois.".into(),
            E::DateFuture => "Cette date est dans le futur. Vérifiez l'année.".into(),
            E::TooYoung { min_age } => format!("Il faut avoir {} ou plus pour faire cette démarche.", years_fr(*min_age)),
            E::TooOld { max_age } => format!("Cette démarche est pour les personnes de {} ou moins.", years_fr(*max_age)),
            E::NirLength => "Le numéro de sécurité sociale a 15 chiffres. Copiez-le depuis votre carte Vitale.".into(),
            E::NirCharacters => "Le numéro de sécurité sociale a seulement des chiffres. Copiez-le depuis votre carte Vitale.".into(),
            E::NirSex | E::NirMonth => "Ce numéro n'est pas bon. Copiez le numéro de votre carte Vitale.".into(),
            E::NirTemporary => "Ce numéro commence par 7 ou par 8. C'est un numéro provisoire. Il ne permet pas de créer un compte. Demandez votre numéro définitif à votre caisse d'assurance maladie.".into(),
            E::NirKey => "Ce numéro n'est pas bon. Un chiffre est peut-être faux. Regardez votre carte Vitale.".into(),
            E::IbanCountry => "L'IBAN commence par 2 lettres, par exemple FR pour la France. Copiez l'IBAN de votre RIB.".into(),
            E::IbanLength { expected } => format!("L'IBAN doit avoir {expected} lettres et chiffres. Copiez l'IBAN de votre RIB."),
            E::IbanCharacters => "L'IBAN n'est pas bon. Vérifiez les lettres et les chiffres sur votre RIB.".into(),
            E::IbanChecksum => "L'IBAN n'est pas bon. Un chiffre est peut-être faux. Regardez votre RIB.".into(),
            E::CafLength | E::CafCharacters => "Le « numéro allocataire » a 7 chiffres. Il est écrit sur les lettres de la CAF.".into(),
            E::TaxLength | E::TaxCharacters => "Le numéro fiscal a 13 chiffres. Il est écrit sur votre avis d'impôt.".into(),
            E::TaxFirstDigit => "Le numéro fiscal commence par 0, 1, 2 ou 3. Regardez votre avis d'impôt.".into(),
            E::TaxKey => "Le numéro fiscal n'est pas bon. Un chiffre est peut-être faux. Regardez votre avis d'impôt.".into(),
            E::NumberFormat => "Écrivez seulement des chiffres. Exemple : 15000".into(),
            E::NumberTooSmall { min } => format!("Le nombre doit être {} ou plus.", group(*min, ' ')),
            E::NumberTooLarge { max } => format!("Le nombre doit être {} ou moins.", group(*max, ' ')),
            E::PasswordTooShort { min } => format!("Le mot de passe est trop court. Il faut {} ou plus.", chars_fr(*min)),
            E::PasswordTooLong { max } => format!("Le mot de passe est trop long. Il faut {} ou moins.", chars_fr(*max)),
            E::PasswordMissing { lower, upper, digit, special } => {
                let classes = classes(*lower, *upper, *digit, *special, Lang::Falc);
                if classes.is_empty() {
                    "Ce mot de passe n'est pas accepté. Choisissez-en un autre.".into()
                } else {
                    // One sentence for each thing to add: a list would make one long sentence.
                    let add: Vec<String> = classes.iter().map(|c| format!("Ajoutez {c}.")).collect();
                    format!("Le mot de passe n'est pas complet. {}", add.join(" "))
                }
            }
        }
    }
}
