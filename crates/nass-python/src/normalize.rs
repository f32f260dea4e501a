//! `Normalizer`, `normalize`, `Alignment`.

use std::sync::OnceLock;

use nass::normalize::{
    Alignment, Diacritics, DigitSet, HamzaFold, LetterFolds, Normalizer, Preset, UnicodeForm,
};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::errors::{type_error, value_error};
use crate::offsets::byte_offsets;
use crate::text::{map_batch, map_str, utf8, Map};

/// The names of the letter folds, as Python spells them.
const LETTER_NAMES: [(&str, LetterFolds); 10] = [
    ("alef_hamza", LetterFolds::ALEF_HAMZA),
    ("alef_wasla", LetterFolds::ALEF_WASLA),
    ("alef_other", LetterFolds::ALEF_OTHER),
    ("alef_maksura", LetterFolds::ALEF_MAKSURA),
    ("farsi_ya", LetterFolds::FARSI_YA),
    ("keheh", LetterFolds::KEHEH),
    ("teh_marbuta", LetterFolds::TEH_MARBUTA),
    ("hamza_carriers", LetterFolds::HAMZA_CARRIERS),
    ("heh_forms", LetterFolds::HEH_FORMS),
    ("presentation_forms", LetterFolds::PRESENTATION_FORMS),
];

/// The names of the diacritic classes, as Python spells them.
const DIACRITIC_NAMES: [(&str, Diacritics); 9] = [
    ("harakat", Diacritics::HARAKAT),
    ("shadda", Diacritics::SHADDA),
    ("sukun", Diacritics::SUKUN),
    ("other_marks", Diacritics::OTHER_MARKS),
    ("dagger_alef", Diacritics::DAGGER_ALEF),
    ("quranic", Diacritics::QURANIC),
    ("extended", Diacritics::EXTENDED),
    ("classic", Diacritics::CLASSIC),
    ("camel", Diacritics::CAMEL),
];

