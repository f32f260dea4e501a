//! Offsets in transformed text mapped back to the original.

use std::ops::Range;

use crate::table::Sink;

/// Maps byte offsets and spans of a transformed text back to the original text it
/// came from.
///
/// The transformed text is cut into pieces, each made from one stretch of the original.
/// Inside a piece that copied its input or replaced code points one for one with the
/// same byte length (ا for أ), every offset maps exactly; inside a piece that changed
/// length (a ligature expanded, a run renormalized) offsets snap outward to the piece's
/// edges, so a mapped span always covers the original text it came from and always lies
/// on char boundaries of the original. A span's end also covers what was dropped right
/// after its last character (the diacritics of its last letter, a tatweel).
///
/// ```
/// use nass_core::{AlignmentBuilder, Sink};
///
/// // "كَتَبَ" -> "كتب": each letter kept, each fatha (2 bytes) dropped.
/// let mut b = AlignmentBuilder::new();
/// for k in 0..3 {
///     b.linear(4 * k, 2, 2 * k);
///     b.atomic(4 * k + 2, 2, 2 * k + 2, 0);
/// }
/// let a = b.finish(12, 6);
/// assert_eq!(a.original_offset(2), 4); // the second letter
/// assert_eq!(a.original_range(0..2), 0..4); // the first letter and its fatha
/// assert_eq!(a.original_range(2..6), 4..12);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alignment {
    pieces: Vec<Piece>,
    original_len: usize,
    normalized_len: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    in_start: usize,
    out_start: usize,
    linear: bool,
}

impl Alignment {
    /// The alignment of a text that was not changed: every offset maps to itself.
    ///
    /// ```
    /// let a = nass_core::Alignment::identity(10);
    /// assert_eq!(a.original_range(3..7), 3..7);
    /// ```
    pub fn identity(len: usize) -> Self {
        let pieces = if len == 0 {
            Vec::new()
        } else {
            vec![Piece {
                in_start: 0,
                out_start: 0,
                linear: true,
            }]
        };
        Alignment {
            pieces,
            original_len: len,
            normalized_len: len,
        }
    }

    /// The length in bytes of the original text.
    ///
    /// ```
    /// assert_eq!(nass_core::Alignment::identity(4).original_len(), 4);
    /// ```
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// The length in bytes of the transformed text.
    ///
    /// ```
    /// assert_eq!(nass_core::Alignment::identity(4).normalized_len(), 4);
    /// ```
    pub fn normalized_len(&self) -> usize {
        self.normalized_len
    }

    fn in_end(&self, k: usize) -> usize {
        self.pieces
            .get(k + 1)
            .map_or(self.original_len, |p| p.in_start)
    }

    fn out_end(&self, k: usize) -> usize {
        self.pieces
            .get(k + 1)
            .map_or(self.normalized_len, |p| p.out_start)
    }

    /// The original offset where the text from transformed offset `offset` on begins.
    /// Offsets past the end map to the end of the original.
    ///
    /// ```
    /// use nass_core::{AlignmentBuilder, Sink};
    /// // "ﻻ" (3 bytes) expanded to "لا" (4 bytes): its inside snaps to its start.
    /// let mut b = AlignmentBuilder::new();
    /// b.atomic(0, 3, 0, 4);
    /// let a = b.finish(3, 4);
    /// assert_eq!(a.original_offset(2), 0);
    /// assert_eq!(a.original_offset(4), 3);
    /// ```
    pub fn original_offset(&self, offset: usize) -> usize {
        self.offset_from(offset, &mut { NO_HINT })
    }

    /// The last piece for which `before` holds (it holds for a first part of the pieces,
    /// the first piece included), looked for forward from piece `*hint` when `before`
    /// holds there (one, two, four… pieces on, then by halves), else by halves over the
    /// pieces before it (`NO_HINT`: over all of them); `*hint` becomes that piece.
    fn find(&self, hint: &mut usize, before: impl Fn(&Piece) -> bool) -> usize {
        let n = self.pieces.len();
        let (mut lo, mut hi) = (0, n.min(*hint));
        if *hint < n && before(&self.pieces[*hint]) {
            lo = *hint;
            let mut step = 1;
            hi = loop {
                let next = lo + step;
                if next >= n {
                    break n;
                }
                if !before(&self.pieces[next]) {
                    break next;
                }
                lo = next;
                step *= 2;
            };
        }
        *hint = lo + self.pieces[lo..hi].partition_point(before).max(1) - 1;
        *hint
    }

    fn offset_from(&self, offset: usize, hint: &mut usize) -> usize {
        if offset >= self.normalized_len {
            return self.original_len;
        }
        let k = self.find(hint, |p| p.out_start <= offset);
        let p = self.pieces[k];
        if p.linear {
            p.in_start + (offset - p.out_start)
        } else {
            p.in_start
        }
    }

