"""Many Python threads at once, and use after fork."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import nass
import nass.camel


def work(lines: list[str], gazetteer: nass.Gazetteer) -> list[Any]:
    n = nass.Normalizer("camel")
    return [
        n.normalize_batch(lines),
        [n.normalize(line) for line in lines],
        [[(t.text, t.start, t.end, t.norm) for t in ts] for ts in nass.tokenize_batch(lines, normalize=n)],
        [[(m.start, m.end, m.name) for m in gazetteer.find(line)] for line in lines],
        [[(d.start, d.value) for d in nass.find_dates(line)] for line in lines],
        [[(m.text, m.value) for m in nass.find_numbers(line, words=True)] for line in lines],
        nass.Transliterator("hsb").transliterate_batch(lines),
        [nass.camel.CharMapper.builtin_mapper("ar2bw")(line) for line in lines],
        [nass.camel.simple_word_tokenize(line) for line in lines],
    ]


def test_eight_threads_give_the_results_of_one(corpus_lines: list[str]) -> None:
    gazetteer = nass.Gazetteer()
    lines = corpus_lines * 4
    expected = work(lines, gazetteer)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: work(lines, gazetteer), range(8)))
    for r in results:
        assert r == expected


def test_num_threads_setting_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    nass.set_num_threads(3)
    assert nass.get_num_threads() == 3
    nass.set_num_threads(0)
    monkeypatch.setenv("NASS_NUM_THREADS", "5")
    assert nass.get_num_threads() == 5
    monkeypatch.delenv("NASS_NUM_THREADS")
    assert nass.get_num_threads() == (os.cpu_count() or 1) or nass.get_num_threads() >= 1
    with pytest.raises(nass.NassError):
        nass.set_num_threads(-1)


def _child_normalize(lines: list[str]) -> list[str]:
    return nass.Normalizer("camel").normalize_batch(lines)


def _child_find(args: tuple[bytes, str]) -> list[str]:
    gazetteer = pickle.loads(args[0])
    return [m.name for m in gazetteer.find(args[1])]


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_batches_work_after_fork(corpus_lines: list[str]) -> None:
    big = corpus_lines * 40
    nass.set_num_threads(4)
    try:
        expected = nass.Normalizer("camel").normalize_batch(big)  # threads ran in the parent
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(2) as pool:
            results = pool.map(_child_normalize, [big, big])
        assert results == [expected, expected]
    finally:
        nass.set_num_threads(0)


def test_a_pickled_gazetteer_works_in_worker_processes(corpus_lines: list[str]) -> None:
    g = nass.Gazetteer(entries=[("الموصل", "city")])
    data = pickle.dumps(g)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.map(_child_find, [(data, line) for line in corpus_lines[:20]])
    assert results == [[m.name for m in g.find(line)] for line in corpus_lines[:20]]
