//! Date expressions in running text: [`find_dates`] and [`DateFinder`].
//!
//! The finder walks the text from anchor to anchor: a date word of the lexicon (month,
//! weekday; found by the lexicon gazetteer, so clitics, diacritics and tatweel work) or a
//! run of digits in any digit set. Around each anchor it reads the few words that make a
//! date expression (من، شهر، عام، منذ، الموافق ...) with its own small folding
//! comparison, so it never allocates per word.

use std::fmt;
use std::ops::Range;

use nass_numerals::parse_ordinal_day;

use nass_calendar::{
    gregorian_month_length, CalendarKind, DateError, EraMark, GregorianDate, HijriCalendar,
    HijriDate, NamingSystem, Weekday,
};

use crate::lexicon::{find_date_words, DateWordMatch};
use crate::word::{DateWord, RelativeWord};

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
    /// A month alone (كانون الثاني/يناير، شهر رمضان). Name `month`.
    Month,
    /// A year alone (عام 2014، 1445هـ، منذ 2014). Name `year`.
    Year,
    /// A range of days in one month (7-8 أغسطس 2023، من 7 إلى 8 ...). Name `day-range`.
    DayRange,
    /// A weekday that names no date (يوم الأحد، الخميس الماضي). Name `weekday`.
    Weekday,
}

impl DateKind {
    /// The kind's name: `date`, `day-month`, `month-year`, `month`, `year`, `day-range`,
    /// `weekday`.
    ///
    /// ```
    /// assert_eq!(nass_dates::DateKind::DayRange.name(), "day-range");
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
/// Years before the era (ق.م) are astronomical: 1 BC is `0000`, 2 BC is `-0001`.
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
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    last_day: Option<u8>,
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
                if let Some(m) = m {
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
        }
        Ok(())
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
    text: &'t str,
    start: usize,
    end: usize,
    kind: DateKind,
    calendar: CalendarKind,
    system: Option<NamingSystem>,
    value: DateValue,
    resolved: Option<DateValue>,
    unresolved: Option<DateError>,
    weekday: Option<Weekday>,
    weekday_conflict: bool,
    relative: Option<RelativeWord>,
    gregorian: Option<GregorianDate>,
    linked: Option<Range<usize>>,
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

    /// The value as the text states it (see [`DateValue`]).
    ///
    /// ```
    /// assert_eq!(nass_dates::find_dates("١١ شباط ٢٠٢٤").next().unwrap().value().to_string(), "2024-02-11");
    /// ```
    pub fn value(&self) -> &DateValue {
        &self.value
    }

    /// The value completed against the finder's anchor date ([`DateFinderBuilder::anchor`]),
    /// in the expression's calendar (for Hijri, the finder's Hijri calendar): a missing
    /// year comes from the anchor, chosen before it for الماضي and its synonyms, after it
    /// for المقبل and its synonyms, and the anchor's own year otherwise; a weekday alone
    /// becomes the closest such day before the anchor (الماضي), after it (المقبل), or on or
    /// before it. A value the text completes is its own resolution. `None` without an
    /// anchor, and when resolution fails ([`DateMatch::unresolved`] says why).
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

/// Finds date expressions; configured by [`DateFinder::builder`].
///
/// ```
/// use nass_dates::{DateFinder, GregorianDate};
/// let finder = DateFinder::builder().anchor(GregorianDate::new(2024, 2, 11)?).build();
/// let d = finder.find_iter("وصل في 25 يناير/ كانون الثاني الماضي").next().unwrap();
/// assert_eq!(d.value().to_string(), "--01-25");
/// assert_eq!(d.resolved().unwrap().to_string(), "2024-01-25");
/// # Ok::<(), nass_dates::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateFinder {
    anchor: Option<GregorianDate>,
    calendar: HijriCalendar,
}

impl Default for DateFinder {
    fn default() -> Self {
        DateFinder::new()
    }
}

/// Configures a [`DateFinder`].
///
/// ```
/// use nass_dates::{DateFinder, HijriCalendar};
/// let f = DateFinder::builder().hijri_calendar("islamic-civil".parse()?).build();
/// let d = f.find_iter("1 رمضان 1445هـ").next().unwrap();
/// assert_eq!(d.gregorian().unwrap().to_string(), "2024-03-11");
/// # Ok::<(), nass_dates::DateError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct DateFinderBuilder {
    finder: DateFinder,
}

impl DateFinderBuilder {
    /// The date the text was written on, to resolve partial dates ([`DateMatch::resolved`]).
    ///
    /// ```
    /// use nass_dates::{DateFinder, GregorianDate};
    /// let f = DateFinder::builder().anchor(GregorianDate::new(2024, 2, 11)?).build();
    /// assert_eq!(f.find_iter("في أبريل المقبل").next().unwrap().resolved().unwrap().to_string(), "2024-04");
    /// # Ok::<(), nass_dates::DateError>(())
    /// ```
    pub fn anchor(mut self, date: GregorianDate) -> Self {
        self.finder.anchor = Some(date);
        self
    }

    /// The Hijri calendar for Gregorian equivalents and anchors (default Umm al-Qura).
    ///
    /// ```
    /// use nass_dates::{DateFinder, HijriCalendar};
    /// let f = DateFinder::builder().hijri_calendar(HijriCalendar::UmmAlQura).build();
    /// assert_eq!(f.find_iter("1 رمضان 1445هـ").next().unwrap().gregorian().unwrap().to_string(), "2024-03-11");
    /// ```
    pub fn hijri_calendar(mut self, calendar: HijriCalendar) -> Self {
        self.finder.calendar = calendar;
        self
    }

    /// The finder.
    ///
    /// ```
    /// let f = nass_dates::DateFinder::builder().build();
    /// assert_eq!(f, nass_dates::DateFinder::new());
    /// ```
    pub fn build(self) -> DateFinder {
        self.finder
    }
}

impl DateFinder {
    /// A finder without anchor, with the Umm al-Qura calendar.
    ///
    /// ```
    /// assert_eq!(nass_dates::DateFinder::new().find_iter("عام 2014").count(), 1);
    /// ```
    pub fn new() -> Self {
        DateFinder {
            anchor: None,
            calendar: HijriCalendar::UmmAlQura,
        }
    }

