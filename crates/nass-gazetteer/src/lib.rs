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
//!
//! # How matching works
//!
//! 1. Every name is passed through the gazetteer's [`Normalizer`] (by default the `search`
//!    preset: diacritics and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه, hamza carriers
//!    folded, ...) and every run of whitespace in it becomes one space. The text goes
//!    through the same normalizer, and a run of whitespace in it (spaces, tabs, no-break
//!    spaces, line breaks: any Unicode `White_Space`) matches that one space, so a
//!    multi-word name matches across a line wrap.
//! 2. A name starts at a word start, possibly after proclitics: nothing, one of the
//!    conjunctions و ف or the prepositions ب ل ك, or a conjunction followed by a
//!    preposition (وب ول وك فب فل فك). For names that begin with the article ال, the
//!    preposition ل elides the alef: للعراق is ل + العراق, وللعراق is و + ل + العراق. So
//!    every search is anchored: the names are compiled into automata of the
//!    [`aho_corasick`] crate (contiguous NFAs, split into shards by the names' first two
//!    bytes), which are stepped with anchored searches from every word start, from after
//!    each valid proclitic sequence at its beginning, and from every character that is
//!    neither a word character nor whitespace (for names that begin with punctuation). An
//!    anchored search never follows a failure transition, so the text is scanned once
//!    with at most a few short walks per word; stepping the automaton by hand lets a run
//!    of whitespace in the text step as one space. Most walks never start: the part of a
//!    word from where a walk would begin to the word's end must be the whole first word
//!    of some name (a name's first word ends where the text's word does), which a small
//!    Bloom filter of the names' first words answers with one hash per walk. The shards
//!    keep the build fast: one automaton of a million names took 16 to 18 s to build on
//!    the development machine, most of it computing failure transitions over the whole
//!    trie; in shards, built on every core, it takes about 5 s.
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
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use std::collections::HashMap;
use std::io::Read;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

pub use nass_normalize::Normalizer;

use nass_core::proclitics::Proclitics;

mod entry;
mod load;
mod names;
mod nisba;
mod prefix;
mod text;

/// The aho-corasick crate, whose automata the gazetteer steps (re-exported for custom
/// searches over normalized text, and as the benches' baseline).
pub use aho_corasick;
pub use entry::{Entry, GazetteerError};
pub use nisba::PLACE_KINDS;
/// The serde_json crate, for entry payloads.
pub use serde_json;

use entry::ErrorKind;
use load::Origin;
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
        let mut out = Vec::new();
        load::tsv(DEFAULT_TSV.as_bytes(), "default.tsv", &mut out)
            .expect("the embedded default gazetteer parses (tested)");
        merge_entries(out).0
    })
}

/// The `search` normalizer, built once (building one computes a table over every code
/// point) and shared.
fn search_normalizer() -> Normalizer {
    static SEARCH: OnceLock<Normalizer> = OnceLock::new();
    SEARCH.get_or_init(Normalizer::new).clone()
}

/// What a match is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// One of the entry's names.
    Name,
    /// A nisba adjective derived from one of the entry's names (see
    /// [`GazetteerBuilder::adjectives`]).
    Adjective,
}

/// One mention of an entry in the text.
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer, MatchKind};
/// let g = Gazetteer::builder().entry(Entry::new("لبنان", "country")).build().unwrap();
/// let text = "وصلوا فَلِلُبنانَ";
/// let m = g.find_iter(text).next().unwrap();
/// assert_eq!(m.text(), "فَلِلُبنانَ");
/// assert_eq!(m.clitics(), "فَلِ");
/// assert_eq!(m.name_text(), "لُبنانَ");
/// assert_eq!(m.span(), 11..33);
/// assert_eq!(m.variant(), "لبنان");
/// assert_eq!(m.kind(), MatchKind::Name);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match<'g, 't> {
    haystack: &'t str,
    start: usize,
    end: usize,
    name_start: usize,
    entry: &'g Entry,
    variant: &'g str,
    kind: MatchKind,
}

impl<'g, 't> Match<'g, 't> {
    /// Byte offset where the surface (proclitics included) starts in the original text.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("من تونس").next().unwrap().start(), 5);
    /// ```
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset where the surface ends in the original text (past the diacritics of
    /// its last letter).
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("من تونسَ.").next().unwrap().end(), 15);
    /// ```
    pub fn end(&self) -> usize {
        self.end
    }

    /// The byte span of the surface.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("بتونس").next().unwrap().span(), 0..10);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Byte offset where the name proper begins, after the proclitics.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("وبتونس").next().unwrap().name_start(), 4);
    /// ```
    pub fn name_start(&self) -> usize {
        self.name_start
    }

