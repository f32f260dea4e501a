//! Which Arabic marks are diacritics, and tatweel.
//!
//! ```
//! use nass_diacritics::{strip, strip_diacritics, Diacritics};
//!
//! assert_eq!(strip_diacritics("مُحَمَّدٌ"), "محمد");
//! // Keep the shadda, drop the rest.
//! assert_eq!(strip("مُحَمَّدٌ", Diacritics::all() - Diacritics::SHADDA), "محمّد");
//! ```
//!
//! This crate is policy: it says, one code point at a time, which marks belong to which
//! class. The classes can be chosen separately through the [`Diacritics`] set:
//!
//! | class | code points |
//! |---|---|
//! | [`HARAKAT`](Diacritics::HARAKAT) | harakat and tanwin U+064B–U+0650 |
//! | [`SHADDA`](Diacritics::SHADDA) | U+0651 |
//! | [`SUKUN`](Diacritics::SUKUN) | U+0652 |
//! | [`OTHER_MARKS`](Diacritics::OTHER_MARKS) | U+0653–U+065F (madda, combining hamza above and below, ...) |
//! | [`DAGGER_ALEF`](Diacritics::DAGGER_ALEF) | superscript (dagger) alef U+0670 |
//! | [`QURANIC`](Diacritics::QURANIC) | U+0610–U+061A, U+06D6–U+06DC, U+06DF–U+06E4, U+06E7–U+06E8, U+06EA–U+06ED |
//! | [`EXTENDED`](Diacritics::EXTENDED) | the nonspacing marks of Arabic Extended-B and Extended-A: U+0898–U+089F, U+08CA–U+08E1, U+08E3–U+08FF (U+08E2 is a format character, not a mark) |
//!
//! The functions here work on code points as they stand, with no Unicode normalization:
//! a combining hamza U+0654 is an ordinary mark of class `OTHER_MARKS`. To fold ي + U+0654
//! into ئ before stripping, and to do everything in one pass, use `nass-normalize`.
//! [`ACTION_RANGES`] holds every code point [`action`] can change, so that a table
//! builder need ask about no other.
//!
//! [`word`] holds the rules every finder reads words by: what a mark is (these classes
//! and the generic combining marks), what is transparent inside a word (marks, tatweel,
//! the joiners) and what a word character is.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::ops::RangeInclusive;

use nass_core::CharAction;

pub mod word;

/// Tatweel (kashida), U+0640: the stretching stroke, never part of a word's spelling.
pub const TATWEEL: char = '\u{0640}';

bitflags::bitflags! {
    /// A set of diacritic classes.
    ///
    /// ```
    /// use nass_diacritics::Diacritics;
    ///
    /// assert_eq!(Diacritics::class_of('\u{0651}'), Some(Diacritics::SHADDA));
    /// assert!(Diacritics::CLASSIC.contains_char('\u{064E}')); // fatha
    /// assert!(!Diacritics::CLASSIC.contains_char('\u{0670}')); // dagger alef
    /// assert_eq!(Diacritics::class_of('ب'), None);
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub struct Diacritics: u8 {
        /// Harakat and tanwin: fathatan, dammatan, kasratan, fatha, damma, kasra (U+064B–U+0650).
        const HARAKAT = 1 << 0;
        /// Shadda, U+0651.
        const SHADDA = 1 << 1;
        /// Sukun, U+0652.
        const SUKUN = 1 << 2;
        /// The other combining marks of the Arabic block, U+0653–U+065F.
        const OTHER_MARKS = 1 << 3;
        /// Superscript (dagger) alef, U+0670.
        const DAGGER_ALEF = 1 << 4;
        /// Quranic annotation marks.
        const QURANIC = 1 << 5;
        /// Marks of Arabic Extended-A and Extended-B.
        const EXTENDED = 1 << 6;
    }
}

impl Diacritics {
    /// U+064B–U+0652: harakat, tanwin, shadda and sukun. The set Lucene's
    /// ArabicNormalizer removes.
    pub const CLASSIC: Self = Self::HARAKAT.union(Self::SHADDA).union(Self::SUKUN);
    /// [`CLASSIC`](Self::CLASSIC) and the dagger alef: the set CAMeL Tools' `dediac_ar` removes.
    pub const CAMEL: Self = Self::CLASSIC.union(Self::DAGGER_ALEF);

