//! Entity lists (gazetteers) matched in Arabic text through proclitics and spelling
//! variation, with every span reported in the ORIGINAL text.
//!
//! ```
//! use nass_gazetteer::Gazetteer;
//!
//! // The embedded default list: every country, territory and capital, main organizations.
//! let gazetteer = Gazetteer::new();
//! let text = "وصل الوفدُ إلى بغـداد قادماً من واشنطن، وللعراق مع إيران حدودٌ طويلة.";
//! let found: Vec<_> = gazetteer
//!     .find_iter(text)
//!     .map(|m| (m.text(), m.clitics(), m.entry().canonical(), m.entry().entity_type()))
//!     .collect();
//! assert_eq!(found, [
//!     ("بغـداد", "", "بغداد", "capital"),
//!     ("واشنطن", "", "واشنطن", "capital"),
//!     ("وللعراق", "ول", "العراق", "country"),
//!     ("إيران", "", "إيران", "country"),
//! ]);
//! // Spans are byte offsets into the text as given.
//! let m = gazetteer.find_iter(text).find(|m| m.text() == "وللعراق").unwrap();
//! assert_eq!(&text[m.start()..m.end()], "وللعراق");
//! assert_eq!(&text[m.name_start()..m.end()], "لعراق"); // ل + (ا)لعراق: the alef is elided
//! ```
//!
//! # Overview
//!
//! - An [`Entry`] is a canonical name, a type, variant spellings and an optional JSON
//!   payload. A [`Gazetteer`] is built once from entries by a [`GazetteerBuilder`]: added
//!   in code, read from TSV ([`GazetteerBuilder::load_tsv`]) or JSON Lines
//!   ([`GazetteerBuilder::load_jsonl`]), and/or the embedded [`default_entries`].
//! - [`Gazetteer::find_iter`] yields non-overlapping [`Match`]es in text order;
//!   [`Gazetteer::find_overlapping_iter`] yields every reading.
//! - [`Gazetteer::last_safe_cut`] tells a streaming reader where a chunk may be cut.
//! - [`Gazetteer::save`] writes a built gazetteer as a compiled index and
//!   [`Gazetteer::open`] maps one back in milliseconds, without rebuilding (see below).
//!
//! # How matching works
//!
//! 1. Every name is passed through the gazetteer's [`Normalizer`] (by default the `search`
//!    preset: diacritics and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه, hamza carriers
//!    folded, ...), every run of whitespace in it becomes one space and every dash a
//!    hyphen-minus. The text goes through the same normalizer, and a run of whitespace
//!    in it (spaces, tabs, no-break spaces, line breaks: any Unicode `White_Space`)
//!    matches that one space, so a multi-word name matches across a line wrap; a dash
//!    in it (the hyphens U+2010 and U+2011, the figure, en and em dashes, the
//!    horizontal bar, the minus sign U+2212, their small and full-width forms) matches
//!    the hyphen, so غينيا-بيساو is found written غينيا–بيساو.
//! 2. A name starts at a word start, possibly after proclitics: nothing, one of the
//!    conjunctions و ف or the prepositions ب ل ك, or a conjunction followed by a
//!    preposition (وب ول وك فب فل فك). For names that begin with the article ال, the
//!    preposition ل elides the alef: للعراق is ل + العراق, وللعراق is و + ل + العراق. So
//!    every search is anchored: the names are kept in a trie with compressed tails, which
//!    is stepped byte by byte from every word start, from after each valid proclitic
//!    sequence at its beginning, and from every character that is neither a word
//!    character nor whitespace (for names that begin with punctuation). An anchored walk
//!    needs no failure transitions, so the text is scanned once with at most a few short
//!    walks per word; stepping by hand lets a run of whitespace in the text step as one
//!    space. Most walks never start: the part of a word from where a walk would begin to
//!    the word's end must be the whole first word of some name (a name's first word ends
//!    where the text's word does), which a small Bloom filter of the names' first words
//!    answers with one hash per walk.
//! 3. A name found counts when it ends at a word end (العراق is not found inside
//!    العراقية). Word characters are letters, digits, combining marks, tatweel and
//!    ZWNJ/ZWJ; the boundary checks apply only on the sides of a name that begin or end
//!    with a word character.
//! 4. Without overlaps ([`Gazetteer::find_iter`]), readings are taken leftmost first; at one
//!    place the reading with fewer proclitics wins, then the longer name: بغداد is the
//!    city, not ب + غداد. Names that begin with clitic letters (واشنطن، بغداد، لبنان،
//!    فلسطين، كركوك) therefore match as themselves, and with a proclitic (وواشنطن).
//! 5. Spans are mapped back through the normalizer's [`nass_core::Alignment`] to byte
//!    offsets of the original text. When names of several entries share a normal form,
//!    every one of those entries is reported, each as its own [`Match`] with the same span.
//!    A match that begins with a word character starts at the start of its word in the
//!    original, and one that ends with a word character ends at the end of its word
//!    (past the marks of its last letter). Combining marks with no base letter at the
//!    start of a word (a stray hamza U+0654, a U+0301, a fatha after a space) belong to
//!    that word, never to the whitespace or punctuation before it, even where the
//!    normalizer changes that whitespace and the mark as one piece; they are part of the
//!    match's proclitics when it has some (`\u{0654}و` in `\u{0654}وبغداد`) and of its
//!    name otherwise: never proclitics on their own.
//!
//! # Nisba adjectives
//!
//! With [`GazetteerBuilder::adjectives`] on, the one-word names of entries whose type is
//! one of [`PLACE_KINDS`] also yield their nisba adjectives, reported as
//! [`MatchKind::Adjective`] with the place's entry, never as the place itself. The rule:
//! take the normalized name, drop the article ال and a final ا ة ه or ى, add ي unless the
//! stem already ends in it; then the forms ـي ـية ـيون ـيين ـيات, with and without ال
//! (العراق → العراقي، العراقية، عراقيين ...; سوريا → السوري; أمريكا → الأمريكية; الأردن →
//! الأردني; السعودية → السعودي). Limits: irregular nisbas are not produced (النمسا gives
//! نمسي, not نمساوي; the United States gives nothing, being two words), a generated form
//! can be an ordinary word (الرياض → رياضي, "sporting"), and a form that equals some
//! entry's name is left out (السعودية stays the country).
//!
//! ```
//! use nass_gazetteer::{Entry, Gazetteer, MatchKind};
//!
//! let g = Gazetteer::builder()
//!     .entry(Entry::new("العراق", "country"))
//!     .adjectives(true)
//!     .build()
//!     .unwrap();
//! let text = "قال الجيشُ العراقيُّ إن القوات العراقية انسحبت من العراق.";
//! let found: Vec<_> = g.find_iter(text).map(|m| (m.text(), m.kind())).collect();
//! assert_eq!(found, [
//!     ("العراقيُّ", MatchKind::Adjective),
//!     ("العراقية", MatchKind::Adjective),
//!     ("العراق", MatchKind::Name),
//! ]);
//! ```
//!
//! # Loading
//!
//! TSV: `name<TAB>type<TAB>variant|variant|...`, the third column optional, `#` comments
//! and blank lines ignored. JSON Lines: one object per line,
//! `{"name": "...", "type": "...", "variants": ["..."], "payload": ...}` (`variants` and
//! `payload` optional). Both are UTF-8; a byte order mark (U+FEFF) at the start of the
//! input is skipped. A malformed line, a name that normalizes to nothing, or a name longer
//! than [`MAX_NAME_WORDS`] words or [`MAX_NAME_BYTES`] bytes once normalized, is a
//! [`GazetteerError`] naming the source and the line. Entries with the same canonical name
//! and type are merged into one (their variants joined, the first payload kept).
//!
//! # Compiled indexes
//!
//! A built gazetteer is one byte string: a header (magic `nassgzix`, format version,
//! length, CRC-32 of the rest), a table of sections, and the sections: the normalizer's
//! settings and the counts, the trie of the normalized names, the patterns and their
//! targets as arrays of numbers, the entries as records (types interned, payloads as
//! JSON text) with their offsets, and the two filters as bit arrays.
//! [`Gazetteer::write_index`] and [`Gazetteer::save`] write those bytes as they are;
//! [`Gazetteer::open`] maps a file and checks its header, checksum and section sizes,
//! and [`Gazetteer::from_index_bytes`] does the same for bytes in memory. Nothing is
//! rebuilt: a gazetteer opened from an index matches exactly as the one it was written
//! from, at the same speed (it is the same structure), and the operating system reads
//! in the pages of the file as matching needs them. Entries are decoded from their
//! records on first use, 64 at a time. A file of another format version, truncated or
//! corrupt is a [`GazetteerError`], never a panic or a wrong match.
//!
//! ```
//! use nass_gazetteer::{Entry, Gazetteer};
//! let g = Gazetteer::builder()
//!     .entry(Entry::new("الموصل", "city").with_payload(serde_json::json!({"id": 7})))
//!     .build()?;
//! let mut index = Vec::new();
//! g.write_index(&mut index)?;
//! let opened = Gazetteer::from_index_bytes(index)?;
//! let m = opened.find_iter("وصلوا إلى الموصل").next().unwrap();
//! assert_eq!((m.text(), m.entry().payload().unwrap()["id"].as_i64()), ("الموصل", Some(7)));
//! # Ok::<(), nass_gazetteer::GazetteerError>(())
//! ```
#![deny(missing_docs)]
#![deny(unsafe_code)]