    /// A builder starting from [`DateFinder::new`].
    ///
    /// ```
    /// let f = nass_dates::DateFinder::builder().build();
    /// assert_eq!(f.find_iter("لا تاريخ هنا").count(), 0);
    /// ```
    pub fn builder() -> DateFinderBuilder {
        DateFinderBuilder {
            finder: DateFinder::new(),
        }
    }

    /// Every date expression in `text`, in text order, not overlapping.
    ///
    /// ```
    /// let f = nass_dates::DateFinder::new();
    /// let v: Vec<_> = f.find_iter("السبت 5/ 6/ 2021 وعام 2014").map(|d| d.text()).collect();
    /// assert_eq!(v, ["السبت 5/ 6/ 2021", "وعام 2014"]);
    /// ```
    pub fn find_iter<'t>(&self, text: &'t str) -> DateMatches<'t> {
        let words = collect_words(text);
        DateMatches {
            finder: *self,
            text,
            words,
            word_index: 0,
            pos: 0,
            last_end: 0,
            pending: Vec::new(),
        }
    }
}

/// Every date expression in `text` (a [`DateFinder::new`] without anchor).
///
/// ```
/// use nass_dates::find_dates;
/// let text = "اجتمع الوفد يوم الأحد 11 فبراير/شباط 2024، بعد جولة في 7-8 أغسطس/ آب 2023.";
/// let found: Vec<_> = find_dates(text)
///     .map(|d| (d.span(), d.kind().name(), d.value().to_string()))
///     .collect();
/// assert_eq!(found, [
///     (29..69, "date", "2024-02-11".to_string()),
///     (93..118, "day-range", "2023-08-07/2023-08-08".to_string()),
/// ]);
/// ```
pub fn find_dates(text: &str) -> DateMatches<'_> {
    DateFinder::new().find_iter(text)
}

/// Base letters a run must have on each side of a cut inside it: more than any word of
/// the lexicon with its proclitics, and more than the 64 bytes beyond which the finder
/// compares no word with its keywords.
pub(crate) const CUT_LETTERS: usize = 40;

/// Digits a run must have on each side of a cut inside it: a number of five digits or
/// more is part of no date, whatever its length.
const CUT_DIGITS: usize = 5;

/// The largest byte offset `k` at which `text` may be cut for streaming: whatever text
/// follows `text` later in the stream, the dates of the whole are those of `&text[..k]`
/// followed by those of the rest, shifted by `k` (any [`DateFinder`]; spans, values and
/// links alike). 0 when there is no such place.
///
/// It is after the last line break (no date crosses one), or later, inside a run too long
/// to take part in a date: at least 40 letters on each side (a word no lexicon entry or
/// keyword can be), or at least 5 digits on each side (a number too long for a day, month
/// or year). So even a line of many megabytes with no whitespace can be cut where the
/// cut changes nothing.
///
/// ```
/// use nass_dates::{find_dates, last_safe_cut};
/// let text = "وصل في 11 فبراير 2024\nوعاد في 25 يناير";
/// let k = last_safe_cut(text);
/// assert_eq!(&text[k..], "وعاد في 25 يناير"); // "يناير 2024" may follow
/// let digits = "٠١٢٣٤٥٦٧٨٩".repeat(3);
/// let k = last_safe_cut(&digits);
/// assert_eq!(digits[k..].chars().count(), 5);
/// assert_eq!(last_safe_cut("في 11 فبراير 2024"), 0);
/// ```
pub fn last_safe_cut(text: &str) -> usize {
    // Scanning back: the length of the run of digits, and of base letters (marks between
    // them included, not counted), that starts at the current char.
    let (mut letters, mut digits) = (0, 0);
    // The start of the `n`-th char from `i` on that `counts`: `n` of them are before it.
    let after = |i: usize, n: usize, counts: fn(char) -> bool| {
        text[i..]
            .char_indices()
            .filter(|&(_, c)| counts(c))
            .nth(n)
            .map_or(0, |(j, _)| i + j)
    };
    for (i, c) in text.char_indices().rev() {
        if c == '\n' {
            return i + 1;
        }
        if decimal(c) {
            letters = 0;
            digits += 1;
            if digits == 2 * CUT_DIGITS {
                return after(i, CUT_DIGITS, decimal);
            }
        } else if is_cut_letter(c) {
            digits = 0;
            letters += 1;
            if letters == 2 * CUT_LETTERS {
                return after(i, CUT_LETTERS, is_cut_letter);
            }
        } else if !(is_mark(c) && letters > 0) {
            // A mark on a letter of the run is part of the run; anything else ends it.
            letters = 0;
            digits = 0;
        }
    }
    0
}

/// A letter that counts toward [`CUT_LETTERS`]: an ASCII letter, or an Arabic letter that
/// normalization folds but never removes.
fn is_cut_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{0622}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// The iterator of [`find_dates`] and [`DateFinder::find_iter`].
#[derive(Debug)]
pub struct DateMatches<'t> {
    finder: DateFinder,
    text: &'t str,
    words: Vec<Word>,
    word_index: usize,
    pos: usize,
    last_end: usize,
    /// Matches found but not yet returned, in reverse order.
    pending: Vec<DateMatch<'t>>,
}

/// A date word of the lexicon, the readings of one span merged.
#[derive(Clone, Copy, Debug)]
struct Word {
    start: usize,
    end: usize,
    month: Option<(u8, NamingSystem)>,
    weekday: Option<Weekday>,
    relative: Option<RelativeWord>,
    ambiguous: bool,
}

fn collect_words(text: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    // A date never crosses a line break, not even a two-word month name (كانون / الثاني),
    // and what a line holds must not depend on the lines around it (the stream cuts at
    // line breaks). The matcher reads the whole text at once, which is fast; where one of
    // its matches spans a line break, the lines it touches are read again one by one.
    let mut done = 0;
    let mut last_span = None;
    for m in find_date_words(text) {
        let span = m.span();
        if span.end <= done {
            continue; // read again with its lines
        }
        if span.start >= done && !text[span.clone()].contains('\n') {
            push_word(&m, 0, text, &mut words, &mut last_span);
            continue;
        }
        let first = text[..span.start.max(done)]
            .rfind('\n')
            .map_or(0, |i| i + 1)
            .max(done);
        let last = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i + 1);
        while words.last().is_some_and(|w| w.start >= first) {
            words.pop();
        }
        let mut offset = first;
        for line in text[first..last].split_inclusive('\n') {
            for m in find_date_words(line) {
                push_word(&m, offset, text, &mut words, &mut last_span);
            }
            offset += line.len();
        }
        done = last;
    }
    words
}

