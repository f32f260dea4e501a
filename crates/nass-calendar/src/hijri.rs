//! Hijri calendars: the Umm al-Qura table and the eight tabular (arithmetic) calendars.

use std::fmt;
use std::str::FromStr;

use crate::error::{day_problem, month_problem, DateError, ErrorKind};
use crate::gregorian::{
    iso_bytes, parse_iso, parse_iso_fast, write_iso, GregorianDate, Jdn, Weekday, MAX_JDN, MIN_JDN,
};
use crate::umm_al_qura_table as uq;

/// The last Hijri year of the tabular calendars: every day of years 1–9665 AH falls
/// within the Gregorian years 1–9999 that [`GregorianDate`] holds, for every pattern and
/// epoch.
pub const MAX_TABULAR_YEAR: u16 = 9665;

/// Which years of the 30-year cycle are leap years (355 days, ذو الحجة of 30 days) in a
/// tabular Islamic calendar.
///
/// ```
/// use nass_calendar::LeapPattern;
/// assert_eq!(LeapPattern::Common.leap_years(), [2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29]);
/// assert!(LeapPattern::Fifteen.is_leap_year(1445)); // 1445 = 48 * 30 + 5
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeapPattern {
    /// 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29: the most common pattern (year y is leap
    /// when (14 + 11y) mod 30 < 11); ICU's `islamic-civil` and `islamic-tbla`. Name `16`.
    Common,
    /// 2, 5, 7, 10, 13, 15, 18, 21, 24, 26, 29: as [`LeapPattern::Common`] with 15 for 16
    /// ((15 + 11y) mod 30 < 11). Name `15`.
    Fifteen,
    /// 2, 5, 8, 10, 13, 16, 19, 21, 24, 27, 29: the Ismaili (Fatimid, Dawoodi Bohra)
    /// calendar. Name `ismaili`.
    Ismaili,
    /// 2, 5, 8, 11, 13, 16, 19, 21, 24, 27, 30: a further historical variant (Habash
    /// al-Hasib, al-Biruni). Name `habash`.
    Habash,
}

impl LeapPattern {
    /// The four patterns.
    ///
    /// ```
    /// assert_eq!(nass_calendar::LeapPattern::ALL.len(), 4);
    /// ```
    pub const ALL: [LeapPattern; 4] = [
        LeapPattern::Common,
        LeapPattern::Fifteen,
        LeapPattern::Ismaili,
        LeapPattern::Habash,
    ];

    /// The leap years of the 30-year cycle (1–30).
    ///
    /// ```
    /// assert_eq!(nass_calendar::LeapPattern::Habash.leap_years()[10], 30);
    /// ```
    pub const fn leap_years(self) -> [u8; 11] {
        match self {
            LeapPattern::Common => [2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29],
            LeapPattern::Fifteen => [2, 5, 7, 10, 13, 15, 18, 21, 24, 26, 29],
            LeapPattern::Ismaili => [2, 5, 8, 10, 13, 16, 19, 21, 24, 27, 29],
            LeapPattern::Habash => [2, 5, 8, 11, 13, 16, 19, 21, 24, 27, 30],
        }
    }

    /// The name used in calendar names: `16`, `15`, `ismaili`, `habash`.
    ///
    /// ```
    /// assert_eq!(nass_calendar::LeapPattern::Ismaili.name(), "ismaili");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            LeapPattern::Common => "16",
            LeapPattern::Fifteen => "15",
            LeapPattern::Ismaili => "ismaili",
            LeapPattern::Habash => "habash",
        }
    }

    /// `leaps_before[k]`: how many of the cycle's years 1..=k are leap (k = 0..=30).
    const fn leaps_before(self) -> [u8; 31] {
        let years = self.leap_years();
        let mut out = [0u8; 31];
        let mut k = 1;
        while k <= 30 {
            let mut leap = 0;
            let mut i = 0;
            while i < 11 {
                if years[i] as usize == k {
                    leap = 1;
                }
                i += 1;
            }
            out[k] = out[k - 1] + leap;
            k += 1;
        }
        out
    }

    const fn table(self) -> &'static [u8; 31] {
        const C: [u8; 31] = LeapPattern::Common.leaps_before();
        const F: [u8; 31] = LeapPattern::Fifteen.leaps_before();
        const I: [u8; 31] = LeapPattern::Ismaili.leaps_before();
        const H: [u8; 31] = LeapPattern::Habash.leaps_before();
        match self {
            LeapPattern::Common => &C,
            LeapPattern::Fifteen => &F,
            LeapPattern::Ismaili => &I,
            LeapPattern::Habash => &H,
        }
    }

    /// Whether Hijri year `year` (1 or later) is a leap year in this pattern.
    ///
    /// ```
    /// use nass_calendar::LeapPattern;
    /// assert!(LeapPattern::Common.is_leap_year(16) && !LeapPattern::Fifteen.is_leap_year(16));
    /// assert!(LeapPattern::Common.is_leap_year(46));
    /// ```
    pub const fn is_leap_year(self, year: u16) -> bool {
        if year == 0 {
            return false;
        }
        let k = ((year - 1) % 30 + 1) as usize;
        let t = self.table();
        t[k] != t[k - 1]
    }
}

