//! The proleptic Gregorian calendar, the Julian Day Number and ISO weekdays.

use std::fmt;
use std::str::FromStr;

use crate::error::{day_problem, month_problem, DateError, ErrorKind};

/// A Julian Day Number: the count of days since 1 January 4713 BC (Julian calendar), the
/// pivot of every conversion. JDN 0 was a Monday.
pub type Jdn = i32;

/// The first Gregorian year a [`GregorianDate`] holds.
pub const MIN_GREGORIAN_YEAR: i32 = 1;
/// The last Gregorian year a [`GregorianDate`] holds.
pub const MAX_GREGORIAN_YEAR: i32 = 9999;

/// Julian Day Number of 0001-01-01 (proleptic Gregorian).
pub const MIN_JDN: Jdn = 1_721_426;
/// Julian Day Number of 9999-12-31.
pub const MAX_JDN: Jdn = 5_373_484;

/// Whether `year` is a Gregorian leap year.
///
/// ```
/// use nass_calendar::is_gregorian_leap_year;
/// assert!(is_gregorian_leap_year(2024) && is_gregorian_leap_year(2000));
/// assert!(!is_gregorian_leap_year(1900) && !is_gregorian_leap_year(2023));
/// ```
pub const fn is_gregorian_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in a Gregorian month (`month` 1–12), or 0 for another month number.
///
/// ```
/// use nass_calendar::gregorian_month_length;
/// assert_eq!(gregorian_month_length(2024, 2), 29);
/// assert_eq!(gregorian_month_length(2023, 2), 28);
/// assert_eq!(gregorian_month_length(2023, 13), 0);
/// ```
pub const fn gregorian_month_length(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_gregorian_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day of the proleptic Gregorian calendar, years 1 to 9999. It cannot hold an invalid
/// date: every constructor checks.
///
/// ```
/// use nass_calendar::{GregorianDate, Weekday};
/// let d = GregorianDate::new(2024, 2, 11)?;
/// assert_eq!(d.jdn(), 2_460_352);
/// assert_eq!(d.weekday(), Weekday::Sunday);
/// assert_eq!(d.to_string(), "2024-02-11");
/// assert_eq!("2024-02-11".parse::<GregorianDate>()?, d);
/// # Ok::<(), nass_calendar::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GregorianDate {
    year: i32,
    month: u8,
    day: u8,
}

