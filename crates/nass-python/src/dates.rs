//! `find_dates`, `to_hijri`, `to_gregorian`, `HijriDate`.

use nass::dates::{DateFinder, GregorianDate, HijriCalendar, HijriDate};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::errors::{type_error, value_error};
use crate::offsets::CodePoints;
use crate::text::{repr, utf8};

fn date_error(e: nass::dates::DateError) -> PyErr {
    value_error(e.to_string())
}

/// A Python `datetime.date`.
fn py_date<'py>(py: Python<'py>, d: GregorianDate) -> PyResult<Bound<'py, PyAny>> {
    py.import("datetime")?
        .getattr("date")?
        .call1((d.year(), d.month(), d.day()))
}

/// A Gregorian date from a `datetime.date` (or `datetime.datetime`) or an ISO string.
fn gregorian_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<GregorianDate> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_cow()?.parse().map_err(date_error);
    }
    let date_type = obj.py().import("datetime")?.getattr("date")?;
    if !obj.is_instance(&date_type)? {
        return Err(type_error(format!(
            "{what} must be a datetime.date or an ISO string YYYY-MM-DD, not {}",
            obj.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        )));
    }
    let y: i32 = obj.getattr("year")?.extract()?;
    let m: u8 = obj.getattr("month")?.extract()?;
    let d: u8 = obj.getattr("day")?.extract()?;
    GregorianDate::new(y, m, d).map_err(date_error)
}

fn calendar_arg(name: &str) -> PyResult<HijriCalendar> {
    name.parse::<HijriCalendar>().map_err(date_error)
}

/// A date of a Hijri calendar: ``year``, ``month``, ``day`` and ``calendar`` (its name,
/// e.g. ``"umm-al-qura"`` or ``"islamic-civil"``). ``str()`` gives ISO ``YYYY-MM-DD``.
///
/// >>> import nass
/// >>> h = nass.HijriDate(1445, 8, 1)
/// >>> (str(h), h.to_gregorian())
/// ('1445-08-01', datetime.date(2024, 2, 11))
#[pyclass(module = "nass", name = "HijriDate", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash, Clone)]
pub struct PyHijriDate {
    inner: HijriDate,
}

#[pymethods]
impl PyHijriDate {
    #[new]
    #[pyo3(signature = (year, month, day, calendar="umm-al-qura"))]
    fn new(year: i64, month: i64, day: i64, calendar: &str) -> PyResult<Self> {
        let cal = calendar_arg(calendar)?;
        let (y, m, d) = match (u16::try_from(year), u8::try_from(month), u8::try_from(day)) {
            (Ok(y), Ok(m), Ok(d)) => (y, m, d),
            _ => {
                let (lo, hi) = cal.range();
                return Err(value_error(format!(
                    "Hijri date {year}-{month:02}-{day:02} is outside the supported range {lo}..{hi} AH of the {} calendar",
                    cal.name()
                )));
            }
        };
        Ok(PyHijriDate {
            inner: HijriDate::new(cal, y, m, d).map_err(date_error)?,
        })
    }

    /// The year.
    #[getter]
    fn year(&self) -> u16 {
        self.inner.year()
    }

    /// The month, 1 (Muharram) to 12 (Dhu al-Hijja).
    #[getter]
    fn month(&self) -> u8 {
        self.inner.month()
    }

    /// The day of the month.
    #[getter]
    fn day(&self) -> u8 {
        self.inner.day()
    }

    /// The calendar's name.
    #[getter]
    fn calendar(&self) -> String {
        self.inner.calendar().name()
    }

    /// The same day as a ``datetime.date``.
    fn to_gregorian<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.inner.to_gregorian())
    }

    /// ISO ``YYYY-MM-DD``.
    fn isoformat(&self) -> String {
        self.inner.to_string()
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "HijriDate({}, {}, {}, calendar={})",
            self.inner.year(),
            self.inner.month(),
            self.inner.day(),
            repr(py, &self.inner.calendar().name())?
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (Bound<'py, pyo3::types::PyType>, (u16, u8, u8, String)) {
        let h = slf.get().inner;
        (
            slf.get_type(),
            (h.year(), h.month(), h.day(), h.calendar().name()),
        )
    }
}

