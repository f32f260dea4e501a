//! The normalized names as aho-corasick automata, walked anchored from the places where a
//! name may begin.
//!
//! A name begins at a word start (after at most two proclitic letters) or at a character
//! that is neither a word character nor whitespace, so every search is anchored: the
//! matcher steps an automaton of the aho-corasick crate through the text with
//! [`Anchored::Yes`], which never follows a failure transition, and stops as soon as no
//! name continues. Stepping by hand (rather than calling the crate's `find` methods) lets
//! a run of whitespace in the text step as one space.
//!
//! The names are split by their first two bytes into shards, one automaton each. Building
//! one automaton of a million names took 16 to 18 s on the 2-core development machine,
//! three quarters of it computing failure transitions across the whole trie; in shards
//! the failure transitions stay within a shard (9 s for the same names in one thread),
//! and the shards are built on every core (5.2 to 5.4 s on 2 cores).

use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

/// No name.
const NONE: u32 = u32::MAX;

/// Where a walk is: before its first byte, after its first byte, or inside a shard's
/// automaton (`depth` bytes after the shard's two).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    Root,
    /// After a first byte: the row of `shard_of` for it.
    First(u32),
    In {
        shard: u32,
        sid: StateID,
        depth: u32,
    },
}

/// The names that begin with one pair of bytes.
#[derive(Debug)]
struct Shard {
    /// The automaton of the rest of the names after their first two bytes, and its
    /// anchored start; pattern `i` of the automaton is name `base + i`. `None` when the
    /// only name of the shard is the two bytes.
    nfa: Option<(NFA, StateID)>,
    base: u32,
    /// The name that is exactly the two bytes, or `NONE`.
    whole: u32,
}

/// Every name, by number (the names are given sorted; name `i` is `keys[i]`).
#[derive(Debug)]
pub(crate) struct Names {
    /// The name of one byte, by the byte's row, or `NONE`.
    one_byte: Vec<u32>,
    /// The row of `shard_of` for a first byte, or `NONE` when no name begins with it.
    row_of: Box<[u32; 256]>,
    /// Rows of 256: the shard of names that begin with bytes `b0 b1` at
    /// `row_of[b0] * 256 + b1`, or `NONE`.
    shard_of: Vec<u32>,
    shards: Vec<Shard>,
}

/// A shard's names: `keys[lo..hi]`, all beginning with the same two bytes.
struct Group {
    lo: usize,
    hi: usize,
}