/// Adds the date word `m`, found in a text that starts at `offset` in `text`, merged with
/// the last one when they have the same span.
fn push_word(
    m: &DateWordMatch<'_>,
    offset: usize,
    text: &str,
    words: &mut Vec<Word>,
    last_span: &mut Option<(Range<usize>, Option<Range<usize>>)>,
) {
    let raw = m.span();
    let raw = raw.start + offset..raw.end + offset;
    let entry = m.entry();
    // The readings of one span come one after the other: the span is worked out once.
    let span = match last_span {
        Some((r, span)) if *r == raw => span.clone(),
        _ => {
            let span = word_span(text, raw.clone(), entry.spelling());
            *last_span = Some((raw, span.clone()));
            span
        }
    };
    let Some(span) = span else {
        return;
    };
    if let Some(last) = words.last_mut() {
        if last.start == span.start && last.end == span.end {
            last.ambiguous &= entry.needs_context();
            if let (None, DateWord::Month(mn)) = (last.month, entry.word()) {
                last.month = Some((mn.month(), mn.system()));
            }
            return;
        }
    }
    let mut w = Word {
        start: span.start,
        end: span.end,
        month: None,
        weekday: None,
        relative: None,
        ambiguous: entry.needs_context(),
    };
    match entry.word() {
        DateWord::Month(mn) => w.month = Some((mn.month(), mn.system())),
        DateWord::Weekday(d) => w.weekday = Some(d),
        DateWord::Relative(r) => w.relative = Some(r),
        // Era marks are read by `era_at`, next to a year.
        DateWord::Era(_) => return,
    }
    words.push(w);
}

/// The span of a date word the matcher found at `raw`, or `None` when it crosses a line
/// break. The name starts where the run of letters and marks of its first word does
/// (proclitics included, and marks with no base letter before them), counted back from
/// its end: never at whitespace or before, and it ends before whitespace, whatever the
/// matcher's alignment says about stray marks.
fn word_span(text: &str, raw: Range<usize>, spelling: &str) -> Option<Range<usize>> {
    let inner = text[raw.clone()].trim_matches(is_space);
    if inner.is_empty() {
        return None;
    }
    let end = raw.start + text[raw].trim_end_matches(is_space).len();
    let start = name_start(text, end, spelling).unwrap_or(end - inner.len());
    let crosses = text.as_bytes()[start..end]
        .iter()
        .any(|&b| b == b'\n' || b == b'\r');
    (!crosses).then_some(start..end)
}

/// The start of the name `spelling` that ends at `end` in `text`: as many runs of letters
/// and marks as it has words, back from `end`, with spaces (not line breaks) between
/// them, each with a letter, the last ending in the name's last word (letters folded);
/// `None` when the text does not have that shape.
fn name_start(text: &str, end: usize, spelling: &str) -> Option<usize> {
    let is_name_char = |c: char| is_word_char(c) || matches!(c, '\u{200C}' | '\u{200D}');
    let mut start = end;
    for k in 0..spelling.split_whitespace().count() {
        if k > 0 {
            let head = text[..start].trim_end_matches(|c: char| is_space(c) && c != '\n');
            if head.len() == start {
                return None;
            }
            start = head.len();
        }
        let head = text[..start].trim_end_matches(is_name_char);
        // A word has a letter: marks alone are not the end of a name.
        if !text[head.len()..start].chars().any(|c| !is_mark(c)) {
            return None;
        }
        if k == 0 {
            // The last word of the name ends the run, letters folded, marks skipped.
            let last = spelling.split_whitespace().next_back()?;
            let run = text[head.len()..start]
                .chars()
                .rev()
                .filter(|&c| !is_mark(c))
                .map(fold);
            let key = last.chars().rev().filter(|&c| !is_mark(c)).map(fold);
            if !key.zip(run).all(|(a, b)| a == b)
                || last.chars().filter(|&c| !is_mark(c)).count()
                    > text[head.len()..start]
                        .chars()
                        .filter(|&c| !is_mark(c))
                        .count()
            {
                return None;
            }
        }
        start = head.len();
    }
    Some(start)
}

/// An expression before it becomes a [`DateMatch`].
#[derive(Clone, Copy, Debug)]
struct Expr {
    start: usize,
    end: usize,
    kind: DateKind,
    calendar: CalendarKind,
    system: Option<NamingSystem>,
    value: DateValue,
    weekday: Option<Weekday>,
    relative: Option<RelativeWord>,
}

#[derive(Clone, Copy, Debug)]
struct Num {
    start: usize,
    end: usize,
    value: u32,
    digits: u8,
}

#[derive(Clone, Copy, Debug)]
struct MonthPhrase {
    start: usize,
    end: usize,
    month: u8,
    system: NamingSystem,
    ambiguous: bool,
}

#[derive(Clone, Copy, Debug)]
struct YearPart {
    end: usize,
    year: i32,
    era: Option<EraMark>,
}

impl<'t> Iterator for DateMatches<'t> {
    type Item = DateMatch<'t>;

    fn next(&mut self) -> Option<DateMatch<'t>> {
        loop {
            if let Some(m) = self.pending.pop() {
                return Some(m);
            }
            if self.pos >= self.text.len() {
                return None;
            }
            while self.word_index < self.words.len() && self.words[self.word_index].start < self.pos
            {
                self.word_index += 1;
            }
            let next_word = self.words.get(self.word_index).map(|w| w.start);
            let next_digit = find_digit(self.text.as_bytes(), self.pos, next_word);
            // `find_digit` stops at the next word, so a digit found comes first.
            let (found, skip_to) = match (next_digit.and_then(|d| num_at(self.text, d)), next_word)
            {
                (Some(n), _) => (self.parse_number(n, self.last_end), n.end),
                (None, Some(w)) => {
                    let word = self.words[self.word_index];
                    (self.parse_word(word, self.last_end), word.end.max(w + 1))
                }
                (None, None) => {
                    self.pos = self.text.len();
                    return None;
                }
            };
            match found {
                Some(e) => {
                    self.pos = e.end;
                    self.last_end = e.end;
                    self.emit(e);
                }
                None => self.pos = skip_to,
            }
        }
    }
}