    /// Where an end offset of the transformed text maps in the original: exact inside
    /// a one-for-one piece, otherwise the end of the piece, extended past the code points
    /// dropped right after it.
    fn end_from(&self, end: usize, hint: &mut usize) -> usize {
        let end = end.min(self.normalized_len);
        if end == 0 {
            return self.offset_from(0, hint);
        }
        let k = self.find(hint, |p| p.out_start < end);
        let p = self.pieces[k];
        if p.linear && end < self.out_end(k) {
            return p.in_start + (end - p.out_start);
        }
        // Extend past following pieces that produced nothing.
        let mut j = k + 1;
        while j < self.pieces.len() && self.out_end(j) == self.pieces[j].out_start {
            j += 1;
        }
        if j < self.pieces.len() {
            self.pieces[j].in_start
        } else {
            self.in_end(self.pieces.len() - 1)
        }
    }

    fn range_from(&self, span: Range<usize>, hint: &mut usize) -> Range<usize> {
        let start = self.offset_from(span.start, hint);
        if span.end <= span.start {
            return start..start;
        }
        start..self.end_from(span.end, hint).max(start)
    }

    /// A cursor over the alignment, for queries that mostly move forward through the
    /// text (as a left-to-right pass makes them): each is looked for from where the one
    /// before was found, so a pass costs about the log of the distance between queries
    /// each, not the log of the alignment's size. Its answers are the alignment's.
    ///
    /// ```
    /// use nass_core::{AlignmentBuilder, Sink};
    /// // "أَب" -> "اب": أ replaced one for one, the fatha dropped, ب copied.
    /// let mut b = AlignmentBuilder::new();
    /// b.linear(0, 2, 0);
    /// b.atomic(2, 2, 2, 0);
    /// b.linear(4, 2, 2);
    /// let a = b.finish(6, 4);
    /// let mut cursor = a.cursor();
    /// assert_eq!(cursor.original_range(0..2), a.original_range(0..2));
    /// assert_eq!(cursor.original_offset(2), 4);
    /// assert_eq!(cursor.original_range(0..4), 0..6); // backwards too
    /// ```
    pub fn cursor(&self) -> AlignmentCursor<'_> {
        AlignmentCursor {
            alignment: self,
            hint: NO_HINT,
        }
    }

    /// The original span that a span of the transformed text came from. The result lies
    /// on char boundaries of the original whenever the input offsets lie on char
    /// boundaries of the transformed text. Offsets past the end of the transformed text
    /// are taken as its end.
    ///
    /// ```
    /// use nass_core::{AlignmentBuilder, Sink};
    /// // "بـ" + "ِ" (beh, tatweel, kasra) -> "ب": the span of ب covers all three.
    /// let mut b = AlignmentBuilder::new();
    /// b.linear(0, 2, 0);
    /// b.atomic(2, 4, 2, 0);
    /// let a = b.finish(6, 2);
    /// assert_eq!(a.original_range(0..2), 0..6);
    /// assert_eq!(a.original_range(0..0), 0..0);
    /// ```
    pub fn original_range(&self, span: Range<usize>) -> Range<usize> {
        self.range_from(span, &mut { NO_HINT })
    }
}

/// No piece to look from: a search over all of them.
const NO_HINT: usize = usize::MAX;

/// An [`Alignment`] queried mostly forward ([`Alignment::cursor`]).
#[derive(Clone, Debug)]
pub struct AlignmentCursor<'a> {
    alignment: &'a Alignment,
    /// The piece the last query found.
    hint: usize,
}

impl AlignmentCursor<'_> {
    /// [`Alignment::original_offset`], from where the last query was.
    ///
    /// ```
    /// let a = nass_core::Alignment::identity(10);
    /// let mut c = a.cursor();
    /// assert_eq!((c.original_offset(3), c.original_offset(7)), (3, 7));
    /// ```
    pub fn original_offset(&mut self, offset: usize) -> usize {
        self.alignment.offset_from(offset, &mut self.hint)
    }

    /// [`Alignment::original_range`], from where the last query was.
    ///
    /// ```
    /// let a = nass_core::Alignment::identity(10);
    /// let mut c = a.cursor();
    /// assert_eq!((c.original_range(2..4), c.original_range(6..9)), (2..4, 6..9));
    /// ```
    pub fn original_range(&mut self, span: Range<usize>) -> Range<usize> {
        self.alignment.range_from(span, &mut self.hint)
    }
}

