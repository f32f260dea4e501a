//! Arabic-aware tokens with exact byte spans into the original text.
//!
//! ```
//! use nass_tokenize::{TokenKind, Tokenizer};
//!
//! let tokenizer = Tokenizer::new();
//! let text = "وصلَ الوفدُ إلى بغـداد، الساعة 3.5 مساءً 🇮🇶";
//! let tokens: Vec<_> = tokenizer.tokens(text).map(|t| (t.text(), t.kind())).collect();
//! assert_eq!(tokens, [
//!     ("وصلَ", TokenKind::ArabicWord),
//!     ("الوفدُ", TokenKind::ArabicWord),
//!     ("إلى", TokenKind::ArabicWord),
//!     ("بغـداد", TokenKind::ArabicWord),
//!     ("،", TokenKind::Punctuation),
//!     ("الساعة", TokenKind::ArabicWord),
//!     ("3.5", TokenKind::Number),
//!     ("مساءً", TokenKind::ArabicWord),
//!     ("🇮🇶", TokenKind::Emoji),
//! ]);
//! // Spans are byte ranges into the original text.
//! let comma = tokenizer.tokens(text).nth(4).unwrap();
//! assert_eq!(comma.span(), 41..43);
//! assert_eq!(&text[comma.span()], "،");
//! ```
//!
//! # Overview
//!
//! - [`Tokenizer`] (built by [`Tokenizer::builder`]) yields [`Token`]s through the
//!   zero-copy iterator [`Tokens`]; each token has a [`TokenKind`], a byte span and its text,
//!   a slice of the input. Whitespace tokens come only when asked
//!   ([`TokenizerBuilder::whitespace`]); with them, the tokens concatenate to the input.
//! - [`Token::norm`] and [`Tokens::normalized`] give the normalized form of a token through
//!   any [`nass_normalize::Normalizer`]; the span stays in the original text.
//! - [`Tokenizer::sentences`] splits text into [`Sentence`]s.
//! - [`last_safe_cut`] finds where a stream may be cut between chunks.
//!
//! # The rules
//!
//! Outside the special tokens below, the rule is CAMeL Tools' `simple_word_tokenize`
//! (`camel_tools.tokenizers.word`): whitespace separates tokens and is dropped; every
//! Unicode punctuation or symbol character (general categories P* and S*) is a token of its
//! own; every other run of characters is one word. So diacritics, tatweel and ZWNJ stay in
//! their word (they are marks, a modifier letter and a format control, not punctuation);
//! Arabic punctuation ، ؛ ؟ ٪ and the ornate parentheses ﴾ ﴿ are tokens of their own;
//! a tatweel standing alone between spaces (الأميركية ـ العراقية) is a token, of kind
//! [`TokenKind::Punctuation`]; and a one-letter proclitic joined by tatweel to a quotation,
//! بـ"تقييم, splits into بـ, `"` and تقييم. On text without digits, URLs, e-mail addresses,
//! `#` or `@` followed by a word, and emoji, the token strings are exactly CAMeL's.
//!
//! Where nass deliberately differs from CAMeL:
//!
//! | input | CAMeL | nass | why |
//! |---|---|---|---|
//! | `3.5`, `٣٫٥`, `٢٬٥٠٠`, `2,500` | `3` `.` `5` ... | one [`Number`](TokenKind::Number) | a separator between digits belongs to the number |
//! | `2021م` | `2021م` | `2021` `م` | a number is its own token (a word that *starts* with a letter keeps its digits, as in CAMeL: `COVID19`) |
//! | `https://example.com/a?b=1` | `https` `:` `/` `/` ... | one [`Url`](TokenKind::Url) | (`http://`, `https://` or `www.`; ASCII only; trailing `.,;:!?'")]}` left out) |
//! | `info@example.com` | `info` `@` `example` `.` `com` | one [`Email`](TokenKind::Email) | |
//! | `#العراق`, `@nass_bot` | `#` `العراق` | one [`Hashtag`](TokenKind::Hashtag) / [`Mention`](TokenKind::Mention) | (only after whitespace, punctuation or the start) |
//! | `👨‍👩‍👧`, `🇮🇶`, `👍🏽`, `5️⃣` | one token per code point (ZWJ glued to neighbours) | one [`Emoji`](TokenKind::Emoji) | an extended grapheme cluster (UAX #29) is kept whole |
//!
//! | `می\u{200C}خواهم` (ZWNJ), RLM, control characters | `می` `خواهم` (CAMeL's pattern matches only letters, marks, numbers, punctuation and symbols, so other characters vanish and split words) | one word, ZWNJ inside | spans must cover the original text; ZWNJ is part of the word |
//! | characters above U+FFFF (`𝐀`) | dropped (CAMeL's character sets stop at U+FFFF) | classified like any other character | |
//!
//! CAMeL's agreement is checked by a test that runs CAMeL's rule written independently as a
//! regex over BMP categories against this tokenizer, on generated text and on corpus lines.
//!
//! Why not UAX #29 *word* boundaries for words? They keep `don't` and `3.5` whole but split
//! `e.g.` differently, split every ideograph, and join letters across an apostrophe: they
//! disagree with CAMeL on plain text, and CAMeL agreement is this crate's contract. UAX #29
//! extended grapheme clusters (unicode-segmentation) decide where an emoji sequence ends.
//!
//! Digits are ASCII, Arabic-Indic (U+0660–U+0669) and Persian (U+06F0–U+06F9); the number
//! separators kept between two digits are `.`, `,`, `٫` (U+066B) and `٬` (U+066C).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod camel;
mod classes;
pub mod pyarabic;

