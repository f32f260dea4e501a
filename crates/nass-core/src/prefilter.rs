//! A vectorized prefilter for the engine's skip loop: finds, 16 or 32 bytes at a time, the
//! first code point that may need work in text where ASCII is kept, so that long stretches
//! of kept ASCII and kept Arabic letters (the two-byte sequences led by D8 and D9,
//! U+0600..U+067F) are skipped without a table lookup per code point.
//!
//! A byte position is *flagged* when
//! - it is a lead byte of a multi-byte sequence other than D8 and D9 (the scalar loop
//!   decides), or
//! - it is the continuation byte of a D8 or D9 sequence whose code point the table does
//!   not keep as an anchor (then the code point starts one byte earlier).
//!
//! ASCII bytes are never flagged: the prefilter is only built for tables that keep ASCII.
//! The membership test for continuation bytes is the usual nibble lookup: a 16-entry table
//! indexed by the low nibble holds one bit per high nibble 8..B.

/// Membership bits of continuation bytes after D8 and after D9, by low nibble.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Prefilter {
    after_d8: [u8; 16],
    after_d9: [u8; 16],
    level: Level,
}

/// The instruction set the prefilter uses on this machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    #[cfg(target_arch = "x86_64")]
    Ssse3,
    #[cfg(target_arch = "x86_64")]
    Avx2,
}

impl Prefilter {
    /// A prefilter for a table that keeps ASCII, given which D8/D9 code points it keeps as
    /// anchors; `None` when this machine has no vector unit the prefilter can use.
    pub(crate) fn new(keeps_anchor: impl Fn(u32) -> bool) -> Option<Prefilter> {
        Some(Self::with_level(Level::detect()?, keeps_anchor))
    }

    fn with_level(level: Level, keeps_anchor: impl Fn(u32) -> bool) -> Prefilter {
        let mut after_d8 = [0u8; 16];
        let mut after_d9 = [0u8; 16];
        for cont in 0x80u32..0xC0 {
            let (lo, hi) = ((cont & 0x0F) as usize, (cont >> 4) - 8);
            if !keeps_anchor(cont & 0x3F) {
                after_d8[lo] |= 1 << hi; // D8 xx is U+0600 + (xx & 0x3F)
            }
            if !keeps_anchor(0x40 | (cont & 0x3F)) {
                after_d9[lo] |= 1 << hi; // D9 xx is U+0640 + (xx & 0x3F)
            }
        }
        Prefilter {
            after_d8,
            after_d9,
            level,
        }
    }

    /// From the char boundary `i`, the start of the first code point that may need work,
    /// or a char boundary at most 32 bytes before the end of `b` when there is none before. `b`
    /// must be valid UTF-8 (it is the bytes of a `&str`).
    #[inline]
    pub(crate) fn skip(&self, b: &[u8], i: usize) -> usize {
        match self.level {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Level::detect` chose Avx2 only after checking the CPU has AVX2.
            Level::Avx2 => unsafe { x86::skip_avx2(self, b, i) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Level::detect` chose Ssse3 only after checking the CPU has SSSE3.
            Level::Ssse3 => unsafe { x86::skip_ssse3(self, b, i) },
        }
    }

    /// The length of the code point at the char boundary `i` when it is not flagged (it
    /// is ASCII or a kept D8/D9 sequence), `None` when it is.
    #[inline]
    fn unflagged_len(&self, b: &[u8], i: usize) -> Option<usize> {
        match b[i] {
            x @ (0xD8 | 0xD9) => {
                let cont = b[i + 1];
                let table = if x == 0xD8 {
                    &self.after_d8
                } else {
                    &self.after_d9
                };
                let flagged = table[usize::from(cont & 0x0F)] & (1 << ((cont >> 4) - 8)) != 0;
                (!flagged).then_some(2)
            }
            0xC0.. => None,
            _ => Some(1),
        }
    }

    /// The same as [`skip`](Self::skip), one code point at a time: the definition the
    /// vector code is tested against.
    #[cfg(test)]
    pub(crate) fn skip_scalar(&self, b: &[u8], mut i: usize) -> usize {
        while i < b.len() {
            match self.unflagged_len(b, i) {
                Some(len) => i += len,
                None => return i,
            }
        }
        i
    }
}

