//! The one-pass table engine.

use std::collections::HashMap;
use std::fmt;
use std::panic::RefUnwindSafe;
use std::sync::Arc;

use crate::dense::{self, Step};
use crate::prefilter::{PairAction, Prefilter};

/// What a [`Table`] does with one code point, as given to [`TableBuilder::set`].
///
/// The engine copies runs of kept code points in bulk, writes replacements, and hands any
/// code point whose result depends on its neighbours to a fallback, together with the
/// smallest window around it that starts and ends at an *anchor*. An anchor is a code
/// point that nothing before it can interact with (`KeepAnchor` and `Replace`), so
/// transforming the text window by window gives the same result as transforming it whole.
/// The policy that builds the table vouches for that property; the engine relies on it.
///
/// ```
/// use nass_core::Entry;
/// assert_ne!(Entry::KeepAnchor, Entry::Drop);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// Kept as it is, and an anchor.
    KeepAnchor,
    /// Kept as it is: a combining mark with this (nonzero) canonical combining class. Kept
    /// marks must come in non-decreasing class order between two anchors; a mark that
    /// breaks the order is handed to the fallback.
    KeepMark(u8),
    /// Removed, with no effect on its neighbours beyond bringing them together.
    Drop,
    /// Replaced by the string, and an anchor.
    Replace(String),
    /// Depends on context: handed to the fallback with the window around it.
    Complex,
}

const KEEP_ANCHOR: u32 = 0;
const KEEP_MARK: u32 = 1;
const DROP: u32 = 2;
const REPLACE: u32 = 3;
const COMPLEX: u32 = 4;
const KIND_MASK: u32 = 0b111;
const HOT_TWO_BYTE_ANCHOR: u8 = 0;
const HOT_ASCII: u8 = 1;
const HOT_STOP: u8 = 2;
const HOT_TWO_BYTE_WORK: u8 = 3;
const HOT_TWO_BYTE_DROP: u8 = 4;

/// Kept code points in a row after which the dense loop (after a dropped mark) hands back
/// to the skip loop, which copies runs in bulk.
const DENSE_KEPT_RUN: u32 = 6;
const LINEAR_BIT: u32 = 1 << 3;
const SINGLE_BIT: u32 = 1 << 4;

#[inline(always)]
fn kind(e: u32) -> u32 {
    e & KIND_MASK
}

/// What the code point `c`, of packed entry `e`, becomes on its own, whatever its
/// neighbours: itself when kept as an anchor, or the one code point replacing it; `None`
/// when it is dropped, replaced by more than one code point, or needs more. (The one
/// answer the fast loops share: the branch-free steps, the vector copy's replaced
/// letters, and the code points it writes on their own.)
#[inline]
fn alone(e: u32, c: char) -> Option<char> {
    match kind(e) {
        KEEP_ANCHOR => Some(c),
        REPLACE if e & SINGLE_BIT != 0 => char::from_u32(e >> 11),
        _ => None,
    }
}

#[inline(always)]
fn ccc(e: u32) -> u8 {
    (e >> 8) as u8
}

/// Receives the pieces of a transformation, in order, for alignment.
/// [`AlignmentBuilder`](crate::AlignmentBuilder) is the implementation that records
/// them; [`NoSink`] ignores them.
///
/// Offsets are in bytes: `in_*` into the text given to [`Table::apply`], `out_*` into
/// what `apply` appended to its output (0 is where it started writing).
pub trait Sink {
    /// `len` bytes at `in_start` were copied, or replaced code point for code point with
    /// the same byte lengths, to `out_start`.
    fn linear(&mut self, in_start: usize, len: usize, out_start: usize);
    /// `in_len` bytes at `in_start` became `out_len` bytes at `out_start`, with no finer
    /// correspondence.
    fn atomic(&mut self, in_start: usize, in_len: usize, out_start: usize, out_len: usize);
    /// Everything reported from input offset `in_pos` (output offset `out_pos`) on is
    /// taken back: it is about to be reported again.
    fn rewind(&mut self, in_pos: usize, out_pos: usize);

    /// Whether the sink records what it is told. [`Table::apply`] takes paths that report
    /// nothing, and are faster, for a sink that does not.
    ///
    /// ```
    /// use nass_core::{AlignmentBuilder, NoSink, Sink};
    /// assert!(!NoSink::RECORDS);
    /// assert!(AlignmentBuilder::RECORDS);
    /// ```
    const RECORDS: bool = true;
}

/// A [`Sink`] that records nothing, for transformations that need no alignment.
///
/// ```
/// use nass_core::{NoSink, Sink};
/// NoSink.linear(0, 1, 0);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct NoSink;

impl Sink for NoSink {
    const RECORDS: bool = false;
    #[inline(always)]
    fn linear(&mut self, _: usize, _: usize, _: usize) {}
    #[inline(always)]
    fn atomic(&mut self, _: usize, _: usize, _: usize, _: usize) {}
    #[inline(always)]
    fn rewind(&mut self, _: usize, _: usize) {}
}

