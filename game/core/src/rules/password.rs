//! Password policies as portals announce them: a length and some required
//! character classes. Letters are judged with Unicode case, so `é` counts as
//! lowercase and `É` as uppercase; a special character is anything that is
//! neither a letter nor a digit (spaces included, as ANSSI advice allows).

use super::messages::{chars_fr, classes};
use super::{ErrorKind, PasswordPolicy};
use crate::Lang;

/// Which classes a password contains: (lower, upper, digit, special).
fn classes_present(input: &str) -> (bool, bool, bool, bool) {
    input
        .chars()
        .fold((false, false, false, false), |(l, u, d, s), c| {
            (
                l || c.is_lowercase(),
                u || c.is_uppercase(),
                d || c.is_ascii_digit(),
                s || !c.is_alphanumeric(),
            )
        })
}

pub(super) fn check(policy: &PasswordPolicy, input: &str) -> Result<String, ErrorKind> {
    let length = input.chars().count();
    if length < usize::from(policy.min_length) {
        return Err(ErrorKind::PasswordTooShort {
            min: policy.min_length,
        });
    }
    if let Some(max) = policy.max_length
        && length > usize::from(max)
    {
        return Err(ErrorKind::PasswordTooLong { max });
    }
    let (lower, upper, digit, special) = classes_present(input);
    let missing = ErrorKind::PasswordMissing {
        lower: policy.lower && !lower,
        upper: policy.upper && !upper,
        digit: policy.digit && !digit,
        special: policy.special && !special,
    };
    match missing {
        ErrorKind::PasswordMissing {
            lower: false,
            upper: false,
            digit: false,
            special: false,
        } => Ok(input.to_string()),
        missing => Err(missing),
    }
}

/// For the password checklist real portals show while typing: each rule of
/// the policy with whether `input` already satisfies it, so the player sees
/// progress rather than a single refusal after submitting.
pub fn password_checklist(policy: &PasswordPolicy, input: &str, lang: Lang) -> Vec<(String, bool)> {
    let length = input.chars().count();
    let mut items = Vec::new();
    if policy.min_length > 0 {
        let label = match lang {
            Lang::En => format!(
                "At least {} character{}",
                policy.min_length,
                if policy.min_length > 1 { "s" } else { "" }
            ),
            Lang::Fr | Lang::Falc => format!("{} minimum", chars_fr(policy.min_length)),
        };
        items.push((label, length >= usize::from(policy.min_length)));
    }
    if let Some(max) = policy.max_length {
        let label = match lang {
            Lang::En => format!("At most {max} character{}", if max > 1 { "s" } else { "" }),
            Lang::Fr | Lang::Falc => format!("{} maximum", chars_fr(max)),
        };
        items.push((label, length <= usize::from(max)));
    }
    let (lower, upper, digit, special) = classes_present(input);
    let wanted = [
        (policy.lower, lower),
        (policy.upper, upper),
        (policy.digit, digit),
        (policy.special, special),
    ];
    let labels = classes(
        policy.lower,
        policy.upper,
        policy.digit,
        policy.special,
        lang,
    );
    let satisfied = wanted
        .iter()
        .filter(|(required, _)| *required)
        .map(|(_, present)| *present);
    items.extend(labels.into_iter().zip(satisfied));
    items
}

/// A password meeting the policy: one character of each required class,
/// then lowercase filler up to a comfortable length within the bounds.
pub(super) fn sample(policy: &PasswordPolicy) -> String {
    let mut out = String::new();
    for (required, c) in [
        (policy.upper, 'D'),
        (policy.lower, 'd'),
        (policy.special, '-'),
        (policy.digit, '7'),
    ] {
        if required {
            out.push(c);
        }
    }
    let target = usize::from(policy.min_length.max(14));
    let target = policy
        .max_length
        .map_or(target, |max| target.min(usize::from(max)));
    let target = target.max(usize::from(policy.min_length));
    let filler = "edalelabyrinthe".chars().cycle();
    let missing = target.saturating_sub(out.chars().count());
    out.extend(filler.take(missing));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(min_length: u8, max_length: Option<u8>, all: bool) -> PasswordPolicy {
        PasswordPolicy {
            min_length,
            max_length,
            lower: all,
            upper: all,
            digit: all,
            special: all,
        }
    }

    #[test]
    fn rule() {
        let strict = policy(12, Some(20), true);
        assert_eq!(
            check(&strict, "Labyrinthe-2024"),
            Ok("Labyrinthe-2024".into())
        );
        assert_eq!(check(&strict, "Élévation 42"), Ok("Élévation 42".into()));
        assert_eq!(
            check(&strict, "Laby-2024"),
            Err(ErrorKind::PasswordTooShort { min: 12 })
        );
        assert_eq!(
            check(&strict, "Labyrinthe-2024-Labyrinthe"),
            Err(ErrorKind::PasswordTooLong { max: 20 })
        );
        let missing = |lower, upper, digit, special| {
            Err(ErrorKind::PasswordMissing {
                lower,
                upper,
                digit,
                special,
            })
        };
        assert_eq!(
            check(&strict, "labyrinthe-2024"),
            missing(false, true, false, false)
        );
        assert_eq!(
            check(&strict, "LABYRINTHE2024"),
            missing(true, false, false, true)
        );
        assert_eq!(
            check(&strict, "motdepasselong"),
            missing(false, true, true, true)
        );
        assert_eq!(
            check(&policy(8, None, false), "motdepasse"),
            Ok("motdepasse".into())
        );
        // Length counts characters, not bytes.
        assert_eq!(check(&policy(4, Some(4), false), "éééé"), Ok("éééé".into()));
    }

    #[test]
    fn checklist() {
        let p = PasswordPolicy {
            min_length: 12,
            max_length: None,
            lower: true,
            upper: true,
            digit: true,
            special: false,
        };
        let list = password_checklist(&p, "labyrinthe2024", Lang::Fr);
        let expected = [
            ("12 caractères minimum", true),
            ("une minuscule", true),
            ("une majuscule", false),
            ("un chiffre", true),
        ];
        let expected: Vec<(String, bool)> = expected
            .iter()
            .map(|(l, b)| ((*l).to_string(), *b))
            .collect();
        assert_eq!(list, expected);
        let en = password_checklist(&policy(8, Some(64), true), "Ab1!", Lang::En);
        let labels: Vec<&str> = en.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels[..2],
            ["At least 8 characters", "At most 64 characters"]
        );
        assert_eq!(
            en.iter().map(|(_, ok)| *ok).collect::<Vec<_>>(),
            [false, true, true, true, true, true]
        );
        assert!(password_checklist(&policy(0, None, false), "", Lang::Fr).is_empty());
    }

    #[test]
    fn samples_satisfy_their_policy() {
        for min in [0_u8, 1, 4, 8, 12, 14, 20, 64, 255] {
            for max in [None, Some(min), Some(min.saturating_add(10))] {
                for all in [false, true] {
                    let p = policy(min, max, all);
                    if all && max.is_some_and(|m| m < 4) {
                        continue; // four classes cannot fit in fewer characters
                    }
                    let s = sample(&p);
                    assert_eq!(check(&p, &s), Ok(s.clone()), "{p:?}");
                }
            }
        }
    }
}
