//! `digits`, `find_numbers`, `parse_number`, `parse_number_words`, `number_to_words`.

use nass::numerals::{
    find_all_numbers, number_to_words as words, parse_number as rust_parse_number,
    parse_number_words as rust_parse_words, Case, DigitConverter, DigitSet, DigitSources, Gender,
    Number,
};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyString};

use crate::errors::{type_error, value_error};
use crate::offsets::CodePoints;
use crate::text::{repr, utf8};

/// A Python `decimal.Decimal` holding `n` exactly.
pub fn decimal<'py>(py: Python<'py>, n: &Number) -> PyResult<Bound<'py, PyAny>> {
    py.import("decimal")?
        .getattr("Decimal")?
        .call1((n.to_string(),))
}

/// ``text`` with its digits converted to one set: ``to`` is ``"ascii"`` (0-9),
/// ``"arabic"`` (Arabic-Indic ٠-٩) or ``"persian"`` (۰-۹). The separators ٫ ٬ and ``.``
/// ``,`` between two digits, and the percent sign after one, follow the digits, unless
/// ``separators=False``.
///
/// >>> import nass
/// >>> nass.digits("ارتفعت ٣٫٥٪ في ٢٠٢٣")
/// 'ارتفعت 3.5% في 2023'
/// >>> nass.digits("Q3: 1,250.5", to="arabic")
/// 'Q٣: ١٬٢٥٠٫٥'
/// >>> nass.digits("3.5%", to="arabic", separators=False)
/// '٣.٥%'
///
/// ``source`` (``"any"``, ``"ascii"``, ``"arabic"`` or ``"persian"``) chooses which
/// digits are converted; the others stay (a separator then changes only between digits
/// of the target):
///
/// >>> nass.digits("۱۲ و١٢", to="ascii", source="persian")
/// '12 و١٢'
#[pyfunction]
#[pyo3(signature = (text, to="ascii", separators=true, source="any"))]
fn digits<'py>(
    text: &Bound<'py, PyAny>,
    to: &str,
    separators: bool,
    source: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let set: DigitSet = to.parse().map_err(|e| value_error(format!("{e}")))?;
    let sources: DigitSources = source
        .parse()
        .map_err(|e| value_error(format!("{e} (or \"any\")")))?;
    let t = utf8(text, "text")?;
    let converted = DigitConverter::builder(set)
        .from(sources)
        .separators(separators)
        .build()
        .convert(t.as_str());
    Ok(match converted {
        std::borrow::Cow::Borrowed(_) => text.clone(),
        std::borrow::Cow::Owned(s) => PyString::new(text.py(), &s).into_any(),
    })
}

/// A number found in text: ``start`` and ``end`` (code-point indices into the text),
/// ``text`` (``text == input[start:end]``), ``value`` (a ``decimal.Decimal``, exact) and
/// ``kind`` (``"digits"``, ``"words"`` or ``"ordinal"``: an ordinal number in words,
/// ``الثالث``, whose value is the number it orders).
#[pyclass(module = "nass", name = "NumberMatch", frozen, get_all)]
pub struct PyNumberMatch {
    start: usize,
    end: usize,
    text: String,
    value: Py<PyAny>,
    kind: &'static str,
}

#[pymethods]
impl PyNumberMatch {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "NumberMatch(start={}, end={}, text={}, value={}, kind={})",
            self.start,
            self.end,
            repr(py, &self.text)?,
            self.value.bind(py).repr()?,
            repr(py, self.kind)?
        ))
    }
}

/// Every number of ``text`` in order: numerals in ASCII, Arabic-Indic or Persian digits
/// with their separators, and with ``words=True`` also numbers written in Arabic words
/// (``ثلاثة آلاف``, ``2.5 مليون``), which win over the numerals they contain.
///
/// >>> import nass
/// >>> [(m.text, m.value) for m in nass.find_numbers("بلغ ٣٫٥٪ من 2,500")]
/// [('٣٫٥', Decimal('3.5')), ('2,500', Decimal('2500'))]
/// >>> m = nass.find_numbers("زاره ثلاثة آلاف ومئتين", words=True)[0]
/// >>> (m.text, m.value, m.kind, m.start)
/// ('ثلاثة آلاف ومئتين', Decimal('3200'), 'words', 5)
#[pyfunction]
#[pyo3(signature = (text, words=false))]
fn find_numbers(text: &Bound<'_, PyAny>, words: bool) -> PyResult<Vec<PyNumberMatch>> {
    let py = text.py();
    let t = utf8(text, "text")?;
    let s = t.as_str();
    let mut cp = CodePoints::new(s);
    // The numerals and the phrases merged by the one rule (`nass numbers --words` uses
    // it too).
    find_all_numbers(s, words)
        .map(|f| {
            Ok(PyNumberMatch {
                start: cp.index(f.start()),
                end: cp.index(f.end()),
                text: f.text().to_string(),
                value: decimal(py, f.value())?.unbind(),
                kind: f.source().name(),
            })
        })
        .collect()
}

