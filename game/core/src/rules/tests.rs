//! Tests across rules: scenario spellings in RON, samples, and robustness
//! against arbitrary input.

use super::*;
use crate::Lang;

const TODAY: Date = Date {
    year: 2025,
    month: 3,
    day: 15,
};

fn kinds() -> Vec<FieldKind> {
    let strict = PasswordPolicy {
        min_length: 12,
        max_length: Some(64),
        lower: true,
        upper: true,
        digit: true,
        special: true,
    };
    vec![
        FieldKind::Text,
        FieldKind::Email,
        FieldKind::Phone,
        FieldKind::PostalCode,
        FieldKind::Date {
            not_future: false,
            min_age: None,
            max_age: None,
        },
        FieldKind::Date {
            not_future: true,
            min_age: Some(18),
            max_age: None,
        },
        FieldKind::Date {
            not_future: true,
            min_age: Some(16),
            max_age: Some(25),
        },
        FieldKind::Nir,
        FieldKind::Iban,
        FieldKind::Caf,
        FieldKind::TaxNumber,
        FieldKind::Number {
            min: None,
            max: None,
        },
        FieldKind::Number {
            min: Some(0),
            max: Some(1_000_000),
        },
        FieldKind::Password(strict),
        FieldKind::Password(PasswordPolicy {
            min_length: 8,
            max_length: None,
            lower: false,
            upper: false,
            digit: false,
            special: false,
        }),
    ]
}

fn ron(s: &str) -> Result<FieldKind, ron::error::SpannedError> {
    ron::from_str(s)
}

fn ron_implicit_some(s: &str) -> Result<FieldKind, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(s)
}

#[test]
fn ron_spellings() {
    let date = |not_future, min_age, max_age| FieldKind::Date {
        not_future,
        min_age,
        max_age,
    };
    assert_eq!(ron("Nir").ok(), Some(FieldKind::Nir));
    assert_eq!(ron("TaxNumber").ok(), Some(FieldKind::TaxNumber));
    assert_eq!(
        ron("Date(not_future: true, min_age: Some(18))").ok(),
        Some(date(true, Some(18), None))
    );
    assert_eq!(
        ron("Date(max_age: Some(25))").ok(),
        Some(date(false, None, Some(25)))
    );
    assert_eq!(ron("Date()").ok(), Some(date(false, None, None)));
    assert_eq!(
        ron("Number(min: Some(0))").ok(),
        Some(FieldKind::Number {
            min: Some(0),
            max: None
        })
    );
    assert_eq!(
        ron("Number()").ok(),
        Some(FieldKind::Number {
            min: None,
            max: None
        })
    );
    let password = FieldKind::Password(PasswordPolicy {
        min_length: 12,
        max_length: None,
        lower: false,
        upper: true,
        digit: false,
        special: false,
    });
    assert_eq!(
        ron("Password((min_length: 12, upper: true))").ok(),
        Some(password)
    );
    // Refused: a bare struct variant, a bare number without IMPLICIT_SOME,
    // unknown fields (typos), a policy without its minimum length.
    assert!(ron("Date").is_err());
    assert!(ron("Date(min_age: 18)").is_err());
    assert!(ron("Date(min_ages: Some(18))").is_err());
    assert!(ron("Password((min_length: 12, uper: true))").is_err());
    assert!(ron("Password((upper: true))").is_err());
    assert!(ron("Password(min_length: 12)").is_err());
}

#[test]
fn ron_with_implicit_some() {
    let date = FieldKind::Date {
        not_future: true,
        min_age: Some(18),
        max_age: None,
    };
    assert_eq!(
        ron_implicit_some("Date(not_future: true, min_age: 18)").ok(),
        Some(date.clone())
    );
    assert_eq!(
        ron_implicit_some("Date(not_future: true, min_age: Some(18))").ok(),
        Some(date)
    );
    assert_eq!(
        ron_implicit_some("Number(max: 100)").ok(),
        Some(FieldKind::Number {
            min: None,
            max: Some(100)
        })
    );
}

#[test]
fn ron_with_unwrap_variant_newtypes() {
    let parsed: Result<FieldKind, _> = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
        .from_str("Password(min_length: 12, upper: true)");
    let policy = PasswordPolicy {
        min_length: 12,
        max_length: None,
        lower: false,
        upper: true,
        digit: false,
        special: false,
    };
    assert_eq!(parsed.ok(), Some(FieldKind::Password(policy)));
}

#[test]
fn ron_round_trip() {
    for kind in kinds() {
        let text = ron::to_string(&kind).expect("serialises");
        assert_eq!(ron(&text).ok(), Some(kind), "{text}");
    }
}

#[test]
fn samples_pass_their_own_check() {
    for today in [
        TODAY,
        Date {
            year: 2024,
            month: 2,
            day: 29,
        },
        Date {
            year: 2025,
            month: 12,
            day: 31,
        },
    ] {
        for kind in kinds() {
            let s = sample(&kind, today);
            let checked = check(&kind, &s, today);
            assert_eq!(
                checked.as_deref(),
                Ok(s.as_str()),
                "{kind:?}: sample is already normalised"
            );
        }
    }
}

