//! The public types of a found date: [`DateKind`], [`DateValue`], [`DateMatch`].

use std::fmt;
use std::ops::Range;

use nass_calendar::{CalendarKind, DateError, GregorianDate, NamingSystem, Weekday};
use nass_core::Spanned;

use crate::word::RelativeWord;

/// What a date expression states.
///
/// ```
/// use nass_dates::{find_dates, DateKind};
/// let kinds: Vec<DateKind> = find_dates("منذ عام 2014 وحتى شباط 2024").map(|d| d.kind()).collect();
/// assert_eq!(kinds, [DateKind::Year, DateKind::MonthYear]);
/// assert_eq!(DateKind::MonthYear.name(), "month-year");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateKind {
    /// Day, month and year (11 فبراير 2024، 5/ 6/ 2021، 1445/08/01هـ). Name `date`.
    Date,
    /// Day and month without a year (25 يناير، الحادي عشر من فبراير). Name `day-month`.
    DayMonth,
    /// Month and year (شباط 2024). Name `month-year`.
    MonthYear,
    /// A month alone (كانون الثاني/يناير، شهر رمضان); with a relative word it is
    /// [`Relative`](Self::Relative). Name `month`.
    Month,
    /// A year alone (عام 2014، 1445هـ، منذ 2014). Name `year`.
    Year,
    /// A range of days in one month (7-8 أغسطس 2023، من 7 إلى 8 ...). Name `day-range`.
    DayRange,
    /// A weekday that names no date (يوم الأحد); with a relative word it is
    /// [`Relative`](Self::Relative). Name `weekday`.
    Weekday,
    /// A date said through its relation to the moment of writing: a day word (اليوم، أمس، أول أمس، غدا، بعد غد), a counted
    /// span (منذ 3 أيام، قبل يومين، بعد أسبوعين، خلال ثلاثة أشهر; منذ سنوات without a
    /// count), a named period (الأسبوع الماضي، الشهر الجاري، السنة المقبلة، هذا العام، العام
    /// قبل الماضي), the last or next few periods (الأيام الماضية، الأشهر الستة المقبلة،
    /// العامين الماضيين), whose offset is [`DateMatch::offset`]; or a month or weekday
    /// with a relative word and no day (رمضان المقبل، شهر تموز الماضي، الخميس الماضي),
    /// whose value is the month or whose weekday is [`DateMatch::weekday`], with the word in
    /// [`DateMatch::relative`]. Name `relative`.
    Relative,
}

impl DateKind {
    /// The kind's name: `date`, `day-month`, `month-year`, `month`, `year`, `day-range`,
    /// `weekday`, `relative`.
    ///
    /// ```
    /// assert_eq!(nass_dates::DateKind::DayRange.name(), "day-range");
    /// assert_eq!(nass_dates::DateKind::Relative.name(), "relative");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::DayMonth => "day-month",
            DateKind::MonthYear => "month-year",
            DateKind::Month => "month",
            DateKind::Year => "year",
            DateKind::DayRange => "day-range",
            DateKind::Weekday => "weekday",
            DateKind::Relative => "relative",
        }
    }
}

impl fmt::Display for DateKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The value of a date expression as far as the text determines it, printed as ISO 8601:
/// `2024-02-11`, `2024-02`, `2014`, `--02-11` (month and day), `--02` (month only),
/// `2023-08-07/2023-08-08` (a range of days), and the empty string for a weekday alone.
/// Years before the era (ق.م) are astronomical: 1 BC is `0000`, 2 BC is `-0001`. A
/// relative date resolved against an anchor may also be an ISO week (`2024-W05`: Monday
/// to Sunday, the year is the ISO week-year) or a range whose ends are in different months
/// or years (`2024-02-11/2024-03-01`, `2024-02/2024-05`), from a span (خلال).
///
/// ```
/// use nass_dates::find_dates;
/// let v: Vec<String> = find_dates("في 7-8 أغسطس/ آب 2023 وفي 25 يناير")
///     .map(|d| d.value().to_string())
///     .collect();
/// assert_eq!(v, ["2023-08-07/2023-08-08", "--01-25"]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateValue {
    pub(super) year: Option<i32>,
    pub(super) month: Option<u8>,
    pub(super) day: Option<u8>,
    pub(super) last_day: Option<u8>,
    /// An ISO week of `year` (the ISO week-year); month and day are then `None`.
    pub(super) week: Option<u8>,
    /// The end of a range whose ends differ in more than the day.
    pub(super) until: Option<Point>,
}

