//! The Python bindings of nass: the private extension module `nass._nass`, wrapped by the
//! pure-Python package `nass` (crates/nass-python/python/nass), which holds the public
//! API, the type stubs and the drop-in modules `nass.camel` and `nass.araby`.
//!
//! Every offset handed to Python is a code-point index into the `str` it came from
//! (converted once per call by `offsets::CodePoints`); batch calls release the GIL and
//! spread over threads (the `parallel` module), started per call so that nothing survives a `fork`.
#![deny(missing_docs)]
// `unsafe` only in `text` (CPython's UCS-4 copies, measured to pay) and `cdata` (the
// Arrow C data interface), each block with its SAFETY comment.
#![deny(unsafe_code)]

use pyo3::prelude::*;

mod arrow;
mod cdata;
mod dates;
mod errors;
mod gazetteer;
mod normalize;
mod numerals;
mod offsets;
mod parallel;
mod pyarabic;
mod text;
mod tokenize;
mod translit;

/// The extension module `nass._nass`.
#[pymodule]
fn _nass(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("NassError", py.get_type::<errors::NassError>())?;
    m.add("NassTypeError", py.get_type::<errors::NassTypeError>())?;
    m.add_function(wrap_pyfunction!(parallel::set_num_threads, m)?)?;
    m.add_function(wrap_pyfunction!(parallel::get_num_threads, m)?)?;
    normalize::register(m)?;
    tokenize::register(m)?;
    numerals::register(m)?;
    gazetteer::register(m)?;
    dates::register(m)?;
    arrow::register(m)?;
    pyarabic::register(m)?;
    translit::register(m)?;
    Ok(())
}
