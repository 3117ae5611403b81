//! IBANs (ISO 13616): two-letter country code, two check digits, then the
//! national account number (BBAN) whose length and layout depend on the
//! country. The `iban_validate` crate holds the registry of national formats
//! and the mod-97 check; this file turns its verdicts into the mistakes
//! people actually make, in the order a helpful portal would point them out.

use iban::{Iban, IbanLike, ParseBaseIbanError, ParseIbanError};

use super::{ErrorKind, iban_lengths::expected_length, strip_separators};

/// A valid French IBAN (the well-known published example), as the solver
/// types it.
pub(super) const SAMPLE: &str = "FR7630006000011234567890189";

pub(super) fn check(input: &str) -> Result<String, ErrorKind> {
    let iban: String = strip_separators(input).to_ascii_uppercase();
    if !iban.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(ErrorKind::IbanCharacters);
    }
    let country = iban
        .get(..2)
        .filter(|c| c.chars().all(|c| c.is_ascii_uppercase()));
    let expected = country
        .and_then(expected_length)
        .ok_or(ErrorKind::IbanCountry)?;
    if iban.len() != usize::from(expected) {
        return Err(ErrorKind::IbanLength { expected });
    }
    if !iban
        .get(2..4)
        .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(ErrorKind::IbanCharacters);
    }
    match iban.parse::<Iban>() {
        Ok(valid) => Ok(valid.electronic_str().to_string()),
        Err(ParseIbanError::UnknownCountry(_)) => Err(ErrorKind::IbanCountry),
        Err(ParseIbanError::InvalidBban(_)) => Err(ErrorKind::IbanCharacters),
        Err(ParseIbanError::InvalidBaseIban {
            source: ParseBaseIbanError::InvalidFormat,
        }) => Err(ErrorKind::IbanCharacters),
        Err(ParseIbanError::InvalidBaseIban {
            source: ParseBaseIbanError::InvalidChecksum,
        }) => {
            // The crate checks the sum before the national layout, but a
            // letter typed in a digits-only bank code is the more useful
            // thing to point out: retry with corrected check digits to see
            // whether the layout alone is wrong.
            match with_correct_check_digits(&iban).map(|fixed| fixed.parse::<Iban>()) {
                Some(Err(ParseIbanError::InvalidBban(_))) => Err(ErrorKind::IbanCharacters),
                _ => Err(ErrorKind::IbanChecksum),
            }
        }
    }
}

/// The same IBAN with the check digits its country code and BBAN call for.
fn with_correct_check_digits(iban: &str) -> Option<String> {
    let country = iban.get(..2)?;
    let bban = iban.get(4..)?;
    let remainder = mod97(bban.chars().chain(country.chars()).chain("00".chars()))?;
    Some(format!("{country}{:02}{bban}", 98 - remainder))
}

/// ISO 7064 mod 97-10 over digits and letters (A = 10 … Z = 35), one
/// character at a time so the accumulator stays below 10 000.
fn mod97(chars: impl Iterator<Item = char>) -> Option<u32> {
    chars.into_iter().try_fold(0_u32, |acc, c| {
        let value = c.to_digit(36)?;
        let shift = if value < 10 { 10 } else { 100 };
        Some((acc * shift + value) % 97)
    })
}

