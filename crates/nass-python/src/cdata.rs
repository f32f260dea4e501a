//! The Arrow C data interface (<https://arrow.apache.org/docs/format/CDataInterface.html>)
//! and its Python face, the Arrow PyCapsule protocol
//! (<https://arrow.apache.org/docs/format/CDataInterface/PyCapsuleInterface.html>).
//!
//! Importing: any object with `__arrow_c_array__` (a pyarrow `Array`, a nanoarrow or
//! arro3 array...) or `__arrow_c_stream__` (a pyarrow `ChunkedArray`, a Polars `Series`,
//! a stream of batches' columns...) whose type is `string` (format `u`), `large_string`
//! (`U`) or `string_view` (`vu`, what Polars hands over; its results are
//! `large_string`). The column's buffers are read in place, with the GIL released while the
//! threads work; nothing is copied before the work and no Python object is made per row.
//!
//! Exporting: the result's buffers are owned by Rust ([`Column`]) and handed out as
//! `ArrowArray` / `ArrowSchema` / `ArrowArrayStream` structs in capsules, by the classes
//! `ArrowColumn` (`__arrow_c_array__`) and `ArrowChunks` (`__arrow_c_stream__`), which
//! pyarrow (`pa.array`, `pa.chunked_array`), Polars and any other consumer import without
//! copying. Every exported struct has its own `release` callback, which frees what it
//! owns and marks the struct released; a capsule's destructor calls it only when the
//! consumer has not moved the struct out (the protocol's rule).
//!
//! pyo3-arrow or arrow-rs's `ffi` module would give the same structs, but with the arrow
//! crates to compile (and a pyo3 version to match); the structs are small and fixed by
//! the specification, so they are written here.
#![allow(unsafe_code)]

use std::ffi::{c_char, c_void, CStr, CString};
use std::ptr;
use std::sync::Arc;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};

use crate::errors::{type_error, value_error};

/// `struct ArrowSchema` of the specification.
#[repr(C)]
pub struct ArrowSchema {
    format: *const c_char,
    name: *const c_char,
    metadata: *const c_char,
    flags: i64,
    n_children: i64,
    children: *mut *mut ArrowSchema,
    dictionary: *mut ArrowSchema,
    release: Option<unsafe extern "C" fn(*mut ArrowSchema)>,
    private_data: *mut c_void,
}

/// `struct ArrowArray` of the specification.
#[repr(C)]
pub struct ArrowArray {
    length: i64,
    null_count: i64,
    offset: i64,
    n_buffers: i64,
    n_children: i64,
    buffers: *mut *const c_void,
    children: *mut *mut ArrowArray,
    dictionary: *mut ArrowArray,
    release: Option<unsafe extern "C" fn(*mut ArrowArray)>,
    private_data: *mut c_void,
}

/// `struct ArrowArrayStream` of the specification.
#[repr(C)]
pub struct ArrowArrayStream {
    get_schema: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowSchema) -> i32>,
    get_next: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowArray) -> i32>,
    get_last_error: Option<unsafe extern "C" fn(*mut ArrowArrayStream) -> *const c_char>,
    release: Option<unsafe extern "C" fn(*mut ArrowArrayStream)>,
    private_data: *mut c_void,
}

const FLAG_NULLABLE: i64 = 2;

impl ArrowSchema {
    fn empty() -> Self {
        ArrowSchema {
            format: ptr::null(),
            name: ptr::null(),
            metadata: ptr::null(),
            flags: 0,
            n_children: 0,
            children: ptr::null_mut(),
            dictionary: ptr::null_mut(),
            release: None,
            private_data: ptr::null_mut(),
        }
    }
}

