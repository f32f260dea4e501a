//! Numbers in Arabic text: Eastern Arabic (٠١٢…) and Persian (۰۱۲…) digits to ASCII and
//! back, the Arabic decimal and thousands separators, exact parsing of numerals, and
//! cardinal numbers written in words, both ways.
//!
//! ```
//! use nass_numerals::{find_number_words, find_numbers, to_ascii_digits};
//!
//! let text = "ارتفعت الأسعار ٣٫٥٪ في عام ٢٠٢٣، وبلغ عدد الزوار ثلاثة آلاف ومئتين.";
//! assert_eq!(to_ascii_digits(text),
//!            "ارتفعت الأسعار 3.5% في عام 2023، وبلغ عدد الزوار ثلاثة آلاف ومئتين.");
//!
//! let numbers: Vec<(usize, usize, String)> = find_numbers(text)
//!     .map(|m| (m.start(), m.end(), m.value().to_string()))
//!     .collect();
//! assert_eq!(numbers, [(28, 34, "3.5".to_string()), (49, 57, "2023".to_string())]);
//!
//! let words = find_number_words(text).next().unwrap();
//! assert_eq!((words.text(), words.value().to_string()), ("ثلاثة آلاف ومئتين", "3200".to_string()));
//! ```
//!
//! # Overview
//!
//! - Digits: [`DigitSet`], [`digit_value`], [`decimal_digit_value`] (every Unicode Nd digit),
//!   [`DigitConverter`] (built with [`DigitConverter::builder`]) and the shortcuts
//!   [`to_ascii_digits`] and [`convert_digits`]. [`separator_in_context`] is the one
//!   definition of which separators change, shared with `nass-normalize`, and
//!   [`CONVERTIBLE_RANGES`] holds every code point a converter can change.
//! - Numerals: [`Number`] (exact, unbounded decimal), [`parse_number`], [`find_numbers`]
//!   (decimal digits of every script, one script per numeral).
//! - Words: [`parse_number_words`], [`number_to_words`] with [`Gender`] and [`Case`],
//!   [`spell_number`] (decimals and negatives), [`find_number_words`] (cardinals, with
//!   fractions, minus words and the decimal point, and ordinals), [`ordinal_to_words`],
//!   the colloquial setting [`WordsOptions`] ([`parse_number_words_with`],
//!   [`find_number_words_with`], [`find_all_numbers_with`]), and the ordinal days
//!   [`parse_ordinal_day`] and [`ordinal_day_words`].
//! - Streaming: no number spans a line break ([`is_line_break`]), and [`safe_cut`] says
//!   where a text may be cut without changing the numbers found in it. Neither finder
//!   has a length bound; the time is linear in the text.
//!
//! # What the digit converter changes
//!
//! Converting to ASCII: every Arabic-Indic and Persian digit; `٫` and `٬` between two digits
//! become `.` and `,`; `٪` always becomes `%`. Converting to Arabic-Indic or Persian: every
//! digit of the other two sets; `.` and `,` between two digits become `٫` and `٬`; `%`
//! directly after a digit becomes `٪`. "Between two digits" means both neighbours, after
//! conversion, are digits of one of the three sets. Nothing else changes (the Arabic comma
//! `،` is punctuation, never a separator). The conversion is idempotent, and ASCII → Arabic
//! → ASCII gives back any text that contains no Arabic-Indic or Persian digit and none of
//! `٫ ٬ ٪`.
//!
//! ```
//! use nass_numerals::{convert_digits, DigitSet};
//! let ascii = "Q3: 1,250.5 (+4%)";
//! let arabic = convert_digits(ascii, DigitSet::ArabicIndic);
//! assert_eq!(arabic, "Q٣: ١٬٢٥٠٫٥ (+٤٪)");
//! assert_eq!(convert_digits(&arabic, DigitSet::Ascii), ascii);
//! ```
//!
//! # Numbers in words
//!
//! ```
//! use nass_numerals::{number_to_words, parse_number_words, Case, Gender};
//! let words = number_to_words(1_250_312, Gender::Feminine, Case::Nominative);
//! assert_eq!(words, "مليون ومئتان وخمسون ألفًا وثلاثمئة واثنتا عشرة");
//! assert_eq!(parse_number_words(&words).unwrap().to_u64(), Some(1_250_312));
//! assert_eq!(parse_number_words("مائتين وخمسين ألف").unwrap().to_u64(), Some(250_000));
//! ```
//!
//! # Features
//!
//! None. The crate depends only on `nass-diacritics` (to ignore diacritics in number
//! words).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod all;
mod digits;
mod nd;
mod number;
mod words;

pub use all::{find_all_numbers, find_all_numbers_with, AllNumbers, FoundNumber, NumberSource};
pub use digits::{
    convert_digits, decimal_digit_value, digit_value, separator_in_context, to_ascii_digits,
    DigitConverter, DigitConverterBuilder, DigitSet, DigitSources, ParseDigitSetError,
    ARABIC_DECIMAL_SEPARATOR, ARABIC_PERCENT_SIGN, ARABIC_THOUSANDS_SEPARATOR, CONVERTIBLE_RANGES,
};
pub use number::{
    find_numbers, parse_number, Number, NumberMatch, Numbers, ParseNumberError,
    ParseNumberErrorKind,
};
pub use words::{
    find_number_words, find_number_words_with, number_to_words, ordinal_day_words,
    ordinal_to_words, parse_number_words, parse_number_words_with, parse_ordinal_day, safe_cut,
    spell_number, Case, Gender, NumberWords, NumberWordsMatch, ParseWordsError,
    ParseWordsErrorKind, WordsOptions,
};

/// Whether `c` is a line break: LF, VT, FF, CR, NEL (U+0085), LINE SEPARATOR (U+2028) or
/// PARAGRAPH SEPARATOR (U+2029), the mandatory breaks of Unicode's line breaking
/// algorithm (UAX #14). No number, in digits or in words, spans a line break, so
/// [`find_numbers`] and [`find_number_words`] give for a text what they give for its
/// lines (see [`safe_cut`]).
///
/// ```
/// use nass_numerals::{find_number_words, is_line_break};
/// assert!(is_line_break('\n') && is_line_break('\r') && is_line_break('\u{2029}'));
/// assert!(!is_line_break(' ') && !is_line_break('\t'));
/// let values: Vec<String> = find_number_words("ثلاثة\nآلاف وأربعة\r\nعشر")
///     .map(|m| m.value().to_string())
///     .collect();
/// assert_eq!(values, ["3", "4", "10"]); // not 3000 and 14
/// ```
#[inline]
pub const fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests;