/// One end of a range of [`DateValue`]: a year with a month, a month and day, or a week.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct Point {
    pub(super) year: i32,
    pub(super) month: Option<u8>,
    pub(super) day: Option<u8>,
    pub(super) week: Option<u8>,
}

impl Point {
    pub(super) fn value(self) -> DateValue {
        DateValue {
            year: Some(self.year),
            month: self.month,
            day: self.day,
            week: self.week,
            ..DateValue::default()
        }
    }
}

impl DateValue {
    /// The year, if the text gives it.
    ///
    /// ```
    /// let d = nass_dates::find_dates("عام 2014").next().unwrap();
    /// assert_eq!((d.value().year(), d.value().month()), (Some(2014), None));
    /// ```
    pub const fn year(&self) -> Option<i32> {
        self.year
    }

    /// The month (1–12), if the text gives it.
    ///
    /// ```
    /// let d = nass_dates::find_dates("في شباط 2024").next().unwrap();
    /// assert_eq!(d.value().month(), Some(2));
    /// ```
    pub const fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day (the first day of a range), if the text gives it.
    ///
    /// ```
    /// let d = nass_dates::find_dates("من 7 إلى 9 أيار").next().unwrap();
    /// assert_eq!((d.value().day(), d.value().last_day()), (Some(7), Some(9)));
    /// ```
    pub const fn day(&self) -> Option<u8> {
        self.day
    }

    /// The last day of a range of days.
    ///
    /// ```
    /// let d = nass_dates::find_dates("يوم 7 أيار").next().unwrap();
    /// assert_eq!(d.value().last_day(), None);
    /// ```
    pub const fn last_day(&self) -> Option<u8> {
        self.last_day
    }

    /// The ISO week (1–53) of a relative date resolved at week precision
    /// (الأسبوع الماضي); [`DateValue::year`] is then the ISO week-year.
    ///
    /// ```
    /// use nass_dates::{DateFinder, GregorianDate};
    /// // 2024-02-11 is the Sunday of ISO week 6: the week before is 2024-W05.
    /// let f = DateFinder::builder().anchor(GregorianDate::new(2024, 2, 11)?).build();
    /// let d = f.find_iter("الأسبوع الماضي").next().unwrap();
    /// assert_eq!(d.resolved().unwrap().week(), Some(5));
    /// assert_eq!(d.resolved().unwrap().to_string(), "2024-W05");
    /// # Ok::<(), nass_dates::DateError>(())
    /// ```
    pub const fn week(&self) -> Option<u8> {
        self.week
    }

    /// The end of a range whose ends differ in more than the day (a resolved span:
    /// خلال ثلاثة أشهر), as a value of its own.
    ///
    /// ```
    /// use nass_dates::{DateFinder, GregorianDate};
    /// let f = DateFinder::builder().anchor(GregorianDate::new(2024, 2, 11)?).build();
    /// let d = f.find_iter("خلال ثلاثة أشهر").next().unwrap();
    /// let r = d.resolved().unwrap();
    /// assert_eq!((r.to_string(), r.until().unwrap().to_string()), ("2024-02/2024-05".to_string(), "2024-05".to_string()));
    /// # Ok::<(), nass_dates::DateError>(())
    /// ```
    pub fn until(&self) -> Option<DateValue> {
        self.until.map(Point::value)
    }

