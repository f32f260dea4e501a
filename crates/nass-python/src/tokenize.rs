//! `tokenize`, `tokenize_batch`, `Token`.

use nass::normalize::Normalizer;
use nass::tokenize::{camel, Tokenizer};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::normalize::normalizer_arg;
use crate::offsets::CodePoints;
use crate::text::{
    batch, not_str, read_ucs4, repr, substring, surrogate_error, ucs4_to_utf8, utf8, with_scratch,
    BadItem,
};

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
    let n = n.as_ref();
    let list = PyList::empty(py);
    batch(
        texts,
        "texts",
        |t, range| -> Result<Vec<Vec<PyToken>>, BadItem> {
            let mut text = String::new();
            range
                .map(|i| {
                    t.item(i, &mut text)?;
                    Ok(tokens(&text, n))
                })
                .collect()
        },
        |_, _, _, rows| {
            for ts in rows {
                list.append(ts)?;
            }
            Ok(())
        },
    )?;
    Ok(list)
}

/// Appends the code-point spans of the tokens of `text` to `out`.
fn token_cp_spans(text: &str, out: &mut Vec<(usize, usize)>) {
    let mut cp = CodePoints::new(text);
    out.extend(
        Tokenizer::new()
            .tokens(text)
            .map(|t| (cp.index(t.start()), cp.index(t.end()))),
    );
}

/// The token strings of ``text``, as slices of it (no kinds, offsets or norms): the
/// fastest way to tokenize one string, and the counterpart of CAMeL Tools'
/// ``simple_word_tokenize`` (whose rule differs for numbers, URLs, e-mail addresses,
/// hashtags, mentions; :func:`nass.camel.simple_word_tokenize` has CAMeL's rule).
///
/// >>> import nass
/// >>> nass.tokenize_strings("قال: 3.5 مليون")
/// ['قال', ':', '3.5', 'مليون']
#[pyfunction]
fn tokenize_strings<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    strings_at(text, token_cp_spans)
}

/// CAMeL Tools' ``simple_word_tokenize(text, split_digits)`` token strings, as slices of
/// ``text`` (``nass_tokenize::camel``).
#[pyfunction]
#[pyo3(signature = (text, split_digits=false))]
fn _camel_simple_word_tokenize<'py>(
    text: &Bound<'py, PyAny>,
    split_digits: bool,
) -> PyResult<Bound<'py, PyList>> {
    strings_at(text, |s, out| {
        let mut cp = CodePoints::new(s);
        out.extend(
            camel::simple_word_spans(s, split_digits).map(|r| (cp.index(r.start), cp.index(r.end))),
        );
    })
}

/// The slices of `text` (a `str`) at the code-point spans `spans` finds in its UTF-8
/// (found with the GIL released for a text over 1 MiB).
fn strings_at<'py>(
    text: &Bound<'py, PyAny>,
    spans: impl Fn(&str, &mut Vec<(usize, usize)>) + Sync,
) -> PyResult<Bound<'py, PyList>> {
    let py = text.py();
    let s = text.cast::<PyString>().map_err(|_| not_str(text, "text"))?;
    let mut found = Vec::new();
    with_scratch(|scratch| -> PyResult<()> {
        read_ucs4(s, &mut scratch.ucs)?;
        ucs4_to_utf8(&scratch.ucs, &mut scratch.text)
            .map_err(|(i, c)| surrogate_error("text", i, c))?;
        if scratch.text.len() > 1 << 20 {
            py.detach(|| spans(&scratch.text, &mut found));
        } else {
            spans(&scratch.text, &mut found);
        }
        Ok(())
    })?;
    let mut row = Vec::with_capacity(found.len());
    for &(a, b) in &found {
        row.push(substring(text, a, b)?);
    }
    PyList::new(py, row)
}

/// The token strings of every string of a sequence (no kinds, offsets or norms), as
/// slices of the strings: the fastest way to tokenize a corpus. The GIL is released
/// while the threads find the tokens. A token text met again in the same call comes back
/// as the same `str` object (words repeat: one object each saves memory and time).
///
/// >>> import nass
/// >>> nass.tokenize_strings_batch(["قال: نعم"])
/// [['قال', ':', 'نعم']]
#[pyfunction]
fn tokenize_strings_batch<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = texts.py();
    let lists = PyList::empty(py);
    let mut row = Vec::new();
    let mut seen = Interned::default();
    // Each run gives the spans of its tokens, and the number of tokens of each item.
    batch(
        texts,
        "texts",
        |t, range| {
            let mut text = String::new();
            let mut spans = Vec::new();
            let mut counts = Vec::with_capacity(range.len());
            for i in range {
                t.item(i, &mut text)?;
                let before = spans.len();
                token_cp_spans(&text, &mut spans);
                counts.push(spans.len() - before);
            }
            Ok((spans, counts))
        },
        |items, t, range, (spans, counts): (Vec<(usize, usize)>, Vec<usize>)| {
            let mut spans = spans.iter();
            for ((count, item), i) in counts.into_iter().zip(items).zip(range) {
                let ucs = t.ucs4(i);
                for &(a, b) in spans.by_ref().take(count) {
                    row.push(seen.get(&ucs[a..b], || substring(item, a, b))?);
                }
                lists.append(PyList::new(py, row.drain(..))?)?;
            }
            Ok(())
        },
    )?;
    Ok(lists)
}

/// The `str` objects made for token texts during one call, by their code points, so that
/// a text met again is the same object. Bounded: texts longer than [`Interned::MAX_LEN`]
/// code points are not kept, nor more than [`Interned::MAX_ENTRIES`] texts (new ones are
/// then made each time). The hasher (foldhash, seeded at random per process and per
/// map) leaves input crafted to collide no seed to aim at.
#[derive(Default)]
struct Interned<'py> {
    map: std::collections::HashMap<Box<[u32]>, Bound<'py, PyAny>, foldhash::fast::RandomState>,
}

impl<'py> Interned<'py> {
    /// The longest text kept (longer tokens rarely repeat).
    const MAX_LEN: usize = 32;
    /// The most texts kept.
    const MAX_ENTRIES: usize = 1 << 16;

    /// The object for the text `ucs`: the one made before, else `make()` (kept if there
    /// is room).
    fn get(
        &mut self,
        ucs: &[u32],
        make: impl FnOnce() -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if ucs.len() > Self::MAX_LEN {
            return make();
        }
        if let Some(obj) = self.map.get(ucs) {
            return Ok(obj.clone());
        }
        let obj = make()?;
        if self.map.len() < Self::MAX_ENTRIES {
            self.map.insert(ucs.into(), obj.clone());
        }
        Ok(obj)
    }
}

/// Registers this module's classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyToken>()?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize_strings, m)?)?;
    m.add_function(wrap_pyfunction!(_camel_simple_word_tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize_strings_batch, m)?)?;
    Ok(())
}
