//! The branch-free loop for densely marked text (letter, marks, letter, marks...), where
//! what each code point needs (keep, drop, replace) changes from one code point to the
//! next and a branch on it is mispredicted about once per letter.
//!
//! Each step looks up the next two bytes in a table of [`Step`]s, writes the step's two
//! output bytes unconditionally, then advances the output by the step's length (0, 1 or
//! 2) and the input by the step's input length (1 or 2). Only code points whose output
//! is one code point no longer than themselves, or nothing, have steps: the output never
//! outgrows the input, which is what lets the loop write without checking capacity.
//!
//! This is the only module with unsafe code besides the vectorized prefilter: a `String`
//! cannot be written past its length safely. With it, the `search` preset on densely
//! diacritized text takes 1.7 times fewer cycles than the branching loop it replaces
//! (which is still used when an alignment is recorded), and runs at about 0.9 GiB/s (see
//! BENCHMARKS.md). The normalizer's proptests (fast path == reference, any option set)
//! and the `normalize_differential` fuzz target exercise it.

/// The step for a pair of bytes, packed: the output bytes (little-endian) in bits 0..16,
/// the output length (0, 1 or 2) in bits 16..18; `STOP` where the loop must hand back to
/// the general path. (The input length follows from the first byte.)
pub(crate) type Step = u32;

/// The general path handles these two bytes.
pub(crate) const STOP: Step = 1 << 31;

/// The step that outputs `c` (or nothing, for `None`) for a code point of `in_len` bytes,
/// if it can be one.
pub(crate) fn step(c: Option<char>, in_len: usize) -> Step {
    let mut buf = [0u8; 4];
    let out: &[u8] = match c {
        Some(c) => c.encode_utf8(&mut buf).as_bytes(),
        None => &[],
    };
    if out.len() > in_len || !(1..=2).contains(&in_len) {
        return STOP;
    }
    let bytes = u32::from(out.first().copied().unwrap_or(0))
        | u32::from(out.get(1).copied().unwrap_or(0)) << 8;
    bytes | (out.len() as u32) << 16
}

/// Runs the steps from `i` while the table has them, stopping after an ASCII byte that
/// ends a word in which nothing was dropped (the skip loop copies such text faster).
/// Appends the output to `out`; returns where it stopped and whether anything was output.
#[inline(always)]
pub(crate) fn run(
    steps: &[Step; 0x10000],
    b: &[u8],
    mut i: usize,
    out: &mut String,
) -> (usize, bool) {
    let n = b.len();
    // The output of the steps from `i` is at most `n - i` bytes (no step outputs more
    // than it reads), and a step writes two bytes from where the output ends: reserve two
    // more.
    let room = n - i + 2;
    out.reserve(room);
    let old_len = out.len();
    // SAFETY: only `set_len` below changes the string's length, and it covers the bytes
    // of whole steps written in order; each step's output is the UTF-8 encoding of one
    // `char`, or nothing (`step` builds them so). So the string stays valid UTF-8.
    let v = unsafe { out.as_mut_vec() };
    let dst = v.spare_capacity_mut().as_mut_ptr().cast::<u8>();
    let mut written = 0usize;
    // Writes the step's two bytes where the output ends; returns its output length.
    let emit = |s: Step, written: usize| -> usize {
        debug_assert!(written + 2 <= room);
        // SAFETY: `written` is at most the input read since the start (no step outputs
        // more than it reads), which is less than `n - start`, so `written + 2` is within
        // the `n - start + 2` bytes reserved.
        unsafe {
            dst.add(written)
                .cast::<[u8; 2]>()
                .write_unaligned([s as u8, (s >> 8) as u8])
        };
        (s >> 16) as usize
    };
    // Whether the word being read (since the last ASCII byte) had a code point dropped.
    let mut dropped = true;
    while let Some(&[x, y]) = b.get(i..i + 2) {
        let s = steps[usize::from(u16::from_be_bytes([x, y]))];
        if s & STOP != 0 {
            break;
        }
        let len = emit(s, written);
        written += len;
        if x >= 0x80 {
            // A two-byte code point (the step is STOP for any other lead byte).
            i += 2;
            dropped |= len == 0;
        } else {
            // An ASCII byte, the end of a word: after a word with nothing dropped, the
            // skip loop is faster.
            i += 1;
            if !dropped {
                break;
            }
            dropped = false;
        }
    }
    // SAFETY: `old_len + written` is within the capacity (see `emit`), and the bytes up
    // to it are initialized: the old contents, then the outputs of whole steps.
    unsafe { v.set_len(old_len + written) };
    (i, written > 0)
}

#[cfg(test)]
mod tests {
    use super::{step, STOP};

    #[test]
    fn steps_pack_output_and_lengths() {
        // ب (U+0628, D8 A8) kept.
        assert_eq!(step(Some('ب'), 2), 0xD8 | 0xA8 << 8 | 2 << 16);
        // A dropped mark: no output.
        assert_eq!(step(None, 2), 0);
        // ASCII kept.
        assert_eq!(step(Some('a'), 1), u32::from(b'a') | 1 << 16);
        // A two-byte code point replaced by ASCII.
        assert_eq!(step(Some('y'), 2), u32::from(b'y') | 1 << 16);
        // Output longer than input: not a step.
        assert_eq!(step(Some('ك'), 1), STOP);
        assert_eq!(step(Some('\u{FEFB}'), 2), STOP);
        assert_eq!(step(None, 3), STOP);
    }
}