impl<'t> DateMatches<'t> {
    fn emit(&mut self, e: Expr) {
        // الموافق: a second date for the same day, in the other calendar.
        let mut second = None;
        let mut p = skip_ws(self.text, e.end);
        if self.text[p..].starts_with('،') || self.text[p..].starts_with(',') {
            p = skip_ws(
                self.text,
                p + self.text[p..].chars().next().map_or(1, char::len_utf8),
            );
        }
        if let Some(w) = word_after(self.text, p) {
            if matches_key(&self.text[w.clone()], &["الموافق"]) {
                let mut q = skip_ws(self.text, w.end);
                // An optional ل / لـ after الموافق.
                if let Some(l) = word_after(self.text, q) {
                    if folded_eq(&self.text[l.clone()], "ل") {
                        q = skip_ws(self.text, l.end);
                    }
                }
                if let Some(e2) = self.parse_at(q, q, true) {
                    if e2.start == q {
                        second = Some(e2);
                    }
                }
            }
        }
        let first = self.to_match(e, second.map(|s| s.start..s.end));
        if let Some(s) = second {
            self.pos = s.end;
            self.last_end = s.end;
            let m = self.to_match(s, Some(e.start..e.end));
            self.pending.push(m);
        }
        self.pending.push(first);
    }

    fn to_match(&self, e: Expr, linked: Option<Range<usize>>) -> DateMatch<'t> {
        let calendar = self.finder.calendar;
        let gregorian = match (e.value.year, e.value.month, e.value.day, e.value.last_day) {
            (Some(y), Some(m), Some(d), None) => match e.calendar {
                CalendarKind::Gregorian => GregorianDate::new(y, m, d).ok(),
                CalendarKind::Hijri => u16::try_from(y)
                    .ok()
                    .and_then(|y| HijriDate::new(calendar, y, m, d).ok())
                    .map(HijriDate::to_gregorian),
            },
            _ => None,
        };
        let weekday_conflict = match (e.weekday, gregorian) {
            (Some(w), Some(g)) => g.weekday() != w,
            _ => false,
        };
        let (resolved, unresolved) = match self.finder.anchor.map(|a| resolve(&e, a, calendar)) {
            Some(Ok(v)) => (Some(v), None),
            Some(Err(err)) => (None, Some(err)),
            None => (None, None),
        };
        DateMatch {
            text: self.text,
            start: e.start,
            end: e.end,
            kind: e.kind,
            calendar: e.calendar,
            system: e.system,
            value: e.value,
            resolved,
            unresolved,
            weekday: e.weekday,
            weekday_conflict,
            relative: e.relative,
            gregorian,
            linked,
        }
    }

    fn word_at(&self, pos: usize) -> Option<Word> {
        let i = self.words.partition_point(|w| w.start < pos);
        self.words.get(i).filter(|w| w.start == pos).copied()
    }

    /// Any expression that starts at `pos` (after whitespace); none starts before `min`.
    /// With `weekday` false, not one that starts with a weekday (a weekday reads the date
    /// after it with this, so a run of weekdays never recurses deeper than once).
    fn parse_at(&self, pos: usize, min: usize, weekday: bool) -> Option<Expr> {
        let p = skip_ws(self.text, pos);
        if let Some(n) = num_at(self.text, p) {
            return self.parse_number(n, min);
        }
        if let Some(w) = self.word_at(p) {
            if w.weekday.is_some() && !weekday {
                return None;
            }
            return self.parse_word(w, min);
        }
        // An ordinal day in words: the month follows within a few words.
        let i = self.words.partition_point(|w| w.start < p);
        let w = *self.words.get(i)?;
        if w.month.is_some() && w.start - p <= 64 {
            return self.parse_word(w, min).filter(|e| e.start == p);
        }
        None
    }

    fn parse_word(&self, w: Word, min: usize) -> Option<Expr> {
        if let Some(day) = w.weekday {
            return self.parse_weekday(w, day, min);
        }
        if w.month.is_some() {
            return self.parse_month(w, min);
        }
        None
    }

    fn parse_weekday(&self, w: Word, day: Weekday, min: usize) -> Option<Expr> {
        let mut p = skip_ws(self.text, w.end);
        if self.text[p..].starts_with('،') || self.text[p..].starts_with(',') {
            p = skip_ws(
                self.text,
                p + self.text[p..].chars().next().map_or(1, char::len_utf8),
            );
        }
        if let Some(mut e) = self
            .parse_at(p, p, false)
            .filter(|e| e.start == p && e.value.day.is_some())
        {
            e.start = w.start;
            e.weekday = Some(day);
            return Some(e);
        }
        let relative = self.relative_after(w.end);
        let before = word_before(self.text, w.start);
        let day_word = before.as_ref().is_some_and(|b| {
            matches_key(
                &self.text[b.clone()],
                &["يوم", "اليوم", "امس", "غدا", "بالامس"],
            )
        });
        if w.ambiguous && !day_word && relative.is_none() {
            return None;
        }
        if w.start < min {
            return None;
        }
        Some(Expr {
            start: w.start,
            end: relative.map_or(w.end, |r| r.1),
            kind: DateKind::Weekday,
            calendar: CalendarKind::Gregorian,
            system: None,
            value: DateValue::default(),
            weekday: Some(day),
            relative: relative.map(|r| r.0),
        })
    }

    fn parse_month(&self, w: Word, min: usize) -> Option<Expr> {
        let phrase = self.month_phrase(w.start)?;
        // A day before the month: an ordinal in words (الحادي عشر من فبراير), غرة / فاتح.
        let mut day = None;
        let mut start = phrase.start;
        let mut cursor = phrase.start;
        let mut shahr_before = false;
        if let Some(b) = word_before(self.text, cursor) {
            if matches_key(&self.text[b.clone()], &["شهر"]) {
                shahr_before = true;
                cursor = b.start;
                // في شهر مارس: the word شهر belongs to the expression.
                if b.start >= min {
                    start = b.start;
                }
            }
        }
        if let Some(b) = word_before(self.text, cursor) {
            let word = &self.text[b.clone()];
            if matches_key(word, &["غره", "فاتح"]) && b.start >= min {
                day = Some(1);
                start = b.start;
            } else if matches_key(word, &["من"]) {
                if let Some(o1) = word_before(self.text, b.start) {
                    let two = word_before(self.text, o1.start)
                        .filter(|o2| o2.start >= min)
                        .and_then(|o2| {
                            parse_ordinal_day(&self.text[o2.start..o1.end]).map(|d| (d, o2.start))
                        });
                    let one = || parse_ordinal_day(&self.text[o1.clone()]).map(|d| (d, o1.start));
                    if let Some((d, s)) = two.or_else(|| one().filter(|_| o1.start >= min)) {
                        day = Some(d);
                        start = s;
                    }
                }
            }
        }
        if start < min {
            return None;
        }
        let year = self.year_after(phrase.end, true);
        if day.is_none() && year.is_none() && phrase.ambiguous && !shahr_before {
            return None;
        }
        if let Some(d) = day {
            if !day_fits(
                d,
                phrase.month,
                phrase.system.calendar(),
                year.map(|y| y.year),
            ) {
                return None;
            }
        }
        let end = year.map_or(phrase.end, |y| y.end);
        let relative = self.relative_after(end);
        let kind = match (day, year) {
            (Some(_), Some(_)) => DateKind::Date,
            (Some(_), None) => DateKind::DayMonth,
            (None, Some(_)) => DateKind::MonthYear,
            (None, None) => DateKind::Month,
        };
        Some(Expr {
            start,
            end: relative.map_or(end, |r| r.1),
            kind,
            calendar: phrase.system.calendar(),
            system: Some(phrase.system),
            value: DateValue {
                year: year.map(|y| y.year),
                month: Some(phrase.month),
                day,
                last_day: None,
            },
            weekday: None,
            relative: relative.map(|r| r.0),
        })
    }

    /// A month name at `pos` (after whitespace), with its pair in another system after "/"
    /// or in parentheses.
    fn month_phrase(&self, pos: usize) -> Option<MonthPhrase> {
        let p = skip_ws(self.text, pos);
        let w = self.word_at(p)?;
        let (month, system) = w.month?;
        let mut phrase = MonthPhrase {
            start: w.start,
            end: w.end,
            month,
            system,
            ambiguous: w.ambiguous,
        };
        let same = |o: &Word| {
            o.month
                .is_some_and(|(m, s)| m == month && s.calendar() == system.calendar())
        };
        let q = skip_ws(self.text, w.end);
        let rest = &self.text[q..];
        if let Some(after) = rest.strip_prefix('/') {
            let r = skip_ws(self.text, self.text.len() - after.len());
            if let Some(o) = self.word_at(r).filter(same) {
                phrase.end = o.end;
                phrase.ambiguous = false;
            }
        } else if let Some(after) = rest.strip_prefix('(') {
            let r = skip_ws(self.text, self.text.len() - after.len());
            if let Some(o) = self.word_at(r).filter(same) {
                let s = skip_ws(self.text, o.end);
                if self.text[s..].starts_with(')') {
                    phrase.end = s + 1;
                    phrase.ambiguous = false;
                }
            }
        }
        Some(phrase)
    }

    /// A year after `pos`: four digits (a plausible year, 1000–2999), or up to four digits
    /// followed by an era mark. With `after_month`, a following "/" or digit run rejects it.
    fn year_after(&self, pos: usize, after_month: bool) -> Option<YearPart> {
        let p = skip_ws(self.text, pos);
        let n = num_at(self.text, p)?;
        if after_month && followed_by_number_part(self.text, n.end) {
            return None;
        }
        year_of(self.text, n, after_month)
    }

    fn relative_after(&self, pos: usize) -> Option<(RelativeWord, usize)> {
        let p = skip_ws(self.text, pos);
        let w = self.word_at(p)?;
        Some((w.relative?, w.end))
    }

    /// After a day number: [من] [شهر] month phrase.
    fn month_clause(&self, pos: usize) -> Option<MonthPhrase> {
        let mut p = skip_ws(self.text, pos);
        if let Some(w) = word_after(self.text, p) {
            if self.word_at(w.start).is_none() && matches_key(&self.text[w.clone()], &["من"]) {
                p = skip_ws(self.text, w.end);
            }
        }
        if let Some(w) = word_after(self.text, p) {
            if self.word_at(w.start).is_none() && matches_key(&self.text[w.clone()], &["شهر"]) {
                p = skip_ws(self.text, w.end);
            }
        }
        self.month_phrase(p)
    }

    fn parse_number(&self, n: Num, min: usize) -> Option<Expr> {
        let text = self.text;
        // Stray marks before the digits start the number's word.
        let n = Num {
            start: word_start(text, n.start).max(n.start.min(min)),
            ..n
        };
        if n.start < min || preceded_by_number_part(text, n.start) {
            return None;
        }
        if let Some(e) = numeric_date(text, n) {
            return Some(e);
        }
        let small = n.digits <= 2 && (1..=31).contains(&n.value);
        if small {
            // 7-8 أغسطس
            let q = skip_spaces(text, n.end);
            if text[q..].starts_with('-') || text[q..].starts_with('–') {
                let r = skip_spaces(text, q + text[q..].chars().next().map_or(1, char::len_utf8));
                if let Some(n2) = num_at(text, r) {
                    if let Some(e) = self.range(n.start, n, n2) {
                        return Some(e);
                    }
                }
            }
            // من 7 إلى 8 ... / بين 7 و8 ...
            if let Some(b) = word_before(text, n.start).filter(|b| b.start >= min) {
                let word = &text[b.clone()];
                let from = matches_key(word, &["من"]);
                let between = matches_key(word, &["بين"]);
                if from || between {
                    let q = skip_ws(text, n.end);
                    let mut n2 = None;
                    if from {
                        if let Some(w) = word_after(text, q) {
                            if matches_key(&text[w.clone()], &["الي", "حتي"]) {
                                n2 = num_at(text, skip_ws(text, w.end));
                            }
                        }
                    } else if let Some(after) = text[q..].strip_prefix('و') {
                        let after = after.trim_start_matches(is_mark);
                        n2 = num_at(text, skip_ws(text, text.len() - after.len()));
                    }
                    if let Some(e) = n2.and_then(|n2| self.range(b.start, n, n2)) {
                        return Some(e);
                    }
                }
            }
            // 11 [من] [شهر] فبراير/شباط [2024] [الماضي]
            if let Some(phrase) = self.month_clause(n.end) {
                let year = self.year_after(phrase.end, true);
                let day = n.value as u8;
                let calendar = phrase.system.calendar();
                if day_fits(day, phrase.month, calendar, year.map(|y| y.year)) {
                    let end = year.map_or(phrase.end, |y| y.end);
                    let relative = self.relative_after(end);
                    return Some(Expr {
                        start: n.start,
                        end: relative.map_or(end, |r| r.1),
                        kind: if year.is_some() {
                            DateKind::Date
                        } else {
                            DateKind::DayMonth
                        },
                        calendar,
                        system: Some(phrase.system),
                        value: DateValue {
                            year: year.map(|y| y.year),
                            month: Some(phrase.month),
                            day: Some(day),
                            last_day: None,
                        },
                        weekday: None,
                        relative: relative.map(|r| r.0),
                    });
                }
            }
        }
        // A year: with an era mark, after عام / العام / سنة / السنة, or bare after منذ / حتى.
        let year = year_of(text, n, false);
        let before = word_before(text, n.start);
        let keyword = before.clone().and_then(|b| {
            let w = &text[b.clone()];
            if matches_key(w, &["عام", "العام", "سنه", "السنه"]) {
                Some((b.start, true))
            } else if matches_key(w, &["منذ", "حتي"]) {
                Some((b.start, false))
            } else {
                None
            }
        });
        let year = year?;
        if followed_by_number_part(text, n.end) && year.era.is_none() {
            return None;
        }
        let (start, ok) = match keyword {
            // The keyword is part of the span for عام / سنة only.
            Some((s, true)) if s >= min => (s, true),
            Some((_, false)) => (n.start, n.digits == 4),
            _ => (n.start, false),
        };
        if !ok && year.era.is_none() {
            return None;
        }
        let calendar = match year.era {
            Some(EraMark::Hijri | EraMark::BeforeHijra) => CalendarKind::Hijri,
            _ => CalendarKind::Gregorian,
        };
        let y = match year.era {
            Some(EraMark::BeforeChrist | EraMark::BeforeHijra) => 1 - year.year,
            _ => year.year,
        };
        let relative = self.relative_after(year.end);
        Some(Expr {
            start,
            end: relative.map_or(year.end, |r| r.1),
            kind: DateKind::Year,
            calendar,
            system: None,
            value: DateValue {
                year: Some(y),
                ..DateValue::default()
            },
            weekday: None,
            relative: relative.map(|r| r.0),
        })
    }

    /// Days `a`..=`b` of the month phrase after `b`.
    fn range(&self, start: usize, a: Num, b: Num) -> Option<Expr> {
        if b.digits > 2 || a.value >= b.value || b.value > 31 {
            return None;
        }
        let phrase = self.month_clause(b.end)?;
        let year = self.year_after(phrase.end, true);
        let calendar = phrase.system.calendar();
        if !day_fits(b.value as u8, phrase.month, calendar, year.map(|y| y.year)) {
            return None;
        }
        let end = year.map_or(phrase.end, |y| y.end);
        let relative = self.relative_after(end);
        Some(Expr {
            start,
            end: relative.map_or(end, |r| r.1),
            kind: DateKind::DayRange,
            calendar,
            system: Some(phrase.system),
            value: DateValue {
                year: year.map(|y| y.year),
                month: Some(phrase.month),
                day: Some(a.value as u8),
                last_day: Some(b.value as u8),
            },
            weekday: None,
            relative: relative.map(|r| r.0),
        })
    }
}

