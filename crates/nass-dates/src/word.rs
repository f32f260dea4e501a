//! What a date word of the lexicon means: [`MonthName`], [`RelativeWord`], [`DateWord`],
//! and one spelling with its ambiguity, [`LexiconEntry`].

use std::fmt;

use nass_calendar::{CalendarKind, EraMark, NamingSystem, Weekday};

/// A month as a naming system names it: the month number, the system, and through the
/// system the calendar.
///
/// ```
/// use nass_dates::{CalendarKind, MonthName, NamingSystem};
/// let readings: Vec<MonthName> = MonthName::lookup("وشباط").collect();
/// assert_eq!(readings.len(), 1);
/// let shubat = readings[0];
/// assert_eq!((shubat.month(), shubat.system(), shubat.calendar()), (2, NamingSystem::Syriac, CalendarKind::Gregorian));
/// assert_eq!(shubat.name(), "شباط");
/// // مارس is March in four systems.
/// assert_eq!(MonthName::lookup("مارس").count(), 4);
/// assert!(MonthName::lookup("مارس").all(|m| m.month() == 3));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MonthName {
    system: NamingSystem,
    month: u8,
}

impl MonthName {
    /// Month `month` (1–12) of `system`.
    ///
    /// ```
    /// use nass_dates::{MonthName, NamingSystem};
    /// assert_eq!(MonthName::new(NamingSystem::Hijri, 9).unwrap().name(), "رمضان");
    /// assert_eq!(MonthName::new(NamingSystem::Hijri, 0), None);
    /// ```
    pub const fn new(system: NamingSystem, month: u8) -> Option<MonthName> {
        if month >= 1 && month <= 12 {
            Some(MonthName { system, month })
        } else {
            None
        }
    }

    pub(crate) const fn new_unchecked(system: NamingSystem, month: u8) -> MonthName {
        MonthName { system, month }
    }

    /// The month number, 1–12.
    ///
    /// ```
    /// # use nass_dates::{MonthName, NamingSystem};
    /// assert_eq!(MonthName::new(NamingSystem::Moroccan, 8).unwrap().month(), 8);
    /// ```
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The naming system.
    ///
    /// ```
    /// # use nass_dates::{MonthName, NamingSystem};
    /// assert_eq!(MonthName::new(NamingSystem::Moroccan, 8).unwrap().system(), NamingSystem::Moroccan);
    /// ```
    pub const fn system(self) -> NamingSystem {
        self.system
    }

    /// The calendar.
    ///
    /// ```
    /// # use nass_dates::{CalendarKind, MonthName, NamingSystem};
    /// assert_eq!(MonthName::new(NamingSystem::Hijri, 1).unwrap().calendar(), CalendarKind::Hijri);
    /// ```
    pub const fn calendar(self) -> CalendarKind {
        self.system.calendar()
    }

    /// The name the system prints for this month.
    ///
    /// ```
    /// # use nass_dates::{MonthName, NamingSystem};
    /// assert_eq!(MonthName::new(NamingSystem::Moroccan, 8).unwrap().name(), "غشت");
    /// ```
    pub const fn name(self) -> &'static str {
        match self.system.month_name(self.month) {
            Some(name) => name,
            None => "",
        }
    }
}

impl fmt::Display for MonthName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A relative word after a month, weekday or year.
///
/// ```
/// use nass_dates::{lookup, DateWord, RelativeWord};
/// assert_eq!(lookup("المقبلة").next().unwrap().word(), DateWord::Relative(RelativeWord::Next));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelativeWord {
    /// Last, past: الماضي، الماضية، المنصرم، الفائت، السابق ...
    Past,
    /// Next, coming: المقبل، المقبلة، القادم ...
    Next,
    /// Current: الجاري، الحالي ...
    Current,
}

impl RelativeWord {
    /// `past`, `next` or `current`.
    ///
    /// ```
    /// assert_eq!(nass_dates::RelativeWord::Past.name(), "past");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            RelativeWord::Past => "past",
            RelativeWord::Next => "next",
            RelativeWord::Current => "current",
        }
    }
}