impl ArrowArray {
    fn empty() -> Self {
        ArrowArray {
            length: 0,
            null_count: 0,
            offset: 0,
            n_buffers: 0,
            n_children: 0,
            buffers: ptr::null_mut(),
            children: ptr::null_mut(),
            dictionary: ptr::null_mut(),
            release: None,
            private_data: ptr::null_mut(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Importing

/// A schema or array this crate owns (moved out of a stream), released when dropped.
struct Owned<T: Release>(T);

trait Release {
    fn release(&mut self);
}

impl Release for ArrowSchema {
    fn release(&mut self) {
        if let Some(release) = self.release {
            // SAFETY: a struct with a `release` callback is live and owned here (moved out
            // of its producer); the callback frees it and sets `release` to NULL.
            unsafe { release(self) };
        }
    }
}

impl Release for ArrowArray {
    fn release(&mut self) {
        if let Some(release) = self.release {
            // SAFETY: as for `ArrowSchema`.
            unsafe { release(self) };
        }
    }
}

impl<T: Release> Drop for Owned<T> {
    fn drop(&mut self) {
        self.0.release();
    }
}

/// The width of a string column's offsets.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Width {
    /// `string`: 32-bit offsets (format `u`).
    Small,
    /// `large_string`: 64-bit offsets (format `U`).
    Large,
}

impl Width {
    /// The Arrow format of a string column of this width.
    pub fn string_format(self) -> &'static CStr {
        match self {
            Width::Small => c"u",
            Width::Large => c"U",
        }
    }
}

/// The layout of an input string column.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Input {
    /// Offsets and data (`string`, `large_string`).
    Offsets(Width),
    /// 16-byte views into data buffers (`string_view`, format `vu`).
    View,
}

impl Input {
    /// The width of the result columns: a view column gives `large_string`.
    fn output(self) -> Width {
        match self {
            Input::Offsets(w) => w,
            Input::View => Width::Large,
        }
    }
}

/// The type of a string column, from its schema; any other type is a `NassTypeError`.
fn string_width(schema: &ArrowSchema) -> PyResult<Input> {
    if schema.format.is_null() || schema.release.is_none() {
        return Err(value_error(
            "malformed Arrow schema (no format, or released)",
        ));
    }
    // SAFETY: `format` of a live schema is a NUL-terminated string (the specification),
    // valid as long as the schema.
    let format = unsafe { CStr::from_ptr(schema.format) }.to_string_lossy();
    if !schema.dictionary.is_null() {
        return Err(type_error(
            "expected an Arrow string column, not a dictionary-encoded one (decode it first, \
             e.g. array.dictionary_decode())",
        ));
    }
    match &*format {
        "u" => Ok(Input::Offsets(Width::Small)),
        "U" => Ok(Input::Offsets(Width::Large)),
        "vu" => Ok(Input::View),
        other => Err(type_error(format!(
            "expected an Arrow string column (string, large_string or string_view), not \
             Arrow format '{other}'"
        ))),
    }
}

/// The rows of an imported string array: each row's text (empty for a null), and the
/// validity bitmap re-based to offset 0 (None: no nulls).
pub struct Rows<'a> {
    /// The text of each row.
    pub texts: Vec<&'a str>,
    /// Validity bits, bit i for row i (None when no row is null).
    pub validity: Option<Vec<u8>>,
    /// The number of null rows.
    pub null_count: usize,
    /// The offsets' width.
    pub width: Width,
}

/// Reads the rows of a string array in place.
///
/// # Safety
/// `array` must be a live `ArrowArray` of the type `width` describes (as the
/// specification requires of the producer), and stay live and unchanged while the result
/// is used.
unsafe fn rows<'a>(array: &'a ArrowArray, input: Input) -> PyResult<Rows<'a>> {
    let bad = |what: &str| value_error(format!("malformed Arrow string array: {what}"));
    if array.release.is_none() {
        return Err(bad("released"));
    }
    let n_buffers = usize::try_from(array.n_buffers).unwrap_or(0);
    let enough = match input {
        Input::Offsets(_) => n_buffers == 3,
        Input::View => n_buffers >= 3,
    };
    if !enough || array.buffers.is_null() {
        return Err(bad("wrong number of buffers"));
    }
    let (Ok(len), Ok(offset)) = (usize::try_from(array.length), usize::try_from(array.offset))
    else {
        return Err(bad("negative length or offset"));
    };
    let end = offset.checked_add(len).ok_or_else(|| bad("length"))?;
    // SAFETY: `buffers` points to `n_buffers` buffer pointers.
    let buffers = unsafe { std::slice::from_raw_parts(array.buffers, n_buffers) };
    let mut texts = match input {
        // SAFETY: the caller's contract, passed on.
        Input::View => unsafe { view_texts(buffers, offset, len)? },
        Input::Offsets(width) => unsafe { offset_texts(buffers, offset, len, width)? },
    };
    // Validity: bit (offset + i) of buffer 0, copied to bit i of a new bitmap.
    let mut validity = None;
    let mut null_count = 0;
    if !buffers[0].is_null() && array.null_count != 0 && len > 0 {
        // SAFETY: the validity bitmap holds at least `offset + length` bits.
        let bits = unsafe { std::slice::from_raw_parts(buffers[0].cast::<u8>(), end.div_ceil(8)) };
        let mut out = vec![0u8; len.div_ceil(8)];
        for i in 0..len {
            let j = offset + i;
            if bits[j / 8] >> (j % 8) & 1 == 1 {
                out[i / 8] |= 1 << (i % 8);
            } else {
                null_count += 1;
                texts[i] = "";
            }
        }
        if null_count > 0 {
            validity = Some(out);
        }
    }
    Ok(Rows {
        texts,
        validity,
        null_count,
        width: input.output(),
    })
}