/// The first day of a tabular calendar: 1 Muharram 1 AH.
///
/// ```
/// use nass_calendar::Epoch;
/// assert_eq!(Epoch::Friday.jdn(), 1_948_440); // 16 July 622 Julian = 19 July 622 Gregorian
/// assert_eq!(Epoch::Thursday.jdn(), 1_948_439);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Epoch {
    /// The "civil" epoch, Friday 16 July 622 (Julian), JDN 1948440. Name `friday`.
    Friday,
    /// The "astronomical" epoch one day earlier, Thursday 15 July 622 (Julian), JDN
    /// 1948439. Name `thursday`.
    Thursday,
}

impl Epoch {
    /// Julian Day Number of 1 Muharram 1 AH.
    ///
    /// ```
    /// assert_eq!(nass_calendar::Epoch::Thursday.jdn(), 1_948_439);
    /// ```
    pub const fn jdn(self) -> Jdn {
        match self {
            Epoch::Friday => 1_948_440,
            Epoch::Thursday => 1_948_439,
        }
    }

    /// `friday` or `thursday`.
    ///
    /// ```
    /// assert_eq!(nass_calendar::Epoch::Friday.name(), "friday");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Epoch::Friday => "friday",
            Epoch::Thursday => "thursday",
        }
    }
}

/// A tabular (arithmetic) Islamic calendar: odd months of 30 days, even months of 29, and
/// ذو الحجة of 30 days in the 11 leap years of each 30-year cycle.
///
/// ```
/// use nass_calendar::{Epoch, LeapPattern, TabularCalendar};
/// let civil = TabularCalendar::new(LeapPattern::Common, Epoch::Friday);
/// assert_eq!(civil.year_length(1445), 355);
/// assert_eq!(civil.month_length(1445, 12), Some(30));
/// assert_eq!(civil.month_length(1446, 12), Some(29));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TabularCalendar {
    pattern: LeapPattern,
    epoch: Epoch,
}

impl TabularCalendar {
    /// ICU's `islamic-civil`: the common pattern, Friday epoch.
    pub const CIVIL: TabularCalendar = TabularCalendar::new(LeapPattern::Common, Epoch::Friday);
    /// ICU's `islamic-tbla`: the common pattern, Thursday epoch.
    pub const TBLA: TabularCalendar = TabularCalendar::new(LeapPattern::Common, Epoch::Thursday);

    /// The calendar with this leap-year pattern and epoch.
    ///
    /// ```
    /// use nass_calendar::{Epoch, LeapPattern, TabularCalendar};
    /// assert_eq!(TabularCalendar::new(LeapPattern::Common, Epoch::Friday), TabularCalendar::CIVIL);
    /// ```
    pub const fn new(pattern: LeapPattern, epoch: Epoch) -> Self {
        TabularCalendar { pattern, epoch }
    }

    /// The eight tabular calendars.
    ///
    /// ```
    /// assert_eq!(nass_calendar::TabularCalendar::all().count(), 8);
    /// ```
    pub fn all() -> impl Iterator<Item = TabularCalendar> {
        LeapPattern::ALL.into_iter().flat_map(|p| {
            [Epoch::Friday, Epoch::Thursday]
                .into_iter()
                .map(move |e| TabularCalendar::new(p, e))
        })
    }