/// A set of flags from a name, a sequence of names, `"all"` or `"none"`.
fn flags<F: Copy + std::ops::BitOr<Output = F>>(
    obj: &Bound<'_, PyAny>,
    what: &str,
    names: &[(&str, F)],
    all: F,
    empty: F,
) -> PyResult<F> {
    let list: Vec<String> = if let Ok(s) = obj.cast::<PyString>() {
        vec![s.to_cow()?.into_owned()]
    } else {
        obj.extract().map_err(|_| {
            type_error(format!(
                "{what} must be a str or a sequence of str, not {}",
                obj.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?
    };
    let mut set = empty;
    for name in list {
        let key = name.to_ascii_lowercase().replace('-', "_");
        set = match key.as_str() {
            "all" => set | all,
            "none" => set,
            _ => match names.iter().find(|(n, _)| *n == key) {
                Some((_, f)) => set | *f,
                None => {
                    let expected: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
                    return Err(value_error(format!(
                        "unknown {what} '{name}' (expected one of: all, none, {})",
                        expected.join(", ")
                    )));
                }
            },
        };
    }
    Ok(set)
}

/// The preset named `name`.
pub fn preset(name: &str) -> PyResult<Preset> {
    name.parse::<Preset>()
        .map_err(|e| value_error(e.to_string()))
}

/// Normalizes Arabic text: one fused pass of Unicode normalization, letter folds,
/// diacritics, tatweel, invisible characters and digits, chosen by a preset and
/// per-operation options.
///
/// Presets: ``"search"`` (the most aggressive fold, for indexing), ``"camel"`` (CAMeL
/// Tools' chain ``normalize_unicode``, ``dediac_ar``, ``normalize_alef_ar``,
/// ``normalize_alef_maksura_ar``, ``normalize_teh_marbuta_ar``), ``"lucene"`` (Lucene's
/// ArabicNormalizer) and ``"display"`` (diacritics kept). Each option left at ``None``
/// keeps the preset's choice:
///
/// - ``unicode``: ``"none"``, ``"nfc"`` or ``"nfkc"``;
/// - ``ligatures``: spell out U+FDFC and U+FDFD before Unicode normalization;
/// - ``letters``: letter folds, a name or a list of names among ``alef_hamza``,
///   ``alef_wasla``, ``alef_other``, ``alef_maksura``, ``farsi_ya``, ``keheh``,
///   ``teh_marbuta``, ``hamza_carriers``, ``heh_forms``, ``presentation_forms``, or
///   ``"all"`` / ``"none"``;
/// - ``diacritics``: the diacritic classes removed: ``harakat``, ``shadda``, ``sukun``,
///   ``other_marks``, ``dagger_alef``, ``quranic``, ``extended`` (and the unions
///   ``classic``, ``camel``), or ``"all"`` / ``"none"``;
/// - ``keep_diacritics``: classes taken out of that set again;
/// - ``tatweel``, ``invisibles``: remove tatweel; remove format controls and map Unicode
///   spaces to a space;
/// - ``digits``: ``"ascii"``, ``"arabic"``, ``"persian"`` or ``"none"`` (leave digits);
/// - ``all_digits``: every Unicode decimal digit to ASCII;
/// - ``hamza``: ``"tasheel"`` (the default: the letter folds decide) or ``"uniform"``
///   (every hamza form and carrier to ء, آ to ءء, or to ءا at the start of a word of
///   three code points or whose third is a shadda: PyArabic's ``normalize_hamza``
///   applied to each word).
///
/// A Normalizer is immutable, safe to share between threads, and pickles to its
/// arguments.
///
/// >>> from nass import Normalizer
/// >>> Normalizer().normalize("وَصَلَ الوفدُ إلى بغـــداد")
/// 'وصل الوفد الي بغداد'
/// >>> Normalizer("camel").normalize("مَدْرَسَةٌ")
/// 'مدرسه'
/// >>> Normalizer("search", diacritics="none").normalize("مَدْرَسَةٌ")
/// 'مَدْرَسَهٌ'
#[pyclass(module = "nass", name = "Normalizer", frozen)]
pub struct PyNormalizer {
    pub inner: Normalizer,
    args: Py<PyTuple>,
}

impl PyNormalizer {
    #[allow(clippy::too_many_arguments)]
    fn build(
        preset_name: &str,
        unicode: Option<&str>,
        ligatures: Option<bool>,
        letters: Option<&Bound<'_, PyAny>>,
        diacritics: Option<&Bound<'_, PyAny>>,
        keep_diacritics: Option<&Bound<'_, PyAny>>,
        tatweel: Option<bool>,
        invisibles: Option<bool>,
        digits: Option<&str>,
        all_digits: Option<bool>,
        hamza: Option<&str>,
    ) -> PyResult<Normalizer> {
        let mut b = Normalizer::builder().preset(preset(preset_name)?);
        if let Some(form) = unicode {
            b = b.unicode(
                form.parse::<UnicodeForm>()
                    .map_err(|e| value_error(e.to_string()))?,
            );
        }
        if let Some(on) = ligatures {
            b = b.spell_out_ligatures(on);
        }
        if let Some(obj) = letters {
            b = b.letters(flags(
                obj,
                "letter fold",
                &LETTER_NAMES,
                LetterFolds::all(),
                LetterFolds::empty(),
            )?);
        }
        let classes = |obj| {
            flags(
                obj,
                "diacritic class",
                &DIACRITIC_NAMES,
                Diacritics::all(),
                Diacritics::empty(),
            )
        };
        if let Some(obj) = diacritics {
            b = b.diacritics(classes(obj)?);
        }
        if let Some(obj) = keep_diacritics {
            b = b.keep_diacritics(classes(obj)?);
        }
        if let Some(on) = tatweel {
            b = b.tatweel(on);
        }
        if let Some(on) = invisibles {
            b = b.invisibles(on);
        }
        if let Some(name) = digits {
            let set = if name.eq_ignore_ascii_case("none") {
                None
            } else {
                Some(
                    name.parse::<DigitSet>()
                        .map_err(|e| value_error(format!("{e} (or \"none\")")))?,
                )
            };
            b = b.digits(set);
        }
        if let Some(on) = all_digits {
            b = b.all_decimal_digits(on);
        }
        if let Some(name) = hamza {
            b = b.hamza(
                name.parse::<HamzaFold>()
                    .map_err(|e| value_error(e.to_string()))?,
            );
        }
        Ok(b.build())
    }
}

#[pymethods]
impl PyNormalizer {
    #[new]
    #[pyo3(signature = (preset="search", unicode=None, ligatures=None, letters=None, diacritics=None, keep_diacritics=None, tatweel=None, invisibles=None, digits=None, all_digits=None, hamza=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        preset: &str,
        unicode: Option<&str>,
        ligatures: Option<bool>,
        letters: Option<Bound<'_, PyAny>>,
        diacritics: Option<Bound<'_, PyAny>>,
        keep_diacritics: Option<Bound<'_, PyAny>>,
        tatweel: Option<bool>,
        invisibles: Option<bool>,
        digits: Option<&str>,
        all_digits: Option<bool>,
        hamza: Option<&str>,
    ) -> PyResult<Self> {
        let inner = Self::build(
            preset,
            unicode,
            ligatures,
            letters.as_ref(),
            diacritics.as_ref(),
            keep_diacritics.as_ref(),
            tatweel,
            invisibles,
            digits,
            all_digits,
            hamza,
        )?;
        let args = PyTuple::new(
            py,
            [
                preset.into_pyobject(py)?.into_any(),
                unicode.into_pyobject(py)?.into_any(),
                ligatures.into_pyobject(py)?.into_any(),
                letters.into_pyobject(py)?.into_any(),
                diacritics.into_pyobject(py)?.into_any(),
                keep_diacritics.into_pyobject(py)?.into_any(),
                tatweel.into_pyobject(py)?.into_any(),
                invisibles.into_pyobject(py)?.into_any(),
                digits.into_pyobject(py)?.into_any(),
                all_digits.into_pyobject(py)?.into_any(),
                hamza.into_pyobject(py)?.into_any(),
            ],
        )?
        .unbind();
        Ok(PyNormalizer { inner, args })
    }

    /// The normalized text.
    ///
    /// >>> from nass import Normalizer
    /// >>> Normalizer("lucene").normalize("أَهْلاً")
    /// 'اهلا'
    fn normalize<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let n = &self.inner;
        map_str(
            text,
            Map::Chars(&|text, out| n.normalize_chars_into(text, out)),
        )
    }

    /// The normalized text of every string of a sequence, as a list, computed with the GIL
    /// released, on several threads for large batches (see ``nass.set_num_threads``).
    ///
    /// >>> from nass import Normalizer
    /// >>> Normalizer("camel").normalize_batch(["مكتبةٌ", "إلى"])
    /// ['مكتبه', 'الي']
    fn normalize_batch<'py>(&self, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let n = &self.inner;
        map_batch(
            texts,
            Map::Chars(&|text, out| n.normalize_chars_into(text, out)),
        )
    }

    /// The normalized text and an :class:`Alignment` mapping spans of it back to the
    /// original text.
    ///
    /// >>> from nass import Normalizer
    /// >>> text = "وقالَ المتحدِّثُ"
    /// >>> norm, alignment = Normalizer().normalize_aligned(text)
    /// >>> norm
    /// 'وقال المتحدث'
    /// >>> start, end = alignment.original_range(5, 12)
    /// >>> text[start:end]
    /// 'المتحدِّثُ'
    fn normalize_aligned(&self, text: &Bound<'_, PyAny>) -> PyResult<(String, PyAlignment)> {
        let n = &self.inner;
        PyAlignment::of(text, |s| n.normalize_aligned(s))
    }

    /// The preset this normalizer started from.
    #[getter]
    fn preset(&self, py: Python<'_>) -> PyResult<String> {
        self.args.bind(py).get_item(0)?.extract()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Py<PyTuple>)> {
        let py = slf.py();
        Ok((slf.get_type().into_any(), slf.get().args.clone_ref(py)))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        const NAMES: [&str; 11] = [
            "preset",
            "unicode",
            "ligatures",
            "letters",
            "diacritics",
            "keep_diacritics",
            "tatweel",
            "invisibles",
            "digits",
            "all_digits",
            "hamza",
        ];
        let args = self.args.bind(py);
        let mut parts = Vec::new();
        for (i, name) in NAMES.iter().enumerate() {
            let v = args.get_item(i)?;
            if i == 0 {
                parts.push(v.repr()?.to_string());
            } else if !v.is_none() {
                parts.push(format!("{name}={}", v.repr()?));
            }
        }
        Ok(format!("Normalizer({})", parts.join(", ")))
    }
}

/// Maps spans of a normalized text back to the original text. Offsets are code-point
/// indices (what Python slices with) unless the method says bytes.
///
/// A span of the normalized text maps to the span of the original it came from,
/// covering what was removed inside and right after it (diacritics, tatweel); inside a
/// piece that changed length (a ligature spelled out) offsets snap to the piece's edges.
#[pyclass(module = "nass", name = "Alignment", frozen)]
pub struct PyAlignment {
    inner: Alignment,
    /// Byte offset of each code point of the normalized text (and its length).
    norm_bytes: Vec<usize>,
    /// Byte offset of each code point of the original text (and its length).
    orig_bytes: Vec<usize>,
}

impl PyAlignment {
    /// The alignment of `result`, made from `original`, with the code-point offsets of
    /// both.
    pub fn new(inner: Alignment, result: &str, original: &str) -> PyAlignment {
        PyAlignment {
            inner,
            norm_bytes: byte_offsets(result),
            orig_bytes: byte_offsets(original),
        }
    }

    /// What `f` makes of `text` (a `str` argument named `text`) and the alignment it
    /// gives, computed with the GIL released.
    pub fn of(
        text: &Bound<'_, PyAny>,
        f: impl Fn(&str) -> (String, Alignment) + Sync,
    ) -> PyResult<(String, PyAlignment)> {
        let t = utf8(text, "text")?;
        let s = t.as_str();
        Ok(text.py().detach(|| {
            let (result, alignment) = f(s);
            let alignment = PyAlignment::new(alignment, &result, s);
            (result, alignment)
        }))
    }

    fn norm_byte(&self, index: usize) -> usize {
        self.norm_bytes[index.min(self.norm_bytes.len() - 1)]
    }

    fn orig_index(&self, byte: usize) -> usize {
        self.orig_bytes.partition_point(|&b| b < byte)
    }
}

#[pymethods]
impl PyAlignment {
    /// The span ``(start, end)`` of the original text that the normalized span
    /// ``[start:end]`` came from.
    ///
    /// >>> from nass import Normalizer
    /// >>> norm, a = Normalizer().normalize_aligned("بـِ")
    /// >>> (norm, a.original_range(0, 1))
    /// ('ب', (0, 3))
    fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let r = self
            .inner
            .original_range(self.norm_byte(start)..self.norm_byte(end));
        (self.orig_index(r.start), self.orig_index(r.end))
    }

    /// Where the normalized text from index ``index`` on begins in the original.
    fn original_offset(&self, index: usize) -> usize {
        self.orig_index(self.inner.original_offset(self.norm_byte(index)))
    }

    /// Like :meth:`original_range`, in byte offsets of the UTF-8 encodings of both texts.
    fn original_byte_range(&self, start: usize, end: usize) -> (usize, usize) {
        let r = self.inner.original_range(start..end);
        (r.start, r.end)
    }

    /// The length of the original text, in code points.
    #[getter]
    fn original_len(&self) -> usize {
        self.orig_bytes.len() - 1
    }

    /// The length of the normalized text, in code points.
    #[getter]
    fn normalized_len(&self) -> usize {
        self.norm_bytes.len() - 1
    }

    fn __repr__(&self) -> String {
        format!(
            "Alignment(original_len={}, normalized_len={})",
            self.original_len(),
            self.normalized_len()
        )
    }
}