/// The Hijri date of a Gregorian day (a ``datetime.date`` or an ISO string) in
/// ``calendar``: ``"umm-al-qura"`` (1343-1500 AH = 1924-2077 CE) or a tabular calendar
/// (``"islamic-civil"``, ``"islamic-tbla"``, ...). A day outside the calendar's range is
/// a ``NassError`` that names the range.
///
/// >>> import datetime, nass
/// >>> nass.to_hijri(datetime.date(2024, 3, 11))
/// HijriDate(1445, 9, 1, calendar='umm-al-qura')
/// >>> str(nass.to_hijri("2024-03-11", calendar="islamic-tbla"))
/// '1445-09-02'
#[pyfunction]
#[pyo3(signature = (date, calendar="umm-al-qura"))]
fn to_hijri(date: &Bound<'_, PyAny>, calendar: &str) -> PyResult<PyHijriDate> {
    let g = gregorian_arg(date, "date")?;
    let cal = calendar_arg(calendar)?;
    Ok(PyHijriDate {
        inner: HijriDate::from_gregorian(cal, g).map_err(date_error)?,
    })
}

/// The Gregorian day (a ``datetime.date``) of a Hijri date: a :class:`HijriDate`, an ISO
/// string ``"1445-08-01"`` or a tuple ``(1445, 8, 1)`` of ``calendar``.
///
/// >>> import nass
/// >>> nass.to_gregorian("1445-08-01")
/// datetime.date(2024, 2, 11)
/// >>> nass.to_gregorian((1445, 9, 1), calendar="islamic-civil")
/// datetime.date(2024, 3, 11)
#[pyfunction]
#[pyo3(signature = (date, calendar="umm-al-qura"))]
fn to_gregorian<'py>(date: &Bound<'py, PyAny>, calendar: &str) -> PyResult<Bound<'py, PyAny>> {
    let py = date.py();
    let cal = calendar_arg(calendar)?;
    let h = if let Ok(h) = date.cast::<PyHijriDate>() {
        h.get().inner
    } else if let Ok(s) = date.cast::<PyString>() {
        HijriDate::parse_iso(cal, &s.to_cow()?).map_err(date_error)?
    } else if let Ok(t) = date.cast::<PyTuple>() {
        let (y, m, d): (i64, i64, i64) = t.extract()?;
        PyHijriDate::new(y, m, d, calendar)?.inner
    } else {
        return Err(type_error(format!(
            "date must be a HijriDate, an ISO string or a (year, month, day) tuple, not {}",
            date.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        )));
    };
    py_date(py, h.to_gregorian())
}

/// A date expression found in text. ``start``/``end`` are code-point indices
/// (``text == input[start:end]``); ``kind`` is ``"date"``, ``"day-month"``,
/// ``"month-year"``, ``"month"``, ``"year"``, ``"day-range"``, ``"weekday"`` or
/// ``"relative"`` (أمس، منذ 3 أيام، الشهر الماضي); ``calendar``
/// ``"gregorian"`` or ``"hijri"``; ``value`` ISO 8601 as far as the text goes
/// (``"2024-02-11"``, ``"--01-25"``, ``"2014"``); ``date`` the day as a
/// ``datetime.date`` when complete (a Hijri date's Gregorian day, or the ``resolved`` day
/// given an anchor); ``weekday`` the ISO number of the weekday named before it;
/// ``gregorian`` a complete Hijri date's Gregorian day (``datetime.date``);
/// ``resolved`` the value completed from the anchor; ``relative`` ``"past"``, ``"next"``
/// or ``"current"``; ``linked`` the ``(start, end)`` of the other half of a الموافق
/// pair; ``weekday_conflict`` whether the weekday named contradicts the date; ``offset``
/// the offset of a relative date from the moment of writing (``"-P1D"``, ``"P2W"``,
/// ``"P0M/P3M"``; ``None`` for a vague count such as منذ سنوات); ``part`` ``"early"``,
/// ``"middle"`` or ``"late"`` (مطلع، منتصف، أواخر).
#[pyclass(module = "nass", name = "DateMatch", frozen, get_all)]
pub struct PyDateMatch {
    start: usize,
    end: usize,
    text: String,
    kind: &'static str,
    calendar: &'static str,
    value: String,
    date: Py<PyAny>,
    weekday: Option<u8>,
    gregorian: Py<PyAny>,
    resolved: Option<String>,
    relative: Option<&'static str>,
    linked: Option<(usize, usize)>,
    weekday_conflict: bool,
    offset: Option<String>,
    part: Option<&'static str>,
}

