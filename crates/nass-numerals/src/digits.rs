//! Digit sets, digit values, separators in context and the digit converter.

use std::borrow::Cow;
use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use crate::nd;

/// ARABIC DECIMAL SEPARATOR (٫).
pub const ARABIC_DECIMAL_SEPARATOR: char = '\u{066B}';
/// ARABIC THOUSANDS SEPARATOR (٬).
pub const ARABIC_THOUSANDS_SEPARATOR: char = '\u{066C}';
/// ARABIC PERCENT SIGN (٪).
pub const ARABIC_PERCENT_SIGN: char = '\u{066A}';

/// A set of ten decimal digits.
///
/// ```
/// use nass_numerals::DigitSet;
/// assert_eq!(DigitSet::ArabicIndic.digit(7), '٧');
/// assert_eq!(DigitSet::Persian.zero(), '۰');
/// assert_eq!("persian".parse::<DigitSet>(), Ok(DigitSet::Persian));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DigitSet {
    /// ASCII digits `0`–`9` (U+0030–U+0039).
    Ascii,
    /// Arabic-Indic digits ٠–٩ (U+0660–U+0669), used in the Arab East.
    ArabicIndic,
    /// Extended Arabic-Indic digits ۰–۹ (U+06F0–U+06F9), used for Persian and Urdu.
    Persian,
}

impl DigitSet {
    /// The three sets, in the order ASCII, Arabic-Indic, Persian.
    ///
    /// ```
    /// use nass_numerals::DigitSet;
    /// let zeros: String = DigitSet::ALL.iter().map(|s| s.zero()).collect();
    /// assert_eq!(zeros, "0٠۰");
    /// ```
    pub const ALL: [DigitSet; 3] = [DigitSet::Ascii, DigitSet::ArabicIndic, DigitSet::Persian];

    /// The set's zero.
    ///
    /// ```
    /// assert_eq!(nass_numerals::DigitSet::ArabicIndic.zero(), '٠');
    /// ```
    pub const fn zero(self) -> char {
        match self {
            DigitSet::Ascii => '0',
            DigitSet::ArabicIndic => '\u{0660}',
            DigitSet::Persian => '\u{06F0}',
        }
    }

    /// The set's digit for the value `v`; values above 9 give the digit of `v % 10`.
    ///
    /// ```
    /// use nass_numerals::DigitSet;
    /// assert_eq!(DigitSet::Persian.digit(4), '۴');
    /// assert_eq!(DigitSet::Ascii.digit(13), '3');
    /// ```
    pub const fn digit(self, v: u8) -> char {
        let zero = self.zero() as u32;
        match char::from_u32(zero + (v % 10) as u32) {
            Some(c) => c,
            None => '0', // unreachable: zero + 0..=9 is always a digit
        }
    }

    /// The set's name: `"ascii"`, `"arabic"` or `"persian"` (what [`FromStr`] accepts).
    ///
    /// ```
    /// assert_eq!(nass_numerals::DigitSet::ArabicIndic.name(), "arabic");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            DigitSet::Ascii => "ascii",
            DigitSet::ArabicIndic => "arabic",
            DigitSet::Persian => "persian",
        }
    }

    /// Which set `c` belongs to, if it is a digit of one of the three sets.
    ///
    /// ```
    /// use nass_numerals::DigitSet;
    /// assert_eq!(DigitSet::of('۵'), Some(DigitSet::Persian));
    /// assert_eq!(DigitSet::of('x'), None);
    /// ```
    pub const fn of(c: char) -> Option<DigitSet> {
        match c {
            '0'..='9' => Some(DigitSet::Ascii),
            '\u{0660}'..='\u{0669}' => Some(DigitSet::ArabicIndic),
            '\u{06F0}'..='\u{06F9}' => Some(DigitSet::Persian),
            _ => None,
        }
    }
}

impl fmt::Display for DigitSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing a [`DigitSet`] or [`DigitSources`] name: the workspace's one
/// "unknown name" error.
///
/// ```
/// let err = "roman".parse::<nass_numerals::DigitSet>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown digit set 'roman' (expected one of: ascii, arabic, persian)");
/// ```
pub type ParseDigitSetError = nass_core::UnknownName;

impl FromStr for DigitSet {
    type Err = ParseDigitSetError;