/// The classifier of code points above U+FFFF. `RefUnwindSafe` as well as `Send + Sync`,
/// so that a table, and every type built on one, can be used across `catch_unwind`.
type AstralFn = Arc<dyn Fn(char) -> Entry + Send + Sync + RefUnwindSafe>;

/// Builds a [`Table`]: every code point starts as [`Entry::KeepAnchor`].
///
/// ```
/// use nass_core::{Entry, NoSink, TableBuilder};
///
/// let mut b = TableBuilder::new();
/// b.set('ـ', Entry::Drop);
/// b.set('ة', Entry::Replace("ه".into()));
/// let table = b.build();
/// let mut out = String::new();
/// table.apply("مدرسـة", &mut out, &mut NoSink, &mut |w, o| o.push_str(w));
/// assert_eq!(out, "مدرسه");
/// ```
pub struct TableBuilder {
    bmp: Vec<u32>,
    /// Each replacement of more than one code point, once, with its index.
    replacements: HashMap<Box<str>, u32, crate::hash::FastBuildHasher>,
    astral: Option<AstralFn>,
}

impl Default for TableBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl TableBuilder {
    /// A builder in which every code point is kept as an anchor.
    ///
    /// ```
    /// let t = nass_core::TableBuilder::new().build();
    /// assert_eq!(t.entry('ب'), nass_core::Entry::KeepAnchor);
    /// ```
    pub fn new() -> Self {
        TableBuilder {
            bmp: vec![KEEP_ANCHOR; 0x10000],
            replacements: HashMap::default(),
            astral: None,
        }
    }

    /// Sets what the table does with `c` (a code point of the Basic Multilingual Plane;
    /// the others are classified by [`astral`](Self::astral)).
    ///
    /// ```
    /// use nass_core::{Entry, TableBuilder};
    /// let mut b = TableBuilder::new();
    /// b.set('\u{064E}', Entry::KeepMark(30));
    /// assert_eq!(b.build().entry('\u{064E}'), Entry::KeepMark(30));
    /// ```
    pub fn set(&mut self, c: char, entry: Entry) -> &mut Self {
        let cp = c as usize;
        if cp < 0x10000 {
            self.bmp[cp] = self.pack(c, entry);
        }
        self
    }

    /// Sets how code points above U+FFFF are classified, at the time they are met. A
    /// [`Entry::Replace`] from it is treated as [`Entry::Complex`]. Without it, they are
    /// all kept as anchors.
    ///
    /// The function must be `RefUnwindSafe` (no `Cell` or `RefCell` inside; a lock or an
    /// atomic is fine), so that the table stays unwind-safe.
    ///
    /// ```
    /// use nass_core::{Entry, TableBuilder};
    /// let mut b = TableBuilder::new();
    /// b.astral(|c| if c == '\u{1D400}' { Entry::Complex } else { Entry::KeepAnchor });
    /// assert_eq!(b.build().entry('\u{1D400}'), Entry::Complex);
    /// ```
    pub fn astral(
        &mut self,
        classify: impl Fn(char) -> Entry + Send + Sync + RefUnwindSafe + 'static,
    ) -> &mut Self {
        self.astral = Some(Arc::new(classify));
        self
    }

    fn pack(&mut self, c: char, entry: Entry) -> u32 {
        match entry {
            Entry::KeepAnchor => KEEP_ANCHOR,
            Entry::KeepMark(0) => KEEP_ANCHOR,
            Entry::KeepMark(class) => KEEP_MARK | (u32::from(class) << 8),
            Entry::Drop => DROP,
            Entry::Complex => COMPLEX,
            Entry::Replace(r) => {
                let mut chars = r.chars();
                let (r_first, r_second) = (chars.next(), chars.next());
                let linear = matches!((r_first, r_second),
                    (Some(only), None) if only.len_utf8() == c.len_utf8());
                // A replacement by one code point is kept inline and pushed as a char;
                // longer ones are stored once each.
                let single = match (r_first, r_second) {
                    (Some(only), None) => SINGLE_BIT | (u32::from(only) << 11),
                    _ => self.intern(r) << 11,
                };
                REPLACE | if linear { LINEAR_BIT } else { 0 } | single
            }
        }
    }

    /// The index of `r` in the stored replacements, storing it if it is new.
    fn intern(&mut self, r: String) -> u32 {
        if let Some(&index) = self.replacements.get(r.as_str()) {
            return index;
        }
        let index = self.replacements.len() as u32;
        self.replacements.insert(r.into_boxed_str(), index);
        index
    }

