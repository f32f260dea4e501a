"""Every bad input is a nass exception with a clear message, never a crash or a
PanicException."""

from __future__ import annotations

from typing import Any, Callable

import pytest

import nass

TEXT_FUNCTIONS: list[Callable[[Any], Any]] = [
    nass.normalize,
    nass.Normalizer("camel").normalize,
    nass.Normalizer().normalize_aligned,
    nass.tokenize,
    nass.digits,
    nass.find_numbers,
    nass.parse_number,
    nass.parse_number_words,
    nass.Gazetteer().find,
    nass.find_dates,
]


@pytest.mark.parametrize("f", TEXT_FUNCTIONS)
def test_lone_surrogate(f: Callable[[Any], Any]) -> None:
    with pytest.raises(nass.NassError, match="lone surrogate U\\+DC80 at index 3"):
        f("abc\udc80def")
    assert issubclass(nass.NassError, ValueError)


@pytest.mark.parametrize("f", TEXT_FUNCTIONS)
@pytest.mark.parametrize("bad", [None, b"bytes", 3, ["list"]])
def test_not_a_str(f: Callable[[Any], Any], bad: Any) -> None:
    with pytest.raises(nass.NassTypeError, match="must be str, not"):
        f(bad)
    assert issubclass(nass.NassTypeError, TypeError)


def test_bytes_message_says_to_decode() -> None:
    with pytest.raises(nass.NassTypeError, match=r"text must be str, not bytes \(decode"):
        nass.normalize(b"\xd8\xa8")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "batch",
    [
        nass.Normalizer().normalize_batch,
        nass.tokenize_batch,
        nass.tokenize_strings_batch,
    ],
)
def test_bad_batches(batch: Callable[[Any], Any]) -> None:
    with pytest.raises(nass.NassError, match=r"texts\[1\] contains a lone surrogate"):
        batch(["ok", "\ud800"])
    with pytest.raises(nass.NassTypeError, match=r"texts\[2\] must be str, not NoneType"):
        batch(["ok", "ok", None])
    with pytest.raises(nass.NassTypeError, match="sequence of str, not a single str"):
        batch("a string")
    with pytest.raises(nass.NassTypeError, match="sequence of str, not int"):
        batch(3)


def test_huge_string() -> None:
    # 28 Mi code points (52 MiB of UTF-8), past the size where the GIL is released.
    text = "كَتَبَ " * (1 << 22)
    out = nass.normalize(text)
    assert len(out) == 4 * (1 << 22)
    assert out[:8] == "كتب كتب "
    tokens = nass.tokenize(text)
    assert len(tokens) == 1 << 22
    assert (tokens[-1].start, tokens[-1].end) == (len(text) - 7, len(text) - 1)


def test_surrogate_pair_escapes_are_fine() -> None:
    # A character above U+FFFF is one code point in Python, and offsets count it once.
    text = "𝐀 بغداد"
    t = nass.tokenize(text)[1]
    assert (t.start, t.end) == (2, 7)
