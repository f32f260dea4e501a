//! Python `str` objects read into Rust and made from Rust, without CPython's UTF-8 codecs.
//!
//! `str.encode("utf-8")` and UTF-8 decoding into a new `str` are per-character loops that
//! run under the GIL (about 580 and 380 MiB/s of Arabic news text on the benchmark
//! machine, quiet). The limited API also offers widening and narrowing copies, which
//! are plain loops the compiler vectorizes: `PyUnicode_AsUCS4` (the `str` as UTF-32,
//! 4.2 GiB/s on the same text) and `PyUnicode_FromWideChar` (a `str` from UTF-32 where
//! `wchar_t` is 4 bytes, 1.26 GiB/s). So a `str` is copied out as UTF-32 and transcoded
//! to UTF-8 in Rust, and a result is transcoded to UTF-32 in Rust and copied in: the
//! transcoding runs with the GIL released (and on several threads) in batch calls.
//! Tokens are slices of the input `str` (`PyUnicode_Substring`): no transcoding at all.
//!
//! Where `wchar_t` is 2 bytes (Windows), results are made from UTF-8 (`PyString::new`).
#![allow(unsafe_code)]

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::ops::Range;
use std::panic::AssertUnwindSafe;
use std::sync::{mpsc, Arc, Mutex};

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

use crate::errors::{type_error, value_error};

/// A `str` argument as UTF-8.
pub struct Utf8 {
    text: String,
}

