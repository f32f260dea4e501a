//! Python `str` arguments as UTF-8, with clear errors for what is not a valid `str`.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::errors::{type_error, value_error};

/// A `str` argument encoded as UTF-8, held by a Python `bytes` object so that the text
/// can be borrowed as `&str` while the GIL is released.
pub struct Utf8<'py> {
    bytes: Bound<'py, PyBytes>,
    /// The `str` itself.
    pub original: Bound<'py, PyAny>,
}

impl<'py> Utf8<'py> {
    /// The text.
    pub fn as_str(&self) -> &str {
        // The bytes come from `str.encode("utf-8")`, so they are valid UTF-8; checking
        // again is a fast linear scan, and keeps the crate free of `unsafe`.
        std::str::from_utf8(self.bytes.as_bytes()).unwrap_or_default()
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// `obj` as text: a `str` (or a subclass), else a `NassTypeError` naming the argument and
/// what was given; a lone surrogate is a `NassError` with its index.
pub fn utf8<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Utf8<'py>> {
    let Ok(s) = obj.cast::<PyString>() else {
        let given = type_name(obj);
        let hint = if obj.is_instance_of::<PyBytes>() {
            " (decode the bytes first, e.g. data.decode(\"utf-8\"))"
        } else {
            ""
        };
        return Err(type_error(format!("{what} must be str, not {given}{hint}")));
    };
    match s.encode_utf8() {
        Ok(bytes) => Ok(Utf8 {
            bytes,
            original: obj.clone(),
        }),
        Err(err) => {
            let py = obj.py();
            let start: Option<usize> = err
                .value(py)
                .getattr("start")
                .and_then(|v| v.extract())
                .ok();
            let message = match start.and_then(|i| s.get_item(i).ok().map(|c| (i, c))) {
                Some((i, c)) => {
                    let ord: Option<u32> = py
                        .import("builtins")
                        .and_then(|b| b.getattr("ord"))
                        .and_then(|f| f.call1((c,)))
                        .and_then(|v| v.extract())
                        .ok();
                    match ord {
                        Some(o) => format!(
                            "{what} contains a lone surrogate U+{o:04X} at index {i}; nass \
                             works on valid Unicode text (fix the source, or decode it with \
                             errors=\"replace\")"
                        ),
                        None => format!("{what} contains a lone surrogate at index {i}"),
                    }
                }
                None => format!("{what} is not valid Unicode: {err}"),
            };
            Err(value_error(message))
        }
    }
}

/// Every item of a sequence of `str`, as UTF-8. The first bad item is reported with its
/// index.
pub fn utf8_items<'py>(seq: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Utf8<'py>>> {
    if seq.is_instance_of::<PyString>() || seq.is_instance_of::<PyBytes>() {
        return Err(type_error(format!(
            "{what} must be a sequence of str, not a single {}",
            type_name(seq)
        )));
    }
    let iter = seq.try_iter().map_err(|_| {
        type_error(format!(
            "{what} must be a sequence of str, not {}",
            type_name(seq)
        ))
    })?;
    let mut out = Vec::with_capacity(seq.len().unwrap_or(0));
    for (i, item) in iter.enumerate() {
        let item = item?;
        // The argument's name is only formatted for an error message.
        let text = match utf8(&item, "") {
            Ok(t) => t,
            Err(_) => utf8(&item, &format!("{what}[{i}]"))?,
        };
        out.push(text);
    }
    Ok(out)
}

/// Python's `repr` of a string, for the `__repr__` of the classes.
pub fn repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}