    /// The finished table.
    ///
    /// ```
    /// let table = nass_core::TableBuilder::new().build();
    /// assert!(table.is_identity_on_ascii());
    /// ```
    pub fn build(self) -> Table {
        let ascii_identity = self.bmp[..0x80].iter().all(|&e| e == KEEP_ANCHOR);
        let bmp: Box<[u32; 0x10000]> = self
            .bmp
            .into_boxed_slice()
            .try_into()
            .expect("0x10000 entries");
        // The hot loop's table, indexed by the next two bytes as a little-endian u16: the
        // first byte (x) is the low one. Only an ASCII x, or a two-byte lead x followed by
        // a continuation byte y, is anything but a stop.
        let mut hot = vec![HOT_STOP; 0x10000];
        for (y, row) in hot.chunks_exact_mut(0x100).enumerate() {
            if ascii_identity {
                row[..0x80].fill(HOT_ASCII);
            }
            if (0x80..0xC0).contains(&y) {
                for (x, slot) in row.iter_mut().enumerate().take(0xE0).skip(0xC2) {
                    let cp = ((x & 0x1F) << 6) | (y & 0x3F);
                    *slot = match kind(bmp[cp]) {
                        KEEP_ANCHOR => HOT_TWO_BYTE_ANCHOR,
                        DROP => HOT_TWO_BYTE_DROP,
                        REPLACE => HOT_TWO_BYTE_WORK,
                        _ => HOT_STOP,
                    };
                }
            }
        }
        let hot: Box<[u8; 0x10000]> = hot.into_boxed_slice().try_into().expect("0x10000 entries");
        let mut steps = vec![dense::STOP; 0x10000];
        let step_of = |cp: u32, in_len: usize| -> Step {
            let e = bmp[cp as usize];
            match (kind(e), char::from_u32(cp).and_then(|c| alone(e, c))) {
                (DROP, _) => dense::step(None, in_len),
                (_, Some(r)) => dense::step(Some(r), in_len),
                _ => dense::STOP,
            }
        };
        // Indexed by the two bytes big-endian, so that the steps of the code points of one
        // block (Arabic: D8 80 to DB BF) lie together.
        for x in 0..0x80u32 {
            let at = (x as usize) << 8;
            steps[at..at + 0x100].fill(step_of(x, 1));
        }
        for x in 0xC2..0xE0u32 {
            for y in 0x80..0xC0u32 {
                steps[(x as usize) << 8 | y as usize] = step_of(((x & 0x1F) << 6) | (y & 0x3F), 2);
            }
        }
        let steps: Box<[Step; 0x10000]> = steps
            .into_boxed_slice()
            .try_into()
            .expect("0x10000 entries");
        let prefilter = if ascii_identity {
            Prefilter::new(|offset| {
                let cp = 0x600 + offset;
                let e = bmp[cp as usize];
                match (kind(e), char::from_u32(cp).and_then(|c| alone(e, c))) {
                    (KEEP_ANCHOR, _) => PairAction::Keep,
                    (_, Some(r)) => PairAction::Replace(r),
                    _ => PairAction::Work,
                }
            })
        } else {
            None
        };
        let mut replacements = vec![Box::<str>::default(); self.replacements.len()];
        for (r, index) in self.replacements {
            replacements[index as usize] = r;
        }
        Table {
            bmp,
            hot,
            steps,
            prefilter,
            replacements,
            astral: self.astral,
            ascii_identity,
        }
    }
}

/// Every code point's action, applied to text in one pass over its bytes.
///
/// ASCII runs are skipped a word at a time when the table keeps ASCII as it is; every
/// other code point costs one table lookup. Runs of kept code points are copied in bulk.
///
/// ```
/// use nass_core::{Entry, NoSink, TableBuilder};
///
/// let mut b = TableBuilder::new();
/// b.set('\u{064F}', Entry::Drop); // damma
/// b.set('\u{0654}', Entry::Complex); // combining hamza: needs its base letter
/// let table = b.build();
/// let mut out = String::new();
/// // The fallback sees the window from the last anchor (و) through the next one (the
/// // space), which a complex code point may depend on.
/// table.apply("مُؤ ب", &mut out, &mut NoSink, &mut |w, o| {
///     assert_eq!(w, "ؤ ");
///     o.push_str("ؤ ");
/// });
/// assert_eq!(out, "مؤ ب");
/// ```
#[derive(Clone)]
pub struct Table {
    bmp: Box<[u32; 0x10000]>,
    hot: Box<[u8; 0x10000]>,
    /// The branch-free loop's steps, indexed like `hot` (see `dense.rs`).
    steps: Box<[Step; 0x10000]>,
    /// Skips kept ASCII and kept Arabic letters many bytes at a time, where the machine
    /// and the table allow.
    prefilter: Option<Prefilter>,
    replacements: Vec<Box<str>>,
    astral: Option<AstralFn>,
    ascii_identity: bool,
}

impl fmt::Debug for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("replacements", &self.replacements.len())
            .field("ascii_identity", &self.ascii_identity)
            .field("prefilter", &self.prefilter.is_some())
            .finish_non_exhaustive()
    }
}

/// Decodes the code point at `i` of valid UTF-8, returning it and its length.
#[inline(always)]
fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let x = u32::from(b[i]);
    if x < 0x80 {
        (x, 1)
    } else if x < 0xE0 {
        (((x & 0x1F) << 6) | (u32::from(b[i + 1]) & 0x3F), 2)
    } else if x < 0xF0 {
        (
            ((x & 0x0F) << 12) | ((u32::from(b[i + 1]) & 0x3F) << 6) | (u32::from(b[i + 2]) & 0x3F),
            3,
        )
    } else {
        (
            ((x & 0x07) << 18)
                | ((u32::from(b[i + 1]) & 0x3F) << 12)
                | ((u32::from(b[i + 2]) & 0x3F) << 6)
                | (u32::from(b[i + 3]) & 0x3F),
            4,
        )
    }
}

