//! What a gazetteer holds: the bytes of its index (built in memory or mapped from a file)
//! and the small tables read from them at open, with accessors for the patterns, their
//! targets and the entries; and the readings a search collects.

use std::ops::Range;

use super::*;
use crate::compiled::Storage;
use crate::file::{u32_at, u64_at};

#[derive(Clone, Copy, Debug)]
pub(crate) struct Target {
    pub(crate) entry: u32,
    pub(crate) name: u32,
    pub(crate) kind: MatchKind,
}

impl Target {
    /// The target as 8 bytes: the entry, then the name's number with the kind in the top
    /// bit (set for an adjective).
    pub(crate) fn to_bytes(self) -> [u8; 8] {
        let name = self.name | (u32::from(self.kind == MatchKind::Adjective) << 31);
        let mut b = [0; 8];
        b[..4].copy_from_slice(&self.entry.to_le_bytes());
        b[4..].copy_from_slice(&name.to_le_bytes());
        b
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct PatternInfo {
    /// The pattern's targets: `targets[start..end]`.
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) word_first: bool,
    pub(crate) word_last: bool,
}

/// In the patterns section, each pattern is one u32: where its targets start (30 bits),
/// whether it begins (bit 30) and ends (bit 31) with a word character; one more u32
/// holds the number of targets.
pub(crate) const PATTERN_START: u32 = (1 << 30) - 1;
const WORD_FIRST: u32 = 1 << 30;
const WORD_LAST: u32 = 1 << 31;

pub(crate) fn pattern_word(start: u32, word_first: bool, word_last: bool) -> u32 {
    start | if word_first { WORD_FIRST } else { 0 } | if word_last { WORD_LAST } else { 0 }
}

/// Entries are decoded from the index on first use, this many at a time.
pub(crate) const CHUNK: usize = 64;

/// The sections of the index that matching reads, by byte range in `storage`.
#[derive(Debug)]
pub(crate) struct Layout {
    pub(crate) entry_offsets: Range<usize>,
    pub(crate) entry_data: Range<usize>,
    pub(crate) patterns: Range<usize>,
    pub(crate) targets: Range<usize>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) normalizer: Normalizer,
    /// Whether nisba adjectives were generated.
    pub(crate) adjectives: bool,
    /// The index bytes.
    pub(crate) storage: Arc<Storage>,
    pub(crate) layout: Layout,
    pub(crate) types: Vec<String>,
    pub(crate) entry_count: usize,
    pub(crate) pattern_count: usize,
    pub(crate) target_count: usize,
    /// The entries decoded so far, by chunk of [`CHUNK`].
    pub(crate) chunks: Box<[OnceLock<Box<[Entry]>>]>,
    pub(crate) names: Names,
    /// Which bytes can begin a name: most walks from the root end here.
    pub(crate) prefixes: Prefixes,
    /// The names' heads (longest prefixes of word characters): most walks from a word
    /// character end here.
    pub(crate) heads: Heads,
    /// The node reached by the alef of an elided article, if any name has one.
    pub(crate) alef: Option<Node>,
    /// This gazetteer's number in the word cache (`words`).
    pub(crate) id: u32,
    pub(crate) max_words: usize,
    /// The most bytes in any pattern.
    pub(crate) max_key: usize,
}

impl Inner {
    fn bytes(&self) -> &[u8] {
        self.storage.as_ref().as_ref()
    }

    /// Pattern `p` (a pattern number out of range, which only a forged index can give,
    /// has no targets).
    #[inline]
    pub(crate) fn pattern(&self, p: u32) -> PatternInfo {
        let p = p as usize;
        if p >= self.pattern_count {
            return PatternInfo {
                start: 0,
                end: 0,
                word_first: true,
                word_last: true,
            };
        }
        let b = self.bytes();
        let at = self.layout.patterns.start + 4 * p;
        let w = u32_at(b, at);
        let start = w & PATTERN_START;
        let end = (u32_at(b, at + 4) & PATTERN_START).min(self.target_count as u32);
        PatternInfo {
            start: start.min(end),
            end,
            word_first: w & WORD_FIRST != 0,
            word_last: w & WORD_LAST != 0,
        }
    }