fn utf8_error(bytes: &[u8]) -> PyErr {
    value_error(format!(
        "Arrow string data is not UTF-8: {}",
        std::str::from_utf8(bytes)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    ))
}

/// The texts of rows `offset..offset + len` of a `string_view` array: each view is 16
/// bytes, a length (u32), then the text itself when it is 12 bytes or shorter, else a
/// prefix, a data buffer index (u32) and an offset in it (u32). The last buffer holds the
/// data buffers' sizes (i64), which bound every view.
///
/// # Safety
/// `buffers` are the buffers of a live `string_view` array with at least `offset + len`
/// rows.
unsafe fn view_texts<'a>(
    buffers: &[*const c_void],
    offset: usize,
    len: usize,
) -> PyResult<Vec<&'a str>> {
    let bad = |what: &str| value_error(format!("malformed Arrow string_view array: {what}"));
    let n_data = buffers.len() - 3;
    // SAFETY: the last buffer of a view array holds one i64 size per data buffer (read as
    // bytes: alignment does not matter).
    let sizes: Vec<usize> = if n_data == 0 {
        Vec::new()
    } else {
        let raw = unsafe {
            std::slice::from_raw_parts(buffers[buffers.len() - 1].cast::<u8>(), n_data * 8)
        };
        raw.chunks_exact(8)
            .map(|c| {
                usize::try_from(i64::from_ne_bytes(c.try_into().unwrap_or([0; 8]))).unwrap_or(0)
            })
            .collect()
    };
    if len > 0 && buffers[1].is_null() {
        return Err(bad("no views buffer"));
    }
    let mut texts = Vec::with_capacity(len);
    for i in 0..len {
        // SAFETY: the views buffer holds 16 bytes per row, live as long as the array.
        let view: &'a [u8] = unsafe {
            std::slice::from_raw_parts(buffers[1].cast::<u8>().add((offset + i) * 16), 16)
        };
        let word = |k: usize| {
            u32::from_ne_bytes([view[k], view[k + 1], view[k + 2], view[k + 3]]) as usize
        };
        let n = word(0);
        let bytes: &'a [u8] = if n <= 12 {
            &view[4..4 + n]
        } else {
            let (index, start) = (word(8), word(12));
            let size = *sizes
                .get(index)
                .ok_or_else(|| bad("buffer index out of range"))?;
            if start.checked_add(n).is_none_or(|e| e > size) || buffers[2 + index].is_null() {
                return Err(bad("a view points past its buffer"));
            }
            // SAFETY: data buffer `index` holds `size` bytes (the sizes buffer), and the
            // view lies inside it (checked above).
            unsafe { std::slice::from_raw_parts(buffers[2 + index].cast::<u8>().add(start), n) }
        };
        texts.push(simdutf8::basic::from_utf8(bytes).map_err(|_| utf8_error(bytes))?);
    }
    Ok(texts)
}