    /// The surface: the original text of the whole match.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("الأمم المتحدة", "organization")).build().unwrap();
    /// assert_eq!(g.find_iter("في الأمم\nالمتحدة").next().unwrap().text(), "الأمم\nالمتحدة");
    /// ```
    pub fn text(&self) -> &'t str {
        &self.haystack[self.start..self.end]
    }

    /// The surface of the proclitics (empty when there are none).
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("فبتونس").next().unwrap().clitics(), "فب");
    /// ```
    pub fn clitics(&self) -> &'t str {
        &self.haystack[self.start..self.name_start]
    }

    /// The surface of the name proper, without the proclitics.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("فبتونس").next().unwrap().name_text(), "تونس");
    /// ```
    pub fn name_text(&self) -> &'t str {
        &self.haystack[self.name_start..self.end]
    }

    /// The entry found.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("تونس").next().unwrap().entry().entity_type(), "country");
    /// ```
    pub fn entry(&self) -> &'g Entry {
        self.entry
    }

    /// The name of the entry (canonical or variant, as written in the entry) that matched;
    /// for an adjective, the name it was derived from.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("الولايات المتحدة", "country").variant("أميركا"))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(g.find_iter("في اميركا").next().unwrap().variant(), "أميركا");
    /// ```
    pub fn variant(&self) -> &'g str {
        self.variant
    }

    /// Whether the match is a name or a derived adjective.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer, MatchKind};
    /// let g = Gazetteer::builder().entry(Entry::new("مصر", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("مصر").next().unwrap().kind(), MatchKind::Name);
    /// ```
    pub fn kind(&self) -> MatchKind {
        self.kind
    }
}

impl nass_core::Spanned for Match<'_, '_> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn text(&self) -> &str {
        Match::text(self)
    }
}

impl nass_core::CliticSpanned for Match<'_, '_> {
    fn name_start(&self) -> usize {
        self.name_start
    }
}

/// Configures and builds a [`Gazetteer`]. Starts empty, with the `search` normalizer, no
/// default entries and no adjectives.
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer};
///
/// let tsv = "# name\ttype\tvariants\nكركوك\tcity\nالموصل\tcity\tموصل\n";
/// let g = Gazetteer::builder()
///     .entry(Entry::new("أربيل", "city").variant("اربيل"))
///     .load_tsv(tsv.as_bytes(), "cities.tsv")?
///     .build()?;
/// assert_eq!(g.len(), 3);
/// let names: Vec<_> = g.find_iter("من أربيل إلى كركوك وبالموصل").map(|m| m.entry().canonical()).collect();
/// assert_eq!(names, ["أربيل", "كركوك", "الموصل"]);
/// # Ok::<(), nass_gazetteer::GazetteerError>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct GazetteerBuilder {
    normalizer: Normalizer,
    entries: Vec<(Entry, Origin)>,
    default_entries: bool,
    adjectives: bool,
    code_entries: usize,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        GazetteerBuilder {
            normalizer: search_normalizer(),
            entries: Vec::new(),
            default_entries: false,
            adjectives: false,
            code_entries: 0,
        }
    }
}

impl GazetteerBuilder {
    /// The normalizer that names and text both pass through (default: the `search`
    /// preset). A normalizer that keeps diacritics makes them significant.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// use nass_normalize::{Normalizer, Preset};
    /// let g = Gazetteer::builder()
    ///     .normalizer(Normalizer::from_preset(Preset::Display))
    ///     .entry(Entry::new("عمان", "capital"))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(g.find_iter("عمّان").count(), 0); // the shadda now counts
    /// assert_eq!(g.find_iter("عمان").count(), 1);
    /// ```
    pub fn normalizer(mut self, normalizer: Normalizer) -> Self {
        self.normalizer = normalizer;
        self
    }

    /// Adds one entry.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("غزة", "city")).build().unwrap();
    /// assert_eq!(g.find_iter("في غزه").count(), 1);
    /// ```
    pub fn entry(mut self, entry: Entry) -> Self {
        self.code_entries += 1;
        let origin = Origin {
            source: "entries".into(),
            line: self.code_entries,
        };
        self.entries.push((entry, origin));
        self
    }

    /// Adds entries.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entries([Entry::new("حلب", "city"), Entry::new("حمص", "city")])
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(g.len(), 2);
    /// ```
    pub fn entries(mut self, entries: impl IntoIterator<Item = Entry>) -> Self {
        for e in entries {
            self = self.entry(e);
        }
        self
    }

    /// Whether to include the embedded [`default_entries`] (default: no).
    ///
    /// ```
    /// let g = nass_gazetteer::Gazetteer::builder().default_entries(true).build().unwrap();
    /// assert_eq!(g.len(), nass_gazetteer::default_entries().len());
    /// ```
    pub fn default_entries(mut self, on: bool) -> Self {
        self.default_entries = on;
        self
    }

    /// Whether to report nisba adjectives of place names (default: no). See the crate
    /// documentation for the rules and their limits.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer, MatchKind};
    /// let g = Gazetteer::builder().entry(Entry::new("مصر", "country")).adjectives(true).build().unwrap();
    /// let m = g.find_iter("الحكومة المصرية").next().unwrap();
    /// assert_eq!((m.text(), m.kind(), m.entry().canonical()), ("المصرية", MatchKind::Adjective, "مصر"));
    /// ```
    pub fn adjectives(mut self, on: bool) -> Self {
        self.adjectives = on;
        self
    }

