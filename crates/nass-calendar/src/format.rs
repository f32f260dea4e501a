//! Dates written in Arabic: `١ رمضان ١٤٤٥ هـ`, `11 شباط 2024`.

use std::fmt;

use nass_numerals::{digit_value, DigitSet};

use crate::error::DateError;
use crate::gregorian::{GregorianDate, Jdn, Weekday};
use crate::hijri::{HijriCalendar, HijriDate};
use crate::names::{spells, CalendarKind, EraMark, NamingSystem, ERA_SPELLINGS, MONTH_SPELLINGS};

/// A day of either calendar.
///
/// ```
/// use nass_calendar::{CalendarDate, GregorianDate};
/// let d = CalendarDate::from(GregorianDate::new(2024, 3, 11)?);
/// assert_eq!(d.to_gregorian().to_string(), "2024-03-11");
/// assert_eq!(d.to_string(), "2024-03-11");
/// # Ok::<(), nass_calendar::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CalendarDate {
    /// A Gregorian day.
    Gregorian(GregorianDate),
    /// A Hijri day.
    Hijri(HijriDate),
}

impl CalendarDate {
    /// The Julian Day Number.
    ///
    /// ```
    /// use nass_calendar::{CalendarDate, HijriCalendar, HijriDate};
    /// let d = CalendarDate::from(HijriDate::new(HijriCalendar::UmmAlQura, 1445, 8, 1)?);
    /// assert_eq!(d.jdn(), 2_460_352);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn jdn(self) -> Jdn {
        match self {
            CalendarDate::Gregorian(d) => d.jdn(),
            CalendarDate::Hijri(d) => d.jdn(),
        }
    }

    /// The Gregorian day.
    ///
    /// ```
    /// use nass_calendar::{CalendarDate, HijriCalendar, HijriDate};
    /// let d = CalendarDate::from(HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?);
    /// assert_eq!(d.to_gregorian().to_string(), "2024-03-11");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn to_gregorian(self) -> GregorianDate {
        match self {
            CalendarDate::Gregorian(d) => d,
            CalendarDate::Hijri(d) => d.to_gregorian(),
        }
    }

    /// The ISO weekday.
    ///
    /// ```
    /// use nass_calendar::{CalendarDate, GregorianDate, Weekday};
    /// assert_eq!(CalendarDate::from(GregorianDate::new(2024, 2, 11)?).weekday(), Weekday::Sunday);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn weekday(self) -> Weekday {
        Weekday::from_jdn(self.jdn())
    }

    /// The calendar kind.
    ///
    /// ```
    /// use nass_calendar::{CalendarDate, CalendarKind, GregorianDate};
    /// assert_eq!(CalendarDate::from(GregorianDate::new(2024, 2, 11)?).calendar(), CalendarKind::Gregorian);
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn calendar(self) -> CalendarKind {
        match self {
            CalendarDate::Gregorian(_) => CalendarKind::Gregorian,
            CalendarDate::Hijri(_) => CalendarKind::Hijri,
        }
    }
}

impl From<GregorianDate> for CalendarDate {
    fn from(d: GregorianDate) -> Self {
        CalendarDate::Gregorian(d)
    }
}

impl From<HijriDate> for CalendarDate {
    fn from(d: HijriDate) -> Self {
        CalendarDate::Hijri(d)
    }
}

impl fmt::Display for CalendarDate {
    /// `YYYY-MM-DD` in its own calendar.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarDate::Gregorian(d) => d.fmt(f),
            CalendarDate::Hijri(d) => d.fmt(f),
        }
    }
}

/// Writes dates in Arabic (day, month name, year, era mark) and reads them back.
///
/// ```
/// use nass_calendar::{DateFormatter, GregorianDate, HijriCalendar, HijriDate, NamingSystem};
/// use nass_numerals::DigitSet;
///
/// let arabic = DateFormatter::builder().digits(DigitSet::ArabicIndic).build();
/// let ramadan = HijriDate::new(HijriCalendar::UmmAlQura, 1445, 9, 1)?;
/// assert_eq!(arabic.format_hijri(ramadan), "١ رمضان ١٤٤٥ هـ");
///
/// let levant = DateFormatter::builder().months(NamingSystem::Syriac).build();
/// let day = GregorianDate::new(2024, 2, 11)?;
/// assert_eq!(levant.format_gregorian(day), "11 شباط 2024");
///
/// // Reading accepts any digit set, any spelling of the lexicon and an optional era mark.
/// assert_eq!(levant.parse("١١ فبراير ٢٠٢٤م")?, day.into());
/// assert_eq!(levant.parse("1 رمضان 1445هـ")?, ramadan.into());
/// # Ok::<(), nass_calendar::DateError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateFormatter {
    months: NamingSystem,
    digits: DigitSet,
    hijri_era: bool,
    gregorian_era: bool,
    calendar: HijriCalendar,
}