/// Builds an [`Alignment`] from the pieces a transformation reports, in order. It is the
/// [`Sink`] that [`Table::apply`](crate::Table::apply) writes to.
///
/// ```
/// use nass_core::{AlignmentBuilder, Sink};
/// let mut b = AlignmentBuilder::new();
/// b.linear(0, 5, 0);
/// assert_eq!(b.finish(5, 5), nass_core::Alignment::identity(5));
/// ```
#[derive(Clone, Debug, Default)]
pub struct AlignmentBuilder {
    pieces: Vec<Piece>,
}

impl AlignmentBuilder {
    /// An empty builder.
    ///
    /// ```
    /// let a = nass_core::AlignmentBuilder::new().finish(0, 0);
    /// assert_eq!(a.original_range(0..0), 0..0);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The alignment, given the total lengths of the original and transformed texts.
    ///
    /// ```
    /// use nass_core::{AlignmentBuilder, Sink};
    /// let mut b = AlignmentBuilder::new();
    /// b.atomic(0, 2, 0, 0); // a dropped mark at the start
    /// b.linear(2, 2, 0);
    /// let a = b.finish(4, 2);
    /// assert_eq!(a.original_range(0..2), 2..4);
    /// ```
    pub fn finish(self, original_len: usize, normalized_len: usize) -> Alignment {
        Alignment {
            pieces: self.pieces,
            original_len,
            normalized_len,
        }
    }
}

impl Sink for AlignmentBuilder {
    fn linear(&mut self, in_start: usize, len: usize, out_start: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last() {
            if last.linear && in_start - last.in_start == out_start - last.out_start {
                return;
            }
        }
        self.pieces.push(Piece {
            in_start,
            out_start,
            linear: true,
        });
    }

    fn atomic(&mut self, in_start: usize, in_len: usize, out_start: usize, out_len: usize) {
        if in_len == 0 && out_len == 0 {
            return;
        }
        if out_len == 0 {
            if let Some(last) = self.pieces.last() {
                if !last.linear && last.out_start == out_start {
                    // Consecutive pieces that produced nothing: one piece.
                    return;
                }
            }
        }
        self.pieces.push(Piece {
            in_start,
            out_start,
            linear: false,
        });
    }

    fn rewind(&mut self, in_pos: usize, out_pos: usize) {
        while let Some(last) = self.pieces.last() {
            if last.in_start >= in_pos {
                self.pieces.pop();
            } else {
                break;
            }
        }
        debug_assert!(self.pieces.last().is_none_or(|p| p.out_start <= out_pos));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A cursor answers every query as the alignment does, whatever their order
        /// (forward mostly, backward, far apart, past the end), on any alignment of
        /// copied, replaced, dropped and inserted pieces.
        #[test]
        fn a_cursor_answers_as_the_alignment(
            pieces in proptest::collection::vec((0usize..4, 0usize..4, proptest::bool::ANY), 0..40),
            queries in proptest::collection::vec((0usize..90, 0usize..30), 0..40),
        ) {
            let mut b = AlignmentBuilder::new();
            let (mut i, mut o) = (0, 0);
            for (in_len, out_len, linear) in pieces {
                if linear && in_len > 0 {
                    b.linear(i, in_len, o);
                    (i, o) = (i + in_len, o + in_len);
                } else {
                    b.atomic(i, in_len, o, out_len);
                    (i, o) = (i + in_len, o + out_len);
                }
            }
            let a = b.finish(i, o);
            let mut cursor = a.cursor();
            for (start, len) in queries {
                let span = start..start + len;
                proptest::prop_assert_eq!(cursor.original_range(span.clone()), a.original_range(span));
                proptest::prop_assert_eq!(cursor.original_offset(start), a.original_offset(start));
            }
        }
    }

    #[test]
    fn out_of_range_spans_clamp() {
        let mut b = AlignmentBuilder::new();
        b.atomic(0, 4, 0, 0); // everything dropped
        let a = b.finish(4, 0);
        assert_eq!(a.original_range(0..5), 4..4);
        assert_eq!(a.original_offset(9), 4);
        let a = Alignment::identity(3);
        assert_eq!(a.original_range(1..99), 1..3);
        let (start, end) = (5, 2); // a reversed span maps to an empty one
        assert_eq!(a.original_range(start..end), 3..3);
        assert_eq!(Alignment::identity(0).original_range(0..1), 0..0);
    }

    #[test]
    fn end_extends_past_dropped_but_start_does_not() {
        // "بَ ت" -> "ب ت": fatha dropped after ب.
        let mut b = AlignmentBuilder::new();
        b.linear(0, 2, 0);
        b.atomic(2, 2, 2, 0);
        b.linear(4, 3, 2);
        let a = b.finish(7, 5);
        assert_eq!(a.original_range(0..2), 0..4);
        assert_eq!(a.original_range(2..3), 4..5);
        assert_eq!(a.original_offset(2), 4);
    }
}
