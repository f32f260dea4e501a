//! [`CharSet`]: a set of code points, one bit each, for classes a scanner asks about at
//! every character.
//!
//! ```
//! use nass_core::CharSet;
//!
//! let mut marks = CharSet::new();
//! marks.insert_range('\u{064B}'..='\u{0652}');
//! marks.insert('\u{0670}');
//! assert!(marks.contains('\u{064E}'));
//! assert!(!marks.contains('ب'));
//! marks.remove_range('\u{064E}'..='\u{064E}');
//! assert!(!marks.contains('\u{064E}'));
//! ```

use std::ops::RangeInclusive;

/// Code points below this are held as bits; the rest (rare: planes 2 and above) as
/// sorted ranges.
const BITS_LIMIT: u32 = 0x20000;

/// A set of code points: a bitset below U+20000 (grown only as far as the highest code
/// point inserted there, at most 16 KiB), sorted disjoint ranges above.
///
/// `contains` is one load and a mask below U+20000, a binary search above.
///
/// ```
/// use nass_core::CharSet;
/// let set = CharSet::from_ranges(['a'..='z', '\u{1EE00}'..='\u{1EEFF}', '\u{20000}'..='\u{2A6DF}']);
/// assert!(set.contains('q'));
/// assert!(set.contains('\u{1EE21}'));
/// assert!(set.contains('\u{20001}'));
/// assert!(!set.contains('A'));
/// assert!(!set.contains('\u{2A6E0}'));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CharSet {
    bits: Vec<u64>,
    /// Sorted, disjoint, not adjacent; every range at or above `BITS_LIMIT`.
    high: Vec<(u32, u32)>,
}

impl CharSet {
    /// The empty set.
    ///
    /// ```
    /// assert!(!nass_core::CharSet::new().contains('a'));
    /// ```
    pub const fn new() -> CharSet {
        CharSet {
            bits: Vec::new(),
            high: Vec::new(),
        }
    }

    /// The set of the code points in `ranges`.
    ///
    /// ```
    /// let digits = nass_core::CharSet::from_ranges(['0'..='9', '٠'..='٩']);
    /// assert!(digits.contains('٣'));
    /// ```
    pub fn from_ranges(ranges: impl IntoIterator<Item = RangeInclusive<char>>) -> CharSet {
        let mut set = CharSet::new();
        for r in ranges {
            set.insert_range(r);
        }
        set
    }

    /// Whether `c` is in the set.
    ///
    /// ```
    /// let set = nass_core::CharSet::from_ranges(['ا'..='ي']);
    /// assert!(set.contains('ب') && !set.contains('a'));
    /// ```
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let cp = u32::from(c);
        if cp < BITS_LIMIT {
            return self
                .bits
                .get((cp / 64) as usize)
                .is_some_and(|w| w & (1 << (cp % 64)) != 0);
        }
        let i = self.high.partition_point(|&(_, hi)| hi < cp);
        self.high.get(i).is_some_and(|&(lo, _)| lo <= cp)
    }

    /// Adds `c`.
    ///
    /// ```
    /// let mut set = nass_core::CharSet::new();
    /// set.insert('ـ');
    /// assert!(set.contains('ـ'));
    /// ```
    pub fn insert(&mut self, c: char) {
        self.insert_range(c..=c);
    }

    /// Adds every code point of `r`.
    ///
    /// ```
    /// let mut set = nass_core::CharSet::new();
    /// set.insert_range('\u{0610}'..='\u{061A}');
    /// assert!(set.contains('\u{0615}'));
    /// ```
    pub fn insert_range(&mut self, r: RangeInclusive<char>) {
        self.fill(r, true);
    }

    /// Removes every code point of `r`.
    ///
    /// ```
    /// let mut set = nass_core::CharSet::from_ranges(['a'..='z']);
    /// set.remove_range('m'..='z');
    /// assert!(set.contains('l') && !set.contains('m'));
    /// ```
    pub fn remove_range(&mut self, r: RangeInclusive<char>) {
        self.fill(r, false);
    }

    /// Whether the set is empty.
    ///
    /// ```
    /// let mut set = nass_core::CharSet::new();
    /// assert!(set.is_empty());
    /// set.insert('a');
    /// assert!(!set.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|&w| w == 0) && self.high.is_empty()
    }

    fn fill(&mut self, r: RangeInclusive<char>, on: bool) {
        let (start, end) = (u32::from(*r.start()), u32::from(*r.end()));
        if start > end {
            return;
        }
        if start < BITS_LIMIT {
            let last_bit = end.min(BITS_LIMIT - 1);
            let (first, last) = ((start / 64) as usize, (last_bit / 64) as usize);
            if on && self.bits.len() <= last {
                self.bits.resize(last + 1, 0);
            }
            for w in first..=last {
                if w >= self.bits.len() {
                    break;
                }
                let lo = if w == first { start % 64 } else { 0 };
                let hi = if w == last { last_bit % 64 } else { 63 };
                let mask = (u64::MAX >> (63 - hi)) & (u64::MAX << lo);
                if on {
                    self.bits[w] |= mask;
                } else {
                    self.bits[w] &= !mask;
                }
            }
        }
        if end >= BITS_LIMIT {
            self.fill_high(start.max(BITS_LIMIT), end, on);
        }
    }

    /// Sets or clears `lo..=hi` in the range list, keeping it sorted, disjoint and
    /// merged.
    fn fill_high(&mut self, lo: u32, hi: u32, on: bool) {
        let mut out = Vec::with_capacity(self.high.len() + 2);
        let (mut new_lo, mut new_hi) = (lo, hi);
        for &(a, b) in &self.high {
            if on {
                // Merge overlapping or adjacent ranges into the new one.
                if b.saturating_add(1) < new_lo || a > new_hi.saturating_add(1) {
                    out.push((a, b));
                } else {
                    new_lo = new_lo.min(a);
                    new_hi = new_hi.max(b);
                }
            } else {
                if b < lo || a > hi {
                    out.push((a, b));
                    continue;
                }
                if a < lo {
                    out.push((a, lo - 1));
                }
                if b > hi {
                    out.push((hi + 1, b));
                }
            }
        }
        if on {
            out.push((new_lo, new_hi));
        }
        out.sort_unstable();
        self.high = out;
    }

    /// Heap bytes held.
    ///
    /// ```
    /// let set = nass_core::CharSet::from_ranges(['\u{0600}'..='\u{06FF}']);
    /// assert!(set.memory_usage() >= 0x700 / 8);
    /// ```
    pub fn memory_usage(&self) -> usize {
        self.bits.capacity() * 8 + self.high.capacity() * 8
    }
}