/// The unicode-segmentation crate this tokenizer uses for emoji sequences (UAX #29
/// extended grapheme clusters), re-exported so that callers and benches compare against the
/// very same version.
///
/// ```
/// use nass_tokenize::unicode_segmentation::UnicodeSegmentation;
/// assert_eq!("🇮🇶🇪🇬".graphemes(true).count(), 2);
/// ```
pub use unicode_segmentation;

use std::borrow::Cow;
use std::ops::Range;

use nass_normalize::Normalizer;
use unicode_segmentation::UnicodeSegmentation;

use classes::{is_latin_script, PICT, PRESENTATION, PUNCT, SYMBOL};
use nass_core::arabic::is_arabic_script;

/// A digit of the three sets nass reads as numbers (ASCII, Arabic-Indic, Persian):
/// nass-numerals' rule.
fn is_digit(c: char) -> bool {
    nass_numerals::digit_value(c).is_some()
}

/// What a [`Token`] is.
///
/// ```
/// use nass_tokenize::TokenKind;
/// assert_eq!(TokenKind::ArabicWord.name(), "arabic_word");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum TokenKind {
    /// A word whose first letter is of the Arabic script.
    ArabicWord,
    /// A word whose first letter is of the Latin script.
    LatinWord,
    /// A word of another script (or of marks and format characters alone).
    OtherWord,
    /// Digits (ASCII, Arabic-Indic or Persian), with `.` `,` `٫` `٬` between digits.
    Number,
    /// One Unicode punctuation character (P*), or a run of tatweel standing alone.
    Punctuation,
    /// One Unicode symbol character (S*) that is not an emoji.
    Symbol,
    /// One emoji sequence: an extended grapheme cluster (ZWJ families, flags, keycaps,
    /// skin-tone modifiers).
    Emoji,
    /// A URL starting with `http://`, `https://` or `www.`.
    Url,
    /// An e-mail address.
    Email,
    /// `#` followed by a word: `#العراق`.
    Hashtag,
    /// `@` followed by a word: `@nass_bot`.
    Mention,
    /// A run of whitespace (only with [`TokenizerBuilder::whitespace`]).
    Whitespace,
}

impl TokenKind {
    /// Every kind, in declaration order.
    ///
    /// ```
    /// assert_eq!(nass_tokenize::TokenKind::ALL.len(), 12);
    /// ```
    pub const ALL: [TokenKind; 12] = [
        TokenKind::ArabicWord,
        TokenKind::LatinWord,
        TokenKind::OtherWord,
        TokenKind::Number,
        TokenKind::Punctuation,
        TokenKind::Symbol,
        TokenKind::Emoji,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Hashtag,
        TokenKind::Mention,
        TokenKind::Whitespace,
    ];

    /// A stable snake_case name, for machine-readable output.
    ///
    /// ```
    /// use nass_tokenize::TokenKind;
    /// assert_eq!(TokenKind::Number.name(), "number");
    /// assert_eq!(TokenKind::OtherWord.name(), "other_word");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            TokenKind::ArabicWord => "arabic_word",
            TokenKind::LatinWord => "latin_word",
            TokenKind::OtherWord => "other_word",
            TokenKind::Number => "number",
            TokenKind::Punctuation => "punctuation",
            TokenKind::Symbol => "symbol",
            TokenKind::Emoji => "emoji",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Whitespace => "whitespace",
        }
    }

    /// True for the three word kinds.
    ///
    /// ```
    /// use nass_tokenize::TokenKind;
    /// assert!(TokenKind::LatinWord.is_word());
    /// assert!(!TokenKind::Number.is_word());
    /// ```
    pub fn is_word(self) -> bool {
        matches!(
            self,
            TokenKind::ArabicWord | TokenKind::LatinWord | TokenKind::OtherWord
        )
    }
}

impl std::fmt::Display for TokenKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One token: a kind and a slice of the original text.
///
/// ```
/// use nass_tokenize::{TokenKind, Tokenizer};
/// let t = Tokenizer::new().tokens("قال: نعم").next().unwrap();
/// assert_eq!((t.text(), t.kind(), t.span()), ("قال", TokenKind::ArabicWord, 0..6));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token<'a> {
    text: &'a str,
    start: usize,
    kind: TokenKind,
}