impl Utf8 {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// The name of `obj`'s type, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

pub fn not_str(obj: &Bound<'_, PyAny>, what: &str) -> PyErr {
    let hint = if obj.is_instance_of::<PyBytes>() {
        " (decode the bytes first, e.g. data.decode(\"utf-8\"))"
    } else {
        ""
    };
    type_error(format!("{what} must be str, not {}{hint}", type_name(obj)))
}

/// The `NassError` for a lone surrogate `code` at code-point index `index` of `what`.
pub fn surrogate_error(what: &str, index: usize, code: u32) -> PyErr {
    value_error(format!(
        "{what} contains a lone surrogate U+{code:04X} at index {index}; nass works on \
         valid Unicode text (fix the source, or decode it with errors=\"replace\")"
    ))
}

/// Appends the code points of `s` to `buf` (a widening copy by CPython, no decoding).
pub fn read_ucs4(s: &Bound<'_, PyString>, buf: &mut Vec<u32>) -> PyResult<()> {
    // SAFETY: `s` is a live `str` (the `Bound` holds a reference and proves the GIL is
    // held); PyUnicode_GetLength only reads it.
    let len = unsafe { ffi::PyUnicode_GetLength(s.as_ptr()) };
    let len = usize::try_from(len).map_err(|_| PyErr::fetch(s.py()))?;
    if len == 0 {
        return Ok(());
    }
    buf.reserve(len);
    let old = buf.len();
    // SAFETY: after `reserve`, the spare capacity at `buf[old..]` holds at least `len`
    // u32 values; PyUnicode_AsUCS4 writes exactly the `len` code points of `s` there
    // (no NUL, `copy_null` = 0) or fails with an exception set, writing at most
    // `buflen` = `len` values. `u32` is `Py_UCS4`.
    let done = unsafe {
        ffi::PyUnicode_AsUCS4(
            s.as_ptr(),
            buf.as_mut_ptr().add(old),
            len as ffi::Py_ssize_t,
            0,
        )
    };
    if done.is_null() {
        return Err(PyErr::fetch(s.py()));
    }
    // SAFETY: the call succeeded, so `buf[old..old + len]` was written.
    unsafe { buf.set_len(old + len) };
    Ok(())
}

/// Appends UTF-32 `src` to `out` as UTF-8; a surrogate (a lone surrogate of the `str`)
/// gives its index and value.
///
/// Four code points below U+0800 (Arabic text, with its ASCII spaces and punctuation)
/// are encoded at a time, without branches, into one `u64` stored at once: about 1.6
/// times as fast as pushing each `char` onto the `String` (8.5 against 13.5 ms for 16 MiB
/// of the corpus, in cache); validating the bytes afterwards (`str::from_utf8`) would
/// cost more than the loop itself (17 ms), hence the one `unsafe` below. On x86-64 with
/// SSSE3 and SSE4.1, eight such code points at a time go through vector instructions
/// first (module `sse`): 7 to 9 % less CPU time for `normalize` or `normalize_batch` of
/// 64 MiB of the corpus.
pub fn ucs4_to_utf8(src: &[u32], out: &mut String) -> Result<(), (usize, u32)> {
    // Work on the bytes of a taken `String`, so that no `String` holds bytes that are
    // not UTF-8 at any time (not even while unwinding).
    let mut buf = std::mem::take(out).into_bytes();
    let start = buf.len();
    // At most 4 bytes per code point, and 8 bytes of room for the last `u64` store.
    buf.resize(start + src.len() * 4 + 8, 0);
    let r = encode_utf8(src, &mut buf[start..]);
    let written = match r {
        Ok(k) | Err((k, _)) => k,
    };
    buf.truncate(start + written);
    // SAFETY: `buf[..start]` is the UTF-8 `out` had; `encode_utf8` wrote the UTF-8
    // encodings of whole scalar values into `buf[start..start + written]` (code points
    // below U+0800, which holds no surrogates, and `char`s checked by `char::from_u32`),
    // bytes past `written`, partial encodings included, are cut off above; and an error
    // stops before the bad code point's bytes.
    *out = unsafe { String::from_utf8_unchecked(buf) };
    r.map(|_| ()).map_err(|(_, bad)| bad)
}

/// Writes the UTF-8 encoding of `src` into `dst` (at least `4 * src.len() + 8` bytes),
/// returning its length; a surrogate stops it with the length written so far, and the
/// surrogate's index and value. Bytes past the length may have been written.
fn encode_utf8(src: &[u32], dst: &mut [u8]) -> Result<usize, (usize, (usize, u32))> {
    let mut k = 0;
    let mut i = 0;
    #[cfg(target_arch = "x86_64")]
    let simd = sse::available();
    // Where the vector loop may be tried again (after a block it could not take).
    #[cfg(target_arch = "x86_64")]
    let mut retry = 0;
    while i < src.len() {
        #[cfg(target_arch = "x86_64")]
        if simd && i >= retry {
            let (di, dk) = sse::encode(&src[i..], &mut dst[k..]);
            i += di;
            k += dk;
            retry = i + 8;
            if i == src.len() {
                break;
            }
        }
        if let Some(&[a, b, c, d]) = src.get(i..i + 4) {
            if (a | b | c | d) < 0x800 {
                // Each code point's one or two bytes, packed into a u64 little-endian.
                let (mut word, mut shift) = (0u64, 0u32);
                for cp in [a, b, c, d] {
                    let cp = u64::from(cp);
                    let two = cp >= 0x80;
                    let bytes = if two {
                        (0xC0 | (cp >> 6)) | ((0x80 | (cp & 0x3F)) << 8)
                    } else {
                        cp
                    };
                    word |= bytes << shift;
                    shift += if two { 16 } else { 8 };
                }
                dst[k..k + 8].copy_from_slice(&word.to_le_bytes());
                k += (shift / 8) as usize;
                i += 4;
                continue;
            }
        }
        let cp = src[i];
        match char::from_u32(cp) {
            Some(ch) => k += ch.encode_utf8(&mut dst[k..]).len(),
            None => return Err((k, (i, cp))),
        }
        i += 1;
    }
    Ok(k)
}

/// UTF-32 to UTF-8 eight code points at a time with SSSE3 and SSE4.1, for code points
/// below U+0800.
#[cfg(target_arch = "x86_64")]
mod sse {
    use std::arch::x86_64::*;

    /// For each set of one-byte lanes (bit `j`: code point `j` of eight is ASCII), the
    /// byte shuffle keeping both bytes of a two-byte lane and the low byte of an ASCII
    /// lane, in order (0x80: a zero byte, past the end).
    static KEEP: [[u8; 16]; 256] = {
        let mut table = [[0x80u8; 16]; 256];
        let mut mask = 0;
        while mask < 256 {
            let (mut lane, mut k) = (0, 0);
            while lane < 8 {
                table[mask][k] = 2 * lane as u8;
                k += 1;
                if mask & (1 << lane) == 0 {
                    table[mask][k] = 2 * lane as u8 + 1;
                    k += 1;
                }
                lane += 1;
            }
            mask += 1;
        }
        table
    };

    /// Whether this CPU has the instructions [`encode`] uses.
    pub fn available() -> bool {
        is_x86_feature_detected!("ssse3") && is_x86_feature_detected!("sse4.1")
    }

