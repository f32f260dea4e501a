//! The normalized names as a trie with compressed tails, stored in the index bytes and
//! walked byte by byte from the places where a name may begin.
//!
//! A name begins at a word start (after at most two proclitic letters) or at a character
//! that is neither a word character nor whitespace, so every walk is anchored: the
//! matcher steps the trie from its root through the text and stops as soon as no name
//! continues; no failure transitions are needed. Stepping by hand lets a run of
//! whitespace in the text step as one space.
//!
//! Layout (one byte string; numbers little-endian; offsets count from its start, the
//! root at 0). A node is a header byte, then:
//!
//! - if bit 0 (final) is set: the number of the name that ends here, u32;
//! - if bit 1 (tail) is set: a length `L` (1 to 255, one byte), `L` bytes that the walk
//!   must read one by one, and the node they lead to, right after them;
//! - else if bit 2 (branch) is set: the number of children less one (one byte), the
//!   children's bytes in increasing order, and the offset of each child (u32);
//! - else nothing: a leaf (always final).
//!
//! Most names share only their first few bytes with others, and a tail reads the rest
//! at one comparison a byte. Every read is bounds-checked, so bytes that are not a trie
//! (only a forged index has those: its checksum is verified at open) end a walk early
//! or give a wrong name number, which matching treats as no name, never a panic.

use std::sync::Arc;

use crate::compiled::Storage;

const FINAL: u8 = 1;
const TAIL: u8 = 2;
const BRANCH: u8 = 4;

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

    fn bytes(&self) -> &[u8] {
        &self.data.as_ref().as_ref()[self.start..self.end]
    }
}

/// Where a walk is: a node (its offset), and how many bytes of its tail were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Node {
    at: u32,
    k: u32,
}

impl Node {
    /// The node's offset and how many bytes of its tail were read.
    #[inline]
    pub(crate) fn parts(self) -> (u32, u32) {
        (self.at, self.k)
    }

    /// The node of [`parts`](Self::parts).
    #[inline]
    pub(crate) fn from_parts(at: u32, k: u32) -> Node {
        Node { at, k }
    }
}

/// Every name, by number (the names are sorted; name `i` is the `i`-th).
#[derive(Debug)]
pub(crate) struct Names {
    bytes: Slice,
    /// The node after each character of two bytes from the root (by its code point,
    /// U+0080 to U+07FF; `NONE` where no name begins with it): most walks begin with an
    /// Arabic letter, and this is their first two steps, through the trie's widest
    /// branches, in one lookup.
    first: Box<[Node]>,
}

/// No node (in [`Names::first`]).
const NONE: Node = Node { at: u32::MAX, k: 0 };

/// The trie's bytes, borrowed for a walk.
#[derive(Clone, Copy)]
pub(crate) struct Trie<'a> {
    t: &'a [u8],
}

/// The index of `b` among a branch's `labels` (distinct), as `position` finds it.
///
/// A branch of a few labels is scanned; a wide one (near the root of a trie of millions
/// of names, up to 64 continuation bytes of Arabic letters) eight labels at a time: 2 %
/// less time for 10 million names, no change for 10 000 (BENCHMARKS.md, issue 18).
#[inline(always)]
fn find_label(labels: &[u8], b: u8) -> Option<usize> {
    if labels.len() <= 8 {
        return labels.iter().position(|&l| l == b);
    }
    // A wide branch (near the root of a large trie): eight labels at a time.
    const ONES: u64 = 0x0101_0101_0101_0101;
    let probe = ONES * u64::from(b);
    let mut chunks = labels.chunks_exact(8);
    let mut base = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().ok()?) ^ probe;
        // The lowest zero byte of `x` is the first label equal to `b` (bytes above it
        // may be marked wrongly, those below never).
        let zero = x.wrapping_sub(ONES) & !x & (ONES << 7);
        if zero != 0 {
            return Some(base + zero.trailing_zeros() as usize / 8);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&l| l == b)
        .map(|i| base + i)
}

