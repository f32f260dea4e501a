from __future__ import annotations

import pickle

from hypothesis import given

import nass
from conftest import any_text, arabic_text


def test_tokens_on_hand_checked_text() -> None:
    text = "وصلَ الوفدُ إلى بغـداد، الساعة 3.5 مساءً 🇮🇶"
    tokens = nass.tokenize(text)
    assert [(t.text, t.kind) for t in tokens] == [
        ("وصلَ", "arabic_word"),
        ("الوفدُ", "arabic_word"),
        ("إلى", "arabic_word"),
        ("بغـداد", "arabic_word"),
        ("،", "punctuation"),
        ("الساعة", "arabic_word"),
        ("3.5", "number"),
        ("مساءً", "arabic_word"),
        ("🇮🇶", "emoji"),
    ]
    # Code-point offsets: وصلَ is 4 code points, then a space.
    assert (tokens[0].start, tokens[0].end) == (0, 4)
    assert (tokens[1].start, tokens[1].end) == (5, 11)
    # The flag is two code points (regional indicators) at the very end.
    assert (tokens[-1].start, tokens[-1].end) == (len(text) - 2, len(text))


def test_norm_comes_from_the_normalizer() -> None:
    tokens = nass.tokenize("قالَ المتحدِّثُ", normalize="search")
    assert [t.norm for t in tokens] == ["قال", "المتحدث"]
    tokens = nass.tokenize("مدرسةٌ", normalize=nass.Normalizer("camel"))
    assert tokens[0].norm == "مدرسه"
    assert nass.tokenize("مدرسةٌ")[0].norm == "مدرسةٌ"


@given(any_text)
def test_offsets_slice_back_to_the_token_text(text: str) -> None:
    previous_end = 0
    for t in nass.tokenize(text):
        assert text[t.start : t.end] == t.text
        assert previous_end <= t.start < t.end
        previous_end = t.end


@given(arabic_text)
def test_tokens_cover_everything_but_whitespace(text: str) -> None:
    tokens = nass.tokenize(text)
    covered: set[int] = set()
    for t in tokens:
        covered.update(range(t.start, t.end))
    for i, c in enumerate(text):
        if i not in covered:
            assert c.isspace(), (text, i)


def test_offsets_slice_back_on_the_corpus(corpus_lines: list[str]) -> None:
    for line in corpus_lines:
        for t in nass.tokenize(line):
            assert line[t.start : t.end] == t.text


def test_batch_equals_one_by_one(corpus_lines: list[str]) -> None:
    big = corpus_lines * 30
    assert nass.tokenize_batch(big, normalize="camel") == [
        nass.tokenize(line, normalize="camel") for line in big
    ]
    assert nass.tokenize_strings_batch(big) == [
        [t.text for t in nass.tokenize(line)] for line in big
    ]


def test_tokens_compare_and_pickle() -> None:
    t = nass.tokenize("بغداد")[0]
    assert t == nass.Token("بغداد", "arabic_word", 0, 5, "بغداد")
    assert pickle.loads(pickle.dumps(t)) == t
    assert repr(t) == "Token(text='بغداد', kind='arabic_word', start=0, end=5, norm='بغداد')"
