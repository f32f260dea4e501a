//! Names: calendars, month naming systems, era marks, the names each system prints, and
//! every spelling of the fact sheet (`shared/spec/months.md`) of a month, weekday or era
//! mark.

use std::fmt;

use nass_letters::lookup::lookup_fold;

use crate::gregorian::Weekday;

/// Which calendar a month belongs to.
///
/// ```
/// use nass_calendar::{CalendarKind, NamingSystem};
/// assert_eq!(NamingSystem::Hijri.calendar(), CalendarKind::Hijri);
/// assert_eq!(NamingSystem::Moroccan.calendar(), CalendarKind::Gregorian);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CalendarKind {
    /// The Gregorian (solar) calendar.
    Gregorian,
    /// A Hijri (lunar Islamic) calendar.
    Hijri,
}

impl CalendarKind {
    /// `gregorian` or `hijri`.
    ///
    /// ```
    /// assert_eq!(nass_calendar::CalendarKind::Hijri.name(), "hijri");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            CalendarKind::Gregorian => "gregorian",
            CalendarKind::Hijri => "hijri",
        }
    }
}

/// A system of month names.
///
/// ```
/// use nass_calendar::NamingSystem;
/// assert_eq!(NamingSystem::Syriac.month_name(2), Some("شباط"));
/// assert_eq!(NamingSystem::Latin.month_name(2), Some("فبراير"));
/// assert_eq!(NamingSystem::Libyan.month_name(9), Some("الفاتح"));
/// assert_eq!("french".parse::<NamingSystem>(), Ok(NamingSystem::French));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NamingSystem {
    /// The Hijri months (محرم … ذو الحجة). Name `hijri`.
    Hijri,
    /// Syriac / Levantine names (كانون الثاني، شباط، آذار …): Iraq, Syria, Lebanon,
    /// Jordan, Palestine. Name `syriac`.
    Syriac,
    /// Latin-derived names (يناير، فبراير، مارس …): Egypt, Sudan, the Gulf, pan-Arab media;
    /// the Egyptian يونيه / يوليه too. Name `latin`.
    Latin,
    /// French-derived names (جانفي، فيفري، أفريل، جوان، جويلية، أوت): Algeria and Tunisia.
    /// Name `french`.
    French,
    /// Moroccan names (يوليوز، غشت، شتنبر، نونبر، دجنبر …). Name `moroccan`.
    Moroccan,
    /// Mauritanian names (إبريل، أغشت، شتمبر، دجمبر, otherwise Latin-derived). Name
    /// `mauritanian`.
    Mauritanian,
    /// The Libyan names of 1986–2011 (أي النار، النوار، الربيع …). Name `libyan`.
    Libyan,
}

impl NamingSystem {
    /// The seven systems.
    ///
    /// ```
    /// assert_eq!(nass_calendar::NamingSystem::ALL.len(), 7);
    /// ```
    pub const ALL: [NamingSystem; 7] = [
        NamingSystem::Hijri,
        NamingSystem::Syriac,
        NamingSystem::Latin,
        NamingSystem::French,
        NamingSystem::Moroccan,
        NamingSystem::Mauritanian,
        NamingSystem::Libyan,
    ];

    /// The six Gregorian systems.
    ///
    /// ```
    /// assert!(!nass_calendar::NamingSystem::GREGORIAN.contains(&nass_calendar::NamingSystem::Hijri));
    /// ```
    pub const GREGORIAN: [NamingSystem; 6] = [
        NamingSystem::Syriac,
        NamingSystem::Latin,
        NamingSystem::French,
        NamingSystem::Moroccan,
        NamingSystem::Mauritanian,
        NamingSystem::Libyan,
    ];

    /// The calendar whose months the system names.
    ///
    /// ```
    /// use nass_calendar::{CalendarKind, NamingSystem};
    /// assert_eq!(NamingSystem::Libyan.calendar(), CalendarKind::Gregorian);
    /// ```
    pub const fn calendar(self) -> CalendarKind {
        match self {
            NamingSystem::Hijri => CalendarKind::Hijri,
            _ => CalendarKind::Gregorian,
        }
    }

    /// The system's name: `hijri`, `syriac`, `latin`, `french`, `moroccan`,
    /// `mauritanian`, `libyan`.
    ///
    /// ```
    /// assert_eq!(nass_calendar::NamingSystem::Syriac.name(), "syriac");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            NamingSystem::Hijri => "hijri",
            NamingSystem::Syriac => "syriac",
            NamingSystem::Latin => "latin",
            NamingSystem::French => "french",
            NamingSystem::Moroccan => "moroccan",
            NamingSystem::Mauritanian => "mauritanian",
            NamingSystem::Libyan => "libyan",
        }
    }

    /// The name the system gives month `month` (1–12), as printed by the formatter.
    ///
    /// ```
    /// use nass_calendar::NamingSystem;
    /// assert_eq!(NamingSystem::Hijri.month_name(9), Some("رمضان"));
    /// assert_eq!(NamingSystem::French.month_name(7), Some("جويلية"));
    /// assert_eq!(NamingSystem::French.month_name(13), None);
    /// ```
    pub const fn month_name(self, month: u8) -> Option<&'static str> {
        if month >= 1 && month <= 12 {
            Some(MONTH_NAMES[self as usize][month as usize - 1])
        } else {
            None
        }
    }
}

