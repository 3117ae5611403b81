//! The numéro de sécurité sociale (NIR, « numéro INSEE »): sex, year and
//! month of birth, department, commune, order number, then a 2-digit key
//! equal to 97 − (number mod 97), with Corsica's 2A and 2B counted as 19 and
//! 18. The key catches any single wrong digit and any swap of two neighbours.

use super::{ErrorKind, strip_separators};

/// A valid NIR (woman born in October 1995 abroad), as the solver types it.
pub(super) const SAMPLE: &str = "295109912611193";

pub(super) fn check(input: &str) -> Result<String, ErrorKind> {
    let chars: Vec<char> = strip_separators(input)
        .chars()
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let letters = chars.iter().filter(|c| !c.is_ascii_digit()).count();
    if letters > 1
        || chars
            .iter()
            .any(|c| !c.is_ascii_digit() && !matches!(c, 'A' | 'B'))
    {
        return Err(ErrorKind::NirCharacters);
    }
    if chars.len() != 15 {
        return Err(ErrorKind::NirLength);
    }
    // The only letter allowed is the A or B of Corsica's department, 2A/2B.
    let corsica = matches!(chars.get(5..7), Some(['2', 'A' | 'B']));
    if letters == 1 && !corsica {
        return Err(ErrorKind::NirCharacters);
    }
    match chars.first() {
        Some('1' | '2') => {}
        Some('7' | '8') => return Err(ErrorKind::NirTemporary),
        _ => return Err(ErrorKind::NirSex),
    }
    let month = number(chars.get(3..5)).ok_or(ErrorKind::NirCharacters)?;
    if !matches!(month, 1..=12 | 20..=42 | 50..=99) {
        return Err(ErrorKind::NirMonth);
    }
    let body = number_with_corsica(chars.get(..13)).ok_or(ErrorKind::NirCharacters)?;
    let key = number(chars.get(13..15)).ok_or(ErrorKind::NirCharacters)?;
    if key != 97 - body % 97 {
        return Err(ErrorKind::NirKey);
    }
    Ok(chars.into_iter().collect())
}

/// The value of a run of digits; `None` if a non-digit slipped in.
fn number(digits: Option<&[char]>) -> Option<u64> {
    digits?.iter().try_fold(0_u64, |acc, c| {
        acc.checked_mul(10)?.checked_add(u64::from(c.to_digit(10)?))
    })
}

/// The 13-digit body as a number, with 2A read as 19 and 2B as 18, as the
/// key computation prescribes.
fn number_with_corsica(body: Option<&[char]>) -> Option<u64> {
    let body = body?;
    let replaced: Vec<char> = match body.get(5..7) {
        Some(['2', 'A']) => body
            .iter()
            .take(5)
            .chain(&['1', '9'])
            .chain(body.iter().skip(7))
            .copied()
            .collect(),
        Some(['2', 'B']) => body
            .iter()
            .take(5)
            .chain(&['1', '8'])
            .chain(body.iter().skip(7))
            .copied()
            .collect(),
        _ => body.to_vec(),
    };
    number(Some(&replaced))
}