    /// Reads entries from TSV: `name<TAB>type<TAB>variant|variant|...`, the third column
    /// optional, `#` comments and blank lines ignored, a byte order mark at the start
    /// skipped. `source` names the input in errors.
    ///
    /// ```
    /// let err = nass_gazetteer::Gazetteer::builder()
    ///     .load_tsv("بغداد\tcapital\n\tcity\n".as_bytes(), "iraq.tsv")
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "iraq.tsv:2: empty name");
    /// ```
    pub fn load_tsv(mut self, reader: impl Read, source: &str) -> Result<Self, GazetteerError> {
        load::tsv(reader, source, &mut self.entries)?;
        Ok(self)
    }

    /// Reads entries from JSON Lines: one object per non-blank line with `name` and `type`
    /// (strings), `variants` (array of strings, optional) and `payload` (any JSON,
    /// optional). A byte order mark at the start is skipped. `source` names the input in
    /// errors.
    ///
    /// ```
    /// use nass_gazetteer::Gazetteer;
    /// let jsonl = r#"{"name": "الجامعة العربية", "type": "organization", "variants": ["جامعة الدول العربية"], "payload": {"founded": 1945}}"#;
    /// let g = Gazetteer::builder().load_jsonl(jsonl.as_bytes(), "orgs.jsonl")?.build()?;
    /// let m = g.find_iter("قررت جامعة الدول العربية").next().unwrap();
    /// assert_eq!(m.entry().payload().unwrap()["founded"], 1945);
    /// # Ok::<(), nass_gazetteer::GazetteerError>(())
    /// ```
    pub fn load_jsonl(mut self, reader: impl Read, source: &str) -> Result<Self, GazetteerError> {
        load::jsonl(reader, source, &mut self.entries)?;
        Ok(self)
    }

    /// Builds the gazetteer: normalizes every name and builds the automata. Gazetteers
    /// whose names take over 1 MiB are built on every core
    /// ([`std::thread::available_parallelism`]), one shard of names per thread at a time.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let err = Gazetteer::builder().entry(Entry::new("ـ", "x")).build().unwrap_err();
    /// assert_eq!(err.to_string(), "entries:1: the name 'ـ' normalizes to nothing");
    /// ```
    pub fn build(self) -> Result<Gazetteer, GazetteerError> {
        let mut all: Vec<(Entry, Origin)> = Vec::new();
        if self.default_entries {
            let source: Arc<str> = "default.tsv".into();
            all.extend(default_entries().iter().enumerate().map(|(i, e)| {
                (
                    e.clone(),
                    Origin {
                        source: source.clone(),
                        line: i + 1,
                    },
                )
            }));
        }
        all.extend(self.entries);
        build(self.normalizer, all, self.adjectives).map(|inner| Gazetteer {
            inner: Arc::new(inner),
        })
    }
}

#[derive(Clone, Copy, Debug)]
struct Target {
    entry: u32,
    name: u32,
    kind: MatchKind,
}

#[derive(Clone, Copy, Debug)]
struct PatternInfo {
    /// The pattern's targets: `targets[start..end]`.
    start: u32,
    end: u32,
    word_first: bool,
    word_last: bool,
}

#[derive(Debug)]
struct Inner {
    normalizer: Normalizer,
    entries: Vec<Entry>,
    names: Names,
    /// Which bytes can begin a name: most walks from the root end here.
    prefixes: Prefixes,
    /// The names' heads (longest prefixes of word characters): most walks from a word
    /// character end here.
    heads: Heads,
    /// The node reached by the alef of an elided article, if any name has one.
    alef: Option<Node>,
    patterns: Vec<PatternInfo>,
    targets: Vec<Target>,
    max_words: usize,
    /// The most bytes in any pattern.
    max_key: usize,
}

/// The build's maps of names hash with the workspace's fast hasher: building a million
/// names spent a fifth of its time in SipHash.
type FxBuild = nass_core::hash::FastBuildHasher;

/// Entries with the same canonical name and type merged into the first of them (variants
/// joined, the first payload kept), in order, with where each came from.
fn merge_entries(all: Vec<(Entry, Origin)>) -> (Vec<Entry>, Vec<Origin>) {
    let mut entries: Vec<Entry> = Vec::with_capacity(all.len());
    let mut origins: Vec<Origin> = Vec::with_capacity(all.len());
    let mut seen: HashMap<(String, String), usize, FxBuild> = HashMap::default();
    for (entry, origin) in all {
        let key = (
            entry.canonical().to_string(),
            entry.entity_type().to_string(),
        );
        match seen.get(&key) {
            Some(&i) => entries[i].merge(entry),
            None => {
                seen.insert(key, entries.len());
                entries.push(entry);
                origins.push(origin);
            }
        }
    }
    (entries, origins)
}

