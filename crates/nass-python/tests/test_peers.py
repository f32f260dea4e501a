"""The drop-in modules against the real CAMeL Tools 1.6.0 and PyArabic 0.6.15, byte for
byte, on the corpus and on generated text."""

from __future__ import annotations

import unicodedata
from typing import Callable

import pytest
from hypothesis import given, settings, strategies as st

import nass.araby
import nass.camel
from conftest import arabic_text

camel_normalize = pytest.importorskip("camel_tools.utils.normalize")
camel_dediac = pytest.importorskip("camel_tools.utils.dediac")
camel_word = pytest.importorskip("camel_tools.tokenizers.word")
pyarabic_araby = pytest.importorskip("pyarabic.araby")
pyarabic_trans = pytest.importorskip("pyarabic.trans")


def _assigned(c: str) -> bool:
    # Characters Python's unicodedata (the peers' Unicode version) knows, and not the
    # information separators U+001C-U+001F, which str.split treats as whitespace.
    return unicodedata.category(c) not in ("Cn", "Cs") and not "\x1c" <= c <= "\x1f"


# Any assigned character, Arabic-heavy.
peer_text = st.one_of(
    arabic_text,
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cn")).filter(_assigned), max_size=30),
    st.lists(st.one_of(arabic_text, st.text(max_size=3).filter(lambda s: all(map(_assigned, s))))).map("".join),
)

Pair = tuple[Callable[[str], str], Callable[[str], str]]

CAMEL_PAIRS: dict[str, Pair] = {
    "normalize_unicode": (nass.camel.normalize_unicode, camel_normalize.normalize_unicode),
    "normalize_unicode_nfc": (
        lambda s: nass.camel.normalize_unicode(s, compatibility=False),
        lambda s: camel_normalize.normalize_unicode(s, compatibility=False),
    ),
    "dediac_ar": (nass.camel.dediac_ar, camel_dediac.dediac_ar),
    "normalize_alef_ar": (nass.camel.normalize_alef_ar, camel_normalize.normalize_alef_ar),
    "normalize_alef_maksura_ar": (
        nass.camel.normalize_alef_maksura_ar,
        camel_normalize.normalize_alef_maksura_ar,
    ),
    "normalize_teh_marbuta_ar": (
        nass.camel.normalize_teh_marbuta_ar,
        camel_normalize.normalize_teh_marbuta_ar,
    ),
}

ARABY_PAIRS: dict[str, Pair] = {
    name: (getattr(nass.araby, name), getattr(pyarabic_araby, name))
    for name in [
        "strip_tashkeel",
        "strip_harakat",
        "strip_shadda",
        "strip_diacritics",
        "strip_tatweel",
        "normalize_teh",
        "normalize_ligature",
    ]
}
ARABY_PAIRS["normalize_hamza_tasheel"] = (
    lambda s: nass.araby.normalize_hamza(s, method="tasheel"),
    lambda s: pyarabic_araby.normalize_hamza(s, method="tasheel"),
)


def _digits_pair(out: str) -> Pair:
    def ours(s: str) -> str:
        return nass.araby.normalize_digits(s, out=out)

    def theirs(s: str) -> str:
        result: str = pyarabic_trans.normalize_digits(s, out=out)
        return result

    return ours, theirs


for _out in ["west", "east", "persian"]:
    ARABY_PAIRS[f"normalize_digits_{_out}"] = _digits_pair(_out)

PAIRS = {**CAMEL_PAIRS, **ARABY_PAIRS}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_on_the_corpus(name: str, corpus_lines: list[str]) -> None:
    ours, theirs = PAIRS[name]
    for line in corpus_lines:
        assert ours(line) == theirs(line), line


@pytest.mark.parametrize("name", sorted(PAIRS))
@settings(max_examples=300)
@given(text=peer_text)
def test_on_generated_text(name: str, text: str) -> None:
    ours, theirs = PAIRS[name]
    assert ours(text) == theirs(text)


def test_camel_chain_equals_the_camel_preset(corpus_lines: list[str]) -> None:
    n = nass.Normalizer("camel")
    for line in corpus_lines:
        s = camel_normalize.normalize_unicode(line)
        s = camel_dediac.dediac_ar(s)
        s = camel_normalize.normalize_alef_ar(s)
        s = camel_normalize.normalize_alef_maksura_ar(s)
        s = camel_normalize.normalize_teh_marbuta_ar(s)
        assert n.normalize(line) == s


# Tokenizing: emoji are left out of generated text (see simple_word_tokenize's docs).
def _no_emoji(c: str) -> bool:
    return _assigned(c) and unicodedata.category(c) != "So" and not 0x1F000 <= ord(c) <= 0x1FAFF


token_text = st.one_of(
    arabic_text,
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cn")).filter(_no_emoji), max_size=30),
    st.lists(
        st.one_of(
            arabic_text,
            st.sampled_from(["3.5", "٢٬٥٠٠", "https://example.com/a?b=1", "info@example.com",
                             "#العراق", "@nass_bot", "2021م", "بـ\"تقييم", " ـ ", "COVID19"]),
        )
    ).map(" ".join),
)


@pytest.mark.parametrize("split_digits", [False, True])
def test_simple_word_tokenize_on_the_corpus(split_digits: bool, corpus_lines: list[str]) -> None:
    for line in corpus_lines:
        assert nass.camel.simple_word_tokenize(line, split_digits) == camel_word.simple_word_tokenize(
            line, split_digits
        ), line


@pytest.mark.parametrize("split_digits", [False, True])
@settings(max_examples=500)
@given(text=token_text)
def test_simple_word_tokenize_on_generated_text(split_digits: bool, text: str) -> None:
    assert nass.camel.simple_word_tokenize(text, split_digits) == camel_word.simple_word_tokenize(
        text, split_digits
    )


def test_unprovided_modes_say_so() -> None:
    with pytest.raises(nass.NassError, match="method='tasheel'"):
        nass.araby.normalize_hamza("سؤال")
    with pytest.raises(nass.NassError, match="source='all'"):
        nass.araby.normalize_digits("١", source="east")