use std::collections::HashMap;
use std::io::Read;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

pub use nass_normalize::Normalizer;

use nass_core::proclitics::Proclitics;

mod builder;
mod compiled;
mod cut;
mod entry;
mod file;
mod index;
mod load;
mod matches;
mod names;
mod nisba;
mod prefix;
mod search;
mod store;
mod text;
mod words;

/// The aho-corasick crate (re-exported for custom searches over normalized text, and as
/// the benches' baseline).
pub use aho_corasick;
pub use builder::GazetteerBuilder;
pub use cut::{MAX_NAME_BYTES, MAX_NAME_WORDS, SAFE_CUT_SCAN};
pub use entry::{Entry, EntryRef, GazetteerError};
pub use matches::{Match, MatchKind, Matches};
pub use nisba::PLACE_KINDS;
/// The serde_json crate, for entry payloads.
pub use serde_json;

use builder::*;
use entry::ErrorKind;
use file::FileWriter;
use index::*;
use load::Origin;
use matches::*;
use names::{Names, Node};
use prefix::{Heads, Prefixes};
use text::{is_word_char, name_key, space_len};

/// The embedded default list, TSV: countries, capitals, organizations.
const DEFAULT_TSV: &str = include_str!("../data/default.tsv");

/// The entries of the embedded default gazetteer (every country, every territory and
/// special area with an ISO 3166-1 code, their capitals, the main international
/// organizations and a few major cities, in Arabic with common variant spellings and full
/// official names), parsed once on first use, lines with the same name and type merged (as
/// [`GazetteerBuilder::build`] merges them).
///
/// ```
/// let entries = nass_gazetteer::default_entries();
/// assert!(entries.iter().any(|e| e.canonical() == "موريتانيا" && e.entity_type() == "country"));
/// assert!(entries.iter().any(|e| e.canonical() == "نواكشوط" && e.entity_type() == "capital"));
/// ```
pub fn default_entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut out = store::EntryStore::default();
        load::tsv(DEFAULT_TSV.as_bytes(), "default.tsv", &mut out)
            .expect("the embedded default gazetteer parses (tested)");
        out.merge();
        (0..out.len()).map(|i| out.entry(i)).collect()
    })
}