/// "FR76 3000 6000 0112 3456 7890 189": groups of four, as on a RIB.
pub(super) fn display(normalised: &str) -> String {
    let mut out = String::new();
    for (i, c) in normalised.chars().enumerate() {
        if i > 0 && i.is_multiple_of(4) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published example IBANs, each verified below with an independent
    /// mod-97 computation before being fed to `check`.
    const VALID: [&str; 14] = [
        "FR76 3000 6000 0112 3456 7890 189",
        "FR14 2004 1010 0505 0001 3M02 606",
        "BE68 5390 0754 7034",
        "LU28 0019 4006 4475 0000",
        "DE89 3704 0044 0532 0130 00",
        "ES91 2100 0418 4502 0005 1332",
        "IT60 X054 2811 1010 0000 0123 456",
        "PT50 0002 0123 1234 5678 9015 4",
        "RO49 AAAA 1B31 0075 9384 0000",
        "GR16 0110 1250 0000 0001 2300 695",
        "NL91 ABNA 0417 1643 00",
        "GB82 WEST 1234 5698 7654 32",
        "CH93 0076 2011 6238 5295 7",
        "MC58 1122 2000 0101 2345 6789 030",
    ];

    fn checksum_ok(iban: &str) -> bool {
        let s: String = iban.chars().filter(|c| !c.is_whitespace()).collect();
        let rotated = s.chars().skip(4).chain(s.chars().take(4));
        mod97(rotated) == Some(1)
    }

    #[test]
    fn published_examples_are_accepted() {
        for typed in VALID {
            assert!(checksum_ok(typed), "test data {typed}");
            let electronic: String = typed.chars().filter(|c| *c != ' ').collect();
            assert_eq!(check(typed), Ok(electronic.clone()), "{typed}");
            assert_eq!(check(&electronic.to_lowercase()), Ok(electronic.clone()));
            assert_eq!(display(&electronic), typed);
            let expected = expected_length(&electronic[..2]).expect("listed country");
            assert_eq!(usize::from(expected), electronic.len());
        }
        assert_eq!(check(SAMPLE), Ok(SAMPLE.to_string()));
        assert_eq!(
            check("FR76-3000-6000-0112-3456-7890-189"),
            Ok(SAMPLE.to_string())
        );
        assert_eq!(
            check("fr76 30006 00001 12345678901 89"),
            Ok(SAMPLE.to_string())
        );
    }

    #[test]
    fn typos_are_checksum_errors() {
        // One digit wrong, in the BBAN and in the check digits.
        assert_eq!(
            check("FR76 3000 6000 0112 3456 7890 188"),
            Err(ErrorKind::IbanChecksum)
        );
        assert_eq!(
            check("FR77 3000 6000 0112 3456 7890 189"),
            Err(ErrorKind::IbanChecksum)
        );
        assert_eq!(
            check("DE89 3704 0044 0532 0130 01"),
            Err(ErrorKind::IbanChecksum)
        );
        // Two neighbouring digits swapped.
        assert_eq!(
            check("FR76 3000 6000 0121 3456 7890 189"),
            Err(ErrorKind::IbanChecksum)
        );
        assert_eq!(check("BE68 5390 0754 7043"), Err(ErrorKind::IbanChecksum));
        // Check digits 00 and 01 are never valid.
        assert_eq!(
            check("FR00 3000 6000 0112 3456 7890 189"),
            Err(ErrorKind::IbanChecksum)
        );
        // Every single-character change in a French IBAN is refused.
        let chars: Vec<char> = SAMPLE.chars().collect();
        for i in 2..chars.len() {
            for d in '0'..='9' {
                let mut v = chars.clone();
                if v[i] != d {
                    v[i] = d;
                    assert!(check(&v.iter().collect::<String>()).is_err());
                }
            }
        }
    }

    #[test]
    fn structural_mistakes() {
        let length = |expected| Err(ErrorKind::IbanLength { expected });
        assert_eq!(check("FR76 3000 6000 0112 3456 7890 18"), length(27));
        assert_eq!(check("FR76 3000 6000 0112 3456 7890 1890"), length(27));
        assert_eq!(check("BE68 5390 0754 703"), length(16));
        assert_eq!(check("DE89 3704 0044 0532 0130 0"), length(22));
        assert_eq!(check("LU28 0019 4006 4475 0000 0"), length(20));
        // The RIB without its country code and check digits.
        assert_eq!(
            check("30006 00001 12345678901 89"),
            Err(ErrorKind::IbanCountry)
        );
        assert_eq!(
            check("XX76 3000 6000 0112 3456 7890 189"),
            Err(ErrorKind::IbanCountry)
        );
        assert_eq!(
            check("US64 SVBK US6S 3300 9673 8637"),
            Err(ErrorKind::IbanCountry)
        );
        assert_eq!(check("F"), Err(ErrorKind::IbanCountry));
        assert_eq!(check("1234"), Err(ErrorKind::IbanCountry));
        // Letters where digits belong: O for 0 in a German account, in a
        // French bank code, in the check digits.
        assert_eq!(
            check("DE89 3704 0044 0532 0130 O0"),
            Err(ErrorKind::IbanCharacters)
        );
        assert_eq!(
            check("FR76 3OOO 6000 0112 3456 7890 189"),
            Err(ErrorKind::IbanCharacters)
        );
        assert_eq!(
            check("FR7O 3000 6000 0112 3456 7890 189"),
            Err(ErrorKind::IbanCharacters)
        );
        assert_eq!(
            check("FR76 3000 6000 0112 3456 7890 18*"),
            Err(ErrorKind::IbanCharacters)
        );
        assert_eq!(
            check("FR76 3000 6000 0112 3456 7890 18é"),
            Err(ErrorKind::IbanCharacters)
        );
    }

    #[test]
    fn correcting_check_digits() {
        assert_eq!(
            with_correct_check_digits("FR0030006000011234567890189").as_deref(),
            Some(SAMPLE)
        );
        assert_eq!(
            with_correct_check_digits("DE00370400440532013000").as_deref(),
            Some("DE89370400440532013000")
        );
        assert_eq!(with_correct_check_digits("F"), None);
    }
}
