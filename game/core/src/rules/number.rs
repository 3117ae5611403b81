//! Whole numbers such as a yearly income in euros. French writing groups
//! thousands with (often non-breaking) spaces, so spaces are accepted
//! anywhere between digits; decimals, dots and currency signs are refused
//! because the forms this mimics ask for whole euros.

use super::ErrorKind;

pub(super) fn check(input: &str, min: Option<i64>, max: Option<i64>) -> Result<String, ErrorKind> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let (negative, digits) = match compact.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, compact.strip_prefix('+').unwrap_or(&compact)),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(ErrorKind::NumberFormat);
    }
    // Parsed as u64 then negated through i128 so that every i64, including
    // i64::MIN, is reachable without overflow; bigger values are refused
    // as out of range when a bound exists.
    let magnitude: Option<u64> = digits.parse().ok();
    let value = magnitude
        .map(|m| {
            if negative {
                -i128::from(m)
            } else {
                i128::from(m)
            }
        })
        .and_then(|v| i64::try_from(v).ok());
    let Some(value) = value else {
        return Err(match (negative, min, max) {
            (true, Some(min), _) => ErrorKind::NumberTooSmall { min },
            (false, _, Some(max)) => ErrorKind::NumberTooLarge { max },
            _ => ErrorKind::NumberFormat,
        });
    };
    if let Some(min) = min
        && value < min
    {
        return Err(ErrorKind::NumberTooSmall { min });
    }
    if let Some(max) = max
        && value > max
    {
        return Err(ErrorKind::NumberTooLarge { max });
    }
    Ok(value.to_string())
}

/// A round value inside the bounds, preferring a plausible yearly income.
pub(super) fn sample(min: Option<i64>, max: Option<i64>) -> i64 {
    let value = 18_000_i64.max(min.unwrap_or(i64::MIN));
    match max {
        Some(max) if value > max => min.map_or(max, |min| min.max(0).min(max).max(min)),
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted() {
        for (typed, value) in [
            ("15000", "15000"),
            ("15 000", "15000"),
            ("15\u{a0}000", "15000"),
            ("15\u{202f}000", "15000"),
            ("1 234 567", "1234567"),
            ("007", "7"),
            ("0", "0"),
            ("-250", "-250"),
            ("+12", "12"),
            ("9223372036854775807", "9223372036854775807"),
            ("-9223372036854775808", "-9223372036854775808"),
        ] {
            assert_eq!(check(typed, None, None), Ok(value.to_string()), "{typed}");
        }
    }

    #[test]
    fn refused() {
        for bad in [
            "15000,50",
            "15.000",
            "15 000 €",
            "quinze mille",
            "-",
            "+",
            "1e6",
            "--5",
            "12-3",
        ] {
            assert_eq!(
                check(bad, None, None),
                Err(ErrorKind::NumberFormat),
                "{bad}"
            );
        }
        assert_eq!(
            check("99999999999999999999", None, None),
            Err(ErrorKind::NumberFormat)
        );
        let too_large = Err(ErrorKind::NumberTooLarge { max: 1_000_000 });
        assert_eq!(
            check("99999999999999999999", Some(0), Some(1_000_000)),
            too_large
        );
        assert_eq!(check("1 000 001", Some(0), Some(1_000_000)), too_large);
        assert_eq!(
            check("1 000 000", Some(0), Some(1_000_000)),
            Ok("1000000".into())
        );
        assert_eq!(
            check("-1", Some(0), None),
            Err(ErrorKind::NumberTooSmall { min: 0 })
        );
        assert_eq!(
            check("-99999999999999999999", Some(0), None),
            Err(ErrorKind::NumberTooSmall { min: 0 })
        );
    }

    #[test]
    fn samples_are_in_range() {
        let bounds = [
            (None, None),
            (Some(0), None),
            (None, Some(100)),
            (Some(0), Some(100)),
            (Some(-50), Some(-10)),
            (Some(50_000), None),
            (Some(5), Some(5)),
            (Some(i64::MIN), Some(i64::MIN)),
            (Some(i64::MAX), None),
        ];
        for (min, max) in bounds {
            let s = sample(min, max);
            assert!(
                check(&s.to_string(), min, max).is_ok(),
                "{min:?} {max:?} -> {s}"
            );
        }
    }
}