    /// Accepts the [`name`](DigitSet::name)s, ASCII case-insensitively, and the aliases
    /// `latin`, `western`, `arabic-indic`, `eastern`, `extended`, `farsi`, `urdu`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "ascii" | "latin" | "western" => Ok(DigitSet::Ascii),
            "arabic" | "arabic-indic" | "arabicindic" | "eastern" => Ok(DigitSet::ArabicIndic),
            "persian" | "farsi" | "urdu" | "extended" | "extended-arabic-indic" => {
                Ok(DigitSet::Persian)
            }
            _ => Err(ParseDigitSetError::new(
                "digit set",
                s,
                &["ascii", "arabic", "persian"],
            )),
        }
    }
}

/// Value of a digit of the three sets (ASCII, Arabic-Indic, Persian), else `None`.
///
/// ```
/// use nass_numerals::digit_value;
/// assert_eq!(digit_value('٣'), Some(3));
/// assert_eq!(digit_value('۳'), Some(3));
/// assert_eq!(digit_value('3'), Some(3));
/// assert_eq!(digit_value('३'), None); // Devanagari: see decimal_digit_value
/// ```
#[inline]
pub const fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0) as u8),
        _ => None,
    }
}

/// The script of the ASCII, Arabic-Indic and Persian digits in [`numeral_digit`].
pub(crate) const ARABIC_CONTEXT_DIGITS: u32 = 0;

/// A digit that may stand in a numeral, with its value and its script: every Unicode
/// decimal digit (general category Nd). ASCII, Arabic-Indic and Persian digits count as
/// one script, [`ARABIC_CONTEXT_DIGITS`] (Arabic text mixes them: ٢0٢4 typed on two
/// keyboards, the Persian ۴ ۵ ۶ among Arabic-Indic digits); every other block of ten Nd
/// digits is a script of its own, named by the code point of its zero.
#[inline]
pub(crate) fn numeral_digit(c: char) -> Option<(u8, u32)> {
    if let Some(v) = digit_value(c) {
        return Some((v, ARABIC_CONTEXT_DIGITS));
    }
    if (c as u32) < nd::FIRST_OTHER_ZERO {
        return None;
    }
    nd::digit(c)
}

/// Value of any Unicode decimal digit (general category Nd, Unicode 16.0): the meaning of
/// Lucene's `DecimalDigitFilter`.
///
/// ```
/// use nass_numerals::decimal_digit_value;
/// assert_eq!(decimal_digit_value('३'), Some(3)); // Devanagari
/// assert_eq!(decimal_digit_value('٣'), Some(3));
/// assert_eq!(decimal_digit_value('５'), Some(5)); // fullwidth
/// assert_eq!(decimal_digit_value('²'), None); // superscript two is No, not Nd
/// assert_eq!(decimal_digit_value('x'), None);
/// ```
#[inline]
pub fn decimal_digit_value(c: char) -> Option<u8> {
    if c.is_ascii() {
        return digit_value(c);
    }
    nd::value(c)
}

/// What a separator-class character becomes when converting to `to`, given its
/// neighbours in the converted text (`None` = unchanged, or not a separator).
///
/// "Digit" below means a digit of any of the three sets ([`digit_value`]).
///
/// | converting to | `c` | becomes | when |
/// |---|---|---|---|
/// | ASCII | `٫` U+066B | `.` | `prev` and `next` are digits |
/// | ASCII | `٬` U+066C | `,` | `prev` and `next` are digits |
/// | ASCII | `٪` U+066A | `%` | always |
/// | Arabic-Indic, Persian | `.` | `٫` | `prev` and `next` are digits |
/// | Arabic-Indic, Persian | `,` | `٬` | `prev` and `next` are digits |
/// | Arabic-Indic, Persian | `%` | `٪` | `prev` is a digit |
///
/// Nothing else changes; in particular the Arabic comma `،` is never a separator.
///
/// ```
/// use nass_numerals::{separator_in_context, DigitSet};
/// assert_eq!(separator_in_context(Some('١'), '٫', Some('٥'), DigitSet::Ascii), Some('.'));
/// assert_eq!(separator_in_context(Some('١'), '٫', None, DigitSet::Ascii), None);
/// assert_eq!(separator_in_context(None, '٪', None, DigitSet::Ascii), Some('%'));
/// assert_eq!(separator_in_context(Some('5'), '%', None, DigitSet::ArabicIndic), Some('٪'));
/// assert_eq!(separator_in_context(Some('2'), ',', Some('5'), DigitSet::Persian), Some('٬'));
/// ```
#[inline]
pub fn separator_in_context(
    prev: Option<char>,
    c: char,
    next: Option<char>,
    to: DigitSet,
) -> Option<char> {
    let is_digit = |o: Option<char>| o.is_some_and(|c| digit_value(c).is_some());
    match (to, c) {
        (DigitSet::Ascii, ARABIC_PERCENT_SIGN) => Some('%'),
        (DigitSet::Ascii, ARABIC_DECIMAL_SEPARATOR) if is_digit(prev) && is_digit(next) => {
            Some('.')
        }
        (DigitSet::Ascii, ARABIC_THOUSANDS_SEPARATOR) if is_digit(prev) && is_digit(next) => {
            Some(',')
        }
        (DigitSet::ArabicIndic | DigitSet::Persian, '.') if is_digit(prev) && is_digit(next) => {
            Some(ARABIC_DECIMAL_SEPARATOR)
        }
        (DigitSet::ArabicIndic | DigitSet::Persian, ',') if is_digit(prev) && is_digit(next) => {
            Some(ARABIC_THOUSANDS_SEPARATOR)
        }
        (DigitSet::ArabicIndic | DigitSet::Persian, '%') if is_digit(prev) => {
            Some(ARABIC_PERCENT_SIGN)
        }
        _ => None,
    }
}

