//! The one table of field error messages, worded as real French portals
//! word them but always saying what to do next, since the game is about
//! learning to get through, not about being scolded.

use super::ErrorKind;
use crate::Lang;

impl ErrorKind {
    /// The message shown under the field. French for [`Lang::Fr`], shorter
    /// sentences with everyday words for [`Lang::Falc`], English for
    /// [`Lang::En`].
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.fr(),
            Lang::Falc => self.falc(),
            Lang::En => self.en(),
        }
    }

    fn fr(&self) -> String {
        use ErrorKind as E;
        const VITALE: &str = "Vérifiez le numéro sur votre carte Vitale.";
        const RIB: &str = "Recopiez-le depuis votre RIB.";
        const AVIS: &str = "Il figure sur la première page de votre déclaration de revenus et sur vos avis d'impôt.";
        match self {
            E::Required => "Ce champ est obligatoire. Veuillez le renseigner.".into(),
            E::Mismatch => "Les informations saisies sont incorrectes ou ne correspondent à aucun dossier. Vérifiez-les et réessayez.".into(),
            E::MismatchConfirmation => "La confirmation ne correspond pas à la première saisie. Saisissez exactement la même valeur dans les deux champs.".into(),
            E::CodeWrong => "Le code saisi est incorrect. Vérifiez le code reçu et réessayez.".into(),
            E::CodeExpired => "Ce code a expiré. Demandez l'envoi d'un nouveau code.".into(),
            E::CaptchaWrong => "Les caractères saisis ne correspondent pas à l'image. Réessayez ou demandez une nouvelle image.".into(),
            E::ConsentRequired => "Vous devez cocher cette case pour continuer.".into(),
            E::ChoiceRequired => "Veuillez sélectionner une option dans la liste.".into(),
            E::UploadType { accepted } if accepted.is_empty() => "Ce type de fichier n'est pas accepté.".into(),
            E::UploadType { accepted } => format!("Ce type de fichier n'est pas accepté. Formats acceptés : {}.", join(accepted, "ou")),
            E::UploadSize { max_kb } => format!("Le fichier est trop volumineux. Sa taille ne doit pas dépasser {}.", size(*max_kb, Lang::Fr)),
            E::Email => "L'adresse électronique n'est pas valide. Saisissez-la sous la forme nom@exemple.fr, sans espace.".into(),
            E::Phone => "Le numéro de téléphone n'est pas valide. Saisissez un numéro français à 10 chiffres, par exemple 06 12 34 56 78.".into(),
            E::PostalCode => "Le code postal n'est pas valide. Il doit comporter 5 chiffres, par exemple 75011.".into(),
            E::DateFormat => "La date n'est pas au bon format. Saisissez-la sous la forme jj/mm/aaaa, par exemple 14/07/1990.".into(),
            E::DateInvalid => "Cette date n'existe pas. Vérifiez le jour et le mois.".into(),
            E::DateFuture => "La date ne peut pas être postérieure à la date du jour. Vérifiez l'année saisie.".into(),
            E::TooYoung { min_age } => format!("Vous devez avoir au moins {} pour effectuer cette démarche. Vérifiez la date de naissance saisie.", years_fr(*min_age)),
            E::TooOld { max_age } => format!("Cette démarche est réservée aux personnes de {} au plus. Vérifiez la date de naissance saisie.", years_fr(*max_age)),
            E::NirLength => "Le numéro de sécurité sociale doit comporter 15 chiffres (13 chiffres et une clé de 2 chiffres).".into(),
            E::NirCharacters => format!("Le numéro de sécurité sociale ne doit contenir que des chiffres (et 2A ou 2B pour les personnes nées en Corse). {VITALE}"),
            E::NirSex => format!("Le numéro de sécurité sociale doit commencer par 1 ou 2. {VITALE}"),
            E::NirTemporary => "Ce numéro commence par 7 ou 8 : c'est un numéro provisoire, qui ne permet pas de créer un compte. Demandez votre numéro de sécurité sociale définitif à votre caisse d'assurance maladie.".into(),
            E::NirMonth => format!("Le mois de naissance indiqué dans le numéro de sécurité sociale (4e et 5e chiffres) n'est pas valide. {VITALE}"),
            E::NirKey => format!("La clé du numéro de sécurité sociale est incorrecte. {VITALE}"),
            E::IbanCountry => format!("L'IBAN doit commencer par le code de son pays (par exemple FR pour la France), suivi de deux chiffres. {RIB}"),
            E::IbanLength { expected } => format!("L'IBAN n'a pas la bonne longueur : pour ce pays, il doit comporter {expected} caractères. {RIB}"),
            E::IbanCharacters => format!("L'IBAN contient des caractères non valides ou une lettre à la place d'un chiffre (attention à la lettre O et au chiffre 0). {RIB}"),
            E::IbanChecksum => "L'IBAN saisi est incorrect : un caractère est probablement erroné ou inversé. Vérifiez-le sur votre RIB.".into(),
            E::CafLength => "Le numéro allocataire doit comporter 7 chiffres. Vous le trouverez sur vos courriers de la CAF.".into(),
            E::CafCharacters => "Le numéro allocataire ne doit contenir que des chiffres. Vous le trouverez sur vos courriers de la CAF.".into(),
            E::TaxLength => format!("Le numéro fiscal doit comporter 13 chiffres. {AVIS}"),
            E::TaxCharacters => format!("Le numéro fiscal ne doit contenir que des chiffres. {AVIS}"),
            E::TaxFirstDigit => format!("Le numéro fiscal doit commencer par 0, 1, 2 ou 3. {AVIS}"),
            E::TaxKey => "Le numéro fiscal saisi est incorrect : un chiffre est probablement erroné ou inversé. Vérifiez-le sur votre avis d'impôt.".into(),
            E::NumberFormat => "Saisissez un nombre entier, sans virgule, sans point ni symbole (par exemple 15000).".into(),
            E::NumberTooSmall { min } => format!("La valeur doit être supérieure ou égale à {}.", group(*min, ' ')),
            E::NumberTooLarge { max } => format!("La valeur doit être inférieure ou égale à {}.", group(*max, ' ')),
            E::PasswordTooShort { min } => format!("Le mot de passe doit comporter au moins {}.", chars_fr(*min)),
            E::PasswordTooLong { max } => format!("Le mot de passe doit comporter au plus {}.", chars_fr(*max)),
            E::PasswordMissing { lower, upper, digit, special } => {
                let classes = classes(*lower, *upper, *digit, *special, Lang::Fr);
                if classes.is_empty() {
                    "Le mot de passe ne respecte pas les règles de sécurité.".into()
                } else {
                    format!("Le mot de passe doit contenir au moins {}.", join(&classes, "et"))
                }
            }
        }
    }

    fn en(&self) -> String {
        use ErrorKind as E;
        const VITALE: &str = "Check the number on your carte Vitale (health insurance card).";
        const RIB: &str = "Copy it from your bank details (RIB).";
        const AVIS: &str =
            "It appears on the first page of your income tax return and on your tax notices.";
        match self {
            E::Required => "This field is required. Please fill it in.".into(),
            E::Mismatch => "The information entered is incorrect or does not match any record. Check it and try again.".into(),
            E::MismatchConfirmation => "The confirmation does not match what you entered first. Type exactly the same value in both fields.".into(),
            E::CodeWrong => "The code entered is incorrect. Check the code you received and try again.".into(),
            E::CodeExpired => "This code has expired. Ask for a new code to be sent.".into(),
            E::CaptchaWrong => "The characters entered do not match the image. Try again or ask for a new image.".into(),
            E::ConsentRequired => "You must tick this box to continue.".into(),
            E::ChoiceRequired => "Please select an option from the list.".into(),
            E::UploadType { accepted } if accepted.is_empty() => "This file type is not accepted.".into(),
            E::UploadType { accepted } => format!("This file type is not accepted. Accepted formats: {}.", join(accepted, "or")),
            E::UploadSize { max_kb } => format!("The file is too large. It must not exceed {}.", size(*max_kb, Lang::En)),
            E::Email => "The e-mail address is not valid. Enter it in the form name@example.com, without spaces.".into(),
            E::Phone => "The phone number is not valid. Enter a 10-digit French number, for example 06 12 34 56 78.".into(),
            E::PostalCode => "The postal code is not valid. It must have 5 digits, for example 75011.".into(),
            E::DateFormat => "The date is not in the right format. Enter it as dd/mm/yyyy, for example 14/07/1990.".into(),
            E::DateInvalid => "This date does not exist. Check the day and the month.".into(),
            E::DateFuture => "The date cannot be later than today. Check the year entered.".into(),
            E::TooYoung { min_age } => format!("You must be at least {min_age} years old to complete this procedure. Check the date of birth entered."),
            E::TooOld { max_age } => format!("This procedure is only for people aged {max_age} or under. Check the date of birth entered."),
            E::NirLength => "The social security number must have 15 digits (13 digits and a 2-digit key).".into(),
            E::NirCharacters => format!("The social security number may only contain digits (and 2A or 2B for people born in Corsica). {VITALE}"),
            E::NirSex => format!("The social security number must start with 1 or 2. {VITALE}"),
            E::NirTemporary => "This number starts with 7 or 8: it is a provisional number, which cannot be used to create an account. Ask your health insurance fund (caisse d'assurance maladie) for your permanent social security number.".into(),
            E::NirMonth => format!("The month of birth in the social security number (4th and 5th digits) is not valid. {VITALE}"),
            E::NirKey => format!("The key of the social security number is incorrect. {VITALE}"),
            E::IbanCountry => format!("The IBAN must start with its country code (for example FR for France), followed by two digits. {RIB}"),
            E::IbanLength { expected } => format!("The IBAN does not have the right length: for this country it must have {expected} characters. {RIB}"),
            E::IbanCharacters => format!("The IBAN contains invalid characters or a letter where a digit should be (beware of the letter O and the digit 0). {RIB}"),
            E::IbanChecksum => "The IBAN entered is incorrect: a character is probably wrong or swapped. Check it against your bank details (RIB).".into(),
            E::CafLength => "The CAF claimant number (numéro allocataire) must have 7 digits. You will find it on your letters from the CAF.".into(),
            E::CafCharacters => "The CAF claimant number (numéro allocataire) may only contain digits. You will find it on your letters from the CAF.".into(),
            E::TaxLength => format!("The tax number (numéro fiscal) must have 13 digits. {AVIS}"),
            E::TaxCharacters => format!("The tax number (numéro fiscal) may only contain digits. {AVIS}"),
            E::TaxFirstDigit => format!("The tax number (numéro fiscal) must start with 0, 1, 2 or 3. {AVIS}"),
            E::TaxKey => "The tax number entered is incorrect: a digit is probably wrong or swapped. Check it on your tax notice.".into(),
            E::NumberFormat => "Enter a whole number, without decimals, dots or symbols (for example 15000).".into(),
            E::NumberTooSmall { min } => format!("The value must be at least {}.", group(*min, ',')),
            E::NumberTooLarge { max } => format!("The value must be at most {}.", group(*max, ',')),
            E::PasswordTooShort { min } => format!("The password must be at least {min} character{} long.", plural(u32::from(*min))),
            E::PasswordTooLong { max } => format!("The password must be at most {max} character{} long.", plural(u32::from(*max))),
            E::PasswordMissing { lower, upper, digit, special } => {
                let classes = classes(*lower, *upper, *digit, *special, Lang::En);
                if classes.is_empty() {
                    "The password does not meet the security rules.".into()
                } else {
                    format!("The password must contain at least {}.", join(&classes, "and"))
                }
            }
        }
    }
}