/// The start of the code point that ends at `i` (exclusive) in valid UTF-8.
#[inline]
fn prev_start(b: &[u8], mut i: usize) -> usize {
    i -= 1;
    while b[i] & 0xC0 == 0x80 {
        i -= 1;
    }
    i
}

impl Table {
    #[inline(always)]
    fn packed(&self, cp: u32) -> u32 {
        if cp < 0x10000 {
            self.bmp[(cp & 0xFFFF) as usize]
        } else {
            self.astral_packed(cp)
        }
    }

    #[cold]
    fn astral_packed(&self, cp: u32) -> u32 {
        let Some(classify) = &self.astral else {
            return KEEP_ANCHOR;
        };
        let Some(c) = char::from_u32(cp) else {
            return COMPLEX;
        };
        match classify(c) {
            Entry::KeepAnchor | Entry::KeepMark(0) => KEEP_ANCHOR,
            Entry::KeepMark(class) => KEEP_MARK | (u32::from(class) << 8),
            Entry::Drop => DROP,
            Entry::Replace(_) | Entry::Complex => COMPLEX,
        }
    }

    /// The replacement of a `REPLACE` entry: one char stored inline, or a string.
    #[inline(always)]
    fn replacement(&self, e: u32) -> Result<char, &str> {
        if e & SINGLE_BIT != 0 {
            Ok(char::from_u32(e >> 11).unwrap_or(char::REPLACEMENT_CHARACTER))
        } else {
            Err(&self.replacements[(e >> 11) as usize])
        }
    }

    #[inline(always)]
    fn replacement_len(&self, e: u32) -> usize {
        match self.replacement(e) {
            Ok(c) => c.len_utf8(),
            Err(r) => r.len(),
        }
    }

    /// What the table does with `c`.
    ///
    /// ```
    /// let t = nass_core::TableBuilder::new().build();
    /// assert_eq!(t.entry('x'), nass_core::Entry::KeepAnchor);
    /// ```
    pub fn entry(&self, c: char) -> Entry {
        let e = self.packed(c as u32);
        match kind(e) {
            KEEP_ANCHOR => Entry::KeepAnchor,
            KEEP_MARK => Entry::KeepMark(ccc(e)),
            DROP => Entry::Drop,
            REPLACE => Entry::Replace(match self.replacement(e) {
                Ok(c) => c.to_string(),
                Err(r) => r.to_string(),
            }),
            _ => Entry::Complex,
        }
    }

    /// Whether every ASCII code point is kept as an anchor (then ASCII runs are skipped
    /// a word at a time).
    ///
    /// ```
    /// assert!(nass_core::TableBuilder::new().build().is_identity_on_ascii());
    /// ```
    pub fn is_identity_on_ascii(&self) -> bool {
        self.ascii_identity
    }

    #[inline(always)]
    fn is_anchor(&self, e: u32) -> bool {
        matches!(kind(e), KEEP_ANCHOR | REPLACE)
    }

    /// Whether the next two code points from `i` are kept ASCII or kept two-byte anchors
    /// as the hot loop sees them: a cheap sign that a run worth vectorizing starts here.
    #[inline(always)]
    fn next_two_kept(&self, b: &[u8], i: usize) -> bool {
        let Some(&[x0, y0, x1, y1]) = b.get(i..i + 4) else {
            return false;
        };
        match self.hot[usize::from(u16::from_le_bytes([x0, y0]))] {
            HOT_TWO_BYTE_ANCHOR => matches!(
                self.hot[usize::from(u16::from_le_bytes([x1, y1]))],
                HOT_TWO_BYTE_ANCHOR | HOT_ASCII
            ),
            HOT_ASCII => matches!(
                self.hot[usize::from(u16::from_le_bytes([y0, x1]))],
                HOT_TWO_BYTE_ANCHOR | HOT_ASCII
            ),
            _ => false,
        }
    }

    /// What `skip_kept` returns for a two-byte code point at `i` that is dropped or
    /// replaced (no need for the general decode); `skipped` says whether anything was
    /// skipped before it.
    #[inline(always)]
    fn two_byte_work(
        &self,
        b: &[u8],
        i: usize,
        skipped: bool,
        last_ccc: u8,
    ) -> (usize, u8, u32, usize) {
        let cp = ((usize::from(b[i]) & 0x1F) << 6) | (usize::from(b[i + 1]) & 0x3F);
        (i, if skipped { 0 } else { last_ccc }, self.bmp[cp], 2)
    }