/// The digit sets a [`DigitConverter`] converts from: any combination of ASCII,
/// Arabic-Indic and Persian, or [`ANY`](Self::ANY) (the three, and with
/// [`all_decimal_digits`](DigitConverterBuilder::all_decimal_digits) every other Unicode
/// decimal digit). Digits of the other sets are left as they are.
///
/// ```
/// use nass_numerals::{DigitConverter, DigitSet, DigitSources};
/// let persian_only = DigitConverter::builder(DigitSet::Ascii)
///     .from(DigitSources::PERSIAN)
///     .build();
/// assert_eq!(persian_only.convert("۱۴۰۳ و١٤٤٥"), "1403 و١٤٤٥");
/// assert!(DigitSources::ANY.contains(DigitSet::ArabicIndic));
/// assert_eq!("arabic".parse::<DigitSources>(), Ok(DigitSources::ARABIC_INDIC));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DigitSources(u8);

impl DigitSources {
    /// ASCII digits `0`–`9`.
    pub const ASCII: Self = DigitSources(1);
    /// Arabic-Indic digits ٠–٩.
    pub const ARABIC_INDIC: Self = DigitSources(2);
    /// Persian (Extended Arabic-Indic) digits ۰–۹.
    pub const PERSIAN: Self = DigitSources(4);
    /// Every digit: the three sets, and with the Nd option every Unicode decimal digit.
    pub const ANY: Self = DigitSources(7);

    /// The sources of both.
    ///
    /// ```
    /// use nass_numerals::{DigitSet, DigitSources};
    /// let both = DigitSources::ASCII.union(DigitSources::PERSIAN);
    /// assert!(both.contains(DigitSet::Persian) && !both.contains(DigitSet::ArabicIndic));
    /// ```
    pub const fn union(self, other: Self) -> Self {
        DigitSources(self.0 | other.0)
    }

    /// Whether digits of `set` are converted.
    ///
    /// ```
    /// use nass_numerals::{DigitSet, DigitSources};
    /// assert!(DigitSources::ASCII.contains(DigitSet::Ascii));
    /// assert!(!DigitSources::ASCII.contains(DigitSet::Persian));
    /// ```
    pub const fn contains(self, set: DigitSet) -> bool {
        let bit = match set {
            DigitSet::Ascii => 1,
            DigitSet::ArabicIndic => 2,
            DigitSet::Persian => 4,
        };
        self.0 & bit != 0
    }

    /// Whether every set is a source.
    ///
    /// ```
    /// assert!(nass_numerals::DigitSources::ANY.is_any());
    /// ```
    pub const fn is_any(self) -> bool {
        self.0 == Self::ANY.0
    }

    /// The set of one digit set.
    ///
    /// ```
    /// use nass_numerals::{DigitSet, DigitSources};
    /// assert_eq!(DigitSources::only(DigitSet::Persian), DigitSources::PERSIAN);
    /// ```
    pub const fn only(set: DigitSet) -> Self {
        match set {
            DigitSet::Ascii => Self::ASCII,
            DigitSet::ArabicIndic => Self::ARABIC_INDIC,
            DigitSet::Persian => Self::PERSIAN,
        }
    }
}

impl Default for DigitSources {
    fn default() -> Self {
        Self::ANY
    }
}

impl FromStr for DigitSources {
    type Err = ParseDigitSetError;