    /// The leap-year pattern.
    ///
    /// ```
    /// use nass_calendar::{LeapPattern, TabularCalendar};
    /// assert_eq!(TabularCalendar::TBLA.pattern(), LeapPattern::Common);
    /// ```
    pub const fn pattern(self) -> LeapPattern {
        self.pattern
    }

    /// The epoch.
    ///
    /// ```
    /// use nass_calendar::{Epoch, TabularCalendar};
    /// assert_eq!(TabularCalendar::TBLA.epoch(), Epoch::Thursday);
    /// ```
    pub const fn epoch(self) -> Epoch {
        self.epoch
    }

    /// 354, or 355 in a leap year.
    ///
    /// ```
    /// assert_eq!(nass_calendar::TabularCalendar::CIVIL.year_length(1446), 354);
    /// ```
    pub const fn year_length(self, year: u16) -> u16 {
        if self.pattern.is_leap_year(year) {
            355
        } else {
            354
        }
    }

    /// The length of a month (1–12), or `None` for another month number.
    ///
    /// ```
    /// assert_eq!(nass_calendar::TabularCalendar::CIVIL.month_length(1445, 9), Some(30));
    /// ```
    pub const fn month_length(self, year: u16, month: u8) -> Option<u8> {
        match month {
            12 if self.pattern.is_leap_year(year) => Some(30),
            1..=12 if month % 2 == 1 => Some(30),
            1..=12 => Some(29),
            _ => None,
        }
    }

    /// JDN of a valid date (year ≥ 1).
    #[inline]
    const fn jdn(self, year: u16, month: u8, day: u8) -> Jdn {
        let y = year as i32 - 1;
        let leaps = 11 * (y / 30) + self.pattern.table()[(y % 30) as usize] as i32;
        let m = month as i32;
        self.epoch.jdn() - 1 + 354 * y + leaps + 29 * (m - 1) + m / 2 + day as i32
    }

    /// The date of a JDN on or after the epoch.
    #[inline]
    fn date_of(self, jdn: Jdn) -> (u16, u8, u8) {
        let days = jdn - self.epoch.jdn();
        let cycle = days / 10_631;
        let rem = days % 10_631;
        let t = self.pattern.table();
        // Years before `k` in the cycle take 354k + t[k] days; the estimate is at most
        // one year too far.
        let mut k = ((rem + 1) / 355).min(29);
        while k > 0 && 354 * k + t[k as usize] as i32 > rem {
            k -= 1;
        }
        while k < 29 && 354 * (k + 1) + t[k as usize + 1] as i32 <= rem {
            k += 1;
        }
        let doy = rem - (354 * k + t[k as usize] as i32);
        let month = ((2 * doy) / 59 + 1).min(12);
        let day = doy - (29 * (month - 1) + month / 2) + 1;
        ((30 * cycle + k + 1) as u16, month as u8, day as u8)
    }

    /// The calendar's name (see [`HijriCalendar::name`]).
    ///
    /// ```
    /// use nass_calendar::{Epoch, LeapPattern, TabularCalendar};
    /// assert_eq!(TabularCalendar::new(LeapPattern::Ismaili, Epoch::Thursday).name(), "tabular-ismaili-thursday");
    /// ```
    pub fn name(self) -> String {
        HijriCalendar::Tabular(self).name()
    }
}

