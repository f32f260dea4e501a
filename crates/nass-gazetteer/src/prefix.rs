//! A prefilter for the walks from the names' root: most word starts begin no name, and a
//! set of the names' first bytes says so without walking.
//!
//! A name of at least [`LONG`] bytes with no space among them is keyed by a hash of those
//! bytes, in a bitset of 2^20 bits: a walk can only match it if the text has the very same
//! bytes there (a walk consumes text bytes one for one until it meets whitespace, which
//! only a space in the name can match). Every other name (shorter, or with a space early)
//! is keyed by its first two bytes (or its only byte) exactly. A hit may be false (hash
//! collisions); a miss never is.

use nass_core::hash::{hash_bytes, load_le, mix};

/// Bytes of a long prefix: three Arabic letters.
const LONG: usize = 6;
const HASH_BITS: u32 = 20;

/// The names' first bytes, as sets.
#[derive(Clone, Debug)]
pub(crate) struct Prefixes {
    long: Vec<u64>,
    /// 64 minus the bits of an index into `long`.
    long_shift: u32,
    short2: Vec<u64>,
    short1: [u64; 4],
}

fn long_hash(bytes: &[u8], shift: u32) -> usize {
    (mix(load_le(&bytes[..LONG]), 0) >> shift) as usize
}

fn words_to_bytes<'a>(words: impl Iterator<Item = &'a u64>) -> Vec<u8> {
    words.flat_map(|w| w.to_le_bytes()).collect()
}

fn words_from_bytes(b: &[u8]) -> Vec<u64> {
    b.chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes")))
        .collect()
}

fn set(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

fn get(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

impl Prefixes {
    /// The sets for these names (normalized, whitespace runs as single spaces).
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Prefixes {
        let names: Vec<&str> = names.into_iter().collect();
        let long = names
            .iter()
            .filter(|n| n.len() >= LONG && !n.as_bytes()[..LONG].contains(&b' '))
            .count();
        let bits = (long.max(4) * 16).next_power_of_two().min(1 << HASH_BITS);
        let mut p = Prefixes {
            long: vec![0; bits / 64],
            long_shift: 64 - bits.trailing_zeros(),
            short2: vec![0; 1 << 10],
            short1: [0; 4],
        };
        for name in names {
            let b = name.as_bytes();
            match b.len() {
                0 => {}
                1 => set(&mut p.short1, usize::from(b[0])),
                n if n >= LONG && !b[..LONG].contains(&b' ') => {
                    set(&mut p.long, long_hash(b, p.long_shift))
                }
                _ => set(&mut p.short2, usize::from(u16::from_le_bytes([b[0], b[1]]))),
            }
        }
        p
    }

    /// The sets as bytes, for the index.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        words_to_bytes(self.short1.iter().chain(&self.short2).chain(&self.long))
    }

    /// The sets [`to_bytes`](Self::to_bytes) wrote, or `None` for bytes of another length.
    pub(crate) fn from_bytes(b: &[u8]) -> Option<Prefixes> {
        let (n1, n2) = (4, 1 << 10);
        let nl = (b.len() / 8).checked_sub(n1 + n2)?;
        if b.len() % 8 != 0 || !nl.is_power_of_two() || nl > 1 << (HASH_BITS - 6) {
            return None;
        }
        let words = words_from_bytes(b);
        Some(Prefixes {
            short1: words[..n1].try_into().ok()?,
            short2: words[n1..n1 + n2].to_vec(),
            long: words[n1 + n2..].to_vec(),
            long_shift: 64 - (nl * 64).trailing_zeros(),
        })
    }

    /// Heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        (self.long.capacity() + self.short2.capacity()) * 8
    }

    /// Whether a name may start at `b[i..]`.
    #[inline]
    pub(crate) fn may_start(&self, b: &[u8], i: usize) -> bool {
        self.may_start_bytes(b, i) || crate::text::dash_len(b, i) > 0
    }

    /// [`may_start`](Self::may_start) by the bytes alone; a dash reads as a hyphen, and
    /// is let through (dashes are few).
    #[inline]
    fn may_start_bytes(&self, b: &[u8], i: usize) -> bool {
        let rest = &b[i.min(b.len())..];
        let Some(&first) = rest.first() else {
            return false;
        };
        if get(&self.short1, usize::from(first)) {
            return true;
        }
        if let Some(&second) = rest.get(1) {
            if get(
                &self.short2,
                usize::from(u16::from_le_bytes([first, second])),
            ) {
                return true;
            }
        }
        rest.len() >= LONG && get(&self.long, long_hash(rest, self.long_shift))
    }
}

/// The heads of the names (each name's longest prefix of word characters), as a blocked
/// Bloom filter (two bits in one 64-bit word per head).
///
/// A walk from a word character at `s` inside a word that ends at `e` can only find a
/// name whose head is exactly `text[s..e]`: the walk matches the head's bytes one for one
/// (the head holds no whitespace), and the character after a name's head is a non-word
/// character (or nothing), which the text must have at the same place, and that place is
/// the word's end. So the filter answers for the whole word at once, where the walk
/// would take a step, and likely a cache miss, per byte. For walks after an elided
/// article's ل (the names walked from the name's ا), the heads that begin with ا are also
/// kept without it, under another seed. A hit may be false; a miss never is.
#[derive(Clone, Debug)]
pub(crate) struct Heads {
    words: Vec<u64>,
    shift: u32,
}