    /// A digit set's name (as [`DigitSet`] parses it), or `any`.
    ///
    /// ```
    /// use nass_numerals::DigitSources;
    /// assert_eq!("any".parse::<DigitSources>(), Ok(DigitSources::ANY));
    /// assert!("roman".parse::<DigitSources>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("any") {
            return Ok(Self::ANY);
        }
        s.parse::<DigitSet>().map(Self::only)
    }
}

/// Converts digits (and the separators between them) to one digit set.
///
/// Built once, used many times. Every digit of the three sets becomes the target set's digit
/// of the same value, one by one (mixed `٢0٢4` gives `2024`; nothing is guessed). With
/// [`all_decimal_digits`](DigitConverterBuilder::all_decimal_digits) (meaningful when the
/// target is ASCII) every other Unicode Nd digit becomes ASCII as well. With
/// [`separators`](DigitConverterBuilder::separators) on (the default), the separators change
/// as [`separator_in_context`] says, judged against the neighbours *after* conversion.
///
/// Properties (tested): conversion is idempotent; and on text that holds no Arabic-Indic or
/// Persian digit and none of `٫ ٬ ٪`, converting to Arabic-Indic (or Persian) and back to
/// ASCII gives the text back unchanged.
///
/// ```
/// use nass_numerals::{DigitConverter, DigitSet};
/// let to_arabic = DigitConverter::new(DigitSet::ArabicIndic);
/// assert_eq!(to_arabic.convert("ارتفع المؤشر 12.5% إلى 1,250 نقطة."),
///            "ارتفع المؤشر ١٢٫٥٪ إلى ١٬٢٥٠ نقطة.");
/// let to_ascii = DigitConverter::new(DigitSet::Ascii);
/// assert_eq!(to_ascii.convert("ارتفع المؤشر ١٢٫٥٪ إلى ١٬٢٥٠ نقطة."),
///            "ارتفع المؤشر 12.5% إلى 1,250 نقطة.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigitConverter {
    to: DigitSet,
    from: DigitSources,
    all_decimal_digits: bool,
    separators: bool,
}

/// Builder of a [`DigitConverter`].
///
/// ```
/// use nass_numerals::{DigitConverter, DigitSet};
/// let lucene = DigitConverter::builder(DigitSet::Ascii)
///     .all_decimal_digits(true)
///     .separators(false)
///     .build();
/// assert_eq!(lucene.convert("१२٫٥ ৩"), "12٫5 3");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DigitConverterBuilder {
    conv: DigitConverter,
}

impl DigitConverterBuilder {
    /// Fold every Unicode Nd digit, not only the three sets (only when the target is ASCII;
    /// ignored otherwise). Default off.
    ///
    /// ```
    /// use nass_numerals::{DigitConverter, DigitSet};
    /// let c = DigitConverter::builder(DigitSet::Ascii).all_decimal_digits(true).build();
    /// assert_eq!(c.convert("๓"), "3");
    /// ```
    pub fn all_decimal_digits(mut self, yes: bool) -> Self {
        self.conv.all_decimal_digits = yes;
        self
    }

    /// Convert the separators between digits and the percent sign (default on).
    ///
    /// ```
    /// use nass_numerals::{DigitConverter, DigitSet};
    /// let c = DigitConverter::builder(DigitSet::ArabicIndic).separators(false).build();
    /// assert_eq!(c.convert("2.5%"), "٢.٥%");
    /// ```
    pub fn separators(mut self, yes: bool) -> Self {
        self.conv.separators = yes;
        self
    }

    /// The digit sets to convert from (default [`DigitSources::ANY`]); digits of the
    /// other sets stay. A separator then changes only between digits that are the
    /// target's after conversion (`%` and ٪ after one), so ١٢٫٥ stays whole when only
    /// Persian digits are converted; and other Unicode decimal digits fold only from
    /// `ANY`.
    ///
    /// ```
    /// use nass_numerals::{DigitConverter, DigitSet, DigitSources};
    /// let c = DigitConverter::builder(DigitSet::Ascii).from(DigitSources::PERSIAN).build();
    /// assert_eq!(c.convert("۱۲٫۵ و١٢٫٥٪"), "12.5 و١٢٫٥٪");
    /// ```
    pub fn from(mut self, sources: DigitSources) -> Self {
        self.conv.from = sources;
        self
    }

    /// The converter.
    ///
    /// ```
    /// use nass_numerals::{DigitConverter, DigitSet};
    /// assert_eq!(DigitConverter::builder(DigitSet::Persian).build(), DigitConverter::new(DigitSet::Persian));
    /// ```
    pub fn build(self) -> DigitConverter {
        self.conv
    }
}