impl fmt::Display for NamingSystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing a [`NamingSystem`] name: the workspace's one "unknown name"
/// error.
///
/// ```
/// let err = "klingon".parse::<nass_calendar::NamingSystem>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown month naming system 'klingon' (expected one of: hijri, syriac, latin, french, moroccan, mauritanian, libyan)");
/// ```
pub type ParseNamingSystemError = nass_core::UnknownName;

impl std::str::FromStr for NamingSystem {
    type Err = ParseNamingSystemError;

    /// The names of [`NamingSystem::name`]; `levantine` is also accepted for `syriac`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "levantine" {
            return Ok(NamingSystem::Syriac);
        }
        NamingSystem::ALL
            .into_iter()
            .find(|n| n.name() == s)
            .ok_or_else(|| {
                let given: String = s.chars().take(64).collect();
                ParseNamingSystemError::new(
                    "month naming system",
                    &given,
                    &[
                        "hijri",
                        "syriac",
                        "latin",
                        "french",
                        "moroccan",
                        "mauritanian",
                        "libyan",
                    ],
                )
            })
    }
}

/// An era mark written after a year.
///
/// ```
/// use nass_calendar::EraMark;
/// assert_eq!(EraMark::Hijri.mark(), "هـ");
/// assert!(nass_calendar::era_spellings().contains(&("قبل الميلاد", EraMark::BeforeChrist)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EraMark {
    /// After the Hijra: هـ (ه), هجري, هجرية, للهجرة.
    Hijri,
    /// Of the Christian era: م, ميلادي, ميلادية, للميلاد.
    Gregorian,
    /// Before Christ: ق.م, قبل الميلاد.
    BeforeChrist,
    /// Before the Hijra: ق.هـ, قبل الهجرة.
    BeforeHijra,
    /// Solar Hijri (Iran): هـ.ش.
    SolarHijri,
}

impl EraMark {
    /// The mark's short form: هـ، م، ق.م، ق.هـ، هـ.ش.
    ///
    /// ```
    /// assert_eq!(nass_calendar::EraMark::Hijri.mark(), "هـ");
    /// ```
    pub const fn mark(self) -> &'static str {
        match self {
            EraMark::Hijri => "هـ",
            EraMark::Gregorian => "م",
            EraMark::BeforeChrist => "ق.م",
            EraMark::BeforeHijra => "ق.هـ",
            EraMark::SolarHijri => "هـ.ش",
        }
    }
}

