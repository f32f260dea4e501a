//! The vector loops of the engine, for tables that keep ASCII: 16 or 32 bytes at a time,
//! they find the first code point that may need work (the skip loop's prefilter), or copy
//! running text to the output while patching the letters replaced by another two-byte
//! letter in place ([`Prefilter::copy_replacing`]).
//!
//! Arabic letters are the two-byte sequences led by D8 and D9 (U+0600..U+067F). A byte
//! position is *flagged* when
//! - it is a lead byte of a multi-byte sequence other than D8 and D9 (the scalar code
//!   decides), or
//! - it is the continuation byte of a D8 or D9 sequence whose code point the table does
//!   not keep as an anchor (then the code point starts one byte earlier).
//!
//! ASCII bytes are never flagged. The membership test for continuation bytes is a nibble
//! lookup: a 16-entry table indexed by the low nibble holds one bit per high nibble 8..B
//! after D8 (bits 0..4) and after D9 (bits 4..8).
//!
//! Among the flagged D8/D9 code points, those the table replaces by one other two-byte
//! code point whatever their neighbours (أ to ا, ة to ه in the `search` preset) are about
//! one code point in sixteen in news text. `copy_replacing` stores each vector of text to
//! the output as it is and then overwrites those in place, so they never leave the vector
//! loop; other flagged code points that the table maps on their own to something no
//! longer (“, •, ی) are passed one at a time without leaving it either.

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

/// The membership tables of flagged and of replaced continuation bytes (see the module
/// docs), and the replacements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Prefilter {
    flagged: [u8; 16],
    replaced: [u8; 16],
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

/// The bit of the continuation byte `cont` after the lead byte `lead` (D8 or D9) in the
/// membership tables, and the table index.
#[inline]
fn member(lead: u8, cont: u8) -> (usize, u8) {
    let shift = ((cont >> 4) - 8) + 4 * (lead & 1);
    (usize::from(cont & 0x0F), 1 << shift)
}

impl Prefilter {
    /// A prefilter for a table that keeps ASCII, given what it does to each code point
    /// U+0600 + k (k in 0..0x80); `None` when this machine has no vector unit the
    /// prefilter can use.
    pub(crate) fn new(action: impl Fn(u32) -> PairAction) -> Option<Prefilter> {
        Some(Self::with_level(Level::detect()?, action))
    }

    fn with_level(level: Level, action: impl Fn(u32) -> PairAction) -> Prefilter {
        let mut flagged = [0u8; 16];
        let mut replaced = [0u8; 16];
        let mut pairs = [[0u8; 2]; 0x80];
        for k in 0..0x80u8 {
            // D8 xx is U+0600 + (xx & 0x3F), D9 xx is U+0640 + (xx & 0x3F).
            let (lo, bit) = member(0xD8 | (k >> 6), 0x80 | (k & 0x3F));
            match action(u32::from(k)) {
                PairAction::Keep => {}
                PairAction::Replace(c) if c.len_utf8() == 2 => {
                    flagged[lo] |= bit;
                    replaced[lo] |= bit;
                    c.encode_utf8(&mut pairs[usize::from(k)]);
                }
                PairAction::Replace(_) | PairAction::Work => flagged[lo] |= bit,
            }
        }
        Prefilter {
            flagged,
            replaced,
            pairs,
            level,
        }
    }

    /// From the char boundary `i`, the start of the first code point that may need work,
    /// or a char boundary at most 32 bytes before the end of `b` when there is none before.
    /// `b` must be valid UTF-8 (it is the bytes of a `&str`).
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

    /// Whether the D8/D9 code point at `i` is in `table`.
    #[inline]
    fn pair_in(table: &[u8; 16], b: &[u8], i: usize) -> bool {
        let (lo, bit) = member(b[i], b[i + 1]);
        table[lo] & bit != 0
    }

    /// The length of the code point at the char boundary `i` when it is not flagged (it
    /// is ASCII or a kept D8/D9 sequence), `None` when it is.
    #[inline]
    fn unflagged_len(&self, b: &[u8], i: usize) -> Option<usize> {
        match b[i] {
            0xD8 | 0xD9 => (!Self::pair_in(&self.flagged, b, i)).then_some(2),
            0xC0.. => None,
            _ => Some(1),
        }
    }

