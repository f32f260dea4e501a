//! `Transliterator`, `transliterate`, `transliteration_table`.

use std::str::FromStr;

use nass::translit::{Direction, Scheme, Transliterator};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::errors::value_error;
use crate::normalize::PyAlignment;
use crate::text::{map_batch, map_str, Map};

/// The scheme named `name`, else a `NassError` listing the names.
pub fn scheme(name: &str) -> PyResult<Scheme> {
    Scheme::from_str(name).map_err(|e| value_error(e.to_string()))
}

/// Transliteration between Arabic script and one of the schemes of CAMeL Tools:
/// ``"bw"`` (Buckwalter), ``"safebw"`` (Safe Buckwalter), ``"xmlbw"`` (XML Buckwalter)
/// and ``"hsb"`` (Habash-Soudi-Buckwalter). Arabic to the scheme by default; with
/// ``to_arabic=True``, the scheme back to Arabic. Each of the 51 characters of the
/// scheme's table (:func:`transliteration_table`) is replaced by its counterpart; every
/// other character is kept as it is, as CAMeL Tools' mappers do.
///
/// >>> from nass import Transliterator
/// >>> Transliterator("bw").transliterate("ذهبَ إلى السوقِ")
/// '*hba <lY Alswqi'
/// >>> Transliterator("bw", to_arabic=True).transliterate("*hba <lY Alswqi")
/// 'ذهبَ إلى السوقِ'
/// >>> Transliterator("hsb").transliterate("شمس")
/// 'šms'
#[pyclass(module = "nass", name = "Transliterator", frozen)]
pub struct PyTransliterator {
    pub inner: Transliterator,
}

#[pymethods]
impl PyTransliterator {
    #[new]
    #[pyo3(signature = (scheme, to_arabic=false))]
    fn new(scheme: &str, to_arabic: bool) -> PyResult<Self> {
        let direction = if to_arabic {
            Direction::ToArabic
        } else {
            Direction::ToScheme
        };
        Ok(PyTransliterator {
            inner: Transliterator::new(self::scheme(scheme)?, direction),
        })
    }

    /// The transliteration of ``text``; ``text`` itself when nothing in it changes.
    ///
    /// >>> from nass import Transliterator
    /// >>> Transliterator("safebw").transliterate("شؤون")
    /// 'cWwn'
    fn transliterate<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let t = &self.inner;
        map_str(
            text,
            Map::Utf8(&|text, out| out.push_str(&t.transliterate(text))),
        )
    }

    /// The transliteration of every string of a sequence, as a list, computed with the
    /// GIL released, on several threads for large batches (see ``nass.set_num_threads``).
    ///
    /// >>> from nass import Transliterator
    /// >>> Transliterator("bw").transliterate_batch(["سلام", "عليكم"])
    /// ['slAm', 'Elykm']
    fn transliterate_batch<'py>(&self, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let t = &self.inner;
        map_batch(
            texts,
            Map::Utf8(&|text, out| out.push_str(&t.transliterate(text))),
        )
    }

    /// The transliteration and an :class:`Alignment` mapping spans of it back to the
    /// original text (code-point offsets).
    ///
    /// >>> from nass import Transliterator
    /// >>> text = "قالَ الوزيرُ"
    /// >>> bw, alignment = Transliterator("bw").transliterate_aligned(text)
    /// >>> bw
    /// 'qAla Alwzyru'
    /// >>> start, end = alignment.original_range(5, 12)
    /// >>> text[start:end]
    /// 'الوزيرُ'
    fn transliterate_aligned(&self, text: &Bound<'_, PyAny>) -> PyResult<(String, PyAlignment)> {
        let t = &self.inner;
        PyAlignment::of(text, |s| t.transliterate_aligned(s))
    }

    /// The scheme's short name: ``"bw"``, ``"safebw"``, ``"xmlbw"`` or ``"hsb"``.
    ///
    /// >>> from nass import Transliterator
    /// >>> Transliterator("hsb").scheme
    /// 'hsb'
    #[getter]
    fn scheme(&self) -> &'static str {
        self.inner.scheme().name()
    }

    /// Whether this transliterator goes from the scheme to Arabic script.
    ///
    /// >>> from nass import Transliterator
    /// >>> Transliterator("bw", to_arabic=True).to_arabic
    /// True
    #[getter]
    fn to_arabic(&self) -> bool {
        self.inner.direction() == Direction::ToArabic
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Py<PyTuple>)> {
        let py = slf.py();
        let me = slf.get();
        let args = (me.scheme(), me.to_arabic()).into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args.unbind()))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyTransliterator>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        let scheme = Scheme::ALL.iter().position(|&s| s == self.inner.scheme());
        (scheme.unwrap_or(0) as u64) << 1 | u64::from(self.to_arabic())
    }

    fn __repr__(&self) -> String {
        if self.to_arabic() {
            format!("Transliterator({:?}, to_arabic=True)", self.scheme())
        } else {
            format!("Transliterator({:?})", self.scheme())
        }
    }
}

/// ``text`` transliterated from Arabic script to ``scheme`` (``"bw"``, ``"safebw"``,
/// ``"xmlbw"`` or ``"hsb"``), or from ``scheme`` to Arabic with ``to_arabic=True``.
///
/// >>> import nass
/// >>> nass.transliterate("كتاب", "bw")
/// 'ktAb'
/// >>> nass.transliterate("ktAb", "bw", to_arabic=True)
/// 'كتاب'
#[pyfunction]
#[pyo3(signature = (text, scheme, to_arabic=false))]
fn transliterate<'py>(
    text: &Bound<'py, PyAny>,
    scheme: &str,
    to_arabic: bool,
) -> PyResult<Bound<'py, PyAny>> {
    PyTransliterator::new(scheme, to_arabic)?.transliterate(text)
}

/// The table of ``scheme``: each of its 51 Arabic characters (letters, hamza forms,
/// tatweel, harakat, shadda, sukun, dagger alef, alef wasla and four letters of other
/// languages) with the one character that stands for it. Both sides are distinct.
///
/// >>> import nass
/// >>> table = nass.transliteration_table("bw")
/// >>> len(table), table["ش"], table["ة"]
/// (51, '$', 'p')
#[pyfunction]
fn transliteration_table<'py>(py: Python<'py>, scheme: &str) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (arabic, other) in self::scheme(scheme)?.pairs() {
        d.set_item(arabic, other)?;
    }
    Ok(d)
}

/// Registers this module's classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyTransliterator>()?;
    m.add_function(wrap_pyfunction!(transliterate, m)?)?;
    m.add_function(wrap_pyfunction!(transliteration_table, m)?)?;
    Ok(())
}