/// d/m/yyyy, d-m-yyyy, d.m.yyyy (spaces allowed after and before the separator), or
/// yyyy/mm/dd; an era mark may follow.
fn numeric_date(text: &str, a: Num) -> Option<Expr> {
    let sep_at = |p: usize| -> Option<(char, usize)> {
        let q = skip_spaces(text, p);
        let c = text[q..].chars().next()?;
        matches!(c, '/' | '-' | '.' | '\u{060D}').then(|| (c, skip_spaces(text, q + c.len_utf8())))
    };
    let (s1, p) = sep_at(a.end)?;
    let b = num_at(text, p)?;
    let (s2, p) = sep_at(b.end)?;
    if s1 != s2 {
        return None;
    }
    let c = num_at(text, p)?;
    if followed_by_number_part(text, c.end) {
        return None;
    }
    let (year, month, day, year_num) = if a.digits == 4 && b.digits <= 2 && c.digits <= 2 {
        (a.value, b.value, c.value, c)
    } else if a.digits <= 2 && b.digits <= 2 && c.digits == 4 {
        (c.value, b.value, a.value, c)
    } else {
        return None;
    };
    let mut end = c.end;
    let mut calendar = CalendarKind::Gregorian;
    let q = skip_spaces(text, year_num.end);
    if let Some((era, e, _)) = era_at(text, q) {
        match era {
            EraMark::Hijri => calendar = CalendarKind::Hijri,
            EraMark::Gregorian => {}
            _ => return None,
        }
        end = e;
    }
    let (year, month, day) = (
        year as i32,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    );
    if year == 0 || !(1..=12).contains(&month) || !day_fits(day, month, calendar, Some(year)) {
        return None;
    }
    Some(Expr {
        start: a.start,
        end,
        kind: DateKind::Date,
        calendar,
        system: None,
        value: DateValue {
            year: Some(year),
            month: Some(month),
            day: Some(day),
            last_day: None,
        },
        weekday: None,
        relative: None,
    })
}