    /// Whether year, month and day are all known.
    ///
    /// ```
    /// let d = nass_dates::find_dates("السبت 5/ 6/ 2021").next().unwrap();
    /// assert!(d.value().is_complete());
    /// ```
    pub const fn is_complete(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    fn write_one(&self, f: &mut fmt::Formatter<'_>, day: Option<u8>) -> fmt::Result {
        match (self.year, self.month, day) {
            (Some(y), m, d) => {
                if y < 0 {
                    write!(f, "-{:04}", -(y as i64))?;
                } else {
                    write!(f, "{y:04}")?;
                }
                if let Some(w) = self.week {
                    write!(f, "-W{w:02}")?;
                } else if let Some(m) = m {
                    write!(f, "-{m:02}")?;
                    if let Some(d) = d {
                        write!(f, "-{d:02}")?;
                    }
                }
                Ok(())
            }
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_one(f, self.day)?;
        if let Some(last) = self.last_day {
            f.write_str("/")?;
            self.write_one(f, Some(last))?;
        } else if let Some(until) = self.until {
            f.write_str("/")?;
            let end = until.value();
            end.write_one(f, end.day)?;
        }
        Ok(())
    }
}

/// The unit of a [`RelativeOffset`].
///
/// ```
/// use nass_dates::RelativeUnit;
/// assert_eq!((RelativeUnit::Week.name(), RelativeUnit::Week.designator()), ("week", 'W'));
/// assert!(RelativeUnit::Hour.is_time());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RelativeUnit {
    /// دقيقة، دقائق، دقيقتين.
    Minute,
    /// ساعة، ساعات، ساعتين.
    Hour,
    /// يوم، أيام، يومين, and the day words (أمس، غدا ...).
    Day,
    /// أسبوع، أسابيع، أسبوعين، الأسبوع.
    Week,
    /// شهر، أشهر، شهور، شهرين، الشهر.
    Month,
    /// سنة، سنوات، سنين، سنتين، عام، أعوام، عامين، العام، السنة.
    Year,
}

impl RelativeUnit {
    /// `minute`, `hour`, `day`, `week`, `month` or `year`.
    ///
    /// ```
    /// assert_eq!(nass_dates::RelativeUnit::Year.name(), "year");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            RelativeUnit::Minute => "minute",
            RelativeUnit::Hour => "hour",
            RelativeUnit::Day => "day",
            RelativeUnit::Week => "week",
            RelativeUnit::Month => "month",
            RelativeUnit::Year => "year",
        }
    }

    /// The ISO 8601 duration designator: `M` (minutes, after `T`), `H`, `D`, `W`, `M`, `Y`.
    ///
    /// ```
    /// assert_eq!(nass_dates::RelativeUnit::Minute.designator(), 'M');
    /// ```
    pub const fn designator(self) -> char {
        match self {
            RelativeUnit::Minute | RelativeUnit::Month => 'M',
            RelativeUnit::Hour => 'H',
            RelativeUnit::Day => 'D',
            RelativeUnit::Week => 'W',
            RelativeUnit::Year => 'Y',
        }
    }

    /// Whether the unit is shorter than a day (hours, minutes): such an offset is written
    /// after `T` and resolves to no date, since the anchor is a day.
    ///
    /// ```
    /// assert!(!nass_dates::RelativeUnit::Day.is_time());
    /// ```
    pub const fn is_time(self) -> bool {
        matches!(self, RelativeUnit::Minute | RelativeUnit::Hour)
    }
}

/// Where a relative date lies from the moment of writing, as far as the text fixes it: a
/// whole number of [`RelativeUnit`]s back (negative) or forward, or a span between two
/// such offsets (خلال ثلاثة أشهر: from now to three months on).
///
/// Written as a signed ISO 8601 duration (ISO 8601-2 allows the sign): `-P1D` (أمس),
/// `P0D` (اليوم), `P2W` (بعد أسبوعين), `-P1M` (الشهر الماضي), `-P2Y` (العام قبل الماضي),
/// `-PT3H` (منذ 3 ساعات); a span is its two ends joined by `/` as in an ISO interval:
/// `P0M/P3M` (خلال ثلاثة أشهر). The unit is also the precision: against an anchor the
/// offset resolves to a day, an ISO week, a month or a year ([`DateMatch::resolved`]), so
/// `-P1M` said on 2024-02-11 is `2024-01`, the previous calendar month.
///
/// ```
/// use nass_dates::{find_dates, RelativeUnit};
/// let o: Vec<String> = find_dates("وصل أمس، ويعود بعد أسبوعين، خلال ثلاثة أشهر")
///     .map(|d| d.offset().unwrap().to_string())
///     .collect();
/// assert_eq!(o, ["-P1D", "P2W", "P0M/P3M"]);
/// let o = find_dates("منذ 3 أيام").next().unwrap().offset().unwrap();
/// assert_eq!((o.start(), o.end(), o.unit(), o.is_span()), (-3, -3, RelativeUnit::Day, false));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RelativeOffset {
    pub(super) unit: RelativeUnit,
    pub(super) start: i32,
    pub(super) end: i32,
}

