//! The month lexicon: month names of every naming system, weekdays, era marks and
//! relative words, as data, and a gazetteer that finds them in text.

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use nass_gazetteer::{serde_json, Entry, Gazetteer};

use crate::gregorian::Weekday;
use crate::lexicon_data::{MONTH_NAMES, SPELLINGS};

/// Which calendar a month belongs to.
///
/// ```
/// use nass_dates::{CalendarKind, NamingSystem};
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
    /// assert_eq!(nass_dates::CalendarKind::Hijri.name(), "hijri");
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
/// use nass_dates::NamingSystem;
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
    /// assert_eq!(nass_dates::NamingSystem::ALL.len(), 7);
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
    /// assert!(!nass_dates::NamingSystem::GREGORIAN.contains(&nass_dates::NamingSystem::Hijri));
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
    /// use nass_dates::{CalendarKind, NamingSystem};
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
    /// assert_eq!(nass_dates::NamingSystem::Syriac.name(), "syriac");
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
    /// use nass_dates::NamingSystem;
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

/// The error of parsing a [`NamingSystem`] name.
///
/// ```
/// let err = "klingon".parse::<nass_dates::NamingSystem>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown month naming system \"klingon\" (expected hijri, syriac, latin, french, moroccan, mauritanian or libyan)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseNamingSystemError {
    name: String,
}

impl fmt::Display for ParseNamingSystemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown month naming system {:?} (expected hijri, syriac, latin, french, moroccan, \
             mauritanian or libyan)",
            self.name
        )
    }
}

impl std::error::Error for ParseNamingSystemError {}

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
            .ok_or_else(|| ParseNamingSystemError {
                name: s.chars().take(64).collect(),
            })
    }
}

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
        MONTH_NAMES[self.system as usize][self.month as usize - 1]
    }

    /// Every reading of `word` as a month name: `word` (surrounding whitespace ignored)
    /// must be exactly one spelling of the lexicon, possibly with proclitics, diacritics,
    /// tatweel and the spelling variation the `search` normalization folds. Names that
    /// need context are included (see [`LexiconEntry::ambiguity`]).
    ///
    /// ```
    /// use nass_dates::{MonthName, NamingSystem};
    /// let m: Vec<_> = MonthName::lookup("بذي القعدة").map(|m| (m.system(), m.month())).collect();
    /// assert_eq!(m, [(NamingSystem::Hijri, 11)]);
    /// assert_eq!(MonthName::lookup("غشت 2023").count(), 0); // not a month name alone
    /// ```
    pub fn lookup(word: &str) -> impl Iterator<Item = MonthName> {
        lookup(word).filter_map(|e| match e.word() {
            DateWord::Month(m) => Some(m),
            _ => None,
        })
    }
}

impl fmt::Display for MonthName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An era mark written after a year.
///
/// ```
/// use nass_dates::{lookup, DateWord, EraMark};
/// assert_eq!(lookup("هـ").next().unwrap().word(), DateWord::Era(EraMark::Hijri));
/// assert_eq!(lookup("ق.م").next().unwrap().word(), DateWord::Era(EraMark::BeforeChrist));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// assert_eq!(nass_dates::EraMark::Hijri.mark(), "هـ");
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

/// Every spelling of the lexicon: the Hijri months, the Gregorian months of each naming
/// system, weekdays, era marks and relative words. A spelling that belongs to several
/// systems (مارس, يناير …) is listed once per system. Variants that differ only in what
/// the `search` normalization folds (diacritics, tatweel, أ إ آ ٱ, ى/ي, ة/ه) are not
/// listed: the gazetteer finds them.
///
/// ```
/// use nass_dates::{lexicon, DateWord, NamingSystem};
/// let libyan = lexicon()
///     .iter()
///     .filter(|e| matches!(e.word(), DateWord::Month(m) if m.system() == NamingSystem::Libyan))
///     .count();
/// assert_eq!(libyan, 14); // 12 months, and the variants أين النار and هنيبال
/// ```
pub fn lexicon() -> &'static [LexiconEntry] {
    static LEXICON: OnceLock<Vec<LexiconEntry>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        SPELLINGS
            .iter()
            .map(|&(spelling, word, ambiguity)| LexiconEntry {
                spelling,
                word,
                ambiguity,
            })
            .collect()
    })
}

/// The lexicon as a [`Gazetteer`] (`search` normalizer): one entry per spelling, its type
/// the word's [`DateWord::kind`] and its payload `{"id": INDEX}`, the index into
/// [`lexicon`]. Built once on first use and shared.
///
/// ```
/// let g = nass_dates::lexicon_gazetteer();
/// let m = g.find_iter("وصل في بشهر رمضان").next().unwrap();
/// assert_eq!((m.text(), m.clitics(), m.entry().entity_type()), ("بشهر رمضان", "ب", "month/hijri"));
/// ```
pub fn lexicon_gazetteer() -> Gazetteer {
    gazetteer().clone()
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let entries = lexicon().iter().enumerate().map(|(i, e)| {
            Entry::new(e.spelling, e.word.kind()).with_payload(serde_json::json!({ "id": i }))
        });
        Gazetteer::builder()
            .entries(entries)
            .build()
            .expect("the lexicon builds (tested)")
    })
}