/// The texts of rows `offset..offset + len` of a `string` or `large_string` array.
///
/// # Safety
/// `buffers` are the 3 buffers of a live array of that type with at least
/// `offset + len` rows.
unsafe fn offset_texts<'a>(
    buffers: &[*const c_void],
    offset: usize,
    len: usize,
    width: Width,
) -> PyResult<Vec<&'a str>> {
    let bad = |what: &str| value_error(format!("malformed Arrow string array: {what}"));
    let w = match width {
        Width::Small => 4,
        Width::Large => 8,
    };
    let mut offsets = Vec::with_capacity(len + 1);
    if len > 0 || !buffers[1].is_null() {
        if buffers[1].is_null() {
            return Err(bad("no offsets buffer"));
        }
        // SAFETY: the offsets buffer of a string array holds `offset + length + 1`
        // offsets of `w` bytes; read as bytes, so its alignment does not matter.
        let raw = unsafe {
            std::slice::from_raw_parts(buffers[1].cast::<u8>().add(offset * w), (len + 1) * w)
        };
        for chunk in raw.chunks_exact(w) {
            let v = if w == 4 {
                i64::from(i32::from_ne_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]))
            } else {
                i64::from_ne_bytes(chunk.try_into().unwrap_or([0; 8]))
            };
            offsets.push(usize::try_from(v).map_err(|_| bad("negative offset"))?);
        }
    } else {
        offsets.push(0);
    }
    if offsets.windows(2).any(|p| p[0] > p[1]) {
        return Err(bad("offsets go backwards"));
    }
    let (first, last) = (offsets[0], offsets[offsets.len() - 1]);
    let data: &'a str = if last == first {
        ""
    } else {
        if buffers[2].is_null() {
            return Err(bad("no data buffer"));
        }
        // SAFETY: the data buffer holds at least the bytes the offsets point to (up to
        // the last offset), live as long as `array`.
        let bytes =
            unsafe { std::slice::from_raw_parts(buffers[2].cast::<u8>().add(first), last - first) };
        simdutf8::basic::from_utf8(bytes).map_err(|_| utf8_error(bytes))?
    };
    let mut texts = Vec::with_capacity(len);
    for p in offsets.windows(2) {
        let text = data
            .get(p[0] - first..p[1] - first)
            .ok_or_else(|| bad("an offset splits a UTF-8 sequence"))?;
        texts.push(text);
    }
    Ok(texts)
}

fn capsule_pointer<T: InCapsule>(capsule: &Bound<'_, PyAny>) -> PyResult<*mut T> {
    let capsule = capsule
        .cast::<PyCapsule>()
        .map_err(|_| type_error("the Arrow PyCapsule protocol method did not return a capsule"))?;
    // SAFETY: `capsule` is a live capsule; PyCapsule_GetPointer checks its name and
    // returns NULL with an exception set when it differs.
    let p = unsafe { ffi::PyCapsule_GetPointer(capsule.as_ptr(), T::NAME.as_ptr()) };
    if p.is_null() {
        return Err(PyErr::fetch(capsule.py()));
    }
    Ok(p.cast())
}

/// What an object hands over through the PyCapsule protocol: one array (its capsules kept
/// alive, so the producer's buffers are), or the arrays of a stream (moved out, owned
/// here).
pub enum Imported<'py> {
    /// `__arrow_c_array__`: (schema, array) capsules.
    Array(Bound<'py, PyAny>, Bound<'py, PyAny>),
    /// `__arrow_c_stream__`: the schema and every array.
    Stream(ArrowSchema, Vec<ArrowArray>),
}

/// Imports `obj` through the Arrow PyCapsule protocol.
pub fn import<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Imported<'py>> {
    if obj.hasattr("__arrow_c_array__")? {
        let pair = obj.call_method0("__arrow_c_array__")?;
        let pair = pair
            .cast::<PyTuple>()
            .map_err(|_| type_error("__arrow_c_array__ did not return a (schema, array) tuple"))?;
        if pair.len() != 2 {
            return Err(type_error(
                "__arrow_c_array__ did not return a (schema, array) tuple",
            ));
        }
        return Ok(Imported::Array(pair.get_item(0)?, pair.get_item(1)?));
    }
    if obj.hasattr("__arrow_c_stream__")? {
        let capsule = obj.call_method0("__arrow_c_stream__")?;
        let stream: *mut ArrowArrayStream = capsule_pointer(&capsule)?;
        // The stream stays in its capsule (whose destructor releases it); the schema and
        // arrays it gives are moved to this crate, which releases them.
        // SAFETY: a live stream from its capsule; its callbacks follow the specification.
        unsafe {
            let s = &mut *stream;
            let (Some(get_schema), Some(get_next)) = (s.get_schema, s.get_next) else {
                return Err(value_error("malformed Arrow stream (released)"));
            };
            let error = |s: *mut ArrowArrayStream, code: i32| {
                let message = match (*s).get_last_error {
                    Some(f) if !f(s).is_null() => {
                        CStr::from_ptr(f(s)).to_string_lossy().into_owned()
                    }
                    _ => format!("error code {code}"),
                };
                value_error(format!("the Arrow stream failed: {message}"))
            };
            let mut schema = Owned(ArrowSchema::empty());
            let code = get_schema(stream, &mut schema.0);
            if code != 0 {
                return Err(error(stream, code));
            }
            string_width(&schema.0)?;
            let mut arrays = Vec::new();
            loop {
                let mut array = Owned(ArrowArray::empty());
                let code = get_next(stream, &mut array.0);
                if code != 0 {
                    return Err(error(stream, code));
                }
                if array.0.release.is_none() {
                    break;
                }
                arrays.push(array);
            }
            // Hand the owned structs over (a struct may be moved before it is released; the
            // `Drop` of `Imported` releases them).
            let schema = std::mem::replace(&mut schema.0, ArrowSchema::empty());
            let arrays = arrays
                .iter_mut()
                .map(|a| std::mem::replace(&mut a.0, ArrowArray::empty()))
                .collect();
            return Ok(Imported::Stream(schema, arrays));
        }
    }
    Err(type_error(format!(
        "expected an Arrow string array or chunked array (an object with __arrow_c_array__ \
         or __arrow_c_stream__, such as a pyarrow Array or ChunkedArray or a Polars Series), \
         not {}",
        crate::text::type_name(obj)
    )))
}