impl<'a> Token<'a> {
    /// The token's text, a slice of the input.
    ///
    /// ```
    /// let t = nass_tokenize::Tokenizer::new().tokens("  نعم").next().unwrap();
    /// assert_eq!(t.text(), "نعم");
    /// ```
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Its kind.
    ///
    /// ```
    /// use nass_tokenize::{TokenKind, Tokenizer};
    /// assert_eq!(Tokenizer::new().tokens("؟").next().unwrap().kind(), TokenKind::Punctuation);
    /// ```
    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// Byte offset of its first byte in the input.
    ///
    /// ```
    /// assert_eq!(nass_tokenize::Tokenizer::new().tokens(" ب").next().unwrap().start(), 1);
    /// ```
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past its last byte in the input.
    ///
    /// ```
    /// assert_eq!(nass_tokenize::Tokenizer::new().tokens(" ب").next().unwrap().end(), 3);
    /// ```
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Its byte span in the input: `&input[token.span()] == token.text()`.
    ///
    /// ```
    /// let text = "أهلاً بكم";
    /// let t = nass_tokenize::Tokenizer::new().tokens(text).nth(1).unwrap();
    /// assert_eq!(t.span(), 11..17);
    /// assert_eq!(&text[t.span()], "بكم");
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.start..self.end()
    }

    /// The token's text normalized by `normalizer` (borrowed when unchanged). This is
    /// exactly `normalizer.normalize(self.text())`.
    ///
    /// ```
    /// use nass_normalize::{Normalizer, Preset};
    /// let search = Normalizer::from_preset(Preset::Search);
    /// let t = nass_tokenize::Tokenizer::new().tokens("إلى بغـداد").nth(1).unwrap();
    /// assert_eq!(t.text(), "بغـداد");
    /// assert_eq!(t.norm(&search), "بغداد");
    /// assert_eq!(t.span(), 7..19);
    /// ```
    pub fn norm(&self, normalizer: &Normalizer) -> Cow<'a, str> {
        normalizer.normalize(self.text)
    }
}

/// Configuration for a [`Tokenizer`].
///
/// ```
/// use nass_tokenize::Tokenizer;
/// let t = Tokenizer::builder().whitespace(true).build();
/// let texts: Vec<_> = t.tokens("نعم، لا").map(|t| t.text()).collect();
/// assert_eq!(texts, ["نعم", "،", " ", "لا"]);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenizerBuilder {
    whitespace: bool,
    split_digits: bool,
    arabic_comma: bool,
}

impl TokenizerBuilder {
    /// Also yield runs of whitespace as [`TokenKind::Whitespace`] tokens (off by default).
    /// With them the tokens' texts concatenate to the input exactly.
    ///
    /// ```
    /// use nass_tokenize::Tokenizer;
    /// let t = Tokenizer::builder().whitespace(true).build();
    /// let s: String = t.tokens("a  ب\n").map(|t| t.text()).collect();
    /// assert_eq!(s, "a  ب\n");
    /// ```
    pub fn whitespace(mut self, on: bool) -> Self {
        self.whitespace = on;
        self
    }

    /// Split a run of decimal digits off the word it stands in, as CAMeL Tools'
    /// `simple_word_tokenize(split_digits=True)` does (off by default): `world123`
    /// gives `world` `123`, `COVID19` gives `COVID` `19`. A run of ASCII, Arabic-Indic or
    /// Persian digits is a [`TokenKind::Number`] (with its separators, as always: `3.5`
    /// stays one token, where CAMeL gives `3` `.` `5`); a run that holds other decimal
    /// digits (Devanagari १२) is one token of kind [`TokenKind::OtherWord`], as it would be
    /// standing alone. URLs, e-mail addresses, hashtags and mentions stay whole.
    ///
    /// ```
    /// use nass_tokenize::Tokenizer;
    /// let t = Tokenizer::builder().split_digits(true).build();
    /// let texts: Vec<_> = t.tokens("world123 عام2021م").map(|t| t.text()).collect();
    /// assert_eq!(texts, ["world", "123", "عام", "2021", "م"]);
    /// ```
    pub fn split_digits(mut self, on: bool) -> Self {
        self.split_digits = on;
        self
    }

    /// Also end a sentence at the Arabic comma ، (U+060C), as PyArabic's
    /// `sentence_tokenize` does (off by default); see [`Tokenizer::sentences`].
    ///
    /// ```
    /// use nass_tokenize::Tokenizer;
    /// let t = Tokenizer::builder().arabic_comma_ends_sentence(true).build();
    /// let s: Vec<_> = t.sentences("والبلاد بعيدة، والشوق زائد").map(|s| s.text()).collect();
    /// assert_eq!(s, ["والبلاد بعيدة،", "والشوق زائد"]);
    /// ```
    pub fn arabic_comma_ends_sentence(mut self, on: bool) -> Self {
        self.arabic_comma = on;
        self
    }