    /// Skips code points that are kept as they are, from `i`. Returns where the first one
    /// that needs work starts (or the end), the class of the last kept mark, and that code
    /// point's packed entry and length.
    ///
    /// `vectorize` asks for the vectorized prefilter where there is one, from `i`: worth
    /// its call after a replacement in running text, not after a dropped mark in densely
    /// marked text, where the next code point but one usually needs work again. After a
    /// code point the general path keeps, it is used in any case.
    #[inline(always)]
    fn skip_kept(
        &self,
        b: &[u8],
        mut i: usize,
        mut last_ccc: u8,
        mut vectorize: bool,
    ) -> (usize, u8, u32, usize) {
        let n = b.len();
        loop {
            // The hot loop: two-byte code points (Arabic, Latin-1...) kept as anchors and
            // kept ASCII. The step does not depend on the table lookup, only on a well
            // predicted branch, so lookups overlap. Everything else takes the general path.
            let start = i;
            if vectorize {
                if let Some(p) = &self.prefilter {
                    if self.next_two_kept(b, i) {
                        i = p.skip(b, i);
                    }
                }
            }
            while i + 1 < n {
                match self.hot[usize::from(u16::from_le_bytes([b[i], b[i + 1]]))] {
                    HOT_TWO_BYTE_ANCHOR => i += 2,
                    HOT_ASCII => i += 1,
                    HOT_TWO_BYTE_WORK | HOT_TWO_BYTE_DROP => {
                        return self.two_byte_work(b, i, i > start, last_ccc)
                    }
                    _ => break,
                }
            }
            if i > start {
                last_ccc = 0;
            }
            if i >= n {
                return (n, last_ccc, KEEP_ANCHOR, 0);
            }
            let (cp, len) = decode(b, i);
            let e = self.packed(cp);
            match kind(e) {
                KEEP_ANCHOR => {
                    last_ccc = 0;
                    // Past a kept letter or sign the prefilter stopped at (one of another
                    // script, say): what follows is running text again. (Not past a kept
                    // mark: in densely marked text another one follows soon.)
                    vectorize = true;
                }
                KEEP_MARK if ccc(e) >= last_ccc => last_ccc = ccc(e),
                _ => return (i, last_ccc, e, len),
            }
            i += len;
        }
    }

    /// Whether transforming `text` leaves it as it is (so it can be borrowed).
    ///
    /// ```
    /// use nass_core::{Entry, TableBuilder};
    /// let mut b = TableBuilder::new();
    /// b.set('ـ', Entry::Drop);
    /// let t = b.build();
    /// assert!(t.is_unchanged("كتب"));
    /// assert!(!t.is_unchanged("كـتب"));
    /// ```
    pub fn is_unchanged(&self, text: &str) -> bool {
        self.skip_kept(text.as_bytes(), 0, 0, true).0 == text.len()
    }

