from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given

import nass
from conftest import arabic_text


TEXT = "وصل الوفدُ إلى بغـداد قادماً من واشنطن، وللعراق مع إيران حدودٌ طويلة."


def test_default_list_with_every_field() -> None:
    g = nass.Gazetteer()
    found = g.find(TEXT)
    assert [(m.text, m.clitics, m.name, m.type, m.kind) for m in found] == [
        ("بغـداد", "", "بغداد", "capital", "name"),
        ("واشنطن", "", "واشنطن", "capital", "name"),
        ("وللعراق", "ول", "العراق", "country", "name"),
        ("إيران", "", "إيران", "country", "name"),
    ]
    m = found[2]
    assert TEXT[m.start : m.end] == "وللعراق"
    assert TEXT[m.name_start : m.end] == "لعراق"
    assert TEXT[m.start : m.name_start] == m.clitics
    assert m.payload is None
    assert isinstance(m.variant, str)


def test_entries_with_payloads_files_and_adjectives(tmp_path: Path) -> None:
    tsv = tmp_path / "cities.tsv"
    tsv.write_text("# cities\nالموصل\tcity\tموصل|الحدباء\n", encoding="utf-8")
    jsonl = tmp_path / "people.jsonl"
    jsonl.write_text(
        json.dumps({"name": "نجيب محفوظ", "type": "person", "payload": {"born": 1911}},
                   ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    g = nass.Gazetteer(
        entries=[
            nass.Entry("كركوك", "city", variants=["كركوك الجديدة"], payload={"id": 3}),
            ("البصرة", "city"),
            {"name": "أربيل", "type": "city", "payload": [1, 2]},
        ],
        files=[tsv, str(jsonl)],
        default=False,
    )
    text = "من الحدباء إلى كركوك وبالبصرة وأربيل قرأ نجيبُ محفوظ"
    found = g.find(text)
    assert [(m.text, m.name, m.payload) for m in found] == [
        ("الحدباء", "الموصل", None),
        ("كركوك", "كركوك", {"id": 3}),
        ("وبالبصرة", "البصرة", None),
        ("وأربيل", "أربيل", [1, 2]),
        ("نجيبُ محفوظ", "نجيب محفوظ", {"born": 1911}),
    ]
    assert len(g) == 5
    adjectives = nass.Gazetteer(entries=[("العراق", "country")], default=False, adjectives=True)
    assert [(m.text, m.kind) for m in adjectives.find("الجيش العراقي")] == [
        ("العراقي", "adjective")
    ]


def test_gazetteer_pickles_with_its_names(tmp_path: Path) -> None:
    tsv = tmp_path / "g.tsv"
    tsv.write_text("الموصل\tcity\n", encoding="utf-8")
    g = nass.Gazetteer(entries=[nass.Entry("كركوك", "city", payload={"id": 3})], files=[tsv])
    data = pickle.dumps(g)
    tsv.unlink()  # the pickle holds the file's contents, not its path
    h = pickle.loads(data)
    text = TEXT + " والموصل وكركوك"
    assert [(m.start, m.end, m.name, m.payload) for m in h.find(text)] == [
        (m.start, m.end, m.name, m.payload) for m in g.find(text)
    ]
    assert len(h) == len(g)


def test_malformed_sources_are_nass_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "بغداد", "type": "capital"}\n{"name": \n', encoding="utf-8")
    with pytest.raises(nass.NassError, match=r"bad\.jsonl:2: invalid JSON"):
        nass.Gazetteer(files=[bad])
    latin1 = tmp_path / "latin1.tsv"
    latin1.write_bytes(b"caf\xe9\tplace\n")
    with pytest.raises(nass.NassError, match="not UTF-8"):
        nass.Gazetteer(files=[latin1])
    with pytest.raises(nass.NassError):
        nass.Gazetteer(entries=[("ـــ", "x")], default=False)  # normalizes to nothing
    with pytest.raises(nass.NassTypeError):
        nass.Gazetteer(entries=[("بغداد", 3)])  # type: ignore[list-item]
    with pytest.raises(nass.NassError, match="payload is not JSON"):
        nass.Gazetteer(entries=[nass.Entry("بغداد", "c", payload=object())])
    with pytest.raises(FileNotFoundError):
        nass.Gazetteer(files=[tmp_path / "missing.tsv"])


@given(arabic_text)
def test_match_offsets_slice_back(text: str) -> None:
    g = nass.Gazetteer()
    for m in g.find("بغداد " + text + " العراق", overlapping=True):
        t = "بغداد " + text + " العراق"
        assert t[m.start : m.end] == m.text
        assert t[m.start : m.name_start] == m.clitics


def _readings(g: nass.Gazetteer, text: str, overlapping: bool = False) -> list[tuple[object, ...]]:
    return [
        (m.start, m.end, m.name_start, m.text, m.name, m.type, m.kind, m.variant, m.clitics, m.payload)
        for m in g.find(text, overlapping=overlapping)
    ]


def test_saved_index_opens_to_the_same_gazetteer(tmp_path: Path) -> None:
    g = nass.Gazetteer(
        entries=[
            nass.Entry("الموصل", "city", variants=["موصل"], payload={"id": 7, "tags": ["شمال"]}),
            ("كركوك", "city"),
        ],
        adjectives=True,
    )
    path = tmp_path / "places.idx"
    g.save(path)
    assert path.read_bytes().startswith(b"nassgzix")
    h = nass.Gazetteer.open(path)
    text = TEXT + " والموصل وكركوك والجيش العراقي وبالموصل"
    assert len(h) == len(g)
    for overlapping in (False, True):
        assert _readings(h, text, overlapping) == _readings(g, text, overlapping)
    # The names hand-checked, so that the two cannot agree on nothing.
    assert [(m.text, m.name, m.kind) for m in h.find("والموصل والجيش العراقي")] == [
        ("والموصل", "الموصل", "name"),
        ("العراقي", "العراق", "adjective"),
    ]
    assert h.find("من الموصل")[0].payload == {"id": 7, "tags": ["شمال"]}
    assert repr(h) == f"Gazetteer(index={str(path)!r}, entries={len(g)})"
    # Saving replaces a file already there, and an opened index saves and pickles too.
    # The file h is mapped from is replaced, not rewritten: h reads on unharmed.
    h.save(path)
    assert _readings(h, text) == _readings(g, text)
    assert _readings(nass.Gazetteer.open(path), text) == _readings(g, text)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.idx"]  # no temporary left
    assert _readings(pickle.loads(pickle.dumps(h)), text) == _readings(g, text)


_PICKLE_GAZETTEER = nass.Gazetteer(
    entries=[nass.Entry("الحرب", "event", payload=[1, None]), ("بغداد الجديدة", "district")],
    adjectives=True,
)


@given(arabic_text)
def test_pickled_and_opened_gazetteers_find_what_the_built_one_finds(text: str) -> None:
    built = _PICKLE_GAZETTEER
    unpickled = pickle.loads(pickle.dumps(built))
    want = _readings(built, text, True)
    assert _readings(unpickled, text, True) == want



def test_bad_indexes_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="missing.idx"):
        nass.Gazetteer.open(tmp_path / "missing.idx")
    text_file = tmp_path / "names.tsv"
    text_file.write_text("الموصل\tcity\n", encoding="utf-8")
    with pytest.raises(nass.NassError, match="not a nass gazetteer index"):
        nass.Gazetteer.open(text_file)
    with pytest.raises((OSError, nass.NassError)):
        nass.Gazetteer.open(tmp_path)
    g = nass.Gazetteer(entries=[("الموصل", "city")], default=False)
    good = tmp_path / "good.idx"
    g.save(good)
    data = good.read_bytes()
    truncated = tmp_path / "truncated.idx"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(nass.NassError):
        nass.Gazetteer.open(truncated)
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x10
    bad = tmp_path / "flipped.idx"
    bad.write_bytes(bytes(flipped))
    with pytest.raises(nass.NassError):
        nass.Gazetteer.open(bad)
    # A pickle whose index bytes were damaged in transit is an error, not a crash.
    damaged = pickle.dumps(g).replace(b"nassgzix", b"nassgziy")
    with pytest.raises(nass.NassError, match="not a nass gazetteer index"):
        pickle.loads(damaged)
    with pytest.raises(OSError):
        g.save(tmp_path / "no-such-dir" / "g.idx")
    for not_a_path in (None, 3, b"g.idx"):
        with pytest.raises(nass.NassTypeError, match="must be str or os.PathLike"):
            nass.Gazetteer.open(not_a_path)  # type: ignore[arg-type]
        with pytest.raises(nass.NassTypeError, match="must be str or os.PathLike"):
            g.save(not_a_path)  # type: ignore[arg-type]
        with pytest.raises(nass.NassTypeError, match="must be str or os.PathLike"):
            nass.Gazetteer(files=[not_a_path])  # type: ignore[list-item]
