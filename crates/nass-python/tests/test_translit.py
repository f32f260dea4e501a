"""Transliteration: nass.Transliterator and friends, and the CAMeL Tools drop-ins
nass.camel.CharMapper and nass.camel.Transliterator against the real CAMeL Tools 1.6.0."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import given, settings, strategies as st

import nass
import nass.camel
from conftest import any_text, arabic_text

SCHEMES = ["bw", "safebw", "xmlbw", "hsb"]

# The published Buckwalter table (Buckwalter 2002), some entries checked by hand: the
# letters that are punctuation in Buckwalter and their Safe and XML replacements, and
# the HSB letters of Habash, Soudi and Buckwalter (2007).
BY_HAND = [
    ("bw", "شذى", "$*Y"),
    ("bw", "أإآؤئء", "><|&}'"),
    ("bw", "مَدْرَسَةٌ", "madorasapN"),
    ("bw", "ـٰٱ", "_`{"),
    ("safebw", "شذى", "cVY"),
    ("safebw", "أإآؤئء", "OIMWQC"),
    ("xmlbw", "أإآؤئء", "OI|W}'"),
    ("xmlbw", "شذ", "$*"),
    ("hsb", "شذثظعغ", "šðθĎςγ"),
    ("hsb", "ةى", "ħý"),
]


@pytest.mark.parametrize("scheme,arabic,latin", BY_HAND)
def test_tables_checked_by_hand(scheme: str, arabic: str, latin: str) -> None:
    assert nass.transliterate(arabic, scheme) == latin  # type: ignore[arg-type]
    assert nass.transliterate(latin, scheme, to_arabic=True) == arabic  # type: ignore[arg-type]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_table_is_a_bijection_of_51(scheme: str) -> None:
    table = nass.transliteration_table(scheme)  # type: ignore[arg-type]
    assert len(table) == 51
    assert len(set(table.values())) == 51
    t = nass.Transliterator(scheme)  # type: ignore[arg-type]
    back = nass.Transliterator(scheme, to_arabic=True)  # type: ignore[arg-type]
    for arabic, latin in table.items():
        assert t.transliterate(arabic) == latin
        assert back.transliterate(latin) == arabic


def _repertoire(scheme: str, side: str) -> st.SearchStrategy[str]:
    table = nass.transliteration_table(scheme)  # type: ignore[arg-type]
    chars = sorted(table) if side == "arabic" else sorted(table.values())
    return st.lists(st.sampled_from(chars + [" ", "\n", "1", "،"]), max_size=40).map("".join)


@pytest.mark.parametrize("scheme", SCHEMES)
@given(data=st.data())
def test_round_trips(scheme: str, data: st.DataObject) -> None:
    there = nass.Transliterator(scheme)  # type: ignore[arg-type]
    back = nass.Transliterator(scheme, to_arabic=True)  # type: ignore[arg-type]
    arabic = data.draw(_repertoire(scheme, "arabic"))
    assert back.transliterate(there.transliterate(arabic)) == arabic
    latin = data.draw(_repertoire(scheme, "latin"))
    assert there.transliterate(back.transliterate(latin)) == latin


@given(text=st.one_of(arabic_text, any_text))
def test_every_character_is_mapped_alone(text: str) -> None:
    # One character in, one character out: the result is the characters mapped one by
    # one, and every span maps back to the same span.
    for scheme in SCHEMES:
        t = nass.Transliterator(scheme)  # type: ignore[arg-type]
        out = t.transliterate(text)
        assert out == "".join(t.transliterate(c) for c in text)
        assert len(out) == len(text)
        result, alignment = t.transliterate_aligned(text)
        assert result == out
        assert alignment.original_len == alignment.normalized_len == len(text)
        for i in range(len(text)):
            assert alignment.original_range(i, i + 1) == (i, i + 1)


def test_unchanged_text_is_the_same_object() -> None:
    text = "no Arabic here"
    assert nass.Transliterator("bw").transliterate(text) is text
    batch = nass.Transliterator("bw").transliterate_batch([text, "سلام"])
    assert batch[0] is text and batch[1] == "slAm"


def test_batch_equals_one_at_a_time(corpus_lines: list[str]) -> None:
    lines = corpus_lines * 20  # several chunks, so that the batch runs on threads
    for scheme in SCHEMES:
        t = nass.Transliterator(scheme)  # type: ignore[arg-type]
        expected = [t.transliterate(line) for line in lines]
        old = nass.get_num_threads()
        try:
            for threads in (1, 2, 4):
                nass.set_num_threads(threads)
                assert t.transliterate_batch(lines) == expected
                assert t.transliterate_batch(iter(lines)) == expected
        finally:
            nass.set_num_threads(old)


def test_aligned_spans_slice_the_corpus_back(corpus_lines: list[str]) -> None:
    t = nass.Transliterator("hsb")
    for line in corpus_lines:
        out, alignment = t.transliterate_aligned(line)
        words = out.split(" ")
        at = 0
        for w in words:
            start, end = alignment.original_range(at, at + len(w))
            assert t.transliterate(line[start:end]) == w
            at += len(w) + 1


def test_pickle_equality_and_repr() -> None:
    for scheme in SCHEMES:
        for to_arabic in (False, True):
            t = nass.Transliterator(scheme, to_arabic=to_arabic)  # type: ignore[arg-type]
            u = pickle.loads(pickle.dumps(t))
            assert u == t and hash(u) == hash(t)
            assert (u.scheme, u.to_arabic) == (scheme, to_arabic)
            assert eval(repr(t), {"Transliterator": nass.Transliterator}) == t
    assert nass.Transliterator("bw") != nass.Transliterator("bw", to_arabic=True)
    assert nass.Transliterator("bw") != nass.Transliterator("hsb")
    assert nass.Transliterator("bw") != "bw"


def test_arrow() -> None:
    pa = pytest.importorskip("pyarrow")
    rows = ["كتاب", None, "", "قالَ"]
    for typ in (pa.string(), pa.large_string()):
        out = nass.transliterate_arrow(pa.array(rows, type=typ))
        assert out.type == typ
        assert out.to_pylist() == ["ktAb", None, "", "qAla"]
    chunked = pa.chunked_array([["كتاب"], [None, "شمس"]])
    back = nass.Transliterator("hsb")
    assert nass.transliterate_arrow(chunked, back).to_pylist() == ["ktAb", None, "šms"]


def test_bad_input() -> None:
    t = nass.Transliterator("bw")
    for bad in (None, b"ktAb", 3):
        with pytest.raises(nass.NassTypeError, match="text must be str, not "):
            t.transliterate(bad)  # type: ignore[arg-type]
    with pytest.raises(nass.NassError, match="lone surrogate U\\+D800 at index 1"):
        t.transliterate("س\ud800")
    with pytest.raises(nass.NassError, match=r"texts\[1\] contains a lone surrogate"):
        t.transliterate_batch(["س", "\udfff"])
    with pytest.raises(nass.NassTypeError, match=r"texts\[1\]"):
        t.transliterate_batch(["س", None])  # type: ignore[list-item]
    with pytest.raises(nass.NassTypeError):
        t.transliterate_batch("سلام")
    with pytest.raises(nass.NassError, match="bw"):
        nass.Transliterator("buckwalter")  # type: ignore[arg-type]
    with pytest.raises(nass.NassError):
        nass.transliteration_table("latin")  # type: ignore[arg-type]


# The drop-ins against CAMeL Tools.

camel_charmap = pytest.importorskip("camel_tools.utils.charmap")
camel_translit = pytest.importorskip("camel_tools.utils.transliterate")

BUILTINS = sorted(camel_charmap.CharMapper.BUILTIN_CHARMAPS - {"arclean"})


def test_the_builtin_maps_are_camels() -> None:
    assert set(BUILTINS) == nass.camel.CharMapper.BUILTIN_CHARMAPS
    assert len(BUILTINS) == 20


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_maps_on_every_character(name: str) -> None:
    ours = nass.camel.CharMapper.builtin_mapper(name)
    theirs = camel_charmap.CharMapper.builtin_mapper(name)
    chars = [chr(c) for c in range(0x10000)] + ["\U0001f600", "\U00010000"]
    assert [ours(c) for c in chars] == [theirs(c) for c in chars]


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_maps_on_the_corpus(name: str, corpus_lines: list[str]) -> None:
    ours = nass.camel.CharMapper.builtin_mapper(name)
    theirs = camel_charmap.CharMapper.builtin_mapper(name)
    for line in corpus_lines:
        assert ours.map_string(line) == theirs.map_string(line)


@settings(max_examples=50)
@given(text=st.one_of(arabic_text, any_text, st.text(max_size=30)))
def test_builtin_maps_on_generated_text(text: str) -> None:
    for name in BUILTINS:
        assert nass.camel.CharMapper.builtin_mapper(name)(text) == camel_charmap.CharMapper.builtin_mapper(name)(text)


def test_arclean_is_not_provided_and_says_so() -> None:
    with pytest.raises(nass.camel.BuiltinCharMapNotFoundError, match="arclean") as e:
        nass.camel.CharMapper.builtin_mapper("arclean")
    assert isinstance(e.value, ValueError) and isinstance(e.value, nass.NassError)
    assert e.value.map_name == "arclean"
    with pytest.raises(nass.camel.BuiltinCharMapNotFoundError, match="ar2latin"):
        nass.camel.CharMapper.builtin_mapper("ar2latin")
    with pytest.raises(camel_charmap.BuiltinCharMapNotFoundError):
        camel_charmap.CharMapper.builtin_mapper("ar2latin")


_key = st.one_of(
    st.characters(codec="utf-8"),
    st.tuples(st.characters(max_codepoint=0x700), st.characters(max_codepoint=0x700)).map(lambda p: f"{p[0]}-{p[1]}"),
)
_value = st.one_of(st.none(), st.text(max_size=3))


@given(
    charmap=st.dictionaries(_key, _value, max_size=8),
    default=st.one_of(st.none(), st.text(max_size=2)),
    text=st.one_of(arabic_text, st.text(alphabet=st.characters(max_codepoint=0x700), max_size=30)),
)
def test_user_maps_equal_camels(charmap: dict[str, Optional[str]], default: Optional[str], text: str) -> None:
    try:
        theirs = camel_charmap.CharMapper(charmap, default=default)
    except ValueError:
        with pytest.raises(nass.camel.InvalidCharMapKeyError):
            nass.camel.CharMapper(charmap, default=default)
        return
    assert nass.camel.CharMapper(charmap, default=default)(text) == theirs(text)


BAD_MAPS: list[tuple[Any, Any, type]] = [
    (["a"], None, TypeError),
    ({"a": 1}, None, TypeError),
    ({1: "a"}, None, TypeError),
    ({"a": "b"}, 5, TypeError),
    ({"ab": "x"}, None, ValueError),
    ({"c-a": "x"}, None, ValueError),
    ({"a-a": "x"}, None, ValueError),
    ({"": "x"}, None, ValueError),
]


@pytest.mark.parametrize("charmap,default,error", BAD_MAPS)
def test_bad_maps_raise_what_camel_raises(charmap: Any, default: Any, error: type) -> None:
    with pytest.raises(error):
        camel_charmap.CharMapper(charmap, default=default)
    with pytest.raises(error) as e:
        nass.camel.CharMapper(charmap, default=default)
    assert isinstance(e.value, (nass.NassError, nass.NassTypeError))
    if isinstance(e.value, nass.camel.InvalidCharMapKeyError):
        assert e.value.key == next(iter(charmap))


def test_map_string_takes_only_str() -> None:
    for mapper in (nass.camel.CharMapper.builtin_mapper("ar2bw"), nass.camel.CharMapper({"a": "b"})):
        with pytest.raises(nass.NassTypeError):
            mapper.map_string(None)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            mapper(b"abc")  # type: ignore[arg-type]


def test_mapper_from_json(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"charMap": {"ا-ي": "*", "ب": None, "،": ","}, "default": None}), encoding="utf-8")
    text = "كتب، بيت 12"
    theirs = camel_charmap.CharMapper.mapper_from_json(str(path))(text)
    assert nass.camel.CharMapper.mapper_from_json(str(path))(text) == theirs == "**ب, ب** 12"
    assert nass.camel.CharMapper.mapper_from_json(path)(text) == theirs


_MARKERS = ["@@IGNORE@@", "#", "ـ", "xx"]
_marked_text = st.lists(
    st.one_of(
        st.sampled_from(_MARKERS + [" ", "\t", "\n", "\u00a0", "\u2003"]),
        arabic_text,
        st.text(alphabet="abx#@", max_size=4),
    ),
    max_size=12,
).map("".join)


@given(text=_marked_text, marker=st.sampled_from(_MARKERS), strip=st.booleans(), ignore=st.booleans())
def test_transliterator_equals_camels(text: str, marker: str, strip: bool, ignore: bool) -> None:
    for name in ("ar2bw", "ar2hsb", "bw2ar"):
        theirs = camel_translit.Transliterator(camel_charmap.CharMapper.builtin_mapper(name), marker)
        ours = nass.camel.Transliterator(nass.camel.CharMapper.builtin_mapper(name), marker)
        assert ours.transliterate(text, strip, ignore) == theirs.transliterate(text, strip, ignore)


def test_transliterator_on_the_corpus(corpus_lines: list[str]) -> None:
    theirs = camel_translit.Transliterator(camel_charmap.CharMapper.builtin_mapper("ar2safebw"))
    ours = nass.camel.Transliterator(nass.camel.CharMapper.builtin_mapper("ar2safebw"))
    for line in corpus_lines:
        marked = " ".join("@@IGNORE@@" + w if i % 3 == 0 else w for i, w in enumerate(line.split(" ")))
        for strip in (False, True):
            for ignore in (False, True):
                assert ours.transliterate(marked, strip, ignore) == theirs.transliterate(marked, strip, ignore)


def test_transliterator_bad_arguments() -> None:
    ours = nass.camel.CharMapper.builtin_mapper("ar2bw")
    theirs = camel_charmap.CharMapper.builtin_mapper("ar2bw")
    # Each raises in nass and in CAMeL; a mapper of the other library is not a CharMapper.
    for marker, error in [(3, TypeError), ("", ValueError), ("a b", ValueError), ("a\u2003", ValueError)]:
        with pytest.raises(error):
            nass.camel.Transliterator(ours, marker)  # type: ignore[arg-type]
        with pytest.raises(error):
            camel_translit.Transliterator(theirs, marker)
    with pytest.raises(nass.NassTypeError):
        nass.camel.Transliterator(theirs)
    with pytest.raises(TypeError):
        camel_translit.Transliterator(ours)


camel_normalize = pytest.importorskip("camel_tools.utils.normalize")
camel_dediac = pytest.importorskip("camel_tools.utils.dediac")

SCHEME_FUNCTIONS = [
    (module, f"{fold}_{scheme}")
    for scheme in SCHEMES
    for module, fold in [
        (camel_dediac, "dediac"),
        (camel_normalize, "normalize_alef"),
        (camel_normalize, "normalize_alef_maksura"),
        (camel_normalize, "normalize_teh_marbuta"),
    ]
]


@pytest.mark.parametrize("module,name", SCHEME_FUNCTIONS, ids=[n for _, n in SCHEME_FUNCTIONS])
def test_scheme_folds_on_every_character(module: Any, name: str) -> None:
    ours, theirs = getattr(nass.camel, name), getattr(module, name)
    chars = [chr(c) for c in range(0x10000)]
    assert [ours(c) for c in chars] == [theirs(c) for c in chars]


@pytest.mark.parametrize("module,name", SCHEME_FUNCTIONS, ids=[n for _, n in SCHEME_FUNCTIONS])
def test_scheme_folds_on_the_corpus(module: Any, name: str, corpus_lines: list[str]) -> None:
    ours, theirs = getattr(nass.camel, name), getattr(module, name)
    scheme = name.rsplit("_", 1)[1]
    t = nass.Transliterator(scheme)  # type: ignore[arg-type]
    for line in corpus_lines:
        text = t.transliterate(line)
        assert ours(text) == theirs(text)


@settings(max_examples=50)
@given(data=st.data())
def test_scheme_folds_on_generated_text(data: st.DataObject) -> None:
    for module, name in SCHEME_FUNCTIONS:
        scheme = name.rsplit("_", 1)[1]
        text = data.draw(st.one_of(_repertoire(scheme, "latin"), any_text))
        assert getattr(nass.camel, name)(text) == getattr(module, name)(text), name
