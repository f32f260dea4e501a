//! `nass.normalize_arrow`, `nass.transliterate_arrow` and `nass.tokenize_arrow` on Arrow string columns, through the
//! Arrow C data interface (the `cdata` module): the input's buffers are read in place and
//! the result's are made in Rust, with the GIL released while the threads work, so no
//! Python object is made per row and pyarrow is not needed.

use std::sync::Arc;

use pyo3::prelude::*;

use crate::cdata::{self, Buffer, Column, Rows, Width};
use crate::normalize::PyNormalizer;
use crate::parallel;
use crate::tokenize::token_spans;
use crate::translit::PyTransliterator;

/// A string column of no rows, of the width given.
fn empty_strings(width: Width) -> Column {
    Column {
        format: width.string_format(),
        len: 0,
        null_count: 0,
        buffers: vec![
            None,
            Some(match width {
                Width::Small => Buffer::I32(vec![0]),
                Width::Large => Buffer::I64(vec![0]),
            }),
            Some(Buffer::Bytes(Vec::new())),
        ],
        children: Vec::new(),
    }
}

/// The runs' data joined, and every row's end offset in it.
fn join(runs: Vec<(String, Vec<usize>)>) -> (Vec<u8>, Vec<usize>) {
    let total = runs.iter().map(|(d, _)| d.len()).sum();
    let mut data = Vec::with_capacity(total);
    let mut ends = Vec::with_capacity(runs.iter().map(|(_, e)| e.len()).sum());
    for (d, e) in runs {
        let base = data.len();
        ends.extend(e.iter().map(|x| base + x));
        data.extend_from_slice(d.as_bytes());
    }
    (data, ends)
}

/// The column of each row mapped by `f` (which appends the result for a text to the
/// `String`), on several threads.
fn map_rows(rows: &Rows<'_>, f: &(impl Fn(&str, &mut String) + Sync)) -> PyResult<Column> {
    let texts = &rows.texts;
    let runs = parallel::runs(
        texts.len(),
        |i| texts[i].len(),
        |range| {
            let mut data = String::new();
            let mut ends = Vec::with_capacity(range.len());
            for i in range {
                f(texts[i], &mut data);
                ends.push(data.len());
            }
            (data, ends)
        },
    );
    let (data, ends) = join(runs);
    Ok(Column {
        format: rows.width.string_format(),
        len: texts.len(),
        null_count: rows.null_count,
        buffers: vec![
            rows.validity.clone().map(Buffer::Bytes),
            Some(Column::offsets(ends.into_iter(), rows.width)?),
            Some(Buffer::Bytes(data)),
        ],
        children: Vec::new(),
    })
}

/// The normalized column of an Arrow string array or chunked array (any object of the
/// Arrow PyCapsule protocol), as an `ArrowColumn` (or `ArrowChunks` for a stream).
#[pyfunction]
fn _normalize_arrow(
    normalizer: &Bound<'_, PyNormalizer>,
    array: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let n = &normalizer.get().inner;
    map_arrow(array, |text, out| n.normalize_into(text, out))
}

/// The transliterated column of an Arrow string array or chunked array, as
/// `_normalize_arrow` gives it.
#[pyfunction]
fn _transliterate_arrow(
    transliterator: &Bound<'_, PyTransliterator>,
    array: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let t = &transliterator.get().inner;
    map_arrow(array, |text, out| out.push_str(&t.transliterate(text)))
}

/// The column of `array`'s rows mapped by `f`, with the GIL released.
fn map_arrow(
    array: &Bound<'_, PyAny>,
    f: impl Fn(&str, &mut String) + Sync,
) -> PyResult<Py<PyAny>> {
    convert(array, empty_strings, |rows| map_rows(rows, &f))
}

/// The column `convert_rows` makes of each chunk of rows of `array` (with the GIL
/// released), exported as the input came: one array, or a stream of chunks; `empty`
/// gives the column of no rows of the input's width.
fn convert(
    array: &Bound<'_, PyAny>,
    empty: fn(Width) -> Column,
    convert_rows: impl Fn(&Rows<'_>) -> PyResult<Column> + Sync,
) -> PyResult<Py<PyAny>> {
    let py = array.py();
    let imported = cdata::import(array)?;
    let (width, chunks) = imported.with_rows(|width, all| {
        let chunks = py.detach(|| {
            all.iter()
                .map(&convert_rows)
                .collect::<PyResult<Vec<Column>>>()
        })?;
        Ok((width, chunks))
    })?;
    cdata::export(py, imported.is_stream(), empty(width), chunks)
}

/// A list<string> column of no rows.
fn empty_lists(width: Width) -> Column {
    Column {
        format: c"+l",
        len: 0,
        null_count: 0,
        buffers: vec![None, Some(Buffer::I32(vec![0]))],
        children: vec![Arc::new(empty_strings(width))],
    }
}

fn tokenize_rows(rows: &Rows<'_>) -> PyResult<Column> {
    let texts = &rows.texts;
    // Each run: the tokens' text, each token's end in it, and each row's token count.
    let runs = parallel::runs(
        texts.len(),
        |i| texts[i].len(),
        |range| {
            let mut data = String::new();
            let mut ends = Vec::new();
            let mut counts = Vec::with_capacity(range.len());
            for i in range {
                let spans = token_spans(texts[i]);
                counts.push(spans.len());
                for (a, b) in spans {
                    data.push_str(&texts[i][a..b]);
                    ends.push(data.len());
                }
            }
            ((data, ends), counts)
        },
    );
    let mut counts = Vec::with_capacity(texts.len());
    let mut parts = Vec::with_capacity(runs.len());
    for (part, c) in runs {
        parts.push(part);
        counts.extend(c);
    }
    let (data, ends) = join(parts);
    let n_tokens = ends.len();
    let values = Column {
        format: rows.width.string_format(),
        len: n_tokens,
        null_count: 0,
        buffers: vec![
            None,
            Some(Column::offsets(ends.into_iter(), rows.width)?),
            Some(Buffer::Bytes(data)),
        ],
        children: Vec::new(),
    };
    let list_ends = counts.iter().scan(0usize, |acc, &c| {
        *acc += c;
        Some(*acc)
    });
    Ok(Column {
        format: c"+l",
        len: texts.len(),
        null_count: rows.null_count,
        buffers: vec![
            rows.validity.clone().map(Buffer::Bytes),
            Some(Column::offsets(list_ends, Width::Small)?),
        ],
        children: vec![Arc::new(values)],
    })
}

/// The tokens of each row of an Arrow string array or chunked array, as a list<string>
/// column (`ArrowColumn`, or `ArrowChunks` for a stream).
#[pyfunction]
fn _tokenize_arrow(array: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    convert(array, empty_lists, tokenize_rows)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_normalize_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(_tokenize_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(_transliterate_arrow, m)?)?;
    cdata::register(m)?;
    Ok(())
}