    /// The tokenizer.
    ///
    /// ```
    /// let t = nass_tokenize::Tokenizer::builder().build();
    /// assert_eq!(t.tokens(" ").count(), 0);
    /// ```
    pub fn build(self) -> Tokenizer {
        Tokenizer {
            whitespace: self.whitespace,
            split_digits: self.split_digits,
            arabic_comma: self.arabic_comma,
        }
    }
}

/// Splits text into [`Token`]s. Cheap to copy; build once and reuse.
///
/// ```
/// use nass_tokenize::Tokenizer;
/// let words: Vec<_> = Tokenizer::new().tokens("بـ\"تقييم\" الوضع").map(|t| t.text()).collect();
/// assert_eq!(words, ["بـ", "\"", "تقييم", "\"", "الوضع"]);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Tokenizer {
    whitespace: bool,
    split_digits: bool,
    arabic_comma: bool,
}

impl Tokenizer {
    /// The default tokenizer: no whitespace tokens.
    ///
    /// ```
    /// assert_eq!(nass_tokenize::Tokenizer::new().tokens("نعم لا").count(), 2);
    /// ```
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// A builder, everything at its default.
    ///
    /// ```
    /// let t = nass_tokenize::Tokenizer::builder().whitespace(true).build();
    /// assert_eq!(t.tokens("نعم لا").count(), 3);
    /// ```
    pub fn builder() -> TokenizerBuilder {
        TokenizerBuilder::default()
    }

    /// The tokens of `text`, in order.
    ///
    /// ```
    /// use nass_tokenize::{TokenKind, Tokenizer};
    /// let kinds: Vec<_> = Tokenizer::new()
    ///     .tokens("راسلونا info@example.com أو #نص_عربي")
    ///     .map(|t| t.kind())
    ///     .collect();
    /// assert_eq!(kinds, [TokenKind::ArabicWord, TokenKind::Email, TokenKind::ArabicWord, TokenKind::Hashtag]);
    /// ```
    pub fn tokens<'a>(&self, text: &'a str) -> Tokens<'a> {
        Tokens {
            text,
            pos: 0,
            whitespace: self.whitespace,
            split_digits: self.split_digits,
            email_fail_until: 0,
        }
    }

    /// The sentences of `text`: a sentence ends after `.`, `?`, `؟`, `!`, `؛` or `…`
    /// (with any closing quotes or brackets and further end marks right after it), and at
    /// every line break. A period after a word of one Arabic or Latin letter (د. أ. J.) is an
    /// abbreviation, not an end; a decimal point is inside its number. With
    /// [`arabic_comma_ends_sentence`](TokenizerBuilder::arabic_comma_ends_sentence) the
    /// Arabic comma ، ends one too. Sentence spans are trimmed of whitespace; empty lines
    /// yield nothing. The tokens are split as this tokenizer splits them, whitespace
    /// included.
    ///
    /// ```
    /// use nass_tokenize::Tokenizer;
    /// let text = "قال د. أحمد إن النمو بلغ 3.5٪. هل يستمر؟ ربما!\nسطر آخر";
    /// let s: Vec<_> = Tokenizer::new().sentences(text).map(|s| s.text()).collect();
    /// assert_eq!(s, ["قال د. أحمد إن النمو بلغ 3.5٪.", "هل يستمر؟", "ربما!", "سطر آخر"]);
    /// ```
    pub fn sentences<'a>(&self, text: &'a str) -> Sentences<'a> {
        Sentences {
            tokens: Tokenizer {
                whitespace: true,
                ..*self
            }
            .tokens(text),
            text,
            pending: None,
            arabic_comma: self.arabic_comma,
        }
    }
}

/// Iterator over the [`Token`]s of a text; made by [`Tokenizer::tokens`].
///
/// ```
/// let mut it = nass_tokenize::Tokenizer::new().tokens("نعم");
/// assert_eq!(it.next().unwrap().text(), "نعم");
/// assert!(it.next().is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    whitespace: bool,
    split_digits: bool,
    /// No e-mail address starts before this offset (an earlier scan proved it).
    email_fail_until: usize,
}

/// `.` `,` `٫` `٬`: kept inside a number when between two digits.
fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{66B}' | '\u{66C}')
}

/// ASCII bytes that are punctuation or symbols (P* or S*).
fn ascii_is_punct_or_symbol(b: u8) -> bool {
    b.is_ascii_punctuation()
}

/// ASCII bytes that continue a word run.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = !(c.is_ascii_whitespace() || c == 0x0B || c.is_ascii_punctuation());
        b += 1;
    }
    t
};

