//! A prefilter for the walks from the trie's root: most word starts begin no name, and a
//! set of the names' first bytes says so without walking.
//!
//! A name of at least [`LONG`] bytes with no space among them is keyed by a hash of those
//! bytes, in a bitset of 2^20 bits: a walk can only match it if the text has the very same
//! bytes there (a walk consumes text bytes one for one until it meets whitespace, which
//! only a space in the name can match). Every other name (shorter, or with a space early)
//! is keyed by its first two bytes (or its only byte) exactly. A hit may be false (hash
//! collisions); a miss never is.

/// Bytes of a long prefix: three Arabic letters.
const LONG: usize = 6;
const HASH_BITS: u32 = 20;

/// The names' first bytes, as sets.
#[derive(Clone, Debug)]
pub(crate) struct Prefixes {
    long: Vec<u64>,
    short2: Vec<u64>,
    short1: [u64; 4],
}

fn long_hash(bytes: &[u8]) -> usize {
    let mut w = [0u8; 8];
    w[..LONG].copy_from_slice(&bytes[..LONG]);
    (u64::from_le_bytes(w).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - HASH_BITS)) as usize
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
        let mut p = Prefixes {
            long: vec![0; 1 << (HASH_BITS - 6)],
            short2: vec![0; 1 << 10],
            short1: [0; 4],
        };
        for name in names {
            let b = name.as_bytes();
            match b.len() {
                0 => {}
                1 => set(&mut p.short1, usize::from(b[0])),
                n if n >= LONG && !b[..LONG].contains(&b' ') => set(&mut p.long, long_hash(b)),
                _ => set(&mut p.short2, usize::from(u16::from_le_bytes([b[0], b[1]]))),
            }
        }
        p
    }

    /// Whether a name may start at `b[i..]`.
    #[inline]
    pub(crate) fn may_start(&self, b: &[u8], i: usize) -> bool {
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
        rest.len() >= LONG && get(&self.long, long_hash(rest))
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
}
