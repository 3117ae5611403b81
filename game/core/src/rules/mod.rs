//! The checks real French portals run on what people type: social-security
//! numbers, IBANs, tax numbers, dates, passwords… Each rule lives in its own
//! file so it can be read against the official specification it mimics.
//!
//! Everything here is pure and total: any string, however odd, gives either a
//! normalised value or an [`ErrorKind`], never a panic. Error kinds never carry
//! what the player typed, so they can be recorded in anonymous metrics.

use serde::{Deserialize, Serialize};

mod caf;
mod compare;
mod date;
mod email;
mod error;
mod falc;
mod iban;
mod iban_lengths;
mod messages;
mod nir;
mod number;
mod password;
mod phone;
mod postal;
mod tax;

pub use compare::same_value;
pub use date::Date;
pub(crate) use date::{NOT_DD_MM_YYYY, NOT_IN_CALENDAR};
pub use error::ErrorKind;
pub use password::password_checklist;

/// What kind of value a form field takes, and so which rule checks it.
///
/// Scenario files name it in RON. With `ron` 0.12 and no extension, these
/// spellings work (all are tested in `rules/tests.rs`):
/// - unit kinds: `Nir`, `Iban`, `Email`…;
/// - `Date(not_future: true, min_age: Some(18))`, and `Date()` for a date
///   without constraints (the bare `Date` is refused, since it is a struct
///   variant); the same goes for `Number(min: Some(0))` and `Number()`;
/// - `Password((min_length: 12, upper: true))`: the policy is a struct inside
///   the variant, hence the double parentheses (`Password(min_length: 12)`
///   needs ron's `UNWRAP_VARIANT_NEWTYPES` extension).
///
/// When the loader enables `Extensions::IMPLICIT_SOME`, `Date(min_age: 18)`
/// and `Number(max: 100)` work too. Unknown fields are refused so that a typo
/// in a scenario (`min_ages`) is reported rather than silently ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum FieldKind {
    /// Free text (a name, an address line): only emptiness is refused.
    Text,
    /// An e-mail address, checked the pragmatic way portals do.
    Email,
    /// A French phone number, national (`06 12 34 56 78`) or international
    /// (`+33 6 12 34 56 78`, `0033…`); kept as `0X XX XX XX XX`.
    Phone,
    /// A French postal code: five digits.
    PostalCode,
    /// A calendar date, optionally constrained relative to the day of play.
    Date {
        /// Refuse dates after the day of play (birth dates, past events).
        #[serde(default)]
        not_future: bool,
        /// Minimum age in full years on the day of play.
        #[serde(default)]
        min_age: Option<u8>,
        /// Maximum age in full years on the day of play.
        #[serde(default)]
        max_age: Option<u8>,
    },
    /// The numéro de sécurité sociale (NIR) printed on the carte Vitale.
    Nir,
    /// An international bank account number, as on a RIB.
    Iban,
    /// The numéro allocataire given by the CAF.
    Caf,
    /// The numéro fiscal (SPI) printed on tax notices.
    TaxNumber,
    /// A whole number, such as an income in euros.
    Number {
        /// Smallest accepted value.
        #[serde(default)]
        min: Option<i64>,
        /// Largest accepted value.
        #[serde(default)]
        max: Option<i64>,
    },
    /// A new password, checked against the portal's policy.
    Password(PasswordPolicy),
}

/// The password rules a portal announces; scenarios vary them because real
/// portals disagree with one another, which is part of the ordeal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordPolicy {
    /// Minimum length in characters.
    pub min_length: u8,
    /// Maximum length in characters; some portals still cap it.
    #[serde(default)]
    pub max_length: Option<u8>,
    /// Requires a lowercase letter.
    #[serde(default)]
    pub lower: bool,
    /// Requires an uppercase letter.
    #[serde(default)]
    pub upper: bool,
    /// Requires a digit.
    #[serde(default)]
    pub digit: bool,
    /// Requires a character that is neither a letter nor a digit.
    #[serde(default)]
    pub special: bool,
}