fn build(
    normalizer: Normalizer,
    all: Vec<(Entry, Origin)>,
    adjectives: bool,
) -> Result<Inner, GazetteerError> {
    let (entries, origins) = merge_entries(all);
    if entries.len() >= u32::MAX as usize {
        return Err(GazetteerError::new(
            "entries",
            None,
            ErrorKind::Build("more than 2^32 - 1 entries".into()),
        ));
    }
    // Every (normalized name, target), sorted by name: the sort gives both the distinct
    // patterns and the automata's order.
    let mut pairs: Vec<(String, Target)> = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        for (n, name) in entry.names().enumerate() {
            let key = name_key(&normalizer.normalize(name));
            if key.is_empty() {
                let o = &origins[i];
                return Err(GazetteerError::new(
                    &o.source,
                    Some(o.line),
                    ErrorKind::EmptyName(name.to_string()),
                ));
            }
            let words = key.matches(' ').count() + 1;
            if words > MAX_NAME_WORDS || key.len() > MAX_NAME_BYTES {
                let o = &origins[i];
                return Err(GazetteerError::new(
                    &o.source,
                    Some(o.line),
                    ErrorKind::NameTooLong {
                        words,
                        bytes: key.len(),
                    },
                ));
            }
            pairs.push((
                key,
                Target {
                    entry: i as u32,
                    name: n as u32,
                    kind: MatchKind::Name,
                },
            ));
        }
    }
    drop(origins);
    // Stable: among equal names, entries keep the order they were added in.
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    if adjectives {
        let mut forms = Vec::new();
        for (key, target) in &pairs {
            if !PLACE_KINDS.contains(&entries[target.entry as usize].entity_type()) {
                continue;
            }
            for form in nisba::forms(key) {
                let form = name_key(&normalizer.normalize(&form));
                let is_name = pairs.binary_search_by(|p| p.0.as_str().cmp(&form)).is_ok();
                if !form.is_empty() && !is_name {
                    forms.push((
                        form,
                        Target {
                            kind: MatchKind::Adjective,
                            ..*target
                        },
                    ));
                }
            }
        }
        // Adjectives after names, in entry order among themselves.
        forms.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.entry.cmp(&b.1.entry)));
        pairs.extend(forms);
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
    }
    let mut keys: Vec<String> = Vec::new();
    let mut patterns: Vec<PatternInfo> = Vec::new();
    let mut targets: Vec<Target> = Vec::with_capacity(pairs.len());
    let mut max_words = 1;
    let mut max_key = 0;
    for (key, target) in pairs {
        if keys.last() != Some(&key) {
            if let Some(p) = patterns.last_mut() {
                p.end = targets.len() as u32;
            }
            patterns.push(PatternInfo {
                start: targets.len() as u32,
                end: targets.len() as u32,
                word_first: key.chars().next().is_some_and(is_word_char),
                word_last: key.chars().next_back().is_some_and(is_word_char),
            });
            max_words = max_words.max(key.matches(' ').count() + 1);
            max_key = max_key.max(key.len());
            keys.push(key);
        }
        let start = patterns.last().map_or(0, |p| p.start as usize);
        if !targets[start..]
            .iter()
            .any(|x| x.entry == target.entry && x.kind == target.kind)
        {
            targets.push(target);
        }
    }
    if let Some(p) = patterns.last_mut() {
        p.end = targets.len() as u32;
    }
    if targets.len() >= u32::MAX as usize {
        return Err(GazetteerError::new(
            "entries",
            None,
            ErrorKind::Build("too many names".into()),
        ));
    }
    let names = Names::from_sorted(&keys)
        .map_err(|e| GazetteerError::new("entries", None, ErrorKind::Build(e.to_string())))?;
    let prefixes = Prefixes::new(keys.iter().map(String::as_str));
    let heads = {
        let classes = text::classes();
        fn head<'k>(classes: &[u8; 0x800], k: &'k String) -> &'k [u8] {
            &k.as_bytes()[..text::word_end(classes, k, 0)]
        }
        Heads::new(keys.iter().map(|k| head(classes, k)))
    };
    drop(keys);
    // An elided article: the text has ل where the name has ال.
    let alef = names.walk(Names::ROOT, "ا".as_bytes());
    targets.shrink_to_fit();
    Ok(Inner {
        normalizer,
        entries,
        names,
        prefixes,
        heads,
        alef,
        patterns,
        targets,
        max_words,
        max_key,
    })
}

/// A reading of the normalized text: a pattern at `name_start..end`, its proclitics from
/// `word_start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Candidate {
    word_start: usize,
    clitics: u8,
    end_rev: std::cmp::Reverse<usize>,
    name_start: usize,
    pattern: u32,
    elided: bool,
}