    /// From the char boundary `i` of `text` (not 0), appends to `out` the code points the
    /// table keeps, those it replaces by a two-byte code point, and those for which
    /// `alone(c)` gives what `c` becomes on its own (`Some(r)` with `r` no longer than `c`;
    /// anything else stops the copy), up to the first code point that needs other work,
    /// or up to a char boundary at most 32 bytes before the end when there is none.
    /// Returns where it stopped.
    #[inline]
    pub(crate) fn copy_replacing(
        &self,
        text: &str,
        i: usize,
        out: &mut String,
        alone: impl Fn(char) -> Option<char>,
    ) -> usize {
        assert!(
            i > 0 && text.is_char_boundary(i),
            "copy_replacing needs a char boundary after the first byte, not {i}"
        );
        match self.level {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Level::detect` chose Avx2 only after checking the CPU has AVX2;
            // `i` is a char boundary of `text` after its first byte.
            Level::Avx2 => unsafe { x86::avx2::copy_replacing(self, text, i, out, alone) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: as above, with SSSE3.
            Level::Ssse3 => unsafe { x86::ssse3::copy_replacing(self, text, i, out, alone) },
        }
    }

    /// The replacement of the D8/D9 code point at `i`, when the table replaces it by a
    /// two-byte code point.
    #[cfg(test)]
    fn pair_at(&self, b: &[u8], i: usize) -> [u8; 2] {
        self.pairs[usize::from((b[i] & 1) << 6 | (b[i + 1] & 0x3F))]
    }

    /// The same as [`copy_replacing`](Self::copy_replacing), one code point at a time,
    /// never stopping early: the definition the vector code is tested against.
    #[cfg(test)]
    pub(crate) fn copy_replacing_scalar(
        &self,
        text: &str,
        mut i: usize,
        out: &mut String,
        alone: impl Fn(char) -> Option<char>,
    ) -> usize {
        let b = text.as_bytes();
        while let Some(c) = text[i..].chars().next() {
            if self.unflagged_len(b, i).is_some() {
                out.push(c);
            } else if matches!(b[i], 0xD8 | 0xD9) && Self::pair_in(&self.replaced, b, i) {
                out.push_str(std::str::from_utf8(&self.pair_at(b, i)).unwrap());
            } else {
                match alone(c) {
                    Some(r) if r.len_utf8() <= c.len_utf8() => out.push(r),
                    _ => break,
                }
            }
            i += c.len_utf8();
        }
        i
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

    /// By high nibble: the bit of 8..B in the membership tables after D8 (0 for the
    /// others); shifted left by 4, after D9.
    const HIGH_BITS: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 0, 0, 0, 0];

    /// By high nibble: all ones for the lead bytes C..F.
    const LEADS: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF];

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
         $shuffle:ident, $srli:ident, $slli:ident, $movemask:ident) => {
            pub(super) mod $name {
                use super::{boundary, Prefilter, HIGH_BITS, LEADS};
                use std::arch::x86_64::*;

                /// One vector of the text, classified.
                struct Block {
                    /// The bytes at `i`, and at `i - 1`.
                    cur: $vec,
                    prev: $vec,
                    low_nibble: $vec,
                    /// By byte: the bit its membership test reads (0 when it does not
                    /// continue a D8 or D9 sequence).
                    select: $vec,
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
                        let low = $set1(0x0F);
                        let high_nibble = $and($srli::<4>(cur), low);
                        let bit = $shuffle($table(&HIGH_BITS), high_nibble);
                        // (Each byte of `bit` is below 16: shifting 16-bit lanes by 4
                        // moves no bit into the next byte.)
                        let select = $or(
                            $and($cmpeq(prev, $set1(0xD8u8 as i8)), bit),
                            $and($cmpeq(prev, $set1(0xD9u8 as i8)), $slli::<4>(bit)),
                        );
                        let lead = $shuffle($table(&LEADS), high_nibble);
                        let arabic = $cmpeq($and(cur, $set1(0xFEu8 as i8)), $set1(0xD8u8 as i8));
                        Block {
                            cur,
                            prev,
                            low_nibble: $and(cur, low),
                            select,
                            other_leads: $movemask($andnot(arabic, lead)) as u32,
                        }
                    }
                }

                /// Bit k: byte k continues a D8 or D9 sequence whose code point is in
                /// `table`.
                #[target_feature(enable = $feature)]
                #[inline]
                fn members(block: &Block, table: $vec) -> u32 {
                    let found = $and($shuffle(table, block.low_nibble), block.select);
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
                    // SAFETY: the table is 16 readable bytes.
                    let flagged = unsafe { $table(&p.flagged) };
                    while i + $width <= n {
                        // SAFETY: 1 <= i and i + width <= n.
                        let block = unsafe { block(b, i) };
                        let conts = members(&block, flagged);
                        if conts & 1 != 0 {
                            // The lead byte was the last byte of the previous vector.
                            return i - 1;
                        }
                        let m = block.other_leads | (conts >> 1);
                        if m != 0 {
                            return i + m.trailing_zeros() as usize;
                        }
                        i += $width;
                    }
                    boundary(b, i)
                }

                /// [`Prefilter::copy_replacing`], a vector at a time: each vector is
                /// stored to the output as it is, then the replaced code points in it are
                /// patched; a code point `alone` maps is written on its own.
                ///
                /// # Safety
                /// The CPU must support the feature; `i` must be a char boundary of
                /// `text` after its first byte.
                #[target_feature(enable = $feature)]
                pub(in super::super) unsafe fn copy_replacing(
                    p: &Prefilter,
                    text: &str,
                    mut i: usize,
                    out: &mut String,
                    alone: impl Fn(char) -> Option<char>,
                ) -> usize {
                    let b = text.as_bytes();
                    let n = b.len();
                    let start = i;
                    // The output of `text[start..i]` is never longer than it (a code point
                    // is copied, or replaced by one no longer), and the writes go at most
                    // `width` bytes (a vector) or 4 bytes (a code point) past the output
                    // so far, never past the end of the text they stand for, plus 4.
                    out.reserve(n - start + 4);
                    let old_len = out.len();
                    // SAFETY: only `set_len` below changes the string's length (see there).
                    let v = unsafe { out.as_mut_vec() };
                    let dst = v.spare_capacity_mut().as_mut_ptr().cast::<u8>();
                    // SAFETY: the tables are 16 readable bytes each.
                    let (flagged, replaced) = unsafe { ($table(&p.flagged), $table(&p.replaced)) };
                    // The output of `text[start..i]` is `dst[..o]`.
                    let mut o = 0usize;
                    loop {
                        if i + $width > n {
                            // A vector's store may have copied a D8/D9 lead byte whose
                            // continuation byte is in the tail: leave it to the caller.
                            let back = i - boundary(b, i);
                            i -= back;
                            o -= back;
                            break;
                        }
                        // SAFETY: 1 <= start <= i and i + width <= n.
                        let block = unsafe { block(b, i) };
                        let swapped = members(&block, replaced);
                        let work = members(&block, flagged) & !swapped;
                        if work & 1 != 0 {
                            // The code point whose lead byte ended the last vector (copied
                            // as it is, one byte before `o`).
                            i -= 1;
                            o -= 1;
                        } else {
                            // SAFETY: the store writes the `width` bytes at `i` at
                            // `o <= i - start`, ending at most at `n - start`, within the
                            // reservation.
                            unsafe { $store(dst.add(o).cast(), block.cur) };
                            let work = block.other_leads | (work >> 1);
                            // The replaced code points before the first flagged one that
                            // is not (all when `stop` is `width` or more). Bit k of
                            // `swapped` is the continuation byte at i + k, so the code
                            // point starts at i + k - 1, and its output at o + k - 1.
                            let stop = work.trailing_zeros() as usize;
                            let mut swapped = if stop >= 31 {
                                swapped
                            } else {
                                swapped & ((2 << stop) - 1)
                            };
                            // By byte: the index in `pairs` of the code point whose
                            // continuation byte it is (the lead byte's low bit, then the
                            // continuation byte's six).
                            let mut index = [0u8; $width];
                            if swapped != 0 {
                                let low6 = $and(block.cur, $set1(0x3F));
                                let d9 = $slli::<6>($and(block.prev, $set1(1)));
                                // SAFETY: `index` is `width` writable bytes.
                                unsafe { $store(index.as_mut_ptr().cast(), $or(low6, d9)) };
                            }
                            while swapped != 0 {
                                let k = swapped.trailing_zeros() as usize;
                                let pair = p.pairs[usize::from(index[k % $width] & 0x7F)];
                                // SAFETY: a two-byte code point starts at i + k - 1. For
                                // k = 0 its lead byte is the one before `i`: not the end of
                                // a code point written on its own, nor before `start` (a
                                // char boundary), so the last vector's store copied it to
                                // o - 1. Either way it was stored at o + k - 1 and is
                                // overwritten by two bytes, within the reservation.
                                unsafe {
                                    dst.add(o + k - 1).cast::<[u8; 2]>().write_unaligned(pair)
                                };
                                swapped &= swapped - 1;
                            }
                            if work == 0 {
                                i += $width;
                                o += $width;
                                continue;
                            }
                            i += stop;
                            o += stop;
                        }
                        // The code point at `i` (a char boundary: a lead byte) needs a look.
                        let Some(c) = text[i..].chars().next() else {
                            break;
                        };
                        let Some(r) = alone(c).filter(|r| r.len_utf8() <= c.len_utf8()) else {
                            break;
                        };
                        let mut bytes = [0u8; 4];
                        let len = r.encode_utf8(&mut bytes).len();
                        // SAFETY: `o <= i - start` and `i < n`: the four bytes end at most
                        // at `n - start + 3`, within the reservation.
                        unsafe { dst.add(o).cast::<[u8; 4]>().write_unaligned(bytes) };
                        i += c.len_utf8();
                        o += len;
                    }
                    // SAFETY: `dst[..o]` was written above, within the capacity: the text
                    // `start..i` a vector at a time, each replaced two-byte code point then
                    // overwritten by the UTF-8 encoding of its replacement (a `char` of the
                    // same length), and each code point `alone` maps by the UTF-8 encoding
                    // of what it gave; later vectors are stored where that encoding ends.
                    // `i` is a char boundary of `text` (the start of a code point that needs
                    // work, or where `boundary` stepped back to), so those are whole code
                    // points: valid UTF-8.
                    unsafe { v.set_len(old_len + o) };
                    i
                }
            }
        };
    }

    /// A 16-byte table in the SSE register.
    ///
    /// # Safety
    /// The CPU must support SSSE3.
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
        _mm_shuffle_epi8,
        _mm_srli_epi16,
        _mm_slli_epi16,
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
        _mm256_shuffle_epi8,
        _mm256_srli_epi16,
        _mm256_slli_epi16,
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

    /// What the copy tests' caller maps on its own: € kept, ی to ي, é to e, ٣ to 3; 😀 and
    /// the rest of the flagged code points (ـ, marks) need other work.
    fn alone(c: char) -> Option<char> {
        match c {
            '€' => Some('€'),
            'ی' => Some('ي'),
            'é' => Some('e'),
            '٣' => Some('3'),
            '😀' => Some('😀'),
            _ => None,
        }
    }

    proptest! {
        #[test]
        fn vector_copy_equals_scalar_copy(prefix in "[a-z ]{0,3}", s in pieces(), from in 1usize..200) {
            // Any start after the first code point (the vector loop reads the byte before).
            let s = format!("{prefix}{s}");
            prop_assume!(!s.is_empty());
            let from = (1..=from.min(s.len())).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len());
            for p in prefilters() {
                let mut fast = String::from("kept");
                let stop = p.copy_replacing(&s, from, &mut fast, alone);
                let mut exact = String::from("kept");
                let end = p.copy_replacing_scalar(&s, from, &mut exact, alone);
                prop_assert!(s.is_char_boundary(stop), "{} not a boundary in {:?}", stop, s);
                prop_assert!(stop >= from && stop <= end, "{} outside {}..={} in {:?}", stop, from, end, s);
                prop_assert!(stop == end || s.len() - stop <= 32, "{} vs {} in {:?}", stop, end, s);
                // What it wrote is the scalar output up to where it stopped.
                prop_assert_eq!(p.copy_replacing_scalar(&s, stop, &mut fast, alone), end);
                prop_assert_eq!(fast, exact, "{:?} from {}", s, from);
            }
        }
    }

    #[test]
    fn copies_replacing_in_place_and_stops_on_work() {
        for p in prefilters() {
            let pad = "كتب ".repeat(10);
            // أ and ة are replaced in place, ی and é (two bytes) and € (three) as the caller
            // says; ـ (tatweel) needs work.
            let text = format!("x{pad}أمة{pad}ی€é{pad}ـ{pad}");
            let mut out = String::new();
            let stop = p.copy_replacing(&text, 1, &mut out, alone);
            assert_eq!(stop, text.find('ـ').unwrap(), "{:?}", p.level);
            assert_eq!(out, format!("{pad}امه{pad}ي€e{pad}"));
            // A replaced letter, and one the caller maps, split between two vectors, at
            // every offset.
            for (letter, replaced) in [("أ", "ا"), ("ی", "ي"), ("٣", "3")] {
                for k in 0..40 {
                    let text = format!("x{}{letter}{}", "a".repeat(k), "ب".repeat(40));
                    let mut out = String::new();
                    let stop = p.copy_replacing(&text, 1, &mut out, alone);
                    assert!(text.len() - stop <= 32, "{k}: {stop}");
                    let expected = format!("{}{replaced}{}", "a".repeat(k), "ب".repeat(40));
                    assert_eq!(out, expected[..out.len()], "{k}");
                    assert_eq!(text.len() - stop, expected.len() - out.len(), "{k}");
                }
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