/// A Hijri calendar: the Umm al-Qura table or a tabular calendar.
///
/// Names ([`HijriCalendar::name`], [`FromStr`]): `umm-al-qura`; `islamic-civil` (the common
/// pattern, Friday epoch) and `islamic-tbla` (common, Thursday), as in ICU; and for every
/// pattern and epoch `tabular-PATTERN-EPOCH`, PATTERN one of `16` (the common one), `15`,
/// `ismaili`, `habash`, EPOCH one of `friday` (alias `civil`) or `thursday` (alias
/// `astronomical`).
///
/// ```
/// use nass_calendar::{Epoch, HijriCalendar, LeapPattern, TabularCalendar};
/// assert_eq!("umm-al-qura".parse::<HijriCalendar>()?, HijriCalendar::UmmAlQura);
/// assert_eq!("islamic-civil".parse::<HijriCalendar>()?, HijriCalendar::Tabular(TabularCalendar::CIVIL));
/// assert_eq!(
///     "tabular-15-thursday".parse::<HijriCalendar>()?,
///     HijriCalendar::Tabular(TabularCalendar::new(LeapPattern::Fifteen, Epoch::Thursday))
/// );
/// assert!("gregorian".parse::<HijriCalendar>().is_err());
/// # Ok::<(), nass_calendar::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum HijriCalendar {
    /// The Umm al-Qura calendar of Saudi Arabia, day for day the table of the Python
    /// package hijridate 2.6.0: 1343-01-01..1500-12-30 AH = 1924-08-01..2077-11-16 CE.
    /// A few early months have 28 or 31 days, as in that table.
    #[default]
    UmmAlQura,
    /// A tabular calendar, years 1–9665 AH.
    Tabular(TabularCalendar),
}

impl HijriCalendar {
    /// The calendar's name.
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, TabularCalendar};
    /// assert_eq!(HijriCalendar::UmmAlQura.name(), "umm-al-qura");
    /// assert_eq!(HijriCalendar::Tabular(TabularCalendar::TBLA).name(), "islamic-tbla");
    /// ```
    pub fn name(self) -> String {
        match self {
            HijriCalendar::UmmAlQura => "umm-al-qura".into(),
            HijriCalendar::Tabular(TabularCalendar::CIVIL) => "islamic-civil".into(),
            HijriCalendar::Tabular(TabularCalendar::TBLA) => "islamic-tbla".into(),
            HijriCalendar::Tabular(t) => {
                format!("tabular-{}-{}", t.pattern.name(), t.epoch.name())
            }
        }
    }

    /// Every calendar: Umm al-Qura, then the eight tabular ones.
    ///
    /// ```
    /// assert_eq!(nass_calendar::HijriCalendar::all().count(), 9);
    /// ```
    pub fn all() -> impl Iterator<Item = HijriCalendar> {
        std::iter::once(HijriCalendar::UmmAlQura)
            .chain(TabularCalendar::all().map(HijriCalendar::Tabular))
    }

    /// The first and last day the calendar supports.
    ///
    /// ```
    /// use nass_calendar::HijriCalendar;
    /// let (first, last) = HijriCalendar::UmmAlQura.range();
    /// assert_eq!((first.to_string(), last.to_string()), ("1343-01-01".into(), "1500-12-30".into()));
    /// assert_eq!(first.to_gregorian().to_string(), "1924-08-01");
    /// assert_eq!(last.to_gregorian().to_string(), "2077-11-16");
    /// ```
    pub fn range(self) -> (HijriDate, HijriDate) {
        let (y0, y1) = self.years();
        let last_day = self.month_len(y1, 12).unwrap_or(29);
        (
            HijriDate {
                calendar: self,
                year: y0,
                month: 1,
                day: 1,
            },
            HijriDate {
                calendar: self,
                year: y1,
                month: 12,
                day: last_day,
            },
        )
    }

    fn range_text(self) -> String {
        let (a, b) = self.range();
        format!(
            "{a}..{b} AH = {}..{} CE of the {} calendar",
            a.to_gregorian(),
            b.to_gregorian(),
            self.name()
        )
    }

    const fn years(self) -> (u16, u16) {
        match self {
            HijriCalendar::UmmAlQura => (uq::FIRST_YEAR, uq::LAST_YEAR),
            HijriCalendar::Tabular(_) => (1, MAX_TABULAR_YEAR),
        }
    }

    /// Month length for a year inside the calendar's range.
    #[inline]
    fn month_len(self, year: u16, month: u8) -> Option<u8> {
        match self {
            HijriCalendar::UmmAlQura => {
                if !(1..=12).contains(&month) {
                    return None;
                }
                let i = uq_index(year, month);
                Some((uq::MONTH_STARTS[i + 1] - uq::MONTH_STARTS[i]) as u8)
            }
            HijriCalendar::Tabular(t) => t.month_length(year, month),
        }
    }

    /// The length of a month: 29 or 30 days (28 or 31 in a few early months of the Umm
    /// al-Qura table), or an error when the year is outside the calendar's range or the
    /// month is not 1–12.
    ///
    /// ```
    /// use nass_calendar::HijriCalendar;
    /// assert_eq!(HijriCalendar::UmmAlQura.month_length(1445, 9)?, 30);
    /// assert_eq!(HijriCalendar::UmmAlQura.month_length(1343, 9)?, 28); // as in the table
    /// assert!(HijriCalendar::UmmAlQura.month_length(1501, 1).unwrap_err().is_out_of_range());
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn month_length(self, year: u16, month: u8) -> Result<u8, DateError> {
        self.check_year(year, month, 1)?;
        self.month_len(year, month).ok_or_else(|| {
            DateError::new(ErrorKind::InvalidHijri {
                what: format!(
                    "{year:04}-{month:02}: {}",
                    month_problem(month).unwrap_or_default()
                ),
            })
        })
    }

    fn check_year(self, year: u16, month: u8, day: u8) -> Result<(), DateError> {
        let (y0, y1) = self.years();
        if (y0..=y1).contains(&year) {
            Ok(())
        } else {
            Err(DateError::new(ErrorKind::OutOfRange {
                what: format!("Hijri date {year:04}-{month:02}-{day:02}"),
                range: self.range_text(),
            }))
        }
    }

    /// The JDN of a day known to be valid.
    #[inline]
    fn jdn(self, year: u16, month: u8, day: u8) -> Jdn {
        match self {
            HijriCalendar::UmmAlQura => {
                uq::BASE_JDN + uq::MONTH_STARTS[uq_index(year, month)] as i32 + day as i32 - 1
            }
            HijriCalendar::Tabular(t) => t.jdn(year, month, day),
        }
    }

    /// The JDNs of the calendar's first and last day.
    fn jdn_range(self) -> (Jdn, Jdn) {
        match self {
            HijriCalendar::UmmAlQura => (
                uq::BASE_JDN,
                uq::BASE_JDN + *uq::MONTH_STARTS.last().unwrap_or(&0) as i32 - 1,
            ),
            HijriCalendar::Tabular(t) => {
                let last = t.jdn(MAX_TABULAR_YEAR, 12, 1)
                    + t.month_length(MAX_TABULAR_YEAR, 12).unwrap_or(29) as i32
                    - 1;
                (t.epoch.jdn(), last)
            }
        }
    }
}