/// The character classes as named in messages and in the password checklist.
pub(super) fn classes(
    lower: bool,
    upper: bool,
    digit: bool,
    special: bool,
    lang: Lang,
) -> Vec<String> {
    let names = match lang {
        // Plain words: « minuscule » and « caractère spécial » are jargon.
        Lang::Falc => [
            (lower, "une petite lettre"),
            (upper, "une grande lettre"),
            (digit, "un chiffre"),
            (special, "un signe comme ! ? @ #"),
        ],
        _ => [
            (lower, lang.pick("une minuscule", "one lowercase letter")),
            (upper, lang.pick("une majuscule", "one uppercase letter")),
            (digit, lang.pick("un chiffre", "one digit")),
            (
                special,
                lang.pick(
                    "un caractère spécial (par exemple ! ? @ #)",
                    "one special character (e.g. ! ? @ #)",
                ),
            ),
        ],
    };
    names
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| (*name).to_string())
        .collect()
}

/// "A, B ou C": French and English lists both put the conjunction before the
/// last item only.
pub(super) fn join<S: AsRef<str>>(items: &[S], conjunction: &str) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.as_ref().to_string(),
        Some((last, rest)) => {
            let head: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {conjunction} {}", head.join(", "), last.as_ref())
        }
    }
}

fn plural(n: u32) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// French keeps the singular for 0 and 1 ("0 an", "1 an").
pub(super) fn years_fr(n: u8) -> String {
    format!("{n} an{}", plural(u32::from(n)))
}

