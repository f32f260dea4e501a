//! What a built gazetteer holds: the patterns, their targets, the automaton and the
//! filters, and the readings a search collects.

use super::*;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Target {
    pub(crate) entry: u32,
    pub(crate) name: u32,
    pub(crate) kind: MatchKind,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct PatternInfo {
    /// The pattern's targets: `targets[start..end]`.
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) word_first: bool,
    pub(crate) word_last: bool,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) normalizer: Normalizer,
    /// Whether nisba adjectives were generated.
    pub(crate) adjectives: bool,
    pub(crate) entries: Vec<Entry>,
    pub(crate) names: Names,
    /// Which bytes can begin a name: most walks from the root end here.
    pub(crate) prefixes: Prefixes,
    /// The names' heads (longest prefixes of word characters): most walks from a word
    /// character end here.
    pub(crate) heads: Heads,
    /// The node reached by the alef of an elided article, if any name has one.
    pub(crate) alef: Option<Node>,
    pub(crate) patterns: Vec<PatternInfo>,
    pub(crate) targets: Vec<Target>,
    pub(crate) max_words: usize,
    /// The most bytes in any pattern.
    pub(crate) max_key: usize,
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
    pub(crate) fn end(&self) -> usize {
        self.end_rev.0
    }
}