impl DigitConverter {
    /// A converter to `to` with separators on and other Nd digits left alone.
    ///
    /// ```
    /// use nass_numerals::{DigitConverter, DigitSet};
    /// assert_eq!(DigitConverter::new(DigitSet::Persian).convert("سال 1403"), "سال ۱۴۰۳");
    /// ```
    pub fn new(to: DigitSet) -> Self {
        DigitConverter {
            to,
            from: DigitSources::ANY,
            all_decimal_digits: false,
            separators: true,
        }
    }

    /// A builder starting from [`DigitConverter::new`]`(to)`.
    ///
    /// ```
    /// use nass_numerals::{DigitConverter, DigitSet};
    /// let c = DigitConverter::builder(DigitSet::Ascii).separators(false).build();
    /// assert_eq!(c.convert("٣٫٥"), "3٫5");
    /// ```
    pub fn builder(to: DigitSet) -> DigitConverterBuilder {
        DigitConverterBuilder {
            conv: DigitConverter::new(to),
        }
    }

    /// The target digit set.
    ///
    /// ```
    /// use nass_numerals::{DigitConverter, DigitSet};
    /// assert_eq!(DigitConverter::new(DigitSet::Ascii).target(), DigitSet::Ascii);
    /// ```
    pub fn target(&self) -> DigitSet {
        self.to
    }

    /// The digit sets converted from.
    ///
    /// ```
    /// use nass_numerals::{DigitConverter, DigitSet, DigitSources};
    /// assert_eq!(DigitConverter::new(DigitSet::Ascii).sources(), DigitSources::ANY);
    /// ```
    pub fn sources(&self) -> DigitSources {
        self.from
    }

    /// Whether Nd digits outside the three sets fold (target ASCII, source any).
    fn nd(&self) -> bool {
        self.all_decimal_digits && self.to == DigitSet::Ascii && self.from.is_any()
    }

    /// What the separator-class `c` becomes between `prev` and `next` (as they stand
    /// before conversion), or `None`: [`separator_in_context`] when converting from any
    /// set; from some sets only, a neighbour counts as a digit when it is the target's
    /// after conversion, and ٪ changes only after such a digit.
    ///
    /// ```
    /// use nass_numerals::{DigitConverter, DigitSet, DigitSources};
    /// let c = DigitConverter::builder(DigitSet::Ascii).from(DigitSources::PERSIAN).build();
    /// assert_eq!(c.separator(Some('۱'), '٫', Some('۵')), Some('.'));
    /// assert_eq!(c.separator(Some('١'), '٫', Some('٥')), None);
    /// assert_eq!(c.separator(None, '٪', None), None);
    /// ```
    pub fn separator(&self, prev: Option<char>, c: char, next: Option<char>) -> Option<char> {
        if self.from.is_any() {
            let prev = prev.map(|p| self.as_neighbour(p));
            let next = next.map(|n| self.as_neighbour(n));
            return separator_in_context(prev, c, next, self.to);
        }
        let target_digit = |o: Option<char>| {
            o.is_some_and(|d| {
                DigitSet::of(d).is_some_and(|set| set == self.to || self.from.contains(set))
            })
        };
        let zero = self.to.zero();
        let as_digit = |o: Option<char>| target_digit(o).then_some(zero);
        if c == ARABIC_PERCENT_SIGN && !target_digit(prev) {
            return None;
        }
        separator_in_context(as_digit(prev), c, as_digit(next), self.to)
    }

    /// What `c` becomes as a *neighbour*, for the digit test of separators: digits of the
    /// three sets stay digits; with the Nd option, other Nd digits become ASCII digits.
    #[inline]
    fn as_neighbour(&self, c: char) -> char {
        if self.nd() && !c.is_ascii() && digit_value(c).is_none() {
            if let Some(v) = nd::value(c) {
                return DigitSet::Ascii.digit(v);
            }
        }
        c
    }

    /// What the char `c` at byte `i` of `text` becomes, if it changes.
    #[inline]
    fn replacement(&self, text: &str, i: usize, c: char) -> Option<char> {
        if let Some(v) = digit_value(c) {
            if !DigitSet::of(c).is_some_and(|set| self.from.contains(set)) {
                return None;
            }
            let d = self.to.digit(v);
            return (d != c).then_some(d);
        }
        if self.nd() && !c.is_ascii() {
            if let Some(v) = nd::value(c) {
                return Some(DigitSet::Ascii.digit(v));
            }
        }
        if self.separators && is_separator_class(c) {
            let prev = text[..i].chars().next_back();
            let next = text[i + c.len_utf8()..].chars().next();
            return self.separator(prev, c, next);
        }
        None
    }