impl Candidate {
    fn end(&self) -> usize {
        self.end_rev.0
    }
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
        self.inner.entries.len()
    }

    /// Whether there are no entries.
    ///
    /// ```
    /// assert!(!nass_gazetteer::Gazetteer::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.inner.entries.is_empty()
    }

    /// The entries, in the order they were added.
    ///
    /// ```
    /// let g = nass_gazetteer::Gazetteer::new();
    /// assert!(g.entries().any(|e| e.canonical() == "حلف شمال الأطلسي"));
    /// ```
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &Entry> + '_ {
        self.inner.entries.iter()
    }

    /// The number of distinct normalized names (and adjectives) in the automata.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// // Both spellings normalize to العراق.
    /// let g = Gazetteer::builder().entry(Entry::new("العراق", "country").variant("العِراق")).build().unwrap();
    /// assert_eq!(g.pattern_count(), 1);
    /// ```
    pub fn pattern_count(&self) -> usize {
        self.inner.patterns.len()
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

    /// An estimate of the heap memory held, in bytes: the automata, the pattern tables
    /// and the entries.
    ///
    /// ```
    /// let g = nass_gazetteer::Gazetteer::new();
    /// assert!(g.memory_usage() > 10_000);
    /// ```
    pub fn memory_usage(&self) -> usize {
        let i = &self.inner;
        let entries: usize = i
            .entries
            .iter()
            .map(|e| {
                std::mem::size_of::<Entry>()
                    + e.canonical().len()
                    + e.entity_type().len()
                    + e.variant_names()
                        .iter()
                        .map(|v| v.len() + std::mem::size_of::<String>())
                        .sum::<usize>()
            })
            .sum();
        i.names.memory_usage()
            + i.heads.memory_usage()
            + i.patterns.capacity() * std::mem::size_of::<PatternInfo>()
            + i.targets.capacity() * std::mem::size_of::<Target>()
            + entries
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

    /// Every valid reading in normalized text `t`: a walk of the names from every word
    /// start, after each valid proclitic sequence at its beginning, and from every other
    /// character that is neither a word character nor whitespace. Walks from a word
    /// character are first asked of the heads filter with the rest of the word; walks from
    /// other characters, of the first-bytes filter.
    fn candidates(&self, t: &str, out: &mut Vec<Candidate>) {
        let b = t.as_bytes();
        let classes = text::classes();
        let mut i = 0;
        while i < b.len() {
            // ASCII spaces between words, the most common non-word bytes.
            if b[i] == b' ' {
                i += 1;
                continue;
            }
            let (k, len) = text::class_at(classes, t, i);
            match k {
                text::WORD | text::TRANSPARENT => {
                    let e = text::word_end(classes, t, i + len);
                    // Past the transparent characters at the word's start (usually none).
                    let p0 = if k == text::WORD {
                        i
                    } else {
                        text::skip_transparent_to(classes, t, i, e)
                    };
                    self.word_start(t, i, p0, e, out);
                    i = e;
                }
                text::SPACE => i += len,
                _ => {
                    self.walk_from_root(t, i, i, 0, out);
                    i += len;
                }
            }
        }
    }

    /// The walks from word start `w` of the word `t[w..e]`, whose first character that is
    /// not transparent is at `p0`: no proclitic, and each valid proclitic sequence (و ف ب
    /// ل ك, a conjunction then a preposition), with the elided article after ل.
    fn word_start(&self, t: &str, w: usize, p0: usize, e: usize, out: &mut Vec<Candidate>) {
        let b = t.as_bytes();
        let heads = &self.inner.heads;
        let classes = text::classes();
        if heads.may_be_head(&b[w..e]) {
            self.walk(t, w, w, 0, Names::ROOT, false, out);
        }
        if p0 == e {
            // A word of transparent characters only (marks with no base letter): no name
            // starts after them in this word. What follows is not a word character, and
            // a name that begins there is walked from there, as its own start.
            return;
        }
        if p0 != w && heads.may_be_head(&b[p0..e]) {
            self.walk(t, w, p0, 0, Names::ROOT, false, out);
        }
        const LAM: &[u8] = "ل".as_bytes();
        let mut at = p0;
        let mut clitics = Proclitics::NONE;
        loop {
            // `at < e`: the proclitic letters are two-byte characters of the word.
            let c = match b.get(at..at + 2) {
                Some(&[x @ 0xC0..=0xDF, y]) => (u32::from(x & 0x1F) << 6) | u32::from(y & 0x3F),
                _ => return,
            };
            let Some(next) = char::from_u32(c).and_then(|c| clitics.then(c)) else {
                return;
            };
            clitics = next;
            at = text::skip_transparent_to(classes, t, at + 2, e);
            if at >= e {
                return;
            }
            let count = clitics.count();
            if heads.may_be_head(&b[at..e]) {
                self.walk(t, w, at, count, Names::ROOT, false, out);
            }
            if clitics.elides_article()
                && b[at..].starts_with(LAM)
                && heads.may_be_elided_head(&b[at..e])
            {
                if let Some(alef) = self.inner.alef {
                    self.walk(t, w, at, count, alef, true, out);
                }
            }
            if !clitics.can_continue() {
                return;
            }
        }
    }

    /// A walk from the names' root at `start` (not a word character), if the first-bytes
    /// filter lets a name begin there.
    fn walk_from_root(
        &self,
        t: &str,
        word_start: usize,
        start: usize,
        clitics: u8,
        out: &mut Vec<Candidate>,
    ) {
        if self.inner.prefixes.may_start(t.as_bytes(), start) {
            self.walk(t, word_start, start, clitics, Names::ROOT, false, out);
        }
    }

    /// The readings [`candidates`](Self::candidates) must find, by the definition: every
    /// walk at every place, no filter, one character at a time.
    #[cfg(test)]
    fn candidates_reference(&self, t: &str, out: &mut Vec<Candidate>) {
        let b = t.as_bytes();
        let mut i = 0;
        let mut prev_word = false;
        while i < b.len() {
            let (c, len) = text::decode(t, i);
            let word = is_word_char(c);
            if word {
                if !prev_word {
                    self.word_start_reference(t, i, out);
                }
            } else if len == 1 && b[i].is_ascii_whitespace() || c.is_whitespace() {
                // nothing starts here
            } else {
                self.walk(t, i, i, 0, Names::ROOT, false, out);
            }
            prev_word = word;
            i += len;
        }
    }

    #[cfg(test)]
    fn word_start_reference(&self, t: &str, w: usize, out: &mut Vec<Candidate>) {
        let b = t.as_bytes();
        self.walk(t, w, w, 0, Names::ROOT, false, out);
        let p0 = text::skip_transparent(t, w);
        if p0 != w && p0 < b.len() && is_word_char(text::decode(t, p0).0) {
            self.walk(t, w, p0, 0, Names::ROOT, false, out);
        }
        let mut at = p0;
        for count in 1..=2u8 {
            if at >= b.len() {
                return;
            }
            let (c, len) = text::decode(t, at);
            // The grammar written out, independently of `Proclitics`: a conjunction or a
            // preposition first, a preposition second.
            let allowed = if count == 1 {
                text::is_conjunction(c) || text::is_preposition(c)
            } else {
                text::is_preposition(c)
            };
            if !allowed {
                return;
            }
            at = text::skip_transparent(t, at + len);
            if at >= b.len() || !is_word_char(text::decode(t, at).0) {
                return;
            }
            self.walk(t, w, at, count, Names::ROOT, false, out);
            if c == 'ل' && t[at..].starts_with('ل') {
                if let Some(alef) = self.inner.alef {
                    self.walk(t, w, at, count, alef, true, out);
                }
            }
            if count == 1 && !text::is_conjunction(c) {
                return;
            }
        }
    }

    /// Every reading of normalized text `t`, sorted, by the filtered search and by the
    /// reference (for tests).
    #[cfg(test)]
    fn both_candidates(&self, t: &str) -> (Vec<Candidate>, Vec<Candidate>) {
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        self.candidates(t, &mut fast);
        self.candidates_reference(t, &mut slow);
        fast.sort_unstable();
        slow.sort_unstable();
        (fast, slow)
    }

    /// Walks the names from `node` along `t[start..]` (a whitespace run counts as one
    /// space), recording every name that ends at a word end.
    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        t: &str,
        word_start: usize,
        start: usize,
        clitics: u8,
        mut node: Node,
        elided: bool,
        out: &mut Vec<Candidate>,
    ) {
        let i_ = &*self.inner;
        let b = t.as_bytes();
        let mut i = start;
        while i < b.len() {
            // Only these bytes can begin a whitespace character.
            let maybe_space = matches!(b[i], b' ' | b'\t'..=b'\r' | 0xC2 | 0xE1..=0xE3);
            let sl = if maybe_space { space_len(t, b, i) } else { 0 };
            if sl > 0 {
                match i_.names.child(node, b' ') {
                    Some(n) => node = n,
                    None => return,
                }
                i += sl;
                loop {
                    let m = if i < b.len() { space_len(t, b, i) } else { 0 };
                    if m == 0 {
                        break;
                    }
                    i += m;
                }
            } else {
                match i_.names.child(node, b[i]) {
                    Some(n) => node = n,
                    None => return,
                }
                i += 1;
            }
            if let Some(pid) = i_.names.pattern(node) {
                let p = i_.patterns[pid as usize];
                let ends_word = !p.word_last || i >= b.len() || !is_word_char(text::decode(t, i).0);
                let starts_ok = p.word_first || clitics == 0;
                if ends_word && starts_ok {
                    out.push(Candidate {
                        word_start,
                        clitics,
                        end_rev: std::cmp::Reverse(i),
                        name_start: start,
                        pattern: pid,
                        elided,
                    });
                }
            }
        }
    }

    fn search<'g, 't>(&'g self, text: &'t str, overlapping: bool) -> Matches<'g, 't> {
        let i = &*self.inner;
        let mut found = Vec::new();
        if !i.patterns.is_empty() && !text.is_empty() {
            let (norm, alignment) = i.normalizer.normalize_aligned(text);
            let classes = text::classes();
            let mut cands = Vec::new();
            self.candidates(&norm, &mut cands);
            cands.sort_unstable();
            let (mut last_end, mut last_original_end) = (0, 0);
            for c in cands {
                if !overlapping && c.word_start < last_end {
                    continue;
                }
                let mut span = alignment.original_range(c.word_start..c.end());
                let floor = if overlapping {
                    0
                } else {
                    // Apart in the normalized text is not enough: two readings can still
                    // share a stretch of the original that normalization changed as one
                    // piece (a compatibility character decomposed between neighbours).
                    if span.start < last_original_end {
                        continue;
                    }
                    last_original_end
                };
                let aligned_name = if c.clitics == 0 {
                    span.start
                } else {
                    alignment.original_offset(c.name_start)
                };
                if norm[..c.end()]
                    .chars()
                    .next_back()
                    .is_some_and(is_word_char)
                {
                    // The reading ends at its word's end in the original too.
                    span.end = text::word_end_at(text, span.start, span.end);
                }
                if text::starts_word(classes, &norm, c.word_start) {
                    // The reading starts at its word's start in the original too.
                    span.start =
                        text::word_start_at(text, span.start, aligned_name, span.end).max(floor);
                }
                if !overlapping {
                    (last_end, last_original_end) = (c.end(), span.end);
                }
                // Without proclitics the name starts where the word does, marks with no
                // base letter before its first letter included.
                let name_start = if c.clitics == 0 {
                    span.start
                } else {
                    // Past the clitic letters in the original, or where the alignment
                    // puts the name, whichever is later: the alignment is exact unless
                    // the normalizer changed clitic and name as one piece (then it puts
                    // the name at the piece's start), and a letter the normalizer drops
                    // between them is not counted as a clitic.
                    text::clitics_end(text, span.start, c.clitics, span.end)
                        .max(aligned_name)
                        .clamp(span.start, span.end)
                };
                let p = i.patterns[c.pattern as usize];
                for target in p.start..p.end {
                    found.push(Found {
                        start: span.start,
                        end: span.end,
                        name_start,
                        target,
                    });
                }
            }
        }
        Matches {
            gazetteer: i,
            haystack: text,
            found: found.into_iter(),
        }
    }

    /// A byte offset `c` before which matches are final, for streaming: whatever text
    /// `rest` follows `text` later in the stream, the matches of `text + rest` (overlapping
    /// or not) are exactly the matches of `&text[..c]` followed by those of
    /// `&text[c..] + rest`, shifted by `c`.
    ///
    /// `c` is either the start of an ASCII whitespace character (where the normalizer's
    /// output can be cut too) that no reading of `text` crosses and that at least
    /// [`max_words`](Self::max_words) whitespace runs follow, so a name still open at the
    /// end of `text` (a multi-word name can continue on the next line) cannot reach back
    /// before it; or, when there is no such place, a place inside a run of word
    /// characters too long to be part of any name, with enough of the run on both sides
    /// (more letters than the longest name has bytes) and where the normalizer's output
    /// can be cut. It is 0 when there is neither: the caller must read more, or cut
    /// elsewhere and accept that a name across that cut may be missed.
    ///
    /// Only the last [`SAFE_CUT_SCAN`] bytes of `text` are examined, so a call costs time
    /// and memory in proportion to at most that much text, however long `text` is: a
    /// streaming reader that gets 0 for text longer than that should cut anyway.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("الأمم المتحدة", "organization")).build().unwrap();
    /// let chunk = "قالت الأمم\nالمتحدة إن الأمم";
    /// let cut = g.last_safe_cut(chunk);
    /// // "إن الأمم" stays: a two-word name could start at إن and end in the next chunk.
    /// assert_eq!(&chunk[..cut], "قالت الأمم\nالمتحدة");
    /// assert_eq!(g.last_safe_cut("الأمم المتحدة"), 0);
    /// // No whitespace, but a run of digits far longer than any name: cut inside it.
    /// let digits = "٣".repeat(200);
    /// let cut = g.last_safe_cut(&digits);
    /// assert!(cut > 0 && cut < digits.len());
    /// ```
    pub fn last_safe_cut(&self, text: &str) -> usize {
        let b = text.as_bytes();
        let lo = text.len().saturating_sub(SAFE_CUT_SCAN);
        let words = self.inner.max_words.max(1);
        let mut runs = 2 * words + 4;
        loop {
            match window_start(b, lo, runs) {
                Some(window) => {
                    if let Some(c) = self.safe_cut_in(text, window, words) {
                        return c;
                    }
                    runs = runs.saturating_mul(4);
                }
                None => {
                    // Fewer runs than that since `lo`: the whole text when it is short,
                    // else from the first run after `lo`.
                    let window = if lo == 0 {
                        Some(0)
                    } else {
                        b[lo..]
                            .iter()
                            .position(u8::is_ascii_whitespace)
                            .map(|i| lo + i)
                    };
                    if let Some(c) = window.and_then(|w| self.safe_cut_in(text, w, words)) {
                        return c;
                    }
                    return self.long_run_cut(text, lo);
                }
            }
        }
    }

    /// A safe cut within `text[window..]` (which starts at an ASCII whitespace byte, or
    /// at 0), or `None` when the window is too short to tell.
    fn safe_cut_in(&self, text: &str, window: usize, words: usize) -> Option<usize> {
        let tail = &text[window..];
        let (norm, alignment) = self.inner.normalizer.normalize_aligned(tail);
        let gaps = text::space_runs(&norm);
        if gaps.len() < words {
            return None;
        }
        let mut cands = Vec::new();
        self.candidates(&norm, &mut cands);
        // By start; `reach[i]`: the furthest end among the first `i + 1` readings. The
        // first reading that crosses a gap `c` (starts before it, ends after it) is the
        // first whose `reach` passes `c`, if it starts before `c`.
        cands.sort_unstable_by_key(|r| r.word_start);
        let reach: Vec<usize> = cands
            .iter()
            .scan(0, |m, r| {
                *m = (*m).max(r.end());
                Some(*m)
            })
            .collect();
        let crossing = |c: usize| -> Option<usize> {
            let i = reach.partition_point(|&e| e <= c);
            cands.get(i).map(|r| r.word_start).filter(|&w| w < c)
        };
        let bytes = text.as_bytes();
        let mut k = gaps.len() - words;
        loop {
            if k == 0 && window > 0 {
                // The window's own first gap: a reading from before it might cross it.
                return None;
            }
            let c = gaps[k];
            let o = window + alignment.original_offset(c);
            if !bytes.get(o).is_some_and(|b| b.is_ascii_whitespace()) {
                if k == 0 {
                    return None;
                }
                k -= 1;
                continue;
            }
            match crossing(c) {
                Some(start) => {
                    let before = gaps.partition_point(|&g| g < start);
                    if before == 0 {
                        return None;
                    }
                    k = before - 1;
                }
                None => return Some(o),
            }
        }
    }

    /// A cut inside a run of word characters near the end of `text[lo..]` that no name
    /// can cross, begin or end at, or 0. A reading that crosses a place inside a run
    /// begins at the run's start (its name after at most two proclitic letters and the
    /// marks between them) or before, and ends at the run's end or after; so when at
    /// least `max_key + 3` letters (characters that are not transparent) of the run stand
    /// on each side of the cut, its name would be longer than the longest name. The same
    /// holds for a reading that would end at the cut in the first part, or begin there in
    /// the second. The cut is also a place where the normalizer's output can be cut,
    /// whatever precedes and follows: a cut from [`Normalizer::last_cut`] with another
    /// such anchor before it.
    fn long_run_cut(&self, text: &str, lo: usize) -> usize {
        let need = self.inner.max_key + 3;
        // Room for `need` letters after the cut (of up to four bytes each), and a span
        // of at most a quarter of the scanned text to find an anchor in.
        let after = 4 * need + 64;
        let Some(target) = text.len().checked_sub(after) else {
            return 0;
        };
        let span = ((text.len() - lo) / 4).max(4 * need + 64);
        let from = floor_char_boundary(text, target.saturating_sub(span).max(lo));
        let target = floor_char_boundary(text, target);
        if target <= from {
            return 0;
        }
        let normalizer = &self.inner.normalizer;
        let c = from + normalizer.last_cut(&text[from..target]);
        if c == from || normalizer.last_cut(&text[from..c]) == 0 {
            return 0;
        }
        let head = normalizer.normalize(&text[from..c]);
        let tail = normalizer.normalize(&text[c..]);
        if text::letters_in_run(head.chars().rev(), need) >= need
            && text::letters_in_run(tail.chars(), need) >= need
        {
            c
        } else {
            0
        }
    }
}

