from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

import nass
from conftest import any_text


def test_digits() -> None:
    assert nass.digits("ارتفعت ٣٫٥٪ في ٢٠٢٣") == "ارتفعت 3.5% في 2023"
    assert nass.digits("Q3: 1,250.5 (+4%)", to="arabic") == "Q٣: ١٬٢٥٠٫٥ (+٤٪)"
    assert nass.digits("١٢", to="persian") == "۱۲"
    with pytest.raises(nass.NassError):
        nass.digits("1", to="roman")


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_round_trip(n: int) -> None:
    text = f"العدد {n:,}.5%"
    assert nass.digits(nass.digits(text, to="arabic"), to="ascii") == text


def test_find_numbers_gives_decimal_values_and_code_point_offsets() -> None:
    text = "ارتفعت الأسعار ٣٫٥٪ في عام ٢٠٢٣، وبلغ عدد الزوار ثلاثة آلاف ومئتين."
    found = nass.find_numbers(text)
    assert [(m.text, m.value, m.kind) for m in found] == [
        ("٣٫٥", Decimal("3.5"), "digits"),
        ("٢٠٢٣", Decimal("2023"), "digits"),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text
    words = nass.find_numbers(text, words=True)
    assert [(m.text, m.value, m.kind) for m in words] == [
        ("٣٫٥", Decimal("3.5"), "digits"),
        ("٢٠٢٣", Decimal("2023"), "digits"),
        ("ثلاثة آلاف ومئتين", Decimal("3200"), "words"),
    ]
    m = words[-1]
    assert text[m.start : m.end] == m.text


def test_words_win_over_the_numerals_they_contain() -> None:
    found = nass.find_numbers("خصص 2.5 مليون دولار", words=True)
    assert [(m.text, m.value, m.kind) for m in found] == [
        ("2.5 مليون", Decimal("2500000"), "words")
    ]


def test_words_report_ordinals_negatives_and_decimals() -> None:
    found = nass.find_numbers("فاز للمرة الثالثة وسجل سالب عشرة فاصلة خمسة", words=True)
    assert [(m.text, m.value, m.kind) for m in found] == [
        ("الثالثة", Decimal("3"), "ordinal"),
        ("سالب عشرة فاصلة خمسة", Decimal("-10.5"), "words"),
    ]


@given(any_text)
def test_number_offsets_slice_back(text: str) -> None:
    for m in nass.find_numbers(text, words=True):
        assert text[m.start : m.end] == m.text


def test_parse() -> None:
    assert nass.parse_number("١٬٢٥٠٫٧٥") == Decimal("1250.75")
    assert nass.parse_number("-3") == Decimal("-3")
    assert nass.parse_number_words("ألفان وخمسمائة وستة عشر") == Decimal("2516")
    with pytest.raises(nass.NassError):
        nass.parse_number("3..5")
    with pytest.raises(nass.NassError):
        nass.parse_number_words("كتاب")


@given(st.integers(min_value=0, max_value=2**64 - 1), st.sampled_from(["masculine", "feminine"]))
def test_number_words_round_trip(n: int, gender: str) -> None:
    for case in ["nominative", "accusative", "genitive"]:
        words = nass.number_to_words(n, gender=gender, case=case)
        assert nass.parse_number_words(words) == Decimal(n)


def test_number_to_words() -> None:
    assert nass.number_to_words(3) == "ثلاثة"
    assert nass.number_to_words(3, gender="feminine") == "ثلاث"
    assert nass.number_to_words(20, case="accusative") == "عشرين"
    with pytest.raises(nass.NassError, match="0 to 18446744073709551615"):
        nass.number_to_words(-1)
    with pytest.raises(nass.NassError):
        nass.number_to_words(2**64)
    with pytest.raises(nass.NassTypeError):
        nass.number_to_words(True)
    with pytest.raises(nass.NassTypeError):
        nass.number_to_words("3")  # type: ignore[arg-type]
    with pytest.raises(nass.NassError, match="unknown gender"):
        nass.number_to_words(3, gender="neuter")