fn entry_index(m: &nass_gazetteer::Match<'_, '_>) -> Option<usize> {
    let id = m.entry().payload()?.get("id")?.as_u64()?;
    let id = usize::try_from(id).ok()?;
    (id < lexicon().len()).then_some(id)
}

fn entry_of(m: &nass_gazetteer::Match<'_, '_>) -> Option<&'static LexiconEntry> {
    entry_index(m).map(|i| &lexicon()[i])
}

/// Every lexicon entry that `word` (surrounding whitespace ignored) spells exactly,
/// possibly with proclitics and any variation the `search` normalization folds. In
/// lexicon order.
///
/// ```
/// use nass_dates::{lookup, DateWord, Weekday};
/// let e = lookup("والأربعاء").next().unwrap();
/// assert_eq!((e.spelling(), e.word()), ("الأربعاء", DateWord::Weekday(Weekday::Wednesday)));
/// assert_eq!(lookup("ذو القعـدة").count(), 1);
/// assert_eq!(lookup("كتاب").count(), 0);
/// ```
pub fn lookup(word: &str) -> impl Iterator<Item = &'static LexiconEntry> {
    lookup_entries(word, true)
}

/// [`lookup`], with or without proclitics.
pub(crate) fn lookup_entries(
    word: &str,
    clitics: bool,
) -> impl Iterator<Item = &'static LexiconEntry> {
    let word = word.trim();
    let mut found: Vec<usize> = gazetteer()
        .find_overlapping_iter(word)
        .filter(|m| m.start() == 0 && m.end() == word.len())
        .filter(|m| clitics || m.name_start() == 0)
        .filter_map(|m| entry_index(&m))
        .collect();
    found.sort_unstable();
    found.dedup();
    found.into_iter().map(|i| &lexicon()[i])
}

/// One date word found in text.
///
/// ```
/// use nass_dates::find_date_words;
/// let text = "وفي آب الماضي وبآذار";
/// let w: Vec<_> = find_date_words(text).map(|w| (w.span(), w.text(), w.clitics())).collect();
/// assert_eq!(w, [(7..11, "آب", ""), (12..24, "الماضي", ""), (25..37, "وبآذار", "وب")]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateWordMatch<'t> {
    text: &'t str,
    start: usize,
    name_start: usize,
    end: usize,
    entry: &'static LexiconEntry,
}

impl<'t> DateWordMatch<'t> {
    /// The byte span in the original text, proclitics included.
    ///
    /// ```
    /// assert_eq!(nass_dates::find_date_words("في شباط").next().unwrap().span(), 5..13);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The matched text, proclitics included.
    ///
    /// ```
    /// assert_eq!(nass_dates::find_date_words("وشباط").next().unwrap().text(), "وشباط");
    /// ```
    pub fn text(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    /// The proclitics before the name (`""` when none).
    ///
    /// ```
    /// assert_eq!(nass_dates::find_date_words("وشباط").next().unwrap().clitics(), "و");
    /// ```
    pub fn clitics(&self) -> &'t str {
        &self.text[self.start..self.name_start]
    }

    /// The lexicon entry.
    ///
    /// ```
    /// assert_eq!(nass_dates::find_date_words("وشباط").next().unwrap().entry().spelling(), "شباط");
    /// ```
    pub fn entry(&self) -> &'static LexiconEntry {
        self.entry
    }

    /// What the word means.
    ///
    /// ```
    /// use nass_dates::{DateWord, Weekday};
    /// assert_eq!(nass_dates::find_date_words("يوم الخميس").next().unwrap().word(), DateWord::Weekday(Weekday::Thursday));
    /// ```
    pub fn word(&self) -> DateWord {
        self.entry.word
    }
}

/// Every date word in `text` (the lexicon gazetteer's non-overlapping matches: leftmost,
/// then longest), in text order. A spelling shared by several systems (مارس) gives one
/// match per system, with the same span. Names that need context are reported too; the
/// caller decides with [`LexiconEntry::needs_context`].
///
/// ```
/// use nass_dates::{find_date_words, DateWord};
/// let text = "في 11 فبراير/شباط 2024 الموافق 1 شعبان 1445هـ";
/// let months: Vec<_> = find_date_words(text)
///     .filter_map(|w| match w.word() { DateWord::Month(m) => Some((w.text(), m.month())), _ => None })
///     .collect();
/// assert_eq!(months, [("فبراير", 2), ("فبراير", 2), ("فبراير", 2), ("شباط", 2), ("شعبان", 8)]);
/// ```
pub fn find_date_words(text: &str) -> impl Iterator<Item = DateWordMatch<'_>> + '_ {
    gazetteer().find_iter(text).filter_map(move |m| {
        Some(DateWordMatch {
            text,
            start: m.start(),
            name_start: m.name_start(),
            end: m.end(),
            entry: entry_of(&m)?,
        })
    })
}
