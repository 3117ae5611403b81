//! Why a value was refused. Kinds name the real-world mistake (a wrong key,
//! a provisional number) rather than the failing test, because that is what
//! the player needs to hear and what the metrics need to count.

use serde::{Deserialize, Serialize};

/// Why a value was refused. [`ErrorKind::code`] is a stable snake_case id
/// recorded in anonymous metrics. No variant carries the typed value or any
/// part of it (a social-security number must never leak into metrics); only
/// scenario parameters such as a minimum length.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorKind {
    /// A required field was left empty.
    Required,
    /// The value is well formed but does not match the record (wrong login
    /// or password): deliberately vague, as real portals are.
    Mismatch,
    /// A confirmation does not repeat the value typed in the field it
    /// confirms on the same page (« Confirmez votre mot de passe »).
    MismatchConfirmation,
    /// A one-time code does not match the one sent.
    CodeWrong,
    /// A one-time code was right but is no longer valid.
    CodeExpired,
    /// The captcha answer is wrong.
    CaptchaWrong,
    /// A mandatory consent box was not ticked.
    ConsentRequired,
    /// No option was chosen in a mandatory list.
    ChoiceRequired,
    /// The uploaded file type is refused; `accepted` lists the format names
    /// the portal accepts ("PDF", "JPEG").
    UploadType {
        /// Format names shown to the player, e.g. "PDF", "JPEG".
        accepted: Vec<String>,
    },
    /// The uploaded file is larger than the portal accepts.
    UploadSize {
        /// The largest accepted size, in kilobytes.
        max_kb: u32,
    },
    /// The e-mail address is malformed.
    Email,
    /// The phone number is not a French number.
    Phone,
    /// The postal code is not five digits or does not exist.
    PostalCode,
    /// The text is not a date written dd/mm/yyyy.
    DateFormat,
    /// The date does not exist (31/02, 29/02 in a common year).
    DateInvalid,
    /// The date is after today where only past dates make sense.
    DateFuture,
    /// The person is younger than the procedure allows.
    TooYoung {
        /// The minimum age set by the scenario.
        min_age: u8,
    },
    /// The person is older than the procedure allows.
    TooOld {
        /// The maximum age set by the scenario.
        max_age: u8,
    },
    /// The NIR does not have 13 digits plus a 2-digit key.
    NirLength,
    /// The NIR holds characters other than digits (and 2A/2B for Corsica).
    NirCharacters,
    /// The NIR does not start with 1 or 2.
    NirSex,
    /// The NIR starts with 7 or 8: a provisional number, which cannot open an
    /// account.
    NirTemporary,
    /// The month of birth in the NIR is impossible.
    NirMonth,
    /// The NIR key does not match the 13 digits: a typo somewhere.
    NirKey,
    /// The IBAN does not start with a known country code.
    IbanCountry,
    /// The IBAN length is wrong for its country.
    IbanLength {
        /// The IBAN length for the country typed, in characters.
        expected: u8,
    },
    /// The IBAN holds characters not allowed at their place.
    IbanCharacters,
    /// The IBAN check digits do not match: a typo somewhere.
    IbanChecksum,
    /// The CAF number does not have 7 digits.
    CafLength,
    /// The CAF number holds something other than digits.
    CafCharacters,
    /// The numéro fiscal does not have 13 digits.
    TaxLength,
    /// The numéro fiscal holds something other than digits.
    TaxCharacters,
    /// The numéro fiscal does not start with 0, 1, 2 or 3.
    TaxFirstDigit,
    /// The numéro fiscal check number does not match: a typo somewhere.
    TaxKey,
    /// The text is not a whole number.
    NumberFormat,
    /// The number is below the minimum.
    NumberTooSmall {
        /// The smallest accepted value.
        min: i64,
    },
    /// The number is above the maximum.
    NumberTooLarge {
        /// The largest accepted value.
        max: i64,
    },
    /// The password is shorter than the policy requires.
    PasswordTooShort {
        /// The policy's minimum length.
        min: u8,
    },
    /// The password is longer than the policy allows.
    PasswordTooLong {
        /// The policy's maximum length.
        max: u8,
    },
    /// The password lacks some required character classes; `true` marks
    /// each missing class.
    PasswordMissing {
        /// A lowercase letter is required and missing.
        lower: bool,
        /// An uppercase letter is required and missing.
        upper: bool,
        /// A digit is required and missing.
        digit: bool,
        /// A special character is required and missing.
        special: bool,
    },
}