#[test]
fn empty_is_required_for_every_kind() {
    for kind in kinds() {
        for empty in ["", "   ", "\u{a0}"] {
            assert_eq!(
                check(&kind, empty, TODAY),
                Err(ErrorKind::Required),
                "{kind:?}"
            );
        }
    }
}

#[test]
fn display_forms() {
    assert_eq!(
        display(&FieldKind::Iban, "FR7630006000011234567890189"),
        "FR76 3000 6000 0112 3456 7890 189"
    );
    assert_eq!(
        display(&FieldKind::Nir, "295109912611193"),
        "2 95 10 99 126 111 93"
    );
    assert_eq!(display(&FieldKind::Caf, "2468013"), "2468013");
    assert_eq!(display(&FieldKind::Nir, "2951"), "2951");
    // Displaying then checking again gives back the normalised value.
    for kind in kinds() {
        let s = sample(&kind, TODAY);
        assert_eq!(check(&kind, &display(&kind, &s), TODAY), Ok(s), "{kind:?}");
    }
}

#[test]
fn normalisation_through_check() {
    assert_eq!(
        check(&FieldKind::Nir, "2 95 10 99 126 111 93", TODAY),
        Ok("295109912611193".into())
    );
    assert_eq!(
        check(&FieldKind::Iban, "fr76 3000 6000 0112 3456 7890 189", TODAY),
        Ok("FR7630006000011234567890189".into())
    );
    assert_eq!(
        check(&FieldKind::Phone, "+33 6 12 34 56 78", TODAY),
        Ok("06 12 34 56 78".into())
    );
    let date = FieldKind::Date {
        not_future: true,
        min_age: None,
        max_age: None,
    };
    assert_eq!(check(&date, " 4/7/1990 ", TODAY), Ok("04/07/1990".into()));
    assert_eq!(
        check(&FieldKind::Text, "  Camille  ", TODAY),
        Ok("Camille".into())
    );
    let policy = PasswordPolicy {
        min_length: 8,
        max_length: None,
        lower: false,
        upper: false,
        digit: false,
        special: false,
    };
    assert_eq!(
        check(&FieldKind::Password(policy), " secret ", TODAY),
        Ok(" secret ".into())
    );
}

/// Arbitrary strings (a deterministic generator mixing digits, letters,
/// separators, multi-byte and odd characters) never panic, and errors keep
/// a message in every language.
#[test]
fn never_panics() {
    const ALPHABET: &[char] = &[
        '0', '1', '2', '7', '9', 'A', 'B', 'F', 'R', 'a', 'z', ' ', '.', '-', '/', '+', '@', '(',
        ')', 'é', 'ß', '\u{a0}', '\u{202f}', '٣', '𝟘', '\0', '\u{301}', '€',
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let kinds = kinds();
    for _ in 0..4000 {
        let len = usize::try_from(next() % 40).unwrap_or(0);
        let s: String = (0..len)
            .filter_map(|_| ALPHABET.get(usize::try_from(next()).unwrap_or(0) % ALPHABET.len()))
            .collect();
        for kind in &kinds {
            if let Err(e) = check(kind, &s, TODAY) {
                assert!(!e.message(Lang::Fr).is_empty());
            }
            let _ = display(kind, &s);
        }
        let _ = Date::parse(&s);
        let _ = password_checklist(
            &PasswordPolicy {
                min_length: 3,
                max_length: Some(5),
                lower: true,
                upper: true,
                digit: true,
                special: true,
            },
            &s,
            Lang::En,
        );
    }
    for long in ["9".repeat(10_000), "FR".repeat(5_000), "@".repeat(100)] {
        for kind in &kinds {
            let _ = check(kind, &long, TODAY);
        }
    }
}

/// The error returned for a mistyped value never contains that value.
#[test]
fn errors_do_not_leak_input() {
    let mistyped = [
        (FieldKind::Nir, "2 95 10 99 126 111 94"),
        (FieldKind::Iban, "FR76 3000 6000 0112 3456 7890 188"),
        (FieldKind::TaxNumber, "3023217700053"),
    ];
    for (kind, typed) in mistyped {
        let err = check(&kind, typed, TODAY).expect_err("mistyped");
        let serialised = ron::to_string(&err).expect("serialises");
        for fragment in ["9512", "30006", "3023217"] {
            assert!(!serialised.contains(fragment), "{serialised}");
        }
    }
}

#[test]
fn days_since_1970_become_dates() {
    let day = |y, m, d| Date::new(y, m, d).expect("a real date");
    assert_eq!(Date::from_unix_days(0), day(1970, 1, 1));
    assert_eq!(Date::from_unix_days(20_780), day(2026, 11, 23));
    assert_eq!(Date::from_unix_days(11_016), day(2000, 2, 29));
    assert_eq!(Date::from_unix_days(-1), day(1969, 12, 31));
    for extreme in [i64::MIN, i64::MAX, -800_000, 3_000_000] {
        let d = Date::from_unix_days(extreme);
        assert!(Date::new(d.year, d.month, d.day).is_some());
    }
}