impl RelativeOffset {
    /// The unit, which is also the precision of the resolved value.
    ///
    /// ```
    /// let o = nass_dates::find_dates("العام الماضي").next().unwrap().offset().unwrap();
    /// assert_eq!(o.unit(), nass_dates::RelativeUnit::Year);
    /// ```
    pub const fn unit(&self) -> RelativeUnit {
        self.unit
    }

    /// The offset in units (of the start, for a span): negative before the moment of
    /// writing.
    ///
    /// ```
    /// let o = nass_dates::find_dates("قبل يومين").next().unwrap().offset().unwrap();
    /// assert_eq!(o.start(), -2);
    /// ```
    pub const fn start(&self) -> i32 {
        self.start
    }

    /// The offset of the end of a span; [`RelativeOffset::start`] for a single offset.
    ///
    /// ```
    /// let o = nass_dates::find_dates("خلال 10 أيام").next().unwrap().offset().unwrap();
    /// assert_eq!((o.start(), o.end()), (0, 10));
    /// ```
    pub const fn end(&self) -> i32 {
        self.end
    }

    /// Whether it is a span (خلال) rather than a single offset.
    ///
    /// ```
    /// assert!(!nass_dates::find_dates("غدا").next().unwrap().offset().unwrap().is_span());
    /// ```
    pub const fn is_span(&self) -> bool {
        self.start != self.end
    }

    fn write_one(&self, f: &mut fmt::Formatter<'_>, n: i32) -> fmt::Result {
        let sign = if n < 0 { "-" } else { "" };
        let t = if self.unit.is_time() { "T" } else { "" };
        write!(
            f,
            "{sign}P{t}{}{}",
            n.unsigned_abs(),
            self.unit.designator()
        )
    }
}

impl fmt::Display for RelativeOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_one(f, self.start)?;
        if self.is_span() {
            f.write_str("/")?;
            self.write_one(f, self.end)?;
        }
        Ok(())
    }
}

/// The vague part of a month, year or period that a word before it names: early (مطلع،
/// مستهل، أوائل، بداية), middle (منتصف، أواسط), late (أواخر، نهاية، نهايات). The value
/// stays the whole month, year or period; the part says which part of it is meant.
///
/// ```
/// use nass_dates::{find_dates, DatePart};
/// let d: Vec<_> = find_dates("في منتصف مارس 2023 وأواخر الشهر الماضي")
///     .map(|d| (d.text(), d.part()))
///     .collect();
/// assert_eq!(d, [
///     ("منتصف مارس 2023", Some(DatePart::Middle)),
///     ("وأواخر الشهر الماضي", Some(DatePart::Late)),
/// ]);
/// assert_eq!(DatePart::Early.name(), "early");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DatePart {
    /// مطلع، مستهل، أوائل، بداية، بدايات.
    Early,
    /// منتصف، أواسط.
    Middle,
    /// أواخر، نهاية، نهايات.
    Late,
}

impl DatePart {
    /// `early`, `middle` or `late`.
    ///
    /// ```
    /// assert_eq!(nass_dates::DatePart::Late.name(), "late");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            DatePart::Early => "early",
            DatePart::Middle => "middle",
            DatePart::Late => "late",
        }
    }
}

