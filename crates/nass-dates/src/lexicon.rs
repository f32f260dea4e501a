//! The month lexicon: month names of every naming system, weekdays, era marks and
//! relative words, and a gazetteer that finds them in text.

use std::ops::Range;
use std::sync::OnceLock;

use nass_calendar::{era_spellings, month_spellings, weekday_spellings};
use nass_core::{CliticSpanned, Spanned};
use nass_gazetteer::{serde_json, Entry, Gazetteer};

use crate::lexicon_data::{ambiguity, Trigger, RELATIVE_SPELLINGS, TRIGGER_SPELLINGS};
use crate::word::{DateWord, LexiconEntry, MonthName};

impl MonthName {
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
        let months = month_spellings().iter().map(|&(s, system, month)| {
            (s, DateWord::Month(MonthName::new_unchecked(system, month)))
        });
        let weekdays = weekday_spellings()
            .iter()
            .map(|&(s, day)| (s, DateWord::Weekday(day)));
        let eras = era_spellings()
            .iter()
            .map(|&(s, era)| (s, DateWord::Era(era)));
        let relatives = RELATIVE_SPELLINGS
            .iter()
            .map(|&(s, word)| (s, DateWord::Relative(word)));
        months
            .chain(weekdays)
            .chain(eras)
            .chain(relatives)
            .map(|(spelling, word)| LexiconEntry::new(spelling, word, ambiguity(spelling)))
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
    GAZETTEER.get_or_init(|| build_gazetteer(false))
}

/// The lexicon and the trigger words of relative dates ([`TRIGGER_SPELLINGS`], ids after
/// the lexicon's): the one pass the date finder makes over a text.
fn finder_gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| build_gazetteer(true))
}

fn build_gazetteer(with_triggers: bool) -> Gazetteer {
    let entries = lexicon().iter().enumerate().map(|(i, e)| {
        Entry::new(e.spelling(), e.word().kind()).with_payload(serde_json::json!({ "id": i }))
    });
    let n = lexicon().len();
    let triggers = TRIGGER_SPELLINGS
        .iter()
        .enumerate()
        .filter(|_| with_triggers)
        .map(|(i, &(spelling, _))| {
            Entry::new(spelling, "relative/trigger")
                .with_payload(serde_json::json!({ "id": n + i }))
        });
    Gazetteer::builder()
        .entries(entries.chain(triggers))
        .build()
        .expect("the lexicon builds (tested)")
}

/// What the finder's pass found: a lexicon entry, or a trigger word with its spelling.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Reading {
    Entry(&'static LexiconEntry),
    Trigger(&'static str, Trigger),
}

/// Every date word and trigger word of `text`, in text order: the raw span of the match
/// (proclitics included) and what it is.
pub(crate) fn find_finder_words(text: &str) -> impl Iterator<Item = (Range<usize>, Reading)> + '_ {
    let n = lexicon().len();
    finder_gazetteer().find_iter(text).filter_map(move |m| {
        let id = usize::try_from(m.entry().payload()?.get("id")?.as_u64()?).ok()?;
        let reading = match id.checked_sub(n) {
            None => Reading::Entry(&lexicon()[id]),
            Some(j) => {
                let &(spelling, t) = TRIGGER_SPELLINGS.get(j)?;
                Reading::Trigger(spelling, t)
            }
        };
        Some((m.start()..m.end(), reading))
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
    /// Byte offset where the match starts, proclitics included.
    ///
    /// ```
    /// assert_eq!(nass_dates::find_date_words("في وشباط").next().unwrap().start(), 5);
    /// ```
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the match.
    ///
    /// ```
    /// assert_eq!(nass_dates::find_date_words("في وشباط").next().unwrap().end(), 15);
    /// ```
    pub fn end(&self) -> usize {
        self.end
    }

    /// Byte offset where the name begins, after the proclitics.
    ///
    /// ```
    /// assert_eq!(nass_dates::find_date_words("في وشباط").next().unwrap().name_start(), 7);
    /// ```
    pub fn name_start(&self) -> usize {
        self.name_start
    }

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

    /// The name after the proclitics.
    ///
    /// ```
    /// assert_eq!(nass_dates::find_date_words("وشباط").next().unwrap().name_text(), "شباط");
    /// ```
    pub fn name_text(&self) -> &'t str {
        &self.text[self.name_start..self.end]
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
        self.entry.word()
    }
}

/// The workspace's accessor convention (`nass_core::span`).
///
/// ```
/// use nass_core::CliticSpanned;
/// let w = nass_dates::find_date_words("وبشباط").next().unwrap();
/// assert_eq!((CliticSpanned::clitics(&w), CliticSpanned::name_text(&w)), ("وب", "شباط"));
/// ```
impl Spanned for DateWordMatch<'_> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn text(&self) -> &str {
        DateWordMatch::text(self)
    }
}

impl CliticSpanned for DateWordMatch<'_> {
    fn name_start(&self) -> usize {
        self.name_start
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
