//! Exact decimal numbers: [`Number`], [`parse_number`] and [`find_numbers`].

use std::fmt;
use std::str::FromStr;

use crate::digits::{numeral_digit, ARABIC_DECIMAL_SEPARATOR, ARABIC_THOUSANDS_SEPARATOR};
use crate::is_line_break;

/// An exact decimal number: a sign, the digits and how many of them are fractional.
///
/// A `Number` is a *value*: it is kept canonical (no leading zeros, no trailing zeros in
/// the fraction, no negative zero), so `12.50` and `12.5` are equal and hash alike. Its
/// [`Display`](fmt::Display) is the canonical ASCII form: `2500`, `12.5`, `-3`, `0.05`,
/// never an exponent. There is no size limit: the digits are kept as a string.
///
/// ```
/// use nass_numerals::{parse_number, Number};
/// let n = parse_number("٢٬٥٠٠٫٥٠").unwrap();
/// assert_eq!(n.to_string(), "2500.5");
/// assert_eq!(n, "2500.5".parse::<Number>().unwrap());
/// assert_eq!(n.integer_part(), Some(2500));
/// assert!(!n.is_integer());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Number {
    negative: bool,
    /// ASCII digits of the value times 10^scale, without leading zeros ("0" for zero).
    digits: String,
    /// How many of the (implicitly zero-padded) digits are fractional.
    scale: u32,
}

impl Number {
    /// The number zero.
    ///
    /// ```
    /// assert_eq!(nass_numerals::Number::zero().to_string(), "0");
    /// ```
    pub fn zero() -> Number {
        Number {
            negative: false,
            digits: "0".into(),
            scale: 0,
        }
    }

    /// The number `mantissa / 10^scale`, negated when `negative`. The value is exact at any
    /// scale; note that its decimal form has at least `scale` characters after the point
    /// (`scale` = `u32::MAX` would print four billion digits).
    ///
    /// ```
    /// use nass_numerals::Number;
    /// assert_eq!(Number::from_parts(true, 1250, 2).to_string(), "-12.5");
    /// assert_eq!(Number::from_parts(true, 0, 3).to_string(), "0");
    /// ```
    pub fn from_parts(negative: bool, mantissa: u128, scale: u32) -> Number {
        // u64 formats much faster than u128.
        let digits = match u64::try_from(mantissa) {
            Ok(m) => m.to_string(),
            Err(_) => mantissa.to_string(),
        };
        Number::from_digit_string(negative, digits, scale)
    }

    /// Builds from an ASCII digit string and a scale, canonicalizing.
    pub(crate) fn from_digit_string(negative: bool, digits: String, scale: u32) -> Number {
        let mut digits = digits;
        let mut scale = scale;
        // Trailing zeros of the fraction.
        while scale > 0 && digits.len() > 1 && digits.ends_with('0') {
            digits.pop();
            scale -= 1;
        }
        if digits.bytes().all(|b| b == b'0') {
            return Number::zero();
        }
        let lead = digits.bytes().take_while(|&b| b == b'0').count();
        digits.drain(..lead);
        Number {
            negative,
            digits,
            scale,
        }
    }

    /// Whether the number is below zero (zero is never negative).
    ///
    /// ```
    /// use nass_numerals::parse_number;
    /// assert!(parse_number("−٥").unwrap().is_negative()); // U+2212 MINUS SIGN
    /// assert!(!parse_number("-0").unwrap().is_negative());
    /// ```
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// Whether the number has no fractional part.
    ///
    /// ```
    /// use nass_numerals::parse_number;
    /// assert!(parse_number("3.000").unwrap().is_integer());
    /// assert!(!parse_number("3.25").unwrap().is_integer());
    /// ```
    pub fn is_integer(&self) -> bool {
        self.scale == 0
    }

