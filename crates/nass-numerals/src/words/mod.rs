//! Arabic number words: parsing, spelling out, finding in text, ordinal days.
//!
//! One file a step: `lexicon` (the words and their readings), `lex` (tokens), `parse`
//! (values), `find` (running text and the streaming cut), `spell` (spelling out),
//! `ordinal` (ordinal days); `tests` tests the private pieces.

use std::fmt;
use std::sync::OnceLock;

use nass_core::proclitics::Proclitics;
use nass_diacritics::word::{is_letter_word_char, is_transparent};
use nass_letters::lookup::{fold_char_each, fold_char_for_lookup, fold_for_lookup, lookup_fold};

use crate::is_line_break;
use crate::number::{is_digit, is_sep, is_sign, numeral_run_end, parse_number, Number};
use crate::NumberSource;

/// Gender of the counted noun (the numbers 1–19 and the units of 21–99 agree with it;
/// 3–10 by polarity: a masculine noun takes ثلاثة, a feminine one ثلاث).
///
/// ```
/// use nass_numerals::{number_to_words, Case, Gender};
/// assert_eq!(number_to_words(3, Gender::Masculine, Case::Nominative), "ثلاثة"); // ثلاثة كتب
/// assert_eq!(number_to_words(3, Gender::Feminine, Case::Nominative), "ثلاث"); // ثلاث سيارات
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// A masculine counted noun (كتاب، يوم، ألف).
    Masculine,
    /// A feminine counted noun (سيارة، سنة).
    Feminine,
}

/// Grammatical case of the number. Accusative and genitive share their written forms
/// (اثنين، عشرين، مئتين، ألفين); both are kept for clarity at the call site.
///
/// ```
/// use nass_numerals::{number_to_words, Case, Gender};
/// assert_eq!(number_to_words(20, Gender::Masculine, Case::Nominative), "عشرون");
/// assert_eq!(number_to_words(20, Gender::Masculine, Case::Genitive), "عشرين");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// مرفوع: اثنان، عشرون، مئتان، ألفان.
    Nominative,
    /// منصوب: اثنين، عشرين، مئتين، ألفين.
    Accusative,
    /// مجرور: the same written forms as the accusative.
    Genitive,
}

impl Case {
    fn nominative(self) -> bool {
        self == Case::Nominative
    }
}

mod find;
mod lex;
mod lexicon;
mod ordinal;
mod parse;
mod spell;
#[cfg(test)]
mod tests;

pub use find::*;
use lex::*;
use lexicon::*;
pub use ordinal::*;
pub use parse::*;
pub use spell::*;
