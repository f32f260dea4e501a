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
//!
//! The same classification drives [`Prefilter::copy_replacing`], which copies running
//! text to the output a vector at a time and patches in place the flagged D8/D9 code
//! points the table replaces by one other two-byte code point (أ to ا, ة to ه in the
//! `search` preset): in news text those are about one code point in sixteen, and each
//! used to cost a trip through the general path.

/// What the table does to one code point U+0600..U+067F (a D8 or D9 sequence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PairAction {
    /// Kept as it is, an anchor.
    Keep,
    /// Replaced by this two-byte code point, whatever its neighbours.
    Replace(char),
    /// Anything else: the general path decides.
    Work,
}

/// Membership bits of continuation bytes after D8 and after D9, by low nibble: those not
/// kept (`after_*`), and among them those replaced by a two-byte code point
/// (`replaced_after_*`), whose replacements `pairs` holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Prefilter {
    after_d8: [u8; 16],
    after_d9: [u8; 16],
    replaced_after_d8: [u8; 16],
    replaced_after_d9: [u8; 16],
    /// The UTF-8 bytes of the replacement of U+0600 + k, at k (0..0x80), for the code
    /// points whose action is [`PairAction::Replace`].
    pairs: [[u8; 2]; 0x80],
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
    /// A prefilter for a table that keeps ASCII, given what it does to each code point
    /// U+0600 + k (k in 0..0x80); `None` when this machine has no vector unit the
    /// prefilter can use.
    pub(crate) fn new(action: impl Fn(u32) -> PairAction) -> Option<Prefilter> {
        Some(Self::with_level(Level::detect()?, action))
    }

    fn with_level(level: Level, action: impl Fn(u32) -> PairAction) -> Prefilter {
        let mut after_d8 = [0u8; 16];
        let mut after_d9 = [0u8; 16];
        let mut replaced_after_d8 = [0u8; 16];
        let mut replaced_after_d9 = [0u8; 16];
        let mut pairs = [[0u8; 2]; 0x80];
        for k in 0..0x80u32 {
            // D8 xx is U+0600 + (xx & 0x3F), D9 xx is U+0640 + (xx & 0x3F).
            let (after, replaced_after) = if k < 0x40 {
                (&mut after_d8, &mut replaced_after_d8)
            } else {
                (&mut after_d9, &mut replaced_after_d9)
            };
            let cont = 0x80 | (k & 0x3F);
            let (lo, bit) = ((cont & 0x0F) as usize, 1u8 << ((cont >> 4) - 8));
            match action(k) {
                PairAction::Keep => {}
                PairAction::Replace(c) if c.len_utf8() == 2 => {
                    after[lo] |= bit;
                    replaced_after[lo] |= bit;
                    c.encode_utf8(&mut pairs[k as usize]);
                }
                PairAction::Replace(_) | PairAction::Work => after[lo] |= bit,
            }
        }
        Prefilter {
            after_d8,
            after_d9,
            replaced_after_d8,
            replaced_after_d9,
            pairs,
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
            Level::Avx2 => unsafe { x86::avx2::skip(self, b, i) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Level::detect` chose Ssse3 only after checking the CPU has SSSE3.
            Level::Ssse3 => unsafe { x86::ssse3::skip(self, b, i) },
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

    /// From the char boundary `i` (not 0), appends to `out` the code points the table
    /// keeps and those it replaces by a two-byte code point (replaced), up to the first
    /// one that needs other work, or up to a char boundary at most 32 bytes before the end
    /// of `b` when there is none. Returns where it stopped. `b` must be valid UTF-8 (it is
    /// the bytes of a `&str`).
    #[inline]
    pub(crate) fn copy_replacing(&self, b: &[u8], i: usize, out: &mut String) -> usize {
        assert!(
            i > 0 && i <= b.len(),
            "copy_replacing needs the byte before {i}"
        );
        match self.level {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Level::detect` chose Avx2 only after checking the CPU has AVX2;
            // `b` is valid UTF-8 and 0 < i <= b.len(), as the function requires.
            Level::Avx2 => unsafe { x86::avx2::copy_replacing(self, b, i, out) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: as above, with SSSE3.
            Level::Ssse3 => unsafe { x86::ssse3::copy_replacing(self, b, i, out) },
        }
    }

    /// The replacement of the D8/D9 code point at `i`, when the table replaces it by a
    /// two-byte code point.
    #[inline]
    fn pair_at(&self, b: &[u8], i: usize) -> [u8; 2] {
        self.pairs[usize::from((b[i] & 1) << 6 | (b[i + 1] & 0x3F))]
    }

    /// The same as [`copy_replacing`](Self::copy_replacing), one code point at a time,
    /// never stopping early: the definition the vector code is tested against.
    #[cfg(test)]
    pub(crate) fn copy_replacing_scalar(&self, b: &[u8], mut i: usize, out: &mut Vec<u8>) -> usize {
        while i < b.len() {
            if let Some(len) = self.unflagged_len(b, i) {
                out.extend_from_slice(&b[i..i + len]);
                i += len;
            } else if matches!(b[i], 0xD8 | 0xD9) && self.is_replaced(b[i], b[i + 1]) {
                out.extend_from_slice(&self.pair_at(b, i));
                i += 2;
            } else {
                break;
            }
        }
        i
    }

    #[cfg(test)]
    fn is_replaced(&self, lead: u8, cont: u8) -> bool {
        let table = if lead == 0xD8 {
            &self.replaced_after_d8
        } else {
            &self.replaced_after_d9
        };
        table[usize::from(cont & 0x0F)] & (1 << ((cont >> 4) - 8)) != 0
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

    /// Defines, in module `$name` for one vector width, `skip` and `copy_replacing` (see
    /// [`Prefilter`]) from that width's intrinsics. `$table` loads a 16-byte table into
    /// every 16-byte lane.
    macro_rules! vector_fns {
        ($name:ident, $feature:literal, $width:literal, $vec:ty, $table:expr, $load:ident,
         $store:ident, $set1:ident, $and:ident, $or:ident, $andnot:ident, $cmpeq:ident,
         $max:ident, $shuffle:ident, $srli:ident, $movemask:ident) => {
            pub(super) mod $name {
                use super::{boundary, Prefilter, HIGH_BITS};
                use std::arch::x86_64::*;

                /// What one vector of the text shares among its membership tests.
                struct Block {
                    low_nibble: $vec,
                    high_bit: $vec,
                    after_d8: $vec,
                    after_d9: $vec,
                    /// Bit k: byte k is a lead byte other than D8 and D9.
                    other_leads: u32,
                }

                /// The vector of `b` at `i`.
                ///
                /// # Safety
                /// The CPU must support the feature; `1 <= i` and `i + width <= b.len()`.
                #[target_feature(enable = $feature)]
                #[inline]
                unsafe fn block(b: &[u8], i: usize) -> Block {
                    // SAFETY: both unaligned loads, of `width` bytes at `i` and at `i - 1`,
                    // read inside `b` (the caller's bounds); the feature is enabled.
                    unsafe {
                        let ptr = b.as_ptr();
                        let cur = $load(ptr.add(i).cast());
                        let prev = $load(ptr.add(i - 1).cast());
                        let (d8, d9) = ($set1(0xD8u8 as i8), $set1(0xD9u8 as i8));
                        let low_nibble = $set1(0x0F);
                        let high_nibble = $and($srli::<4>(cur), low_nibble);
                        let lead = $cmpeq($max(cur, $set1(0xC0u8 as i8)), cur); // cur >= 0xC0
                        let arabic = $or($cmpeq(cur, d8), $cmpeq(cur, d9));
                        Block {
                            low_nibble: $and(cur, low_nibble),
                            high_bit: $shuffle($table(&HIGH_BITS), high_nibble),
                            after_d8: $cmpeq(prev, d8),
                            after_d9: $cmpeq(prev, d9),
                            other_leads: $movemask($andnot(arabic, lead)) as u32,
                        }
                    }
                }

                /// Bit k: byte k continues a D8 or D9 sequence, and is in `in_d8` (after
                /// D8) or `in_d9` (after D9).
                #[target_feature(enable = $feature)]
                #[inline]
                fn continuations(block: &Block, in_d8: $vec, in_d9: $vec) -> u32 {
                    let in_d8 = $and($shuffle(in_d8, block.low_nibble), block.high_bit);
                    let in_d9 = $and($shuffle(in_d9, block.low_nibble), block.high_bit);
                    let found = $or($and(block.after_d8, in_d8), $and(block.after_d9, in_d9));
                    let width_bits = if $width == 32 { u32::MAX } else { 0xFFFF };
                    !($movemask($cmpeq(found, $set1(0))) as u32) & width_bits
                }

                /// [`Prefilter::skip`], a vector at a time.
                ///
                /// # Safety
                /// The CPU must support the feature.
                #[target_feature(enable = $feature)]
                pub(in super::super) unsafe fn skip(
                    p: &Prefilter,
                    b: &[u8],
                    mut i: usize,
                ) -> usize {
                    let n = b.len();
                    // The vector loop needs the byte before `i`: take the first code point
                    // alone.
                    if i == 0 && n > 0 {
                        match p.unflagged_len(b, 0) {
                            Some(len) => i = len,
                            None => return 0,
                        }
                    }
                    // SAFETY: the tables are 16 readable bytes each.
                    let (in_d8, in_d9) = unsafe { ($table(&p.after_d8), $table(&p.after_d9)) };
                    while i + $width <= n {
                        // SAFETY: 1 <= i and i + width <= n.
                        let block = unsafe { block(b, i) };
                        let flagged = continuations(&block, in_d8, in_d9);
                        if flagged & 1 != 0 {
                            // The lead byte was the last byte of the previous vector.
                            return i - 1;
                        }
                        let m = block.other_leads | (flagged >> 1);
                        if m != 0 {
                            return i + m.trailing_zeros() as usize;
                        }
                        i += $width;
                    }
                    boundary(b, i)
                }

                /// [`Prefilter::copy_replacing`], a vector at a time: each vector is
                /// stored to the output as it is, then the replaced code points in it are
                /// patched.
                ///
                /// # Safety
                /// The CPU must support the feature; `0 < i <= b.len()` must be a char
                /// boundary of `b`, which must be valid UTF-8.
                #[target_feature(enable = $feature)]
                pub(in super::super) unsafe fn copy_replacing(
                    p: &Prefilter,
                    b: &[u8],
                    mut i: usize,
                    out: &mut String,
                ) -> usize {
                    let n = b.len();
                    let start = i;
                    // The stores and patches write at most up to where the output of the
                    // text read so far ends, and that output is as long as the text (each
                    // code point is copied, or replaced by one of the same length).
                    out.reserve(n - start);
                    let old_len = out.len();
                    // SAFETY: only `set_len` below changes the string's length (see there).
                    let v = unsafe { out.as_mut_vec() };
                    let dst = v.spare_capacity_mut().as_mut_ptr().cast::<u8>();
                    // SAFETY: the tables are 16 readable bytes each.
                    let (flag_d8, flag_d9, replace_d8, replace_d9) = unsafe {
                        (
                            $table(&p.after_d8),
                            $table(&p.after_d9),
                            $table(&p.replaced_after_d8),
                            $table(&p.replaced_after_d9),
                        )
                    };
                    let mut stopped = false;
                    while i + $width <= n {
                        // SAFETY: 1 <= start <= i and i + width <= n.
                        let block = unsafe { block(b, i) };
                        let replaced = continuations(&block, replace_d8, replace_d9);
                        let work = continuations(&block, flag_d8, flag_d9) & !replaced;
                        if work & 1 != 0 {
                            // Work for the code point whose lead byte ended the last vector.
                            i -= 1;
                            stopped = true;
                            break;
                        }
                        // SAFETY: the load reads `width` bytes at `i`, inside `b`; the
                        // store writes them at `i - start`, ending at most at `n - start`,
                        // within the capacity reserved above.
                        unsafe {
                            let text = $load(b.as_ptr().add(i).cast());
                            $store(dst.add(i - start).cast(), text);
                        }
                        let work = block.other_leads | (work >> 1);
                        // The replaced code points before the first that needs work (`width`
                        // or more when none does). Bit k of `replaced` is the continuation
                        // byte at i + k, so the lead byte is at i + k - 1.
                        let stop = work.trailing_zeros() as usize;
                        let mut replaced = if stop >= 31 {
                            replaced
                        } else {
                            replaced & ((2 << stop) - 1)
                        };
                        while replaced != 0 {
                            let at = i + replaced.trailing_zeros() as usize - 1;
                            // SAFETY: a two-byte code point starts at `at`, in
                            // `start..i + width - 1` (bit 0 is never set in the first vector,
                            // which starts on a char boundary); its two bytes were stored at
                            // `at - start`, within the reservation, and are overwritten.
                            unsafe {
                                dst.add(at - start)
                                    .cast::<[u8; 2]>()
                                    .write_unaligned(p.pair_at(b, at))
                            };
                            replaced &= replaced - 1;
                        }
                        if work != 0 {
                            i += stop;
                            stopped = true;
                            break;
                        }
                        i += $width;
                    }
                    if !stopped {
                        i = boundary(b, i);
                    }
                    // SAFETY: the `i - start` bytes at `old_len` were written above, within
                    // the capacity: the text `start..i`, a vector at a time, with each
                    // replaced two-byte code point overwritten by the UTF-8 encoding of its
                    // replacement, a `char` of the same length. `i` is a char boundary of
                    // `b` (the start of a code point that needs work, or where `boundary`
                    // stepped back to), so the bytes are whole code points: valid UTF-8.
                    unsafe { v.set_len(old_len + (i - start)) };
                    i
                }
            }
        };
    }

    /// A 16-byte table in the SSE register.
    ///
    /// # Safety
    /// The CPU must support SSE2.
    #[target_feature(enable = "ssse3")]
    #[inline]
    unsafe fn table128(t: &[u8; 16]) -> std::arch::x86_64::__m128i {
        // SAFETY: `t` is 16 readable bytes.
        unsafe { std::arch::x86_64::_mm_loadu_si128(t.as_ptr().cast()) }
    }

    /// A 16-byte table in both lanes of the AVX register.
    ///
    /// # Safety
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn table256(t: &[u8; 16]) -> std::arch::x86_64::__m256i {
        use std::arch::x86_64::*;
        // SAFETY: `t` is 16 readable bytes.
        unsafe { _mm256_broadcastsi128_si256(_mm_loadu_si128(t.as_ptr().cast())) }
    }

    vector_fns!(
        ssse3,
        "ssse3",
        16,
        __m128i,
        super::table128,
        _mm_loadu_si128,
        _mm_storeu_si128,
        _mm_set1_epi8,
        _mm_and_si128,
        _mm_or_si128,
        _mm_andnot_si128,
        _mm_cmpeq_epi8,
        _mm_max_epu8,
        _mm_shuffle_epi8,
        _mm_srli_epi16,
        _mm_movemask_epi8
    );
    vector_fns!(
        avx2,
        "avx2",
        32,
        __m256i,
        super::table256,
        _mm256_loadu_si256,
        _mm256_storeu_si256,
        _mm256_set1_epi8,
        _mm256_and_si256,
        _mm256_or_si256,
        _mm256_andnot_si256,
        _mm256_cmpeq_epi8,
        _mm256_max_epu8,
        _mm256_shuffle_epi8,
        _mm256_srli_epi16,
        _mm256_movemask_epi8
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// For each vector level of this machine, a table that keeps ا and the letters ب..غ,
    /// ف..ي, replaces أ, ة and ى by ا, ه and ي, and flags the rest of U+0600..U+067F (other
    /// hamza forms, tatweel, marks, digits).
    fn prefilters() -> Vec<Prefilter> {
        Level::all_supported()
            .into_iter()
            .map(|level| {
                Prefilter::with_level(level, |off| match char::from_u32(0x600 + off) {
                    Some('أ') => PairAction::Replace('ا'),
                    Some('ة') => PairAction::Replace('ه'),
                    Some('ى') => PairAction::Replace('ي'),
                    Some('ا' | 'ب'..='غ' | 'ف'..='ي') => PairAction::Keep,
                    _ => PairAction::Work,
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

    proptest! {
        #[test]
        fn vector_copy_equals_scalar_copy(prefix in "[a-z ]{0,3}", s in pieces(), from in 1usize..200) {
            // Any start after the first code point (the vector loop reads the byte before).
            let s = format!("{prefix}{s}");
            let b = s.as_bytes();
            prop_assume!(!s.is_empty());
            let from = (1..=from.min(b.len())).find(|&i| s.is_char_boundary(i)).unwrap_or(b.len());
            for p in prefilters() {
                let mut fast = String::from("kept");
                let stop = p.copy_replacing(b, from, &mut fast);
                let mut exact = b"kept".to_vec();
                let end = p.copy_replacing_scalar(b, from, &mut exact);
                prop_assert!(s.is_char_boundary(stop), "{} not a boundary in {:?}", stop, s);
                prop_assert!(stop >= from && stop <= end, "{} outside {}..={} in {:?}", stop, from, end, s);
                prop_assert!(stop == end || b.len() - stop <= 32, "{} vs {} in {:?}", stop, end, s);
                // What it wrote is the scalar output up to where it stopped.
                let mut rest = Vec::new();
                prop_assert_eq!(p.copy_replacing_scalar(b, stop, &mut rest), end);
                let mut joined = fast.into_bytes();
                joined.extend_from_slice(&rest);
                prop_assert_eq!(joined, exact, "{:?} from {}", s, from);
            }
        }
    }

    #[test]
    fn copies_replacing_in_place_and_stops_on_work() {
        for p in prefilters() {
            let pad = "كتب ".repeat(10);
            // أ and ة are replaced in place; ـ (tatweel) needs work.
            let text = format!("x{pad}أمة{pad}ـ{pad}");
            let mut out = String::new();
            let stop = p.copy_replacing(text.as_bytes(), 1, &mut out);
            assert_eq!(stop, text.find('ـ').unwrap(), "{:?}", p.level);
            assert_eq!(out, format!("{pad}امه{pad}"));
            // A replaced letter split between two vectors, at every offset.
            for k in 0..40 {
                let text = format!("x{}أ{}", "a".repeat(k), "ب".repeat(40));
                let mut out = String::new();
                let stop = p.copy_replacing(text.as_bytes(), 1, &mut out);
                let expected = format!("{}ا{}", "a".repeat(k), "ب".repeat(40));
                assert!(text.len() - stop <= 32, "{k}: {stop}");
                assert_eq!(out, expected[..stop - 1], "{k}");
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