    /// The class a code point belongs to, or `None` if it is not a diacritic.
    ///
    /// ```
    /// use nass_diacritics::Diacritics;
    /// assert_eq!(Diacritics::class_of('\u{0654}'), Some(Diacritics::OTHER_MARKS));
    /// assert_eq!(Diacritics::class_of('\u{08E2}'), None); // a format character
    /// ```
    pub const fn class_of(c: char) -> Option<Diacritics> {
        Some(match c as u32 {
            0x064B..=0x0650 => Self::HARAKAT,
            0x0651 => Self::SHADDA,
            0x0652 => Self::SUKUN,
            0x0653..=0x065F => Self::OTHER_MARKS,
            0x0670 => Self::DAGGER_ALEF,
            0x0610..=0x061A
            | 0x06D6..=0x06DC
            | 0x06DF..=0x06E4
            | 0x06E7..=0x06E8
            | 0x06EA..=0x06ED => Self::QURANIC,
            0x0898..=0x089F | 0x08CA..=0x08E1 | 0x08E3..=0x08FF => Self::EXTENDED,
            _ => return None,
        })
    }

    /// Whether `c` is a diacritic of one of the classes in this set.
    ///
    /// ```
    /// use nass_diacritics::Diacritics;
    /// assert!(Diacritics::all().contains_char('\u{06E1}')); // Quranic small dotless head of khah
    /// assert!(!Diacritics::HARAKAT.contains_char('\u{0651}'));
    /// ```
    pub const fn contains_char(self, c: char) -> bool {
        match Self::class_of(c) {
            Some(class) => self.intersects(class),
            None => false,
        }
    }
}

/// Whether `c` is a diacritic of any class.
///
/// ```
/// assert!(nass_diacritics::is_diacritic('\u{064F}'));
/// assert!(!nass_diacritics::is_diacritic(nass_diacritics::TATWEEL));
/// ```
pub const fn is_diacritic(c: char) -> bool {
    Diacritics::class_of(c).is_some()
}

/// Removes the diacritics of the given classes; borrows when there are none.
///
/// ```
/// use nass_diacritics::{strip, Diacritics};
/// assert_eq!(strip("كَتَبَ", Diacritics::HARAKAT), "كتب");
/// assert!(matches!(strip("كتب", Diacritics::all()), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn strip(text: &str, classes: Diacritics) -> Cow<'_, str> {
    remove_chars(text, |c| classes.contains_char(c))
}

/// Removes every diacritic of every class; borrows when there are none.
///
/// ```
/// assert_eq!(nass_diacritics::strip_diacritics("العَرَبِيَّةُ"), "العربية");
/// ```
pub fn strip_diacritics(text: &str) -> Cow<'_, str> {
    strip(text, Diacritics::all())
}

/// Removes tatweel; borrows when there is none.
///
/// ```
/// assert_eq!(nass_diacritics::strip_tatweel("جمـــيل"), "جميل");
/// ```
pub fn strip_tatweel(text: &str) -> Cow<'_, str> {
    remove_chars(text, |c| c == TATWEEL)
}

fn remove_chars(text: &str, remove: impl Fn(char) -> bool) -> Cow<'_, str> {
    nass_core::map_chars(text, |c| {
        if remove(c) {
            CharAction::Drop
        } else {
            CharAction::Keep
        }
    })
}

/// What removing the classes in `classes` does to one code point: the primitive that
/// [`strip`] and `nass-normalize` apply.
///
/// ```
/// use nass_core::CharAction;
/// use nass_diacritics::{action, Diacritics};
/// assert_eq!(action('\u{064E}', Diacritics::HARAKAT, false), CharAction::Drop);
/// assert_eq!(action('\u{0640}', Diacritics::empty(), true), CharAction::Drop);
/// assert_eq!(action('ب', Diacritics::all(), true), CharAction::Keep);
/// ```
pub fn action(c: char, classes: Diacritics, tatweel: bool) -> CharAction {
    if classes.contains_char(c) || (tatweel && c == TATWEEL) {
        CharAction::Drop
    } else {
        CharAction::Keep
    }
}

