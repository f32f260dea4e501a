//! The analyzer: tokens → lowercase → normalizer → stop words → stemmer.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use nass_normalize::{Normalizer, Preset};
use nass_tokenize::{Token, TokenKind, Tokenizer, Tokens};

use crate::{Stemmer, StopWords};

/// The analyzers nass names.
///
/// ```
/// use nass_analysis::AnalyzerName;
/// assert_eq!("lucene".parse::<AnalyzerName>().unwrap(), AnalyzerName::Lucene);
/// assert_eq!(AnalyzerName::Search.name(), "search");
/// ```
///
/// More analyzers may come: [`AnalyzerName::ALL`] lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AnalyzerName {
    /// Lucene's `ArabicAnalyzer` chain: word tokens, lowercase, every decimal digit to
    /// ASCII, stop words, the `lucene` normalizer preset, the `lucene` stemmer.
    Lucene,
    /// nass's best for search: word tokens, lowercase, stop words, the `search` preset,
    /// the `light` stemmer.
    Search,
}

impl AnalyzerName {
    /// Both, in order.
    pub const ALL: [AnalyzerName; 2] = [AnalyzerName::Lucene, AnalyzerName::Search];

    /// Its name.
    pub const fn name(self) -> &'static str {
        match self {
            AnalyzerName::Lucene => "lucene",
            AnalyzerName::Search => "search",
        }
    }
}

impl fmt::Display for AnalyzerName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for AnalyzerName {
    type Err = nass_core::UnknownName;

    /// ```
    /// let err = "solr".parse::<nass_analysis::AnalyzerName>().unwrap_err();
    /// assert_eq!(err.to_string(), "unknown analyzer 'solr' (expected one of: lucene, search)");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AnalyzerName::ALL
            .into_iter()
            .find(|a| a.name() == s)
            .ok_or_else(|| nass_core::UnknownName::new("analyzer", s, &["lucene", "search"]))
    }
}

/// Builds an [`Analyzer`], starting from a named one.
///
/// ```
/// use nass_analysis::{Analyzer, AnalyzerName, Stemmer, StopWords};
/// let a = Analyzer::builder(AnalyzerName::Search)
///     .stemmer(Stemmer::None)
///     .stop_words(StopWords::empty())
///     .build();
/// let terms: Vec<String> = a.analyze("في الكتاب").map(|t| t.text().to_string()).collect();
/// assert_eq!(terms, ["في", "الكتاب"]);
/// ```
#[derive(Clone, Debug)]
pub struct AnalyzerBuilder {
    normalizer: Normalizer,
    fold_digits: bool,
    stop_words: StopWords,
    stemmer: Stemmer,
}

impl AnalyzerBuilder {
    /// The normalizer (the named analyzer's preset by default).
    pub fn normalizer(mut self, normalizer: Normalizer) -> Self {
        self.normalizer = normalizer;
        self
    }

    /// The stop words, as given; the analyzer adds their normalized forms.
    pub fn stop_words(mut self, stop_words: StopWords) -> Self {
        self.stop_words = stop_words;
        self
    }

    /// The stemmer.
    pub fn stemmer(mut self, stemmer: Stemmer) -> Self {
        self.stemmer = stemmer;
        self
    }

    /// The analyzer.
    pub fn build(self) -> Analyzer {
        let stop_words = self.stop_words.with_normalized(&self.normalizer);
        Analyzer {
            tokenizer: Tokenizer::new(),
            normalizer: self.normalizer,
            fold_digits: self.fold_digits,
            stop_words,
            stemmer: self.stemmer,
        }
    }
}

/// Analyzes text into [`Term`]s for a search index.
///
/// Each token that holds letters or digits is lowercased, (for `lucene`) has every
/// decimal digit folded to ASCII, is normalized, checked against the stop words (after
/// normalization, against the list's normalized forms: a diacritized وَفِي is a stop word
/// too), and stemmed. Terms are numbered by position from 0; a stop word, or a token
/// that normalizes to nothing, is removed and leaves its position empty.
///
/// ```
/// use nass_analysis::Analyzer;
/// let a = Analyzer::lucene();
/// let text = "أعلنت الحكومة في بيانها ٣ قرارات";
/// let terms: Vec<(String, usize, usize)> =
///     a.analyze(text).map(|t| (t.text().to_string(), t.start(), t.position())).collect();
/// assert_eq!(terms, [
///     ("اعلنت".to_string(), 0, 0),
///     ("حكوم".to_string(), 11, 1),
///     // في (bytes 26..30) is a stop word; light10 takes ها then ان from بيانها.
///     ("بي".to_string(), 31, 3),
///     ("3".to_string(), 44, 4),
///     ("قرار".to_string(), 47, 5),
/// ]);
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    tokenizer: Tokenizer,
    normalizer: Normalizer,
    fold_digits: bool,
    stop_words: StopWords,
    stemmer: Stemmer,
}

