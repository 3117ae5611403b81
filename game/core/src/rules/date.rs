//! Dates as French forms take them: `jj/mm/aaaa`, real calendar days only,
//! and ages counted in full years as the administration does.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::ErrorKind;

/// A calendar date. Kept as plain numbers rather than a date library so the
/// core stays dependency-free and deterministic; the game never needs times.
/// Serialises as the string `"dd/mm/yyyy"`, the way scenario authors write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2024.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// Builds a date only if it exists in the calendar, so that a `Date`
    /// value can be trusted everywhere else (31/02 is refused, 29/02 only in
    /// leap years). Years run from 1 to 9999: those a form can show in four
    /// digits, so that every date written out reads back the same.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let exists = (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        exists.then_some(Date { year, month, day })
    }

    /// Reads `dd/mm/yyyy` as people type it: one or two digits for day and
    /// month, four for the year, `/`, `-`, `.` or spaces as separators.
    pub fn parse(s: &str) -> Option<Date> {
        let (year, month, day) = parse_parts(s)?;
        Date::new(year, month, day)
    }

    /// The calendar date `days` after 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`): callers that read a clock turn its seconds into
    /// a day with this, so the core itself never reads one. Out-of-range
    /// days give 1970-01-01 rather than a panic.
    pub fn from_unix_days(days: i64) -> Date {
        let fallback = Date {
            year: 1970,
            month: 1,
            day: 1,
        };
        let Some(z) = days.checked_add(719_468) else {
            return fallback;
        };
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = era
            .checked_mul(400)
            .and_then(|y| y.checked_add(yoe + i64::from(month <= 2)));
        match (
            year.and_then(|y| i32::try_from(y).ok()),
            u8::try_from(month),
            u8::try_from(day),
        ) {
            (Some(y), Ok(m), Ok(d)) => Date::new(y, m, d).unwrap_or(fallback),
            _ => fallback,
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), the
    /// inverse of [`Date::from_unix_days`].
    pub fn unix_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` later (earlier when negative); `None` outside the years 1 to 9999.
    pub fn plus_days(self, days: i32) -> Option<Date> {
        let target = self.unix_days().checked_add(i64::from(days))?;
        let date = Date::from_unix_days(target);
        (date.unix_days() == target).then_some(date)
    }

    /// Full years between `self` and `later`: the age on `later` of someone
    /// born on `self`. Someone born on 29 February comes of age on 1 March in
    /// common years. Negative if `later` is before `self`.
    pub fn years_between(self, later: Date) -> i32 {
        let years = later.year.saturating_sub(self.year);
        if (later.month, later.day) < (self.month, self.day) {
            years.saturating_sub(1)
        } else {
            years
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The start of the error a scenario's date not written dd/mm/yyyy gives; the
/// loader recognises it and says it in the trainer's language.
pub(crate) const NOT_DD_MM_YYYY: &str = "not a date written dd/mm/yyyy: ";

/// The start of the error a date that is not in the calendar (31/02) gives.
pub(crate) const NOT_IN_CALENDAR: &str = "not a date of the calendar: ";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written \"dd/mm/yyyy\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
                match parse_parts(s) {
                    None => Err(E::custom(format!("{NOT_DD_MM_YYYY}{s}"))),
                    Some((y, m, d)) => {
                        Date::new(y, m, d).ok_or_else(|| E::custom(format!("{NOT_IN_CALENDAR}{s}")))
                    }
                }
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

fn is_leap(year: i32) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Splits the typed text into (year, month, day) numbers without checking
/// the calendar, so that "31/02/2024" (a real mistake) can be told apart from
/// "le 3 mars" (not a date at all).
fn parse_parts(s: &str) -> Option<(i32, u8, u8)> {
    let mut parts = s
        .trim()
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.'))
        .filter(|p| !p.is_empty());
    let day = parts.next()?;
    let month = parts.next()?;
    let year = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    let digits = |p: &str, min: usize, max: usize| {
        (min..=max).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit())
    };
    if !digits(day, 1, 2) || !digits(month, 1, 2) || !digits(year, 4, 4) {
        return None;
    }
    Some((year.parse().ok()?, month.parse().ok()?, day.parse().ok()?))
}

pub(super) fn check(
    input: &str,
    today: Date,
    not_future: bool,
    min_age: Option<u8>,
    max_age: Option<u8>,
) -> Result<String, ErrorKind> {
    let (y, m, d) = parse_parts(input).ok_or(ErrorKind::DateFormat)?;
    let date = Date::new(y, m, d).ok_or(ErrorKind::DateInvalid)?;
    if not_future && date > today {
        return Err(ErrorKind::DateFuture);
    }
    let age = date.years_between(today);
    if let Some(min_age) = min_age
        && age < i32::from(min_age)
    {
        return Err(ErrorKind::TooYoung { min_age });
    }
    if let Some(max_age) = max_age
        && age > i32::from(max_age)
    {
        return Err(ErrorKind::TooOld { max_age });
    }
    Ok(date.to_string())
}

/// The first day of today's month, `age` years ago: always in the past and
/// exactly `age` full years old today.
pub(super) fn sample(today: Date, min_age: Option<u8>, max_age: Option<u8>) -> Date {
    let age = match (min_age, max_age) {
        (Some(min), Some(max)) => min.saturating_add(5).min(max).max(min),
        (Some(min), None) => min.saturating_add(5),
        (None, Some(max)) => max.min(30),
        (None, None) => 30,
    };
    let year = today.year.checked_sub(i32::from(age)).unwrap_or(today.year);
    Date::new(year, today.month, 1).unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date {
            year: y,
            month: m,
            day,
        }
    }
    const TODAY: Date = Date {
        year: 2025,
        month: 3,
        day: 15,
    };

    #[test]
    fn calendar() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2024, 4, 31).is_none());
        assert!(Date::new(2024, 13, 1).is_none());
        assert!(Date::new(2024, 0, 1).is_none());
        assert!(Date::new(2024, 1, 0).is_none());
        assert!(Date::new(2024, 12, 31).is_some());
        assert!(Date::new(0, 1, 1).is_none());
        assert!(Date::new(10_000, 1, 1).is_none());
        assert_eq!(
            Date::parse("01/01/0001").map(|d| d.to_string()).as_deref(),
            Some("01/01/0001")
        );
    }

    #[test]
    fn parse_forms() {
        let expected = Some(d(1990, 7, 4));
        for s in [
            "04/07/1990",
            "4/7/1990",
            "04-07-1990",
            "04.07.1990",
            " 04 07 1990 ",
        ] {
            assert_eq!(Date::parse(s), expected, "{s}");
        }
        for s in [
            "",
            "04/07/90",
            "1990/07/04",
            "04/07",
            "04/07/1990/1",
            "le 4 juillet",
            "4/7/199O",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        assert_eq!(Date::parse("31/02/2024"), None);
        assert_eq!(d(1990, 7, 4).to_string(), "04/07/1990");
    }

    #[test]
    fn ages() {
        assert_eq!(d(2007, 3, 15).years_between(TODAY), 18);
        assert_eq!(d(2007, 3, 16).years_between(TODAY), 17);
        assert_eq!(d(2004, 2, 29).years_between(d(2022, 2, 28)), 17);
        assert_eq!(d(2004, 2, 29).years_between(d(2022, 3, 1)), 18);
        assert_eq!(d(2026, 1, 1).years_between(TODAY), -1);
        assert_eq!(d(i32::MIN, 1, 1).years_between(d(i32::MAX, 1, 1)), i32::MAX);
    }

    #[test]
    fn rule() {
        let c = |s: &str, nf, min, max| check(s, TODAY, nf, min, max);
        assert_eq!(c("4/7/1990", false, None, None), Ok("04/07/1990".into()));
        assert_eq!(c("29/02/2024", true, None, None), Ok("29/02/2024".into()));
        assert_eq!(
            c("29/02/2023", false, None, None),
            Err(ErrorKind::DateInvalid)
        );
        assert_eq!(
            c("31/04/2000", false, None, None),
            Err(ErrorKind::DateInvalid)
        );
        assert_eq!(c("04071990", false, None, None), Err(ErrorKind::DateFormat));
        assert_eq!(
            c("16/03/2025", true, None, None),
            Err(ErrorKind::DateFuture)
        );
        assert_eq!(c("15/03/2025", true, None, None), Ok("15/03/2025".into()));
        assert_eq!(c("16/03/2025", false, None, None), Ok("16/03/2025".into()));
        let too_young = Err(ErrorKind::TooYoung { min_age: 18 });
        assert_eq!(c("16/03/2007", true, Some(18), None), too_young);
        assert_eq!(
            c("15/03/2007", true, Some(18), None),
            Ok("15/03/2007".into())
        );
        let too_old = Err(ErrorKind::TooOld { max_age: 25 });
        assert_eq!(c("15/03/1999", true, None, Some(25)), too_old);
        assert_eq!(
            c("16/03/1999", true, None, Some(25)),
            Ok("16/03/1999".into())
        );
    }

    #[test]
    fn samples_respect_constraints() {
        for today in [TODAY, d(2024, 2, 29), d(2025, 12, 31), d(2025, 1, 1)] {
            for (nf, min, max) in [
                (false, None, None),
                (true, None, None),
                (true, Some(18), None),
                (true, Some(18), Some(25)),
                (true, Some(16), Some(16)),
                (true, None, Some(3)),
                (true, Some(0), Some(0)),
                (true, Some(255), None),
            ] {
                let s = sample(today, min, max).to_string();
                assert!(
                    check(&s, today, nf, min, max).is_ok(),
                    "{s} {min:?} {max:?}"
                );
            }
        }
    }

    #[test]
    fn serde_errors_are_clear() {
        #[derive(Deserialize, Serialize, Debug, PartialEq)]
        struct W {
            d: Date,
        }
        let w: W = ron::from_str(r#"(d: "14/07/1990")"#).expect("valid date");
        assert_eq!(w.d, d(1990, 7, 14));
        assert_eq!(
            ron::to_string(&w).expect("serialises"),
            r#"(d:"14/07/1990")"#
        );
        let e = ron::from_str::<W>(r#"(d: "31/02/2024")"#).expect_err("invalid");
        assert!(e.to_string().contains(NOT_IN_CALENDAR), "{e}");
        let e = ron::from_str::<W>(r#"(d: "2024-02-03")"#).expect_err("bad format");
        assert!(e.to_string().contains("dd/mm/yyyy"), "{e}");
    }
}