    /// How many digits follow the decimal point in the canonical form.
    ///
    /// ```
    /// assert_eq!(nass_numerals::parse_number("0.050").unwrap().scale(), 2);
    /// ```
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// The absolute value's integer part (the fraction truncated), if it fits a `u128`.
    ///
    /// ```
    /// use nass_numerals::parse_number;
    /// assert_eq!(parse_number("-12.9").unwrap().integer_part(), Some(12));
    /// assert_eq!(parse_number("0.5").unwrap().integer_part(), Some(0));
    /// assert_eq!(parse_number(&"9".repeat(40)).unwrap().integer_part(), None);
    /// ```
    pub fn integer_part(&self) -> Option<u128> {
        let s = self.scale as usize;
        let int = if self.digits.len() > s {
            &self.digits[..self.digits.len() - s]
        } else {
            "0"
        };
        int.parse().ok()
    }

    /// The value as a `u64` when it is a non-negative integer that fits.
    ///
    /// ```
    /// use nass_numerals::parse_number;
    /// assert_eq!(parse_number("٢٬٥٠٠").unwrap().to_u64(), Some(2500));
    /// assert_eq!(parse_number("2.5").unwrap().to_u64(), None);
    /// assert_eq!(parse_number("-2").unwrap().to_u64(), None);
    /// ```
    pub fn to_u64(&self) -> Option<u64> {
        if self.negative || self.scale != 0 {
            return None;
        }
        self.digits.parse().ok()
    }

    /// The mantissa (the digits without the point) if it fits a `u128`, with the scale:
    /// the value is `±mantissa / 10^scale`.
    ///
    /// ```
    /// assert_eq!(nass_numerals::parse_number("12.05").unwrap().mantissa(), Some((1205, 2)));
    /// ```
    pub fn mantissa(&self) -> Option<(u128, u32)> {
        Some((self.digits.parse().ok()?, self.scale))
    }

    /// The number times `10^k`, exactly. The digits are stored, so a large `k` costs about
    /// `k` bytes of memory.
    ///
    /// ```
    /// use nass_numerals::parse_number;
    /// assert_eq!(parse_number("2.5").unwrap().times_power_of_ten(6).to_string(), "2500000");
    /// ```
    pub fn times_power_of_ten(&self, k: u32) -> Number {
        if self.digits == "0" {
            return Number::zero();
        }
        if self.scale >= k {
            return Number::from_digit_string(self.negative, self.digits.clone(), self.scale - k);
        }
        let mut digits = self.digits.clone();
        for _ in 0..(k - self.scale) {
            digits.push('0');
        }
        Number::from_digit_string(self.negative, digits, 0)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        let s = self.scale as usize;
        if s == 0 {
            return f.write_str(&self.digits);
        }
        if self.digits.len() > s {
            let (int, frac) = self.digits.split_at(self.digits.len() - s);
            write!(f, "{int}.{frac}")
        } else {
            f.write_str("0.")?;
            for _ in 0..(s - self.digits.len()) {
                f.write_str("0")?;
            }
            f.write_str(&self.digits)
        }
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Number({self})")
    }
}

impl From<u64> for Number {
    /// ```
    /// assert_eq!(nass_numerals::Number::from(2500u64).to_string(), "2500");
    /// ```
    fn from(n: u64) -> Number {
        Number::from_parts(false, n as u128, 0)
    }
}

impl From<u128> for Number {
    /// ```
    /// assert_eq!(nass_numerals::Number::from(7u128).to_string(), "7");
    /// ```
    fn from(n: u128) -> Number {
        Number::from_parts(false, n, 0)
    }
}

impl FromStr for Number {
    type Err = ParseNumberError;

    /// The same as [`parse_number`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_number(s)
    }
}

/// Why [`parse_number`] failed.
///
/// ```
/// use nass_numerals::{parse_number, ParseNumberErrorKind};
/// let err = parse_number("1,2").unwrap_err();
/// assert_eq!(err.kind(), ParseNumberErrorKind::BadGrouping);
/// assert_eq!(err.to_string(), "bad digit grouping at byte 1: a thousands group must have 3 digits");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseNumberError {
    kind: ParseNumberErrorKind,
    offset: usize,
}

/// The kinds of [`ParseNumberError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseNumberErrorKind {
    /// No digits at all (empty input or a lone sign).
    Empty,
    /// A character that is not a digit, sign or separator, or a sign not at the start.
    InvalidChar,
    /// ASCII separators (`,` `.`) and Arabic ones (`٬` `٫`) in one numeral.
    MixedSeparators,
    /// Thousands groups that are not of three digits (the first may have 1–3), or a
    /// thousands separator after the decimal separator.
    BadGrouping,
    /// A separator without a digit on each side, or a second decimal separator.
    MisplacedSeparator,
    /// Digits of two scripts in one numeral (ASCII, Arabic-Indic and Persian count as
    /// one): `१२3`.
    MixedScripts,
}