impl Drop for Imported<'_> {
    fn drop(&mut self) {
        if let Imported::Stream(schema, arrays) = self {
            schema.release();
            for a in arrays {
                a.release();
            }
        }
    }
}

impl Imported<'_> {
    /// The width of the result and every array's rows; `f` gets them and returns what it made.
    pub fn with_rows<R>(&self, f: impl FnOnce(Width, Vec<Rows<'_>>) -> PyResult<R>) -> PyResult<R> {
        match self {
            Imported::Array(schema, array) => {
                let schema: *mut ArrowSchema = capsule_pointer(schema)?;
                let array: *mut ArrowArray = capsule_pointer(array)?;
                // SAFETY: both capsules are alive (held by `self`), so are their structs
                // and the producer's buffers.
                let (schema, array) = unsafe { (&*schema, &*array) };
                let input = string_width(schema)?;
                // SAFETY: the array has the schema's type and lives as long as `self`.
                let rows = unsafe { rows(array, input)? };
                f(input.output(), vec![rows])
            }
            Imported::Stream(schema, arrays) => {
                let input = string_width(schema)?;
                let mut all = Vec::with_capacity(arrays.len());
                for a in arrays {
                    // SAFETY: arrays of the stream, of the schema's type, owned by `self`.
                    all.push(unsafe { rows(a, input)? });
                }
                f(input.output(), all)
            }
        }
    }

    /// Whether the input was a stream (a chunked array): the result is one too.
    pub fn is_stream(&self) -> bool {
        matches!(self, Imported::Stream(..))
    }
}

// ---------------------------------------------------------------------------------------
// Exporting

/// A buffer of an exported array.
pub enum Buffer {
    /// Bytes (validity bits, string data).
    Bytes(Vec<u8>),
    /// 32-bit offsets.
    I32(Vec<i32>),
    /// 64-bit offsets.
    I64(Vec<i64>),
}

impl Buffer {
    fn as_ptr(&self) -> *const c_void {
        match self {
            Buffer::Bytes(v) => v.as_ptr().cast(),
            Buffer::I32(v) => v.as_ptr().cast(),
            Buffer::I64(v) => v.as_ptr().cast(),
        }
    }
}

/// An array built by this crate: its type (format), length, nulls, buffers (None: a
/// validity bitmap left out) and children.
pub struct Column {
    /// The Arrow format string of the type (`u`, `U`, `+l`).
    pub format: &'static CStr,
    /// The number of rows.
    pub len: usize,
    /// The number of null rows.
    pub null_count: usize,
    /// The buffers, in the order of the format's layout.
    pub buffers: Vec<Option<Buffer>>,
    /// The child arrays (the values of a list).
    pub children: Vec<Arc<Column>>,
}

