//! The lookup fold: how a word is folded before it is looked up in a fixed word list
//! (number words, month and weekday names), so that common spelling variation finds
//! the entry. Entries are written folded.
//!
//! The fold drops every transparent character (marks, tatweel, joiners:
//! `nass_diacritics::word::is_transparent`) and applies the letter folds of
//! [`LetterFolds::LOOKUP`]: آ أ إ ٱ to ا, ى and the Farsi and Urdu ya forms to ي, ک to ك,
//! ة to ه. Hamza carriers (ؤ ئ) are kept: they tell words apart (مئة, but not مية).
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

use crate::LetterFolds;

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

/// Folds `word` for lookup into `out` (cleared first).
///
/// ```
/// let mut out = String::from("old");
/// nass_letters::lookup::fold_for_lookup("الأربعاء", &mut out);
/// assert_eq!(out, "الاربعاء");
/// ```
pub fn fold_for_lookup(word: &str, out: &mut String) {
    out.clear();
    out.extend(word.chars().filter_map(fold_char_for_lookup));
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
    word.chars()
        .filter_map(fold_char_for_lookup)
        .eq(key.chars())
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
