//! When two values are "the same" for a field: what a player typed and the
//! fact printed in the folder (`must_match`, `Matches`), or a confirmation
//! and the value it repeats (`same_as`). Portals forgive the way a value is
//! written — spaces, dots, dashes, capitals — where the value itself does not
//! change, and this one table says what each kind forgives:
//!
//! | kind | ignored before comparing |
//! |---|---|
//! | `Text` | spaces, dots, dashes, capitals; `’` is `'` |
//! | `Email` | capitals, in the whole address |
//! | `Phone` | the writing: `+33`, `0033`, spaces, dots, dashes, `/` |
//! | `PostalCode` | nothing (five digits) |
//! | `Date` | the writing: `1/3/2001` is `01-03-2001` |
//! | `Nir`, `Iban`, `Caf`, `TaxNumber` | spaces, dots, dashes, capitals |
//! | `Number` | spaces between digits, a `+`, zeros in front |
//! | `Password` | nothing: every character counts, spaces and capitals too |
//! | any kind with `secret: true` | nothing but the spaces around: a hidden value is a secret |
//!
//! A value the kind's rule refuses is compared as `Text` is, so a fact that
//! is not valid for the field still compares sensibly (the checks refuse
//! such facts anyway).

use super::{Date, FieldKind, check, strip_separators};

/// Whether `a` and `b` are the same value for a field of this kind; a
/// `secret` field (a password typed as `Text`) forgives nothing.
pub fn same_value(kind: &FieldKind, secret: bool, a: &str, b: &str, today: Date) -> bool {
    match kind {
        FieldKind::Password(_) => a == b,
        _ if secret => a.trim() == b.trim(),
        _ => comparable(kind, a, today) == comparable(kind, b, today),
    }
}

/// The form of a value that comparisons look at.
fn comparable(kind: &FieldKind, value: &str, today: Date) -> String {
    let normal = check(kind, value, today);
    match (kind, normal) {
        (FieldKind::Email, Ok(n)) => n.to_lowercase(),
        (FieldKind::Text, _) | (_, Err(_)) => loose(value),
        (_, Ok(n)) => n,
    }
}

/// Text without spaces, dots and dashes, in lower case, with one apostrophe.
fn loose(value: &str) -> String {
    strip_separators(value)
        .chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::PasswordPolicy;

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 23,
    };

    fn same(kind: FieldKind, a: &str, b: &str) -> bool {
        same_value(&kind, false, a, b, TODAY)
    }

    #[test]
    fn text_forgives_spaces_dots_dashes_and_capitals() {
        assert!(same(FieldKind::Text, "7105 4028 139", "71054028139"));
        assert!(same(FieldKind::Text, "Sandrine MOREL", "sandrine morel"));
        assert!(same(FieldKind::Text, "Jean-Paul", "jean paul"));
        assert!(same(FieldKind::Text, "l’Église", "L'église"));
        assert!(!same(FieldKind::Text, "Église", "Eglise"));
        assert!(!same(FieldKind::Text, "Morel", "Moreau"));
    }

    #[test]
    fn identifiers_forgive_their_writing() {
        assert!(same(
            FieldKind::Iban,
            "fr76 1450-8000 6004 7158 3927 115",
            "FR76 1450 8000 6004 7158 3927 115"
        ));
        assert!(same(
            FieldKind::Nir,
            "2.79.03.62.193.047.12",
            "279036219304712"
        ));
        assert!(same(FieldKind::Caf, "246 80 13", "2468013"));
        assert!(same(
            FieldKind::Phone,
            "+33 6 12 34 56 78",
            "06.12.34.56.78"
        ));
        assert!(same(
            FieldKind::Number {
                min: None,
                max: None
            },
            "+015 000",
            "15000"
        ));
        assert!(same(
            FieldKind::Date {
                not_future: false,
                min_age: None,
                max_age: None
            },
            "1/3/2001",
            "01-03-2001"
        ));
        assert!(same(
            FieldKind::Email,
            "Awa.Diallo@Courriel.example",
            "awa.diallo@courriel.example"
        ));
        assert!(!same(
            FieldKind::Email,
            "awadiallo@courriel.example",
            "awa.diallo@courriel.example"
        ));
    }

    #[test]
    fn secrets_forgive_nothing_but_the_spaces_around() {
        assert!(same_value(
            &FieldKind::Text,
            true,
            "Goeland-62 ",
            "Goeland-62",
            TODAY
        ));
        assert!(!same_value(
            &FieldKind::Text,
            true,
            "goeland-62",
            "Goeland-62",
            TODAY
        ));
        assert!(!same_value(
            &FieldKind::Text,
            true,
            "Goeland62",
            "Goeland-62",
            TODAY
        ));
    }

    #[test]
    fn passwords_forgive_nothing() {
        let kind = FieldKind::Password(PasswordPolicy {
            min_length: 8,
            max_length: None,
            lower: false,
            upper: false,
            digit: false,
            special: false,
        });
        assert!(same(kind.clone(), "Goeland-62", "Goeland-62"));
        assert!(!same(kind.clone(), "Goeland-62", "goeland-62"));
        assert!(!same(kind.clone(), "Goeland-62", "Goeland-62 "));
        assert!(!same(kind, "Goeland-62", "Goeland62"));
    }
}
