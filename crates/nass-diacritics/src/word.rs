//! What belongs to a word: marks, the characters a word carries between its letters
//! without spelling (transparent characters), and word characters. The one definition
//! every finder of the workspace reads words by.
//!
//! | rule | code points |
//! |---|---|
//! | [`is_mark`] | every [`Diacritics`] class, and the generic combining blocks U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F |
//! | [`is_transparent`] | a mark, tatweel U+0640, ZWNJ U+200C, ZWJ U+200D |
//! | [`is_word_char`] | a letter or number (`char::is_alphanumeric`), or transparent |
//! | [`is_letter_word_char`] | a letter (`char::is_alphabetic`), or transparent: the words of finders that read numerals as tokens of their own, where a digit ends a word |
//!
//! ```
//! use nass_diacritics::word::{is_letter_word_char, is_mark, is_transparent, is_word_char};
//!
//! assert!(is_mark('\u{064E}') && is_mark('\u{0301}'));
//! assert!(!is_mark('\u{0640}') && is_transparent('\u{0640}')); // tatweel
//! assert!(is_word_char('٣') && !is_letter_word_char('٣'));
//! assert!(is_word_char('ب') && is_letter_word_char('\u{200C}'));
//! assert!(!is_word_char('،') && !is_word_char(' '));
//! ```
//!
//! The tokenizer has its own rule, named after the promise it keeps (it agrees with
//! CAMeL Tools' word runs: anything but whitespace, punctuation and symbols).

#[cfg(doc)]
use crate::Diacritics;
use crate::{is_diacritic, TATWEEL};

/// Zero-width non-joiner, U+200C: part of the word it stands in (Persian and Urdu
/// spelling, and Arabic typed with it).
pub const ZWNJ: char = '\u{200C}';

/// Zero-width joiner, U+200D.
pub const ZWJ: char = '\u{200D}';

/// Whether `c` is a mark of the generic combining blocks (Combining Diacritical Marks
/// and its Extended and Supplement blocks, those for symbols, and the half marks).
///
/// ```
/// assert!(nass_diacritics::word::is_generic_mark('\u{0301}'));
/// assert!(!nass_diacritics::word::is_generic_mark('\u{064E}'));
/// ```
pub const fn is_generic_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Whether `c` is a combining mark that can sit on a letter of an Arabic word: a
/// diacritic of any [`Diacritics`] class, or a generic combining mark. Tatweel is not a
/// mark (see [`is_transparent`]).
///
/// ```
/// use nass_diacritics::word::is_mark;
/// assert!(is_mark('\u{0651}')); // shadda
/// assert!(is_mark('\u{06ED}')); // Quranic small low meem
/// assert!(is_mark('\u{0308}')); // combining diaeresis
/// assert!(!is_mark('\u{06DD}')); // end of ayah is a format character
/// ```
pub const fn is_mark(c: char) -> bool {
    is_diacritic(c) || is_generic_mark(c)
}

/// Whether `c` is part of a word without being one of its letters: a mark, tatweel, ZWNJ
/// or ZWJ. Readers skip these when they compare or fold words, and after a proclitic
/// letter; a run of them with no letter before belongs to the word it starts.
///
/// ```
/// use nass_diacritics::word::is_transparent;
/// assert!(is_transparent('\u{0640}') && is_transparent('\u{200D}'));
/// assert!(!is_transparent('ا'));
/// ```
pub const fn is_transparent(c: char) -> bool {
    is_mark(c) || matches!(c, TATWEEL | ZWNJ | ZWJ)
}

/// Whether `c` belongs to a word: a letter or a number (`char::is_alphanumeric`: Arabic
/// and Latin letters, every script's digits), or a transparent character.
///
/// ```
/// use nass_diacritics::word::is_word_char;
/// assert!(is_word_char('ع') && is_word_char('7') && is_word_char('\u{064F}'));
/// assert!(!is_word_char('-') && !is_word_char('؟'));
/// ```
#[inline]
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    if (0x0600..=0x06FF).contains(&u) {
        // The Arabic block, without the general Unicode lookup (held equal to the
        // definition by a test).
        return matches!(u,
            0x0610..=0x061A
            | 0x0620..=0x0669
            | 0x066E..=0x06D3
            | 0x06D5..=0x06DC
            | 0x06DF..=0x06E8
            | 0x06EA..=0x06FC
            | 0x06FF);
    }
    // The cheap test first: the Unicode tables are a search.
    is_transparent(c) || c.is_alphanumeric()
}

/// The definition [`is_word_char`]'s fast path is held to.
#[cfg(test)]
fn is_word_char_by_definition(c: char) -> bool {
    c.is_alphanumeric() || is_transparent(c)
}

/// Whether `c` belongs to a word of letters: a letter (`char::is_alphabetic`) or a
/// transparent character. Numbers are not: the finders of number words and dates read
/// numerals as tokens of their own, so that ٣أيام is a numeral and a word.
///
/// ```
/// use nass_diacritics::word::is_letter_word_char;
/// assert!(is_letter_word_char('ة') && is_letter_word_char('\u{0640}'));
/// assert!(!is_letter_word_char('٣') && !is_letter_word_char('3'));
/// ```
#[inline]
pub fn is_letter_word_char(c: char) -> bool {
    let u = c as u32;
    // The Arabic letters hamza..ghain and feh..yeh first: most characters of Arabic text.
    if matches!(u, 0x0621..=0x063A | 0x0641..=0x064A) {
        return true;
    }
    if u < 0x80 {
        return c.is_ascii_alphabetic();
    }
    if (0x0600..=0x06FF).contains(&u) {
        // The rest of the Arabic block, without the general Unicode lookup (held equal to
        // the definition by a test): is_word_char's ranges without the two digit rows.
        return matches!(u,
            0x0610..=0x061A
            | 0x0620..=0x065F
            | 0x066E..=0x06D3
            | 0x06D5..=0x06DC
            | 0x06DF..=0x06E8
            | 0x06EA..=0x06EF
            | 0x06FA..=0x06FC
            | 0x06FF);
    }
    // The cheap test first: the Unicode tables are a search.
    is_transparent(c) || c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_are_the_definitions() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), is_word_char_by_definition(c), "{c:?}");
            assert_eq!(
                is_letter_word_char(c),
                c.is_alphabetic() || is_transparent(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn classes_by_hand() {
        // Marks: every diacritic class, the generic combining blocks; not tatweel, not
        // format characters, not letters.
        for c in [
            '\u{064B}', '\u{0652}', '\u{0670}', '\u{0610}', '\u{08CA}', '\u{0300}', '\u{036F}',
            '\u{1DC0}', '\u{20D0}', '\u{FE20}',
        ] {
            assert!(is_mark(c), "{c:?}");
        }
        for c in [
            '\u{0640}', '\u{08E2}', '\u{06DD}', 'ب', '\u{200C}', '\u{0370}',
        ] {
            assert!(!is_mark(c), "{c:?}");
        }
        // Word characters: letters and digits of every script, transparent characters.
        for c in [
            'a',
            'Z',
            '0',
            'ب',
            'ی',
            '٠',
            '۹',
            'ß',
            '\u{200D}',
            '\u{0640}',
            '\u{1EE00}',
        ] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in [' ', '-', '،', '؟', '٪', '😀', '\u{00A0}', '\u{06DD}'] {
            assert!(!is_word_char(c), "{c:?}");
        }
        // Words of letters: no digits.
        for c in ['0', '٠', '۹', '²'] {
            assert!(is_word_char(c) && !is_letter_word_char(c), "{c:?}");
        }
    }
}