/// The name each system prints for months 1–12 ([`NamingSystem::month_name`]).
pub(crate) const MONTH_NAMES: [[&str; 12]; 7] = [
    // Hijri
    [
        "محرم",
        "صفر",
        "ربيع الأول",
        "ربيع الآخر",
        "جمادى الأولى",
        "جمادى الآخرة",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "ذو القعدة",
        "ذو الحجة",
    ],
    // Syriac (Levantine)
    [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
    // Latin-derived
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    // French-derived
    [
        "جانفي",
        "فيفري",
        "مارس",
        "أفريل",
        "ماي",
        "جوان",
        "جويلية",
        "أوت",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    // Moroccan
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "ماي",
        "يونيو",
        "يوليوز",
        "غشت",
        "شتنبر",
        "أكتوبر",
        "نونبر",
        "دجنبر",
    ],
    // Mauritanian
    [
        "يناير",
        "فبراير",
        "مارس",
        "إبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغشت",
        "شتمبر",
        "أكتوبر",
        "نوفمبر",
        "دجمبر",
    ],
    // Libyan 1986-2011
    [
        "أي النار",
        "النوار",
        "الربيع",
        "الطير",
        "الماء",
        "الصيف",
        "ناصر",
        "هانيبال",
        "الفاتح",
        "التمور",
        "الحرث",
        "الكانون",
    ],
];

use NamingSystem::{French, Hijri, Latin, Libyan, Mauritanian, Moroccan, Syriac};

/// Every spelling of a month name in the fact sheet, with its system and month (1–12), in
/// the order of the fact sheet: the Hijri months, then the Gregorian months of each system.
/// A spelling that belongs to several systems (مارس, يناير …) is listed once per system.
/// Variants that differ from a listed spelling only in what the lookup fold removes
/// (diacritics, tatweel, أ إ آ ٱ, ى/ي, ة/ه) are not listed.
#[rustfmt::skip]
pub(crate) const MONTH_SPELLINGS: &[(&str, NamingSystem, u8)] = &[
    ("محرم", Hijri, 1),
    ("المحرم", Hijri, 1),
    ("محرم الحرام", Hijri, 1),
    ("صفر", Hijri, 2),
    ("صفر الخير", Hijri, 2),
    ("صفر المظفر", Hijri, 2),
    ("ربيع الأول", Hijri, 3),
    ("ربيع أول", Hijri, 3),
    ("ربيع الآخر", Hijri, 4),
    ("ربيع الثاني", Hijri, 4),
    ("ربيع ثاني", Hijri, 4),
    ("جمادى الأولى", Hijri, 5),
    ("جمادى الأول", Hijri, 5),
    ("جمادى الآخرة", Hijri, 6),
    ("جمادى الثانية", Hijri, 6),
    ("جمادى الآخر", Hijri, 6),
    ("جمادى الثاني", Hijri, 6),
    ("رجب", Hijri, 7),
    ("رجب المرجب", Hijri, 7),
    ("رجب الفرد", Hijri, 7),
    ("شعبان", Hijri, 8),
    ("شعبان المعظم", Hijri, 8),
    ("رمضان", Hijri, 9),
    ("شهر رمضان", Hijri, 9),
    ("رمضان المبارك", Hijri, 9),
    ("رمضان المعظم", Hijri, 9),
    ("شوال", Hijri, 10),
    ("شوال المكرم", Hijri, 10),
    ("ذو القعدة", Hijri, 11),
    ("ذي القعدة", Hijri, 11),
    ("ذا القعدة", Hijri, 11),
    ("ذوالقعدة", Hijri, 11),
    ("ذو الحجة", Hijri, 12),
    ("ذي الحجة", Hijri, 12),
    ("ذا الحجة", Hijri, 12),
    ("ذوالحجة", Hijri, 12),
    ("كانون الثاني", Syriac, 1),
    ("كانون ثاني", Syriac, 1),
    ("شباط", Syriac, 2),
    ("آذار", Syriac, 3),
    ("نيسان", Syriac, 4),
    ("أيار", Syriac, 5),
    ("حزيران", Syriac, 6),
    ("تموز", Syriac, 7),
    ("آب", Syriac, 8),
    ("أيلول", Syriac, 9),
    ("تشرين الأول", Syriac, 10),
    ("تشرين اول", Syriac, 10),
    ("تشرين الثاني", Syriac, 11),
    ("تشرين ثاني", Syriac, 11),
    ("كانون الأول", Syriac, 12),
    ("كانون اول", Syriac, 12),
    ("يناير", Latin, 1),
    ("فبراير", Latin, 2),
    ("مارس", Latin, 3),
    ("أبريل", Latin, 4),
    ("مايو", Latin, 5),
    ("يونيو", Latin, 6),
    ("يونيه", Latin, 6),
    ("يوليو", Latin, 7),
    ("يوليه", Latin, 7),
    ("أغسطس", Latin, 8),
    ("أغسطوس", Latin, 8),
    ("سبتمبر", Latin, 9),
    ("أكتوبر", Latin, 10),
    ("نوفمبر", Latin, 11),
    ("ديسمبر", Latin, 12),
    ("جانفي", French, 1),
    ("فيفري", French, 2),
    ("مارس", French, 3),
    ("أفريل", French, 4),
    ("ماي", French, 5),
    ("جوان", French, 6),
    ("جويلية", French, 7),
    ("أوت", French, 8),
    ("سبتمبر", French, 9),
    ("أكتوبر", French, 10),
    ("نوفمبر", French, 11),
    ("ديسمبر", French, 12),
    ("يناير", Moroccan, 1),
    ("فبراير", Moroccan, 2),
    ("مارس", Moroccan, 3),
    ("أبريل", Moroccan, 4),
    ("ماي", Moroccan, 5),
    ("مايو", Moroccan, 5),
    ("يونيو", Moroccan, 6),
    ("يوليوز", Moroccan, 7),
    ("يوليو", Moroccan, 7),
    ("غشت", Moroccan, 8),
    ("شتنبر", Moroccan, 9),
    ("شتمبر", Moroccan, 9),
    ("أكتوبر", Moroccan, 10),
    ("نونبر", Moroccan, 11),
    ("دجنبر", Moroccan, 12),
    ("دجمبر", Moroccan, 12),
    ("يناير", Mauritanian, 1),
    ("فبراير", Mauritanian, 2),
    ("مارس", Mauritanian, 3),
    ("إبريل", Mauritanian, 4),
    ("مايو", Mauritanian, 5),
    ("يونيو", Mauritanian, 6),
    ("يوليو", Mauritanian, 7),
    ("أغشت", Mauritanian, 8),
    ("شتمبر", Mauritanian, 9),
    ("أكتوبر", Mauritanian, 10),
    ("نوفمبر", Mauritanian, 11),
    ("دجمبر", Mauritanian, 12),
    ("أي النار", Libyan, 1),
    ("أين النار", Libyan, 1),
    ("النوار", Libyan, 2),
    ("الربيع", Libyan, 3),
    ("الطير", Libyan, 4),
    ("الماء", Libyan, 5),
    ("الصيف", Libyan, 6),
    ("ناصر", Libyan, 7),
    ("هانيبال", Libyan, 8),
    ("هنيبال", Libyan, 8),
    ("الفاتح", Libyan, 9),
    ("التمور", Libyan, 10),
    ("الحرث", Libyan, 11),
    ("الكانون", Libyan, 12),
];

/// Every spelling of a weekday name in the fact sheet.
#[rustfmt::skip]
const WEEKDAY_SPELLINGS: &[(&str, Weekday)] = &[
    ("الإثنين", Weekday::Monday),
    ("الاتنين", Weekday::Monday),
    ("الثلاثاء", Weekday::Tuesday),
    ("الثلاثا", Weekday::Tuesday),
    ("الثلثاء", Weekday::Tuesday),
    ("الأربعاء", Weekday::Wednesday),
    ("الأربعا", Weekday::Wednesday),
    ("الخميس", Weekday::Thursday),
    ("الجمعة", Weekday::Friday),
    ("السبت", Weekday::Saturday),
    ("الأحد", Weekday::Sunday),
];

/// Every spelling of an era mark in the fact sheet. هـ and ه are one spelling once
/// tatweel is removed.
#[rustfmt::skip]
pub(crate) const ERA_SPELLINGS: &[(&str, EraMark)] = &[
    ("هـ", EraMark::Hijri),
    ("هجري", EraMark::Hijri),
    ("هجرية", EraMark::Hijri),
    ("للهجرة", EraMark::Hijri),
    ("م", EraMark::Gregorian),
    ("ميلادي", EraMark::Gregorian),
    ("ميلادية", EraMark::Gregorian),
    ("للميلاد", EraMark::Gregorian),
    ("ق.م", EraMark::BeforeChrist),
    ("قبل الميلاد", EraMark::BeforeChrist),
    ("ق.هـ", EraMark::BeforeHijra),
    ("قبل الهجرة", EraMark::BeforeHijra),
    ("هـ.ش", EraMark::SolarHijri),
];

/// Every spelling of a month name: the text, its naming system and its month (1–12), in
/// the order of the fact sheet. Spelling variants that the lookup fold removes
/// (diacritics, tatweel, hamza forms of alef, ى/ي, ة/ه) are not listed.
///
/// ```
/// use nass_calendar::{month_spellings, NamingSystem};
/// assert_eq!(month_spellings()[0], ("محرم", NamingSystem::Hijri, 1));
/// // مارس is March in four systems.
/// assert_eq!(month_spellings().iter().filter(|s| s.0 == "مارس").count(), 4);
/// ```
pub fn month_spellings() -> &'static [(&'static str, NamingSystem, u8)] {
    MONTH_SPELLINGS
}