impl ParseNumberError {
    /// The kind of error.
    ///
    /// ```
    /// use nass_numerals::{parse_number, ParseNumberErrorKind};
    /// assert_eq!(parse_number("").unwrap_err().kind(), ParseNumberErrorKind::Empty);
    /// ```
    pub fn kind(&self) -> ParseNumberErrorKind {
        self.kind
    }

    /// Byte offset of the problem in the input.
    ///
    /// ```
    /// assert_eq!(nass_numerals::parse_number("١٢x").unwrap_err().offset(), 4);
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ParseNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ParseNumberErrorKind::Empty => "no digits",
            ParseNumberErrorKind::InvalidChar => "invalid character",
            ParseNumberErrorKind::MixedSeparators => {
                "mixed separators: ASCII and Arabic separators in one number"
            }
            ParseNumberErrorKind::BadGrouping => "bad digit grouping",
            ParseNumberErrorKind::MisplacedSeparator => "misplaced separator",
            ParseNumberErrorKind::MixedScripts => "digits of another script",
        };
        if self.kind == ParseNumberErrorKind::BadGrouping {
            write!(
                f,
                "bad digit grouping at byte {}: a thousands group must have 3 digits",
                self.offset
            )
        } else {
            write!(f, "{what} at byte {}", self.offset)
        }
    }
}

impl std::error::Error for ParseNumberError {}

fn err(kind: ParseNumberErrorKind, offset: usize) -> ParseNumberError {
    ParseNumberError { kind, offset }
}

