"""How strings cross between Python and Rust: a str is copied out as UTF-32 and made
from UTF-32 (not through UTF-8 codecs), and tokens are slices of the input str. These
properties check that path against pure-Python oracles on any text, astral characters,
ASCII-only and empty strings, and lone surrogates."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import pytest

import nass
from conftest import any_text, arabic_text

# Folds ة only: the result of any text is known without nass.
TEH = nass.Normalizer(
    "display",
    unicode="none",
    letters="teh_marbuta",
    diacritics="none",
    tatweel=False,
    invisibles=False,
    digits="none",
)

astral_text = st.text(
    alphabet=st.sampled_from(["𝐀", "😀", "𓂀", "ة", "ب", "a", " ", "\U0010fffd", "\x00"]),
    max_size=30,
)
ascii_text = st.text(alphabet=st.characters(max_codepoint=127), max_size=40)
# Code points at the edges of UTF-8's one-, two-, three- and four-byte forms, in any
# order: four code points below U+0800 are encoded at a time, the others one by one.
edge_text = st.text(
    alphabet=st.sampled_from(
        ["\x00", "\x7f", "\x80", "é", "ة", "\u07ff", "\u0800", "\ufffd", "\uffff", "\U00010000", "\U0010ffff"]
    ),
    max_size=40,
)
# Runs of code points below U+0800 (ASCII and two-byte forms), long enough for the eight
# at a time of the vector encoder, with at times a longer form among them.
short_forms_text = st.lists(
    st.one_of(
        st.text(alphabet=st.sampled_from(["\x00", " ", "a", "\x7f", "\x80", "é", "ة", "ب", "\u07ff"]), min_size=1, max_size=20),
        st.sampled_from(["\u0800", "\uffff", "\U0001f600"]),
    ),
    max_size=8,
).map("".join)


@given(st.one_of(any_text, astral_text, ascii_text, arabic_text, edge_text, short_forms_text))
def test_changed_text_comes_back_exactly(text: str) -> None:
    # "ة" at both ends forces a new str (the UTF-32 copy back) for every text.
    text = "ة" + text + "ة"
    out = TEH.normalize(text)
    expected = text.replace("ة", "ه")
    assert out == expected
    assert hash(out) == hash(expected)
    assert TEH.normalize_batch([text, "", text[1:]]) == [expected, "", expected[1:]]


@given(st.lists(st.one_of(any_text, astral_text, ascii_text, edge_text, short_forms_text), max_size=8))
def test_batch_equals_one_by_one_on_any_text(texts: list[str]) -> None:
    for preset in ("search", "camel"):
        n = nass.Normalizer(preset)
        assert n.normalize_batch(texts) == [n.normalize(t) for t in texts]
    assert nass.tokenize_strings_batch(texts) == [nass.tokenize_strings(t) for t in texts]


@given(st.one_of(any_text, astral_text, arabic_text))
def test_token_strings_are_the_token_texts(text: str) -> None:
    tokens = nass.tokenize(text)
    strings = nass.tokenize_strings(text)
    assert strings == [t.text for t in tokens]
    assert strings == [text[t.start : t.end] for t in tokens]


def test_unchanged_text_is_the_same_object() -> None:
    text = "بغداد"
    assert TEH.normalize(text) is text
    assert TEH.normalize_batch([text])[0] is text


def test_empty_strings() -> None:
    assert TEH.normalize("") == ""
    assert nass.normalize("") == ""
    assert nass.tokenize_strings("") == []
    assert nass.Normalizer().normalize_batch(["", ""]) == ["", ""]
    assert nass.tokenize_strings_batch([]) == []


def test_large_batches_equal_one_by_one(corpus_lines: list[str]) -> None:
    # Several chunks of a batch (a chunk is about 64 Ki code points) and several threads.
    lines = corpus_lines * 60
    n = nass.Normalizer("camel")
    nass.set_num_threads(3)
    try:
        assert n.normalize_batch(lines) == [n.normalize(t) for t in lines]
        assert nass.tokenize_strings_batch(lines) == [nass.tokenize_strings(t) for t in lines]
    finally:
        nass.set_num_threads(0)


@given(
    st.one_of(any_text, edge_text, short_forms_text),
    st.one_of(any_text, edge_text, short_forms_text),
    st.integers(0xD800, 0xDFFF),
)
def test_lone_surrogates_are_nass_errors(a: str, b: str, code: int) -> None:
    text = a + chr(code) + b
    message = f"lone surrogate U\\+{code:04X} at index {len(a)}"
    for f in (TEH.normalize, nass.normalize, nass.tokenize_strings, nass.tokenize):
        with pytest.raises(nass.NassError, match=message):
            f(text)
    for g in (TEH.normalize_batch, nass.tokenize_strings_batch, nass.tokenize_batch):
        with pytest.raises(nass.NassError, match=f"texts\\[2\\] contains a {message}"):
            g(["ok", a, text, "ok"])


def test_surrogate_in_a_later_chunk_names_its_index(corpus_lines: list[str]) -> None:
    lines = corpus_lines * 60 + ["\udfff"]
    with pytest.raises(nass.NassError, match=f"texts\\[{len(lines) - 1}\\] contains"):
        nass.Normalizer().normalize_batch(lines)


def test_str_subclasses_are_read() -> None:
    class Text(str):
        pass

    assert TEH.normalize(Text("مدرسة")) == "مدرسه"
    assert nass.tokenize_strings(Text("قال: نعم")) == ["قال", ":", "نعم"]


def test_repeated_token_texts_are_one_object() -> None:
    # Within one batch call, a token text met again is the str made the first time.
    out = nass.tokenize_strings_batch(["قال الوزير: نعم", "نعم، قال"])
    assert out == [["قال", "الوزير", ":", "نعم"], ["نعم", "،", "قال"]]
    assert out[1][0] is out[0][3]
    assert out[1][2] is out[0][0]


def test_token_texts_past_the_interning_bounds() -> None:
    # Texts longer than 32 code points are not kept, nor more than 65 536 texts: both
    # still come back right.
    long_word = "ب" * 40
    many = [" ".join(str(i) for i in range(k, k + 1000)) for k in range(0, 70_000, 1000)]
    texts = [long_word, long_word + " " + long_word] + many + many[:3]
    out = nass.tokenize_strings_batch(texts)
    assert out[0] == [long_word]
    assert out[1] == [long_word, long_word]
    assert out[2:] == [t.split(" ") for t in many + many[:3]]


vocabulary = st.sampled_from(["قال", "نعم", "ة", "𝐀", "a", "قالت", "3.5", ":", "  ", "\x00"])


@given(st.lists(st.lists(vocabulary, max_size=12).map(" ".join), max_size=10))
def test_batch_with_repeated_tokens_equals_one_by_one(texts: list[str]) -> None:
    assert nass.tokenize_strings_batch(texts) == [nass.tokenize_strings(t) for t in texts]


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_the_first_bad_item_in_order_is_named(corpus_lines: list[str], threads: int) -> None:
    # A lone surrogate in the first chunk (about 64 Ki code points), still on a worker
    # thread when a non-str item is read in the second chunk, is reported first; and a
    # generator is read the same.
    lines: list[Any] = list(corpus_lines * 60)
    lines[5] = "\udfff"
    size, k = 0, 0
    while size < 70_000:
        size += len(corpus_lines[k % len(corpus_lines)])
        k += 1
    lines[k] = b"bytes"
    nass.set_num_threads(threads)
    try:
        for f in (nass.Normalizer().normalize_batch, nass.tokenize_strings_batch):
            with pytest.raises(nass.NassError, match="texts\\[5\\] contains"):
                f(lines)
            with pytest.raises(nass.NassError, match="texts\\[5\\] contains"):
                f(x for x in lines)
            with pytest.raises(TypeError, match=f"texts\\[{k - 6}\\] must be str"):
                f(lines[6:])
    finally:
        nass.set_num_threads(0)


def test_generators_and_tuples_in_several_chunks(corpus_lines: list[str]) -> None:
    lines = corpus_lines * 60
    n = nass.Normalizer("camel")
    expected = [n.normalize(t) for t in lines]
    nass.set_num_threads(2)
    try:
        assert n.normalize_batch(x for x in lines) == expected
        assert n.normalize_batch(tuple(lines)) == expected
        assert nass.tokenize_strings_batch(iter(lines)) == [nass.tokenize_strings(t) for t in lines]
    finally:
        nass.set_num_threads(0)