/// A character that continues a word run as CAMeL Tools' `simple_word_tokenize` reads
/// one: anything but whitespace, punctuation (P*) and symbols (S*). It deliberately
/// differs from the workspace's word characters (`nass_diacritics::word::continues_camel_word`:
/// letters, numbers, marks, tatweel, joiners), because the tokenizer promises CAMeL's
/// token strings: a format control such as RLM, a private-use or an unassigned code
/// point stays inside a CAMeL word (`continues_camel_word_is_not_the_word_rule` pins it).
#[inline]
fn continues_camel_word(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        let b = cp as u8;
        return !(b.is_ascii_whitespace() || b == 0x0B || ascii_is_punct_or_symbol(b));
    }
    if (0x621..=0x65F).contains(&cp) || cp == 0x640 {
        return true;
    }
    !c.is_whitespace() && classes::flags(c) & (PUNCT | SYMBOL) == 0
}

/// A decimal digit of any script (general category Nd), as CAMeL's `\\d` matches.
fn is_decimal_digit(c: char) -> bool {
    nass_numerals::decimal_digit_value(c).is_some()
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

impl<'a> Tokens<'a> {
    /// Pairs each token with its text normalized by `normalizer` (the span stays in the
    /// original text).
    ///
    /// ```
    /// use nass_normalize::{Normalizer, Preset};
    /// let n = Normalizer::from_preset(Preset::Search);
    /// let pairs: Vec<_> = nass_tokenize::Tokenizer::new()
    ///     .tokens("إلى بغـداد")
    ///     .normalized(&n)
    ///     .map(|(t, norm)| (t.span(), norm.into_owned()))
    ///     .collect();
    /// assert_eq!(pairs, [(0..6, "الي".to_string()), (7..19, "بغداد".to_string())]);
    /// ```
    pub fn normalized<'n>(self, normalizer: &'n Normalizer) -> Normalized<'a, 'n> {
        Normalized {
            tokens: self,
            normalizer,
        }
    }

    fn token(&self, start: usize, end: usize, kind: TokenKind) -> Token<'a> {
        Token {
            text: &self.text[start..end],
            start,
            kind,
        }
    }

    fn scan_while(&self, mut pos: usize, f: impl Fn(char) -> bool) -> usize {
        for c in self.text[pos..].chars() {
            if !f(c) {
                break;
            }
            pos += c.len_utf8();
        }
        pos
    }

    /// End of the word run starting at `start`: the same as
    /// `scan_while(start, continues_camel_word)`, with byte-level fast paths for ASCII and the
    /// common Arabic letters and marks (U+0621..U+065F, two-byte sequences D8 A1..D9 9F).
    #[inline]
    fn word_end(&self, start: usize) -> usize {
        if self.split_digits {
            return self.scan_while(start, |c| continues_camel_word(c) && !is_decimal_digit(c));
        }
        let bytes = self.text.as_bytes();
        let mut i = start;
        loop {
            // Two bytes at a time while they are one of U+0621..U+065F: in valid UTF-8 the
            // big-endian pairs D8 A1..D9 9F that can occur are exactly those characters.
            if let Some(&[lead, next]) = bytes.get(i..i + 2) {
                if u16::from_be_bytes([lead, next]).wrapping_sub(0xD8A1) <= 0xD99F - 0xD8A1 {
                    i += 2;
                    continue;
                }
            }
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x80 {
                if ASCII_WORD[b as usize] {
                    i += 1;
                    continue;
                }
                break;
            }
            match self.text.get(i..).and_then(|r| r.chars().next()) {
                Some(c) if continues_camel_word(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        i
    }

    /// End of the extended grapheme cluster (UAX #29) that starts at `start` with a
    /// character of `len` bytes. A character followed by ASCII, an Arabic letter
    /// (U+0621..U+064A) or the end is a cluster of its own: none of those can extend a
    /// cluster (they are not Extend, ZWJ or SpacingMark), and a cluster starting at `start`
    /// does not depend on what came before. Anything else asks unicode-segmentation.
    /// Never called for CR (whose cluster may be CR LF).
    fn cluster_end(&self, start: usize, len: usize) -> usize {
        let bytes = self.text.as_bytes();
        let after = start + len;
        let alone = match bytes.get(after..) {
            Some([]) => true,
            Some([b, ..]) if *b < 0x80 => true,
            Some([lead, next, ..]) => {
                u16::from_be_bytes([*lead, *next]).wrapping_sub(0xD8A1) <= 0xD98A - 0xD8A1
            }
            _ => false,
        };
        // A regional indicator pairs with the next one: not alone then.
        let regional = matches!(bytes.get(start..start + 3), Some([0xF0, 0x9F, 0x87]));
        if alone && !regional {
            return after;
        }
        start
            + self.text[start..]
                .graphemes(true)
                .next()
                .map_or(len, str::len)
    }

    fn try_url(&self, start: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[start..];
        let prefix = [&b"https://"[..], b"http://", b"www."]
            .into_iter()
            .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p))?;
        if !rest[prefix.len()].is_ascii_alphanumeric() {
            return None;
        }
        let mut end = rest
            .iter()
            .position(|&b| !(0x21..0x7F).contains(&b) || matches!(b, b'<' | b'>' | b'"'))
            .unwrap_or(rest.len());
        while end > prefix.len()
            && matches!(
                rest[end - 1],
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b')' | b']' | b'}'
            )
        {
            end -= 1;
        }
        Some(start + end)
    }

    fn try_email(&mut self, start: usize) -> Option<usize> {
        if start < self.email_fail_until {
            return None;
        }
        let bytes = self.text.as_bytes();
        let local_end = start
            + bytes[start..]
                .iter()
                .position(|&b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-'))
                })
                .unwrap_or(bytes.len() - start);
        let fail = |s: &mut Self| {
            s.email_fail_until = local_end;
            None
        };
        if bytes.get(local_end) != Some(&b'@') || bytes[local_end - 1] == b'.' {
            return fail(self);
        }
        // Domain: labels of [A-Za-z0-9-] separated by single dots; at least two labels, the
        // last one alphabetic.
        let mut pos = local_end + 1;
        let mut labels = 0;
        let mut end = None;
        loop {
            let label_end = pos
                + bytes[pos..]
                    .iter()
                    .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-'))
                    .unwrap_or(bytes.len() - pos);
            if label_end == pos {
                break;
            }
            labels += 1;
            if labels >= 2
                && bytes[pos..label_end].iter().all(u8::is_ascii_alphabetic)
                && label_end - pos >= 2
            {
                end = Some(label_end);
            }
            if bytes.get(label_end) == Some(&b'.') {
                pos = label_end + 1;
            } else {
                break;
            }
        }
        match end {
            Some(e) => Some(e),
            None => fail(self),
        }
    }

    /// With [`split_digits`](TokenizerBuilder::split_digits), the end and kind of the
    /// digit token at `start` (a decimal digit): the number there, or the longer run of
    /// decimal digits of any script, a word of its own.
    fn digit_run(&self, start: usize) -> (usize, TokenKind) {
        let number = match char_at(self.text, start) {
            Some(c) if is_digit(c) => self.number_end(start),
            _ => start,
        };
        let run = self.scan_while(start, is_decimal_digit);
        if run > number {
            (run, Self::word_kind(&self.text[start..run]))
        } else {
            (number, TokenKind::Number)
        }
    }

    fn number_end(&self, start: usize) -> usize {
        let mut pos = self.scan_while(start, is_digit);
        loop {
            match char_at(self.text, pos) {
                Some(sep) if is_number_separator(sep) => {
                    let after = pos + sep.len_utf8();
                    match char_at(self.text, after) {
                        Some(d) if is_digit(d) => pos = self.scan_while(after, is_digit),
                        _ => return pos,
                    }
                }
                _ => return pos,
            }
        }
    }

    fn word_kind(word: &str) -> TokenKind {
        // Fast path: an ASCII letter or an Arabic letter U+0621..U+063F, U+0641..U+064A.
        match word.as_bytes() {
            [b, ..] if b.is_ascii_alphabetic() => return TokenKind::LatinWord,
            [0xD8, n, ..] if *n >= 0xA1 => return TokenKind::ArabicWord,
            [0xD9, n, ..] if (0x81..=0x8A).contains(n) => return TokenKind::ArabicWord,
            _ => {}
        }
        Self::word_kind_general(word)
    }

    /// [`Self::word_kind`] without its fast path.
    fn word_kind_general(word: &str) -> TokenKind {
        for c in word.chars() {
            if is_arabic_script(c) && c.is_alphabetic() && c != '\u{640}' {
                return TokenKind::ArabicWord;
            }
            if is_latin_script(c) {
                return TokenKind::LatinWord;
            }
            if c.is_alphabetic() && c != '\u{640}' {
                return TokenKind::OtherWord;
            }
        }
        if word.chars().all(|c| c == '\u{640}') {
            TokenKind::Punctuation
        } else {
            TokenKind::OtherWord
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let start = self.pos;
            let bytes = self.text.as_bytes();
            let &b = bytes.get(start)?;
            // Fast path: a run of ASCII letters/digits or Arabic letters and marks.
            // (U+0660..U+0669, the Arabic-Indic digits, are D9 A0..D9 A9.)
            if b.is_ascii_alphabetic()
                || b == 0xD8
                || (b == 0xD9 && !matches!(bytes.get(start + 1), Some(0xA0..=0xA9)))
            {
                if b.is_ascii_alphabetic() {
                    if matches!(b, b'h' | b'H' | b'w' | b'W') {
                        if let Some(end) = self.try_url(start) {
                            self.pos = end;
                            return Some(self.token(start, end, TokenKind::Url));
                        }
                    }
                    if let Some(end) = self.try_email(start) {
                        self.pos = end;
                        return Some(self.token(start, end, TokenKind::Email));
                    }
                }
                let end = self.word_end(start);
                if end > start {
                    self.pos = end;
                    let kind = Self::word_kind(&self.text[start..end]);
                    return Some(self.token(start, end, kind));
                }
            }
            if b == b' '
                && bytes
                    .get(start + 1)
                    .is_none_or(|&n| n > b' ' && !matches!(n, 0xC2 | 0xE1 | 0xE2 | 0xE3))
            {
                self.pos = start + 1;
                if self.whitespace {
                    return Some(self.token(start, start + 1, TokenKind::Whitespace));
                }
                continue;
            }
            let c = char_at(self.text, start)?;
            let len = c.len_utf8();
            if c.is_whitespace() {
                let end = self.scan_while(start, char::is_whitespace);
                self.pos = end;
                if self.whitespace {
                    return Some(self.token(start, end, TokenKind::Whitespace));
                }
                continue;
            }
            let next = char_at(self.text, start + len);
            // Keycaps: 0-9 # * followed by VS16 or the combining keycap.
            if (c.is_ascii_digit() || c == '#' || c == '*')
                && matches!(next, Some('\u{FE0F}' | '\u{20E3}'))
            {
                let end = self.cluster_end(start, len);
                self.pos = end;
                return Some(self.token(start, end, TokenKind::Emoji));
            }
            if self.split_digits && is_decimal_digit(c) {
                let (end, kind) = self.digit_run(start);
                self.pos = end;
                return Some(self.token(start, end, kind));
            }
            if is_digit(c) {
                let end = self.number_end(start);
                self.pos = end;
                return Some(self.token(start, end, TokenKind::Number));
            }
            if c == '#' || c == '@' {
                let prev_ok = !self.text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_alphanumeric() || p == '_');
                let body_ok = next.is_some_and(|n| n == '_' || n.is_alphanumeric());
                if prev_ok && body_ok {
                    let end =
                        self.scan_while(start + len, |ch| ch == '_' || continues_camel_word(ch));
                    self.pos = end;
                    let kind = if c == '#' {
                        TokenKind::Hashtag
                    } else {
                        TokenKind::Mention
                    };
                    return Some(self.token(start, end, kind));
                }
            }
            if c.is_ascii() {
                if ascii_is_punct_or_symbol(b) {
                    self.pos = start + 1;
                    let kind = if matches!(
                        b,
                        b'$' | b'+' | b'<' | b'=' | b'>' | b'^' | b'`' | b'|' | b'~'
                    ) {
                        TokenKind::Symbol
                    } else {
                        TokenKind::Punctuation
                    };
                    return Some(self.token(start, start + 1, kind));
                }
            } else {
                let flags = classes::flags(c);
                let regional = ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
                if regional
                    || (flags & PICT != 0
                        && (flags & PRESENTATION != 0 || next == Some('\u{FE0F}')))
                {
                    let end = self.cluster_end(start, len);
                    self.pos = end;
                    return Some(self.token(start, end, TokenKind::Emoji));
                }
                if flags & PUNCT != 0 {
                    self.pos = start + len;
                    return Some(self.token(start, start + len, TokenKind::Punctuation));
                }
                if flags & SYMBOL != 0 {
                    self.pos = start + len;
                    return Some(self.token(start, start + len, TokenKind::Symbol));
                }
            }
            let end = self.word_end(start);
            // `c` is neither whitespace nor P/S here, so the run is not empty.
            let end = end.max(start + len);
            self.pos = end;
            let kind = Self::word_kind(&self.text[start..end]);
            return Some(self.token(start, end, kind));
        }
    }
}