impl Default for DateFormatter {
    fn default() -> Self {
        DateFormatter::new()
    }
}

/// Configures a [`DateFormatter`].
///
/// ```
/// use nass_calendar::{DateFormatter, GregorianDate, NamingSystem};
/// use nass_numerals::DigitSet;
/// let f = DateFormatter::builder()
///     .months(NamingSystem::Moroccan)
///     .digits(DigitSet::Persian)
///     .gregorian_era(true)
///     .build();
/// assert_eq!(f.format_gregorian(GregorianDate::new(2023, 8, 7)?), "۷ غشت ۲۰۲۳ م");
/// # Ok::<(), nass_calendar::DateError>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct DateFormatterBuilder {
    inner: DateFormatter,
}

impl DateFormatterBuilder {
    /// The names for Gregorian months (default [`NamingSystem::Latin`]). Hijri dates always
    /// use the Hijri names; [`NamingSystem::Hijri`] here leaves the setting unchanged.
    ///
    /// ```
    /// use nass_calendar::{DateFormatter, GregorianDate, NamingSystem};
    /// let f = DateFormatter::builder().months(NamingSystem::French).build();
    /// assert_eq!(f.format_gregorian(GregorianDate::new(2024, 7, 5)?), "5 جويلية 2024");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn months(mut self, system: NamingSystem) -> Self {
        if system.calendar() == CalendarKind::Gregorian {
            self.inner.months = system;
        }
        self
    }

    /// The digits to write (default ASCII).
    ///
    /// ```
    /// use nass_calendar::{DateFormatter, GregorianDate};
    /// use nass_numerals::DigitSet;
    /// let f = DateFormatter::builder().digits(DigitSet::ArabicIndic).build();
    /// assert_eq!(f.format_gregorian(GregorianDate::new(2024, 2, 11)?), "١١ فبراير ٢٠٢٤");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn digits(mut self, digits: DigitSet) -> Self {
        self.inner.digits = digits;
        self
    }

    /// Whether to write هـ after a Hijri year (default yes).
    ///
    /// ```
    /// use nass_calendar::{DateFormatter, HijriCalendar, HijriDate};
    /// let f = DateFormatter::builder().hijri_era(false).build();
    /// assert_eq!(f.format_hijri(HijriDate::new(HijriCalendar::UmmAlQura, 1445, 8, 1)?), "1 شعبان 1445");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn hijri_era(mut self, on: bool) -> Self {
        self.inner.hijri_era = on;
        self
    }

    /// Whether to write م after a Gregorian year (default no).
    ///
    /// ```
    /// use nass_calendar::{DateFormatter, GregorianDate};
    /// let f = DateFormatter::builder().gregorian_era(true).build();
    /// assert_eq!(f.format_gregorian(GregorianDate::new(2024, 2, 11)?), "11 فبراير 2024 م");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn gregorian_era(mut self, on: bool) -> Self {
        self.inner.gregorian_era = on;
        self
    }

    /// The Hijri calendar that parsed Hijri dates belong to (default Umm al-Qura).
    ///
    /// ```
    /// use nass_calendar::{CalendarDate, DateFormatter, HijriCalendar, TabularCalendar};
    /// let tbla = HijriCalendar::Tabular(TabularCalendar::TBLA);
    /// let f = DateFormatter::builder().hijri_calendar(tbla).build();
    /// let CalendarDate::Hijri(d) = f.parse("1 رمضان 1445")? else { unreachable!() };
    /// assert_eq!(d.calendar(), tbla);
    /// assert_eq!(d.to_gregorian().to_string(), "2024-03-10"); // a day before Umm al-Qura
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn hijri_calendar(mut self, calendar: HijriCalendar) -> Self {
        self.inner.calendar = calendar;
        self
    }

    /// The formatter.
    ///
    /// ```
    /// assert_eq!(nass_calendar::DateFormatter::builder().build(), nass_calendar::DateFormatter::new());
    /// ```
    pub fn build(self) -> DateFormatter {
        self.inner
    }
}