/// How many bytes at most [`Gazetteer::last_safe_cut`] examines, from the end of the
/// text it is given (512 KiB).
pub const SAFE_CUT_SCAN: usize = 1 << 19;

/// The most words a name may have once normalized (a run of whitespace separates two
/// words); a longer name is a [`GazetteerError`] when the gazetteer is built.
///
/// Matching walks the names from every word start, so a walk costs at most the length of
/// the longest name: this bound and [`MAX_NAME_BYTES`] keep matching linear in the text
/// whatever the gazetteer (a name of 20 000 words made every word start of a text of those
/// words walk 20 000 words). Real names are far shorter: the longest official country
/// name has six words.
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer, MAX_NAME_WORDS};
///
/// let long = vec!["كلمة"; MAX_NAME_WORDS + 1].join(" ");
/// let err = Gazetteer::builder()
///     .default_entries(false)
///     .entry(Entry::new(long, "title"))
///     .build()
///     .unwrap_err();
/// assert!(err.to_string().contains("words"));
/// let fits = vec!["كلمة"; MAX_NAME_WORDS].join(" ");
/// assert!(Gazetteer::builder().default_entries(false).entry(Entry::new(fits, "title")).build().is_ok());
/// ```
pub const MAX_NAME_WORDS: usize = 64;