fn u32_at(t: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(t.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> Trie<'a> {
    /// The header byte of `node` (what [`tail`](Self::tail), [`branch`](Self::branch)
    /// and [`name`](Self::name) read), if `node` is in the trie's bytes.
    #[inline(always)]
    pub(crate) fn header(self, node: Node) -> Option<u8> {
        self.t.get(node.at as usize).copied()
    }

    /// Whether some name goes on past a node with header `h` (it is a tail or a branch).
    #[inline(always)]
    pub(crate) fn goes_on(h: u8) -> bool {
        h & (TAIL | BRANCH) != 0
    }

    /// Whether a node with header `h` is a tail.
    #[inline(always)]
    pub(crate) fn is_tail(h: u8) -> bool {
        h & TAIL != 0
    }

    /// The bytes of the tail that `node` (with header `h`, a tail) is in which are not
    /// read yet, and the node after the tail; `None` if its bytes are not a trie's.
    #[inline(always)]
    pub(crate) fn tail(self, node: Node, h: u8) -> Option<(&'a [u8], Node)> {
        let t = self.t;
        let pos = node.at as usize + 1 + if h & FINAL != 0 { 4 } else { 0 };
        let end = pos + 1 + usize::from(*t.get(pos)?);
        let rest = t.get(pos + 1 + node.k as usize..end)?;
        Some((
            rest,
            Node {
                at: u32::try_from(end).ok()?,
                k: 0,
            },
        ))
    }

    /// The child along byte `b` of `node` (with header `h`, not a tail), if some name
    /// continues so.
    #[inline(always)]
    pub(crate) fn branch(self, node: Node, h: u8, b: u8) -> Option<Node> {
        if h & BRANCH == 0 {
            return None;
        }
        let t = self.t;
        let pos = node.at as usize + 1 + if h & FINAL != 0 { 4 } else { 0 };
        let n = usize::from(*t.get(pos)?) + 1;
        let labels = t.get(pos + 1..pos + 1 + n)?;
        let i = find_label(labels, b)?;
        Some(Node {
            at: u32_at(t, pos + 1 + n + 4 * i)?,
            k: 0,
        })
    }

    /// The name that ends at `node` (with header `h`).
    #[inline(always)]
    pub(crate) fn name(self, node: Node, h: u8) -> Option<u32> {
        if node.k != 0 || h & FINAL == 0 {
            return None;
        }
        u32_at(self.t, node.at as usize + 1)
    }

    /// The node after `node` along byte `b`, if some name continues so.
    #[inline(always)]
    pub(crate) fn child(self, node: Node, b: u8) -> Option<Node> {
        let t = self.t;
        let at = node.at as usize;
        let h = *t.get(at)?;
        let pos = at + 1 + if h & FINAL != 0 { 4 } else { 0 };
        if h & TAIL != 0 {
            let len = *t.get(pos)? as u32;
            if *t.get(pos + 1 + node.k as usize)? != b {
                return None;
            }
            return Some(if node.k + 1 == len {
                Node {
                    at: (pos + 1) as u32 + len,
                    k: 0,
                }
            } else {
                Node {
                    at: node.at,
                    k: node.k + 1,
                }
            });
        }
        if h & BRANCH == 0 {
            return None;
        }
        let n = usize::from(*t.get(pos)?) + 1;
        let labels = t.get(pos + 1..pos + 1 + n)?;
        let i = find_label(labels, b)?;
        let child = u32_at(t, pos + 1 + n + 4 * i)?;
        Some(Node { at: child, k: 0 })
    }

    /// The node reached from `node` along `bytes`.
    pub(crate) fn walk(self, mut node: Node, bytes: &[u8]) -> Option<Node> {
        for &b in bytes {
            node = self.child(node, b)?;
        }
        Some(node)
    }

    /// The name that ends at `node` (the reference walk's; the search reads the header
    /// once, [`name`](Self::name)).
    #[cfg(test)]
    pub(crate) fn pattern(self, node: Node) -> Option<u32> {
        if node.k != 0 {
            return None;
        }
        let at = node.at as usize;
        if *self.t.get(at)? & FINAL == 0 {
            return None;
        }
        u32_at(self.t, at + 1)
    }
}

impl Names {
    /// The names of a trie section (as [`build_trie`] wrote it).
    pub(crate) fn new(bytes: Slice) -> Names {
        let mut names = Names {
            bytes,
            first: Box::new([]),
        };
        let trie = names.trie();
        let first = (0..0x800u32)
            .map(|u| {
                let mut utf8 = [0; 4];
                let c = char::from_u32(u).filter(|c| c.len_utf8() == 2);
                c.and_then(|c| trie.walk(Names::ROOT, c.encode_utf8(&mut utf8).as_bytes()))
                    .unwrap_or(NONE)
            })
            .collect();
        names.first = first;
        names
    }

    /// The node after the character of two bytes at `b[i..]` from the root, in one
    /// lookup: `None` when `b[i..]` does not begin with such a character, `Some(None)`
    /// when no name begins with it.
    #[inline(always)]
    pub(crate) fn after_first_char(&self, b: &[u8], i: usize) -> Option<Option<Node>> {
        match b.get(i..i + 2) {
            Some(&[x @ 0xC2..=0xDF, y]) if y & 0xC0 == 0x80 => {
                let u = (usize::from(x & 0x1F) << 6) | usize::from(y & 0x3F);
                let node = *self.first.get(u)?;
                Some((node != NONE).then_some(node))
            }
            _ => None,
        }
    }

    /// The trie, for walks.
    #[inline]
    pub(crate) fn trie(&self) -> Trie<'_> {
        Trie {
            t: self.bytes.bytes(),
        }
    }

    /// Where every walk begins.
    pub(crate) const ROOT: Node = Node { at: 0, k: 0 };
}

