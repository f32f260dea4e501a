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
ARABY_PAIRS["normalize_hamza_uniform"] = (nass.araby.normalize_hamza, pyarabic_araby.normalize_hamza)
ARABY_PAIRS["normalize_hamza_other_method"] = (
    lambda s: nass.araby.normalize_hamza(s, method="other"),
    lambda s: pyarabic_araby.normalize_hamza(s, method="other"),
)


def _digits_pair(source: str, out: str) -> Pair:
    def ours(s: str) -> str:
        return nass.araby.normalize_digits(s, source=source, out=out)

    def theirs(s: str) -> str:
        result: str = pyarabic_trans.normalize_digits(s, source=source, out=out)
        return result

    return ours, theirs


for _source in ["all", "west", "east", "persian"]:
    for _out in ["west", "east", "persian"]:
        ARABY_PAIRS[f"normalize_digits_{_source}_{_out}"] = _digits_pair(_source, _out)

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
    with pytest.raises(nass.NassError, match="unknown digit source 'roman'"):
        nass.araby.normalize_digits("١", source="roman")


# PyArabic's tokenizers, whose results are lists.
ListPair = tuple[Callable[[str], object], Callable[[str], object]]
TOKENIZER_PAIRS: dict[str, ListPair] = {
    name: (getattr(nass.araby, name), getattr(pyarabic_araby, name))
    for name in ["tokenize", "tokenize_with_location", "sentence_tokenize"]
}

# Words, marks and blanks that PyArabic's rules treat apart, glued in any order.
_PIECES = ["قال", "نعم", "مَدْرَسَةٌ", "it's", "x_1", "3.5", "١٢", "ـ", "\u0653", "\u0301",
           ".", ",", ":", ";", "?", "!", "،", "؟", "؛", "...", "\"", "(", ")",
           " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\xa0", "\u2003", "\u200c", "😀", "𝐀"]
piece_text = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)


@pytest.mark.parametrize("name", sorted(TOKENIZER_PAIRS))
def test_tokenizers_on_the_corpus(name: str, corpus_lines: list[str]) -> None:
    ours, theirs = TOKENIZER_PAIRS[name]
    for line in corpus_lines:
        assert ours(line) == theirs(line), line
    text = "\n".join(corpus_lines)
    assert ours(text) == theirs(text)


@pytest.mark.parametrize("name", sorted(TOKENIZER_PAIRS))
@settings(max_examples=400)
@given(text=st.one_of(peer_text, piece_text))
def test_tokenizers_on_generated_text(name: str, text: str) -> None:
    ours, theirs = TOKENIZER_PAIRS[name]
    assert ours(text) == theirs(text)
    # Past PyArabic's 32 sentence ends.
    assert ours(text * 12) == theirs(text * 12)


def test_token_classes_of_every_code_point() -> None:
    # Each character Python's Unicode version knows, between two letters: one word, two
    # words around a token, or two words (a deleted blank), as PyArabic says.
    for cp in range(0x110000):
        c = chr(cp)
        if not _assigned(c):
            continue
        text = "a" + c + "b"
        assert nass.araby.tokenize(text) == pyarabic_araby.tokenize(text), hex(cp)


def test_sentence_marks_of_every_code_point() -> None:
    for cp in range(0x110000):
        c = chr(cp)
        if not _assigned(c):
            continue
        for text in ("a" + c + " b", "a." + c + "b"):
            assert nass.araby.sentence_tokenize(text) == pyarabic_araby.sentence_tokenize(text), hex(cp)


def test_tokenize_conditions_and_morphs() -> None:
    text = "ذهبَ الولدُ إلى المدرسةِ Dog، و3 كتب"
    cases: list[tuple[object, object]] = [
        (pyarabic_araby.is_arabicrange, pyarabic_araby.strip_tashkeel),
        ([lambda t: t.startswith("ال"), lambda t: len(t) > 5], [str.upper, lambda t: t + "!"]),
        ([], [lambda t: ""]),
        (lambda t: t == "AB", str.upper),
    ]
    for conditions, morphs in cases:
        assert nass.araby.tokenize(text, conditions, morphs) == pyarabic_araby.tokenize(  # type: ignore[arg-type]
            text, conditions, morphs
        )


def test_tokenize_with_location_slices_back() -> None:
    text = "𝐀 قال: «نعم» 𝐀𝐀بغداد"
    for t in nass.araby.tokenize_with_location(text):
        start, end = t["start"], t["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert text[start:end] == t["token"]