impl DateFormatter {
    /// Latin-derived month names, ASCII digits, هـ after Hijri years, no mark after
    /// Gregorian years, Umm al-Qura for parsed Hijri dates.
    ///
    /// ```
    /// use nass_calendar::{DateFormatter, GregorianDate};
    /// assert_eq!(DateFormatter::new().format_gregorian(GregorianDate::new(2024, 6, 5)?), "5 يونيو 2024");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn new() -> Self {
        DateFormatter {
            months: NamingSystem::Latin,
            digits: DigitSet::Ascii,
            hijri_era: true,
            gregorian_era: false,
            calendar: HijriCalendar::UmmAlQura,
        }
    }

    /// A builder, starting from [`DateFormatter::new`].
    ///
    /// ```
    /// let f = nass_calendar::DateFormatter::builder().build();
    /// assert_eq!(f, nass_calendar::DateFormatter::new());
    /// ```
    pub fn builder() -> DateFormatterBuilder {
        DateFormatterBuilder {
            inner: DateFormatter::new(),
        }
    }

    fn number(&self, n: u32, out: &mut String) {
        let start = out.len();
        let mut n = n;
        loop {
            out.insert(start, self.digits.digit((n % 10) as u8));
            n /= 10;
            if n == 0 {
                break;
            }
        }
    }

    fn write(&self, day: u8, month: &str, year: u32, era: Option<&str>) -> String {
        let mut out = String::with_capacity(48);
        self.number(u32::from(day), &mut out);
        out.push(' ');
        out.push_str(month);
        out.push(' ');
        self.number(year, &mut out);
        if let Some(era) = era {
            out.push(' ');
            out.push_str(era);
        }
        out
    }

    /// A Gregorian date: day, month name of the configured system, year. The Libyan
    /// names are written with the Gregorian year (not the Libyan era's year count).
    ///
    /// ```
    /// use nass_calendar::{DateFormatter, GregorianDate, NamingSystem};
    /// let f = DateFormatter::builder().months(NamingSystem::Libyan).build();
    /// assert_eq!(f.format_gregorian(GregorianDate::new(2001, 9, 1)?), "1 الفاتح 2001");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn format_gregorian(&self, date: GregorianDate) -> String {
        let month = self.months.month_name(date.month()).unwrap_or_default();
        let era = self.gregorian_era.then_some(EraMark::Gregorian.mark());
        self.write(date.day(), month, date.year() as u32, era)
    }

    /// A Hijri date: day, Hijri month name, year, and هـ unless turned off.
    ///
    /// ```
    /// use nass_calendar::{DateFormatter, HijriCalendar, HijriDate};
    /// let d = HijriDate::new(HijriCalendar::UmmAlQura, 1445, 11, 7)?;
    /// assert_eq!(DateFormatter::new().format_hijri(d), "7 ذو القعدة 1445 هـ");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn format_hijri(&self, date: HijriDate) -> String {
        let month = NamingSystem::Hijri
            .month_name(date.month())
            .unwrap_or_default();
        let era = self.hijri_era.then_some(EraMark::Hijri.mark());
        self.write(date.day(), month, u32::from(date.year()), era)
    }

    /// A date of either calendar.
    ///
    /// ```
    /// use nass_calendar::{CalendarDate, DateFormatter, GregorianDate};
    /// let d = CalendarDate::from(GregorianDate::new(2024, 2, 11)?);
    /// assert_eq!(DateFormatter::new().format(d), "11 فبراير 2024");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn format(&self, date: CalendarDate) -> String {
        match date {
            CalendarDate::Gregorian(d) => self.format_gregorian(d),
            CalendarDate::Hijri(d) => self.format_hijri(d),
        }
    }

    /// Reads one date written as day, month name, year and an optional era mark,
    /// separated by whitespace (the mark may also be attached to the year: `1445هـ`).
    /// Digits of any of the three sets; the month is any spelling of [`crate::month_spellings`]
    /// (without proclitics, with any marks or variation the lookup fold removes); the calendar follows the month name (Hijri dates in the formatter's
    /// Hijri calendar), and an era mark must agree with it. Nothing else may be in the
    /// text. This is the inverse of the `format` functions whatever the formatter's
    /// month system, digits and era marks; finding dates in running text is another
    /// matter.
    ///
    /// ```
    /// use nass_calendar::DateFormatter;
    /// let f = DateFormatter::new();
    /// assert_eq!(f.parse("٥ يونيه ٢٠٢١")?.to_string(), "2021-06-05");
    /// assert_eq!(f.parse("7 ذي القعدة 1445 هجرية")?.to_string(), "1445-11-07");
    /// let err = f.parse("7 ذي القعدة 2024 م").unwrap_err();
    /// assert_eq!(err.to_string(), "at byte 25: a Gregorian era mark after a Hijri month");
    /// assert_eq!(f.parse("31 نيسان 2024").unwrap_err().to_string(),
    ///            "invalid Gregorian date 2024-04-31: April 2024 has 30 days");
    /// # Ok::<(), nass_calendar::DateError>(())
    /// ```
    pub fn parse(&self, text: &str) -> Result<CalendarDate, DateError> {
        let tokens = tokens(text);
        let Some(&(day_at, day_tok)) = tokens.first() else {
            return Err(DateError::syntax(0, "empty date"));
        };
        let day = number(day_tok, day_at, 2)?;
        if tokens.len() < 3 {
            return Err(DateError::syntax(
                text.len(),
                "expected day, month name and year",
            ));
        }
        // The era mark: a last token of its own, or attached to the year.
        let mut last = tokens.len() - 1;
        let mut era: Option<(usize, EraMark)> = None;
        if let Some(mark) = era_of(tokens[last].1) {
            era = Some((tokens[last].0, mark));
            last -= 1;
        }
        let (year_at, year_tok) = tokens[last];
        let digits_end = year_tok
            .char_indices()
            .find(|&(_, c)| digit_value(c).is_none())
            .map_or(year_tok.len(), |(i, _)| i);
        if digits_end < year_tok.len() {
            if era.is_some() {
                return Err(DateError::syntax(year_at + digits_end, "expected a year"));
            }
            let mark = era_of(&year_tok[digits_end..]).ok_or_else(|| {
                DateError::syntax(year_at + digits_end, "expected a year, then an era mark")
            })?;
            era = Some((year_at + digits_end, mark));
        }
        let year = number(&year_tok[..digits_end], year_at, 4)?;
        if last < 2 {
            return Err(DateError::syntax(
                year_at,
                "expected a month name before the year",
            ));
        }
        let month_at = tokens[1].0;
        let (end_at, end_tok) = tokens[last - 1];
        let month_text = &text[month_at..end_at + end_tok.len()];
        let mut month: Option<(NamingSystem, u8)> = None;
        for &(spelling, system, number) in MONTH_SPELLINGS {
            if !spells(month_text, spelling) {
                continue;
            }
            match month {
                None => month = Some((system, number)),
                Some((s, n)) if s.calendar() == system.calendar() && n == number => {}
                Some(_) => {
                    return Err(DateError::syntax(month_at, "ambiguous month name"));
                }
            }
        }
        let Some((system, month)) = month else {
            return Err(DateError::syntax(month_at, "expected a month name"));
        };
        let calendar = system.calendar();
        match era {
            None => {}
            Some((_, EraMark::Hijri)) if calendar == CalendarKind::Hijri => {}
            Some((_, EraMark::Gregorian)) if calendar == CalendarKind::Gregorian => {}
            Some((at, EraMark::Gregorian)) => {
                return Err(DateError::syntax(
                    at,
                    "a Gregorian era mark after a Hijri month",
                ));
            }
            Some((at, EraMark::Hijri)) => {
                return Err(DateError::syntax(
                    at,
                    "a Hijri era mark after a Gregorian month",
                ));
            }
            Some((at, _)) => {
                return Err(DateError::syntax(
                    at,
                    "only the eras هـ and م are supported",
                ));
            }
        }
        Ok(match calendar {
            CalendarKind::Gregorian => {
                CalendarDate::Gregorian(GregorianDate::new(year as i32, month, day as u8)?)
            }
            CalendarKind::Hijri => CalendarDate::Hijri(HijriDate::new(
                self.calendar,
                year as u16,
                month,
                day as u8,
            )?),
        })
    }
}

/// Whitespace-separated tokens with their byte offsets.
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// A number of 1 to `max` digits of any one of the three digit sets.
fn number(tok: &str, at: usize, max: usize) -> Result<u32, DateError> {
    let mut v = 0u32;
    let mut n = 0;
    for (i, c) in tok.char_indices() {
        let Some(d) = digit_value(c) else {
            return Err(DateError::syntax(at + i, "expected a digit"));
        };
        n += 1;
        if n > max {
            return Err(DateError::syntax(at + i, format!("more than {max} digits")));
        }
        v = v * 10 + u32::from(d);
    }
    if n == 0 {
        return Err(DateError::syntax(at, "expected a number"));
    }
    Ok(v)
}

/// The era mark that `tok` spells on its own, if any.
fn era_of(tok: &str) -> Option<EraMark> {
    ERA_SPELLINGS
        .iter()
        .find(|&&(spelling, _)| spells(tok, spelling))
        .map(|&(_, era)| era)
}