/// One date expression found in text.
///
/// ```
/// use nass_dates::{find_dates, CalendarKind, DateKind, Weekday};
/// let text = "الأحد 1 شعبان 1445هـ الموافق 11 فبراير 2024م";
/// let found: Vec<_> = find_dates(text).collect();
/// assert_eq!(found.len(), 2);
/// let (h, g) = (&found[0], &found[1]);
/// assert_eq!((h.text(), h.kind(), h.calendar()), ("الأحد 1 شعبان 1445هـ", DateKind::Date, CalendarKind::Hijri));
/// assert_eq!(h.value().to_string(), "1445-08-01");
/// assert_eq!(h.gregorian().unwrap().to_string(), "2024-02-11");
/// assert_eq!((h.weekday(), h.weekday_conflict()), (Some(Weekday::Sunday), false));
/// assert_eq!(g.text(), "11 فبراير 2024م");
/// assert_eq!(h.linked(), Some(g.span()));
/// assert_eq!(g.linked(), Some(h.span()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMatch<'t> {
    pub(super) text: &'t str,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: DateKind,
    pub(super) calendar: CalendarKind,
    pub(super) system: Option<NamingSystem>,
    pub(super) value: DateValue,
    pub(super) resolved: Option<DateValue>,
    pub(super) unresolved: Option<DateError>,
    pub(super) weekday: Option<Weekday>,
    pub(super) weekday_conflict: bool,
    pub(super) relative: Option<RelativeWord>,
    pub(super) offset: Option<RelativeOffset>,
    pub(super) part: Option<DatePart>,
    pub(super) gregorian: Option<GregorianDate>,
    pub(super) linked: Option<Range<usize>>,
}

impl<'t> DateMatch<'t> {
    /// Byte offset of the start in the original text.
    ///
    /// ```
    /// assert_eq!(nass_dates::find_dates("في 2024/02/11").next().unwrap().start(), 5);
    /// ```
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset of the end in the original text.
    ///
    /// ```
    /// assert_eq!(nass_dates::find_dates("في 2024/02/11").next().unwrap().end(), 15);
    /// ```
    pub fn end(&self) -> usize {
        self.end
    }