impl GregorianDate {
    /// The date `year-month-day`, or an error when there is no such day or the year is
    /// outside 1–9999.
    ///
    /// ```
    /// use nass_calendar::GregorianDate;
    /// assert!(GregorianDate::new(2024, 2, 29).is_ok());
    /// assert_eq!(
    ///     GregorianDate::new(2024, 4, 31).unwrap_err().to_string(),
    ///     "invalid Gregorian date 2024-04-31: April 2024 has 30 days"
    /// );
    /// assert!(GregorianDate::new(10000, 1, 1).unwrap_err().is_out_of_range());
    /// ```
    #[inline]
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        match Self::new_opt(year, month, day) {
            Some(date) => Ok(date),
            None => Err(Self::invalid(year, month, day)),
        }
    }

    /// [`GregorianDate::new`] without building an error: `None` when there is no such day.
    ///
    /// ```
    /// use nass_calendar::GregorianDate;
    /// assert_eq!(GregorianDate::new_opt(2024, 2, 29).map(|d| d.day()), Some(29));
    /// assert_eq!(GregorianDate::new_opt(2023, 2, 29), None);
    /// ```
    #[inline]
    pub const fn new_opt(year: i32, month: u8, day: u8) -> Option<Self> {
        // `gregorian_month_length` is 0 for a month outside 1-12.
        if year >= MIN_GREGORIAN_YEAR
            && year <= MAX_GREGORIAN_YEAR
            && day >= 1
            && day <= gregorian_month_length(year, month)
        {
            Some(GregorianDate { year, month, day })
        } else {
            None
        }
    }

    /// Parses ISO 8601 `YYYY-MM-DD` as [`FromStr`] does, without building an error:
    /// `None` where `parse` fails.
    ///
    /// ```
    /// use nass_calendar::GregorianDate;
    /// assert_eq!(GregorianDate::parse_iso_opt("2024-02-11"), "2024-02-11".parse().ok());
    /// assert_eq!(GregorianDate::parse_iso_opt("2024-02-30"), None);
    /// assert_eq!(GregorianDate::parse_iso_opt("2024-2-11"), None);
    /// ```
    #[inline]
    pub fn parse_iso_opt(s: &str) -> Option<Self> {
        let (year, month, day) = parse_iso_fast(s.as_bytes())?;
        Self::new_opt(year, month, day)
    }

    /// Why `year`, `month`, `day` is no date (out of the line of the common case).
    #[cold]
    #[inline(never)]
    fn invalid(year: i32, month: u8, day: u8) -> DateError {
        if !(MIN_GREGORIAN_YEAR..=MAX_GREGORIAN_YEAR).contains(&year) {
            return DateError::new(ErrorKind::OutOfRange {
                what: format!("Gregorian year {year}"),
                range: "0001-01-01..9999-12-31".into(),
            });
        }
        let problem = month_problem(month).or_else(|| {
            let len = gregorian_month_length(year, month);
            let name = ENGLISH_MONTHS[month as usize - 1];
            day_problem(day, len, format_args!("{name} {year}"))
        });
        DateError::new(ErrorKind::InvalidGregorian {
            what: format!(
                "{year:04}-{month:02}-{day:02}: {}",
                problem.unwrap_or_else(|| "no such day".into())
            ),
        })
    }

    /// The year (1–9999).
    ///
    /// ```
    /// assert_eq!(nass_calendar::GregorianDate::new(2024, 2, 11).unwrap().year(), 2024);
    /// ```
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The month (1–12).
    ///
    /// ```
    /// assert_eq!(nass_calendar::GregorianDate::new(2024, 2, 11).unwrap().month(), 2);
    /// ```
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month (1–31).
    ///
    /// ```
    /// assert_eq!(nass_calendar::GregorianDate::new(2024, 2, 11).unwrap().day(), 11);
    /// ```
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The Julian Day Number of this day.
    ///
    /// ```
    /// use nass_calendar::GregorianDate;
    /// assert_eq!(GregorianDate::new(2000, 1, 1).unwrap().jdn(), 2_451_545);
    /// assert_eq!(GregorianDate::new(622, 7, 19).unwrap().jdn(), 1_948_440);
    /// ```
    #[inline]
    pub const fn jdn(self) -> Jdn {
        // Fliegel and Van Flandern (1968), with the year shifted to start in March so
        // that the leap day is the year's last.
        let a = (14 - self.month as i32) / 12;
        let y = self.year + 4800 - a;
        let m = self.month as i32 + 12 * a - 3;
        self.day as i32 + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    /// The day with Julian Day Number `jdn`, or an error outside 0001-01-01..9999-12-31.
    ///
    /// ```
    /// use nass_calendar::GregorianDate;
    /// assert_eq!(GregorianDate::from_jdn(2_460_352)?.to_string(), "2024-02-11");
    /// assert!(GregorianDate::from_jdn(0).unwrap_err().is_out_of_range());
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn from_jdn(jdn: Jdn) -> Result<Self, DateError> {
        if !(MIN_JDN..=MAX_JDN).contains(&jdn) {
            return Err(DateError::new(ErrorKind::OutOfRange {
                what: format!("Julian day {jdn}"),
                range: format!("{MIN_JDN}..{MAX_JDN} (0001-01-01..9999-12-31)"),
            }));
        }
        Ok(Self::from_jdn_unchecked(jdn))
    }

    /// The inverse of [`GregorianDate::jdn`] for a JDN already known to be in range.
    #[inline]
    pub(crate) const fn from_jdn_unchecked(jdn: Jdn) -> Self {
        // Richards' algorithm (Explanatory Supplement to the Astronomical Almanac, 2013).
        let f = jdn + 1401 + (((4 * jdn + 274_277) / 146_097) * 3) / 4 - 38;
        let e = 4 * f + 3;
        let g = (e % 1461) / 4;
        let h = 5 * g + 2;
        let day = (h % 153) / 5 + 1;
        let month = (h / 153 + 2) % 12 + 1;
        let year = e / 1461 - 4716 + (12 + 2 - month) / 12;
        GregorianDate {
            year,
            month: month as u8,
            day: day as u8,
        }
    }

    /// The ISO weekday.
    ///
    /// ```
    /// use nass_calendar::{GregorianDate, Weekday};
    /// assert_eq!(GregorianDate::new(2021, 6, 5).unwrap().weekday(), Weekday::Saturday);
    /// ```
    pub const fn weekday(self) -> Weekday {
        Weekday::from_jdn(self.jdn())
    }

    /// The next day, if it is still in range.
    ///
    /// ```
    /// use nass_calendar::GregorianDate;
    /// let d = GregorianDate::new(2024, 2, 28).unwrap();
    /// assert_eq!(d.succ().unwrap().to_string(), "2024-02-29");
    /// assert_eq!(GregorianDate::new(9999, 12, 31).unwrap().succ(), None);
    /// ```
    pub fn succ(self) -> Option<Self> {
        Self::from_jdn(self.jdn() + 1).ok()
    }
}