    /// Encodes `src` eight code points at a time while they are all below U+0800 and
    /// `dst` has 16 bytes of room: the number of code points read and of bytes written
    /// (none without the instructions: see [`available`]).
    pub fn encode(src: &[u32], dst: &mut [u8]) -> (usize, usize) {
        if !available() {
            return (0, 0);
        }
        // SAFETY: the CPU has SSSE3 and SSE4.1 (checked just above).
        unsafe { encode_sse41(src, dst) }
    }

    #[target_feature(enable = "ssse3,sse4.1")]
    unsafe fn encode_sse41(src: &[u32], dst: &mut [u8]) -> (usize, usize) {
        let (mut i, mut k) = (0, 0);
        while i + 8 <= src.len() && k + 16 <= dst.len() {
            // SAFETY: `src[i..i + 8]` and `dst[k..k + 16]` are in bounds (the loop's
            // condition); unaligned loads and stores; the instructions are enabled.
            unsafe {
                let a = _mm_loadu_si128(src.as_ptr().add(i).cast::<__m128i>());
                let b = _mm_loadu_si128(src.as_ptr().add(i + 4).cast::<__m128i>());
                if _mm_testz_si128(_mm_or_si128(a, b), _mm_set1_epi32(!0x7FF)) == 0 {
                    break;
                }
                // Eight u16 (no saturation: all below 0x800).
                let w = _mm_packus_epi32(a, b);
                let ascii =
                    _mm_cmpeq_epi16(_mm_and_si128(w, _mm_set1_epi16(!0x7F)), _mm_setzero_si128());
                let lead = _mm_or_si128(_mm_srli_epi16(w, 6), _mm_set1_epi16(0xC0));
                let cont =
                    _mm_or_si128(_mm_and_si128(w, _mm_set1_epi16(0x3F)), _mm_set1_epi16(0x80));
                let two = _mm_or_si128(lead, _mm_slli_epi16(cont, 8));
                let enc = _mm_blendv_epi8(two, w, ascii);
                let mask = (_mm_movemask_epi8(_mm_packs_epi16(ascii, _mm_setzero_si128())) & 0xFF)
                    as usize;
                let keep = _mm_loadu_si128(KEEP[mask].as_ptr().cast::<__m128i>());
                _mm_storeu_si128(
                    dst.as_mut_ptr().add(k).cast::<__m128i>(),
                    _mm_shuffle_epi8(enc, keep),
                );
                k += 16 - mask.count_ones() as usize;
            }
            i += 8;
        }
        (i, k)
    }
}

/// Appends the code points of `s` to `out`.
///
/// A plain loop decoding UTF-8 into a buffer sized for the worst case: about 1.5 times as
/// fast as `out.extend(s.chars())` (which checks the capacity for every code point) on
/// Arabic news text.
pub fn utf8_to_ucs4(s: &str, out: &mut Vec<u32>) {
    let b = s.as_bytes();
    let start = out.len();
    out.resize(start + b.len(), 0);
    let dst = &mut out[start..];
    let (mut i, mut k) = (0, 0);
    while i < b.len() {
        let c = b[i] as u32;
        // `s` is valid UTF-8, so a lead byte is followed by its continuation bytes.
        if c < 0x80 {
            dst[k] = c;
            i += 1;
        } else if c < 0xE0 {
            dst[k] = ((c & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F);
            i += 2;
        } else if c < 0xF0 {
            dst[k] =
                ((c & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F);
            i += 3;
        } else {
            dst[k] = ((c & 0x07) << 18)
                | ((b[i + 1] as u32 & 0x3F) << 12)
                | ((b[i + 2] as u32 & 0x3F) << 6)
                | (b[i + 3] as u32 & 0x3F);
            i += 4;
        }
        k += 1;
    }
    out.truncate(start + k);
}

/// A new `str` with the code points `ucs` (valid scalar values, as from
/// [`utf8_to_ucs4`]).
pub fn new_str<'py>(py: Python<'py>, ucs: &[u32]) -> PyResult<Bound<'py, PyString>> {
    if std::mem::size_of::<libc::wchar_t>() == 4 {
        // SAFETY: `wchar_t` is 4 bytes here (checked above, a constant), so `ucs` is
        // `ucs.len()` valid `wchar_t` values of the same layout; PyUnicode_FromWideChar
        // only reads them, and returns a new reference or NULL with an exception set.
        // The GIL is held (`py`).
        unsafe {
            let obj = ffi::PyUnicode_FromWideChar(
                ucs.as_ptr().cast::<libc::wchar_t>(),
                ucs.len() as ffi::Py_ssize_t,
            );
            Ok(Bound::from_owned_ptr_or_err(py, obj)?.cast_into_unchecked())
        }
    } else {
        let s: String = ucs.iter().filter_map(|&c| char::from_u32(c)).collect();
        Ok(PyString::new(py, &s))
    }
}

/// `s[start:end]` (code-point indices within `s`), a new `str` copied from `s`'s own
/// storage.
pub fn substring<'py>(
    s: &Bound<'py, PyAny>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: `s` is a live `str` (callers pass the object the indices were computed
    // from); PyUnicode_Substring checks the bounds and returns a new reference or NULL
    // with an exception set. The GIL is held (`s.py()`).
    unsafe {
        let obj =
            ffi::PyUnicode_Substring(s.as_ptr(), start as ffi::Py_ssize_t, end as ffi::Py_ssize_t);
        Bound::from_owned_ptr_or_err(s.py(), obj)
    }
}