    /// The byte span in the original text (proclitics of the first word included).
    ///
    /// ```
    /// assert_eq!(nass_dates::find_dates("وفي آذار 2020").next().unwrap().span(), 7..20);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The expression as written.
    ///
    /// ```
    /// assert_eq!(nass_dates::find_dates("منذ 7 أكتوبر/تشرين الأول الماضي، قال").next().unwrap().text(), "7 أكتوبر/تشرين الأول الماضي");
    /// ```
    pub fn text(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    /// What the expression states.
    ///
    /// ```
    /// use nass_dates::DateKind;
    /// assert_eq!(nass_dates::find_dates("منذ 2014").next().unwrap().kind(), DateKind::Year);
    /// ```
    pub fn kind(&self) -> DateKind {
        self.kind
    }

    /// The calendar of the value: Hijri for Hijri month names and years marked هـ.
    ///
    /// ```
    /// use nass_dates::CalendarKind;
    /// assert_eq!(nass_dates::find_dates("سنة 1445هـ").next().unwrap().calendar(), CalendarKind::Hijri);
    /// ```
    pub fn calendar(&self) -> CalendarKind {
        self.calendar
    }

    /// The naming system of the (first) month name, when a month is named.
    ///
    /// ```
    /// use nass_dates::NamingSystem;
    /// assert_eq!(nass_dates::find_dates("في 3 جويلية").next().unwrap().naming_system(), Some(NamingSystem::French));
    /// assert_eq!(nass_dates::find_dates("في 3/7/2020").next().unwrap().naming_system(), None);
    /// ```
    pub fn naming_system(&self) -> Option<NamingSystem> {
        self.system
    }

    /// The value as the text states it (see [`DateValue`]); empty for a
    /// [`DateKind::Relative`] date, which names no calendar day: its value is its
    /// [`DateMatch::offset`].
    ///
    /// ```
    /// assert_eq!(nass_dates::find_dates("١١ شباط ٢٠٢٤").next().unwrap().value().to_string(), "2024-02-11");
    /// ```
    pub fn value(&self) -> &DateValue {
        &self.value
    }

    /// The value completed against the finder's anchor date ([`DateFinderBuilder::anchor`](crate::DateFinderBuilder::anchor)),
    /// in the expression's calendar (for Hijri, the finder's Hijri calendar): a missing
    /// year comes from the anchor, chosen before it for الماضي and its synonyms, after it
    /// for المقبل and its synonyms, and the anchor's own year otherwise; a weekday alone
    /// becomes the closest such day before the anchor (الماضي), after it (المقبل), or on or
    /// before it. A value the text completes is its own resolution. `None` without an
    /// anchor, and when resolution fails ([`DateMatch::unresolved`] says why).
    ///
    /// A relative date ([`DateKind::Relative`]) resolves to the day, ISO week, month or
    /// year its offset names from the anchor, a span to the range between its two ends
    /// (see [`RelativeOffset`]); a vague count, and hours and minutes, are not resolved
    /// (both this and [`DateMatch::unresolved`] are `None`).
    ///
    /// A resolved day always exists in its calendar. When the day the text names does not
    /// exist in the year chosen (29 February in a common year, the 30th of a 29-day Hijri
    /// month), الماضي looks back to the nearest year where it exists and المقبل forward
    /// to the nearest one; without such a word the anchor's year is meant, and the value
    /// stays unresolved. So does a year outside the range the calendar supports (before 1
    /// or after 9999 CE, outside the Umm al-Qura table).
    ///
    /// ```
    /// use nass_dates::{DateFinder, GregorianDate};
    /// let finder = DateFinder::builder().anchor(GregorianDate::new(2024, 2, 11)?).build();
    /// let d: Vec<String> = finder
    ///     .find_iter("في 25 يناير الماضي وأبريل الماضي والخميس المقبل")
    ///     .map(|d| d.resolved().unwrap().to_string())
    ///     .collect();
    /// assert_eq!(d, ["2024-01-25", "2023-04", "2024-02-15"]);
    ///
    /// // Said on 1 June 2023: the last 29 February was in 2020, the next in 2024.
    /// let finder = DateFinder::builder().anchor(GregorianDate::new(2023, 6, 1)?).build();
    /// let d: Vec<String> = finder
    ///     .find_iter("في 29 فبراير الماضي، وفي 29 فبراير المقبل")
    ///     .map(|d| d.resolved().unwrap().to_string())
    ///     .collect();
    /// assert_eq!(d, ["2020-02-29", "2024-02-29"]);
    /// let d = finder.find_iter("في 29 فبراير").next().unwrap();
    /// assert_eq!(d.resolved(), None);
    /// # Ok::<(), nass_dates::DateError>(())
    /// ```
    pub fn resolved(&self) -> Option<&DateValue> {
        self.resolved.as_ref()
    }

    /// Why the anchor could not complete the value: the day does not exist in the year
    /// the anchor gives, or the year (or the anchor's Hijri date) is outside the range
    /// the calendar supports. `None` when resolved or without an anchor.
    ///
    /// ```
    /// use nass_dates::{DateFinder, GregorianDate};
    /// let finder = DateFinder::builder().anchor(GregorianDate::new(2023, 6, 1)?).build();
    /// let d = finder.find_iter("في 29 فبراير").next().unwrap();
    /// assert_eq!(
    ///     d.unresolved().unwrap().to_string(),
    ///     "invalid Gregorian date 2023-02-29: February 2023 has 28 days"
    /// );
    /// // Before 1 CE: there was no earlier 25 January in the calendar's range.
    /// let finder = DateFinder::builder().anchor(GregorianDate::new(1, 1, 1)?).build();
    /// let d = finder.find_iter("في 25 يناير الماضي").next().unwrap();
    /// assert!(d.unresolved().unwrap().is_out_of_range());
    /// # Ok::<(), nass_dates::DateError>(())
    /// ```
    pub fn unresolved(&self) -> Option<&DateError> {
        self.unresolved.as_ref()
    }

    /// The weekday named in the expression, if any.
    ///
    /// ```
    /// use nass_dates::Weekday;
    /// assert_eq!(nass_dates::find_dates("يوم الخميس").next().unwrap().weekday(), Some(Weekday::Thursday));
    /// ```
    pub fn weekday(&self) -> Option<Weekday> {
        self.weekday
    }

    /// Whether the named weekday contradicts the full date it precedes.
    ///
    /// ```
    /// // 5 June 2021 was a Saturday.
    /// assert!(!nass_dates::find_dates("السبت 5/ 6/ 2021").next().unwrap().weekday_conflict());
    /// assert!(nass_dates::find_dates("الأحد 5/ 6/ 2021").next().unwrap().weekday_conflict());
    /// ```
    pub fn weekday_conflict(&self) -> bool {
        self.weekday_conflict
    }

    /// The relative word after the expression (الماضي، المقبل، الجاري ...), if any.
    ///
    /// ```
    /// use nass_dates::RelativeWord;
    /// assert_eq!(nass_dates::find_dates("في نيسان/أبريل المقبل").next().unwrap().relative(), Some(RelativeWord::Next));
    /// ```
    pub fn relative(&self) -> Option<RelativeWord> {
        self.relative
    }

    /// Where a [`DateKind::Relative`] date lies from the moment of writing, when the text
    /// fixes it (see [`RelativeOffset`]); `None` for the other kinds and for a vague count
    /// (منذ سنوات، قبل أيام، بعد بضعة أشهر), which has only its direction
    /// ([`DateMatch::relative`]).
    ///
    /// ```
    /// use nass_dates::{find_dates, RelativeWord};
    /// let d: Vec<_> = find_dates("عاد أول أمس بعد غياب، ومنذ سنوات لم يزرها")
    ///     .map(|d| (d.text(), d.offset().map(|o| o.to_string()), d.relative()))
    ///     .collect();
    /// assert_eq!(d, [
    ///     ("أول أمس", Some("-P2D".to_string()), Some(RelativeWord::Past)),
    ///     ("ومنذ سنوات", None, Some(RelativeWord::Past)),
    /// ]);
    /// ```
    pub fn offset(&self) -> Option<RelativeOffset> {
        self.offset
    }

    /// The part of the month, year or period named before it (مطلع، منتصف، أواخر ...).
    ///
    /// ```
    /// use nass_dates::DatePart;
    /// let d = nass_dates::find_dates("في أوائل عام 2020").next().unwrap();
    /// assert_eq!((d.text(), d.value().to_string(), d.part()), ("أوائل عام 2020", "2020".to_string(), Some(DatePart::Early)));
    /// ```
    pub fn part(&self) -> Option<DatePart> {
        self.part
    }

    /// The Gregorian day of a complete date: the date itself for a Gregorian date, its
    /// conversion for a Hijri date inside the finder's Hijri calendar (Umm al-Qura by
    /// default; `None` outside its table).
    ///
    /// ```
    /// let d = nass_dates::find_dates("1445/08/01هـ").next().unwrap();
    /// assert_eq!(d.gregorian().unwrap().to_string(), "2024-02-11");
    /// ```
    pub fn gregorian(&self) -> Option<GregorianDate> {
        self.gregorian
    }

    /// For a Hijri and a Gregorian date joined by الموافق: the span of the other one.
    ///
    /// ```
    /// let d = nass_dates::find_dates("1 رمضان 1445 هـ الموافق 11 آذار 2024").next().unwrap();
    /// assert_eq!(d.linked(), Some(38..54)); // 11 آذار 2024
    /// ```
    pub fn linked(&self) -> Option<Range<usize>> {
        self.linked.clone()
    }
}

/// The workspace's accessor convention (`nass_core::span`).
///
/// ```
/// use nass_core::Spanned;
/// let d = nass_dates::find_dates("في 11 فبراير 2024").next().unwrap();
/// assert_eq!(Spanned::span(&d), 5..25);
/// ```
impl Spanned for DateMatch<'_> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn text(&self) -> &str {
        DateMatch::text(self)
    }
}
