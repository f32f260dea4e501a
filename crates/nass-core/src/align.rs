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
        if offset >= self.normalized_len {
            return self.original_len;
        }
        let k = self.pieces.partition_point(|p| p.out_start <= offset) - 1;
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
    fn original_end(&self, end: usize) -> usize {
        let end = end.min(self.normalized_len);
        if end == 0 {
            return self.original_offset(0);
        }
        let k = self.pieces.partition_point(|p| p.out_start < end) - 1;
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
        let start = self.original_offset(span.start);
        if span.end <= span.start {
            return start..start;
        }
        start..self.original_end(span.end).max(start)
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