impl Analyzer {
    /// The analyzer `name`.
    pub fn named(name: AnalyzerName) -> Self {
        Analyzer::builder(name).build()
    }

    /// Lucene's `ArabicAnalyzer` chain ([`AnalyzerName::Lucene`]).
    pub fn lucene() -> Self {
        Analyzer::named(AnalyzerName::Lucene)
    }

    /// nass's search analyzer ([`AnalyzerName::Search`]).
    pub fn search() -> Self {
        Analyzer::named(AnalyzerName::Search)
    }

    /// A builder starting from the analyzer `name`.
    pub fn builder(name: AnalyzerName) -> AnalyzerBuilder {
        match name {
            AnalyzerName::Lucene => AnalyzerBuilder {
                normalizer: Normalizer::from_preset(Preset::Lucene),
                fold_digits: true,
                stop_words: StopWords::default(),
                stemmer: Stemmer::Lucene,
            },
            AnalyzerName::Search => AnalyzerBuilder {
                normalizer: Normalizer::from_preset(Preset::Search),
                fold_digits: false,
                stop_words: StopWords::default(),
                stemmer: Stemmer::light(),
            },
        }
    }

    /// The stemmer.
    pub fn stemmer(&self) -> &Stemmer {
        &self.stemmer
    }

    /// The terms of `text`, in order.
    pub fn analyze<'a>(&'a self, text: &'a str) -> Terms<'a> {
        Terms {
            analyzer: self,
            tokens: self.tokenizer.tokens(text),
            position: 0,
            joined: None,
        }
    }

    /// The term one token gives, or `None` when it is removed (a stop word, or nothing
    /// left after normalization).
    fn term_of<'a>(&self, word: &'a str) -> Option<Cow<'a, str>> {
        let mut t = lowercase(word);
        if self.fold_digits {
            t = map_cow(t, fold_digits);
        }
        t = map_cow(t, |s| self.normalizer.normalize(s));
        if t.is_empty() || self.stop_words.contains(&t) {
            return None;
        }
        Some(map_cow(t, |s| self.stemmer.stem(s)))
    }
}

/// `f` applied to a borrowed or owned string, keeping what is borrowed from the input
/// borrowed.
fn map_cow<'a>(s: Cow<'a, str>, f: impl for<'x> Fn(&'x str) -> Cow<'x, str>) -> Cow<'a, str> {
    match s {
        Cow::Borrowed(b) => f(b),
        Cow::Owned(mut o) => {
            // A slice of `o` is cut out of it in place, without a new allocation.
            let (start, len) = match f(&o) {
                Cow::Borrowed(b) => {
                    let start = (b.as_ptr() as usize).wrapping_sub(o.as_ptr() as usize);
                    if start > o.len() || o.len() - start < b.len() {
                        return Cow::Owned(b.to_string());
                    }
                    (start, b.len())
                }
                Cow::Owned(n) => return Cow::Owned(n),
            };
            o.truncate(start + len);
            o.drain(..start);
            Cow::Owned(o)
        }
    }
}

/// `s` in lower case (borrowed when it has no upper-case letter).
fn lowercase(s: &str) -> Cow<'_, str> {
    // Text of ASCII and the Arabic block (lead bytes 0xD8-0xDB) alone is checked byte by
    // byte; text with any other character goes once through `char::is_uppercase`. (Asking
    // the whole text again at each such character made a token of a million joiners
    // take an hour.)
    let other = s.bytes().any(|b| matches!(b, 0xC0..=0xD7 | 0xDC..=0xFF));
    let has_upper = if other {
        s.chars().any(char::is_uppercase)
    } else {
        s.bytes().any(|b| b.is_ascii_uppercase())
    };
    if has_upper {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Every Unicode decimal digit to ASCII, as Lucene's `DecimalDigitFilter` does.
fn fold_digits(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    // Letters of the Arabic block are not digits: only the two digit rows of the block,
    // and characters outside it, need the table.
    let needs = s.chars().any(|c| match c {
        '\0'..='\u{7F}' | '\u{0600}'..='\u{065F}' | '\u{066A}'..='\u{06EF}' => false,
        _ => nass_numerals::decimal_digit_value(c).is_some(),
    });
    if !needs {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match nass_numerals::decimal_digit_value(c) {
                Some(d) => char::from(b'0' + d),
                None => c,
            })
            .collect(),
    )
}