#[inline]
fn uq_index(year: u16, month: u8) -> usize {
    12 * (year - uq::FIRST_YEAR) as usize + month as usize - 1
}

/// Umm al-Qura month index of an offset from `BASE_JDN` inside the table.
#[inline]
fn uq_month_of(off: u16) -> usize {
    // A month is 29.53 days on average: the estimate is within a month or two.
    let starts = &uq::MONTH_STARTS;
    let mut i = ((off as u32 * 100) / 2953) as usize;
    if i > starts.len() - 2 {
        i = starts.len() - 2;
    }
    while starts[i] > off {
        i -= 1;
    }
    while starts[i + 1] <= off {
        i += 1;
    }
    i
}

impl fmt::Display for HijriCalendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl FromStr for HijriCalendar {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, DateError> {
        let unknown = || {
            DateError::new(ErrorKind::UnknownCalendar {
                name: s.chars().take(64).collect(),
            })
        };
        match s {
            "umm-al-qura" | "ummalqura" | "umalqura" => return Ok(HijriCalendar::UmmAlQura),
            "islamic-civil" => return Ok(HijriCalendar::Tabular(TabularCalendar::CIVIL)),
            "islamic-tbla" => return Ok(HijriCalendar::Tabular(TabularCalendar::TBLA)),
            _ => {}
        }
        let rest = s.strip_prefix("tabular-").ok_or_else(unknown)?;
        let (p, e) = rest.split_once('-').ok_or_else(unknown)?;
        let pattern = match p {
            "16" | "common" => LeapPattern::Common,
            "15" => LeapPattern::Fifteen,
            "ismaili" | "fatimid" => LeapPattern::Ismaili,
            "habash" => LeapPattern::Habash,
            _ => return Err(unknown()),
        };
        let epoch = match e {
            "friday" | "civil" => Epoch::Friday,
            "thursday" | "astronomical" => Epoch::Thursday,
            _ => return Err(unknown()),
        };
        Ok(HijriCalendar::Tabular(TabularCalendar::new(pattern, epoch)))
    }
}