fn day_fits(day: u8, month: u8, calendar: CalendarKind, year: Option<i32>) -> bool {
    let max = match calendar {
        // 30, or 31 in the few months of the Umm al-Qura table that have 31 days.
        CalendarKind::Hijri => year
            .and_then(|y| u16::try_from(y).ok())
            .and_then(|y| HijriCalendar::UmmAlQura.month_length(y, month).ok())
            .map_or(30, |len| len.max(30)),
        CalendarKind::Gregorian => match year {
            Some(y) if (1..=9999).contains(&y) => gregorian_month_length(y, month),
            _ => gregorian_month_length(2000, month),
        },
    };
    (1..=max).contains(&day)
}

fn year_of(text: &str, n: Num, after_month: bool) -> Option<YearPart> {
    if n.value == 0 || n.digits > 4 {
        return None;
    }
    let q = skip_spaces(text, n.end);
    if let Some((era, end, letter)) = era_at(text, q) {
        // A one-letter mark only after a long enough number: م (also "metre") after four
        // digits, هـ after three or four, or after any number that follows a month name
        // (10 محرم 61 هـ).
        let long_enough = match (letter, era) {
            (false, _) => true,
            (true, EraMark::Gregorian) => n.digits == 4,
            (true, _) => n.digits >= 3 || after_month,
        };
        if era != EraMark::SolarHijri && long_enough {
            return Some(YearPart {
                end,
                year: n.value as i32,
                era: Some(era),
            });
        }
    }
    (n.digits == 4 && (1000..=2999).contains(&n.value)).then_some(YearPart {
        end: n.end,
        year: n.value as i32,
        era: None,
    })
}

