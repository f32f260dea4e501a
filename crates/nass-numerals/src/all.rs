//! Numerals and number words together, and the one rule for where they overlap: what
//! `nass numbers --words` and the Python package's `find_numbers(words=True)` report.

use std::iter::Peekable;
use std::ops::Range;

use crate::{find_number_words_with, find_numbers, Number, NumberWords, Numbers, WordsOptions};

/// How a number found by [`find_all_numbers`] is written.
///
/// ```
/// use nass_numerals::NumberSource;
/// assert_eq!(NumberSource::Words.name(), "words");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberSource {
    /// In digits, as [`find_numbers`] finds them.
    Digits,
    /// In words (digits with scale words among them too), as [`find_number_words`](crate::find_number_words)
    /// finds them.
    Words,
    /// An ordinal number in words (الثالث، الخامس والعشرون), as [`find_number_words`](crate::find_number_words)
    /// finds them; the value is the number it orders.
    Ordinal,
}

impl NumberSource {
    /// `"digits"`, `"words"` or `"ordinal"`: the `kind` of a record of `nass numbers`.
    pub const fn name(self) -> &'static str {
        match self {
            NumberSource::Digits => "digits",
            NumberSource::Words => "words",
            NumberSource::Ordinal => "ordinal",
        }
    }
}

/// A number found by [`find_all_numbers`]: where it is, its text, its exact value and
/// how it is written.
///
/// ```
/// use nass_numerals::{find_all_numbers, NumberSource};
/// let m = find_all_numbers("زاره ثلاثة آلاف", true).next().unwrap();
/// assert_eq!((m.start(), m.end(), m.text()), (9, 28, "ثلاثة آلاف"));
/// assert_eq!((m.value().to_string(), m.source()), ("3000".to_string(), NumberSource::Words));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundNumber<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    value: Number,
    source: NumberSource,
}

impl<'t> FoundNumber<'t> {
    /// Byte offset of the number's start in the text (its sign or proclitics included).
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_all_numbers("x -5", false).next().unwrap().start(), 2);
    /// ```
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the number.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_all_numbers("x -5", false).next().unwrap().end(), 4);
    /// ```
    pub fn end(&self) -> usize {
        self.end
    }

    /// `start..end`.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_all_numbers("x -5", false).next().unwrap().span(), 2..4);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The number as written: `&text[start..end]`.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_all_numbers("x -5", false).next().unwrap().text(), "-5");
    /// ```
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The exact value.
    ///
    /// ```
    /// let m = nass_numerals::find_all_numbers("٣٫٥", false).next().unwrap();
    /// assert_eq!(m.value().to_string(), "3.5");
    /// ```
    pub fn value(&self) -> &Number {
        &self.value
    }

    /// The exact value, owned.
    ///
    /// ```
    /// let m = nass_numerals::find_all_numbers("عشرون", true).next().unwrap();
    /// assert_eq!(m.into_value().to_u64(), Some(20));
    /// ```
    pub fn into_value(self) -> Number {
        self.value
    }

    /// In digits or in words.
    ///
    /// ```
    /// use nass_numerals::NumberSource;
    /// let m = nass_numerals::find_all_numbers("12", true).next().unwrap();
    /// assert_eq!(m.source(), NumberSource::Digits);
    /// ```
    pub fn source(&self) -> NumberSource {
        self.source
    }
}

impl nass_core::Spanned for FoundNumber<'_> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn text(&self) -> &str {
        self.text
    }
}

/// Every number of `text`, in order: numerals ([`find_numbers`]) and, with `words`,
/// number phrases ([`find_number_words`](crate::find_number_words)), which win over the numerals they contain.
///
/// The rule where the two overlap: of two numbers, the one that starts first goes first,
/// and where both start at the same place the longer one (a phrase such as `٣ آلاف`
/// rather than its numeral `٣`); whatever a number already given covers is dropped. The
/// two finders are merged as they go, so the iterator holds no list of numbers.
///
/// ```
/// use nass_numerals::find_all_numbers;
/// let text = "وصل ٣ آلاف زائر في 2024";
/// let found: Vec<(&str, String)> = find_all_numbers(text, true)
///     .map(|m| (m.text(), m.value().to_string()))
///     .collect();
/// assert_eq!(found, [("٣ آلاف", "3000".to_string()), ("2024", "2024".to_string())]);
/// // Without words, the numerals alone.
/// assert_eq!(find_all_numbers(text, false).count(), 2);
/// ```
pub fn find_all_numbers(text: &str, words: bool) -> AllNumbers<'_> {
    find_all_numbers_with(text, words.then(WordsOptions::new))
}

/// [`find_all_numbers`] with the settings of the number words: `None` finds numerals
/// only, `Some(options)` number phrases too, as [`find_number_words_with`] finds them.
///
/// ```
/// use nass_numerals::{find_all_numbers_with, WordsOptions};
/// let on = Some(WordsOptions::new().colloquial(true));
/// let values: Vec<String> = find_all_numbers_with("خمستاشر و 3", on)
///     .map(|m| m.value().to_string())
///     .collect();
/// assert_eq!(values, ["15", "3"]);
/// ```
pub fn find_all_numbers_with(text: &str, words: Option<WordsOptions>) -> AllNumbers<'_> {
    AllNumbers {
        text,
        digits: find_numbers(text).peekable(),
        phrases: words.map(|o| find_number_words_with(text, o).peekable()),
        end: 0,
    }
}

/// The iterator of [`find_all_numbers`].
#[derive(Debug)]
pub struct AllNumbers<'t> {
    text: &'t str,
    digits: Peekable<Numbers<'t>>,
    phrases: Option<Peekable<NumberWords<'t>>>,
    /// The end of the last number given.
    end: usize,
}

impl<'t> Iterator for AllNumbers<'t> {
    type Item = FoundNumber<'t>;

    fn next(&mut self) -> Option<FoundNumber<'t>> {
        loop {
            // Of the two next numbers, the one that starts first (the longer where they
            // start together).
            let key = |start: usize, end: usize| (start, std::cmp::Reverse(end));
            let digit_key = self.digits.peek().map(|m| key(m.start(), m.end()));
            let phrase_key = self
                .phrases
                .as_mut()
                .and_then(|p| p.peek())
                .map(|m| key(m.start(), m.end()));
            let found = match (digit_key, phrase_key) {
                (None, None) => return None,
                (Some(d), Some(p)) if d < p => self.digits.next().map(digits),
                (Some(_), None) => self.digits.next().map(digits),
                _ => self
                    .phrases
                    .as_mut()
                    .and_then(Iterator::next)
                    .map(|m| FoundNumber {
                        start: m.start(),
                        end: m.end(),
                        text: &self.text[m.start()..m.end()],
                        value: m.value().clone(),
                        source: m.source(),
                    }),
            };
            match found {
                Some(f) if f.start >= self.end => {
                    self.end = f.end;
                    return Some(f);
                }
                Some(_) => continue,
                None => return None,
            }
        }
    }
}

fn digits(m: crate::NumberMatch<'_>) -> FoundNumber<'_> {
    FoundNumber {
        start: m.start(),
        end: m.end(),
        text: m.text(),
        value: m.into_value(),
        source: NumberSource::Digits,
    }
}