/// One normalizer per preset, built on first use.
pub fn preset_normalizer(p: Preset) -> &'static Normalizer {
    static CELLS: [OnceLock<Normalizer>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let i = Preset::ALL.iter().position(|&q| q == p).unwrap_or(0);
    CELLS[i].get_or_init(|| Normalizer::from_preset(p))
}

/// ``text`` normalized with a preset (``"search"``, ``"camel"``, ``"lucene"`` or
/// ``"display"``). The normalizer of each preset is built once.
///
/// >>> import nass
/// >>> nass.normalize("أَهلاً وسهلاً")
/// 'اهلا وسهلا'
/// >>> nass.normalize("مدرسةٌ", preset="camel")
/// 'مدرسه'
#[pyfunction]
#[pyo3(signature = (text, preset="search"))]
fn normalize<'py>(text: &Bound<'py, PyAny>, preset: &str) -> PyResult<Bound<'py, PyAny>> {
    let n = preset_normalizer(self::preset(preset)?);
    map_str(
        text,
        Map::Chars(&|text, out| n.normalize_chars_into(text, out)),
    )
}

/// Registers this module's classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNormalizer>()?;
    m.add_class::<PyAlignment>()?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    Ok(())
}

/// The normalizer a `normalize=` argument names: None, a preset name or a Normalizer.
pub fn normalizer_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Normalizer>> {
    let Some(obj) = obj else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(n) = obj.cast::<PyNormalizer>() {
        return Ok(Some(n.get().inner.clone()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(preset_normalizer(preset(&s.to_cow()?)?).clone()));
    }
    Err(type_error(format!(
        "normalize must be None, a preset name or a Normalizer, not {}",
        obj.get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default()
    )))
}
