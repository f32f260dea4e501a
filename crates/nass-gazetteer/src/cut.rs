//! The streaming cut: where a text may be cut without changing the matches found in
//! it ([`Gazetteer::last_safe_cut`]).

use super::*;

impl Gazetteer {
    /// A byte offset `c` before which matches are final, for streaming: whatever text
    /// `rest` follows `text` later in the stream, the matches of `text + rest` (overlapping
    /// or not) are exactly the matches of `&text[..c]` followed by those of
    /// `&text[c..] + rest`, shifted by `c`.
    ///
    /// `c` is either the start of an ASCII whitespace character (where the normalizer's
    /// output can be cut too) that no reading of `text` crosses and that at least
    /// [`max_words`](Self::max_words) whitespace runs follow, so a name still open at the
    /// end of `text` (a multi-word name can continue on the next line) cannot reach back
    /// before it; or, when there is no such place, a place inside a run of word
    /// characters too long to be part of any name, with enough of the run on both sides
    /// (more letters than the longest name has bytes) and where the normalizer's output
    /// can be cut. It is 0 when there is neither: the caller must read more, or cut
    /// elsewhere and accept that a name across that cut may be missed.
    ///
    /// Only the last [`SAFE_CUT_SCAN`] bytes of `text` are examined, so a call costs time
    /// and memory in proportion to at most that much text, however long `text` is: a
    /// streaming reader that gets 0 for text longer than that should cut anyway.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("الأمم المتحدة", "organization")).build().unwrap();
    /// let chunk = "قالت الأمم\nالمتحدة إن الأمم";
    /// let cut = g.last_safe_cut(chunk);
    /// // "إن الأمم" stays: a two-word name could start at إن and end in the next chunk.
    /// assert_eq!(&chunk[..cut], "قالت الأمم\nالمتحدة");
    /// assert_eq!(g.last_safe_cut("الأمم المتحدة"), 0);
    /// // No whitespace, but a run of digits far longer than any name: cut inside it.
    /// let digits = "٣".repeat(200);
    /// let cut = g.last_safe_cut(&digits);
    /// assert!(cut > 0 && cut < digits.len());
    /// ```
    pub fn last_safe_cut(&self, text: &str) -> usize {
        let b = text.as_bytes();
        let lo = text.len().saturating_sub(SAFE_CUT_SCAN);
        let words = self.inner.max_words.max(1);
        let mut runs = 2 * words + 4;
        loop {
            match window_start(b, lo, runs) {
                Some(window) => {
                    if let Some(c) = self.safe_cut_in(text, window, words) {
                        return c;
                    }
                    runs = runs.saturating_mul(4);
                }
                None => {
                    // Fewer runs than that since `lo`: the whole text when it is short,
                    // else from the first run after `lo`.
                    let window = if lo == 0 {
                        Some(0)
                    } else {
                        b[lo..]
                            .iter()
                            .position(u8::is_ascii_whitespace)
                            .map(|i| lo + i)
                    };
                    if let Some(c) = window.and_then(|w| self.safe_cut_in(text, w, words)) {
                        return c;
                    }
                    return self.long_run_cut(text, lo);
                }
            }
        }
    }

    /// A safe cut within `text[window..]` (which starts at an ASCII whitespace byte, or
    /// at 0), or `None` when the window is too short to tell.
    pub(crate) fn safe_cut_in(&self, text: &str, window: usize, words: usize) -> Option<usize> {
        let tail = &text[window..];
        let (norm, alignment) = self.inner.normalizer.normalize_aligned(tail);
        let gaps = text::space_runs(&norm);
        if gaps.len() < words {
            return None;
        }
        let mut cands = Vec::new();
        self.candidates(&norm, &mut cands);
        // By start; `reach[i]`: the furthest end among the first `i + 1` readings. The
        // first reading that crosses a gap `c` (starts before it, ends after it) is the
        // first whose `reach` passes `c`, if it starts before `c`.
        cands.sort_unstable_by_key(|r| r.word_start);
        let reach: Vec<usize> = cands
            .iter()
            .scan(0, |m, r| {
                *m = (*m).max(r.end());
                Some(*m)
            })
            .collect();
        let crossing = |c: usize| -> Option<usize> {
            let i = reach.partition_point(|&e| e <= c);
            cands.get(i).map(|r| r.word_start).filter(|&w| w < c)
        };
        let bytes = text.as_bytes();
        let mut k = gaps.len() - words;
        loop {
            if k == 0 && window > 0 {
                // The window's own first gap: a reading from before it might cross it.
                return None;
            }
            let c = gaps[k];
            let o = window + alignment.original_offset(c);
            if !bytes.get(o).is_some_and(|b| b.is_ascii_whitespace()) {
                if k == 0 {
                    return None;
                }
                k -= 1;
                continue;
            }
            match crossing(c) {
                Some(start) => {
                    let before = gaps.partition_point(|&g| g < start);
                    if before == 0 {
                        return None;
                    }
                    k = before - 1;
                }
                None => return Some(o),
            }
        }
    }

