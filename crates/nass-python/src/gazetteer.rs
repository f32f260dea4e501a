//! The gazetteer: built from sources handed over by the Python class `nass.Gazetteer`,
//! which keeps them for pickling.

use std::io;
use std::path::PathBuf;

use nass::gazetteer::{Gazetteer, GazetteerError, Match, MatchKind};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::value_error;
use crate::offsets::CodePoints;
use crate::text::{repr, utf8};

/// A built gazetteer (private: use ``nass.Gazetteer``).
#[pyclass(module = "nass._nass", name = "_Gazetteer", frozen)]
pub struct PyGazetteer {
    inner: Gazetteer,
}

/// A name found in text. ``start``/``end`` span the whole surface, proclitics included,
/// and ``name_start`` is where the name itself begins (code-point indices into the
/// text); ``text`` is ``input[start:end]``; ``name`` the entry's canonical name,
/// ``type`` its type, ``kind`` ``"name"`` or ``"adjective"``, ``variant`` the spelling
/// matched, ``clitics`` the proclitics (``input[start:name_start]``), ``payload`` the
/// entry's payload (or ``None``).
#[pyclass(module = "nass", name = "GazetteerMatch", frozen, get_all)]
pub struct PyGazetteerMatch {
    start: usize,
    end: usize,
    name_start: usize,
    text: String,
    name: String,
    #[pyo3(name = "type")]
    entity_type: String,
    kind: &'static str,
    variant: String,
    clitics: String,
    payload: Py<PyAny>,
}

#[pymethods]
impl PyGazetteerMatch {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "GazetteerMatch(start={}, end={}, name_start={}, text={}, name={}, type={}, kind={}, variant={}, clitics={})",
            self.start,
            self.end,
            self.name_start,
            repr(py, &self.text)?,
            repr(py, &self.name)?,
            repr(py, &self.entity_type)?,
            repr(py, self.kind)?,
            repr(py, &self.variant)?,
            repr(py, &self.clitics)?
        ))
    }
}

fn kind_name(kind: MatchKind) -> &'static str {
    kind.name()
}

#[pymethods]
impl PyGazetteer {
    /// Builds a gazetteer from `sources`, a list of `(name, format, text)` with format
    /// `"tsv"` or `"jsonl"`.
    #[new]
    fn new(
        py: Python<'_>,
        default: bool,
        adjectives: bool,
        sources: Vec<(String, String, String)>,
    ) -> PyResult<Self> {
        let inner = py.detach(|| {
            let mut b = Gazetteer::builder()
                .default_entries(default)
                .adjectives(adjectives);
            for (name, format, text) in &sources {
                b = match format.as_str() {
                    "jsonl" => b.load_jsonl(text.as_bytes(), name),
                    _ => b.load_tsv(text.as_bytes(), name),
                }
                .map_err(|e| e.to_string())?;
            }
            b.build().map_err(|e| e.to_string())
        });
        Ok(PyGazetteer {
            inner: inner.map_err(value_error)?,
        })
    }

    /// The matches in `text`.
    fn find(&self, text: &Bound<'_, PyAny>, overlapping: bool) -> PyResult<Vec<PyGazetteerMatch>> {
        let py = text.py();
        let t = utf8(text, "text")?;
        let s = t.as_str();
        let found: Vec<Match<'_, '_>> = if overlapping {
            self.inner.find_overlapping_iter(s).collect()
        } else {
            self.inner.find_iter(s).collect()
        };
        let mut cp = CodePoints::new(s);
        let loads = py.import("json")?.getattr("loads")?;
        let mut out = Vec::with_capacity(found.len());
        for m in found {
            let payload = match m.entry().payload() {
                Some(v) => loads.call1((v.to_string(),))?.unbind(),
                None => py.None(),
            };
            let start = cp.index(m.start());
            let name_start = cp.index(m.name_start());
            let end = cp.index(m.end());
            out.push(PyGazetteerMatch {
                start,
                end,
                name_start,
                text: m.text().to_string(),
                name: m.entry().canonical().to_string(),
                entity_type: m.entry().entity_type().to_string(),
                kind: kind_name(m.kind()),
                variant: m.variant().to_string(),
                clitics: m.clitics().to_string(),
                payload,
            });
        }
        Ok(out)
    }

    /// The number of entries.
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// Opens a compiled index (`nass gazetteer compile`, `Gazetteer.save`), memory-mapped.
    #[staticmethod]
    fn open(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let inner = py.detach(|| Gazetteer::open(&path));
        Ok(PyGazetteer {
            inner: inner.map_err(gazetteer_error)?,
        })
    }

    /// A gazetteer from the bytes of an index (as `index_bytes` gives them).
    #[staticmethod]
    fn from_index_bytes(data: &Bound<'_, PyBytes>) -> PyResult<Self> {
        let bytes = data.as_bytes().to_vec();
        let inner = data.py().detach(|| Gazetteer::from_index_bytes(bytes));
        Ok(PyGazetteer {
            inner: inner.map_err(gazetteer_error)?,
        })
    }

    /// The bytes of this gazetteer's index.
    fn index_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let mut out = Vec::new();
        self.inner.write_index(&mut out).map_err(gazetteer_error)?;
        Ok(PyBytes::new(py, &out))
    }

    /// Writes this gazetteer's index to `path` (a temporary file renamed over it).
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        py.detach(|| self.inner.save(&path))
            .map_err(gazetteer_error)
    }
}

/// A gazetteer error as Python raises it: a file that cannot be opened, read or written
/// is the `OSError` subclass of its cause (`FileNotFoundError`, `PermissionError`...), with
/// nass's message naming the file; anything else (not an index, a wrong version, a bad
/// checksum) is a `NassError`.
fn gazetteer_error(e: GazetteerError) -> PyErr {
    match std::error::Error::source(&e).and_then(|s| s.downcast_ref::<io::Error>()) {
        Some(io) => PyErr::from(io::Error::new(io.kind(), e.to_string())),
        None => value_error(e.to_string()),
    }
}

/// Registers this module's classes.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGazetteer>()?;
    m.add_class::<PyGazetteerMatch>()?;
    Ok(())
}