/// Resolves a value against the anchor date (see [`DateMatch::resolved`]): the value
/// completed, or why it cannot be.
fn resolve(
    e: &Expr,
    anchor: GregorianDate,
    calendar: HijriCalendar,
) -> Result<DateValue, DateError> {
    let v = e.value;
    if v.year.is_some() {
        return Ok(v);
    }
    if let Some(month) = v.month {
        let (ay, am, ad) = match e.calendar {
            CalendarKind::Gregorian => (anchor.year(), anchor.month(), anchor.day()),
            CalendarKind::Hijri => {
                let h = HijriDate::from_gregorian(calendar, anchor)?;
                (i32::from(h.year()), h.month(), h.day())
            }
        };
        let here = (month, v.day.unwrap_or(0));
        let now = (am, if v.day.is_some() { ad } else { 0 });
        // The year the rule looks at first, and which way it looks when the day does not
        // exist in that year (29 February, the 30th of a 29-day Hijri month).
        let (mut year, step) = match e.relative {
            Some(RelativeWord::Past) => (if here >= now { ay - 1 } else { ay }, -1),
            Some(RelativeWord::Next) => (if here <= now { ay + 1 } else { ay }, 1),
            _ => (ay, 0),
        };
        // The last day of a range: if it exists, the days before it do.
        let day = v.last_day.or(v.day).unwrap_or(1);
        loop {
            let exists = match e.calendar {
                CalendarKind::Gregorian => GregorianDate::new(year, month, day).map(drop),
                // Year 0 and below are outside every Hijri calendar, as the error says.
                CalendarKind::Hijri => {
                    let y = u16::try_from(year.max(0)).unwrap_or(u16::MAX);
                    HijriDate::new(calendar, y, month, day).map(drop)
                }
            };
            match exists {
                Ok(()) => {
                    return Ok(DateValue {
                        year: Some(year),
                        ..v
                    })
                }
                // Each step moves one year; the calendar's range ends the walk.
                Err(err) if step != 0 && !err.is_out_of_range() => year += step,
                Err(err) => return Err(err),
            }
        }
    }
    let Some(day) = e.weekday else {
        return Ok(v);
    };
    let a = i64::from(anchor.weekday().iso());
    let w = i64::from(day.iso());
    let shift = match e.relative {
        Some(RelativeWord::Past) => -((a - w - 1).rem_euclid(7) + 1),
        Some(RelativeWord::Next) => (w - a - 1).rem_euclid(7) + 1,
        _ => -(a - w).rem_euclid(7),
    };
    let g = GregorianDate::from_jdn(anchor.jdn() + shift as i32)?;
    Ok(DateValue {
        year: Some(g.year()),
        month: Some(g.month()),
        day: Some(g.day()),
        last_day: None,
    })
}

// ---------------------------------------------------------------------------------------
// Low-level text helpers: digits, whitespace, words, folded comparison, era marks.

/// The value of the digit at byte `i` (ASCII, Arabic-Indic or Extended Arabic-Indic) and
/// its length in bytes.
fn digit_at(b: &[u8], i: usize) -> Option<(u32, usize)> {
    match *b.get(i)? {
        c @ b'0'..=b'9' => Some((u32::from(c - b'0'), 1)),
        0xD9 => match *b.get(i + 1)? {
            c @ 0xA0..=0xA9 => Some((u32::from(c - 0xA0), 2)),
            _ => None,
        },
        0xDB => match *b.get(i + 1)? {
            c @ 0xB0..=0xB9 => Some((u32::from(c - 0xB0), 2)),
            _ => None,
        },
        _ => None,
    }
}