/// Ranges that hold every code point [`action`] can change, whatever the classes and
/// tatweel: outside them it is always [`CharAction::Keep`], so a table builder need not ask
/// about the rest. Sorted; a test holds the list to [`action`].
///
/// ```
/// use nass_core::CharAction;
/// use nass_diacritics::{action, Diacritics, ACTION_RANGES};
/// assert!(ACTION_RANGES.iter().any(|r| r.contains(&'\u{064E}')));
/// assert!(!ACTION_RANGES.iter().any(|r| r.contains(&'ب')));
/// assert_eq!(action('ب', Diacritics::all(), true), CharAction::Keep);
/// ```
pub const ACTION_RANGES: &[RangeInclusive<char>] = &[
    '\u{0610}'..='\u{061A}',
    '\u{0640}'..='\u{0640}',
    '\u{064B}'..='\u{065F}',
    '\u{0670}'..='\u{0670}',
    '\u{06D6}'..='\u{06ED}',
    '\u{0898}'..='\u{08FF}',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_ranges_hold_every_change() {
        let mut sets: Vec<Diacritics> = Diacritics::all().iter().collect();
        sets.push(Diacritics::all());
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if ACTION_RANGES.iter().any(|r| r.contains(&c)) {
                continue;
            }
            assert_eq!(action(c, Diacritics::empty(), true), CharAction::Keep);
            for &classes in &sets {
                assert_eq!(action(c, classes, false), CharAction::Keep, "{c:?}");
            }
        }
        assert!(ACTION_RANGES.windows(2).all(|w| w[0].end() < w[1].start()));
    }

    #[test]
    fn classes_table() {
        let table: &[(&str, char, Option<Diacritics>)] = &[
            ("fathatan", '\u{064B}', Some(Diacritics::HARAKAT)),
            ("kasra", '\u{0650}', Some(Diacritics::HARAKAT)),
            ("shadda", '\u{0651}', Some(Diacritics::SHADDA)),
            ("sukun", '\u{0652}', Some(Diacritics::SUKUN)),
            ("maddah above", '\u{0653}', Some(Diacritics::OTHER_MARKS)),
            ("hamza below", '\u{0655}', Some(Diacritics::OTHER_MARKS)),
            ("dot below", '\u{065F}', Some(Diacritics::OTHER_MARKS)),
            ("dagger alef", '\u{0670}', Some(Diacritics::DAGGER_ALEF)),
            ("sign sallallahou", '\u{0610}', Some(Diacritics::QURANIC)),
            ("small kasra", '\u{061A}', Some(Diacritics::QURANIC)),
            (
                "small high ligature sad",
                '\u{06D6}',
                Some(Diacritics::QURANIC),
            ),
            ("end of ayah is a format char", '\u{06DD}', None),
            ("rub el hizb is a symbol", '\u{06DE}', None),
            ("small waw is a letter", '\u{06E5}', None),
            ("place of sajdah is a symbol", '\u{06E9}', None),
            ("small high noon", '\u{06E8}', Some(Diacritics::QURANIC)),
            ("small low meem", '\u{06ED}', Some(Diacritics::QURANIC)),
            ("disputed end of ayah", '\u{08E2}', None),
            ("extended-a mark", '\u{08F0}', Some(Diacritics::EXTENDED)),
            (
                "extended-a first mark",
                '\u{08CA}',
                Some(Diacritics::EXTENDED),
            ),
            ("extended-b mark", '\u{0898}', Some(Diacritics::EXTENDED)),
            ("tatweel", '\u{0640}', None),
            ("letter", 'ب', None),
            ("arabic-indic zero is a digit", '\u{0660}', None),
        ];
        for (name, c, want) in table {
            assert_eq!(Diacritics::class_of(*c), *want, "{name}");
        }
    }

    #[test]
    fn strip_by_class() {
        let word = "شَدَّةٌ"; // shadda, fatha, dammatan
        assert_eq!(strip(word, Diacritics::all()), "شدة");
        assert_eq!(strip(word, Diacritics::HARAKAT), "شدّة");
        assert_eq!(strip(word, Diacritics::SHADDA), "شَدَةٌ");
        assert_eq!(strip("قُرْآن", Diacritics::SUKUN), "قُرآن");
        assert_eq!(strip("هٰذا", Diacritics::CLASSIC), "هٰذا");
        assert_eq!(strip("هٰذا", Diacritics::CAMEL), "هذا");
        assert_eq!(strip_tatweel("الـعـراق"), "العراق");
        assert_eq!(strip_diacritics(""), "");
    }

    proptest::proptest! {
        #[test]
        fn strip_leaves_no_diacritic_and_keeps_the_rest(s in "[\\u0600-\\u06FFa-z ]{0,40}") {
            let out = strip_diacritics(&s);
            proptest::prop_assert!(!out.chars().any(is_diacritic));
            let kept: String = s.chars().filter(|&c| !is_diacritic(c)).collect();
            proptest::prop_assert_eq!(out.as_ref(), kept.as_str());
        }
    }
}