/// The `search` normalizer, built once (building one computes a table over every code
/// point) and shared.
fn search_normalizer() -> Normalizer {
    static SEARCH: OnceLock<Normalizer> = OnceLock::new();
    SEARCH.get_or_init(Normalizer::new).clone()
}

/// A set of entity names, matched in text through the gazetteer's normalizer, with
/// proclitics. Cheap to clone (shared); `Send + Sync`.
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer};
///
/// let g = Gazetteer::builder()
///     .entry(Entry::new("بغداد", "capital"))
///     .entry(Entry::new("غداد", "test"))
///     .build()
///     .unwrap();
/// // One reading per place: بغداد (no clitic) beats ب + غداد.
/// let found: Vec<_> = g.find_iter("ببغداد وبغداد").map(|m| (m.clitics(), m.entry().canonical())).collect();
/// assert_eq!(found, [("ب", "بغداد"), ("و", "بغداد")]);
/// // All readings, when asked.
/// assert_eq!(g.find_overlapping_iter("بغداد").count(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

impl Default for Gazetteer {
    fn default() -> Self {
        Self::new()
    }
}

impl Gazetteer {
    /// The embedded default gazetteer ([`default_entries`], `search` normalizer, no
    /// adjectives), built once on first use and shared.
    ///
    /// ```
    /// let g = nass_gazetteer::Gazetteer::new();
    /// let m = g.find_iter("زار الرئيس موريطانيا").next().unwrap();
    /// assert_eq!(m.entry().canonical(), "موريتانيا");
    /// ```
    pub fn new() -> Self {
        static DEFAULT: OnceLock<Gazetteer> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                Gazetteer::builder()
                    .default_entries(true)
                    .build()
                    .expect("the embedded default gazetteer builds (tested)")
            })
            .clone()
    }

    /// A builder.
    ///
    /// ```
    /// let g = nass_gazetteer::Gazetteer::builder().build().unwrap();
    /// assert!(g.is_empty());
    /// assert_eq!(g.find_iter("بغداد").count(), 0);
    /// ```
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// The number of entries (after merging duplicates).
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("إيران", "country").variant("ايران"))
    ///     .entry(Entry::new("إيران", "country").variant("إيرن"))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(g.len(), 1);
    /// assert_eq!(g.entries().next().unwrap().variant_names(), ["ايران", "إيرن"]);
    /// ```
    pub fn len(&self) -> usize {
        self.inner.entry_count
    }

    /// Whether there are no entries.
    ///
    /// ```
    /// assert!(!nass_gazetteer::Gazetteer::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.inner.entry_count == 0
    }

    /// The entries, in the order they were added.
    ///
    /// ```
    /// let g = nass_gazetteer::Gazetteer::new();
    /// assert!(g.entries().any(|e| e.canonical() == "حلف شمال الأطلسي"));
    /// ```
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &Entry> + '_ {
        (0..self.inner.entry_count).map(|i| self.inner.entry(i))
    }

    /// The number of distinct normalized names (and adjectives) in the trie.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// // Both spellings normalize to العراق.
    /// let g = Gazetteer::builder().entry(Entry::new("العراق", "country").variant("العِراق")).build().unwrap();
    /// assert_eq!(g.pattern_count(), 1);
    /// ```
    pub fn pattern_count(&self) -> usize {
        self.inner.pattern_count
    }

    /// The most whitespace-separated words in any pattern.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("جمهورية  مصر العربية", "country")).build().unwrap();
    /// assert_eq!(g.max_words(), 3);
    /// ```
    pub fn max_words(&self) -> usize {
        self.inner.max_words
    }

    /// An estimate of the memory held, in bytes: the index (names, patterns, entries as
    /// bytes), the filters, and the entries decoded so far. For a gazetteer opened from
    /// a file ([`Gazetteer::open`]) the index is mapped, not held: the operating system
    /// reads in its pages as matching needs them, and they are not counted.
    ///
    /// ```
    /// let g = nass_gazetteer::Gazetteer::new();
    /// assert!(g.memory_usage() > 10_000);
    /// ```
    pub fn memory_usage(&self) -> usize {
        let i = &self.inner;
        let index = match &*i.storage {
            compiled::Storage::Owned(v) => v.capacity(),
            compiled::Storage::Mapped(_) => 0,
        };
        index
            + i.heads.memory_usage()
            + i.prefixes.memory_usage()
            + i.decoded_entries_memory()
            + i.types
                .iter()
                .map(|t| t.len() + std::mem::size_of::<String>())
                .sum::<usize>()
    }

    /// Whether the gazetteer reports nisba adjectives ([`GazetteerBuilder::adjectives`]);
    /// an index remembers it.
    ///
    /// ```
    /// assert!(!nass_gazetteer::Gazetteer::new().adjectives());
    /// ```
    pub fn adjectives(&self) -> bool {
        self.inner.adjectives
    }

    /// The normalizer that names and text pass through.
    ///
    /// ```
    /// let g = nass_gazetteer::Gazetteer::new();
    /// assert_eq!(g.normalizer().normalize("الـعِراق"), "العراق");
    /// ```
    pub fn normalizer(&self) -> &Normalizer {
        &self.inner.normalizer
    }

    /// The mentions of entries in `text`, in text order, without overlaps: leftmost first;
    /// at one place, fewer proclitics first, then the longer name. Where several entries
    /// share the matched name, each is reported (same span, in the order the entries were
    /// added). The whole text is normalized and searched when the iterator is created.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("الولايات المتحدة", "country"))
    ///     .entry(Entry::new("المتحدة", "test"))
    ///     .build()
    ///     .unwrap();
    /// let text = "قالت الولاياتُ\u{00A0}المتحدةُ";
    /// let found: Vec<_> = g.find_iter(text).map(|m| (m.span(), m.entry().canonical())).collect();
    /// assert_eq!(found, [(9..45, "الولايات المتحدة")]);
    /// ```
    pub fn find_iter<'g, 't>(&'g self, text: &'t str) -> Matches<'g, 't> {
        self.search(text, false)
    }

    /// Every reading of every mention in `text`, overlapping ones included (a longer name
    /// and the shorter names inside it; بغداد as the city and as ب + غداد), ordered by
    /// start, then fewer proclitics, then longer.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("الولايات المتحدة", "country"))
    ///     .entry(Entry::new("المتحدة", "test"))
    ///     .build()
    ///     .unwrap();
    /// let found: Vec<_> = g.find_overlapping_iter("الولايات المتحدة").map(|m| m.text()).collect();
    /// assert_eq!(found, ["الولايات المتحدة", "المتحدة"]);
    /// ```
    pub fn find_overlapping_iter<'g, 't>(&'g self, text: &'t str) -> Matches<'g, 't> {
        self.search(text, true)
    }
}

#[cfg(test)]
mod tests;
