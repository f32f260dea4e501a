//! Arrow string columns as buffers: the Python functions `nass.normalize_arrow` and
//! `nass.tokenize_arrow` hand over an array's offsets and data buffers and build the
//! result array from the buffers returned, so no Python object is made per row.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::value_error;
use crate::normalize::PyNormalizer;
use crate::parallel;
use crate::tokenize::token_spans;

/// The strings of a column: `offsets` holds n + 1 little-endian offsets (4 bytes each,
/// or 8 with `large`) into `data`.
fn strings<'a>(offsets: &[u8], data: &'a [u8], large: bool) -> PyResult<Vec<&'a str>> {
    let width = if large { 8 } else { 4 };
    if offsets.len() % width != 0 || offsets.len() < width {
        return Err(value_error("malformed Arrow offsets buffer"));
    }
    let offs: Vec<usize> = offsets
        .chunks_exact(width)
        .map(|c| {
            let mut b = [0u8; 8];
            b[..width].copy_from_slice(c);
            u64::from_le_bytes(b) as usize
        })
        .collect();
    offs.windows(2)
        .map(|w| {
            let bytes = data
                .get(w[0]..w[1])
                .ok_or_else(|| value_error("malformed Arrow offsets buffer"))?;
            std::str::from_utf8(bytes)
                .map_err(|e| value_error(format!("Arrow string data is not UTF-8: {e}")))
        })
        .collect()
}

/// Writes `offset` in the given width; an offset too large for 32 bits is an error.
fn push_offset(out: &mut Vec<u8>, offset: usize, large: bool) -> Result<(), String> {
    if large {
        out.extend_from_slice(&(offset as u64).to_le_bytes());
    } else {
        let o = i32::try_from(offset).map_err(|_| {
            "the result exceeds 2 GiB, the limit of a string array; pass a large_string array"
                .to_string()
        })?;
        out.extend_from_slice(&o.to_le_bytes());
    }
    Ok(())
}

/// The normalized column, as `(offsets, data)` buffers of the same width.
#[pyfunction]
fn _normalize_buffers<'py>(
    py: Python<'py>,
    normalizer: &Bound<'py, PyNormalizer>,
    offsets: &Bound<'py, PyBytes>,
    data: &Bound<'py, PyBytes>,
    large: bool,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let strs = strings(offsets.as_bytes(), data.as_bytes(), large)?;
    let n = &normalizer.get().inner;
    let (offsets, data) = py
        .detach(|| -> Result<_, String> {
            let parts: Vec<String> =
                parallel::map(&strs, |s| s.len(), |s| n.normalize(s).into_owned());
            let mut data = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
            let mut offsets = Vec::with_capacity((parts.len() + 1) * 8);
            push_offset(&mut offsets, 0, large)?;
            for p in &parts {
                data.extend_from_slice(p.as_bytes());
                push_offset(&mut offsets, data.len(), large)?;
            }
            Ok((offsets, data))
        })
        .map_err(value_error)?;
    Ok((PyBytes::new(py, &offsets), PyBytes::new(py, &data)))
}

/// The tokens of each row, as buffers of a list<string> column: `(list offsets (32-bit),
/// string offsets (width of the input), string data)`.
#[pyfunction]
fn _tokenize_buffers<'py>(
    py: Python<'py>,
    offsets: &Bound<'py, PyBytes>,
    data: &Bound<'py, PyBytes>,
    large: bool,
) -> PyResult<(
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
)> {
    let strs = strings(offsets.as_bytes(), data.as_bytes(), large)?;
    let (lists, offsets, data) = py
        .detach(|| -> Result<_, String> {
            let spans: Vec<Vec<(usize, usize)>> =
                parallel::map(&strs, |s| s.len(), |s| token_spans(s));
            let mut lists = Vec::with_capacity((spans.len() + 1) * 4);
            let mut offsets = Vec::new();
            let mut data = Vec::new();
            let mut count = 0usize;
            push_offset(&mut lists, 0, false)?;
            push_offset(&mut offsets, 0, large)?;
            for (s, row) in strs.iter().zip(&spans) {
                for &(a, b) in row {
                    data.extend_from_slice(&s.as_bytes()[a..b]);
                    push_offset(&mut offsets, data.len(), large)?;
                }
                count += row.len();
                push_offset(&mut lists, count, false)?;
            }
            Ok((lists, offsets, data))
        })
        .map_err(value_error)?;
    Ok((
        PyBytes::new(py, &lists),
        PyBytes::new(py, &offsets),
        PyBytes::new(py, &data),
    ))
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_normalize_buffers, m)?)?;
    m.add_function(wrap_pyfunction!(_tokenize_buffers, m)?)?;
    Ok(())
}