/// A day of a Hijri calendar. It cannot hold an invalid date: every constructor checks
/// the month, the day against the month's length in its calendar, and the calendar's
/// range.
///
/// ```
/// use nass_calendar::{GregorianDate, HijriCalendar, HijriDate};
/// let ramadan = HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?;
/// assert_eq!(ramadan.to_gregorian().to_string(), "2024-03-11");
/// let back = HijriDate::from_gregorian(HijriCalendar::UmmAlQura, "2024-02-11".parse()?)?;
/// assert_eq!(back.to_string(), "1445-08-01"); // 1 Shaaban 1445
/// assert_eq!(back.weekday(), nass_calendar::Weekday::Sunday);
/// # Ok::<(), nass_calendar::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HijriDate {
    calendar: HijriCalendar,
    year: u16,
    month: u8,
    day: u8,
}

impl HijriDate {
    /// The date `year-month-day` in `calendar`, or an error naming the calendar's range.
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, HijriDate};
    /// let err = HijriDate::new(HijriCalendar::UmmAlQura, 1501, 1, 1).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "Hijri date 1501-01-01 is outside the supported range 1343-01-01..1500-12-30 AH = \
    ///      1924-08-01..2077-11-16 CE of the umm-al-qura calendar"
    /// );
    /// let err = HijriDate::new(HijriCalendar::UmmAlQura, 1445, 8, 30).unwrap_err(); // Shaaban 1445 has 29 days
    /// assert_eq!(err.to_string(), "invalid Hijri date 1445-08-30: month 8 of 1445 has 29 days in the umm-al-qura calendar");
    /// ```
    pub fn new(calendar: HijriCalendar, year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        calendar.check_year(year, month, day)?;
        let Some(len) = calendar.month_len(year, month) else {
            return Err(DateError::new(ErrorKind::InvalidHijri {
                what: format!(
                    "{year:04}-{month:02}-{day:02}: {}",
                    month_problem(month).unwrap_or_default()
                ),
            }));
        };
        if let Some(problem) = day_problem(day, len, format_args!("month {month} of {year}")) {
            return Err(DateError::new(ErrorKind::InvalidHijri {
                what: format!(
                    "{year:04}-{month:02}-{day:02}: {problem} in the {} calendar",
                    calendar.name()
                ),
            }));
        }
        Ok(HijriDate {
            calendar,
            year,
            month,
            day,
        })
    }

    /// The day with Julian Day Number `jdn`, or an error naming the calendar's range.
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, HijriDate, TabularCalendar};
    /// let d = HijriDate::from_jdn(HijriCalendar::Tabular(TabularCalendar::CIVIL), 1_948_440)?;
    /// assert_eq!(d.to_string(), "0001-01-01");
    /// assert!(HijriDate::from_jdn(HijriCalendar::UmmAlQura, 2_400_000).unwrap_err().is_out_of_range());
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    #[inline]
    pub fn from_jdn(calendar: HijriCalendar, jdn: Jdn) -> Result<Self, DateError> {
        match Self::from_jdn_opt(calendar, jdn) {
            Some(date) => Ok(date),
            None => Err(Self::out_of_range(calendar, jdn)),
        }
    }

    /// [`HijriDate::from_jdn`] without building an error: `None` outside the calendar's
    /// range.
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, HijriDate};
    /// let d = HijriDate::from_jdn_opt(HijriCalendar::UmmAlQura, 2_460_352).unwrap();
    /// assert_eq!(d.to_string(), "1445-08-01");
    /// assert_eq!(HijriDate::from_jdn_opt(HijriCalendar::UmmAlQura, 2_400_000), None);
    /// ```
    #[inline]
    pub fn from_jdn_opt(calendar: HijriCalendar, jdn: Jdn) -> Option<Self> {
        let (lo, hi) = calendar.jdn_range();
        if !(lo..=hi).contains(&jdn) {
            return None;
        }
        let (year, month, day) = match calendar {
            HijriCalendar::UmmAlQura => {
                let off = (jdn - uq::BASE_JDN) as u16;
                let i = uq_month_of(off);
                (
                    uq::FIRST_YEAR + (i / 12) as u16,
                    (i % 12) as u8 + 1,
                    (off - uq::MONTH_STARTS[i]) as u8 + 1,
                )
            }
            HijriCalendar::Tabular(t) => t.date_of(jdn),
        };
        Some(HijriDate {
            calendar,
            year,
            month,
            day,
        })
    }

    /// The error of a day outside `calendar`'s range (out of the line of the common case).
    #[cold]
    #[inline(never)]
    fn out_of_range(calendar: HijriCalendar, jdn: Jdn) -> DateError {
        let what = match GregorianDate::from_jdn(jdn) {
            Ok(g) => format!("{g} CE"),
            Err(_) => format!("Julian day {jdn}"),
        };
        DateError::new(ErrorKind::OutOfRange {
            what,
            range: calendar.range_text(),
        })
    }

    /// The Hijri date of a Gregorian day, or an error naming the calendar's range.
    ///
    /// ```
    /// use nass_calendar::{GregorianDate, HijriCalendar, HijriDate};
    /// let d = HijriDate::from_gregorian(HijriCalendar::UmmAlQura, GregorianDate::new(2023, 7, 19)?)?;
    /// assert_eq!(d.to_string(), "1445-01-01");
    /// let err = HijriDate::from_gregorian(HijriCalendar::UmmAlQura, GregorianDate::new(2077, 11, 17)?).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "2077-11-17 CE is outside the supported range 1343-01-01..1500-12-30 AH = \
    ///      1924-08-01..2077-11-16 CE of the umm-al-qura calendar"
    /// );
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    #[inline]
    pub fn from_gregorian(calendar: HijriCalendar, date: GregorianDate) -> Result<Self, DateError> {
        Self::from_jdn(calendar, date.jdn())
    }

    /// [`HijriDate::from_gregorian`] without building an error: `None` outside the
    /// calendar's range.
    ///
    /// ```
    /// use nass_calendar::{GregorianDate, HijriCalendar, HijriDate};
    /// let day = GregorianDate::new(2024, 3, 11)?;
    /// assert_eq!(HijriDate::from_gregorian_opt(HijriCalendar::UmmAlQura, day).unwrap().to_string(), "1445-09-01");
    /// assert_eq!(HijriDate::from_gregorian_opt(HijriCalendar::UmmAlQura, GregorianDate::new(1900, 1, 1)?), None);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    #[inline]
    pub fn from_gregorian_opt(calendar: HijriCalendar, date: GregorianDate) -> Option<Self> {
        Self::from_jdn_opt(calendar, date.jdn())
    }

    /// [`HijriDate::parse_iso`] without building an error: `None` where it fails.
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, HijriDate};
    /// let d = HijriDate::parse_iso_opt(HijriCalendar::UmmAlQura, "1445-09-01").unwrap();
    /// assert_eq!(d.to_gregorian().to_string(), "2024-03-11");
    /// assert_eq!(HijriDate::parse_iso_opt(HijriCalendar::UmmAlQura, "1445-13-01"), None);
    /// ```
    #[inline]
    pub fn parse_iso_opt(calendar: HijriCalendar, s: &str) -> Option<Self> {
        let (year, month, day) = parse_iso_fast(s.as_bytes())?;
        Self::new_opt(calendar, year as u16, month, day)
    }

    /// [`HijriDate::new`] without building an error: `None` when `calendar` has no such
    /// day.
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, HijriDate};
    /// assert!(HijriDate::new_opt(HijriCalendar::UmmAlQura, 1445, 9, 30).is_some());
    /// assert_eq!(HijriDate::new_opt(HijriCalendar::UmmAlQura, 1501, 1, 1), None);
    /// ```
    #[inline]
    pub fn new_opt(calendar: HijriCalendar, year: u16, month: u8, day: u8) -> Option<Self> {
        let (first, last) = calendar.years();
        if !(first..=last).contains(&year) {
            return None;
        }
        let len = calendar.month_len(year, month)?;
        (day >= 1 && day <= len).then_some(HijriDate {
            calendar,
            year,
            month,
            day,
        })
    }

    /// Parses ISO-shaped `YYYY-MM-DD` (ASCII digits) as a date of `calendar`.
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, HijriDate};
    /// let d = HijriDate::parse_iso(HijriCalendar::UmmAlQura, "1445-09-01")?;
    /// assert_eq!(d.to_gregorian().to_string(), "2024-03-11");
    /// assert_eq!(HijriDate::parse_iso(HijriCalendar::UmmAlQura, "1445/09/01").unwrap_err().offset(), Some(4));
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn parse_iso(calendar: HijriCalendar, s: &str) -> Result<Self, DateError> {
        let (y, m, d) = parse_iso(s)?;
        // Four digits: at most 9999, which fits u16.
        Self::new(calendar, y as u16, m, d)
    }

    /// The calendar.
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, HijriDate};
    /// assert_eq!(HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?.calendar(), HijriCalendar::UmmAlQura);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub const fn calendar(self) -> HijriCalendar {
        self.calendar
    }

    /// The year (AH).
    ///
    /// ```
    /// # use nass_calendar::{HijriCalendar, HijriDate};
    /// assert_eq!(HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?.year(), 1445);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month (1 = محرم … 12 = ذو الحجة).
    ///
    /// ```
    /// # use nass_calendar::{HijriCalendar, HijriDate};
    /// assert_eq!(HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?.month(), 9);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    ///
    /// ```
    /// # use nass_calendar::{HijriCalendar, HijriDate};
    /// assert_eq!(HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?.day(), 1);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The Julian Day Number.
    ///
    /// ```
    /// # use nass_calendar::{HijriCalendar, HijriDate};
    /// assert_eq!(HijriDate::new(HijriCalendar::UmmAlQura, 1445, 8, 1)?.jdn(), 2_460_352);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    #[inline]
    pub fn jdn(self) -> Jdn {
        self.calendar.jdn(self.year, self.month, self.day)
    }

    /// The Gregorian day (every supported Hijri day has one).
    ///
    /// ```
    /// # use nass_calendar::{HijriCalendar, HijriDate};
    /// let d = HijriDate::new(HijriCalendar::UmmAlQura, 1446, 1, 1)?;
    /// assert_eq!(d.to_gregorian().to_string(), "2024-07-07");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    #[inline]
    pub fn to_gregorian(self) -> GregorianDate {
        let jdn = self.jdn();
        debug_assert!((MIN_JDN..=MAX_JDN).contains(&jdn));
        GregorianDate::from_jdn_unchecked(jdn)
    }

    /// The same day in another Hijri calendar.
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, HijriDate, TabularCalendar};
    /// let d = HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?;
    /// let tbla = d.to_calendar(HijriCalendar::Tabular(TabularCalendar::TBLA))?;
    /// assert_eq!(tbla.to_string(), "1445-09-02"); // islamic-tbla starts Ramadan a day earlier
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn to_calendar(self, calendar: HijriCalendar) -> Result<HijriDate, DateError> {
        HijriDate::from_jdn(calendar, self.jdn())
    }

    /// The ISO weekday.
    ///
    /// ```
    /// # use nass_calendar::{HijriCalendar, HijriDate, Weekday};
    /// assert_eq!(HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?.weekday(), Weekday::Monday);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn weekday(self) -> Weekday {
        Weekday::from_jdn(self.jdn())
    }

    /// The length of this date's month in its calendar.
    ///
    /// ```
    /// # use nass_calendar::{HijriCalendar, HijriDate};
    /// assert_eq!(HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?.month_length(), 30);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn month_length(self) -> u8 {
        self.calendar.month_len(self.year, self.month).unwrap_or(0)
    }
}

impl HijriDate {
    /// The date as `YYYY-MM-DD` in ASCII bytes (the calendar is not shown), without the
    /// formatting machinery (what [`Display`](fmt::Display) writes).
    ///
    /// ```
    /// use nass_calendar::{HijriCalendar, HijriDate};
    /// assert_eq!(&HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?.iso_bytes(), b"1445-09-01");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    #[inline]
    pub fn iso_bytes(self) -> [u8; 10] {
        // Years 1-9665: always four digits.
        iso_bytes(self.year, self.month, self.day)
    }
}

impl fmt::Display for HijriDate {
    /// `YYYY-MM-DD` (the calendar is not shown).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_iso(f, self.iso_bytes())
    }
}