impl FromIterator<RangeInclusive<char>> for CharSet {
    fn from_iter<I: IntoIterator<Item = RangeInclusive<char>>>(iter: I) -> CharSet {
        CharSet::from_ranges(iter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ch(u: u32) -> char {
        char::from_u32(u).unwrap_or('\u{FFFD}')
    }

    proptest! {
        /// Inserting and removing ranges agrees with a plain list of code points.
        #[test]
        fn agrees_with_a_model(
            ops in proptest::collection::vec((any::<bool>(), 0u32..0x30000, 0u32..300), 0..12),
            probes in proptest::collection::vec(0u32..0x30400, 0..64),
        ) {
            let mut set = CharSet::new();
            let mut model = std::collections::BTreeSet::new();
            for &(on, lo, len) in &ops {
                let (lo, hi) = (ch(lo), ch(lo + len));
                if lo > hi || (0xD800..0xE000).contains(&(lo as u32)) {
                    continue;
                }
                if on { set.insert_range(lo..=hi) } else { set.remove_range(lo..=hi) }
                for u in lo as u32..=hi as u32 {
                    if on { model.insert(u); } else { model.remove(&u); }
                }
            }
            for &p in probes.iter().chain(model.iter()) {
                if let Some(c) = char::from_u32(p) {
                    prop_assert_eq!(set.contains(c), model.contains(&p), "U+{:04X}", p);
                }
            }
        }
    }

    #[test]
    fn edges() {
        let mut s = CharSet::from_ranges(['\u{1FFFF}'..='\u{20001}']);
        assert!(s.contains('\u{1FFFF}') && s.contains('\u{20000}') && s.contains('\u{20001}'));
        assert!(!s.contains('\u{20002}') && !s.contains('\u{1FFFE}'));
        s.remove_range('\u{20000}'..='\u{20000}');
        assert!(!s.contains('\u{20000}') && s.contains('\u{20001}'));
        s.insert_range('\u{20003}'..='\u{20005}');
        s.insert_range('\u{20000}'..='\u{20002}');
        assert_eq!(s.high, [(0x20000, 0x20005)]);
        s.remove_range('a'..='z'); // never inserted: no growth
        assert!(!s.contains('a'));
        let full = CharSet::from_ranges(['\0'..=char::MAX]);
        assert!(full.contains('\u{10FFFF}') && full.contains('\0') && full.contains('\u{FFFF}'));
        assert!(CharSet::new().is_empty() && !full.is_empty());
    }
}