    /// Whether a byte may start a char that changes (a conservative filter).
    #[inline]
    fn interesting(&self, b: u8) -> bool {
        match self.to {
            DigitSet::Ascii => b == 0xD9 || b == 0xDB || (self.all_decimal_digits && b >= 0xC0),
            DigitSet::ArabicIndic | DigitSet::Persian => {
                b.is_ascii_digit() || b == b'.' || b == b',' || b == b'%' || b == 0xD9 || b == 0xDB
            }
        }
    }

    /// Converts `text`; borrows it when nothing changes.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use nass_numerals::{DigitConverter, DigitSet};
    /// let c = DigitConverter::new(DigitSet::Ascii);
    /// assert_eq!(c.convert("عام ٢0٢4"), "عام 2024");
    /// assert!(matches!(c.convert("لا أرقام هنا"), Cow::Borrowed(_)));
    /// ```
    pub fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.nd() || !self.from.is_any() {
            return self.convert_general(text);
        }
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        let mut copied = 0; // bytes of text already in `out`
        let mut i = 0;
        let n = bytes.len();
        while i < n {
            i = self.skip(bytes, i);
            if i >= n {
                break;
            }
            let b = bytes[i];
            // What the char at i becomes, and its length; most bytes leave at once.
            let (r, len) = match self.to {
                DigitSet::Ascii => {
                    if b != 0xD9 && b != 0xDB {
                        i += 1;
                        continue;
                    }
                    let b1 = if i + 1 < n { bytes[i + 1] } else { 0 };
                    match (b, b1) {
                        (0xD9, 0xA0..=0xA9) => ((b'0' + (b1 - 0xA0)) as char, 2),
                        (0xDB, 0xB0..=0xB9) => ((b'0' + (b1 - 0xB0)) as char, 2),
                        (0xD9, 0xAA..=0xAC) if self.separators => {
                            let c = if b1 == 0xAA {
                                ARABIC_PERCENT_SIGN
                            } else if b1 == 0xAB {
                                ARABIC_DECIMAL_SEPARATOR
                            } else {
                                ARABIC_THOUSANDS_SEPARATOR
                            };
                            match self.replacement(text, i, c) {
                                Some(r) => (r, 2),
                                None => {
                                    i += 2;
                                    continue;
                                }
                            }
                        }
                        _ => {
                            i += 1;
                            continue;
                        }
                    }
                }
                DigitSet::ArabicIndic | DigitSet::Persian => {
                    let other = if self.to == DigitSet::Persian {
                        (0xD9, 0xA0)
                    } else {
                        (0xDB, 0xB0)
                    };
                    if b.is_ascii_digit() {
                        (self.to.digit(b - b'0'), 1)
                    } else if b == other.0
                        && i + 1 < n
                        && (other.1..other.1 + 10).contains(&bytes[i + 1])
                    {
                        (self.to.digit(bytes[i + 1] - other.1), 2)
                    } else if self.separators && (b == b'.' || b == b',' || b == b'%') {
                        match self.replacement(text, i, b as char) {
                            Some(r) => (r, 1),
                            None => {
                                i += 1;
                                continue;
                            }
                        }
                    } else {
                        i += 1;
                        continue;
                    }
                }
            };
            let o =
                out.get_or_insert_with(|| String::with_capacity(text.len() + text.len() / 2 + 16));
            o.push_str(&text[copied..i]);
            o.push(r);
            i += len;
            copied = i;
        }
        match out {
            None => Cow::Borrowed(text),
            Some(mut o) => {
                o.push_str(&text[copied..]);
                Cow::Owned(o)
            }
        }
    }

    /// The first position at or after `i` that may start a change (conservative: it may
    /// return a position that changes nothing, never skips one that does). Eight bytes at a
    /// time with overlapping windows (SWAR): a window at `i` decides positions `i..i + 7`,
    /// its last byte being there only as the second byte of a pair.
    #[inline]
    fn skip(&self, bytes: &[u8], mut i: usize) -> usize {
        const LO: u64 = 0x0101_0101_0101_0101;
        const HI: u64 = 0x8080_8080_8080_8080;
        const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        // High bit set in each byte of `x` that is zero, exactly.
        let zero = |x: u64| !(((x & LOW7).wrapping_add(LOW7)) | x) & HI;
        let eq = |x: u64, b: u8| zero(x ^ (LO * b as u64));
        while i + 8 <= bytes.len() {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[i..i + 8]);
            let x = u64::from_le_bytes(w);
            let hit = match self.to {
                DigitSet::Ascii => {
                    // D9 A0..AF (Arabic-Indic digits and ٪٫٬) or DB B0..BF (Persian digits).
                    let hi_nibble = x & (LO * 0xF0);
                    (eq(x, 0xD9) & (eq(hi_nibble, 0xA0) >> 8))
                        | (eq(x, 0xDB) & (eq(hi_nibble, 0xB0) >> 8))
                }
                DigitSet::ArabicIndic | DigitSet::Persian => {
                    // ASCII 0x30..0x3F, '.', ',', '%', and the digits of the other
                    // non-ASCII set (DB B0..BF or D9 A0..AF).
                    let hi_nibble = x & (LO * 0xF0);
                    let other = if self.to == DigitSet::ArabicIndic {
                        eq(x, 0xDB) & (eq(hi_nibble, 0xB0) >> 8)
                    } else {
                        eq(x, 0xD9) & (eq(hi_nibble, 0xA0) >> 8)
                    };
                    eq(hi_nibble, 0x30) | eq(x, b'.') | eq(x, b',') | eq(x, b'%') | other
                }
            };
            // Only the first seven positions are decided by this window.
            let hit = hit & 0x0080_8080_8080_8080;
            if hit != 0 {
                return i + (hit.trailing_zeros() / 8) as usize;
            }
            i += 7;
        }
        i
    }

    /// The char-by-char path (used for the Nd option and for some sources only).
    fn convert_general<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        let mut copied = 0; // bytes of text already in `out`
        let mut i = 0;
        while i < bytes.len() {
            if !self.interesting(bytes[i]) {
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if let Some(r) = self.replacement(text, i, c) {
                let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
                o.push_str(&text[copied..i]);
                o.push(r);
                copied = i + len;
            }
            i += len;
        }
        match out {
            None => Cow::Borrowed(text),
            Some(mut o) => {
                o.push_str(&text[copied..]);
                Cow::Owned(o)
            }
        }
    }
}