impl Column {
    /// The offsets in the width given, from the lengths' running sums; too long for 32
    /// bits is a `NassError`.
    pub fn offsets(ends: impl Iterator<Item = usize>, width: Width) -> PyResult<Buffer> {
        let too_long = || {
            value_error(
                "the result exceeds 2 GiB, the limit of a string array; pass a large_string \
                 array",
            )
        };
        Ok(match width {
            Width::Small => Buffer::I32(
                std::iter::once(Ok(0))
                    .chain(ends.map(|e| i32::try_from(e).map_err(|_| too_long())))
                    .collect::<PyResult<Vec<i32>>>()?,
            ),
            Width::Large => Buffer::I64(std::iter::once(0).chain(ends.map(|e| e as i64)).collect()),
        })
    }

    /// The schema of this column's type; `name` is the field's name (`item` for the
    /// values of a list, as Arrow names them).
    fn schema(&self, name: &CStr) -> ArrowSchema {
        let children: Vec<*mut ArrowSchema> = self
            .children
            .iter()
            .map(|c| Box::into_raw(Box::new(c.schema(c"item"))))
            .collect();
        let mut private = Box::new(SchemaPrivate {
            name: name.to_owned(),
            children,
        });
        ArrowSchema {
            format: self.format.as_ptr(),
            name: private.name.as_ptr(),
            metadata: ptr::null(),
            flags: FLAG_NULLABLE,
            n_children: private.children.len() as i64,
            children: private.children.as_mut_ptr(),
            dictionary: ptr::null_mut(),
            release: Some(release_schema),
            private_data: Box::into_raw(private).cast(),
        }
    }

    fn array(self: &Arc<Self>) -> ArrowArray {
        let buffers: Vec<*const c_void> = self
            .buffers
            .iter()
            .map(|b| b.as_ref().map_or(ptr::null(), Buffer::as_ptr))
            .collect();
        let children: Vec<*mut ArrowArray> = self
            .children
            .iter()
            .map(|c| Box::into_raw(Box::new(c.array())))
            .collect();
        let mut private = Box::new(ArrayPrivate {
            _column: Arc::clone(self),
            buffers,
            children,
        });
        ArrowArray {
            length: self.len as i64,
            null_count: self.null_count as i64,
            offset: 0,
            n_buffers: private.buffers.len() as i64,
            n_children: private.children.len() as i64,
            buffers: private.buffers.as_mut_ptr(),
            children: private.children.as_mut_ptr(),
            dictionary: ptr::null_mut(),
            release: Some(release_array),
            private_data: Box::into_raw(private).cast(),
        }
    }
}

struct SchemaPrivate {
    name: CString,
    children: Vec<*mut ArrowSchema>,
}

struct ArrayPrivate {
    /// Keeps the buffers alive.
    _column: Arc<Column>,
    buffers: Vec<*const c_void>,
    children: Vec<*mut ArrowArray>,
}

/// The `release` callback of every exported schema.
unsafe extern "C" fn release_schema(schema: *mut ArrowSchema) {
    // SAFETY: called by the consumer on a schema made by `Column::schema` (its
    // `private_data` a boxed `SchemaPrivate`, its children boxed schemas of the same
    // kind), at most once (a released schema has `release` NULL and is skipped).
    unsafe {
        let Some(s) = schema.as_mut() else { return };
        if s.release.is_none() {
            return;
        }
        let private = Box::from_raw(s.private_data.cast::<SchemaPrivate>());
        for &child in &private.children {
            if let Some(release) = (*child).release {
                release(child);
            }
            drop(Box::from_raw(child));
        }
        s.release = None;
        s.private_data = ptr::null_mut();
    }
}

/// The `release` callback of every exported array.
unsafe extern "C" fn release_array(array: *mut ArrowArray) {
    // SAFETY: as for `release_schema`, with `ArrayPrivate`; dropping it drops one
    // reference to the column's buffers.
    unsafe {
        let Some(a) = array.as_mut() else { return };
        if a.release.is_none() {
            return;
        }
        let private = Box::from_raw(a.private_data.cast::<ArrayPrivate>());
        for &child in &private.children {
            if let Some(release) = (*child).release {
                release(child);
            }
            drop(Box::from_raw(child));
        }
        a.release = None;
        a.private_data = ptr::null_mut();
    }
}

/// A struct of the specification that travels in a capsule, under the protocol's name.
trait InCapsule {
    /// The capsule's name.
    const NAME: &'static CStr;
    /// The struct's `release` callback (None once released or moved out).
    fn release_callback(&self) -> Option<unsafe extern "C" fn(*mut Self)>;
}