impl GregorianDate {
    /// The date as ISO 8601 `YYYY-MM-DD` in ASCII bytes, without the formatting machinery
    /// (what [`Display`](fmt::Display) writes).
    ///
    /// ```
    /// use nass_calendar::GregorianDate;
    /// assert_eq!(&GregorianDate::new(622, 7, 19)?.iso_bytes(), b"0622-07-19");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    #[inline]
    pub fn iso_bytes(self) -> [u8; 10] {
        // Years 1-9999: always four digits.
        iso_bytes(self.year as u16, self.month, self.day)
    }
}

/// `YYYY-MM-DD` of a year below 10 000, a month and a day below 100.
#[inline]
pub(crate) fn iso_bytes(year: u16, month: u8, day: u8) -> [u8; 10] {
    /// The two ASCII digits of `n % 100`, the first in the low byte.
    const fn two(n: u16) -> u64 {
        let n = n % 100;
        (b'0' as u64 + (n / 10) as u64) | ((b'0' as u64 + (n % 10) as u64) << 8)
    }
    // Built in two machine words, so that the bytes are stored (and copied) whole.
    let head = two(year / 100)
        | (two(year) << 16)
        | ((b'-' as u64) << 32)
        | (two(month as u16) << 40)
        | ((b'-' as u64) << 56);
    let tail = two(day as u16) as u16;
    let mut iso = [0; 10];
    iso[..8].copy_from_slice(&head.to_le_bytes());
    iso[8..].copy_from_slice(&tail.to_le_bytes());
    iso
}

/// Writes ISO bytes (ASCII) to a formatter.
pub(crate) fn write_iso(f: &mut fmt::Formatter<'_>, iso: [u8; 10]) -> fmt::Result {
    f.write_str(std::str::from_utf8(&iso).map_err(|_| fmt::Error)?)
}

impl fmt::Display for GregorianDate {
    /// ISO 8601: `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_iso(f, self.iso_bytes())
    }
}

/// Parses `YYYY-MM-DD` with ASCII digits: four digits of year, two of month, two of day.
/// The numbers are returned unchecked; the offset in an error is the byte at fault.
#[inline]
pub(crate) fn parse_iso(s: &str) -> Result<(i32, u8, u8), DateError> {
    match parse_iso_fast(s.as_bytes()) {
        Some(ymd) => Ok(ymd),
        None => parse_iso_slow(s),
    }
}

/// `YYYY-MM-DD` exactly, or `None`.
#[inline]
pub(crate) fn parse_iso_fast(b: &[u8]) -> Option<(i32, u8, u8)> {
    let b: &[u8; 10] = b.try_into().ok()?;
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let d = |i: usize| {
        let v = b[i].wrapping_sub(b'0');
        (v < 10).then_some(v)
    };
    let year = u16::from(d(0)?) * 1000 + u16::from(d(1)?) * 100 + u16::from(d(2)?) * 10;
    let year = year + u16::from(d(3)?);
    let month = d(5)? * 10 + d(6)?;
    let day = d(8)? * 10 + d(9)?;
    Some((i32::from(year), month, day))
}