/// Buffers reused by the calls on one string, so that a call allocates nothing but its
/// result.
#[derive(Default)]
pub struct Scratch {
    /// Code points.
    pub ucs: Vec<u32>,
    /// A text.
    pub text: String,
    /// Another text.
    pub out: String,
    /// A text as `char`s.
    pub chars: Vec<char>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch buffers, emptied.
pub fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => {
            s.ucs.clear();
            s.text.clear();
            s.out.clear();
            s.chars.clear();
            let r = f(&mut s);
            // Keep small buffers only.
            if s.ucs.capacity() + s.text.capacity() + s.out.capacity() + s.chars.capacity()
                > 1 << 20
            {
                *s = Scratch::default();
            }
            r
        }
        // Re-entered (not done by this crate): fresh buffers.
        Err(_) => f(&mut Scratch::default()),
    })
}

/// `obj` as text: a `str` (or a subclass), else a `NassTypeError` naming the argument and
/// what was given; a lone surrogate is a `NassError` with its index.
pub fn utf8(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Utf8> {
    let s = obj.cast::<PyString>().map_err(|_| not_str(obj, what))?;
    let text = with_scratch(|scratch| -> PyResult<String> {
        read_ucs4(s, &mut scratch.ucs)?;
        let mut text = String::new();
        ucs4_to_utf8(&scratch.ucs, &mut text).map_err(|(i, c)| surrogate_error(what, i, c))?;
        Ok(text)
    })?;
    Ok(Utf8 { text })
}

/// The code points of some items of a batch, one buffer for all (`Sync`: the threads of a
/// batch call share it with the GIL released).
#[derive(Default)]
pub struct Texts {
    ucs: Vec<u32>,
    /// `ends[i]` is where item `i`'s code points end in `ucs`.
    ends: Vec<usize>,
    /// The index of the first item in the whole batch.
    base: usize,
}

/// A lone surrogate found by [`Texts::item`]: the item (its index in the whole batch),
/// the index in it, the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadItem(pub usize, pub usize, pub u32);

impl Texts {
    /// The number of items.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The code points of item `i`.
    pub fn ucs4(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.ucs[start..self.ends[i]]
    }

    /// Item `i` as `char`s.
    pub fn chars(&self, i: usize) -> Result<&[char], BadItem> {
        as_chars(self.ucs4(i)).map_err(|(at, c)| BadItem(self.base + i, at, c))
    }

    /// Item `i` as UTF-8, written into `out` (cleared first).
    pub fn item(&self, i: usize, out: &mut String) -> Result<(), BadItem> {
        out.clear();
        ucs4_to_utf8(self.ucs4(i), out).map_err(|(at, c)| BadItem(self.base + i, at, c))
    }
}

/// How [`map_str`] and [`map_batch`] map each text: `f(text, out)` appends the result for
/// `text` to `out`, on its UTF-8 or on its code points.
#[derive(Clone, Copy)]
pub enum Map<'a> {
    /// On the text as UTF-8 (transcoded from and to the `str`'s code points).
    Utf8(&'a (dyn Fn(&str, &mut String) + Sync)),
    /// On the code points themselves, as read out of the `str`: no transcoding.
    Chars(&'a (dyn Fn(&[char], &mut Vec<char>) + Sync)),
}

/// `ucs` as `char`s, or the index and value of its first lone surrogate (the only code
/// points of a `str` that are not `char`s).
pub fn as_chars(ucs: &[u32]) -> Result<&[char], (usize, u32)> {
    // One pass the compiler vectorizes, then the search for the first only on failure.
    let bad = |u: u32| u.wrapping_sub(0xD800) < 0x800 || u > 0x10FFFF;
    if ucs.iter().fold(false, |any, &u| any | bad(u)) {
        let i = ucs.iter().position(|&u| bad(u)).unwrap_or(0);
        return Err((i, ucs[i]));
    }
    // SAFETY: every value of `ucs` is a Unicode scalar value (checked above), and `char`
    // has the size and alignment of `u32`, every scalar value being a valid `char`.
    Ok(unsafe { std::slice::from_raw_parts(ucs.as_ptr().cast::<char>(), ucs.len()) })
}

/// `chars` as code points.
pub fn as_u32(chars: &[char]) -> &[u32] {
    // SAFETY: `char` has the size and alignment of `u32`, and every `char` is a valid
    // `u32`.
    unsafe { std::slice::from_raw_parts(chars.as_ptr().cast::<u32>(), chars.len()) }
}

/// `text` (a `str`) mapped by `map`: a new `str`, or `text` itself when nothing changes.
/// Long texts are mapped with the GIL released. A non-`str` is a `NassTypeError` and a
/// lone surrogate a `NassError`, naming the argument `text`.
pub fn map_str<'py>(text: &Bound<'py, PyAny>, map: Map<'_>) -> PyResult<Bound<'py, PyAny>> {
    let py = text.py();
    let s = text.cast::<PyString>().map_err(|_| not_str(text, "text"))?;
    with_scratch(|scratch| {
        read_ucs4(s, &mut scratch.ucs)?;
        let long = scratch.ucs.len() > 1 << 18;
        // Whether the text changed; its result is in `scratch.chars` (Chars) or
        // `scratch.ucs` (Utf8).
        let changed = match map {
            Map::Chars(f) => {
                let chars =
                    as_chars(&scratch.ucs).map_err(|(i, c)| surrogate_error("text", i, c))?;
                let out = &mut scratch.chars;
                let mut work = || {
                    f(chars, out);
                    out.as_slice() != chars
                };
                let changed = if long { py.detach(work) } else { work() };
                if changed {
                    return Ok(new_str(py, as_u32(&scratch.chars))?.into_any());
                }
                false
            }
            Map::Utf8(f) => {
                ucs4_to_utf8(&scratch.ucs, &mut scratch.text)
                    .map_err(|(i, c)| surrogate_error("text", i, c))?;
                let work = |scratch: &mut Scratch| {
                    f(&scratch.text, &mut scratch.out);
                    let changed = scratch.out != scratch.text;
                    if changed {
                        scratch.ucs.clear();
                        utf8_to_ucs4(&scratch.out, &mut scratch.ucs);
                    }
                    changed
                };
                if long {
                    py.detach(|| work(scratch))
                } else {
                    work(scratch)
                }
            }
        };
        if changed {
            Ok(new_str(py, &scratch.ucs)?.into_any())
        } else {
            Ok(text.clone())
        }
    })
}

/// Every `str` of the sequence `texts` mapped by `map` (as in [`map_str`]), as a list,
/// with the GIL released and on several threads ([`batch`]); an item that does not
/// change is the same object in the result.
pub fn map_batch<'py>(texts: &Bound<'py, PyAny>, map: Map<'_>) -> PyResult<Bound<'py, PyList>> {
    let py = texts.py();
    let list = PyList::empty(py);
    // Each run of items gives the code points of its changed results, one buffer, and
    // per item where its result is in it (None: unchanged).
    batch(
        texts,
        "texts",
        |t, range| {
            let mut text = String::new();
            let mut out = String::new();
            let mut chars = Vec::new();
            let mut ucs = Vec::new();
            let mut spans = Vec::with_capacity(range.len());
            for i in range {
                let start = ucs.len();
                let changed = match map {
                    Map::Chars(f) => {
                        let item = t.chars(i)?;
                        chars.clear();
                        f(item, &mut chars);
                        let changed = chars.as_slice() != item;
                        if changed {
                            ucs.extend_from_slice(as_u32(&chars));
                        }
                        changed
                    }
                    Map::Utf8(f) => {
                        t.item(i, &mut text)?;
                        out.clear();
                        f(&text, &mut out);
                        let changed = out != text;
                        if changed {
                            utf8_to_ucs4(&out, &mut ucs);
                        }
                        changed
                    }
                };
                spans.push(changed.then_some((start, ucs.len())));
            }
            Ok((ucs, spans))
        },
        |items, _, _, (ucs, spans): (Vec<u32>, Vec<Option<(usize, usize)>>)| {
            for (span, item) in spans.into_iter().zip(items) {
                match span {
                    None => list.append(item)?,
                    Some((a, b)) => list.append(new_str(py, &ucs[a..b])?)?,
                }
            }
            Ok(())
        },
    )?;
    Ok(list)
}

/// About this many code points of a batch are read, worked on and turned into results at
/// a time, so that the buffers stay small (and in cache) whatever the batch's size.
const CHUNK: usize = 1 << 16;

/// What a worker sends back: the chunk's number, its texts, and what `work` made of them
/// (or its panic).
type Done<R> = (usize, Texts, std::thread::Result<Result<R, BadItem>>);

/// Runs a batch call over a sequence of `str` (`what` names it in errors), a chunk of
/// items at a time: the chunk's items are read as UTF-32 under the GIL; `work` runs on
/// them (the chunk's [`Texts`] and the range of all its items) with the GIL released;
/// then `emit` gets, under the GIL and in order, the chunk's items, its [`Texts`] with
/// the range, and what `work` made of them. A non-`str` item is a `NassTypeError` and a
/// lone surrogate a `NassError`, both with the item's index (the first in order wins).
///
/// With more than one thread ([`crate::parallel::threads`]) and more than one chunk, the
/// chunks are a pipeline: worker threads run `work` on chunks while the calling thread,
/// holding the GIL, reads the next chunks and makes the results of the finished ones, so
/// that the part that needs the GIL overlaps the part that does not. At most one chunk
/// per worker and one more are in flight. The threads end with the call.
pub fn batch<'py, R, W, E>(
    seq: &Bound<'py, PyAny>,
    what: &str,
    work: W,
    mut emit: E,
) -> PyResult<()>
where
    R: Send,
    W: Fn(&Texts, Range<usize>) -> Result<R, BadItem> + Sync,
    E: FnMut(&[Bound<'py, PyAny>], &Texts, Range<usize>, R) -> PyResult<()>,
{
    let py = seq.py();
    if seq.is_instance_of::<PyString>() || seq.is_instance_of::<PyBytes>() {
        return Err(type_error(format!(
            "{what} must be a sequence of str, not a single {}",
            type_name(seq)
        )));
    }
    let bad = |BadItem(i, at, c): BadItem| surrogate_error(&format!("{what}[{i}]"), at, c);
    let threads = crate::parallel::threads();
    std::thread::scope(|scope| -> PyResult<()> {
        let work = &work;
        let (job_tx, job_rx) = mpsc::channel::<(usize, Texts)>();
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (done_tx, done_rx) = mpsc::channel::<Done<R>>();
        // Taken out while waiting with the GIL released (a `Receiver` is not `Sync`).
        let mut done_rx = Some(done_rx);
        let mut started = false;
        // The items of the chunks sent, in order, and results that came back early.
        let mut in_flight: VecDeque<Vec<Bound<'py, PyAny>>> = VecDeque::new();
        let mut early: BTreeMap<usize, (Texts, std::thread::Result<Result<R, BadItem>>)> =
            BTreeMap::new();
        let (mut sent, mut received) = (0usize, 0usize);
        let mut spare: Vec<Texts> = Vec::new();
        let mut items: Vec<Bound<'py, PyAny>> = Vec::new();
        let mut texts = Texts::default();

        // The next chunk's result, in order (the GIL released while waiting).
        let mut next = |early: &mut BTreeMap<_, _>| -> (Texts, Result<R, BadItem>) {
            let seq_no = received;
            received += 1;
            let (t, r) = loop {
                if let Some(found) = early.remove(&seq_no) {
                    break found;
                }
                let rx = done_rx.take().expect("the receiver is put back");
                let (rx, msg) = py.detach(move || {
                    let msg = rx.recv();
                    (rx, msg)
                });
                done_rx = Some(rx);
                // The workers live as long as `job_tx`, which lives until the end.
                let (n, t, r) = msg.expect("a worker sends back every chunk");
                early.insert(n, (t, r));
            };
            match r {
                Ok(r) => (t, r),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        };

        let mut iter = Items::new(seq, what)?;
        loop {
            let item = iter.next()?;
            let full = texts.ucs.len() >= CHUNK || (item.is_none() && !items.is_empty());
            if full {
                let n = items.len();
                let last = item.is_none();
                if threads <= 1 || (last && !started) {
                    // One thread, or the only chunk: here.
                    let t = &texts;
                    let r = py.detach(|| work(t, 0..n)).map_err(bad)?;
                    emit(&items, t, 0..n, r)?;
                    items.clear();
                    texts.next_chunk(n);
                } else {
                    if !started {
                        started = true;
                        for _ in 0..threads {
                            let rx = Arc::clone(&job_rx);
                            let tx = done_tx.clone();
                            scope.spawn(move || loop {
                                let job = match rx.lock() {
                                    Ok(guard) => guard.recv(),
                                    Err(poisoned) => poisoned.into_inner().recv(),
                                };
                                let Ok((n, t)) = job else { break };
                                let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
                                    work(&t, 0..t.len())
                                }));
                                if tx.send((n, t, r)).is_err() {
                                    break;
                                }
                            });
                        }
                    }
                    let base = texts.base;
                    let mut fresh = spare.pop().unwrap_or_default();
                    fresh.base = base;
                    fresh.next_chunk(n);
                    let job = std::mem::replace(&mut texts, fresh);
                    job_tx
                        .send((sent, job))
                        .expect("the workers run until the end");
                    sent += 1;
                    in_flight.push_back(std::mem::take(&mut items));
                }
            }
            // Make the results of the chunks done, keeping every worker busy.
            while in_flight.len() > threads || (item.is_none() && !in_flight.is_empty()) {
                let chunk = in_flight.pop_front().expect("not empty");
                let (t, r) = next(&mut early);
                emit(&chunk, &t, 0..t.len(), r.map_err(bad)?)?;
                spare.push(t);
            }
            let Some(item) = item else { break };
            let i = texts.base + items.len();
            let added = item
                .cast::<PyString>()
                .map_err(|_| not_str(&item, &format!("{what}[{i}]")))
                .and_then(|s| read_ucs4(s, &mut texts.ucs));
            if let Err(e) = added {
                // A lone surrogate in an earlier item comes first.
                while !in_flight.is_empty() {
                    in_flight.pop_front();
                    next(&mut early).1.map_err(bad)?;
                }
                return Err(e);
            }
            texts.ends.push(texts.ucs.len());
            items.push(item);
        }
        Ok(())
    })
}

impl Texts {
    /// Emptied for the chunk after one of `n` items.
    fn next_chunk(&mut self, n: usize) {
        self.base += n;
        self.ucs.clear();
        self.ends.clear();
    }
}

/// The items of a sequence argument: a list or a tuple read by index, anything else
/// iterated.
enum Items<'py> {
    Seq(Bound<'py, PyAny>, usize, usize),
    Iter(Bound<'py, pyo3::types::PyIterator>),
}

impl<'py> Items<'py> {
    fn new(seq: &Bound<'py, PyAny>, what: &str) -> PyResult<Self> {
        if seq.is_instance_of::<PyList>() || seq.is_instance_of::<PyTuple>() {
            return Ok(Items::Seq(seq.clone(), 0, seq.len()?));
        }
        let iter = seq.try_iter().map_err(|_| {
            type_error(format!(
                "{what} must be a sequence of str, not {}",
                type_name(seq)
            ))
        })?;
        Ok(Items::Iter(iter))
    }

    fn next(&mut self) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self {
            Items::Seq(seq, i, n) => {
                // A list may shrink while read (by a `__del__`, say): its length is read
                // again at each step.
                if *i >= (*n).min(seq.len()?) {
                    return Ok(None);
                }
                let item = if let Ok(list) = seq.cast::<PyList>() {
                    list.get_item(*i)?
                } else {
                    seq.cast::<PyTuple>()?.get_item(*i)?
                };
                *i += 1;
                Ok(Some(item))
            }
            Items::Iter(iter) => iter.next().transpose(),
        }
    }
}

/// Python's `repr` of a string, for the `__repr__` of the classes.
pub fn repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}