/// What a spelling of the lexicon means.
///
/// ```
/// use nass_dates::{lookup, DateWord, Weekday};
/// assert_eq!(lookup("والأربعاء").next().unwrap().word(), DateWord::Weekday(Weekday::Wednesday));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateWord {
    /// A month name.
    Month(MonthName),
    /// A weekday name.
    Weekday(Weekday),
    /// An era mark.
    Era(EraMark),
    /// A relative word.
    Relative(RelativeWord),
}

impl DateWord {
    /// The gazetteer type of the word: `month/SYSTEM` (`month/hijri`, `month/syriac` …),
    /// `weekday`, `era` or `relative`.
    ///
    /// ```
    /// use nass_dates::lookup;
    /// assert_eq!(lookup("غشت").next().unwrap().word().kind(), "month/moroccan");
    /// ```
    pub const fn kind(self) -> &'static str {
        match self {
            DateWord::Month(m) => match m.system {
                NamingSystem::Hijri => "month/hijri",
                NamingSystem::Syriac => "month/syriac",
                NamingSystem::Latin => "month/latin",
                NamingSystem::French => "month/french",
                NamingSystem::Moroccan => "month/moroccan",
                NamingSystem::Mauritanian => "month/mauritanian",
                NamingSystem::Libyan => "month/libyan",
            },
            DateWord::Weekday(_) => "weekday",
            DateWord::Era(_) => "era",
            DateWord::Relative(_) => "relative",
        }
    }
}

/// One spelling of the lexicon.
///
/// ```
/// use nass_dates::{lexicon, DateWord};
/// let e = lexicon().iter().find(|e| e.spelling() == "صفر").unwrap();
/// assert!(matches!(e.word(), DateWord::Month(m) if m.month() == 2));
/// assert_eq!(e.ambiguity(), Some("also the noun 'zero'"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LexiconEntry {
    spelling: &'static str,
    word: DateWord,
    ambiguity: Option<&'static str>,
}

impl LexiconEntry {
    pub(crate) const fn new(
        spelling: &'static str,
        word: DateWord,
        ambiguity: Option<&'static str>,
    ) -> Self {
        LexiconEntry {
            spelling,
            word,
            ambiguity,
        }
    }

    /// The spelling as listed.
    ///
    /// ```
    /// assert_eq!(nass_dates::lexicon()[0].spelling(), "محرم");
    /// ```
    pub const fn spelling(&self) -> &'static str {
        self.spelling
    }

    /// What it means.
    ///
    /// ```
    /// use nass_dates::{lexicon, DateWord, MonthName, NamingSystem};
    /// assert_eq!(lexicon()[0].word(), DateWord::Month(MonthName::new(NamingSystem::Hijri, 1).unwrap()));
    /// ```
    pub const fn word(&self) -> DateWord {
        self.word
    }

    /// Why the spelling is also an ordinary word and so counts as a date word only with
    /// supporting context (a day number before, a year or era mark after, شهر before, or
    /// a paired name after "/"), or `None` when it is unambiguous. The ambiguous
    /// spellings, from the fact sheet: محرم / المحرم (forbidden, a name), صفر (zero), رجب,
    /// شعبان, رمضان (names), نيسان (the car), تموز (mythology), آب (folds with أب
    /// "father"), مارس (the verb, in all four systems), every Libyan name (common nouns
    /// and names), الإثنين ("the two"), الجمعة (Friday prayer), the one-letter era marks
    /// هـ and م, and every relative word (ordinary adjectives).
    ///
    /// ```
    /// use nass_dates::lookup;
    /// assert!(lookup("نيسان").all(|e| e.ambiguity().is_some()));
    /// assert!(lookup("شباط").all(|e| e.ambiguity().is_none()));
    /// ```
    pub const fn ambiguity(&self) -> Option<&'static str> {
        self.ambiguity
    }

    /// Whether the spelling needs context ([`LexiconEntry::ambiguity`] is `Some`).
    ///
    /// ```
    /// assert!(nass_dates::lookup("رمضان").next().unwrap().needs_context());
    /// assert!(!nass_dates::lookup("رمضان المبارك").next().unwrap().needs_context());
    /// ```
    pub const fn needs_context(&self) -> bool {
        self.ambiguity.is_some()
    }
}