/// The first digit at or after `from`, if it comes before `limit`.
fn find_digit(b: &[u8], from: usize, limit: Option<usize>) -> Option<usize> {
    let end = limit.unwrap_or(b.len()).min(b.len());
    let mut i = from;
    // Sixteen bytes at a time (the compiler vectorizes the branch-free test): an ASCII digit,
    // or the lead byte of an Arabic-Indic (D9 A0..A9) or Persian (DB B0..B9) digit followed
    // by its second byte. The lead bytes alone are too common in Arabic text to test.
    while i + 17 <= end {
        let w = &b[i..i + 17];
        let mut hit = false;
        for k in 0..16 {
            let (c, n) = (w[k], w[k + 1]);
            hit |= (c.wrapping_sub(b'0') < 10)
                | ((c == 0xD9) & (n.wrapping_sub(0xA0) < 10))
                | ((c == 0xDB) & (n.wrapping_sub(0xB0) < 10));
        }
        if hit {
            break;
        }
        i += 16;
    }
    while i < end {
        let c = b[i];
        if c.is_ascii_digit() || ((c == 0xD9 || c == 0xDB) && digit_at(b, i).is_some()) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The run of digits starting at `pos`, after any marks (at most 9 digits are read into the value; longer
/// runs report their length so that no date takes them).
fn num_at(text: &str, pos: usize) -> Option<Num> {
    let b = text.as_bytes();
    // Marks with no base letter before the digits belong to the number's word.
    let at = text.len() - text[pos..].trim_start_matches(is_mark).len();
    let (first, len) = digit_at(b, at)?;
    let mut value = first;
    let mut digits: u8 = 1;
    let mut i = at + len;
    while let Some((d, len)) = digit_at(b, i) {
        if digits < 9 {
            value = value * 10 + d;
        }
        digits = digits.saturating_add(1);
        i += len;
    }
    Some(Num {
        start: pos,
        end: i,
        value,
        digits,
    })
}

/// Whether the digits before `pos` make the number part of a larger one (3.5, 1,200) or of
/// a Latin word (F16).
fn preceded_by_number_part(text: &str, pos: usize) -> bool {
    let mut chars = text[..pos].chars().rev();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || decimal(c) => true,
        Some('.' | ',' | '٫' | '٬' | ':' | '/') => chars.next().is_some_and(decimal),
        _ => false,
    }
}

/// Whether the number ending at `pos` continues (2024/5, 12.5, 10:30, 3,000).
fn followed_by_number_part(text: &str, pos: usize) -> bool {
    let mut chars = text[pos..].chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some('.' | ',' | '٫' | '٬' | ':' | '/' | '-' | '%' | '٪') => {
            chars.next().is_some_and(decimal)
        }
        _ => false,
    }
}

fn decimal(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{200B}')
}

/// Spaces and direction marks, but not line breaks.
fn skip_spaces(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let kept = rest.trim_start_matches(|c: char| is_space(c) && c != '\n' && c != '\r');
    text.len() - kept.len()
}

fn skip_ws(text: &str, pos: usize) -> usize {
    skip_spaces(text, pos)
}

/// Combining marks (Arabic diacritics and Quranic marks, the generic combining block) and
/// tatweel: skipped when words are compared, and part of the word they sit in. A mark with
/// no base letter (after whitespace or at the start) belongs to the word it starts.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0640}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The start of the word whose first character other than a mark is at `pos`: before the
/// marks that precede `pos` when no letter or digit carries them (whitespace, punctuation
/// or the start of the text comes before them), since a mark with no base letter belongs
/// to the word it starts.
fn word_start(text: &str, pos: usize) -> usize {
    let head = text[..pos].trim_end_matches(is_mark);
    let carried = head
        .chars()
        .next_back()
        .is_some_and(|c| is_word_char(c) || decimal(c));
    if head.len() < pos && !carried {
        head.len()
    } else {
        pos
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    // Arabic letters and marks first; digits are not alphabetic, and are common enough
    // beside words to be worth answering without the Unicode table.
    ('\u{0621}'..='\u{064A}').contains(&c) || is_mark(c) || (!decimal(c) && c.is_alphabetic())
}

/// The word (letters and marks) that starts at `pos`.
fn word_after(text: &str, pos: usize) -> Option<Range<usize>> {
    let rest = &text[pos..];
    let len = rest.len() - rest.trim_start_matches(is_word_char).len();
    (len > 0).then_some(pos..pos + len)
}

/// The word that ends before `pos`, spaces between skipped.
fn word_before(text: &str, pos: usize) -> Option<Range<usize>> {
    let head = text[..pos].trim_end_matches(|c: char| is_space(c) && c != '\n' && c != '\r');
    let start = head.trim_end_matches(is_word_char).len();
    (start < head.len()).then_some(start..head.len())
}

fn fold(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | '\u{06CC}' => 'ي',
        'ة' => 'ه',
        '\u{06A9}' => 'ك',
        _ => c,
    }
}

/// `word` equals `key` (written folded) once marks are skipped and letters folded.
fn folded_eq(word: &str, key: &str) -> bool {
    let mut w = word.chars().filter(|&c| !is_mark(c)).map(fold);
    let mut k = key.chars();
    loop {
        match (w.next(), k.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// `word` is one of `keys` (written folded), possibly after the proclitics و ف ب ل (one or
/// two of them); ل before the article elides its alef (للعام = ل + العام).
fn matches_key(word: &str, keys: &[&str]) -> bool {
    if word.len() > 64 {
        return false;
    }
    // Folding keeps or shortens every char, so 64 bytes hold the folded word: no
    // allocation for a check made at every number.
    let mut buf = [0u8; 64];
    let mut len = 0;
    for c in word.chars().filter(|&c| !is_mark(c)).map(fold) {
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    let folded = std::str::from_utf8(&buf[..len]).expect("whole chars were written");
    let try_all = |w: &str| keys.contains(&w);
    if try_all(folded) {
        return true;
    }
    let mut w = folded;
    for _ in 0..2 {
        let Some(c) = w.chars().next() else {
            return false;
        };
        if !matches!(c, 'و' | 'ف' | 'ب' | 'ل') {
            return false;
        }
        w = &w[c.len_utf8()..];
        if w.is_empty() {
            return false;
        }
        if try_all(w) {
            return true;
        }
        if c == 'ل'
            && w.starts_with('ل')
            && keys
                .iter()
                .any(|k| k.strip_prefix("ال") == Some(&w['ل'.len_utf8()..]))
        {
            return true;
        }
    }
    false
}

/// The end of `key` (written folded) read at `pos`, marks and tatweel skipped and letters
/// folded, trailing marks included.
fn prefix_folded(text: &str, pos: usize, key: &str) -> Option<usize> {
    let mut chars = text[pos..].char_indices().filter(|&(_, c)| !is_mark(c));
    let mut end = pos;
    for k in key.chars() {
        let (i, c) = chars.next()?;
        if fold(c) != k {
            return None;
        }
        end = pos + i + c.len_utf8();
    }
    Some(text.len() - text[end..].trim_start_matches(is_mark).len())
}

/// An era mark at `pos`: هـ (ه and any tatweel), هجري, هجرية, للهجرة, م, ميلادي, ميلادية,
/// للميلاد, ق.م, ق.هـ, قبل الميلاد, قبل الهجرة, هـ.ش, with any marks and folding; it must
/// end the word. Returns the mark, its end, and whether it is a single letter (ه، م).
fn era_at(text: &str, pos: usize) -> Option<(EraMark, usize, bool)> {
    const KEYS: &[(&str, EraMark)] = &[
        ("قبل الميلاد", EraMark::BeforeChrist),
        ("قبل الهجره", EraMark::BeforeHijra),
        ("للهجره", EraMark::Hijri),
        ("للميلاد", EraMark::Gregorian),
        ("هجريه", EraMark::Hijri),
        ("هجري", EraMark::Hijri),
        ("ميلاديه", EraMark::Gregorian),
        ("ميلادي", EraMark::Gregorian),
        ("ق.م", EraMark::BeforeChrist),
        ("ق.ه", EraMark::BeforeHijra),
        ("ه.ش", EraMark::SolarHijri),
        ("ه", EraMark::Hijri),
        ("م", EraMark::Gregorian),
    ];
    let first = text[pos..].chars().next()?;
    if !matches!(first, 'ق' | 'ل' | 'ه' | 'م') {
        return None;
    }
    let ends_word =
        |end: usize| !text[end..].starts_with(|c: char| c.is_alphabetic() || decimal(c));
    KEYS.iter().find_map(|&(key, era)| {
        let end = prefix_folded(text, pos, key)?;
        ends_word(end).then_some((era, end, key.chars().count() == 1))
    })
}
