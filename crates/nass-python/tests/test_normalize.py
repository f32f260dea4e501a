from __future__ import annotations

import pickle

import pytest
from hypothesis import given

import nass
from conftest import any_text, arabic_text


def test_presets_on_hand_checked_text() -> None:
    # وَصَلَ الوفدُ إلى بغـــداد: diacritics and tatweel go, ى -> ي (search folds every letter).
    assert nass.normalize("وَصَلَ الوفدُ إلى بغـــداد") == "وصل الوفد الي بغداد"
    # camel: harakat removed, ة -> ه, أ -> ا, tatweel kept.
    assert nass.Normalizer("camel").normalize("أَكَلَ الطّفلُ تفاحةً بـ") == "اكل الطفل تفاحه بـ"
    # lucene: no Unicode normalization; tatweel removed.
    assert nass.Normalizer("lucene").normalize("إِلـى") == "الي"
    # display keeps diacritics, removes tatweel.
    assert nass.Normalizer("display").normalize("كَـتَبَ") == "كَتَبَ"


def test_options_override_the_preset() -> None:
    text = "مَدْرَسَةٌ ٣٤"
    assert nass.Normalizer("search", diacritics="none").normalize(text) == "مَدْرَسَهٌ 34"
    assert nass.Normalizer("search", digits="none").normalize(text) == "مدرسه ٣٤"
    assert nass.Normalizer("search", digits="none", all_digits=False).normalize(text) == "مدرسه ٣٤"
    assert nass.Normalizer("camel", digits="arabic").normalize("12") == "١٢"
    keep_shadda = nass.Normalizer("search", keep_diacritics=["shadda"])
    assert keep_shadda.normalize("محمّدٌ") == "محمّد"
    assert nass.Normalizer("search", letters=["alef_hamza"]).normalize("أمةى") == "امةى"
    assert nass.Normalizer("search", tatweel=False).normalize("بـ") == "بـ"


def test_unknown_names_are_nass_errors() -> None:
    with pytest.raises(nass.NassError, match="unknown preset 'solr'"):
        nass.Normalizer("solr")
    with pytest.raises(nass.NassError, match="unknown letter fold 'alif'"):
        nass.Normalizer(letters=["alif"])
    with pytest.raises(nass.NassError, match="unknown Unicode form"):
        nass.Normalizer(unicode="nfd")
    with pytest.raises(nass.NassError):
        nass.Normalizer(digits="roman")
    with pytest.raises(nass.NassError, match="unknown preset"):
        nass.normalize("x", preset="nope")


def test_unchanged_text_is_returned_as_is() -> None:
    text = "hello world"
    assert nass.normalize(text) is text
    assert nass.Normalizer().normalize_batch([text])[0] is text


def test_batch_equals_one_by_one(corpus_lines: list[str]) -> None:
    for preset in ["search", "camel", "lucene", "display"]:
        n = nass.Normalizer(preset)
        assert n.normalize_batch(corpus_lines) == [n.normalize(line) for line in corpus_lines]
    # A batch large enough to be split over threads.
    big = corpus_lines * 40
    nass.set_num_threads(4)
    try:
        assert nass.Normalizer().normalize_batch(big) == [nass.normalize(line) for line in big]
    finally:
        nass.set_num_threads(0)


def test_batch_takes_any_iterable() -> None:
    n = nass.Normalizer("camel")
    assert n.normalize_batch(iter(["مكتبةٌ", "إلى"])) == ["مكتبه", "الي"]
    assert n.normalize_batch(("إلى",)) == ["الي"]
    assert n.normalize_batch([]) == []


@given(arabic_text)
def test_normalizing_is_idempotent(text: str) -> None:
    # Not camel: it is CAMeL's chain byte for byte, which is not idempotent where a folded
    # letter comes before a combining hamza or madda.
    for preset in ["search", "lucene", "display"]:
        n = nass.Normalizer(preset)
        once = n.normalize(text)
        assert n.normalize(once) == once


@given(arabic_text)
def test_aligned_text_equals_normalize(text: str) -> None:
    n = nass.Normalizer()
    norm, alignment = n.normalize_aligned(text)
    assert norm == n.normalize(text)
    assert alignment.original_len == len(text)
    assert alignment.normalized_len == len(norm)


@given(arabic_text)
def test_alignment_maps_each_token_to_a_span_that_normalizes_to_it(text: str) -> None:
    n = nass.Normalizer()
    norm, alignment = n.normalize_aligned(text)
    for token in nass.tokenize(norm):
        start, end = alignment.original_range(token.start, token.end)
        assert 0 <= start <= end <= len(text)
        # The original span, normalized, contains the token it maps from.
        assert token.text in n.normalize(text[start:end])


def test_alignment_on_hand_checked_text() -> None:
    text = "وقالَ المتحدِّثُ"
    norm, alignment = nass.Normalizer().normalize_aligned(text)
    assert norm == "وقال المتحدث"
    assert alignment.original_range(5, 12) == (6, 16)
    assert text[6:16] == "المتحدِّثُ"
    assert alignment.original_offset(5) == 6
    # Bytes only where asked: "المتحدث" is bytes 9..23 of the normalized text.
    start, end = alignment.original_byte_range(9, 23)
    assert text.encode()[start:end].decode() == "المتحدِّثُ"


@given(any_text)
def test_any_text_normalizes_without_error(text: str) -> None:
    for preset in ["search", "camel", "lucene", "display"]:
        assert isinstance(nass.normalize(text, preset=preset), str)


def test_normalizer_pickles_to_its_arguments() -> None:
    n = nass.Normalizer("camel", digits="arabic", letters=["teh_marbuta"], tatweel=True)
    m = pickle.loads(pickle.dumps(n))
    assert repr(m) == repr(n) == (
        "Normalizer('camel', letters=['teh_marbuta'], tatweel=True, digits='arabic')"
    )
    text = "مدرسةٌ إلى بـ 12"
    assert m.normalize(text) == n.normalize(text) == "مدرسه إلى ب ١٢"
    assert m.preset == "camel"


def test_uniform_hamza_option() -> None:
    # Every hamza form and carrier to ء; آ at the start of a three-letter word to ءا.
    n = nass.Normalizer("display", unicode="none", invisibles=False, tatweel=False, hamza="uniform")
    assert n.normalize("سؤال الأئمة عن آدم وآجلا") == "سءال الءءمة عن ءادم وءءجلا"
    assert "hamza='uniform'" in repr(n)
    assert pickle.loads(pickle.dumps(n)).normalize("أ") == "ء"
    with pytest.raises(nass.NassError, match="unknown hamza fold"):
        nass.Normalizer(hamza="soft")