/// Parses one numeral, exactly.
///
/// Accepted: the decimal digits of any script (Unicode general category Nd), all of one
/// script, where ASCII, Arabic-Indic and Persian digits count as one and mix freely
/// (`٢0٢4`; `१२3` is an error, [`MixedScripts`](ParseNumberErrorKind::MixedScripts)); an optional leading
/// sign `+`, `-` or `−` (U+2212); thousands separators `,` or `٬` between groups of three
/// digits (the first group 1–3 digits); one decimal separator `.` or `٫`. Every separator
/// needs a digit on each side, and the ASCII and Arabic separator styles may not be mixed,
/// but for the Arabic decimal separator `٫`, which may also open the numeral (`٫٥` is
/// 0.5; `.5` is an error, as a `.` there may end a sentence). No whitespace, no exponent.
/// The value is exact and unbounded.
///
/// ```
/// use nass_numerals::parse_number;
/// assert_eq!(parse_number("٢٥٠٠").unwrap().to_string(), "2500");
/// assert_eq!(parse_number("۱۲٫۵").unwrap().to_string(), "12.5");
/// assert_eq!(parse_number("-1,234,567.0").unwrap().to_string(), "-1234567");
/// assert!(parse_number("1,234٫5").is_err()); // mixed separators
/// assert!(parse_number("12,34").is_err());   // bad grouping
/// assert!(parse_number("3.").is_err());      // separator without a digit after it
/// assert_eq!(parse_number("-٫٥").unwrap().to_string(), "-0.5");
/// assert!(parse_number(".5").is_err());
/// assert_eq!(parse_number("१२.५").unwrap().to_string(), "12.5"); // Devanagari
/// assert!(parse_number("१२3").is_err());     // two scripts
/// ```
pub fn parse_number(s: &str) -> Result<Number, ParseNumberError> {
    use ParseNumberErrorKind::*;
    let mut chars = s.char_indices().peekable();
    let mut negative = false;
    if let Some(&(_, c)) = chars.peek() {
        if matches!(c, '+' | '-' | '\u{2212}') {
            negative = c != '+';
            chars.next();
        }
    }
    let mut int = String::new();
    let mut frac = String::new();
    let mut in_frac = false;
    let mut style: Option<bool> = None; // Some(true) = Arabic separators
    let mut script: Option<u32> = None; // of the first digit, see `numeral_digit`
    let mut grouped = false;
    let mut group_len = 0usize; // digits since the last thousands separator
    let mut first_group = true;
    let mut prev_digit = false;
    let mut last_sep_offset = 0usize;
    while let Some((i, c)) = chars.next() {
        if let Some((v, digit_script)) = numeral_digit(c) {
            if *script.get_or_insert(digit_script) != digit_script {
                return Err(err(MixedScripts, i));
            }
            let d = (b'0' + v) as char;
            if in_frac {
                frac.push(d);
            } else {
                int.push(d);
                group_len += 1;
            }
            prev_digit = true;
            continue;
        }
        let next_digit = chars.peek().is_some_and(|&(_, n)| is_digit(n));
        let (is_decimal, arabic) = match c {
            '.' => (true, false),
            ',' => (false, false),
            ARABIC_DECIMAL_SEPARATOR => (true, true),
            ARABIC_THOUSANDS_SEPARATOR => (false, true),
            _ => return Err(err(InvalidChar, i)),
        };
        // The Arabic decimal separator may also open the numeral: ٫٥ is 0.5.
        let opens = is_decimal && arabic && int.is_empty() && !in_frac;
        if !(prev_digit || opens) || !next_digit {
            return Err(err(MisplacedSeparator, i));
        }
        match style {
            Some(a) if a != arabic => return Err(err(MixedSeparators, i)),
            _ => style = Some(arabic),
        }
        if is_decimal {
            if in_frac {
                return Err(err(MisplacedSeparator, i));
            }
            if grouped && group_len != 3 {
                return Err(err(BadGrouping, last_sep_offset));
            }
            in_frac = true;
        } else {
            if in_frac {
                return Err(err(BadGrouping, i));
            }
            let ok = if first_group {
                (1..=3).contains(&group_len)
            } else {
                group_len == 3
            };
            if !ok {
                return Err(err(BadGrouping, i));
            }
            grouped = true;
            first_group = false;
            group_len = 0;
            last_sep_offset = i;
        }
        prev_digit = false;
    }
    if int.is_empty() {
        if !in_frac {
            return Err(err(Empty, s.len()));
        }
        int.push('0');
    }
    if grouped && !in_frac && group_len != 3 {
        return Err(err(BadGrouping, last_sep_offset));
    }
    let scale = frac.len() as u32;
    int.push_str(&frac);
    Ok(Number::from_digit_string(negative, int, scale))
}

/// A numeral found in running text by [`find_numbers`].
///
/// ```
/// let m = nass_numerals::find_numbers("سعره ٢٬٥٠٠ دينار").next().unwrap();
/// assert_eq!((m.start(), m.end(), m.text()), (9, 19, "٢٬٥٠٠"));
/// assert_eq!(m.value().to_string(), "2500");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberMatch<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    value: Number,
}

impl<'t> NumberMatch<'t> {
    /// Byte offset of the first character (the sign, if any) in the original text.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_numbers("x -5").next().unwrap().start(), 2);
    /// ```
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the last digit.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_numbers("٣أيام").next().unwrap().end(), 2);
    /// ```
    pub fn end(&self) -> usize {
        self.end
    }

    /// `start..end`.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_numbers("عام 2024").next().unwrap().span(), 7..11);
    /// ```
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The numeral as written: `&text[start..end]`.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_numbers("نمو ٣٫٥٪").next().unwrap().text(), "٣٫٥");
    /// ```
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The exact value.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_numbers("-0.50").next().unwrap().value().to_string(), "-0.5");
    /// ```
    pub fn value(&self) -> &Number {
        &self.value
    }

    /// The value, taking it out of the match.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_numbers("7").next().unwrap().into_value().to_u64(), Some(7));
    /// ```
    pub fn into_value(self) -> Number {
        self.value
    }
}

impl nass_core::Spanned for NumberMatch<'_> {
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

/// Iterator of [`find_numbers`].
#[derive(Debug, Clone)]
pub struct Numbers<'t> {
    text: &'t str,
    pos: usize,
    /// Pieces of a run that was not one valid numeral, still to yield.
    pending: std::collections::VecDeque<NumberMatch<'t>>,
}