pub(super) fn chars_fr(n: u8) -> String {
    format!("{n} caractère{}", plural(u32::from(n)))
}

/// Sizes as portals print them: whole megabytes when exact, else kilobytes.
pub(super) fn size(max_kb: u32, lang: Lang) -> String {
    if max_kb >= 1024 && max_kb.is_multiple_of(1024) {
        format!("{} {}", max_kb / 1024, lang.pick("Mo", "MB"))
    } else {
        format!("{max_kb} {}", lang.pick("Ko", "KB"))
    }
}

/// Digits grouped by three ("1 000 000" in French, "1,000,000" in English).
pub(super) fn group(n: i64, separator: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    let len = digits.chars().count();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_messages_in_all_languages() {
        for kind in ErrorKind::examples() {
            let (fr, en, falc) = (
                kind.message(Lang::Fr),
                kind.message(Lang::En),
                kind.message(Lang::Falc),
            );
            for m in [&fr, &en, &falc] {
                assert!(m.len() > 10, "{kind:?}: {m}");
                assert!(m.starts_with(|c: char| c.is_uppercase()), "{kind:?}: {m}");
                assert!(!m.contains("  ") && !m.contains("{"), "{kind:?}: {m}");
            }
            assert_ne!(fr, en, "{kind:?} is not translated");
        }
    }

    /// The field errors' FALC versions follow the rules `dedale-cli check`
    /// applies to the scenarios' FALC texts: the player reads both side by side.
    #[test]
    fn falc_messages_follow_the_falc_rules() {
        let broken: Vec<String> = ErrorKind::examples()
            .into_iter()
            .filter_map(|kind| {
                let falc = kind.message(Lang::Falc);
                let problems = crate::load::falc_problems(&falc);
                (!problems.is_empty()).then(|| format!("{kind:?}: {falc}: {problems:?}"))
            })
            .collect();
        assert!(broken.is_empty(), "{}", broken.join("\n"));
    }

    #[test]
    fn given_wordings() {
        assert_eq!(
            ErrorKind::NirLength.message(Lang::Fr),
            "Le numéro de sécurité sociale doit comporter 15 chiffres (13 chiffres et une clé de 2 chiffres)."
        );
        assert_eq!(
            ErrorKind::NirKey.message(Lang::Fr),
            "La clé du numéro de sécurité sociale est incorrecte. Vérifiez le numéro sur votre carte Vitale."
        );
        assert!(
            ErrorKind::CodeWrong
                .message(Lang::Fr)
                .starts_with("Le code saisi est incorrect.")
        );
    }

    #[test]
    fn parameters_are_spelt_out() {
        let missing = ErrorKind::PasswordMissing {
            lower: false,
            upper: true,
            digit: true,
            special: false,
        };
        assert_eq!(
            missing.message(Lang::Fr),
            "Le mot de passe doit contenir au moins une majuscule et un chiffre."
        );
        assert_eq!(
            missing.message(Lang::En),
            "The password must contain at least one uppercase letter and one digit."
        );
        let upload = ErrorKind::UploadType {
            accepted: vec!["PDF".into(), "JPEG".into(), "PNG".into()],
        };
        assert_eq!(
            upload.message(Lang::Fr),
            "Ce type de fichier n'est pas accepté. Formats acceptés : PDF, JPEG ou PNG."
        );
        assert!(
            ErrorKind::UploadSize { max_kb: 5120 }
                .message(Lang::Fr)
                .ends_with("5 Mo.")
        );
        assert!(
            ErrorKind::UploadSize { max_kb: 500 }
                .message(Lang::En)
                .ends_with("500 KB.")
        );
        assert!(
            ErrorKind::TooYoung { min_age: 18 }
                .message(Lang::Fr)
                .contains("au moins 18 ans ")
        );
        assert!(
            ErrorKind::PasswordTooShort { min: 1 }
                .message(Lang::Fr)
                .ends_with("au moins 1 caractère.")
        );
        assert!(
            ErrorKind::IbanLength { expected: 27 }
                .message(Lang::En)
                .contains("27 characters")
        );
        assert_eq!(group(1_000_000, ' '), "1 000 000");
        assert_eq!(group(-15_000, ','), "-15,000");
        assert_eq!(group(999, ' '), "999");
        assert_eq!(group(i64::MIN, ' '), "-9 223 372 036 854 775 808");
    }
}
