//! French phone numbers: ten digits starting with 0 and a non-zero digit
//! (01–05 landlines by region, 06–07 mobiles, 08 special, 09 internet
//! boxes), or the international form +33 / 0033 without the leading 0.
//! People type them with spaces, dots or dashes, and often write the
//! international form as `+33 (0)6…`; all are accepted and stored in the
//! usual `0X XX XX XX XX` layout.

use super::ErrorKind;

pub(super) fn check(input: &str) -> Result<String, ErrorKind> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '/'))
        .collect();
    let national = if let Some(rest) = compact
        .strip_prefix("+33")
        .or_else(|| compact.strip_prefix("0033"))
    {
        // "+33 (0)6…" and the common slip "+33 06…" both keep a stray 0.
        let rest = rest.strip_prefix("(0)").unwrap_or(rest);
        let rest = if rest.len() == 10 {
            rest.strip_prefix('0').unwrap_or(rest)
        } else {
            rest
        };
        format!("0{rest}")
    } else {
        compact
    };
    let digits: Vec<char> = national.chars().collect();
    let well_formed = digits.len() == 10
        && digits.iter().all(char::is_ascii_digit)
        && digits.first() == Some(&'0')
        && digits.get(1).is_some_and(|c| *c != '0');
    if !well_formed {
        return Err(ErrorKind::Phone);
    }
    let mut out = String::with_capacity(14);
    for (i, pair) in digits.chunks(2).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(pair);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms() {
        for typed in [
            "0612345678",
            "06 12 34 56 78",
            "06.12.34.56.78",
            "06-12-34-56-78",
            "+33612345678",
            "+33 6 12 34 56 78",
            "+33 (0)6 12 34 56 78",
            "+33 06 12 34 56 78",
            "0033 6 12 34 56 78",
        ] {
            assert_eq!(check(typed), Ok("06 12 34 56 78".into()), "{typed}");
        }
        assert_eq!(check("01 23 45 67 89"), Ok("01 23 45 67 89".into()));
        assert_eq!(check("09.87.65.43.21"), Ok("09 87 65 43 21".into()));
    }

    #[test]
    fn refused() {
        for bad in [
            "061234567",
            "06123456789",
            "0012345678",
            "6 12 34 56 78",
            "+44 20 7946 0958",
            "+32 470 12 34 56",
            "+33 0 12 34 56 78",
            "+3361234567",
            "06 12 34 56 7A",
            "06 12 34 56 78 (domicile)",
            "+",
        ] {
            assert_eq!(check(bad), Err(ErrorKind::Phone), "{bad}");
        }
    }
}
