//! Date expressions in running text: [`find_dates`] and [`DateFinder`].
//!
//! The finder walks the text from anchor to anchor: a date word of the lexicon (month,
//! weekday; found by the lexicon gazetteer, so clitics, diacritics and tatweel work), a
//! trigger word of a relative date (اليوم، أمس، يوم/أيام، العام ...: entries of the same
//! gazetteer pass, see `relative.rs`) or a run of digits in any digit set. Around each anchor it reads the few words that make a
//! date expression (من، شهر، عام، منذ، الموافق ...) with its own small folding
//! comparison, so it never allocates per word.
//!
//! - `types.rs`: the public types of a found date ([`DateKind`], [`DateValue`],
//!   [`DateMatch`]);
//! - this file: the finder, its builder, the safe cut for streams and the iterator;
//! - `parse.rs`: reading an expression around an anchor;
//! - `relative.rs`: relative dates around their trigger words;
//! - `resolve.rs`: completing a partial date against the anchor date;
//! - `text.rs`: low-level text helpers (digits, spaces, words, folded comparison, era
//!   marks).

use nass_calendar::{CalendarKind, EraMark, GregorianDate, HijriCalendar, NamingSystem, Weekday};

use crate::word::RelativeWord;

mod parse;
mod relative;
mod resolve;
mod text;
mod types;

use parse::{collect_words, Word};
use text::{decimal, find_digit, is_transparent, num_at};
pub use types::{DateKind, DateMatch, DatePart, DateValue, RelativeOffset, RelativeUnit};

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
        } else if !(is_transparent(c) && letters > 0) {
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

/// An expression before it becomes a [`DateMatch`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Expr {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: DateKind,
    pub(super) calendar: CalendarKind,
    pub(super) system: Option<NamingSystem>,
    pub(super) value: DateValue,
    pub(super) weekday: Option<Weekday>,
    pub(super) relative: Option<RelativeWord>,
    /// How many of the relative word's periods: 2 for قبل الماضي and بعد المقبل.
    pub(super) step: u8,
    pub(super) offset: Option<RelativeOffset>,
    pub(super) part: Option<DatePart>,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Num {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: u32,
    pub(super) digits: u8,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct MonthPhrase {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) month: u8,
    pub(super) system: NamingSystem,
    pub(super) ambiguous: bool,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct YearPart {
    pub(super) end: usize,
    pub(super) year: i32,
    pub(super) era: Option<EraMark>,
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