pub(crate) fn is_sep(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ARABIC_DECIMAL_SEPARATOR | ARABIC_THOUSANDS_SEPARATOR
    )
}

/// Whether `c` may be the sign of a numeral: `+`, `-` or `−` (U+2212).
pub(crate) fn is_sign(c: char) -> bool {
    matches!(c, '+' | '-' | '\u{2212}')
}

/// Whether `c` is a digit of a numeral (any Unicode Nd digit).
pub(crate) fn is_digit(c: char) -> bool {
    numeral_digit(c).is_some()
}

/// End of the numeral run starting with a digit at `start`: digits of the first digit's
/// script (see `numeral_digit`), and single separators that have such a digit on each
/// side.
pub(crate) fn numeral_run_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut it = text[start..].char_indices().peekable();
    let script = text[start..]
        .chars()
        .next()
        .and_then(numeral_digit)
        .map(|(_, s)| s);
    let same = |c: char| {
        numeral_digit(c)
            .map(|(_, s)| s)
            .is_some_and(|s| Some(s) == script)
    };
    while let Some((i, c)) = it.next() {
        if same(c) {
            end = start + i + c.len_utf8();
        } else if is_sep(c) && it.peek().is_some_and(|&(_, n)| same(n)) {
            continue;
        } else {
            break;
        }
    }
    end
}

impl<'t> Numbers<'t> {
    /// The numeral `digit_start..end` written with the Arabic decimal separator before
    /// it and no digit before that (`٫٥`): a fraction, `0.5`, the separator and a sign
    /// before it included in the span. Only `٫` starts a number so: it is a decimal
    /// separator and nothing else, where a `.` may end a sentence.
    fn leading_decimal(&self, digit_start: usize, end: usize) -> Option<NumberMatch<'t>> {
        let sep = self.text[..digit_start].strip_suffix('\u{066B}')?;
        if sep.chars().next_back().is_some_and(is_digit) {
            return None;
        }
        let sep_start = sep.len();
        let start = self.sign_start(sep_start);
        let value = parse_number(&self.text[start..end]).ok()?;
        Some(NumberMatch {
            start,
            end,
            text: &self.text[start..end],
            value,
        })
    }

    fn sign_start(&self, digit_start: usize) -> usize {
        let before = &self.text[..digit_start];
        let mut rev = before.char_indices().rev();
        let Some((si, sign)) = rev.next() else {
            return digit_start;
        };
        if !is_sign(sign) {
            return digit_start;
        }
        // The sign must follow the start, whitespace or an opening bracket/colon...
        let ok_before = match rev.clone().next() {
            None => true,
            Some((_, p)) => p.is_whitespace() || matches!(p, '(' | '[' | '{' | '«' | ':' | '='),
        };
        if !ok_before {
            return digit_start;
        }
        // ... and not come after a number on the same line (7 - 8 is a range, not 7 and
        // -8).
        let prev_visible = rev
            .map(|(_, c)| c)
            .take_while(|&c| !is_line_break(c))
            .find(|c| !c.is_whitespace());
        if prev_visible.is_some_and(is_digit) {
            return digit_start;
        }
        si
    }
}

impl<'t> Iterator for Numbers<'t> {
    type Item = NumberMatch<'t>;

    fn next(&mut self) -> Option<NumberMatch<'t>> {
        if let Some(m) = self.pending.pop_front() {
            return Some(m);
        }
        let bytes = self.text.as_bytes();
        // Find the next digit.
        let mut i = self.pos;
        let digit_start = loop {
            if i >= bytes.len() {
                self.pos = bytes.len();
                return None;
            }
            let b = bytes[i];
            if b.is_ascii_digit() {
                break i;
            }
            // The lead bytes of every non-ASCII Nd digit: U+0660.., U+06F0.., U+07C0..
            // (D9, DB, DF) and three- and four-byte characters.
            if matches!(b, 0xD9 | 0xDB | 0xDF | 0xE0..=0xF4) {
                if let Some(c) = self.text[i..].chars().next() {
                    if is_digit(c) {
                        break i;
                    }
                }
            }
            i += 1;
        };
        let end = numeral_run_end(self.text, digit_start);
        self.pos = end;
        if let Some(m) = self.leading_decimal(digit_start, end) {
            return Some(m);
        }
        let start = self.sign_start(digit_start);
        let run = &self.text[start..end];
        match parse_number(run) {
            Ok(value) => Some(NumberMatch {
                start,
                end,
                text: run,
                value,
            }),
            Err(_) => {
                // Not one numeral: its digit runs, each a number (1,2,3 -> 1, 2, 3).
                let mut piece_start = None;
                let mut first = true;
                for (k, c) in self.text[digit_start..end].char_indices() {
                    let at = digit_start + k;
                    if is_digit(c) {
                        piece_start.get_or_insert(at);
                    } else if let Some(ps) = piece_start.take() {
                        self.push_piece(if first { start } else { ps }, ps, at);
                        first = false;
                    }
                }
                if let Some(ps) = piece_start {
                    self.push_piece(if first { start } else { ps }, ps, end);
                }
                self.pending.pop_front()
            }
        }
    }
}