impl Level {
    /// Every level this machine supports (for tests: each code path is tested).
    #[cfg(test)]
    fn all_supported() -> Vec<Level> {
        let mut levels = Vec::new();
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("ssse3") {
                levels.push(Level::Ssse3);
            }
            if std::is_x86_feature_detected!("avx2") {
                levels.push(Level::Avx2);
            }
        }
        levels
    }

    fn detect() -> Option<Level> {
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx2") {
                return Some(Level::Avx2);
            }
            if std::is_x86_feature_detected!("ssse3") {
                return Some(Level::Ssse3);
            }
        }
        None
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::Prefilter;
    use std::arch::x86_64::*;

    /// Bit of each high nibble 8..B in the membership tables (0 for the others).
    const HIGH_BITS: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 0, 0, 0, 0];

    /// Steps back onto a char boundary: the vector loop may stop just after a D8 or D9
    /// lead whose continuation byte it has not looked at yet.
    #[inline(always)]
    fn boundary(b: &[u8], i: usize) -> usize {
        if i < b.len() && b[i] & 0xC0 == 0x80 {
            i - 1
        } else {
            i
        }
    }

    macro_rules! skip_body {
        ($p:ident, $b:ident, $i:ident, $width:literal, $load:ident, $set1:ident, $and:ident,
         $or:ident, $andnot:ident, $cmpeq:ident, $max:ident, $shuffle:ident, $srli:ident,
         $movemask:ident, $high_bits:ident, $after_d8:ident, $after_d9:ident) => {{
            let n = $b.len();
            let ptr = $b.as_ptr();
            let low_nibble = $set1(0x0F);
            let d8 = $set1(0xD8u8 as i8);
            let d9 = $set1(0xD9u8 as i8);
            let c0 = $set1(0xC0u8 as i8);
            let zero = $set1(0);
            // The vector loop needs the byte before `i`: take the first code point alone.
            if $i == 0 && n > 0 {
                match $p.unflagged_len($b, 0) {
                    Some(len) => $i = len,
                    None => return 0,
                }
            }
            while $i + $width <= n {
                // SAFETY: 1 <= $i and $i + $width <= n, so both unaligned loads, of
                // $width bytes at $i and at $i - 1, read inside `b`.
                let cur = $load(ptr.add($i).cast());
                let prev = $load(ptr.add($i - 1).cast());
                let lo = $and(cur, low_nibble);
                let hi = $and($srli::<4>(cur), low_nibble);
                let bit = $shuffle($high_bits, hi);
                let in8 = $and($shuffle($after_d8, lo), bit);
                let in9 = $and($shuffle($after_d9, lo), bit);
                let cont = $or($and($cmpeq(prev, d8), in8), $and($cmpeq(prev, d9), in9));
                let cont_mask = !($movemask($cmpeq(cont, zero)) as u32);
                let lead = $cmpeq($max(cur, c0), cur); // cur >= 0xC0, unsigned
                let arabic = $or($cmpeq(cur, d8), $cmpeq(cur, d9));
                let lead_mask = $movemask($andnot(arabic, lead)) as u32;
                let cont_mask = if $width == 32 {
                    cont_mask
                } else {
                    cont_mask & 0xFFFF
                };
                if cont_mask & 1 != 0 {
                    // The lead byte was the last byte of the previous vector.
                    return $i - 1;
                }
                let m = lead_mask | (cont_mask >> 1);
                if m != 0 {
                    return $i + m.trailing_zeros() as usize;
                }
                $i += $width;
            }
            boundary($b, $i)
        }};
    }

    /// [`Prefilter::skip`] with SSSE3, 16 bytes at a time.
    ///
    /// # Safety
    /// The CPU must support SSSE3.
    #[target_feature(enable = "ssse3")]
    pub(super) unsafe fn skip_ssse3(p: &Prefilter, b: &[u8], mut i: usize) -> usize {
        // SAFETY: the tables are 16 readable bytes each; every intrinsic here is SSE2 or
        // SSSE3, enabled on this function; the loads in the loop are bounded (see there).
        unsafe {
            let high_bits = _mm_loadu_si128(HIGH_BITS.as_ptr().cast());
            let after_d8 = _mm_loadu_si128(p.after_d8.as_ptr().cast());
            let after_d9 = _mm_loadu_si128(p.after_d9.as_ptr().cast());
            skip_body!(
                p,
                b,
                i,
                16,
                _mm_loadu_si128,
                _mm_set1_epi8,
                _mm_and_si128,
                _mm_or_si128,
                _mm_andnot_si128,
                _mm_cmpeq_epi8,
                _mm_max_epu8,
                _mm_shuffle_epi8,
                _mm_srli_epi16,
                _mm_movemask_epi8,
                high_bits,
                after_d8,
                after_d9
            )
        }
    }

    /// [`Prefilter::skip`] with AVX2, 32 bytes at a time.
    ///
    /// # Safety
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn skip_avx2(p: &Prefilter, b: &[u8], mut i: usize) -> usize {
        // SAFETY: the tables are 16 readable bytes each; every intrinsic here is AVX or
        // AVX2, enabled on this function; the loads in the loop are bounded (see there).
        unsafe {
            let high_bits = _mm256_broadcastsi128_si256(_mm_loadu_si128(HIGH_BITS.as_ptr().cast()));
            let after_d8 = _mm256_broadcastsi128_si256(_mm_loadu_si128(p.after_d8.as_ptr().cast()));
            let after_d9 = _mm256_broadcastsi128_si256(_mm_loadu_si128(p.after_d9.as_ptr().cast()));
            skip_body!(
                p,
                b,
                i,
                32,
                _mm256_loadu_si256,
                _mm256_set1_epi8,
                _mm256_and_si256,
                _mm256_or_si256,
                _mm256_andnot_si256,
                _mm256_cmpeq_epi8,
                _mm256_max_epu8,
                _mm256_shuffle_epi8,
                _mm256_srli_epi16,
                _mm256_movemask_epi8,
                high_bits,
                after_d8,
                after_d9
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// For each vector level of this machine, a table that keeps ا and the letters ب..غ,
    /// ف..ي, and flags the rest of U+0600..U+067F (hamza forms, tatweel, marks, digits).
    fn prefilters() -> Vec<Prefilter> {
        Level::all_supported()
            .into_iter()
            .map(|level| {
                Prefilter::with_level(level, |off| {
                    let cp = 0x600 + off;
                    (0x628..=0x63A).contains(&cp) || (0x641..=0x64A).contains(&cp) || cp == 0x627
                })
            })
            .collect()
    }

    #[test]
    fn this_machine_has_a_vector_level() {
        // Not a property of the code, but the tests below would prove nothing without it.
        #[cfg(target_arch = "x86_64")]
        assert!(!prefilters().is_empty());
    }

    /// Text where most code points are kept and a few are flagged, so that the first
    /// flagged one often lies many vectors in, at any offset within a vector.
    fn pieces() -> impl Strategy<Value = String> {
        let kept = prop::sample::select(vec!["ب", "ا", "ك", "ل", "ي", " ", "a", "\n"]);
        let flagged = prop::sample::select(vec![
            "أ", "ة", "ـ", "\u{64E}", "\u{651}", "é", "€", "😀", "ی", "٣",
        ]);
        let piece = prop_oneof![30 => kept, 1 => flagged];
        prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn vector_skip_equals_scalar_skip(s in pieces(), from in 0usize..200) {
            for p in prefilters() {
            let b = s.as_bytes();
            let from = (0..=from.min(b.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap();
            let fast = p.skip(b, from);
            let exact = p.skip_scalar(b, from);
            prop_assert!(s.is_char_boundary(fast), "{} not a boundary in {:?}", fast, s);
            prop_assert!(fast <= exact, "skipped past work at {} to {} in {:?}", exact, fast, s);
            // It stops at the first flagged code point, unless that is in the tail the
            // vector loop leaves to the caller.
            prop_assert!(fast == exact || b.len() - fast <= 32, "{} vs {} in {:?}", fast, exact, s);
            prop_assert_eq!(p.skip_scalar(b, fast), exact);
            }
        }
    }

    #[test]
    fn stops_on_work_and_on_other_scripts() {
        for p in prefilters() {
            let text = "كتب كتب كتب كتب كتب كتب كتب كتب كتب كتب أ كتب كتب كتب كتب كتب كتب كتب";
            let at = text.find('أ').unwrap();
            assert_eq!(p.skip(text.as_bytes(), 0), at);
            let text =
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz€ and more text after it";
            assert_eq!(p.skip(text.as_bytes(), 0), text.find('€').unwrap());
            // Nothing flagged: it stops within the last vector's width of the end.
            let text = "بب".repeat(40);
            let stop = p.skip(text.as_bytes(), 0);
            assert!(
                text.len() - stop <= 32 && text.is_char_boundary(stop),
                "{stop}"
            );
            assert_eq!(p.skip(b"", 0), 0);
        }
    }

    #[test]
    fn a_code_point_split_between_two_vectors() {
        for p in prefilters() {
            // a (1 byte), 15 ب, x: the lead byte of أ is the last byte of the first vector
            // of either width (bytes 1..17 or 1..33), its continuation the first of the next.
            for width in [16, 32] {
                let head = format!("a{}x", "ب".repeat((width - 2) / 2));
                let text = format!("{head}أ{}", "ب".repeat(40));
                assert_eq!(head.len(), width);
                if (p.level == Level::Avx2) == (width == 32) {
                    assert_eq!(p.skip(text.as_bytes(), 0), head.len(), "{:?}", p.level);
                }
            }
        }
    }
}