/// Checks a non-empty, already-trimmed input against a kind.
///
/// The engine stores the normalised value rather than the typed one, so that
/// later comparisons (is this the NIR of the record?) ignore spacing and case.
/// Empty input gives [`ErrorKind::Required`] rather than a rule-specific error.
/// Passwords are checked exactly as given (spaces are characters there);
/// every other kind is trimmed first, in case the caller did not.
pub fn check(kind: &FieldKind, input: &str, today: Date) -> Result<String, ErrorKind> {
    let raw = input;
    let input = input.trim();
    if input.is_empty() {
        return Err(ErrorKind::Required);
    }
    match kind {
        FieldKind::Text => Ok(input.to_string()),
        FieldKind::Email => email::check(input),
        FieldKind::Phone => phone::check(input),
        FieldKind::PostalCode => postal::check(input),
        FieldKind::Date {
            not_future,
            min_age,
            max_age,
        } => date::check(input, today, *not_future, *min_age, *max_age),
        FieldKind::Nir => nir::check(input),
        FieldKind::Iban => iban::check(input),
        FieldKind::Caf => caf::check(input),
        FieldKind::TaxNumber => tax::check(input),
        FieldKind::Number { min, max } => number::check(input, *min, *max),
        FieldKind::Password(policy) => password::check(policy, raw),
    }
}

/// A valid example value for the kind, so that the solver can fill any form
/// and property tests can start from a known-good value. Dates respect the
/// kind's constraints relative to `today`.
pub fn sample(kind: &FieldKind, today: Date) -> String {
    match kind {
        FieldKind::Text => "Camille Martin".to_string(),
        FieldKind::Email => "camille.martin@example.fr".to_string(),
        FieldKind::Phone => "06 12 34 56 78".to_string(),
        FieldKind::PostalCode => "75011".to_string(),
        FieldKind::Date {
            min_age, max_age, ..
        } => date::sample(today, *min_age, *max_age).to_string(),
        FieldKind::Nir => nir::SAMPLE.to_string(),
        FieldKind::Iban => iban::SAMPLE.to_string(),
        FieldKind::Caf => caf::SAMPLE.to_string(),
        FieldKind::TaxNumber => tax::SAMPLE.to_string(),
        FieldKind::Number { min, max } => number::sample(*min, *max).to_string(),
        FieldKind::Password(policy) => password::sample(policy),
    }
}

/// A second valid value, different from [`sample`], so the solver can try
/// "a valid value that is not the persona's" even when the sample is theirs.
pub fn other_sample(kind: &FieldKind, today: Date) -> Option<String> {
    let v = match kind {
        FieldKind::Text => "Dominique Petit",
        FieldKind::Email => "d.petit@example.org",
        FieldKind::Phone => "07 98 76 54 32",
        FieldKind::PostalCode => "69003",
        FieldKind::Nir => "2 53 07 2B 073 004 70",
        FieldKind::Iban => "DE89 3704 0044 0532 0130 00",
        FieldKind::Caf => "7654321",
        FieldKind::TaxNumber => "1234567890066",
        FieldKind::Date { .. } | FieldKind::Number { .. } | FieldKind::Password(_) => return None,
    };
    check(kind, v, today).ok().map(|_| v.to_string())
}

/// Pretty-prints a normalised value the way official documents do, so that
/// the player can compare it with their card or RIB at a glance.
pub fn display(kind: &FieldKind, normalised: &str) -> String {
    match kind {
        FieldKind::Iban => iban::display(normalised),
        FieldKind::Nir => nir::display(normalised),
        _ => normalised.to_string(),
    }
}

/// Removes the separators people type inside identifiers (spaces, including
/// non-breaking ones, dots, dashes), which portals tolerate.
fn strip_separators(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-'))
        .collect()
}

#[cfg(test)]
mod tests;
