//! A byte trie of the normalized names, walked from word starts.
//!
//! Every name must begin at a word start (after at most two proclitic letters), so the
//! matcher never needs Aho-Corasick's failure links: it walks this trie from each place a
//! name may begin and stops as soon as no name continues. Nodes are numbered breadth
//! first, so the children of a node are contiguous and sorted by their byte.

/// No pattern ends at this node.
const NONE: u32 = u32::MAX;

/// One node; its fields together, so that a step of a walk touches one cache line.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// The first child.
    first: u32,
    /// The pattern that ends here, or `NONE`.
    pattern: u32,
    /// The index of the node's row in `dense`, or `NONE`.
    dense_row: u32,
    /// The number of children.
    count: u16,
}

#[derive(Debug, Default)]
pub(crate) struct Trie {
    /// The byte on the edge into each node.
    labels: Vec<u8>,
    nodes: Vec<Node>,
    /// Rows of 256 children (`NONE` where there is none), for the busiest nodes: the root
    /// and the nodes after an Arabic lead byte, where binary search was the hot spot.
    dense: Vec<u32>,
}

/// Nodes with more children than this get a dense row.
const DENSE_MIN: u16 = 8;

impl Trie {
    /// Builds the trie of `keys`, which are sorted, distinct and non-empty; pattern `i`
    /// is `keys[i]`.
    pub(crate) fn from_sorted(keys: &[String]) -> Trie {
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]));
        // One contiguous copy, so that the level-by-level passes read memory in order.
        let mut bytes = Vec::with_capacity(keys.iter().map(String::len).sum());
        let mut offsets = Vec::with_capacity(keys.len() + 1);
        offsets.push(0usize);
        for k in keys {
            bytes.extend_from_slice(k.as_bytes());
            offsets.push(bytes.len());
        }
        let key = |i: usize| &bytes[offsets[i]..offsets[i + 1]];
        let mut t = Trie::default();
        // Breadth first: a node is (depth, lo..hi), every key in the range sharing the
        // node's prefix of length `depth`.
        let mut queue = std::collections::VecDeque::new();
        t.push(0);
        queue.push_back((0usize, 0usize, keys.len()));
        let mut node = 0usize;
        while let Some((depth, mut lo, hi)) = queue.pop_front() {
            if lo < hi && key(lo).len() == depth {
                t.nodes[node].pattern = lo as u32;
                lo += 1;
            }
            let first = t.labels.len() as u32;
            let mut n = 0u16;
            let mut i = lo;
            while i < hi {
                let b = key(i)[depth];
                let mut j = i + 1;
                while j < hi && key(j)[depth] == b {
                    j += 1;
                }
                t.push(b);
                queue.push_back((depth + 1, i, j));
                n += 1;
                i = j;
            }
            t.nodes[node].first = first;
            t.nodes[node].count = n;
            node += 1;
        }
        // Dense rows for the root and the busiest nodes, within a budget of a quarter of
        // the sparse tables' size (at least 1 MiB).
        let budget_rows = (t.labels.len() * 17 / 4 / 1024).max(1024);
        let mut busy: Vec<u32> = (1..t.labels.len() as u32)
            .filter(|&n| t.nodes[n as usize].count > DENSE_MIN)
            .collect();
        busy.sort_by_key(|&n| std::cmp::Reverse(t.nodes[n as usize].count));
        busy.truncate(budget_rows.saturating_sub(1));
        for node in std::iter::once(0).chain(busy) {
            let row = (t.dense.len() / 256) as u32;
            t.dense.resize(t.dense.len() + 256, NONE);
            let base = row as usize * 256;
            let Node { first, count, .. } = t.nodes[node as usize];
            for c in 0..count as u32 {
                let child = first + c;
                t.dense[base + t.labels[child as usize] as usize] = child;
            }
            t.nodes[node as usize].dense_row = row;
        }
        t.shrink();
        t
    }

    fn push(&mut self, label: u8) {
        self.labels.push(label);
        self.nodes.push(Node {
            first: 0,
            pattern: NONE,
            dense_row: NONE,
            count: 0,
        });
    }

    fn shrink(&mut self) {
        self.labels.shrink_to_fit();
        self.nodes.shrink_to_fit();
        self.dense.shrink_to_fit();
    }

    /// The root node.
    pub(crate) const ROOT: u32 = 0;

    /// The child of `node` along byte `b`.
    #[inline]
    pub(crate) fn child(&self, node: u32, b: u8) -> Option<u32> {
        let &Node {
            first,
            count,
            dense_row,
            ..
        } = self.nodes.get(node as usize)?;
        if dense_row != NONE {
            let c = self.dense[dense_row as usize * 256 + b as usize];
            return (c != NONE).then_some(c);
        }
        let (first, n) = (first as usize, count as usize);
        let labels = &self.labels[first..first + n];
        if n <= DENSE_MIN as usize {
            labels
                .iter()
                .position(|&l| l == b)
                .map(|k| (first + k) as u32)
        } else {
            labels.binary_search(&b).ok().map(|k| (first + k) as u32)
        }
    }

    /// The node reached from `node` along `bytes`.
    pub(crate) fn walk(&self, mut node: u32, bytes: &[u8]) -> Option<u32> {
        for &b in bytes {
            node = self.child(node, b)?;
        }
        Some(node)
    }

    /// The pattern ending at `node`.
    #[inline]
    pub(crate) fn pattern(&self, node: u32) -> Option<u32> {
        let p = self.nodes[node as usize].pattern;
        (p != NONE).then_some(p)
    }

    /// Whether `node` has no children.
    #[inline]
    pub(crate) fn is_leaf(&self, node: u32) -> bool {
        self.nodes[node as usize].count == 0
    }

    /// Heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        self.labels.capacity()
            + self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.dense.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::Trie;

    #[test]
    fn finds_exactly_the_keys() {
        let mut keys: Vec<String> = ["بغداد", "بغ", "ب", "العراق", "a", "ab", "b c"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        keys.sort();
        let t = Trie::from_sorted(&keys);
        for (i, k) in keys.iter().enumerate() {
            let n = t.walk(Trie::ROOT, k.as_bytes()).unwrap();
            assert_eq!(t.pattern(n), Some(i as u32), "{k}");
        }
        for k in ["بغد", "x", "العراقي", "b"] {
            let n = t.walk(Trie::ROOT, k.as_bytes());
            assert!(n.and_then(|n| t.pattern(n)).is_none(), "{k}");
        }
        assert!(t.is_leaf(t.walk(Trie::ROOT, "ab".as_bytes()).unwrap()));
        let empty = Trie::from_sorted(&[]);
        assert!(empty.child(Trie::ROOT, b'a').is_none());
    }
}
