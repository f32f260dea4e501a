//! The crate's error type.

use std::fmt;

/// Why a date could not be built, converted or parsed.
///
/// ```
/// use nass_calendar::{GregorianDate, HijriCalendar, HijriDate};
/// let err = GregorianDate::new(2023, 2, 29).unwrap_err();
/// assert_eq!(err.to_string(), "invalid Gregorian date 2023-02-29: February 2023 has 28 days");
/// let err = HijriDate::from_gregorian(HijriCalendar::UmmAlQura, GregorianDate::new(1900, 1, 1)?).unwrap_err();
/// assert!(err.is_out_of_range());
/// # Ok::<(), nass_calendar::DateError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// A Gregorian year, month or day out of bounds.
    InvalidGregorian { what: String },
    /// A Hijri year, month or day out of bounds for its calendar.
    InvalidHijri { what: String },
    /// A valid date outside the range a calendar supports.
    OutOfRange { what: String, range: String },
    /// Text that does not have the expected shape.
    Syntax { offset: usize, what: String },
    /// A calendar name that is not known.
    UnknownCalendar { name: String },
}

impl DateError {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        DateError { kind }
    }

    pub(crate) fn syntax(offset: usize, what: impl Into<String>) -> Self {
        DateError::new(ErrorKind::Syntax {
            offset,
            what: what.into(),
        })
    }

    /// Whether the date is valid but outside the range its calendar supports (the Umm
    /// al-Qura table, or the years a tabular calendar covers).
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, HijriDate};
    /// assert!(HijriDate::new(HijriCalendar::UmmAlQura, 1342, 12, 1).unwrap_err().is_out_of_range());
    /// assert!(!HijriDate::new(HijriCalendar::UmmAlQura, 1445, 13, 1).unwrap_err().is_out_of_range());
    /// ```
    pub fn is_out_of_range(&self) -> bool {
        matches!(self.kind, ErrorKind::OutOfRange { .. })
    }

    /// For text that could not be parsed, the byte offset of the problem.
    ///
    /// ```
    /// let err = "2024-2-11".parse::<nass_calendar::GregorianDate>().unwrap_err();
    /// assert_eq!(err.offset(), Some(6)); // the month needs two digits
    /// ```
    pub fn offset(&self) -> Option<usize> {
        match self.kind {
            ErrorKind::Syntax { offset, .. } => Some(offset),
            _ => None,
        }
    }
}

/// What is wrong with a month number outside 1–12 (month 0 is named as the problem, not
/// taken for a month of some length), or `None` for a month that exists.
pub(crate) fn month_problem(month: u8) -> Option<String> {
    match month {
        1..=12 => None,
        _ => Some(format!(
            "month {month} does not exist (months count from 1 to 12)"
        )),
    }
}

/// What is wrong with a day number outside `1..=len`, given how the month is called and how
/// long it is (day 0 is named as the problem: "January 2024 has 31 days" would not say
/// what is wrong); `None` for a day that exists.
pub(crate) fn day_problem(day: u8, len: u8, month: fmt::Arguments<'_>) -> Option<String> {
    if day == 0 {
        Some("day 0 does not exist (days count from 1)".into())
    } else if day > len {
        Some(format!("{month} has {len} days"))
    } else {
        None
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidGregorian { what } => write!(f, "invalid Gregorian date {what}"),
            ErrorKind::InvalidHijri { what } => write!(f, "invalid Hijri date {what}"),
            ErrorKind::OutOfRange { what, range } => {
                write!(f, "{what} is outside the supported range {range}")
            }
            ErrorKind::Syntax { offset, what } => write!(f, "at byte {offset}: {what}"),
            ErrorKind::UnknownCalendar { name } => write!(
                f,
                "unknown calendar '{name}' (expected one of: umm-al-qura, islamic-civil, \
                 islamic-tbla, tabular-PATTERN-EPOCH with PATTERN one of 16, 15, ismaili, \
                 habash and EPOCH one of friday, thursday)"
            ),
        }
    }
}

impl std::error::Error for DateError {}