    /// Appends the transformation of `text` to `out`, reporting pieces to `sink`.
    ///
    /// `fallback(window, out)` must append the transformation of `window` to `out`; it is
    /// called for windows that hold a [`Entry::Complex`] code point or kept marks out of
    /// order, and each window starts at an anchor (or the start of `text`) and ends before
    /// an anchor (or at the end of `text`).
    ///
    /// ```
    /// use nass_core::{AlignmentBuilder, Entry, TableBuilder};
    /// let mut b = TableBuilder::new();
    /// b.set('\u{064E}', Entry::Drop);
    /// let t = b.build();
    /// let (mut out, mut sink) = (String::new(), AlignmentBuilder::new());
    /// t.apply("كَتَبَ", &mut out, &mut sink, &mut |w, o| o.push_str(w));
    /// let a = sink.finish(12, out.len());
    /// assert_eq!(out, "كتب");
    /// assert_eq!(a.original_range(2..4), 4..8);
    /// ```
    pub fn apply<S: Sink>(
        &self,
        text: &str,
        out: &mut String,
        sink: &mut S,
        fallback: &mut dyn FnMut(&str, &mut String),
    ) {
        let b = text.as_bytes();
        let n = b.len();
        let base = out.len();
        let mut run = 0usize;
        let mut i = 0usize;
        let mut last_ccc = 0u8;
        let mut vectorize = true;
        loop {
            // Here `run == i`: everything before `i` is in `out`.
            if !S::RECORDS && vectorize && i > 0 && self.next_two_kept(b, i) {
                // Nothing to report: copy running text a vector at a time, patching the
                // letters replaced by another two-byte letter in place. (Not in densely
                // marked text, where the next code point but one needs work again.)
                if let Some(p) = &self.prefilter {
                    let to = p.copy_replacing(text, i, out, |c| alone(self.packed(c as u32), c));
                    if to > i {
                        (i, run, last_ccc) = (to, to, 0);
                    }
                }
            }
            let (e, len);
            (i, last_ccc, e, len) = self.skip_kept(b, i, last_ccc, vectorize);
            vectorize = true;
            if i >= n {
                break;
            }
            match kind(e) {
                DROP => {
                    self.flush(text, run, i, out, base, sink);
                    sink.atomic(i, len, out.len() - base, 0);
                    i += len;
                    // Densely diacritized text: letter, marks, letter, marks... Push each
                    // kept letter (or ASCII byte) and skip each dropped mark here, rather
                    // than copying two-byte runs and re-entering the skip loop for every
                    // mark; a longer run of kept code points goes back to the skip loop.
                    if S::RECORDS {
                        let mut kept = 0;
                        while let Some(&[x, y]) = b.get(i..i + 2) {
                            match self.hot[usize::from(u16::from_le_bytes([x, y]))] {
                                HOT_TWO_BYTE_DROP => {
                                    sink.atomic(i, 2, out.len() - base, 0);
                                    i += 2;
                                    kept = 0;
                                }
                                HOT_TWO_BYTE_ANCHOR if kept < DENSE_KEPT_RUN => {
                                    let cp = ((u32::from(x) & 0x1F) << 6) | (u32::from(y) & 0x3F);
                                    sink.linear(i, 2, out.len() - base);
                                    out.push(
                                        char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER),
                                    );
                                    i += 2;
                                    kept += 1;
                                    last_ccc = 0;
                                }
                                HOT_TWO_BYTE_WORK => {
                                    let cp =
                                        ((usize::from(x) & 0x1F) << 6) | (usize::from(y) & 0x3F);
                                    self.push_replacement(self.bmp[cp], i, 2, out, base, sink);
                                    i += 2;
                                    kept = 0;
                                    last_ccc = 0;
                                }
                                HOT_ASCII if kept < DENSE_KEPT_RUN => {
                                    sink.linear(i, 1, out.len() - base);
                                    out.push(char::from(x));
                                    i += 1;
                                    kept += 1;
                                    last_ccc = 0;
                                }
                                _ => break,
                            }
                        }
                    } else {
                        // Nothing to report: the branch-free loop.
                        let any;
                        (i, any) = dense::run(&self.steps, b, i, out);
                        if any {
                            last_ccc = 0;
                        }
                    }
                    run = i;
                    vectorize = false;
                    continue;
                }
                REPLACE => {
                    self.flush(text, run, i, out, base, sink);
                    self.push_replacement(e, i, len, out, base, sink);
                    last_ccc = 0;
                }
                _ => {
                    // A complex code point, or a kept mark out of order.
                    let (ws, ws_out) = self.window_start(b, i, run, out.len());
                    self.flush(text, run, i, out, base, sink);
                    let ws_out = ws_out.max(base);
                    out.truncate(ws_out);
                    sink.rewind(ws, ws_out - base);
                    let from = i + len;
                    let after = text[from..].char_indices();
                    let we = self.window_end(
                        after.map(|(k, c)| (from + k, c as u32)),
                        kind(e) == COMPLEX,
                        n,
                    );
                    fallback(&text[ws..we], out);
                    let produced = &out[ws_out..];
                    if produced == &text[ws..we] {
                        sink.linear(ws, we - ws, ws_out - base);
                    } else {
                        sink.atomic(ws, we - ws, ws_out - base, produced.len());
                    }
                    i = we;
                    run = we;
                    last_ccc = 0;
                    continue;
                }
            }
            i += len;
            run = i;
        }
        self.flush(text, run, n, out, base, sink);
    }

    /// [`apply`](Self::apply) for text held as code points (UTF-32, as Python's and
    /// Java's strings are read out): appends the transformation of `text` to `out`, the
    /// same code points `apply` gives in UTF-8, without transcoding. `fallback(window,
    /// out)` must append the transformation of `window` to `out`, for the same windows as
    /// in `apply`.
    ///
    /// ```
    /// use nass_core::{Entry, TableBuilder};
    /// let mut b = TableBuilder::new();
    /// b.set('\u{064E}', Entry::Drop).set('ة', Entry::Replace("ه".into()));
    /// let t = b.build();
    /// let text: Vec<char> = "مدرسَة".chars().collect();
    /// let mut out = Vec::new();
    /// t.apply_chars(&text, &mut out, &mut |w, o| o.extend_from_slice(w));
    /// assert_eq!(out.iter().collect::<String>(), "مدرسه");
    /// ```
    pub fn apply_chars(
        &self,
        text: &[char],
        out: &mut Vec<char>,
        fallback: &mut dyn FnMut(&[char], &mut Vec<char>),
    ) {
        out.reserve(text.len());
        // The last anchor (where a window would start) and where its output starts.
        let (mut anchor_in, mut anchor_out) = (0, out.len());
        let mut last_ccc = 0u8;
        let mut i = 0;
        while let Some(&c) = text.get(i) {
            let e = self.packed(c as u32);
            match kind(e) {
                KEEP_ANCHOR => {
                    (anchor_in, anchor_out) = (i, out.len());
                    out.push(c);
                    last_ccc = 0;
                }
                KEEP_MARK if ccc(e) >= last_ccc => {
                    out.push(c);
                    last_ccc = ccc(e);
                }
                DROP => {}
                REPLACE => {
                    (anchor_in, anchor_out) = (i, out.len());
                    match self.replacement(e) {
                        Ok(r) => out.push(r),
                        Err(r) => out.extend(r.chars()),
                    }
                    last_ccc = 0;
                }
                k => {
                    // A complex code point, or a kept mark out of order: the window from
                    // the last anchor, as `apply` hands it over.
                    out.truncate(anchor_out);
                    let after = text.iter().enumerate().skip(i + 1);
                    let end = self.window_end(
                        after.map(|(at, &c)| (at, c as u32)),
                        k == COMPLEX,
                        text.len(),
                    );
                    fallback(&text[anchor_in..end], out);
                    (anchor_in, anchor_out) = (end, out.len());
                    last_ccc = 0;
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Appends the replacement of the code point at `i` (`len` bytes, packed entry `e` of
    /// kind REPLACE) and reports it to `sink`.
    #[inline(always)]
    fn push_replacement<S: Sink>(
        &self,
        e: u32,
        i: usize,
        len: usize,
        out: &mut String,
        base: usize,
        sink: &mut S,
    ) {
        if e & LINEAR_BIT != 0 {
            sink.linear(i, len, out.len() - base);
        } else {
            sink.atomic(i, len, out.len() - base, self.replacement_len(e));
        }
        match self.replacement(e) {
            Ok(c) => out.push(c),
            Err(r) => out.push_str(r),
        }
    }

    #[inline(always)]
    fn flush<S: Sink>(
        &self,
        text: &str,
        run: usize,
        end: usize,
        out: &mut String,
        base: usize,
        sink: &mut S,
    ) {
        if end > run {
            sink.linear(run, end - run, out.len() - base);
            out.push_str(&text[run..end]);
        }
    }

    /// The last anchor at or before `i`, and where its output starts in `out`. Bytes
    /// `run..i` are kept but not yet copied to `out`.
    fn window_start(&self, b: &[u8], i: usize, run: usize, out_len: usize) -> (usize, usize) {
        let mut out_pos = out_len + (i - run);
        let mut j = i;
        while j > 0 {
            let k = prev_start(b, j);
            let (cp, len) = decode(b, k);
            let e = self.packed(cp);
            let produced = match kind(e) {
                KEEP_ANCHOR | KEEP_MARK => len,
                REPLACE => self.replacement_len(e),
                // Dropped, or complex (only possible right at `i`).
                _ => 0,
            };
            out_pos -= produced;
            if self.is_anchor(e) {
                return (k, out_pos);
            }
            j = k;
        }
        (0, out_pos)
    }

    /// Where a window ends, given the code points after the one that opened it (each with
    /// its offset, in order) and `end`, the offset past the last: before the first anchor
    /// that no complex code point precedes since the anchor before it (a complex code
    /// point may depend on the next anchor, so that one belongs to the window too), or at
    /// `end`. `complex` says whether the code point that opened the window is complex.
    /// The one rule of both passes, over UTF-8 and over code points.
    fn window_end(
        &self,
        code_points: impl Iterator<Item = (usize, u32)>,
        mut complex: bool,
        end: usize,
    ) -> usize {
        for (at, cp) in code_points {
            let e = self.packed(cp);
            if self.is_anchor(e) {
                if !complex {
                    return at;
                }
                complex = false;
            } else if kind(e) == COMPLEX {
                complex = true;
            }
        }
        end
    }

    /// The largest offset at which `text` can be cut so that transforming the two parts
    /// separately gives the same result as transforming it whole, whatever follows: the
    /// start of its last anchor that no complex code point precedes since the anchor
    /// before (a complex code point may depend on the next anchor), or 0 when there is
    /// none.
    ///
    /// ```
    /// use nass_core::{Entry, TableBuilder};
    /// let mut b = TableBuilder::new();
    /// b.set('\u{064E}', Entry::KeepMark(30)).set('\u{066B}', Entry::Complex);
    /// let t = b.build();
    /// assert_eq!(t.last_cut("كَتَبَ"), 8); // before the last letter
    /// assert_eq!(t.last_cut("\u{064E}"), 0);
    /// assert_eq!(t.last_cut("x 1\u{066B}5"), 2); // not between ٫ and the digit after it
    /// ```
    pub fn last_cut(&self, text: &str) -> usize {
        let b = text.as_bytes();
        let mut j = b.len();
        // The latest anchor seen, and whether a complex code point precedes it since.
        let mut anchor: Option<usize> = None;
        let mut complex_before = false;
        while j > 0 {
            let k = prev_start(b, j);
            let (cp, _) = decode(b, k);
            let e = self.packed(cp);
            if self.is_anchor(e) {
                if let (Some(a), false) = (anchor, complex_before) {
                    return a;
                }
                anchor = Some(k);
                complex_before = false;
            } else if kind(e) == COMPLEX {
                complex_before = true;
            }
            j = k;
        }
        match anchor {
            Some(a) if !complex_before => a,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AlignmentBuilder;

    fn table() -> Table {
        let mut b = TableBuilder::new();
        b.set('ـ', Entry::Drop)
            .set('\u{064E}', Entry::KeepMark(30))
            .set('\u{0651}', Entry::KeepMark(33))
            .set('\u{0654}', Entry::Complex)
            .set('ة', Entry::Replace("ه".into()))
            .set('ﻻ', Entry::Replace("لا".into()));
        b.build()
    }

    fn run(t: &Table, s: &str) -> (String, Vec<String>) {
        let mut out = String::new();
        let mut windows = Vec::new();
        let mut sink = AlignmentBuilder::new();
        t.apply(s, &mut out, &mut sink, &mut |w, o| {
            windows.push(w.to_string());
            o.push_str(&format!("[{w}]"));
        });
        (out, windows)
    }

    /// The hot table by its definition: every pair of bytes looked at in turn.
    fn hot_by_definition(t: &Table) -> Vec<u8> {
        (0..0x10000usize)
            .map(|pair| {
                let (x, y) = (pair & 0xFF, pair >> 8);
                if x < 0x80 {
                    if t.ascii_identity {
                        HOT_ASCII
                    } else {
                        HOT_STOP
                    }
                } else if (0xC2..0xE0).contains(&x) && (0x80..0xC0).contains(&y) {
                    let cp = ((x & 0x1F) << 6) | (y & 0x3F);
                    match kind(t.bmp[cp]) {
                        KEEP_ANCHOR => HOT_TWO_BYTE_ANCHOR,
                        DROP => HOT_TWO_BYTE_DROP,
                        REPLACE => HOT_TWO_BYTE_WORK,
                        _ => HOT_STOP,
                    }
                } else {
                    HOT_STOP
                }
            })
            .collect()
    }

    #[test]
    fn hot_table_matches_its_definition() {
        let mut b = TableBuilder::new();
        b.set('a', Entry::Replace("b".into()))
            .set('\u{0080}', Entry::Drop)
            .set('\u{07FF}', Entry::Complex)
            .set('\u{0300}', Entry::KeepMark(230));
        for t in [table(), b.build(), TableBuilder::new().build()] {
            assert_eq!(t.hot[..], hot_by_definition(&t)[..]);
        }
    }

    #[test]
    fn replacements_are_stored_once() {
        let mut b = TableBuilder::new();
        b.set('ﻻ', Entry::Replace("لا".into()))
            .set('ﻼ', Entry::Replace("لا".into()))
            .set('ة', Entry::Replace("ه".into()))
            .set('\u{FDFD}', Entry::Replace("بسم".into()));
        let t = b.build();
        assert_eq!(t.replacements.len(), 2);
        assert_eq!(t.entry('ﻼ'), Entry::Replace("لا".into()));
        assert_eq!(t.entry('ة'), Entry::Replace("ه".into()));
        assert_eq!(t.entry('\u{FDFD}'), Entry::Replace("بسم".into()));
    }

    #[test]
    fn keeps_drops_replaces() {
        let t = table();
        assert_eq!(run(&t, "مدرسـة ﻻ"), ("مدرسه لا".to_string(), vec![]));
        assert_eq!(run(&t, ""), (String::new(), vec![]));
        assert_eq!(
            run(&t, "abc ascii only"),
            ("abc ascii only".to_string(), vec![])
        );
    }

    #[test]
    fn marks_in_order_pass_marks_out_of_order_fall_back() {
        let t = table();
        // fatha (30) then shadda (33): in order.
        assert_eq!(run(&t, "بَّ").1, Vec::<String>::new());
        // shadda then fatha: out of order, across a dropped tatweel too.
        assert_eq!(run(&t, "x بّـَ y").1, vec!["بّـَ".to_string()]);
    }

    #[test]
    fn complex_window_spans_anchor_to_anchor() {
        let t = table();
        // From the anchor before to the anchor after the next one: a complex code point
        // may look at the next anchor.
        let (out, windows) = run(&t, "ab\u{064E}\u{0654}\u{064E}cd");
        assert_eq!(windows, vec!["b\u{064E}\u{0654}\u{064E}c".to_string()]);
        assert_eq!(out, "a[b\u{064E}\u{0654}\u{064E}c]d");
        let (_, windows) = run(&t, "ab\u{0654}c\u{064E}ـd");
        assert_eq!(windows, vec!["b\u{0654}c\u{064E}ـ".to_string()]);
        // No anchor before: the window starts at 0; none after: it runs to the end.
        assert_eq!(run(&t, "\u{0654}ـ").1, vec!["\u{0654}ـ".to_string()]);
        assert_eq!(run(&t, "\u{0654}ab").1, vec!["\u{0654}a".to_string()]);
        // A complex code point inside the extension extends the window again.
        let (_, windows) = run(&t, "a\u{0654}b\u{0654}cd");
        assert_eq!(windows, vec!["a\u{0654}b\u{0654}c".to_string()]);
        // Marks out of order need no look ahead.
        assert_eq!(run(&t, "xبّـَy").1, vec!["بّـَ".to_string()]);
    }

    #[test]
    fn last_cut_is_an_anchor() {
        let t = table();
        assert_eq!(t.last_cut("ab"), 1);
        assert_eq!(t.last_cut("aـ"), 0);
        assert_eq!(t.last_cut(""), 0);
        // Not right after a complex code point's next anchor.
        assert_eq!(t.last_cut("xa\u{0654}b"), 1);
        assert_eq!(t.last_cut("a\u{0654}b"), 0);
        assert_eq!(t.last_cut("\u{0654}ab"), 3);
        assert_eq!(t.last_cut("ab\u{0654}"), 1);
    }
}