impl InCapsule for ArrowSchema {
    const NAME: &'static CStr = c"arrow_schema";
    fn release_callback(&self) -> Option<unsafe extern "C" fn(*mut Self)> {
        self.release
    }
}

impl InCapsule for ArrowArray {
    const NAME: &'static CStr = c"arrow_array";
    fn release_callback(&self) -> Option<unsafe extern "C" fn(*mut Self)> {
        self.release
    }
}

impl InCapsule for ArrowArrayStream {
    const NAME: &'static CStr = c"arrow_array_stream";
    fn release_callback(&self) -> Option<unsafe extern "C" fn(*mut Self)> {
        self.release
    }
}

/// The destructor of the capsules made here: releases the struct unless the consumer
/// moved it out (then `release` is NULL), and frees the box.
unsafe extern "C" fn drop_capsule<T: InCapsule>(capsule: *mut ffi::PyObject) {
    // SAFETY: `capsule` is one made by `capsule::<T>` (named `T::NAME`), its pointer a
    // boxed `T` that nothing else frees; the struct is released at most once (a
    // released struct has `release` NULL).
    unsafe {
        let p = ffi::PyCapsule_GetPointer(capsule, T::NAME.as_ptr()).cast::<T>();
        if p.is_null() {
            ffi::PyErr_Clear();
            return;
        }
        if let Some(release) = (*p).release_callback() {
            release(p);
        }
        drop(Box::from_raw(p));
    }
}

/// A capsule named `T::NAME` owning the boxed `value`.
fn capsule<T: InCapsule>(py: Python<'_>, value: T) -> PyResult<Bound<'_, PyAny>> {
    let p = Box::into_raw(Box::new(value));
    // SAFETY: `p` is a valid pointer that the capsule owns from now on (freed by
    // `drop_capsule::<T>`); the name is static, as the capsule keeps it.
    let obj = unsafe { ffi::PyCapsule_New(p.cast(), T::NAME.as_ptr(), Some(drop_capsule::<T>)) };
    if obj.is_null() {
        // SAFETY: the capsule was not made, so `p` is still ours to free.
        drop(unsafe { Box::from_raw(p) });
        return Err(PyErr::fetch(py));
    }
    // SAFETY: a new reference, owned by the `Bound`.
    Ok(unsafe { Bound::from_owned_ptr(py, obj) })
}

/// The schema capsule for a column's type, for `__arrow_c_schema__` and the pair of
/// `__arrow_c_array__`.
fn schema_capsule<'py>(py: Python<'py>, column: &Column) -> PyResult<Bound<'py, PyAny>> {
    capsule(py, column.schema(c""))
}

/// An Arrow array made by nass (what ``normalize_arrow`` and ``tokenize_arrow`` return
/// when pyarrow is not installed), handed to any consumer of the Arrow PyCapsule protocol
/// (``pa.array(obj)``, ``pl.Series(obj)``) without copying.
///
/// >>> import pyarrow as pa, nass
/// >>> from nass._nass import _normalize_arrow
/// >>> column = _normalize_arrow(nass.Normalizer(), pa.array(["مدرسةٌ", None]))
/// >>> column
/// ArrowColumn(format="u", len=2, null_count=1)
/// >>> pa.array(column).to_pylist()
/// ['مدرسه', None]
#[pyclass(module = "nass", name = "ArrowColumn", frozen)]
pub struct ArrowColumn {
    column: Arc<Column>,
}

#[pymethods]
impl ArrowColumn {
    /// The (schema, array) capsules of the Arrow PyCapsule protocol. A requested schema
    /// other than the column's own is ignored (the protocol allows it).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let _ = requested_schema;
        Ok((
            schema_capsule(py, &self.column)?,
            capsule(py, self.column.array())?,
        ))
    }

    /// The schema capsule of the column's type.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        schema_capsule(py, &self.column)
    }

    fn __len__(&self) -> usize {
        self.column.len
    }

    fn __repr__(&self) -> String {
        format!(
            "ArrowColumn(format={:?}, len={}, null_count={})",
            self.column.format.to_string_lossy(),
            self.column.len,
            self.column.null_count
        )
    }
}

