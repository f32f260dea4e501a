"""normalize_arrow and tokenize_arrow through the Arrow C data interface (the PyCapsule
protocol): against the per-string API, on slices (offsets into the buffers), nulls,
chunked arrays and streams, both offset widths, and imports/exports repeated and
dropped in every order (a wrong release callback crashes or leaks here)."""

from __future__ import annotations

import gc
import resource
from typing import Any, Optional

import pytest
from hypothesis import given, settings, strategies as st

import nass
from nass._nass import ArrowChunks, ArrowColumn, _normalize_arrow, _tokenize_arrow
from conftest import any_text, arabic_text

pa = pytest.importorskip("pyarrow")

TYPES = [pa.string(), pa.large_string()]


def expected_norm(rows: list[Optional[str]], preset: str = "search") -> list[Optional[str]]:
    return [None if v is None else nass.normalize(v, preset) for v in rows]


def expected_tokens(rows: list[Optional[str]]) -> list[Optional[list[str]]]:
    return [None if v is None else nass.tokenize_strings(v) for v in rows]


class ArrayOnly:
    """A producer that is not pyarrow: only __arrow_c_array__."""

    def __init__(self, array: Any) -> None:
        self.array = array

    def __arrow_c_array__(self, requested_schema: object = None) -> Any:
        return self.array.__arrow_c_array__(requested_schema)


class StreamOnly:
    """A producer that is not pyarrow: only __arrow_c_stream__."""

    def __init__(self, chunked: Any) -> None:
        self.chunked = chunked

    def __arrow_c_stream__(self, requested_schema: object = None) -> Any:
        return self.chunked.__arrow_c_stream__(requested_schema)


def test_normalize_arrow_equals_normalize_batch(corpus_lines: list[str]) -> None:
    for typ in TYPES:
        array = pa.array(corpus_lines, type=typ)
        for preset in ["search", "camel"]:
            out = nass.normalize_arrow(array, preset)
            assert out.type == typ
            assert out.to_pylist() == nass.Normalizer(preset).normalize_batch(corpus_lines)


def test_tokenize_arrow_on_the_corpus(corpus_lines: list[str]) -> None:
    out = nass.tokenize_arrow(pa.array(corpus_lines))
    assert out.type == pa.list_(pa.string())
    assert out.to_pylist() == nass.tokenize_strings_batch(corpus_lines)


def test_nulls_slices_chunks_and_large_strings() -> None:
    values = ["مدرسةٌ", None, "إلى", "", None, "بغـداد"]
    array = pa.array(values)
    expected = expected_norm(values)
    assert nass.normalize_arrow(array).to_pylist() == expected
    # A slice starts at an offset into the buffers (and into the validity bits).
    assert nass.normalize_arrow(array.slice(2, 3)).to_pylist() == expected[2:5]
    assert nass.normalize_arrow(array.slice(1, 4)).null_count == 2
    large = pa.array(values, type=pa.large_string())
    out = nass.normalize_arrow(large)
    assert out.type == pa.large_string()
    assert out.to_pylist() == expected
    chunked = pa.chunked_array([values[:3], values[3:]])
    out = nass.normalize_arrow(chunked, nass.Normalizer("camel"))
    assert isinstance(out, pa.ChunkedArray)
    assert out.num_chunks == 2
    assert out.to_pylist() == expected_norm(values, "camel")


def test_tokenize_arrow() -> None:
    values = ["قال: نعم", None, "", "3.5 مليون"]
    for typ in TYPES:
        out = nass.tokenize_arrow(pa.array(values, type=typ))
        assert out.type == pa.list_(typ)
        assert out.to_pylist() == [["قال", ":", "نعم"], None, [], ["3.5", "مليون"]]
    out = nass.tokenize_arrow(pa.chunked_array([values[:2], values[2:]]).slice(1))
    assert out.to_pylist() == [None, [], ["3.5", "مليون"]]


rows_strategy = st.lists(st.one_of(st.none(), arabic_text, any_text), max_size=30)


@settings(max_examples=150)
@given(rows_strategy, st.integers(0, 8), st.integers(0, 30), st.sampled_from(TYPES))
def test_arrow_equals_python(
    values: list[Optional[str]], offset: int, length: int, typ: Any
) -> None:
    array = pa.array(values, type=typ).slice(min(offset, len(values)), length)
    rows = array.to_pylist()
    out = nass.normalize_arrow(array)
    assert out.type == typ
    assert out.to_pylist() == expected_norm(rows)
    assert out.null_count == sum(v is None for v in rows)
    out.validate(full=True)
    tokens = nass.tokenize_arrow(array)
    tokens.validate(full=True)
    assert tokens.to_pylist() == expected_tokens(rows)
    # Through a producer that is not a pyarrow object.
    assert nass.normalize_arrow(ArrayOnly(array)).to_pylist() == expected_norm(rows)


@settings(max_examples=100)
@given(st.lists(rows_strategy, max_size=5), st.integers(0, 5), st.sampled_from(TYPES))
def test_chunked_arrays_and_streams(chunks: list[list[Optional[str]]], cut: int, typ: Any) -> None:
    chunked = pa.chunked_array([pa.array(c, type=typ) for c in chunks], type=typ)
    chunked = chunked.slice(min(cut, len(chunked)))
    rows = chunked.to_pylist()
    for source in (chunked, StreamOnly(chunked)):
        out = nass.normalize_arrow(source)
        assert isinstance(out, pa.ChunkedArray)
        assert out.type == typ
        assert out.to_pylist() == expected_norm(rows)
        tokens = nass.tokenize_arrow(source)
        assert tokens.type == pa.list_(typ)
        assert tokens.to_pylist() == expected_tokens(rows)


