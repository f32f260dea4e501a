//! The lookup fold: how a word is folded before it is looked up in a fixed word list
//! (number words, month and weekday names), so that common spelling variation finds
//! the entry. Entries are written folded.
//!
//! The fold drops every transparent character (marks, tatweel, joiners:
//! `nass_diacritics::word::is_transparent`) and applies the letter folds of
//! [`LetterFolds::LOOKUP`]: آ أ إ ٱ to ا, ى and the Farsi and Urdu ya forms to ي, ک to ك,
//! ة to ه. Hamza carriers (ؤ ئ) are kept: they tell words apart (مئة, but not مية).
//! An Arabic presentation form (the contextual forms and ligatures of text extracted
//! from PDF files and old encodings) folds as its base letters do ([`lookup_fold`]):
//! ﺧﻤﺴﺔ is خمسة, ﻻ is لا.
//!
//! ```
//! use nass_letters::lookup::{fold_char_for_lookup, fold_for_lookup};
//!
//! let mut key = String::new();
//! fold_for_lookup("ثَلاثـــة", &mut key);
//! assert_eq!(key, "ثلاثه");
//! fold_for_lookup("إحدى", &mut key);
//! assert_eq!(key, "احدي");
//! assert_eq!(fold_char_for_lookup('\u{064E}'), None); // dropped
//! assert_eq!(fold_char_for_lookup('ٱ'), Some('ا'));
//! ```

use nass_diacritics::word::is_transparent;

use crate::{is_presentation_form, presentation_form_base, LetterFolds};

impl LetterFolds {
    /// The letter folds of the lookup fold ([`crate::lookup`]): alef with hamza or madda,
    /// alef wasla, alef maksura, the Farsi ya forms, keheh and teh marbuta.
    ///
    /// ```
    /// use nass_letters::LetterFolds;
    /// assert_eq!(LetterFolds::LOOKUP.fold_char('ة'), Some('ه'));
    /// assert_eq!(LetterFolds::LOOKUP.fold_char('ؤ'), None);
    /// ```
    pub const LOOKUP: Self = Self::ALEF_HAMZA
        .union(Self::ALEF_WASLA)
        .union(Self::ALEF_MAKSURA)
        .union(Self::FARSI_YA)
        .union(Self::KEHEH)
        .union(Self::TEH_MARBUTA);
}

/// What the lookup fold makes of one code point: `None` when it drops it (a
/// transparent character), else the folded letter (`c` itself when no fold applies).
/// A presentation form is left as it is here: [`lookup_fold`] gives its base letters.
///
/// ```
/// use nass_letters::lookup::fold_char_for_lookup;
/// assert_eq!(fold_char_for_lookup('ى'), Some('ي'));
/// assert_eq!(fold_char_for_lookup('ب'), Some('ب'));
/// assert_eq!(fold_char_for_lookup('\u{0640}'), None);
/// ```
#[inline]
pub const fn fold_char_for_lookup(c: char) -> Option<char> {
    if is_transparent(c) {
        return None;
    }
    match LetterFolds::LOOKUP.fold_char(c) {
        Some(f) => Some(f),
        None => Some(c),
    }
}

/// What the lookup fold makes of one code point, as the chars it becomes: none (a
/// transparent character), one, or, for an Arabic presentation form, the fold of each of
/// its base letters ([`presentation_form_base`]).
///
/// ```
/// use nass_letters::lookup::lookup_fold;
/// assert!(lookup_fold('ى').eq(['ي']));
/// assert!(lookup_fold('\u{064E}').eq([])); // a fatha: dropped
/// assert!(lookup_fold('\u{FEB1}').eq(['س'])); // seen, isolated form
/// assert!(lookup_fold('\u{FEF7}').eq(['ل', 'ا'])); // lam with alef with hamza above
/// assert!(lookup_fold('\u{FEF7}').rev().eq(['ا', 'ل']));
/// ```
#[inline]
pub fn lookup_fold(c: char) -> LookupFold {
    match presentation_form_base(c) {
        Some(base) => LookupFold {
            one: None,
            base: base.chars(),
        },
        None => LookupFold {
            one: fold_char_for_lookup(c),
            base: "".chars(),
        },
    }
}