impl Names {
    /// The automata of `keys`, which are sorted, distinct and non-empty; name `i` is
    /// `keys[i]`. Fails only when a shard is too large for aho-corasick's state ids.
    pub(crate) fn from_sorted(keys: &[String]) -> Result<Names, aho_corasick::BuildError> {
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]));
        let mut names = Names {
            one_byte: Vec::new(),
            row_of: Box::new([NONE; 256]),
            shard_of: Vec::new(),
            shards: Vec::new(),
        };
        let mut groups: Vec<Group> = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            let k = keys[i].as_bytes();
            let row = &mut names.row_of[k[0] as usize];
            if *row == NONE {
                *row = (names.shard_of.len() / 256) as u32;
                names.shard_of.resize(names.shard_of.len() + 256, NONE);
                names.one_byte.push(NONE);
            }
            if k.len() == 1 {
                names.one_byte[*row as usize] = i as u32;
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < keys.len() && keys[j].as_bytes().get(..2) == Some(&k[..2]) {
                j += 1;
            }
            groups.push(Group { lo: i, hi: j });
            i = j;
        }
        for (s, g) in groups.iter().enumerate() {
            let k = keys[g.lo].as_bytes();
            names.shard_of[names.row_of[k[0] as usize] as usize * 256 + k[1] as usize] = s as u32;
        }
        names.shards = build_shards(keys, &groups)?;
        Ok(names)
    }

    /// Where every walk begins.
    pub(crate) const ROOT: Node = Node::Root;

    /// The node after `node` along byte `b`, if some name continues so.
    #[inline(always)]
    pub(crate) fn child(&self, node: Node, b: u8) -> Option<Node> {
        match node {
            Node::Root => {
                let row = self.row_of[b as usize];
                (row != NONE).then_some(Node::First(row))
            }
            Node::First(row) => {
                let shard = self.shard_of[row as usize * 256 + b as usize];
                if shard == NONE {
                    return None;
                }
                let s = &self.shards[shard as usize];
                // Only the two-byte name: a node whose walk ends at the next byte.
                let sid = s.nfa.as_ref().map_or(StateID::ZERO, |&(_, start)| start);
                Some(Node::In {
                    shard,
                    sid,
                    depth: 0,
                })
            }
            Node::In { shard, sid, depth } => {
                let (nfa, _) = self.shards[shard as usize].nfa.as_ref()?;
                let next = nfa.next_state(Anchored::Yes, sid, b);
                if nfa.is_dead(next) {
                    return None;
                }
                Some(Node::In {
                    shard,
                    sid: next,
                    depth: depth + 1,
                })
            }
        }
    }

    /// The node reached from `node` along `bytes`.
    pub(crate) fn walk(&self, mut node: Node, bytes: &[u8]) -> Option<Node> {
        for &b in bytes {
            node = self.child(node, b)?;
        }
        Some(node)
    }

    /// The name that ends at `node`.
    #[inline(always)]
    pub(crate) fn pattern(&self, node: Node) -> Option<u32> {
        let found = match node {
            Node::Root => NONE,
            Node::First(row) => self.one_byte[row as usize],
            Node::In {
                shard, depth: 0, ..
            } => self.shards[shard as usize].whole,
            Node::In { shard, sid, depth } => {
                let s = &self.shards[shard as usize];
                let (nfa, _) = s.nfa.as_ref()?;
                if !nfa.is_match(sid) {
                    return None;
                }
                // The state's matches include the names that end here but begin later
                // (suffixes): the one wanted is as long as the walk.
                (0..nfa.match_len(sid))
                    .map(|i| nfa.match_pattern(sid, i))
                    .find(|&p| nfa.pattern_len(p) == depth as usize)
                    .map_or(NONE, |p| s.base + p.as_u32())
            }
        };
        (found != NONE).then_some(found)
    }

    /// Heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        256 * 4
            + (self.one_byte.capacity() + self.shard_of.capacity()) * 4
            + self.shards.capacity() * std::mem::size_of::<Shard>()
            + self
                .shards
                .iter()
                .filter_map(|s| s.nfa.as_ref())
                .map(|(nfa, _)| nfa.memory_usage())
                .sum::<usize>()
    }
}