impl std::iter::FusedIterator for Tokens<'_> {}

/// Iterator of `(token, normalized text)`; made by [`Tokens::normalized`].
///
/// ```
/// use nass_normalize::Normalizer;
/// let n = Normalizer::new();
/// let mut it = nass_tokenize::Tokenizer::new().tokens("مَرحباً").normalized(&n);
/// let (t, norm) = it.next().unwrap();
/// assert_eq!((t.text(), norm.as_ref()), ("مَرحباً", "مرحبا"));
/// ```
#[derive(Debug, Clone)]
pub struct Normalized<'a, 'n> {
    tokens: Tokens<'a>,
    normalizer: &'n Normalizer,
}

impl<'a> Iterator for Normalized<'a, '_> {
    type Item = (Token<'a>, Cow<'a, str>);

    fn next(&mut self) -> Option<Self::Item> {
        let t = self.tokens.next()?;
        Some((t, t.norm(self.normalizer)))
    }
}

/// One sentence: a span of the original text; made by [`Tokenizer::sentences`].
///
/// ```
/// let s = nass_tokenize::Tokenizer::new().sentences("  نعم. لا").next().unwrap();
/// assert_eq!((s.text(), s.span()), ("نعم.", 2..9));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sentence<'a> {
    text: &'a str,
    start: usize,
}