/// The most bytes a name may have once normalized; a longer name is a
/// [`GazetteerError`] when the gazetteer is built. See [`MAX_NAME_WORDS`] for why.
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer, MAX_NAME_BYTES};
///
/// let long = "ب".repeat(MAX_NAME_BYTES / 2 + 1); // two bytes a letter
/// let err = Gazetteer::builder()
///     .default_entries(false)
///     .entry(Entry::new(long, "title"))
///     .build()
///     .unwrap_err();
/// assert!(err.to_string().contains("bytes"));
/// ```
pub const MAX_NAME_BYTES: usize = 1024;

/// The largest char boundary of `s` at or before `i`.
fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The start of the `runs`-th last run of ASCII whitespace bytes in `b` that starts at or
/// after `lo`, or `None` when there are fewer.
fn window_start(b: &[u8], lo: usize, runs: usize) -> Option<usize> {
    let mut seen = 0;
    let mut i = b.len();
    while i > lo {
        if b[i - 1].is_ascii_whitespace() {
            let mut j = i - 1;
            while j > 0 && b[j - 1].is_ascii_whitespace() {
                j -= 1;
            }
            if j < lo {
                return None;
            }
            seen += 1;
            if seen == runs {
                return Some(j);
            }
            i = j;
        } else {
            i -= 1;
        }
    }
    None
}