/// One term: its text, the byte span of its token in the analyzed text, its position.
///
/// `start`, `end` and `span` follow the accessor convention of the match types
/// (`nass_core::Spanned`); `text` is deliberately not the original: it is the term as
/// indexed (normalized and stemmed), as in tantivy's `Token::text` and Lucene's term
/// attribute. The original token is `&input[term.span()]`. So `Term` does not implement
/// `Spanned`, whose `text` promises the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term<'a> {
    text: Cow<'a, str>,
    start: usize,
    end: usize,
    position: usize,
}

impl<'a> Term<'a> {
    /// The term (borrowed from the analyzed text when it is a slice of it).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The term, owned or borrowed.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// Byte offset of the token's start in the analyzed text.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the token's end.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The token's byte span: `&text[term.span()]` is the original word.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The position, from 0; removed stop words leave gaps.
    pub fn position(&self) -> usize {
        self.position
    }

    /// Whether the term borrows the analyzed text (no copy was made).
    ///
    /// ```
    /// let a = nass_analysis::Analyzer::search();
    /// let t = a.analyze("والكتاب").next().unwrap();
    /// assert_eq!(t.text(), "كتاب");
    /// assert!(t.is_borrowed());
    /// ```
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }
}

/// The iterator of [`Analyzer::analyze`].
#[derive(Clone, Debug)]
pub struct Terms<'a> {
    analyzer: &'a Analyzer,
    tokens: Tokens<'a>,
    /// The position the next token takes.
    position: usize,
    /// The tokens of the hashtag's or mention's body being read (its words, joined by
    /// `_`), and where the body starts in the text.
    joined: Option<(Tokens<'a>, usize)>,
}

impl Terms<'_> {
    /// The position the next token would take: after the last term, the number of
    /// positions the text used (trailing stop words included), so that a stream analyzed
    /// in pieces can number them on.
    ///
    /// ```
    /// let a = nass_analysis::Analyzer::search();
    /// let mut terms = a.analyze("بغداد في");
    /// assert_eq!(terms.next().map(|t| t.position()), Some(0));
    /// assert!(terms.next().is_none());
    /// assert_eq!(terms.next_position(), 2);
    /// ```
    pub fn next_position(&self) -> usize {
        self.position
    }
}

/// What a token contributes: a word, or the body of a hashtag or mention (without its
/// `#` or `@`), whose words are joined by `_`; or nothing.
enum Contribution<'a> {
    Word(&'a str, usize),
    Joined(&'a str, usize),
    Nothing,
}

fn contribution(t: Token<'_>) -> Contribution<'_> {
    match t.kind() {
        TokenKind::ArabicWord
        | TokenKind::LatinWord
        | TokenKind::OtherWord
        | TokenKind::Number
        | TokenKind::Url
        | TokenKind::Email => Contribution::Word(t.text(), t.start()),
        TokenKind::Hashtag | TokenKind::Mention => {
            let marker = t.text().chars().next().map_or(0, char::len_utf8);
            Contribution::Joined(&t.text()[marker..], t.start() + marker)
        }
        _ => Contribution::Nothing,
    }
}

impl<'a> Terms<'a> {
    /// The next word of the hashtag or mention body being read, if any: the body is
    /// tokenized as the same text outside a hashtag is, so that `_` and the other
    /// boundaries of plain text split it (#الحرب_على_الفساد gives the terms of الحرب على
    /// الفساد, @nass_2024 those of nass 2024).
    fn next_joined(&mut self) -> Option<(&'a str, usize)> {
        let (tokens, base) = self.joined.as_mut()?;
        for t in tokens.by_ref() {
            // A body holds no `#` or `@`: its tokens are words or nothing.
            if let Contribution::Word(word, start) | Contribution::Joined(word, start) =
                contribution(t)
            {
                return Some((word, *base + start));
            }
        }
        self.joined = None;
        None
    }
}

impl<'a> Iterator for Terms<'a> {
    type Item = Term<'a>;

    fn next(&mut self) -> Option<Term<'a>> {
        loop {
            let (word, start) = match self.next_joined() {
                Some(w) => w,
                None => match contribution(self.tokens.next()?) {
                    Contribution::Word(word, start) => (word, start),
                    Contribution::Joined(body, start) => {
                        self.joined = Some((self.analyzer.tokenizer.tokens(body), start));
                        continue;
                    }
                    Contribution::Nothing => continue,
                },
            };
            let position = self.position;
            self.position += 1;
            if let Some(text) = self.analyzer.term_of(word) {
                return Some(Term {
                    text,
                    start,
                    end: start + word.len(),
                    position,
                });
            }
        }
    }
}

impl std::iter::FusedIterator for Terms<'_> {}