/// Calls `f` with each char that `c` folds to ([`lookup_fold`]), in order, while `f`
/// returns true; whether it always did. As fast as [`fold_char_for_lookup`] for a code
/// point that is no presentation form.
///
/// ```
/// let mut out = String::new();
/// assert!(nass_letters::lookup::fold_char_each('\u{FEFB}', |c| { out.push(c); true }));
/// assert_eq!(out, "لا");
/// ```
#[inline]
pub fn fold_char_each(c: char, f: impl FnMut(char) -> bool) -> bool {
    if is_presentation_form(c) {
        lookup_fold(c).all(f)
    } else {
        fold_char_for_lookup(c).is_none_or(f)
    }
}

/// The chars one code point folds to ([`lookup_fold`]), in order (or in reverse).
#[derive(Clone, Debug)]
pub struct LookupFold {
    /// The folded char of a code point that is no presentation form.
    one: Option<char>,
    /// The base letters of a presentation form, not yet folded.
    base: std::str::Chars<'static>,
}

impl Iterator for LookupFold {
    type Item = char;

    #[inline]
    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.one.take() {
            return Some(c);
        }
        self.base.by_ref().find_map(fold_char_for_lookup)
    }
}

impl DoubleEndedIterator for LookupFold {
    #[inline]
    fn next_back(&mut self) -> Option<char> {
        if let Some(c) = self.one.take() {
            return Some(c);
        }
        loop {
            if let Some(c) = fold_char_for_lookup(self.base.next_back()?) {
                return Some(c);
            }
        }
    }
}

/// Folds `word` for lookup into `out` (cleared first).
///
/// ```
/// let mut out = String::from("old");
/// nass_letters::lookup::fold_for_lookup("الأربعاء", &mut out);
/// assert_eq!(out, "الاربعاء");
/// ```
pub fn fold_for_lookup(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        fold_char_each(c, |f| {
            out.push(f);
            true
        });
    }
}

/// Whether `word` folds to `key` (a key written folded), without building the fold.
///
/// ```
/// use nass_letters::lookup::folds_to;
/// assert!(folds_to("رَمَضان", "رمضان"));
/// assert!(folds_to("الأحد", "الاحد"));
/// assert!(!folds_to("الأحد", "الاحدى"));
/// ```
pub fn folds_to(word: &str, key: &str) -> bool {
    let mut key = key.chars();
    word.chars()
        .all(|c| fold_char_each(c, |f| key.next() == Some(f)))
        && key.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fold_by_hand() {
        let cases = [
            ("أإآٱا", "ااااا"),
            ("ىیېے", "يييي"),
            ("ک", "ك"),
            ("ة", "ه"),
            ("ؤئء", "ؤئء"),
            ("مِئَةٌ", "مئه"),
            ("عشـــرون", "عشرون"),
            ("ثلا\u{200C}ث\u{200D}ة\u{0301}", "ثلاثه"),
            ("ab1٣", "ab1٣"),
            // Presentation forms: contextual forms, lam-alef, a three-letter ligature.
            ("\u{FEA7}\u{FEE4}\u{FEB4}\u{FE94}", "خمسه"),
            ("\u{FEDF}\u{FEFC}\u{FE9B}", "للاث"),
            ("\u{FEF9}", "لا"),
            ("\u{FD3C}", "ا"),    // alef with fathatan: the mark dropped
            ("\u{FDF2}", "الله"), // the ligature of the name of God
        ];
        let mut out = String::new();
        for (word, key) in cases {
            fold_for_lookup(word, &mut out);
            assert_eq!(out, key, "{word}");
            assert!(folds_to(word, key), "{word}");
        }
    }

    #[test]
    fn folded_keys_are_fixed_points() {
        let mut once = String::new();
        let mut twice = String::new();
        for c in (0..0x10000u32).filter_map(char::from_u32) {
            fold_for_lookup(&c.to_string(), &mut once);
            fold_for_lookup(&once, &mut twice);
            assert_eq!(once, twice, "{c:?}");
        }
    }
}
