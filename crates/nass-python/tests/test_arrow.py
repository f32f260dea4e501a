from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

import nass
from conftest import arabic_text

pa = pytest.importorskip("pyarrow")


def test_normalize_arrow_equals_normalize_batch(corpus_lines: list[str]) -> None:
    array = pa.array(corpus_lines)
    for preset in ["search", "camel"]:
        out = nass.normalize_arrow(array, preset)
        assert out.type == pa.string()
        assert out.to_pylist() == nass.Normalizer(preset).normalize_batch(corpus_lines)


def test_nulls_slices_chunks_and_large_strings() -> None:
    values = ["مدرسةٌ", None, "إلى", "", None, "بغـداد"]
    array = pa.array(values)
    expected = [None if v is None else nass.normalize(v) for v in values]
    assert nass.normalize_arrow(array).to_pylist() == expected
    # A slice starts at an offset into the buffers.
    assert nass.normalize_arrow(array.slice(2, 3)).to_pylist() == expected[2:5]
    large = pa.array(values, type=pa.large_string())
    out = nass.normalize_arrow(large)
    assert out.type == pa.large_string()
    assert out.to_pylist() == expected
    chunked = pa.chunked_array([values[:3], values[3:]])
    out = nass.normalize_arrow(chunked, nass.Normalizer("camel"))
    assert isinstance(out, pa.ChunkedArray)
    assert out.to_pylist() == [None if v is None else nass.normalize(v, "camel") for v in values]


def test_tokenize_arrow() -> None:
    values = ["قال: نعم", None, "", "3.5 مليون"]
    for typ in [pa.string(), pa.large_string()]:
        out = nass.tokenize_arrow(pa.array(values, type=typ))
        assert out.type == pa.list_(typ)
        assert out.to_pylist() == [["قال", ":", "نعم"], None, [], ["3.5", "مليون"]]
    out = nass.tokenize_arrow(pa.chunked_array([values[:2], values[2:]]).slice(1))
    assert out.to_pylist() == [None, [], ["3.5", "مليون"]]


@given(st.lists(st.one_of(st.none(), arabic_text), max_size=20), st.integers(0, 5))
def test_arrow_equals_python(values: list[str | None], offset: int) -> None:
    array = pa.array(values, type=pa.string()).slice(min(offset, len(values)))
    rows = array.to_pylist()
    assert nass.normalize_arrow(array).to_pylist() == [
        None if v is None else nass.normalize(v) for v in rows
    ]
    assert nass.tokenize_arrow(array).to_pylist() == [
        None if v is None else [t.text for t in nass.tokenize(v)] for v in rows
    ]


def test_not_a_string_column() -> None:
    with pytest.raises(nass.NassTypeError, match="string column"):
        nass.normalize_arrow(pa.array([1, 2]))
    with pytest.raises(nass.NassTypeError, match="pyarrow string array"):
        nass.normalize_arrow(["a list"])