    /// Target `t` (`t` is below `target_count`).
    #[inline]
    pub(crate) fn target(&self, t: u32) -> Target {
        let b = self.bytes();
        let at = self.layout.targets.start + 8 * t as usize;
        let name = u32_at(b, at + 4);
        Target {
            entry: u32_at(b, at),
            name: name & !(1 << 31),
            kind: if name >> 31 == 1 {
                MatchKind::Adjective
            } else {
                MatchKind::Name
            },
        }
    }

    /// Entry `i` (below `entry_count`), decoded with its chunk on first use.
    pub(crate) fn entry(&self, i: usize) -> &Entry {
        let chunk = self.chunks[i / CHUNK].get_or_init(|| {
            let lo = i / CHUNK * CHUNK;
            let hi = (lo + CHUNK).min(self.entry_count);
            (lo..hi).map(|j| self.decode_entry(j)).collect()
        });
        &chunk[i % CHUNK]
    }

    /// Entry `i` (below `entry_count`) read in place.
    pub(crate) fn entry_ref(&self, i: usize) -> EntryRef<'_> {
        EntryRef::parse(self.record(i).unwrap_or(&[]), &self.types)
    }

    /// Name `index` of entry `i` (as [`EntryRef::names`] numbers them), read in place
    /// without the rest of the entry.
    pub(crate) fn entry_name(&self, i: usize, index: usize) -> &str {
        EntryRef::name_in_record(self.record(i).unwrap_or(&[]), index)
    }

    /// The record of entry `j`, if its offsets are in bounds.
    fn record(&self, j: usize) -> Option<&[u8]> {
        let b = self.bytes();
        let at = self.layout.entry_offsets.start + 8 * j;
        let (lo, hi) = (u64_at(b, at), u64_at(b, at + 8));
        let data = &b[self.layout.entry_data.clone()];
        data.get(usize::try_from(lo).ok()?..usize::try_from(hi).ok()?)
    }

    /// Entry `j` from the index, decoded.
    fn decode_entry(&self, j: usize) -> Entry {
        self.entry_ref(j).to_entry()
    }

    /// The chunks of entries decoded so far, and the heap they take.
    pub(crate) fn decoded_entries_memory(&self) -> usize {
        self.chunks.len() * std::mem::size_of::<OnceLock<Box<[Entry]>>>()
            + self
                .chunks
                .iter()
                .filter_map(OnceLock::get)
                .flat_map(|c| c.iter())
                .map(|e| {
                    std::mem::size_of::<Entry>()
                        + e.canonical().len()
                        + e.entity_type().len()
                        + e.variant_names()
                            .iter()
                            .map(|v| v.len() + std::mem::size_of::<String>())
                            .sum::<usize>()
                })
                .sum::<usize>()
    }
}

/// A reading of the normalized text: a pattern at `name_start..end`, its proclitics from
/// `word_start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Candidate {
    pub(crate) word_start: usize,
    pub(crate) clitics: u8,
    pub(crate) end_rev: std::cmp::Reverse<usize>,
    pub(crate) name_start: usize,
    pub(crate) pattern: u32,
    pub(crate) elided: bool,
}

impl Candidate {
    /// The reading of pattern `pattern` ending at `end`, read by `reader` = (word start,
    /// name start, proclitics, elided article).
    #[inline(always)]
    pub(crate) fn new(
        (word_start, name_start, clitics, elided): (usize, usize, u8, bool),
        pattern: u32,
        end: usize,
    ) -> Candidate {
        Candidate {
            word_start,
            clitics,
            end_rev: std::cmp::Reverse(end),
            name_start,
            pattern,
            elided,
        }
    }

    pub(crate) fn end(&self) -> usize {
        self.end_rev.0
    }
}