/// [`parse_iso`] when the text is not exactly `YYYY-MM-DD`: the byte at fault.
#[cold]
#[inline(never)]
fn parse_iso_slow(s: &str) -> Result<(i32, u8, u8), DateError> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| -> Result<u32, DateError> {
        let mut v = 0u32;
        for i in from..from + n {
            match b.get(i) {
                Some(c) if c.is_ascii_digit() => v = v * 10 + u32::from(c - b'0'),
                Some(_) => {
                    return Err(DateError::syntax(i, "expected an ASCII digit (YYYY-MM-DD)"))
                }
                None => return Err(DateError::syntax(i, "date ends early (YYYY-MM-DD)")),
            }
        }
        Ok(v)
    };
    let dash = |i: usize| -> Result<(), DateError> {
        match b.get(i) {
            Some(b'-') => Ok(()),
            Some(_) => Err(DateError::syntax(i, "expected '-' (YYYY-MM-DD)")),
            None => Err(DateError::syntax(i, "date ends early (YYYY-MM-DD)")),
        }
    };
    let year = digits(0, 4)?;
    dash(4)?;
    let month = digits(5, 2)?;
    dash(7)?;
    let day = digits(8, 2)?;
    if b.len() > 10 {
        return Err(DateError::syntax(10, "unexpected text after the date"));
    }
    Ok((year as i32, month as u8, day as u8))
}

impl FromStr for GregorianDate {
    type Err = DateError;

    /// Parses ISO 8601 `YYYY-MM-DD` (ASCII digits, nothing around it).
    ///
    /// ```
    /// use nass_calendar::GregorianDate;
    /// assert_eq!("0622-07-19".parse::<GregorianDate>()?.jdn(), 1_948_440);
    /// let err = "2024-02-30".parse::<GregorianDate>().unwrap_err();
    /// assert_eq!(err.to_string(), "invalid Gregorian date 2024-02-30: February 2024 has 29 days");
    /// assert_eq!("2024-02-11 ".parse::<GregorianDate>().unwrap_err().offset(), Some(10));
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, DateError> {
        let (y, m, d) = parse_iso(s)?;
        GregorianDate::new(y, m, d)
    }
}

/// A day of the week, numbered as in ISO 8601 (1 = Monday … 7 = Sunday).
///
/// ```
/// use nass_calendar::Weekday;
/// assert_eq!(Weekday::Sunday.iso(), 7);
/// assert_eq!(Weekday::from_iso(5), Some(Weekday::Friday));
/// assert_eq!(Weekday::Friday.arabic(), "الجمعة");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// الإثنين (1).
    Monday = 1,
    /// الثلاثاء (2).
    Tuesday,
    /// الأربعاء (3).
    Wednesday,
    /// الخميس (4).
    Thursday,
    /// الجمعة (5).
    Friday,
    /// السبت (6).
    Saturday,
    /// الأحد (7).
    Sunday,
}

impl Weekday {
    /// The seven days, Monday first.
    ///
    /// ```
    /// assert_eq!(nass_calendar::Weekday::ALL.len(), 7);
    /// ```
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The ISO number, 1 (Monday) to 7 (Sunday).
    ///
    /// ```
    /// assert_eq!(nass_calendar::Weekday::Monday.iso(), 1);
    /// ```
    pub const fn iso(self) -> u8 {
        self as u8
    }

    /// The day with ISO number `n` (1–7).
    ///
    /// ```
    /// assert_eq!(nass_calendar::Weekday::from_iso(0), None);
    /// ```
    pub const fn from_iso(n: u8) -> Option<Weekday> {
        if n >= 1 && n <= 7 {
            Some(Weekday::ALL[n as usize - 1])
        } else {
            None
        }
    }

    /// The weekday of a Julian Day Number (JDN 0 was a Monday).
    ///
    /// ```
    /// use nass_calendar::Weekday;
    /// assert_eq!(Weekday::from_jdn(2_460_352), Weekday::Sunday); // 2024-02-11
    /// ```
    pub const fn from_jdn(jdn: Jdn) -> Weekday {
        Weekday::ALL[jdn.rem_euclid(7) as usize]
    }

    /// The usual Arabic name, with the article and hamza (الإثنين … الأحد).
    ///
    /// ```
    /// assert_eq!(nass_calendar::Weekday::Wednesday.arabic(), "الأربعاء");
    /// ```
    pub const fn arabic(self) -> &'static str {
        match self {
            Weekday::Monday => "الإثنين",
            Weekday::Tuesday => "الثلاثاء",
            Weekday::Wednesday => "الأربعاء",
            Weekday::Thursday => "الخميس",
            Weekday::Friday => "الجمعة",
            Weekday::Saturday => "السبت",
            Weekday::Sunday => "الأحد",
        }
    }
}