/// The chunks of an Arrow chunked array made by nass (what ``normalize_arrow`` and
/// ``tokenize_arrow`` return for a chunked array or stream when pyarrow is not
/// installed), handed over as a stream (``__arrow_c_stream__``: ``pa.chunked_array(obj)``).
///
/// >>> import pyarrow as pa, nass
/// >>> from nass._nass import _tokenize_arrow
/// >>> chunks = _tokenize_arrow(pa.chunked_array([["قال: نعم"], [None]]))
/// >>> chunks
/// ArrowChunks(format="+l", chunks=2, len=2)
/// >>> pa.chunked_array(chunks).to_pylist()
/// [['قال', ':', 'نعم'], None]
#[pyclass(module = "nass", name = "ArrowChunks", frozen)]
pub struct ArrowChunks {
    /// The type of every chunk (a column of no rows).
    empty: Arc<Column>,
    chunks: Vec<Arc<Column>>,
}

struct StreamPrivate {
    empty: Arc<Column>,
    chunks: Vec<Arc<Column>>,
    next: usize,
}

unsafe extern "C" fn stream_get_schema(
    stream: *mut ArrowArrayStream,
    out: *mut ArrowSchema,
) -> i32 {
    // SAFETY: `stream` is one of ours (made by `__arrow_c_stream__`), not released (the
    // specification forbids calls after release); `out` points to a struct to fill.
    unsafe {
        let private = &*(*stream).private_data.cast::<StreamPrivate>();
        out.write(private.empty.schema(c""));
    }
    0
}

unsafe extern "C" fn stream_get_next(stream: *mut ArrowArrayStream, out: *mut ArrowArray) -> i32 {
    // SAFETY: as for `stream_get_schema`; the end is an array with `release` NULL.
    unsafe {
        let private = &mut *(*stream).private_data.cast::<StreamPrivate>();
        match private.chunks.get(private.next) {
            Some(c) => {
                out.write(c.array());
                private.next += 1;
            }
            None => out.write(ArrowArray::empty()),
        }
    }
    0
}

unsafe extern "C" fn stream_get_last_error(_: *mut ArrowArrayStream) -> *const c_char {
    ptr::null()
}

unsafe extern "C" fn release_stream(stream: *mut ArrowArrayStream) {
    // SAFETY: a stream made by `__arrow_c_stream__`, released at most once.
    unsafe {
        let Some(s) = stream.as_mut() else { return };
        if s.release.is_none() {
            return;
        }
        drop(Box::from_raw(s.private_data.cast::<StreamPrivate>()));
        s.release = None;
        s.private_data = ptr::null_mut();
    }
}

#[pymethods]
impl ArrowChunks {
    /// The stream capsule of the Arrow PyCapsule protocol (a requested schema other than
    /// the chunks' own is ignored).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let _ = requested_schema;
        let private = Box::new(StreamPrivate {
            empty: Arc::clone(&self.empty),
            chunks: self.chunks.clone(),
            next: 0,
        });
        let stream = ArrowArrayStream {
            get_schema: Some(stream_get_schema),
            get_next: Some(stream_get_next),
            get_last_error: Some(stream_get_last_error),
            release: Some(release_stream),
            private_data: Box::into_raw(private).cast(),
        };
        capsule(py, stream)
    }

    /// The schema capsule of the chunks' type.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        schema_capsule(py, &self.empty)
    }

    fn __len__(&self) -> usize {
        self.chunks.iter().map(|c| c.len).sum()
    }

    fn __repr__(&self) -> String {
        format!(
            "ArrowChunks(format={:?}, chunks={}, len={})",
            self.empty.format.to_string_lossy(),
            self.chunks.len(),
            self.__len__()
        )
    }
}

/// The result of a column operation: one array, or chunks when the input was a stream.
pub fn export(
    py: Python<'_>,
    stream: bool,
    empty: Column,
    chunks: Vec<Column>,
) -> PyResult<Py<PyAny>> {
    let chunks: Vec<Arc<Column>> = chunks.into_iter().map(Arc::new).collect();
    if stream {
        Ok(Py::new(
            py,
            ArrowChunks {
                empty: Arc::new(empty),
                chunks,
            },
        )?
        .into_any())
    } else {
        let column = chunks.into_iter().next().unwrap_or_else(|| Arc::new(empty));
        Ok(Py::new(py, ArrowColumn { column })?.into_any())
    }
}

/// Registers this module's classes.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ArrowColumn>()?;
    m.add_class::<ArrowChunks>()?;
    Ok(())
}