impl<'t> Numbers<'t> {
    fn push_piece(&mut self, start: usize, digits_start: usize, end: usize) {
        let text = &self.text[start..end];
        let value = match parse_number(text) {
            Ok(v) => v,
            // A run of digits (with an optional sign) always parses; keep the digits only.
            Err(_) => match parse_number(&self.text[digits_start..end]) {
                Ok(v) => v,
                Err(_) => return,
            },
        };
        self.pending.push_back(NumberMatch {
            start,
            end,
            text,
            value,
        });
    }
}

/// Every numeral in running text, with its byte span in `text` and its exact value.
///
/// Rules (all tested):
/// - A numeral is a run of decimal digits of any script (Unicode general category Nd)
///   with single separators (`.` `,` `٫` `٬`) that have a digit on each side: `2500`,
///   `٢٥٠٠`, `٢٬٥٠٠`, `3.5`, `٣٫٥`, `१२` are one number each; a sentence-final `3.` is `3`.
/// - The Arabic decimal separator `٫` before digits, with no digit before it, starts a
///   fraction: `٫٥` is `0.5` (a `.` there may end a sentence, so `.5` is `5`).
/// - The digits of a numeral are of one script, where ASCII, Arabic-Indic and Persian
///   count as one (Arabic text mixes them: `٢0٢4` is 2024); every other block of ten Nd
///   digits is a script of its own. Where the script changes, a numeral ends and the next
///   begins: `१२3` is `१२` and `3`.
/// - A numeral never spans a line break, and the sign rule below looks no further back
///   than the line, so the numbers of a text are those of its lines (see
///   [`is_line_break`](crate::is_line_break)).
/// - Letters around it do not matter: `٣أيام` gives `٣`.
/// - A sign `-` `+` `−` directly before the first digit belongs to the number when it stands
///   at the start of the text or after whitespace or one of `( [ { « : =`, and the nearest
///   visible character before it on its line is not a digit: `7-8` and `7 - 8` are `7` and
///   `8`, `(-5)` is `-5`, and so is a `-5` that starts a line after one ending in `7`.
/// - `/` separates numbers: `5/6/2021` is `5`, `6`, `2021`.
/// - A run that is not one valid numeral under [`parse_number`] (bad grouping such as
///   `1,2,3`, two decimal points such as `1.2.3`, mixed separator styles) is read as its
///   digit runs: `1`, `2`, `3`.
///
/// ```
/// use nass_numerals::find_numbers;
/// let text = "بين 7-8 آلاف، أي ٢٬٥٠٠ لكل ٣٫٥ ساعة في 5/6/2021.";
/// let found: Vec<(usize, usize, String)> = find_numbers(text)
///     .map(|m| (m.start(), m.end(), m.value().to_string()))
///     .collect();
/// assert_eq!(found, [
///     (7, 8, "7".into()), (9, 10, "8".into()), (27, 37, "2500".into()),
///     (45, 51, "3.5".into()), (66, 67, "5".into()), (68, 69, "6".into()),
///     (70, 74, "2021".into()),
/// ]);
/// ```
pub fn find_numbers(text: &str) -> Numbers<'_> {
    Numbers {
        text,
        pos: 0,
        pending: Default::default(),
    }
}
