//! Arabic search analysis: stemmers, stop words, and an analyzer that yields terms with
//! positions and byte offsets into the original text.
//!
//! ```
//! use nass_analysis::Analyzer;
//!
//! let analyzer = Analyzer::search();
//! let text = "وصلَ الوفدُ إلى بغـداد والتقى بالمسؤولين";
//! let terms: Vec<(String, &str, usize)> = analyzer
//!     .analyze(text)
//!     .map(|t| (t.text().to_string(), &text[t.span()], t.position()))
//!     .collect();
//! assert_eq!(terms, [
//!     ("وصل".to_string(), "وصلَ", 0),
//!     ("وفد".to_string(), "الوفدُ", 1),
//!     // إلى is a stop word: position 2 is left empty.
//!     ("بغداد".to_string(), "بغـداد", 3),
//!     // و + ال read as clitics: a light stemmer cannot know that this ال is radical.
//!     ("تقي".to_string(), "والتقى", 4),
//!     ("مسوول".to_string(), "بالمسؤولين", 5),
//! ]);
//! ```
//!
//! # Overview
//!
//! - [`Stemmer`]: `lucene` ([`lucene_stem`], Lucene's `ArabicStemmer` exactly),
//!   `snowball` (the Snowball Arabic algorithm of the rust-stemmers crate), `light`
//!   ([`LightStemmer`], nass's own, whose rules its documentation lists), or none.
//! - [`StopWords`]: nass's list, written from Arabic grammar in [`StopClass`]es, with
//!   the conjunctions و ف attached and every normalized form; or a user's list.
//! - [`Analyzer`]: tokenizer → lowercase → normalizer → stop words → stemmer, yielding
//!   [`Term`]s with the byte span of the original token and a position; a removed stop
//!   word leaves a gap in positions, as Lucene's `StopFilter` does. Two are named
//!   ([`AnalyzerName`]): `lucene` (Lucene's `ArabicAnalyzer` chain) and `search` (the
//!   `search` preset and the light stemmer).
//!
//! # Which tokens become terms
//!
//! The tokens of [`nass_tokenize::Tokenizer`] that hold letters or digits: words of
//! every script, numbers, URLs and e-mail addresses whole, hashtags and mentions without
//! their `#` or `@` and split at `_` into their words, as the same words are outside a
//! hashtag (the spans are then the words'). Punctuation, symbols and emoji are
//! dropped without leaving a gap. A token that normalizes to nothing (a lone diacritic)
//! is dropped like a stop word, leaving a gap.
//!
//! # The light stemmer measured
//!
//! On the word-family table of this crate's tests (`tests/families.txt`: 27 families of
//! forms that a search for one should find, 159 words), for each stemmer after its
//! normalizer: the share of pairs of one family that meet on one stem, and the number of
//! pairs of different families that collide. The figures are printed by
//! `cargo run --release -p nass-analysis --example evaluate`; see BENCHMARKS.md, which
//! also gives the distinct terms each gives on the corpus.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod analyzer;
mod light;
mod lucene;
mod stopwords;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

pub use analyzer::{Analyzer, AnalyzerBuilder, AnalyzerName, Term, Terms};
pub use light::{LightStemmer, MIN_STEM};
pub use lucene::lucene_stem;
pub use nass_normalize::{Normalizer, Preset};
pub use stopwords::{StopClass, StopWords};

/// A stemmer.
///
/// ```
/// use nass_analysis::Stemmer;
/// assert_eq!(Stemmer::Lucene.stem("والكتاب"), "كتاب");
/// assert_eq!(Stemmer::light().stem("بالكتاب"), "كتاب");
/// assert_eq!(Stemmer::snowball().stem("الكتاب"), "كتاب");
/// assert_eq!(Stemmer::None.stem("الكتاب"), "الكتاب");
/// ```
#[derive(Clone, Default)]
pub enum Stemmer {
    /// No stemming.
    #[default]
    None,
    /// Lucene's `ArabicStemmer`: [`lucene_stem`].
    Lucene,
    /// The Snowball Arabic stemmer (rust-stemmers).
    Snowball(Arc<rust_stemmers::Stemmer>),
    /// nass's light stemmer.
    Light(Arc<LightStemmer>),
}