#[derive(Clone, Copy, Debug)]
struct Found {
    start: usize,
    end: usize,
    name_start: usize,
    target: u32,
}

/// The iterator of [`Match`]es returned by [`Gazetteer::find_iter`] and
/// [`Gazetteer::find_overlapping_iter`].
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer};
/// let g = Gazetteer::builder()
///     .entries([Entry::new("القاهرة", "capital"), Entry::new("الرباط", "capital")])
///     .build()
///     .unwrap();
/// let mut it = g.find_iter("من القاهرة إلى الرباط");
/// assert_eq!(it.len(), 2);
/// assert_eq!(it.next().unwrap().entry().canonical(), "القاهرة");
/// ```
#[derive(Debug)]
pub struct Matches<'g, 't> {
    gazetteer: &'g Inner,
    haystack: &'t str,
    found: std::vec::IntoIter<Found>,
}

impl<'g, 't> Matches<'g, 't> {
    fn to_match(&self, f: Found) -> Match<'g, 't> {
        let g = self.gazetteer;
        let target = g.targets[f.target as usize];
        let entry = &g.entries[target.entry as usize];
        Match {
            haystack: self.haystack,
            start: f.start,
            end: f.end,
            name_start: f.name_start,
            entry,
            variant: entry.name_at(target.name as usize),
            kind: target.kind,
        }
    }
}

impl<'g, 't> Iterator for Matches<'g, 't> {
    type Item = Match<'g, 't>;

    fn next(&mut self) -> Option<Self::Item> {
        let f = self.found.next()?;
        Some(self.to_match(f))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.found.size_hint()
    }
}

impl ExactSizeIterator for Matches<'_, '_> {}
impl std::iter::FusedIterator for Matches<'_, '_> {}

#[cfg(test)]
mod tests;
