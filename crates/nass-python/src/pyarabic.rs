//! The Rust side of `nass.araby`'s tokenizers and uniform hamza: PyArabic's rules, held by
//! `nass_tokenize::pyarabic` and `nass_letters`, with offsets turned into code-point
//! indices.

use nass::letters::{initial_madda_is_hamza_alef, HamzaFold};
use nass::tokenize::pyarabic;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::offsets::CodePoints;
use crate::text::utf8;

/// PyArabic's `araby.tokenize(text)` tokens (before its conditions and morphs).
#[pyfunction]
fn _pyarabic_tokenize<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let t = utf8(text, "text")?;
    PyList::new(text.py(), pyarabic::tokens(t.as_str()))
}

/// PyArabic's `araby.tokenize_with_location(text)`: a dict ``{"token", "start", "end"}``
/// per word, offsets in code points.
#[pyfunction]
fn _pyarabic_tokenize_with_location<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = text.py();
    let t = utf8(text, "text")?;
    let s = t.as_str();
    let mut cp = CodePoints::new(s);
    let list = PyList::empty(py);
    for r in pyarabic::words(s) {
        let d = PyDict::new(py);
        d.set_item("token", &s[r.clone()])?;
        d.set_item("start", cp.index(r.start))?;
        d.set_item("end", cp.index(r.end))?;
        list.append(d)?;
    }
    Ok(list)
}

/// PyArabic's `araby.sentence_tokenize(text)`.
#[pyfunction]
fn _pyarabic_sentence_tokenize<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let t = utf8(text, "text")?;
    PyList::new(text.py(), pyarabic::sentence_strings(t.as_str()))
}

/// PyArabic's `araby.normalize_hamza(word, method="uniform")`: every hamza form and
/// carrier to ء (`HamzaFold::Uniform`), and آ to ءء, or to ءا when the string itself
/// starts with it and is a word the rule writes so (`initial_madda_is_hamza_alef`): PyArabic
/// looks at the whole string, which it takes to be one word.
#[pyfunction]
fn _pyarabic_hamza_uniform(text: &Bound<'_, PyAny>) -> PyResult<String> {
    let t = utf8(text, "text")?;
    let s = t.as_str();
    let mut out = String::with_capacity(s.len() + 8);
    let rest = if initial_madda_is_hamza_alef(s) {
        out.push_str("\u{0621}\u{0627}");
        &s['\u{0622}'.len_utf8()..]
    } else {
        s
    };
    for c in rest.chars() {
        match HamzaFold::Uniform.replacement(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Ok(out)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_pyarabic_tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(_pyarabic_tokenize_with_location, m)?)?;
    m.add_function(wrap_pyfunction!(_pyarabic_sentence_tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(_pyarabic_hamza_uniform, m)?)?;
    Ok(())
}
