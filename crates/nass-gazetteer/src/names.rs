//! The normalized names as a finite state transducer (the `fst` crate), walked byte by
//! byte from the places where a name may begin.
//!
//! A name begins at a word start (after at most two proclitic letters) or at a character
//! that is neither a word character nor whitespace, so every walk is anchored: the
//! matcher steps the transducer from its root through the text and stops as soon as no
//! name continues; no failure transitions are needed. Stepping by hand lets a run of
//! whitespace in the text step as one space. The transducer maps each name to its number
//! (names are numbered in sorted order): the outputs along a walk add up to the number of
//! the name it spells when it ends on a final state.
//!
//! The transducer shares both the prefixes and the suffixes of the names, so it takes
//! far less memory than a trie or an Aho-Corasick automaton (see BENCHMARKS.md), and it
//! is used in place from the index bytes, whether they were built in memory or mapped
//! from a file.

use std::sync::Arc;

use fst::raw::{CompiledAddr, Fst};

use crate::compiled::Storage;

/// A section of the index bytes.
#[derive(Clone, Debug)]
pub(crate) struct Slice {
    data: Arc<Storage>,
    start: usize,
    end: usize,
}

impl Slice {
    pub(crate) fn new(data: Arc<Storage>, range: std::ops::Range<usize>) -> Slice {
        Slice {
            data,
            start: range.start,
            end: range.end,
        }
    }
}

impl AsRef<[u8]> for Slice {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        &self.data.as_ref().as_ref()[self.start..self.end]
    }
}

/// Where a walk is: a state of the transducer and the output summed on the way there.
#[derive(Clone, Copy)]
pub(crate) struct Node<'f> {
    node: fst::raw::Node<'f>,
    out: u64,
}

/// A node kept without its borrow (the elided article's alef): its address and output.
pub(crate) type NodeAt = (CompiledAddr, u64);

/// Every name, by number (the names are sorted; name `i` is the `i`-th).
pub(crate) struct Names {
    fst: Fst<Slice>,
}

impl std::fmt::Debug for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Names")
            .field("len", &self.fst.len())
            .finish()
    }
}

/// Builds the transducer of `keys` (sorted, distinct, non-empty); name `i` is `keys[i]`.
pub(crate) fn build_fst<K: AsRef<[u8]>>(
    keys: impl IntoIterator<Item = K>,
) -> Result<Vec<u8>, fst::Error> {
    let mut b = fst::raw::Builder::memory();
    for (i, k) in keys.into_iter().enumerate() {
        b.insert(k, i as u64)?;
    }
    b.into_inner()
}

impl Names {
    /// The names of a transducer section (as [`build_fst`] wrote it).
    pub(crate) fn new(bytes: Slice) -> Result<Names, fst::Error> {
        Ok(Names {
            fst: Fst::new(bytes)?,
        })
    }

    /// The number of names.
    pub(crate) fn len(&self) -> usize {
        self.fst.len()
    }

    /// Where every walk begins.
    #[inline]
    pub(crate) fn root(&self) -> Node<'_> {
        Node {
            node: self.fst.root(),
            out: 0,
        }
    }

    /// The node kept as `at`.
    #[inline]
    pub(crate) fn node_at(&self, at: NodeAt) -> Node<'_> {
        Node {
            node: self.fst.node(at.0),
            out: at.1,
        }
    }

    /// `node` kept without its borrow.
    pub(crate) fn keep(node: Node<'_>) -> NodeAt {
        (node.node.addr(), node.out)
    }

    /// The node after `node` along byte `b`, if some name continues so.
    #[inline(always)]
    pub(crate) fn child<'f>(&'f self, node: Node<'f>, b: u8) -> Option<Node<'f>> {
        let i = node.node.find_input(b)?;
        let t = node.node.transition(i);
        Some(Node {
            node: self.fst.node(t.addr),
            out: node.out + t.out.value(),
        })
    }

    /// The node reached from `node` along `bytes`.
    pub(crate) fn walk<'f>(&'f self, mut node: Node<'f>, bytes: &[u8]) -> Option<Node<'f>> {
        for &b in bytes {
            node = self.child(node, b)?;
        }
        Some(node)
    }

    /// The name that ends at `node`.
    #[inline(always)]
    pub(crate) fn pattern(&self, node: Node<'_>) -> Option<u32> {
        node.node
            .is_final()
            .then(|| (node.out + node.node.final_output().value()) as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::{build_fst, Names, Slice};
    use crate::compiled::Storage;
    use proptest::prelude::*;
    use std::sync::Arc;

    fn names(keys: &[String]) -> Names {
        let bytes = build_fst(keys).unwrap();
        let len = bytes.len();
        Names::new(Slice::new(Arc::new(Storage::Owned(bytes)), 0..len)).unwrap()
    }

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
            let names = self::names(&keys);
            for probe in probes.iter().chain(&keys) {
                let expected = keys.binary_search(probe).ok().map(|i| i as u32);
                let found = names.walk(names.root(), probe.as_bytes()).and_then(|n| names.pattern(n));
                prop_assert_eq!(found, expected, "{:?}", probe);
                let b = probe.as_bytes();
                for end in 0..=b.len() {
                    // (The empty walk is the root itself.)
                    let continues =
                        end == 0 || keys.iter().any(|k| k.as_bytes().starts_with(&b[..end]));
                    prop_assert_eq!(names.walk(names.root(), &b[..end]).is_some(), continues);
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
        let t = names(&keys);
        for (i, k) in keys.iter().enumerate() {
            let n = t.walk(t.root(), k.as_bytes()).unwrap();
            assert_eq!(t.pattern(n), Some(i as u32), "{k}");
        }
        // "bc" is a name, but the walk of "abc" must report "abc" only, and the walk of
        // "ab" must not report "b"-anything.
        for k in ["بغد", "x", "العراقي", "b", "ا", "c"] {
            let n = t.walk(t.root(), k.as_bytes());
            assert!(n.and_then(|n| t.pattern(n)).is_none(), "{k}");
        }
        let empty = names(&[]);
        assert!(empty.child(empty.root(), b'a').is_none());
        assert!(empty.walk(empty.root(), b"ab").is_none());
    }

    #[test]
    fn a_suffix_name_is_not_reported_at_the_longer_walk() {
        // "xyab" and "xyb" share their last state (the transducer shares suffixes): the
        // outputs along each path tell them apart.
        let keys: Vec<String> = ["xyab", "xyb"].iter().map(|s| s.to_string()).collect();
        let t = names(&keys);
        assert_eq!(t.pattern(t.walk(t.root(), b"xyab").unwrap()), Some(0));
        assert_eq!(t.pattern(t.walk(t.root(), b"xyb").unwrap()), Some(1));
        assert!(t
            .walk(t.root(), b"xya")
            .and_then(|n| t.pattern(n))
            .is_none());
    }

    #[test]
    fn many_names_are_numbered_in_order() {
        let mut keys: Vec<String> = (0..120_000u32)
            .map(|i| format!("{:02}name{}", i % 97, i))
            .collect();
        keys.sort();
        keys.dedup();
        let t = names(&keys);
        for (i, k) in keys.iter().enumerate().step_by(101) {
            let n = t.walk(t.root(), k.as_bytes()).unwrap();
            assert_eq!(t.pattern(n), Some(i as u32), "{k}");
        }
    }
}