def test_results_without_pyarrow_in_between() -> None:
    # What the functions return when pyarrow is not installed: objects of the protocol.
    array = pa.array(["مدرسةٌ", None, "قال: نعم"])
    col = _normalize_arrow(nass.Normalizer(), array)
    assert isinstance(col, ArrowColumn)
    assert len(col) == 3
    # Exported twice, imported twice, dropped in both orders.
    a, b = pa.array(col), pa.array(col)
    del col
    gc.collect()
    assert a.to_pylist() == b.to_pylist() == ["مدرسه", None, "قال: نعم"]
    assert pa.array(_tokenize_arrow(array)).to_pylist() == [["مدرسةٌ"], None, ["قال", ":", "نعم"]]
    chunks = _normalize_arrow(nass.Normalizer(), pa.chunked_array([array, array.slice(1)]))
    assert isinstance(chunks, ArrowChunks)
    assert len(chunks) == 5
    assert pa.chunked_array(chunks).to_pylist() == ["مدرسه", None, "قال: نعم", None, "قال: نعم"]
    # Capsules made and dropped unread are released by their destructors.
    for _ in range(3):
        single = _normalize_arrow(nass.Normalizer(), array)
        assert isinstance(single, ArrowColumn)
        single.__arrow_c_array__()
        chunks.__arrow_c_stream__()
        chunks.__arrow_c_schema__()
    # A schema alone imports as the type.
    assert pa.DataType._import_from_c_capsule(chunks.__arrow_c_schema__()) == pa.string()


def test_empty_inputs() -> None:
    for typ in TYPES:
        assert nass.normalize_arrow(pa.array([], type=typ)).type == typ
        out = nass.normalize_arrow(pa.chunked_array([], type=typ))
        assert out.type == typ and len(out) == 0
        assert nass.tokenize_arrow(pa.chunked_array([], type=typ)).type == pa.list_(typ)
        assert nass.tokenize_arrow(pa.array([None, None], type=typ)).to_pylist() == [None, None]


def test_round_trips_of_nass_results_through_nass() -> None:
    # nass's own exported buffers read back (sliced) as input.
    out = nass.normalize_arrow(pa.array(["أَهلاً", None, "وسهلاً"] * 100))
    again = nass.normalize_arrow(out.slice(1, 200), "camel")
    assert again.to_pylist() == ([None, "وسهلا", "اهلا"] * 67)[:200]


def test_memory_is_released() -> None:
    # A few hundred MiB pass through; a missing release would keep all of it.
    array = pa.array(["مدرسةٌ جديدةٌ في بغداد"] * 100_000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(60):
        out = nass.normalize_arrow(array)
        tokens = nass.tokenize_arrow(array)
        del out, tokens
    gc.collect()
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 150 * 1024


def test_not_a_string_column() -> None:
    with pytest.raises(nass.NassTypeError, match="string column .* not Arrow format 'l'"):
        nass.normalize_arrow(pa.array([1, 2]))
    with pytest.raises(nass.NassTypeError, match="dictionary-encoded"):
        nass.tokenize_arrow(pa.array(["a", "a"]).dictionary_encode())
    with pytest.raises(nass.NassTypeError, match="__arrow_c_array__ or __arrow_c_stream__"):
        nass.normalize_arrow(["a list"])


@settings(max_examples=60)
@given(rows_strategy, st.integers(0, 8))
def test_string_view_columns_give_large_strings(values: list[Optional[str]], offset: int) -> None:
    # Views of 12 bytes or fewer hold the text inline; longer ones point into a buffer.
    array = pa.array(values, type=pa.string_view()).slice(min(offset, len(values)))
    rows = array.to_pylist()
    out = nass.normalize_arrow(array)
    assert out.type == pa.large_string()
    assert out.to_pylist() == expected_norm(rows)
    assert nass.tokenize_arrow(array).to_pylist() == expected_tokens(rows)


def test_data_that_is_not_utf8() -> None:
    bad = pa.Array.from_buffers(
        pa.string(), 1, [None, pa.py_buffer(bytes([0, 0, 0, 0, 2, 0, 0, 0])), pa.py_buffer(b"\xd8\x28")]
    )
    with pytest.raises(nass.NassError, match="not UTF-8"):
        nass.normalize_arrow(bad)


def test_polars_series_if_installed() -> None:
    pl = pytest.importorskip("polars")
    series = pl.Series("text", ["مدرسةٌ", None, "قال: نعم"])
    out = nass.normalize_arrow(series)
    assert out.to_pylist() == ["مدرسه", None, "قال: نعم"]
    assert pl.Series(_normalize_arrow(nass.Normalizer(), series)).to_list() == out.to_pylist()
    assert nass.tokenize_arrow(series).to_pylist() == [["مدرسةٌ"], None, ["قال", ":", "نعم"]]
    long = pl.Series(["بغداد عاصمة العراق، مدرسةٌ جديدة", None] * 50)
    assert nass.normalize_arrow(long).to_pylist() == expected_norm(long.to_list())