impl ErrorKind {
    /// Every [`ErrorKind::code`], in the order of the variants: what a
    /// playthrough script may expect (`attendu erreur <champ> <code>`).
    pub const CODES: [&'static str; 40] = [
        "required",
        "mismatch",
        "mismatch_confirmation",
        "code_wrong",
        "code_expired",
        "captcha_wrong",
        "consent_required",
        "choice_required",
        "upload_type",
        "upload_size",
        "email",
        "phone",
        "postal_code",
        "date_format",
        "date_invalid",
        "date_future",
        "too_young",
        "too_old",
        "nir_length",
        "nir_characters",
        "nir_sex",
        "nir_temporary",
        "nir_month",
        "nir_key",
        "iban_country",
        "iban_length",
        "iban_characters",
        "iban_checksum",
        "caf_length",
        "caf_characters",
        "tax_length",
        "tax_characters",
        "tax_first_digit",
        "tax_key",
        "number_format",
        "number_too_small",
        "number_too_large",
        "password_too_short",
        "password_too_long",
        "password_missing",
    ];

    /// The stable id recorded in metrics; never change an existing one, or
    /// past sessions stop being comparable.
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Required => "required",
            ErrorKind::Mismatch => "mismatch",
            ErrorKind::MismatchConfirmation => "mismatch_confirmation",
            ErrorKind::CodeWrong => "code_wrong",
            ErrorKind::CodeExpired => "code_expired",
            ErrorKind::CaptchaWrong => "captcha_wrong",
            ErrorKind::ConsentRequired => "consent_required",
            ErrorKind::ChoiceRequired => "choice_required",
            ErrorKind::UploadType { .. } => "upload_type",
            ErrorKind::UploadSize { .. } => "upload_size",
            ErrorKind::Email => "email",
            ErrorKind::Phone => "phone",
            ErrorKind::PostalCode => "postal_code",
            ErrorKind::DateFormat => "date_format",
            ErrorKind::DateInvalid => "date_invalid",
            ErrorKind::DateFuture => "date_future",
            ErrorKind::TooYoung { .. } => "too_young",
            ErrorKind::TooOld { .. } => "too_old",
            ErrorKind::NirLength => "nir_length",
            ErrorKind::NirCharacters => "nir_characters",
            ErrorKind::NirSex => "nir_sex",
            ErrorKind::NirTemporary => "nir_temporary",
            ErrorKind::NirMonth => "nir_month",
            ErrorKind::NirKey => "nir_key",
            ErrorKind::IbanCountry => "iban_country",
            ErrorKind::IbanLength { .. } => "iban_length",
            ErrorKind::IbanCharacters => "iban_characters",
            ErrorKind::IbanChecksum => "iban_checksum",
            ErrorKind::CafLength => "caf_length",
            ErrorKind::CafCharacters => "caf_characters",
            ErrorKind::TaxLength => "tax_length",
            ErrorKind::TaxCharacters => "tax_characters",
            ErrorKind::TaxFirstDigit => "tax_first_digit",
            ErrorKind::TaxKey => "tax_key",
            ErrorKind::NumberFormat => "number_format",
            ErrorKind::NumberTooSmall { .. } => "number_too_small",
            ErrorKind::NumberTooLarge { .. } => "number_too_large",
            ErrorKind::PasswordTooShort { .. } => "password_too_short",
            ErrorKind::PasswordTooLong { .. } => "password_too_long",
            ErrorKind::PasswordMissing { .. } => "password_missing",
        }
    }

    /// One example of every variant, for the tests on the message table.
    #[cfg(test)]
    pub(super) fn examples() -> Vec<ErrorKind> {
        let missing = |lower, upper, digit, special| ErrorKind::PasswordMissing {
            lower,
            upper,
            digit,
            special,
        };
        vec![
            ErrorKind::Required,
            ErrorKind::Mismatch,
            ErrorKind::MismatchConfirmation,
            ErrorKind::CodeWrong,
            ErrorKind::CodeExpired,
            ErrorKind::CaptchaWrong,
            ErrorKind::ConsentRequired,
            ErrorKind::ChoiceRequired,
            ErrorKind::UploadType {
                accepted: vec!["PDF".into(), "JPEG".into(), "PNG".into()],
            },
            ErrorKind::UploadType {
                accepted: vec!["PDF".into()],
            },
            ErrorKind::UploadType { accepted: vec![] },
            ErrorKind::UploadSize { max_kb: 5120 },
            ErrorKind::UploadSize { max_kb: 500 },
            ErrorKind::Email,
            ErrorKind::Phone,
            ErrorKind::PostalCode,
            ErrorKind::DateFormat,
            ErrorKind::DateInvalid,
            ErrorKind::DateFuture,
            ErrorKind::TooYoung { min_age: 18 },
            ErrorKind::TooOld { max_age: 25 },
            ErrorKind::NirLength,
            ErrorKind::NirCharacters,
            ErrorKind::NirSex,
            ErrorKind::NirTemporary,
            ErrorKind::NirMonth,
            ErrorKind::NirKey,
            ErrorKind::IbanCountry,
            ErrorKind::IbanLength { expected: 27 },
            ErrorKind::IbanCharacters,
            ErrorKind::IbanChecksum,
            ErrorKind::CafLength,
            ErrorKind::CafCharacters,
            ErrorKind::TaxLength,
            ErrorKind::TaxCharacters,
            ErrorKind::TaxFirstDigit,
            ErrorKind::TaxKey,
            ErrorKind::NumberFormat,
            ErrorKind::NumberTooSmall { min: 0 },
            ErrorKind::NumberTooLarge { max: 1_000_000 },
            ErrorKind::PasswordTooShort { min: 12 },
            ErrorKind::PasswordTooLong { max: 64 },
            missing(true, false, false, false),
            missing(false, true, true, false),
            missing(true, true, true, true),
            missing(false, false, false, false),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashSet};

    /// Forty variants: if this fails after adding one, add it to
    /// `examples` and to the message table.
    const VARIANTS: usize = 40;

    #[test]
    fn examples_cover_every_variant_and_codes_are_unique() {
        let mut by_code: BTreeMap<&str, HashSet<std::mem::Discriminant<ErrorKind>>> =
            BTreeMap::new();
        for kind in ErrorKind::examples() {
            by_code
                .entry(kind.code())
                .or_default()
                .insert(std::mem::discriminant(&kind));
        }
        assert_eq!(by_code.len(), VARIANTS);
        for (code, variants) in &by_code {
            assert_eq!(variants.len(), 1, "code {code} shared by several variants");
            assert!(!code.is_empty());
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code}"
            );
        }
    }

    #[test]
    fn the_list_of_codes_is_every_code_once() {
        let listed: Vec<&str> = ErrorKind::CODES.to_vec();
        let mut seen: Vec<&str> = Vec::new();
        for kind in ErrorKind::examples() {
            if !seen.contains(&kind.code()) {
                seen.push(kind.code());
            }
        }
        assert_eq!(listed, seen);
    }

    #[test]
    fn serde_round_trip() {
        for kind in ErrorKind::examples() {
            let s = ron::to_string(&kind).expect("serialises");
            assert_eq!(ron::from_str::<ErrorKind>(&s).expect("deserialises"), kind);
        }
    }
}