/// Builds the shards' automata on every core, the largest shards first.
fn build_shards(keys: &[String], groups: &[Group]) -> Result<Vec<Shard>, aho_corasick::BuildError> {
    let build = |g: &Group| -> Result<Shard, aho_corasick::BuildError> {
        let (whole, lo) = if keys[g.lo].len() == 2 {
            (g.lo as u32, g.lo + 1)
        } else {
            (NONE, g.lo)
        };
        if lo == g.hi {
            return Ok(Shard {
                nfa: None,
                base: lo as u32,
                whole,
            });
        }
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(keys[lo..g.hi].iter().map(|k| &k.as_bytes()[2..]))?;
        let start = nfa
            .start_state(Anchored::Yes)
            .expect("the automaton is built for anchored searches");
        Ok(Shard {
            nfa: Some((nfa, start)),
            base: lo as u32,
            whole,
        })
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let total: usize = keys.iter().map(String::len).sum();
    if threads == 1 || total < 1 << 20 {
        return groups.iter().map(build).collect();
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| std::cmp::Reverse(groups[g].hi - groups[g].lo));
    let next = AtomicUsize::new(0);
    let mut built: Vec<Option<Shard>> = (0..groups.len()).map(|_| None).collect();
    let results: Vec<Result<Vec<(usize, Shard)>, aho_corasick::BuildError>> =
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let k = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&g) = order.get(k) else {
                                return Ok(mine);
                            };
                            mine.push((g, build(&groups[g])?));
                        }
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().expect("a shard build does not panic"))
                .collect()
        });
    for r in results {
        for (g, shard) in r? {
            built[g] = Some(shard);
        }
    }
    Ok(built
        .into_iter()
        .map(|s| s.expect("every shard was built"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::Names;
    use proptest::prelude::*;

    /// Short strings over a few one- and two-byte characters, so that names share
    /// prefixes, suffixes and first bytes, and some are one or two bytes long.
    fn small() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec!['a', 'b', ' ', 'ب', 'ل', 'ا']),
            1..6,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        /// Walking any string from the root ends on a name exactly when the string is one
        /// of the names, and on that name; every prefix of a name can be walked.
        #[test]
        fn a_walk_reports_exactly_the_name_it_spells(
            keys in proptest::collection::btree_set(small(), 0..40),
            probes in proptest::collection::vec(small(), 0..40),
        ) {
            let keys: Vec<String> = keys.into_iter().collect();
            let names = Names::from_sorted(&keys).unwrap();
            for probe in probes.iter().chain(&keys) {
                let expected = keys.binary_search(probe).ok().map(|i| i as u32);
                let found = names.walk(Names::ROOT, probe.as_bytes()).and_then(|n| names.pattern(n));
                prop_assert_eq!(found, expected, "{:?}", probe);
                let b = probe.as_bytes();
                for end in 0..=b.len() {
                    // (The empty walk is the root itself.)
                    let continues =
                        end == 0 || keys.iter().any(|k| k.as_bytes().starts_with(&b[..end]));
                    prop_assert_eq!(names.walk(Names::ROOT, &b[..end]).is_some(), continues);
                }
            }
        }
    }

    #[test]
    fn finds_exactly_the_keys() {
        let mut keys: Vec<String> = [
            "بغداد",
            "بغ",
            "ب",
            "العراق",
            "a",
            "ab",
            "b c",
            "abc",
            "bc",
            "ل",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        keys.sort();
        let t = Names::from_sorted(&keys).unwrap();
        for (i, k) in keys.iter().enumerate() {
            let n = t.walk(Names::ROOT, k.as_bytes()).unwrap();
            assert_eq!(t.pattern(n), Some(i as u32), "{k}");
        }
        // "bc" is a name, but the walk of "abc" must report "abc" only, and the walk of
        // "ab" must not report "b"-anything.
        for k in ["بغد", "x", "العراقي", "b", "ا", "c"] {
            let n = t.walk(Names::ROOT, k.as_bytes());
            assert!(n.and_then(|n| t.pattern(n)).is_none(), "{k}");
        }
        let empty = Names::from_sorted(&[]).unwrap();
        assert!(empty.child(Names::ROOT, b'a').is_none());
        assert!(empty.walk(Names::ROOT, b"ab").is_none());
    }

    #[test]
    fn a_suffix_name_is_not_reported_at_the_longer_walk() {
        // In one shard: "xyab" and "xyb"; the state after "xyab" also holds the match of
        // "b"-suffixed names of the automaton (standard match kind); only the name as
        // long as the walk counts.
        let keys: Vec<String> = ["xyab", "xyb"].iter().map(|s| s.to_string()).collect();
        let t = Names::from_sorted(&keys).unwrap();
        assert_eq!(t.pattern(t.walk(Names::ROOT, b"xyab").unwrap()), Some(0));
        assert_eq!(t.pattern(t.walk(Names::ROOT, b"xyb").unwrap()), Some(1));
        assert!(t
            .walk(Names::ROOT, b"xya")
            .and_then(|n| t.pattern(n))
            .is_none());
    }

    #[test]
    fn many_shards_build_in_parallel_as_in_series() {
        // Over 1 MiB of names: the parallel build.
        let mut keys: Vec<String> = (0..120_000u32)
            .map(|i| format!("{:02}name{}", i % 97, i))
            .collect();
        keys.sort();
        keys.dedup();
        let t = Names::from_sorted(&keys).unwrap();
        for (i, k) in keys.iter().enumerate().step_by(101) {
            let n = t.walk(Names::ROOT, k.as_bytes()).unwrap();
            assert_eq!(t.pattern(n), Some(i as u32), "{k}");
        }
    }
}