    /// A cut inside a run of word characters near the end of `text[lo..]` that no name
    /// can cross, begin or end at, or 0. A reading that crosses a place inside a run
    /// begins at the run's start (its name after at most two proclitic letters and the
    /// marks between them) or before, and ends at the run's end or after; so when at
    /// least `max_key + 3` letters (characters that are not transparent) of the run stand
    /// on each side of the cut, its name would be longer than the longest name. The same
    /// holds for a reading that would end at the cut in the first part, or begin there in
    /// the second. The cut is also a place where the normalizer's output can be cut,
    /// whatever precedes and follows: a cut from [`Normalizer::last_cut`] with another
    /// such anchor before it.
    pub(crate) fn long_run_cut(&self, text: &str, lo: usize) -> usize {
        let need = self.inner.max_key + 3;
        // Room for `need` letters after the cut (of up to four bytes each), and a span
        // of at most a quarter of the scanned text to find an anchor in.
        let after = 4 * need + 64;
        let Some(target) = text.len().checked_sub(after) else {
            return 0;
        };
        let span = ((text.len() - lo) / 4).max(4 * need + 64);
        let from = floor_char_boundary(text, target.saturating_sub(span).max(lo));
        let target = floor_char_boundary(text, target);
        if target <= from {
            return 0;
        }
        let normalizer = &self.inner.normalizer;
        let c = from + normalizer.last_cut(&text[from..target]);
        if c == from || normalizer.last_cut(&text[from..c]) == 0 {
            return 0;
        }
        let head = normalizer.normalize(&text[from..c]);
        let tail = normalizer.normalize(&text[c..]);
        if text::letters_in_run(head.chars().rev(), need) >= need
            && text::letters_in_run(tail.chars(), need) >= need
        {
            c
        } else {
            0
        }
    }
}

/// How many bytes at most [`Gazetteer::last_safe_cut`] examines, from the end of the
/// text it is given (512 KiB).
pub const SAFE_CUT_SCAN: usize = 1 << 19;

/// The most words a name may have once normalized (a run of whitespace separates two
/// words); a longer name is a [`GazetteerError`] when the gazetteer is built.
///
/// Matching walks the names from every word start, so a walk costs at most the length of
/// the longest name: this bound and [`MAX_NAME_BYTES`] keep matching linear in the text
/// whatever the gazetteer (a name of 20 000 words made every word start of a text of those
/// words walk 20 000 words). Real names are far shorter: the longest official country
/// name has six words.
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer, MAX_NAME_WORDS};
///
/// let long = vec!["كلمة"; MAX_NAME_WORDS + 1].join(" ");
/// let err = Gazetteer::builder()
///     .default_entries(false)
///     .entry(Entry::new(long, "title"))
///     .build()
///     .unwrap_err();
/// assert!(err.to_string().contains("words"));
/// let fits = vec!["كلمة"; MAX_NAME_WORDS].join(" ");
/// assert!(Gazetteer::builder().default_entries(false).entry(Entry::new(fits, "title")).build().is_ok());
/// ```
pub const MAX_NAME_WORDS: usize = 64;

/// The most bytes a name may have once normalized; a longer name is a
/// [`GazetteerError`] when the gazetteer is built. See [`MAX_NAME_WORDS`] for why.
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer, MAX_NAME_BYTES};
///
/// let long = "ب".repeat(MAX_NAME_BYTES / 2 + 1); // two bytes a letter
/// let err = Gazetteer::builder()
///     .default_entries(false)
///     .entry(Entry::new(long, "title"))
///     .build()
///     .unwrap_err();
/// assert!(err.to_string().contains("bytes"));
/// ```
pub const MAX_NAME_BYTES: usize = 1024;

/// The largest char boundary of `s` at or before `i`.
pub(crate) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The start of the `runs`-th last run of ASCII whitespace bytes in `b` that starts at or
/// after `lo`, or `None` when there are fewer.
pub(crate) fn window_start(b: &[u8], lo: usize, runs: usize) -> Option<usize> {
    let mut seen = 0;
    let mut i = b.len();
    while i > lo {
        if b[i - 1].is_ascii_whitespace() {
            let mut j = i - 1;
            while j > 0 && b[j - 1].is_ascii_whitespace() {
                j -= 1;
            }
            if j < lo {
                return None;
            }
            seen += 1;
            if seen == runs {
                return Some(j);
            }
            i = j;
        } else {
            i -= 1;
        }
    }
    None
}
