//! The one hasher of the workspace's filters and tables: multiply-xorshift over 64-bit
//! words ([`mix`], [`hash_bytes`]), and [`FastHasher`] for the `HashMap`s and `HashSet`s
//! of keys the crates build from their own lists. Not for keys an adversary chooses (no
//! seed from the system): a collision costs a probe or a false hit, never a wrong
//! answer.
//!
//! ```
//! use nass_core::hash::{hash_bytes, mix};
//!
//! assert_ne!(mix(1, 2), mix(2, 1));
//! // The top bits are the best mixed: index a table of 2^k slots with `h >> (64 - k)`.
//! let slot = hash_bytes(0, "بغداد".as_bytes()) >> (64 - 10);
//! assert!(slot < 1 << 10);
//! ```

/// Two 64-bit words mixed into one hash: each multiplied by its own odd constant, the
/// products xored, the high half folded into the low.
///
/// ```
/// assert_eq!(nass_core::hash::mix(7, 9), nass_core::hash::mix(7, 9));
/// assert_ne!(nass_core::hash::mix(0, 1), nass_core::hash::mix(0, 2));
/// ```
#[inline(always)]
pub const fn mix(a: u64, b: u64) -> u64 {
    let h = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_mul(0x517C_C1B7_2722_0A95);
    h ^ (h >> 31)
}

/// The first eight bytes of `bytes` as a little-endian word, zero-padded when shorter.
///
/// ```
/// assert_eq!(nass_core::hash::load_le(b"ab"), 0x6261);
/// assert_eq!(nass_core::hash::load_le(b"abcdefghij"), nass_core::hash::load_le(b"abcdefgh"));
/// ```
#[inline(always)]
pub fn load_le(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    let n = bytes.len().min(8);
    w[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(w)
}

/// A hash of `bytes` under `seed`, from its length and its first and last eight bytes
/// (overlapping when shorter than sixteen): two multiplies whatever the length. Byte
/// strings longer than sixteen that share both ends and the length collide, which only
/// costs a probe or a false hit.
///
/// ```
/// use nass_core::hash::hash_bytes;
/// assert_ne!(hash_bytes(0, b"abc"), hash_bytes(1, b"abc"));
/// assert_ne!(hash_bytes(0, b"abc"), hash_bytes(0, b"abc\0"));
/// ```
#[inline]
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let first = load_le(bytes);
    let last = if n > 8 { load_le(&bytes[n - 8..]) } else { 0 };
    mix(first ^ seed, last ^ (n as u64) << 56 ^ seed.rotate_left(32))
}

/// A fast `std::hash::Hasher` for short keys (FxHash's rotate-xor-multiply, eight bytes
/// at a time): for maps and sets of names and words the program builds, where SipHash
/// cost a fifth of a gazetteer's build. Use it through [`FastBuildHasher`].
///
/// ```
/// use std::collections::HashSet;
/// use nass_core::hash::FastBuildHasher;
///
/// let mut words: HashSet<&str, FastBuildHasher> = HashSet::default();
/// words.insert("كتاب");
/// assert!(words.contains("كتاب"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct FastHasher(u64);

impl Default for FastHasher {
    /// A hasher with a fixed non-zero state (from zero, leading zero bytes would leave
    /// it zero: "" and "\0" would collide).
    fn default() -> Self {
        FastHasher(0x243F_6A88_85A3_08D3)
    }
}

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517C_C1B7_2722_0A95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.0 = (self.0.rotate_left(5) ^ load_le(c)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.0 = (self.0.rotate_left(5) ^ load_le(rest)).wrapping_mul(K);
        }
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The `BuildHasher` of [`FastHasher`].
pub type FastBuildHasher = std::hash::BuildHasherDefault<FastHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_hasher_tells_keys_apart() {
        use std::hash::{BuildHasher, Hash, Hasher};
        let h = |s: &str| FastBuildHasher::default().hash_one(s);
        assert_eq!(h("بغداد"), h("بغداد"));
        assert_ne!(h("بغداد"), h("بغدا"));
        assert_ne!(h(""), h("\0"));
        let mut a = FastHasher::default();
        (1u8, 2u8).hash(&mut a);
        let mut b = FastHasher::default();
        (2u8, 1u8).hash(&mut b);
        assert_ne!(a.finish(), b.finish());
    }

    #[test]
    fn top_bits_spread() {
        // 4096 short keys into 1024 slots: no slot should be very crowded.
        let mut slots = vec![0u32; 1024];
        for i in 0..4096u32 {
            let h = hash_bytes(0, format!("كلمة{i}").as_bytes());
            slots[(h >> 54) as usize] += 1;
        }
        let max = slots.iter().copied().max().unwrap_or(0);
        assert!(max < 20, "{max}");
        assert!(slots.iter().filter(|&&n| n == 0).count() < 100);
    }
}