impl fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Stemmer {
    /// The names [`FromStr`] reads, in order.
    pub const NAMES: [&'static str; 4] = ["none", "lucene", "snowball", "light"];

    /// The Snowball Arabic stemmer.
    pub fn snowball() -> Self {
        Stemmer::Snowball(Arc::new(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::Arabic,
        )))
    }

    /// nass's light stemmer, protecting the default gazetteer's names.
    pub fn light() -> Self {
        Stemmer::Light(Arc::new(LightStemmer::new()))
    }

    /// Its name: `none`, `lucene`, `snowball` or `light`.
    pub fn name(&self) -> &'static str {
        match self {
            Stemmer::None => "none",
            Stemmer::Lucene => "lucene",
            Stemmer::Snowball(_) => "snowball",
            Stemmer::Light(_) => "light",
        }
    }

    /// The stem of `word` (borrowed when it is a slice of it).
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self {
            Stemmer::None => Cow::Borrowed(word),
            Stemmer::Lucene => Cow::Borrowed(lucene_stem(word)),
            Stemmer::Snowball(s) => s.stem(word),
            Stemmer::Light(s) => Cow::Borrowed(s.stem(word)),
        }
    }
}

impl FromStr for Stemmer {
    type Err = nass_core::UnknownName;

    /// ```
    /// let s: nass_analysis::Stemmer = "light".parse().unwrap();
    /// assert_eq!(s.name(), "light");
    /// let err = "porter".parse::<nass_analysis::Stemmer>().unwrap_err();
    /// assert_eq!(err.to_string(), "unknown stemmer 'porter' (expected one of: none, lucene, snowball, light)");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "none" => Ok(Stemmer::None),
            "lucene" => Ok(Stemmer::Lucene),
            "snowball" => Ok(Stemmer::snowball()),
            "light" => Ok(Stemmer::light()),
            _ => Err(nass_core::UnknownName::new("stemmer", s, &Stemmer::NAMES)),
        }
    }
}

/// `s` without the prefix `p`, if it starts with it. Compares bytes in a plain loop:
/// affixes are a few bytes, and a call to `memcmp` for each cost more than the compare.
#[inline]
pub(crate) fn strip_prefix<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let (b, pb) = (s.as_bytes(), p.as_bytes());
    if b.len() < pb.len() || b.iter().zip(pb).any(|(x, y)| x != y) {
        return None;
    }
    s.get(pb.len()..)
}

/// `s` without the suffix `p`, if it ends with it (see [`strip_prefix`]).
#[inline]
pub(crate) fn strip_suffix<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let (b, pb) = (s.as_bytes(), p.as_bytes());
    if b.len() < pb.len() || b.iter().rev().zip(pb.iter().rev()).any(|(x, y)| x != y) {
        return None;
    }
    s.get(..b.len() - pb.len())
}

/// A quick test before a hash-set lookup: a bit per (byte length, last four bytes) of
/// the words inserted, in 64 Kibit. A word whose bit is clear is not in the set, and
/// most words of running text are turned away with one load, no hashing of the word.
#[derive(Clone)]
pub(crate) struct QuickFilter {
    bits: Box<[u64]>,
}

impl fmt::Debug for QuickFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("QuickFilter")
    }
}

impl Default for QuickFilter {
    fn default() -> Self {
        QuickFilter {
            bits: vec![0; 1024].into_boxed_slice(),
        }
    }
}

impl QuickFilter {
    #[inline]
    fn index(word: &str) -> usize {
        let b = word.as_bytes();
        let n = b.len();
        let mut tail = 0u32;
        for &x in &b[n.saturating_sub(4)..] {
            tail = (tail << 8) | u32::from(x);
        }
        (nass_core::hash::mix(u64::from(tail), n as u64) >> 48) as usize
    }

    /// Records `word`.
    pub(crate) fn insert(&mut self, word: &str) {
        let i = QuickFilter::index(word);
        self.bits[i / 64] |= 1 << (i % 64);
    }

    /// Whether `word` may have been inserted.
    #[inline]
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        let i = QuickFilter::index(word);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

/// The sets here are built by the program, not by an adversary choosing keys: the
/// workspace's fast hasher.
pub(crate) type FastHash = nass_core::hash::FastBuildHasher;