/// Whether `c` is one of the characters [`separator_in_context`] may change.
#[inline]
fn is_separator_class(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | '%'
            | ARABIC_DECIMAL_SEPARATOR
            | ARABIC_THOUSANDS_SEPARATOR
            | ARABIC_PERCENT_SIGN
    )
}

/// Ranges that hold every code point a [`DigitConverter`] can change, whatever its target,
/// options and context: the Unicode decimal digits (Nd) and the separators `.` `,` `%` `٫`
/// `٬` `٪` ([`separator_in_context`]). Outside them a code point is always left as it is,
/// so a table builder need not ask about the rest. Sorted; a test holds the list to the
/// converter.
///
/// ```
/// use nass_numerals::CONVERTIBLE_RANGES;
/// let listed = |c: char| CONVERTIBLE_RANGES.iter().any(|r| r.contains(&c));
/// assert!(listed('٣') && listed('٫') && listed('%') && listed('३'));
/// assert!(!listed('ب') && !listed('،'));
/// ```
pub const CONVERTIBLE_RANGES: &[RangeInclusive<char>] = &convertible_ranges();

const fn convertible_ranges() -> [RangeInclusive<char>; 2 + nd::ND_ZEROS.len()] {
    const fn ch(cp: u32) -> char {
        match char::from_u32(cp) {
            Some(c) => c,
            None => panic!("not a code point"),
        }
    }
    let mut out = [const { '\0'..='\0' }; 2 + nd::ND_ZEROS.len()];
    out[0] = '%'..='%';
    out[1] = ','..='.';
    let mut i = 0;
    while i < nd::ND_ZEROS.len() {
        let zero = nd::ND_ZEROS[i];
        // ٪ ٫ ٬ (U+066A–U+066C) follow the Arabic-Indic digits.
        let last = if zero == 0x0660 { 0x066C } else { zero + 9 };
        out[2 + i] = ch(zero)..=ch(last);
        i += 1;
    }
    out
}

/// Converts the digits of the three sets, and the Arabic separators between them, to ASCII:
/// [`DigitConverter::new`]`(DigitSet::Ascii).convert(text)`.
///
/// ```
/// assert_eq!(nass_numerals::to_ascii_digits("بلغ التضخم ٣٫٥٪ في ٢٠٢٣"), "بلغ التضخم 3.5% في 2023");
/// ```
pub fn to_ascii_digits(text: &str) -> Cow<'_, str> {
    DigitConverter::new(DigitSet::Ascii).convert(text)
}