/// Writes the trie of `keys` (sorted, distinct, non-empty, at most
/// [`MAX_NAME_BYTES`](crate::MAX_NAME_BYTES) each); name `i` is `keys[i]`. Fails when the
/// trie would pass 4 GiB.
pub(crate) fn build_trie<K: AsRef<[u8]>>(keys: &[K]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    if keys.is_empty() {
        // A root that is not final and has no children.
        out.push(0);
        return Ok(out);
    }
    node(keys, 0, 0, &mut out)?;
    Ok(out)
}

fn put_u32(out: &mut Vec<u8>, n: usize) -> Result<(), String> {
    let n = u32::try_from(n).map_err(|_| "the names take over 4 GiB".to_string())?;
    out.extend_from_slice(&n.to_le_bytes());
    Ok(())
}

/// Writes the node of `keys` (sharing their first `d` bytes; the first is `base`) at the
/// end of `out`.
fn node<K: AsRef<[u8]>>(
    keys: &[K],
    base: usize,
    d: usize,
    out: &mut Vec<u8>,
) -> Result<(), String> {
    let first = keys[0].as_ref();
    let is_final = first.len() == d;
    let (rest, rest_base) = if is_final {
        (&keys[1..], base + 1)
    } else {
        (keys, base)
    };
    let header_at = out.len();
    out.push(if is_final { FINAL } else { 0 });
    if is_final {
        put_u32(out, base)?;
    }
    if rest.is_empty() {
        return Ok(());
    }
    let (a, z) = (rest[0].as_ref(), rest[rest.len() - 1].as_ref());
    // The bytes after `d` that every key of `rest` shares (sorted: the first and last).
    let common = a[d..]
        .iter()
        .zip(&z[d..])
        .take_while(|(x, y)| x == y)
        .count()
        .min(255);
    if common > 0 {
        out[header_at] |= TAIL;
        out.push(common as u8);
        out.extend_from_slice(&a[d..d + common]);
        return node(rest, rest_base, d + common, out);
    }
    out[header_at] |= BRANCH;
    let mut groups: Vec<(u8, usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < rest.len() {
        let b = rest[lo].as_ref()[d];
        let mut hi = lo + 1;
        while hi < rest.len() && rest[hi].as_ref()[d] == b {
            hi += 1;
        }
        groups.push((b, lo, hi));
        lo = hi;
    }
    out.push((groups.len() - 1) as u8);
    out.extend(groups.iter().map(|g| g.0));
    let slots = out.len();
    out.resize(slots + 4 * groups.len(), 0);
    for (i, &(_, lo, hi)) in groups.iter().enumerate() {
        let at = u32::try_from(out.len()).map_err(|_| "the names take over 4 GiB".to_string())?;
        out[slots + 4 * i..slots + 4 * i + 4].copy_from_slice(&at.to_le_bytes());
        node(&rest[lo..hi], rest_base + lo, d + 1, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{build_trie, find_label, Names, Slice};
    use crate::compiled::Storage;
    use proptest::prelude::*;
    use std::sync::Arc;

    fn names(keys: &[String]) -> Names {
        let bytes = build_trie(keys).unwrap();
        let len = bytes.len();
        Names::new(Slice::new(Arc::new(Storage::Owned(bytes)), 0..len))
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
                let found = names.trie().walk(Names::ROOT, probe.as_bytes()).and_then(|n| names.trie().pattern(n));
                prop_assert_eq!(found, expected, "{:?}", probe);
                let b = probe.as_bytes();
                for end in 0..=b.len() {
                    // (The empty walk is the root itself.)
                    let continues =
                        end == 0 || keys.iter().any(|k| k.as_bytes().starts_with(&b[..end]));
                    prop_assert_eq!(names.trie().walk(Names::ROOT, &b[..end]).is_some(), continues);
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
            let n = t.trie().walk(Names::ROOT, k.as_bytes()).unwrap();
            assert_eq!(t.trie().pattern(n), Some(i as u32), "{k}");
        }
        // "bc" is a name, but the walk of "abc" must report "abc" only, and the walk of
        // "ab" must not report "b"-anything.
        for k in ["بغد", "x", "العراقي", "b", "ا", "c"] {
            let n = t.trie().walk(Names::ROOT, k.as_bytes());
            assert!(n.and_then(|n| t.trie().pattern(n)).is_none(), "{k}");
        }
        let empty = names(&[]);
        assert!(empty.trie().child(Names::ROOT, b'a').is_none());
        assert!(empty.trie().walk(Names::ROOT, b"ab").is_none());
    }

    #[test]
    fn a_suffix_name_is_not_reported_at_the_longer_walk() {
        // A walk reports the name it spells, not a shorter name that ends the same way.
        let keys: Vec<String> = ["xyab", "xyb"].iter().map(|s| s.to_string()).collect();
        let t = names(&keys);
        assert_eq!(
            t.trie()
                .pattern(t.trie().walk(Names::ROOT, b"xyab").unwrap()),
            Some(0)
        );
        assert_eq!(
            t.trie()
                .pattern(t.trie().walk(Names::ROOT, b"xyb").unwrap()),
            Some(1)
        );
        assert!(t
            .trie()
            .walk(Names::ROOT, b"xya")
            .and_then(|n| t.trie().pattern(n))
            .is_none());
    }

    #[test]
    fn labels_are_found_as_position_finds_them() {
        // Every width up to all 256 bytes, every probe, labels in any order.
        for width in 0..=256usize {
            let labels: Vec<u8> = (0..width).map(|k| (k * 37 % 256) as u8).collect();
            for b in 0..=255u8 {
                assert_eq!(
                    find_label(&labels, b),
                    labels.iter().position(|&l| l == b),
                    "{width} {b}"
                );
            }
        }
    }

    #[test]
    fn long_tails_and_wide_branches() {
        // Tails longer than a tail's 255 bytes, and a node with all 256 children.
        let long = "ب".repeat(400);
        let mut keys: Vec<Vec<u8>> = vec![
            format!("{long}x").into_bytes(),
            format!("{long}y").into_bytes(),
            long.clone().into_bytes(),
        ];
        keys.extend((0..=255u8).map(|b| vec![b'z', b]));
        keys.sort();
        let bytes = build_trie(&keys).unwrap();
        let len = bytes.len();
        let t = Names::new(Slice::new(Arc::new(Storage::Owned(bytes)), 0..len));
        for (i, k) in keys.iter().enumerate() {
            let n = t.trie().walk(Names::ROOT, k).unwrap();
            assert_eq!(t.trie().pattern(n), Some(i as u32));
        }
        assert!(t
            .trie()
            .walk(Names::ROOT, format!("{long}z").as_bytes())
            .is_none());
        let mid = t.trie().walk(Names::ROOT, &long.as_bytes()[..300]).unwrap();
        assert_eq!(t.trie().pattern(mid), None);
        assert!(t.trie().walk(Names::ROOT, b"zz\x00").is_none());
    }

    /// Any bytes as a trie: walks end or report some number, never panic.
    #[test]
    fn garbage_never_panics() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2000 {
            let len = (state % 64) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state % 8) as u8
                })
                .collect();
            let t = Names::new(Slice::new(Arc::new(Storage::Owned(bytes)), 0..len));
            for probe in [&b"\x00\x01\x02"[..], b"\x04\x00", b"\x07\x07\x07\x07\x07"] {
                let mut node = Names::ROOT;
                for &b in probe {
                    let _ = t.trie().pattern(node);
                    match t.trie().child(node, b) {
                        Some(n) => node = n,
                        None => break,
                    }
                }
            }
        }
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
            let n = t.trie().walk(Names::ROOT, k.as_bytes()).unwrap();
            assert_eq!(t.trie().pattern(n), Some(i as u32), "{k}");
        }
    }
}