/// "2 95 10 99 126 111 93", the grouping printed on the carte Vitale.
pub(super) fn display(normalised: &str) -> String {
    const GROUPS: [usize; 7] = [1, 2, 2, 2, 3, 3, 2];
    let chars: Vec<char> = normalised.chars().collect();
    if chars.len() != 15 {
        return normalised.to_string();
    }
    let mut out = String::new();
    let mut rest = chars.as_slice();
    for size in GROUPS {
        let (group, tail) = rest.split_at(size.min(rest.len()));
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(group);
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key computed independently of `check`, to verify test data.
    fn key_of(body: &str) -> u64 {
        let n: u64 = body
            .replace("2A", "19")
            .replace("2B", "18")
            .parse()
            .expect("13 digits");
        97 - n % 97
    }

    #[test]
    fn real_examples_are_accepted() {
        for (typed, normalised) in [
            ("2 95 10 99 126 111 93", "295109912611193"),
            ("295109912611193", "295109912611193"),
            ("2.95.10.99.126.111.93", "295109912611193"),
            ("2-95-10-99-126-111-93", "295109912611193"),
            ("2 53 07 2B 073 004 70", "253072B07300470"),
            ("2 53 07 2b 073 004 70", "253072B07300470"),
            ("1 84 12 76 451 089 46", "184127645108946"),
            ("1 78 04 2A 012 345 18", "178042A01234518"),
            ("1 78 04 19 012 345 18", "178041901234518"),
            ("1 99 20 99 123 456 46", "199209912345646"),
        ] {
            let body: String = normalised.chars().take(13).collect();
            let key: u64 = normalised
                .get(13..)
                .and_then(|k| k.parse().ok())
                .expect("key");
            assert_eq!(key_of(&body), key, "test data {typed}");
            assert_eq!(check(typed), Ok(normalised.to_string()), "{typed}");
        }
        assert_eq!(check(SAMPLE), Ok(SAMPLE.to_string()));
    }

    #[test]
    fn typos_break_the_key() {
        assert_eq!(check("2 95 10 99 126 111 94"), Err(ErrorKind::NirKey));
        assert_eq!(check("2 95 10 99 126 112 93"), Err(ErrorKind::NirKey));
        assert_eq!(check("2 95 10 99 162 111 93"), Err(ErrorKind::NirKey));
        assert_eq!(check("2 59 10 99 126 111 93"), Err(ErrorKind::NirKey));
        assert_eq!(check("2 95 10 99 126 111 39"), Err(ErrorKind::NirKey));
        // Corsica typed with the wrong letter.
        assert_eq!(check("2 53 07 2A 073 004 70"), Err(ErrorKind::NirKey));
        // Every single-digit change and every swap of neighbours is caught.
        let digits: Vec<char> = "184127645108946".chars().collect();
        for i in 0..15 {
            for d in '0'..='9' {
                let mut v = digits.clone();
                if v[i] == d {
                    continue;
                }
                v[i] = d;
                assert!(check(&v.iter().collect::<String>()).is_err());
            }
            if i < 14 && digits[i] != digits[i + 1] {
                let mut v = digits.clone();
                v.swap(i, i + 1);
                assert!(check(&v.iter().collect::<String>()).is_err());
            }
        }
    }

    #[test]
    fn structural_mistakes() {
        assert_eq!(check("2 95 10 99 126 111 9"), Err(ErrorKind::NirLength));
        assert_eq!(check("2 95 10 99 126 111 933"), Err(ErrorKind::NirLength));
        assert_eq!(check("2 95 10 99 126 111"), Err(ErrorKind::NirLength));
        assert_eq!(
            check("2 95 10 99 126 1l1 93"),
            Err(ErrorKind::NirCharacters)
        );
        assert_eq!(
            check("2 95 1O 99 126 111 93"),
            Err(ErrorKind::NirCharacters)
        );
        assert_eq!(
            check("2 95 10 99 126 111 9B"),
            Err(ErrorKind::NirCharacters)
        );
        assert_eq!(
            check("2 95 10 3A 126 111 93"),
            Err(ErrorKind::NirCharacters)
        );
        assert_eq!(
            check("2 95 10 2A 12B 111 93"),
            Err(ErrorKind::NirCharacters)
        );
        assert_eq!(
            check("2/95/10/99/126/111/93"),
            Err(ErrorKind::NirCharacters)
        );
        assert_eq!(check("numéro"), Err(ErrorKind::NirCharacters));
        assert_eq!(check("7 90 01 99 123 456 77"), Err(ErrorKind::NirTemporary));
        assert_eq!(check("8 90 01 99 123 456 27"), Err(ErrorKind::NirTemporary));
        assert_eq!(check("3 95 10 99 126 111 43"), Err(ErrorKind::NirSex));
        assert_eq!(check("0 95 10 99 126 111 93"), Err(ErrorKind::NirSex));
        assert_eq!(key_of("2950099126111"), 30);
        assert_eq!(check("2 95 00 99 126 111 30"), Err(ErrorKind::NirMonth));
        assert_eq!(key_of("1991399123456"), 31);
        assert_eq!(check("1 99 13 99 123 456 31"), Err(ErrorKind::NirMonth));
        assert_eq!(key_of("1994399123456"), 26);
        assert_eq!(check("1 99 43 99 123 456 26"), Err(ErrorKind::NirMonth));
    }

    #[test]
    fn display_groups_like_the_card() {
        assert_eq!(display("295109912611193"), "2 95 10 99 126 111 93");
        assert_eq!(display("253072B07300470"), "2 53 07 2B 073 004 70");
        assert_eq!(display("2951"), "2951");
        assert_eq!(display(""), "");
    }
}