/// Converts `text` to `to` with a fresh default converter (see [`DigitConverter::new`]).
///
/// ```
/// use nass_numerals::{convert_digits, DigitSet};
/// assert_eq!(convert_digits("1,250.75", DigitSet::ArabicIndic), "١٬٢٥٠٫٧٥");
/// ```
pub fn convert_digits(text: &str, to: DigitSet) -> Cow<'_, str> {
    DigitConverter::new(to).convert(text)
}

#[cfg(test)]
mod source_tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn one_source_table() {
        let to_ascii = |from| DigitConverter::builder(DigitSet::Ascii).from(from).build();
        let to_arabic = |from| {
            DigitConverter::builder(DigitSet::ArabicIndic)
                .from(from)
                .build()
        };
        let table: &[(&str, DigitConverter, &str, &str)] = &[
            (
                "persian to ascii",
                to_ascii(DigitSources::PERSIAN),
                "سال ۱۴۰۳ و١٤٤٥ و2024",
                "سال 1403 و١٤٤٥ و2024",
            ),
            (
                "arabic to ascii",
                to_ascii(DigitSources::ARABIC_INDIC),
                "۱۴۰۳ ١٤٤٥",
                "۱۴۰۳ 1445",
            ),
            (
                "persian to arabic",
                to_arabic(DigitSources::PERSIAN),
                "۱۲٫۵ 12.5",
                "١٢٫٥ 12.5",
            ),
            (
                "ascii to arabic",
                to_arabic(DigitSources::ASCII),
                "12.5% ۱۲",
                "١٢٫٥٪ ۱۲",
            ),
            (
                "separator between kept digits",
                to_ascii(DigitSources::PERSIAN),
                "١٢٫٥٪",
                "١٢٫٥٪",
            ),
            (
                "separator between converted digits",
                to_ascii(DigitSources::PERSIAN),
                "۱۲٫۵٪",
                "12.5%",
            ),
            (
                "percent alone stays",
                to_ascii(DigitSources::PERSIAN),
                "٪",
                "٪",
            ),
            (
                "percent alone, from any",
                to_ascii(DigitSources::ANY),
                "٪",
                "%",
            ),
            (
                "mixed number",
                to_ascii(DigitSources::PERSIAN),
                "۲0۲4",
                "2024",
            ),
            (
                "mixed kept",
                to_ascii(DigitSources::PERSIAN),
                "٢0٢4",
                "٢0٢4",
            ),
        ];
        for (name, c, input, want) in table {
            assert_eq!(c.convert(input), *want, "{name}");
        }
        // Other decimal digits fold only from any.
        let nd = |from| {
            DigitConverter::builder(DigitSet::Ascii)
                .all_decimal_digits(true)
                .from(from)
                .build()
        };
        assert_eq!(nd(DigitSources::ANY).convert("३"), "3");
        assert_eq!(nd(DigitSources::PERSIAN).convert("३"), "३");
    }

    fn digit_text() -> impl Strategy<Value = String> {
        let chars: Vec<char> = "0159٠١٥٩۰۱۵۹.,%٫٬٪ ب".chars().collect();
        proptest::collection::vec(proptest::sample::select(chars), 0..24)
            .prop_map(|v| v.into_iter().collect())
    }

    fn sources() -> impl Strategy<Value = DigitSources> {
        (1u8..8).prop_map(DigitSources)
    }

    proptest! {
        /// Digits of a set that is neither a source nor the target stay where they are;
        /// source digits become the target's of the same value; converting twice changes
        /// nothing more; and from any set it is the converter of old.
        #[test]
        fn sources_convert_only_their_digits(
            text in digit_text(),
            from in sources(),
            to in proptest::sample::select(DigitSet::ALL.to_vec()),
        ) {
            let c = DigitConverter::builder(to).from(from).build();
            let out = c.convert(&text);
            prop_assert_eq!(out.chars().count(), text.chars().count());
            for (a, b) in text.chars().zip(out.chars()) {
                match DigitSet::of(a) {
                    Some(set) if from.contains(set) => prop_assert_eq!(Some(b), digit_value(a).map(|v| to.digit(v))),
                    Some(_) => prop_assert_eq!(a, b),
                    None => {}
                }
            }
            prop_assert_eq!(c.convert(&out), out.clone());
            if from.is_any() {
                prop_assert_eq!(out, DigitConverter::new(to).convert(&text));
            }
        }
    }
}
