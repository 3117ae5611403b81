//! IBAN length per country, so that a missing or extra character can be
//! reported as such ("27 caractères pour ce pays") instead of as a vague
//! checksum failure. Derived from the SWIFT IBAN registry as embedded in
//! `iban_validate` 5.0.1, whose format table is private; a test checks that
//! both agree.

/// (country code, IBAN length), sorted by country code for binary search.
const LENGTHS: [(&str, u8); 87] = [
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BI", 27),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DJ", 27),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FK", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IQ", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LC", 32),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("LY", 25),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MN", 20),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NI", 28),
    ("NL", 18),
    ("NO", 15),
    ("OM", 23),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("RU", 33),
    ("SA", 24),
    ("SC", 31),
    ("SD", 18),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("SO", 23),
    ("ST", 25),
    ("SV", 28),
    ("TL", 23),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
    ("YE", 30),
];

/// The IBAN length for a country code, `None` if the country has no IBAN
/// in the registry.
pub(super) fn expected_length(country: &str) -> Option<u8> {
    LENGTHS
        .binary_search_by(|(code, _)| (*code).cmp(country))
        .ok()
        .and_then(|i| LENGTHS.get(i))
        .map(|(_, len)| *len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use iban::{Iban, ParseIbanError};

    #[test]
    fn sorted_and_known() {
        assert!(LENGTHS.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, len) in [
            ("FR", 27),
            ("BE", 16),
            ("LU", 20),
            ("DE", 22),
            ("ES", 24),
            ("IT", 27),
        ] {
            assert_eq!(expected_length(code), Some(len), "{code}");
        }
        for (code, len) in [
            ("PT", 25),
            ("RO", 24),
            ("GR", 27),
            ("NL", 18),
            ("MC", 27),
            ("CH", 21),
            ("GB", 22),
        ] {
            assert_eq!(expected_length(code), Some(len), "{code}");
        }
        assert_eq!(expected_length("US"), None);
        assert_eq!(expected_length(""), None);
    }

    /// Every listed country is known to `iban_validate` with that length: an
    /// IBAN of another length is refused for its layout, never as unknown.
    #[test]
    fn agrees_with_iban_validate() {
        for (code, len) in LENGTHS {
            for candidate_len in [len, len + 1] {
                let bban = "0".repeat(usize::from(candidate_len) - 4);
                let result = fix(&format!("{code}00{bban}")).parse::<Iban>();
                if candidate_len == len {
                    assert!(
                        !matches!(result, Err(ParseIbanError::UnknownCountry(_))),
                        "{code}"
                    );
                } else {
                    assert!(
                        matches!(result, Err(ParseIbanError::InvalidBban(_))),
                        "{code} {result:?}"
                    );
                }
            }
        }
        let us = fix("US00SVBKUS6S3300967386").parse::<Iban>();
        assert!(
            matches!(us, Err(ParseIbanError::UnknownCountry(_))),
            "{us:?}"
        );
    }

    /// Puts the right check digits on an IBAN so that only its layout is judged.
    fn fix(iban: &str) -> String {
        let country = &iban[..2];
        let bban = &iban[4..];
        let mut acc: u32 = 0;
        for c in bban.chars().chain(country.chars()).chain("00".chars()) {
            let v = c.to_digit(36).expect("alphanumeric");
            acc = (acc * if v < 10 { 10 } else { 100 } + v) % 97;
        }
        format!("{country}{:02}{bban}", 98 - acc)
    }
}