/// The exact value of a numeral (digits of any of the three sets, ``.`` ``,`` ``٫``
/// ``٬`` separators, a sign) as a ``decimal.Decimal``; a ``NassError`` says where it
/// is malformed.
///
/// >>> import nass
/// >>> nass.parse_number("١٬٢٥٠٫٧٥")
/// Decimal('1250.75')
#[pyfunction]
fn parse_number<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let t = utf8(text, "text")?;
    let n = rust_parse_number(t.as_str()).map_err(|e| value_error(format!("{e}")))?;
    decimal(text.py(), &n)
}

/// The value of a number written in Arabic words, as a ``decimal.Decimal``.
///
/// >>> import nass
/// >>> nass.parse_number_words("ألفان وخمسمائة وستة عشر")
/// Decimal('2516')
/// >>> nass.parse_number_words("2.5 مليون")
/// Decimal('2500000')
#[pyfunction]
fn parse_number_words<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let t = utf8(text, "text")?;
    let n = rust_parse_words(t.as_str()).map_err(|e| value_error(format!("{e}")))?;
    decimal(text.py(), &n)
}

/// ``n`` (0 to 2**64 - 1) written in Arabic words, for a counted noun of ``gender``
/// (``"masculine"`` or ``"feminine"``) in ``case`` (``"nominative"``, ``"accusative"``
/// or ``"genitive"``).
///
/// >>> import nass
/// >>> nass.number_to_words(3, gender="feminine")
/// 'ثلاث'
/// >>> nass.number_to_words(1250312, gender="feminine")
/// 'مليون ومئتان وخمسون ألفًا وثلاثمئة واثنتا عشرة'
/// >>> nass.number_to_words(20, case="genitive")
/// 'عشرين'
#[pyfunction]
#[pyo3(signature = (n, gender="masculine", case="nominative"))]
fn number_to_words(n: &Bound<'_, PyAny>, gender: &str, case: &str) -> PyResult<String> {
    if n.is_instance_of::<PyBool>() {
        return Err(type_error("n must be an int, not bool"));
    }
    let value: i128 = n.extract().map_err(|_| {
        type_error(format!(
            "n must be an int, not {}",
            n.get_type()
                .name()
                .map(|x| x.to_string())
                .unwrap_or_default()
        ))
    })?;
    let value = u64::try_from(value).map_err(|_| {
        value_error(format!(
            "number_to_words takes 0 to {}, not {value}",
            u64::MAX
        ))
    })?;
    let gender = match gender.to_ascii_lowercase().as_str() {
        "masculine" | "m" => Gender::Masculine,
        "feminine" | "f" => Gender::Feminine,
        other => {
            return Err(value_error(format!(
                "unknown gender '{other}' (expected masculine or feminine)"
            )))
        }
    };
    let case = match case.to_ascii_lowercase().as_str() {
        "nominative" => Case::Nominative,
        "accusative" => Case::Accusative,
        "genitive" => Case::Genitive,
        other => {
            return Err(value_error(format!(
                "unknown case '{other}' (expected nominative, accusative or genitive)"
            )))
        }
    };
    Ok(words(value, gender, case))
}

/// Registers this module's classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNumberMatch>()?;
    m.add_function(wrap_pyfunction!(digits, m)?)?;
    m.add_function(wrap_pyfunction!(find_numbers, m)?)?;
    m.add_function(wrap_pyfunction!(parse_number, m)?)?;
    m.add_function(wrap_pyfunction!(parse_number_words, m)?)?;
    m.add_function(wrap_pyfunction!(number_to_words, m)?)?;
    Ok(())
}
