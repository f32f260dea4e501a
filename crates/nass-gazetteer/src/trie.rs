//! A byte trie of the normalized names, walked from word starts.
//!
//! Every name must begin at a word start (after at most two proclitic letters), so the
//! matcher never needs Aho-Corasick's failure links: it walks this trie from each place a
//! name may begin and stops as soon as no name continues. Nodes are numbered breadth
//! first, so the children of a node are contiguous and sorted by their byte.

/// No pattern ends at this node.
const NONE: u32 = u32::MAX;

#[derive(Debug, Default)]
pub(crate) struct Trie {
    /// The byte on the edge into each node.
    labels: Vec<u8>,
    /// The first child of each node.
    first: Vec<u32>,
    /// The number of children of each node.
    count: Vec<u16>,
    /// The pattern that ends at each node, or `NONE`.
    pattern: Vec<u32>,
    /// For the root: the child for each byte (dense), for the hottest lookups.
    root: Vec<u32>,
}

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
                t.pattern[node] = lo as u32;
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
            t.first[node] = first;
            t.count[node] = n;
            node += 1;
        }
        t.root = vec![NONE; 256];
        for c in 0..t.count[0] as u32 {
            let child = t.first[0] + c;
            t.root[t.labels[child as usize] as usize] = child;
        }
        t.shrink();
        t
    }

    fn push(&mut self, label: u8) {
        self.labels.push(label);
        self.first.push(0);
        self.count.push(0);
        self.pattern.push(NONE);
    }

    fn shrink(&mut self) {
        self.labels.shrink_to_fit();
        self.first.shrink_to_fit();
        self.count.shrink_to_fit();
        self.pattern.shrink_to_fit();
    }

    /// The root node.
    pub(crate) const ROOT: u32 = 0;

    /// The child of `node` along byte `b`.
    #[inline]
    pub(crate) fn child(&self, node: u32, b: u8) -> Option<u32> {
        if node == Self::ROOT {
            let c = self.root.get(b as usize).copied().unwrap_or(NONE);
            return (c != NONE).then_some(c);
        }
        let first = self.first[node as usize] as usize;
        let n = self.count[node as usize] as usize;
        let labels = &self.labels[first..first + n];
        if n <= 8 {
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
        let p = self.pattern[node as usize];
        (p != NONE).then_some(p)
    }

    /// Whether `node` has no children.
    #[inline]
    pub(crate) fn is_leaf(&self, node: u32) -> bool {
        self.count[node as usize] == 0
    }

    /// Heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        self.labels.capacity()
            + self.first.capacity() * 4
            + self.count.capacity() * 2
            + self.pattern.capacity() * 4
            + self.root.capacity() * 4
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