#[pymethods]
impl PyDateMatch {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "DateMatch(start={}, end={}, text={}, kind={}, calendar={}, value={})",
            self.start,
            self.end,
            repr(py, &self.text)?,
            repr(py, self.kind)?,
            repr(py, self.calendar)?,
            repr(py, &self.value)?
        ))
    }
}

fn complete(v: &nass::dates::DateValue) -> Option<GregorianDate> {
    if v.last_day().is_some() || v.until().is_some() {
        return None;
    }
    GregorianDate::new(v.year()?, v.month()?, v.day()?).ok()
}

/// Every date expression of ``text``: Hijri and Gregorian dates, month names of every
/// regional system, numeric dates, ranges, weekdays. With ``anchor`` (a
/// ``datetime.date`` or ISO string: the day the text was written), partial dates such
/// as "25 January last" are resolved.
///
/// >>> import nass
/// >>> text = "الأحد 1 شعبان 1445هـ الموافق 11 فبراير 2024م"
/// >>> [(d.text, d.calendar, d.value) for d in nass.find_dates(text)]
/// [('الأحد 1 شعبان 1445هـ', 'hijri', '1445-08-01'), ('11 فبراير 2024م', 'gregorian', '2024-02-11')]
/// >>> nass.find_dates(text)[0].date
/// datetime.date(2024, 2, 11)
#[pyfunction]
#[pyo3(signature = (text, anchor=None))]
fn find_dates(
    text: &Bound<'_, PyAny>,
    anchor: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyDateMatch>> {
    let py = text.py();
    let mut builder = DateFinder::builder();
    if let Some(a) = anchor.filter(|a| !a.is_none()) {
        builder = builder.anchor(gregorian_arg(a, "anchor")?);
    }
    let finder = builder.build();
    let t = utf8(text, "text")?;
    let s = t.as_str();
    let found: Vec<_> = finder.find_iter(s).collect();
    let mut cp = CodePoints::new(s);
    let mut linked_cp = CodePoints::new(s);
    let mut out = Vec::with_capacity(found.len());
    for m in found {
        let start = cp.index(m.start());
        let end = cp.index(m.end());
        let gregorian = m.gregorian();
        let hijri = m.calendar().name() == "hijri";
        let day = if hijri {
            gregorian
        } else {
            complete(m.value()).or_else(|| m.resolved().and_then(complete))
        };
        out.push(PyDateMatch {
            start,
            end,
            text: m.text().to_string(),
            kind: m.kind().name(),
            calendar: m.calendar().name(),
            value: m.value().to_string(),
            date: match day {
                Some(d) => py_date(py, d)?.unbind(),
                None => py.None(),
            },
            weekday: m.weekday().map(|w| w.iso()),
            gregorian: match gregorian {
                Some(d) => py_date(py, d)?.unbind(),
                None => py.None(),
            },
            resolved: m.resolved().map(|v| v.to_string()),
            relative: m.relative().map(|r| r.name()),
            linked: m
                .linked()
                .map(|r| (linked_cp.index(r.start), linked_cp.index(r.end))),
            weekday_conflict: m.weekday_conflict(),
            offset: m.offset().map(|o| o.to_string()),
            part: m.part().map(|p| p.name()),
        });
    }
    Ok(out)
}

/// Registers this module's classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyHijriDate>()?;
    m.add_class::<PyDateMatch>()?;
    m.add_function(wrap_pyfunction!(to_hijri, m)?)?;
    m.add_function(wrap_pyfunction!(to_gregorian, m)?)?;
    m.add_function(wrap_pyfunction!(find_dates, m)?)?;
    Ok(())
}
