//! The numéro fiscal (SPI, « numéro de simplification des procédures
//! d'imposition ») printed on tax returns and notices: 13 digits, the first
//! being 0 to 3, the last three equal to the first ten modulo 511. The check
//! catches any single wrong digit and any swap of two neighbours.

use super::{ErrorKind, strip_separators};

/// A valid numéro fiscal, as the solver types it.
pub(super) const SAMPLE: &str = "3023217600053";

pub(super) fn check(input: &str) -> Result<String, ErrorKind> {
    let digits = strip_separators(input);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(ErrorKind::TaxCharacters);
    }
    if digits.len() != 13 {
        return Err(ErrorKind::TaxLength);
    }
    if !digits.starts_with(['0', '1', '2', '3']) {
        return Err(ErrorKind::TaxFirstDigit);
    }
    let body: u64 = digits
        .get(..10)
        .and_then(|s| s.parse().ok())
        .ok_or(ErrorKind::TaxCharacters)?;
    let key: u64 = digits
        .get(10..)
        .and_then(|s| s.parse().ok())
        .ok_or(ErrorKind::TaxCharacters)?;
    if body % 511 != key {
        return Err(ErrorKind::TaxKey);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers() {
        for (typed, body, key) in [
            ("3023217600053", 3_023_217_600_u64, 53),
            ("30 23 217 600 053", 3_023_217_600, 53),
            ("1234567890066", 1_234_567_890, 66),
            ("2123456789377", 2_123_456_789, 377),
            ("0000000511000", 511, 0),
        ] {
            assert_eq!(body % 511, key, "test data {typed}");
            assert_eq!(check(typed), Ok(typed.replace(' ', "")), "{typed}");
        }
    }

    #[test]
    fn mistakes() {
        // One digit wrong, in the body and in the key.
        assert_eq!(check("3023217700053"), Err(ErrorKind::TaxKey));
        assert_eq!(check("3023217600054"), Err(ErrorKind::TaxKey));
        // Two neighbours swapped.
        assert_eq!(check("3203217600053"), Err(ErrorKind::TaxKey));
        assert_eq!(check("3023127600053"), Err(ErrorKind::TaxKey));
        assert_eq!(check("302321760053"), Err(ErrorKind::TaxLength));
        assert_eq!(check("30232176000530"), Err(ErrorKind::TaxLength));
        assert_eq!(check("4023217600053"), Err(ErrorKind::TaxFirstDigit));
        assert_eq!(check("9023217600053"), Err(ErrorKind::TaxFirstDigit));
        assert_eq!(check("30232176OOO53"), Err(ErrorKind::TaxCharacters));
        assert_eq!(check("3023217600053/"), Err(ErrorKind::TaxCharacters));
        // Every single-digit change and neighbour swap is caught.
        let digits: Vec<char> = SAMPLE.chars().collect();
        for i in 0..digits.len() {
            for d in '0'..='9' {
                let mut v = digits.clone();
                if v[i] != d {
                    v[i] = d;
                    assert!(check(&v.iter().collect::<String>()).is_err());
                }
            }
            if i + 1 < digits.len() && digits[i] != digits[i + 1] {
                let mut v = digits.clone();
                v.swap(i, i + 1);
                assert!(check(&v.iter().collect::<String>()).is_err());
            }
        }
    }
}
