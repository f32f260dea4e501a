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


def test_gazetteer_pickles_with_its_sources(tmp_path: Path) -> None:
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
