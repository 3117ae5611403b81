//! Computing derived facts: the last characters of an IBAN, initials, a
//! deadline some days after a letter's date.

use super::{Compute, Scenario};
use crate::rules::Date;

/// Why a derived fact cannot be computed from its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeriveError {
    /// `Last(0)` or `First(0)`: nothing to take.
    Nothing,
    /// The source has fewer characters (spaces left out) than asked for.
    TooShort {
        /// Characters asked for.
        wanted: u8,
        /// Characters the source has.
        has: usize,
    },
    /// `PlusDays` on a value that is not a `jj/mm/aaaa` date.
    NotADate,
    /// The date falls outside the years 1 to 9999.
    OutOfRange,
}

/// The derived value of `source`.
pub fn compute(source: &str, how: Compute) -> Result<String, DeriveError> {
    let chars: Vec<char> = source.chars().filter(|c| !c.is_whitespace()).collect();
    let take = |n: u8| -> Result<usize, DeriveError> {
        match usize::from(n) {
            0 => Err(DeriveError::Nothing),
            m if m > chars.len() => Err(DeriveError::TooShort {
                wanted: n,
                has: chars.len(),
            }),
            m => Ok(m),
        }
    };
    match how {
        Compute::Last(n) => {
            let n = take(n)?;
            Ok(chars.iter().skip(chars.len().saturating_sub(n)).collect())
        }
        Compute::First(n) => Ok(chars.iter().take(take(n)?).collect()),
        Compute::PlusDays(days) => {
            let date = Date::parse(source.trim()).ok_or(DeriveError::NotADate)?;
            let later = date.plus_days(days).ok_or(DeriveError::OutOfRange)?;
            Ok(later.to_string())
        }
    }
}

/// Every derived fact that can be computed, in order, each from a printed
/// fact or an earlier derived one; those that cannot are left out (the
/// checks report them).
pub(super) fn all(scenario: &Scenario) -> Vec<(String, String)> {
    all_from(scenario, &|id| scenario.printed_fact(id))
}

/// [`all`], with printed facts read by `printed` (those of the documents a
/// run's settings put in the folder).
pub(super) fn all_from<'a>(
    scenario: &'a Scenario,
    printed: &dyn Fn(&str) -> Option<&'a str>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for d in &scenario.persona.derived {
        let source = printed(&d.from).map(str::to_string).or_else(|| {
            out.iter()
                .find(|(id, _)| *id == d.from)
                .map(|(_, v)| v.clone())
        });
        if let Some(value) = source.and_then(|s| compute(&s, d.compute).ok()) {
            out.push((d.id.clone(), value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_and_starts_leave_spaces_out() {
        let iban = "FR76 1450 8000 6004 7158 3927 115";
        assert_eq!(compute(iban, Compute::Last(7)), Ok("3927115".into()));
        assert_eq!(compute("Sandrine", Compute::First(1)), Ok("S".into()));
        assert_eq!(
            compute("MOREL Sandrine", Compute::First(6)),
            Ok("MORELS".into())
        );
        assert_eq!(compute("Ab", Compute::Last(0)), Err(DeriveError::Nothing));
        assert_eq!(
            compute("Ab c", Compute::Last(4)),
            Err(DeriveError::TooShort { wanted: 4, has: 3 })
        );
        assert_eq!(compute("Éloïse", Compute::Last(3)), Ok("ïse".into()));
    }

    #[test]
    fn days_are_added_across_months_and_years() {
        assert_eq!(
            compute("23/11/2026", Compute::PlusDays(30)),
            Ok("23/12/2026".into())
        );
        assert_eq!(
            compute("15/12/2026", Compute::PlusDays(30)),
            Ok("14/01/2027".into())
        );
        assert_eq!(
            compute("01/03/2028", Compute::PlusDays(-1)),
            Ok("29/02/2028".into())
        );
        assert_eq!(
            compute("le 3 mars", Compute::PlusDays(1)),
            Err(DeriveError::NotADate)
        );
        assert_eq!(
            compute("31/12/9999", Compute::PlusDays(1)),
            Err(DeriveError::OutOfRange)
        );
        assert_eq!(
            compute("01/01/2000", Compute::PlusDays(i32::MAX)),
            Err(DeriveError::OutOfRange)
        );
    }
}
