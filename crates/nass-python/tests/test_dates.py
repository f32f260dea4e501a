from __future__ import annotations

import datetime
import pickle

import pytest
from hypothesis import given, strategies as st

import nass
from conftest import arabic_text


def test_find_dates_fields() -> None:
    text = "الأحد 1 شعبان 1445هـ الموافق 11 فبراير 2024م"
    h, g = nass.find_dates(text)
    assert (h.text, h.kind, h.calendar, h.value) == ("الأحد 1 شعبان 1445هـ", "date", "hijri", "1445-08-01")
    assert h.gregorian == datetime.date(2024, 2, 11)
    assert h.date == datetime.date(2024, 2, 11)
    assert (h.weekday, h.weekday_conflict) == (7, False)  # ISO: Sunday is 7
    assert (g.text, g.calendar, g.value, g.date) == (
        "11 فبراير 2024م", "gregorian", "2024-02-11", datetime.date(2024, 2, 11)
    )
    assert h.linked == (g.start, g.end)
    assert g.linked == (h.start, h.end)
    for d in (h, g):
        assert text[d.start : d.end] == d.text


def test_anchor_resolves_partial_dates() -> None:
    text = "وعاد في 25 يناير/ كانون الثاني الماضي"
    (d,) = nass.find_dates(text)
    assert (d.value, d.resolved, d.date, d.relative) == ("--01-25", None, None, "past")
    for anchor in (datetime.date(2024, 2, 11), "2024-02-11"):
        (d,) = nass.find_dates(text, anchor=anchor)
        assert (d.resolved, d.date) == ("2024-01-25", datetime.date(2024, 1, 25))
    with pytest.raises(nass.NassError):
        nass.find_dates(text, anchor="2024-02-30")
    with pytest.raises(nass.NassTypeError):
        nass.find_dates(text, anchor=20240211)  # type: ignore[arg-type]


def test_relative_dates() -> None:
    # Said on Sunday 11 February 2024: yesterday is 10 February, last month January,
    # and the three months from now run from February to May.
    text = "عاد أمس بعد جولة بدأت الشهر الماضي، ويعود خلال ثلاثة أشهر، ومنذ سنوات، وفي منتصف مارس"
    found = nass.find_dates(text, anchor="2024-02-11")
    got = [(d.text, d.kind, d.value, d.offset, d.resolved, d.date, d.part) for d in found]
    assert got == [
        ("أمس", "relative", "", "-P1D", "2024-02-10", datetime.date(2024, 2, 10), None),
        ("الشهر الماضي", "relative", "", "-P1M", "2024-01", None, None),
        ("خلال ثلاثة أشهر", "relative", "", "P0M/P3M", "2024-02/2024-05", None, None),
        ("ومنذ سنوات", "relative", "", None, None, None, None),
        ("منتصف مارس", "month", "--03", None, "2024-03", None, "middle"),
    ]
    assert [d.relative for d in found[:4]] == ["past", "past", "next", "past"]


@given(arabic_text)
def test_date_offsets_slice_back(text: str) -> None:
    text = "في 5/ 6/ 2021 " + text + " 1 رمضان 1445هـ"
    for d in nass.find_dates(text):
        assert text[d.start : d.end] == d.text


def test_calendars() -> None:
    assert nass.to_hijri(datetime.date(2024, 3, 11)) == nass.HijriDate(1445, 9, 1)
    assert str(nass.to_hijri("2024-03-11", calendar="islamic-tbla")) == "1445-09-02"
    assert nass.to_gregorian("1445-08-01") == datetime.date(2024, 2, 11)
    assert nass.to_gregorian((1445, 9, 1), calendar="islamic-civil") == datetime.date(2024, 3, 11)
    assert nass.to_gregorian(nass.HijriDate(1445, 8, 1)) == datetime.date(2024, 2, 11)
    h = nass.HijriDate(1445, 8, 1, calendar="islamic-civil")
    assert pickle.loads(pickle.dumps(h)) == h
    assert repr(h) == "HijriDate(1445, 8, 1, calendar='islamic-civil')"


def test_errors_name_the_supported_range() -> None:
    with pytest.raises(nass.NassError, match=r"1343-01-01\.\.1500-12-30 AH = 1924-08-01\.\.2077-11-16 CE"):
        nass.to_gregorian("1520-01-01")
    with pytest.raises(nass.NassError, match="1924-08-01"):
        nass.to_hijri(datetime.date(1900, 1, 1))
    with pytest.raises(nass.NassError, match="supported range"):
        nass.HijriDate(70000, 1, 1)
    with pytest.raises(nass.NassError, match="has 29 days"):
        nass.HijriDate(1445, 8, 30)
    with pytest.raises(nass.NassError):
        nass.to_hijri("2024-03-11", calendar="lunar")
    with pytest.raises(nass.NassTypeError):
        nass.to_hijri(2024)  # type: ignore[arg-type]


@given(st.dates(min_value=datetime.date(1924, 8, 1), max_value=datetime.date(2077, 11, 16)))
def test_umm_al_qura_round_trip(day: datetime.date) -> None:
    assert nass.to_gregorian(nass.to_hijri(day)) == day