impl<'a> Sentence<'a> {
    /// The sentence's text, a slice of the input.
    ///
    /// ```
    /// let s = nass_tokenize::Tokenizer::new().sentences("نعم؟").next().unwrap();
    /// assert_eq!(s.text(), "نعم؟");
    /// ```
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Its byte span in the input.
    ///
    /// ```
    /// let s = nass_tokenize::Tokenizer::new().sentences("أ\nب").nth(1).unwrap();
    /// assert_eq!(s.span(), 3..5);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

/// Iterator over [`Sentence`]s; made by [`Tokenizer::sentences`].
///
/// ```
/// assert_eq!(nass_tokenize::Tokenizer::new().sentences("أ. ب! ج").count(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Sentences<'a> {
    tokens: Tokens<'a>,
    text: &'a str,
    pending: Option<Token<'a>>,
    arabic_comma: bool,
}

impl Sentences<'_> {
    fn is_terminator(&self, t: &Token<'_>) -> bool {
        t.kind == TokenKind::Punctuation
            && (matches!(t.text, "." | "?" | "؟" | "!" | "؛" | "…")
                || (self.arabic_comma && t.text == "\u{060C}"))
    }
}

fn is_closer(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Punctuation
        && matches!(
            t.text,
            "\"" | "'" | ")" | "]" | "}" | "»" | "”" | "’" | "﴿" | "›"
        )
}