/// Every spelling of a weekday name (الإثنين، الاتنين، الثلاثاء …).
///
/// ```
/// use nass_calendar::{weekday_spellings, Weekday};
/// assert!(weekday_spellings().contains(&("الخميس", Weekday::Thursday)));
/// ```
pub fn weekday_spellings() -> &'static [(&'static str, Weekday)] {
    WEEKDAY_SPELLINGS
}

/// Every spelling of an era mark (هـ، هجري، م، ميلادي، ق.م …).
///
/// ```
/// use nass_calendar::{era_spellings, EraMark};
/// assert!(era_spellings().contains(&("للهجرة", EraMark::Hijri)));
/// ```
pub fn era_spellings() -> &'static [(&'static str, EraMark)] {
    ERA_SPELLINGS
}

/// The characters of `text` as a name lookup compares them: the lookup fold
/// (`nass_letters::lookup`: marks, tatweel and joiners dropped, letters folded), each run
/// of whitespace one space, no whitespace at either end.
fn lookup_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut space = false;
    text.trim()
        .chars()
        .flat_map(lookup_fold)
        .filter_map(move |c| {
            if c.is_whitespace() {
                let first = !space;
                space = true;
                first.then_some(' ')
            } else {
                space = false;
                Some(c)
            }
        })
}

/// Whether `text` is `spelling` once both are compared as a name lookup compares them.
pub(crate) fn spells(text: &str, spelling: &str) -> bool {
    lookup_chars(text).eq(lookup_chars(spelling))
}
