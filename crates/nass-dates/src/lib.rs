//! Dates in Arabic text: a lexicon of month, weekday and era names found in text through
//! clitics and spelling variation, and date expressions with their values. The calendars
//! (conversion through the Julian Day Number, the Umm al-Qura table and the eight tabular
//! Islamic calendars), the names each system prints and dates written in Arabic are
//! `nass-calendar`'s, re-exported here.
//!
//! ```
//! use nass_dates::{
//!     find_date_words, DateFormatter, DateWord, GregorianDate, HijriCalendar, HijriDate,
//!     NamingSystem,
//! };
//!
//! // الأحد 1 شعبان 1445هـ الموافق 11 فبراير 2024م
//! let shaaban = HijriDate::new(HijriCalendar::UmmAlQura, 1445, 8, 1)?;
//! let day = shaaban.to_gregorian();
//! assert_eq!(day, GregorianDate::new(2024, 2, 11)?);
//! assert_eq!(HijriDate::from_gregorian(HijriCalendar::UmmAlQura, day)?, shaaban);
//! assert_eq!(day.weekday().arabic(), "الأحد");
//!
//! let levant = DateFormatter::builder().months(NamingSystem::Syriac).build();
//! assert_eq!(levant.format_gregorian(day), "11 شباط 2024");
//! assert_eq!(levant.format_hijri(shaaban), "1 شعبان 1445 هـ");
//!
//! // Month names in running text, with clitics and in any regional system.
//! let text = "وصل الوفد يوم الأربعاء 7 أغسطس/ آب، وغادر في جويلية.";
//! let found: Vec<_> = find_date_words(text)
//!     .map(|w| match w.word() {
//!         DateWord::Month(m) => format!("{} {} {}", w.text(), m.system(), m.month()),
//!         other => format!("{} {}", w.text(), other.kind()),
//!     })
//!     .collect();
//! assert_eq!(found, [
//!     "الأربعاء weekday",
//!     "أغسطس latin 8",
//!     "آب syriac 8",
//!     "جويلية french 7",
//! ]);
//! # Ok::<(), nass_dates::DateError>(())
//! ```
//!
//! # Overview
//!
//! - [`GregorianDate`] (proleptic Gregorian, years 1–9999) and [`HijriDate`] (a
//!   [`HijriCalendar`] plus year, month, day) cannot hold an invalid date: every
//!   constructor checks, and conversion goes through the Julian Day Number ([`Jdn`]).
//!   Both parse and print ISO `YYYY-MM-DD`. [`Weekday`] is the ISO weekday.
//! - [`HijriCalendar::UmmAlQura`] is the Umm al-Qura table of the Python package
//!   hijridate 2.6.0, day for day: 1343-01-01..1500-12-30 AH = 1924-08-01..2077-11-16 CE,
//!   kept in nass-calendar (`data/umm-al-qura.txt`, from `scripts/gen-umm-al-qura.py`). The early
//!   months of 28 or 31 days (1343-09, 1345-05, 1345-08, 1348-11, 1348-12, 1349-10,
//!   1349-11, 1364-08) are kept as the table has them. A date outside the table is an
//!   error that names the range, never a silent fallback.
//! - [`TabularCalendar`]: the arithmetic calendars, four [`LeapPattern`]s times two
//!   [`Epoch`]s, years 1–9665 AH, selectable by name (`islamic-civil`, `islamic-tbla`,
//!   `tabular-ismaili-thursday` …; see [`HijriCalendar`]).
//! - [`DateFormatter`] writes `١ رمضان ١٤٤٥ هـ` or `11 شباط 2024` in any [`NamingSystem`]
//!   and digit set, and reads such dates back.
//! - The lexicon ([`lexicon`]): every spelling of the fact sheet of Hijri months,
//!   Gregorian months of the six regional systems (Syriac/Levantine, Latin-derived,
//!   French-derived, Moroccan, Mauritanian, Libyan 1986–2011), weekdays, era marks and
//!   relative words, each with what it means ([`DateWord`], [`MonthName`]) and, where the
//!   spelling is also an ordinary word, why it needs context
//!   ([`LexiconEntry::ambiguity`]). [`lexicon_gazetteer`] is that lexicon as a
//!   `nass_gazetteer::Gazetteer`, so proclitics (وفي شباط، بشهر رمضان، والأربعاء),
//!   diacritics, tatweel and hamza/ya/teh-marbuta variants all match; [`lookup`],
//!   [`MonthName::lookup`] and [`find_date_words`] use it.
//!
//! - [`find_dates`] and [`DateFinder`] (with an optional anchor date): every date
//!   expression with its byte span in the original text, its [`DateKind`], calendar and
//!   ISO 8601 [`DateValue`] (`2024-02-11`, `2024-02`, `2014`, `--02-11`, `--02`,
//!   `2023-08-07/2023-08-08`), the weekday named before it (a contradiction is flagged),
//!   the relative word after it, the Gregorian day of a complete Hijri date, and the link
//!   between a Hijri and a Gregorian date joined by الموافق ([`DateMatch`]). Names that
//!   are also ordinary words count only with context. Against an anchor a partial date
//!   resolves only to a day that exists in its calendar: 29 فبراير الماضي looks back to
//!   the last leap year; a day the anchor's year lacks, or a year outside the calendar's
//!   range, stays unresolved and [`DateMatch::unresolved`] says why.
//! - Relative dates ([`DateKind::Relative`]): day words (اليوم، أمس، أول أمس، غدا، بعد غد),
//!   counted spans after منذ، قبل، بعد، خلال، في غضون (a count in digits or words, a dual,
//!   a singular; a plural alone is a vague count), named periods whose adjective agrees
//!   with them (الأسبوع الماضي، السنة المقبلة، العام قبل الماضي، هذا الشهر), each with its
//!   [`RelativeOffset`] from the moment of writing (`-P1D`, `P2W`, `P0M/P3M`) and, against
//!   an anchor, the day, ISO week, month or year it names. Their words are found by the
//!   same gazetteer pass as the lexicon (not part of it), with the same proclitics. Also:
//!   the parts مطلع/منتصف/أواخر ([`DatePart`]), أول and آخر يوم من before a month, and a
//!   month written as a number (شهر 9 من عام 2021، 9/2021).
//!
//! # Date expressions
//!
//! ```
//! use nass_dates::{find_dates, DateFinder, GregorianDate};
//!
//! let text = "وصل الوفد يوم السبت 5/ 6/ 2021، وعاد في 25 يناير/ كانون الثاني الماضي، \
//!             ثم الأحد 1 شعبان 1445هـ الموافق 11 فبراير 2024م. وقال رمضان إن نيسان جديدة.";
//! let found: Vec<_> = find_dates(text)
//!     .map(|d| (d.text(), d.kind().name(), d.calendar().name(), d.value().to_string()))
//!     .collect();
//! assert_eq!(found, [
//!     ("السبت 5/ 6/ 2021", "date", "gregorian", "2021-06-05".to_string()),
//!     ("25 يناير/ كانون الثاني الماضي", "day-month", "gregorian", "--01-25".to_string()),
//!     ("الأحد 1 شعبان 1445هـ", "date", "hijri", "1445-08-01".to_string()),
//!     ("11 فبراير 2024م", "date", "gregorian", "2024-02-11".to_string()),
//! ]);
//!
//! // Said on 11 February 2024, "25 January last" is 25 January 2024.
//! let finder = DateFinder::builder().anchor(GregorianDate::new(2024, 2, 11)?).build();
//! let d = finder.find_iter(text).nth(1).unwrap();
//! assert_eq!(d.resolved().unwrap().to_string(), "2024-01-25");
//! # Ok::<(), nass_dates::DateError>(())
//! ```
//!
//! # Relative dates
//!
//! ```
//! use nass_dates::{DateFinder, DateKind, GregorianDate};
//!
//! // Said on Sunday 11 February 2024 (1 Sha'ban 1445).
//! let finder = DateFinder::builder().anchor(GregorianDate::new(2024, 2, 11)?).build();
//! let text = "وصل أمس بعد غياب دام منذ 3 أشهر، ويعود الأسبوع المقبل أو في رمضان المقبل";
//! let found: Vec<_> = finder
//!     .find_iter(text)
//!     .map(|d| {
//!         let offset = d.offset().map(|o| o.to_string());
//!         (d.text(), d.kind(), offset, d.resolved().unwrap().to_string())
//!     })
//!     .collect();
//! assert_eq!(found, [
//!     ("أمس", DateKind::Relative, Some("-P1D".into()), "2024-02-10".into()),
//!     ("منذ 3 أشهر", DateKind::Relative, Some("-P3M".into()), "2023-11".into()),
//!     ("الأسبوع المقبل", DateKind::Relative, Some("P1W".into()), "2024-W07".into()),
//!     // A month with a relative word: no fixed offset, resolved in its calendar.
//!     ("رمضان المقبل", DateKind::Relative, None, "1445-09".into()),
//! ]);
//! # Ok::<(), nass_dates::DateError>(())
//! ```
//!
//! # Calendars
//!
//! ```
//! use nass_dates::{GregorianDate, HijriCalendar, HijriDate};
//! let day: GregorianDate = "2024-03-11".parse()?;
//! for (name, expected) in [
//!     ("umm-al-qura", "1445-09-01"),
//!     ("islamic-civil", "1445-09-01"),
//!     ("islamic-tbla", "1445-09-02"),
//! ] {
//!     let calendar: HijriCalendar = name.parse()?;
//!     assert_eq!(HijriDate::from_gregorian(calendar, day)?.to_string(), expected);
//! }
//! let err = HijriDate::parse_iso(HijriCalendar::UmmAlQura, "1520-01-01").unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "Hijri date 1520-01-01 is outside the supported range 1343-01-01..1500-12-30 AH = \
//!      1924-08-01..2077-11-16 CE of the umm-al-qura calendar"
//! );
//! # Ok::<(), nass_dates::DateError>(())
//! ```
//!
//! # What normalization folds
//!
//! Names are matched after the gazetteer's `search` normalization. It folds آب (August)
//! and أب (father) together, so آب is flagged as needing context; and it removes tatweel,
//! so the era mark هـ becomes ه: both spellings are found.
//!
//! ```
//! use nass_dates::{lookup, DateWord, EraMark};
//! assert!(lookup("ه").any(|e| e.word() == DateWord::Era(EraMark::Hijri)));
//! assert!(lookup("هـ").any(|e| e.word() == DateWord::Era(EraMark::Hijri)));
//! assert!(lookup("أب").all(|e| e.needs_context()));
//! ```
//!
//! # Features
//!
//! None. The crate depends on `nass-calendar` (the calendars, names and formatting it
//! re-exports), `nass-gazetteer` (the lexicon's matcher) and `nass-numerals` (number words
//! and digits).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod find;
mod lexicon;
mod lexicon_data;
mod word;

pub use find::{
    find_dates, last_safe_cut, DateFinder, DateFinderBuilder, DateKind, DateMatch, DateMatches,
    DatePart, DateValue, RelativeOffset, RelativeUnit,
};
pub use lexicon::{find_date_words, lexicon, lexicon_gazetteer, lookup, DateWordMatch};
/// The calendars, names and formatting of `nass-calendar`, re-exported: nass-dates finds
/// dates in text and gives their values in these types.
pub use nass_calendar::{
    gregorian_month_length, is_gregorian_leap_year, CalendarDate, CalendarKind, DateError,
    DateFormatter, DateFormatterBuilder, Epoch, EraMark, GregorianDate, HijriCalendar, HijriDate,
    Jdn, LeapPattern, NamingSystem, ParseNamingSystemError, TabularCalendar, Weekday,
    MAX_GREGORIAN_YEAR, MAX_TABULAR_YEAR, MIN_GREGORIAN_YEAR,
};
pub use word::{DateWord, LexiconEntry, MonthName, RelativeWord};

#[cfg(test)]
mod find_tests;
#[cfg(test)]
mod relative_tests;
#[cfg(test)]
mod tests;