const SEED_HEAD: u64 = 0x243F_6A88_85A3_08D3;
const SEED_ELIDED: u64 = 0x1319_8A2E_0370_7344;
const ALEF: &[u8] = "ا".as_bytes();

impl Heads {
    /// The filter of these heads (each name's longest prefix of word characters; empty
    /// heads are left out: those names never start at a word character).
    pub(crate) fn new<'a>(heads: impl ExactSizeIterator<Item = &'a [u8]> + Clone) -> Heads {
        // 16 to 32 bits per head: one or two percent of false hits at most, in a table
        // small enough to stay in cache (10 000 heads: 32 KiB).
        let bits = (heads.len().max(64) * 16).next_power_of_two().min(1 << 31);
        let n_words = bits / 64;
        let mut f = Heads {
            words: vec![0; n_words],
            shift: 64 - n_words.trailing_zeros(),
        };
        for h in heads {
            if h.is_empty() {
                continue;
            }
            f.insert(hash_bytes(SEED_HEAD, h));
            if let Some(rest) = h.strip_prefix(ALEF) {
                f.insert(hash_bytes(SEED_ELIDED, rest));
            }
        }
        f
    }

    /// The filter as bytes, for the index.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        words_to_bytes(self.words.iter())
    }

    /// The filter [`to_bytes`](Self::to_bytes) wrote, or `None` for bytes that no filter
    /// has (a length that is not a power of two of 64-bit words).
    pub(crate) fn from_bytes(b: &[u8]) -> Option<Heads> {
        let n_words = b.len() / 8;
        if b.len() % 8 != 0 || !n_words.is_power_of_two() {
            return None;
        }
        Some(Heads {
            words: words_from_bytes(b),
            shift: 64 - n_words.trailing_zeros(),
        })
    }

    fn slot(&self, h: u64) -> (usize, u64) {
        // With one word, `shift` is 64: the word index is 0.
        let word = h.checked_shr(self.shift).unwrap_or(0) as usize;
        (word, (1 << (h & 63)) | (1 << ((h >> 6) & 63)))
    }

    fn insert(&mut self, h: u64) {
        let (w, m) = self.slot(h);
        self.words[w] |= m;
    }

    #[inline]
    fn contains(&self, h: u64) -> bool {
        let (w, m) = self.slot(h);
        self.words[w] & m == m
    }

    /// Whether some name's head may be `word`.
    #[inline]
    pub(crate) fn may_be_head(&self, word: &[u8]) -> bool {
        self.contains(hash_bytes(SEED_HEAD, word))
    }

    /// Whether some name's head may be ا followed by `word`.
    #[inline]
    pub(crate) fn may_be_elided_head(&self, word: &[u8]) -> bool {
        self.contains(hash_bytes(SEED_ELIDED, word))
    }

    /// Heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        self.words.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_name_and_rejects_others() {
        let names = ["بغداد", "الأمم المتحدة", "ب ج", "x", "مصر"];
        let p = Prefixes::new(names);
        for name in names {
            assert!(p.may_start(format!("{name} وغيره").as_bytes(), 0), "{name}");
        }
        assert!(p.may_start("xyz".as_bytes(), 0));
        assert!(!p.may_start("قال".as_bytes(), 0));
        assert!(!p.may_start(b"", 0));
        assert!(!p.may_start("غد".as_bytes(), 0)); // no name starts with غ
        assert!(p.may_start("أ بغداد".as_bytes(), 3));
    }

    #[test]
    fn heads_are_found_and_others_mostly_rejected() {
        let heads: Vec<&[u8]> = ["بغداد", "الاردن", "ا", "x"]
            .iter()
            .map(|s| s.as_bytes())
            .collect();
        let f = Heads::new(heads.iter().copied());
        for h in &heads {
            assert!(f.may_be_head(h));
        }
        assert!(f.may_be_elided_head("لاردن".as_bytes()));
        assert!(f.may_be_elided_head(b""));
        // Two of 64 bits per head in a single word: a few false hits at most.
        let others = ["بغدا", "بغدادي", "اردن", "قال", "y", "xx", "الاردني"];
        let false_hits = others
            .iter()
            .filter(|o| f.may_be_head(o.as_bytes()))
            .count();
        assert!(false_hits <= 2, "{false_hits}");
        let many: Vec<String> = (0..10_000).map(|i| format!("name{i}")).collect();
        let f = Heads::new(many.iter().map(|s| s.as_bytes()));
        assert!(many.iter().all(|s| f.may_be_head(s.as_bytes())));
        let false_hits = (0..10_000)
            .filter(|i| f.may_be_head(format!("other{i}").as_bytes()))
            .count();
        assert!(false_hits < 300, "{false_hits}"); // about 1% expected
    }
}
