//! `tokenize`, `tokenize_batch`, `Token`.

use nass::normalize::Normalizer;
use nass::tokenize::Tokenizer;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::normalize::normalizer_arg;
use crate::offsets::CodePoints;
use crate::parallel;
use crate::text::{repr, utf8, utf8_items};

/// A token: its ``text`` (a slice of the input), its ``kind`` (``"arabic_word"``,
/// ``"latin_word"``, ``"other_word"``, ``"number"``, ``"punctuation"``, ``"symbol"``,
/// ``"emoji"``, ``"url"``, ``"email"``, ``"hashtag"``, ``"mention"``), its ``start`` and
/// ``end`` as code-point indices into the input (``text == input[start:end]``) and
/// ``norm``, its normalized form (the text itself when no normalizer was given).
#[pyclass(module = "nass", name = "Token", frozen, eq, get_all)]
#[derive(PartialEq, Eq, Clone)]
pub struct PyToken {
    text: String,
    kind: &'static str,
    start: usize,
    end: usize,
    norm: String,
}

#[pymethods]
impl PyToken {
    #[new]
    fn new(text: String, kind: String, start: usize, end: usize, norm: String) -> PyResult<Self> {
        let kind = KINDS
            .iter()
            .find(|k| **k == kind)
            .ok_or_else(|| crate::errors::value_error(format!("unknown token kind '{kind}'")))?;
        Ok(PyToken {
            text,
            kind,
            start,
            end,
            norm,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Token(text={}, kind={}, start={}, end={}, norm={})",
            repr(py, &self.text)?,
            repr(py, self.kind)?,
            self.start,
            self.end,
            repr(py, &self.norm)?
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (
        Bound<'py, pyo3::types::PyType>,
        (String, &'static str, usize, usize, String),
    ) {
        let t = slf.get();
        (
            slf.get_type(),
            (t.text.clone(), t.kind, t.start, t.end, t.norm.clone()),
        )
    }
}

const KINDS: [&str; 12] = [
    "arabic_word",
    "latin_word",
    "other_word",
    "number",
    "punctuation",
    "symbol",
    "emoji",
    "url",
    "email",
    "hashtag",
    "mention",
    "whitespace",
];

/// The byte spans of the tokens of `text`.
pub fn token_spans(text: &str) -> Vec<(usize, usize)> {
    Tokenizer::new()
        .tokens(text)
        .map(|t| (t.start(), t.end()))
        .collect()
}

fn tokens(text: &str, normalizer: Option<&Normalizer>) -> Vec<PyToken> {
    let mut cp = CodePoints::new(text);
    Tokenizer::new()
        .tokens(text)
        .map(|t| {
            let start = cp.index(t.start());
            let end = cp.index(t.end());
            let norm = match normalizer {
                Some(n) => t.norm(n).into_owned(),
                None => t.text().to_string(),
            };
            PyToken {
                text: t.text().to_string(),
                kind: t.kind().name(),
                start,
                end,
                norm,
            }
        })
        .collect()
}

/// The tokens of ``text``: words, numbers (``3.5``, ``٢٬٥٠٠``), punctuation and symbols
/// one by one, URLs, e-mail addresses, hashtags, mentions, emoji sequences. Whitespace is
/// dropped. ``normalize`` (a preset name or a :class:`Normalizer`) gives each token's
/// ``norm``. Outside numbers, URLs, e-mails, hashtags, mentions and emoji the token
/// strings are those of CAMeL Tools' ``simple_word_tokenize``.
///
/// >>> import nass
/// >>> text = "وصلَ الوفدُ إلى بغـداد، الساعة 3.5"
/// >>> [(t.text, t.kind) for t in nass.tokenize(text)][-3:]
/// [('،', 'punctuation'), ('الساعة', 'arabic_word'), ('3.5', 'number')]
/// >>> t = nass.tokenize(text, normalize="search")[3]
/// >>> (t.text, t.norm, text[t.start:t.end])
/// ('بغـداد', 'بغداد', 'بغـداد')
#[pyfunction]
#[pyo3(signature = (text, normalize=None))]
fn tokenize(
    text: &Bound<'_, PyAny>,
    normalize: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyToken>> {
    let n = normalizer_arg(normalize)?;
    let t = utf8(text, "text")?;
    let s = t.as_str();
    if s.len() > 1 << 20 {
        Ok(text.py().detach(|| tokens(s, n.as_ref())))
    } else {
        Ok(tokens(s, n.as_ref()))
    }
}

/// The tokens of every string of a sequence, as a list of lists, computed with the GIL
/// released and on several threads for large batches.
///
/// >>> import nass
/// >>> [[t.text for t in ts] for ts in nass.tokenize_batch(["قال: نعم", "لا"])]
/// [['قال', ':', 'نعم'], ['لا']]
#[pyfunction]
#[pyo3(signature = (texts, normalize=None))]
fn tokenize_batch<'py>(
    texts: &Bound<'py, PyAny>,
    normalize: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let py = texts.py();
    let n = normalizer_arg(normalize)?;
    let items = utf8_items(texts, "texts")?;
    let strs: Vec<&str> = items.iter().map(|t| t.as_str()).collect();
    let n = n.as_ref();
    let all = py.detach(|| parallel::map(&strs, |s| s.len(), |s| tokens(s, n)));
    let list = PyList::empty(py);
    for ts in all {
        list.append(ts)?;
    }
    Ok(list)
}

/// The token strings of every string of a sequence (no kinds, offsets or norms): the
/// fastest way to tokenize a corpus.
///
/// >>> import nass
/// >>> nass.tokenize_strings_batch(["قال: نعم"])
/// [['قال', ':', 'نعم']]
#[pyfunction]
fn tokenize_strings_batch<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = texts.py();
    let items = utf8_items(texts, "texts")?;
    let strs: Vec<&str> = items.iter().map(|t| t.as_str()).collect();
    let all: Vec<Vec<(usize, usize)>> =
        py.detach(|| parallel::map(&strs, |s| s.len(), |s| token_spans(s)));
    let lists = strs
        .iter()
        .zip(all)
        .map(|(s, spans)| PyList::new(py, spans.iter().map(|&(a, b)| PyString::new(py, &s[a..b]))))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, lists)
}

/// Registers this module's classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyToken>()?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize_strings_batch, m)?)?;
    Ok(())
}