fn is_line_break(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Whitespace
        && t.text
            .contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
}

/// A one-letter word (د أ J), possibly with marks: a period after it is an abbreviation.
fn is_initial(t: &Token<'_>) -> bool {
    matches!(t.kind, TokenKind::ArabicWord | TokenKind::LatinWord)
        && t.text
            .chars()
            .filter(|c| c.is_alphabetic() && *c != '\u{640}')
            .count()
            == 1
}

impl<'a> Iterator for Sentences<'a> {
    type Item = Sentence<'a>;

    fn next(&mut self) -> Option<Sentence<'a>> {
        let mut start: Option<usize> = None;
        let mut end = 0;
        let mut ended = false;
        let mut prev: Option<Token<'a>> = None;
        loop {
            let Some(t) = self.pending.take().or_else(|| self.tokens.next()) else {
                return start.map(|s| Sentence {
                    text: &self.text[s..end],
                    start: s,
                });
            };
            if t.kind == TokenKind::Whitespace {
                if start.is_some() && (ended || is_line_break(&t)) {
                    let s = start.unwrap_or(0);
                    return Some(Sentence {
                        text: &self.text[s..end],
                        start: s,
                    });
                }
                prev = Some(t);
                continue;
            }
            if ended && !(t.start == end && (self.is_terminator(&t) || is_closer(&t))) {
                self.pending = Some(t);
                let s = start.unwrap_or(0);
                return Some(Sentence {
                    text: &self.text[s..end],
                    start: s,
                });
            }
            if start.is_none() {
                start = Some(t.start);
            }
            end = t.end();
            if self.is_terminator(&t) {
                let abbreviation =
                    t.text == "." && prev.is_some_and(|p| p.end() == t.start && is_initial(&p));
                if !abbreviation {
                    ended = true;
                }
            }
            prev = Some(t);
        }
    }
}

impl std::iter::FusedIterator for Sentences<'_> {}

/// The largest byte offset `k` at which `text` may be cut so that tokenizing `&text[..k]`
/// and `&text[k..]` separately gives the same tokens (with spans shifted by `k`) as
/// tokenizing `text`, **whatever text follows `text` later in the stream**: the start of a
/// non-whitespace character preceded by whitespace. 0 when there is none (a chunk of one
/// unbroken run: the caller must read more, or cut anyway and accept a split token).
///
/// It holds for every [`Tokenizer`] configuration, whitespace tokens included. It does not
/// promise anything for [`Tokenizer::sentences`] (cut at a line break for those).
///
/// ```
/// use nass_tokenize::last_safe_cut;
/// let chunk = "وصل الوفد إلى بغد";          // "بغد" may continue in the next chunk
/// assert_eq!(last_safe_cut(chunk), 25);
/// assert_eq!(&chunk[25..], "بغد");
/// assert_eq!(last_safe_cut("بغداد   "), 0);  // trailing whitespace may continue too
/// ```
pub fn last_safe_cut(text: &str) -> usize {
    let mut after: Option<(usize, char)> = None;
    for (i, c) in text.char_indices().rev() {
        if c.is_whitespace() {
            if let Some((k, n)) = after {
                if !n.is_whitespace() {
                    return k;
                }
            }
        }
        after = Some((i, c));
    }
    0
}

#[cfg(test)]
mod tests;
